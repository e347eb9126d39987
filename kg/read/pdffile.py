"""PDF: the text of each page in reading order, without the page furniture, as blocks.

pypdf's layout mode is used because it keeps a table row on one line with the gap
between its columns. Measured on tests/data/minutes/102_gjovikregionen_2014-09.pdf
(a ten-row "Navn | Representerer" table): pypdf's layout mode keeps 11 of 11 rows
with their column gap; pypdf's plain mode writes "Marit Solberg Haugen Gjøvik
kommune" (one space: where the name ends is lost); pdfminer.six's extract_text puts
the whole name column first and the body column after it, so no row survives.

On the layout text, in this order:

- page furniture goes: a line at the top or bottom of two pages or more that is the
  same but for its digits (a running header or footer: "Salten Regionråd | Side 2 av
  4"), and page numbers ("Side 3 av 4", "3 av 4", "- 3 -"); the running header is kept
  apart (``Read.running_header``): the parser names the body from it when the text does not;
- a line of "Label: value" pairs set apart ("Tid: kl. 10   Sted: Rådhuset") becomes
  one line per label;
- a run of lines split at one column is two text columns when each column's lines go
  on from the line above (a lowercase word or a digit first), read left column first;
  otherwise it is a table, one row per line, a line holding only a lowercase or
  bracketed continuation joined to the cell above it;
- a table too short for its columns to recur on the page (a header and one row) is
  two or more lines whose gaps open at the same places;
- the gap between table cells (three spaces or more) becomes a TAB; other runs of
  spaces inside a line (layout spacing) become one space;
- a word broken at the end of a line or page ("kollektiv-" / "tilbudet") is joined,
  unless the next word is "og"/"eller" ("havbruks- og fiskerinæringen").

The cleaned lines then go through the plain-text block finder (headings in capitals,
case headings, lists, tables). Each line's location is its page ("page 2"). A file
that is not a PDF, is damaged, encrypted, or has no text layer is refused with a reason.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from kg.errors import BadInput
from kg.parse.lines import case_heading
from kg.read.blocks import Read
from kg.read.plaintext import text_blocks

_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
# bullet glyphs of symbol fonts that come out as private-use or control characters
_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\x7f": "•"})
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:side|page|s\.)\s*)?\d{1,3}(?:\s*(?:av|of)\s*\d{1,3})?[-–—\s]*$", re.I)
_PAGE_MENTION = re.compile(r"\b(?:side|page)\s*:?\s*\d{1,3}\s*(?:av|of|/)\s*\d{1,3}\b|\s\d{1,3}\s+av\s+\d{1,3}\s*$", re.I)
_LABEL_PART = re.compile(r"^[A-ZÆØÅa-zæøå][^:]{0,30}:(?:\s|$)")
_GOES_ON = re.compile(r"^[a-zæøå0-9(]")
_LOWER = re.compile(r"^[a-zæøå]")
_BROKEN = re.compile(r"(?<=[A-Za-zÆØÅæøå]{2})-$")
_NOT_JOINED = {"og", "eller", "and", "or", "til"}


def read_pdf(data: bytes) -> Read:
    """The blocks of a PDF, or BadInput naming why it cannot be read."""
    if b"%PDF-" not in data[:1024]:
        raise BadInput("not a PDF: the file has no %PDF header")
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repairs ("EOF marker not found") on stderr; the reader names real failures itself
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        pdf = PdfReader(io.BytesIO(data))
        if pdf.is_encrypted:
            raise BadInput("encrypted PDF: its text cannot be read without the password")
        pages = [page.extract_text(extraction_mode="layout") for page in pdf.pages]
    except BadInput:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise BadInput(f"not a PDF: damaged ({type(e).__name__}: {e})") from None
    pages = [[line.rstrip().translate(_BULLETS) for line in page.split("\n")]
             for page in pages]
    header = _running_header(pages)
    pages = _without_furniture(pages)
    lines: list[tuple[str, str]] = []
    for number, page in enumerate(pages, start=1):
        for line in _reading_order(_split_labels(page)):
            line = line.strip() if "\t" in line else " ".join(line.split())  # layout spacing inside a line
            if line or lines and lines[-1][0]:  # at most one blank line in a row
                lines.append((line, f"page {number}"))
    while lines and not lines[-1][0]:
        lines.pop()
    if not lines:
        raise BadInput("PDF without text: no text layer (a scanned image?)")
    texts = _join_broken_words([t for t, _ in lines])
    return Read("\n".join(texts), "pdf", [loc for _, loc in lines], text_blocks(texts), header)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _running_header(pages: list[list[str]]) -> str | None:
    """The first line of the first page when the next page starts with the same line but for its digits."""
    firsts = [next((line.strip() for line in page if line.strip()), "") for page in pages[:2]]
    return firsts[0] if len(firsts) == 2 and firsts[0] and _shape(firsts[0]) == _shape(firsts[1]) else None


def _without_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers and footers (the same line, digits aside, at the edge of two pages or
    more) and page numbers."""
    def edges(page: list[str]) -> set[int]:
        filled = [i for i, line in enumerate(page) if line.strip()]
        return set(filled[:3] + filled[-3:])

    seen = Counter(shape for page in pages for shape in {_shape(page[i]) for i in edges(page)})
    out = []
    for page in pages:
        edge = edges(page)
        out.append([line for i, line in enumerate(page)
                    if not (_PAGE_NUMBER.match(line) and line.strip())
                    and not (i in edge and (len(pages) > 1 and seen[_shape(line)] >= 2 or _PAGE_MENTION.search(line)))])
    return out


