"""Attendance blocks: who attended, for which body, in which role.

Layouts: a two-column table (tab, '|', ' / '; a header row says which column
holds names; a body written once is carried down to the rows under it),
'Body: Name, Name og Name', 'role Name, Body', 'Surname, Given', a plain list
of names; substitutes ('vara for X', 'pva X', 'på vegne av X'); attendance for
part of the meeting ('fra sak 51/14').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lang.lexicon import word_set
from kg.lang.names import normalise_person, split_role
from kg.model import AttendanceLine, Block, Section
from kg.parse.lines import headings, label_line, starts_with_any

_NAME_HEADERS = ("navn", "namn", "name", "deltaker", "deltakar", "person")
_BODY_HEADERS = ("kommune", "region", "organisasjon", "virksomhet", "representerer", "representant",
                 "for", "body", "organisation", "institusjon", "etat", "selskap", "fra", "frå")
_SUBSTITUTE = re.compile(
    r"\(?\s*\b(?:vara\s+for|vararepresentant\s+for|varamedlem\s+for|pva\.?|p\.v\.a\.?|på\s+vegne\s+av|for)\s+"
    r"(?P<for>[^)]+?)\s*\)?\s*$", re.IGNORECASE)
_SPLIT_NAMES = re.compile(r"\s*,\s*|\s+og\s+|\s+and\s+|\s*;\s*")


def attendance_role(text: str, words: dict[str, list[str]]) -> str | None:
    """The role that a heading gives the names under it (longest matching heading wins).

    The heading must be the keyword and at most two more words ("Fra sekretariatet
    møtte"), not a sentence that happens to start with one.
    """
    best, best_len = None, 0
    for role, keys in words.items():
        w = starts_with_any(text, keys)
        if w and len(w) > best_len and len(text.split()) <= len(w.split()) + 2:
            best, best_len = role, len(w)
    return best


_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_IN_PARENS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<body>[^)]+)\)\s*$")


def _cells(line: str) -> list[str]:
    """Table cells, empty ones kept so that columns stay aligned."""
    for sep in ("\t", "|", " / ", " – ", " - "):
        if sep in line:
            text = line.rstrip()
            if sep == "|":
                text = text.strip().strip("|")
            else:
                text = _BULLET.sub("", text)
            return [c.strip(" *") for c in text.split(sep)]
    return [_BULLET.sub("", line).strip()]


def _is_rule(cells: list[str]) -> bool:
    """A Markdown table's |---|---| line."""
    return len(cells) > 1 and all(re.fullmatch(r":?-{2,}:?|", c) for c in cells)


def _is_header(cells: list[str]) -> tuple[int, int | None] | None:
    low = [c.lower() for c in cells]
    name_col = next((i for i, c in enumerate(low) if c.startswith(_NAME_HEADERS)), None)
    if name_col is None or len(cells) < 2:
        return None
    body_col = next((i for i, c in enumerate(low) if i != name_col and any(h in c for h in _BODY_HEADERS)), None)
    return name_col, body_col


def _outside_parens(text: str) -> list[str]:
    """Split a list at commas, 'og' and ';' that stand outside parentheses."""
    parts, depth, cur = [], 0, ""
    for token in re.split(r"(\(|\)|,|;|\s+og\s+|\s+and\s+)", text):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        if depth == 0 and (token in (",", ";") or re.fullmatch(r"\s+(?:og|and)\s+", token or "")):
            parts.append(cur)
            cur = ""
        else:
            cur += token or ""
    return [p.strip() for p in parts + [cur] if p.strip()]


def _people(text: str) -> list[tuple[str, str | None]]:
    """Names in a cell or list, each with a role written before it."""
    parts = text.split(",")
    if len(parts) == 2 and len(parts[0].split()) == 1 and normalise_person(text):
        return [(text, None)]  # "Ingvoldstad, Trond Arne"
    out = []
    for part in _SPLIT_NAMES.split(text):
        role, name = split_role(part.strip(" .*"))
        if name:
            out.append((name, role))
    return out


def _is_role(text: str) -> bool:
    return _role_and_body(text)[0] is not None


def _role_and_body(text: str) -> tuple[str | None, str | None]:
    """'daglig leder i Listerrådet' → ('daglig leder', 'Listerrådet'); 'rådgiver' → ('rådgiver', None)."""
    words = text.split()
    for k in range(min(3, len(words)), 0, -1):
        role = " ".join(words[:k]).lower()
        if role in word_set("roles"):
            rest = " ".join(words[k:])
            m = re.match(r"^(?:(?:i|for|ved|hos|på|frå|fra)\s+(?P<body>\S.*)|\((?P<paren>[^)]+)\))$", rest)
            if not rest or m:  # "daglig leder i Listerrådet", "leiar (Vestland fylkeskommune)"
                return role, (m["body"] or m["paren"] if m else None)
    return None, None


@dataclass
class _Entry:
    name: str
    body: str | None
    title: str | None


def _partial(text: str) -> tuple[str, str | None]:
    """'Siri Lunde, fra sak 3/23' → ('Siri Lunde', 'fra sak 3/23')."""
    words = headings()["partial"]["words"]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    m = re.search(rf"[,(]?\s*\b(?:{alts})\b[^,;)]*\)?", text, re.IGNORECASE)
    if not m:
        return text, None
    return (text[: m.start()] + text[m.end():]).strip(" ,"), m.group().strip(" ,()")


def _entries(raw: str, columns, carried: str | None) -> tuple[list[_Entry], str | None]:
    """The people one line lists, and the body to carry down to the next table row."""
    cells = _cells(raw)
    if len(cells) >= 2:
        name_col, body_col = columns or (0, 1)
        name = cells[name_col] if name_col < len(cells) else ""
        body = cells[body_col] if body_col is not None and body_col < len(cells) else None
        body = body or carried
        return [_Entry(p, body, t) for p, t in _people(name)], body
    lab = label_line(raw)
    if lab and lab[1] and not normalise_person(lab[0]):
        # "Bærum: Anne Feltman, Ola Nordmann" (the body as written, not the lower-cased label)
        body = _BULLET.sub("", raw.split(":", 1)[0]).strip(" *")
        return [_Entry(p, body, t) for p, t in _people(lab[1])], None
    text = cells[0]
    parts = [p.strip() for p in text.split(",")]
    if len(parts) in (2, 3) and normalise_person(parts[0]) and _is_role(parts[1]):
        # "Per Arne Bøe, varaordfører, Hemsedal" / "Anders Kolsrud, regionkoordinator"
        title, body = _role_and_body(parts[1])
        return [_Entry(parts[0], parts[2] if len(parts) == 3 else body, title)], None
    listed = _outside_parens(text)
    if len(listed) > 1 and any(_IN_PARENS.match(p) for p in listed):
        # "Ola Hansen (Tønsberg), Kari Olsen (Horten)"
        out = []
        for part in listed:
            paren = _IN_PARENS.match(part)
            if paren and not _SUBSTITUTE.search(part):
                out.append(_Entry(paren["name"].strip(), paren["body"].strip(), None))
            else:
                out.append(_Entry(part, None, None))
        return out, None
    paren = _IN_PARENS.match(text)
    if paren and normalise_person(paren["name"]) and not _SUBSTITUTE.search(text):
        return [_Entry(paren["name"].strip(), paren["body"].strip(), None)], None  # "Ola Hansen (Drammen)"
    title, name = split_role(parts[0])
    if title and len(parts) == 2 and not normalise_person(parts[1]):
        return [_Entry(name, parts[1], title)], None  # "Ordfører Ola Hansen, Nittedal kommune"
    if len(parts) == 2 and normalise_person(parts[0]) and not normalise_person(parts[1]) and len(parts[1].split()) <= 4:
        return [_Entry(parts[0], parts[1], None)], None  # "Ola Hansen, Nittedal kommune"
    return [_Entry(p, None, t) for p, t in _people(text)], None


_ANNOTATION = re.compile(r"\s*\((?P<what>referent|sekretær|protokollfører|protokollførar|møteleder|møteleiar|leder|leiar)\)",
                         re.IGNORECASE)


def read_attendance(section: Section, role: str, blocks: list[Block]) -> list[AttendanceLine]:
    """Every person listed in one attendance block."""
    lines = [""] * (section.span.start - 1) + section.text.split("\n")
    for b in blocks:  # a table row's cells apart by TABs, whatever spacing the file used
        if b.kind == "table_row" and section.span.start <= b.span.start <= len(lines):
            lines[b.span.start - 1] = "\t".join(b.cells)
    out: list[AttendanceLine] = []
    columns: tuple[int, int | None] | None = None
    carried: str | None = None
    for n in range(section.span.start, section.span.end + 1):
        raw = lines[n - 1]
        if n == section.span.start:
            lab = label_line(raw)
            raw = lab[1] if lab else ""
        if not raw.strip():
            continue
        cells = _cells(raw)
        header = _is_header(cells)
        if header:
            columns = header
            continue
        if _is_rule(cells):
            continue
        filled = [c for c in cells if c]
        if len(filled) == 1:
            sub = attendance_role(filled[0].rstrip(":"), headings()["attendance"])
            if sub:  # "Observatører" as a row of the table: the rows below are guests
                role, carried = sub, None
                continue
        raw = _ANNOTATION.sub("", raw)
        raw, note = _partial(raw)
        entries, carried = _entries(raw, columns, carried)
        for e in entries:
            out.append(_line(e, role, n, section, note))
    return out


def _line(e: _Entry, role: str, n: int, section: Section, note: str | None) -> AttendanceLine:
    """One attendance line, with a substitute's stand-in written out of the name."""
    name, body, sub_for = e.name, e.body, None
    line_role = role
    for text in (name, body or ""):
        m = _SUBSTITUTE.search(text)
        if not m or (m.start() == 0 and text is name):
            continue
        other = m["for"].strip()
        if text is name:
            name = name[: m.start()].strip(" ,")
        else:
            body = body[: m.start()].strip(" ,")  # "pva Trysil kommune": the body is what follows
        if normalise_person(other):
            sub_for = other
        elif not body:
            body = other
        line_role = "substitute" if role == "member" else role
    return AttendanceLine(name=name, body=body or None, role=line_role, line=n, section=section,
                          title=e.title, note=note, substitute_for=sub_for)
