"""Attendance in label tables and side-by-side columns, the chair, absent bodies, the next meeting's
place, parties and successors (examples written for these tests: the people and the councils are made up)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from kg.api import Archive
from kg.lang.names import normalise_person
from kg.parse import parse
from kg.read import read_file
from kg.read.pdffile import _reading_order

TODAY = date(2023, 4, 1)


def read(tmp_path: Path, name: str, data: bytes | str):
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return read_file(p)


def people(minutes) -> dict[str | None, tuple]:
    """name (or None for a body) → (body, role, title, party)."""
    out = {}
    for a in minutes.attendance:
        name = normalise_person(a.name, by_position=True).full if a.name else None
        out[name if name else a.body] = (a.body, a.role, a.title, a.party)
    return out


LABEL_TABLE_MD = """# Referat frå møte i Tinnsjørådet

Dato: 14. mars 2023

| | |
|---|---|
| Til stades | Runa Kvisle (Sp), Tinn kommune; Geir Oftebro (Ap), Notodden kommune |
| Forfall | Hjartdal kommune |
| Møteleiar | Runa Kvisle |

## Sak 4/23 Budsjett

Vedteke.
"""


def test_a_table_row_whose_first_cell_labels_the_names_markdown(tmp_path):
    m = parse(read(tmp_path, "t.md", LABEL_TABLE_MD))
    assert people(m) == {
        "Runa Kvisle": ("Tinn kommune", "chair", None, "Sp"),
        "Geir Oftebro": ("Notodden kommune", "member", None, "Ap"),
        "Hjartdal kommune": ("Hjartdal kommune", "absent", None, None)}
    assert [s.case_number for s in m.sections if s.kind == "agenda"] == ["4/23"]


def test_a_label_table_in_word_keeps_the_names_of_one_cell_apart(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Referat frå møte i Tinnsjørådet", 1)
    d.add_paragraph("Dato: 14. mars 2023")
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text = "Møtt"
    cell = t.cell(0, 1)
    cell.text = "Runa Kvisle (leiar), Tinn kommune"
    cell.add_paragraph("Geir Oftebro, Notodden kommune")
    t.cell(1, 0).text, t.cell(1, 1).text = "Ikkje til stades", "Hjartdal kommune"
    t.cell(2, 0).text, t.cell(2, 1).text = "Referent", "Eirik Bjørge"
    d.add_heading("Sak 4/23 Budsjett", 2)
    buf = io.BytesIO()
    d.save(buf)
    m = parse(read(tmp_path, "t.docx", buf.getvalue()))
    assert people(m) == {
        "Runa Kvisle": ("Tinn kommune", "chair", "leiar", None),
        "Geir Oftebro": ("Notodden kommune", "member", None, None),
        "Hjartdal kommune": ("Hjartdal kommune", "absent", None, None),
        "Eirik Bjørge": (None, "referent", None, None)}


def test_a_label_table_in_html_with_line_breaks_in_a_cell(tmp_path):
    html = """<html><body><h1>Referat frå møte i Tinnsjørådet</h1><p>Dato: 14. mars 2023</p>
<table><tr><td>Til stades</td><td>Runa Kvisle, Tinn kommune<br>Geir Oftebro, Notodden kommune</td></tr>
<tr><td>Forfall</td><td>Hjartdal kommune</td></tr></table>
<h2>Sak 4/23 Budsjett</h2><p>Vedteke.</p></body></html>"""
    m = parse(read(tmp_path, "t.html", html))
    assert people(m) == {
        "Runa Kvisle": ("Tinn kommune", "member", None, None),
        "Geir Oftebro": ("Notodden kommune", "member", None, None),
        "Hjartdal kommune": ("Hjartdal kommune", "absent", None, None)}


@pytest.mark.parametrize("heading", ["<h2>Oppmøteliste</h2>", "<p><b>Møtet</b></p>", ""])
def test_an_attendee_table_is_read_as_one_whatever_heading_stands_above_it(tmp_path, heading):
    html = f"""<html><body><h1>Referat fra styremøte i Grenlandsnettet</h1><p>Dato: 3. mai 2023</p>{heading}
