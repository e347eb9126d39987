"""Action items: the task, who is responsible, by when, and whether it is done.

Minutes state them in five ways, all read here from any section:

- labels in running text: "Oppfølging: Invitasjon sendes alle medlemmer. Ansvar: Kari Hansen. Frist: 29. april",
  "Oppfølging: Ingrid Bakke sender rapporten innen 1. november" (the responsible is the subject);
- an "Ansvar: … Frist: …" line after the task, or on the task's own line;
- an action table (Tiltak/Hva | Ansvar | Frist), as table cells or as lines split by `|`, tabs or wide gaps;
- task checkboxes "- [ ] …" (open) and "- [x] …" (done), and the list items under a follow-up heading
  that say who or by when;
- a sentence that opens with its doer and gives a deadline: "Sekretariatet sender uttalen innan 1. april"
  (a title such as "Dagleg leiar" is the one person the document lists with that role).

An action is never an organisation: the task's words are its description, and only the name of a person
or body is made responsible. The words are language data (data/lexicon/headings.toml, [actions]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from datetime import date, timedelta

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.extract.meeting import listed_person, person_node, secretariat_of
from kg.extract.mentions import find_names
from kg.lang.sentences import section_sentences
from kg.lang.bodies import classify
from kg.lang.dates import find_dates, find_season
from kg.lang.names import normalise_person
from kg.lang.text import strip_markup
from kg.model import Literal, Node, Section
from kg.parse.lines import clean, headings
from kg.vocab import DCTERMS, KG, ORG, RDFS, XSD

CHECKBOX = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*\[(?P<done>[ xX✓])\]\s*(?P<text>.+)$")
LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(?P<text>.+)$")
BY_DATE = re.compile(r"\b(?:innen|innan|seinast|senest|før|by)\s+(?=\S*\d)", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
_LEAD_LABEL = re.compile(r"^\s*\**[A-ZÆØÅa-zæøå][\wæøå/]*(?:\s[\wæøå/]+)?\**:\s+")
_RULE_ROW = re.compile(r"^[\s|:\-–+]+$")


@dataclass
class Task:
    what: str
    who: str | None
    due: date | None
    done: bool
    line: int
    last: int
    doers: tuple[Node, ...] = ()  # who is to do it, when the sentence's subject said so


def _words(name: str) -> list[str]:
    return headings()["actions"][name]


@cache
def _label(name: str) -> re.Pattern:
    """A label of the [actions] words of name, with its colon (made once a process)."""
    alts = _alts(name)
    return re.compile(rf"(?<![\wæøå])\**(?P<label>{alts})\**\s*:\s*\**", re.IGNORECASE)


@cache
def _unlabelled(name: str) -> re.Pattern:
    """A deadline word without its colon, right before a date ("frist 10.11.16", "deadline 1 May")."""
    alts = _alts(name)
    return re.compile(rf"(?<![\wæøå])(?:{alts})\s+(?=\S*\d)", re.IGNORECASE)


def _alts(name: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_words(name), key=len, reverse=True))


def _cells(line: str) -> list[str]:
    text = line.strip().strip("|").strip()
    return [c.strip(" *") for c in _CELL_SPLIT.split(text)] if text else []


def _separator(line: str) -> str:
    """How a table's cells are split on its lines: '|', tabs or wide gaps."""
    return "|" if "|" in line else "\t" if "\t" in line else "  "


def _is_column(cell: str, words: list[str]) -> bool:
    c = cell.lower().strip(" :*")
    return any(c == w or c.startswith(w + " ") or c.startswith(w + "/") for w in words)


