"""Working groups and their members, as the minutes set them up or name them.

A council sets up groups for its cases and names who sits in them: "Det settes ned ei
arbeidsgruppe med ordførarane Dahl og Lie og dagleg leiar", "Styringsgruppa består av
Kari Dahl, Per Lie og Ola Nes", "Eva Strand vert med i styringsgruppa", a follow-up's
"Arbeidsgruppen (Dahl, Lie)". The group
is a unit of the body whose minutes these are (org:subOrganizationOf), each member has
an org:Membership in it with the role "medlem". A member is named by full name, by a
family name the attendance list holds, or by a title one attendee alone holds
("dagleg leiar"). A group set up "for prosjektet" or "for fokusprogrammet" is the
group of the case it is set up in and is named after the case's title; the group named
again by its definite noun ("arbeidsgruppa") is the one set up before.
"""

from __future__ import annotations

import re

from kg.extract.activities import _listed_people
from kg.extract.graph import DocGraph
from kg.extract.meeting import listed_person, membership, person_named
from kg.extract.mentions import find_names
from kg.lang.names import normalise_person
from kg.lang.sentences import Sentence, section_sentences
from kg.model import Node, Section
from kg.parse.lines import case_title
from kg.vocab import ORG

# the group nouns: arbeidsgruppe, styringsgruppa, referansegruppen, arbeidsutval(et), komiteen, nemnda
_NOUN = (r"[a-zæøå]*(?:gruppe|gruppa|gruppen|utval|utvalet|utvalg|utvalget|komit[ée]|komit[ée]en|nemnd|nemnda)")
# groups of people a text speaks of, not bodies set up: "målgruppa", "aldersgruppe", "brukargruppe"
_NOT_A_BODY = r"(?!(?i:mål|alders|bruker|brukar|risiko|yrkes|befolknings|inntekts|pasient|elev))"
GROUP = re.compile(rf"(?<![\wæøå]){_NOT_A_BODY}(?P<noun>(?i:{_NOUN}))(?![\wæøå])"
                   r"(?P<of>\s+(?:for|om)\s+(?P<what>[\wæøå\-]+))?")
# where a group's noun could stand: GROUP is tried from every letter of every word, and most sentences hold none
_GROUP_WORD = re.compile(r"(?i:grupp|utval|komit|nemnd)")
# where the members follow: "… med A og B", "… består av A, B", "…: A, B", "… (A, B)"
MEMBERS = re.compile(r"^\s*(?:,\s*)?(?:med|består\s+av|bestående\s+av|beståande\s+av|som\s+består\s+av|skal\s+bestå\s+av"
                     r"|consisting\s+of|with|:)\s+(?P<list>.+)$|^\s*\((?P<bracket>[^)]+)\)", re.IGNORECASE)
# where the members come before: "A og B vert med i styringsgruppa", "A sit i arbeidsgruppa", "A joins the group"
JOINS = re.compile(r"\s(?:vert|blir|er|var|vart|ble|blei)\s+med\s+i\s+$|\s(?:sit|sitter|sat|satt|sete|går\s+inn|gjekk\s+inn"
                   r"|gikk\s+inn)\s+i\s+$|\s(?:sits|sit|joins|joined|is|are)\s+(?:on|in)\s+(?:the\s+)?$", re.IGNORECASE)
MEMBER_ROLE = "medlem"


def groups(g: DocGraph) -> None:
    """Each group a sentence names with its members, and their memberships."""
    lines = g.minutes.source.lines
    titles = _held_titles(g)
    set_up: list[Node] = []
    for sec in g.minutes.sections:
        if sec.kind in ("header", "attendance"):
            continue
        for s in section_sentences(sec, lines):
            for m in GROUP.finditer(s.text) if _GROUP_WORD.search(s.text) else ():
                after = MEMBERS.match(s.text[m.end():])
                joins = None if after else JOINS.search(s.text, 0, m.start())
                if not (after or joins):
                    continue
                listed = (after["list"] or after["bracket"]) if after else re.split(r"[.;:]\s", s.text[:joins.start()])[-1]
                members = _members(g, listed, titles)
                if not members:
                    continue
                group = _group(g, sec, m, set_up)
                ev = g.evidence(sec, s.first, s.last, s.text)
                if g.body is not None and group is not g.body:
                    g.fact(group, ORG.subOrganizationOf, g.body, ev)
                for person in members:
                    membership(g, person, group, MEMBER_ROLE, ev)
    _fold_references(g, set_up)


