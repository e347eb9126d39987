"""Readers state each format's structure as typed blocks whose spans point at the text's lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.read import read_file
from kg.read.pdffile import _join_broken_words, _reading_order, _split_labels, _without_furniture
from kg.read.plaintext import text_blocks


def read(tmp_path: Path, name: str, data: bytes | str):
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return read_file(p)


def kinds(source) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in source.blocks]


def test_spans_point_at_the_lines_of_the_text(tmp_path):
    s = read(tmp_path, "m.md", "# Møte i Testrådet\n\nTid: 3. mai\nSted: Rådhuset\n\n- Ola Nordmann, Testby\n")
    lines = s.lines
    for b in s.blocks:
        assert b.span.start <= b.span.end <= len(lines)
    para = next(b for b in s.blocks if b.kind == "paragraph")
    assert (para.span.start, para.span.end) == (3, 4) and para.text == "Tid: 3. mai\nSted: Rådhuset"


def test_markdown_tables_nested_lists_strike_and_tasks(tmp_path):
    md = """## Deltakere

| Navn | Kommune | Merknad |
|---|---|---|
| Kari Holm | Testby | |
| ~~Per Lid~~ | Prøvdal | forfall |

1. Sak om veg
   - **Vedtak:** godkjent
2) Eventuelt

- [x] Send referatet
> Sitat fra brevet
"""
    s = read(tmp_path, "m.md", md)
    rows = [b for b in s.blocks if b.kind == "table_row"]
    assert rows[0].header and rows[0].cells == ("Navn", "Kommune", "Merknad")
    assert rows[1].cells == ("Kari Holm", "Testby", "") and not rows[1].strike
    assert rows[2].cells[0] == "Per Lid" and rows[2].span.start == 6
    items = [b for b in s.blocks if b.kind == "list_item"]
    assert [(b.text, b.level, b.marker) for b in items[:3]] == [
        ("Sak om veg", 0, "1."), ("Vedtak: godkjent", 1, "-"), ("Eventuelt", 0, "2)")]
    assert items[3].text == "Send referatet" and items[3].marker == "- [x]"
    assert ("paragraph", "Sitat fra brevet") in kinds(s)


def test_markdown_struck_line_is_marked(tmp_path):
    s = read(tmp_path, "m.md", "- ~~Per Lid, Prøvdal~~\n- Kari Holm\n")
    assert [b.strike for b in s.blocks] == [True, False]


HTML = """<html><head><title>Side</title><script type="application/ld+json">{"a": 1}</script></head>
<body><header class="site-header"><a href="/">Forside</a></header>
<nav class="breadcrumbs">Hjem › Referater</nav>
<div id="cookie-banner">Vi bruker informasjonskapsler</div>
<main><h1>Referat fra Prøverådet</h1>
<h2>Til stede</h2>
<table><thead><tr><th>Navn</th><th>Kommune</th></tr></thead>
<tbody><tr><td>Kari Holm</td><td rowspan="2">Testby</td></tr><tr><td>Ola Lid</td></tr>
<tr><td colspan="2">Forfall: ingen</td></tr></tbody></table>
<ol><li>Godkjenning<ul><li>vedtatt</li></ul></li><li>Eventuelt</li></ol>
<p>Vi <del>møttes</del> i rådhuset.</p><p><s>Avlyst punkt</s></p>
<form><input name="q"></form></main>
<aside>Les også</aside><footer class="site-footer">Kontakt oss</footer></body></html>"""


def test_html_keeps_main_and_drops_the_site(tmp_path):
    s = read(tmp_path, "p.html", HTML)
    text = s.text
    for boiler in ("Forside", "Hjem", "informasjonskapsler", "Les også", "Kontakt oss", '"a"', "Side"):
        assert boiler not in text
    assert [b.text for b in s.blocks if b.kind == "heading"] == ["Referat fra Prøverådet", "Til stede"]
    rows = [b for b in s.blocks if b.kind == "table_row"]
    assert rows[0].header and [r.cells for r in rows[1:]] == [("Kari Holm", "Testby"), ("Ola Lid", "Testby")]
    assert ("paragraph", "Forfall: ingen") in kinds(s)  # a cell across the whole row is a caption
    items = [(b.text, b.level, b.marker) for b in s.blocks if b.kind == "list_item"]
    assert items == [("Godkjenning", 0, "1."), ("vedtatt", 1, "-"), ("Eventuelt", 0, "2.")]
    struck = {b.text: b.strike for b in s.blocks if b.kind == "paragraph"}
    assert struck == {"Forfall: ingen": False, "Vi møttes i rådhuset.": False, "Avlyst punkt": True}


def test_html_without_main_drops_frame_by_class(tmp_path):
    page = ('<body><div id="top"><ul class="meny"><li>Om oss</li></ul></div><h2>Møtebok</h2>'
            '<p>Tekst</p><div id="botn">Adresse</div><footer>© 2021 Prøverådet</footer></body>')
    s = read(tmp_path, "p.html", page)
    assert kinds(s) == [("heading", "Møtebok"), ("paragraph", "Tekst"), ("paragraph", "© 2021 Prøverådet")]


PLAIN = """PRØVERÅDET
Protokoll frå møte
==================

