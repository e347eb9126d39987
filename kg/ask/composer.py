"""Choosing the named query for a read question, and binding its parameters.

Each query declares the relations it answers, the kinds of thing it answers
and the modifiers it needs (``catalogue.py``). Every query whose relation the
question names is tried: its parameters are filled from the question's
linked arguments by kind (an organisation fills a ``body``, a thesaurus
concept a ``topic``), from its dates and amounts; the query that uses the most
of the question, with the best-fitting answer kind, wins; the question's first relation
(``reader.py`` orders them) is tried before the next, and the runner falls back on the
next-best query only when the best finds nothing. An organisation
after "works with" is thus a partner (``works-with``), a concept a topic
(``actors-by-topic``); a person after "represent" asks which bodies they
represented (``person-bodies``). A second clause asks for a column of the rows
("…, og hvor mye?", "and who voted against?"): a query whose rows carry it is
preferred (a grant row has amount and funder, an action row responsible and
deadline, a decision row who voted against).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from kg.ask.catalogue import NamedQuery, catalogue
from kg.ask.reader import Argument, Parts
from kg.ask.slots import NAMED_KINDS, SLOT_TARGETS, Filled, SlotFiller
from kg.ask.words import COLUMN_VARIABLES, TITLES
from kg.errors import KgError
from kg.vocab import ACTOR_KINDS, CLASS_OF_KIND

AGENTS = {"person", "actor", "agent", "municipality", "region", "organisation", "institution"}
BODY_WORK = {"work"}  # relations whose subject in minutes is a body: a person reports it for the body


@dataclass(frozen=True)
class Option:
    """One way an argument can fill a parameter."""
    kind: str          # a kind of node, "topic", "case", "text" or "section" (its words, searched for)
    filled: Filled
    exact: bool


@dataclass
class Linked:
    argument: Argument
    options: list[Option]

    @property
    def understood(self) -> bool:
        return any(o.kind not in ("text", "section") for o in self.options)


@dataclass
class Choice:
    query: NamedQuery
    bound: dict[str, Filled]
    score: float
    relation: str
    unused: list[Linked] = field(default_factory=list)
    unused_dates: list = field(default_factory=list)
    defaulted: dict[str, str] = field(default_factory=dict)   # parameter → why it took a default
    dates_left: int = 0   # dates of the question no parameter took (unused names still narrow the answers)


def link(filler: SlotFiller, arg: Argument, knows=lambda word: False) -> Linked:
    """Every reading of an argument: the things it names, the topic it is, its words (knows(word): whether
    the search index holds a word)."""
    import pyoxigraph as ox

    stem = _stem(arg.text)
    text = Option("text", Filled(ox.Literal(stem), stem, "words, inflection cut"), False)
    if arg.case:
        return Linked(arg, [Option("case", Filled(ox.Literal(arg.text), arg.text, "case number"), True), text])
    options = [Option(e.kind, Filled(ox.NamedNode(e.iri), e.label, f"{e.kind} by name"), True)
               for e in arg.names]  # a topic's bokmål label names it in the graph too
    if not arg.names:
        try:
            topic = filler.fill("topic", arg.text)
            options.append(Option("topic", topic, topic.why == "thesaurus label"))
        except KgError:
            pass
        found, how = filler.index(NAMED_KINDS).find(arg.text, None)
        options += [Option(e.kind, Filled(ox.NamedNode(e.iri), e.label, f"{e.kind} by {how}"), False)
                    for e in found[:3]]
    if arg.names:  # a named thing's words are its label
        e = arg.names[0]
        text = Option("text", Filled(ox.Literal(e.label), e.label, "label"), False)
    # words that name nothing may still be what some sections are about ("landstraum for cruiseskip"), and
    # a name what the lines a body presents are on ("Kven presenterte Norsk Fjellmatsenter"): read after the
    # graph; a name neither the graph nor the minutes' words hold ("Horizon Asia") is said to be not found, not
    # searched for, where a name the minutes write but nothing was made of ("Nordbanen") is searched for
    words = arg.text.split()
    named = any(o.exact or o.kind == "topic" for o in options)  # the index is asked only of a name nothing else reads
    if arg.names or not all(w[:1].isupper() for w in words) or (not named and all(knows(w) for w in words)):
        options.append(Option("section", Filled(ox.Literal(arg.text), arg.text, "sections the words find"), False))
    return Linked(arg, options + [text])


def _part_of_other(option: Option, linked: list[Linked], at: int) -> bool:
    """Whether the thing option names is a part of a thing another argument names: its name begins with that
    thing's name ("Fjordnetts sekretariat" beside "Fjordnett")."""
    label = option.filled.label.casefold()
    return any(o.exact and o.kind not in ("text", "section", "topic") and label != o.filled.label.casefold()
               and label.startswith(o.filled.label.casefold())
               for j, ln in enumerate(linked) if j != at for o in ln.options)


