"""HTML (.html, .htm): the page's own content as blocks, without the site around it.

h1-h6 become headings of their level, items of <ul>/<ol> list items with their depth
and marker (an <ol> item's number is held by the browser, not the text, and agenda
numbers matter), table rows rows of cells (a header row in <thead> or of <th> cells;
a cell spanning rows or columns is repeated in each, so every row is whole), <p>,
<br> and other block elements paragraphs. Struck text (<s>, <del>) is marked.

Minutes published on a web site come inside its menus, breadcrumbs, cookie banners,
search forms, sidebars and footers. When the page has <main> or <article>, only that
is read; nav, aside, form, script, style (JSON-LD included) are always dropped, and so
are elements whose class or id names boilerplate ("cookie-banner", "breadcrumbs") and,
outside <main>, the site's frame ("site-header", "footer", "menu", "sidebar").

Each line's location is the line of the HTML source it starts on, so evidence can be
found in the file a user has. Standard library only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from kg.errors import BadInput
from kg.read.blocks import Read, Writer, cell_text
from kg.read.plaintext import decode_text

_CELL_BREAK = "\x00"  # where a line or paragraph of a cell ended, until cell_text joins them

_DROP = {"script", "style", "head", "template", "noscript", "svg", "nav", "aside", "form", "button",
         "select", "iframe", "dialog"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_BLOCK = {"p", "div", "section", "article", "header", "footer", "main", "blockquote", "pre", "address",
          "figure", "figcaption", "dl", "dt", "dd", "hr", "fieldset", "body", "ul", "ol", "table", "caption"}
_STRIKE = {"s", "del", "strike"}
# words in a class or id that mark an element as part of the site, not the document
_BOILERPLATE = {"cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs", "brødsmulesti", "banner",
                "skip", "share", "sharing", "some", "social", "related", "shortcuts", "search", "sok", "søk"}
_FRAME_WORDS = {"menu", "meny", "mainmenu", "navbar", "nav", "sidebar", "topbar", "header", "footer", "top",
                "bunn", "botn", "masthead"}
_MAIN = re.compile(r"<(?:main|article)\b", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


def read_html(data: bytes) -> Read:
    """The blocks of an HTML page, as lines located in the source."""
    html, encoding = _decode(data)
    p = _Blocks(only_main=bool(_MAIN.search(html)))
    p.feed(html)
    p.close()
    p.flush()
    if not p.out.blocks:
        raise BadInput("empty HTML page: no visible text")
    return p.out.read(encoding)


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


def _words(attrs: dict) -> set[str]:
    raw = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}".lower()
    return set(re.split(r"[\s_-]+", raw)) - {""}


class _Blocks(HTMLParser):
    def __init__(self, only_main: bool):
        super().__init__(convert_charrefs=True)
        self.out = Writer()
        self.only_main = only_main
        self.main = 0  # depth inside <main>/<article>
        self.dropping: list = []  # [tag, depth] of the element being skipped
        self.buf: list[tuple[str, bool]] = []  # (text, struck)
        self.buf_line = 1
        self.kind: tuple[str, int, str | None] = ("paragraph", 0, None)
        self.struck = 0
        self.lists: list[list] = []  # per open list: [ordered, next number]
        self.row: list[str] | None = None
        self.row_line = 1
        self.row_th = True  # every cell of the row so far is a <th>
        self.in_thead = False
        self.table: int | None = None
        self.cell: list[str] | None = None
        self.cell_span = (1, 1)  # (rowspan, colspan) of the cell being read
        self.spans: dict[int, list] = {}  # column → [text, rows still to fill] of open rowspans

    # -- output ---------------------------------------------------------
    def flush(self) -> None:
        text = " ".join("".join(t for t, _ in self.buf).split())
        struck = "".join(t for t, s in self.buf if not s).strip() == "" and any(s for _, s in self.buf)
        kind, level, marker = self.kind
        if text:
            self.out.add(kind, text, f"line {self.buf_line}", level=level, marker=marker, strike=struck)
        self.buf = []
        self.kind = ("paragraph", 0, None)

    def write(self, text: str) -> None:
        if not self.buf:
            self.buf_line = self.getpos()[0]
        self.buf.append((text, self.struck > 0))

    # -- what is skipped --------------------------------------------------
    def skips(self, tag: str, attrs: dict) -> bool:
        words = _words(attrs)
        if tag in _DROP or words & _BOILERPLATE:
            return True
        # a site's header, menu or footer is named by its class or id ("site-footer"); a bare
        # <footer> is kept, since its "© 2022" can be the only year a page gives
        return self.main == 0 and bool(words & _FRAME_WORDS)

    # -- events ---------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.dropping:
            if tag == self.dropping[0]:
                self.dropping[1] += 1
            return
        if tag in ("main", "article"):
            self.main += 1
        if tag not in _VOID and self.skips(tag, a):
            self.flush()
            self.dropping = [tag, 1]
            return
        if self.only_main and self.main == 0:
            return
        if tag in _STRIKE:
            self.struck += 1
        if self.cell is not None and tag not in ("td", "th", "tr"):
            if tag in ("br", "p", "li", "div"):
                self.cell.append(_CELL_BREAK)  # a line or paragraph of its own inside the cell
            return  # inside a cell everything is one cell's text
        if tag in _BLOCK or tag == "br":
            self.flush()
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", _int(a.get("start"), 1)])
        elif tag == "li":
            self.flush()
            ordered, number = self.lists[-1] if self.lists else (False, 0)
            depth = max(0, len(self.lists) - 1)
            if ordered:
                self.lists[-1][1] += 1
                self.kind = ("list_item", depth, f"{_int(a.get('value'), number)}.")
            else:
                self.kind = ("list_item", depth, "-")
        elif re.fullmatch(r"h[1-6]", tag):
            self.flush()
            self.kind = ("heading", int(tag[1]), None)
        elif tag == "table":
            self.table = self.out.new_table()
        elif tag == "thead":
            self.in_thead = True
        elif tag == "tr":
            self.flush()
            self.row, self.row_line, self.row_th = [], self.getpos()[0], True
            self._fill_spans()
        elif tag in ("td", "th") and self.row is not None:
            self._close_cell()
            self.cell = []
            self.row_th = self.row_th and tag == "th"
            self.cell_span = (_int(a.get("rowspan"), 1), _int(a.get("colspan"), 1))

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[0]:
                self.dropping[1] -= 1
                if self.dropping[1] == 0:
                    self.dropping = []
                    if tag in ("main", "article"):
                        self.main = max(0, self.main - 1)
            return
        if self.only_main and self.main == 0:
            return
        if tag in _STRIKE:
            self.struck = max(0, self.struck - 1)
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag == "thead":
            self.in_thead = False
        elif tag in ("ul", "ol") and self.lists:
            self.flush()
            self.lists.pop()
        elif tag == "table":
            self._close_row()
            self.spans = {}
            self.table = None
        elif self.cell is None and (tag in _BLOCK or tag == "li" or re.fullmatch(r"h[1-6]", tag)):
            self.flush()
        if tag in ("main", "article"):
            self.flush()
            self.main = max(0, self.main - 1)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.dropping or self.only_main and self.main == 0:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None and (data.strip() or self.buf):
            self.write(data)

    # -- tables ---------------------------------------------------------
    def _close_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        text = cell_text("".join(self.cell).split(_CELL_BREAK))
        rowspan, colspan = self.cell_span
        for _ in range(max(1, colspan)):
            if rowspan > 1:
                self.spans[len(self.row)] = [text, rowspan - 1]
            self.row.append(text)
        self.cell_span = (1, 1)
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
        cells = tuple(self.row)
        if any(cells):
            if self.table is None:
                self.table = self.out.new_table()
            self.out.add("table_row", "\t".join(cells), f"line {self.row_line}",
                         cells=cells, header=self.in_thead or self.row_th, table=self.table)
        self.row = None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