Tid:   12.03.2019 kl. 10
Sted:  Rådhuset

FAST MØTTE
  Kari Holm          ordførar Testby
  Ola Lid            rådmann Prøvdal
                     (frå sak 3/19)

Namn\tKommune
Per Berg\tTestby

| Sak | Tittel |
|-----|--------|
| 1/19 | Budsjett |

Sak 12/19  Budsjett 2020
RT-sak 05/08 Orienteringar
PS 3/17 Val
1) Første punkt
   - underpunkt
Vedtak: Godkjent.
  Lenvik:    Kari Holm, Ola Lid,
             Per Berg
"""


def test_plain_text_layout_blocks():
    blocks = text_blocks(PLAIN.split("\n"))
    got = [(b.kind, b.text.split("\n")[0], b.level, b.marker) for b in blocks]
    assert got[0] == ("heading", "PRØVERÅDET", 1, None)
    assert ("heading", "Protokoll frå møte", 1, None) in got
    assert ("paragraph", "Tid:   12.03.2019 kl. 10", 0, None) in got  # a label is never a table row
    assert ("heading", "FAST MØTTE", 1, None) in got
    rows = [b for b in blocks if b.kind == "table_row"]
    assert rows[0].cells == ("Kari Holm", "ordførar Testby")
    assert rows[1].cells == ("Ola Lid", "rådmann Prøvdal (frå sak 3/19)")  # hanging indent joins its cell
    assert rows[2].cells == ("Namn", "Kommune") and rows[3].cells == ("Per Berg", "Testby")
    assert rows[4].header and rows[4].cells == ("Sak", "Tittel") and rows[5].cells == ("1/19", "Budsjett")
    assert rows[4].table == rows[5].table != rows[3].table
    cases = [(b.text, b.marker) for b in blocks if b.kind == "heading" and b.marker]
    assert cases == [("Sak 12/19 Budsjett 2020", "Sak 12/19"), ("RT-sak 05/08 Orienteringar", "RT-sak 05/08"),
                     ("PS 3/17 Val", "PS 3/17")]
    assert ("list_item", "Første punkt", 0, "1)") in got and ("list_item", "underpunkt", 1, "-") in got
    last = blocks[-1]
    assert last.text == "Lenvik:    Kari Holm, Ola Lid,\nPer Berg" and last.span.end - last.span.start == 1


def test_word_headings_lists_tables_and_merged_cells(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Referat frå Prøverådet", level=0)
    d.add_heading("Til stades", level=1)
    d.add_paragraph("Kari Holm", style="List Bullet")
    d.add_paragraph("Godkjenning", style="List Number")
    d.add_paragraph("Eventuelt", style="List Number")
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Namn", "Kommune"
    t.cell(1, 0).text, t.cell(1, 1).text = "Kari Holm", "Testby"
    t.cell(2, 0).text = "Ola Lid"
    t.cell(1, 1).merge(t.cell(2, 1))
    d.add_paragraph("Struck").runs[0].font.strike = True
    path = tmp_path / "r.docx"
    d.save(path)
    s = read_file(path)
    heads = [(b.text, b.level) for b in s.blocks if b.kind == "heading"]
    assert heads == [("Referat frå Prøverådet", 1), ("Til stades", 1)]
    assert s.lines[0] == "# Referat frå Prøverådet" and s.lines[1] == "## Til stades"
    items = [(b.text, b.marker) for b in s.blocks if b.kind == "list_item"]
    assert items == [("Kari Holm", "-"), ("Godkjenning", "1."), ("Eventuelt", "2.")]
    rows = [b.cells for b in s.blocks if b.kind == "table_row"]
    assert rows == [("Namn", "Kommune"), ("Kari Holm", "Testby"), ("Ola Lid", "Testby")]
    assert s.blocks[-1].strike and s.location(s.blocks[-1].span.start) == "paragraph 6"


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">
<office:automatic-styles>
 <text:list-style style:name="L1"><text:list-level-style-number text:level="1"/>
  <text:list-level-style-bullet text:level="2"/></text:list-style>
 <text:list-style style:name="L2"><text:list-level-style-bullet text:level="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
 <text:h text:outline-level="1">Referat frå Prøverådet</text:h>
 <text:p>Dato:<text:tab/>4. mars 2021,<text:s text:c="2"/>kl. 10<text:note><text:note-body><text:p>fotnote</text:p>
  </text:note-body></text:note></text:p>
 <text:h text:outline-level="2">Til stades</text:h>
 <text:list text:style-name="L2"><text:list-item><text:p>Kari <text:span>Holm</text:span></text:p></text:list-item></text:list>
 <table:table>
  <table:table-header-rows><table:table-row><table:table-cell><text:p>Namn</text:p></table:table-cell>
   <table:table-cell><text:p>Kommune</text:p></table:table-cell></table:table-row></table:table-header-rows>
  <table:table-row><table:table-cell><text:p>Kari Holm</text:p></table:table-cell>
   <table:table-cell table:number-rows-spanned="2"><text:p>Testby</text:p></table:table-cell>
   <table:table-cell table:number-columns-repeated="900"/></table:table-row>
  <table:table-row><table:table-cell><text:p>Ola Lid</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
  <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Varamedlemmer</text:p></table:table-cell>
   <table:covered-table-cell/></table:table-row>
 </table:table>
 <text:section><text:list text:style-name="L1">
  <text:list-item><text:p>Godkjenning</text:p></text:list-item>
  <text:list-item><text:p>Budsjett</text:p><text:list><text:list-item><text:p>drift</text:p></text:list-item></text:list>
  </text:list-item></text:list></text:section>
 <text:p>Linje ein<text:line-break/>Linje to</text:p>
</office:text></office:body></office:document-content>"""


