"""Attendance: who attended, for which body, in which role, for which part of the meeting.

Read from the blocks of an attendance section, whatever order a line uses. The
format states what it can: a table's header row names its columns (Navn,
Kommune, Rolle, Parti, Møtte for, Merknad, or a role per column: Kommune |
Ordfører | Rådmann), a sub-heading or a full-width row names a group (a role
such as "Varamedlemmer", or a body carried down to the names under it), a
struck-through name is an absentee. Each part of a line is then read by its
meaning: a person's name, a role, a party, a body, the member a substitute
stood in for, a note that the person came for part of the meeting ("fra sak
23/19", "til kl. 12", "dag 1") or not at all ("møtte ikke"). A body listed as
absent without a person ("Ikkje til stades: Aurland kommune") is an absent body.
The words are language data: data/lexicon/attendance.toml, roles.txt, parties.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.lang.bodies import classify
from kg.lang.lexicon import table, word_set
from kg.lang.names import is_given_name, is_initial, normalise_person, role_prefix, split_role
from kg.model import AttendanceLine, Block, Section, Span
from kg.parse.lines import contains_any, first_opening, headings, label_line, starts_with_any


@cache
def _words() -> dict:
    return table("attendance")


@lru_cache(maxsize=1 << 14)  # every cell of every attendance row is asked, and the same bodies recur
def attendance_role(text: str, heading: bool = False) -> str | None:
    """The role that a heading gives the names under it, or None when it is no attendance heading.

    ``heading``: the heading words of headings.toml [attendance] count too, matched at the start
    ("Fra sekretariatet møtte"); the phrases of attendance.toml [roles] count anywhere in
    a short heading ("Faste medlemar som møtte", "Medlemar som hadde meldt forfall").
    """
    text = _plain(text).rstrip(":").strip()
    if not text or text[0].isdigit():
        return None
    if is_chair(text):
        return "chair"
    best, best_len = None, 0
    for role, keys in (headings()["attendance"] if heading else {}).items():
        w = starts_with_any(text, keys)
        if w and len(w) > best_len and len(text.split()) <= len(w.split()) + 2:
            best, best_len = role, len(w)
    roles = _words()["roles"]
    if len(text.split()) > roles["max_words"] or re.match(r"^\W*(?:[\w-]*sak\w*|ps|rs)\s*\d", text, re.I):
        return best
    if contains_any(text, _role_phrases()):  # one search for the common case: no role's phrase
        for role in roles["precedence"]:
            if contains_any(text, roles[role]):
                return role if best is None or role == "absent" or best == "member" else best
    if text.lower() in roles["alone_guest"]:
        return "guest"
    return best


@cache
def _role_phrases() -> tuple[str, ...]:
    roles = _words()["roles"]
    return tuple(w for role in roles["precedence"] for w in roles[role])


def is_chair(title: str | None) -> bool:
    """Whether a label or a title is only a word for the person who led the meeting ("Møteleiar", "leder")."""
    return is_only(title, "chair")


def is_only(title: str | None, role: str) -> bool:
    """Whether a label or a title is only one of the words of a role ("leder", "observatør", "referent")."""
    return bool(title) and " ".join(_plain(title).rstrip(":").split()).casefold() in _words()["roles"][role]


def heads_names(label: str) -> bool:
    """Whether a "Label:" inside an attendance list can stand before names: a group, a role, a body,
    a part of the meeting or a person ("Vara:", "Rådmenn:", "Bardu:", "Fra sak 3/20:"); "Underskrifter:"
    or "Utlevert i møtet:" cannot, and end the list."""
    label = _plain(label)
    return bool(attendance_role(label) or _is_partial(label) or _role_and_body(label)[0] or classify(label)
                or _ABBREVIATION.match(label) or contains_any(label, _words()["markers"]["not_called"])
                or normalise_person(label))


def body_lists_names(line: str) -> bool:
    """A line that gives a body and lists its people ("Måsøy: John Aase (AP), Kari Berg (H) og …"), not a
    body's report ("Måsøy: John Aase orienterte om …"): the first name is followed by a list's mark or the end."""
    label = label_line(_plain(line))
    if not label or not classify(_plain(line).split(":", 1)[0].strip()):
        return False
    rest = _plain(line).split(":", 1)[1].strip()
    words = rest.split()
    return any(normalise_person(" ".join(words[:k]).rstrip(",;."), by_position=True)
               and re.match(r"^(?:\s*[,;(]|\s+(?:og|and)\s|\s*\.?$)", rest[len(" ".join(words[:k])):])
               for k in (2, 3, 4) if len(words) >= k)


_SMALL_WORDS = {"og", "i", "for", "på", "av", "fra", "frå", "v/"}


def caps_attendee(line: str) -> str | None:
    """A line of an attendance list written in capitals, in the case names are read in, when it begins with a
    person's name ("INGRID SOLHEIM, HORTEN" → "Ingrid Solheim, Horten"); None for another line."""
    text = _plain(line)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 5 or not all(c.isupper() for c in letters) or not re.search(r"[,(\t–]", text):
        return None
    cased = re.sub(r"[^\W\d_]+", lambda m: m.group().lower() if m.group().lower() in _SMALL_WORDS
                   else m.group().capitalize(), text)
    first = _cut(cased)[0].strip(" .")
    return cased if normalise_person(first) else None


def titles_only(label: str) -> bool:
    """Whether a label is only a title, as a group of people is named by theirs ("Rådmenn", "Ordførarar")."""
    role, rest = role_prefix(_plain(label))
    return role is not None and not rest


def lists_names(text: str) -> bool:
    """Whether the lines of a paragraph under its first begin with a person's name, as a group of an
    attendance list does ("Administrativ arbeidsgruppe⏎Kari Dahl, Tinn⏎Ola Berg, Vinje")."""
    below = [_plain(line) for line in text.split("\n")[1:] if line.strip()]
    return bool(below) and all(normalise_person(_cut(line)[0].strip(" .")) or _starts_with_name(line) for line in below)


def heads_part(text: str, below: list[str]) -> bool:
    """Whether a line saying a part of the meeting ("Dag 1 – 9. mai", "Frå sak 5") heads the names of those who
    came for it: the first line below it begins with a person's name."""
    first = next((line for line in below if line.strip()), "")
    return bool(first) and _is_partial(_cut(_plain(text))[0]) and lists_names(f"{text}\n{first}")


# -- the parts of a line --------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|[a-z][.)])\s+")
_STRUCK = re.compile(r"~~(.+?)~~")
# tabs, runs of spaces, commas, semicolons, dashes between spaces, and a full stop before a capital
# that does not end an initial ("Kay A. Jeiskelid")
_SEPARATORS = re.compile(r"\t|\s{2,}|\s+v/\s*|\s*[,;|·]\s*|\s+[–—-]\s+|(?<!\b[A-ZÆØÅ])\.\s+(?=[A-ZÆØÅ])")
_SENTENCE_END = re.compile(r"(?<!\b[A-ZÆØÅ])\.\s+(?=[A-ZÆØÅ])")  # not after an initial ("Kay A. Jeiskelid")
_CASE_NOTE = re.compile(r"^(?:(?:fra|frå|til|etter|under|t\.o\.m\.?|f\.o\.m\.?)\s+)?(?:[\w-]*sak\w*|saker|kl\.?|dag)\s*\d",
                        re.IGNORECASE)
