"""The small readers every stage calls on every line: what they answer, however they are made fast
(one compiled pattern a word list, caches of pure functions, sentences cut once a section)."""

from __future__ import annotations

from kg.extract.mentions import find_names
from kg.lang.sentences import section_sentences
from kg.lang.text import sentences
from kg.model import Section, Span
from kg.parse import parse
from kg.parse.lines import contains_any, first_opening, starts_with_any
from kg.parse.signatures import chair_sentence
from kg.read import read_file


def test_starts_with_the_longest_whole_word():
    words = ["leder", "daglig leder", "sak"]
    assert starts_with_any("Daglig leder Kari Dahl", words) == "daglig leder"
    assert starts_with_any("leder: Kari Dahl", words) == "leder"
    assert starts_with_any("ledere i regionen", words) is None  # inside a longer word
    assert starts_with_any("sak2 budsjett", words) is None  # a digit goes on with the word
    assert starts_with_any("sak_2", words) == "sak"  # an underscore does not
    assert starts_with_any("leder", []) is None


def test_the_first_list_a_text_opens_with_a_word_of():
    kind = first_opening({"present": ["møtt"], "substitute_for": ["møtte for"], "empty": [], "body": ["for", "kommune"]})
    assert kind("Møtte for Kari Dahl") == "substitute_for"
    assert kind("møtt") == "present"
    assert kind("for") == "body"  # the lists in their order: a word of a later one only where no earlier one opens it
    assert first_opening({"a": ["for"], "b": ["for kommunen"]})("for kommunen") == "a"
    assert kind("fortid") is None  # a whole word


def test_contains_the_longest_whole_word():
    words = ["leder", "daglig leder"]
    assert contains_any("Møtt: daglig leder Kari Dahl", words) == "daglig leder"
    assert contains_any("Møtt: lederen Kari Dahl", words) is None
    # a shorter word that the text holds only inside a longer one does not hide the longer one
    assert contains_any("Møtt: leder Kari Dahl", ["lede", "leder"]) == "leder"
    assert contains_any("(leder)", ["lede"]) is None


def test_sentences_end_before_a_capital_but_not_after_an_abbreviation():
    text = "Vi samarbeider bl.a. Statens vegvesen om dette. Neste møte er i mai! Hva så? Ingenting."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Vi samarbeider bl.a. Statens vegvesen om dette.", "Neste møte er i mai!", "Hva så?", "Ingenting."]


def test_a_sections_sentences_are_cut_once_and_handed_out_as_copies():
    lines = ["Horten", "Samarbeider med Kari Dahl. Har fått midler.", ""]
    sec = Section(n=1, title="Horten", kind="other", span=Span(1, 3), text="")
    first = section_sentences(sec, lines)
    assert [s.text for s in first] == ["Samarbeider med Kari Dahl.", "Har fått midler."]
    first.clear()
    assert [s.text for s in section_sentences(sec, lines)] == ["Samarbeider med Kari Dahl.", "Har fått midler."]
    assert [s.text for s in section_sentences(sec, lines, skip_heading=False)][0] == "Horten"
    other = ["Horten", "Noe annet.", ""]  # other lines: cut again
    assert [s.text for s in section_sentences(sec, other)] == ["Noe annet."]


def test_names_are_handed_out_as_fresh_lists():
    names, _ = find_names("Kari Dahl orienterte om Drammen kommune.")
    assert [n.label for n in names] == ["Kari Dahl", "Drammen"]
    names.clear()
    assert [n.label for n in find_names("Kari Dahl orienterte om Drammen kommune.")[0]] == ["Kari Dahl", "Drammen"]


def test_the_chair_named_in_a_sentence_across_two_lines(tmp_path):
    path = tmp_path / "referat.txt"
    path.write_text("Referat fra møte i Vestkyst regionråd 10.03.2023\n\nSak 1/23 Åpning\n\n"
                    "Møtet ble\nledet av Kari Dahl.\n", encoding="utf-8")
    said = chair_sentence(parse(read_file(path)))
    assert said is not None and said.names == ("Kari Dahl",)
