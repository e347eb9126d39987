"""Decisions of agenda items, with how the vote went.

"Vedtak: Styret sluttar seg til planen." becomes a kg:Decision of the item it
stands under (of the meeting outside the agenda). "Vedtak:" followed by a
numbered list ("1) …", "2. …"), on its line or on the lines below, gives one
decision per number. The vote is read from the decision or the line after it:
"Enstemmig vedtatt", "Samrøystes", "vedtatt mot 1 stemme" (kg:unanimous,
kg:votesAgainst), and who voted against where the minutes name them: "mot 1 stemme
(Kari Dahl, SV)", "Kari Dahl røysta mot" (kg:dissenter). The label may say who decided and when
("Styrets vedtak:", "Vedtak i Regionrådet - 12.03.2019:", as minutes written in case-handling systems do).
A proposal ("Innstilling:", "Forslag til vedtak:") is the decision only where the section writes no decision of
its own, or where that decision refers back to it ("Vedtak: Som innstillinga."). The words are language
data (data/lexicon/headings.toml, [decisions]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from kg.extract.bodies import body_node
from kg.extract.funding import amount_of
from kg.extract.graph import DocGraph
from kg.extract.meeting import person_node
from kg.extract.mentions import NameMatch, find_names, last_run
from kg.lang.amounts import find_amounts
from kg.lang.names import normalise_person
from kg.lang.sentences import is_table_row, leading_label, section_sentences
from kg.lang.thesaurus import thesaurus
from kg.model import Literal, Node, Section
from kg.parse.lines import headings
from kg.vocab import DCTERMS, KG, RDFS, XSD

_NUMBERED = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|[a-h]\))\s+(?=\S)")
_LIST_LINE = re.compile(r"^\s*(?:[-*•]\s*)?(?:\d{1,2}[.)]|[a-h]\))\s+(?P<text>\S.*)$")
_COUNT_WORDS = {"ein": 1, "en": 1, "éin": 1, "én": 1, "ei": 1, "éi": 1, "one": 1, "to": 2, "two": 2, "tre": 3,
                "three": 3, "fire": 4, "four": 4, "fem": 5, "five": 5}


@dataclass
class Vote:
    unanimous: bool
    against: int | None = None
    by: tuple[NameMatch, ...] = ()  # who voted against, as the text names them


def _words(key: str) -> list[str]:
    return headings()["decisions"][key]


@cache
def _alts(*keys: str) -> str:
    """The words of these lists as one alternation, the longest first (made once: every sentence is tried)."""
    return "|".join(re.escape(w) for w in sorted((w for k in keys for w in _words(k)), key=len, reverse=True))


@cache
def _vote_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(n against, voted against, unanimous), compiled once: every sentence near a decision is asked, and
    re's cache would hash the long alternations' text again at each call."""
    return (re.compile(rf"\b(?:{_alts('against')})\s+(?P<n>\d+|\w+)\s+(?:{_alts('vote_nouns')})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{_alts('voted')})\s+(?:i)?(?:{_alts('against')})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{_alts('unanimous')})\b", re.IGNORECASE))


def read_vote(text: str) -> Vote | None:
    """'Enstemmig vedtatt' → unanimous; 'vedtatt mot 2 stemmer', 'mot éi røyst' → 2 / 1 against."""
    against, voted_against, unanimous = _vote_patterns()
    m = against.search(text)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else _COUNT_WORDS.get(m["n"].lower())
        if n is not None:
            named = re.match(r"\s*\((?P<who>[^)]*)\)", text[m.end():])
            return Vote(False, n, (_voters(named["who"]) or _listed_people(named["who"])) if named else ())
    m = voted_against.search(text)
    if m and _voters(text[:m.start()], last=True):
        return Vote(False, None, _voters(text[:m.start()], last=True))
    if unanimous.search(text):
        return Vote(True)
    return None


def _voters(text: str, *, last: bool = False) -> tuple[NameMatch, ...]:
    """The people (or, where no person is named, the bodies) a vote note names: "(Aase Refsnes, SV)", "(Odda)";
    ``last``: only the names that end the text ("… Kari Dahl og Per Lie" before "røysta mot")."""
    names = [nm for nm in find_names(text)[0] if nm.kind not in ("place", "programme", "project")]
    if last:
        names = last_run(names, text, len(text.rstrip()))
    people = tuple(nm for nm in names if nm.kind == "person")
    return people or tuple(nm for nm in names if nm.kind != "person")


def _listed_people(text: str) -> tuple[NameMatch, ...]:
    """The people a vote note lists by full name where the name finder reads none ("Anita H. Pedersen, SV")."""
    out, at = [], 0
    for part in re.split(r",|\bog\b", text):
        name = normalise_person(part.strip())
        if name is not None:
            start = text.index(part, at)
            out.append(NameMatch("person", name.full, part.strip(), (start, start + len(part)), person=name))
        at += len(part)
    return tuple(out)


def _is_vote_line(text: str) -> bool:
    """A line that only reports the vote ('Enstemmig vedtatt.', 'Samrøystes.')."""
    return read_vote(text) is not None and len(text.split()) <= 8


