#!/usr/bin/env python3
"""The corpus's subject indexing as the majority of independent editors' indexings.

Each indexing-*.tsv here is one editor's indexing of every text (version group) of the corpus:
`group<TAB>about<TAB>note`, `about` the concept ids the text is about, space separated. A text is
about a concept when more than half of the indexings that cover it say so (docs/thesaurus.md,
"About and mentions"). The result is the `topics="..."` attribute of the text's unit in every
language version of its work. Where a concept was judged again (rejudge-<concept>-<n>.tsv) or a pair
the indexings split on by one vote was adjudicated (adjudicate-<n>.tsv), those judgments decide it
(README.md).

    corpus/indexing/combine.py --check   exit 1 and list the units whose topics differ
    corpus/indexing/combine.py --apply   rewrite topics="..." in the corpus files in place
    corpus/indexing/combine.py --packets DIR   write the editors' packets (part1.md ... part4.md,
                                         concepts.md) for a new round of indexing
    corpus/indexing/combine.py --contested DIR   write the adjudicators' packet (pairs.md)

Texts no indexing covers (added after the round) are left as they are. Only the standard library.
"""
import argparse
import collections
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
NS = '{urn:himoya:corpus:1}'
TNS = '{urn:himoya:thesaurus:1}'
# Unit ids as the indexer makes them when the markup gives none (indexer/readers/corpus_reader.cc).
UNITS = {'chapter': 'chp', 'section': 'sec', 'article': 'art', 'paragraph': 'para', 'part': 'part',
         'point': 'point', 'subsection': 'subsec'}
UNIT_TAG = re.compile(r'<(chapter|section|article|paragraph|point|part|subsection)\b[^>]*>')


def local(tag):
    return tag.split('}')[1]


def corpus_files():
    for f in sorted(glob.glob(os.path.join(CORPUS, '**', '*.xml'), recursive=True)):
        rel = os.path.relpath(f, CORPUS)
        if rel.startswith(('schema' + os.sep, 'facts' + os.sep, 'indexing' + os.sep)):
            continue
        yield f


def units_of(text):
    """(work, [(element name, unit id, has text, heading, text)]) of a corpus document, in document
    order, or None when the file is not a corpus document."""
    root = ET.fromstring(text.encode('utf-8'))
    if local(root.tag) != 'document':
        return None
    meta = root.find(NS + 'meta')
    work_el = meta.find(NS + 'work')
    work = work_el.text if work_el is not None else root.get('id')
    out = []
    seen = collections.Counter()

    def walk(node, parent, heading):
        for c in node:
            name = local(c.tag)
            if name in ('heading', 'p'):
                continue
            num = (c.get('num') or '').strip()
            uid = c.get('id')
            if not uid:
                uid = UNITS.get(name, name) + '_' + (''.join(ch for ch in num if ch.isalnum()) or '1')
                if parent:
                    uid = parent + '__' + uid
            seen[uid] += 1
            if seen[uid] > 1:
                uid = uid + '_' + str(seen[uid])
            h = c.find(NS + 'heading')
            h = ''.join(h.itertext()).strip() if h is not None else heading
            ps = [' '.join(''.join(p.itertext()).split()) for p in c.findall(NS + 'p')]
            out.append((name, uid, bool(ps), h, '\n'.join(ps)))
            walk(c, uid, h)

    walk(root.find(NS + 'body'), '', '')
    return work, out, meta


def read_indexings():
    indexings = {}
    for path in sorted(glob.glob(os.path.join(HERE, 'indexing-*.tsv'))):
        editor = os.path.basename(path)[len('indexing-'):-len('.tsv')]
        rows = {}
        with open(path, encoding='utf-8') as f:
            header = f.readline().rstrip('\n')
            if header != 'group\tabout\tnote':
                sys.exit(f'{path}:1: header must be "group<TAB>about<TAB>note"')
            for n, line in enumerate(f, start=2):
                fields = line.rstrip('\n').split('\t')
                if len(fields) != 3:
                    sys.exit(f'{path}:{n}: 3 tab-separated fields expected, found {len(fields)}')
                if fields[0] in rows:
                    sys.exit(f'{path}:{n}: group {fields[0]} indexed twice')
                rows[fields[0]] = fields[1].split()
        indexings[editor] = rows
    return indexings