_ABBREVIATION = re.compile(r"^[A-ZÆØÅ][A-Za-zÆØÅæøå]{0,4}$")


def _column_kind(header: str) -> str | None:
    """The kind of an attendee table's column by its header cell (lower case): name, body, role, present …"""
    return _column_kinds()(header)


@cache
def _column_kinds():
    """Every cell of every attendance row is asked whether it heads a column: one match for all the kinds."""
    return first_opening(_words()["columns"])


def lists_attendees(cells: list[str]) -> bool:
    """A table's header row that names a person column and what each person came as (a body, a role, a party,
    a presence): an attendee table, whatever heading stands above it ("Deltakerliste", none at all)."""
    kinds = {_column_kind(c.strip(" :*").lower()) for c in cells}
    return ("name" in kinds and bool(kinds & {"body", "role", "party", "present", "substitute_for"})
            or "body" in kinds and len(_list_columns(cells)) >= 2)


def _list_columns(cells: list[str]) -> dict[int, str]:
    """The columns after the first whose header is a group of people ("Kommune | Til stede | Forfall"): their roles."""
    out = {}
    for i, c in enumerate(cells):
        text = c.strip(" :*").lower()
        if i and text and _column_kind(text) in (None, "present"):
            role = attendance_role(text, heading=True)
            if role and role != "chair":
                out[i] = role
    return out


def _answer(cell: str) -> bool | None:
    """What a presence column's cell says: there (True), not there (False), or something else (None)."""
    text = cell.strip(" .*").lower()
    markers = _words()["markers"]
    return True if text in markers["present"] else False if text in markers["not_present"] else None


@lru_cache(maxsize=1 << 14)  # each part of an attendance line is read plain by several tests in turn
def _plain(text: str) -> str:
    """The words of a line without list bullets, Markdown emphasis or strike marks."""
    text = text.replace("**", "").replace("~~", "").replace("__", "")
    if "*" in text:
        text = re.sub(r"(?<!\w)\*(?!\s)|(?<=\S)\*(?!\w)", "", text)
    if "#" in text:
        text = re.sub(r"^\s*#{1,6}\s*", "", text)
    return _BULLET.sub("", text).strip()


def _outside_parens(text: str, listed: bool = False) -> list[tuple[str, bool, bool]]:
    """Split a line at its separators into (part, in parentheses, stands where a name stands).

    A name stands at the head of a line or cell, and everywhere in a list of names under a
    body ("Lenvik: Wenche Cumming, Tonni Nylund") when ``listed``.
    """
    parts: list[tuple[str, bool]] = []
    depth, cur = 0, ""
    for ch in _surname_first(text):
        if ch == "(":
            if depth == 0:
                parts.append((cur, False))
                cur = ""
            else:
                cur += ch
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                parts.append((cur, True))
                cur = ""
            else:
                cur += ch
        else:
            cur += ch
    parts.append((cur, depth > 0))
    out: list[tuple[str, bool]] = []
    for text_part, paren in parts:
        for piece in _cut(text_part):
            out.extend((p, paren) for p in _split_and(piece.strip(" .:")))
    kept = [(p.strip(" .:*").replace(_KEPT_COMMA, ", "), paren) for p, paren in out if p.strip(" .:*-–")]
    return [(p, paren, i == 0 or listed and not paren or _between_brackets(kept, i)) for i, (p, paren) in enumerate(kept)]


def _between_brackets(parts: list[tuple[str, bool]], i: int) -> bool:
    """A part in the run "Name (Body), Name (Body)" after a name: it stands where the name before it stands."""
    return (1 < i < len(parts) - 1 and parts[i - 1][1] and parts[i + 1][1] and not parts[i][1]
            and not parts[i - 2][1] and normalise_person(parts[i - 2][0]) is not None)


_SURNAME_FIRST = re.compile(r"^(?P<family>[A-ZÆØÅ][\w'’-]+),\s+(?P<given>[A-ZÆØÅ][\w'’.-]*(?:\s+[A-ZÆØÅ][\w'’.-]*)*)"
                            r"(?=\s*$|\s*[,;(\t]|\s+[–—-]\s)")


_KEPT_COMMA = "\x00"  # the comma of "Surname, Given", kept while the line is cut at its other commas


def _surname_first(text: str) -> str:
    """'Nyhus, Bjørn Erik – Elverum kommune': the comma after the surname is no separator.

    Only when every word after the comma is a given name or an initial: "Hjartdal, Kari Hansen" is a body and a name.
    """
    m = _SURNAME_FIRST.match(text)
    if not m or not all(is_given_name(w) or is_initial(w) for w in m["given"].split()):
        return text
    return f"{m['family']}{_KEPT_COMMA}{m['given']}{text[m.end():]}"


def _cut(text: str) -> list[str]:
    """Cut at the separators; a doubled space inside a name from a PDF's layout ("Kari  Sandvold") does not cut."""
    pieces = re.split(f"({_SEPARATORS.pattern})", text)
    out = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2]):
        joined = f"{out[-1].strip()} {piece.strip()}"
        if sep.isspace() and len(sep) == 2 and not normalise_person(out[-1]) and normalise_person(joined):
            out[-1] = joined
        else:
            out.append(piece)
    return out


# a clause of what befell a person, after the name: "… var innkalt", "… vart kalla inn", "… was invited"
_CALLED = re.compile(r"\s+(?:var|vart|ble|blei|was|were)\s+(?:\w+\s+)?(?:innkalt|innkalla|kalla inn|kalt inn|"
                     r"invited|called)$", re.IGNORECASE)


@cache
def _before_substitute() -> list[re.Pattern]:
    """The space before each substitute marker ("pva", "for"), longest marker first; compiled once: a
    document's lines would otherwise push these out of re's cache of 512 patterns, and compile them again."""
    return [re.compile(rf"\s(?={re.escape(marker)}\s)", re.IGNORECASE)
            for marker in sorted(_words()["markers"]["substitute"], key=len, reverse=True)]


@cache
def _in_their_place_at_end() -> list[re.Pattern]:
    """Each marker ending a line that the person named came in another's place ("… møtte i hans sted")."""
    return [re.compile(rf"\s+{re.escape(marker)}$", re.IGNORECASE) for marker in _words()["markers"]["in_their_place"]]


@cache
def _absent_at_end() -> list[re.Pattern]:
    """Each absence marker ending a line ("… hadde meldt forfall"), compiled once (as _before_substitute)."""
    return [re.compile(rf"(?:^|\s)(?:(?:hadde|har|had|has)\s+)?(?P<marker>{re.escape(marker)})$", re.IGNORECASE)
            for marker in _words()["markers"]["absent"]]


