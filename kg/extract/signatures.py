"""Who chaired the meeting and who signed its minutes, when sentences say it rather than the attendance list.

"Møtet ble ledet av Rådets ordfører, Kari Dahl." and "Kari Dahl (Tinn) ble valgt som møteleder." make Kari
Dahl the chair (attendance role ``chair``) when no list has named one. "Ola Berg og Eli Rud ble valgt til å
underskrive protokollen sammen med møteleder", "Protokollen er godkjent av leder Kari Dahl" and a line of names
each followed by "(sign.)" name the people who signed the minutes (``kg:signedBy`` from the meeting). A
"Rett utskrift:" line certifies a copy and names no signer. The words are language data: attendance.toml [signing].
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.graph import DocGraph
from kg.extract.meeting import attendance_node, person_node
from kg.lang.lexicon import table
from kg.lang.names import normalise_person, split_role
from kg.model import Node, Section
from kg.vocab import KG

_SENTENCE_END = re.compile(r"(?<!\b[A-ZÆØÅ])(?<!\bjr)\.\s+(?=[A-ZÆØÅ])")  # not after an initial ("Eva D. Husby")
_SIGNED = re.compile(r"(?P<name>[A-ZÆØÅ][\w'’.-]*(?:\s+[A-ZÆØÅ][\w'’.-]*){1,4})\s*\((?:sign|signert|sign\.)\.?\)")


@cache
def _words() -> dict:
    return table("attendance")["signing"]


def _pattern(key: str) -> re.Pattern:
    return re.compile("|".join(_words()[key]), re.IGNORECASE)


def _people(text: str) -> list[str]:
    """The names in a stretch of a sentence, in order: parts between commas and "og", a title taken off."""
    text = re.sub(r"\([^)]*\)", " ", text)
    out = []
    for part in re.split(r"\s*,\s*|\s+(?:og|and|&)\s+", text):
        part = part.strip(" .:;")
        title, name = split_role(part)
        for candidate in (name if title else part, part):
            if candidate and normalise_person(candidate):
                out.append(candidate)
                break
    return out


def _sentences(g: DocGraph, sec: Section):
    """(first line, last line, sentence) of a section's paragraphs, a sentence broken across lines read whole."""
    lines = g.minutes.source.lines
    para: list[tuple[int, str]] = []
    for n in range(sec.span.start, sec.span.end + 2):
        text = lines[n - 1].strip() if n <= min(sec.span.end, len(lines)) else ""
        if text:
            para.append((n, text))
            continue
        if not para:
            continue
        joined, starts = "", []
        for n0, t in para:
            starts.append((len(joined), n0))
            joined += t + " "
        at = 0
        for piece in _SENTENCE_END.split(joined):
            begin = joined.index(piece, at)
            at = begin + len(piece)
            first = max(n0 for off, n0 in starts if off <= begin)
            last = max(n0 for off, n0 in starts if off <= max(begin, at - 1))
            yield first, last, piece.strip()
        para = []


def chair_and_signers(g: DocGraph) -> None:
    """The chair and the signers that sentences of the minutes name."""
    if g.meeting is None:
        return
    chaired = any(a.role == "chair" for a in g.minutes.attendance)
    chairs: list[Node] = []
    signers: list[tuple[Node, object]] = []
    with_chair: list[object] = []
    for sec in g.minutes.sections:
        for first, last, sentence in _sentences(g, sec):
            ev = g.evidence(sec, first, last, quote=sentence)
            led = _pattern("led_by").search(sentence)
            elected = _pattern("elected_chair").search(sentence)
            names = (_people(sentence[led.end():])[-1:] if led else
                     _people(sentence[:elected.start()])[:1] if elected else [])
            for name in names:
                person = person_node(g, name)
                if person is not None and not chaired:
                    att = attendance_node(g, person)
                    g.fact(att, KG.person, person, ev)
                    g.fact(att, KG.meeting, g.meeting, ev)
                    g.fact(att, KG.attendanceRole, "chair", ev)
                    chairs.append(person)
            certified = _pattern("certified").search(sentence)
            sentence = sentence[:certified.start()] if certified else sentence
            signing = _pattern("elected_signers").search(sentence) or _pattern("approved_by").search(sentence)
            found = []
            if signing:
                found = _people(sentence[:signing.start()] if signing.re.pattern == _pattern("elected_signers").pattern
                                else sentence[signing.end():])
                if _pattern("with_chair").search(sentence):
                    with_chair.append(ev)
            found += [m["name"] for m in _SIGNED.finditer(sentence)]
            for name in dict.fromkeys(found):
                person = person_node(g, name)
                if person is not None:
                    signers.append((person, ev))
    chair = chairs[:1] or [person_node(g, a.name, by_position=True) for a in g.minutes.attendance
                           if a.role == "chair" and a.name][:1]
    signers += [(chair[0], ev) for ev in with_chair if chair and chair[0] is not None]
    for person, ev in signers:
        g.fact(g.meeting, KG.signedBy, person, ev)
