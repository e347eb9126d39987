"""Mapping a question in Norwegian or English onto a named query and its slot texts.

Each named query lists the wordings it answers (``# ask:`` lines with
``{slot}`` holes). A question matches a wording exactly (ignoring case,
spacing and a closing question mark), or else word by word on each word's
first letters, so inflected forms ("regionene", "kommunane", "works") still
match. Commas between words are ignored ("who has presented, on what").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.ask.catalogue import NamedQuery, catalogue

_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Reading:
    query: NamedQuery
    slots: dict[str, str]
    pattern: str
    exact: bool


def _normalise(text: str) -> str:
    """Spacing, a closing mark and commas between words do not change what is asked."""
    q = text.strip().strip("?!. ").replace("’", "'")
    q = re.sub(r",(?=\s)", " ", q)
    return re.sub(r"\s+", " ", q)


def _regex(pattern: str, loose: bool) -> re.Pattern:
    parts = []
    for piece in re.split(r"(\{\w+\})", _normalise(pattern)):
        m = _SLOT.fullmatch(piece)
        if m:
            parts.append(rf"(?P<{m.group(1)}>.+?)")
            continue
        words = piece.split()
        out = []
        for w in words:
            if loose and len(w) > 4 and w.isalpha():
                out.append(re.escape(w[:4]) + r"\w*")
            else:
                out.append(re.escape(w))
        text = r"\s+".join(out)
        if piece.startswith(" "):
            text = r"\s+" + text
        if piece.endswith(" "):
            text += r"\s+"
        parts.append(text)
    return re.compile("^" + "".join(parts) + "$", re.IGNORECASE)


@cache
def _wordings() -> list[tuple[NamedQuery, str, tuple[str, ...]]]:
    """Every wording with the first letters of its words, which any fitting question holds."""
    out = []
    for q in catalogue().values():
        for p in q.patterns:
            words = _normalise(_SLOT.sub(" ", p)).lower().split()
            out.append((q, p, tuple(w[:4] for w in words)))
    return out


@cache
def _compiled(pattern: str, loose: bool) -> re.Pattern:
    return _regex(pattern, loose)


def readings(question: str) -> list[Reading]:
    """Every way the question fits a named query's wording, exact fits first, longest wording first.

    Only wordings whose words' first letters all stand in the question are compiled and tried:
    a process answers one question, and compiling all 600 wordings would cost most of its time.
    """
    q = _normalise(question)
    low = q.lower()
    candidates = [(nq, p) for nq, p, starts in _wordings() if all(s in low for s in starts)]
    found: list[Reading] = []
    for loose in (False, True):
        for nq, pattern in candidates:
            m = _compiled(pattern, loose).match(q)
            if m:
                found.append(Reading(nq, {k: v for k, v in m.groupdict().items()}, pattern, not loose))
        if found:
            break
    return sorted(found, key=lambda r: -len(_SLOT.sub("", r.pattern)))
