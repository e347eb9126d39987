"""Hit snippets: the sentences of a section that matched, with matched words in <b>…</b>.

Matching is on stems, so a query for "sykehus" marks "sykehuset". The text is HTML-escaped
before tags are added, so a "<" in the minutes cannot be mistaken for markup.
"""

from __future__ import annotations

import html
import re

from whoosh.highlight import ContextFragmenter, Formatter, SentenceFragmenter, get_text, highlight

from kg.search.analysis import stemming_analyzer

LEAD_CHARS = 200  # length of the snippet when no word can be marked (a match on tags only)


class _BoldFormatter(Formatter):
    between = "..."

    def _text(self, text):
        return html.escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return "<b>" + html.escape(get_text(text, token, replace), quote=False) + "</b>"


_FRAGMENTERS = (SentenceFragmenter(maxchars=300), ContextFragmenter(maxchars=200, surround=60))
_ANALYZER = stemming_analyzer()
_FORMATTER = _BoldFormatter()


def snippet(text: str, stems: frozenset[str]) -> str:
    """Up to three matching sentences (or passages, if sentences are long), else the lead."""
    for fragmenter in _FRAGMENTERS:
        marked = highlight(text, stems, _ANALYZER, fragmenter, _FORMATTER, top=3)
        if marked:
            return _tidy(marked).replace("</b> <b>", " ")
    lead = text[:LEAD_CHARS] + ("..." if len(text) > LEAD_CHARS else "")
    return _tidy(html.escape(lead, quote=False))


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()
