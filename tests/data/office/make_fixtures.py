#!/usr/bin/env python3
"""Writes the office fixtures of this folder (PROVENANCE.md says what each is).

Run once with Debian's Python, which has python3-reportlab and
fonts-dejavu-core (DejaVuSans.ttf, for Cyrillic):

    /usr/bin/python3 tests/data/office/make_fixtures.py

The generated files are committed; the tests never run this script. DOCX and
ODT are written with zipfile and hand-written XML (only the parts a reader
needs), the PDFs with reportlab. Output is deterministic (fixed zip dates,
reportlab's invariant mode), so running it again changes nothing.

The text is our own summary of the Law of the Republic of Tajikistan "On the
prevention of violence in the family" (19 March 2013), taken from the facts of
corpus/tj/tj-dv-law-2013-{tg,ru}.xml. Only articles 1 and 7 are cited by
number, as in the corpus (other article numbers were not confirmed).
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DATE = (2024, 1, 1, 0, 0, 0)

# ---- the texts -------------------------------------------------------------------------------

TG_TITLE = "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» (хулоса)"
TG_INTRO = ("Хулосаи мо бо суханони худ, на матни расмӣ. Қонун 19 марти соли 2013 имзо шуда, "
            "нахустин қонуни махсуси кишвар оид ба зӯроварӣ дар оила мебошад.")
TG_CHAPTER = "Боби 1. Муқаррароти умумӣ"
TG_ARTICLE = "Моддаи 1. Мафҳумҳои асосӣ"
TG_PARTS = [
    "1. Зӯроварӣ дар оила – амали қасдона ва зиддиҳуқуқие, ки як узви оила дар доираи "
    "муносибатҳои оилавӣ нисбат ба узви дигар содир мекунад; он метавонад хусусияти ҷисмонӣ, "
    "равонӣ, шаҳвонӣ ё иқтисодӣ дошта бошад.",
    "2. Пешгирии зӯроварӣ дар оила – маҷмӯи чораҳои ҳуқуқӣ, иқтисодӣ, иҷтимоӣ ва ташкилие, ки "
    "субъектҳои пешгирикунанда барои ҳифзи ҳуқуқу озодиҳои инсон дар оила амалӣ месозанд.",
    "3. Зӯроварии ҷисмонӣ – амали қасдонаи узви оила, ки бо қувваи ҷисмонӣ ба узви дигар дард "
    "мерасонад ё ба саломатии ӯ зарар меорад.",
]
TG_PROGRAMME_H = "Барномаи давлатӣ (моддаи 7)"
TG_PROGRAMME = ("Ҳукумат бо такя ба моддаи 7-и Қонун Барномаи давлатии пешгирии зӯроварӣ дар оила "
                "барои солҳои 2014–2023-ро тасдиқ кард.")
TG_ORDER_H = "Ордери ҳимоявӣ ва нақши милиса"
TG_ORDER = ("Пас аз ба қайд гирифтани ҳодисаи зӯроварӣ мақомоти корҳои дохилӣ метавонанд ба "
            "зӯроварикунанда ордери ҳимоявӣ диҳанд, ки наздик шудан ба ҷабрдидаро манъ мекунад.")
TG_MEASURES_H = "Чораҳои ҳуқуқии таъсиррасонӣ"
TG_MEASURES = [
    ("Чора", "Мазмун"),
    ("Бурдани маҷбурӣ", "бурдани зӯроварикунанда ба шуъбаи милиса"),
    ("Ордери ҳимоявӣ", "манъи наздик шудан ба ҷабрдида"),
    ("Ҳабси маъмурӣ", "тибқи қонунгузории маъмурӣ"),
    ("Макони бехатар", "ҷойгир кардани ҷабрдида дар макони бехатар"),
]
TG_VICTIMS_H = "Ҳимояи ҷабрдидагон"
TG_VICTIMS = ("Ҷабрдидагон ҳуқуқ доранд кӯмаки тиббӣ, равонӣ ва ҳуқуқӣ гиранд ва дар марказҳои "
              "ёрирасон паноҳгоҳи муваққатӣ ёбанд.")

RU_TITLE = "Закон Республики Таджикистан «О предупреждении насилия в семье» (краткое изложение)"
RU_CHAPTER = "Глава 1. Общие положения"
RU_ARTICLE = "Статья 1. Основные понятия"
RU_PARTS = [
    "1. Насилие в семье — умышленное противоправное деяние физического, психологического, "
    "сексуального или экономического характера, которое один член семьи совершает в отношении "
    "другого в рамках семейных отношений.",
    "2. Предупреждение насилия в семье — совокупность правовых, экономических, социальных и "
    "организационных мер, которые осуществляют субъекты профилактики.",
]
RU_ORDER_H = "Охранный ордер и роль милиции"
RU_ORDER = ("После регистрации факта насилия органы внутренних дел могут выдать лицу, "
            "совершившему насилие, охранный ордер, который запрещает ему приближаться к пострадавшей.")
RU_MEASURES_H = "Правовые меры воздействия"
RU_MEASURES = [
    ("Мера", "Содержание"),
    ("Принудительное доставление", "в отделение милиции"),
    ("Административный арест", "по нормам административного законодательства"),
]
RU_VICTIMS_H = "Защита пострадавших"
RU_VICTIMS = ("Пострадавшие вправе получать медицинскую, психологическую и правовую помощь и "
              "временное убежище в центрах поддержки.")


def write_zip(path, entries):
    """entries: (name, text, stored) in order; fixed dates so the bytes never change."""
    with zipfile.ZipFile(path, "w") as z:
        for name, text, stored in entries:
            info = zipfile.ZipInfo(name, DATE)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def meta(path, title, language, official_title, note):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<meta xmlns="urn:himoya:corpus:1">
  <title>{escape(title)}</title>
  <jurisdiction>TJ</jurisdiction>
  <language>{language}</language>
  <type>law</type>
  <date>2013-03-19</date>
  <issuing-body ref="tj-majlisi-oli">{"Маҷлиси Олии Ҷумҳурии Тоҷикистон" if language == "tg" else "Маджлиси Оли Республики Таджикистан"}</issuing-body>
  <text-status>summary</text-status>
  <legal-status state="in-force"/>
  <source>
    <official-title>{escape(official_title)}</official-title>
    <note>{escape(note)}</note>
  </source>
</meta>
""")


