"""People named by their title and body ("ordføraren i Vik", "Kommunedirektørene i Moskenes og Vestvågøy").

Minutes often name an attendee by office rather than by name once the attendance list has given both. The
list says who holds which title for which body at this meeting, so a sentence that names the title and the
body names that person: it is stated as a mention on the sentence's lines, where a question's words find it
("who talked about artificial intelligence" answers the two chief executives, not nobody).
"""

from __future__ import annotations

import re

from kg.extract.graph import DocGraph, Node
from kg.lang.names import normalise_person
from kg.lang.sentences import section_sentences
from kg.lang.text import key
from kg.vocab import SCHEMA

# between the title and the body: "ordføraren i Vik", "rådmannen fra Os", "the mayor of Vik"
_OF = r"\s+(?:i|frå|fra|for|på|of|from)\s+"
# the bodies named after it: "Moskenes og Vestvågøy", "Vik, Balestrand og Leikanger"
_NAME = r"[A-ZÆØÅ][\w\-]+(?:\s+[A-ZÆØÅ][\w\-]+)?"
_BODIES = rf"(?P<bodies>{_NAME}(?:(?:\s*,\s*|\s+(?:og|and)\s+){_NAME})*)"


def role_references(g: DocGraph) -> None:
    """A mention of each attendee a sentence names by title and body, on that sentence's lines."""
    holders = _holders(g)
    if not holders:
        return
    pattern = _pattern(holders)
    lines = g.minutes.source.lines
    for sec in g.minutes.sections:
        if sec.kind == "attendance":
            continue
        for s in section_sentences(sec, lines):
            for m in pattern.finditer(s.text):
                for person in _held(m, holders):
                    g.fact(sec.node, SCHEMA.mentions, person, g.evidence(sec, s.first, s.last, s.text))


def named_by_office(g: DocGraph, phrase: str) -> list[Node]:
    """The attendees a phrase names wholly by title and body ("Ordføraren i Bømlo" as who presented), else []."""
    holders = _holders(g)
    m = _pattern(holders).fullmatch(phrase.strip(" .,:;")) if holders else None
    return _held(m, holders) if m else []


def _pattern(holders: dict) -> re.Pattern:
    """The document's titles in any inflection ("ordførarane", "kommunedirektørene"), then the bodies."""
    titles = sorted({title for title, _ in holders}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?i:(?P<title>{'|'.join(map(re.escape, titles))})\w*{_OF}){_BODIES}")


def _held(m: re.Match, holders: dict) -> list[Node]:
    title = m["title"].lower()
    return [person for name in re.split(r"\s*,\s*|\s+(?:og|and)\s+", m["bodies"])
            for person in holders.get((title, key(name)), ())]


def _holders(g: DocGraph) -> dict[tuple[str, str], list[Node]]:
    """(title, the body's name as a key) → the attendees listed with that title for that body; a body is
    found by its label and by its name without the word for its kind ("Vik kommune" by "Vik")."""
    out: dict[tuple[str, str], list[Node]] = {}
    for line in g.minutes.attendance:
        if not (line.name and line.title and line.body) or line.role == "absent":
            continue
        name = normalise_person(line.name, by_position=True)
        person = g.find("person", name.full) if name else None  # read by extract.meeting.attendance
        if person is None:
            continue
        body = line.body.strip(" .,:;*")
        for title in re.split(r"\s*[,;/]\s*|\s+og\s+", line.title.lower()):  # "ordfører, leder"
            for name in {body, re.sub(r"\s+(?:kommune|herad|municipality)$", "", body, flags=re.I)}:
                out.setdefault((title, key(name)), []).append(person)
    return out