# words that never end a sentence: prepositions, conjunctions, articles (bokmål, nynorsk)
_OPEN_ENDS = re.compile(r"(?:,|\s(?:til|og|i|på|av|for|fra|frå|med|om|at|som|en|ei|et|eit|ein|den|det|de|dei|ved|mot|"
                        r"etter|innen|innan|under|over|eller|men|samt))$", re.IGNORECASE)


def _cut_off(text: str, below: str) -> bool:
    """Words cut off in mid-clause ("… legges til" / "Hammerfest, og …"), not at a sentence's end."""
    return bool(_OPEN_ENDS.search(text.rstrip()) or re.match(r"[a-zæøå]", below.strip()))


def _split_numbered(text: str) -> list[str]:
    """'1) A. 2) B.' → ['A.', 'B.']; a text without numbering stays whole."""
    parts = [p.strip() for p in _NUMBERED.split(text) if p.strip()]
    return parts if len(parts) > 1 and _NUMBERED.match(" " + text.strip()) else [text.strip()]


class _Found(NamedTuple):
    text: str
    first: int
    last: int
    vote: Vote | None
    proposed: bool  # under a proposal's label ("Innstilling:"), not a decision's


def _list_items(k: int, end: int, lines: list[str]) -> tuple[list[tuple[str, int]], int]:
    """The items of a list from index k on, each with its line; an indented line below an item that starts
    no item of its own goes on with it (a wrapped item). Returns the items and the index after the list."""
    items: list[tuple[str, int]] = []
    while k < end:
        item = _LIST_LINE.match(lines[k])
        if item:
            items.append((item["text"].strip(), k + 1))
        elif items and lines[k][:1].isspace() and lines[k].strip() and not leading_label(lines[k]):
            items[-1] = (f"{items[-1][0]} {lines[k].strip()}", items[-1][1])
        else:
            break
        k += 1
    return items, k


class _Reader:
    """Reads one section's lines into decisions and proposals."""

    def __init__(self, label: re.Pattern):
        self.label = label
        self.found: list[_Found] = []

    def read(self, sec: Section, lines: list[str]) -> list[_Found]:
        n, end = sec.span.start + 1, sec.span.end
        while n <= end:
            line = lines[n - 1]
            m = self.label.match(line)
            if m:
                n = self.decision((m["text"] or "").replace("**", "").strip(), n, end, lines, m["label"] or m["alone"])
                continue
            if _is_vote_line(line) and self.found and self.found[-1].vote is None and n - self.found[-1].last <= 2:
                self.found[-1] = self.found[-1]._replace(last=n, vote=read_vote(line))
            n += 1
        return self.found

    def runs_on(self, text: str, k: int, end: int, lines: list[str]) -> tuple[str, int]:
        """A decision's words run on over the lines below line k (a wrapped paragraph, its vote at the end) up to
        a blank line, a list, a table, a heading or a labelled line; returns the words and their last line.
        A sentence cut off in mid-clause by one blank line (a page break) runs on below it."""
        while text and k < end:
            if not lines[k].strip():
                if k + 1 < end and lines[k + 1].strip() and _cut_off(text, lines[k + 1]) and not self.stops(lines[k + 1]):
                    text += " " + lines[k + 1].strip()
                    k += 2
                    continue
                break
            if self.stops(lines[k]):
                break
            text += " " + lines[k].strip()
            k += 1
        return text, k

    def stops(self, line: str) -> bool:
        """A line that starts something else: a label, a list, a table or a heading."""
        return bool(self.label.match(line) or _LIST_LINE.match(line) or leading_label(line)
                    or is_table_row(line) or line.lstrip().startswith("#"))

    def decision(self, text: str, n: int, end: int, lines: list[str], label: str) -> int:
        """The decision(s) from the label's line on; returns the next line to read."""
        first, k = n, n
        proposed = label.lower() in _words("proposal")
        if not text:  # "Vedtak:" alone: a numbered list or a paragraph below
            while k < end and not lines[k].strip():
                k += 1
            items, k = _list_items(k, end, lines)
            if items:
                for t, at in items:
                    self.found.append(_Found(t, at, at, read_vote(t), proposed))
                return k + 1
            if k < end:
                k += 1
                text = lines[k - 1].strip()
        text, k = self.runs_on(text, k, end, lines)
        after_list = self.listed(text, first, k, end, lines, proposed) if text.rstrip().endswith(":") else None
        if after_list is not None:
            return after_list
        if text:
            for t in _split_numbered(text):
                self.found.append(_Found(t, first, k, read_vote(t), proposed))
        return k + 1

    def listed(self, lead: str, first: int, k: int, end: int, lines: list[str], proposed: bool) -> int | None:
        """'Regionrådet prioriterer:' over a list: one decision per item, each with the words that lead to it
        ("Regionrådet prioriterer: Fv. 714 Laksevegen"); returns the next line to read (None: no list below)."""
        while k < end and not lines[k].strip():
            k += 1
        items, k = _list_items(k, end, lines)
        for t, at in items:
            self.found.append(_Found(f"{lead.strip()} {t}", first, at, read_vote(t), proposed))
        return k + 1 if items else None