TG_OFFICIAL = "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»"
TG_NOTE = "Хулосаи мо бо суханони худ (намунаи санҷишӣ, tests/data/office/PROVENANCE.md)."
RU_NOTE = "Наше краткое изложение своими словами (тестовый образец, tests/data/office/PROVENANCE.md)."

# ---- DOCX -------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w_p(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def w_table(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>']
    for row in rows:
        out.append("<w:tr>" + "".join(f"<w:tc><w:tcPr/>{w_p(cell)}</w:tc>" for cell in row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def make_docx(path):
    body = [
        w_p(TG_TITLE, "Title"),
        w_p(TG_INTRO),
        w_p(TG_CHAPTER, "Heading1"),
        w_p(TG_ARTICLE, "Heading2"),
        w_p(TG_PARTS[0]),
        # One word split over two runs, a deleted word and a field code: only
        # what is printed is text.
        '<w:p><w:r><w:t xml:space="preserve">2. Пешгирии зӯро</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
        '<w:t>варӣ</w:t></w:r><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r>'
        '<w:delText xml:space="preserve"> ХАТО</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/>'
        '</w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>'
        '<w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve">'
        + escape(TG_PARTS[1][len("2. Пешгирии зӯроварӣ"):]) + "</w:t></w:r></w:p>",
        w_p(TG_PARTS[2]),
        w_p(TG_PROGRAMME_H, "Heading1"),
        w_p(TG_PROGRAMME),
        w_p(TG_ORDER_H, "Heading1"),
        w_p(TG_ORDER),
        w_p(TG_MEASURES_H, "Heading1"),
        w_table(TG_MEASURES),
        w_p(TG_VICTIMS_H, "Heading1"),
        w_p(TG_VICTIMS),
    ]
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
                f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    # Style ids as a Tajik or Russian Word would write them are localised; the
    # names are not, and the reader goes by the names.
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
              '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>'
              "</w:styles>")
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
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
    write_zip(path, [("[Content_Types].xml", content_types, False), ("_rels/.rels", rels, False),
                     ("word/document.xml", document, False), ("word/_rels/document.xml.rels", doc_rels, False),
                     ("word/styles.xml", styles, False)])


# ---- ODT --------------------------------------------------------------------------------------

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')


def t_p(text, style="Text_20_body"):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def t_h(text, level):
    return f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{escape(text)}</text:h>'


def t_table(rows):
    out = ['<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>',
           "<table:table-header-rows>"]
    for i, row in enumerate(rows):
        out.append("<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string">{t_p(cell, "Table_20_Contents")}</table:table-cell>'
            for cell in row) + "</table:table-row>")
        if i == 0:
            out.append("</table:table-header-rows>")
    out.append("</table:table>")
    return "".join(out)


