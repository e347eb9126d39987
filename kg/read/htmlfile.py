"""HTML (.html, .htm): the visible text as lines the parser knows.

Headings become "## " lines (h1 "## ", h2 "### ", ... as Word headings do),
items of a <ul> "- ", items of an <ol> "N. " (the number is what makes an
agenda item, and the browser, not the text, holds it), table rows one line of
cells joined by a TAB (a cell spanning rows is repeated below, as in Word
tables), <br> and block elements a new line. Scripts, styles and the <head>
are dropped; entities are decoded by html.parser itself.

Each line's location is the line of the HTML source it starts on, so evidence
can be found in the file a user has. Standard library only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.errors import BadInput
from kg.read.plaintext import decode_text

_DROP = {"script", "style", "head", "template", "noscript", "svg"}
_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote",
          "pre", "address", "figure", "figcaption", "dl", "dt", "dd", "hr", "form", "fieldset", "body",
          "ul", "ol", "table", "caption"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


def read_html(data: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding, locations) of an HTML page."""
    html, encoding = _decode(data)
    p = _Lines()
    p.feed(html)
    p.close()
    lines = p.result()
    if not any(t.strip() for t, _ in lines):
        raise BadInput("empty HTML page: no visible text")
    return "\n".join(t for t, _ in lines), encoding, [loc for _, loc in lines]


def _decode(data: bytes) -> tuple[str, str]:
    """The page's declared charset when it names a known one, else the bytes' evidence."""
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith(b"\xef\xbb\xbf"):
        name = m[1].decode("ascii").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to what the bytes say
    return decode_text(data)


class _Lines(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, str]] = []
        self.buf: list[str] = []
        self.buf_line = 1
        self.drop = 0
        self.lists: list[list] = []  # per open list: [ordered, next number]
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.row_line = 1
        self.spans: dict[int, list] = {}  # column → [text, rows still to fill] of open rowspans
        self.rowspan = 1  # of the cell being read

    # -- output ---------------------------------------------------------
    def flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            self.lines.append((text, f"line {self.buf_line}"))
        self.buf = []

    def write(self, text: str) -> None:
        if not self.buf:
            self.buf_line = self.getpos()[0]
        self.buf.append(text)

    def result(self) -> list[tuple[str, str]]:
        self.flush()
        return self.lines

    # -- events ---------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in _DROP:
            self.drop += 1
            return
        if self.drop:
            return
        if self.cell is not None and tag not in ("td", "th", "tr"):
            if tag == "br":
                self.cell.append(" ")
            return  # inside a cell everything is one cell's text
        if tag in _BLOCK or tag == "br":
            self.flush()
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", _int(a.get("start"), 1)])
        elif tag == "li":
            self.flush()
            ordered, number = self.lists[-1] if self.lists else (False, 0)
            if ordered:
                self.lists[-1][1] += 1
                self.write(f"{_int(a.get('value'), number)}. ")
            else:
                self.write("- ")
        elif re.fullmatch(r"h[1-6]", tag):
            self.flush()
            self.write("#" * min(int(tag[1]) + 1, 6) + " ")
        elif tag == "tr":
            self.flush()
            self.row, self.row_line = [], self.getpos()[0]
            self._fill_spans()
        elif tag in ("td", "th") and self.row is not None:
            self._close_cell()
            self.cell = []
            self.rowspan = _int(a.get("rowspan"), 1)

    def handle_endtag(self, tag):
        if tag in _DROP:
            self.drop = max(0, self.drop - 1)
            return
        if self.drop:
            return
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.flush()
        elif tag == "table":
            self._close_row()
            self.spans = {}
        elif self.cell is None and (tag in _BLOCK or tag == "li" or re.fullmatch(r"h[1-6]", tag)):
            self.flush()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.drop:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None and (data.strip() or self.buf):
            self.write(data)

    # -- tables ---------------------------------------------------------
    def _close_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        text = " ".join("".join(self.cell).split())
        if self.rowspan > 1:
            self.spans[len(self.row)] = [text, self.rowspan - 1]
        self.rowspan = 1
        self.row.append(text)
        self.cell = None
        self._fill_spans()

    def _fill_spans(self) -> None:
        """Put the text of cells spanning down from earlier rows into their columns."""
        while self.row is not None and self.cell is None and len(self.row) in self.spans:
            col = len(self.row)
            self.row.append(self.spans[col][0])
            self.spans[col][1] -= 1
            if self.spans[col][1] <= 0:
                del self.spans[col]

    def _close_row(self) -> None:
        self._close_cell()
        if self.row is None:
            return
        cells = list(self.row)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            self.lines.append(("\t".join(cells), f"line {self.row_line}"))
        self.row = None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
