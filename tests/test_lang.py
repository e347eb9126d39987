"""Norwegian values: dates, times, amounts, names, encodings."""

from __future__ import annotations

from datetime import date, time

import pytest

from kg.errors import BadInput
from kg.lang.amounts import find_amounts
from kg.lang.dates import find_dates, find_time_range, parse_numeric
from kg.lang.names import normalise_person
from kg.read.plaintext import decode_text

REF = date(2022, 3, 17)


@pytest.mark.parametrize("text,start,end", [
    ("Fredag 20. mai", date(2022, 5, 20), None),
    ("24-25. august", date(2022, 8, 24), date(2022, 8, 25)),
    ("22–23. september", date(2022, 9, 22), date(2022, 9, 23)),
    ("uke 38", date(2022, 9, 19), date(2022, 9, 25)),
    ("torsdag 3. februar 2022", date(2022, 2, 3), None),
    ("17.3.22", date(2022, 3, 17), None),
    ("2023-01-05", date(2023, 1, 5), None),
])
def test_dates(text, start, end):
    d = find_dates(text, REF)[0]
    assert (d.start, d.end) == (start, end)


def test_weekday_picks_the_year():
    # 20 May is a Friday in 2022, a Saturday in 2023: the weekday decides.
    d = find_dates("fredag 20. mai", date(2023, 1, 10))[0]
    assert d.start == date(2022, 5, 20) and d.weekday_ok is True


def test_weekday_that_fits_no_year_is_flagged():
    d = find_dates("mandag 20. mai", date(2022, 1, 1))[0]
    assert d.weekday_ok is False


def test_numeric_dates():
    assert parse_numeric("Dato: 17.03.2022") == date(2022, 3, 17)
    assert parse_numeric("32.13.22") is None


@pytest.mark.parametrize("text,expected", [
    ("kl. 0900-1100", (time(9), time(11))),
    ("kl. 13.00–15.30", (time(13), time(15, 30))),
    ("kl 9-11", (time(9), time(11))),
    ("kl. 10.15", (time(10, 15), None)),
])
def test_times(text, expected):
    assert find_time_range(text) == expected


@pytest.mark.parametrize("text,value,currency", [
    ("fikk 500 000 for å skrive", 500_000, "NOK"),
    ("har fått 30 mill. Euro", 30_000_000, "EUR"),
    ("kr 1,2 mill. fra fylket", 1_200_000, "NOK"),
    ("250 000 kroner", 250_000, "NOK"),
    ("NOK 2 mrd. til vei", 2_000_000_000, "NOK"),
    ("2,5 millioner kroner", 2_500_000, "NOK"),
    ("received USD 40,000 from", 40_000, "USD"),  # English groups thousands by comma
    ("NOK 1,250,000 in total", 1_250_000, "NOK"),
    ("kr 1,500 mill. over tre år", 1_500_000, "NOK"),  # with a scale the comma is a decimal one
])
def test_amounts(text, value, currency):
    a = find_amounts(text)[0]
    assert (a.value, a.currency) == (value, currency)


def test_years_and_counts_are_not_amounts():
    assert find_amounts("i 2022 møtte 15 personer") == []


@pytest.mark.parametrize("surface,full", [
    ("Ingvoldstad, Trond Arne", "Trond Arne Ingvoldstad"),
    ("Halvorsrud Kari Elisabeth", "Kari Elisabeth Halvorsrud"),
    ("Gyüre-Szamosi Anna", "Anna Gyüre-Szamosi"),
    ("Kari Elisabeth Halvorsrud", "Kari Elisabeth Halvorsrud"),
    ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("Nordmann Ola", "Ola Nordmann"),
])
def test_person_names_given_first(surface, full):
    assert normalise_person(surface).full == full


def test_not_a_person():
    assert normalise_person("Statens vegvesen") is None
    assert normalise_person("Bærum") is None


def test_encodings():
    text = "Til stede: Bjørn Ås – ordfører"
    assert decode_text(text.encode("utf-8")) == (text, "utf-8")
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text
    assert decode_text(text.encode("cp1252")) == (text, "cp1252")
    assert decode_text("Bjørn Ås".encode("latin-1"))[0] == "Bjørn Ås"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
])
def test_unreadable(data, reason):
    with pytest.raises(BadInput, match=reason):
        decode_text(data)


@pytest.mark.parametrize("surface,full,by_position", [
    ("Jon G Pedersen", "Jon G Pedersen", False),
    ("Gunn Berit R. Holmelid", "Gunn Berit R. Holmelid", False),
    ("Helge Lie jr.", "Helge Lie jr.", False),
    ("Zorvan Quist", "Zorvan Quist", True),  # a rare given name, where a name stands
])
def test_initials_suffixes_and_names_by_position(surface, full, by_position):
    assert normalise_person(surface, by_position=by_position).full == full


def test_rare_names_need_their_position():
    assert normalise_person("Zorvan Quist") is None
    assert normalise_person("ORDFØRER KOMMUNE", by_position=True) is None


