"""The companies and institutions a meeting visited, and where they are.

A council often meets at a firm, or ends its meeting with a tour of one: "Besøk på
X", "bedriftsbesøk hos X", "omvisning på X på Hovland", "vi besøkte X i Bø". The
body after the visit word (a company or an institution, not a municipality, which
hosts rather than is visited) is what the meeting visited (kg:visited); a place
named right after it ("på/i/ved PLACE") is where that body is (schema:location).
"Besøk fra X" is a visit the other way, by a guest, and is not read here.
"""

from __future__ import annotations

import re

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.extract.mentions import find_names
from kg.lang.sentences import Sentence, section_sentences
from kg.parse.lines import case_title
from kg.vocab import KG, SCHEMA

# a visit word and the preposition that points at where one went
VISIT = re.compile(r"(?i:\b(?:bedrifts|studie|synfarings)?(?:besøk(?:et)?|besøkte|besøkje|besøke|omvisning(?:a|en)?"
                   r"|visit(?:ed)?(?:\s+to)?|tour\s+of)\s+(?:hos|på|til|ved|at|of)?\s*)")
VISITED_KINDS = ("organisation", "institution", "cluster")
# where the visited body is: "på Hovland", "i Bø", "ved Stord"
WHERE = re.compile(r"\s*,?\s+(?:på|i|ved|in|at)\s+$")


def visits(g: DocGraph) -> None:
    """kg:visited from the meeting to each body its minutes say it visited, with the body's place."""
    if g.meeting is None:
        return
    lines = g.minutes.source.lines
    for sec in g.minutes.sections:
        if sec.kind in ("header", "attendance"):
            continue
        title = Sentence(case_title(sec.title or ""), sec.span.start, sec.span.start)
        for s in [title, *section_sentences(sec, lines)]:
            _read(g, sec, s)


def _read(g: DocGraph, sec, s: Sentence) -> None:
    for m in VISIT.finditer(s.text):
        names, unplaced = find_names(s.text)
        names = [nm for nm in names + unplaced if nm.span[0] >= m.end()]
        if not names or names[0].span[0] != m.end():
            continue
        # a name nothing placed is a body where the words say one went to someone ("hos"), not somewhere
        kind = "organisation" if names[0].kind == "unknown" and m[0].split()[-1].lower() == "hos" else names[0].kind
        if kind not in VISITED_KINDS:
            continue
        visited = body_node(g, names[0].surface, default_kind=kind)
        ev = g.evidence(sec, s.first, s.last, s.text)
        g.fact(g.meeting, KG.visited, visited, ev)
        g.fact(sec.node, SCHEMA.mentions, visited, ev)
        after = next((nm for nm in names[1:] if WHERE.fullmatch(s.text[names[0].span[1]:nm.span[0]])), None)
        if after is not None and after.kind in ("place", "municipality", "unknown"):
            g.fact(visited, SCHEMA.location, body_node(g, after.surface, default_kind="place", classify_name=False), ev)
