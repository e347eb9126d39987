"""Named projects, clusters and networks in a sentence.

Minutes name an initiative in three ways: in quotes beside the word for what it
is ("forprosjektet «Hyttefolket som ressurs»", "klyngen «Havvind Vest»"), as a
capitalised name right after that word ("prosjektet Green Offshore Tech"), or
joined to it ("Havvind-prosjektet"). A quoted phrase with no such word beside
it is a title or a theme («Norsk fjellpolitikk»), not a project, unless the
sentence says it got or applied for money or has partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# the word that says what a name is: "prosjektet", "forprosjekt", "Kunstprosjektet", "klynga", "nettverket"
_NOUN = (r"(?P<noun>[\wæøå]*?(?:prosjekt(?:et|a)?|klynge[n]?|klynga|nettverk(?:et)?|satsing(?:en|a)?|"
         r"program(?:met)?|initiativ(?:et)?))")
_CAPWORD = r"[A-ZÆØÅ0-9][\w\-æøåÆØÅ]*"
_SPACE = r"[^\S\t\n\r]+"  # between the words of a name: never a table cell's edge (tab) or a line break
_NAME = rf"{_CAPWORD}(?:{_SPACE}(?:[a-zæøå][\w\-]*{_SPACE})?{_CAPWORD})*"
_QUOTE = r"«(?P<q1>[^»]{2,100})»|“(?P<q2>[^”]{2,100})”|\"(?P<q3>[^\"]{2,100})\""
# "prosjektet «X»", "klyngen «X»", "prosjektet som heter «X»"
NOUN_QUOTED = re.compile(rf"(?i:\b{_NOUN})(?:\s+(?:som\s+heiter|som\s+heter|kalt|kalla|med\s+namnet|med\s+navnet))?\s*(?:{_QUOTE})")
# "«X»-prosjektet", "«X» er et prosjekt"
QUOTED_NOUN = re.compile(rf"(?:{_QUOTE})(?:\s*-\s*|\s+(?:er|var|blir)\s+(?:et|ein|eit|en|ei)\s+(?:\w+\s+)?){_NOUN}\b")
NOUN_NAME = re.compile(rf"(?i:\b{_NOUN}){_SPACE}(?P<name>{_NAME})")
NAME_NOUN = re.compile(rf"(?P<name>{_NAME})(?:{_SPACE}|-){_NOUN}\b")
QUOTED = re.compile(_QUOTE)
# a word of what a name is, anywhere (its first letters looked at first): most sentences hold none, and then
# only a quoted name can be one
_NAMES_A_KIND = re.compile(r"(?i:(?=[pknsi])(?:prosjekt|klynge|klynga|nettverk|satsing|program|initiativ))")
# "SKREI er et formidlingsprosjekt om ...": the sentence opens with the name of what it defines
NAME_IS_NOUN = re.compile(rf"^\W*(?P<name>{_NAME}){_SPACE}(?:er|var|blir)\s+(?:et|eit|ein|en|ei)\s+(?:[a-zæøå]+\s+)?{_NOUN}\b")
# "programmet Horizon Europe" names a funding programme (the lexicon's), "initiativet Fredrikstad tok" a subject
UNQUOTED_NOT = ("program", "initiativ")
STOP_AFTER = {"innen", "for", "med", "i", "og", "fra", "frå", "til", "som", "på", "av", "er", "ble", "vart", "har",
              "under", "sammen", "saman", "ved", "hos", "mot", "etter", "gjennom", "innenfor", "der", "hvor", "kor"}


@dataclass(frozen=True)
class NamedInitiative:
    kind: str  # project | cluster (a network is a cluster: an organised collaboration)
    name: str
    span: tuple[int, int]  # of the name in the sentence


def kind_of(noun: str) -> str:
    n = noun.lower()
    return "cluster" if ("klynge" in n or "klynga" in n or "nettverk" in n) else "project"


def _quoted(m: re.Match) -> tuple[str, tuple[int, int]]:
    for g in ("q1", "q2", "q3"):
        if m[g]:
            return m[g].strip(), m.span(g)
    raise ValueError("no quote group")


def trim_name(name: str) -> str:
    """Cut an unquoted name at a function word that ends it ('Green offshore Tech innen ...').

    The result is a prefix of ``name`` as written (doubled spaces kept), so it starts where ``name`` starts
    in the sentence."""
    words = list(re.finditer(r"\S+", name))
    kept = 0
    for i, w in enumerate(words):
        if i and w[0].lower() in STOP_AFTER:
            break
        kept = i + 1
    while kept and words[kept - 1][0][:1].islower():
        kept -= 1
    return name[:words[kept - 1].end()] if kept else ""


def _opens_with_word(text: str, m: re.Match) -> bool:
    """"Starter prosjektet ...": one capitalised word opening the sentence is a verb or a pronoun, not a name."""
    return " " not in m["name"] and "-" not in text[m.end("name"):m.end("name") + 1] and not text[:m.start("name")].strip(" \t-–•*")


def find_initiatives(text: str, *, says_activity: bool = False) -> list[NamedInitiative]:
    """The projects and clusters a sentence names. ``says_activity``: the sentence speaks of money or partners,
    so a quoted name opening it is the initiative it is about ("«X» har fått 2 mill. kr")."""
    found: list[NamedInitiative] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, name: str, span: tuple[int, int]) -> None:
        if len(name) < 3 or any(a < span[1] and span[0] < b for a, b in taken):
            return
        found.append(NamedInitiative(kind, name, span))
        taken.append(span)

    kinds = (NOUN_QUOTED, QUOTED_NOUN) if _NAMES_A_KIND.search(text) else ()
    for rx in kinds:
        for m in rx.finditer(text):
            name, span = _quoted(m)
            add(kind_of(m["noun"]), name, span)
    if says_activity:
        for m in QUOTED.finditer(text):
            name, span = _quoted(m)
            add("project", name, span)
    for rx in (NOUN_NAME, NAME_NOUN, NAME_IS_NOUN) if kinds else ():
        for m in rx.finditer(text):
            if rx is NOUN_NAME and m["noun"].lower().startswith(UNQUOTED_NOT):
                continue
            name = trim_name(m["name"])
            if not name or (rx is NAME_NOUN and _opens_with_word(text, m)):
                continue
            add(kind_of(m["noun"]), " ".join(name.split()), (m.start("name"), m.start("name") + len(name)))
    return sorted(found, key=lambda i: i.span)
