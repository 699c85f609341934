#!/usr/bin/python3
"""The real-text, whole-document bench corpus (issue "performance at real size").

    bench/gen_realtext.py --out DIR [--documents 400] [--paragraphs 40] [--shared ../shared]

Offices index whole documents: a law of 40 articles, a manual of 200 paragraphs, one
file each. This corpus has that shape and only real text: the six Tajik presidential
addresses to the Majlisi Oli (formal Tajik, with the substitute-letter spellings real text
has) and the Universal Declaration of Human Rights in Tajik, Russian and English, from
../shared/realdata (tests/data/realdata holds three of the addresses when ../shared is not
there). Nothing is generated: document i takes `--paragraphs` consecutive non-empty
paragraphs of source i mod 9, starting where the previous document of that source
stopped (wrapping), so the text repeats once the sources are used up (they hold about
0.7 MB), as a large office collection repeats boilerplate.

Writes, for the same text,
  DIR/akn/NNN.xml      one Akoma Ntoso act per document, a <paragraph> per paragraph (Himoya)
  DIR/plain/NNN.txt    one plain text file per document, paragraphs separated by blank lines (omindex)
  DIR/provisions.tsv   one line per paragraph for SQLite FTS5 (id, lang, jurisdiction, type, year,
                       title, heading, text), as bench/gen_corpus.py writes it
  DIR/stats.json       documents, provisions, raw text bytes (the paragraphs' UTF-8 bytes)
"""
import argparse
import json
import os
import sys
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
ADDRESSES = ["Payom_MajlisiOli_23_01_2015.txt", "Payom_MajlisiOli_20_01_2016.txt",
             "Payom_MajlisiOli_22_12_2016.txt", "Payom_MajlisiOli_22_12_2017.txt",
             "Payom_MajlisiOli_26_12_2018.txt", "Payom_MajlisiOli_26_12_2019.txt"]
UDHR = [("eng.txt", "en", "eng"), ("rus.txt", "ru", "rus"), ("tgk.txt", "tg", "tgk")]


def paragraphs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return [" ".join(line.split()) for line in f if line.strip()]


def sources(shared):
    """(name, lang, akn language, paragraphs) of every source found."""
    out = []
    for folder in [os.path.join(shared, "realdata", "tajik-keyword-extractor"),
                   os.path.join(HERE, "..", "tests", "data", "realdata", "tajik-keyword-extractor")]:
        found = [a for a in ADDRESSES if os.path.exists(os.path.join(folder, a))]
        if found:
            out += [(a, "tg", "tgk", paragraphs(os.path.join(folder, a))) for a in found]
            break
    udhr = os.path.join(shared, "realdata", "nltk-udhr2")
    for name, lang, akn in UDHR:
        if os.path.exists(os.path.join(udhr, name)):
            out.append(("udhr-" + name, lang, akn, paragraphs(os.path.join(udhr, name))))
    return out


def akn(doc_id, lang, akn_lang, title, paras):
    body = "\n".join(
        f'      <paragraph eId="para_{i + 1}"><num>{i + 1}.</num><content><p>{escape(p)}</p></content></paragraph>'
        for i, p in enumerate(paras))
    work = f"/akn/tj/act/2020-01-01/{doc_id}"

    def frbr(level, uri, extra):
        return (f'        <FRBR{level}>\n          <FRBRthis value="{uri}/!main"/>\n'
                f'          <FRBRuri value="{uri}"/>\n          <FRBRdate date="2020-01-01" name="adoption"/>\n'
                f'          <FRBRauthor href="#bench"/>\n{extra}        </FRBR{level}>\n')

    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">\n  <act name="act">\n'
            '    <meta>\n      <identification source="#bench">\n'
            + frbr("Work", work, f'          <FRBRcountry value="tj"/>\n          <FRBRnumber value="{doc_id}"/>\n'
                                 f'          <FRBRname value={quoteattr(title)}/>\n')
            + frbr("Expression", f"{work}/{akn_lang}@", f'          <FRBRlanguage language="{akn_lang}"/>\n')
            + f'      </identification>\n    </meta>\n    <body>\n{body}\n    </body>\n  </act>\n</akomaNtoso>\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--documents", type=int, default=400)
    ap.add_argument("--paragraphs", type=int, default=40)
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    a = ap.parse_args()
    src = sources(a.shared)
    if not src:
        sys.exit("gen_realtext: no source text found (../shared/realdata or tests/data/realdata)")
    for sub in ("akn", "plain"):
        os.makedirs(os.path.join(a.out, sub), exist_ok=True)
    cursor = [0] * len(src)
    raw = provisions = 0
    with open(os.path.join(a.out, "provisions.tsv"), "w", encoding="utf-8") as tsv:
        for i in range(a.documents):
            s = i % len(src)
            name, lang, akn_lang, paras = src[s]
            chosen = [paras[(cursor[s] + k) % len(paras)] for k in range(a.paragraphs)]
            cursor[s] = (cursor[s] + a.paragraphs) % len(paras)
            doc_id = f"rt{i:04d}"
            title = f"{os.path.splitext(name)[0]} {doc_id}"
            with open(os.path.join(a.out, "akn", doc_id + ".xml"), "w", encoding="utf-8") as f:
                f.write(akn(doc_id, lang, akn_lang, title, chosen))
            with open(os.path.join(a.out, "plain", doc_id + ".txt"), "w", encoding="utf-8") as f:
                f.write(title + "\n\n" + "\n\n".join(chosen) + "\n")
            for k, p in enumerate(chosen):
                tsv.write(f"{doc_id}/para_{k + 1}\t{lang}\tTJ\tlaw\t2020\t{title}\t\t{p}\n")
                raw += len(p.encode("utf-8"))
                provisions += 1
    with open(os.path.join(a.out, "stats.json"), "w") as f:
        json.dump({"documents": a.documents, "provisions": provisions, "raw_text_bytes": raw,
                   "sources": [s[0] for s in src]}, f, indent=1)
    print(f"{a.documents} documents, {provisions} paragraphs, {raw / 1e6:.2f} MB of text", file=sys.stderr)


if __name__ == "__main__":
    main()
