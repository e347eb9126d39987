"""English words of a question in Norwegian (kg.lang.english, from FreeDict's English-Norwegian dictionary)."""

from kg.lang.english import norwegian


def test_a_noun_and_its_plural_have_the_same_norwegian_words():
    assert "bibliotek" in norwegian("library")
    assert norwegian("libraries") == norwegian("library")
    assert "nettverk" in norwegian("Networks")


def test_a_word_the_dictionary_lacks_has_none():
    assert norwegian("kommunestyre") == ()
