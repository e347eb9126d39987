"""Markdown (.md): the blocks a Markdown parser finds, over the file's own lines.

markdown-it-py (CommonMark, with GitHub's tables and ~~strike-through~~) states what
a line-by-line guess gets wrong: a paragraph running over several lines, a list
nested in a list item, a table's header row and empty cells, a heading's level. The
text is the file's own, so a block's span is its lines in the file. Inline markup
(**bold**, links, `code`) is dropped from a block's text; a task box ("- [x] ...")
goes into the item's marker; a block whose every word is struck through is marked
``strike`` (some minutes strike out who did not come).
"""

from __future__ import annotations

from kg.model import Block, Span
from kg.read.blocks import Read
from kg.read.plaintext import decode_text

_TASK = ("[ ] ", "[x] ", "[X] ")


def read_markdown(data: bytes) -> Read:
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Read(text, encoding, None, markdown_blocks(text))


def markdown_blocks(text: str) -> list[Block]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    blocks: list[Block] = []
    lists: list[str] = []  # markers of the open lists ("-", ".", ")")
    item: list = []  # [marker] of a list item whose first paragraph is still to come
    heading = 0
    row: list[str] | None = None
    row_span = Span(1, 1)
    in_head = False
    tables = -1
    for i, t in enumerate(tokens):
        if t.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(t.markup)
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t.type == "list_item_open":
            item = [f"{t.info}{t.markup}" if t.info else t.markup]
        elif t.type == "heading_open":
            heading = int(t.tag[1])
        elif t.type == "table_open":
            tables += 1
        elif t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            row, row_span = [], _span(t.map)
        elif t.type == "tr_close" and row is not None:
            blocks.append(Block("table_row", "\t".join(row), row_span, cells=tuple(row), header=in_head,
                                table=tables))
            row = None
        elif t.type == "inline":
            words, struck = _inline(t)
            if row is not None:
                row.append(" ".join(words.split()))
            elif heading:
                blocks.append(Block("heading", words.strip(), _span(t.map), level=heading, strike=struck))
                heading = 0
            elif item:
                marker = item[0]
                if words.startswith(_TASK):
                    marker, words = f"{marker} {words[:3].lower()}", words[4:]
                blocks.append(Block("list_item", words.strip(), _span(t.map), level=max(0, len(lists) - 1),
                                    marker=marker, strike=struck))
                item = []
            elif words.strip():
                blocks.append(Block("paragraph", words.strip(), _span(t.map), strike=struck))
        elif t.type in ("code_block", "fence"):
            start = t.map[0] + (t.type == "fence")
            for n, line in enumerate(t.content.split("\n"), start=start + 1):
                if line.strip():
                    blocks.append(Block("paragraph", line.strip(), Span(n, n)))
    return blocks


def _span(map_: list[int] | None) -> Span:
    a, b = map_ or (0, 1)
    return Span(a + 1, max(a + 1, b))


def _inline(token) -> tuple[str, bool]:
    """The words of an inline token without markup, and whether all of them are struck through."""
    out: list[str] = []
    struck = plain = 0
    depth = 0
    for c in token.children or []:
        if c.type == "s_open":
            depth += 1
        elif c.type == "s_close":
            depth = max(0, depth - 1)
        elif c.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif c.type in ("text", "code_inline") or c.type == "image" and c.content:
            out.append(c.content)
            if c.content.strip():
                if depth:
                    struck += 1
                else:
                    plain += 1
    return "".join(out), struck > 0 and plain == 0
