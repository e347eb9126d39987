"""The sample's gold (tests/data/gold, a copy of shared/gold) checked through the library.

Same rules as shared/tools/score_gold.py: every person found under one of the
gold's forms and no other person; each attendee among the answers to "who
represents BODY"; every question's must_include and must_exclude; every
search's top section or suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
import yaml

from tests.conftest import GOLD_DIR, TODAY

GOLD = yaml.safe_load((GOLD_DIR / "000_b003cc053e82f227.yaml").read_text(encoding="utf-8"))


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
    return [name for a in result.answers for name in (a.label, *a.aliases)]


def test_people_exactly(sample_archive):
    people = [forms(e) for k in ("attendees", "secretariat", "people_mentioned") for e in GOLD.get(k) or []]
    found = [[e.label, *e.aliases] for e in sample_archive.entities("person")]
    unmatched = list(found)
    for fs in people:
        hit = next((ls for ls in unmatched if any(norm(f) == norm(l) for f in fs for l in ls)), None)
        assert hit is not None, f"missing person {fs[0]}"
        unmatched.remove(hit)
    assert unmatched == [], f"extra persons: {unmatched}"


@pytest.mark.parametrize("attendee", GOLD["attendees"], ids=lambda a: a["name"])
def test_represents(sample_archive, attendee):
    got = labels_of(sample_archive.ask(f"who represents {attendee['represents']}", today=date.fromisoformat(TODAY)))
    assert any(matches(f, label) for f in forms(attendee) for label in got), got


@pytest.mark.parametrize("q", GOLD["questions"], ids=lambda q: q["ask"])
def test_questions(sample_archive, q):
    result = sample_archive.ask(q["ask"], today=date.fromisoformat(TODAY))
    got = labels_of(result)
    assert result.query is not None, f"no named query for {q['ask']!r}: {result.why}"
    for x in q.get("must_include", []):
        assert any(matches(x, label) for label in got), f"{x} not in {got}"
    for x in q.get("must_exclude", []):
        assert not any(matches(x, label) for label in got), f"{x} wrongly in {got}"
    assert all(a.evidence for a in result.answers), "every answer carries its evidence"


@pytest.mark.parametrize("s", GOLD["searches"], ids=lambda s: s["query"])
def test_searches(sample_archive, s):
    result = sample_archive.search(s["query"])
    if "suggest" in s:
        assert result.suggestion and norm(s["suggest"]) in norm(result.suggestion)
    else:
        assert result.hits, "no hits"
        assert norm(s["top_section"]) in norm(result.hits[0].section)
