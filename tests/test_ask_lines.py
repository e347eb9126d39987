"""Answers read from the lines a question's free words match (kg.ask.lines, section-line-*.rq).

Words that name no topic or thing in the graph find sections through the search index; the
answer is what the matching lines of those sections state, not everything the section names.
The minutes are written for these tests: two agenda items, each a list whose items name
different people and bodies.
"""

from __future__ import annotations

import pytest

from kg.api import Archive
from tests.conftest import ingested_text, stored_text

MINUTES = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 7. mai 2024 kl. 10.00

### Til stades
- Tora Lid, Stord kommune
- Sverre Nes, Bømlo kommune

### Sak 8/24 Orienteringar
- a) Kystlaget. Ragnhild Strand la fram planane for ei ny
  naustrekke ved hamna.
- b) Ungdomsrådet. Petter Aas fortalde om arbeidet med ein skatepark i sentrum.

### Sak 9/24 Orienteringar frå kommunane
- Stord: Sjøfisk AS opnar eit nytt fiskemottak på kaia, og Bømlo vil vere med på opninga.
- Bømlo: Bømlo Kraft AS byggjer eit nytt kraftverk i Storelva og har fått kr 500 000 i tilskot.

### Sak 10/24 Vegsamarbeid
Vedtak:
1. Fitjar og Tysnes vert inviterte inn i arbeidet. Kvinnherad kommune får tilbod om å vere observatør.
2. Etne kommune sender eit notat om ferjekaia.
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "fjordradet-2024-05-07.md", MINUTES)


@pytest.mark.parametrize("question, query, expected", [
    ("Kven la fram naustrekka?", "section-line-people", ["Ragnhild Strand"]),
    ("Kven fortalde om skateparken?", "section-line-people", ["Petter Aas"]),
    ("Kva kommune fortalde om fiskemottaket?", "section-line-bodies", ["Stord"]),
    ("Kva kommune orienterte om kraftverket?", "section-line-bodies", ["Bømlo"]),
    ("Hvilke selskaper jobber med fiskemottak?", "section-line-bodies", ["Sjøfisk AS"]),
    # a name the minutes write that nothing was made of is searched for, not "not found"
    ("Which municipality works on Storelva?", "section-line-bodies", ["Bømlo"]),
])
def test_the_answer_is_what_the_matching_line_names(archive, question, query, expected):
    """Each section names two people or two bodies; only the line the words stand on answers."""
    r = archive.ask(question)
    assert r.query == query, r.why
    assert [a.label for a in r.answers] == expected


def test_a_list_item_is_read_whole_even_on_one_line(archive):
    """A numbered point of a decision is one unit: its second sentence answers too, the next point does not."""
    r = archive.ask("Kva kommunar er inviterte inn i arbeidet med vegsamarbeidet?")
    assert r.query == "section-line-bodies", r.why
    assert sorted(a.label for a in r.answers) == ["Fitjar", "Kvinnherad", "Tysnes"]


def test_a_body_the_report_only_speaks_of_is_not_the_reporter(archive):
    """Stord's report names Bømlo, on the very line about the fish landing site: Stord reported it."""
    r = archive.ask("Kva kommunar fortalde om fiskemottaket?")
    assert [a.label for a in r.answers] == ["Stord"]


def test_the_answer_quotes_its_line_and_explain_shows_the_lines_chosen(archive):
    r = archive.ask("Kven la fram naustrekka?")
    (answer,) = r.answers
    (evidence,) = answer.evidence
    assert evidence.lines == [10, 11] and "naustrekke" in evidence.text and evidence.section.startswith("Sak 8/24")
    assert any(w.startswith("lines there that 'naustrekka' matches: Sak 8/24 Orienteringar lines 10–11") for w in r.why)


def test_a_list_item_is_read_whole(archive):
    """The words stand in the item's first sentence, the person who presented it in the next."""
    r = archive.ask("Kven la fram kystlaget?")
    assert r.query == "section-line-people" and [a.label for a in r.answers] == ["Ragnhild Strand"]


def test_no_line_holds_the_words_when_only_the_index_terms_of_another_field_do(archive):
    """Terms the section matched by its topics or title, not its lines, choose no line: the query
    finds nothing, and the runner falls back on what the whole section says."""
    from kg.ask.lines import matching_sentences

    (hit,) = [h for h in archive.runner.sections("fiskemottaket")]
    assert [(s.first, s.last) for s in matching_sentences(archive.store, hit.section_id, hit.terms)] == [(15, 15)]
    assert matching_sentences(archive.store, hit.section_id, frozenset({"kraftlinje"})) == []


