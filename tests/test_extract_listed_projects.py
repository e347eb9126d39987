"""The initiatives a plan lists, each a project of the body (kg.extract.listed_projects).

The minutes are written for these tests: an action plan whose efforts are a list, and a list of another kind.
"""

from __future__ import annotations

from kg.vocab import KG
from tests.conftest import extracted, nodes, stored_text, values

MINUTES = """\
## Referat frå møte i Fjellrådet

Tid: Fredag 3. oktober 2025 kl. 10.00

### Sak 21/25 Handlingsplan 2026
Handlingsplanen har desse hovudsatsingane for 2026:
- Ladestasjonar langs riksveg 13, fase 2.
- Felles legevakt for fjellkommunane.
- Lokalmat: vidareføring av «Smak av fjellet».
Vedtak: Handlingsplanen vert vedteken.

### Sak 22/25 Eventuelt
Desse saksdokumenta vart delte ut:
- Årsmelding for 2024.
"""


def test_each_item_of_a_list_of_efforts_is_a_project_of_the_body(tmp_path):
    g = extracted(tmp_path, "fjellradet-2025-10-03.md", MINUTES)
    projects = {p.label: values(g, p, KG.owner) for p in nodes(g, "project")}
    assert projects == {"Ladestasjonar langs riksveg 13": ["Fjellrådet"], "Felles legevakt for fjellkommunane": ["Fjellrådet"],
                        "Smak av fjellet": ["Fjellrådet"]}


def test_which_projects_deal_with_a_topic(tmp_path):
    archive = stored_text(tmp_path, "fjellradet-2025-10-03.md", MINUTES)
    for question in ("Which projects deal with EV charging?", "kva prosjekt handlar om ladestasjonar"):
        assert [a.label for a in archive.ask(question).answers] == ["Ladestasjonar langs riksveg 13"], question
