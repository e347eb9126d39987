"""Every gold file (tests/data/gold: the sample's, a copy of shared/gold, and the corpus of other
secretariats' minutes in tests/data/minutes; tests/data/layouts2: minutes in layouts written to try kg on
what it was not made for) checked through the library.

Same rules as shared/tools/score_gold.py: every person found under one of the gold's forms and
no other person; each attendee among the answers to "who represents BODY"; every question's
must_include and must_exclude; every search's top section or suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
import yaml

from kg.api import Archive
from tests.conftest import GOLD_DIR, ROOT, TODAY

LAYOUTS = ROOT / "tests" / "data" / "layouts2"  # minutes in layouts kg was not written for, each gold beside it
DOC_DIRS = (ROOT / "data" / "minutes", ROOT / "tests" / "data" / "minutes", LAYOUTS)
GOLDS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
         for p in sorted([*GOLD_DIR.glob("*.yaml"), *LAYOUTS.glob("*.yaml")])}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", str(s)).casefold()
    s = re.sub(r"[.,:;()\"'«»]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def matches(expected: str, label: str) -> bool:
    e, l = norm(expected), norm(label)
    return bool(e and l) and (e == l or (len(l) >= 4 and l in e) or (len(e) >= 3 and e in l))


def forms(entry) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    out = [entry["name"]]
    s = entry.get("surface")
    out += s if isinstance(s, list) else ([s] if s else [])
    return out + list(entry.get("accept", []) or [])


def labels_of(result) -> list[str]:
    """The label and aliases of each answer, and its other plain fields (a grant, a date, a role), not its evidence."""
    out = []
    for a in result.answers:
        for k, v in a.to_json().items():
            if k == "aliases":
                out += map(str, v)
            elif k not in ("id", "kind", "evidence", "evidence_count") and isinstance(v, (str, int, float)) \
                    and not isinstance(v, bool):
                out.append(str(v))
    return out


@pytest.fixture(scope="module", params=sorted(GOLDS))
def case(request, tmp_path_factory):
    """(gold, archive holding only that gold's document)."""
    gold = GOLDS[request.param]
    doc = next(d / gold["document"] for d in DOC_DIRS if (d / gold["document"]).exists())
    archive = Archive(tmp_path_factory.mktemp("gold") / "store")
    report = archive.ingest([doc])
    assert not report.skipped, report.skipped
    yield gold, archive
    archive.close()


def gold_people(gold) -> list[list[str]]:
    people = [forms(e) for k in ("attendees", "secretariat", "absent", "people_mentioned")
              for e in gold.get(k) or [] if forms(e)[0] != "sekretariatet"]
    ref = gold.get("referent")
    if isinstance(ref, str) and len(ref.split()) >= 2:
        people.append([ref])
    unique = {norm(f[0]): f for f in people}
    return list(unique.values())


def test_people_exactly(case):
    gold, archive = case
    found = [[e.label, *e.aliases] for e in archive.entities("person")]
    unmatched = list(found)
    for fs in gold_people(gold):
        hit = next((ls for ls in unmatched if any(norm(f) == norm(l) for f in fs for l in ls)), None)
        assert hit is not None, f"missing person {fs[0]}"
        unmatched.remove(hit)
    assert unmatched == [], f"extra persons: {unmatched}"


def test_represents(case):
    gold, archive = case
    for attendee in gold["attendees"]:
        if attendee.get("member", True) is False or not attendee.get("represents"):
            continue
        got = labels_of(archive.ask(f"who represents {attendee['represents']}", today=date.fromisoformat(TODAY)))
        assert any(matches(f, label) for f in forms(attendee) for label in got), (attendee["name"], got)


def test_questions(case):
    gold, archive = case
    for q in gold.get("questions") or []:
        result = archive.ask(q["ask"], today=date.fromisoformat(TODAY))
        got = labels_of(result)
        assert result.query is not None, f"no named query for {q['ask']!r}: {result.why}"
        for x in q.get("must_include", []):
            assert any(matches(x, label) for label in got), f"{q['ask']}: {x} not in {got}"
        for x in q.get("must_exclude", []):
            assert not any(matches(x, label) for label in got), f"{q['ask']}: {x} wrongly in {got}"
        assert all(a.evidence for a in result.answers), "every answer carries its evidence"


def test_searches(case):
    gold, archive = case
    for s in gold.get("searches") or []:
        result = archive.search(s["query"])
        if "suggest" in s:
            assert result.suggestion and norm(s["suggest"]) in norm(result.suggestion), (s, result.suggestion)
        else:
            assert result.hits, f"no hits for {s['query']!r}"
            assert norm(s["top_section"]) in norm(result.hits[0].section), (s, result.hits[0].section)
