"""Grammar patterns compiled lazily (kg.ask.lazy_pattern) find exactly what the compiled ones find."""

from __future__ import annotations

import re

import pytest

from kg.ask import words
from kg.ask.lazy_pattern import WordPattern, leading_literals

TABLES = (words.QUESTION_WORDS, words.KIND_NOUNS, words.RELATIONS, words.MODIFIERS, words.DATE_BOUNDS,
          words.WEAK_RELATIONS)
PATTERNS = [p for table in TABLES for p, _ in table] + [words.COURTESY]

QUESTIONS = [
    "hvilke kommuner jobber med solkraft i fjellet",
    "who represented Tynset at the meeting on 9 March",
    "kven møtte for Røros i staden for ordføraren",
    "which companies got money from the regional fund after 2021",
    "list all upcoming conferences about hydrogen",
    "hvem hadde forfall på møtet i april",
    "what did the council decide about the new school-building",
    "har noen vara-representanter møtt for Os kommune",
    "show the open actions and who is responsible, please",
    "how many meetings has Per Arne Lillevik attended since f.o.m. 2020",
    "kva regionar samarbeider om vindkraft og solkraft",
    "which topics are rising in the minutes of the energy group",
]


def test_leading_literals():
    assert leading_literals("firms?|compan(?:y|ies)") == {"firm", "compan"}
    assert leading_literals(r"møt\w* for|hadde forfall") == {"møt", "hadde forfall"}
    assert leading_literals(r"f\.o\.m\.|fra") == {"f", "fra"}
    assert leading_literals("sak(?:er|en)?|(?:x|y)z") is None  # an alternative with no fixed start
    assert leading_literals(r"\w+") is None
    assert leading_literals("a[|]b|c") == {"a", "c"}  # a bar in a character class splits nothing


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_same_matches_as_the_compiled_pattern(pattern):
    compiled = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
    lazy = WordPattern(pattern)
    # the questions, and every fixed start of the pattern itself in a sentence, inflected and not
    texts = [q.lower() for q in QUESTIONS]
    texts += [f"og {lit} her" for lit in lazy.literals or ()] + [f"x-{lit}s" for lit in lazy.literals or ()]
    for text in texts:
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)], text
        for word in text.split():
            assert bool(lazy.fullmatch(word)) == bool(compiled.fullmatch(word)), word


def test_a_pattern_is_compiled_only_for_a_text_it_could_match():
    lazy = WordPattern("klynge(?:r|n|ne)?|clusters?")
    assert list(lazy.finditer("hvem jobber med solkraft")) == [] and lazy._compiled is None
    assert [m.group() for m in lazy.finditer("hvilke klynger finnes")] == ["klynger"]
