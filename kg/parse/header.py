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
        return (t, *body_name(m["body"]))
    for p in sorted(prefixes, key=len, reverse=True):
        if low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum()):
            rest = t[len(p):].strip(" :–-")
            rest = re.sub(r"^(?:i|for|frå|fra)\s+", "", rest, flags=re.I)
            rest = re.split(r"\s+(?:den|the)?\s*\d{1,2}\.\s|\s+[-–]\s+\d", rest)[0]
            if not rest:
                return None
            body, parent = body_name(rest)
            return t, body or None, parent
    return None


# "Styremøte i", "Møte i", "Rådsmøte 3/2022 i", "Referat fra", "Protokoll frå" before the body's name
_MEETING_WORDS = re.compile(
    r"^(?:(?:referat|protokoll|møtebok|møteprotokoll|sammendrag|minutes)\s+(?:fra|frå|for|from|of)\s+)?"
    r"(?:(?:det\s+)?[\w-]*møte[t]?\s+(?:(?:nr\.?\s*)?\d+\s*[/-]\s*\d+\s+)?(?:i|for|med|of)\s+)?", re.I)
_SUB = r"(?:arbeidsutval(?:g|get|et)?|representantskap(?:et)?|styret|rådmannsutval\w*|regionting(?:et)?|au)"
# a sub-body and its parent: "Arbeidsutvalet i X", "X – arbeidsutvalget (AU)", "X regionråds arbeidsutvalg"
_SUB_OF = re.compile(rf"^{_SUB}\s+(?:i|for|til|of)\s+(?P<parent>\S.+)$", re.I)
_SUB_AFTER = re.compile(rf"^(?P<parent>\S.+?)\s*[–-]\s*{_SUB}\b", re.I)
_SUB_GENITIVE = re.compile(rf"^(?P<parent>\S.+?)s\s+{_SUB}\b", re.I)


_FUNCTION_WORDS = {"i", "for", "og", "av", "på", "frå", "fra", "til", "med"}


def _from_capitals(name: str) -> str:
    """'SOGN REGIONRÅD' → 'Sogn regionråd', 'REGIONRÅDET FOR HALLINGDAL' → 'Regionrådet for Hallingdal':
    the first word and a word after a preposition are names; short words (IKS, AS) stay capitals."""
    out: list[str] = []
    for i, word in enumerate(name.split(" ")):
        low = word.lower()
        if low in _FUNCTION_WORDS and i:
            out.append(low)
        elif i == 0 or out and out[-1] in _FUNCTION_WORDS:
            out.append("-".join(part.capitalize() for part in word.split("-")))
        else:
            out.append(word if len(word) <= 3 else low)
    return " ".join(out)


def body_name(text: str) -> tuple[str, str | None]:
    """The body that met and the body it is part of, from the words naming it in a title or label.

    'Styremøte i Vestfold Næringssamarbeid' → ('Vestfold Næringssamarbeid', None);
    'SOGN REGIONRÅD' → ('Sogn regionråd', None); 'Arbeidsutvalet i Vestlandsrådet' →
    ('Arbeidsutvalet i Vestlandsrådet', 'Vestlandsrådet'); 'Osloregionens faggruppe X' has
    Osloregionen as its parent.
    """
    body = join_split_compounds(_MEETING_WORDS.sub("", squash(text).strip(" :–-")).strip(" :–-"))
    if body.isupper() and len(body) > 4:
        body = _from_capitals(body)
    if not body or not body[0].isupper() or re.search(r"møte[t]?$", body, re.I):
        return "", None  # "regionrådsmøte 8. oktober", "Regionrådsmøte": a meeting, not the body's name
    for pattern in (_SUB_OF, _SUB_AFTER, _SUB_GENITIVE):
        m = pattern.match(body)
        if m:
            return body, m["parent"].strip(" ,–-")
    first, _, tail = body.partition(" ")
    parent = first[:-1] if first.endswith("s") and tail[:1].islower() else None
    return body, parent


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
