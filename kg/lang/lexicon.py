"""Loading the lexicons kept as data in ``data/lexicon`` (cached per process)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from kg.paths import LEXICON_DIR


def _lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def word_set(name: str) -> frozenset[str]:
    """A one-entry-per-line list, case-folded (``given_names``, ``roles`` ...)."""
    return frozenset(w.casefold() for w in _lines(LEXICON_DIR / f"{name}.txt"))


@cache
def table(name: str) -> dict:
    """A TOML lexicon (``bodies``, ``kind_rules``, ``places``)."""
    with open(LEXICON_DIR / f"{name}.toml", "rb") as f:
        return tomllib.load(f)