<table><tr><th>Navn</th><th>Kommune</th><th>Til stede</th></tr>
<tr><td>Runa Kvisle</td><td>Bamble kommune</td><td>Ja</td></tr>
<tr><td>Geir Oftebro</td><td>Skien kommune</td><td>Nei</td></tr></table>
<h2>Sak 4/23 Budsjett</h2><p>Vedtatt.</p>
<table><tr><th>Navn</th><th>Kommune</th></tr><tr><td>Liv Dale</td><td>Siljan kommune</td></tr></table></body></html>"""
    m = parse(read(tmp_path, "t.html", html))
    assert people(m) == {"Runa Kvisle": ("Bamble kommune", "member", None, None),
                         "Geir Oftebro": ("Skien kommune", "absent", None, None)}  # a table inside a case is no list


def test_attendance_said_in_a_sentence_nynorsk(tmp_path):
    text = ("Referat frå Telemarksrådet\nMøte 3. mai 2023 i Bø\n\n"
            "Til stades var Runa Kvisle (Tinn kommune), Geir Oftebro\n(Notodden kommune) og Liv Dale frå Seljord "
            "kommune. Åse Rui (Bamble kommune) hadde meldt forfall.\nReferent: Eli Nes.\n\n1) Budsjett\nVedteke.\n")
    m = parse(read(tmp_path, "t.txt", text))
    assert people(m) == {"Runa Kvisle": ("Tinn kommune", "member", None, None),
                         "Geir Oftebro": ("Notodden kommune", "member", None, None),
                         "Liv Dale": ("Seljord kommune", "member", None, None),
                         "Åse Rui": ("Bamble kommune", "absent", None, None),
                         "Eli Nes": (None, "referent", None, None)}


def test_chair_named_apart_and_in_the_list_is_one_person_plain_text(tmp_path):
    text = """REFERAT FRA MØTE I GRENLANDSTINGET

Dato: 02.02.2023
Møteleder: Runa Kvisle
Referent: prosjektkoordinator Eirik Bjørge

Møtt
Ordfører Runa Kvisle, Siljan
Geir Oftebro, leder i Siljan næringsforening
Tone Hovda, Bamble

Underskrifter: Runa Kvisle, Tone Hovda

Sak 1/23 Godkjenning
Godkjent.
"""
    m = parse(read(tmp_path, "g.txt", text))
    got = people(m)
    assert got["Runa Kvisle"][:2] == ("Siljan", "chair")
    assert got["Geir Oftebro"][1] == "member"  # leads another body, not the meeting
    assert got["Eirik Bjørge"][1:3] == ("referent", "prosjektkoordinator")  # a title by its ending
    assert got["Tone Hovda"][1] == "member" and len(m.attendance) == 4  # the signatures are no attendees


def test_people_side_by_side_in_a_row_without_header_are_apart():
    page = ["Møtt",
            "Medlemmer" + " " * 31 + "Andre",
            "Ordfører Runa Kvisle, Tinn (leder)" + " " * 6 + "Leder i Tinn næringsråd, Eirik",
            "" + " " * 40 + "Bjørge",
            "Ordfører Geir Oftebro, Notodden" + " " * 9 + "Rådgiver Tone Hovda"]
    from kg.model import SourceText
    from kg.read.plaintext import text_blocks

    lines = _reading_order(page)
    source = SourceText(name="p.pdf", text="\n".join(lines), content_hash="x", encoding="pdf", format="pdf",
                        blocks=text_blocks(lines))
    got = people(parse(source))
    assert got["Runa Kvisle"][:2] == ("Tinn", "chair")
    assert got["Eirik Bjørge"][:2] == ("Tinn næringsråd", "guest") and got["Geir Oftebro"][:2] == ("Notodden", "member")
    assert got["Tone Hovda"][1:3] == ("guest", "rådgiver")


NEXT = """# Referat frå møte i Vestmarkrådet

Dato: 14. mars 2023

## Til stades

- Runa Kvisle (Sp), Vinje kommune
- Geir Oftebro (Ap), Nedre Eiker kommune

## Forfall

- Kviteseid kommune

