#!/usr/bin/env python3
"""How much structure the plain-text, DOCX, PDF and DOC readers recover, measured.

Takes real structured documents (our corpus/ XML laws and the Akoma Ntoso
files of tests/data/realdata), renders each to plain text, to DOCX and to PDF
(headings as lines the way the source writes them: its <num> and <heading>,
"Article 5 Heading", "Статья 5. ...", "Моддаи 5. ..."; paragraphs as lines),
indexes all of them with `himoya index` (each with a generated NAME.meta.xml),
reads back each document's provisions through `himoya serve`
(/api/documents/{id}) and reports, per format and language, the share of the
source's numbered articles and sections recovered with the right number (a
provision whose unit id is art_N / sec_N, or a part of it, art_N__para_M) and
with the right number and heading (case- and punctuation-insensitive).

    bench/structure_recovery.py [--himoya build/himoya] [--keep DIR]

Needs python3-reportlab and fonts-dejavu-core (Debian); the .doc rendering (the
DOCX saved as Word 97) only when LibreOffice's soffice is installed. Prints a
table; exit 0.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
UNIT_KINDS = {"part", "chapter", "section", "article", "paragraph", "subsection", "point", "annex", "title",
              "book", "division", "subdivision", "subchapter", "subpart", "rule", "clause", "subparagraph",
              "list", "hcontainer", "subclause", "level", "tblock"}
MEASURED = ("article", "section")
ABBREV = {"article": "art", "section": "sec"}
# The word a heading starts with -> the kind of unit it names.
KIND_WORDS = {"article": "article", "статья": "article", "моддаи": "article", "član": "article",
              "članak": "article", "члан": "article", "section": "section", "раздел": "section",
              "фасли": "section", "chapter": "chapter", "глава": "chapter", "боби": "chapter",
              "part": "part", "қисми": "part"}
LANGS = {"eng": "en", "en": "en", "rus": "ru", "ru": "ru", "tgk": "tg", "tg": "tg"}


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(el):
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold().replace("ё", "е")
    return " ".join(re.findall(r"\w+", s))


def num_id(num):
    """The reader's unit-id form of a number: "1.2" -> "1_2", "7-1" -> "7_1", "93²" -> "93_2"."""
    sup = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
    out = ""
    prev_sup = False
    for ch in num:
        if ch in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            out += ("" if prev_sup or out.endswith("_") else "_") + ch.translate(sup)
            prev_sup = True
            continue
        prev_sup = False
        if ch.isascii() and ch.isalnum():
            out += ch.lower()
        elif out and not out.endswith("_"):
            out += "_"
    return out.strip("_")


def bare_number(num_text):
    """"Article 5." -> "5"; "(1)" -> "1"; "93²" stays."""
    m = re.search(r"[0-9][0-9.\-⁰¹²³⁴⁵⁶⁷⁸⁹a-z]*", num_text) or re.search(r"\b[IVXLCDM]+\b", num_text)
    return m.group(0).rstrip(".-") if m else ""


class Source:
    """One document: its lines (kind, text) and the units to recover."""

    def __init__(self, name, language, title):
        self.name, self.language, self.title = name, language, title
        self.lines = []  # ("heading", level, text) or ("p", 0, text)
        self.units = []  # (kind, num, heading)


def read_corpus(path):
    root = ET.parse(path).getroot()
    if local(root.tag) != "document":
        return None
    ns = root.tag[: root.tag.index("}") + 1] if "}" in root.tag else ""
    meta = root.find(ns + "meta")
    lang = meta.findtext(ns + "language")
    src = Source(os.path.basename(path)[:-4], lang, meta.findtext(ns + "title"))
    src.lines.append(("heading", 0, src.title))

    def walk(el, level):
        for child in el:
            kind = local(child.tag)
            if kind == "p":
                src.lines.append(("p", 0, text_of(child)))
            elif kind in UNIT_KINDS:
                num = child.get("num", "")
                h = child.find(ns + "heading")
                heading = text_of(h) if h is not None else ""
                line = heading
                # The corpus writes "Моддаи 1. Мафҳумҳои асосӣ" as the heading itself; a
                # unit whose heading does not show its number cannot be measured.
                m = re.match(r"^(\S+)\s+(\S+?)[.:]?(?:\s+(.*))?$", heading)
                if num and kind in ("paragraph", "point"):
                    line = f"{num}. {heading}" if heading else f"{num}."
                elif num and m and bare_number(m.group(2)) == num:
                    word = m.group(1).casefold()
                    shown = KIND_WORDS.get(word)
                    if shown in MEASURED:
                        src.units.append((shown, m.group(2).rstrip(".:"), m.group(3) or ""))
                if line:
                    src.lines.append(("heading", level, line))
                walk(child, level + 1)

    body = root.find(ns + "body")
    if body is not None:
        walk(body, 1)
    return src