def read_yes_no(path, key_fields):
    """{key: bool} from a TSV of judgments whose header is the key fields, `about` and `note`,
    with `about` yes or no; a key is the tuple of its fields, or the one field when there is one."""
    header = key_fields + ['about', 'note']
    rows = {}
    with open(path, encoding='utf-8') as f:
        if f.readline().rstrip('\n') != '\t'.join(header):
            sys.exit(f'{path}:1: header must be "{"<TAB>".join(header)}"')
        for n, line in enumerate(f, start=2):
            fields = line.rstrip('\n').split('\t')
            if len(fields) != len(header) or fields[-2] not in ('yes', 'no'):
                sys.exit(f'{path}:{n}: expected {"<TAB>".join(key_fields)}<TAB>yes|no<TAB>note')
            key = tuple(fields[:len(key_fields)]) if len(key_fields) > 1 else fields[0]
            if key in rows:
                sys.exit(f'{path}:{n}: {" ".join(fields[:len(key_fields)])} judged twice')
            rows[key] = fields[-2] == 'yes'
    return rows


def read_rejudgments():
    """concept -> [{group: bool}], from rejudge-<concept>-<n>.tsv: one concept judged again, after
    its definition was revised, by editors who saw only that definition (INSTRUCTIONS-rejudge.md)."""
    out = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(HERE, 'rejudge-*-[0-9]*.tsv'))):
        concept = re.match(r'rejudge-(.+)-\d+\.tsv$', os.path.basename(path)).group(1)
        out[concept].append(read_yes_no(path, ['group']))
    return out


def read_adjudications():
    """[{(group, concept): bool}], from adjudicate-<n>.tsv: the pairs the indexings split on by
    one vote, judged again by editors who saw only the text and the concept (INSTRUCTIONS-adjudicate.md)."""
    return [read_yes_no(path, ['group', 'concept'])
            for path in sorted(glob.glob(os.path.join(HERE, 'adjudicate-[0-9]*.tsv')))]


def contested(indexings, rejudgments):
    """(group, concept) pairs on which the indexings covering the group split by one vote either
    side of the line (4-3 or 3-4 of 7), leaving out concepts a re-judgment decides in that group."""
    out = []
    for g in ordered_groups(indexings):
        covering = [rows[g] for rows in indexings.values() if g in rows]
        votes = collections.Counter(c for about in covering for c in set(about))
        n = len(covering)
        for c in sorted(votes):
            if abs(votes[c] * 2 - n) != 1:
                continue
            if any(g in r for r in rejudgments.get(c, [])):
                continue
            out.append((g, c))
    return out


def ordered_groups(indexings):
    groups = collections.OrderedDict()
    for rows in indexings.values():
        for g in rows:
            groups.setdefault(g, None)
    return list(groups)


def settle(about, concept, judged):
    """Puts `concept` in or out of the list `about` as more than half of the yes/no `judged`
    say; leaves it as it is when nothing was judged."""
    if not judged:
        return
    yes = sum(judged) * 2 > len(judged)
    if yes and concept not in about:
        about.append(concept)
    elif not yes and concept in about:
        about.remove(concept)


def majority(indexings, rejudgments=None, adjudications=None):
    """group -> concept ids about which more than half of the indexings covering it agree,
    in the order of the first indexing that gives them. A concept judged again after its
    definition changed is decided, in the texts the re-judgments cover, by them alone; a pair
    the indexings split on by one vote is decided, where adjudications cover it, by them alone."""
    if rejudgments is None:
        rejudgments = read_rejudgments()
    if adjudications is None:
        adjudications = read_adjudications()
    out = {}
    for g in ordered_groups(indexings):
        covering = [rows[g] for rows in indexings.values() if g in rows]
        votes = collections.Counter(c for about in covering for c in set(about))
        order = []
        for about in covering:
            order += [c for c in about if c not in order]
        about = [c for c in order if votes[c] * 2 > len(covering)]
        for c in order:
            if abs(votes[c] * 2 - len(covering)) == 1:
                settle(about, c, [a[(g, c)] for a in adjudications if (g, c) in a])
        for concept, rounds in rejudgments.items():
            settle(about, concept, [r[g] for r in rounds if g in r])
        out[g] = about
    return out