def test_opendocument_headings_lists_tables_and_merged_cells(tmp_path):
    import zipfile

    path = tmp_path / "r.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", ODT_CONTENT)
    s = read_file(path)
    assert [(b.kind, b.text, b.level, b.marker) for b in s.blocks if b.kind != "table_row"] == [
        ("heading", "Referat frå Prøverådet", 1, None), ("paragraph", "Dato: 4. mars 2021,  kl. 10", 0, None),
        ("heading", "Til stades", 2, None), ("list_item", "Kari Holm", 0, "-"),
        ("paragraph", "Varamedlemmer", 0, None),  # a row of one cell merged across is a caption
        ("list_item", "Godkjenning", 0, "1."), ("list_item", "Budsjett", 0, "2."), ("list_item", "drift", 1, "-"),
        ("paragraph", "Linje ein", 0, None), ("paragraph", "Linje to", 0, None)]
    rows = [(b.cells, b.header) for b in s.blocks if b.kind == "table_row"]
    # a cell merged down is in each row it covers; the empty rest of a row is left out
    assert rows == [(("Namn", "Kommune"), True), (("Kari Holm", "Testby"), False), (("Ola Lid", "Testby"), False)]
    assert s.location(s.blocks[-1].span.start) == "paragraph 8"


@pytest.mark.parametrize("data, reason", [(b"PK\x03\x04 not really", "not an OpenDocument text"),
                                          (b"plain words", "not an OpenDocument text")])
