"""Word (.docx): the body's headings, paragraphs and tables as lines, in document order.

The parser reads lines of Markdown-ish text, so Word structure is written the
way the sample minutes write it: a heading becomes a "## " line (deeper levels
get more "#"), a numbered list item gets its number back ("3. Title" — Word
stores the number in the list definition, not in the text, and agenda numbers
matter), a bullet becomes "- ", and a table row becomes one line of cells
joined by a TAB, so an attendee table reads as "Name<TAB>Body".

Merged cells: a cell spanning several columns is written once; a cell spanning
several rows (a body beside three of its people) is repeated on each row, since
each row is one person and needs its body. Empty cells between filled ones are
kept so that columns stay aligned with the header row; trailing ones are not.

Each line's location ("paragraph 14", "table 1 row 3") is kept for evidence.
python-docx is imported here only, when a Word file is read.
"""

from __future__ import annotations

import io
import re
import zipfile

from kg.errors import BadInput

_HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*(\d)$", re.I)
_TITLE_STYLES = {"title", "tittel"}


def read_docx(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, locations) of a .docx file, or BadInput naming why it is not one."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadInput("not a Word file: not a zip archive (an old .doc or another format renamed .docx?)")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for a broken package
        raise BadInput(f"not a Word file: {type(e).__name__}: {e}") from None
    formats = _list_formats(document)
    counters: dict[tuple[str, int], int] = {}
    lines: list[tuple[str, str]] = []
    n_par = n_table = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n_par += 1
            text = _paragraph_text(Paragraph(child, document), formats, counters)
            lines.extend((t, f"paragraph {n_par}") for t in text.split("\n"))
        elif tag == "tbl":
            n_table += 1
            for r, row in enumerate(Table(child, document).rows, start=1):
                line = _row_text(row)
                if line:
                    lines.append((line, f"table {n_table} row {r}"))
    return "\n".join(t for t, _ in lines), "utf-8", [loc for _, loc in lines]


def _paragraph_text(par, formats: dict, counters: dict) -> str:
    text = par.text.replace("\r", "").replace("\t", " ").rstrip()
    if not text.strip():
        return ""
    style = (par.style.name if par.style is not None else "").strip().lower()
    m = _HEADING_STYLE.match(style)
    if m:
        return "#" * min(int(m[1]) + 1, 6) + " " + text.strip()
    if style in _TITLE_STYLES:
        return "# " + text.strip()
    num = _list_level(par)
    if num is None:
        return text
    num_id, level = num
    fmt = formats.get((num_id, level), "bullet")
    if fmt in ("bullet", "none"):
        return "- " + text.strip()
    counters[(num_id, level)] = counters.get((num_id, level), 0) + 1
    for key in [k for k in counters if k[0] == num_id and k[1] > level]:
        del counters[key]  # a deeper level restarts under each new item
    return f"{counters[(num_id, level)]}. {text.strip()}"


def _list_level(par) -> tuple[str, int] | None:
    """(numId, level) of a list paragraph, from its own properties or its style's."""
    for holder in (par._p.pPr, par.style.element.pPr if par.style is not None else None):
        num_pr = holder.numPr if holder is not None else None
        if num_pr is not None and num_pr.numId is not None:
            level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            return str(num_pr.numId.val), int(level)
    return None


def _list_formats(document) -> dict[tuple[str, int], str]:
    """(numId, level) → numFmt ("decimal", "bullet", ...) from the numbering part, if any."""
    from docx.oxml.ns import qn

    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {}
    for a in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in a.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[int(lvl.get(qn("w:ilvl")))] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
        abstract[a.get(qn("w:abstractNumId"))] = levels
    out = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        for level, fmt in abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}).items():
            out[(num.get(qn("w:numId")), level)] = fmt
    return out


def _row_text(row) -> str:
    cells, last = [], None
    for cell in row.cells:
        if cell._tc is last:
            continue  # the same cell again: it spans several columns
        last = cell._tc
        cells.append(" ".join(cell.text.split()))
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)
