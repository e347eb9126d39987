"""The tables kept beside the store (kg.ask.tables): written at ingest, rebuilt when missing or stale."""

from __future__ import annotations

from datetime import date

import pytest

from kg.api import Archive
from kg.ask.slots import EntityIndex
from kg.ask.tables import TABLES_FILE, Tables, build, build_names, stamp, tables

MEETING = """
Dato: 9.3.23

## Referat møte i Fjellregionens faggruppe Energi

Tid: Torsdag 9. mars kl. 1000-1200

### Frammøtte:

NAVN	KOMMUNE / REGION
Ingrid Sofie Haugland	Tynset
Per Arne Lillevik	Røros

## Saksliste

- 1. Runden – hva skjer i kommunene?**

### Tynset:

Jobber med solkraft på taket av rådhuset.
"""

SECOND = """
Dato: 14.4.23

## Referat møte i Fjellregionens faggruppe Energi

Tid: Fredag 14. april kl. 1000-1200

### Frammøtte:

NAVN	KOMMUNE / REGION
Oddny Brekke	Os

## Saksliste

- 1. Runden – hva skjer i kommunene?**

### Os:

Jobber med vindkraft.
"""


@pytest.fixture
def mountains(tmp_path) -> Archive:
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "mars.txt").write_text(MEETING, encoding="utf-8")
    a = Archive(tmp_path / "store")
    assert not a.ingest([folder]).skipped
    return a


def read_table(a: Archive) -> list[dict]:
    return Tables.open(a.store.path / TABLES_FILE).rows()


def test_the_ingest_writes_the_tables(mountains):
    names = {row["label"]: row for row in read_table(mountains)}
    person = names["Ingrid Sofie Haugland"]
    assert person["kinds"] == ["person"]
    assert set(person["typed"]["person"]) == {"haugland", "ingrid haugland"}
    assert names["Tynset"]["kinds"][0] == "municipality"


def test_the_table_holds_what_the_graph_says(mountains):
    """Read from the file or built by SPARQL, the same rows."""
    key = (lambda rows: sorted(rows, key=lambda r: r["iri"]))
    assert key(tables(mountains.store).rows()) == key(build_names(mountains.store))


def test_a_deleted_table_is_rebuilt_and_the_question_still_answered(mountains):
    (mountains.store.path / TABLES_FILE).unlink()
    reader = Archive(mountains.store.path, read_only=True)
    assert reader.run_query("person-bodies", {"person": "Haugland"}).params["person"] == "Ingrid Sofie Haugland"
    assert (mountains.store.path / TABLES_FILE).exists()


def test_an_unreadable_table_is_rebuilt(mountains):
    (mountains.store.path / TABLES_FILE).write_text("{not json", encoding="utf-8")
    assert any(row["label"] == "Per Arne Lillevik" for row in tables(mountains.store).rows())


def test_a_table_older_than_the_store_is_not_believed(mountains, tmp_path):
    """A store changed behind the table's back (here: the table of before the second meeting put back)."""
    before = (mountains.store.path / TABLES_FILE).read_bytes()
    (tmp_path / "april").mkdir()
    (tmp_path / "april" / "april.txt").write_text(SECOND, encoding="utf-8")
    mountains.ingest([tmp_path / "april"])
    assert any(row["label"] == "Oddny Brekke" for row in read_table(mountains))
    (mountains.store.path / TABLES_FILE).write_bytes(before)
    mountains.close()
    reader = Archive(mountains.store.path, read_only=True)
    assert reader.run_query("person-bodies", {"person": "Oddny Brekke"}).params["person"] == "Oddny Brekke"


def test_removing_a_document_takes_its_names_out_of_the_table(mountains):
    mountains.remove(["mars.txt"])
    assert not any(row["label"] == "Ingrid Sofie Haugland" for row in read_table(mountains))


