"""A thing a question names that its query does not bind narrows the answers to those naming it (kg.ask.runner).

The minutes are written for these tests: upcoming events at two places, one of them a municipality's
administrative centre (Otta, in Sel), asked of an archive that ended before today.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.api import Archive
from tests.conftest import ingested_text

MINUTES = """\
# Dalrådet

Protokoll frå møte 15. februar 2024

## Kommande arrangement

| Dato | Kva | Stad |
|---|---|---|
| 14. mars 2024 | Regionrådsmøte | Ringebu |
| 23. april 2024 | Næringskonferansen | Otta |
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "dalradet-2024-02-15.md", MINUTES)


@pytest.mark.parametrize("question", ["Which events are planned in Otta?", "kva arrangement skjer på Otta"])
def test_a_place_asked_narrows_the_events_after_the_archive_ended(archive, question):
    """Otta is also read as Sel, the municipality it is the centre of; the answers name Otta as asked."""
    r = archive.ask(question, today=date(2030, 1, 1))
    assert [a.label for a in r.answers] == ["Næringskonferansen"], r.why