def _fold_references(g: DocGraph, set_up: list[Node]) -> None:
    """A body named by a group's noun alone ("Arbeidsgruppa" as a follow-up's responsible) is the one group of
    that noun the minutes set up."""
    for node in g.entities("organisation"):
        same = [s for s in set_up if " " not in node.label and _stem(s.label.split()[0]) == _stem(node.label)]
        if len(same) == 1 and same[0] is not node:
            g.merge(same[0], node)


def _group(g: DocGraph, sec: Section, m: re.Match, set_up: list[Node]) -> Node:
    """The group a match names: one set up before when it is named by its definite noun alone, else its own node
    (named after the case when it is "for" the case's subject, a definite noun the case's title holds)."""
    noun = m["noun"]
    if not m["of"]:
        before = [n for n in set_up if _stem(n.label.split()[0]) == _stem(noun)]
        if len(before) == 1 and _stem(noun) != noun.lower():
            before[0].aliases.add(noun[:1].upper() + noun[1:])  # what the minutes call it from then on
            return before[0]
    label = noun[:1].upper() + noun[1:] + (m["of"] or "")
    title = case_title(sec.title or "") if sec.kind == "agenda" else ""
    what = m["what"] or ""
    if what and _stem(what) != what.lower() and _stem(what) in title.lower():
        label = f"{noun[:1].upper()}{noun[1:]} for {title}"
    node = g.entity("organisation", label)
    if m["of"] and label != noun[:1].upper() + noun[1:] + m["of"]:
        node.aliases.add(noun[:1].upper() + noun[1:] + m["of"])
    if node not in set_up:
        set_up.append(node)
    return node


def _stem(word: str) -> str:
    """A noun without its definite ending and a consonant doubled before it ("arbeidsgruppa" → "arbeidsgrup",
    "fokusprogrammet" → "fokusprogram")."""
    stem = re.sub(r"(?:en|et|a|e|n)$", "", word.lower())
    return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem


def _members(g: DocGraph, text: str, titles: dict[str, list[Node]]) -> list[Node]:
    """The people a list of members names: full names, listed family names, and titles one attendee holds."""
    text = re.split(r"[.;]\s", text)[0]
    names, unplaced = find_names(text)
    names, _ = _listed_people(g, text, names, unplaced)
    # members are people: a family name the list holds is one, whatever else it names ("ordførarane Lid og Nes")
    out = [p for nm in names for p in [person_named(g, nm.surface) if nm.kind == "person" else listed_person(g, nm.surface)]
           if p is not None]
    low = text.lower()
    for title in sorted(titles, key=len, reverse=True):  # "daglig leder" before "leder"
        m = re.search(rf"(?<![\wæøå]){re.escape(title)}(?![\wæøå])(?!\s+(?:i|for|fra|frå)\s)", low)
        if m and len(titles[title]) == 1:
            out.append(titles[title][0])
        if m:
            low = low[:m.start()] + " " * len(title) + low[m.end():]
    return list(dict.fromkeys(out))


def _held_titles(g: DocGraph) -> dict[str, list[Node]]:
    """Each title the attendance list writes beside a name ("daglig leder") → the attendees who hold it."""
    out: dict[str, list[Node]] = {}
    for line in g.minutes.attendance:
        if not (line.name and line.title) or line.role == "absent":
            continue
        name = normalise_person(line.name, by_position=True)
        person = g.find("person", name.full) if name else None
        for title in re.split(r"\s*[,;/]\s*|\s+og\s+", line.title.lower()) if person else ():
            if person not in out.setdefault(title, []):
                out[title].append(person)
    return out
