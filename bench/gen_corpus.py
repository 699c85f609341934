#!/usr/bin/python3
"""Scales the real corpus to N provisions of realistic tg/ru/en text.

    bench/gen_corpus.py --provisions N --out DIR [--seed 1] [--shared ../shared]

Writes
  DIR/xml/NNN/bench-NNNNNN.xml   corpus-format v1 documents (20-80 provisions each)
  DIR/plain/NNN/<provision>.txt  the same provision text, one file per provision (omindex)
                                 (--whole-documents: DIR/plain/NNN/<document>.txt, one file per
                                 document, its title once, then each provision's heading and text;
                                 documents of 20-200 provisions: the shape offices have)
  DIR/provisions.tsv             id, lang, jurisdiction, type, year, title, heading, text (SQLite FTS5)
  DIR/stats.json                 counts and raw text bytes

Text model. For each language the real text is read at run time: the <p> and <heading>
texts of corpus/**/*.xml in that language, plus ../shared/realdata (never copied into the
repository): the UDHR in tg/ru/en, the six Tajik presidential addresses (formal Tajik, with
real substitute-letter spellings), and the English Akoma Ntoso acts. A provision's text is a
chain of spans of 3-14 consecutive words drawn from random places of that stream, so the word
frequency distribution (Zipf), word lengths and local word order (bigrams, phrases) are the
real ones; 2 % of Tajik words are replaced by words of the uniparser list of unanalysed
forms (old-font and keyboard-substitute spellings). Provision lengths (in words) are drawn
from the empirical distribution of the real corpus's provisions, per language.
Metadata (jurisdiction, type, year, body, topics) is drawn from the real corpus's values and
the thesaurus's concept ids. Deterministic for a given seed and input.
"""
import argparse
import glob
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = "{urn:himoya:corpus:1}"
AKN_RE = re.compile(r"<[^>]+>")
WORD_RE = re.compile(r"\S+")


def corpus_documents(root):
    docs = []
    for path in sorted(glob.glob(os.path.join(root, "corpus", "**", "*.xml"), recursive=True)):
        if "/schema/" in path or path.endswith("thesaurus.xml") or "/facts/" in path:
            continue
        try:
            tree = ET.parse(path)
        except ET.ParseError:
            continue
        r = tree.getroot()
        if r.tag != NS + "document":
            continue
        meta = r.find(NS + "meta")
        get = lambda tag: (meta.findtext(NS + tag) or "").strip()
        provs = []
        for unit in r.find(NS + "body").iter():
            ps = unit.findall(NS + "p")
            if ps:
                provs.append((unit.findtext(NS + "heading") or "", " ".join(" ".join((p.text or "").split()) for p in ps)))
        docs.append({"lang": get("language"), "jurisdiction": get("jurisdiction"), "type": get("type"),
                     "date": get("date"), "body": get("issuing-body"), "title": get("title"),
                     "topics": [t.text for t in meta.iter(NS + "topic") if t.text], "provisions": provs})
    return docs


def read_text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def akn_text(path):
    t = read_text(path)
    t = re.sub(r"(?s)<meta>.*?</meta>", " ", t)
    t = re.sub(r"(?s)<(an:)?meta>.*?</(an:)?meta>", " ", t)
    return AKN_RE.sub(" ", t).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def language_streams(root, shared, docs):
    streams = {"tg": [], "ru": [], "en": []}
    for d in docs:
        if d["lang"] in streams:
            for heading, text in d["provisions"]:
                streams[d["lang"]] += WORD_RE.findall(heading + " " + text)
    rd = os.path.join(shared, "realdata")
    streams["tg"] += WORD_RE.findall(read_text(os.path.join(rd, "nltk-udhr2", "tgk.txt")))
    for p in sorted(glob.glob(os.path.join(rd, "tajik-keyword-extractor", "Payom_*.txt"))):
        streams["tg"] += WORD_RE.findall(read_text(p))
    streams["ru"] += WORD_RE.findall(read_text(os.path.join(rd, "nltk-udhr2", "rus.txt")))
    streams["en"] += WORD_RE.findall(read_text(os.path.join(rd, "nltk-udhr2", "eng.txt")))
    for name in ["uk_pga-2014-27-enacted-data.xml", "us_Act_2011-11-29.xml", "asp-2017-1-enacted-data.akn.xml",
                 "eu_COM(2013)0619_EN-8.xml"]:
        streams["en"] += WORD_RE.findall(akn_text(os.path.join(rd, "akn-legaldocml-tests", name)))
    rare = [w.strip().split()[0] for w in read_text(os.path.join(rd, "uniparser-tajik",
                                                              "wordlist_unanalyzed.first50000.txt")).splitlines()
            if w.strip()]
    return streams, rare


