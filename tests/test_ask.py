"""Questions onto named queries: wordings in both languages, slots, ambiguity, fallback."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ask.catalogue import catalogue, parse_query_file
from kg.errors import QueryError
from tests.conftest import stored_text

TODAY = date(2022, 5, 20)


@pytest.mark.parametrize("question,query", [
    ("which regions work on AI", "regions-by-topic"),
    ("Hvilke regioner jobber med kunstig intelligens?", "regions-by-topic"),
    ("hvilke regionene jobber med KI", "regions-by-topic"),
    ("kva regionar jobbar med kunstig intelligens", "regions-by-topic"),
    ("AI: which regions work on it", "regions-by-topic"),
    ("hva jobber Bærum med?", "actor-activities"),
    ("kven representerer Fredrikstad", "representatives"),
    ("Fredrikstad, who represents it?", "representatives"),
    ("who attended the meeting on 2022-05-20", "meeting-attendees"),
    ("which events were cancelled", "cancelled-events"),
    ("what projects does Mosseregionen have", "actor-activities"),
    ("hvilke prosjekter finansieres av Horizon Europe", "projects-by-programme"),
    ("which bodies did Hasvold represent", "person-bodies"),
    ("who works with Smart Innovation Norway", "works-with"),
    ("hvem jobber med Statens vegvesen", "works-with"),
    ("list all projects", "entities-of-kind"),
])
def test_questions_are_composed(sample_archive, question, query):
    r = sample_archive.ask(question, today=TODAY)
    assert r.query == query, r.why


def test_every_query_declares_what_it_answers():
    for q in catalogue().values():
        assert q.title and q.relations and q.answers, q.name


def test_parameters_are_read_from_the_query_text(tmp_path):
    f = tmp_path / "x.rq"
    f.write_text("# title: T\n# relation: chair\n# answer: person\n# param org: body\n"
                 "SELECT ?answer $org WHERE { ?answer <p> $org }\n", encoding="utf-8")
    q = parse_query_file(f)
    assert q.params == {"org": "body"} and q.relations == ("chair",) and q.answers == ("person",)


def test_a_parameter_that_is_not_projected_is_refused(tmp_path):
    f = tmp_path / "bad.rq"
    f.write_text("SELECT ?answer WHERE { ?answer <p> $org }\n", encoding="utf-8")
    with pytest.raises(QueryError, match=r"list \$org after SELECT"):
        parse_query_file(f)


def labels(result):
    return {a.label for a in result.answers}


def test_same_answers_in_norwegian_and_english(sample_archive):
    en = sample_archive.ask("which regions work on AI", today=TODAY)
    nb = sample_archive.ask("hvilke regioner jobber med kunstig intelligens", today=TODAY)
    nn = sample_archive.ask("kva regionar jobbar med KI", today=TODAY)
    assert labels(en) == labels(nb) == labels(nn) == {"Søndre Viken"}


def test_typo_in_a_name(sample_archive):
    r = sample_archive.ask("who represents Fredrikstd", today=TODAY)
    assert r.query == "representatives" and len(r.answers) == 3
    assert any("spelling" in w for w in r.why)


def test_meeting_attendees(sample_archive):
    r = sample_archive.ask("who attended the meeting on 2022-05-20", today=TODAY)
    assert len(r.answers) == 23
    assert r.answers[0].evidence


def test_presenter_and_works_with(sample_archive):
    assert labels(sample_archive.ask("who presented on digitalisering", today=TODAY)) == {"Elisabet Syverud"}
    assert "Bærum" in labels(sample_archive.ask("hvem samarbeider med Statens vegvesen", today=TODAY))


def test_explain_names_the_parts_query_and_bindings(sample_archive):
    r = sample_archive.ask("which projects are funded by Horizon Europe", today=TODAY)
    assert r.query == "projects-by-programme"
    assert r.why[0] == "read: answer: project; relation: fund ('funded'); argument 'Horizon Europe'"
    assert "programme = Horizon Europe (programme by name)" in r.why
    assert "$programme" in r.sparql


def test_a_name_not_found_is_said_with_the_nearest_and_search_hits_kept_apart(sample_archive):
    r = sample_archive.ask("which projects are funded by Horizon Asia", today=TODAY)
    assert r.query is None and r.answers == []
    assert any(w.startswith("not understood:") and "'Horizon Asia' not found; nearest: Horizon Europe" in w
               for w in r.why), r.why
    d = r.to_json()
    assert d["answers"] == [] and isinstance(d["search"], list)
    assert d["not_understood"] == "not understood: 'Horizon Asia' not found; nearest: Horizon Europe"


def test_search_hits_are_never_answers(sample_archive):
    r = sample_archive.ask("hvem eier Ekornvik Fabrikker", today=TODAY)
    assert r.query is None and r.answers == [] and r.search is not None


KINDS_TOGETHER = """\
## Referat fra møte i Fjordbyrådet

Tid: Torsdag 4. september 2025 kl. 10.00

## Sak 1/25 Runden

### Larvik:

Larvik jobber med hydrogen til fergene.

### Fjordheimregionen:

Fjordheimregionen jobber med hydrogen i havnene, sammen med Fjordgass AS.
"""


def test_kinds_asked_together_answer_each_kind_and_no_other(tmp_path):
    archive = stored_text(tmp_path, "fjordbyradet-2025-09-04.md", KINDS_TOGETHER)
    got = {(a.label, a.kind) for a in archive.ask("Which municipalities and regions work on hydrogen?").answers}
    assert {("Larvik", "municipality"), ("Fjordheimregionen", "region")} <= got
    assert {kind for _, kind in got} == {"municipality", "region"}
