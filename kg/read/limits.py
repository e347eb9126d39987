"""Bounds on the work one file may cost, checked before and after its reader runs.

A hostile or broken file (a 50 MB log, a zip bomb named .docx, 100,000 lines of
"x") must cost seconds and a bounded amount of memory, then be skipped with its
reason while the batch goes on. Every default is far above what real minutes
need (a 200-page PDF of minutes is about 12,000 lines and a few MB) and each can
be raised from the command line.
"""

from __future__ import annotations

import io
import re
import signal
from collections import Counter
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kg.errors import BadInput

MB = 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")  # the file is the text
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Limits:
    file_mb: int = 100        # a Word or PDF file (images make them big)
    text_file_mb: int = 10    # a text, Markdown or HTML file: 10 MB is ~200,000 lines
    part_mb: int = 50         # one decompressed part of a Word file (word/document.xml)
    lines: int = 20_000       # lines of text once read (200 pages of minutes are ~12,000)
    line_chars: int = 20_000  # characters on one line (a Word paragraph is one line)
    seconds: int = 600        # reading, parsing and extracting one document


DEFAULT = Limits()


def check_file(path: Path, size: int, limits: Limits) -> None:
    """Refuse a file by its size alone, before a byte of it is read."""
    cap = limits.text_file_mb if path.suffix.lower() in TEXT_SUFFIXES else limits.file_mb
    if size > cap * MB:
        option = "--max-text-file-mb" if path.suffix.lower() in TEXT_SUFFIXES else "--max-file-mb"
        raise BadInput(f"too big: {size / MB:.1f} MB is over the limit of {cap} MB (raise it with {option})")


def check_zip(data: bytes, limits: Limits) -> None:
    """Refuse a zip (Word file) whose parts would decompress past the limit.

    The sizes come from the zip directory, before anything is decompressed;
    Python's zipfile then never inflates a part past its stated size while
    streaming it, so a lying directory cannot blow the bound either.
    """
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: the reader says so in its own words
    cap = limits.part_mb * MB
    for info in infos:
        if info.file_size > cap:
            raise BadInput(f"too big: its part {info.filename} decompresses to {info.file_size / MB:.0f} MB, "
                           f"over the limit of {limits.part_mb} MB (a zip bomb? raise it with --max-part-mb)")
    total = sum(i.file_size for i in infos)
    if total > 4 * cap:
        raise BadInput(f"too big: its parts decompress to {total / MB:.0f} MB in all, over "
                       f"{4 * limits.part_mb} MB (raise it with --max-part-mb)")


def check_text(text: str, limits: Limits) -> None:
    """Refuse text too long to be minutes, or text that is not minutes-like at all."""
    lines = text.count("\n") + 1
    if lines > limits.lines:
        raise BadInput(f"too long: {lines} lines is over the limit of {limits.lines} (raise it with --max-lines)")
    longest = max(map(len, text.split("\n")))
    if longest > limits.line_chars:
        raise BadInput(f"too long: a line of {longest} characters is over the limit of {limits.line_chars} "
                       "(raise it with --max-line-chars)")
    if len(_WORD.findall(text, 0, 100_000)) < 3:
        raise BadInput("not minutes: the text has no words")
    counts = Counter(text)
    for space in " \t\n\r\f\v\xa0":
        counts.pop(space, None)
    if counts.most_common(1)[0][1] > counts.total() // 2:
        raise BadInput("not minutes: the text is mostly one character repeated")


class TimeLimit(BadInput):
    """One document took longer than --max-seconds."""


@contextmanager
def time_limit(seconds: int):
    """Interrupt the work inside after seconds (main thread only; elsewhere no limit)."""
    def expire(signum, frame):
        raise TimeLimit(f"too slow: not read within {seconds} s (raise the limit with --max-seconds)")

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread: signals cannot reach us
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