def concept_ids(root):
    text = read_text(os.path.join(root, "corpus", "thesaurus.xml"))
    return re.findall(r'<concept id="([^"]+)"', text) or ["domestic-violence"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--provisions", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--shared", default=None)
    ap.add_argument("--no-plain", action="store_true", help="skip the per-provision .txt files")
    ap.add_argument("--whole-documents", action="store_true",
                    help="documents of 20-200 provisions, one plain file per document")
    a = ap.parse_args()
    shared = a.shared or os.path.join(a.root, "..", "shared")
    rnd = random.Random(a.seed)

    docs = corpus_documents(a.root)
    streams, rare = language_streams(a.root, shared, docs)
    if not rare:
        rare = streams["tg"]
    lengths = {l: [] for l in streams}
    for d in docs:
        if d["lang"] in lengths:
            lengths[d["lang"]] += [max(5, len(WORD_RE.findall(t))) for _, t in d["provisions"]]
    for l in lengths:
        if not lengths[l]:
            lengths[l] = [60]
    # Language mix: as in the real corpus (by provisions).
    lang_weights = {l: sum(len(d["provisions"]) for d in docs if d["lang"] == l) or 1 for l in streams}
    langs = list(streams)
    weights = [lang_weights[l] for l in langs]
    jurisdictions = sorted({d["jurisdiction"] for d in docs}) + ["KZ", "KG", "UZ", "AM", "AZ", "UA"]
    types = [d["type"] for d in docs]
    bodies = {l: sorted({d["body"] for d in docs if d["lang"] == l and d["body"]}) or ["Parliament"] for l in langs}
    titles = {l: [d["title"] for d in docs if d["lang"] == l] or ["Law"] for l in langs}
    headings = {l: [h for d in docs if d["lang"] == l for h, _ in d["provisions"] if h] or ["Article"] for l in langs}
    concepts = concept_ids(a.root)

    def text_of(lang, n_words):
        s = streams[lang]
        out = []
        while len(out) < n_words:
            span = rnd.randint(3, 14)
            i = rnd.randrange(0, max(1, len(s) - span))
            out += s[i:i + span]
        out = out[:n_words]
        if lang == "tg":
            for k in range(len(out)):
                if rnd.random() < 0.02:
                    out[k] = rnd.choice(rare)
        return " ".join(out)

    xml_dir = os.path.join(a.out, "xml")
    plain_dir = os.path.join(a.out, "plain")
    os.makedirs(xml_dir, exist_ok=True)
    tsv = open(os.path.join(a.out, "provisions.tsv"), "w", encoding="utf-8")
    clean = lambda s: s.replace("\t", " ").replace("\n", " ")
    made = 0
    n_doc = 0
    raw_bytes = 0
    while made < a.provisions:
        n_doc += 1
        lang = rnd.choices(langs, weights)[0]
        n = min(rnd.randint(20, 200) if a.whole_documents else rnd.randint(20, 80), a.provisions - made)
        doc_id = "bench-%06d-%s" % (n_doc, lang)
        jur = rnd.choice(jurisdictions)
        year = rnd.randint(1979, 2025)
        typ = rnd.choice(types)
        body = rnd.choice(bodies[lang])
        title = "%s (%d)" % (rnd.choice(titles[lang]), n_doc)
        topics = rnd.sample(concepts, rnd.randint(1, 3))
        sub = "%03d" % (n_doc // 1000)
        os.makedirs(os.path.join(xml_dir, sub), exist_ok=True)
        parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:himoya:corpus:1" id="%s" version="1">\n'
                 '  <meta>\n    <title>%s</title>\n    <jurisdiction>%s</jurisdiction>\n    <language>%s</language>\n'
                 '    <type>%s</type>\n    <date>%d-%02d-%02d</date>\n    <issuing-body>%s</issuing-body>\n'
                 '    <text-status>summary</text-status>\n    <topics>%s</topics>\n'
                 '    <source><official-title>%s</official-title><note>Generated by bench/gen_corpus.py</note></source>\n'
                 '  </meta>\n  <body>\n'
                 % (doc_id, escape(title), jur, lang, typ, year, rnd.randint(1, 12), rnd.randint(1, 28), escape(body),
                    "".join("<topic>%s</topic>" % t for t in topics), escape(title))]
        if not a.no_plain:
            os.makedirs(os.path.join(plain_dir, sub) if a.whole_documents else os.path.join(plain_dir, sub, doc_id),
                        exist_ok=True)
        whole = [title + "\n"]
        if a.whole_documents:
            raw_bytes += len(whole[0].encode("utf-8"))
        for k in range(1, n + 1):
            heading = rnd.choice(headings[lang])
            text = text_of(lang, rnd.choice(lengths[lang]))
            unit_topics = " ".join(rnd.sample(concepts, rnd.randint(0, 2)))
            parts.append('    <article num="%d" id="art_%d"%s>\n      <heading>%s</heading>\n      <p>%s</p>\n    </article>\n'
                         % (k, k, (' topics="%s"' % unit_topics) if unit_topics else "", escape(heading), escape(text)))
            pid = "%s/art_%d" % (doc_id, k)
            raw = "%s\n%s\n%s\n" % (title, heading, text)
            if a.whole_documents:
                raw = "\n%s\n%s\n" % (heading, text)
                whole.append(raw)
            raw_bytes += len(raw.encode("utf-8"))
            if not a.no_plain and not a.whole_documents:
                with open(os.path.join(plain_dir, sub, doc_id, "art_%d.txt" % k), "w", encoding="utf-8") as f:
                    f.write(raw)
            tsv.write("\t".join([pid, lang, jur, typ, str(year), clean(title), clean(heading), clean(text)]) + "\n")
        parts.append("  </body>\n</document>\n")
        if a.whole_documents and not a.no_plain:
            with open(os.path.join(plain_dir, sub, doc_id + ".txt"), "w", encoding="utf-8") as f:
                f.write("".join(whole))
        with open(os.path.join(xml_dir, sub, doc_id + ".xml"), "w", encoding="utf-8") as f:
            f.write("".join(parts))
        made += n
    tsv.close()
    with open(os.path.join(a.out, "stats.json"), "w") as f:
        json.dump({"provisions": made, "documents": n_doc, "raw_text_bytes": raw_bytes,
                   "stream_words": {l: len(s) for l, s in streams.items()},
                   "language_weights": lang_weights}, f, indent=1)
    print("generated %d provisions in %d documents, %.1f MB raw text" % (made, n_doc, raw_bytes / 1e6),
          file=sys.stderr)


if __name__ == "__main__":
    main()
