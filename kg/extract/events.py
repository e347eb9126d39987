"""Events announced in minutes: '25. mai – Webinar: ... (Ble senere avlyst)', '24-25. august – X Kongsvinger (TBA)'."""

from __future__ import annotations

import re

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.lang.dates import find_dates
from kg.lang.text import slug, squash
from kg.model import Iri, Literal
from kg.parse.lines import contains_any, headings
from kg.lang.bodies import classify
from kg.vocab import KG, SCHEMA, XSD

STATUS = {
    "cancelled": SCHEMA.EventCancelled,
    "tba": KG.EventToBeAnnounced,
    "tbc": KG.EventToBeConfirmed,
}
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_NUMBER = re.compile(r"^\s*(?:[-*•]\s*)?(?:\d{1,2}[.)]\s+)?")


def _status(text: str) -> str:
    words = headings()["status"]
    for name in ("cancelled", "tbc", "tba"):
        if contains_any(text, words[name]):
            return STATUS[name]
    return SCHEMA.EventScheduled


def events(g: DocGraph) -> None:
    """One event node per dated line of an events section; the year comes from the meeting."""
    m = g.minutes
    ref = m.meeting_date or m.document_date
    for line in m.events:
        raw = _NUMBER.sub("", line.text, count=1)
        url = None
        link = _LINK.search(raw)
        if link:
            url = link.group(2) if link.group(2) not in ("#", "") else None
            raw = raw[: link.start()] + link.group(1) + raw[link.end():]
        raw = raw.replace("**", "")
        dates = find_dates(raw, ref)
        if not dates or dates[0].span[0] > 12:
            continue
        d = dates[0]
        rest = raw[d.span[1]:].lstrip(" \t–-:,")
        notes = " ".join(re.findall(r"\(([^)]*)\)", rest))
        rest = squash(re.sub(r"\([^)]*\)", "", rest))
        place = None
        if "," in rest:
            head, _, tail = rest.rpartition(",")
            if tail.strip() and len(tail.split()) <= 4 and tail.strip()[:1].isupper():
                rest, place = head.strip(), tail.strip()
        if place is None:
            words = rest.split()
            if len(words) >= 2:
                c = classify(words[-1], fuzzy=False, rules=False)
                if c and c.kind in ("municipality", "place") and words[-2].lower() not in ("til", "i", "på", "fra"):
                    place, rest = words[-1], " ".join(words[:-1])
        if place is None:
            pm = re.search(r"\b(?:til|i|på)\s+(?P<p>[A-ZÆØÅ][\wæøå\-]+)", rest)
            c = classify(pm["p"], fuzzy=False, rules=False) if pm else None
            if c and c.kind in ("municipality", "place"):
                place = pm["p"]
        title = rest.strip(" –-:")
        if not title:
            continue
        title = title[:1].upper() + title[1:]
        status = _status(notes or raw)
        ev = g.evidence(line.section, line.line, quote=line.text.strip())
        node = g.struct("event", title, (lambda day, t: lambda: f"event/{day}/{slug(t)}")(d.start.isoformat(), title))
        g.fact(node, SCHEMA.name, title, ev)
        g.fact(node, SCHEMA.startDate, Literal(d.start.isoformat(), XSD.date), ev)
        if d.end:
            g.fact(node, SCHEMA.endDate, Literal(d.end.isoformat(), XSD.date), ev)
        g.fact(node, SCHEMA.eventStatus, Iri(status), ev)
        if url:
            g.fact(node, SCHEMA.url, url, ev)
        if place:
            where = body_node(g, place, default_kind="place")
            g.fact(node, SCHEMA.location, where, ev)
        g.fact(line.section.node, SCHEMA.mentions, node)
