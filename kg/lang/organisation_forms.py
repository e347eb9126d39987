"""The forms of organisation a Norwegian body has (data/lexicon/body_forms.toml): aksjeselskap, IKS,
vertskommunesamarbeid ... as the minutes write them, for reading a sentence and a question alike."""

from __future__ import annotations

import re
from functools import cache

from kg.lang.lexicon import table


@cache
def forms() -> dict[str, str]:
    """Every way a form of organisation is written (lower case, short codes in capitals) → its name."""
    out = {}
    for name, others in table("body_forms")["forms"].items():
        for written in (name, *others):
            out[written if written.isupper() else written.lower()] = name
    return out


def form_words() -> str:
    """A regular expression for the forms of organisation written as words, longest first (a question is
    read lower-cased, where a short code such as "AS" would be the English "as")."""
    return "|".join(re.escape(w) for w in sorted((w for w in forms() if not w.isupper()), key=len, reverse=True))