class _Reader:
    """Reads the tasks of one section from its lines."""

    def __init__(self, g: DocGraph, sec: Section, ref: date | None):
        self.g, self.sec, self.ref = g, sec, ref
        self.task_rx = _label("task")
        self.resp_rx = _label("responsible")
        self.due_rx = _label("deadline")
        self.unlabelled_due_rx = _unlabelled("deadline")
        self.tasks: list[Task] = []
        self.previous: tuple[int, str] | None = None  # the last non-blank line read, and its number

    def due(self, text: str) -> date | None:
        d = find_dates(text, self.ref)
        return d[0].start if d else None

    def split(self, text: str, line: int, done: bool = False) -> Task:
        """'X – Ansvar: Y – Frist: Z', 'X innen 1. mai': the task, its responsible and deadline."""
        text = strip_markup(text).strip()
        who = due = None
        d = self.due_rx.search(text)
        if d:
            due = self.due(text[d.end():])
            text = text[:d.start()]
        r = self.resp_rx.search(text)
        if r:
            who = text[r.end():].strip(" .,;–-")
            text = text[:r.start()]
            b = self.unlabelled_due_rx.search(who)  # "Ansvar: Kari Hansen – frist 10.11.16": the deadline after the name
            if b and due is None:
                due = self.due(who[b.end():])
                who = who[:b.start()].strip(" .,;–-") if due else who
        b = BY_DATE.search(text)
        if b and due is None:
            due = self.due(text[b.end():])
        text = _LEAD_LABEL.sub("", text)  # "Vedtak: Rådet sender brev … Ansvar: X": the task is the sentence
        return Task(text.strip(" .,;–-"), who, due, done, line, line)

    def read(self, lines: list[str], follow_up_section: bool) -> list[Task]:
        n0 = self.sec.span.start + 1
        columns: dict[str, int] | None = None
        separator = ""
        wrapped_to = 0
        for n in range(n0, self.sec.span.end + 1):
            raw = lines[n - 1]
            if n <= wrapped_to:
                continue
            if not raw.strip():
                columns = None
                continue
            cells = _cells(raw)
            if columns is None and len(cells) >= 2 and any(_is_column(c, _words("task_column")) for c in cells) \
                    and any(_is_column(c, _words("responsible")) for c in cells):
                columns = {k: i for i, c in enumerate(cells) for k in ("task_column", "responsible", "deadline")
                           if _is_column(c, _words(k))}
                separator = _separator(raw)
                continue
            if columns is not None:
                if _RULE_ROW.match(raw):
                    continue
                if len(cells) >= 2 and _separator(raw) == separator:
                    self.row(cells, columns, n)
                    continue
                columns = None  # the table ended: a line that is no row of it
            count = len(self.tasks)
            wrapped_to = self.wrapped(lines, n)
            if wrapped_to > n:
                raw = " ".join([raw.rstrip(), *(lines[k - 1].strip() for k in range(n + 1, wrapped_to + 1))])
            self.line(raw, n, follow_up_section)
            if len(self.tasks) > count:
                self.tasks[-1].last = max(self.tasks[-1].last, wrapped_to)
                if wrapped_to < self.sec.span.end:
                    self.due_below(raw, lines[max(n, wrapped_to)], max(n, wrapped_to))
            self.previous = (n, raw)
        return self.tasks

    def wrapped(self, lines: list[str], n: int) -> int:
        """The last line of a list item wrapped over the lines below it ('• Uttale – ansvar: Kari' /
        'Lie – frist: 1.4.'): lines that start no item, label or heading, while the item ends mid-sentence."""
        if not (LIST_ITEM.match(lines[n - 1]) or CHECKBOX.match(lines[n - 1])):
            return n
        k = n
        while k < self.sec.span.end and lines[k].strip() and not re.search(r"[.!?]\s*$", lines[k - 1]) \
                and not (LIST_ITEM.match(lines[k]) or CHECKBOX.match(lines[k]) or lines[k].lstrip().startswith("#")
                         or "|" in lines[k] or _LEAD_LABEL.match(lines[k]) and not self.due_rx.match(lines[k].strip())):
            k += 1
        return k

    def due_below(self, raw: str, below: str, n: int) -> None:
        """'… Frist:' ending the line, its date wrapped onto the next (a PDF's line break)."""
        task = self.tasks[-1]
        label = self.due_rx.search(raw)
        if task.due is None and label and not raw[label.end():].strip(" *"):
            task.due = self.due(below)
            task.last = n + 1 if task.due else task.last

    def row(self, cells: list[str], columns: dict[str, int], n: int) -> None:
        get = lambda k: cells[columns[k]] if k in columns and columns[k] < len(cells) else None
        what = get("task_column")
        if what:
            due = get("deadline")
            self.tasks.append(Task(what, get("responsible"), self.due(due) if due else None, False, n, n))

    def line(self, raw: str, n: int, follow_up_section: bool) -> None:
        box = CHECKBOX.match(raw)
        if box:
            self.tasks.append(self.split(box["text"], n, done=box["done"] != " "))
            return
        t = self.task_rx.search(raw)
        if t:
            self.tasks.append(self.split(raw[t.end():], n))
            return
        r = self.resp_rx.search(raw)
        if r:
            before = strip_markup(raw[:r.start()]).strip(" -*•.–")
            last = self.tasks[-1] if self.tasks else None
            if not before and last is not None and last.who is None and n - last.last <= 2:
                # "Ansvar: X   Frist: Y" on the line under its task
                more = self.split(raw, n)
                last.who, last.due, last.last = more.who, last.due or more.due, n
            elif before:
                self.tasks.append(self.split(raw, n))
            elif self.previous:
                # "Vedtak: Rådet lagar ein rettleiar." / "Ansvar: X Frist: Y": the line above is the task
                task = self.split(self.previous[1] + " " + raw.strip(), self.previous[0])
                task.last = n
                self.tasks.append(task)
            return
        item = LIST_ITEM.match(raw)
        if item and follow_up_section:  # a listed task says who or by when (an attachment list says neither)
            task = self.split(item["text"], n)
            if task.who or task.due:
                self.tasks.append(task)


