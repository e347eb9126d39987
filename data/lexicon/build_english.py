#!/usr/bin/env python3
"""Build english_norwegian.tsv, the English words of a question with their Norwegian (bokmål) words,
from FreeDict's English-Norwegian dictionary (eng-nor, 2022.12.07; Debian package dict-freedict-eng-nor,
CC BY-SA 3.0; english_norwegian.SOURCE.md).

Kept: nouns and adjectives (what a question's topic words are), each with its translations of one word
("nettverk", not "gi oppgave"). Written: ``english<TAB>norsk|norsk``, sorted.

Usage: ``python data/lexicon/build_english.py [DICTD_DIR]`` (default /usr/share/dictd). Standard library only.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
KEPT = {"n", "adj"}
OUT = Path(__file__).with_name("english_norwegian.tsv")


def number(text: str) -> int:
    """A dictd index offset or length (base 64)."""
    n = 0
    for c in text:
        n = n * 64 + BASE64.index(c)
    return n


def translations(entry: list[str]) -> list[str]:
    """An entry's translations: its first line after the headword, and each numbered sense after it;
    the English glosses between them are not kept."""
    found = []
    for i, line in enumerate(entry[1:]):
        if i == 0 or re.match(r"^\d+\. ", line):
            line = re.sub(r"\s*\d+\.\s*$", "", re.sub(r"^\d+\.\s*", "", line))
            found += [t.strip() for t in line.split(",") if re.fullmatch(r"[a-zæøåé-]+", t.strip())]
    return list(dict.fromkeys(found))


def main(folder: Path) -> None:
    text = gzip.open(folder / "freedict-eng-nor.dict.dz").read()
    words: dict[str, list[str]] = {}
    for row in (folder / "freedict-eng-nor.index").read_text(encoding="utf-8").splitlines():
        head, offset, length = row.split("\t")
        if head.startswith("00-") or not re.fullmatch(r"[a-z][a-z-]*", head):
            continue
        entry = text[number(offset):number(offset) + number(length)].decode("utf-8").split("\n")
        pos = re.search(r"<(\w+)>", entry[0])
        if pos and pos.group(1) in KEPT:
            known = words.setdefault(head, [])
            known += [t for t in translations(entry) if t not in known]
    OUT.write_text("".join(f"{w}\t{'|'.join(t)}\n" for w, t in sorted(words.items()) if t), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/dictd"))
