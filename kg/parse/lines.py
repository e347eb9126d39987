"""Recognising the kinds of line minutes are made of (headings, numbered items, labels)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.lang.lexicon import table
from kg.lang.text import squash, strip_markup

_HEADING = re.compile(r"^\s*#{1,6}\s+")
_BOLD_LINE = re.compile(r"^\s*\*\*(.+?)\*\*\s*:?\s*$")
_NUMBERED = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:#{1,6}\s*)?(?:\*\*)?\s*"
    r"(?:(?P<word>[A-Za-zæøåÆØÅ]+(?:-[A-Za-zæøåÆØÅ]+)?)\.?\s+(?:nr\.?\s*)?)?"
    r"(?P<num>\d{1,3})(?:\s*(?:og|&)\s*(?P<num2>\d{1,3})(?=/))?(?:/(?P<year>\d{2,4}))?(?:[.)]|\s*[-–:])?\s+"
    r"(?P<title>\S.*?)\s*$"
)
# how minutes number their cases: "Sak 12/19", "SAK 09/11", "RT-sak 05/08", "RR-sak 05/2021",
# "PS 3/17", "Sak nr. 4/22", "Orienteringssak 3/20", "Sak 1." (a word of [agenda] case_words,
# or any "<letters>-sak"), then the number, with its year or a "." / ")" / ":"
_CASE = re.compile(
    r"^\s*(?P<marker>(?P<word>[A-Za-zÆØÅæøå]{1,6}-sak|[A-Za-zÆØÅæøå]+)\.?\s*(?:nr\.?\s*)?"
    r"(?P<num>\d{1,3})(?:\s*(?:og|&)\s*\d{1,3}(?=\s*/))?(?:\s*/\s*(?P<year>\d{2,4})\b|[.):](?=\s|$)))"
)
_LABEL = re.compile(r"^\s*(?P<label>[^:\t|]{2,60}?)\s*:\s*(?P<rest>.*)$")


@cache
def headings() -> dict:
    return table("headings")


def is_heading(line: str) -> bool:
    """A Markdown heading or a whole line in bold."""
    return bool(_HEADING.match(line) or _BOLD_LINE.match(line))


@lru_cache(maxsize=1 << 14)  # a line is cleaned again by each test of what kind it is
def clean(line: str) -> str:
    """The words of a line without Markdown markup, trailing colon or dash."""
    s = squash(strip_markup(line))
    s = re.sub(r"^(?:[-*•]\s+)", "", s.replace("**", ""))
    return s.strip().rstrip(":").rstrip(" –-").strip()


@dataclass(frozen=True)
class Numbered:
    number: int
    case_id: str | None  # "16/07" when the minutes number cases by year ("1 og 2/24" for two cases together)
    title: str
    marked: bool  # written as a heading, in bold or with a case word


def numbered(line: str) -> Numbered | None:
    """'- 1. Godkjenning av innkalling**', 'Sak 16/07 Budsjett', '### **8. Orientering ...**'."""
    m = _NUMBERED.match(line)
    if not m:
        return None
    word = (m["word"] or "").lower()
    case_words = headings()["agenda"]["case_words"]
    if word and word not in case_words and not word.endswith("-sak"):
        return None
    title = clean(m["title"])
    if not title or re.match(r"^\d", title) and not word:
        return None
    # "Sak 1 og 2/24": two cases under one heading keep both numbers
    case_id = f"{m['num']}{' og ' + m['num2'] if m['num2'] else ''}/{m['year']}" if m["year"] else None
    if m["year"] is None and not word and not re.search(r"[.)]", line.split(m["num"], 1)[1][:1]):
        return None  # "2022 budsjett" is not item 2022: plain numbers need "." or ")"
    marked = bool(word) or is_heading(line) or "**" in line
    return Numbered(int(m["num"]), case_id, title, marked)


def case_heading(text: str) -> str | None:
    """The case number as written at the start of a heading ("Sak 12/19", "RT-sak 05/08"), else None."""
    m = _CASE.match(text)
    if not m:
        return None
    word = m["word"].lower()
    if word not in headings()["agenda"]["case_words"] and not word.endswith("-sak"):
        return None
    return " ".join(m["marker"].split())


def case_title(text: str) -> str:
    """A case heading without its case number ("HR-sak 18/13 Flimmer Film – søknad" → "Flimmer Film – søknad")."""
    m = _CASE.match(text)
    return text[m.end():].strip(" .:–-") if m and case_heading(text) else text.strip()


def label_line(line: str) -> tuple[str, str] | None:
    """'Tid: Fredag 20. mai' → ('tid', 'Fredag 20. mai')."""
    m = _LABEL.match(strip_markup(line).replace("**", ""))
    if not m:
        return None
    return m["label"].strip().lower(), m["rest"].strip()


def starts_with_any(text: str, words: list[str]) -> str | None:
    """The longest of words that text starts with (case-insensitive, whole words)."""
    m = _opening(tuple(words)).match(text.lower()) if words else None
    return m.group() if m else None


def first_opening(lists: dict[str, list[str]]):
    """A reader of which list a text opens with a word of (as starts_with_any): the first in the lists'
    order, found by one match of them all instead of one match a list."""
    keys = [k for k, words in lists.items() if words]
    pattern = re.compile("|".join(f"({_opening(tuple(lists[k])).pattern})" for k in keys))

    def first(text: str) -> str | None:
        m = pattern.match(text.lower())
        return keys[m.lastindex - 1] if m else None
    return first


@cache
def _opening(words: tuple[str, ...]) -> re.Pattern:
    """One pattern for a list's words, the longest first, each where no letter or digit follows
    it: the first alternative that matches is the longest word."""
    return re.compile(f"(?:{'|'.join(map(re.escape, _longest_first(words)))})(?![^\\W_])")


@cache
def _longest_first(words: tuple[str, ...]) -> list[str]:
    return sorted(words, key=len, reverse=True)


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern:
    """Whether any of the words stands alone: the boundary tested once a position, then the words
    (as many alternatives each with its own look-behind try every one at every position, 10× slower)."""
    return re.compile(rf"(?<![\wæøå])(?:{'|'.join(map(re.escape, words))})(?![\wæøå])")


@cache
def _whole(word: str) -> re.Pattern:
    """The word alone, not inside another: compiled once (the lists' words outnumber re's own cache)."""
    return re.compile(rf"(?<![\wæøå]){re.escape(word)}(?![\wæøå])")


def contains_any(text: str, words: list[str]) -> str | None:
    """The longest of words that text holds as whole words (case-insensitive)."""
    t = text.lower()
    if not _any_of(tuple(words)).search(t):
        return None  # one compiled search answers the common case: none of them
    return next((w for w in _longest_first(tuple(words)) if w in t and _whole(w).search(t)), None)