def _responsible(g: DocGraph, who: str | None, what: str) -> list[Node]:
    """The people and bodies a responsible cell names ('Rådmannsforum v/ Kari Hansen', 'Lundemoen/Bjaadal');
    with none, the subject of the task ('Kari Hansen sender rapporten')."""
    if not who:
        return _subject(g, what)
    out: list[Node] = []
    for part in re.split(r"\s*(?:,|/|\bv/|\bog\b|\bpva\b|\(|\))\s*", who):
        part = part.strip(" .:")
        if not part or not part[:1].isupper() and not part.lower().startswith("sekretariat"):
            continue
        node = _actor(g, part)
        if node is not None and node not in out:
            out.append(node)
    return out


def _actor(g: DocGraph, name: str) -> Node | None:
    if name.lower().startswith(("sekretariat", "sekretær")):
        return secretariat_of(g)
    if normalise_person(name):
        return person_node(g, name)
    if " " not in name:  # a family name alone: the person of this document who bears it
        bearer = listed_person(g, name)
        if bearer is not None:
            return bearer
        if classify(name) is None and not name.isupper():
            return None
    return body_node(g, name, default_kind="organisation")


def _subject(g: DocGraph, what: str) -> list[Node]:
    """'Ingrid Bakke sender rapporten …', 'Sekretariatet lagar eit notat': the name the task opens with."""
    if re.match(r"^\s*(?:sekretariatet|sekretæren)\b", what, re.IGNORECASE):
        return [secretariat_of(g)]
    names, _ = find_names(what)
    first = names[0] if names else None
    if first is None or first.span[0] > 0 or first.kind in ("place", "programme", "topic"):
        return []
    node = person_node(g, first.surface) if first.kind == "person" else body_node(g, first.surface,
                                                                                   default_kind=first.kind)
    return [node] if node is not None else []


def actions(g: DocGraph) -> None:
    """One kg:ActionItem per task, part of its agenda item (or of the meeting outside the agenda)."""
    items = {f.subject.label: f.subject for f in g.facts if f.subject.kind == "agenda_item"}
    item_of = {id(e.section): items.get(e.title) for e in g.minutes.agenda}
    lines = g.minutes.source.lines
    ref = g.minutes.meeting_date or g.minutes.document_date
    follow_up_titles = _words("heading")
    counts: dict[int, int] = {}
    for sec in g.minutes.sections:
        if sec.kind in ("header", "attendance"):
            continue
        follow_up = any(clean(sec.title).lower().startswith(w) for w in follow_up_titles)
        parent = item_of.get(id(sec)) or g.meeting
        tasks = _Reader(g, sec, ref).read(lines, follow_up)
        for task in tasks + _prose_tasks(g, sec, lines, ref, tasks):
            if len(task.what) < 3:
                continue
            counts[id(parent)] = k = counts.get(id(parent), 0) + 1
            _action_node(g, parent, sec, task, k)


@lru_cache(maxsize=256)
def _doers(titles: frozenset[str]) -> str:
    """The lexicon's doers and a document's titles as one alternation, the longest first (made once a document,
    not once a section)."""
    return "|".join(re.escape(w) for w in sorted(set(_words("doer")) | titles, key=len, reverse=True))