def _split_labels(page: list[str]) -> list[str]:
    """'Tid: kl. 10    Sted: Rådhuset' → two lines, one per label."""
    out = []
    for line in page:
        parts = _GAP.split(line.strip())
        pairs: list[str] = []
        for part in parts:
            if pairs and pairs[-1].endswith(":"):
                pairs[-1] += " " + part
            else:
                pairs.append(part)
        if len(pairs) > 1 and all(_LABEL_PART.match(p) for p in pairs):
            out.extend(pairs)
        else:
            out.append(line)
    return out


def _starts(line: str) -> set[int]:
    """Columns where text resumes after a gap of three spaces or more."""
    return {m.end() for m in _GAP.finditer(line)}


def _reading_order(page: list[str]) -> list[str]:
    """The page's lines, two-column runs read column by column, tables with their rows joined."""
    counts = Counter(c for line in page for c in _starts(line))
    columns = sorted((c for c, n in counts.items() if n >= 3), key=lambda c: -counts[c])
    out: list[str] = []
    i = 0
    while i < len(page):
        found = next(((col, lead, run) for col in columns for lead, run in [_run(page, i, col)]
                      if sum(1 for line in run if _right(line, col)) >= 2), None)
        if found is None:
            rows = _small_table(page, i)
            out.extend([_GAP.sub("\t", line.strip()) for line in page[i:i + rows]] if rows else [page[i]])
            i += rows or 1
            continue
        col, lead, run = found
        out.extend(page[i:i + lead])
        out.extend(_columns_text(run, col) if _is_text(run, col) else _table(run, col))
        i += lead + len(run)
    return out


def _small_table(page: list[str], i: int) -> int:
    """How many lines from line i make a table too short for its columns to recur on the page (a header
    and a row): lines whose gaps open at the same places, within two characters, as the first one's; 0 if
    fewer than two."""
    first = sorted(_starts(page[i]))
    j = i + 1
    while first and j < len(page) and len(_starts(page[j])) == len(first) and all(
            abs(a - b) <= 2 for a, b in zip(first, sorted(_starts(page[j])))):
        j += 1
    return j - i if j - i >= 2 else 0


