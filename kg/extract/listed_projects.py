"""The initiatives a plan lists: "Handlingsplanen har desse hovudsatsingane for 2025:" and a list below.

Each item of a list that a sentence introduces as the body's efforts or projects ("satsingar",
"satsingsområde", "prosjekt", ending with a colon) names one initiative: its quoted name
where it has one ("Kortreist mat: vidareføring av «Smak av fjorden»"), else its words up to
the first comma ("Ladestasjonar langs riksveg 13, fase 2" is "Ladestasjonar langs riksveg
13"). The initiative is a project of the body whose minutes these are, named on the item's
line, where the topic tagger finds what it is about.
"""

from __future__ import annotations

import re

from kg.extract.graph import DocGraph
from kg.extract.projects import QUOTED
from kg.lang.sentences import LIST_ITEM, Sentence, section_sentences
from kg.model import Section
from kg.vocab import KG, SCHEMA

# a sentence that introduces a list of efforts or projects: "… har desse hovudsatsingane for 2025:"
INTRODUCES = re.compile(r"\b(?:hovud|hoved)?(?:satsing(?:ar|ane|er|ene|sområd\w*)|prosjekt(?:a|er|ene|ane)"
                        r"|innsatsområd\w*|priority\s+projects|initiatives)\b[^:]*:\s*$", re.IGNORECASE)
# an item's own label before its text ("Kortreist mat: …")
_LABEL = re.compile(r"^(?P<label>[^:]{2,40}):\s+")


def listed_projects(g: DocGraph) -> None:
    """A project for each item of a list of efforts, owned by the body, on the item's lines."""
    if g.body is None:
        return
    lines = g.minutes.source.lines
    for sec in g.minutes.sections:
        if sec.kind in ("header", "attendance", "events"):
            continue
        listing = False
        for s in section_sentences(sec, lines):
            item = bool(LIST_ITEM.match(lines[s.first - 1]))
            if listing and item:
                _item(g, sec, s)
            elif not item:
                listing = bool(INTRODUCES.search(s.text))


def _item(g: DocGraph, sec: Section, s: Sentence) -> None:
    name = _name(re.sub(r"^\W*(?:\d{1,2}[.)]\s+|[a-zæøå]\)\s+)?", "", s.text))
    if name is None:
        return
    node = g.find("project", name) or g.entity("project", name)
    ev = g.evidence(sec, s.first, s.last, s.text)
    g.fact(sec.node, SCHEMA.mentions, node, ev)
    if "owner" not in node.props:
        node.props["owner"] = g.body
        g.fact(node, KG.owner, g.body, ev)


def _name(text: str) -> str | None:
    """The initiative an item names: its quoted name, else its words before the first comma or its end."""
    quoted = QUOTED.search(text)
    if quoted:
        return next(q for q in quoted.groups() if q).strip()
    label = _LABEL.match(text)
    text = label["label"] if label else text
    name = re.split(r",\s|;\s|\s[–-]\s", text)[0].strip(" .")
    return name[:1].upper() + name[1:] if 3 <= len(name) <= 80 else None