def _prose_tasks(g: DocGraph, sec: Section, lines: list[str], ref: date | None, read: list[Task]) -> list[Task]:
    """'Sekretariatet sender uttalen innan 1. april', 'Dagleg leiar melder saka til fylket innan 1. mars':
    a sentence that opens with its doer (a name, the secretariat, a title: of the lexicon's, or one the
    attendance list gives someone) and has a deadline, on lines no labelled task was read from."""
    taken = {n for t in read for n in range(t.line, t.last + 1)}
    titles = {t.lower() for line in g.minutes.attendance if (t := (line.title or "").strip()) and len(t.split()) <= 3}
    titles |= {t + ("n" if t.endswith("e") else "en") for t in titles if " " not in t}  # "Regionkoordinatoren"
    doers = _doers(frozenset(titles))
    out = []
    before = None  # the sentence before, which may ask who is to do it ("Rådet ber arbeidsutvalet lage eit brev.")
    for s in section_sentences(sec, lines):
        asked, before = before, s
        if taken & set(range(s.first, s.last + 1)):
            continue
        text = re.sub(r"^(?:\d+[.)]\s+|[-*•]\s+)", "", _LEAD_LABEL.sub("", s.text))
        by = BY_DATE.search(text)
        due = find_dates(text[by.end():], ref) if by else []
        day = due[0].start if due and due[0].span[0] <= 2 else _by_season(text, ref)
        if day is None:
            continue
        titles = re.match(rf"(?:{doers})(?:\s+(?:og|and)\s+(?:{doers}))?(?![\wæøå])", text, re.IGNORECASE)
        who = ([_holder(g, t) for t in re.split(r"\s+(?:og|and)\s+", titles.group(), flags=re.IGNORECASE)] if titles
               else _subject(g, text))
        who = [w for w in who if w is not None]
        first = s.first
        if not who and not titles and asked is not None and _ASKS.search(asked.text):
            # "Lofotrådet ber kommunedirektørutvalet utgreie … Utgreiinga vert lagd fram innan 1. juni": the task
            # is the request and its deadline; the one asked does it
            who = _asked(g, asked.text[_ASKS.search(asked.text).end():])
            text, first = f"{_LEAD_LABEL.sub('', asked.text).strip()} {text}", asked.first
            out.append(Task(text.strip(" ."), None, day, False, first, s.last, tuple(who)))
        elif who:
            out.append(Task(text.strip(" ."), None, day, False, first, s.last, tuple(who)))
    return out


# a request to someone named after it ("ber arbeidsutvalet", "bed sekretariatet", "asks the secretariat to"), not
# for something ("ber om møte")
_ASKS = re.compile(r"\b(?:ber|bed|ba|bad|asks|asked)\s+(?!om\b)(?=\S)", re.IGNORECASE)


# a committee or office of the body, named by its common noun ("kommunedirektørutvalget", "arbeidsutvalet")
_COMMITTEE = re.compile(r"^[a-zæøå\-]*(?:utvalget|utvalet|utvala|rådet|styret|gruppa|gruppen|forumet|sekretariatet)(?![\wæøå])")


def _asked(g: DocGraph, text: str) -> list[Node]:
    """Who a request is made to, named first after "ber": a name, the secretariat, or a committee of the body."""
    found = _subject(g, text)
    committee = _COMMITTEE.match(text)
    if found or committee is None:
        return found
    return [body_node(g, committee.group(), default_kind="organisation")]


def _by_season(text: str, ref: date | None) -> date | None:
    """'… før sommeren', 'innan hausten': the day before the season begins."""
    for m in re.finditer(r"\b(?:innen|innan|før|before|by)\s+", text, re.IGNORECASE):
        season = find_season(text[m.end():], ref)
        if season is not None and season.span[0] == 0:
            return season.start - timedelta(days=1)
    return None


def _holder(g: DocGraph, title: str) -> Node | None:
    """Who the title names in this document: the secretariat, or the one person the attendance list
    (or a stated membership) gives that title."""
    if title.lower().startswith(("sekretariat", "sekretær", "the secretar")):
        return secretariat_of(g)
    role = re.sub(r"(?:en|n)$", "", title.lower()) if " " not in title else title.lower()
    listed = {line.name for line in g.minutes.attendance  # a title among several ("ordfører, leder")
              if line.name and any(t.strip().startswith(role) for t in (line.title or "").lower().split(","))}
    if len(listed) == 1:
        return person_node(g, listed.pop(), by_position=True)
    members = {f.subject: f.object for f in g.facts if f.predicate == ORG.member}
    holders = {members[f.subject] for f in g.facts if f.predicate == ORG.role and f.subject in members
               and f.object.label.startswith(role)}
    return holders.pop() if len(holders) == 1 else None


def _action_node(g: DocGraph, parent: Node, sec: Section, task: Task, k: int) -> None:
    node = g.struct("action", task.what[:80], (lambda p, k: lambda: f"{p.local()}/action/{k}")(parent, k))
    ev = g.evidence(sec, task.line, task.last)
    g.fact(node, DCTERMS.description, task.what, ev)
    g.fact(node, DCTERMS.isPartOf, parent, ev)
    g.fact(node, RDFS.label, task.what[:80])
    g.fact(node, KG.status, "done" if task.done else "open", ev)
    for who in task.doers or _responsible(g, task.who, task.what):
        g.fact(node, KG.responsible, who, ev)
    if task.due:
        g.fact(node, KG.deadline, Literal(task.due.isoformat(), XSD.date), ev)