## Neste møte

Torsdag 15. juni 2023 kl. 10.00
I Tokke.
"""


@pytest.fixture(scope="module")
def next_archive(tmp_path_factory):
    d = tmp_path_factory.mktemp("next")
    (d / "v.md").write_text(NEXT, encoding="utf-8")
    with Archive(d / "store") as a:
        a.ingest([d / "v.md"])
        yield a


def labels(result) -> list[str]:
    return [a.label for a in result.answers]


def test_absent_body_answers_who_was_absent(next_archive):
    for q in ("which bodies were absent", "who was absent", "kven hadde forfall"):
        assert "Kviteseid" in labels(next_archive.ask(q, today=TODAY)), q
    rows = next_archive.store.select(
        "PREFIX kg: <https://w3id.org/kg-minutes/ns#> SELECT DISTINCT ?b WHERE { GRAPH ?g { ?m kg:absentBody ?b } }")
    assert len(rows) == 1


def test_chair_answers_who_chaired(tmp_path):
    (tmp_path / "c.md").write_text(LABEL_TABLE_MD, encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "c.md"])
        for q in ("who chaired the meeting", "kven leia møtet"):
            assert labels(a.ask(q, today=TODAY)) == ["Runa Kvisle"], q


def test_next_meeting_is_one_event_with_its_place_from_the_line_below(next_archive):
    rows = next_archive.store.select(
        "PREFIX kg: <https://w3id.org/kg-minutes/ns#> PREFIX schema: <https://schema.org/> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?e ?d ?p WHERE { GRAPH ?g { ?m kg:nextMeeting ?e . ?e schema:startDate ?d ; "
        "schema:location ?l } ?l rdfs:label ?p }")  # the place's label is in the entities graph
    assert [(r["d"].value, r["p"].value) for r in rows] == [("2023-06-15", "Tokke")]
    events = next_archive.store.select(
        "PREFIX schema: <https://schema.org/> SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e a schema:Event } }")
    assert len(events) == 2  # the meeting itself and the next one, no event named after "I Tokke."


def test_party_and_successor_in_rdf(next_archive):
    # DISTINCT: a fact is in its document's graph and in its line span's
    parties = next_archive.store.select(
        "PREFIX kg: <https://w3id.org/kg-minutes/ns#> SELECT DISTINCT ?a ?p WHERE { GRAPH ?g { ?a kg:party ?p } } ORDER BY ?p")
    assert [r["p"].value for r in parties] == ["Ap", "Sp"]
    successors = next_archive.store.select(
        "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?s WHERE { GRAPH ?g { ?m dcterms:isReplacedBy ?x . ?x rdfs:label ?s } }")
    assert [r["s"].value for r in successors] == ["Drammen"]


PLAIN = """PROTOKOLL FRÅ MØTE I TELEMARKSRÅDET

Dato: 12.01.2024

Sak 1 og 2/24 Godkjenning av innkalling og protokoll
Godkjent.

Budsjett for neste år
    Rådet drøfta budsjettet og bad om ei ny sak i mars.

Ungdomsrådet
    Leiaren orienterte om arbeidet i ungdomsrådet.

