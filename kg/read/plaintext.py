"""Plain text: detect the encoding from the bytes, never assume it; find the blocks the layout shows.

Norwegian minutes come as UTF-8 (with or without BOM), cp1252 or latin-1.
Anything else is tried with charset-normalizer and kept only if the result
reads as Norwegian (its non-ASCII letters are the usual ones); otherwise the
file is refused rather than stored as mojibake.
"""

from __future__ import annotations

import re

from kg.errors import BadInput
from kg.model import Block, Span
from kg.parse.lines import case_heading
from kg.read.blocks import Read

_EXPECTED = set("æøåÆØÅéÉèÈêüÜöÖäÄóÓáÁíÍúÚñçß–—‘’‚“”„«»€…•·°§½¼¾²³µ×÷ ­")


def _reads_as_norwegian(text: str) -> bool:
    odd = [c for c in text if ord(c) > 127 and c not in _EXPECTED]
    return len(odd) <= max(1, len(text) // 500)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, cp1252 or latin-1 (in that order of evidence), or refuse."""
    if not data.strip():
        raise BadInput("empty file: no text to read")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data:
        raise BadInput("binary file: it holds NUL bytes, not text")
    controls = sum(1 for b in data if b < 0x20 and b not in (9, 10, 12, 13))
    if controls > max(2, len(data) // 200):
        raise BadInput("binary file: too many control bytes for text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_norwegian(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _reads_as_norwegian(str(best)):
        return str(best), best.encoding
    raise BadInput("unknown text encoding: not UTF-8, cp1252 or latin-1")


def read_text(data: bytes) -> Read:
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Read(text, encoding, None, text_blocks(text.split("\n")))


# Plain text states its structure by layout only. A heading is a line in capitals, a
# line underlined with === or ---, a "# " line, a case heading ("Sak 12/19 ...",
# "RT-sak 05/08 ...", "PS 3/17 ...", "Sak 1 og 2/24 ..."), or, where the text sets
# its paragraphs in under their titles (twice or more), a short title line at the
# margin with sentences indented below it; a list item starts with a bullet or "1." /
# "1)" / "a)"; a table row has cells apart by a TAB, by "|", or, on two lines or more
# in a row, by " / " or by runs of two spaces or more (aligned columns). "Label: text"
# lines are never table rows: "Tid:   kl. 10" is aligned like a table but is a label.
_RULE = re.compile(r"^\s*([=\-_*~#])\1{2,}\s*$")
_DECORATED = re.compile(r"^\s*([=\-_*~])\1{2,}\s*(\S.*?)\s*\1{3,}\s*$")  # "===== TITLE ====="
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HASH = re.compile(r"^\s*(#{1,6})\s+(\S.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)([-*•–·▪])\s+(\S.*)$")
_NUMBER = re.compile(r"^(\s*)(\d{1,2}[.)]|[a-zæø]\))\s+(\S.*)$")
_BARE_CASE = re.compile(r"^(\d{1,3}(?:\s*(?:og|&)\s*\d{1,3})?/\d{2,4})\b")  # "12/19", "1 og 2/24"
_GAP = re.compile(r"(?<=\S)(?: {2,}|\t)(?=\S)")
_LABEL = re.compile(r"^\s*[^\s:](?:(?! {2})[^:\t]){0,40}:(?:\s|$)")
_SLASH = re.compile(r"\s+/\s+")


def _titled(rest: str) -> bool:
    """What follows a bare case number reads as a title: a capital first, short, no full stop at the end."""
    rest = rest.strip()
    return rest[:1].isupper() and len(rest.split()) <= 14 and not rest.endswith(".")


_LOWER = re.compile("[a-zæøå]")


def _caps(line: str) -> bool:
    if _LOWER.search(line):  # a lower-case letter: most lines, answered without reading them letter by letter
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(line.split()) <= 14


def _cells(line: str) -> list[str] | None:
    """The cells of a line that is a table row by its own marks (TAB, |), else None."""
    if "\t" in line.strip():
        return [c.strip() for c in line.strip().split("\t")]
    if line.count("|") >= 2:
        parts = [c.strip() for c in line.strip().split("|")]
        if parts and parts[0] == "":
            parts = parts[1:]
        if parts and parts[-1] == "":
            parts = parts[:-1]
        return parts if len(parts) >= 2 else None
    return None


def _aligned(line: str) -> list[str] | None:
    """The cells of a line with columns apart by two spaces or more (not a label line)."""
    if _LABEL.match(line) or not _GAP.search(line.strip()):
        return None
    return [c.strip() for c in _GAP.split(line.strip())]


def _columns(line: str) -> set[int]:
    """Where the second and later cells of an aligned line start."""
    return {m.end() for m in _GAP.finditer(line)}


def _in_columns(lines: list[str], aligned: list, i: int) -> bool:
    """An aligned line is a table row when a line near it has a cell starting in the same column."""
    cols = _columns(lines[i])
    near = range(max(0, i - 3), min(len(lines), i + 4))
    return any(j != i and aligned[j] and cols & _columns(lines[j]) for j in near)


def _slashed(lines: list[str], i: int) -> list[str] | None:
    """The cells of a line apart by " / " when a line next to it has as many ("Tinn / Kari Dahl / 900")."""
    def count(line: str) -> int:
        return len(_SLASH.findall(line.strip())) if not _LABEL.match(line) else 0

    n = count(lines[i])
    if not n or not any(0 <= j < len(lines) and count(lines[j]) == n for j in (i - 1, i + 1)):
        return None
    return [c.strip() for c in _SLASH.split(lines[i].strip())]


def _indented_titles(lines: list[str]) -> set[int]:
    """Lines that title the indented paragraph below them, where the text does so twice or more:
    a short line at the margin (no comma, no end mark, not a label or list item) above a sentence
    set in deeper."""
    found = set()
    for i, line in enumerate(lines[:-1]):
        below = lines[i + 1]
        text = line.strip()
        if (text and _indent(line) == 0 and _indent(below) >= 2 and len(text.split()) <= 8
                and not re.search(r"[,.;:!?]$", text) and "," not in text and (text[0].isupper() or text[0].isdigit())
                and not _LABEL.match(line) and not _BULLET.match(line) and not _cells(line)
                and (below.strip().endswith(".") or len(below.split()) >= 6)):
            found.add(i)
    return found if len(found) >= 2 else set()


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _hangs(lines: list[str], i: int, blocks: list[Block]) -> bool:
    """A line indented deeper than the line above it, right below a paragraph, list item or row."""
    last = blocks[-1] if blocks else None
    if i == 0 or last is None or last.span.end != i or last.kind == "heading" or last.text.endswith(":"):
        return False
    if _LABEL.match(lines[i]) or _BULLET.match(lines[i]) or _NUMBER.match(lines[i]):
        return False  # a line that starts its own entry
    return _indent(lines[i]) > _indent(lines[last.span.start - 1])


def text_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    table: int = -1
    in_table = False
    aligned = [_aligned(line) for line in lines]
    titles = _indented_titles(lines)
    for i, line in enumerate(lines):
        n = i + 1
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not stripped or _RULE.match(line) or _PIPE_RULE.match(line) and in_table:
            last = blocks[-1] if blocks else None
            first_row = last is not None and last.kind == "table_row" and (
                len(blocks) < 2 or blocks[-2].kind != "table_row" or blocks[-2].table != last.table)
            if _PIPE_RULE.match(line) and first_row and ("|" in line or "|" in last.text):
                # the first row of a table above a |---| rule is the header
                blocks[-1] = Block("table_row", last.text, last.span, cells=last.cells, header=True,
                                   table=last.table)
                continue
            in_table = in_table and bool(stripped)
            continue
        cells = _cells(line)
        if cells is None and aligned[i] and _in_columns(lines, aligned, i):
            cells = aligned[i]
        if cells is None:
            cells = _slashed(lines, i)
        underline = (_RULE.match(nxt) and nxt.strip()[0] in "=-" and len(stripped.split()) <= 12
                     and min(len(stripped), 3) <= len(nxt.strip()) <= 2 * len(stripped) + 4)
        m_hash, m_dec = _HASH.match(line), _DECORATED.match(line)
        if m_hash:
            blocks.append(Block("heading", m_hash[2], Span(n, n), level=len(m_hash[1])))
        elif m_dec:
            blocks.append(Block("heading", m_dec[2], Span(n, n), level=1))
        elif case_heading(stripped) and len(stripped.split()) <= 20:
            blocks.append(Block("heading", " ".join(stripped.split()), Span(n, n), level=2,
                                marker=case_heading(stripped)))
        elif (number := _BARE_CASE.match(stripped)) and _titled(stripped[number.end():]) and cells is None:
            blocks.append(Block("heading", " ".join(stripped.split()), Span(n, n), level=2, marker=number[1]))
        elif underline and cells is None:
            blocks.append(Block("heading", stripped, Span(n, n + 1), level=1 if nxt.strip()[0] == "=" else 2))
        elif _hangs(lines, i, blocks):
            last = blocks[-1]  # a hanging indent goes on with the block above (in a row: its last cell)
            cells = last.cells[:-1] + (f"{last.cells[-1]} {stripped}",) if last.cells else ()
            blocks[-1] = Block(last.kind, f"{last.text}\n{stripped}", Span(last.span.start, n), level=last.level,
                               marker=last.marker, cells=cells, table=last.table)
            continue
        elif cells is not None:
            if not in_table:
                table += 1
                in_table = True
            blocks.append(Block("table_row", stripped, Span(n, n), cells=tuple(cells), table=table))
            continue
        elif _caps(stripped) and blocks and blocks[-1].kind == "heading" and blocks[-1].marker \
                and blocks[-1].span.end == i and len(stripped.split()) <= 8:
            last = blocks[-1]  # "01/11  KOMMUNANE I ROLLEN SOM ... I" + "MIDT-TROMS": one heading on two lines
            blocks[-1] = Block("heading", f"{last.text} {stripped}", Span(last.span.start, n), level=last.level,
                               marker=last.marker)
        elif _caps(stripped) and not stripped.endswith((",", ";")):
            number = _BARE_CASE.match(stripped)  # "01/11  KOMMUNENE I ROLLEN ..."
            blocks.append(Block("heading", " ".join(stripped.split()), Span(n, n), level=1,
                                marker=number[1] if number else None))
        elif i in titles:
            blocks.append(Block("heading", stripped, Span(n, n), level=2))
        elif m := _BULLET.match(line) or _NUMBER.match(line):
            depth = len(m[1].expandtabs(4)) // 2
            blocks.append(Block("list_item", m[3].strip(), Span(n, n), level=min(depth, 6), marker=m[2]))
        else:
            blocks.append(Block("paragraph", stripped, Span(n, n)))
        in_table = False
    return blocks
