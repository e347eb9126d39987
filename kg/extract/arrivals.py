"""When an attendee came or went, told in a sentence outside the attendance list.

Lists often give the names alone and say elsewhere, in a note or the case where it happened, that one of
them came late or left early ("Kari Dahl tiltrådte møtet under behandlingen av sak 6/24", "Per Li forlot
møtet etter sak 7/24"). Such a sentence opens with the name of someone the list holds, then a verb of coming
or going, and says when (a case, a time of day): that is an attendance note, stated by the sentence, as a
note beside the name in the list is.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.graph import DocGraph
from kg.extract.meeting import attendance_node
from kg.lang.lexicon import table
from kg.lang.names import normalise_person
from kg.lang.sentences import sentences_with_heading
from kg.vocab import KG

# when: a case ("sak 6/24", "item 3"), a time of day ("kl. 11.30", "at 11:30")
_WHEN = re.compile(r"\b(?:sak\w*|saker|item|items|case|kl\.?|klokka|klokken|at)\s*\d", re.IGNORECASE)
# disqualified from a case is a recusal (kg.extract.recusals), not a late arrival
_RECUSAL = re.compile(r"inhabil|ugild|disqualified|recus", re.IGNORECASE)


def arrivals(g: DocGraph) -> None:
    """An attendance note for each listed attendee a sentence says came or went at a case or a time."""
    people = _attendees(g)
    if not people:
        return
    lines = g.minutes.source.lines
    # the sentences with a verb of coming or going: most minutes have none, and then no pattern of this
    # document's names is compiled (a tenth of the document's extraction)
    told = [(sec, s) for sec in g.minutes.sections for s in sentences_with_heading(sec, lines)
            if _came_went().search(s.text)]
    if not told:
        return
    verbs = _verbs()
    names = "|".join(map(re.escape, sorted(people, key=len, reverse=True)))
    # after a label, on the line that opens a section ("Merknad: Kari Dahl tiltrådte …")
    # several named together ("Jon Berg og Eva Moen forlot møtet etter sak 4/24") each came or went then
    said = re.compile(rf"^(?:[^:.]{{1,30}}:\s*)?(?P<who>(?:{names})(?:\s*(?:,|\bog\b|\band\b)\s*(?:{names}))*)\s+"
                      rf"(?P<verb>{verbs})\b\s*(?P<when>.+?)[.!]?$")
    for sec, s in told:  # a heading line may say it ("Merknad: Kari Dahl kom …")
        m = said.match(s.text.strip())
        if not m or not _WHEN.search(m["when"]) or _RECUSAL.search(s.text):
            continue
        for who in re.findall(names, m["who"]):
            g.fact(attendance_node(g, people[who]), KG.attendanceNote, f"{m['verb']} {m['when']}",
                   g.evidence(sec, s.first, s.last, s.text.strip()))


@cache
def _verbs() -> str:
    """The verbs of coming and going as alternatives, longest first (as the sentence pattern tries them)."""
    return "|".join(map(re.escape, sorted(table("attendance")["markers"]["came_went"], key=len, reverse=True)))


@cache
def _came_went() -> re.Pattern:
    """A verb of coming or going after a space, as the sentence pattern wants it ("kom", not "kommune")."""
    return re.compile(rf"\s(?:{_verbs()})\b")


def _attendees(g: DocGraph) -> dict:
    """The full name → the person, of everyone the attendance lists as present."""
    out = {}
    for line in g.minutes.attendance:
        name = normalise_person(line.name, by_position=True) if line.name and line.role != "absent" else None
        person = g.find("person", name.full) if name else None
        if person is not None:
            out[person.label] = person
    return out