def make_odt(path):
    order = RU_ORDER.split("охранный ордер")
    body = [
        # Deleted text of a tracked change lives here and is not text of the document.
        '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
        "<dc:creator>a</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info>"
        "<text:p>УДАЛЁННЫЙ ТЕКСТ</text:p></text:deletion></text:changed-region></text:tracked-changes>",
        '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>',
        t_p(RU_TITLE, "P1"),  # an automatic style whose parent is "Title": a heading
        t_h(RU_CHAPTER, 1),
        # The article heading is an ordinary paragraph: it reads like one.
        t_p(RU_ARTICLE),
        '<text:list text:style-name="L1"><text:list-item>' + t_p(RU_PARTS[0]) + "</text:list-item>"
        "<text:list-item>" + t_p(RU_PARTS[1]) + "</text:list-item></text:list>",
        t_h(RU_ORDER_H, 2),
        # Spans, a run of spaces (text:s), a line break, a footnote and a change mark.
        '<text:p text:style-name="Text_20_body"><text:change text:change-id="ct1"/>' + escape(order[0])
        + '<text:span text:style-name="T1">охранный</text:span><text:s text:c="2"/>ордер'
        + '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>СНОСКА</text:p></text:note-body></text:note>"
        + escape(order[1]) + "</text:p>",
        t_h(RU_MEASURES_H, 2),
        t_table(RU_MEASURES),
        t_h(RU_VICTIMS_H, 2),
        t_p(RU_VICTIMS),
    ]
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODT_NS}>'
               '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
               'style:parent-style-name="Title"/></office:automatic-styles>'
               f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODT_NS}><office:styles>'
              '<style:style style:name="Heading" style:family="paragraph"/>'
              '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
              'style:parent-style-name="Heading" style:default-outline-level="1"/>'
              '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
              'style:parent-style-name="Heading" style:default-outline-level="2"/>'
              '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>'
              '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>'
              "</office:styles></office:document-styles>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text", True),
                     ("content.xml", content, False), ("styles.xml", styles, False),
                     ("META-INF/manifest.xml", manifest, False)])


# ---- PDF --------------------------------------------------------------------------------------