def _fits(param_kind: str, option: Option) -> bool:
    if param_kind in ("topic", "case", "section"):
        return option.kind == param_kind
    if param_kind == "text":
        return True
    if option.kind in ("text", "case", "topic", "section"):
        return param_kind == "entity" and option.kind == "topic"
    targets = SLOT_TARGETS.get(param_kind)
    return targets is None or option.kind in targets


def _answer_fit(asked: str, query: NamedQuery, relation: str = "") -> float | None:
    """How well the kinds a query answers fit the kind asked for (None: not at all). Who works on a
    thing is a body before a person ("who is looking at offshore wind": the company, not who told of it)."""
    answers = set(query.answers)
    if asked == "thing":
        return 0.0
    if asked == "agent" and relation in BODY_WORK:
        return 2.0 if answers & (AGENTS - {"person", "agent"}) else 1.5 if answers & {"person", "agent"} else None
    if asked == "agent":
        return 2.0 if answers & {"person", "agent"} else 1.5 if "actor" in answers else 1.0 if answers & AGENTS else None
    if asked in ("date", "amount", "place"):
        return 1.0 if asked in answers else 0.0
    if asked in answers:
        return 3.0
    if asked in ACTOR_KINDS and "actor" in answers:
        return 2.0
    return None


def _kinds_fit(asked: list[str], query: NamedQuery, relation: str) -> float | None:
    """How well a query fits several kinds asked for together ("municipalities and regions"): one that
    answers them all before one that answers only some."""
    fits = [_answer_fit(k, query, relation) for k in asked]
    found = [f for f in fits if f is not None]
    if not found:
        return None
    return min(found) if len(found) == len(fits) else max(found) - 1.5


def rank(parts: Parts, linked: list[Linked], filler: SlotFiller, *, today: date | None,
         last_meeting: date | None) -> list[Choice]:
    """Every query that fits the question with its parameters bound, best first: when the best
    finds nothing in the graph the next may ("who was absent" asked of minutes that list only
    the bodies without anyone present)."""
    relations = parts.relations or ["about"]
    if not parts.relations and parts.dates and parts.answer in ("event", "meeting"):
        relations = ["happen", "about"]  # "events after 1 October", "møter i 2022": dated things in that time
    if not parts.relations and not all(ln.understood for ln in linked):
        return []  # no verb and words not understood: too little was read to answer from
    choices: list[Choice] = []
    for order, relation in enumerate(relations):
        for q in catalogue().values():
            if relation not in q.relations or not q.needs <= parts.modifiers:
                continue
            fit = _kinds_fit([parts.answer, *parts.also], q, relation)
            if fit is None:
                continue
            choice = _bind(q, parts, linked, filler, today=today, last_meeting=last_meeting, relation=relation)
            if choice is None:
                continue
            choice.score += fit - 100 * order - 3 * len(parts.modifiers - q.needs - q.uses - {"not", "each", "open"})
            choice.score += 4 * len(q.needs) + 2 * len(q.uses & parts.modifiers)
            choice.score += COLUMN_WEIGHT * len(_carried(q, parts.columns))
            choices.append(choice)
    best: dict[str, Choice] = {}  # a query once, for the relation it fits best
    for c in sorted(choices, key=lambda c: -c.score):
        best.setdefault(c.query.name, c)
    if not best and "decide" in relations and parts.answer != "thing":
        # "which road projects were prioritised": what a decision names is asked for, of no kind the graph holds
        return rank(replace(parts, answer="thing"), linked, filler, today=today, last_meeting=last_meeting)
    if not best and "member" in relations:
        # "which municipalities are involved in fish farming": taking part in a topic, not in a body, is working on it
        return rank(replace(parts, relations=["work" if r == "member" else r for r in relations]), linked, filler,
                    today=today, last_meeting=last_meeting)
    return list(best.values())


