"""Every Norwegian municipality, with its numbers in both numberings (data/gazetteer/)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from kg.lang.text import key
from kg.paths import DATA_DIR


@dataclass(frozen=True)
class Numbering:
    number: str
    valid_from: str
    valid_to: str | None
    county: str


@dataclass(frozen=True)
class Municipality:
    number: str                 # the current (2024) number: the IRI is built from it
    name: str
    names: tuple[str, ...]      # every valid form, Sámi and Kven included
    county: str
    numberings: tuple[Numbering, ...]


class Gazetteer:
    def __init__(self, municipalities: list[Municipality], counties: set[str]):
        self.municipalities = municipalities
        self._by_name: dict[str, list[Municipality]] = {}
        for m in municipalities:
            for n in m.names:
                bucket = self._by_name.setdefault(key(n), [])
                if m not in bucket:
                    bucket.append(m)
        self._by_number = {nb.number: m for m in municipalities for nb in m.numberings}
        self.counties = {key(c) for c in counties}

    def lookup(self, name: str) -> list[Municipality]:
        """Municipalities called name (several for Herøy, Våler); 'X kommune' works too."""
        k = key(name)
        for suffix in (" kommune", " herad", " kommune og by", " by"):  # "Voss herad", "Oslo kommune"
            if k.endswith(suffix) and k[: -len(suffix)] in self._by_name:
                return list(self._by_name[k[: -len(suffix)]])
        return list(self._by_name.get(k, []))

    def by_number(self, number: str) -> Municipality | None:
        return self._by_number.get(number)

    def is_county(self, name: str) -> bool:
        return key(name) in self.counties


@cache
def gazetteer() -> Gazetteer:
    rows = list(csv.DictReader(open(DATA_DIR / "gazetteer" / "municipalities.csv", encoding="utf-8")))
    current = {r["number"]: r for r in rows if not r["valid_to"]}
    history: dict[str, list[dict]] = {n: [] for n in current}
    for r in rows:
        history.setdefault(r["successor"] or r["number"], []).append(r)
    municipalities = []
    for number, r in current.items():
        names: list[str] = []
        for h in history[number]:
            for n in [h["name"], *filter(None, h["other_names"].split("|"))]:
                if n not in names:
                    names.append(n)
        numberings = tuple(sorted(
            (Numbering(h["number"], h["valid_from"], h["valid_to"] or None, h["county"]) for h in history[number]),
            key=lambda nb: nb.valid_from))
        municipalities.append(Municipality(number, r["name"], tuple(names), r["county"], numberings))
    counties = {r["name"] for r in csv.DictReader(open(DATA_DIR / "gazetteer" / "counties.csv", encoding="utf-8"))}
    return Gazetteer(municipalities, counties)
