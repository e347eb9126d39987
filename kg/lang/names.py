"""Person names: telling given names from surnames and writing them given names first.

Minutes write "Ingvoldstad, Trond Arne", "Halvorsrud Kari Elisabeth" and
"Kari Elisabeth Halvorsrud" for the same kind of thing. The order is decided
with a lexicon of given names (data/lexicon/given_names.txt), not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang.lexicon import word_set

_TOKEN = re.compile(r"^[A-ZÆØÅÀ-ÖØ-Þ][\w'’.-]*$")
_INITIAL = re.compile(r"^[A-ZÆØÅ]\.?$|^[A-ZÆØÅ]\.-?[A-ZÆØÅ]\.?$")  # "G", "R.", "H.-P."
_SUFFIXES = ("jr.", "jr", "jun.", "sr.", "sen.", "d.y.", "d.e.")  # "Helge Kjøll jr."


@dataclass(frozen=True)
class PersonName:
    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()


def is_given_name(token: str) -> bool:
    parts = [p for p in token.split("-") if p]
    return bool(parts) and all(p.casefold() in word_set("given_names") for p in parts)


def is_particle(token: str) -> bool:
    return token.casefold() in word_set("name_particles")


def is_surname(token: str) -> bool:
    parts = [p for p in token.split("-") if p]
    return bool(parts) and all(p.casefold() in word_set("surnames") for p in parts)


def is_initial(token: str) -> bool:
    return bool(_INITIAL.match(token))


def _name_token(token: str) -> bool:
    """A word that can stand in a name: capitalised (not all capitals beyond an initial), a particle, an initial."""
    if is_particle(token) or is_initial(token):
        return True
    return bool(_TOKEN.match(token)) and not (len(token) > 3 and token.isupper())


@lru_cache(maxsize=1 << 14)  # the same lines are read for a role by several stages
def role_prefix(text: str) -> tuple[str | None, str]:
    """'Plan- og næringssjef Kari Dahl, Alta' → ('plan- og næringssjef', 'Kari Dahl, Alta').

    A role from the roles lexicon at the start of text, with the qualifiers written before
    it ("konst. rådmann") and a shared first half ("Plan- og næringssjef"); (None, text) when none.
    """
    words = text.split()
    i = 0
    while i < len(words) and words[i].lower() in word_set("role_qualifiers"):
        i += 1
    if i + 2 < len(words) and words[i].endswith("-") and words[i + 1].lower() in ("og", "eller"):
        i += 2
    for k in range(min(4, len(words) - i), 0, -1):
        if " ".join(words[i:i + k]).lower().rstrip(":,") in word_set("roles"):
            return " ".join(words[:i + k]).lower().rstrip(":,"), " ".join(words[i + k:])
    if i < len(words) and _titled(words[i].lower().rstrip(":,")):
        return " ".join(words[:i + 1]).lower().rstrip(":,"), " ".join(words[i + 1:])
    return None, text


def _titled(word: str) -> bool:
    """A compound that is a job title by its ending ("regionrådgiver", "prosjektkoordinator")."""
    return word.isalpha() and any(word.endswith(e) and len(word) >= len(e) + 3 for e in word_set("role_endings"))


def split_role(text: str) -> tuple[str | None, str]:
    """'Ordfører Ola Hansen' → ('ordfører', 'Ola Hansen'): a title written before a name of at least two words."""
    role, rest = role_prefix(text)
    if role is None or len(rest.split()) < 2:
        return None, text
    return role, rest


@lru_cache(maxsize=1 << 14)  # the same words are tried as a name by several stages
def normalise_person(surface: str, *, by_position: bool = False) -> PersonName | None:
    """Given names first. None when the text does not look like a person's name.

    A name is known by a given name of the lexicon (SSB's given names), in either
    order ("Kari Hansen", "Hansen Kari"). ``by_position``: the text stands where a
    name stands (the name column of an attendee table, the head of an attendance
    row), so two to five capitalised words are a name even when the given name is rare.
    """
    s = re.sub(r"\s+", " ", surface.strip().strip(",;"))
    if not s:
        return None
    if "," in s:
        family, _, given = (p.strip() for p in s.partition(","))
        if not family or not given or "," in given or len(family.split()) > 2:
            return None
        if not all(_name_token(t) for t in f"{given} {family}".split()):
            return None
        return PersonName(given, family)
    tokens = s.split(" ")
    suffix = ""
    if len(tokens) > 2 and tokens[-1].lower() in _SUFFIXES:
        suffix = " " + tokens.pop()
    if len(tokens) < 2 or len(tokens) > 6:
        return None
    if not all(_name_token(t) for t in tokens) or is_particle(tokens[0]) or is_initial(tokens[-1]):
        return None
    if is_given_name(tokens[0]) or (is_initial(tokens[0]) and len(tokens) >= 2):
        # "Anne Kristine Feltman", "Eva Næss Karlsen", "Jon G Pedersen", "Ursula von der Leyen",
        # "H. Valvåg": the leading run of given names and initials, then the family name(s).
        i = 1
        while i < len(tokens) - 1 and (is_given_name(tokens[i]) or is_initial(tokens[i])):
            i += 1
        return PersonName(" ".join(tokens[:i]), " ".join(tokens[i:]) + suffix)
    # "Halvorsrud Kari Elisabeth", "Hasvold Helge Bollæren": surname written first,
    # the given names (and initials) making up the rest of the name.
    first_given = next((i for i, t in enumerate(tokens) if is_given_name(t)), None)
    if first_given is not None and (all(is_given_name(t) or is_initial(t) for t in tokens[first_given:]) or (
            # "Hasvold Helge Bollæren": one word before a given name, and no family name after it
            first_given == 1 and not any(is_surname(t) for t in tokens[2:]))):
        return PersonName(" ".join(tokens[first_given:]), " ".join(tokens[:first_given]) + suffix)
    if by_position or first_given is not None and is_surname(tokens[-1]):
        # a rare given name ("Ørn Grahm", "Tare Steiro"): given names first, as Norwegian writes them
        i = 1
        while i < len(tokens) - 1 and (is_given_name(tokens[i]) or is_initial(tokens[i])):
            i += 1
        return PersonName(" ".join(tokens[:i]), " ".join(tokens[i:]) + suffix)
    return None
