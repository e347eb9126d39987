"""Questions onto named queries: wordings in both languages, slots, ambiguity, fallback."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ask.catalogue import catalogue, parse_query_file
from kg.ask.questions import readings
from kg.errors import QueryError

TODAY = date(2022, 5, 20)


@pytest.mark.parametrize("question,query", [
    ("which regions work on AI", "regions-by-topic"),
    ("Hvilke regioner jobber med kunstig intelligens?", "regions-by-topic"),
    ("hvilke regionene jobber med KI", "regions-by-topic"),
    ("kva regionar jobbar med kunstig intelligens", "regions-by-topic"),
    ("hvilke kommuner jobber med klima", "municipalities-by-topic"),
    ("kva kommunane jobbar med klima", "municipalities-by-topic"),
    ("hva jobber Bærum med?", "actor-activities"),
    ("kven representerer Fredrikstad", "representatives"),
    ("who attended the meeting on 2022-05-20", "meeting-attendees"),
    ("which events were cancelled", "cancelled-events"),
])
def test_wordings(question, query):
    assert query in [r.query.name for r in readings(question)]


def test_every_query_has_wordings_in_both_languages():
    for q in catalogue().values():
        assert q.title and q.patterns, q.name
        assert any(p.lower().startswith(("which", "who", "what", "upcoming", "events", "cancelled")) for p in q.patterns), q.name
        assert any(p.lower().startswith(("hvilke", "hvem", "hva", "kva", "kven", "kommende", "komande",
                                         "arrangementer", "avlyste")) for p in q.patterns), q.name


def test_parameters_are_read_from_the_query_text(tmp_path):
    f = tmp_path / "x.rq"
    f.write_text("# title: T\n# ask: who leads {org}\n# param org: body\nSELECT ?answer $org WHERE { ?answer <p> $org }\n",
                 encoding="utf-8")
    q = parse_query_file(f)
    assert q.params == {"org": "body"} and q.patterns == ("who leads {org}",)


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


def test_explain_names_query_and_bindings(sample_archive):
    r = sample_archive.ask("which projects are funded by Horizon Europe", today=TODAY)
    assert r.query == "projects-by-programme"
    assert "programme = Horizon Europe (programme by name)" in r.why
    assert "$programme" in r.sparql


def test_unfit_question_falls_back_to_search(sample_archive):
    r = sample_archive.ask("fortell om atomreaktorer", today=TODAY)
    assert r.query is None and r.search is not None
    assert [a.label for a in r.answers][:1] == ["Søndre Viken"]
