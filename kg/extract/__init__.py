"""Extract entities and facts from parsed minutes: a pipeline of small components.

Each component reads the ``Minutes`` and adds nodes and facts (with evidence)
to one ``DocGraph``. They run in the order of ``PIPELINE``; later ones may use
what earlier ones found (the meeting node, the section nodes, projects).
"""

from __future__ import annotations

from typing import Callable

from kg.extract.actions import actions
from kg.extract.arrivals import arrivals
from kg.extract.activities import agenda_activities, other_activities, roundtable
from kg.extract.decisions import decisions
from kg.extract.events import case_title_events, events, held_events, named_events, next_meeting, status_elsewhere
from kg.extract.graph import DocGraph
from kg.extract.meeting import agenda, attendance, document, meeting, signers
from kg.extract.recusals import recusals
from kg.extract.role_references import role_references
from kg.extract.topics import topics
from kg.lang.thesaurus import thesaurus
from kg.model import Minutes

Component = Callable[[DocGraph], None]

PIPELINE: list[tuple[str, Component]] = [
    ("document", document),
    ("meeting", meeting),
    ("attendance", attendance),
    ("arrivals", arrivals),
    ("signers", signers),
    ("agenda", agenda),
    ("agenda_activities", agenda_activities),
    ("decisions", decisions),
    ("recusals", recusals),
    ("actions", actions),
    ("roundtable", roundtable),
    ("other_activities", other_activities),
    ("role_references", role_references),
    ("next_meeting", next_meeting),
    ("events", events),
    ("status_elsewhere", status_elsewhere),
    ("held_events", held_events),
    ("case_title_events", case_title_events),
    ("named_events", named_events),
    ("topics", topics),
]


def extract(minutes: Minutes) -> DocGraph:
    """Every node and fact one document's minutes hold."""
    g = DocGraph(minutes)
    thesaurus().prepare(minutes.source.text)  # one analysis batch for the document's topic tagging
    for _, component in PIPELINE:
        component(g)
    return g