def test_same_person_written_two_ways():
    from kg.model import Node
    from kg.resolve.people import same_person

    def person(given, family):
        return Node("person", f"{given} {family}", props={"given": given, "family": family})

    assert same_person(person("Hugo Bongard", "Jakobsen"), person("Hugo", "Jakobsen"))  # middle name dropped
    assert same_person(person("Herbjørg", "Valvåg"), person("H.", "Valvåg"))  # an initial
    assert same_person(person("Per Sverre", "Kvinlaug"), person("Per Sverre", "Kvinlog"))  # a misspelt surname
    assert same_person(person("Ola-Kristian", "Berge"), person("Ola Kristian", "Berge"))  # a hyphen between given names
    assert same_person(person("Jan Ove", "Berge"), person("Ove", "Berge"))  # called by the second given name
    assert same_person(person("Tone Fossli", "Rud"), person("Tone Fosli", "Rud"))  # a middle name misspelt
    assert not same_person(person("Tone Fossli", "Rud"), person("Tone Lia", "Rud"))
    assert not same_person(person("Jan", "Hansen"), person("Jan", "Jansen"))
    assert not same_person(person("Kari", "Lunde"), person("Eva", "Lunde"))
    assert not same_person(person("Per", "Kvinlaug"), person("Pål", "Kvinlog"))


def test_municipalities_through_time():
    from kg.lang.gazetteer import gazetteer

    g = gazetteer()
    current = {m.number: m for m in g.municipalities}
    (nedre_eiker,) = g.lookup("Nedre Eiker kommune")  # a former municipality, merged into Drammen in 2020
    assert (nedre_eiker.valid_to, [current[n].name for n in nedre_eiker.successors]) == ("2019-12-31", ["Drammen"])
    (drammen,) = g.lookup("Drammen")  # renumbered in 2020 and 2024: one municipality with three numbers
    assert [(nb.number, nb.valid_to) for nb in drammen.numberings] == [
        ("0602", "2019-12-31"), ("3005", "2023-12-31"), ("3301", None)]
    (tysfjord,) = g.lookup("Tysfjord")
    assert {current[n].name for n in tysfjord.successors} == {"Narvik", "Hábmer"}  # split in two
    assert [m.name for m in g.lookup("Lenvik")] != [m.name for m in g.lookup("Torsken")]  # both now Senja
    assert g.lookup("Bø")[0].county == "Nordland"  # the Bø of today before Telemark's Bø (Midt-Telemark)
    assert [(c.valid_from, c.valid_to) for c in g.county("Hedmark")] == [("2019-01-01", "2019-12-31")]
    assert [(c.valid_from, c.valid_to) for c in g.county("Viken fylkeskommune")] == [("2020-01-01", "2023-12-31")]
    assert g.is_county("Sør-Trøndelag")


def test_public_bodies_and_kinds_guessed_by_form():
    from kg.lang.bodies import classify

    assert classify("Riksarkivet").label == "Arkivverket"  # one organisation number, two names
    assert classify("Hedmark FK").label == "Hedmark fylkeskommune"
    # the English names counties and municipalities use for themselves
    assert classify("Hedmark County Council").label == "Hedmark fylkeskommune"
    assert [(c.kind, c.label) for c in map(classify, ["Vadsø municipality", "Municipality of Vadsø"])] == \
        [("municipality", "Vadsø")] * 2
    assert classify("Vestfold County Council").label == "Vestfold fylkeskommune"  # in English
    assert classify("Troms and Finnmark County Authority").label == "Troms og Finnmark fylkeskommune"
    assert classify("NAV Agder").label == "NAV"  # a known body's office, named by the county it serves
    assert (classify("Larvik municipality").kind, classify("Larvik municipality").label) == ("municipality", "Larvik")
    assert classify("Hedmark fylkeskommune").known.valid_to == "2019-12-31"
    assert classify("KIM") is None  # a short name that is also a given name is left out
    for name, kind in [("Fjelldirektoratet", "institution"), ("Havneetaten", "institution"),
                       ("Bygdeutvikling SA", "organisation"), ("Lofoten Avfall IKS", "organisation"),
                       ("Indre Fosen regionråd", "region"), ("Høgskolen i Vest", "institution")]:
        c = classify(name)
        assert (c.kind, c.how) == (kind, "rule")


def test_the_form_a_person_keeps_is_the_fullest_then_the_attendance_lists(tmp_path):
    from tests.conftest import extracted, nodes
    from kg.resolve.people import fold_people

    g = extracted(tmp_path, "m.md", "# Referat fra møte i Vestfoldrådet\n\nDato: 12. mars 2025\n\n"
                  "Til stede: Tone Fosli Rud (Horten), H. Berge (Larvik)\n\n## Sak 1/25 Budsjett\n\n"
                  "Tone Fossli Rud og Helga Berge orienterte om budsjettet.\n")
    fold_people(g)
    assert sorted(n.label for n in set(nodes(g, "person"))) == ["Helga Berge", "Tone Fosli Rud"]


def test_a_council_written_before_its_region_is_that_region():
    from kg.lang.bodies import classify

    for name in ("Romerike regionråd", "Regionråd Romerike", "Regionrådet i Romerike", "Regionrådet for Romerike"):
        assert (classify(name).label, classify(name).how) == ("Romerike", "lexicon"), name


def test_an_administrative_centre_is_the_seat_of_its_municipality():
    from kg.lang.gazetteer import gazetteer

    assert gazetteer().seat_of("Leirvik").name == "Stord"
    assert gazetteer().seat_of("Stord") is None  # a municipality's own name is no centre of another


def test_a_two_part_municipality_by_its_initials():
    from kg.lang.gazetteer import gazetteer

    assert [m.name for m in gazetteer().lookup("N OG U KOMMUNE")] == ["Nore og Uvdal"]
    assert gazetteer().lookup("X og Q") == []