def test_a_curation_decision_is_seen_even_by_a_table_written_before_it(mountains):
    """A decision rewrites documents whose text did not change: the table of before it is not believed."""
    before = (mountains.store.path / TABLES_FILE).read_bytes()
    mountains.decide('rename "Per Arne Lillevik" to "Per A. Lillevik"')
    (mountains.store.path / TABLES_FILE).write_bytes(before)
    labels = {row["label"] for row in tables(mountains.store).rows()}
    assert "Per A. Lillevik" in labels and "Per Arne Lillevik" not in labels


def test_the_tables_keep_the_last_meeting(mountains, tmp_path):
    assert tables(mountains.store).last_meeting() == date(2023, 3, 9)
    (tmp_path / "april").mkdir()
    (tmp_path / "april" / "april.txt").write_text(SECOND, encoding="utf-8")
    mountains.ingest([tmp_path / "april"])
    assert tables(mountains.store).last_meeting() == date(2023, 4, 14)


def test_every_write_to_the_graph_makes_a_new_generation(mountains):
    """What stamps the tables: a write the tables were not rewritten after leaves them stale."""
    before = mountains.store.generation()
    mountains.store.update("INSERT DATA { <https://example.org/x> <https://example.org/y> 1 }")
    assert mountains.store.generation() not in ("", before)
    assert tables(mountains.store).stamp() == stamp(mountains.store)


def test_a_misspelt_name_is_found_among_the_names_of_its_length(mountains):
    """The spelling lookup reads only the things with a name of about that length, and finds the same."""
    index = EntityIndex(tables(mountains.store), None)
    found, how = index.find("Lillevk", ("person",))
    assert [e.label for e in found] == ["Per Arne Lillevik"] and how.startswith("spelling")
    assert index.find("Per Arne Lillevikkk", None)[0][0].label == "Per Arne Lillevik"


def fact_rows(table: Tables) -> tuple[set, set, set, dict]:
    """The fact, group, document and evidence rows of tables, by IRI (their numbering differs between builds)."""
    iri = "(SELECT full_iri(iri) FROM terms WHERE id = {})".format
    facts = set(table.db.execute(f"SELECT {iri('p')}, {iri('o')}, {iri('s')}, {iri('span')}, {iri('g')} FROM facts"))
    groups = set(table.db.execute(f"SELECT {iri('t')}, {iri('rel')}, {iri('grp')}, {iri('member')}, {iri('g')} "
                                  "FROM groups"))
    return facts, groups, table.documents(), table.evidence(sorted({span for _, _, _, span, _ in facts}))


def test_the_tables_quote_each_fact_as_the_graph_does(mountains, tmp_path):
    """What an answer quotes of a line span, from the tables, is what the graph's evidence query gives."""
    import pyoxigraph as ox

    from kg.ask.runner import EVIDENCE

    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "mai.txt").write_text(CLUSTER, encoding="utf-8")
    mountains.ingest([tmp_path / "more"])
    facts, _, _, kept = fact_rows(Tables.open(mountains.store.path / TABLES_FILE))
    spans = sorted({span for _, _, _, span, _ in facts})
    graph = {r["fact"].value: (r["doc"].value, r["title"].value, int(r["ls"].value), int(r["le"].value), r["quote"].value)
             for r in mountains.store.select(EVIDENCE % " ".join(f"<{s}>" for s in spans))}
    assert len(spans) > 3 and kept == graph
    assert {file for file, *_ in kept.values()} == {"minutes/mars.txt", "more/mai.txt"}


def name_rows(table: Tables) -> list[tuple]:
    """Every name a thing is looked up by, with its thing (the rows' numbering differs between builds)."""
    return sorted(table.db.execute("SELECT name, how, kind, length, iri FROM names JOIN things USING (n)"),
                  key=str)