def _split_and(text: str) -> list[str]:
    """'Eldgrim Spinngaard og Harald Bjelke' → two names; 'Sogn og Fjordane fylkeskommune' stays whole.

    A substitute's stand-in written after the name ('Kari Dahl pva Ola Berg') is cut off too.
    """
    for before in _before_substitute():
        m = before.search(text)
        if m and m.start() > 0:
            return _split_and(text[: m.start()]) + [text[m.end():]]
    m = re.search(r"(?:^|\s+)(?:og|and|&)\s+", text)
    if m and m.start() == 0 and m.end() < len(text):
        return _split_and(text[m.end():])  # "…, og styremedlemmene Randi Tufte": the list's last names
    if m and m.start() > 0 and split_role(text[m.end():])[0] and _starts_with_name(split_role(text[m.end():])[1]):
        return _split_and(text[: m.start()]) + _split_and(text[m.end():])  # "… og ordfører Per Eggen"
    if m and _starts_with_name(text[m.end():]):
        return _split_and(text[: m.start()]) + _split_and(text[m.end():])
    if m and m.start() > 0 and _known_body(text[: m.start()]) and _known_body(text[m.end():]) and not _known_body(text):
        return [text[: m.start()]] + _split_and(text[m.end():])  # "Vindafjord og Fusa": two bodies
    # "Trond Lie frå Vestland fylkeskommune", "Kåre Fosse for Larvik kommune", "Kåre Fosse for Per Eggen",
    # "ordfører Kari Dahl fra Aremark hadde meldt forfall"
    m = re.search(r"\s+(?=(?:fra|frå|from|for)\s+[A-ZÆØÅ])", text)
    if m and normalise_person(split_role(text[:m.start()])[1]):
        return _split_and(text[:m.start()]) + _split_and(text[m.end():])
    m = _CALLED.search(text)
    if m and normalise_person(split_role(text[:m.start()])[1], by_position=True):
        return _split_and(text[:m.start()])  # "vara Bjørn Olsen var innkalt": what befell the person follows
    for in_place in _in_their_place_at_end():  # "varamedlem Gunn Åsli møtte i hans sted"
        m = in_place.search(text)
        if m:
            return _split_and(text[: m.start()]) + [_words()["markers"]["substitute"][0]]
    for absent in _absent_at_end():  # "Randi Elvebakken møtte ikke", "… hadde meldt forfall"
        m = absent.search(text)
        if m:
            return _split_and(text[: m.start()]) + [m["marker"]]
    return [text]


def _stood_in_for(text: str) -> str | None:
    """'for Per Eggen' → 'Per Eggen': "for" before a person's name (not a body's) names the member stood in for."""
    m = re.match(r"^for\s+(?P<name>[A-ZÆØÅ].*)$", text.strip())
    return m["name"] if m and normalise_person(m["name"]) and not classify(m["name"]) else None


def _known_body(text: str) -> bool:
    return classify(text.strip(), fuzzy=False, rules=False) is not None


def _starts_with_name(text: str) -> bool:
    """Whether text begins with a person's name (a rare one too, when no body has that name)."""
    words = text.split()
    return any(normalise_person(" ".join(words[:k]), by_position=True) and not classify(" ".join(words[:k]))
               for k in (2, 3) if len(words) >= k)


def _marker(text: str, kind: str) -> str | None:
    return starts_with_any(text, _words()["markers"][kind])


def _is_partial(text: str) -> bool:
    return bool(_CASE_NOTE.match(text) or contains_any(text, _words()["markers"]["partial"]))


def _is_party(text: str) -> bool:
    parts = [p.strip() for p in text.split("/")]
    return all(p.casefold() in word_set("parties") for p in parts)


def _role_and_body(text: str) -> tuple[str | None, str | None]:
    """'daglig leder i Listerrådet' → ('daglig leder', 'Listerrådet'); 'ordførar Aurland' → ('ordførar', 'Aurland');
    'rådmann og sekretær for Dalane' → ('rådmann og sekretær', 'Dalane')."""
    role, rest = role_prefix(text)
    if role is None:
        return None, None
    joined = re.match(r"^(?:og|and|&)\s+(?P<rest>.*)$", rest)
    second, after = role_prefix(joined["rest"]) if joined else (None, rest)
    if second:  # "rådmann og sekretær for Regionråd Dalane": two titles, one body
        role, rest = f"{role} og {second}", after
    m = re.match(r"^(?:i|for|ved|hos|på|frå|fra|av|of|at)\s+(?P<body>\S.*)$", rest)
    if not rest:
        return role, None
    if m:
        return role, m["body"]
    if rest[:1].isupper() and classify(rest, fuzzy=False):  # "ordførar Leikanger"
        return role, rest
    return None, None


@dataclass
class _Part:
    kind: str  # person | role | body | party | note | substitute | absent | other
    text: str
    title: str | None = None
    body: str | None = None
    known: bool = True  # a body: False when only its form says so (an unknown abbreviation)


def _read_part(text: str, paren: bool, first: bool) -> _Part:
    """What one part of a line says, by its meaning."""
    words = _words()["markers"]
    low = text.lower()
    if contains_any(low, words["not_absent"]) or low in words["manner"]:
        return _Part("other", text)
    sub = _marker(text, "substitute")
    if sub:
        rest = text[len(sub):].strip(" :")
        title, name = split_role(rest)
        if normalise_person(name, by_position=True):
            return _Part("substitute", name, title=title)
        # "pva Trysil kommune": the body the substitute attended for
        return _Part("substitute", "", body=rest if rest[:1].isupper() and classify(rest) else None)
    if _stood_in_for(text):
        return _Part("substitute", _stood_in_for(text))
    if _marker(text, "absent"):
        return _Part("absent", text)
    if _is_partial(text):
        return _Part("note", text)
    if _is_party(text):
        return _Part("party", text)
    role, body = _role_and_body(text)
    if role:
        return _Part("role", text, title=role, body=body)
    title, name = split_role(text)
    if title and normalise_person(name, by_position=True):
        return _Part("person", name, title=title)
    known = classify(text, fuzzy=False, rules=False)
    if known:
        return _Part("body", text)
    origin = re.match(r"^(?:fra|frå|for)\s+(?P<body>[A-ZÆØÅ].*)$", text)
    if origin and classify(origin["body"]):  # "..., frå Buskerud Kollektivtrafikk AS", "for Larvik kommune"
        return _Part("body", origin["body"])
    if normalise_person(text):
        return _Part("person", text)
    if classify(text, fuzzy=True):
        return _Part("body", text)
    if (first or paren) and normalise_person(text, by_position=True):
        return _Part("person", text)  # a name by its place in the row, even when rare
    if text[:1].isupper() and len(text.split()) <= 6:
        return _Part("body", text, known=not _ABBREVIATION.match(text))
    return _Part("other", text)


# -- people and the lines they become -------------------------------------------------

