"""Telling what kind of thing a name is: municipality, region, organisation, institution ...

In order: the gazetteer (municipalities), the lexicon of known bodies and
places (data/lexicon/bodies.toml, public_bodies.csv, places.toml), a close spelling of a known body
(a typo such as 'Kongsbergreionen'), then the words of the name
(data/lexicon/kind_rules.toml: 'Business' makes an organisation, 'regionråd' a
region, a compass word before a county a region, ...).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.lang.lexicon import table
from kg.lang.text import key
from kg.lang.gazetteer import gazetteer
from kg.lang.names import is_given_name
from kg.lang.spelt_out import spelt_out
from kg.paths import LEXICON_DIR

FUZZY_MIN = 92  # rapidfuzz ratio for a typo of a known body


@dataclass(frozen=True)
class Known:
    kind: str
    label: str
    parent: str | None = None
    members: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    org_number: str | None = None  # Enhetsregisteret's organisasjonsnummer
    valid_from: str | None = None  # a county that existed for a period ("Viken": 2020-01-01 to 2023-12-31)
    valid_to: str | None = None
    names: tuple[str, ...] = ()  # every other name it goes by: an answer shows them, a question may use them


# the kinds of data/lexicon/public_bodies.csv as kg's kinds of node
_PUBLIC_KINDS = {"ministry": "institution", "agency": "institution", "county": "institution",
                 "county_governor": "institution", "university": "institution", "college": "institution",
                 "health_trust": "institution", "national_org": "organisation"}


def _public_bodies() -> list[tuple[Known, list[str]]]:
    """The bodies of data/lexicon/public_bodies.csv, each with every name it goes by.

    Rows sharing an organisation number are one body, named by the row still valid
    (Riksarkivet → Arkivverket); a name the register writes in capitals is put in sentence case.
    """
    import csv

    with open(LEXICON_DIR / "public_bodies.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    groups: dict[str, list[dict]] = {}
    for i, r in enumerate(rows):
        groups.setdefault(r["org_number"] or f"row {i}", []).append(r)
    out = []
    for group in groups.values():
        current = next((r for r in group if not r["valid_to"]), group[-1])
        label = current["name"] if not current["name"].isupper() else current["name"].capitalize()
        # a short name that is also a given name ("KIM") would make every Kim a body
        names = [n for r in group for n in (r["name"], r["short_name"]) if n and not is_given_name(n)]
        known = Known(_PUBLIC_KINDS.get(current["kind"], "organisation"), label,
                      org_number=current["org_number"] or None,
                      valid_from=current["valid_from"] or None, valid_to=current["valid_to"] or None,
                      names=tuple(dict.fromkeys(n for n in names if n != label)))
        out.append((known, names))
    return out


@dataclass(frozen=True)
class Classified:
    kind: str
    label: str
    how: str  # gazetteer | lexicon | fuzzy | rule
    municipality: object = None  # gazetteer.Municipality when kind == municipality
    known: Known | None = None


class Lexicon:
    """Known bodies and places by every name they go by."""

    def __init__(self) -> None:
        self.names: dict[str, Known] = {}
        for b in table("bodies").get("body", []):
            k = Known(b["kind"], b["label"], b.get("parent"), tuple(b.get("members", ())), tuple(b.get("topics", ())),
                      names=tuple(b.get("aliases", ())))
            for n in [b["label"], *b.get("aliases", [])]:
                self.names.setdefault(key(n), k)
        for k, names in _public_bodies():
            for n in [k.label, *names]:
                self.names.setdefault(key(n), k)
        for p in table("places").get("place", []):
            k = Known("place", p["label"], names=tuple(p.get("aliases", ())))
            for n in [p["label"], *p.get("aliases", [])]:
                self.names.setdefault(key(n), k)
        rules = table("kind_rules")
        self.precedence: list[str] = rules.get("precedence", ["institution", "organisation", "cluster", "region"])
        # each rule's words split once, not on every name: all-capital entries (AS, SA, NCE) match
        # only in capitals, since "sa" and "as" are words; the rest match in any case
        self._rule_words = {kind: ({w for w in rule.get("words", []) if w.isupper()},
                                   {w.lower() for w in rule.get("words", []) if not w.isupper()},
                                   tuple(s.lower() for s in rule.get("suffixes", [])))
                            for kind, rule in rules.items() if isinstance(rule, dict)}
        self.compass = {w.lower() for w in rules.get("region", {}).get("compass_prefixes", [])}
        fuzzy_keys = [k for k, v in self.names.items() if v.kind != "place" and len(k) >= 8]
        # by length (and, among those of one length, in the order above): only names of a length near a name's
        # can reach FUZZY_MIN, and the spelling match looks at those alone (a tenth to a third of them)
        self._by_length = sorted(range(len(fuzzy_keys)), key=lambda i: len(fuzzy_keys[i]))
        self._fuzzy_keys = [fuzzy_keys[i] for i in self._by_length]
        self._lengths = [len(k) for k in self._fuzzy_keys]

    def known(self, name: str) -> Known | None:
        return self.names.get(key(name))

    def fuzzy(self, name: str) -> Known | None:
        from rapidfuzz import fuzz, process

        k = key(name)
        if len(k) < 8:
            return None
        # a ratio is at most 200 * shorter / (both lengths): the lengths where it can reach FUZZY_MIN, a letter wider
        lo = bisect.bisect_left(self._lengths, len(k) * FUZZY_MIN // (200 - FUZZY_MIN) - 1)
        hi = bisect.bisect_right(self._lengths, len(k) * (200 - FUZZY_MIN) // FUZZY_MIN + 1)
        found = process.extract(k, self._fuzzy_keys[lo:hi], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=None)
        # the best, and of equals the first in the lexicon's order (as a match over all of them in that order)
        best = max(found, key=lambda f: (f[1], -self._by_length[lo + f[2]]), default=None)
        return self.names[best[0]] if best else None

    def by_words(self, name: str) -> str | None:
        """The kind a name's own words give it, by the precedence of data/lexicon/kind_rules.toml."""
        words = [w for w in re.split(r"[\s/]+", name) if w]
        # "Universitetet i Agder", "Arbeidsutvalet i Vestlandsrådet": the head comes before i/for/på
        link = next((i for i, w in enumerate(words) if i and w in ("i", "for", "på", "ved", "av", "til")), None)
        if link:
            words = words[:link]
        # a genitive before another word only qualifies it: "Osloregionens faggruppe" is a group, not a region
        heads = [w.strip(".,") for i, w in enumerate(words)
                 if not (i + 1 < len(words) and w.endswith("s") and len(w) > 4)]
        if not heads:
            return None
        last = heads[-1].lower()
        hits = []
        for kind, (upper, other, suffixes) in self._rule_words.items():
            if any(w in upper or w.lower() in other for w in heads) or last.endswith(suffixes):
                hits.append(kind)
        if not hits and len(words) >= 2 and words[0].lower().rstrip("-") in self.compass:
            rest = " ".join(words[1:])
            if gazetteer().is_county(rest) or (self.known(rest) and self.known(rest).kind == "region"):
                return "region"
        for kind in self.precedence:
            if kind in hits:
                return kind
        return hits[0] if hits else None


