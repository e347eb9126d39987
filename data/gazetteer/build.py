#!/usr/bin/env python3
"""Build the project's municipality and county tables from the shared gazetteer.

Reads the CSV files of ``shared/gazetteer`` (Kartverket / SSB classification 131):

* ``kommuner-2019.csv``                the 422 municipalities of 2019 (18 counties), valid until 2019-12-31
* ``kommuner-2019-to-2020.csv``        crosswalk from the 2019 to the 2020 numbers (SOURCE-2019.md)
* ``kommuner-2020-2023.csv``           numbering period 2020-01-01 .. 2023-12-31 (11 counties)
* ``kommuner-2024.csv``                numbering period from 2024-01-01 (15 counties)
* ``kommuner-2020-2023-to-2024.csv``   crosswalk from the 2020-2023 to the 2024 numbers

and writes, next to this script:

* ``municipalities.csv``  number,name,other_names,county_number,county,valid_from,valid_to,successor
* ``counties.csv``        number,name,valid_from,valid_to
* ``centres.csv``         number,centre: the administrative centre of each 2024 municipality whose name differs
                          from its centre's ("1865,Svolvær"), from the ``adm_senter`` column of kommuner-2024.csv

Counties that ended before 2019 (Sør- and Nord-Trøndelag, 2017-12-31) come from the county
rows of ``shared/lexicons/public_bodies.csv`` (its SOURCE.md: udir-nsr, regjeringen.no).
A municipality of 2019 that merged points to its 2024 successor(s) through both crosswalks;
one that was split (Tysfjord, Snillfjord) has one row per successor. A blank ``valid_from``
means the source gives no start date (2019 rows start 2019-01-01: the list as it stood that year).

Usage: ``python data/gazetteer/build.py [SHARED_GAZETTEER_DIR]``. Standard library only.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path(__file__).resolve().parents[2].parent / "shared" / "gazetteer"

# the 2019 list is the classification as it stood in 2019; the sources give no earlier start dates
PERIOD_2019 = ("2019-01-01", "2019-12-31")
PERIOD_OLD = ("2020-01-01", "2023-12-31")
PERIOD_NEW = ("2024-01-01", "")

MUNI_HEADER = ["number", "name", "other_names", "county_number", "county",
               "valid_from", "valid_to", "successor"]
COUNTY_HEADER = ["number", "name", "valid_from", "valid_to"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k.strip(): nfc(v) for k, v in row.items() if k} for row in csv.DictReader(fh)]


def num(value: str, width: int) -> str:
    value = value.strip()
    return value.zfill(width) if value.isdigit() else value


def other_names(name: str, *forms: str) -> str:
    """Every valid name form except ``name``, in order, de-duplicated, ``|``-separated."""
    seen = {name}
    out: list[str] = []
    for group in forms:
        for form in (group or "").split("|"):
            form = nfc(form)
            if form and form not in seen:
                seen.add(form)
                out.append(form)
    return "|".join(out)


def build(source: Path, target: Path = HERE) -> tuple[int, int]:
    old = read_rows(source / "kommuner-2020-2023.csv")
    new = read_rows(source / "kommuner-2024.csv")
    walk = read_rows(source / "kommuner-2020-2023-to-2024.csv")

    successor = {num(r["nr_2020_2023"], 4): num(r["nr_2024"], 4) for r in walk}

    # Name forms of a 2024 municipality carried over from its 2020-2023 predecessor(s)
    # of the same name (the 2024 file has no gyldige_navn column).
    forms_2024: dict[str, list[str]] = {}
    for r in old:
        nr = num(r["kommunenummer"], 4)
        succ = successor.get(nr)
        if succ:
            forms_2024.setdefault(succ, []).append(r.get("gyldige_navn", ""))

    munis: list[list[str]] = []
    counties: dict[tuple[str, str], str] = {}
    for r in old:
        nr = num(r["kommunenummer"], 4)
        name = r["kommunenavn"]
        cnr = num(r["fylkesnummer"], 2)
        munis.append([nr, name,
                      other_names(name, r.get("kommunenavn_norsk", ""), r.get("gyldige_navn", "")),
                      cnr, r["fylkesnavn"], *PERIOD_OLD, successor.get(nr, "")])
        counties[(cnr, PERIOD_OLD[0])] = r["fylkesnavn"]
    for r in new:
        nr = num(r["kommunenummer"], 4)
        name = r["kommunenavn"]
        cnr = num(r["fylkesnummer"], 2)
        munis.append([nr, name,
                      other_names(name, r.get("kommunenavn_norsk", ""), *forms_2024.get(nr, [])),
                      cnr, r["fylkesnavn"], *PERIOD_NEW, ""])
        counties[(cnr, PERIOD_NEW[0])] = r["fylkesnavn"]

    to_2020: dict[str, list[str]] = {}
    for r in read_rows(source / "kommuner-2019-to-2020.csv"):
        to_2020.setdefault(num(r["nummer_2019"], 4), []).append(num(r["nummer_2020"], 4))
    for r in read_rows(source / "kommuner-2019.csv"):
        nr = num(r["nummer"], 4)
        cnr = num(r["fylke_nummer"], 2)
        for nr_2020 in to_2020.get(nr, []):
            munis.append([nr, r["navn"], other_names(r["navn"], *r["navn"].split(" - ")), cnr, r["fylke_navn"],
                          *PERIOD_2019, successor.get(nr_2020, nr_2020)])
        counties[(cnr, PERIOD_2019[0])] = r["fylke_navn"]
    ended: list[list[str]] = []  # counties that ended before 2019 (no number in the sources)
    bodies = source.parent / "lexicons" / "public_bodies.csv"
    if bodies.exists():
        for r in read_rows(bodies):
            name = r["name"].split(" - ")[0].removesuffix(" fylkeskommune")
            if r["kind"] == "county" and r["valid_to"] and r["valid_to"] < "2019":
                ended.append(["", name, "", r["valid_to"]])

    munis.sort(key=lambda row: (row[5], row[0]))
    target.mkdir(parents=True, exist_ok=True)
    with (target / "municipalities.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(MUNI_HEADER)
        w.writerows(munis)

    with (target / "centres.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["number", "centre"])
        w.writerows(sorted([num(r["kommunenummer"], 4), r["adm_senter"]] for r in new
                           if r.get("adm_senter") and r["adm_senter"] != r["kommunenavn"]))

    county_rows = []
    for (cnr, start), name in sorted(counties.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        end = {PERIOD_2019[0]: PERIOD_2019[1], PERIOD_OLD[0]: PERIOD_OLD[1], PERIOD_NEW[0]: PERIOD_NEW[1]}[start]
        county_rows.append([cnr, name, start, end])
    county_rows = sorted(ended) + county_rows
    with (target / "counties.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COUNTY_HEADER)
        w.writerows(county_rows)
    return len(munis), len(county_rows)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    if not source.is_dir():
        print(f"gazetteer source not found: {source}", file=sys.stderr)
        return 1
    n_munis, n_counties = build(source)
    print(f"wrote {n_munis} municipality rows and {n_counties} county rows to {HERE}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
