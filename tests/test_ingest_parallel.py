"""Documents prepared in worker processes (`kg ingest --jobs N`) make the same store as in one process."""

from __future__ import annotations

from pathlib import Path

from kg.api import Archive
from tests.test_reliability import PEOPLE, _state, minutes

# a body first named in one document and spelled a little differently in later ones: a worker that
# resolved a later one against its older copy of the known bodies would make it a second body
SPELLINGS = ["Havbruksforum Nordvest", "Havbruksforumet Nordvest", "Havbruksforum Nord-Vest"]


def _archive(folder: Path, n: int) -> None:
    for i in range(n):
        body = SPELLINGS[0] if i == 0 else SPELLINGS[i % len(SPELLINGS)]
        (folder / f"{i:02d}.txt").write_text(minutes(body, 1 + i, PEOPLE, f"Sak {i}."), encoding="utf-8")


def _ingest(folder: Path, store: Path, jobs: int) -> tuple[bool, set[str], list]:
    with Archive(store) as a:
        report = a.ingest([folder], jobs=jobs)
        assert not report.skipped
        order = [d.document for d in report.ingested]
        hits = sorted((h.document, h.section_id) for h in a.search("havnelogistikk").hits)
    ok, statements = _state(store)
    return ok, statements, [order, hits]


def test_two_jobs_make_the_same_store_as_one(tmp_path):
    folder = tmp_path / "referater"
    folder.mkdir()
    _archive(folder, 12)
    one = _ingest(folder, tmp_path / "one", jobs=1)
    two = _ingest(folder, tmp_path / "two", jobs=2)
    assert one[0] and two[0]
    assert one[2] == two[2]  # the same documents, told in the same order, found the same way
    assert one[1] == two[1]
    with Archive(tmp_path / "two", read_only=True) as a:
        bodies = [e.label for e in a.entities() if "Havbruksforum" in e.label and e.kind != "meeting"]
    assert bodies == ["Havbruksforum Nordvest"]  # every spelling matched the body the first document named


def _resolved(missed, bodies, seen=0):
    from kg.ingest.prepare import Job, Prepared

    return Prepared(Job("a/x.txt", None), missed=missed, bodies=bodies, seen=seen)


def test_a_body_added_since_under_the_iri_the_document_gave_it_leaves_the_document_as_it_was():
    from kg.ingest.prepare import stale

    iri = "https://example.org/kg/project/prosjekt12-norge"
    p = _resolved([("project", "prosjekt12 norge")], [("project", "prosjekt12 norge", "Prosjekt12 Norge", iri)])
    known = {"project": {"prosjekt12 norge": ("Prosjekt12 Norge", iri), "prosjekt123 norge": ("Prosjekt123 Norge", "x")}}
    added = [("project", "prosjekt12 norge"), ("project", "prosjekt123 norge")]
    assert not stale(p, added, known)  # the exact name comes before any close spelling
    known["project"]["prosjekt12 norge"] = ("Prosjekt12 Norge", "https://example.org/kg/project/other")
    assert stale(p, added, known)  # the table holds the name under another IRI: resolved otherwise now


def test_a_close_spelling_added_since_makes_a_document_stale():
    from kg.ingest.prepare import stale

    # the document's own name was matched by spelling to a body its copy of the table held, so it
    # gave no body under that name; a closer spelling was added after the copy
    p = _resolved([("project", "naeringshage i asnes")],
                  [("project", "naeringshage i tysnes", "Næringshage i Tysnes", "t")], seen=1)
    known = {"project": {"naeringshage i tysnes": ("Næringshage i Tysnes", "t"),
                         "naeringshage i nes": ("Næringshage i Nes", "n")}}
    assert stale(p, [("project", "naeringshage i tysnes"), ("project", "naeringshage i nes")], known)
    assert not stale(p, [("project", "naeringshage i tysnes"), ("project", "prosjekt12 norge")], known)
