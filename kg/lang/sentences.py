"""Sentences of a section with the lines they stand on: the grain of evidence.

Extraction states each fact on its sentence's lines, and `kg ask` finds the lines a question's words match
(kg.ask.lines) by the same cut; it lives outside kg.extract so that a question need not load the extractors.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.lang.text import sentences, strip_markup
from kg.model import Section


@dataclass(frozen=True)
class Sentence:
    text: str
    first: int  # line numbers in the document
    last: int


# a line that opens a list item ("- ", "• ", "2) ", "b) ", "3. Næring", a listing's case number "74/10 Tittel"):
# an item is a unit of its own, never one sentence with the item before it, though minutes set items on lines
# with no blank line between
LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}\)|[a-zæøå]\)|\d{1,2}\.(?=\s+[A-ZÆØÅ])|\d{1,3}/\d{2,4}(?=\s+[A-ZÆØÅ]))\s+\S")
# a report of a prose round: "Fra Lesja ble det orientert om ...", "Frå Luster vart det orientert om ..."
PROSE_REPORT = re.compile(
    r"(?:^|(?<=[.;:!]\s))(?:Fra|Frå|From)\s+(?P<actor>[A-ZÆØÅ][\w.-]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\w.-]*){0,3})\s+"
    r"(?:(?:ble|blei|vart|var|er)\s+det(?:\s+(?:orientert|informert|fortalt|opplyst|meldt)|\s*$)"
    r"|(?:orienterte|informerte|fortalte|fortalde|opplyste|meldte|melde|rapporterte|la\s+fram)\b)")
_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?\**[A-ZÆØÅa-zæøå][\wæøåÆØÅ/ \-]{1,40}?\.?\**:\**\s")  # "Saksh.:" too


def leading_label(line: str) -> str | None:
    """The label a line opens with ("- Birkenes: ...", "**Saksordførar:** ..."), without its marks."""
    m = _LABEL.match(line)
    return m.group().strip(" \t-*•:") if m else None


def is_table_row(line: str) -> bool:
    """A row of a table as text: cells between '|' or split by tabs."""
    return line.lstrip().startswith("|") or line.count("\t") >= 1 and bool(line.strip())


def table_cells(text: str) -> list[str]:
    return [c.strip(" *") for c in re.split(r"\s*\|\s*|\t+", text.strip().strip("|")) if c.strip(" *")]


def _heading_report(line: str) -> str:
    """What a round-table report's first line says beside the body's name: "**Horten:** Samarbeider med …",
    "| Midsund | Oppdrettsnæringen ønsker …", or a whole sentence ("Frå Nes vart det orientert om …")."""
    if is_table_row(line):
        return " ".join(table_cells(line)[1:])
    if ":" in line:
        return line.split(":", 1)[1].strip(" *")
    # a bare heading ("Hemsedal") says nothing; "Frå Vik vart det" goes on with its report on the next line
    return line.strip() if len(line.split()) > 4 or PROSE_REPORT.match(line.strip()) else ""


def _line_of_its_own(line: str, after: str) -> bool:
    """A word or two without a full stop above a line that starts with a capital ("Orienteringssak" over
    "Kari Dahl viste …"): a label of the text below, not the start of its sentence. A wrapped paragraph's
    lines are longer, and one its sentence goes on in starts in lower case."""
    words = strip_markup(line).split()
    return (0 < len(words) <= 2 and not re.search(r"[.,;:!?]$", words[-1]) and words[0][:1].isupper()
            and strip_markup(after).strip()[:1].isupper())


def sentences_with_heading(sec: Section, lines: list[str]) -> list[Sentence]:
    """The section's heading line as a sentence of its own, then its sentences: a label may say what the lines
    under it do ("Merknad: Kari Dahl kom under sak 6/24", "Inhabil i sak 7/19: Per Lie"), where a heading read as
    the first words of the paragraph under it would run into its first sentence ("1. DECLARATIONS … Cllr X …")."""
    heading = Sentence(sec.own_line(sec.span.start, lines[sec.span.start - 1]).strip(), sec.span.start, sec.span.start)
    return [heading, *section_sentences(sec, lines)]


def section_sentences(sec: Section, lines: list[str], *, skip_heading: bool = True) -> list[Sentence]:
    """Paragraphs (runs of non-blank lines; a list item starts one) cut into sentences, each with its line span
    (cut once a section and kept on it)."""
    cut = sec.cut.get(skip_heading)
    if cut is None or cut[0] is not lines:
        cut = sec.cut[skip_heading] = (lines, _cut(sec, lines, skip_heading))
    return list(cut[1])


def _cut(sec: Section, lines: list[str], skip_heading: bool) -> list[Sentence]:
    out: list[Sentence] = []
    start = sec.span.start + (1 if skip_heading else 0)
    para: list[tuple[int, str]] = []
    if skip_heading and sec.kind == "roundtable":
        own = _heading_report(sec.own_line(sec.span.start, lines[sec.span.start - 1]))
        if own:
            para.append((sec.span.start, own))

    def flush() -> None:
        if not para:
            return
        text, offsets = "", []
        for n, line in para:
            offsets.append(len(text))
            text += strip_markup(line).strip() + " "
        for a, b in sentences(text):
            first = para[bisect.bisect_right(offsets, a) - 1][0]
            last = para[bisect.bisect_right(offsets, max(a, b - 1)) - 1][0]
            out.append(Sentence(text[a:b].strip(), first, last))
        para.clear()

    for n in range(start, sec.span.end + 1):
        line = sec.own_line(n, lines[n - 1])  # a report begun or ended inside a line holds only its part
        if leading_label(line) or is_table_row(line):  # "Saksordførar: Jon Askeland", a table row: a line of its own
            flush()
            para.append((n, line))
            flush()
        elif line.strip():
            if LIST_ITEM.match(line):
                flush()
            para.append((n, line))
            if n < sec.span.end and _line_of_its_own(line, lines[n]):
                flush()
        else:
            flush()
    flush()
    return out
