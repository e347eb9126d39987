"""One person written two ways inside one document is one person.

Minutes write a member in full in the attendance list and shorter further on:
the middle name dropped ("Hugo Jacobsen" for "Hugo Bongard Jacobsen"), the first
given name dropped ("André Myhren" for "Jan André Myhren"), the given name as an
initial ("H. Valvåg"), or the surname or a middle name misspelt by a letter or two
while the other names agree ("Kari Lunnd", "Signe Sollie Haugå"). Within one document these are folded
into the fuller form; across documents people are never matched by spelling, and
two people who both attend stay two.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from kg.extract.graph import DocGraph
from kg.lang.names import is_initial
from kg.lang.text import key
from kg.model import Node
from kg.vocab import KG


def _parts(node: Node) -> tuple[list[str], str]:
    """The names before the last and the last ("Ane Mari Braut Nese" → [ane, mari, braut], nese;
    a hyphenated given name as its parts)."""
    words = [key(w).rstrip(".") for w in node.label.split()]
    if len(words) > 2 and words[-1] in ("jr", "sr"):
        words = words[:-1]
    given = [part for w in words[:-1] for part in w.split("-") if part]  # "Per-Gunnar" is "Per Gunnar"
    return given, words[-1]


def _given_agree(short: list[str], full: list[str]) -> bool:
    """Every given name of the shorter form stands, in order, in the fuller one (an initial for a name)."""
    i = 0
    for word in short:
        while i < len(full) and not (full[i] == word or len(word) == 1 and full[i].startswith(word)):
            i += 1
        if i == len(full):
            return False
        i += 1
    return bool(short) and short[0][:1] == full[0][:1]


def _same_family(a: str, b: str) -> bool:
    if a == b:
        return True
    # "Kvinlaug"/"Kvinlog", not "Hansen"/"Jansen": the start of the name agrees
    return (min(len(a), len(b)) >= 5 and a[:2] == b[:2]
            and Levenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= 7 else 1))


def same_person(a: Node, b: Node) -> bool:
    """Whether two person nodes of one document name the same person (see the module's docstring)."""
    (ga, fa), (gb, fb) = _parts(a), _parts(b)
    if not _same_family(fa, fb):
        return False
    if fa != fb:  # a spelling difference in the surname only when the given names are the same
        return ga == gb
    short, full = (ga, gb) if len(" ".join(ga)) <= len(" ".join(gb)) else (gb, ga)
    if short and len(short) < len(full) and full[-len(short):] == short:
        return True  # "André Myhren" for "Jan André Myhren": called by the name after the first
    if len(ga) == len(gb) >= 2 and ga[0] == gb[0]:
        # "Signe Sollie Haugå" / "Signe Sollien Haugå": one later name misspelt by a letter, the others the same
        differ = [(a, b) for a, b in zip(ga, gb) if a != b]
        if len(differ) == 1 and _same_family(*differ[0]):
            return True
    return _given_agree(short, full)


def fold_people(g: DocGraph) -> None:
    """Merge each person node into the fullest form of the same person: the most names written out,
    then the form of the attendance list ("Signe Sollie Haugå" there, "Sollien" in a case), then the longest,
    then the first read.

    Two people who are both listed as attending are two people, however alike their names
    ("Anne Christoffersen, Kongsberg" and "Anne Christophersen, Flesberg"): an attendance
    list names each person once.
    """
    listed = {id(f.object) for f in g.facts if f.predicate == KG.person}

    def fullest(n: Node) -> tuple:
        names = [w for w in re.split(r"[\s-]+", n.label) if w and not is_initial(w)]
        return -len(names), id(n) not in listed, -len(n.label)

    people = sorted(g.entities("person"), key=fullest)
    kept: list[Node] = []
    for node in people:
        same = next((k for k in kept if not (id(k) in listed and id(node) in listed) and same_person(k, node)), None)
        if same is None:
            kept.append(node)
        else:
            g.merge(same, node)