@dataclass
class _Person:
    name: str
    titles: list[str] = field(default_factory=list)
    bodies: list[tuple[int, str]] = field(default_factory=list)  # (priority, body)
    party: str | None = None
    notes: list[str] = field(default_factory=list)
    substitute_for: str | None = None
    absent: bool = False
    leads_other: bool = False  # "leder i Fjellregionen rådmannsforum": leads another body, not the meeting

    def add_body(self, body: str, priority: int) -> None:
        self.bodies.append((priority, body))

    @property
    def body(self) -> str | None:
        """The body written most plainly beside the name (a cell or part of its own before one read from a role)."""
        return max(self.bodies, key=lambda b: b[0])[1] if self.bodies and max(self.bodies)[0] > 0 else None

    @property
    def weak_body(self) -> str | None:
        """An unknown abbreviation beside the name ("KSD"): the body only when nothing else says."""
        return self.bodies[0][1] if self.bodies else None


@dataclass
class _Row:
    """What one line or table row lists: its people and what stands beside them."""

    people: list[_Person] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)  # bodies written without anyone beside them
    absent: bool = False
    notes: list[str] = field(default_factory=list)


def _read_parts(parts: list[tuple[str, bool, bool]], row: _Row, title: str | None = None) -> None:
    """Read the parts of a line in order: each person takes what follows until the next person."""
    run: list[_Person] = []  # the people written one after another, who share a body written after them
    pending = _Person("")  # what stands before the first person ("Ordfører | Name", "*forfall* (Name)")
    attrs_since_person = False
    last_body: tuple[str, list[_Person]] | None = None  # the body just read, with the people it was given
    for text, paren, first in parts:
        if paren and run and text == initials(run[-1].name):
            continue  # "Ingrid Solheim (IS)": her initials, no body
        part = _read_part(text, paren, first)
        if part.kind == "person" and paren and last_body:
            # "Gulen kommune (ordførar Kari Dahl), Hyllestad kommune (…)": the body written first is hers
            body, given = last_body
            for q in given:
                q.bodies = [b for b in q.bodies if b[1] != body]
            row.bodies = [b for b in row.bodies if b != body]
            pending.add_body(body, 2)
            run, attrs_since_person = [], False
        last_body = None
        if part.kind == "person":
            p = _Person(part.text)
            if title:
                p.titles.append(title)
            if part.title:
                p.titles.append(part.title)
            if pending.absent or pending.titles or pending.bodies or pending.notes:
                p.absent |= pending.absent
                p.titles += pending.titles
                p.bodies += pending.bodies
                p.notes += pending.notes
                p.leads_other |= pending.leads_other
                pending = _Person("")
            run = [p] if attrs_since_person or not run else run + [p]
            attrs_since_person = False
            row.people.append(p)
            continue
        targets = run[-1:] if run else [pending]
        if part.kind == "body":
            if run and not attrs_since_person:
                targets = run  # "Eldgrim Spinngaard og Harald Bjelke, Norsk Fjellmatsenter SA"
            elif not run:
                row.bodies.append(part.text)
            for p in targets:
                p.add_body(part.text, 2 if part.known else 0)
            if not paren and part.known:
                last_body = (part.text, targets)
        elif part.kind == "role":
            for p in targets:
                p.titles.append(part.title)
                if part.body:
                    p.add_body(part.body, 1)
                    p.leads_other |= is_chair(part.title)
        elif part.kind == "party":
            for p in targets:
                p.party = part.text
        elif part.kind == "note":
            for p in targets:
                p.notes.append(part.text)
            if not run:
                row.notes.append(part.text)
        elif part.kind == "substitute":
            # "X hadde forfall, og vara Y møtte i hans sted": the member stood in for is the absent one before
            before = next((q.name for q in reversed(row.people) if q.absent), "") if not part.text else ""
            for p in targets:
                p.substitute_for = part.text or p.substitute_for or before
                if part.body:
                    p.add_body(part.body, 2)
        elif part.kind == "absent":
            for p in targets:
                p.absent = True
            if not run:
                row.absent = True
        attrs_since_person = attrs_since_person or part.kind != "other" or not run


def _label(text: str) -> tuple[str, str] | None:
    """'Bamble: Kari Hansen, Per Olsen' → ('Bamble', 'Kari Hansen, Per Olsen') (the label as written)."""
    lab = label_line(text)
    head = text.split(":", 1)[0]
    if not lab or "\t" in head or head.count("(") > head.count(")"):
        return said_label(text)  # the colon of a time in a note ("Kari Dahl (frå sak 3/07, kl. 12:00)") ends no label
    return text.split(":", 1)[0].strip(" *"), lab[1]


# "Til stades var Aud Kleppe (Alver kommune), …", "Present were …": an attendance heading said as a sentence
_SAID = re.compile(r"^(?P<label>[^:\t|.]{2,40}?)\s+(?:var|were|was)\s+(?:(?:received|mottatt|motteke)\s+"
                   r"(?:from|fra|frå)\s+)?(?P<rest>\S.*)$")  # "Apologies were received from …"


def said_label(line: str) -> tuple[str, str] | None:
    """('Til stades', 'Aud Kleppe (Alver kommune), …') when the words before "var"/"were" head an attendance list."""
    m = _SAID.match(_plain(line))
    if m and attendance_role(m["label"], heading=True) is not None and (
            m["rest"][:1].isupper() or split_role(m["rest"])[0]):  # "Til stede var ordfører Kari Dahl fra …"
        return m["label"], m["rest"]
    return None


def _logical_lines(b: Block) -> list[tuple[int, str]]:
    """The lines of a paragraph, a line broken inside a list or a name joined to the next
    ("Arve Cruickshank,⏎Anne Grete Normann", "rådmann Geir⏎Mikkelsen, Fauske")."""
    out: list[tuple[int, str]] = []
    for i, line in enumerate(b.text.split("\n")):
        if not line.strip():
            continue
        if out and _continues(out[-1][1], line):
            out[-1] = (out[-1][0], out[-1][1].rstrip() + " " + line.strip())
        else:
            out.append((b.span.start + i, line))
    return out


def _continues(line: str, nxt: str) -> bool:
    """Whether nxt goes on with line: after a comma or 'og', or when it ends a name line began."""
    end = line.rstrip()
    if "\t" in line or "\t" in nxt or _label(_plain(nxt)) or _heads_alone(end):
        return False  # a group's heading ("Forfall") heads the name below it, it is no given name of it
    if end.endswith(",") or re.search(r"\s(?:og|and)$", end) or nxt.lstrip().startswith("("):
        return True  # "Stein Ove Hope" + "(Austrheim kommune) og …": a bracket goes with what stands before it
    if _KEPT_COMMA in _surname_first(_plain(end)):
        return False  # "Lunde, Tove" + "Berg, Ola": a name written surname first is whole on its line
    last = _cut(end)[-1].strip()
    words = nxt.split()
    if words and last and _body_goes_on(last, _cut(nxt.strip())[0].strip(" .")):
        return True  # "..., Hedmark" + "FK · ...": a body's name broken across the lines
    if words and last and _given_only(last) and words[0][:1].isupper() and not is_given_name(words[0].strip(",.;")):
        return True  # "Fylkesrådmann Odd Inge" + "Mjøen, Sør-Trøndelag FK": the family name on the next line
    if words and any(normalise_person(" ".join(last.split()[-k:])) for k in (2, 3) if len(last.split()) > k):
        return False  # "…, møtte for ordfører Per Kristian Blaker" + "Anne Haugen, …": a whole name ends the line
    return (bool(words and last) and not normalise_person(last, by_position=True)
            and bool(normalise_person(f"{last.split()[-1]} {words[0].strip(',.;')}"))
            and not classify(last, fuzzy=False, rules=False)
            and not classify(last.split()[-1], fuzzy=False, rules=False))  # "…, ordfører Grue" + "Knut Hagen"


