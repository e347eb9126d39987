"""Person names: telling given names from surnames and writing them given names first.

Minutes write "Ingvoldstad, Trond Arne", "Halvorsrud Kari Elisabeth" and
"Kari Elisabeth Halvorsrud" for the same kind of thing. The order is decided
with a lexicon of given names (data/lexicon/given_names.txt), not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lang.lexicon import word_set

_TOKEN = re.compile(r"^[A-ZÆØÅÀ-ÖØ-Þ][\w'’.-]*$")


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


def split_role(text: str) -> tuple[str | None, str]:
    """'Ordfører Ola Hansen' → ('ordfører', 'Ola Hansen'): a title from the roles lexicon written first."""
    roles = word_set("roles")
    words = text.split()
    for k in range(min(3, len(words) - 2), 0, -1):
        if " ".join(words[:k]).lower() in roles:
            return " ".join(words[:k]).lower(), " ".join(words[k:])
    return None, text


def normalise_person(surface: str) -> PersonName | None:
    """Given names first. None when the text does not look like a person's name."""
    s = re.sub(r"\s+", " ", surface.strip().strip(",;"))
    if not s:
        return None
    if "," in s:
        family, _, given = (p.strip() for p in s.partition(","))
        if not family or not given or "," in given:
            return None
        return PersonName(given, family)
    tokens = s.split(" ")
    if len(tokens) < 2:
        return None
    if not all(_TOKEN.match(t) or is_particle(t) for t in tokens):
        return None
    if is_given_name(tokens[0]):
        # "Anne Kristine Feltman", "Eva Næss Karlsen", "Ursula von der Leyen":
        # the leading run of given names, then the family name(s).
        i = 1
        while i < len(tokens) - 1 and is_given_name(tokens[i]):
            i += 1
        return PersonName(" ".join(tokens[:i]), " ".join(tokens[i:]))
    # "Halvorsrud Kari Elisabeth", "Hasvold Helge Bollæren": surname written first.
    first_given = next((i for i, t in enumerate(tokens) if is_given_name(t)), None)
    if first_given is None:
        return None
    family = " ".join(tokens[:first_given])
    rest = tokens[first_given:]
    return PersonName(" ".join(rest), family)
