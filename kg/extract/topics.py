"""Tagging sections, agenda items, projects and actors with the thesaurus's topics."""

from __future__ import annotations

import re

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.extract.mentions import find_names, known_names
from kg.lang.sentences import section_sentences
from kg.lang.thesaurus import thesaurus
from kg.vocab import DCTERMS, KG, SCHEMA


# what may stand before the body a line opens with: a list mark, a table's bar, "Frå"/"Fra"/"From"
_OPENING = re.compile(r"^[\s|*•\-–]*(?:(?:fra|frå|from|for)\s+)?", re.IGNORECASE)
# what follows a body that opens its own report: "Lillesand: …", "| Midsund | …", "Frå Nes vart det orientert om …",
# "Kvam herad orienterte om …" (herad: what some municipalities call themselves)
_AFTER_OPENING = re.compile(r"^\**\s*(?::|\||\t|–|-\s|(?:kommune|herad)\b|vart\b|ble\b|har\b|melder\b|meldte\b|orienter)",
                            re.IGNORECASE)
REPORTING_KINDS = ("municipality", "region", "organisation", "institution", "cluster")
# the kinds of body whose name says nothing of what a sentence is about ("søkjer Innovasjon Norge om midlar" is
# not about innovation); a project's, a cluster's or a programme's name does say it ("Regionale forskningsfond")
NAME_NOT_TOPIC = ("municipality", "region", "organisation", "institution")


def opening_body(g: DocGraph, text: str):
    """The body a sentence is the report of, when it opens with the body's name: "Lillesand: Kari orienterte om …",
    "| Midsund | Oppdrettsnæringen …", "Frå Nes vart det orientert om …", "Gildeskål kommune melder om …"."""
    rest = text[_OPENING.match(text).end():]
    names, _ = find_names(rest[:80])
    first = names[0] if names else None
    if first is None or first.span[0] != 0 or first.kind not in REPORTING_KINDS:
        return None
    if not _AFTER_OPENING.match(rest[first.span[1]:]):
        return None
    return body_node(g, first.surface, default_kind=first.kind)


def _outside_names(tags: list, text: str) -> list:
    """The topics a sentence names outside the names of bodies in it."""
    if not tags:
        return tags
    names = [n.span for n in known_names(text) if n.kind in NAME_NOT_TOPIC]
    return [t for t in tags if not any(a <= t.span[0] and t.span[1] <= b for a, b in names)]


def topics(g: DocGraph) -> None:
    """dcterms:subject for every section, agenda item and project; kg:worksOn for the round-table actor,
    and for a body whose own report a line is."""
    th = thesaurus()
    lines = g.minutes.source.lines
    items = {f.subject.label: f.subject for f in g.facts if f.subject.kind == "agenda_item"}
    facts_of: dict[int, list] = {}  # section node → its facts, gathered once (not once per section)
    for f in g.facts:
        facts_of.setdefault(id(f.subject), []).append(f)
    for sec in g.minutes.sections:
        if sec.kind in ("header", "attendance"):
            continue
        own = facts_of.get(id(sec.node), [])
        actor = next((f.object for f in own if f.predicate == KG.actor), None)
        projects = [f.object for f in own if f.predicate == SCHEMA.mentions
                    and getattr(f.object, "kind", None) == "project"]
        item = items.get(sec.title)
        for s in section_sentences(sec, lines, skip_heading=sec.kind == "roundtable"):
            ev = g.evidence(sec, s.first, s.last, s.text)
            tags = _outside_names(th.tag(s.text), s.text)
            # outside a round-table a body's own report is a line that opens with its name
            reporter = actor if actor is not None else (opening_body(g, s.text) if tags else None)
            for t in tags:
                topic = g.entity("topic", t.concept.slug)
                g.fact(sec.node, DCTERMS.subject, topic, ev)
                if item is not None and sec.kind == "agenda":  # what an agenda item discussed is its topic
                    g.fact(item, DCTERMS.subject, topic, ev)
                if reporter is not None:
                    g.fact(reporter, KG.worksOn, topic, ev)
                for p in projects:
                    if p.label.lower() in s.text.lower() or any(a.lower() in s.text.lower() for a in p.aliases):
                        g.fact(p, DCTERMS.subject, topic, ev)
        if item is not None:
            for t in th.tag(sec.title):
                g.fact(item, DCTERMS.subject, g.entity("topic", t.concept.slug), g.evidence(sec, sec.span.start))
    for node in g.entities():
        for label in node.props.get("topics", ()):
            c = th.lookup(label)
            if c is not None:
                g.fact(node, DCTERMS.subject, g.entity("topic", c.slug))
