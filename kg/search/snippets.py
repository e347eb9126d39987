"""Hit snippets: the sentences of a section that matched, as plain text with matched words in <b>…</b>.

A word is marked when it, one of its lemmas or one of its compound parts is a term the query
matched, so a query for "sykehus" marks "sykehuset" and "sykehusbygget". Markdown marks of the
minutes ("### Bærum:", "**", "[lenke](#)") are taken out first: a snippet is text, not markup.
The text is HTML-escaped before tags are added, so a "<" in the minutes cannot be mistaken for markup.
"""

from __future__ import annotations

import html
import re

from whoosh.analysis import Filter
from whoosh.highlight import ContextFragmenter, Formatter, SentenceFragmenter, get_text, highlight

from kg.search.analysis import _words_of, word_keys, words
from kg.lang.morphology import morphology

LEAD_CHARS = 200  # length of the snippet when no word can be marked (a match on tags only)
MATCH = "\x00match"  # the token text of a word the query matched

_MARKDOWN = [
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # a link: its text
    (re.compile(r"(?m)^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+"), ""),  # heading, quote, list marks
    (re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold, italic, code
    (re.compile(r"(?m)^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$"), ""),  # a table's rule
    (re.compile(r"\s*\|\s*"), " · "),  # table cells
]


class _Bold(Formatter):
    between = "..."

    def _text(self, text):
        return html.escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return "<b>" + html.escape(get_text(text, token, replace), quote=False) + "</b>"


class _Matched(Filter):
    def __init__(self, terms: frozenset[str]):
        self.terms = terms

    def __call__(self, tokens):
        for t in tokens:
            t.text = MATCH if not t.stopped and word_keys(t.text) & self.terms else t.text.lower()
            yield t


_FRAGMENTERS = (SentenceFragmenter(maxchars=300), ContextFragmenter(maxchars=200, surround=60))
_FORMATTER = _Bold()


def plain(text: str) -> str:
    """The section's text without Markdown marks."""
    for pattern, repl in _MARKDOWN:
        text = pattern.sub(repl, text)
    return text.strip(" ·")


def snippet(text: str, terms: frozenset[str]) -> str:
    """Up to three matching sentences (or passages, if sentences are long), else the lead."""
    text = plain(text)
    morphology().prepare(words(text))
    analyzer = _words_of() | _Matched(terms)
    for fragmenter in _FRAGMENTERS:
        marked = highlight(text, {MATCH}, analyzer, fragmenter, _FORMATTER, top=3)
        if marked:
            return _tidy(marked).replace("</b> <b>", " ")
    lead = text[:LEAD_CHARS] + ("..." if len(text) > LEAD_CHARS else "")
    return _tidy(html.escape(lead, quote=False))


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