def test_a_broken_opendocument_file_is_refused_with_its_reason(tmp_path, data, reason):
    from kg.errors import BadInput

    (tmp_path / "m.odt").write_bytes(data)
    with pytest.raises(BadInput, match=reason):
        read_file(tmp_path / "m.odt")


def test_pdf_page_furniture_goes():
    pages = [["Prøverådet    Dokument: ref-1    Side: 1 av 2", "", "Innhald ein", "", "Utarbeidd av: ab   Dato: 1.2.20"],
             ["Prøverådet    Dokument: ref-1    Side: 2 av 2", "", "Innhald to", "3", "Utarbeidd av: ab   Dato: 1.2.20"]]
    assert [[line for line in p if line.strip()] for p in _without_furniture(pages)] == [["Innhald ein"], ["Innhald to"]]


def test_pdf_labels_split_and_words_joined():
    assert _split_labels(["Tid: kl. 10    Sted: Rådhuset", "Kari Holm    Testby"]) == [
        "Tid: kl. 10", "Sted: Rådhuset", "Kari Holm    Testby"]
    joined = _join_broken_words(["Ordførarane peika på at kollektiv-", "", "tilbodet er dårleg, og at fiskeri-",
                                 "og havbruksnæringa veks"])
    assert joined == ["Ordførarane peika på at kollektivtilbodet", "", "er dårleg, og at fiskeri-",
                      "og havbruksnæringa veks"]


def test_pdf_two_text_columns_read_left_then_right():
    page = ["Frå sekretariatet" + " " * 23 + "Frå rådmennene",
            "Prosjektet har fått" + " " * 21 + "Rådmennene vil sjå på",
            "midlar til turskilt" + " " * 21 + "felles innkjøp og",
            "og kart." + " " * 32 + "beredskap i regionen.",
            "Vedtak: Teke til orientering."]
    assert _reading_order(page) == ["Frå sekretariatet", "Prosjektet har fått", "midlar til turskilt", "og kart.",
                                    "Frå rådmennene", "Rådmennene vil sjå på", "felles innkjøp og",
                                    "beredskap i regionen.", "Vedtak: Teke til orientering."]


def test_pdf_two_column_table_keeps_rows_and_joins_continuations():
    page = ["Ordførar / opposisjon" + " " * 19 + "Rådmann",
            "Testby: Kari Holm (Sp)" + " " * 18 + "Ola Lid",
            "",
            "Prøvdal: Per Berg (H) – frå sak" + " " * 9 + "Siv Dal",
            "3/20",
            "",
            "Nordvik: Åse Ro (Ap)" + " " * 20 + "Lars Vik"]
    assert [line for line in _reading_order(page) if line] == [
        "Ordførar / opposisjon\tRådmann", "Testby: Kari Holm (Sp)\tOla Lid",
        "Prøvdal: Per Berg (H) – frå sak 3/20\tSiv Dal", "Nordvik: Åse Ro (Ap)\tLars Vik"]


def test_pdf_table_of_a_header_and_one_row_keeps_its_columns():
    """A table too short for its columns to recur on the page is still a table: its gaps line up."""
    page = ["Følgende medlemmer hadde forfall:", "",
            "     Navn" + " " * 17 + "Funksjon" + " " * 10 + "Representerer",
            "     Halvor Moen" + " " * 10 + "Nestleder" + " " * 9 + "Rendalen kommune", "",
            "Møtet ble satt    kl. 10.",  # one line with a gap is no table
            "Referent: Eli Rud"]
    assert _reading_order(page) == ["Følgende medlemmer hadde forfall:", "", "Navn\tFunksjon\tRepresenterer",
                                    "Halvor Moen\tNestleder\tRendalen kommune", "", "Møtet ble satt    kl. 10.",
                                    "Referent: Eli Rud"]


# -- sections from blocks ---------------------------------------------------------------

from kg.model import SourceText  # noqa: E402
from kg.parse import parse  # noqa: E402
from kg.parse.header import body_name  # noqa: E402


def sections(tmp_path: Path, name: str, text: str):
    m = parse(read(tmp_path, name, text))
    return m, [(s.kind, s.title, s.case_number, s.actor) for s in m.sections]


