#!/usr/bin/env python3
"""Writes the encoding fixtures of tests/text_encoding_test.cc and
tests/legacy_tajik_test.cc: short summaries, in our own words, of the Law of
the Republic of Tajikistan "On the prevention of violence in the family"
(2013), using only facts already in corpus/tj/tj-dv-law-2013-{tg,ru}.xml,
each saved in a legacy encoding or typed in a legacy Tajik font, with its
NAME.meta.xml sidecar (UTF-8, as every sidecar). See PROVENANCE.md.

    python3 tests/data/encodings/make_fixtures.py    # rewrites the files beside it
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

RU = """Закон Республики Таджикистан «О предупреждении насилия в семье»

Закон подписан 19 марта 2013 года и опубликован в «Ахбори Маджлиси Оли Республики Таджикистан» (2013, № 3, ст. 197). Это первый в стране специальный закон о насилии в семье.

Статья 1. Основные понятия
Насилие в семье — умышленное противоправное деяние физического, психологического, сексуального или экономического характера, которое один член семьи совершает в отношении другого.

Охранный ордер
После регистрации факта насилия органы внутренних дел могут выдать лицу, совершившему насилие, охранный ордер. Ордер запрещает ему приближаться к пострадавшей.

Защита пострадавших
Пострадавшие от насилия в семье вправе получать медицинскую, психологическую и правовую помощь и временное убежище.
"""

# KOI8-R has no « » — №: the same text with straight quotes, a hyphen and "N".
RU_KOI8 = RU.replace("«", '"').replace("»", '"').replace("—", "-").replace("№", "N")

TG = """Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»

Қонун 19 марти соли 2013 имзо шуда, дар «Ахбори Маҷлиси Олии Ҷумҳурии Тоҷикистон» (соли 2013, №3, моддаи 197) чоп гардид. Ин нахустин қонуни махсуси кишвар оид ба зӯроварӣ дар оила мебошад.

Моддаи 1. Мафҳумҳои асосӣ
Зӯроварӣ дар оила амали қасдона ва зиддиҳуқуқии як узви оила нисбат ба узви дигар аст, ки метавонад хусусияти ҷисмонӣ, равонӣ, шаҳвонӣ ё иқтисодӣ дошта бошад.

Ордери ҳимоявӣ
Пас аз ба қайд гирифтани ҳодисаи зӯроварӣ мақомоти корҳои дохилӣ метавонанд ба нафари зӯроварикунанда ордери ҳимоявӣ диҳанд.

Ҳимояи ҷабрдидагон
Ҷабрдидагони зӯроварӣ дар оила ҳуқуқ доранд кӯмаки тиббӣ, равонӣ ва ҳуқуқӣ гиранд.
"""

# The look-alike font scheme: ӯ ҳ ӣ қ ҷ ғ typed as ў њ ї ќ љ ѓ (capitals alike).
LOOKALIKE = str.maketrans("ӯӮҳҲӣӢқҚҷҶғҒ", "ўЎњЊїЇќЌљЉѓЃ")

# The legal-portal scheme: қ ҷ ҳ typed as ѕ ї і (capitals alike). Its letters
# for ӣ ӯ ғ are not known to us, so those are written plainly as и у г, as
# texts typed on a Russian keyboard do.
PORTAL = str.maketrans("ҚқҶҷҲҳӢӣӮӯҒғ", "ЅѕЇїІіИиУуГг")

TG_PORTAL_HTML = """<!DOCTYPE html>
<html lang="tg">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Қонуни Ҷумҳурии Тоҷикистон</title>
</head>
<body>
<h1>Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»</h1>
<p>Қонунро Маҷлиси намояндагон 19 декабри соли 2012 қабул кард ва Маҷлиси миллӣ 28 феврали соли 2013 ҷонибдорӣ намуд. Қонун 19 марти соли 2013 имзо шуд.</p>
<h2>Моддаи 7 ва барномаҳои давлатӣ</h2>
<p>Ҳукумати Ҷумҳурии Тоҷикистон бо такя ба моддаи 7-и ҳамин Қонун Барномаи давлатии пешгирии зӯроварӣ дар оила барои солҳои 2014–2023-ро тасдиқ кард (қарори 3 майи соли 2014, №294).</p>
<h2>Ҳимояи ҷабрдидагон</h2>
<p>Ҷабрдидагон ҳуқуқ доранд ба марказҳои ёрирасон муроҷиат намуда, кӯмаки ҳуқуқӣ ва паноҳгоҳи муваққатӣ гиранд. Қонун ҳамчунин мардон ва кӯдаконро ҳифз мекунад.</p>
</body>
</html>
"""

META = """<?xml version="1.0" encoding="UTF-8"?>
<meta xmlns="urn:himoya:corpus:1" id="{id}">
  <title>{title}</title>
  <jurisdiction>TJ</jurisdiction>
  <language>{lang}</language>
  <type>law</type>
  <date>2013-03-19</date>
  <issuing-body>{body}</issuing-body>
  <text-status>summary</text-status>
  <source>
    <official-title>Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»</official-title>
    <note>{note}</note>
  </source>
</meta>
"""

RU_TITLE = "Закон Республики Таджикистан «О предупреждении насилия в семье» (краткое изложение)"
TG_TITLE = "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» (хулоса)"
RU_BODY = "Маджлиси Оли Республики Таджикистан"
TG_BODY = "Маҷлиси Олии Ҷумҳурии Тоҷикистон"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def fixture(stem, ext, data, lang, title, body, note):
    write(stem + ext, data)
    meta = META.format(id="enc-" + stem, title=title, lang=lang, body=body, note=note)
    write(stem + ".meta.xml", meta.encode("utf-8"))


def main():
    fixture("ru-windows-1251", ".txt", RU.encode("cp1251"), "ru", RU_TITLE, RU_BODY,
            "Test fixture: our summary saved in windows-1251.")
    fixture("ru-koi8-r", ".txt", RU_KOI8.encode("koi8_r"), "ru", RU_TITLE, RU_BODY,
            "Test fixture: our summary saved in KOI8-R.")
    fixture("tg-utf-16le", ".txt", TG.encode("utf-16-le"), "tg", TG_TITLE, TG_BODY,
            "Test fixture: our summary saved in UTF-16LE without a byte-order mark.")
    fixture("tg-koi8-t", ".txt", TG.replace("«", '"').replace("»", '"').encode("koi8_t"), "tg", TG_TITLE,
            TG_BODY, "Test fixture: our summary saved in KOI8-T.")
    fixture("tg-lookalike", ".txt", TG.translate(LOOKALIKE).encode("cp1251"), "tg",
            TG_TITLE.translate(LOOKALIKE), TG_BODY,
            "Test fixture: our summary typed in the look-alike Tajik font scheme, saved in windows-1251.")
    fixture("tg-legal-portal", ".html", TG_PORTAL_HTML.translate(PORTAL).encode("cp1251"), "tg",
            TG_TITLE.translate(PORTAL), TG_BODY,
            "Test fixture: our summary typed in the legal-portal Tajik font scheme, saved in windows-1251.")


if __name__ == "__main__":
    main()
