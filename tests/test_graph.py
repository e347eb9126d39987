"""The networkx projection and its analytics and exports, on tests/data/network."""

from __future__ import annotations

import csv

import pytest

from kg.errors import NotFound
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


def test_region_members_from_the_lexicon_only_on_request_and_marked(network):
    hood = network.network_with(lexicon=True).neighbours("Hadeland")
    assert labels(n for n, _ in hood.nodes) == ["Gran"]
    assert hood.edges[0].relations == ["has member (lexicon)"]
    with pytest.raises(NotFound):   # the minutes never name Hadeland
        network.network.neighbours("Hadeland")
    assert "Hadeland" not in {m.label for c in network.network.communities().groups for m in c.members}
    assert "Hadeland" not in labels(n for n, _ in network.network.rank(limit=1000).rows)


def test_neighbours_by_depth(network):
    net = network.network_with(lexicon=True)
    one = net.neighbours("Hadeland", 1)
    two = net.neighbours("Hadeland", 2)
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
    with_lexicon = {m.label: c for c in network.network_with(lexicon=True).communities().groups for m in c.members}
    assert with_lexicon["Gran"] is with_lexicon["Hadeland"]
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
    with pytest.raises(NotFound):
        network.network.neighbours("Atlantis")


def test_show_neighbours_timeline_and_path_state_the_same_facts(network):
    """Every view of a thing reads the one projection: same relations, same words, same other things."""
    net = network.network
    for entity in network.entities():
        if entity.id not in net.graph:
            assert network.show(entity.label, entity.kind).facts == []
            continue
        shown = {(f.predicate, f.object) for f in network.show(entity.id).facts}
        hood = net.neighbours(entity.id)
        near = {(words, e.target.id) for e in hood.edges if e.source.id == entity.id for words in e.relations}
        dated = {(words, e.target.id) for _, e in net.timeline(entity.id).entries for words in e.relations}
        assert shown == near == dated, entity.label
        for other, _ in hood.nodes[:3]:
            link = net.path(entity.id, other.id, through_topics=True).edges
            assert len(link) == 1 and {(w, other.id) for w in link[0].relations} <= shown


def test_relations_read_in_the_direction_of_the_thing_shown(network):
    net = network.network
    facts = {(f.predicate, f.object_label) for f in network.show("Per Haugen").facts}
    assert ("represents", "Lillestrøm") in facts
    assert ("represented by", "Per Haugen") in {(f.predicate, f.object_label) for f in network.show("Lillestrøm").facts}
    owner = next(e for e in net.neighbours("Smart Fornebu").edges if "owned by" in e.relations)
    assert owner.target.label == "Bærum"
    assert "owns" in next(e for e in net.neighbours("Bærum").edges
                          if (e.source.label, e.target.label) == ("Bærum", "Smart Fornebu")).relations
    text = net.timeline("Lillestrøm").to_text()
    assert "represented by Per Haugen" in text and "represents Per Haugen" not in text


def test_no_raw_property_names_in_any_view(network):
    from kg.graph.projection import WORDS

    readable = {w for pair in WORDS.values() for w in pair}
    for _, _, d in network.network.graph.edges(data=True):
        for relation in d["facts"]:
            for words in (relation.forward, relation.backward):
                assert words in readable or words.endswith(" in") or words.startswith("has "), words


def test_a_role_is_a_relation_in_every_view(sample_archive):
    net = sample_archive.network
    assert ("sekretariatsleder in", "Drammensregionen") in {
        (f.predicate, f.object_label) for f in sample_archive.show("Dag Arnesen").facts}
    assert [n.label for n, _ in net.neighbours("Dag Arnesen").nodes] == ["Drammensregionen"]
    assert "sekretariatsleder in Drammensregionen" in net.timeline("Dag Arnesen").to_text()