def _run(page: list[str], i: int, col: int) -> tuple[int, list[str]]:
    """(lines of ordinary text before it, the lines) of the two-column run starting at line i."""
    j = i
    while j < len(page) and _fits(page[j], col):
        j += 1
    if j < len(page):  # a group of lines cut by a line across the column is not part of the run
        while j > i and page[j - 1].strip():
            j -= 1
    run = page[i:j]
    lead = 0
    while lead < len(run) and not _right(run[lead], col):
        lead += 1
    groups = _groups(run[lead:])
    last = max((k for k, g in enumerate(groups) if any(_right(line, col) for line in g)), default=-1)
    kept = groups[:last + 1]
    if kept:
        g = kept[-1]  # lines of the left column only at the end of the last group are ordinary text
        while g and not _right(g[-1], col) and len(kept) == 1:
            g.pop()
    for g in groups[last + 1:]:  # short entries of the left column below a table with spaced rows
        if len(kept) < 2 or len(g) > 2 or case_heading(g[0].strip()):
            break  # an agenda item's heading ("Sak 1/23 Budsjett") starts the text after the table
        kept.append(g)
    return lead, [line for k, g in enumerate(kept) for line in ([""] if k else []) + g]


def _groups(lines: list[str]) -> list[list[str]]:
    """Lines cut into groups at blank lines."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _fits(line: str, col: int) -> bool:
    """A line that does not run across the column boundary."""
    return not line.strip() or len(line) < col - 1 or line[col - 3:col].strip() == "" or col in _near(_starts(line), col)


def _near(starts: set[int], col: int) -> set[int]:
    return {col} if any(abs(s - col) <= 2 for s in starts) else set()


def _right(line: str, col: int) -> bool:
    return bool(line[col - 2:].strip()) and (line[:col - 2].strip() == "" or bool(_near(_starts(line), col)))


def _halves(line: str, col: int) -> tuple[str, str]:
    cut = col - 2
    return " ".join(line[:cut].split()), " ".join(line[cut:].split())


def _is_text(run: list[str], col: int) -> bool:
    """Two text columns: no blank lines between, and most lines go on from the one above."""
    if any(not line.strip() for line in run):
        return False
    goes_on = total = 0
    for side in (0, 1):
        parts = [_halves(line, col)[side] for line in run]
        for a, b in zip(parts, parts[1:]):
            if a and b:
                total += 1
                goes_on += bool(_LOWER.match(b))
    return total > 0 and goes_on / total >= 0.3


def _columns_text(run: list[str], col: int) -> list[str]:
    left = [h[0] for h in map(lambda line: _halves(line, col), run) if h[0]]
    right = [h[1] for h in map(lambda line: _halves(line, col), run) if h[1]]
    return left + right


def _table(run: list[str], col: int) -> list[str]:
    """One line per row. A line holding one cell only goes on in the row above it: always in a
    table whose rows are apart by blank lines, else when it starts in lowercase, a digit or "("."""
    spaced = any(not line.strip() for line in run)
    rows: list[list[str]] = []
    for line in run:
        if not line.strip():
            rows.append([])
            continue
        left, right = _halves(line, col)
        cells = ([c for c in _GAP.split(line[:col - 2].strip()) if c] if left else [""]) + [right]
        one_sided = not left or not right
        if rows and rows[-1] and one_sided and (spaced or _GOES_ON.match(left or right)):
            side = 0 if left else len(rows[-1]) - 1
            rows[-1][side] = f"{rows[-1][side]} {left or right}".strip()
        else:
            rows.append(cells)
    return ["\t".join(row).rstrip("\t") if row else "" for row in rows]


def _join_broken_words(lines: list[str]) -> list[str]:
    """'kollektiv-' + 'tilbudet i ...' → 'kollektivtilbudet' + 'i ...' (blank lines and page breaks skipped)."""
    out = list(lines)
    for i, line in enumerate(out):
        if not _BROKEN.search(line.rstrip()):
            continue
        j = next((k for k in range(i + 1, min(len(out), i + 4)) if out[k].strip()), None)
        if j is None:
            continue
        nxt = out[j].lstrip()
        word, _, rest = nxt.partition(" ")
        if not word[:1].islower() or word.lower().strip(",.") in _NOT_JOINED:
            continue
        out[i] = line.rstrip()[:-1] + word
        out[j] = rest
    return out
