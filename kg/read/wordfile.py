"""Word (.docx): the body's headings, paragraphs, list items and tables as blocks, in document order.

A paragraph in a heading style (Title, Heading N / Overskrift N) is a heading of
that level; a paragraph with numbering (its own numPr or its style's, as List
Number and List Bullet have) is a list item at its level, with its number restored
("3." — Word stores the number in the list definition, not in the text, and agenda
numbers matter); a table row is a row of cells. The lines are written the way the
sample minutes write them ("## " headings, "3. " items, cells joined by a TAB).
Page headers and footers live in their own parts of the file and are never read.

Merged cells: a cell spanning several columns or rows is repeated in each, since
each row is one person and needs its body, and columns stay aligned with the
header row.

Each line's location ("paragraph 14", "table 1 row 3") is kept for evidence.
python-docx is imported here only, when a Word file is read.
"""

from __future__ import annotations

import io
import re
import zipfile

from kg.errors import BadInput
from kg.read.blocks import Read, Writer, cell_text

_HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*(\d)$", re.I)
_TITLE_STYLES = {"title", "tittel"}


def read_docx(data: bytes) -> Read:
    """The blocks of a .docx file as lines located in it, or BadInput naming why it is not one."""
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
    styles: dict = {}  # style id → style, looked up once a document
    out = Writer()
    n_par = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n_par += 1
            _paragraph(out, Paragraph(child, document), formats, counters, styles, f"paragraph {n_par}")
        elif tag == "tbl":
            table = out.new_table()
            for r, row in enumerate(Table(child, document).rows, start=1):
                # a merged cell in each column; a cell's paragraphs kept apart
                cells = tuple(cell_text([p.text for p in cell.paragraphs]) for cell in row.cells)
                out.add("table_row", "\t".join(cells), f"table {table + 1} row {r}", cells=cells,
                        header=_header_row(row, r), table=table)
    return out.read("utf-8")


def _paragraph(out: Writer, par, formats: dict, counters: dict, styles: dict, location: str) -> None:
    """Add one paragraph as a heading (Title, Heading N), a list item (its number restored) or text."""
    text = par.text.replace("\r", "").replace("\t", " ").strip()
    if not text:
        return
    struck = all(r.font.strike for r in par.runs if r.text.strip()) and any(r.text.strip() for r in par.runs)
    par_style = _style(par, styles)
    style = (par_style.name if par_style is not None else "").strip().lower()
    m = _HEADING_STYLE.match(style)
    if m:
        out.add("heading", text, location, level=min(int(m[1]), 6), strike=struck)
        return
    if style in _TITLE_STYLES:
        out.add("heading", text, location, written=f"# {text}", level=1, strike=struck)
        return
    num = _list_level(par, par_style)
    if num is None:
        for line in text.split("\n"):  # a line break inside a paragraph keeps its own line
            out.add("paragraph", line, location, strike=struck)
        return
    num_id, level = num
    fmt = formats.get((num_id, level), "bullet")
    if fmt in ("bullet", "none"):
        out.add("list_item", text, location, level=level, marker="-", strike=struck)
        return
    counters[(num_id, level)] = counters.get((num_id, level), 0) + 1
    for key in [k for k in counters if k[0] == num_id and k[1] > level]:
        del counters[key]  # a deeper level restarts under each new item
    out.add("list_item", text, location, level=level, marker=f"{counters[(num_id, level)]}.", strike=struck)


def _header_row(row, number: int) -> bool:
    """The first row of a table, when Word marks it as the repeated header row or it is all bold."""
    if number != 1:
        return False
    from docx.oxml.ns import qn

    tr_pr = row._tr.trPr
    if tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None:
        return True
    runs = [r for cell in row.cells for p in cell.paragraphs for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _style(par, styles: dict):
    """A paragraph's style by its id, looked up once a document: python-docx finds a paragraph's default
    style by reading every style of the document, each time (half the reading of a Word file)."""
    style_id = par._p.style
    if style_id not in styles:
        styles[style_id] = par.style
    return styles[style_id]


def _list_level(par, style) -> tuple[str, int] | None:
    """(numId, level) of a list paragraph, from its own properties or its style's."""
    for holder in (par._p.pPr, style.element.pPr if style is not None else None):
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