def _heads_alone(line: str) -> bool:
    """A line that is only a group's heading ("Forfall", "Varamedlemmer som møtte")."""
    text = _plain(line)
    return len(_cut(text)) == 1 and ":" not in text and bool(attendance_role(text))


def _given_only(text: str) -> bool:
    """A name of given names only, its family name still to come ("rådmann Odd Inge")."""
    words = split_role(text)[1].split() if split_role(text)[0] else text.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() and is_given_name(w) for w in words)


def _body_goes_on(last: str, first: str) -> bool:
    """Whether the end of a line and the start of the next are one body the lexicons know ("Hedmark" + "FK")."""
    if not first or len(first.split()) > 2 or classify(first, fuzzy=False, rules=False):
        return False
    joined = classify(f"{last} {first}", fuzzy=False, rules=False)
    alone = classify(last, fuzzy=False, rules=False)
    return joined is not None and (alone is None or joined.label != alone.label)


# a sentence saying who came from where: "Frå Buskerud fylkeskommune møtte fylkeskontakt Dag Stenersen"
_SERVED = re.compile(r"^(?P<who>[A-ZÆØÅ][\w .'-]{2,60}?)\s+møtte\s+som\s+(?P<role>[\wæøå -]+?)(?:\s+og\s+.*)?\.?$")
_MET = re.compile(r"^(?P<lead>(?:fra|frå|under|til)\s+[^,]{2,60}?)\s+møtte\s+(?P<rest>.+?)\.?$", re.IGNORECASE)


# a list's label after the end of a sentence on the same line ("…, Sandefjord kommune. Forfall: Per Eggen")
_LATER_LABEL = re.compile(r"(?<=[.;])\s+(?P<label>[A-ZÆØÅ][\wæøå ]{2,30}):\s")


