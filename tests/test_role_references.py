"""People named by title and body ("ordføraren i Bømlo"): the attendance list says who that is (kg.extract.role_references).

The minutes are written for these tests: a table of mayors and chief executives by municipality, and a case
whose sentences name some of them by office only.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from tests.conftest import ingested_text

MINUTES = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 7. mai 2024 kl. 10.00

### Til stades

| Kommune | Ordførar | Kommunedirektør |
|---|---|---|
| Stord | Tora Lid | Nils Bu |
| Bømlo | Sverre Nes | Kari Myr |

### Sak 8/24 Ferjekaia
Ordføraren i Bømlo orienterte om den nye ferjekaia.

### Sak 9/24 Lærlingkontor
Kommunedirektørane i Stord og Bømlo orienterte om eit felles lærlingkontor.

### Sak 10/24 Eventuelt
Ordføraren i Stord fortalde om ei ny gang- og sykkelbru over elva. Ordføraren i Fitjar har bede om eit møte om
fiskerihamna.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "fjordradet-2024-05-07.md", MINUTES)


@pytest.mark.parametrize("question, expected", [
    ("Kven orienterte om ferjekaia?", ["Sverre Nes"]),
    ("Hvem la fram saken om lærlingkontoret?", ["Kari Myr", "Nils Bu"]),
    ("kven fortalde om sykkelbrua", ["Tora Lid"]),
])
def test_a_person_named_by_office_is_the_attendee_holding_it(archive, question, expected):
    r = archive.ask(question)
    assert sorted(a.label for a in r.answers) == expected, r.why


def test_an_office_of_a_body_nobody_attended_for_names_no_one(archive):
    """Fitjar is in no list: its mayor is nobody the minutes name."""
    assert not {a.label for a in archive.ask("Kven bad om eit møte om fiskerihamna?").answers} & {"Tora Lid", "Sverre Nes"}


def test_an_office_is_no_body_of_its_own(archive):
    assert not [e.label for e in archive.entities() if e.label.lower().startswith(("ordføraren", "kommunedirektørane"))]
