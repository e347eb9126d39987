"""OpenDocument text (.odt, LibreOffice and OpenOffice): headings, paragraphs, list items and tables as blocks.

The same blocks as a Word file's, read from the package's content.xml with the standard library (the format
is zipped XML: nothing more is needed): a heading (text:h) at its outline level; a list item at its depth,
numbered ("3.") when its list's style numbers that level, its number restored as Word's are; a table row
(the rows of table:table-header-rows are header rows), a cell repeated over the columns it spans as in a
Word table; spaces (text:s), tabs and line breaks inside a paragraph as written. Page headers and footers
live in styles.xml and are never read. Each line's location is kept ("paragraph 14", "table 1 row 3").
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from kg.errors import BadInput
from kg.read.blocks import Read, Writer, cell_text

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}
_MAX_REPEAT = 64  # a cell "repeated" 1024 times is the empty rest of a spreadsheet-like row


def _tag(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def read_odt(data: bytes) -> Read:
    """The blocks of an .odt file as lines located in it, or BadInput naming why it is not one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            content = package.read("content.xml")
    except (zipfile.BadZipFile, KeyError) as e:
        raise BadInput(f"not an OpenDocument text: {e}") from None
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError as e:
        raise BadInput(f"not an OpenDocument text: content.xml is not XML ({e})") from None
    body = root.find("office:body/office:text", _NS)
    if body is None:
        raise BadInput("not an OpenDocument text: no text body (a spreadsheet or a presentation?)")
    reader = _Reader(_numbered_levels(root))
    reader.children(body)
    return reader.out.read("utf-8")


def _numbered_levels(root) -> dict[str, set[int]]:
    """List style name → the levels (1-based) it numbers, from the document's automatic styles."""
    out: dict[str, set[int]] = {}
    for style in root.iter(_tag("text", "list-style")):
        levels = {int(s.get(_tag("text", "level"), "1")) for s in style.findall("text:list-level-style-number", _NS)}
        out[style.get(_tag("style", "name"), "")] = levels
    return out


class _Reader:
    def __init__(self, numbered: dict[str, set[int]]):
        self.numbered = numbered
        self.out = Writer()
        self.paragraphs = 0
        self.counters: dict[tuple[int, int], int] = {}  # (list, level) → the last number given
        self.lists = 0

    def children(self, element) -> None:
        for child in element:
            if child.tag in (_tag("text", "p"), _tag("text", "h")):
                self.paragraph(child)
            elif child.tag == _tag("text", "list"):
                self.lists += 1
                self.list(child, self.lists, 0, child.get(_tag("text", "style-name"), ""))
            elif child.tag == _tag("table", "table"):
                self.table(child)
            elif child.tag in (_tag("text", "section"), _tag("text", "soft-page-break")):
                self.children(child)

    def paragraph(self, element) -> None:
        self.paragraphs += 1
        where = f"paragraph {self.paragraphs}"
        for line in _text(element).split("\n"):
            if element.tag == _tag("text", "h"):
                self.out.add("heading", line, where, level=min(int(element.get(_tag("text", "outline-level"), "1")), 6))
            else:
                self.out.add("paragraph", line, where)

    def list(self, element, number: int, level: int, style: str) -> None:
        """A list's items at their level; a nested list one level down; numbered where its style numbers."""
        style = element.get(_tag("text", "style-name"), style)
        for item in element.findall("text:list-item", _NS):
            texts = [_text(p) for p in item if p.tag in (_tag("text", "p"), _tag("text", "h"))]
            if any(t.strip() for t in texts):
                self.paragraphs += 1
                marker = "-"
                if level + 1 in self.numbered.get(style, set()):
                    self.counters[(number, level)] = self.counters.get((number, level), 0) + 1
                    for deeper in [k for k in self.counters if k[0] == number and k[1] > level]:
                        del self.counters[deeper]  # a deeper level restarts under each new item
                    marker = f"{self.counters[(number, level)]}."
                self.out.add("list_item", " ".join(t for t in texts if t.strip()), f"paragraph {self.paragraphs}",
                             level=level, marker=marker)
            for nested in item.findall("text:list", _NS):
                self.list(nested, number, level + 1, style)

    def table(self, element) -> None:
        table = self.out.new_table()
        rows = [(row, True) for head in element.findall("table:table-header-rows", _NS)
                for row in head.findall("table:table-row", _NS)]
        rows += [(row, False) for row in element.findall("table:table-row", _NS)]
        above: list[str] = []
        for r, (row, header) in enumerate(rows, start=1):
            cells: list[str] = []
            across = 0  # covered cells still to come of a cell merged across columns
            for cell in row:
                if cell.tag not in (_tag("table", "table-cell"), _tag("table", "covered-table-cell")):
                    continue
                repeat = min(int(cell.get(_tag("table", "number-columns-repeated"), "1")), _MAX_REPEAT)
                for _ in range(repeat):
                    if cell.tag == _tag("table", "table-cell"):
                        text = cell_text([_text(p) for p in cell if p.tag in (_tag("text", "p"), _tag("text", "h"))])
                        across = int(cell.get(_tag("table", "number-columns-spanned"), "1")) - 1
                    elif across:  # merged across: the text of the cell to its left, in each column it covers
                        text, across = cells[-1], across - 1
                    else:  # merged down: the text of the cell above
                        text = above[len(cells)] if len(cells) < len(above) else ""
                    cells.append(text)
            above = cells
            cells = cells[:max((i + 1 for i, c in enumerate(cells) if c), default=0)]  # not the empty rest
            self.out.add("table_row", "\t".join(cells), f"table {table + 1} row {r}", cells=tuple(cells),
                         header=header, table=table)


def _text(element) -> str:
    """A paragraph's words as written: spans and links read through, text:s as its spaces, text:tab as a
    space, text:line-break as a new line; notes (footnotes) and annotations left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _tag("text", "s"):
            parts.append(" " * int(child.get(_tag("text", "c"), "1")))
        elif child.tag == _tag("text", "tab"):
            parts.append(" ")
        elif child.tag == _tag("text", "line-break"):
            parts.append("\n")
        elif child.tag not in (_tag("text", "note"), _tag("office", "annotation")):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
