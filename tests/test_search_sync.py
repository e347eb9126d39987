"""The index never drifts from the graph; the CLI face of search (issue 4, points 6 and 7)."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from kg.api import Archive
from kg.cli import main
from tests.conftest import SAMPLE

NYNORSK = """Dato: 14.9.23

## Referat frå møte i Vestlandsrådet

### Til stades:

Kari Nordmann\tBergen

### Bergen:

Kommunane i regionen har fått tilskot til det nye sjukehuset og til kunstig intelligens i helsetenesta.
"""


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    shutil.copy(SAMPLE, folder)
    (folder / "vest.txt").write_text(NYNORSK, encoding="utf-8")
    a = Archive(tmp_path / "store")
    report = a.ingest([folder])
    assert not report.skipped, report.skipped
    a.folder = folder
    return a


def documents_found(archive, query, **kw):
    return {h.document.rsplit("/", 1)[-1] for h in archive.search(query, **kw).hits}


def test_ingest_indexes_what_the_graph_holds(archive):
    report = archive.check()
    assert report.ok and report.sections > 15
    assert documents_found(archive, "sykehus") == {SAMPLE.name, "vest.txt"}  # bokmål and nynorsk


def test_changed_document_replaces_its_sections(archive):
    assert "vest.txt" not in documents_found(archive, "havn")
    (archive.folder / "vest.txt").write_text(NYNORSK.replace("sjukehuset", "hamna"), encoding="utf-8")
    archive.ingest([archive.folder])
    assert "vest.txt" in documents_found(archive, "havn")  # nynorsk "hamna"
    assert "vest.txt" not in documents_found(archive, '"nye sjukehuset"')
    assert archive.check().ok


def test_removed_document_leaves_the_index(archive):
    archive.remove(["vest.txt"])
    assert documents_found(archive, '"tilskot til det nye sjukehuset"') == set()
    assert archive.check().ok


def test_curation_is_followed_by_the_index(archive):
    archive.decide('rename "Søndre Viken" to "Søndre Viken regionråd"')
    assert [h.actor for h in archive.search("atomreaktor").hits][0] == "Søndre Viken regionråd"
    assert archive.check().ok


def test_check_reports_drift_and_reindex_repairs_it(archive):
    archive.index.remove_document(f"{archive.folder.name}/vest.txt")
    drift = archive.check()
    assert not drift.ok and drift.missing and all("vest" in s for s in drift.missing)
    assert archive.reindex() == drift.sections
    assert archive.check().ok
    assert documents_found(archive, "sjukehus") == {SAMPLE.name, "vest.txt"}


def test_mentions_filter_resolves_names_through_the_graph(archive):
    found = archive.search("Fornebu", mentions="statens vegvesen")
    assert [h.section for h in found.hits] == ["Bærum"]
    assert archive.search("Fornebu", topic="klima").hits[0].section == "Bærum"


# -- the command line


@pytest.fixture
def run(archive):
    archive.close()

    def invoke(*args):
        return CliRunner().invoke(main, ["--store", str(archive.store.path), *args], catch_exceptions=False)
    return invoke


def test_search_json_contract(run):
    data = json.loads(run("search", "kunstig", "intelligens", "--json", "--facets").stdout)
    assert set(data) >= {"query", "total", "suggestion", "hits", "facets"}
    assert set(data["hits"][0]) >= {"document", "section", "lines", "date", "score", "snippet"}
    assert data["facets"]["year"]["2023"] == 1 and sum(data["facets"]["year"].values()) == data["total"]


def test_search_csv(run):
    rows = list(csv.DictReader(io.StringIO(run("search", "sjukehus", "--format", "csv").stdout)))
    assert {r["document"].rsplit("/", 1)[-1] for r in rows} == {SAMPLE.name, "vest.txt"}
    assert all(r["line_start"].isdigit() and r["date"] for r in rows)


def test_malformed_query_is_one_line_on_stderr(run):
    r = run("search", '"grønn omstilling')
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.strip().count("\n") == 0 and "character 1" in r.stderr


def test_check_and_reindex_commands(run):
    assert run("check").exit_code == 0
    assert run("reindex").exit_code == 0
    assert json.loads(run("check", "--json").stdout)["ok"] is True