class _Reader:
    def __init__(self, section: Section, role: str, last_line: int | None = None,
                 initials: dict[str, AttendanceLine] | None = None):
        self.section = section
        self.initials = initials or {}  # "IS" → the line naming Ingrid Solheim (IS) in full
        self.role = role
        self.last_line = last_line
        self.group_body: str | None = None  # a body written above the names it stands for
        self.group_note: str | None = None  # "### Fra sak 30/14"
        self.label_body: str | None = None  # "Lenvik: A, B," carried to the next line's names
        self.group_role: str | None = None  # "**Rennebu** (observatør)": the role of one group
        self.columns: dict[int, tuple[str, str | None]] | None = None
        self.column_roles: dict[int, str] = {}  # "Medlemmer | Andre": the role of the names in each column
        self.unplaced: list[tuple[int, str]] = []  # lines of the list that gave no person and no body
        self.marked_present = False  # a presence column has ticked someone ("x"): a blank cell there is no one
        self.unticked: list[AttendanceLine] = []  # the lines of rows whose presence cell is blank
        self.lines: list[AttendanceLine] = []

    # -- blocks ------------------------------------------------------------------
    def block(self, b: Block) -> None:
        if b.kind == "heading" and caps_attendee(b.text):  # "INGRID SOLHEIM, HORTEN": a name, not a heading
            self.text_line(caps_attendee(b.text), b.span.start, strike=b.strike, first=False)
        elif b.kind == "heading":
            self.group(b.text, first=b.span.start == self.section.span.start)
            self.columns, self.column_roles = None, {}
        elif b.kind == "table_row":
            self.row(list(b.cells), b.span.start, header=b.header, strike=b.strike)
        else:
            for n, line in _logical_lines(b):
                if n < self.section.span.start or self.last_line is not None and n > self.last_line:
                    continue  # a line of a shared paragraph that another section reads
                self.text_line(line, n, strike=b.strike, first=n == self.section.span.start)

    def group(self, text: str, first: bool = False) -> None:
        """A sub-heading or a full-width row: a role, a part of the meeting, or a body for the names below."""
        plain = _plain(text).rstrip(":")
        self.label_body = None
        self.group_role = None
        role = attendance_role(re.sub(r"\(.*?\)", "", plain).strip())
        note = next((t for t, _, _ in _outside_parens(plain) if _is_partial(t)), None)
        if role:
            self.role = role
            self.group_note = note
            self.group_body = None
        elif note:
            self.group_note = note
        elif not first:
            parts = _outside_parens(plain)
            head = parts[0][0] if parts else ""
            self.group_body = head if head and len(head.split()) <= 5 and classify(head) else None
            guest = next((attendance_role(t) for t, paren, _ in parts[1:] if paren and attendance_role(t)), None)
            if guest:  # "**Rennebu** (observatør)"
                self.group_role = guest

    # -- lines -------------------------------------------------------------------
    def text_line(self, raw: str, n: int, *, strike: bool, first: bool) -> None:
        struck = _STRUCK.search(raw)
        if "\t" in raw or "|" in raw.strip().strip("|") and raw.count("|") >= 2:
            cells = [c.strip() for c in raw.strip().strip("|").split("\t" if "\t" in raw else "|")]
            if re.fullmatch(r"[\s|:-]*", raw) or all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                return  # a Markdown table's |---|---| line
            self.row(cells, n, strike=strike or bool(struck))
            return
        text = _plain(raw)
        if not text:
            return
        text = caps_attendee(text) or text
        later = _LATER_LABEL.search(text)
        if later and attendance_role(later["label"]):  # "Til stede: … kommune. Forfall: Per Eggen": two lists
            self.text_line(text[:later.start()], n, strike=strike, first=first)
            self.text_line(text[later.start():].strip(), n, strike=strike, first=False)
            return
        line_body = line_note = line_title = line_role = None
        served = _SERVED.match(text)
        if served and not first and normalise_person(served["who"], by_position=True):
            text = f"{served['who']}, {served['role']}"  # "Knut Moe møtte som dagleg leiar og førte møteboka"
        prose = _MET.match(text)
        if prose and not first:  # "Frå Buskerud fylkeskommune møtte Dag Stenersen", "Under sak 10/11 møtte ..."
            lead, text = prose["lead"], prose["rest"]
            line_role = "guest" if self.role == "absent" else None  # they came, whatever the list above
            if attendance_role(lead) in ("secretariat", "guest", "observer"):
                line_role = attendance_role(lead)  # "Fra administrasjonen møtte daglig leder Per Li"
            elif _is_partial(lead) or _CASE_NOTE.match(lead.split(None, 1)[-1]):
                line_note = lead
            elif classify(lead.split(None, 1)[-1]):
                line_body = lead.split(None, 1)[-1]
        label = _label(text)
        if label is None and first:
            self.group(text, first=True)  # the section's heading line: the role or part of the meeting it says
            return
        if label and first and self._sentences(label[1]):
            # "Til stede var A (Ål kommune) og B (Gol kommune). C hadde meldt forfall. Fra administrasjonen møtte D.":
            # running prose, each sentence a list of its own
            self.role = attendance_role(label[0]) or self.role
            for sentence in self._sentences(label[1]):
                self.text_line(sentence, n, strike=strike, first=False)
            return
        for _ in range(2):  # "Gjester: Til sak 01/11: Wenche Jakobsen, UiT"
            if label is None:
                break
            name, rest = label
            if contains_any(name, _words()["markers"]["not_called"]):
                line_role = "absent"  # "2.–5. vara var ikkje innkalla: ..." names people who did not come
            role = attendance_role(name)
            if normalise_person(name):
                break
            if role == "chair":  # "Møteleiar: Kari Dahl" names one person, not a group; a sentence after it is not hers
                line_role, rest = role, _SENTENCE_END.split(rest)[0]
            elif role:
                self.role, self.label_body = role, None
            elif _is_partial(name):
                line_note = name
            elif _role_and_body(name)[0]:
                line_title = _role_and_body(name)[0]  # "Rådmenn: Kari Dahl (Bardu), Ola Berg (Lenvik)"
            elif classify(name) or _ABBREVIATION.match(name):
                # "Bardu: Regina Alexandrova, Ragnhild Movinkel", "Fra Vestfold fylkeskommune: Per Eggen"
                line_body = self.label_body = re.sub(r"^(?:fra|frå|from)\s+", "", name, flags=re.IGNORECASE)
            text = rest
            label = _label(text)
        if not text:
            return
        if not line_body and self._is_group(text):
            self.group(text)
            return
        parts = _outside_parens(text, listed=bool(line_body or self.label_body or self.group_body))
        self.emit(parts, n, strike=strike or bool(struck), body=line_body, note=line_note, title=line_title,
                  role=line_role)

    @staticmethod
    def _sentences(text: str) -> list[str]:
        """The sentences of an attendance list written as running prose; [] for a list (no sentence of six words)."""
        sentences = [t for t in _SENTENCE_END.split(text) if t.strip()]
        return sentences if len(sentences) > 1 and any(len(t.split()) >= 6 for t in sentences) else []

    def _is_group(self, text: str) -> bool:
        """A line naming only a role, a body or a part of the meeting: it heads the names below it."""
        parts = _outside_parens(text)
        if not parts or any(_read_part(*part).kind == "person" for part in parts):
            return False
        if attendance_role(re.sub(r"\(.*?\)", "", text).strip()) or _is_partial(parts[0][0]):
            return True  # "Varamedlemmer", "Dag 2 – 10. mai"
        if self.role == "absent":
            return False  # "Forfall: Aurland kommune": an absent body, read by emit()
        return len(parts) <= 2 and bool(classify(parts[0][0]))

    # -- table rows ----------------------------------------------------------------
    def row(self, cells: list[str], n: int, *, header: bool = False, strike: bool = False) -> None:
        struck = {i for i, c in enumerate(cells) if c and _STRUCK.fullmatch(c.strip())}  # "| ~~Per Eggen~~ |"
        cells = [_plain(c) if c else "" for c in cells]
        filled = [c for c in cells if c.strip(" -–")]
        if not filled:
            return
        columns = self._header(cells)
        if header or columns:
            if columns:
                self.columns = columns
            return
        if len(set(filled)) == 1:
            self.group(filled[0])
            return
        roles = {i: attendance_role(c) for i, c in enumerate(cells) if c}
        if len(roles) >= 2 and all(roles.values()):  # "Medlemmer | Andre": a group in each column
            self.column_roles = roles
            return
        if self.columns is None and cells[0] and attendance_role(cells[0]) and not normalise_person(cells[0]):
            # "Møtt | Kari Dahl, Tinn; Ola Berg, Vinje": the first cell labels the names beside it
            rest = ", ".join(c for c in cells[1:] if c)
            self.text_line(f"{cells[0].rstrip(': ')}: {rest}", n, strike=strike, first=False)
            return
        if self.columns is None:  # without a header only the first cell holds a name by its place
            for column, parts in self._cell_groups(cells):
                self.emit(parts, n, strike=strike, role=self.column_roles.get(column))
            return
        self.typed_row(cells, n, strike, struck)

    def _cell_groups(self, cells: list[str]) -> list[tuple[int, list[tuple[str, bool, bool]]]]:
        """(first column, parts) of a row without a header, one group per person's cells: a later cell
        naming a person of its own starts a new group ("Ordførar Kari Dahl, Tinn | Rådmann Ola Berg" is
        two people side by side), one without ("Kari Dahl | Tinn kommune") goes on with the group before."""
        groups: list[tuple[int, list[tuple[str, bool, bool]]]] = []
        for i, cell in enumerate(cells):
            if not cell:
                continue
            parts = [(t, paren, first and i == 0) for t, paren, first in self._cell_parts(cell)]
            if groups and not any(_read_part(*p).kind == "person" for p in parts):
                groups[-1][1].extend(parts)
            else:
                groups.append((i, parts))
        return groups

    def _cell_parts(self, cell: str) -> list[tuple[str, bool, bool]]:
        label = _label(cell)
        if label and not normalise_person(label[0]) and not attendance_role(label[0]):
            return [(label[0], False, False)] + _outside_parens(label[1], listed=True)  # "Beiarn: Monika Sande (Sp)"
        return _outside_parens(cell)

    def _header(self, cells: list[str]) -> dict[int, tuple[str, str | None]] | None:
        """Column kinds of a header row, or None when the row is not a header."""
        out: dict[int, tuple[str, str | None]] = {}
        listed = _list_columns(cells) if lists_attendees(cells) else {}  # "Kommune | Til stede | Forfall"
        list_role = None
        for i, c in enumerate(cells):
            text = c.strip(" :*").lower()
            if not text:
                continue
            kind = _column_kind(text)
            role = attendance_role(text)
            title, _ = _role_and_body(re.split(r"\s*[/(]", text)[0])
            if kind and not (role and kind in ("note", "present") and i == 0):
                out[i] = (kind, None)
            elif role and i == 0:
                list_role = role  # "Desse medlemmene møtte | Kommune"
                out[i] = ("name", None)
            elif title:
                out[i] = ("role", title)  # "Kommune | Ordfører | Rådmann"
            elif i not in listed:
                return None
        kinds = {k for k, _ in out.values()}
        if "name" not in kinds and len(listed) >= 2:  # "Kommune | Til stede | Forfall": each column lists the people of one group
            out.update({i: ("name", None) for i in listed})
            self.column_roles, kinds = listed, kinds | {"name"}
        if not out or not (kinds & {"name", "role"}) or kinds == {"role"} and len(out) < 2 and not self.columns:
            return None
        self.role = list_role or self.role
        return out

    def typed_row(self, cells: list[str], n: int, strike: bool, struck: set[int] = frozenset()) -> None:
        row_people: list[_Person] = []
        shared = _Person("")
        presence = [cells[i] for i, (kind, _) in self.columns.items() if kind == "present" and i < len(cells)]
        for i, cell in enumerate(cells):
            kind, title = self.columns.get(i, ("note", None))
            if not cell:
                continue
            if kind in ("name", "role") and title is not None or kind == "name":
                r = _Row()
                label = _label(cell)
                if label and not normalise_person(label[0]) and classify(label[0]):
                    shared.add_body(label[0], 3)  # "Beiarn: Monika Sande (Sp), Håkon Sæther (Ap)"
                    cell = label[1]
                _read_parts(_outside_parens(cell, listed=bool(label)), r, title)
                if not r.people and normalise_person(cell, by_position=True):
                    r.people.append(_Person(cell, [title] if title else []))
                for p in r.people:
                    p.absent |= i in struck or self.column_roles.get(i) == "absent"
                row_people += r.people
                shared.absent |= r.absent and not r.people
            elif kind == "body":
                r = _Row()
                _read_parts(self._cell_parts(cell), r)
                shared.add_body(r.bodies[0] if r.bodies else cell, 2)
                shared.notes += r.notes
            elif kind == "role":
                r = _Row()
                _read_parts(_outside_parens(cell), r)
                stood_in = next((p for p in [_read_part(t, paren, first=False) for t, paren, _ in _outside_parens(cell)]
                                 if p.kind == "substitute"), None)
                titles = [] if stood_in else [t.strip() for t in re.split(r"\s*,\s*", re.sub(r"\(.*?\)", "", cell))
                                              if t.strip()]
                if stood_in:  # "Funksjon | Vara for Kari Dahl"
                    shared.substitute_for = stood_in.text
                shared.titles += [t.lower() for t in titles]
                shared.notes += r.notes
                for t in titles:  # "Rådmann i Evje og Hornnes kommune": the body the title names
                    role_body = _role_and_body(t)[1]
                    if role_body:
                        shared.add_body(role_body, 1)
            elif kind == "party":
                shared.party = cell
            elif kind == "present" and _answer(cell) is not None:  # "Møtt | Nei"
                shared.absent |= not _answer(cell)
                self.marked_present |= bool(_answer(cell))
            elif kind == "substitute_for":
                title_, name = split_role(cell.strip("* "))
                shared.substitute_for = name
            else:  # a note: "møteleiar", "frå HR-sak 18/13", "Møtte for ordførar X", "Forfall – ingen vara"
                r = _Row()
                _read_parts(_outside_parens(cell), r)
                p = r.people[0] if r.people else None
                parts = [_read_part(t, paren, first=False) for t, paren, _ in _outside_parens(cell)]
                for part in parts:
                    if part.kind == "note":
                        shared.notes.append(part.text)
                    elif part.kind == "absent":
                        shared.absent = True
                    elif part.kind == "substitute":
                        shared.substitute_for = part.text or (p.name if p else "")
                    elif part.kind == "role":
                        shared.titles.append(part.title)
        if not row_people:
            if shared.absent and shared.body:
                self._absent_body(shared.body, n)
            return
        read_before = len(self.lines)
        for p in row_people:
            p.titles = p.titles + [t for t in shared.titles if t not in p.titles]
            if shared.body:
                p.add_body(shared.body, 3)
            p.notes += shared.notes
            p.party = p.party or shared.party
            p.substitute_for = p.substitute_for or shared.substitute_for
            p.absent |= shared.absent or strike
            self._line(p, n)
        if presence and not any(c.strip() for c in presence):
            self.unticked += self.lines[read_before:]

    def finish(self) -> None:
        """A row left blank in a presence column where other rows are ticked ("x") is someone who did not come;
        a substitute written without a body came for the body of the member stood in for."""
        bodies = {a.name: a.body for a in self.lines if a.name and a.body}
        for a in self.lines:
            if a.role == "substitute" and a.body is None and a.substitute_for in bodies:
                a.body = bodies[a.substitute_for]
        if self.marked_present:
            for line in self.unticked:
                if line.role in ("member", "substitute", "chair"):
                    line.role = "absent"

    # -- results -------------------------------------------------------------------
    def emit(self, parts: list[tuple[str, bool, bool]], n: int, *, strike: bool = False, body: str | None = None,
             note: str | None = None, title: str | None = None, role: str | None = None) -> None:
        named = {self.initials[t].name: self.initials[t] for t, _, _ in parts if t in self.initials}
        parts = [(self.initials[t].name, paren, True) if t in self.initials else (t, paren, first)
                 for t, paren, first in parts]
        row = _Row()
        _read_parts(parts, row, title)
        read_before = len(self.lines)
        for p in row.people:
            if p.name in named:  # "Forfall: KH": the body and title come from the line naming Knut Hagen (KH)
                p.add_body(named[p.name].body, 1) if named[p.name].body else None
                p.titles += [named[p.name].title] if named[p.name].title else []
            if body:
                p.add_body(body, 3)
            if note:
                p.notes.append(note)
            p.absent |= strike
            self._line(p, n, role)
        if not row.people and not role and (self.role == "absent" or row.absent):
            for b in ([body] if body else []) + row.bodies:
                self._absent_body(b, n)
        if len(self.lines) == read_before and parts:
            self.unplaced.append((n, ", ".join(t for t, _, _ in parts)))

    def _line(self, p: _Person, n: int, line_role: str | None = None) -> None:
        role = line_role or self.group_role or self.role
        if p.absent:
            role = "absent"
        elif p.substitute_for is not None and role == "member":
            role = "substitute"
        elif role == "member" and any(attendance_role(t, heading=True) == "substitute" for t in p.titles):
            role = "substitute"  # "Vara | Kåre Fosse | Larvik": a title saying the person came as a substitute
        elif role == "member" and any(is_chair(t) for t in p.titles) and not p.leads_other:
            role = "chair"  # "Kari Dahl (leiar), Hjartdal": the member who led the meeting
        elif role == "member" and any(is_only(t, "observer") for t in p.titles):
            role = "observer"  # "Eva Li | Troms fylkeskommune | observatør": listed, come to observe
        body = p.body or self.label_body or self.group_body or p.weak_body
        notes = p.notes or ([self.group_note] if self.group_note else [])
        self.lines.append(AttendanceLine(
            name=p.name, body=body, role=role, line=n, section=self.section,
            title=", ".join(dict.fromkeys(t for t in p.titles if t)) or None,
            note=", ".join(notes) or None, substitute_for=p.substitute_for or None, party=p.party))
        if role not in ("referent", "absent") and any(is_only(t, "referent") for t in p.titles):
            # "Sekretariat: Kari Dahl, dagleg leiar (referent)": she also wrote the minutes
            self.lines.append(AttendanceLine(name=p.name, body=None, role="referent", line=n, section=self.section))

    def _absent_body(self, body: str, n: int) -> None:
        if classify(body):
            self.lines.append(AttendanceLine(name=None, body=body, role="absent", line=n, section=self.section))


