"""The readers' common output: text lines with their locations, and the typed blocks over them.

Every reader states what its format states (a heading and its level, a list item and
its marker, a table row and its cells) as a ``Block``, and writes the block as one or
more text lines so that evidence keeps pointing at lines. A heading is written as a
Markdown heading one level deeper ("## " for level 1, as the sample minutes do), a list
item with its marker and indentation, a table row as its cells joined by a TAB.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Block, Span


@dataclass
class Read:
    """What a reader returns: the text, how it was decoded, where each line is, the blocks."""

    text: str
    encoding: str
    locations: list[str] | None
    blocks: list[Block]
    running_header: str | None = None  # a PDF's running header, taken out of the text


@dataclass
class Writer:
    """Collects blocks in reading order and the text lines they are written as."""

    lines: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: int = 0  # tables started so far

    def add(self, kind: str, text: str, location: str = "", *, written: str | None = None, **kw) -> Block | None:
        """Add one block; ``written`` is its text as it goes into the lines (default: its usual form)."""
        text = text.strip()
        cells = kw.get("cells", ())
        if kind == "table_row" and len(cells) > 1 and len(set(cells)) == 1:
            # one cell merged across the whole row: a caption inside the table ("Varamedlemmer som møtte:")
            kind, text, written, kw = "paragraph", cells[0], None, {}
        if not text and not any(cells):
            return None
        if written is None:
            written = line_form(kind, text, kw.get("level", 0), kw.get("marker"), cells)
        rows = written.split("\n")
        start = len(self.lines) + 1
        self.lines.extend(rows)
        self.locations.extend([location] * len(rows))
        block = Block(kind=kind, text=text, span=Span(start, start + len(rows) - 1), **kw)
        self.blocks.append(block)
        return block

    def new_table(self) -> int:
        self.tables += 1
        return self.tables - 1

    def read(self, encoding: str) -> Read:
        return Read("\n".join(self.lines), encoding, self.locations, self.blocks)


def line_form(kind: str, text: str, level: int = 0, marker: str | None = None, cells=()) -> str:
    """How a block is written as text lines when the format has no lines of its own."""
    if kind == "heading":
        return "#" * min(level + 1, 6) + " " + text
    if kind == "list_item":
        return "  " * level + f"{marker or '-'} {text}"
    if kind == "table_row":
        return "\t".join(cells).rstrip("\t")
    return text


def cell_text(parts: list[str]) -> str:
    """A table cell's paragraphs (or lines apart by <br>) as one cell: "; " between two that a
    punctuation mark does not already end, so that a list of names in one cell stays a list
    ("Kari Dahl, Tinn" / "Ola Berg, Vinje" → "Kari Dahl, Tinn; Ola Berg, Vinje")."""
    out = ""
    for part in (" ".join(p.split()) for p in parts):
        if not part:
            continue
        out = part if not out else f"{out} {part}" if out[-1] in ".,;:!?" else f"{out}; {part}"
    return out

