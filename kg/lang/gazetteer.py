"""Every Norwegian municipality and county through time (data/gazetteer/, built by its build.py).

A municipality of 2019 that merged ("Nedre Eiker", "Hobøl", "Klæbu", "Lenvik") is
found under its old name as a former municipality, with the dates it existed and
the 2024 municipality (or two, for Tysfjord) it became part of; a municipality
that was only renumbered keeps its old numbers with the dates each was valid. A county is known with the
period it existed (Hedmark until 2019, Viken 2020-2023, Vestfold again from 2024).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from kg.lang.text import key
from kg.paths import DATA_DIR


FORMER_UNTIL = "2019-12-31"  # the rows of 2019 (data/gazetteer/build.py): merged away or renumbered in 2020


@dataclass(frozen=True)
class Numbering:
    number: str
    valid_from: str
    valid_to: str | None
    county: str


@dataclass(frozen=True)
class Municipality:
    number: str                 # the current (2024) number, or a former municipality's last: the IRI is built from it
    name: str
    names: tuple[str, ...]      # every valid form, Sámi and Kven included
    county: str
    numberings: tuple[Numbering, ...]
    successors: tuple[str, ...] = ()  # a former municipality: the numbers of those it became part of

    @property
    def valid_to(self) -> str | None:
        """The last day a former municipality existed (None for one that exists today)."""
        return self.numberings[-1].valid_to if self.successors else None


@dataclass(frozen=True)
class County:
    number: str
    name: str
    valid_from: str | None
    valid_to: str | None


_COUNTY_SUFFIX = re.compile(r"\s+(?:fylkeskommune|fylke|FK)$")


class Gazetteer:
    def __init__(self, municipalities: list[Municipality], counties: list[County],
                 centres: dict[str, str] | None = None):
        self.municipalities = municipalities
        self._by_name: dict[str, list[Municipality]] = {}
        for m in municipalities:
            for n in m.names:
                bucket = self._by_name.setdefault(key(n), [])
                if m not in bucket:
                    bucket.append(m)
        self._by_number = {nb.number: m for m in municipalities for nb in m.numberings}
        self._centres: dict[str, list[str]] = {}  # an administrative centre's name → the numbers it is the seat of
        for number, centre in (centres or {}).items():
            self._centres.setdefault(key(centre), []).append(number)
        self._counties: dict[str, list[County]] = {}
        for c in counties:
            self._counties.setdefault(key(c.name), []).append(c)

    def lookup(self, name: str) -> list[Municipality]:
        """Municipalities called name (several for Herøy, Våler); 'X kommune' works too.

        Those that bear the name today come first: "Bø" is Bø in Nordland before the Bø
        of Telemark that became Midt-Telemark in 2020.
        """
        k = key(name)
        for suffix in (" kommune", " herad", " kommune og by", " by", " municipality"):  # "Voss herad", "Oslo kommune"
            if k.endswith(suffix) and (k[: -len(suffix)] in self._by_name or self._by_initials(k[: -len(suffix)])):
                k = k[: -len(suffix)]
                break
        found = list(self._by_name.get(k, [])) or self._by_initials(k)
        return sorted(found, key=lambda m: key(m.name) != k) if len(found) > 1 else found  # most names: none

    def _by_initials(self, k: str) -> list[Municipality]:
        """'e og h' → Evje og Hornnes: a two-part name written by its initials, when only one fits."""
        m = re.fullmatch(r"(\w) og (\w)", k) if " og " in k else None  # asked of every name not found
        if not m:
            return []
        fits = {n: ms for n, ms in self._by_name.items()
                if len(n.split()) == 3 and n.split()[1] == "og" and (n[0], n.split()[2][0]) == (m[1], m[2])}
        return list(next(iter(fits.values()))) if len(fits) == 1 else []

    def seat_of(self, name: str) -> Municipality | None:
        """The one municipality whose administrative centre is called name ("Svolvær" → Vågan), when name
        is no municipality's own name."""
        numbers = self._centres.get(key(name), [])
        return self._by_number.get(numbers[0]) if len(numbers) == 1 and not self.lookup(name) else None

    def in_counties(self, found: list[Municipality], counties: set[str]) -> list[Municipality]:
        """Of several municipalities of one name, those in the counties a document names (all when none fits)."""
        keys = {key(c) for c in counties}
        near = [m for m in found if key(m.county) in keys or any(key(nb.county) in keys for nb in m.numberings)]
        return near or found

    def by_number(self, number: str) -> Municipality | None:
        return self._by_number.get(number)

    def is_county(self, name: str) -> bool:
        return key(self._county_name(name)) in self._counties

    def county(self, name: str) -> list[County]:
        """The periods of the county called name ("Hedmark", "Viken", "Vestfold fylkeskommune")."""
        return list(self._counties.get(key(self._county_name(name)), []))

    @staticmethod
    def _county_name(name: str) -> str:
        return _COUNTY_SUFFIX.sub("", name.strip())


def _names(rows: list[dict]) -> tuple[str, ...]:
    names: list[str] = []
    for h in rows:
        for n in [h["name"], *filter(None, h["other_names"].split("|"))]:
            if n not in names:
                names.append(n)
    return tuple(names)


def _numberings(rows: list[dict]) -> tuple[Numbering, ...]:
    return tuple(sorted((Numbering(h["number"], h["valid_from"], h["valid_to"] or None, h["county"]) for h in rows),
                        key=lambda nb: nb.valid_from))


@cache
def gazetteer() -> Gazetteer:
    """Today's municipalities with the numbers they had, and the former ones that merged into them.

    A row of 2019 named as its successor (Drammen 0602 → Drammen 3301) is the same municipality
    renumbered; one named otherwise (Nedre Eiker 0625 → Drammen) is a former municipality of its own,
    with its validity and its successor(s), so that "Lenvik" and "Torsken" stay two in old minutes.
    """
    rows = list(csv.DictReader(open(DATA_DIR / "gazetteer" / "municipalities.csv", encoding="utf-8")))
    current = {r["number"]: r for r in rows if not r["valid_to"]}
    history: dict[str, list[dict]] = {n: [] for n in current}
    for r in rows:
        if r["valid_to"] != FORMER_UNTIL:
            history.setdefault(r["successor"] or r["number"], []).append(r)
    former: dict[str, list[dict]] = {}
    for r in rows:
        if r["valid_to"] == FORMER_UNTIL:
            later = {key(n) for n in _names(history.get(r["successor"], []))}
            if key(r["name"]) in later or any(key(n) in later for n in r["other_names"].split("|") if n):
                history[r["successor"]].append(r)  # renumbered, not merged
            else:
                former.setdefault(r["number"], []).append(r)
    municipalities = [Municipality(number, r["name"], _names(history[number]), r["county"], _numberings(history[number]))
                      for number, r in current.items()]
    for number, rs in former.items():  # Tysfjord has two successors: one row each
        municipalities.append(Municipality(number, rs[0]["name"], _names(rs), rs[0]["county"], _numberings(rs[:1]),
                                           tuple(dict.fromkeys(r["successor"] for r in rs))))
    counties = [County(r["number"], r["name"], r["valid_from"] or None, r["valid_to"] or None)
                for r in csv.DictReader(open(DATA_DIR / "gazetteer" / "counties.csv", encoding="utf-8"))]
    centres = {r["number"]: r["centre"]
               for r in csv.DictReader(open(DATA_DIR / "gazetteer" / "centres.csv", encoding="utf-8"))}
    return Gazetteer(municipalities, counties, centres)
