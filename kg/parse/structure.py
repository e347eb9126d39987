"""Cut minutes into sections from the blocks their reader found, and read their header.

The reader has said what is a heading (and its level), a list item, a table row and
a paragraph; this module gives the blocks their meaning, in order:

- header labels (Dato, Tid, Sted, also as two-cell table rows) and the title naming the body;
- attendance sections under any attendance heading, sub-heading or "Label:" (Til stede,
  Medlemmer, Varamedlemmer, Forfall ...), each with its role;
- agenda items from case headings ("Sak 12/19", "RT-sak 05/08", "PS 3/17") and numbered
  headings or list items ("5.", "1)"), the case number kept with the item; a list of items
  that come again later as headings is the agenda's listing, not the items;
- the round-table: the children of a round heading (or item), whether the actors are
  sub-headings, "Actor: text" paragraphs or bullets, table rows (Kommune | Orientering) or
  prose ("Fra Lesja ble det orientert om ...");
- "Neste møte" and events lists as events sections, "Eventuelt" as its own section.

A heading deeper than the item it stands under stays in that item. Words that mark each
part are language data (data/lexicon/headings.toml).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from kg.lang.bodies import classify
from kg.lang.dates import find_dates, find_month, parse_numeric
from kg.model import AgendaEntry, Block, EventLine, Minutes, Section, SourceText, Span
from kg.parse.attendance import (attendance_role, body_lists_names, caps_attendee, heads_names, lists_attendees,
                                 lists_names, one_chair_line, read_attendance, said_label, titles_only,
                                 by_initials, every_day, footnoted, heads_part, without_roster)
from kg.parse.header import body_name, meeting_times, read_title, sub_body
from kg.lang.sentences import PROSE_REPORT
from kg.parse.lines import Numbered, clean, contains_any, headings, is_heading, label_line, numbered, starts_with_any

_PROSE = re.compile(r"\.\s*$")
_CLOCK = re.compile(r"\bkl\.?\s*\d{1,2}[.:]?\d{2}", re.I)
_LABEL_SEPARATOR = re.compile(r"\s+[·|•]\s+")
_HEADER_CELLS = re.compile(r"\s{3,}|\s+[·|•–]\s+")  # the parts of a running header
_LISTED = object()  # what item() returns for an entry of the agenda's listing


_HYPHEN_CASE = re.compile(r"^(?:sak\s+)?(?P<num>\d{1,3})(?:\s*(?:og|&)\s*(?P<num2>\d{1,3}))?-(?P<year>\d{2})\s+"
                          r"(?P<title>[A-ZÆØÅ«\"].*)$", re.I)


def _hyphen_case(text: str) -> Numbered | None:
    """'6-24 Destinasjonsledelse': a case numbered with a hyphen, read in headings only (in running
    text "24-25. august" is a date)."""
    m = _HYPHEN_CASE.match(text)
    if not m:
        return None
    both = f"{m['num']} og {m['num2']}" if m["num2"] else m["num"]  # "1 og 2-24": two cases together
    return Numbered(int(m["num"]), f"{both}-{m['year']}", clean(m["title"]), True)


def _names_body(text: str) -> bool:
    """A short line of capitalised words without digits or a label: the name of a body."""
    words = text.split()
    if text.lower() in headings()["header"]["title_prefixes"]:
        return False  # "MØTEBOK", "PROTOKOLL": what the document is, not whose
    return (0 < len(words) <= 6 and not re.search(r"[\d:]", text) and text[:1].isupper()
            and bool(body_name(text)[0]) and sum(w[:1].isupper() for w in words) >= len(words) / 2)


@dataclass
class _Open:
    """A section being read: its first line, its blocks and what opened it."""

    title: str
    kind: str
    start: int
    blocks: list[Block] = field(default_factory=list)
    end: int = 0
    actor: str | None = None
    number: int | None = None
    case: str | None = None
    role: str | None = None  # attendance role for attendance sections
    level: int = 0  # the heading level that opened it (0: a label or list item; -1: a table row)
    first_column: int = 0  # where its text begins on its first line (a report begun inside a line)
    last_column: int | None = None  # where its text ends on its last line (the next report begins there)


@dataclass(frozen=True)
class _Item:
    number: int
    case: str | None
    title: str  # as shown: with its case number when it has one


class _Parser:
    def __init__(self, source: SourceText, blocks: list[Block]):
        self.source = source
        self.lines = source.lines
        self.blocks = blocks
        self.words = headings()
        self.sections: list[Section] = []
        self.open: _Open | None = None
        self.minutes = Minutes(source=source, sections=self.sections)
        self.in_agenda = False
        self.last_item = 0
        self.item_kind: str | None = None  # "agenda" | "roundtable-item" | "events" of the item we are in
        self.item_level = 0  # heading level of that item (0: a list item)
        self.item_title: str | None = None
        self.item_case: str | None = None  # the case number of that item: its round's reports are part of it
        self.round_level: int | None = None  # heading level of the round we are in
        self.round_columns: bool = False  # the round is a table whose first column names the actor
        self._attendance: list[tuple[Section, str]] = []
        self._time_text: str | None = None
        self._dated_line: str | None = None  # the header's first line with a full date and no label or hours
        self._bare_title: str | None = None  # "PROTOKOLL" alone on a line, waiting for the body's name
        self._first_heading: str | None = None  # "HELGELAND REGIONRÅD" above the title
        self._agenda: list[tuple[int | None, str, Section]] = []
        self._heading_cases, self._heading_numbers, self._repeated = self._heading_items()
        self._seen_cases: set[str] = set()

    # -- sections -------------------------------------------------------
    def start(self, title: str, kind: str, line: int, **kw) -> None:
        self.close()
        self.open = _Open(title=title, kind=kind, start=line, end=line, **kw)

    def close(self) -> None:
        o = self.open
        self.open = None
        if o is None or o.kind == "header" and not o.blocks:
            return
        # a report that ends inside its paragraph ends where the next begins, else with its last block
        end = o.end if o.last_column is not None else max([o.end, o.start] + [b.span.end for b in o.blocks])
        sec = Section(n=len(self.sections) + 1, title=o.title, kind=o.kind, span=Span(o.start, end), text="",
                      actor=o.actor, agenda_number=o.number, blocks=list(o.blocks), case_number=o.case,
                      first_column=o.first_column, last_column=o.last_column)
        sec.text = "\n".join(sec.own_line(n, self.lines[n - 1]) for n in range(o.start, end + 1)).strip("\n")
        self.sections.append(sec)
        if o.kind == "attendance":
            self._attendance.append((sec, o.role or "member"))
        if o.number is not None or o.kind in ("agenda", "events") and o.title:
            self._agenda.append((o.number, o.title, sec))

    def add(self, block: Block) -> None:
        if self.open is None:
            self.start(self.minutes.title or "Header", "header", block.span.start)
        if not self.open.blocks or self.open.blocks[-1] is not block:
            self.open.blocks.append(block)
        self.open.end = max(self.open.end, block.span.end)

    # -- blocks ---------------------------------------------------------
    def feed(self, block: Block) -> None:
        o = self.open
        if o and o.kind == "roundtable" and o.level < 0 and block.kind != "table_row" and self.item_title:
            # the text after a round written as a table belongs to the item again, not to the last row
            self.start(self.item_title, "other", block.span.start)
        if block.kind == "heading":
            self.heading(block, clean(block.text), block.level)
        elif block.kind == "table_row":
            self.row(block)
        else:
            for n, line in self.units(block):
                self.line(block, n, line)

    def units(self, block: Block) -> list[tuple[int, str]]:
        """A paragraph is read line by line when its lines are "Label: text" lines or a label starts
        it ("Til stede:" and the names below); otherwise as one unit, its first line."""
        first = block.span.start
        rows = self.lines[first - 1:block.span.end]
        if len(rows) > 1 and (label_line(rows[0]) or is_heading(rows[0])):
            return [(first + i, r) for i, r in enumerate(rows) if r.strip()]
        return [(first, rows[0] if rows else block.text)]

    def heading(self, block: Block, text: str, level: int, line: str | None = None) -> None:
        line = line if line is not None else self.lines[block.span.start - 1]
        n = block.span.start
        if self.open and self.open.kind == "attendance" and caps_attendee(text):
            self.add(block)  # "INGRID SOLHEIM, HORTEN" in a list written in capitals
            return
        role = attendance_role(text, heading=True)
        if role is not None:
            self.start(text[:1].upper() + text[1:], "attendance", n, role=role, level=level)
            self.add(block)
            return
        if self.agenda_heading(text):
            self.start(text, "other", n, level=level)
            self.add(block)
            return
        o = self.open
        if o and o.kind == "attendance" and o.level and level > o.level and not self.in_agenda:
            self.add(block)  # "Sak 28 og 29/14", "Fra sak 30/14": a group of the attendance list above
            return
        item = self.item(block, line, text, heading=True)
        if item is _LISTED:
            self.add(block)
            return
        if item is not None:
            self.start_item(item, block, level)
            return
        if self.title_line(block, text) or self.time_line(block, text, n):
            return
        if self.special(block, text, level):
            return
        if self.actor(block, text, level, heading=True):
            return
        if self.item_kind and self.open and self.open.kind != "attendance" and level > self.item_level:
            self.add(block)  # a sub-heading of the item ("Vedtak", "Bakgrunn") stays in it
            return
        self.round_level = None
        self.item_kind = None if level <= self.item_level else self.item_kind
        kind = "events" if contains_any(text, self.words["events"]["words"]) else "other"
        self.start(text, kind, n, level=level)
        self.add(block)

    def line(self, block: Block, n: int, line: str) -> None:
        """A paragraph (or one line of it) or a list item."""
        text = clean(line) if block.kind == "paragraph" else block.text
        if block.kind == "paragraph" and is_heading(line) and n == block.span.start and block.span.start == block.span.end:
            self.heading(block, clean(line), 7, line)  # a whole line in bold reads as a heading
            return
        parts = _LABEL_SEPARATOR.split(line)
        if len(parts) > 1 and all(label_line(p) for p in parts) and not self.in_agenda:
            for part in parts:  # "Sted: Svolvær · Tid: fredag 16. februar" holds several labels
                if not self.header_label(block, part, n):
                    self.add(block)
            return
        if self.header_label(block, line, n) or self.time_line(block, text, n):
            return
        if self.attendance_label(block, line, n):
            return
        if self.agenda_heading(text) and len(text.split()) <= 3:
            self.start(text, "other", n)
            self.add(block)
            return
        item = self.item(block, line, text, heading=False)
        if item is _LISTED:
            self.add(block)
            return
        if item is not None:
            self.start_item(item, block, 0)
            return
        if self.special(block, text, 0):
            return
        if self.actor(block, text, 0, heading=False, line=line):
            return
        if self.title_line(block, text):
            return
        o = self.open
        label = clean(line).split(":", 1)[0].strip() if label_line(line) else None  # as written: "ROR", "Bardu"
        if o and o.kind == "attendance" and label and n > o.start and not heads_names(label):
            self.start(label, "other", n)  # "Underskrifter: ..." ends the list
        elif (o and o.kind == "attendance" and o.level == 0 and self._ends_list(n) and not lists_names(block.text)
              and not self._more_of_the_list(line)):
            self.start("Merknader", "other", n)  # a list of names ends at its first blank line or sentence
        elif o and o.kind == "attendance" and self._prose(block, text):
            self.start("Merknader", "other", n)
        self.add(block)

    def row(self, block: Block) -> None:
        """A table row: a header label, an attendee, an actor's report, or the agenda's listing."""
        cells = [c for c in block.cells if c]
        if len(cells) >= 2 and not self.in_agenda and self.header_label(block, f"{cells[0].rstrip(':')}: {cells[1]}",
                                                                      block.span.start):
            return
        o = self.open
        if (block.header and not self.in_agenda and not self.last_item and self.item_kind is None
                and not (o and o.kind == "attendance") and lists_attendees(cells)):
            if o and o.kind == "other" and len(o.blocks) == 1 and o.blocks[0].kind == "heading":
                o.kind, o.role = "attendance", "member"  # "Deltakerliste" over "Navn | Kommune | Møtt"
            else:
                self.start("Deltakere", "attendance", block.span.start, role="member")
        if len(cells) == 1:  # a caption row inside a table ("Varamedlemmer som møtte:")
            role = attendance_role(clean(cells[0]), heading=True)
            if role is not None and (self.open is None or self.open.kind != "attendance"):
                self.start(clean(cells[0]), "attendance", block.span.start, role=role)
        elif cells and not self.in_agenda and self.item_kind is None:
            # "Møtt | Kari Dahl, Ola Berg": a row whose first cell labels the names beside it
            role = attendance_role(clean(cells[0]), heading=True)
            o = self.open
            if role is not None and not (o and o.kind == "attendance" and (o.role == role or self._headed(o, block))):
                self.start(clean(cells[0]).rstrip(":"), "attendance", block.span.start, role=role)
            elif o and o.kind == "attendance" and cells[0].endswith(":") and not heads_names(cells[0].rstrip(": ")):
                self.start(clean(cells[0]).rstrip(":"), "other", block.span.start)  # "Underskrifter: | ..."
        # "PS 7/23 | Title | Vedtak": the agenda as a table, when no heading carries a case number
        head = f"{cells[0]} {cells[1]}" if len(cells) >= 2 and not numbered(cells[0]) else cells[0] if cells else ""
        listed_only = self.in_agenda and not self._heading_cases and not self._heading_numbers
        first = numbered(head) if cells and (self.last_item or listed_only) else None
        if first and first.case_id and first.case_id not in self._heading_cases:
            item = self.item(block, head, clean(head), heading=True)
            if isinstance(item, _Item):  # "013/16 Evaluering ..." set beside another column on its page
                self.start_item(item, block, 0)
                return
        if self.item_kind == "roundtable-item" and self.round_row(block):
            return
        self.add(block)

    # -- what a block can be ----------------------------------------------
    def title_line(self, block: Block, text: str) -> bool:
        """'Referat fra møte i X', 'Møtebok frå møte i X', 'X – møte i arbeidsutvalget' before the agenda;
        a title without the body's name ("Protokoll frå styremøte 5/2022") takes it from a short
        line of capitalised words just after it (or the first part of a letterhead there), or from a
        heading just before it."""
        m = self.minutes
        letterhead = _LABEL_SEPARATOR.split(text)[0]  # "Romsdal Regionråd (ROR) · Torget 4, Molde · Telefon …"
        in_list = self.open is not None and self.open.kind == "attendance"  # a name there is an attendee's
        if m.title is not None and m.body is None and not self.in_agenda and not in_list and _names_body(letterhead):
            m.body, m.body_parent = body_name(letterhead)
            self.add(block)
            return True
        # a heading, or the document's first line ("Kongsvingerregionen IKS" over "Referat fra rådsmøte …")
        if m.title is None and not self.sections and (block.kind == "heading" or block.span.start == 1) \
                and _names_body(text):  # not a heading below the attendance list ("## Program")
            self._first_heading = self._first_heading or text
        if self.minutes.title is not None or self.in_agenda or self.sections:
            return False
        prefixes = self.words["header"]["title_prefixes"]
        if self._bare_title and not label_line(text) and read_title(text, prefixes) is None:
            text = f"{self._bare_title} {text}"  # "PROTOKOLL" + "Arbeidsutvalet i Vestlandsrådet"
        self._bare_title = None
        found = read_title(text, prefixes)
        if not found:
            if text.lower() in prefixes:
                self._bare_title = text
                self.add(block)
                return True
            return False
        self.minutes.title, self.minutes.body, self.minutes.body_parent = found
        if self._first_heading and found[1] is None:
            self.minutes.body, self.minutes.body_parent = body_name(self._first_heading)
        elif self._first_heading and sub_body(found[1], self._first_heading):
            self.minutes.body, self.minutes.body_parent = sub_body(found[1], self._first_heading)
        if self.open is None or self.open.kind != "header":
            self.start(found[0], "header", block.span.start)
        self.open.title = found[0]
        self.add(block)
        return True

    def header_label(self, block: Block, line: str, n: int) -> bool:
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
                self.to_header(block, n)
                return True
        if label in h["meeting_time"]:
            # "Møtedato: 12.09.2014" and "Tid: kl. 09.00–12.00" together make the meeting's time;
            # read in finish(), once every date of the header is known
            self._time_text = f"{self._time_text or ''} {rest}".strip()
            self.to_header(block, n)
            return True
        if label in h["place"] and rest:
            self.minutes.place = rest
            self.to_header(block, n)
            return True
        if label in h["body"] and rest and self.minutes.body is None:
            self.minutes.body, self.minutes.body_parent = body_name(rest)
            self.to_header(block, n)
            return True
        return False

    def time_line(self, block: Block, text: str, n: int) -> bool:
        """A header line that gives the meeting's date and hours without a label
        ("TORSDAG 3. NOVEMBER 2016 KL. 10.00–15.15, SOLSTRAND HOTEL")."""
        if self.in_agenda or self._time_text or self._attendance:
            return False
        if not any(d.year_given for d in find_dates(text)):
            return False
        if not _CLOCK.search(text):  # "Samling 9.–10. mai 2023 på Grong hotell": the day when nothing else says
            self._dated_line = self._dated_line or text
            return False
        self._time_text = text
        self.to_header(block, n)
        return True

    def to_header(self, block: Block, n: int) -> None:
        if self.open is not None and self.open.kind == "attendance":
            self.start(self.minutes.title or "Header", "header", n)
        self.add(block)

    def attendance_label(self, block: Block, line: str, n: int) -> bool:
        """'Til stede: A, B og C', 'Fra sekretariatet møtte:', 'Faste medlemmar som møtte:', 'Til stades var A, B'."""
        lab = label_line(line) or said_label(line)
        text = clean(line)
        if lab:
            text = lab[0]
        elif len(text.split()) > 5 or text.endswith(".") or self._in_list(n):
            return False  # a group line inside a list ("Observatører") is the attendance reader's
        role = attendance_role(text, heading=True)
        if role is None and lab and lab[1] and self.open and self.open.kind == "attendance" and titles_only(text):
            role = "member"  # "Rådmenn: Kari Dahl (Bardu), …" among the lists: people present by their title
        if role is None and not self.in_agenda and heads_part(text, self.lines[n:n + 3]):
            role = "member"  # "Dag 1 – 9. mai" over the names who came that day
        if role is None or self.item_kind is not None:
            return False  # "Innleder: ..." inside an agenda item is part of that item
        self.start(text[:1].upper() + text[1:], "attendance", n, role=role, level=0 if lab else 7)
        self.add(block)
        return True

    def agenda_heading(self, text: str) -> bool:
        if starts_with_any(text, self.words["agenda"]["heading"]) and len(text.split()) <= 4:
            self.close()
            self.in_agenda = True
            return True
        return False

    def item(self, block: Block, line: str, text: str, heading: bool) -> "_Item | object | None":
        """The agenda item a heading, list item or line starts, if it starts one; _LISTED for an
        entry of the agenda's listing."""
        found = numbered(line) or numbered(text) or heading and _hyphen_case(text)
        if not found:
            return None
        case = found.case_id
        marked = found.marked or heading
        if heading and case and self._repeated[case]:
            if case not in self._seen_cases:
                self._seen_cases.add(case)
                return _LISTED  # the agenda's listing: the same case comes again as the item itself
        if not heading and (case in self._heading_cases or case is None and found.number in self._heading_numbers):
            return _LISTED  # a listed item whose own heading comes later
        if not heading and self.item_level and self.item_kind:
            return None  # "1." under an item opened by a heading is a point of that item
        expected = found.number == self.last_item + 1 or case is not None or self.in_agenda and self.last_item == 0
        # in an events list, "1. 25. mai – ..." is an event; "5. Eventuelt" goes on with the agenda
        in_list = self.item_kind == "events" and not marked and not (
            expected and not find_dates(found.title[:14]) and not find_month(found.title[:12], date.min)
            and not contains_any(found.title, self.words["status"]["tba"] + self.words["status"]["tbc"]
                                 + self.words["status"]["cancelled"]))
        # without an agenda heading, "1. Title" after the header starts the agenda
        starts_agenda = not self.in_agenda and found.number == 1 and self.last_item == 0 and bool(self.sections)
        if not (self.in_agenda or marked or starts_agenda) or in_list:
            return None
        if not expected and not marked:
            return None
        title = found.title
        if case:
            title = clean(text) if re.split(r"[/-]", case)[0] in clean(text)[:20] else f"Sak {case} {title}"
        return _Item(found.number, case, title)

    def start_item(self, item: _Item, block: Block, level: int) -> None:
        self.in_agenda = True
        self.last_item = item.number
        if contains_any(item.title, self.words["roundtable"]["words"]):
            kind = "roundtable-item"
        elif contains_any(item.title, self.words["events"]["words"]):
            kind = "events"
        else:
            kind = "agenda"
        self.item_kind, self.item_level, self.item_title, self.item_case = kind, level, item.title, item.case
        self.round_level = level if kind == "roundtable-item" else None
        self.round_columns = False
        self.start(item.title, "agenda" if kind == "roundtable-item" else kind, block.span.start, number=item.number,
                   case=item.case, level=level)
        self.add(block)

    def special(self, block: Block, text: str, level: int) -> bool:
        """'Neste møte' (an events section), 'Eventuelt', or a round heading inside an item."""
        head = text.split(":", 1)[0].strip()
        if starts_with_any(head, self.words["sections"]["next_meeting"]) and len(head.split()) <= 4:
            self.round_level = None
            self.start(head, "events", block.span.start, level=level)
            self.add(block)
            return True
        if starts_with_any(head, self.words["sections"]["any_other"]) and len(head.split()) <= 3 and (
                level or head == text):
            self.round_level = None
            self.item_kind = "agenda"
            self.start(head, "other", block.span.start, level=level)
            self.add(block)
            return True
        if (len(head.split()) <= 8 and (level or block.text.rstrip().endswith(":") or head == text)
                and contains_any(head, self.words["roundtable"]["words"])):
            self.item_kind = "roundtable-item"
            self.round_level = level
            self.round_columns = False
            if self.open is None or self.open.kind in ("attendance", "header") or level:
                self.start(head, "other", block.span.start, level=level)
                self.item_case = None  # a round of its own, in no case
            self.add(block)
            return True
        return False

    def actor(self, block: Block, text: str, level: int, heading: bool, line: str = "") -> bool:
        """Inside a round, a sub-heading, 'Name: text' paragraph or bullet, or 'Fra X ble det orientert'
        starts an actor's section."""
        if self.item_kind != "roundtable-item":
            return False
        if heading:
            if self.round_level and level <= self.round_level:
                return False
            actor = text
        else:
            actor = self._labelled_actor(block, line) or self._prose_actor(line or block.text)
            if actor is None:
                return False
        actor = actor.strip().rstrip(":").strip()
        if not actor or not actor[0].isupper() or len(actor.split()) > 8 or starts_with_any(actor, self._not_actors()):
            return False
        column = self._begun_inside(block, line) if not heading else 0
        if column and self.open is not None:  # the report before ends inside this line, at the sentence
            self.open.end, self.open.last_column = block.span.start, column
        self.start(actor, "roundtable", block.span.start, actor=actor, level=level, first_column=column,
                   case=self.item_case)
        self.add(block)
        if not heading:
            self._reports_within(block, column)
        return True

    def _reports_within(self, block: Block, column: int) -> None:
        """The further prose reports of a paragraph that runs several on ("Frå Dalby vart det orientert om …
        langs / elva. Frå Fjellvik vart det orientert om …"): each starts a report where it begins."""
        for n in range(block.span.start, block.span.end + 1):
            for m in PROSE_REPORT.finditer(self.lines[n - 1]):
                actor = m["actor"]
                if n == block.span.start and m.start() <= column or starts_with_any(actor, self._not_actors()):
                    continue  # the report this paragraph opened with
                if m.start():  # the report before ends inside this line
                    self.open.end, self.open.last_column = n, m.start()
                else:  # or with the line before (all of it)
                    self.open.end, self.open.last_column = n - 1, len(self.lines[n - 2])
                self.start(actor, "roundtable", n, actor=actor, level=0, first_column=m.start(), case=self.item_case)
                self.add(block)

    def _begun_inside(self, block: Block, line: str) -> int:
        """Where on its line a prose report begins when a sentence of the text before ends on that line
        ("… ved kaia. Frå Årdal vart det orientert om …"): both reports hold the line, each its own part."""
        raw = line or self.lines[block.span.start - 1]
        m = PROSE_REPORT.search(raw)
        return m.start() if m and raw[:m.start()].strip() else 0

    def _labelled_actor(self, block: Block, line: str) -> str | None:
        """'Bærum: Har jobbet ...' — a known body, or a bold or bulleted label of a few capitalised words."""
        raw = block.text if block.kind == "list_item" or not line else line
        lab = label_line(raw)
        if not lab or len(lab[0].split()) > 5:
            return None
        actor = clean(raw.split(":", 1)[0])
        if classify(actor) is not None:
            return actor
        # "Mål: ..." or "Status: ..." stay sentences of the report before them
        bold = "**" in raw.split(":", 1)[0] or block.kind == "list_item"
        words = actor.split()
        if bold and words and all(w[:1].isupper() for w in words if w.lower() not in ("og", "i", "for")):
            if starts_with_any(actor, self._not_actors()):
                return None
            return actor
        return None

    def _prose_actor(self, text: str) -> str | None:
        m = PROSE_REPORT.search(clean(text))
        return m["actor"] if m else None

    def _not_actors(self) -> list[str]:
        w = self.words
        return (w["decisions"]["words"] + w["decisions"]["proposal"] + w["actions"]["responsible"] + w["actions"]["deadline"]
                + w["actions"]["heading"]
                + w["sections"]["not_actor"])

    def round_row(self, block: Block) -> bool:
        """A round written as a table (Kommune | Orientering): each row is an actor's report."""
        cells = [c for c in block.cells]
        if block.header:
            self.round_columns = True
            self.add(block)
            return True
        actor = clean(cells[0]) if cells else ""
        if not actor or not (self.round_columns or classify(actor) is not None) or len(actor.split()) > 5:
            return False
        self.start(actor, "roundtable", block.span.start, actor=actor, level=-1, case=self.item_case)  # -1: a table row
        self.add(block)
        return True

    @staticmethod
    def _headed(o: "_Open", block: Block) -> bool:
        """A row of an attendee table whose header row stands in the open list: its first cell is a value of the
        first column ("Leder | Kari Dahl | Tinn" under "Rolle | Navn | Kommune"), not a label over the row."""
        return any(b.kind == "table_row" and b.header and b.table == block.table for b in o.blocks)

    def _in_list(self, n: int) -> bool:
        """Line n goes on with an open attendance list (not after a one-line "Referent: X" and a blank line)."""
        o = self.open
        return bool(o and o.kind == "attendance" and not (o.level == 0 and self._ends_list(n)))

    def _more_of_the_list(self, line: str) -> bool:
        """'Måsøy: John Aase (AP), Kari Berg (H)' after a blank line goes on with a list of such lines above it."""
        return body_lists_names(line) and any(body_lists_names(self.lines[b.span.start - 1]) for b in self.open.blocks)

    def _ends_list(self, n: int) -> bool:
        """A list of names opened by a label ends at its first blank line after some names."""
        o = self.open
        first = label_line(self.lines[o.start - 1])
        has_names = bool(o.blocks[1:]) or bool(first and first[1])
        return has_names and n > o.end + 1

    def _prose(self, block: Block, text: str) -> bool:
        """A sentence after some names: ten words or more, ending with a full stop, no label."""
        return (block.kind == "paragraph" and len(text.split()) >= 10 and bool(_PROSE.search(text))
                and not label_line(text) and len(self.open.blocks) > 2)

    def _heading_items(self) -> tuple[set[str], set[int], Counter]:
        """Case numbers and item numbers that headings carry, and cases that come twice as headings."""
        cases: Counter = Counter()
        numbers: set[int] = set()
        for b in self.blocks:
            if b.kind != "heading":
                continue
            found = numbered(self.lines[b.span.start - 1]) or numbered(b.text) or _hyphen_case(clean(b.text))
            if found is None:
                continue
            numbers.add(found.number)
            if found.case_id:
                cases[found.case_id] += 1
        repeated = Counter({c: n for c, n in cases.items() if n > 1})
        return set(cases), numbers, repeated

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
        titled = next((d.start for d in find_dates(m.title or "", ref)), None)  # "Referat fra møte 13. februar 2020"
        if self._time_text:
            m.start, m.end = meeting_times(self._time_text, ref)
            day = titled or m.document_date  # "Tid: kl. 09.30–14.30" without a date of its own
            if m.start is None and day:
                m.start, m.end = meeting_times(f"{day.day}.{day.month}.{day.year} {self._time_text}", None)
        else:
            m.start = titled or m.document_date or (meeting_times(self._dated_line, ref)[0] if self._dated_line else None)

    def attendance(self, initials: dict | None = None) -> tuple[list, list[tuple[int, str]]]:
        """The attendance lines of every attendance section, and the lines that gave no one."""
        lines, unplaced = [], []
        starts = [s.span.start for s in self.sections]
        for sec, role in self._attendance:
            last = next((s - 1 for s in starts if sec.span.start < s <= sec.span.end), None)
            lines.extend(read_attendance(sec, role, sec.blocks, unplaced, last, initials))
        footnoted(lines, self.lines)
        return lines, unplaced

    def finish(self) -> Minutes:
        self.close()
        self.meeting_time()
        m = self.minutes
        if m.body is None and self._first_heading:  # "PRØVERÅDET" over a title without a name
            m.body, m.body_parent = body_name(self._first_heading)
        if self.source.running_header:  # "Prøverådet    Møtebok 3. mai 2023" atop each page
            cell = next((c for c in _HEADER_CELLS.split(self.source.running_header) if _names_body(c)), None)
            # the header names the body when the text does not, or names it only by its kind ("Regionrådet")
            generic = m.body and " " not in m.body and cell and m.body.lower()[:-2] in cell.lower().split()
            if cell and (m.body is None or generic):
                m.body, m.body_parent = body_name(cell)
        m.attendance, m.unplaced = self.attendance()
        known = by_initials(m.attendance, m.unplaced)
        if known:  # lists giving people by initials: read again knowing whose they are
            m.attendance, m.unplaced = self.attendance(known)
            m.attendance = without_roster(m.attendance, known)
        m.attendance = every_day(one_chair_line(m.attendance))
        for number, title, sec in self._agenda:
            text = "\n".join(sec.text.split("\n")[1:]).strip()
            m.agenda.append(AgendaEntry(number=number, title=title, text=text, section=sec))
        for sec in self.sections:
            if sec.kind == "events":
                first = label_line(self.lines[sec.span.start - 1])
                start = sec.span.start if first and first[1] else sec.span.start + 1  # "Neste møte: 3. mai"
                for i in range(start, sec.span.end + 1):
                    t = self.lines[i - 1]
                    if t.strip():
                        m.events.append(EventLine(text=t, line=i, section=sec))
        for d in find_dates(" ".join(a.title for a in m.agenda), m.meeting_date or m.document_date):
            if m.meeting_date and d.start < m.meeting_date:
                m.previous_meeting = d.start
                break
        return m


def parse(source: SourceText) -> Minutes:
    """The structure of one document's minutes."""
    blocks = source.blocks
    if not blocks:  # a SourceText made without a reader: find its blocks as plain text does
        from kg.read.plaintext import text_blocks

        blocks = text_blocks(source.lines)
    p = _Parser(source, blocks)
    for block in blocks:
        p.feed(block)
    return p.finish()