def test_case_headings_round_prose_and_next_meeting(tmp_path):
    text = """PRØVERÅDET
MØTEBOK

Sak 12/19  Budsjett 2020
Rådet drøfta budsjettet.
Vedtak: Godkjent.

Sak 13/19  Orienteringssaker
Orienteringar frå kommunane:
Frå Testby vart det orientert om ny skule og om
vegane. Frå Prøvdal vart det
orientert om eit nytt bustadfelt.

Eventuelt
Ingen saker.

Neste møte: 3. mai 2019 i Testby.
"""
    m, got = sections(tmp_path, "p.txt", text)
    assert ("agenda", "Sak 12/19 Budsjett 2020", "12/19", None) in got
    # a report in the round of case 13/19 is part of that case
    assert ("roundtable", "Testby", "13/19", "Testby") in got and ("roundtable", "Prøvdal", "13/19", "Prøvdal") in got
    assert ("other", "Eventuelt", None, None) in got and ("events", "Neste møte", None, None) in got
    assert [e.text for e in m.events] == ["Neste møte: 3. mai 2019 i Testby."]
    assert m.body == "Prøverådet"


def test_a_prose_report_begun_inside_a_line_shares_that_line_with_the_report_before(tmp_path):
    """"… om vegane. Frå Prøvdal vart det orientert …": the line holds the end of one report and the
    start of the next; both sections hold it, each its own part, so no sentence is cut or misplaced."""
    text = """Sak 13/19  Orienteringssaker
Orienteringar frå kommunane:
Frå Testby vart det orientert om ny skule og om
vegane i sentrum. Frå Prøvdal vart det
orientert om eit nytt bustadfelt.
"""
    from kg.lang.sentences import section_sentences

    m, _ = sections(tmp_path, "p.txt", text)
    testby, provdal = (s for s in m.sections if s.kind == "roundtable")
    assert (testby.span.start, testby.span.end) == (3, 4) and (provdal.span.start, provdal.span.end) == (4, 5)
    assert testby.text.endswith("vegane i sentrum. ") and provdal.text.startswith("Frå Prøvdal vart det")
    lines = m.source.lines
    assert [s.text for s in section_sentences(testby, lines)] == [
        "Frå Testby vart det orientert om ny skule og om vegane i sentrum."]
    assert [(s.text, s.first, s.last) for s in section_sentences(provdal, lines)] == [
        ("Frå Prøvdal vart det orientert om eit nytt bustadfelt.", 4, 5)]


def test_listing_is_not_the_items_and_points_stay_in_their_item(tmp_path):
    text = """# Referat frå Prøverådet

## Saksliste

1. Godkjenning av innkalling
2. Vegplan

## Sak 1/22 Godkjenning av innkalling

Vedtak:

1. Godkjent.
2. Sendast kommunane.

## Sak 2/22 Vegplan

Rådet drøfta planen.
"""
    m, got = sections(tmp_path, "p.md", text)
    items = [(t, c) for k, t, c, _ in got if c]
    assert items == [("Sak 1/22 Godkjenning av innkalling", "1/22"), ("Sak 2/22 Vegplan", "2/22")]
    assert [a.title for a in m.agenda] == ["Sak 1/22 Godkjenning av innkalling", "Sak 2/22 Vegplan"]


def test_numbered_items_with_presenters_do_not_collapse(tmp_path):
    text = """SAKLISTE

5. Budsjett 2020
v/ Kari Holm, rådgiver, Testby kommune
Budsjettet vart lagt fram.

6. Samferdsel
v/ Ola Lid, dagleg leiar, Prøvdal Utvikling AS
Rådet ber om betre ferjetilbod.
"""
    m, got = sections(tmp_path, "p.txt", text)
    assert [(a.number, a.title) for a in m.agenda] == [(5, "Budsjett 2020"), (6, "Samferdsel")]


def test_round_as_sub_headings_and_as_a_table(tmp_path):
    text = """# Møte i Prøvenettverket

## Sak 4/23 Runde rundt bordet

### Testby

Har starta eit nettverk for kunstig intelligens.

### Prøvdal

Byggjer ny hamn.

## Sak 5/23 Orienteringer fra kommunene

| Kommune | Orientering |
|---|---|
| Nordvik | Ny barnehage. |
| Sørvik | Nytt sjukeheim. |

## Sak 6/23 Eventuelt
"""
    m, got = sections(tmp_path, "p.md", text)
    actors = [a for k, _, _, a in got if k == "roundtable"]
    assert actors == ["Testby", "Prøvdal", "Nordvik", "Sørvik"]
    assert got[-1][:3] == ("agenda", "Sak 6/23 Eventuelt", "6/23")


