"""English words of a question in Norwegian (kg.lang.english, from FreeDict's English-Norwegian dictionary)."""

from kg.lang.english import borrowed, norwegian


def test_a_noun_and_its_plural_have_the_same_norwegian_words():
    assert "bibliotek" in norwegian("library")
    assert norwegian("libraries") == norwegian("library")
    assert "nettverk" in norwegian("Networks")


def test_a_word_the_dictionary_lacks_has_none():
    assert norwegian("kommunestyre") == ()


def test_a_british_spelling_is_looked_up_as_the_american_and_back():
    assert norwegian("theatres") == norwegian("theater") != ()  # the dictionary has "theater" only
    assert norwegian("fiber") == norwegian("fibre") != ()  # and "fibre" only


def test_a_borrowed_word_has_the_spellings_norwegian_gives_such_words():
    assert "senter" in borrowed("centres")
    assert "koordinasjon" in borrowed("coordination")
    assert "kvalitet" in borrowed("quality") and "elektrisk" in borrowed("electric")
    assert "digitalisering" in borrowed("digitalisation") and "politikk" in borrowed("politics")
    assert "centre" not in borrowed("centres")  # a base of the word is no Norwegian spelling of it