Kommune / Kontaktperson / Telefon
Tinn / Runa Kvisle / 900 00 000
Vinje / Geir Oftebro / 900 00 001
"""


def test_plain_text_titles_by_indentation_slash_tables_and_two_cases_together(tmp_path):
    s = read(tmp_path, "p.txt", PLAIN)
    heads = [b.text for b in s.blocks if b.kind == "heading"]
    assert heads[-2:] == ["Budsjett for neste år", "Ungdomsrådet"]
    rows = [b.cells for b in s.blocks if b.kind == "table_row"]
    assert rows[1] == ("Tinn", "Runa Kvisle", "900 00 000") and len(rows) == 3
    m = parse(s)
    assert [sec.case_number for sec in m.sections if sec.case_number] == ["1 og 2/24"]
    one = read(tmp_path, "q.txt", "Budsjett for neste år\n    Rådet drøfta budsjettet og bad om ei ny sak i mars.\n")
    assert [b.kind for b in one.blocks] == ["paragraph"]  # once is no layout: a hanging paragraph


def test_two_cases_together_are_both_identifiers(tmp_path):
    (tmp_path / "p.txt").write_text(PLAIN, encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "p.txt"])
        rows = a.store.select("PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX kg: <https://w3id.org/kg-minutes/ns#> "
                              "SELECT ?id WHERE { GRAPH ?g { ?i a kg:AgendaItem ; dcterms:identifier ?id } } ORDER BY ?id")
        assert [r["id"].value for r in rows] == ["1 og 2/24", "1/24", "2/24"]


def test_a_body_named_only_in_a_pdf_running_header():
    from kg.model import SourceText
    from kg.read.pdffile import _running_header
    from kg.read.plaintext import text_blocks

    pages = [["Tinnsjørådet" + " " * 30 + "Møtebok 3. mai 2023", "", "MØTEBOK", "Dato: 3. mai 2023"],
             ["Tinnsjørådet" + " " * 30 + "Møtebok 3. mai 2023", "", "Sak 2/23 Budsjett"]]
    header = _running_header(pages)
    lines = ["MØTEBOK", "Dato: 3. mai 2023", "", "Sak 2/23 Budsjett", "Vedteke."]
    source = SourceText(name="r.pdf", text="\n".join(lines), content_hash="x", encoding="pdf", format="pdf",
                        blocks=text_blocks(lines), running_header=header)
    assert parse(source).body == "Tinnsjørådet"


def test_html_definition_list_of_attendees_and_an_agenda_table(tmp_path):
    html = """<html><body><h1>Møtebok frå møte i Tinnsjørådet</h1><p>Tid: 9. mars 2023 kl. 10.00</p>
<h2>Frammøtte</h2><dl><dt>Tinn kommune</dt><dd>Ordførar Runa Kvisle (Sp) – leiar</dd>
<dt>Forfall</dt><dd>Hjartdal kommune</dd></dl>
<h2>Saksliste</h2><table><thead><tr><th>Saknr.</th><th>Tittel</th><th>Vedtak</th></tr></thead>
<tr><td>PS 7/23</td><td>Reiselivsplan</td><td>Rådet sluttar seg til planen.</td></tr>
<tr><td>PS 8/23</td><td>Vegsaker</td><td>Teke til orientering.</td></tr></table></body></html>"""
    m = parse(read(tmp_path, "d.html", html))
    assert people(m) == {"Runa Kvisle": ("Tinn kommune", "chair", "ordførar, leiar", "Sp"),
                         "Hjartdal kommune": ("Hjartdal kommune", "absent", None, None)}
    assert [(s.title, s.case_number) for s in m.sections if s.kind == "agenda"] == [
        ("PS 7/23 Reiselivsplan", "7/23"), ("PS 8/23 Vegsaker", "8/23")]


@pytest.mark.parametrize("page", [
    ["Møtt:" + " " * 10 + "Runa Kvisle, Tinn kommune", " " * 15 + "Geir Oftebro, Notodden kommune",
     " " * 15 + "Tone Hovda, Hjartdal kommune", "Forfall:" + " " * 7 + "Per Lid, Seljord kommune"],
    ["Møtt", "Runa Kvisle" + " " * 20 + "Tinn kommune", "Geir Oftebro" + " " * 19 + "Notodden kommune",
     "Tone Hovda" + " " * 21 + "Hjartdal kommune", "", "Forfall", "Per Lid" + " " * 24 + "Seljord kommune"],
], ids=["label column", "names and bodies"])
def test_two_column_attendance_in_a_pdf(page):
    from kg.model import SourceText
    from kg.read.plaintext import text_blocks

    page = ["REFERAT FRA MØTE I TINNSJØRÅDET", "", "Dato: 3. mai 2023", ""] + page + ["", "Sak 1/23 Budsjett", "Vedtatt."]
    lines = [line if "\t" in line else " ".join(line.split()) for line in _reading_order(page)]
    m = parse(SourceText(name="t.pdf", text="\n".join(lines), content_hash="x", encoding="pdf", format="pdf",
                         blocks=text_blocks(lines)))
    assert {k: v[:2] for k, v in people(m).items()} == {
        "Runa Kvisle": ("Tinn kommune", "member"), "Geir Oftebro": ("Notodden kommune", "member"),
        "Tone Hovda": ("Hjartdal kommune", "member"), "Per Lid": ("Seljord kommune", "absent")}
    assert [s.title for s in m.sections if s.kind == "agenda"] == ["Sak 1/23 Budsjett"]


def test_an_attendance_line_that_gives_nobody_is_reported_as_not_placed(tmp_path):
    text = "# Referat frå møte i Tinnsjørådet\n\nDato: 3. mai 2023\n\n## Til stades\n\n- Runa Kvisle, Tinn kommune\n" \
           "- 17 stk. via lenkje\n"
    m = parse(read(tmp_path, "u.md", text))
    assert [a.name for a in m.attendance] == ["Runa Kvisle"]
    assert m.unplaced == [(8, "17 stk. via lenkje")]


GROUPS_PLAIN = """REFERAT FRÅ MØTE I VIDDARÅDET 3. MARS 2021

