"""Readers: every format to lines the parser knows, every encoding, and bad files refused with a reason."""

from __future__ import annotations

import io
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest

from kg.errors import BadInput
from kg.model import SourceText
from kg.read import read_file

MINUTES = Path(__file__).parent / "data" / "minutes"


def read_bytes(tmp_path, name: str, data: bytes) -> SourceText:
    p = tmp_path / name
    p.write_bytes(data)
    return read_file(p)


# -- Word ---------------------------------------------------------------------
def test_docx_table_rows_headings_and_numbered_list():
    s = read_file(MINUTES / "101_hallingdal_2023-11.docx")
    lines = s.lines
    assert s.format == "docx" and len(s.locations) == len(lines)
    assert lines[0] == "# Protokoll fra møte i Regionrådet for Hallingdal"
    assert "## Til stede" in lines and "### Sak 43/23 Strategisk næringsplan for Hallingdal 2024–2027" in lines
    assert "Sigrid Flaten Rudningen\tordfører\tFlå" in lines
    assert "Tone Kvisler\t\tNesbyen" in lines  # an empty middle cell keeps the columns aligned
    assert "Marte Skarsgard\tvaraordfører\tGol" in lines  # a cell merged down is repeated
    assert "Observatører" in lines  # a cell merged across the row is written once
    assert "2. 12.–13. mars – Hallingdalskonferansen, Geilo (TBC)" in lines  # Word's own numbering
    n = lines.index("Marte Skarsgard\tvaraordfører\tGol") + 1
    assert s.location(n) == "table 1 row 7"
    assert s.location(lines.index("Referent: Hilde Sørbøen") + 1).startswith("paragraph ")


def test_docx_built_here_keeps_document_order(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Referat", level=1)
    d.add_paragraph("Før tabellen")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Kari Nordmann", "Nittedal"
    d.add_paragraph("Etter tabellen\nmed linjeskift", style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    s = read_bytes(tmp_path, "m.docx", buf.getvalue())
    assert s.lines == ["## Referat", "Før tabellen", "Kari Nordmann\tNittedal", "- Etter tabellen", "med linjeskift"]


@pytest.mark.parametrize("data, why", [
    (b"Dette er bare tekst", "not a zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "not a zip archive"),  # an old binary .doc
])
def test_corrupt_docx(tmp_path, data, why):
    with pytest.raises(BadInput, match=f"not a Word file: {why}"):
        read_bytes(tmp_path, "bad.docx", data)


def test_zip_that_is_not_word(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hei")
    with pytest.raises(BadInput, match="not a Word file: "):
        read_bytes(tmp_path, "bad.docx", buf.getvalue())


# -- PDF ----------------------------------------------------------------------
def test_pdf_two_column_table_and_pages():
    s = read_file(MINUTES / "102_gjovikregionen_2014-09.pdf")
    lines = s.lines
    assert s.format == "pdf" and len(s.locations) == len(lines)
    assert "Navn\tRepresenterer" in lines
    assert "Marit Solberg Haugen\tGjøvik kommune" in lines
    assert "Jon Erik Tomter\tOppland fylkeskommune" in lines
    assert "Sak 051/14 Godkjenning av innkalling og saksliste" in lines
    assert s.location(1) == "page 1" and s.location(len(lines)) == "page 2"
    assert "" not in [a for a, b in zip(lines, lines[1:]) if not a and not b]  # blank lines not doubled


@pytest.mark.parametrize("data, why", [
    (b"<html>not a pdf</html>", "not a PDF: the file has no %PDF header"),
    (b"%PDF-1.7\n1 0 obj garbage", "not a PDF: damaged"),
])
def test_corrupt_pdf(tmp_path, data, why):
    with pytest.raises(BadInput, match=why):
        read_bytes(tmp_path, "bad.pdf", data)


def test_truncated_pdf(tmp_path):
    data = (MINUTES / "102_gjovikregionen_2014-09.pdf").read_bytes()
    with pytest.raises(BadInput, match="not a PDF|PDF without text"):
        read_bytes(tmp_path, "cut.pdf", data[: len(data) // 3])


# -- HTML ---------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><meta charset="windows-1252"><title>x</title>
<style>h2 {color: red}</style><script>var a = "<h2>nei</h2>";</script></head>
<body><h2>Referat &ndash; m&oslash;te</h2><p>Tid: kl. 10<br>Sted: Sk&ouml;vde</p>
<table><tr><th>Navn</th><th>Kommune</th></tr>
<tr><td>Kari  Nordmann</td><td rowspan="2">Nittedal</td></tr>
<tr><td>Ola <b>Dunk</b></td></tr>
<tr><td colspan="2">Observat&oslash;rer</td></tr></table>
<h3>Saksliste</h3><ol><li>Godkjenning</li><li>Eventuelt</li></ol>
<ul><li>punkt</li></ul></body></html>"""


def test_html_blocks_tables_lists_and_entities(tmp_path):
    s = read_bytes(tmp_path, "m.html", PAGE.encode("cp1252"))
    assert s.format == "html" and s.encoding == "windows-1252"
    assert s.lines == [
        "### Referat – møte", "Tid: kl. 10", "Sted: Skövde",
        "Navn\tKommune", "Kari Nordmann\tNittedal", "Ola Dunk\tNittedal", "Observatører",
        "#### Saksliste", "1. Godkjenning", "2. Eventuelt", "- punkt",
    ]
    assert s.location(5) == "line 5"  # the row's line in the HTML source


def test_html_fixture_reads():
    s = read_file(MINUTES / "103_vestlandsnettverket_2022-10.html")
    assert any("\t" in line for line in s.lines)
    assert any(line.startswith("1. ") for line in s.lines)


# -- text encodings -------------------------------------------------------------
TEXT = "Referat\nTil stede: Bjørn Ås, Ærøy og Østre Toten – «møte»\n"


@pytest.mark.parametrize("data, encoding", [
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-8"), "utf-8"),
    (TEXT.encode("cp1252"), "cp1252"),
    (TEXT.replace("–", "-").replace("«", "").replace("»", "").encode("latin-1"), None),
])
def test_text_encodings(tmp_path, data, encoding):
    s = read_bytes(tmp_path, "m.txt", data)
    assert "Bjørn Ås, Ærøy og Østre Toten" in s.text
    assert encoding is None or s.encoding == encoding
    assert s.locations is None and s.location(1) is None


def test_crlf_and_cp1252_fixture():
    s = read_file(MINUTES / "104_romerike_2021-03.txt")
    assert b"\r\n" in (MINUTES / "104_romerike_2021-03.txt").read_bytes()
    assert s.encoding == "cp1252" and "\r" not in s.text
    assert "Ordfører Kari Nordmann, Nittedal kommune" in s.lines


def test_markdown_and_bad_suffix(tmp_path):
    assert read_bytes(tmp_path, "m.md", b"## Til stede\r\nKari").lines == ["## Til stede", "Kari"]
    with pytest.raises(BadInput, match="unsupported file type .doc"):
        read_bytes(tmp_path, "m.doc", b"x")
    with pytest.raises(BadInput, match="empty file"):
        read_bytes(tmp_path, "m.pdf", b"  \n")


def test_locations_survive_a_json_round_trip():
    s = read_file(MINUTES / "101_hallingdal_2023-11.docx")
    again = SourceText(**asdict(s))
    assert again.locations == s.locations
    old = {k: v for k, v in asdict(s).items() if k != "locations"}  # stored before locations existed
    assert SourceText(**old).locations is None