def one_chair_line(lines: list[AttendanceLine]) -> list[AttendanceLine]:
    """The chair named apart ("Møteleder: Kari Dahl") and in the list of members is one person:
    the member's line (with the body it gives) becomes the chair's, the chair's own line goes."""
    def key(name: str) -> str:
        person = normalise_person(name, by_position=True)
        return (person.full if person else name).casefold()

    out = list(lines)
    # a chair named without a body goes first, so that the line giving her body is the one kept
    for chair in sorted((a for a in lines if a.role == "chair" and a.name), key=lambda a: a.body is not None):
        same = [a for a in out if a is not chair and a.name and key(a.name) == key(chair.name)]
        if not same or chair not in out:
            continue
        for a in same:
            if a.role in ("member", "substitute"):
                a.role = "chair"
            a.title = a.title or chair.title
        out.remove(chair)
    return out


_DAY = re.compile(r"^(?:dag|day)\s*\d+$", re.IGNORECASE)


def every_day(lines: list[AttendanceLine]) -> list[AttendanceLine]:
    """A person listed under each day of a meeting over several ("Dag 1", "Dag 2") attended all of it: one line,
    no note; one listed under some days only keeps the note of each."""
    days = {a.note.casefold() for a in lines if a.note and _DAY.match(a.note)}
    if len(days) < 2:
        return lines
    seen: dict[str, set[str]] = {}
    for a in lines:
        if a.name and a.note and _DAY.match(a.note):
            seen.setdefault(a.name, set()).add(a.note.casefold())
    whole = {name for name, got in seen.items() if got == days}
    out, kept = [], set()
    for a in lines:
        if a.name in whole:
            if a.name in kept:
                continue
            kept.add(a.name)
            a.note = None
        out.append(a)
    return out


