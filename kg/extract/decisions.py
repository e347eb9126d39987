"""Decisions and action items of agenda items.

"Vedtak: Styret sluttar seg til planen." becomes a kg:Decision of the item;
"Sekretariatet lagar eit notat. Ansvar: Kari Nordmann. Frist: 1. mars" an
kg:ActionItem with who is responsible and by when. The words that mark them
are language data (data/lexicon/headings.toml, [decisions] and [actions]).
"""

from __future__ import annotations

import re

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.extract.meeting import person_node
from kg.lang.dates import find_dates
from kg.lang.names import normalise_person
from kg.lang.thesaurus import thesaurus
from kg.model import Literal
from kg.parse.lines import headings
from kg.vocab import DCTERMS, KG, RDFS, XSD


def _label_pattern(words: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\wæøå])(?P<label>{alts})\s*:\s*", re.IGNORECASE)


def decisions(g: DocGraph) -> None:
    """One kg:Decision per 'Vedtak:' and one kg:ActionItem per 'Ansvar: … Frist: …' in an agenda item."""
    words = headings()
    decision_rx = re.compile(
        r"^\s*(?:[-*•]\s*)?\**(?:" + "|".join(re.escape(w) for w in sorted(words["decisions"]["words"], key=len, reverse=True))
        + r")\**\s*:\s*\**\s*(?P<text>.*)$", re.IGNORECASE)
    responsible_rx = _label_pattern(words["actions"]["responsible"])
    deadline_rx = _label_pattern(words["actions"]["deadline"])
    items = {f.subject.label: f.subject for f in g.facts if f.subject.kind == "agenda_item"}
    lines = g.minutes.source.lines
    ref = g.minutes.meeting_date or g.minutes.document_date
    for entry in g.minutes.agenda:
        item = items.get(entry.title)
        if item is None:
            continue
        sec = entry.section
        n_decision = n_action = 0
        for n in range(sec.span.start + 1, sec.span.end + 1):
            line = lines[n - 1]
            m = decision_rx.match(line)
            if m:
                text = m["text"].strip()
                k = n
                while not text and k < sec.span.end:  # "Vedtak:" alone, the text on the lines below
                    k += 1
                    text = lines[k - 1].strip()
                if text:
                    n_decision += 1
                    _decision(g, item, sec, n, k, text, n_decision)
            r = responsible_rx.search(line)
            if r:
                n_action += 1
                _action(g, item, sec, n, line, r, deadline_rx, ref, n_action)


def _decision(g: DocGraph, item, sec, first: int, last: int, text: str, k: int) -> None:
    node = g.struct("decision", text[:80], (lambda i, k: lambda: f"{i.local()}/decision/{k}")(item, k))
    ev = g.evidence(sec, first, last)
    g.fact(node, DCTERMS.description, text, ev)
    g.fact(node, DCTERMS.isPartOf, item, ev)
    g.fact(node, RDFS.label, text[:80])
    for t in thesaurus().tag(text):
        g.fact(node, DCTERMS.subject, g.entity("topic", t.concept.slug), ev)


def _action(g: DocGraph, item, sec, n: int, line: str, resp, deadline_rx, ref, k: int) -> None:
    before = line[: resp.start()].strip(" -*•.")
    what = before or item.label
    after = line[resp.end():]
    dl = deadline_rx.search(after)
    who_text = (after[: dl.start()] if dl else after).strip(" .,;")
    node = g.struct("action", what[:80], (lambda i, k: lambda: f"{i.local()}/action/{k}")(item, k))
    ev = g.evidence(sec, n)
    g.fact(node, DCTERMS.description, what, ev)
    g.fact(node, DCTERMS.isPartOf, item, ev)
    g.fact(node, RDFS.label, what[:80])
    g.fact(node, KG.status, "open", ev)
    for who in re.split(r"\s*(?:,|/|\bog\b)\s*", who_text):
        if not who:
            continue
        node_who = person_node(g, who) if normalise_person(who) else body_node(g, who, default_kind="organisation")
        if node_who is not None:
            g.fact(node, KG.responsible, node_who, ev)
    if dl:
        dates = find_dates(after[dl.end():], ref)
        if dates:
            g.fact(node, KG.deadline, Literal(dates[0].start.isoformat(), XSD.date), ev)
