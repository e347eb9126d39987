#!/usr/bin/env python3
"""Build the project's municipality and county tables from the shared gazetteer.

Reads the three CSV files of ``shared/gazetteer`` (Kartverket / SSB classification 131):

* ``kommuner-2020-2023.csv``           numbering period 2020-01-01 .. 2023-12-31 (11 counties)
* ``kommuner-2024.csv``                numbering period from 2024-01-01 (15 counties)
* ``kommuner-2020-2023-to-2024.csv``   crosswalk from the 2020-2023 to the 2024 numbers

and writes, next to this script:

* ``municipalities.csv``  number,name,other_names,county_number,county,valid_from,valid_to,successor
* ``counties.csv``        number,name,valid_from,valid_to

Usage: ``python data/gazetteer/build.py [SHARED_GAZETTEER_DIR]``. Standard library only.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = Path(__file__).resolve().parents[2].parent / "shared" / "gazetteer"

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

    munis.sort(key=lambda row: (row[5], row[0]))
    target.mkdir(parents=True, exist_ok=True)
    with (target / "municipalities.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(MUNI_HEADER)
        w.writerows(munis)

    county_rows = []
    for (cnr, start), name in sorted(counties.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        end = PERIOD_OLD[1] if start == PERIOD_OLD[0] else PERIOD_NEW[1]
        county_rows.append([cnr, name, start, end])
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