COLUMN_WEIGHT = 6  # a query whose rows carry a column the question asks for ("og hvem stemte mot") wins


def _carried(q: NamedQuery, columns: list[str]) -> list[str]:
    """The columns asked for that the query's answer rows carry (a grant row: amount and funder)."""
    select = re.search(r"\bSELECT\b(.*?)\bWHERE\b", q.sparql, re.S | re.I)
    projected = set(re.findall(r"\?(\w+)", select.group(1))) if select else set()
    return [c for c in columns if COLUMN_VARIABLES[c] & projected]


def _bind(q: NamedQuery, parts: Parts, linked: list[Linked], filler: SlotFiller, *, today, last_meeting,
          relation) -> Choice | None:
    import pyoxigraph as ox

    bound: dict[str, Filled] = {}
    used: set[int] = set()
    score = 0.0
    defaulted: dict[str, str] = {}
    dates = list(parts.dates)
    ranges: list = []
    date_params = [p for p, k in q.params.items() if k == "date"]
    for p, kind in q.params.items():
        if kind == "date":
            continue
        if kind in ("line", "said"):  # the runner binds the lines its words match: read before the whole section
            score += 0.5 if kind == "line" else 0
            continue
        if kind == "amount":
            if not parts.amounts:
                return None
            a = parts.amounts[0]
            bound[p] = Filled(ox.Literal(str(a.value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
                              f"{a.value} {a.currency}", "amount")
            score += 10
            continue
        if kind == "cue":  # the words that named the relation ("rådmann"), without inflection
            cue = parts.cues.get(relation, "").lower()
            bound[p] = Filled(ox.Literal(_title_pattern(cue)), cue, "the question's own word")
            score += 5
            continue
        if kind == "class":
            if parts.answer not in CLASS_OF_KIND:
                return None
            bound[p] = Filled(ox.NamedNode(CLASS_OF_KIND[parts.answer]), parts.answer, "kind asked for")
            score += 3
            continue
        pick = None
        for i, ln in enumerate(linked):
            if i in used:
                continue
            for o in ln.options:
                if _fits(kind, o) and (kind != "text" or o.kind == "text"):
                    value = (10 if o.exact else 7) if kind != "text" else (5 if not ln.understood else 3)
                    # found by search: after what the graph states; words that name nothing before a name
                    value = _section_value(ln) if kind == "section" else value
                    value -= 2 if kind == "entity" else 0  # a parameter for any thing fits less than one for its kind
                    value -= 1 if kind == "entity" and o.kind == "topic" else 0  # and a name more than a topic
                    # a member fits a body better than the council it sits in ("who represented Vik in Sogn regionråd")
                    value += 0.5 if kind in ("body", "actor") and o.kind == "municipality" else 0
                    # and a body's part better than the body ("Fjordnett (sekretariatet)": Fjordnetts sekretariat)
                    value += 0.25 if kind in ("body", "actor") and _part_of_other(o, linked, i) else 0
                    if pick is None or value > pick[0]:
                        pick = (value, i, o)
        if pick is None:
            return None
        score += pick[0]
        used.add(pick[1])
        bound[p] = pick[2].filled
        if kind == "section" and not _named(linked[pick[1]]):
            bound[p] = _together(bound[p], linked, used)
    if date_params:
        if len(date_params) == 2:
            if not dates:
                return None
            first = dates.pop(0)
            if first.bound in ("after", "before"):  # one side open: "after 1 October", "før 1. mars"
                values = [first.start, date.max] if first.bound == "after" else [date.min, first.start]
            else:
                values = [first.start, dates.pop(0).end if dates else first.end]
        elif dates:
            d = dates.pop(0)  # a deadline "in March" is any day until its end; "after May" counts from its start
            values = [d.end if date_params == ["until"] and d.bound != "before" else d.start]
            if d.bound is None and d.end != d.start:
                ranges.append(d)  # "in March", "i haust": the answers are narrowed to the span too
        else:
            if relation in ("upcoming", "next", "due") and today is not None:
                values = [today]
                defaulted[date_params[0]] = f"no date given: counted from today, {today.isoformat()}"
            elif last_meeting is not None:
                values = [last_meeting]
                defaulted[date_params[0]] = f"no date given: the last meeting, {last_meeting.isoformat()}"
            else:
                return None
            score -= 2
        for p, v in zip(date_params, values):
            bound[p] = Filled(ox.Literal(v.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
                              v.isoformat(), "date")
            score += 10 if p not in defaulted else 0
    unused = [ln for i, ln in enumerate(linked) if i not in used]
    score -= sum(8 if ln.understood else 3 for ln in unused) + 2 * len(dates)
    score -= 8 * (len(parts.amounts) if not any(k == "amount" for k in q.params.values()) else 0)
    return Choice(q, bound, score, relation, unused, dates + ranges, defaulted, len(dates))


def _section_value(ln: Linked) -> float:
    """How well an argument's words fill a searched section: words that name nothing best, then a topic,
    then a thing's name ("branding" before "Sunnhordland" in "who funds the branding work for Sunnhordland")."""
    if not _named(ln):
        return 1
    return 0.5 if any(o.exact and o.kind != "topic" for o in ln.options) else 0.75


def _named(ln: Linked) -> bool:
    """The argument names a thing or a topic for certain, not words only near one ("energy recovery": energi)."""
    return any(o.exact for o in ln.options)


def _together(filled: Filled, linked: list[Linked], used: set[int]) -> Filled:
    """The words of every argument that names nothing for certain, searched together: "cruiseskip og
    landstraum", "hydropower or energy companies" are what one part of the minutes is about."""
    import pyoxigraph as ox

    more = [i for i, ln in enumerate(linked) if i not in used and not _named(ln)
            and any(o.kind == "section" for o in ln.options)]
    if not more:
        return filled
    used.update(more)
    text = " ".join([filled.label, *(linked[i].argument.text for i in more)])
    return Filled(ox.Literal(text), text, filled.why)


def _title_pattern(cue: str) -> str:
    """The pattern a role as written is matched by, for the title a question names ("chief executive" finds
    "rådmann" and "kommunedirektør"; any other title its stem, "styreleiaren" finds "styreleiar")."""
    return next((pattern for asked, pattern in TITLES if re.fullmatch(asked, cue)), None) or re.escape(_stem(cue))


def _stem(text: str) -> str:
    """The longest word of a phrase (of its names, where a word after the first is capitalised) without its
    inflection, for matching it inside running text ("kontrollutvala" finds "kontrollutval", "Hardingtinget"
    finds "Hardingting", "oljefeltet Luva" finds "Luva")."""
    named = [w for w in text.split()[1:] if w[:1].isupper()]  # "oljefeltet Luva": the name is the word to find
    longest = max(named or text.split(), key=len)
    return longest[:max(5, len(longest) - 4)] if len(longest) > 6 else longest