@cache
def lexicon() -> Lexicon:
    return Lexicon()


def _genitive_base(name: str) -> str | None:
    """'Osloregionens' → 'Osloregionen'; 'Mossregionens næringsutvikling' is left alone."""
    if " " not in name and name.endswith("s") and len(name) > 4:
        return name[:-1]
    return None


_COUNCIL_FIRST = re.compile(r"^regionråd(?:et)?\s+(?:(?:i|for)\s+)?(?P<region>[A-ZÆØÅ].*)$", re.IGNORECASE)


def _council_last(name: str) -> str | None:
    """'Regionråd Dalane', 'Regionrådet i Dalane' → 'Dalane regionråd': the council written before its region."""
    m = _COUNCIL_FIRST.match(name)
    return f"{m['region']} regionråd" if m else None


def _candidates(name: str):
    """The names a name may stand for, in turn (each made only if the ones before named nothing)."""
    yield name
    yield _genitive_base(name)
    yield spelt_out(name)
    yield _council_last(name)
    yield _office_of(name)


def _office_of(name: str) -> str | None:
    """'Innovasjon Norge Vestfold og Telemark', 'NAV Agder': a known body's office, named by the body and the
    county or municipality it serves, is that body."""
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        body, place = " ".join(words[:i]), " ".join(words[i:])
        if place[:1].isupper() and (gazetteer().is_county(place) or gazetteer().lookup(place)) and lexicon().known(body):
            return body
    return None


@lru_cache(maxsize=1 << 14)  # a document's stages ask about the same names again and again (half the calls)
def classify(name: str, *, fuzzy: bool = True, rules: bool = True) -> Classified | None:
    """What a body or place name names, or None when nothing says."""
    name = name.strip(" .,:;(\"'«»")
    if name.endswith(")") and name.count("(") < name.count(")"):
        name = name.rstrip(")")  # a closing bracket is part of the name when it closes one: "DataLab (Fjellregionen)"
    if not name:
        return None
    g = gazetteer()
    for candidate in _candidates(name):
        if not candidate:
            continue
        found = g.lookup(candidate)
        if found:
            return Classified("municipality", found[0].name, "gazetteer", municipality=found)
        k = lexicon().known(candidate)
        if k:
            return Classified(k.kind, k.label, "lexicon", known=k)
    if fuzzy:
        k = lexicon().fuzzy(name)
        if k:
            return Classified(k.kind, k.label, "fuzzy", known=k)
    if rules:
        kind = lexicon().by_words(name)
        if kind and kind != "project":  # projects are read from how the text speaks of them, not a word
            return Classified(kind, name[:1].upper() + name[1:], "rule")
    return None