def read_akn(path):
    root = ET.parse(path).getroot()
    if local(root.tag) != "akomaNtoso":
        return None
    lang = ""
    for el in root.iter():
        if local(el.tag) == "FRBRlanguage":
            lang = LANGS.get(el.get("language", ""), el.get("language", ""))
            break
    name = "akn-" + re.sub(r"[^a-z0-9]+", "-", os.path.basename(path).lower()).strip("-")
    src = Source(name, lang or "und", os.path.basename(path))
    doc = next((c for c in root if local(c.tag) in ("act", "bill", "doc", "documentCollection", "judgment",
                                                     "debate", "statement", "amendment")), None)
    if doc is None:
        return None

    def walk(el, level):
        for child in el:
            kind = local(child.tag)
            if kind in ("meta", "num", "heading", "subheading", "ref_list", "components", "attachments"):
                continue
            if kind in UNIT_KINDS:
                num_el = next((c for c in child if local(c.tag) == "num"), None)
                head_el = next((c for c in child if local(c.tag) == "heading"), None)
                num = text_of(num_el) if num_el is not None else ""
                heading = text_of(head_el) if head_el is not None else ""
                line = " ".join(x for x in (num, heading) if x)
                if line:
                    src.lines.append(("heading", level, line))
                shown = KIND_WORDS.get(num.split(" ")[0].casefold(), kind) if " " in num else kind
                if shown in MEASURED and bare_number(num):
                    src.units.append((shown, bare_number(num), heading))
                walk(child, level + 1)
            elif kind in ("p", "block", "listIntroduction", "listWrapUp", "docTitle", "longTitle"):
                t = text_of(child)
                if t:
                    src.lines.append(("p", 0, t))
            else:
                walk(child, level)

    walk(doc, 1)
    return src


# ---- renderers ------------------------------------------------------------------------------

def render_txt(src, path):
    with open(path, "w", encoding="utf-8") as f:
        for _, _, text in src.lines:
            f.write(text + "\n\n")


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def render_docx(src, path):
    body = []
    for kind, level, text in src.lines:
        style = f'<w:pPr><w:pStyle w:val="Heading{min(max(level, 1), 3)}"/></w:pPr>' if kind == "heading" else ""
        body.append(f'<w:p>{style}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
                f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="Heading{i}"><w:name w:val="heading {i}"/>'
                     f'<w:pPr><w:outlineLvl w:val="{i - 1}"/></w:pPr></w:style>' for i in (1, 2, 3))
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              f'{styles}</w:styles>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>")
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", doc_rels)
        z.writestr("word/styles.xml", styles)


def render_pdf(src, path):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    width, height = A4
    y, page = height - 60, 1

    def new_page():
        nonlocal y, page
        c.setFont("DejaVuSans", 9)
        c.drawCentredString(width / 2, 30, str(page))
        c.showPage()
        page += 1
        y = height - 60

    for kind, _, text in src.lines:
        size = 12 if kind == "heading" else 10
        for piece in simpleSplit(text, "DejaVuSans", size, width - 120):
            if y < 60:
                new_page()
            c.setFont("DejaVuSans", size)
            c.drawString(60, y, piece)
            y -= size * 1.4
        y -= size * 0.8  # a blank line between paragraphs
    new_page()
    c.save()


def meta(doc_id, src):
    lang = src.language if src.language else "und"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<meta xmlns="urn:himoya:corpus:1" id="{doc_id}">
  <title>{escape(src.title or doc_id)}</title>
  <jurisdiction>INT</jurisdiction>
  <language>{escape(lang)}</language>
  <type>law</type>
  <date>2020</date>
  <issuing-body>bench</issuing-body>
  <text-status>summary</text-status>
  <source><official-title>{escape(src.title or doc_id)}</official-title></source>
