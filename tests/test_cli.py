"""The CLI's JSON contracts (shared/design.md), its errors, and bad input in a batch."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.conftest import SAMPLE, SAMPLE_ID, TODAY


@pytest.fixture
def run(tmp_path):
    store = tmp_path / "store"

    def invoke(*args):
        return CliRunner().invoke(main, ["--store", str(store), *args], catch_exceptions=False)
    invoke.store = store
    return invoke


@pytest.fixture
def ingested(run):
    r = run("ingest", str(SAMPLE), "--json")
    assert r.exit_code == 0, r.output
    return run


def test_ingest_json_contract(run):
    r = run("ingest", str(SAMPLE), "--json")
    data = json.loads(r.stdout)
    assert set(data) >= {"ingested", "unchanged", "skipped"}
    [doc] = data["ingested"]
    assert doc["document"] == SAMPLE_ID
    assert doc["sections"] >= 15 and doc["entities"] > 40
    again = json.loads(run("ingest", str(SAMPLE), "--json").stdout)
    assert again == {"ingested": [], "unchanged": [SAMPLE_ID], "skipped": [], "renamed": [], "repaired": [],
                     "not_placed": []}


def test_entities_json_contract(ingested):
    data = json.loads(ingested("entities", "--kind", "person", "--json").stdout)
    ingvoldstad = next(e for e in data if e["label"] == "Trond Arne Ingvoldstad")
    assert ingvoldstad["kind"] == "person"
    assert ingvoldstad["aliases"] == ["Ingvoldstad, Trond Arne"]
    assert ingvoldstad["documents"] == [SAMPLE_ID]
    assert ingvoldstad["id"].startswith("https://example.org/kg/person/")


def test_ask_json_contract(ingested):
    data = json.loads(ingested("ask", "which regions work on AI", "--json").stdout)
    assert data["query"] == "regions-by-topic"
    assert data["params"] == {"topic": "kunstig intelligens"}
    sv = next(a for a in data["answers"] if a["label"] == "Søndre Viken")
    assert sv["kind"] == "region"
    ev = sv["evidence"][0]
    assert ev["document"] == SAMPLE_ID and ev["section"] == "Søndre Viken"
    assert ev["lines"] == [67, 67] and "kunstig intelligens" in ev["text"]


def test_ask_falls_back_to_search(ingested):
    data = json.loads(ingested("ask", "fortell meg om klimadashboard", "--json").stdout)
    assert data["query"] is None and data["answers"] == []  # search hits are not answers
    assert data["search"][0]["section"] == "Bærum"
    assert data["not_understood"].startswith("not understood:")


def test_ask_explain_shows_query_and_bindings(ingested):
    r = ingested("ask", "who represents Fredrikstad", "--explain", "--today", TODAY)
    assert "query: representatives" in r.output
    assert "body = Fredrikstad (municipality by name)" in r.output
    assert "$body" in r.output


def test_search_json_contract(ingested):
    data = json.loads(ingested("search", "kunstig intelligens", "--json").stdout)
    assert data["query"] == "kunstig intelligens" and data["suggestion"] is None
    hit = data["hits"][0]
    assert hit["section"] == "Søndre Viken" and hit["lines"] == [65, 67]
    assert hit["date"] == "2022-05-20" and "<b>" in hit["snippet"]
    assert data["total"] == len(data["hits"])


def test_show_json_contract(ingested):
    data = json.loads(ingested("show", "Eystein Kleiven", "--json").stdout)
    assert data["kind"] == "person" and data["aliases"] == ["Kleiven Eystein"]
    rep = next(f for f in data["facts"] if f["predicate"] == "represents")
    assert rep["object_label"] == "Fredrikstad" and rep["evidence"][0]["lines"] == [30, 30]


def test_queries_lists_named_queries():
    r = CliRunner().invoke(main, ["queries", "--json"])
    names = {q["name"] for q in json.loads(r.stdout)}
    assert {"regions-by-topic", "representatives", "upcoming-events", "projects-by-programme"} <= names


def test_query_runs_with_parameters(ingested):
    data = json.loads(ingested("query", "representatives", "-p", "body", "Fredrikstad", "--json").stdout)
    assert {a["label"] for a in data["answers"]} == {"Kari Elisabeth Halvorsrud", "Anna Gyüre-Szamosi", "Eystein Kleiven"}


def test_unknown_name_is_one_clear_line(ingested):
    r = ingested("show", "Atlantis")
    assert r.exit_code == 1
    assert r.stderr == "Error: nothing called 'Atlantis'\n"


def test_unknown_query_parameter(ingested):
    r = ingested("query", "representatives", "-p", "town", "Moss")
    assert r.exit_code == 1
    assert r.stderr == "Error: query representatives has no parameter town; it takes: body\n"


def test_no_store_yet(tmp_path):
    r = CliRunner().invoke(main, ["--store", str(tmp_path / "none"), "entities"])
    assert r.exit_code == 1 and "no kg store at" in r.stderr


def test_bad_files_are_skipped_and_the_store_kept(run, tmp_path):
    assert run("ingest", str(SAMPLE)).exit_code == 0
    before = json.loads(run("entities", "--json").stdout)
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)  # minutes kg cannot read: named
    (batch / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not minutes: passed over
    (batch / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    text = SAMPLE.read_text(encoding="utf-8").replace("Bærum", "Sørum-Bærum Næringsråd")
    (batch / "cp1252.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    shutil.copy(SAMPLE, batch / SAMPLE.name)
    r = run("ingest", str(batch), "--collection", "minutes", "--json")  # the sample's own collection
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert sorted(s["path"].rsplit("/", 1)[-1] for s in data["skipped"]) == ["empty.txt", "image.txt", "old.doc"]
    reasons = {s["path"].rsplit("/", 1)[-1]: s["reason"] for s in data["skipped"]}
    assert reasons["empty.txt"].startswith("empty file")
    assert reasons["image.txt"].startswith("binary file")
    assert reasons["old.doc"].startswith("unsupported file type .doc") and reasons["old.doc"].endswith(
        "save it as .docx, .odt or .pdf")
    assert [d["document"] for d in data["ingested"]] == ["minutes/cp1252.txt"]
    assert data["unchanged"] == [SAMPLE_ID]
    after = {e["label"] for e in json.loads(run("entities", "--json").stdout)}
    assert {e["label"] for e in before} <= after
    assert "Sørum-Bærum Næringsråd" in after  # the cp1252 file was read right
    assert "Traceback" not in r.output
