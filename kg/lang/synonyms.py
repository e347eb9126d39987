"""Synonym rings for query-time expansion ("AI" ~ "kunstig intelligens", body aliases).

Search expands queries with these rings instead of indexing synonyms, so the thesaurus, the
body lexicon and the search synonym list (data/lexicon/search_synonyms.txt: abbreviations
such as IKT/IT, NTP) can change without re-indexing.
"""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path

from kg.errors import StoreError
from kg.lang.thesaurus import THESAURUS_FILE as THESAURUS
from kg.lang.thesaurus import load_thesaurus
from kg.paths import LEXICON_DIR
from kg.store.graphstore import write_atomically

BODIES = LEXICON_DIR / "bodies.toml"
SEARCH_SYNONYMS = LEXICON_DIR / "search_synonyms.txt"
SYNONYMS_FILE = "synonyms.json"


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
        """The project's thesaurus, body lexicon and search synonyms, read once per process."""
        return cls.from_files(THESAURUS, BODIES, SEARCH_SYNONYMS)

    @classmethod
    def kept_in(cls, folder: Path) -> SynonymTable:
        """The project's table, kept in folder as its rings while the files they are read from are
        unchanged: parsing the thesaurus and the body lexicon costs a cold `kg search` more than its search."""
        sources = [[str(p), *((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else ())]
                   for p in (THESAURUS, BODIES, SEARCH_SYNONYMS)]
        kept = Path(folder) / SYNONYMS_FILE
        try:
            data = json.loads(kept.read_text(encoding="utf-8"))
            if data["sources"] == sources:
                return cls([tuple(ring) for ring in data["rings"]])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing, unreadable or of other files: read again below
        table = cls.from_files(THESAURUS, BODIES, SEARCH_SYNONYMS)
        try:
            write_atomically(kept, json.dumps({"sources": sources, "rings": table.rings}, ensure_ascii=False))
        except StoreError:
            pass  # a folder we may not write to: read the files again next time
        return table

    @classmethod
    def from_files(cls, thesaurus: Path, bodies: Path, synonyms: Path | None = None) -> SynonymTable:
        """Each SKOS concept's labels (all languages), each body's label with its aliases and
        each line of the synonym list form a ring; a missing file adds none."""
        return cls(_thesaurus_rings(thesaurus) + _body_rings(bodies) + _list_rings(synonyms))

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


def _list_rings(path: Path | None) -> list[tuple[str, ...]]:
    """One ring a line, members separated by "|"; "#" starts a comment."""
    if path is None or not path.exists():
        return []
    lines = (raw.split("#", 1)[0] for raw in path.read_text(encoding="utf-8").splitlines())
    return [tuple(m.strip() for m in line.split("|")) for line in lines if line.strip()]
