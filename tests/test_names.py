"""Names as people type them: family name alone, given + family name, a body's short name."""

from __future__ import annotations

import pytest

from kg.api import Archive, EntityInfo
from kg.errors import Ambiguous, NotFound
from kg.resolve.typed import typed_forms

MINUTES = """
Dato: 4.2.22

## Referat møte i Vestfjordens faggruppe Reiseliv

Tid: Fredag 4. februar kl. 0900-1100

### Frammøtte:

NAVN	KOMMUNE / REGION
Sigrid Marie Aasen	Bærum
Tor Aasen	Asker
Lene Kristin Moe	Drammen

## Saksliste

- 1. Runden – hva skjer i regionene?**

### Bærum:

Jobber med reiseliv langs fjorden.
"""


@pytest.fixture(scope="module")
def fjord(tmp_path_factory) -> Archive:
    folder = tmp_path_factory.mktemp("minutes")
    (folder / "moete.txt").write_text(MINUTES, encoding="utf-8")
    a = Archive(tmp_path_factory.mktemp("store") / "store")
    assert not a.ingest([folder]).skipped
    return a


def test_short_forms():
    assert typed_forms("Lene Kristin Moe", "person") == {"moe", "lene moe"}
    assert typed_forms("Osloregionens faggruppe Næringssamarbeidet", "organisation") == {"osloregionen"}
    assert typed_forms("Bærum", "municipality") == set()
    assert typed_forms("Smart Fornebu", "project") == set()


def test_a_family_name_alone_or_without_middle_names(fjord):
    assert fjord.show("Moe").entity.label == "Lene Kristin Moe"
    assert fjord.show("Lene Moe").entity.label == "Lene Kristin Moe"
    assert fjord.show("Sigrid Aasen").entity.label == "Sigrid Marie Aasen"
    assert fjord.network.neighbours("Moe").centre.label == "Lene Kristin Moe"
    assert fjord.run_query("representatives", {"body": "Drammen"}).answers[0].label == "Lene Kristin Moe"


def test_a_family_name_two_people_share_lists_both(fjord):
    with pytest.raises(Ambiguous) as e:
        fjord.show("Aasen")
    assert e.value.candidates == ["Sigrid Marie Aasen", "Tor Aasen"] and "full name" in str(e.value)


def test_a_body_by_its_short_name_when_only_one_fits(archive, monkeypatch):
    things = [EntityInfo("x:1", "Vestfjordens faggruppe Reiseliv", "organisation", [], []),
              EntityInfo("x:2", "Vestfjordens sekretariat", "organisation", [], []),
              EntityInfo("x:3", "Nordfjordens faggruppe Klima", "organisation", [], [])]
    monkeypatch.setattr(archive, "entities", lambda kind=None: things)
    assert archive.find_entity("Nordfjorden").label == "Nordfjordens faggruppe Klima"
    with pytest.raises(Ambiguous) as e:
        archive.find_entity("Vestfjorden")
    assert e.value.candidates == ["Vestfjordens faggruppe Reiseliv", "Vestfjordens sekretariat"]
    with pytest.raises(NotFound):
        archive.find_entity("Sørfjorden")


def test_a_question_slot_takes_the_short_form(fjord):
    assert fjord.runner.slots.fill("person", "Moe").label == "Lene Kristin Moe"


def test_curation_of_a_name_not_in_the_graph_asks_for_force(fjord):
    from click.testing import CliRunner

    from kg.cli import main

    store = str(fjord.store.path)
    fjord.close()
    r = CliRunner().invoke(main, ["--store", store, "merge", "Nobody", "Tor Aasen"])
    assert r.exit_code == 1 and "not in the graph: Nobody" in r.stderr and "--force" in r.stderr
    assert not (fjord.store.path / "curation.txt").exists()
    r = CliRunner().invoke(main, ["--store", store, "distinct", "Nobody", "Tor Aasen", "--force"])
    assert r.exit_code == 0 and "warning: 'Nobody' is not in the graph" in r.stderr
    assert (fjord.store.path / "curation.txt").read_text(encoding="utf-8").splitlines()[-1] == \
        'distinct "Nobody" "Tor Aasen"'


def test_names_of_things_complete_in_the_shell(fjord, monkeypatch):
    from click.shell_completion import ShellComplete

    from kg.cli import main

    monkeypatch.setenv("KG_STORE", str(fjord.store.path))
    fjord.close()
    done = ShellComplete(main, {}, "kg", "_KG_COMPLETE").get_completions(["show"], "Lene")
    assert [c.value for c in done] == ["Lene Kristin Moe"]
    done = ShellComplete(main, {}, "kg", "_KG_COMPLETE").get_completions(["path", "Bærum"], "As")
    assert [c.value for c in done] == ["Asker", "Asker kommune"]  # the label, then the alias the resolver gives


def test_views_follow_a_curation_decision(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "moete.txt").write_text(MINUTES, encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([folder])
        assert a.network.neighbours("Tor Aasen").nodes   # the projection is built and cached
        a.decide('merge "Tor Aasen" into "Lene Kristin Moe"')
        facts = {(f.predicate, f.object_label) for f in a.show("Lene Kristin Moe").facts}
    assert {("represents", "Asker"), ("represents", "Drammen")} <= facts


def test_a_known_body_answers_with_every_name_the_lexicon_knows_it_by(tmp_path):
    """The minutes write "Hdir"; the answer shows that and the names a reader may look for it by."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    (folder / "moete.txt").write_text(MINUTES + "\n### Asker:\n\nJobber med velferdsteknologi sammen med Hdir.\n",
                                      encoding="utf-8")
    with Archive(tmp_path / "store") as a:
        a.ingest([folder])
        answers = a.ask("Which institutions work on welfare technology?").answers
        hdir = next(x for x in answers if x.label == "Helsedirektoratet")
    assert {"Hdir", "Norwegian Directorate of Health"} <= set(hdir.aliases)
