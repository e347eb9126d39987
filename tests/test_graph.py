"""The networkx projection and its analytics and exports, on tests/data/network."""

from __future__ import annotations

import csv
import shutil

import pytest

from kg.graph import analytics
from kg.graph.projection import projection, store_version

from tests.conftest import NETWORK



def labels(nodes):
    return [n.label for n in nodes]


def test_projection_is_cached_per_store_version(network, tmp_path):
    g = projection(network.store)
    cached = list((network.store.path / "graph").glob("projection-*.pickle"))
    assert [p.name for p in cached] == [f"projection-{store_version(network.store)}.pickle"]
    assert projection(network.store).number_of_edges() == g.number_of_edges()
    extra = tmp_path / "extra"
    extra.mkdir()
    # changed by a line: the same content again would be refused as a copy
    (extra / "copy.txt").write_text((NETWORK / "2021-03-12_naering.txt").read_text(encoding="utf-8") + "\n",
                                    encoding="utf-8")
    before = store_version(network.store)
    network.ingest([extra])
    try:
        assert store_version(network.store) != before
    finally:
        network.remove(["copy.txt"])
    assert store_version(network.store) == before


def test_path_has_evidence_on_every_link(network):
    p = network.network.path("Gran", "Høgskolen i Østfold")
    assert p.edges[0].source.label == "Gran" and p.edges[-1].target.label == "Høgskolen i Østfold"
    assert all(a.target.id == b.source.id for a, b in zip(p.edges, p.edges[1:]))
    assert all(e.evidence and e.evidence[0].text for e in p.edges)


def test_region_members_from_the_lexicon_are_linked(network):
    hood = network.network.neighbours("Hadeland")
    assert labels(n for n, _ in hood.nodes) == ["Gran"]
    assert "has member" in hood.edges[0].relations


def test_neighbours_by_depth(network):
    one = network.network.neighbours("Hadeland", 1)
    two = network.network.neighbours("Hadeland", 2)
    assert {d for _, d in two.nodes} == {1, 2}
    assert {"Jonas Dahl", "bredbånd", "kunstig intelligens", "landbruk"} <= set(labels(n for n, d in two.nodes if d == 2))
    assert len(two.nodes) > len(one.nodes)


def test_rank(network):
    net = network.network
    assert labels(n for n, _ in net.rank("degree", "person", 2).rows) == ["Kari Nordmann", "Ingrid Lie"]
    pr = analytics.pagerank(net.graph)
    assert abs(sum(pr.values()) - 1) < 1e-6
    top = net.rank("pagerank", "municipality", 1).rows[0][0]
    assert top.label == "Bærum"
    assert all(n.kind == "region" for n, _ in net.rank("betweenness", "region").rows)


def test_coattendance(network):
    rows = network.network.coattendance(3).rows
    assert [(a.label, b.label, w) for a, b, w in rows] == [
        ("Ingrid Lie", "Kari Nordmann", 5), ("Ingrid Lie", "Øyvind Såtvedt", 5), ("Kari Nordmann", "Øyvind Såtvedt", 5)]


def test_communities_name_their_shared_topics(network):
    groups = network.network.communities().groups
    by_member = {m.label: c for c in groups for m in c.members}
    assert by_member["Gran"] is by_member["Hadeland"]
    sondre = by_member["Søndre Viken"]
    assert by_member["Fredrikstad"] is sondre and ("hydrogen", 2) in sondre.topics


def test_timeline_is_dated(network):
    t = network.network.timeline("Per Haugen")
    assert [(d, e.target.label, e.relations) for d, e in t.entries if "represents" in e.relations] == [
        ("2021-03-12", "Lillestrøm", ["represents"]), ("2023-03-10", "Romerike", ["represents"])]
    assert [d for d, _ in t.entries] == sorted(d for d, _ in t.entries)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back(network, tmp_path, fmt):
    import networkx as nx

    out = tmp_path / f"net.{fmt}"
    network.network.export(fmt, out, around="Bærum")
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    labels_kinds = {(d["label"], d["kind"]) for _, d in g.nodes(data=True)}
    assert ("Bærum", "municipality") in labels_kinds and ("Smart Fornebu", "project") in labels_kinds
    assert all("relations" in d and float(d["weight"]) >= 1 for _, _, d in g.edges(data=True))
    assert len(g) == 1 + len(network.network.neighbours("Bærum").nodes)


def test_csv_node_and_edge_lists(network, tmp_path):
    nodes, edges = network.network.export("csv", tmp_path / "net.csv")
    node_rows = list(csv.DictReader(open(nodes, encoding="utf-8")))
    edge_rows = list(csv.DictReader(open(edges, encoding="utf-8")))
    g = network.network.graph
    assert len(node_rows) == len(g) and len(edge_rows) == g.number_of_edges()
    row = next(r for r in edge_rows if {r["source_label"], r["target_label"]} == {"Asker", "Bærum"})
    assert row["relations"] == "works with" and "datadeling" in row["evidence"]


def test_unknown_name_is_an_error(network):
    from kg.errors import NotFound

    with pytest.raises(NotFound):
        network.network.neighbours("Atlantis")