def _paragraphs_joined(blocks: list[Block]) -> list[Block]:
    """Paragraphs on lines next to each other as one paragraph (plain text and PDF give one a line),
    so that a name or body broken at the end of a line is read whole."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (prev is not None and b.kind == prev.kind == "paragraph" and not (b.strike or prev.strike)
                and b.span.start == prev.span.end + 1 and _one_line_each(prev) and _one_line_each(b)):
            out[-1] = Block("paragraph", f"{prev.text}\n{b.text}", Span(prev.span.start, b.span.end))
        else:
            out.append(b)
    return out


def _one_line_each(b: Block) -> bool:
    return b.text.count("\n") == b.span.end - b.span.start


_INITIALS = re.compile(r"[A-ZÆØÅ]{2,4}")


def initials(name: str) -> str | None:
    """'Ingrid Solheim' → 'IS', 'Anne-Lise Kjos' → 'ALK': the capitals a name is shortened to."""
    person = normalise_person(name, by_position=True)
    words = re.split(r"[\s-]+", person.full) if person else []
    return "".join(w[0] for w in words if w[:1].isupper()) or None


def by_initials(lines: list[AttendanceLine], unplaced: list[tuple[int, str]]) -> dict[str, AttendanceLine]:
    """Initials → the line naming that person in full, for lists left unread because they give people by their
    initials only ("Til stede: IS, TB, MA" under a member list "Ingrid Solheim (IS), ordfører Kongsvinger").
    Only initials one name alone has."""
    wanted = {t for _, text in unplaced for t in re.split(r"[,;\s]+", text) if _INITIALS.fullmatch(t)}
    found: dict[str, list[AttendanceLine]] = {}
    for a in lines:
        if a.name and initials(a.name) in wanted:
            found.setdefault(initials(a.name), []).append(a)
    return {k: v[0] for k, v in found.items() if len({x.name for x in v}) == 1}


def without_roster(lines: list[AttendanceLine], known: dict[str, AttendanceLine]) -> list[AttendanceLine]:
    """The lines a list by initials gives win over the member list that spelt the initials out: a member in the
    list who is given as absent by initials ("Forfall: KH") was absent."""
    roster = {(a.name, a.line) for a in known.values()}
    later = {a.name for a in lines if a.name and (a.name, a.line) not in roster}
    return [a for a in lines if not ((a.name, a.line) in roster and a.name in later)]


# a footnote under a list of names: "* Olav Hovet var med under orienteringane, …" for the name marked "Olav Hovet*"
_FOOTNOTE = re.compile(r"^\s*(?P<mark>\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹†‡])\s+(?P<text>\S.*)$")


def footnoted(lines: list[AttendanceLine], source: list[str]) -> None:
    """A name marked on its line ("Olav Hovet*") has as its note the first footnote below with that mark
    ("* Olav Hovet var med under orienteringane, men tok ikkje del i handsaminga av vedtakssakene."): the
    footnote's first sentence, stated on the footnote's own line (``note_line``)."""
    from kg.lang.text import sentences

    listed = {line.line for line in lines}
    notes = [(n, m) for n, raw in enumerate(source, 1) if n not in listed and (m := _FOOTNOTE.match(raw))]
    if not notes:
        return  # most minutes have none: no pattern to build for each name
    for line in lines:
        words = "|".join(re.escape(w) for w in (line.name or "").split())
        marked = re.search(rf"(?:{words})(?P<mark>\*{{1,3}}|[¹²³⁴⁵⁶⁷⁸⁹†‡])(?![*\w])", source[line.line - 1]) \
            if words else None
        n, m = next(((n, m) for n, m in notes if marked and n > line.line and m["mark"] == marked["mark"]),
                    (None, None))
        if m is None:
            continue
        text = m["text"].strip()
        first = next(iter(sentences(text)), (0, len(text)))
        note = text[first[0]:first[1]].strip()
        line.note, line.note_line = (f"{line.note}; {note}" if line.note else note), n


def read_attendance(section: Section, role: str, blocks: list[Block],
                    unplaced: list[tuple[int, str]] | None = None, last_line: int | None = None,
                    known_initials: dict[str, AttendanceLine] | None = None) -> list[AttendanceLine]:
    """Every person (and every body listed as absent without a person) of one attendance section;
    the lines that gave neither go to ``unplaced`` (line, text) for the ingest report.

    ``last_line``: where the next section begins inside a paragraph this one shares ("Present: …⏎Apologies: …"
    is one paragraph and two sections), so that each line is read once, in its own section.
    ``known_initials``: the people a list may name by initials only (:func:`by_initials`).
    """
    reader = _Reader(section, role, last_line, known_initials)
    for b in _paragraphs_joined(blocks):
        reader.block(b)
    reader.finish()
    if unplaced is not None:
        unplaced.extend(reader.unplaced)
    return reader.lines
