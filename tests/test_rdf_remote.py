"""A real Oxigraph SPARQL server on a free loopback port: push the archive, answer from it as locally."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kg.remote.endpoint
import kg.remote.push
from kg.api import Archive
from kg.ask.catalogue import catalogue
from kg.cli import main
from kg.lang.text import slug
from kg.remote.endpoint import RemoteStore, bind_terms
from kg.remote.http import RemoteError
from kg.remote.push import MANIFEST_GRAPH
from tests.conftest import SAMPLE, TODAY

# A value for each kind of parameter (and a few by name), all names the sample uses.
VALUES_BY_KIND = {"topic": "kunstig intelligens", "actor": "Søndre Viken", "body": "Fredrikstad",
                  "region": "Søndre Viken", "person": "Eystein Kleiven", "project": "Green Offshore Tech",
                  "programme": "Horizon Europe", "date": "2022-05-20", "amount": "100 000", "entity": "Halden",
                  "text": "Halden", "case": "3", "class": "project",
                  "cue": "sekretariatsleder", "section": "klynge", "municipality": "Fredrikstad"}
VALUES_BY_NAME = {"topic2": "klima", "agenda": "Industri 4.0", "start": "2022-01-01", "end": "2023-12-31"}


def params_of(name: str) -> dict[str, str]:
    """A value for each parameter, but the lines of a searched section: the runner binds those it matches."""
    return {p: VALUES_BY_NAME.get(p) or VALUES_BY_KIND[kind] for p, kind in catalogue()[name].params.items()
            if kind not in ("line", "said")}


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        message = "the oxigraph server is not installed: pip install -e '.[test]'"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path):
    """An Oxigraph server on a free loopback port that reads the union of its named graphs
    as the default graph, as kg needs; yields its base URL and stops it afterwards."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph server did not start: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="module")
def pushed(server, tmp_path_factory):
    """The sample archive, pushed to the server; yields (archive, endpoint, first push report)."""
    archive = Archive(tmp_path_factory.mktemp("local") / "store")
    archive.ingest([SAMPLE])
    report = archive.push(f"{server}/query")
    yield archive, f"{server}/query", report
    archive.close()


def remote_graph(endpoint: str, graph: str) -> set:
    rows = RemoteStore(endpoint, "").query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return set(rows)


def test_push_sends_every_graph_and_the_server_holds_the_same_triples(pushed):
    archive, endpoint, report = pushed
    local = {g.value for g in archive.store.ox.named_graphs()}
    # a document is sent with its line spans' graphs, not as a graph of its own each
    spans = {g for g in local if "/lines/" in g}
    assert spans and set(report.sent) == local - spans and report.unchanged == [] and report.deleted == []
    for graph in local:
        expected = {q.triple for q in archive.store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))}
        assert remote_graph(endpoint, graph) == expected, graph


def answers_here_and_there(pushed, name):
    archive, endpoint, _ = pushed
    today = date.fromisoformat(TODAY)
    return (archive.run_query(name, params_of(name), today=today).to_json(),
            Archive(archive.store.path, endpoint=endpoint).run_query(name, params_of(name), today=today).to_json())


SEARCHED = sorted(name for name, q in catalogue().items() if "section" in q.params.values())


@pytest.mark.parametrize("name", sorted(set(catalogue()) - set(SEARCHED)))
def test_every_named_query_answers_the_same_on_the_server(pushed, name):
    local, remote = answers_here_and_there(pushed, name)
    assert remote == local


@pytest.mark.parametrize("name", SEARCHED)
def test_a_query_on_searched_sections_answers_nothing_on_the_server_which_has_no_index(pushed, name):
    local, remote = answers_here_and_there(pushed, name)
    assert remote["answers"] == [] and remote["query"] == local["query"] == name


# the named queries the sample answers; the others ask of absences, substitutes, decisions, actions, partial
# attendance, observers and signers, which the sample has none of: tests/test_ask_relations.py checks those on
# a graph written by hand
ANSWERED_BY_THE_SAMPLE = {
    "actor-activities", "actor-timeline", "actors-by-topic", "cancelled-events", "entities-of-kind", "events-between",
    "funding-above", "funding-by-programme", "meeting-attendees", "meetings", "members-not-reporting", "most-attended",
    "municipalities-by-topic", "never-attended", "organisations-by-topic", "person-bodies", "person-meetings",
    "presentations", "project-organisations", "projects-by-programme", "provenance", "region-institutions",
    "regions-by-topic", "representatives", "rising-topics", "role-holders-any", "section-actors",
    "section-line-bodies", "section-line-people", "section-presenters", "topic-contact", "topic-discussions",
    "topic-first-mentioned", "upcoming-events"}


def test_the_queries_the_sample_answers_have_answers_to_compare(pushed):
    answered = {name for name in catalogue() if answers_here_and_there(pushed, name)[0]["answers"]}
    assert answered >= ANSWERED_BY_THE_SAMPLE, sorted(ANSWERED_BY_THE_SAMPLE - answered)


def test_a_second_push_sends_only_what_changed_and_deletes_what_left(tmp_path, monkeypatch):
    with oxigraph_server(tmp_path / "oxigraph") as url:
        check_second_push(f"{url}/query", tmp_path, monkeypatch)