</meta>
"""


# ---- measuring ------------------------------------------------------------------------------

def recovered(units, provisions):
    by_unit = {}
    for p in provisions:
        head = p.get("unit_id", "").split("__", 1)[0]
        by_unit.setdefault(head, []).append(p)
    num_ok = both_ok = 0
    misses = []
    for kind, num, heading in units:
        candidates = by_unit.get(f"{ABBREV[kind]}_{num_id(num)}", [])
        if candidates:
            num_ok += 1
            if not heading or any(norm(p.get("heading", "")) == norm(heading) for p in candidates):
                both_ok += 1
            else:
                misses.append(f"{kind} {num}: heading {candidates[0].get('heading', '')!r} != {heading!r}")
        else:
            misses.append(f"{kind} {num} {heading!r}: not found")
    return num_ok, both_ok, misses


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--himoya", default=os.path.join(REPO, "build", "himoya"))
    ap.add_argument("--keep", help="write the rendered corpus and index here and keep them")
    ap.add_argument("--verbose", action="store_true", help="list every unit not recovered")
    args = ap.parse_args()

    sources = []
    for folder, reader in ((os.path.join(REPO, "corpus"), read_corpus),
                           (os.path.join(REPO, "tests", "data", "realdata"), read_akn)):
        for dirpath, _, files in sorted(os.walk(folder)):
            if "schema" in dirpath:
                continue
            for f in sorted(files):
                if not f.endswith(".xml") or f in ("thesaurus.xml", "bodies.xml", "istanbul-articles.xml",
                                                   "jurisdictions.xml"):
                    continue
                try:
                    src = reader(os.path.join(dirpath, f))
                except ET.ParseError:
                    continue
                if src and src.units:
                    sources.append(src)

    work = args.keep or tempfile.mkdtemp(prefix="himoya-structure-")
    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(corpus)
    ids = []
    # Legacy Word .doc: the DOCX rendering saved by LibreOffice's "MS Word 97"
    # filter, when soffice is here (Debian libreoffice-writer-nogui).
    formats = [("txt", render_txt), ("docx", render_docx), ("pdf", render_pdf)]
    staging = os.path.join(work, "doc-staging")
    if shutil.which("soffice"):
        shutil.rmtree(staging, ignore_errors=True)
        os.makedirs(staging)
        formats.append(("doc", lambda src, path: render_docx(
            src, os.path.join(staging, os.path.basename(path)[:-4] + ".docx"))))
    for src in sources:
        for fmt, render in formats:
            doc_id = f"sr-{fmt}-{src.name}".lower()
            render(src, os.path.join(corpus, f"{doc_id}.{fmt}"))
            with open(os.path.join(corpus, f"{doc_id}.meta.xml"), "w", encoding="utf-8") as f:
                f.write(meta(doc_id, src))
            ids.append((fmt, src, doc_id))
    if os.path.isdir(staging):
        docx = sorted(os.path.join(staging, f) for f in os.listdir(staging))
        subprocess.run(["soffice", "--headless", "--norestore",
                        "-env:UserInstallation=file://" + os.path.join(work, "lo-profile"),
                        "--convert-to", "doc:MS Word 97", "--outdir", corpus] + docx,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = os.path.join(work, "index")
    run = subprocess.run([args.himoya, "index", "--corpus", corpus, "--db", db, "--quiet"],
                         capture_output=True, text=True)
    if run.returncode not in (0, 2):
        sys.exit(f"himoya index failed ({run.returncode}): {run.stderr}")
    port = free_port()
    server = subprocess.Popen([args.himoya, "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        table = {}
        for fmt, src, doc_id in ids:
            provisions = []
            try:
                while True:  # pages of at most 2000 provisions
                    url = f"{base}/api/documents/{doc_id}?limit=2000&offset={len(provisions)}"
                    with urllib.request.urlopen(url, timeout=30) as r:
                        page = json.load(r).get("provisions", [])
                    provisions += page
                    if len(page) < 2000:
                        break
            except OSError as e:
                print(f"{doc_id}: not read back ({e}); counted as nothing recovered", file=sys.stderr)
            num_ok, both_ok, misses = recovered(src.units, provisions)
            row = table.setdefault((fmt, src.language), [0, 0, 0, 0])
            row[0] += len(src.units)
            row[1] += num_ok
            row[2] += both_ok
            row[3] += 1
            if args.verbose and misses:
                print(f"{doc_id}: {len(misses)} missed: " + "; ".join(misses[:6]), file=sys.stderr)
    finally:
        server.terminate()
        server.wait()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"{'format':6} {'lang':5} {'docs':>4} {'units':>6} {'number':>8} {'num+heading':>12}")
    totals = {}
    for (fmt, lang), (units, num_ok, both_ok, docs) in sorted(table.items()):
        print(f"{fmt:6} {lang:5} {docs:4} {units:6} {num_ok / units:8.3f} {both_ok / units:12.3f}")
        t = totals.setdefault(fmt, [0, 0, 0])
        t[0] += units
        t[1] += num_ok
        t[2] += both_ok
    for fmt, (units, num_ok, both_ok) in sorted(totals.items()):
        print(f"{fmt:6} {'all':5} {'':4} {units:6} {num_ok / units:8.3f} {both_ok / units:12.3f}")


if __name__ == "__main__":
    main()
