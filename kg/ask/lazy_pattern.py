"""Grammar patterns compiled only when a text could hold a match.

Python compiles a regular expression in Python code, and the question
grammar's patterns (``words.py``) are long alternations: compiling them all
cost a cold `kg ask` more than reading the question did. A question uses a
handful of them. Every alternative of a pattern starts with fixed letters
("forfall", "møt" of "møt\\w* for") and a grammar match starts at a word start,
so a pattern none of whose starts begins a word of the text cannot match it,
and is not compiled for it. A pattern with an alternative that starts with
no fixed letter is always compiled.
"""

from __future__ import annotations

import re
from functools import cache

_SPECIAL = set("\\()[]{}?*+.|^$")
_OPTIONAL = set("?*{")  # a quantifier that lets the letter before it be absent


def leading_literals(pattern: str) -> frozenset[str] | None:
    """The fixed start of each top-level alternative of pattern, or None when one has none."""
    starts = set()
    for alternative in _alternatives(pattern):
        literal = ""
        for i, ch in enumerate(alternative):
            if ch in _SPECIAL:
                if ch in _OPTIONAL:
                    literal = literal[:-1]
                break
            literal += ch
        if not literal:
            return None
        starts.add(literal)
    return frozenset(starts)


def _alternatives(pattern: str) -> list[str]:
    """Pattern split at the bars outside groups and character classes."""
    out, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def word_starts(text: str) -> list[int]:
    """Where a match of ``(?<![\\w-])`` may start: after a character that is neither a word's nor a hyphen."""
    return [i for i in range(len(text)) if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")]


class WordPattern:
    """``(?<![\\w-])(?:pattern)(?![\\w-])``, compiled on the first text that could match it."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.literals = leading_literals(pattern)
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(rf"(?<![\w-])(?:{self.pattern})(?![\w-])")
        return self._compiled

    def could_match(self, text: str, starts: list[int] | None = None) -> bool:
        if self.literals is None:
            return True
        return any(text.startswith(lit, i) for i in (word_starts(text) if starts is None else starts)
                   for lit in self.literals)

    def finditer(self, text: str):
        return self.compiled.finditer(text) if self.could_match(text) else iter(())

    def search(self, text: str) -> re.Match | None:
        return self.compiled.search(text) if self.could_match(text) else None

    def fullmatch(self, text: str) -> re.Match | None:
        return self.compiled.fullmatch(text) if self.could_match(text, [0]) else None


@cache
def word_pattern(pattern: str) -> WordPattern:
    return WordPattern(pattern)
