"""Who stood aside from a case as disqualified: agenda item kg:recused person.

The law makes a member who is disqualified (inhabil, ugild) leave the case (forvaltningsloven § 6,
kommuneloven § 11-10), and minutes record it in a sentence of the case ("Kari Dahl erklærte seg inhabil og
fratrådte", "Per Lie vart kjend ugild") or in a note elsewhere ("Inhabil i sak 7/19: Kari Dahl"). The people
are those the sentence names nearest before the word (after it when none stands before: a label), or, where
the sentence says "ho/han", the last one the sentence before named. The case is the one the sentence names,
else the one it stands under. A sentence that denies it ("ble ikke funnet inhabil") states nothing.
The words are language data (data/lexicon/headings.toml, [recusal]).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.graph import DocGraph
from kg.extract.meeting import person_node
from kg.extract.mentions import NameMatch, find_names, last_run
from kg.lang.sentences import Sentence, sentences_with_heading
from kg.parse.lines import headings
from kg.vocab import KG

_CASE = re.compile(r"\b(?:sak|saka|saken|case|item)\s+(?:nr\.?\s*)?(?P<n>\d{1,3}(?:/\d{2,4})?)", re.IGNORECASE)


@cache
def _pattern(key: str) -> re.Pattern:
    words = sorted(headings()["recusal"][key], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)


def _people(text: str) -> list[NameMatch]:
    return [nm for nm in find_names(text)[0] if nm.kind == "person"]


def recused_in(sentence: str, previous: str = "") -> list[str]:
    """The surfaces of the people a sentence says were disqualified ("Kari Dahl og Per Lie erklærte seg inhabile")."""
    word = _pattern("words").search(sentence)
    if word is None or _pattern("denied").search(sentence[:word.start()].split(",")[-1]):
        return []
    names = _people(sentence)
    after = [nm for nm in names if nm.span[0] >= word.end()][:1]  # a label: "Inhabil: Kari Dahl"
    run = last_run(names, sentence, word.start(), touching=False) or after
    if not run and re.search(r"\b(?:hun|ho|han|she|he)\b", sentence[:word.start()], re.IGNORECASE):
        run = _people(previous)[-1:]
    return [nm.surface for nm in run]


def recusals(g: DocGraph) -> None:
    """kg:recused from each agenda item to the people its sentences (or a note naming its case) say stood aside."""
    items = {f.subject.label: f.subject for f in g.facts if f.subject.kind == "agenda_item"}
    item_of = {id(e.section): items.get(e.title) for e in g.minutes.agenda}
    # a case by its number, or an item of a plainly numbered agenda by its place ("item 5" of "5. BUDGET")
    by_case = {str(e.number): items.get(e.title) for e in g.minutes.agenda if e.number is not None}
    by_case.update({e.section.case_number: items.get(e.title) for e in g.minutes.agenda if e.section.case_number})
    lines = g.minutes.source.lines
    for sec in g.minutes.sections:
        previous: Sentence | None = None
        for s in sentences_with_heading(sec, lines):
            named = _CASE.search(s.text)
            item = by_case.get(named["n"]) if named else item_of.get(id(sec))
            for surface in recused_in(s.text, previous.text if previous else "") if item is not None else ():
                person = person_node(g, surface)
                if person is not None:
                    g.fact(item, KG.recused, person, g.evidence(sec, s.first, s.last, quote=s.text))
            previous = s

