"""The header of minutes: the title naming the body, and the meeting's date and time."""

from __future__ import annotations

import re
from datetime import date, datetime

from kg.lang.dates import find_dates, find_time_range
from kg.lang.text import squash

# Endings of a Norwegian compound's first part before the linking -s
# ("Nærings|samarbeidet", "Utviklings|selskap"): a word written apart after one
# of these is a compound split by mistake.
_LINKING = re.compile(r"(?:ings|sjons|hets|skaps|doms|elses)$")


def join_split_compounds(name: str) -> str:
    """'Osloregionens faggruppe Nærings samarbeidet' → '... Næringssamarbeidet'."""
    tokens = name.split(" ")
    out: list[str] = []
    for tok in tokens:
        if out and _LINKING.search(out[-1]) and out[-1][:1].isupper() and tok[:1].islower():
            out[-1] = out[-1] + tok
        else:
            out.append(tok)
    return " ".join(out)


_BODY_THEN_MEETING = re.compile(r"^(?P<body>[A-ZÆØÅ][^–\-:]{2,80}?)\s*[–\-:]\s*(?:referat|protokoll|møtebok|møte)\b", re.IGNORECASE)


def read_title(title: str, prefixes: list[str]) -> tuple[str, str, str | None] | None:
    """(title, body, parent of the body) from 'Referat møte i X' or 'X – møte i arbeidsutvalget', else None."""
    t = squash(title)
    low = t.lower()
    m = _BODY_THEN_MEETING.match(t)
    if m and not any(low.startswith(p) for p in prefixes):
        body = m["body"].strip()
        return t, body, None
    for p in sorted(prefixes, key=len, reverse=True):
        if low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum()):
            rest = t[len(p):].strip(" :–-")
            rest = re.sub(r"^(?:i|for|frå|fra)\s+", "", rest)
            rest = re.split(r"\s+(?:den|the)?\s*\d{1,2}\.\s|\s+[-–]\s+\d", rest)[0]
            if not rest:
                return None
            body = join_split_compounds(rest)
            first, _, tail = body.partition(" ")
            parent = first[:-1] if first.endswith("s") and tail[:1].islower() else None
            return t, body, parent
    return None


def meeting_times(text: str, ref: date | None) -> tuple[datetime | date | None, datetime | None]:
    """'Fredag 20. mai kl. 0900-1100' → (2022-05-20 09:00, 2022-05-20 11:00), year from ref."""
    dates = find_dates(text, ref)
    if not dates:
        return None, None
    day = dates[0].start
    times = find_time_range(text)
    if not times:
        return day, None
    start = datetime.combine(day, times[0])
    end = datetime.combine(day, times[1]) if times[1] else None
    return start, end
