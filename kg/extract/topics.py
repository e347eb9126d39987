"""Tagging sections, agenda items, projects and actors with the thesaurus's topics."""

from __future__ import annotations

from kg.extract.graph import DocGraph
from kg.extract.sentences import section_sentences
from kg.lang.thesaurus import thesaurus
from kg.vocab import DCTERMS, KG, SCHEMA


def topics(g: DocGraph) -> None:
    """dcterms:subject for every section, agenda item and project; kg:worksOn for the round-table actor."""
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
            for t in th.tag(s.text):
                topic = g.entity("topic", t.concept.slug)
                g.fact(sec.node, DCTERMS.subject, topic, ev)
                if item is not None and sec.kind == "agenda":  # what an agenda item discussed is its topic
                    g.fact(item, DCTERMS.subject, topic, ev)
                if actor is not None:
                    g.fact(actor, KG.worksOn, topic, ev)
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
