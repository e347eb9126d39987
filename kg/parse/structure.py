"""Cut minutes into sections and read their header.

A small state machine over the lines: header labels (Dato, Tid, Sted), the
title, attendance blocks under any of the usual headings, the agenda with its
numbered items, the round-table (one section per actor under an item such as
"Runden"), and the events list. Words that mark each part are language data
(data/lexicon/headings.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kg.lang.dates import find_dates, find_month, parse_numeric
from kg.model import AgendaEntry, Block, EventLine, Minutes, Section, SourceText, Span
from kg.parse.attendance import attendance_role, read_attendance
from kg.parse.header import meeting_times, read_title
from kg.parse.lines import clean, contains_any, headings, is_heading, label_line, numbered, starts_with_any
from kg.lang.bodies import classify


@dataclass
class _Open:
    """A section being read: its first line and the lines so far."""

    title: str
    kind: str
    start: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    actor: str | None = None
    number: int | None = None
    role: str | None = None  # attendance role for attendance blocks


class _Parser:
    def __init__(self, source: SourceText):
        self.source = source
        self.words = headings()
        self.sections: list[Section] = []
        self.open: _Open | None = None
        self.minutes = Minutes(source=source, sections=self.sections)
        self.in_agenda = False
        self.last_item = 0
        self.item_kind: str | None = None  # kind of the agenda item we are in
        self._attendance: list[tuple[Section, str]] = []
        self._time_text: str | None = None
        self._bare_title: str | None = None  # "PROTOKOLL" alone on a line, waiting for the body's name
        self._agenda: list[tuple[int | None, str, Section]] = []

    # -- sections -------------------------------------------------------
    def start(self, title: str, kind: str, line: int, **kw) -> None:
        self.close()
        self.open = _Open(title=title, kind=kind, start=line, **kw)

    def close(self) -> None:
        o = self.open
        self.open = None
        if o is None:
            return
        body = [(n, t) for n, t in o.lines if t.strip()]
        end = body[-1][0] if body else o.start
        text = "\n".join(t for n, t in o.lines if n <= end).strip("\n")
        if o.kind == "header" and not body:
            return
        sec = Section(n=len(self.sections) + 1, title=o.title, kind=o.kind, span=Span(o.start, end),
                      text=text, actor=o.actor, agenda_number=o.number)
        self.sections.append(sec)
        if o.kind == "attendance":
            self._attendance.append((sec, o.role or "member"))
        if o.number is not None or o.kind in ("agenda", "events") and o.title:
            self._agenda.append((o.number, o.title, sec))

    def add(self, n: int, line: str) -> None:
        if self.open is None:
            self.start(self.minutes.title or "Header", "header", n)
        self.open.lines.append((n, line))

    # -- lines ----------------------------------------------------------
    def feed(self, n: int, line: str) -> None:
        if not line.strip():
            if self.open is not None:
                self.open.lines.append((n, line))
                o = self.open
                heading_names = (label_line(o.lines[0][1]) or ("", ""))[1]  # "Forfall: Per Berg"
                if o.kind == "attendance" and (heading_names or any(t.strip() for k, t in o.lines if k > o.start)):
                    self.close()  # a list of names ends at its first blank line
            return
        if self.header_label(n, line):
            return
        if self.attendance_heading(n, line):
            return
        if self.agenda_heading(n, line):
            return
        if self.agenda_item(n, line):
            return
        if self.actor_heading(n, line):
            return
        if self.title_line(n, line):
            return
        if is_heading(line) and not (self.open and self.open.kind == "attendance" and not self.open.lines[1:]):
            title = clean(line)
            kind = "events" if contains_any(title, self.words["events"]["words"]) else "other"
            self.start(title, kind, n)
        self.add(n, line)

    def title_line(self, n: int, line: str) -> bool:
        """'Referat fra møte i X', 'Møtebok frå møte i X', 'X – møte i arbeidsutvalget' before the agenda."""
        if self.minutes.title is not None or self.in_agenda or self.sections:
            return False
        text = clean(line)
        prefixes = self.words["header"]["title_prefixes"]
        if self._bare_title and not label_line(line) and read_title(text, prefixes) is None:
            text = f"{self._bare_title} {text}"  # "PROTOKOLL" + "Arbeidsutvalet i Vestlandsrådet"
        self._bare_title = None
        found = read_title(text, prefixes)
        if not found:
            if text.lower() in prefixes:
                self._bare_title = text
                self.add(n, line)
                return True
            return False
        self.minutes.title, self.minutes.body, self.minutes.body_parent = found
        if self.open is None or self.open.kind != "header":
            self.start(found[0], "header", n)
        self.open.title = found[0]
        self.open.lines.append((n, line))
        return True

    def header_label(self, n: int, line: str) -> bool:
        """Dato:, Tid:, Sted: lines before the agenda."""
        if self.in_agenda:
            return False
        lab = label_line(line)
        if not lab:
            return False
        label, rest = lab
        h = self.words["header"]
        if label in h["document_date"] and self.minutes.document_date is None:
            d = parse_numeric(rest) or next((m.start for m in find_dates(rest)), None)
            if d:
                self.minutes.document_date = d
                self.add(n, line)
                return True
        if label in h["meeting_time"]:
            # "Møtedato: 12.09.2014" and "Tid: kl. 09.00–12.00" together make the meeting's time;
            # read in finish(), once every date of the header is known
            self._time_text = f"{self._time_text or ''} {rest}".strip()
            self.add(n, line)
            return True
        if label in h["place"] and rest:
            self.minutes.place = rest
            self.add(n, line)
            return True
        return False

    def attendance_heading(self, n: int, line: str) -> bool:
        """'### Frammøtte:', 'Til stede: A, B og C', 'Fra sekretariatet møtte:'."""
        lab = label_line(line)
        heading = is_heading(line)
        if not (heading or lab):
            return False
        text = clean(line) if heading else lab[0]
        role = attendance_role(text, self.words["attendance"])
        if role is None:
            return False
        self.start(text[:1].upper() + text[1:], "attendance", n, role=role)
        self.open.lines.append((n, line))
        return True

    def agenda_heading(self, n: int, line: str) -> bool:
        text = clean(line)
        if not (is_heading(line) or text.endswith(":") or len(text.split()) <= 2):
            return False
        if starts_with_any(text, self.words["agenda"]["heading"]) and len(text.split()) <= 4:
            self.close()
            self.in_agenda = True
            return True
        return False

    def agenda_item(self, n: int, line: str) -> bool:
        item = numbered(line)
        if item is None:
            return False
        expected = item.number == self.last_item + 1 or (item.case_id is not None)
        # in an events list, "1. 25. mai – ..." is an event; "5. Eventuelt" goes on with the agenda
        in_list = self.item_kind == "events" and not item.marked and not (
            expected and not find_dates(item.title[:14]) and not find_month(item.title[:12], date.min)
            and not contains_any(item.title, self.words["status"]["tba"] + self.words["status"]["tbc"]
                                 + self.words["status"]["cancelled"]))
        # without an agenda heading, "1. Title" after the header starts the agenda
        starts_agenda = not self.in_agenda and item.number == 1 and self.last_item == 0 and bool(self.sections)
        if not (self.in_agenda or item.marked or starts_agenda) or in_list:
            return False
        if not expected and not item.marked:
            return False
        if self.in_agenda is False:
            self.in_agenda = True
        self.last_item = item.number
        if contains_any(item.title, self.words["roundtable"]["words"]):
            kind = "roundtable-item"
        elif contains_any(item.title, self.words["events"]["words"]):
            kind = "events"
        else:
            kind = "agenda"
        self.item_kind = kind
        self.start(item.title, "agenda" if kind == "roundtable-item" else kind, n, number=item.number)
        self.open.lines.append((n, line))
        return True

    def actor_heading(self, n: int, line: str) -> bool:
        """Inside a round-table item, a heading or 'Name:' line starts an actor's section."""
        if self.item_kind != "roundtable-item":
            return False
        lab = label_line(line)
        if is_heading(line):
            actor = clean(line)
        elif lab and len(lab[0].split()) <= 6:
            # "Bærum: Har jobbet ..." — only a name that is a known body starts a report,
            # so "Mål: ..." or "Status: ..." stay sentences of the report before it
            actor = clean(line.split(":", 1)[0])
            if classify(actor) is None:
                return False
        else:
            return False
        if not actor or not actor[0].isupper() or len(actor.split()) > 8:
            return False
        self.start(actor, "roundtable", n, actor=actor)
        self.open.lines.append((n, line))
        return True

    # -- result ---------------------------------------------------------
    def meeting_time(self) -> None:
        """The meeting's date and time: 'Tid:' with its own date, else the date written on the
        document; a year left out comes from the document's date, else from the first full
        date anywhere in the text, and a weekday written beside it is the check."""
        m = self.minutes
        ref = m.document_date or next((d.start for d in find_dates(self.source.text) if d.year_given), None)
        if ref is None:  # no full date anywhere: a year the text mentions ("© 2022") is the best guess
            year = re.search(r"\b(?:19|20)\d\d\b", self.source.text)
            ref = date(int(year.group()), 1, 1) if year else None
        if self._time_text:
            m.start, m.end = meeting_times(self._time_text, ref)
            if m.start is None and m.document_date:
                m.start, m.end = meeting_times(f"{m.document_date.day}.{m.document_date.month}."
                                               f"{m.document_date.year} {self._time_text}", None)
        elif m.document_date:
            m.start = m.document_date

    def finish(self) -> Minutes:
        self.close()
        self.meeting_time()
        m = self.minutes
        for sec, role in self._attendance:
            blocks = [Block("paragraph", line, Span(n, n))  # one paragraph per line until the readers give blocks
                      for n, line in enumerate(self.source.lines[sec.span.start - 1: sec.span.end], start=sec.span.start)]
            m.attendance.extend(read_attendance(sec, role, blocks))
        for number, title, sec in self._agenda:
            text = "\n".join(sec.text.split("\n")[1:]).strip()
            m.agenda.append(AgendaEntry(number=number, title=title, text=text, section=sec))
        for sec in self.sections:
            if sec.kind == "events":
                for i in range(sec.span.start + 1, sec.span.end + 1):
                    t = self.source.lines[i - 1]
                    if t.strip():
                        m.events.append(EventLine(text=t, line=i, section=sec))
        for d in find_dates(" ".join(a.title for a in m.agenda), m.meeting_date or m.document_date):
            if m.meeting_date and d.start < m.meeting_date:
                m.previous_meeting = d.start
                break
        return m


def parse(source: SourceText) -> Minutes:
    """The structure of one document's minutes."""
    p = _Parser(source)
    for n, line in enumerate(source.lines, start=1):
        p.feed(n, line)
    return p.finish()

