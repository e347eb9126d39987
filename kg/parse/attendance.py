"""Attendance blocks: who attended, for which body, in which role.

Layouts: a two-column table (tab, '|', ' / '; a header row says which column
holds names), 'Body: Name, Name og Name', 'role Name, Body', 'Surname, Given',
a plain list of names; substitutes ('vara for X', 'pva X', 'på vegne av X').
"""

from __future__ import annotations

import re

from kg.lang.lexicon import word_set
from kg.lang.names import normalise_person
from kg.model import AttendanceLine, Section
from kg.parse.lines import label_line, starts_with_any

_NAME_HEADERS = ("navn", "namn", "name", "deltaker", "deltakar", "person")
_BODY_HEADERS = ("kommune", "region", "organisasjon", "virksomhet", "representerer", "representant",
                 "for", "body", "organisation", "institusjon", "etat", "selskap", "fra", "frå")
_SUBSTITUTE = re.compile(r"(?:\(\s*|\b)(?:vara\s+for|vararepresentant\s+for|pva\.?|p\.v\.a\.?|på\s+vegne\s+av|for)\s+(?P<for>[^)]+)\)?\s*$",
                         re.IGNORECASE)
_SPLIT_NAMES = re.compile(r"\s*,\s*|\s+og\s+|\s+and\s+|\s*;\s*")


def attendance_role(text: str, words: dict[str, list[str]]) -> str | None:
    """The role that a heading gives the names under it (longest matching heading wins)."""
    best, best_len = None, 0
    for role, keys in words.items():
        w = starts_with_any(text, keys)
        if w and len(w) > best_len:
            best, best_len = role, len(w)
    return best


def _cells(line: str) -> list[str]:
    for sep in ("\t", "|", " / "):
        if sep in line:
            cells = [c.strip(" *") for c in line.strip().strip("|").split(sep)]
            return [c for c in cells if c]
    return [line.strip()]


def _is_header(cells: list[str]) -> tuple[int, int | None] | None:
    low = [c.lower() for c in cells]
    name_col = next((i for i, c in enumerate(low) if c.startswith(_NAME_HEADERS)), None)
    if name_col is None or len(cells) < 2:
        return None
    body_col = next((i for i, c in enumerate(low) if i != name_col and any(h in c for h in _BODY_HEADERS)), None)
    return name_col, body_col


def _strip_role(text: str) -> tuple[str | None, str]:
    """'Ordfører Ola Hansen' → ('ordfører', 'Ola Hansen')."""
    roles = word_set("roles")
    words = text.split()
    for k in range(min(3, len(words) - 2), 0, -1):
        if " ".join(words[:k]).lower() in roles:
            return " ".join(words[:k]).lower(), " ".join(words[k:])
    return None, text


def _people(text: str) -> list[tuple[str, str | None]]:
    """Names in a cell or list, each with a role written before it."""
    if normalise_person(text) and "," in text and len(text.split(",")) == 2 and len(text.split(",")[0].split()) == 1:
        return [(text, None)]  # "Ingvoldstad, Trond Arne"
    out = []
    for part in _SPLIT_NAMES.split(text):
        role, name = _strip_role(part.strip(" .*"))
        if name:
            out.append((name, role))
    return out


def read_attendance(section: Section, role: str, lines: list[str]) -> list[AttendanceLine]:
    """Every person listed in one attendance block."""
    out: list[AttendanceLine] = []
    columns: tuple[int, int | None] | None = None
    first = True
    for n in range(section.span.start, section.span.end + 1):
        raw = lines[n - 1]
        if first:
            first = False
            lab = label_line(raw)
            raw = lab[1] if lab else ""
        if not raw.strip():
            continue
        cells = _cells(raw)
        header = _is_header(cells)
        if header:
            columns = header
            continue
        entries: list[tuple[str, str | None, str | None]] = []  # name, body, title
        if len(cells) >= 2:
            name_col, body_col = columns or (0, 1)
            name = cells[name_col] if name_col < len(cells) else ""
            body = cells[body_col] if body_col is not None and body_col < len(cells) else None
            for person, title in _people(name):
                entries.append((person, body, title))
        else:
            lab = label_line(raw)
            if lab and lab[1] and not normalise_person(lab[0]):
                # "Bærum: Anne Feltman, Ola Nordmann"
                for person, title in _people(lab[1]):
                    entries.append((person, lab[0].strip(), title))
            else:
                text = cells[0]
                # "Ordfører Ola Hansen, Nittedal" (role Name, Body)
                parts = [p.strip() for p in text.split(",")]
                title, name = _strip_role(parts[0])
                if title and len(parts) == 2 and not normalise_person(parts[1]):
                    entries.append((name, parts[1], title))
                else:
                    for person, t in _people(text):
                        entries.append((person, None, t))
        for person, body, title in entries:
            line_role = role
            sub = _SUBSTITUTE.search(person)
            if sub:
                person = person[: sub.start()].strip()
                body = body or sub["for"].strip()
                line_role = "substitute" if role == "member" else role
            if body:
                sub = _SUBSTITUTE.search(body)
                if sub and sub.start() > 0:
                    body = body[: sub.start()].strip()
                    line_role = "substitute" if role == "member" else role
            out.append(AttendanceLine(name=person, body=body or None, role=line_role, line=n,
                                      section=section, title=title))
    return out