Dato: onsdag 3. mars 2021, kl. 10.00 - 14.00

Til stades:

  Politisk utval
    Runa Kvisle, Tinn kommune
    Geir Oftebro, Notodden kommune (frå sak 5/21, kl. 11:30)

  Fagleg arbeidsgruppe
    Siv Lauvrak, Tinn kommune
    Arne Mostue, Vinje kommune

Forfall
    Tora Hegg, Hjartdal kommune
    Olav Brekke, Seljord kommune

Sakliste og innkalling vart godkjende.

SAK 4/21 BUDSJETT

Vedteke.
"""


def test_groups_of_an_attendance_list_after_blank_lines_stay_in_it_plain_text(tmp_path):
    """A paragraph of names under a group's line goes on with the list; a group's heading is no
    given name of the name under it ("Forfall⏎Tora Hegg"); a time's colon in a note ends no label."""
    m = parse(read(tmp_path, "groups.txt", GROUPS_PLAIN))
    assert {n: (b, r) for n, (b, r, _, _) in people(m).items()} == {
        "Runa Kvisle": ("Tinn kommune", "member"), "Geir Oftebro": ("Notodden kommune", "member"),
        "Siv Lauvrak": ("Tinn kommune", "member"), "Arne Mostue": ("Vinje kommune", "member"),
        "Tora Hegg": ("Hjartdal kommune", "absent"), "Olav Brekke": ("Seljord kommune", "absent")}
    assert next(a.note for a in m.attendance if a.name == "Geir Oftebro") == "frå sak 5/21, kl. 11:30"


SIGNED_PLAIN = """PROTOKOLL FRÅ MØTE I VIDDARÅDET 3. MARS 2021

Til stades:
  Runa Kvisle, Tinn kommune
  Geir Oftebro, Notodden kommune
  Siv Lauvrak, Vinje kommune

Møtet vart leia av Viddarådet sin leiar, Runa Kvisle. Geir Oftebro og
Siv Lauvrak vart valde til å skrive under protokollen saman med møteleiaren.

SAK 4/21 BUDSJETT

Vedteke.

Runa Kvisle (sign.)      Geir Oftebro (sign.)      Siv Lauvrak (sign.)
Rett utskrift: Arne Mostue (sign.), sekretær
"""


def test_the_chair_and_the_signers_that_sentences_name(tmp_path):
    """"Møtet vart leia av …" makes the chair when no list says it; the signers come from the sentence that
    elects them (with the chair they sign "saman med") and from the names marked "(sign.)"; a "Rett utskrift"
    line certifies a copy and signs nothing."""
    (tmp_path / "s.txt").write_text(SIGNED_PLAIN, encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "s.txt"])
        for q in ("who chaired the meeting", "kven leia møtet"):
            assert labels(a.ask(q, today=TODAY)) == ["Runa Kvisle"], q
        for q in ("who signed the minutes?", "hvem underskrev protokollen", "kven skreiv under protokollen"):
            r = a.ask(q, today=TODAY)
            assert r.query == "signers", r.why
            assert {(x.label, x.columns.get("role")) for x in r.answers} == {
                ("Runa Kvisle", "chair"), ("Geir Oftebro", None), ("Siv Lauvrak", None)}, q
        chair = a.ask("who chaired the meeting", today=TODAY).answers[0].to_json()
        assert chair["evidence"][0]["text"].startswith("Møtet vart leia av Viddarådet sin leiar, Runa Kvisle")