def _label() -> re.Pattern:
    """A decision's or proposal's label line: "Vedtak:", "Styrets vedtak:", "Rådmannen sitt framlegg til vedtak:",
    "Vedtak i Regionrådet - 12.03.2019:" (who decided and when may stand around the label word), "Innstilling
    (frå rådmannsgruppa):"; or the label word alone on its line, the decision below ("**Vedtak** (tilråding)")."""
    who = r"(?:[\wæøå-]{3,}s\s+|[\wæøå-]{3,}\s+(?:sitt|sin|si)\s+)?"
    where = r"(?:\s+(?:i|fra|frå|av|in|by|of)\s+[^:\n]{1,60}?)?"
    when = r"(?:\s*[-–]?\s*\(?\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}\)?)?"
    note = r"(?:\s*\([^)]*\))?"
    words = _alts("words", "proposal")
    return re.compile(rf"^\s*(?:[-*•]\s*)?\**(?:{who}(?P<label>{words}){where}{when}\**{note}\s*:\s*\**\s*(?P<text>.*)"
                      rf"|(?P<alone>{words})\**{note}\s*\**\s*)$", re.IGNORECASE)


def _decided(found: list[_Found]) -> list[_Found]:
    """What a section decided: a proposal ("Forslag til vedtak: …") counts only where no decision is written, or
    where the decision refers back to it ("Vedtak: Som innstillinga.")."""
    decided = [f for f in found if not f.proposed]
    back = re.compile(rf"\b(?:{_alts('refers_back')})", re.IGNORECASE)
    if decided and not any(back.search(f.text) for f in decided):
        return decided
    return found


def decisions(g: DocGraph) -> None:
    """One kg:Decision per decision of the agenda items (and of sections outside the agenda)."""
    label = _label()
    items = {f.subject.label: f.subject for f in g.facts if f.subject.kind == "agenda_item"}
    item_of = {id(e.section): items.get(e.title) for e in g.minutes.agenda}
    lines = g.minutes.source.lines
    counts: dict[int, int] = {}
    for sec in g.minutes.sections:
        if sec.kind in ("header", "attendance", "events"):
            continue
        parent = item_of.get(id(sec)) or g.meeting
        for text, first, last, vote, proposed in _decided(_Reader(label).read(sec, lines)):
            if not re.search(r"[A-Za-zÆØÅæøå]{3}", text):
                continue
            counts[id(parent)] = k = counts.get(id(parent), 0) + 1
            node = _decision(g, parent, sec, first, last, text, vote, k)
            if not proposed and _adopts_proposal(text):
                _proposed_sums(g, node, sec, first)


def _adopts_proposal(text: str) -> bool:
    """'vedta budsjett 2023 som lagt fram', 'Som innstillinga': the decision adopts what the case laid before it."""
    return bool(re.search(rf"\b(?:{_alts('as_proposed')})\b", text, re.IGNORECASE))


def _proposed_sums(g: DocGraph, decision: Node, sec: Section, first: int) -> None:
    """The sums of what a decision adopts as proposed, each stated on its own line before the decision:
    those of the sentences that name the proposal ("Framlegget har ei driftsramme på 3,4 MNOK"), else
    every sum of the case's text above it. Rates ("kr 4,30 per innbyggjar") are no sums."""
    back = re.compile(rf"\b(?:{_alts('refers_back')})", re.IGNORECASE)
    above = [(s, a) for s in section_sentences(sec, g.minutes.source.lines) if s.last < first
             for a in find_amounts(s.text) if a.per is None]
    named = [(s, a) for s, a in above if back.search(s.text)]
    for k, (s, a) in enumerate(named or above, 1):
        amount_of(g, decision, a, g.evidence(sec, s.first, s.last, quote=s.text), f"amount/{k}")


def _decision(g: DocGraph, parent: Node, sec: Section, first: int, last: int, text: str, vote: Vote | None,
              k: int) -> Node:
    node = g.struct("decision", text[:80], (lambda p, k: lambda: f"{p.local()}/decision/{k}")(parent, k))
    ev = g.evidence(sec, first, last)
    g.fact(node, DCTERMS.description, text, ev)
    g.fact(node, DCTERMS.isPartOf, parent, ev)
    g.fact(node, RDFS.label, text[:80])
    if vote is not None:
        g.fact(node, KG.unanimous, Literal("true" if vote.unanimous else "false", XSD.boolean), ev)
        if vote.against is not None:
            g.fact(node, KG.votesAgainst, Literal(vote.against, XSD.integer), ev)
        for nm in vote.by:
            who = person_node(g, nm.surface) if nm.kind == "person" else body_node(g, nm.surface, default_kind=nm.kind)
            if who is not None:
                g.fact(node, KG.dissenter, who, ev)
    for t in thesaurus().tag(text):
        g.fact(node, DCTERMS.subject, g.entity("topic", t.concept.slug), ev)
    return node
