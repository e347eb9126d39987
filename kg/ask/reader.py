"""Reading a question into parts: answer kind, relations, modifiers, filters and arguments.

The reader knows only the grammar's closed word classes (``words.py``) and
asks a ``names`` callback whether a run of words names something in the
graph, so names are found whole ("Universitetet i Sørøst-Norge", "Evje og
Hornnes") before the function words around them are taken away. What is
left when every known part is taken is an argument still to be linked (a
topic, a name spelt a little differently, or words the reader did not
understand). Word order, a missing question mark and "please" do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Callable

from kg.ask import words
from kg.ask.lazy_pattern import word_pattern as _compiled  # compiled only for a question it could match
from kg.lang.amounts import find_amounts
from kg.lang.spelt_out import norwegian_forms
from kg.lang.dates import find_dates, find_month, find_season

_TOKEN = re.compile(r"\w[\w\-–/'’.]*\w|\w")
_CASE_NUMBER = re.compile(r"(?:\b(?:sak|saka|saken|case|hr-sak|ps|rs|os)\s*(?:nr\.?\s*)?)?(?<![\d/.-])\d{1,3}\s*[/-]\s*"
                          r"(?:\d{2}|\d{4})(?![\d/.-])", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:in|i|during|for)\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_A_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_ABOVE = re.compile(r"(?:above|over|more than|greater than|mer enn|meir enn|større enn|minst|at least)\s*$", re.IGNORECASE)


def _in_year(day: date, year: int) -> date:
    return day.replace(year=year, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=year)


@dataclass(frozen=True)
class DateFilter:
    start: date
    end: date           # the same day for a single date
    bound: str | None   # "after", "before", "between" or None (on/in)
    text: str
    relative: bool = False  # counted from today ("i haust", "next month"), not written out


@dataclass
class Argument:
    text: str
    names: list = field(default_factory=list)   # what the callback found the text to name exactly
    case: bool = False                          # a case number ("sak 17/13")


@dataclass
class Parts:
    question: str
    answer: str = "thing"                       # agent, thing, date, amount, place, or a kind of node
    also: list[str] = field(default_factory=list)  # kinds asked for beside it ("municipalities and regions")
    relations: list[str] = field(default_factory=list)
    cues: dict[str, str] = field(default_factory=dict)   # relation → the words that said it
    modifiers: set[str] = field(default_factory=set)
    dates: list[DateFilter] = field(default_factory=list)
    amounts: list = field(default_factory=list)
    arguments: list[Argument] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)    # what a second clause asks of each row ("og hvor mye")

    def summary(self) -> str:
        bits = [f"answer: {' or '.join([self.answer, *self.also])}"]
        if self.relations:
            bits.append("relation: " + ", ".join(f"{r} ({self.cues[r]!r})" for r in self.relations))
        if self.modifiers:
            bits.append("modifiers: " + ", ".join(sorted(self.modifiers)))
        bits += [f"date {d.bound or 'on'} {d.start}" + (f"–{d.end}" if d.end != d.start else "") for d in self.dates]
        bits += [f"amount above {a.value} {a.currency}" for a in self.amounts]
        bits += [f"argument {a.text!r}" for a in self.arguments]
        bits += [f"column {c}" for c in self.columns]
        return "; ".join(bits)


def normalise(question: str) -> str:
    q = question.replace("’", "'").replace("«", " ").replace("»", " ").replace('"', " ")
    q = re.sub(rf"(?i)(?<![\w-])(?:{words.COURTESY})(?![\w-])", " ", q)
    q = re.sub(r"[?!]+", " ", q).strip().rstrip(".").strip(" ,")
    return norwegian_forms(re.sub(r"\s+", " ", q))  # "Hedmark County Council" is asked for as the minutes name it


class Reader:
    def __init__(self, names: Callable[[str], list], today: date | None = None,
                 is_topic: Callable[[str], bool] = lambda text: False):
        self.names = names
        self.today = today
        self.is_topic = is_topic

    def read(self, question: str) -> Parts:
        q = normalise(question)
        low = q.lower()
        taken = [False] * len(q)
        parts = Parts(question=question)

        def free(a: int, b: int) -> bool:
            return not any(taken[a:b])

        def take(a: int, b: int) -> None:
            for i in range(a, b):
                taken[i] = True

        for m in _CASE_NUMBER.finditer(q):
            parts.arguments.append(Argument(re.search(r"\d.*", m.group())[0].replace(" ", ""), case=True))
            take(*m.span())
        self._dates(q, parts, free, take)
        for a in find_amounts(q):
            if free(*a.span):
                before = q[:a.span[0]]
                if _ABOVE.search(before):
                    take(_ABOVE.search(before).start(), a.span[1])
                    parts.amounts.append(a)
                else:  # an amount named as a thing ("kr 600 000") is an argument
                    take(*a.span)
        columns = _columns(low)
        parts.columns = list(dict.fromkeys(col for col, _ in columns))
        self._names(q, parts, free, take)
        if re.search(r"[a-zæøå]", q):  # an abbreviation is a name, never a word of the grammar ("SUM", "AU")
            for m in _TOKEN.finditer(q):
                if free(*m.span()) and len(m.group()) >= 2 and m.group().isalpha() and m.group().isupper():
                    parts.arguments.append(Argument(m.group()))
                    take(*m.span())
        self._cues(q, low, parts, free, take)
        for _, span in columns:  # "and who voted against": the column's words are no argument
            if span:
                take(*span)
        for m in re.finditer(r"[^,;:()–\-]+", q):  # what is left: arguments still to link
            run = "".join(c if not taken[m.start() + i] else " " for i, c in enumerate(m.group()))
            for piece in re.split(r"(?i)\s{2,}|(?<![\w-])(?:and|og|both|både|or|eller)(?![\w-])", run):
                toks = _TOKEN.findall(piece)
                while toks and (toks[0].lower() in words.STOPWORDS or (
                        len(toks) > 2 and toks[0].lower() in words.ITEM_NOUNS and toks[1].lower() in words.ITEM_ABOUT)):
                    toks.pop(0)
                while toks and toks[-1].lower() in words.STOPWORDS:
                    toks.pop()
                if toks and not (len(toks) == 1 and _kind_noun(toks[0].lower())):
                    start = piece.find(toks[0])
                    text = piece[start: piece.rfind(toks[-1]) + len(toks[-1])]
                    parts.arguments.append(Argument(text.strip(" .")))
        return parts

    def _dates(self, q, parts, free, take) -> None:
        found = [(d.start, d.end or d.start, d.span, False) for d in find_dates(q, self.today)]
        month = find_month(q, self.today)
        if month and all(not (s[0] <= month.span[0] < s[1]) for _, _, s, _ in found):
            found.append((month.start, month.end, month.span, False))
        for m in _YEAR.finditer(q):
            if all(not (s[0] <= m.start(1) < s[1]) for _, _, s, _ in found):
                y = int(m.group(1))
                found.append((date(y, 1, 1), date(y, 12, 31), m.span(1), False))
        relative = self._relative(q)
        if relative:
            found.append((*relative, not _A_YEAR.search(q[slice(*relative[2])])))  # "i haust", not "first half of 2011"
        for start, end, (a, b), is_relative in sorted(found, key=lambda f: f[2]):
            if not free(a, b):
                continue
            bound = None
            before = q[:a].rstrip()
            for pattern, name in words.DATE_BOUNDS:
                m = re.search(rf"(?i)(?<![\w-])(?:{pattern})\s*$", before)
                if m:
                    bound, a = name, m.start()
                    break
            take(a, b)
            parts.dates.append(DateFilter(start, end, bound, q[a:b], is_relative))
        # "between A and B": the second date closes the first's range
        if len(parts.dates) == 2 and parts.dates[0].bound == "between":
            first, second = parts.dates
            start = first.start
            if start > second.end:  # "between 1 June and 30 June 2021": the first date takes the second's year
                start = _in_year(start, second.end.year)
                start = start if start <= second.end else _in_year(start, second.end.year - 1)
            parts.dates = [DateFilter(start, second.end, "between", f"{first.text} … {second.text}")]
        for a, b in [m.span() for m in re.finditer(r"(?i)(?<![\w-])(?:and|og)(?![\w-])", q)]:
            if any(d.bound == "between" for d in parts.dates) and free(a, b):
                take(a, b)

    def _relative(self, q: str):
        """'next month', 'i haust', 'this spring': a range counted from today."""
        if self.today is None:
            return None
        t = self.today
        m = re.search(r"(?i)(?<![\w-])(?:next month|neste måned|neste månad|kommende måned)(?![\w-])", q)
        if m:
            first = (t.replace(day=1) + timedelta(days=32)).replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            return first, last, m.span()
        m = re.search(r"(?i)(?<![\w-])(?:before the summer|før sommeren|før sommaren)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?", q)
        if m:
            y = int(m.group(1)) if m.group(1) else t.year
            return date(y, 1, 1), date(y, 6, 30), m.span()
        m = re.search(r"(?i)(?<![\w-])(?:first half of|første halvdel av|første halvår)\s*((?:19|20)\d{2})", q)
        if m:
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 6, 30), m.span()
        m = re.search(r"(?i)(?<![\w-])(?:before the end of|by the end of|innen utgangen av|før slutten av)\s*((?:19|20)\d{2})", q)
        if m:
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31), m.span()
        m = re.search(r"(?i)(?<![\w-])(?:second half of|andre halvdel av|andre halvår|siste halvdel av|siste halvår)\s*((?:19|20)\d{2})", q)
        if m:
            y = int(m.group(1))
            return date(y, 7, 1), date(y, 12, 31), m.span()
        season = find_season(q, t)  # "i haust": this year's autumn; "hausten 2013"
        return (season.start, season.end, season.span) if season else None

    def _names(self, q, parts, free, take) -> None:
        """Runs of words that name something in the graph exactly, longest first."""
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(q)]
        for n in range(min(7, len(toks)), 0, -1):
            for i in range(len(toks) - n + 1):
                window = toks[i:i + n]
                a, b = window[0][1], window[-1][2]
                if not free(a, b):
                    continue
                first, last = window[0][0], window[-1][0]
                # a name may begin with a small word written capitalised inside the question ("til Ett digitalt X")
                if (first.lower() in words.STOPWORDS and not (n > 1 and i > 0 and first[:1].isupper())) \
                        or last.lower() in words.STOPWORDS:
                    continue
                if n == 1 and not (first[:1].isupper() and i > 0) and _grammar_word(first.lower()):
                    continue
                if n > 1 and first.islower() and _grammar_word(first):  # "neste møte i X" asks; it names nothing
                    continue
                found = self.names(q[a:b])
                if found or (n > 1 and self.is_topic(q[a:b])):  # a topic of several words stays whole
                    parts.arguments.append(Argument(q[a:b], found))
                    take(a, b)

    def _cues(self, q, low, parts, free, take) -> None:
        qw = [(m.start(), m.end(), kind) for pattern, kind in words.QUESTION_WORDS
              for m in _compiled(pattern).finditer(low) if free(*m.span())]
        qw.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        after_question_word = 0
        if qw:
            a, b, kind = qw[0]
            parts.answer = kind
            take(a, b)
            after_question_word = b
        for m in _compiled(words.THE_BODY).finditer(low):  # "hva krevde regionrådet": the speaker, no kind asked
            if free(*m.span()):
                take(*m.span())
        kinds = sorted(((m.start(), m.end(), kind) for pattern, kind in words.KIND_NOUNS
                        for m in _compiled(pattern).finditer(low) if free(*m.span())), key=lambda x: x[0])
        for a, b, kind in kinds:  # the kind noun next to the question word says what is asked for
            if not free(a, b) or _words_between(low, after_question_word, a, free, parts.answer) > 3:
                continue
            if parts.answer == "thing" or (parts.answer in ("date", "place") and kind in ("meeting", "event")):
                parts.answer = kind
                take(a, b)
                _joined_kinds(low, kinds, b, parts, free, take)
                break
        cues = sorted(((m.start(), m.end(), rel) for pattern, rel in words.RELATIONS
                       for m in _compiled(pattern).finditer(low)), key=lambda x: (-(x[1] - x[0]), x[0]))
        where: dict[str, int] = {}
        for a, b, rel in cues:
            if free(a, b):
                take(a, b)
                if rel not in parts.relations:
                    parts.relations.append(rel)
                    parts.cues[rel] = q[a:b]
                    where[rel] = a
        # the first verb is the question's own, except that a specific one ("substitutes", "forfall")
        # outranks a general one ("attended") and "har/has" is most often only an auxiliary
        parts.relations.sort(key=lambda rel: (words.RELATION_TIER.get(rel, 1), where[rel]))
        if not parts.relations:
            for pattern, rel in words.WEAK_RELATIONS:
                m = _compiled(pattern).search(low)
                if m and free(*m.span()):
                    take(*m.span())
                    parts.relations.append(rel)
                    parts.cues[rel] = q[slice(*m.span())]
        implied = words.RELATION_OF_KIND.get(parts.answer)
        if implied and implied not in parts.relations:
            parts.relations.append(implied)
            parts.cues[implied] = f"({parts.answer})"
        for pattern, mod in words.MODIFIERS:
            for m in _compiled(pattern).finditer(low):
                if free(*m.span()):
                    parts.modifiers.add(mod)
                    take(*m.span())
        for pattern, _ in words.QUESTION_WORDS:  # a second question word ("... and who is responsible")
            for m in _compiled(pattern).finditer(low):
                if free(*m.span()):
                    take(*m.span())


_JOIN = re.compile(r"\s*(?:,|and|og|or|eller|&)\s*(?:(?:and|og|or|eller)\s+)?")


def _joined_kinds(low: str, kinds, end: int, parts: Parts, free, take) -> None:
    """Kind nouns joined to the one asked for ("municipalities and regions", "kommunar og regionar"): each
    is asked for too."""
    for a, b, kind in kinds:
        if a < end or not free(a, b):
            continue
        if not _JOIN.fullmatch(low, end, a):
            break
        if kind != parts.answer and kind not in parts.also:
            parts.also.append(kind)
        take(a, b)
        end = b


def _words_between(low: str, a: int, b: int, free, answer: str) -> int:
    """How far a kind noun stands from the question word; "when and where is the autumn council meeting"
    asks of a meeting across words the grammar reads otherwise (a second question word, a date)."""
    toks = [m for m in _TOKEN.finditer(low, a, b)]
    if answer in ("date", "place"):
        toks = [m for m in toks if free(*m.span()) and m.group() not in words.STOPWORDS]
    return len(toks)


def _columns(low: str) -> list[tuple[str, tuple[int, int] | None]]:
    """The columns a second clause asks of each answer ("…, og hvor mye?", "and who is responsible?") with
    the words that name them; "how much did X get, and from whom" asks the amount too."""
    second = _second_clause().search(low)
    if not second:
        return []
    at = second.start()
    found = [(m.start() + at, col, (m.start() + at, m.end() + at)) for pattern, col in words.COLUMNS
             for m in _compiled(pattern).finditer(low[at:])]
    head = _compiled(words.QUESTION_WORDS[0][0]).search(low)
    if head and head.start() == 0:
        found.append((-1, "amount", None))
    return [(col, span) for _, col, span in sorted(found, key=lambda f: f[0])]


@cache
def _second_clause() -> re.Pattern:
    return re.compile(words.SECOND_CLAUSE)


@cache
def _grammar_word(word: str) -> bool:
    """A word the grammar reads itself (a lower-case cue), never a one-word name."""
    if word in words.STOPWORDS:
        return True
    tables = (words.QUESTION_WORDS, words.KIND_NOUNS, words.RELATIONS, words.MODIFIERS, words.DATE_BOUNDS)
    return any(_compiled(p).fullmatch(word) for table in tables for p, _ in table)


@cache
def _kind_noun(word: str) -> bool:
    return any(_compiled(p).fullmatch(word) for p, _ in words.KIND_NOUNS)