def test_what_the_same_line_says_beside_the_answer_where_the_question_asks_for_it(archive):
    (plant,) = archive.ask("Hvilke selskaper jobber med kraftverk, og hvor mye har de fått?").answers
    assert (plant.label, plant.to_json()["amount"]) == ("Bømlo Kraft AS", "500000 NOK")
    (landing,) = archive.ask("Hvilke selskaper jobber med fiskemottak, og i hvilken kommune?").answers
    assert (landing.label, landing.to_json()["place"]) == ("Sjøfisk AS", "Stord")  # the report's own municipality
    (bare,) = archive.ask("Hvilke selskaper jobber med kraftverk?").answers
    assert "amount" not in bare.to_json() and "place" not in bare.to_json()


ROUND = """\
## Referat frå møte i Dalrådet

Tid: Fredag 6. september 2024 kl. 09.00

### Til stades
- Oda Berg, Kvam kommune
- Nils Rud, Voss kommune

### Sak 12/24 Vassverket – presentasjon frå Dalby Vatn AS
Orienteringssak
Guro Lie og Arne Moe frå Dalby Vatn AS la fram planane for eit nytt reinseanlegg. Oda Berg spurde om kostnaden.

### Sak 13/24 Orienteringar frå kommunane
Frå Kvam vart det orientert om ein ny gangveg langs
elva. Frå Voss vart det orientert om ladestasjonar på
rådhusplassen.

### Sak 14/24 Andre orienteringar
- a) Biblioteket. Siri Dahl fortalde om dei nye opningstidene.
- b) Sykkelturismen. Per Vik la fram ei kartbok for syklistar.
- c) Skulebussen. Nils Rud fortalde om den nye ruta til skulebussen.
"""


@pytest.fixture(scope="module")
def round_archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "dalradet-2024-09-06.md", ROUND)


@pytest.mark.parametrize("question, expected, not_expected", [
    # a prose report begun inside the line the one before ends on: each report is its own part of it
    ("Kva kommune orienterte om gangvegen?", ["Kvam"], ["Voss"]),
    ("Kva kommune orienterte om ladestasjonar?", ["Voss"], ["Kvam"]),
    # "Orienteringssak" on a line of its own is no part of the presenters' sentence below it
    ("Kven la fram reinseanlegget?", ["Guro Lie", "Arne Moe"], ["Nils Rud"]),
    # a body named: the people on the lines that name it
    ("Kven presenterte Dalby Vatn AS?", ["Guro Lie", "Arne Moe"], ["Nils Rud"]),
    # English words the minutes write in Norwegian: "library" is "bibliotek" (FreeDict)
    ("Who talked about the library?", ["Siri Dahl"], ["Per Vik"]),
    # a compound the minutes write with another head: "sykkelvegen" finds "Sykkelturismen" by "sykkel"
    ("Kven la fram sykkelvegen?", ["Per Vik"], ["Siri Dahl"]),
    # the question's function words are not searched for: "as" is no "AS" (Dalby Vatn AS)
    ("Who talked about the school bus as a route?", ["Nils Rud"], ["Guro Lie"]),
])
def test_the_lines_of_a_round_and_of_a_presented_body(round_archive, question, expected, not_expected):
    r = round_archive.ask(question)
    labels = [a.label for a in r.answers]
    assert r.query in ("section-line-people", "section-line-bodies"), r.why
    assert all(e in labels for e in expected) and not set(not_expected) & set(labels), (labels, r.why)


def test_a_person_answered_from_the_lines_comes_with_the_body_they_attended_for(round_archive):
    r = round_archive.ask("Kven fortalde om skulebussen?")
    assert [(a.label, a.columns.get("for")) for a in r.answers] == [("Nils Rud", "Voss")], r.why


def test_the_words_of_a_question_are_searched_before_a_name_it_gives(round_archive):
    """"kartbok" names nothing and "Voss" a municipality: the sections searched are those about the map book."""
    r = round_archive.ask("Kven la fram kartboka for Voss?")
    assert r.params.get("section") == "kartboka", r.why
    assert [a.label for a in r.answers] == ["Per Vik"], r.why


