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


def test_pdf_page_furniture_goes():
    pages = [["Prøverådet    Dokument: ref-1    Side: 1 av 2", "", "Innhald ein", "", "Utarbeidd av: ab   Dato: 1.2.20"],
             ["Prøverådet    Dokument: ref-1    Side: 2 av 2", "", "Innhald to", "3", "Utarbeidd av: ab   Dato: 1.2.20"]]
    kept = [[" ".join(line.split()) for line in p if line.strip()] for p in _without_furniture(pages)]
    assert kept == [["Prøverådet Dokument: ref-1", "Innhald ein"], ["Innhald to"]]  # the header once, on page 1


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