def concept_ids():
    root = ET.parse(os.path.join(CORPUS, 'thesaurus.xml')).getroot()
    return [c.get('id') for c in root.findall(TNS + 'concept')]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument('--check', action='store_true')
    mode.add_argument('--apply', action='store_true')
    mode.add_argument('--packets', metavar='DIR')
    mode.add_argument('--contested', metavar='DIR')
    args = ap.parse_args()

    if args.packets:
        return write_packets(args.packets)
    if args.contested:
        return write_contested(args.contested)

    indexings = read_indexings()
    known = set(concept_ids())
    for editor, rows in indexings.items():
        for g, about in rows.items():
            for c in about:
                if c not in known:
                    sys.exit(f'indexing-{editor}.tsv: {g}: {c} is not a concept of corpus/thesaurus.xml')
    rejudgments = read_rejudgments()
    for concept in rejudgments:
        if concept not in known:
            sys.exit(f'rejudge-{concept}-*.tsv: {concept} is not a concept of corpus/thesaurus.xml')
    adjudications = read_adjudications()
    pairs = set(contested(indexings, rejudgments))
    for a in adjudications:
        for g, c in a:
            if (g, c) not in pairs:
                sys.exit(f'adjudicate-*.tsv: {g} {c} is not a pair the indexings split on by one vote')
    want = majority(indexings, rejudgments, adjudications)
    found, differ, changed = set(), [], 0
    for path in corpus_files():
        with open(path, encoding='utf-8') as f:
            text = f.read()
        parsed = units_of(text)
        if parsed is None:
            continue
        work, units, _ = parsed
        body = text.find('<body')
        tags = list(UNIT_TAG.finditer(text, body))
        if len(tags) != len(units):
            sys.exit(f'{path}: {len(units)} units parsed but {len(tags)} unit tags found')
        pieces, pos = [], 0
        for m, (name, uid, _, _, _) in zip(tags, units):
            if m.group(1) != name:
                sys.exit(f'{path}: unit {uid}: tag <{m.group(1)}> where <{name}> was parsed')
            key = work + '/' + uid
            if key not in want:
                continue
            found.add(key)
            tag = m.group(0)
            have = re.search(r' topics="([^"]*)"', tag)
            if (have.group(1).split() if have else []) == want[key]:
                continue
            differ.append(f'{os.path.relpath(path, CORPUS)}: {uid}: topics "{have.group(1) if have else ""}", '
                          f'the indexings give "{" ".join(want[key])}"')
            new = ' '.join(want[key])
            if have:
                new_tag = tag.replace(have.group(0), f' topics="{new}"' if new else '')
            else:
                new_tag = tag[:-1] + f' topics="{new}">'
            pieces += [text[pos:m.start()], new_tag]
            pos = m.end()
            changed += 1
        if args.apply and pieces:
            pieces.append(text[pos:])
            with open(path, 'w', encoding='utf-8') as f:
                f.write(''.join(pieces))
    missing = sorted(set(want) - found)
    for g in missing:
        print(f'indexed text not in the corpus: {g}', file=sys.stderr)
    if args.apply:
        print(f'{changed} unit tags rewritten; {len(found)} texts from {len(indexings)} indexings')
        return 1 if missing else 0
    for line in differ:
        print(line)
    print(f'{len(differ)} units differ from the majority of {len(indexings)} indexings; {len(found)} texts checked',
          file=sys.stderr)
    return 1 if differ or missing else 0


def corpus_texts():
    """group -> {work, jur, type, versions: {lang: (heading, text)}} for every unit with text."""
    groups = collections.OrderedDict()
    for path in corpus_files():
        with open(path, encoding='utf-8') as f:
            parsed = units_of(f.read())
        if parsed is None:
            continue
        work, units, meta = parsed
        lang = meta.find(NS + 'language').text
        g = lambda n: meta.find(NS + n).text if meta.find(NS + n) is not None else ''
        for _, uid, has_text, heading, text in units:
            if has_text:
                entry = groups.setdefault(work + '/' + uid, {'work': work, 'jur': g('jurisdiction'),
                                                             'type': g('type'), 'versions': {}})
                entry['versions'][lang] = (heading, text)
    return groups


def shown_version(entry):
    """(lang, (heading, text)) of the version editors read: English, else Russian, else Tajik."""
    vs = entry['versions']
    lang = next(lg for lg in ('en', 'ru', 'tg') if lg in vs)
    return lang, vs[lang]


