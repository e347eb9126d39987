"""What a body works on, read from its round-table report (kg.extract.topics, actor-activities, actor-timeline).

The minutes are written for these tests: one municipality reports work on a topic, another only that it
applies to a known agency for money, whose name holds a topic's word.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from tests.conftest import ingested_text

MINUTES = """\
Referat frå møte i Dalrådet

Dato: 12.09.2024

Til stades:
Kari Lund, ordførar, Vinje kommune
Per Vatne, ordførar, Tokke kommune

Sak 20/24 Runde rundt bordet
- Vinje: Arbeider med hydrogen til tungtransport og med innovasjon i reiselivet.
- Tokke: Søkjer Innovasjon Norge om midlar til ei ny kai ved Dalen.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "dalradet-2024-09-12.txt", MINUTES)


def test_a_known_body_named_in_a_report_is_not_its_topic(archive):
    """"Søkjer Innovasjon Norge om midlar" is not work on innovation; "innovasjon i reiselivet" is."""
    r = archive.ask("which municipalities work on innovation")
    assert [a.label for a in r.answers] == ["Vinje"], r.why


@pytest.mark.parametrize("question", ["What is Tokke working on?", "kva jobbar Tokke med"])
def test_a_body_whose_report_names_no_topic_is_answered_with_its_report(archive, question):
    r = archive.ask(question)
    assert r.query == "actor-timeline", r.why
    assert ["ny kai ved Dalen" in a.columns["report"] for a in r.answers] == [True]


def test_a_body_with_topics_is_answered_with_them(archive):
    r = archive.ask("What is Vinje working on?")
    assert r.query == "actor-activities" and {"hydrogen", "innovasjon"} <= {a.label for a in r.answers}, r.why