def check_second_push(endpoint: str, tmp_path: Path, monkeypatch) -> None:
    doc = tmp_path / "minutes.txt"
    doc.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(SAMPLE.read_text(encoding="utf-8").replace("Eva Snare", "Eva Snarvik"), encoding="utf-8")
    with Archive(tmp_path / "store", base_iri="https://example.org/push-test/") as a:
        a.ingest([doc, other])
        first = a.push(endpoint)
        assert a.push(endpoint).sent == []
        doc.write_text(SAMPLE.read_text(encoding="utf-8").replace("Eva Snare", "Eva Snorre"), encoding="utf-8")
        a.ingest([doc])
        a.remove(["other.txt"])
        requests = []
        for module in (kg.remote.push, kg.remote.endpoint):
            monkeypatch.setattr(module, "request", lambda method, url, _send=module.request, **kw:
                                requests.append(method) or _send(method, url, **kw))
        second = a.push(endpoint)
        local = {g.value for g in a.store.ox.named_graphs()}
    minutes, gone = (f"https://example.org/push-test/document/{slug(tmp_path.name)}-{n}-txt" for n in ("minutes", "other"))
    entities = "https://example.org/push-test/graph/entities"
    assert {minutes, gone, entities} <= set(first.sent)
    # the changed document with its line spans, and the entities it names; the document that left
    assert (second.sent, second.deleted) == ([minutes, entities], [gone])
    # the manifest read, a PUT of the entities graph, the line spans the server's copies list and one
    # update for the changed document and the one that left, the manifest written: however many
    # line spans the documents have
    assert requests == ["POST", "PUT", "POST", "POST", "PUT"]
    remote = {r["g"].value for r in RemoteStore(endpoint, "").select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")}
    assert {g for g in remote if g.startswith((minutes, gone))} == {g for g in local if g.startswith(minutes)}
    assert remote_graph(endpoint, gone) == set()
    names = {t.object.value for t in remote_graph(endpoint, entities) if t.predicate.value.endswith("/0.1/name")}
    assert "Eva Snorre" in names and "Eva Snare" not in names
    assert remote_graph(endpoint, f"https://example.org/push-test/{MANIFEST_GRAPH}")


def test_cli_asks_and_runs_sparql_on_the_server(pushed):
    archive, endpoint, _ = pushed
    archive.close()  # the CLI opens the store itself
    base = ["--store", str(archive.store.path)]
    local = CliRunner().invoke(main, [*base, "ask", "who represents Fredrikstad", "--json"])
    remote = CliRunner().invoke(main, [*base, "--endpoint", endpoint, "ask", "who represents Fredrikstad", "--json"])
    assert remote.exit_code == 0, remote.output
    assert json.loads(remote.stdout) == json.loads(local.stdout)
    count = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }"
    answers = [CliRunner().invoke(main, [*base, *where, "sparql", count, "--format", "csv"]).stdout
               for where in ([], ["--endpoint", endpoint])]
    assert answers[0] == answers[1] and int(answers[0].split()[-1]) > 20


def test_updates_on_the_server_need_permission(pushed):
    archive, endpoint, _ = pushed
    archive.close()  # the CLI opens the store itself
    base = ["--store", str(archive.store.path), "--endpoint", endpoint]
    insert = "INSERT DATA { GRAPH <urn:x:scratch> { <urn:x:a> <urn:x:b> <urn:x:c> } }"
    refused = CliRunner().invoke(main, [*base, "sparql", insert])
    assert refused.exit_code == 1 and "--allow-update" in refused.stderr
    assert CliRunner().invoke(main, [*base, "sparql", insert, "--allow-update"]).exit_code == 0
    assert remote_graph(endpoint, "urn:x:scratch") == {
        ox.Triple(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.NamedNode("urn:x:c"))}


def test_an_unreachable_server_is_one_clear_error(tmp_path):
    endpoint = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(RemoteError, match=f"cannot reach {endpoint}"):
        RemoteStore(endpoint, "").query("ASK {}")


def test_bound_terms_replace_the_variable_but_not_strings_iris_or_comments():
    query = ('# uses $date\nSELECT ?answer $date WHERE { GRAPH ?g { ?answer <urn:x:$date> "$date" . '
             'FILTER(?start >= $date) } }')
    date = ox.Literal("2022-05-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    bound = bind_terms(query, {"date": date})
    assert bound == ('# uses $date\nSELECT ?answer ("2022-05-01"^^<http://www.w3.org/2001/XMLSchema#date> AS ?date) '
                     'WHERE { GRAPH ?g { ?answer <urn:x:$date> "$date" . '
                     'FILTER(?start >= "2022-05-01"^^<http://www.w3.org/2001/XMLSchema#date>) } }')


def test_a_bound_string_cannot_change_the_query():
    hostile = ox.Literal('x" } } DROP ALL #')
    bound = bind_terms("SELECT ?a $t WHERE { ?a ?p $t }", {"t": hostile})
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:p"), hostile))
    assert [r["a"] for r in store.query(bound)] == [ox.NamedNode("urn:x:a")]
