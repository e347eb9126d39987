"""Making the node for a named body or place, with what the lexicon knows of it."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from kg.extract.graph import DocGraph
from kg.lang.text import key, squash
from kg.model import Node
from kg.lang.bodies import FUZZY_MIN, classify


def body_node(g: DocGraph, name: str, *, default_kind: str, classify_name: bool = True) -> Node:
    """The node of a body or place named in the document.

    A name that is a close spelling of a body already read in this document
    ("Mossregionen" beside "Mosseregionen") is the same body; the variant is
    kept as an alias. Municipalities are never matched by spelling.
    """
    name, short = _short_form(squash(name).strip(" .,:;*"))
    node = _body_node(g, name, default_kind=default_kind, classify_name=classify_name)
    if short and short != node.label:  # "Romsdal Regionråd (ROR)": a name to ask by, and to find it by again
        known_as(g, node, short)
    return node


def known_as(g: DocGraph, node: Node, short: str) -> None:
    """A short form the minutes introduced for a body: its alias, and the body it stands for later in them."""
    node.aliases.add(short)
    g.short_forms.setdefault(short, node)


def _body_node(g: DocGraph, name: str, *, default_kind: str, classify_name: bool) -> Node:
    own = _the_body_itself(g, name) or named_short(g, name) or _the_one_so_called(g, name)
    if own is not None:
        if name[:1].isupper():  # a cell "Programkontoret": what the minutes call the body, a name to ask by
            own.aliases.add(name)
        return own
    c = classify(name) if classify_name else None
    if c is None or c.how == "rule":
        same = _qualified(g, name)
        if same is not None:
            return same
    kind, label = (c.kind, c.label) if c else (default_kind, name[:1].upper() + name[1:])
    if kind == "place" and default_kind != "place":
        kind = "region"  # a place that attends or reports ("Nedre Eiker") acts as a sub-region
    if kind != "municipality" and not g.find(kind, label):
        for other in g.entities(kind):
            if len(key(label)) >= 8 and fuzz.ratio(key(label), key(other.label)) >= FUZZY_MIN:
                other.aliases.add(name)
                return other
    props = {}
    if c and c.municipality:
        props["municipalities"] = c.municipality
    node = g.entity(kind, label, surface=name, **props)
    if c and c.known:
        known = c.known
        # the lexicon's parent of a body (a ministry above an agency) is not what the document says:
        # it lives in the bodies graph (kg.extract.background), never in the document's graph
        for topic in known.topics:
            node.props.setdefault("topics", set()).add(topic)
    if c is None and classify_name and kind != "place":
        node.props["guessed"] = True
    return node


def _the_body_itself(g: DocGraph, name: str) -> Node | None:
    """The body whose minutes these are, named by its kind as a definite noun ("søkt om kr 60 000 frå rådet",
    "styret", "nettverket", a cell "Programkontoret") where its name holds that noun."""
    if not name[1:].islower() or " " in name or g.body is None:  # "Programkontoret" heading a cell too
        return None
    if not name.islower() and classify(name, fuzzy=False, rules=False):
        return None  # "Trondheim" is a name of its own, not "Trondheimsregionen" named by its kind
    stem = re.sub(r"(?:et|en|a)$", "", name.lower())
    return g.body if len(stem) >= 3 and stem != name.lower() and stem in g.body.label.lower() else None


def _the_one_so_called(g: DocGraph, name: str) -> Node | None:
    """A body named only by its kind as a definite noun ("fått kr 1,5 mill. fra fylkeskommunen", "Fylkesmannen")
    where the document has named one body of that kind ("Vestfold og Telemark fylkeskommune" in the attendance)."""
    if " " in name or not name[1:].islower():
        return None
    stem = re.sub(r"(?:en|et|a|n)$", "", name.lower())
    if len(stem) < 5 or stem == name.lower():
        return None
    ones = [e for kind in ("institution", "organisation") for e in g.entities(kind)
            if e.label.lower().split()[-1] in (stem, stem + "e") or e.label.split()[0].lower() == name.lower()]
    return ones[0] if len(ones) == 1 else None


def _short_form(name: str) -> tuple[str, str | None]:
    """'Romsdal Regionråd (ROR)' → ('Romsdal Regionråd', 'ROR'): a name without the short form it
    introduces in brackets, and that short form."""
    m = re.match(r"^(?P<name>[^()]+?)(?P<after>\s*\([^()]+\))$", name)
    short = introduced_abbreviation(m["name"], m["after"]) if m else None
    return (m["name"], short) if short else (name, None)


def named_short(g: DocGraph, name: str) -> Node | None:
    """The body a short form stands for that the minutes introduced for it before ("ROR" after
    "Romsdal Regionråd (ROR)" in the letterhead, "Nfk" after "Nordland fylkeskommune (Nfk)")."""
    return g.short_forms.get(name)


_QUALIFIED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<where>[^()]+)\)$")


def _qualified(g: DocGraph, name: str) -> Node | None:
    """A body the lexicons do not know, named once with a bracket saying where it belongs ("DataLab
    (Fjellregionen)") and once without ("DataLab"): one body, both names kept."""
    m = _QUALIFIED.match(name)
    base = key(m["name"]) if m else key(name)
    for node in g.entities():
        if node.kind in ("person", "municipality", "place", "meeting", "topic", "event", "project"):
            continue
        other = _QUALIFIED.match(node.label)
        if (key(node.label) == base) if m else (other is not None and key(other["name"]) == base):
            node.aliases.add(name)
            return node
    return None


# "Kommunenes Digitaliseringsfond (DigiFin)", "Listerrådets næringsfond (LNF)": a short form in brackets
ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-ZÆØÅ][\wæøåÆØÅ\-]{1,14})\)")


def introduced_abbreviation(name: str, after: str) -> str | None:
    """The short form a name introduces in brackets right after it: one word with two capitals or
    more, or a short one whose letters are the name's in order ("Nfk"), whose first letter begins a
    word of the name ("(Fjellregionen)" after a name is no short form of it)."""
    m = ABBREVIATION.match(after)
    if not m:
        return None
    abbr = m["abbr"]
    if len(abbr) >= len(name):
        return None
    initials = {w[:1].casefold() for w in re.split(r"[\s\-]+", name) if w}
    if abbr[:1].casefold() not in initials:
        return None
    # one capital only ("Nfk" of "Nordland fylkeskommune"): short, and its letters those of the name in order
    letters = re.compile(".*?".join(map(re.escape, abbr.casefold())))
    return abbr if sum(c.isupper() for c in abbr) >= 2 or len(abbr) <= 5 and letters.search(name.casefold()) else None
