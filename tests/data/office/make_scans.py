#!/usr/bin/env python3
"""Writes the scanned-page fixtures of this folder (PROVENANCE.md says what each is).

Run with Debian's Python, which has python3-pil, python3-reportlab and
fonts-dejavu-core (DejaVuSans.ttf, for Cyrillic):

    /usr/bin/python3 tests/data/office/make_scans.py

A "scan" here is text drawn into a grayscale raster at 300 dpi with
DejaVuSans, a faint paper tint and a little deterministic speckle noise (a
seeded random generator), then either saved as an image (PNG) or embedded as
the only content of a PDF page (reportlab drawImage: no text layer). The OCR
tests (tests/ocr_test.cc, tests/pdf_reader_test.cc) read these; bench/
ocr_accuracy.sh compares the OCR output with SOURCE_TEXTS below (written to
scan-sources.tsv for the test).

The text is our own summary of the Law of the Republic of Tajikistan "On the
prevention of violence in the family" (19 March 2013), with only facts of
corpus/tj/tj-dv-law-2013-{tg,ru,en}.xml (the definitions of article 1). The
output is deterministic, so running it again changes nothing. make_fixtures.py
calls `scan_page` from here for page 2 of tj-dv-law-ru-scanned-page.pdf.
"""
import io
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 300

# ---- the texts (each line a paragraph; a heading is a line of its own) -------------------------

TG_SCAN = [
    "Моддаи 1. Мафҳумҳои асосӣ",
    "4. Зӯроварии равонӣ – таъсири қасдона ба рӯҳияи узви оила ва паст задани шаъну "
    "эътибори ӯ бо таҳдид, таҳқир ё шантаж.",
    "5. Зӯроварии шаҳвонӣ – амали қасдонаи зиддиҳуқуқие, ки ба озодӣ ва дахлнопазирии "
    "ҷинсии узви дигари оила дахл мекунад.",
]
RU_SCAN_PAGE2 = [
    "3. Физическое насилие — умышленное деяние члена семьи, который с применением "
    "физической силы причиняет другому члену семьи боль или вред здоровью.",
]
EN_SCAN = [
    "Article 1. Basic concepts",
    "4. Psychological violence is deliberate pressure on a family member and degradation "
    "of his or her honour and dignity by threats, insults or blackmail.",
    "5. Sexual violence is an intentional unlawful act that violates the sexual freedom "
    "of another family member.",
]

# What bench/ocr_accuracy.sh measures: file -> (language, source lines). One pure scan per
# language (tj-dv-law-tg-scan.pdf shows the same raster as the Tajik PNG).
SOURCE_TEXTS = {
    "tj-dv-law-tg-scan-image.png": ("tg", TG_SCAN),
    "tj-dv-law-ru-scan-image.png": ("ru", RU_SCAN_PAGE2),  # as page 2 of tj-dv-law-ru-scanned-page.pdf
    "tj-dv-law-en-scan-image.png": ("en", EN_SCAN),
}


def scan_page(lines, width_in=6.3, margin_in=0.4, size_pt=11, seed=1):
    """A grayscale PIL image of `lines` as a scanner at 300 dpi would give it."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, round(size_pt * DPI / 72))
    bold = ImageFont.truetype(FONT, round((size_pt + 1) * DPI / 72))
    width = round(width_in * DPI)
    margin = round(margin_in * DPI)
    line_height = round(size_pt * 1.5 * DPI / 72)
    # Wrap each paragraph at the text width.
    rows = []
    for i, text in enumerate(lines):
        f = bold if i == 0 and not text[0].isdigit() else font
        words, row = text.split(" "), ""
        for w in words:
            trial = (row + " " + w).strip()
            if f.getlength(trial) > width - 2 * margin and row:
                rows.append((row, f))
                row = w
            else:
                row = trial
        rows.append((row, f))
        rows.append(("", f))  # a blank line between paragraphs
    height = 2 * margin + line_height * len(rows)
    img = Image.new("L", (width, height), 246)  # paper is never quite white
    draw = ImageDraw.Draw(img)
    y = margin
    for row, f in rows:
        if row:
            draw.text((margin, y), row, font=f, fill=25)
        y += line_height
    # Speckles: dust on the glass, deterministic.
    rnd = random.Random(seed)
    px = img.load()
    for _ in range(width * height // 2500):
        x, yy = rnd.randrange(width), rnd.randrange(height)
        px[x, yy] = rnd.choice((60, 120, 200))
    return img


def png_bytes(img):
    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def draw_scan(c, img, page_width, page_height, top=72):
    """Draws `img` at 300 dpi near the top of a reportlab canvas page."""
    from reportlab.lib.utils import ImageReader

    w, h = img.size[0] * 72 / DPI, img.size[1] * 72 / DPI
    c.drawImage(ImageReader(io.BytesIO(png_bytes(img))), (page_width - w) / 2, page_height - top - h, w, h)


def image_only_pdf(path, img):
    """A one-page A4 PDF whose only content is the image: no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    draw_scan(c, img, *A4)
    c.showPage()
    c.save()


def main():
    out = lambda name: os.path.join(HERE, name)
    import make_fixtures as fx  # sidecars as for the other fixtures

    tg = scan_page(TG_SCAN, seed=1)
    image_only_pdf(out("tj-dv-law-tg-scan.pdf"), tg)
    fx.meta(out("tj-dv-law-tg-scan.meta.xml"), fx.TG_TITLE, "tg", fx.TG_OFFICIAL, fx.TG_NOTE)
    with open(out("tj-dv-law-tg-scan-image.png"), "wb") as f:
        f.write(png_bytes(scan_page(TG_SCAN, seed=2)))
    # No language in the sidecar ("und"): the OCR picks one itself.
    fx.meta(out("tj-dv-law-tg-scan-image.meta.xml"), fx.TG_TITLE, "und", fx.TG_OFFICIAL, fx.TG_NOTE)
    with open(out("tj-dv-law-ru-scan-image.png"), "wb") as f:
        f.write(png_bytes(scan_page(RU_SCAN_PAGE2, seed=5)))
    fx.meta(out("tj-dv-law-ru-scan-image.meta.xml"), fx.RU_TITLE, "ru", fx.TG_OFFICIAL, fx.RU_NOTE)
    with open(out("tj-dv-law-en-scan-image.png"), "wb") as f:
        f.write(png_bytes(scan_page(EN_SCAN, seed=3)))
    # The words each scan shows, for the OCR word accuracy (tests/ocr_test.cc).
    with open(out("scan-sources.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tlanguage\ttext shown on its scanned page (make_scans.py)\n")
        for name, (language, lines) in SOURCE_TEXTS.items():
            f.write(f"{name}\t{language}\t{' '.join(lines)}\n")
    fx.meta(out("tj-dv-law-en-scan-image.meta.xml"),
            "Law of the Republic of Tajikistan on the Prevention of Violence in the Family (summary)", "en",
            fx.TG_OFFICIAL, "Our own summary (test sample, tests/data/office/PROVENANCE.md).")


if __name__ == "__main__":
    import sys
    sys.path.insert(0, HERE)
    main()