def test_who_wrote_the_minutes_as_a_sentence_says(tmp_path):
    """"Referatet er skrive av …" names the minute-taker when no "Referent:" line does; she answers who wrote the
    minutes, with that sentence as evidence, and the chair of the list is no minute-taker."""
    text = ("MØTEBOK FRÅ VIDDARÅDET 3. MARS 2021\n\nTil stades:\n  Runa Kvisle, Tinn kommune\n"
            "  Geir Oftebro, Notodden kommune\n\nMøtet vart leia av Runa Kvisle. Referatet er skrive av Siv Lauvrak, "
            "rådgjevar i Vestfold og Telemark fylkeskommune.\n\nSAK 4/21 BUDSJETT\n\nVedteke.\n")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "r.txt"])
        for q in ("who wrote the minutes?", "kven skreiv referatet?", "hvem var referent?"):
            r = a.ask(q, today=TODAY)
            assert labels(r) == ["Siv Lauvrak"], (q, r.why)
        r = a.ask("who wrote the minutes?", today=TODAY).answers[0].to_json()
        assert r["evidence"][0]["text"] == ("Referatet er skrive av Siv Lauvrak, rådgjevar i Vestfold og Telemark "
                                            "fylkeskommune.")


def test_signers_named_after_the_words_that_elect_them(tmp_path):
    from kg.parse.signatures import signing_sentences

    text = ("MØTEBOK FRÅ VIDDARÅDET 3. MARS 2021\n\nTil stades:\n  Runa Kvisle, Tinn kommune\n\n"
            "Møteleiar: Runa Kvisle. Til å skrive under protokollen saman med møteleiar vart valde\n"
            "Kay A. Dahl og Siv Lauvrak.\n")
    said = signing_sentences(parse(read(tmp_path, "v.txt", text)))
    assert [(s.names, s.with_chair, s.first, s.last) for s in said] == [(("Kay A. Dahl", "Siv Lauvrak"), True, 6, 7)]


@pytest.mark.parametrize("line", ["Protokollen godkjennes av: Kay A. Dahl og Siv Lauvrak",
                                  "Møteboka vert underteikna av Kay A. Dahl og Siv Lauvrak.",
                                  "Protokollen skal signeres av Kay A. Dahl og Siv Lauvrak."])
def test_signers_named_after_a_passive_in_the_present(tmp_path, line):
    from kg.parse.signatures import signing_sentences

    text = f"MØTEBOK FRÅ VIDDARÅDET 3. MARS 2021\n\nTil stades:\n  Runa Kvisle, Tinn kommune\n\n{line}\n"
    said = signing_sentences(parse(read(tmp_path, "v.txt", text)))
    assert [s.names for s in said] == [("Kay A. Dahl", "Siv Lauvrak")]


def test_a_label_that_is_only_a_title_among_the_lists_names_people_present(tmp_path):
    text = ("PROTOKOLL FRÅ MØTE I VIDDARÅDET 3. MARS 2021\n\nTil stades:\n  Tinn: Runa Kvisle, Geir Oftebro\n\n"
            "Forfall:     Vinje kommune\n\nRådmenn:     Tora Hegg (Tinn), Olav Brekke (Vinje)\n\nSAK 4/21 BUDSJETT\n\nVedteke.\n")
    got = {n: (b, r) for n, (b, r, _, _) in people(parse(read(tmp_path, "r.txt", text))).items()}
    assert got == {"Runa Kvisle": ("Tinn", "member"), "Geir Oftebro": ("Tinn", "member"),
                   "Vinje kommune": ("Vinje kommune", "absent"),
                   "Tora Hegg": ("Tinn", "member"), "Olav Brekke": ("Vinje", "member")}
