"""Who chaired the meeting, who wrote and who signed its minutes, when sentences say it rather than the attendance list.

"Møtet ble ledet av Rådets ordfører, Kari Dahl." and "Kari Dahl (Tinn) ble valgt som møteleder." name the
chair; "Referatet er skrive av Kari Dahl, rådgjevar." names who wrote the minutes. "Ola Berg og Eli Rud ble valgt til å underskrive protokollen sammen med møteleder", "Protokollen er
godkjent av leder Kari Dahl" and a line of names each followed by "(sign.)" name the people who signed the
minutes ("sammen med møteleder": the chair signed too). "Rett utskrift:" certifies a copy and names no signer.
The words are language data: attendance.toml [signing].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.lang.lexicon import table
from kg.lang.names import normalise_person, split_role
from kg.model import Minutes, Section

_SENTENCE_END = re.compile(r"(?<!\b[A-ZÆØÅ])(?<!\bjr)\.\s+(?=[A-ZÆØÅ])")  # not after an initial ("Eva D. Husby")
_SIGNED = re.compile(r"(?P<name>[A-ZÆØÅ][\w'’.-]*(?:\s+[A-ZÆØÅ][\w'’.-]*){1,4})\s*\((?:sign|signert)\.?\)")


@dataclass(frozen=True)
class Said:
    """Names a sentence gives, with where it stands."""
    names: tuple[str, ...]
    section: Section
    first: int
    last: int
    quote: str
    with_chair: bool = False  # the signers signed "sammen med møteleder"


@cache
def _pattern(key: str) -> re.Pattern:
    return re.compile("|".join(table("attendance")["signing"][key]), re.IGNORECASE)


def _people(text: str) -> list[str]:
    """The names in a stretch of a sentence, in order: parts between commas and "og", a title taken off."""
    out = []
    for part in re.split(r"\s*,\s*|\s+(?:og|and|&)\s+", re.sub(r"\([^)]*\)", " ", text)):
        part = part.strip(" .:;")
        title, name = split_role(part)
        for candidate in (name if title else part, part):
            if candidate and normalise_person(candidate):
                out.append(candidate)
                break
    return out


def _says(minutes: Minutes, *patterns: re.Pattern) -> bool:
    """Whether any of the patterns is found anywhere in the minutes, their lines joined as a sentence joins
    them: most minutes hold none of these words, and then no sentence is cut and searched, four times over.
    "Name (sign.)" is looked for only where "(sign" stands (its pattern is tried from every capital)."""
    text = " ".join(line.strip() for line in minutes.source.lines)
    return any(p.search(text) for p in patterns if p is not _SIGNED or "(sign" in text)


def _sentences(minutes: Minutes):
    """(section, first line, last line, sentence) of every paragraph, a sentence broken across lines read whole."""
    lines = minutes.source.lines
    for sec in minutes.sections:
        para: list[tuple[int, str]] = []
        for n in range(sec.span.start, sec.span.end + 2):
            text = lines[n - 1].strip() if n <= min(sec.span.end, len(lines)) else ""
            if text:
                para.append((n, text))
                continue
            joined, starts = "", []
            for n0, t in para:
                starts.append((len(joined), n0))
                joined += t + " "
            at = 0
            for piece in _SENTENCE_END.split(joined) if para else []:
                begin = joined.index(piece, at)
                at = begin + len(piece)
                first = max(n0 for off, n0 in starts if off <= begin)
                last = max(n0 for off, n0 in starts if off <= max(begin, at - 1))
                yield sec, first, last, piece.strip()
            para = []


def chair_sentence(minutes: Minutes) -> Said | None:
    """The first sentence naming who led the meeting ("Møtet ble ledet av …", "… ble valgt som møteleder")."""
    if not _says(minutes, _pattern("led_by"), _pattern("elected_chair")):
        return None
    for sec, first, last, sentence in _sentences(minutes):
        led = _pattern("led_by").search(sentence)
        elected = _pattern("elected_chair").search(sentence)
        names = _people(sentence[led.end():])[-1:] if led else _people(sentence[:elected.start()])[:1] if elected else []
        if names:
            return Said(tuple(names), sec, first, last, sentence)
    return None


def referent_sentence(minutes: Minutes) -> Said | None:
    """The first sentence naming who wrote the minutes ("Referatet er skrive av …"), its first name after the words."""
    if not _says(minutes, _pattern("written_by")):
        return None
    for sec, first, last, sentence in _sentences(minutes):
        wrote = _pattern("written_by").search(sentence)
        names = _people(sentence[wrote.end():])[:1] if wrote else []
        if names:
            return Said(tuple(names), sec, first, last, sentence)
    return None


def signing_sentences(minutes: Minutes) -> list[Said]:
    """Every sentence naming people who signed or approved the minutes."""
    out = []
    if not _says(minutes, _pattern("elected_signers"), _pattern("approved_by"), _SIGNED):
        return out
    for sec, first, last, sentence in _sentences(minutes):
        certified = _pattern("certified").search(sentence)
        sentence = sentence[:certified.start()] if certified else sentence
        elected = _pattern("elected_signers").search(sentence)
        approved = _pattern("approved_by").search(sentence)
        names = _people(sentence[:elected.start()]) if elected else _people(sentence[approved.end():]) if approved else []
        names += [m["name"] for m in _SIGNED.finditer(sentence)]
        with_chair = bool((elected or approved) and _pattern("with_chair").search(sentence))
        if names or with_chair:
            out.append(Said(tuple(dict.fromkeys(names)), sec, first, last, sentence.strip(), with_chair))
    return out
