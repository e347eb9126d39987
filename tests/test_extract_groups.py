"""Working groups and who sits in them (kg.extract.groups).

The minutes are written for these tests: a table of mayors, the secretariat's head named by title, a case that
sets up a working group for its subject, another that says who the steering group is, and a follow-up table
that names the working group again by its definite noun.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from tests.conftest import extracted, ingested_text
from kg.vocab import ORG

MINUTES = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 7. mai 2024 kl. 10.00
Referent: Eli Berg, dagleg leiar

### Til stades

| Kommune | Ordførar | Kommunedirektør |
|---|---|---|
| Stord | Tora Lid | Nils Bu |
| Bømlo | Sverre Nes | Kari Myr |

### Sak 8/24 Felles hamneplan for Fjordrådet
Vedtak: Det vert sett ned ei arbeidsgruppe for hamneplanen med ordførarane Lid og Nes og dagleg leiar.

### Sak 9/24 Reiselivsstrategi
Styringsgruppa består av Kari Myr og Nils Bu. Arbeidsutvalet får fullmakt til å godkjenne planen.
Eva Strand frå reiselivslaget sit i styringsgruppa. Tora Lid er med i planarbeidet.

### Oppfølging

| Tiltak | Ansvar | Frist |
|---|---|---|
| Utkast til hamneplan | Arbeidsgruppa (Lid, Nes) | 1. juni 2024 |
"""


def _members(g) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in g.facts:
        if f.predicate == ORG.organization:
            who = next(x.object.label for x in g.facts if x.subject is f.subject and x.predicate == ORG.member)
            out.setdefault(f.object.label, set()).add(who)
    return {k: v for k, v in out.items() if k[:1].isupper() and "grupp" in k.lower()}


def test_a_group_set_up_with_its_members(tmp_path):
    g = extracted(tmp_path, "fjordradet-2024-05-07.md", MINUTES)
    assert _members(g) == {
        # "for hamneplanen": the case's subject, so the group is named after the case; "dagleg leiar" is the referent
        "Arbeidsgruppe for Felles hamneplan for Fjordrådet": {"Tora Lid", "Sverre Nes", "Eli Berg"},
        "Styringsgruppa": {"Kari Myr", "Nils Bu", "Eva Strand"},
    }


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "fjordradet-2024-05-07.md", MINUTES)


@pytest.mark.parametrize("question", ["Who sits in Styringsgruppa?", "Kven sit i styringsgruppa?",
                                      "hvem er med i styringsgruppa"])
def test_who_sits_in_a_group(archive, question):
    r = archive.ask(question)
    assert sorted(a.label for a in r.answers) == ["Eva Strand", "Kari Myr", "Nils Bu"], r.why


def test_the_group_named_again_by_its_noun_is_the_one_set_up(archive):
    """The follow-up's "Arbeidsgruppa (Lid, Nes)" is responsible as the group the case set up, who sit in it."""
    r = archive.ask("Kven sit i arbeidsgruppa?")
    assert sorted(a.label for a in r.answers) == ["Eli Berg", "Sverre Nes", "Tora Lid"], r.why
    assert [e.label for e in archive.entities() if e.label.lower().startswith("arbeidsgrupp")] == [
        "Arbeidsgruppe for Felles hamneplan for Fjordrådet"]
