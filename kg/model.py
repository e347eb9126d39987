"""The objects that travel down the pipeline, one document at a time.

read → ``SourceText`` (text plus typed ``Block``s); parse → ``Minutes`` (sections, attendance lines, agenda
items, event lines); extract → ``DocGraph`` (nodes and facts, each fact with
its ``Evidence``); resolve gives nodes their IRIs; store writes the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, datetime
from typing import Callable


@dataclass(frozen=True)
class SourceText:
    """A file's text, decoded, with one entry per line (1-based line numbers in evidence)."""

    name: str
    text: str
    content_hash: str
    encoding: str
    format: str
    # where each line is in the file when its lines are not the file's own (Word, PDF, HTML):
    # "page 2", "table 1 row 3"; not part of equality or hash (a list cannot be hashed)
    locations: list[str] | None = field(default=None, compare=False)
    # the document as its format states it: headings, paragraphs, list items, table rows,
    # each with its line span in ``text``; every stage after the reader works on these
    blocks: list["Block"] = field(default_factory=list, compare=False)
    # a PDF's running header, which the reader takes out of the text: it may be all that names the body
    running_header: str | None = field(default=None, compare=False)

    def __post_init__(self):
        # blocks read back from JSON (a stored source) come as dicts: make them blocks again
        if self.blocks and isinstance(self.blocks[0], dict):
            object.__setattr__(self, "blocks", [Block.from_dict(b) for b in self.blocks])

    @cached_property  # split once: evidence asks for lines thousands of times on a long document
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def location(self, line: int) -> str | None:
        """Where 1-based ``line`` is in the original file, when the format says more than a line."""
        if self.locations and 1 <= line <= len(self.locations):
            return self.locations[line - 1]
        return None


@dataclass(frozen=True)
class Span:
    start: int  # 1-based, inclusive
    end: int

    def as_list(self) -> list[int]:
        return [self.start, self.end]


BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_row")


@dataclass(frozen=True)
class Block:
    """One typed element of a document, as its format states it (not guessed from lines).

    Readers emit these in reading order; ``text`` is the block's text as it stands in
    ``SourceText.text`` over ``span`` (so evidence keeps pointing at lines). A table is
    a run of ``table_row`` blocks sharing ``table``; each row's ``cells`` hold the text
    of its cells with merged cells repeated, and ``header`` marks the table's header row.
    """

    kind: str  # one of BLOCK_KINDS
    text: str
    span: "Span"
    level: int = 0  # heading: 1-6; list_item: nesting depth from 0
    marker: str | None = None  # list or heading numbering as written: "-", "3.", "b)", "Sak 12/19"
    cells: tuple[str, ...] = ()  # table_row only
    header: bool = False  # table_row: the header row of its table
    table: int | None = None  # table_row: which table of the document (0-based)
    strike: bool = False  # struck-through text (an absentee in some layouts)

    @classmethod
    def from_dict(cls, d: dict) -> "Block":
        """A block from its JSON form (``dataclasses.asdict``)."""
        return cls(**{**d, "span": Span(**d["span"]), "cells": tuple(d.get("cells") or ())})


@dataclass
class Section:
    """The unit of evidence: a round-table report, an agenda item, an attendance block."""

    n: int
    title: str
    kind: str  # header | attendance | agenda | roundtable | events | other
    span: Span
    text: str
    actor: str | None = None
    agenda_number: int | None = None
    node: "Node | None" = None
    blocks: list[Block] = field(default_factory=list)  # the blocks the section holds
    case_number: str | None = None  # the case number as written of the agenda item it is or is part of: "12/19"
    # where its text begins on its first line and ends on its last (None: the whole line): a prose round
    # ("… ved kaia. Frå Årdal vart det orientert om …") starts the next report inside the line the last one ends on
    first_column: int = 0
    last_column: int | None = None
    # its sentences as kg.lang.sentences cut them (by skip_heading, with the lines they were cut from): a dozen
    # extractors read each section's sentences
    cut: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def own_line(self, n: int, line: str) -> str:
        """Line n of the document as far as it is this section's."""
        if n == self.span.end and self.last_column is not None:
            line = line[:self.last_column]
        return line[self.first_column:] if n == self.span.start else line


@dataclass
class AttendanceLine:
    name: str | None  # None: a body listed as absent without a person ("Ikkje til stades: Aurland kommune")
    body: str | None
    role: str  # member | chair | secretariat | guest | substitute | absent | referent
    line: int
    section: Section
    title: str | None = None  # a role written beside the name ("ordfører")
    note: str | None = None  # "fra sak 51/14": attended part of the meeting
    note_line: int | None = None  # the line the note stands on where not the name's (a footnote to "Olav Hovet*")
    substitute_for: str | None = None  # the member a substitute stood in for
    party: str | None = None  # "Kari Hansen (Sp)"


@dataclass
class AgendaEntry:
    number: int | None
    title: str
    text: str  # the lines under the title
    section: Section


@dataclass
class EventLine:
    text: str
    line: int
    section: Section


@dataclass
class Minutes:
    source: SourceText
    sections: list[Section]
    title: str | None = None
    body: str | None = None
    body_parent: str | None = None
    document_date: date | None = None
    start: datetime | date | None = None
    end: datetime | None = None
    place: str | None = None
    attendance: list[AttendanceLine] = field(default_factory=list)
    agenda: list[AgendaEntry] = field(default_factory=list)
    events: list[EventLine] = field(default_factory=list)
    previous_meeting: date | None = None
    unplaced: list[tuple[int, str]] = field(default_factory=list)  # lines the parser did not understand

    @property
    def meeting_date(self) -> date | None:
        return self.start.date() if isinstance(self.start, datetime) else self.start


@dataclass(frozen=True)
class Literal:
    value: object
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Iri:
    """An IRI that is not a node of the document (a status, a class of a standard vocabulary)."""

    value: str


@dataclass(frozen=True)
class Evidence:
    section: Section
    span: Span
    quote: str


@dataclass(eq=False)
class Node:
    """An entity or a structural node (meeting, attendance, grant ...) of one document.

    Entities get their IRI from the resolver; structural nodes compute theirs from
    the resolved nodes they hang on (``local`` is called once IRIs are known).
    """

    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    props: dict = field(default_factory=dict)
    local: Callable[[], str] | None = None
    iri: str | None = None
    curated: bool = False

    def local_slug(self) -> str:
        """The last segment of the node's IRI (set by the resolver), for IRIs of nodes hung on it."""
        return (self.iri or "").rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Fact:
    subject: Node
    predicate: str
    object: "Node | Literal | Iri"
    evidence: Evidence | None = None
