"""Synonym rings for query-time expansion ("AI" ~ "kunstig intelligens", body aliases).

Search expands queries with these rings instead of indexing synonyms, so the thesaurus and
the body lexicon can change without re-indexing.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from kg.lang.thesaurus import THESAURUS_FILE as THESAURUS
from kg.lang.thesaurus import load_thesaurus
from kg.paths import LEXICON_DIR

BODIES = LEXICON_DIR / "bodies.toml"


def _key(phrase: str) -> str:
    """Whole-label comparison key: case and spacing do not matter."""
    return " ".join(phrase.casefold().split())


class SynonymTable:
    """Rings of interchangeable names; a phrase belongs to every ring that lists it."""

    def __init__(self, rings: list[tuple[str, ...]]):
        self.rings: list[tuple[str, ...]] = []
        self._by_key: dict[str, list[int]] = {}
        for ring in rings:
            members: dict[str, str] = {}
            for member in ring:
                if member.strip():
                    members.setdefault(_key(member), member.strip())
            if len(members) < 2:
                continue
            for key in members:
                self._by_key.setdefault(key, []).append(len(self.rings))
            self.rings.append(tuple(members.values()))
        self.longest = max((len(k.split()) for k in self._by_key), default=0)

    @classmethod
    @functools.cache
    def load(cls) -> SynonymTable:
        """The project's thesaurus and body lexicon, read once per process."""
        return cls.from_files(THESAURUS, BODIES)

    @classmethod
    def from_files(cls, thesaurus: Path, bodies: Path) -> SynonymTable:
        """Each SKOS concept's labels (all languages) and each body's label with its aliases
        form a ring; a missing file adds none."""
        return cls(_thesaurus_rings(thesaurus) + _body_rings(bodies))

    def rings_for(self, phrase: str) -> list[tuple[str, ...]]:
        """Every ring with a member equal to phrase (ignoring case); the member itself included."""
        return [self.rings[i] for i in self._by_key.get(_key(phrase), ())]


def _thesaurus_rings(path: Path) -> list[tuple[str, ...]]:
    if not path.exists():
        return []
    return [tuple(c.all_labels()) for c in load_thesaurus(path).concepts]


def _body_rings(path: Path) -> list[tuple[str, ...]]:
    if not path.exists():
        return []
    with path.open("rb") as f:
        bodies = tomllib.load(f).get("body", [])
    return [(b["label"], *b.get("aliases", ())) for b in bodies if "label" in b]