REFORM = """\
## Referat frå møte i Dalrådet

Tid: Fredag 4. oktober 2024 kl. 09.00

### Til stades
- Oda Berg, Kvam kommune
- Nils Rud, Voss kommune
- Kåre Li, stortingsrepresentant

### Sak 20/24 Bygdeboka for Dalen
Innleiing ved prosjektleiar Guro Lie frå Dalen sogelag om bygdeboka og arbeidet med ho.
- Kvam vil gje ut bygdeboka saman med Voss.
- Kåre Li orienterte kort om kva bygdeboka kostar å trykke.
"""


def test_who_presented_a_case_is_its_presenter_not_another_named_on_its_matched_lines(tmp_path_factory):
    archive = ingested_text(tmp_path_factory, "dalradet-2024-10-04.md", REFORM)
    r = archive.ask("Kven presenterte bygdeboka?")
    assert [a.label for a in r.answers] == ["Guro Lie"], r.why


GROUP = """\
## Referat frå møte i Dalrådet

Tid: Fredag 4. oktober 2024 kl. 09.00

### Til stades
- Oda Tveiten, ordførar i Kvam
- Nils Rud, ordførar i Voss
- Siv Hope, rådgjevar

### Sak 21/24 Ny riksveg gjennom dalen
Statens vegvesen har starta planlegginga av ny veg.

Vedtak:
1. Det blir sett ned ei arbeidsgruppe for riksvegen med ordførarane Tveiten og Rud.
2. Arbeidsgruppa legg fram ei tilråding i desember.

### Sak 22/24 Bygdeboka
Tveiten fortalde om arbeidet med bygdeboka.

### Sak 23/24 Nytt samarbeid
Arbeidsgruppa – Siv Hope og Nils Rud – har utarbeidd avtalane for det nye samarbeidet.
"""


@pytest.fixture(scope="module")
def group_archive(tmp_path_factory) -> Archive:
    return ingested_text(tmp_path_factory, "dalradet-2024-10-04.md", GROUP)


@pytest.mark.parametrize("question, expected", [
    # the members of a group named by family name alone: the listed people who bear them
    ("Kven sit i arbeidsgruppa for riksvegen?", ["Nils Rud", "Oda Tveiten"]),
    # a family name a sentence opens with, where the name finder leaves the first word alone
    ("Kven fortalde om bygdeboka?", ["Oda Tveiten"]),
    # who made what a case is about
    ("Who drafted avtalane?", ["Nils Rud", "Siv Hope"]),
    ("Kven utarbeidde avtalane?", ["Nils Rud", "Siv Hope"]),
])
def test_people_named_by_family_name_and_who_prepared_a_thing(group_archive, question, expected):
    r = group_archive.ask(question)
    assert sorted(a.label for a in r.answers) == expected, r.why


def test_the_presenters_of_a_case_come_with_the_body_they_came_for_or_from(tmp_path_factory):
    archive = ingested_text(tmp_path_factory, "dalradet-2024-10-04.md", REFORM)
    r = archive.run_query("section-presenters", {"agenda": "bygdeboka"})
    assert [(a.label, a.columns.get("for")) for a in r.answers] == [("Guro Lie", "Dalen sogelag")], r.why


DISCUSSED = """\
## Referat frå møte i Fjordrådet

Tid: Tysdag 4. juni 2024 kl. 10.00

### Sak 11/24 Digitalisering
Bruk av kunstig intelligens i saksbehandlinga vart drøfta.
Eva Lund tek saka vidare til rådmannsgruppa.

### Sak 12/24 Hamna
Ola Dahl orienterte om den nye hamna.
"""


def test_who_talked_about_a_topic_no_one_is_stated_to_have_raised_is_where_it_was_discussed(tmp_path):
    """Not every presentation of the archive (Ola Dahl spoke of the harbour): the case that discussed it, and who it names."""
    archive = stored_text(tmp_path, "fjordradet-2024-06-04.md", DISCUSSED)
    r = archive.ask("Kven snakka om kunstig intelligens?")
    assert r.query == "topic-discussions", r.why
    assert [a.label for a in r.answers] == ["Sak 11/24 Digitalisering"]
    assert "Eva Lund" in r.answers[0].columns["people"]