def pdf_pages(path, pages):
    """pages: each a list of (text, size) lines, None for a page with no text that is no text either
    (drawn shapes: a scan OCR finds nothing on), or a PIL image for a scanned page of text
    (make_scans.py: a raster, no text layer)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        if lines is not None and not isinstance(lines, list):
            import make_scans
            make_scans.draw_scan(c, lines, width, height)
            c.showPage()
            continue
        if lines is None:
            # An image-only page as a scanner makes it: shapes, no text at all.
            c.setFillGray(0.85)
            c.rect(60, 120, width - 120, height - 200, fill=1, stroke=1)
            c.setFillGray(0.3)
            for y in range(160, int(height) - 120, 18):
                c.rect(80, y, width - 160 - (y * 7) % 90, 8, fill=1, stroke=0)
            c.showPage()
            continue
        y = height - 70
        for text, size in lines:
            c.setFont("DejaVuSans", size)
            if text == "":
                y -= size
                continue
            for piece in simpleSplit(text, "DejaVuSans", size, width - 140):
                c.drawString(70, y, piece)
                y -= size * 1.45
        c.setFont("DejaVuSans", 9)
        c.drawCentredString(width / 2, 40, str(number))  # the page number, dropped by the reader
        c.showPage()
    c.save()


def make_tg_pdf(path):
    # The same text as the DOCX over three pages; Моддаи 1 part 2 is cut by the
    # page break (its last words on page 2), so its label cites pages 1–2.
    part2_words = TG_PARTS[1].split(" ")
    page1 = [(TG_TITLE, 14), ("", 8), (TG_INTRO, 11), ("", 8), (TG_CHAPTER, 12), (TG_ARTICLE, 12),
             (TG_PARTS[0], 11), (" ".join(part2_words[:9]), 11)]
    page2 = [(" ".join(part2_words[9:]), 11), (TG_PARTS[2], 11), ("", 8), (TG_PROGRAMME_H, 12),
             (TG_PROGRAMME, 11), ("", 8), (TG_ORDER_H, 12), (TG_ORDER, 11)]
    page3 = ([(TG_MEASURES_H, 12)] + [(" | ".join(row), 11) for row in TG_MEASURES[1:]] +
             [("", 8), (TG_VICTIMS_H, 12), (TG_VICTIMS, 11)])
    pdf_pages(path, [page1, page2, page3])


def make_scanned_pdf(path):
    # Page 2 is a scan of part 3 of article 1 (make_scans.py): no text layer, read by OCR.
    import make_scans
    page1 = [(RU_TITLE, 14), ("", 8), (RU_ARTICLE, 12)] + [(p, 11) for p in RU_PARTS]
    page3 = [(RU_ORDER_H, 12), (RU_ORDER, 11)]
    pdf_pages(path, [page1, make_scans.scan_page(make_scans.RU_SCAN_PAGE2, seed=4), page3])


def make_unreadable_scan_pdf(path):
    # Page 2 has no text layer and no text to recognise either: only drawn shapes.
    page1 = [(RU_TITLE, 14), ("", 8), (RU_ARTICLE, 12)] + [(p, 11) for p in RU_PARTS]
    pdf_pages(path, [page1, None])


# A short police handout in Russian, made up for the tests of `himoya add`
# (tests/feed_test.cc): no sidecar, so its metadata is inferred or given on the
# command line. Its facts are those of our corpus summaries of the 2013 Law and
# of corpus/practice/training-tj-police-dv-response-ru.xml, in our own words;
# its title and date say what it is, an invented handout, not a published manual.
MANUAL_TITLE = "Памятка участковому инспектору милиции: первые шаги по сообщению о насилии в семье"
MANUAL_PAGES = [
    [(MANUAL_TITLE, 14), ("", 8),
     ("1. Принять и зарегистрировать сообщение", 12),
     ("Сообщение о насилии в семье регистрируется как отдельная категория происшествий, "
      "даже если пострадавшая пока не готова подать заявление.", 11), ("", 8),
     ("2. Оценить опасность", 12),
     ("Инспектор выясняет, были ли угрозы убийством, применялось ли оружие и повторяется ли насилие, "
      "и записывает ответы.", 11)],
    [("3. Охранный ордер", 12),
     ("По Закону о предупреждении насилия в семье 2013 года органы внутренних дел могут выдать охранный "
      "ордер, который запрещает обидчику приближаться к пострадавшей и продолжать насилие.", 11), ("", 8),
     ("4. Направить к помощи", 12),
     ("Пострадавшей сообщают адреса кризисного центра, приюта и бесплатной юридической помощи.", 11), ("", 8),
     ("Учебный материал (пример для проверки программы), Душанбе, 2024.", 10)],
]


# ---- RTF --------------------------------------------------------------------------------------
# As Word writes it: Cyrillic as \'hh bytes of the font's code page (cp1251,
# \fcharset204), characters outside it as \uN with a "?" fallback, a
# localised stylesheet ("Заголовок 1" in cp1251), a header and a field whose
# instruction must not become text, and an ignorable destination (\*).


def rtf_escape(text, legacy=None):
    out = []
    for ch in text:
        if legacy and ch in legacy:
            ch = legacy[ch]
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode("cp1251")[0])
            except UnicodeEncodeError:
                out.append("\\u%d?" % (o if o < 32768 else o - 65536))
    return "".join(out)


def rtf_document(blocks, legacy=None):
    head = ("{\\rtf1\\ansi\\ansicpg1251\\deff0\\uc1"
            "{\\fonttbl{\\f0\\froman\\fcharset204 Times New Roman;}{\\f1\\fswiss\\fcharset0 Arial;}}"
            "{\\colortbl;\\red0\\green0\\blue0;}"
            "{\\stylesheet{\\s0 Normal;}{\\s1\\b " + rtf_escape("Заголовок 1") + ";}"
            "{\\s2\\b heading 2;}{\\*\\cs10 Default Paragraph Font;}}"
            "{\\*\\generator Himoya fixture;}{\\info{\\title " + rtf_escape("ЗАГОЛОВОК ФАЙЛА") + "}}"
            "{\\header\\pard " + rtf_escape("КОЛОНТИТУЛ") + "\\par}\n")
    body = []
    for kind, value in blocks:
        if kind == "title":
            body.append("{\\pard\\s1\\f0 " + rtf_escape(value, legacy) + "\\par}")
        elif kind == "h1":
            body.append("{\\pard\\s1\\f0 " + rtf_escape(value, legacy) + "\\par}")
        elif kind == "h2":
            body.append("{\\pard\\s2\\f0 " + rtf_escape(value, legacy) + "\\par}")
        elif kind == "p":
            body.append("{\\pard\\s0\\f0 " + rtf_escape(value, legacy) + "\\par}")
        elif kind == "field":  # a page number field: the result is text, the instruction not
            body.append("{\\pard\\f0 " + rtf_escape(value, legacy) +
                        " {\\field{\\*\\fldinst PAGE }{\\fldrslt 1}}\\par}")
        elif kind == "table":
            for row in value:
                cells = "".join("\\pard\\intbl\\f0 " + rtf_escape(c, legacy) + "\\cell " for c in row)
                body.append("\\trowd\\cellx3000\\cellx6000 " + cells + "\\row")
            body.append("\\pard")
    return head + "\n".join(body) + "\n}"


# The look-alike letters old Tajik fonts were typed with (legacy_tajik.h).
LEGACY_LOOKALIKE = {"ӯ": "ў", "Ӯ": "Ў", "ҳ": "њ", "Ҳ": "Њ", "ӣ": "ї", "Ӣ": "Ї", "қ": "ќ", "Қ": "Ќ",
                    "ҷ": "љ", "Ҷ": "Љ", "ғ": "ѓ", "Ғ": "Ѓ"}


def make_ru_rtf(path):
    blocks = [("title", RU_TITLE), ("h1", RU_CHAPTER), ("h2", RU_ARTICLE), ("field", RU_PARTS[0]),
              ("p", RU_PARTS[1]), ("h1", RU_ORDER_H), ("p", RU_ORDER), ("h1", RU_MEASURES_H),
              ("table", RU_MEASURES), ("h1", RU_VICTIMS_H), ("p", RU_VICTIMS)]
    with open(path, "w", encoding="ascii") as f:
        f.write(rtf_document(blocks))


def make_tg_legacy_rtf(path):
    blocks = [("title", TG_TITLE), ("p", TG_INTRO), ("h1", TG_CHAPTER), ("h2", TG_ARTICLE)]
    blocks += [("p", part) for part in TG_PARTS]
    blocks += [("h1", TG_ORDER_H), ("p", TG_ORDER), ("h1", TG_VICTIMS_H), ("p", TG_VICTIMS)]
    with open(path, "w", encoding="ascii") as f:
        f.write(rtf_document(blocks, LEGACY_LOOKALIKE))


# ---- legacy Word .doc -----------------------------------------------------------------------
# Word 97-2003 binary, as offices still keep laws. Made from an RTF of the
# Tajik text (real Tajik letters, so Word stores the text as UTF-16) by
# LibreOffice's "MS Word 97" filter; only this fixture needs LibreOffice
# (Debian's libreoffice-writer-nogui), and only when it is made again.


def make_tg_doc(path):
    import shutil
    import subprocess
    import tempfile
    blocks = [("title", TG_TITLE), ("p", TG_INTRO), ("h1", TG_CHAPTER), ("h2", TG_ARTICLE)]
    blocks += [("p", part) for part in TG_PARTS]
    blocks += [("h1", TG_PROGRAMME_H), ("p", TG_PROGRAMME), ("h1", TG_ORDER_H), ("p", TG_ORDER),
               ("h1", TG_MEASURES_H), ("table", TG_MEASURES), ("h1", TG_VICTIMS_H), ("p", TG_VICTIMS)]
    if not shutil.which("soffice"):
        print("skipped", path, "(needs soffice: apt-get install libreoffice-writer-nogui)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        rtf = os.path.join(tmp, "tj-dv-law-tg-word97.rtf")
        with open(rtf, "w", encoding="ascii") as f:
            f.write(rtf_document(blocks))
        subprocess.run(["soffice", "--headless", "--norestore",
                        "-env:UserInstallation=file://" + os.path.join(tmp, "profile"),
                        "--convert-to", "doc:MS Word 97", "--outdir", tmp, rtf],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(tmp, "tj-dv-law-tg-word97.doc"), path)


def make_manual_pdf(path):
    pdf_pages(path, MANUAL_PAGES)


def main():
    out = lambda name: os.path.join(HERE, name)
    make_docx(out("tj-dv-law-tg.docx"))
    meta(out("tj-dv-law-tg.meta.xml"), TG_TITLE, "tg", TG_OFFICIAL, TG_NOTE)
    make_tg_pdf(out("tj-dv-law-tg-print.pdf"))
    meta(out("tj-dv-law-tg-print.meta.xml"), TG_TITLE, "tg", TG_OFFICIAL, TG_NOTE)
    make_odt(out("tj-dv-law-ru.odt"))
    meta(out("tj-dv-law-ru.meta.xml"), RU_TITLE, "ru", TG_OFFICIAL, RU_NOTE)
    make_scanned_pdf(out("tj-dv-law-ru-scanned-page.pdf"))
    meta(out("tj-dv-law-ru-scanned-page.meta.xml"), RU_TITLE, "ru", TG_OFFICIAL, RU_NOTE)
    make_unreadable_scan_pdf(out("tj-dv-law-ru-unreadable-scan.pdf"))
    meta(out("tj-dv-law-ru-unreadable-scan.meta.xml"), RU_TITLE, "ru", TG_OFFICIAL, RU_NOTE)
    make_manual_pdf(out("police-handout-ru.pdf"))
    make_ru_rtf(out("tj-dv-law-ru-rtf.rtf"))
    meta(out("tj-dv-law-ru-rtf.meta.xml"), RU_TITLE, "ru", TG_OFFICIAL, RU_NOTE)
    make_tg_legacy_rtf(out("tj-dv-law-tg-legacy-font.rtf"))
    meta(out("tj-dv-law-tg-legacy-font.meta.xml"), TG_TITLE, "tg", TG_OFFICIAL, TG_NOTE)
    make_tg_doc(out("tj-dv-law-tg-word97.doc"))
    meta(out("tj-dv-law-tg-word97.meta.xml"), TG_TITLE, "tg", TG_OFFICIAL, TG_NOTE)
    # A DOCX cut short in transfer: the first 60% of the good one, so the
    # zip's central directory (at its end) is gone.
    with open(out("tj-dv-law-tg.docx"), "rb") as f:
        good = f.read()
    with open(out("corrupt.docx"), "wb") as f:
        f.write(good[: len(good) * 6 // 10])
    meta(out("corrupt.meta.xml"), TG_TITLE, "tg", TG_OFFICIAL, TG_NOTE)


if __name__ == "__main__":
    import sys
    sys.path.insert(0, HERE)
    main()