def same_as_rebuilt(a: Archive) -> bool:
    """The tables the ingest kept hold what a build from the whole graph holds, in the same order."""
    kept = Tables.open(a.store.path / TABLES_FILE)
    rebuilt = Tables.of_contents(build(a.store, facts=True))
    return (fact_rows(kept) == fact_rows(rebuilt) and kept.rows() == rebuilt.rows()
            and name_rows(kept) == name_rows(rebuilt) and kept.names(0, 99) == rebuilt.names(0, 99)
            and kept.last_meeting() == rebuilt.last_meeting() and kept.stamp() == stamp(a.store))


CLUSTER = """
Dato: 2.5.23

## Referat møte i Fjellregionens faggruppe Energi

### Frammøtte:

NAVN	KOMMUNE / REGION
Oddny Brekke	Os

## Saksliste

- 1. Runden – hva skjer i kommunene?**

### Os:

Har en klynge for vindkraft med Tynset og Røros. Prosjektet Fjellvind om vindkraft har SINTEF som partner.
"""


def test_an_ingest_reads_the_facts_of_only_the_documents_it_writes(mountains, tmp_path, monkeypatch):
    from kg.ask import tables as module

    read = []
    monkeypatch.setattr(module, "facts_of", lambda store, g, f=module.facts_of: read.append(g) or f(store, g))
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "april.txt").write_text(SECOND, encoding="utf-8")
    (tmp_path / "more" / "mai.txt").write_text(CLUSTER, encoding="utf-8")
    mountains.ingest([tmp_path / "more"])
    assert len(read) == 2 and mountains.store.document_graph("minutes/mars.txt") not in read
    assert same_as_rebuilt(mountains)
    kept = Tables.open(mountains.store.path / TABLES_FILE)
    assert kept.groups(mountains.store.iri("topic/vindkraft"), "http://www.w3.org/ns/org#hasMember")


def test_an_ingest_reads_the_names_of_only_the_things_its_documents_name(mountains, tmp_path, monkeypatch):
    """The name table is kept as the facts are: what the new document names is read, nothing else."""
    from kg.ask import tables as module

    read = []
    monkeypatch.setattr(module, "names_of", lambda store, things, f=module.names_of: read.extend(things) or f(store, things))
    monkeypatch.setattr(module, "build_names", lambda store: pytest.fail("the whole name table read again"))
    (tmp_path / "april").mkdir()
    (tmp_path / "april" / "april.txt").write_text(SECOND, encoding="utf-8")
    mountains.ingest([tmp_path / "april"])
    store = mountains.store
    assert store.iri("person/oddny-brekke") in read and store.iri("person/ingrid-sofie-haugland") not in read
    monkeypatch.undo()
    assert same_as_rebuilt(mountains)


def test_a_reingested_document_has_its_new_facts_only(mountains, tmp_path):
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "mai.txt").write_text(CLUSTER, encoding="utf-8")
    mountains.ingest([tmp_path / "more"])
    (tmp_path / "more" / "mai.txt").write_text(CLUSTER.replace("vindkraft", "solkraft"), encoding="utf-8")
    mountains.ingest([tmp_path / "more"])
    assert same_as_rebuilt(mountains)
    kept = Tables.open(mountains.store.path / TABLES_FILE)
    assert not kept.groups(mountains.store.iri("topic/vindkraft"), "http://www.w3.org/ns/org#hasMember")


def test_a_removed_document_takes_its_facts_out(mountains, tmp_path):
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "mai.txt").write_text(CLUSTER, encoding="utf-8")
    mountains.ingest([tmp_path / "more"])
    mountains.remove(["mai.txt"])
    assert same_as_rebuilt(mountains)
    assert not fact_rows(Tables.open(mountains.store.path / TABLES_FILE))[1]


