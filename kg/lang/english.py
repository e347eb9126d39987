"""English words of a question in Norwegian, for searching minutes written in Norwegian.

The words come from FreeDict's English-Norwegian dictionary (data/lexicon/english_norwegian.tsv, built by
data/lexicon/build_english.py; its SOURCE.md): nouns and adjectives, each with its bokmål words. An English
plural or -ing form is looked up by its base ("networks", "companies", "farming"), a British spelling by its
American one and back ("centre", "center"; FreeDict has some words in one spelling only).

A word the dictionary lacks may be one Norwegian has borrowed and spells its own way ("centre" is "senter",
"coordination" "koordinasjon", "chronic" "kronisk"): ``borrowed`` gives the spellings the usual
correspondences make of it, for the caller to keep those Norwegian has (most of them are no words at all).

Two English words that name one thing are often one compound in Norwegian ("wild salmon" is "villaks"):
``compounds`` joins their Norwegian words as Norwegian joins a compound's parts; which of the joins is a
word is for the caller to tell by the text it searches (no join is taken for a word without that).
"""

from __future__ import annotations

import re
from functools import cache

from kg.paths import LEXICON_DIR

DICTIONARY = LEXICON_DIR / "english_norwegian.tsv"
ENDINGS = [("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")]  # inflected → base form
BRITISH = [("re", "er"), ("our", "or"), ("isation", "ization"), ("ise", "ize"), ("ence", "ense"), ("mme", "m"),
           ("logue", "log"), ("lling", "ling")]  # British ending ↔ American ending
# English spelling → Norwegian spelling of a borrowed word: the endings first, then the letters; each is optional
BORROWED = [(r"ation$", "ering"), (r"[ts]ion$", "sjon"), (r"ity$", "itet"), (r"(?<=[^aeiou])re$", "er"),
            (r"ic(al)?$", "isk"), (r"ics$", "ikk"), (r"ism$", "isme"), (r"ure$", "ur"), (r"ive$", "iv"),
            (r"[ae]nce$", "anse"), (r"ence$", "ense"), (r"ary$", "ær"), (r"(?<=[^aeiou])y$", "i"),
            (r"(?<=ss)ing$", "ering"), (r"[iy][sz]e$", "isere"), (r"(?<=[mo])me$", "m"), (r"ous$", "øs"),
            (r"ine$", "in"), (r"z", "s"), (r"ph", "f"), (r"th", "t"), (r"qu", "kv"), (r"x", "ks"), (r"w", "v"),
            (r"sh", "sj"), (r"ch", "k"), (r"ck", "kk"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"ou", "u"),
            (r"(?<=pro)j", "sj")]
MAX_SPELLINGS = 64  # a long word with many of them would otherwise make thousands


@cache
def _dictionary() -> dict[str, tuple[str, ...]]:
    rows = (line.split("\t") for line in DICTIONARY.read_text(encoding="utf-8").splitlines() if line)
    return {word: tuple(words.split("|")) for word, words in rows}


def bases(word: str) -> list[str]:
    """The word (lower case) and the base forms it may be an inflection of, each also in the other
    English spelling: "centres" is "centre" and "center"."""
    word = word.lower()
    found = [word] + [word[: -len(ending)] + base for ending, base in ENDINGS
                      if word.endswith(ending) and len(word) > len(ending) + 2]
    found += [w[: -len(a)] + b for w in list(found) for x, y in BRITISH for a, b in ((x, y), (y, x)) if w.endswith(a)]
    return list(dict.fromkeys(found))


def norwegian(word: str) -> tuple[str, ...]:
    """The Norwegian words for an English word (none when the dictionary has no such word)."""
    return next((found for w in bases(word) if (found := _dictionary().get(w))), ())


def borrowed(word: str) -> list[str]:
    """The Norwegian spellings the English word (or a base of it) would have if Norwegian has borrowed it
    ("centres": "senter", "sentre", ...), the word and its bases not among them; most are no Norwegian words."""
    found: dict[str, None] = {}
    for base in bases(word):
        forms = [base]
        for pattern, spelt in BORROWED:
            forms += [f for f in (re.sub(pattern, spelt, f) for f in forms) if f not in forms][: MAX_SPELLINGS - len(forms)]
        found.update(dict.fromkeys(forms[1:]))
    return [f for f in found if f not in bases(word)]


def compounds(firsts: tuple[str, ...], seconds: tuple[str, ...]) -> list[str]:
    """The Norwegian compounds of a first and a second part, each given as its Norwegian words: joined
    bare, then with each linking letter (a vowel takes none but -s: "fylke-s-veg", not "fylke-e-veg")."""
    from kg.lang.morphology import LINKS, VOWELS  # "nærings-areal", "lakse-oppdrett"; imported where a question needs it

    triple = re.compile(rf"([^{VOWELS}])\1\1")  # a consonant three times at a join is written twice ("villaks")

    joined = []
    for first in firsts:
        for second in seconds:
            for link in ("", *LINKS):
                if link == "e" and first[-1:] in VOWELS:
                    continue
                joined.append(triple.sub(r"\1\1", f"{first}{link}{second}".lower()))
    return list(dict.fromkeys(joined))
