"""A body the minutes name in full once, with a short form in brackets, and by that short form after:
the letterhead under a title that names the body only by its short form, the attendance and the
decisions that give money. One body under both names.

The minutes below are written for these tests; every fact asserted is stated in them.
"""

from __future__ import annotations

from kg.vocab import KG, SCHEMA
from tests.conftest import extracted, stored_text

LETTERHEAD = """\
# Referat fra medlemsmøte FNR 3. mars 2021

**Fjellvidda Næringsråd (FNR)** · Storgata 1, 6963 Dale · Telefon +47 12 34 56 78

## Til stede

- **Fjaler kommune:** Kari Dahl, Per Hansen, Anne Berg
- **Hyllestad kommune:** Nils Lie, Eva Moen
- **Askvoll kommune:** Tor Holm, Lise Bakke, Jon Strand
- **FNR:** Ola Nordmann, Ida Lund

## Saker til behandling

### Sak 4/21 Søknad om støtte – turstier

Fjaler søker om kr 500 000 fra Innovasjon Norge til nye turstier. FNR går inn med kr 50 000 i egenandel.

**Vedtak:** FNR stiller seg bak søknaden og bevilger kr 50 000.
"""


def test_a_letterhead_under_a_title_without_the_name_names_the_body_with_its_short_form(tmp_path):
    g = extracted(tmp_path, "fnr-2021-03-04.md", LETTERHEAD)
    assert g.body.label == "Fjellvidda Næringsråd" and "FNR" in g.body.aliases
    # the attendance under the short form is for the body itself, not for an unknown "FNR"
    came = {f.subject: f.object for f in g.facts if f.predicate == KG.onBehalfOf}
    ola = next(att for att in came if any(f.subject is att and f.object.label == "Ola Nordmann"
                                          for f in g.facts if f.predicate == KG.person))
    assert came[ola] is g.body
    assert not [n for n in g.nodes if n.label == "FNR"]


def test_money_given_under_the_short_form_is_given_by_the_body(tmp_path):
    g = extracted(tmp_path, "fnr-2021-03-04.md", LETTERHEAD)
    funders = {f.object.label for f in g.facts if f.predicate == SCHEMA.funder}
    assert "Fjellvidda Næringsråd" in funders and "FNR" not in funders


GUEST_LINE = """\
Referat fra møte i Fjellvidda regionråd 12. mars 2024

Til stede:
Kari Dahl, Tinn kommune
Jon Berg, Vinje kommune
Eva Moen, Telemark fylkeskommune (Tfk)

Sak 5/24 Kulturmidlar
Tfk har sett av kr 300 000 til kulturtiltak i regionen.
"""


def test_a_short_form_an_attendance_line_gives_the_body_names_it_later(tmp_path):
    g = extracted(tmp_path, "fjellvidda-2024-03-12.txt", GUEST_LINE)
    (county,) = [n for n in g.nodes if n.label == "Telemark fylkeskommune"]
    assert "Tfk" in county.aliases
    assert {f.object.label for f in g.facts if f.predicate == SCHEMA.funder} == {"Telemark fylkeskommune"}


KNOWN_BODY = """\
# Referat fra medlemsmøte HRR 3. mars 2021

**Hadeland Regionråd (HRR)** · Storgata 1, 2750 Gran · Telefon +47 12 34 56 78

## Til stede

- **Gran kommune:** Kari Dahl, Per Hansen, Anne Berg
- **Lunner kommune:** Nils Lie, Eva Moen
- **Jevnaker kommune:** Tor Holm, Lise Bakke, Jon Strand

## Saker til behandling

### Sak 5/21 Høringsuttalelse – regional transportplan

**Vedtak:**

1. HRR krever at fylkesvei 37 prioriteres i planen.
2. Rassikring ved Fjellvik må inn i første periode.

### Sak 6/21 Kollektivtilbudet i Lunner

**Vedtak:** Lunner kommune prioriterer skoletransporten i sin plan.
"""


def test_decisions_that_name_the_body_by_its_short_form_answer_a_question_that_does(tmp_path):
    archive = stored_text(tmp_path, "hrr-2021-03-04.md", KNOWN_BODY)
    r = archive.ask("Hva vil HRR prioritere i regional transportplan?")
    # the lexicon labels the body "Hadeland"; the decision names it by its short form, and the other
    # points of that decision stand with it
    assert r.query == "decisions-about", r.why
    assert {a.label[:20] for a in r.answers} == {"HRR krever at fylkes", "Rassikring ved Fjell"}