def test_tables_behind_the_store_are_rebuilt_whole(mountains, tmp_path, monkeypatch):
    """A crash between a write and the tables leaves them stale: the next ingest reads every document."""
    from kg.ask import tables as module

    mountains.store.update("INSERT DATA { <https://example.org/x> <https://example.org/y> 1 }")  # as a crash would
    read = []
    monkeypatch.setattr(module, "facts_of", lambda store, g, f=module.facts_of: read.append(g) or f(store, g))
    (tmp_path / "april").mkdir()
    (tmp_path / "april" / "april.txt").write_text(SECOND, encoding="utf-8")
    mountains.ingest([tmp_path / "april"])
    assert len(read) == 2 and same_as_rebuilt(mountains)


def test_a_document_left_half_written_makes_the_next_ingest_rebuild_the_tables(mountains, tmp_path, monkeypatch):
    """A crash in the middle of writing a document leaves its marker: its rows cannot be trusted."""
    from kg.ask import tables as module

    mountains.store.mark_pending("minutes/mars.txt")
    read = []
    monkeypatch.setattr(module, "facts_of", lambda store, g, f=module.facts_of: read.append(g) or f(store, g))
    (tmp_path / "april").mkdir()
    (tmp_path / "april" / "april.txt").write_text(SECOND, encoding="utf-8")
    mountains.ingest([tmp_path / "april"])
    assert len(read) == 2 and not mountains.store.pending() and same_as_rebuilt(mountains)


def test_a_documents_rows_read_from_its_quads_are_those_read_from_the_store(mountains):
    """The workers read a document's table rows from the quads they made (OneDocument), not from the store."""
    import pyoxigraph as ox

    from kg.ask.tables import OneDocument, document_graphs, rows_of

    store = mountains.store
    for graph in document_graphs(store):
        spans = {q.subject for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
                 if q.object.value.endswith("#Evidence")}
        quads = [q for g in (ox.NamedNode(graph), *spans) for q in store.ox.quads_for_pattern(None, None, None, g)]
        from_quads, from_store = rows_of(OneDocument(quads), graph), rows_of(store, graph)
        assert {t: sorted(r) for t, r in from_quads.items()} == {t: sorted(r) for t, r in from_store.items()}
        assert from_store["facts"] and from_store["attendance"]


def test_an_ingest_that_stops_leaves_the_tables_as_they_were(mountains, tmp_path, monkeypatch):
    from kg.ingest import pipeline

    before = (mountains.store.path / TABLES_FILE).read_bytes()
    monkeypatch.setattr(pipeline.Ingestor, "_settle", lambda self, tell: (_ for _ in ()).throw(KeyboardInterrupt))
    (tmp_path / "april").mkdir()
    (tmp_path / "april" / "april.txt").write_text(SECOND, encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        mountains.ingest([tmp_path / "april"])
    assert (mountains.store.path / TABLES_FILE).read_bytes() == before
    assert not list(mountains.store.path.glob(".*.tmp"))


def test_a_reader_rebuilding_the_tables_leaves_an_ingests_rewrite_alone(mountains):
    """Each rewrite writes a file of its own: a reader that rebuilt stale tables while an ingest was
    writing took the ingest's file, and the ingest failed ("attempt to write a readonly database")."""
    from kg.ask.tables import Rewrite

    ingest = Rewrite(mountains.store, Tables.open(mountains.store.path / TABLES_FILE))
    reader = Rewrite(mountains.store)
    assert reader.tmp != ingest.tmp
    reader.finish()
    assert ingest.finish().stamp() == stamp(mountains.store)
    assert not list(mountains.store.path.glob(".*.tmp"))


def test_a_rewrite_left_by_a_process_that_ended_is_removed(mountains):
    from kg.ask.tables import Rewrite

    left = mountains.store.path / f".{TABLES_FILE}.999999999-0a1b2c3d.tmp"  # no such process
    shared = mountains.store.path / f".{TABLES_FILE}.tmp"  # the one name older kgs used
    left.write_bytes(b"")
    shared.write_bytes(b"")
    Rewrite(mountains.store).finish()
    assert not left.exists() and not shared.exists()