def write_contested(out_dir):
    """The adjudicators' packet: every pair the indexings split on by one vote, as the text (in
    the version editors read) and the concept with its definition and its broader and narrower
    concepts' definitions for contrast. Neither the votes nor the markup are shown."""
    os.makedirs(out_dir, exist_ok=True)
    root = ET.parse(os.path.join(CORPUS, 'thesaurus.xml')).getroot()
    concepts, narrower = {}, collections.defaultdict(list)
    for c in root.findall(TNS + 'concept'):
        labels = [e.text for e in c if e.tag in (TNS + 'prefLabel', TNS + 'altLabel') and e.get('lang') == 'en']
        broader = [e.text for e in c.findall(TNS + 'broader')]
        definition = [e.text for e in c.findall(TNS + 'definition') if e.get('lang') == 'en'][0]
        concepts[c.get('id')] = (labels, broader, definition)
        for b in broader:
            narrower[b].append(c.get('id'))
    pairs = contested(read_indexings(), read_rejudgments())
    groups = corpus_texts()
    out, last = [f'# {len(pairs)} provision-concept pairs', ''], None
    for i, (g, c) in enumerate(pairs, start=1):
        if g != last:
            lang, (heading, text) = shown_version(groups[g])
            v = groups[g]
            out += ['', f'## Provision {g}', f'Work {v["work"]} — jurisdiction {v["jur"]}, type {v["type"]}; '
                    f'language shown: {lang}' + ('' if lang == 'en' else ' (no English version)'),
                    f'Heading: {heading}', 'Text:', text, '']
            last = g
        labels, broader, definition = concepts[c]
        out += [f'### PAIR {i}: {g} | {c}', f'Concept **{c}** — {"; ".join(labels)}', f'Definition: {definition}']
        for rel, ids in (('broader', broader), ('narrower', narrower[c])):
            for r in ids:
                out.append(f'- {rel}: **{r}** — {concepts[r][2]}')
        out.append('')
    with open(os.path.join(out_dir, 'pairs.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')
    print(f'{len(pairs)} pairs in {out_dir}/pairs.md')
    return 0


def write_packets(out_dir):
    """The editors' packets: every text of the corpus in its English version (else Russian, else
    Tajik), whole works kept together, in four parts of similar size; and the concept list."""
    os.makedirs(out_dir, exist_ok=True)
    root = ET.parse(os.path.join(CORPUS, 'thesaurus.xml')).getroot()
    lines = ['# The concepts of the Himoya thesaurus', '', 'Each: id — English labels; broader concepts; definition.', '']
    for c in root.findall(TNS + 'concept'):
        labels = [e.text for e in c if e.tag in (TNS + 'prefLabel', TNS + 'altLabel') and e.get('lang') == 'en']
        broader = [e.text for e in c.findall(TNS + 'broader')]
        definition = [e.text for e in c.findall(TNS + 'definition') if e.get('lang') == 'en'][0]
        lines.append(f'- **{c.get("id")}** — {"; ".join(labels)}' +
                     (f' — broader: {", ".join(broader)}' if broader else '') + f'\n  {definition}')
    with open(os.path.join(out_dir, 'concepts.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')
    groups = corpus_texts()
    works = collections.OrderedDict()
    for key, v in groups.items():
        works.setdefault(v['work'], []).append(key)

    def shown(key):
        return shown_version(groups[key])

    parts, sizes = [[] for _ in range(4)], [0] * 4
    for _, keys in sorted(works.items(), key=lambda kv: -sum(len(shown(k)[1][1]) + 200 for k in kv[1])):
        i = sizes.index(min(sizes))
        parts[i] += keys
        sizes[i] += sum(len(shown(k)[1][1]) + 200 for k in keys)
    for i, keys in enumerate(parts):
        out, last = [f'# Part {i + 1}: {len(keys)} provisions', ''], None
        for key in keys:
            v = groups[key]
            lang, (heading, text) = shown(key)
            if v['work'] != last:
                out.append(f'\n## Work {v["work"]} — jurisdiction {v["jur"]}, type {v["type"]}\n')
                last = v['work']
            out += [f'# PROVISION {key}', f'Language shown: {lang}' + ('' if lang == 'en' else ' (no English version)'),
                    f'Heading: {heading}', 'Text:', text, '']
        with open(os.path.join(out_dir, f'part{i + 1}.md'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(out) + '\n')
    print(f'{len(groups)} texts in 4 parts under {out_dir}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