def test_attendance_sub_headings_carry_their_role(tmp_path):
    text = """# Referat frå Prøverådet

## Til stede

### Medlemmer

- Kari Holm, Testby
- Ola Lid, Prøvdal

### Varamedlemmer

- Per Berg, Nordvik

### Forfall

- Siv Dal, Sørvik

## Sak 1/23 Godkjenning
"""
    m = parse(read(tmp_path, "p.md", text))
    roles = [(s.title, s.kind) for s in m.sections if s.kind == "attendance"]
    assert [t for t, _ in roles] == ["Til stede", "Medlemmer", "Varamedlemmer", "Forfall"]
    att = m.sections[[s.title for s in m.sections].index("Medlemmer")]
    assert [b.kind for b in att.blocks] == ["heading", "list_item", "list_item"]


def test_sections_from_a_source_without_blocks():
    source = SourceText(name="x.txt", text="Sak 3/21 Vegplan\nRådet drøfta planen.", content_hash="x",
                        encoding="utf-8", format="text")
    assert [(s.title, s.case_number) for s in parse(source).sections] == [("Sak 3/21 Vegplan", "3/21")]


@pytest.mark.parametrize("text, body, parent", [
    ("Styremøte i Prøve Næringssamarbeid", "Prøve Næringssamarbeid", None),
    ("Møte i Nordvik regionråd", "Nordvik regionråd", None),
    ("NORDVIK REGIONRÅD", "Nordvik regionråd", None),
    ("REGIONRÅDET FOR NORDDALEN", "Regionrådet for Norddalen", None),
    ("Arbeidsutvalet i Prøverådet", "Arbeidsutvalet i Prøverådet", "Prøverådet"),
    ("Prøvesamarbeidet – arbeidsutvalget (AU)", "Prøvesamarbeidet – arbeidsutvalget (AU)", "Prøvesamarbeidet"),
    ("Nordvik regionråds arbeidsutvalg", "Nordvik regionråds arbeidsutvalg", "Nordvik regionråd"),
    ("regionrådsmøte 8. oktober", "", None),
])
def test_body_names(text, body, parent):
    assert body_name(text) == (body, parent)


def test_each_line_of_a_listing_by_case_number_is_a_sentence_of_its_own(tmp_path):
    """"74/10 Lokalpressa …" under "73/10 Hamnesamarbeid v/ Kari Dahl": the words of one item find that line
    alone, not the person another line of the listing names."""
    from kg.lang.sentences import section_sentences

    text = ("Referat frå Prøverådet\n\nSAKLISTE\n73/10 Hamnesamarbeid v/ Kari Dahl\n74/10 Lokalpressa si rolle\n\n"
            "Sak 73/10 Hamnesamarbeid\nKari Dahl orienterte.\n\nSak 74/10 Lokalpressa si rolle\nPer Lie innleidde.\n")
    m, _ = sections(tmp_path, "p.txt", text)
    (listing,) = (s for s in m.sections if s.title == "SAKLISTE")
    assert [s.text for s in section_sentences(listing, m.source.lines)] == [
        "73/10 Hamnesamarbeid v/ Kari Dahl", "74/10 Lokalpressa si rolle"]


def test_the_body_named_on_the_first_line_over_a_title_without_it(tmp_path):
    """"Dalrådet IKS" over "Referat fra rådsmøte 22.04.2021": the body is the first line's, not the first name of
    the member list below the title."""
    text = ("Dalrådet IKS\nReferat fra rådsmøte 22.04.2021, Teams\n\nMedlemmer av rådet:\n"
            "Kari Dahl (KD), ordfører Tinn\nPer Lie (PL), ordfører Vinje\n\nTil stede: KD, PL\n")
    m, _ = sections(tmp_path, "p.txt", text)
    assert m.body == "Dalrådet IKS"
