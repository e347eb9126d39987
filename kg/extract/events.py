"""Events announced in minutes: '25. mai – Webinar: ... (Ble senere avlyst)', '24-25. august – X Kongsvinger (TBA)'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.lang.dates import MONTHS, DateMention, find_dates, find_month, find_season
from kg.lang.text import slug, squash
from kg.model import Iri, Literal, Node
from kg.parse.lines import contains_any, headings
from kg.lang.bodies import classify
from kg.vocab import KG, SCHEMA, XSD

STATUS = {
    "cancelled": SCHEMA.EventCancelled,
    "postponed": SCHEMA.EventPostponed,
    "tba": KG.EventToBeAnnounced,
    "tbc": KG.EventToBeConfirmed,
    "scheduled": SCHEMA.EventScheduled,
}
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
# a list marker ("- ", "3. "), but not the day of a date ("4. desember")
_NUMBER = re.compile(rf"^\s*(?:[-*•]\s*)?(?:\d{{1,2}}[.)]\s+(?!(?:{'|'.join(MONTHS)})\b))?", re.IGNORECASE)


def _status(text: str) -> str:
    words = headings()["status"]
    for name in ("cancelled", "postponed", "tbc", "tba"):
        if contains_any(text, words[name]):
            return STATUS[name]
    return SCHEMA.EventScheduled


def _is_status(cell: str) -> bool:
    """A status column's cell: 'Avlyst', 'Planlagt', 'Dato ikke fastsatt'."""
    c = cell.strip(" ().*").lower()
    return any(c == w for ws in headings()["status"].values() for w in ws)


_CELLS = re.compile(r"\s*\|\s*|\t+")


def _coming(d: DateMention, ref: date | None) -> DateMention:
    """A coming event written without a year that falls before the meeting is next year's."""
    if d.year_given or ref is None or d.start >= ref:
        return d
    return DateMention(d.start.replace(year=d.start.year + 1), d.end.replace(year=d.end.year + 1) if d.end else None,
                       d.span, False, d.weekday_ok)


def _read_row(cells: list[str], ref: date | None) -> EventText | None:
    """'| 30.11.2016 | Felles formannskapsmøte | Lyngdal | Avlyst |': date, title, place and status by column."""
    status = next((_status(c) for c in cells if _is_status(c)), SCHEMA.EventScheduled)
    rest = [c for c in cells if not _is_status(c)]
    dated = next(((i, d[0]) for i, c in enumerate(rest) for d in [find_dates(c, ref)] if d), None)
    if dated is None:
        return None
    i, d = dated
    d = _coming(d, ref)
    others = [c for k, c in enumerate(rest) if k != i]
    if not others:
        return None
    title = others[0]
    place = others[1] if len(others) > 1 and len(others[1].split()) <= 4 and others[1][:1].isupper() else None
    return EventText(title[:1].upper() + title[1:], d.start, d.end, place, status, None)


_STATUS_CLAUSE = re.compile(
    r"\s*(?:[–\-]\s*|\b(?:er|ble|blei|vart|blir|is|was)\s+(?:senere\s+|seinare\s+)?)"
    r"(?:avlyst|avlyses|utsatt|utsett|cancelled|canceled|postponed)\b"
    # and what the sentence goes on to say of it: "… er avlyst og flyttes til januar", "… utsatt til hausten; …"
    r"(?:\s*(?:[,;]|\b(?:og|and|til|until|to)\b)[^.]*)?\.?\s*$", re.IGNORECASE)
_TIME = re.compile(r"^\s*(?:kl\.?\s*)\d{1,2}(?:[.:]\d{2})?(?:\s*[–\-]\s*\d{1,2}(?:[.:]\d{2})?)?\s*[:,–\-]?\s*", re.IGNORECASE)
# what may follow an event's date at the end of its line: nothing, or its place (", Alta", "i Sandnessjøen")
_PLACE_ONLY = re.compile(r"^\s*(?:(?:,|\b(?:i|på|in|at)\b)\s*(?P<place>[A-ZÆØÅ][\wæøå\-]*(?:\s+[\wæøåÆØÅ\-]+){0,3}))?\s*\.?\s*$")
_DATE_PREPOSITION = re.compile(r"\s+(?:i|in|den|på|fra|frå|uke|veke|week)\s*$", re.IGNORECASE)


# a note in brackets is no part of an event's name, but an abbreviation of the name is ("Romsdal Regionråd (ROR)")
_NOTE = re.compile(r"\([^)]*\)")
_ABBREVIATION = re.compile(r"\([A-ZÆØÅ]{2,8}\)")


@dataclass
class EventText:
    title: str
    start: date
    end: date | None
    place: str | None
    status: str
    url: str | None


def read_event(text: str, ref: date | None) -> EventText | None:
    """'25. mai – Webinar: X (avlyst)', '- 15. mars: Konferansen, Leirvik', 'Studietur til Esbjerg i mai vart avlyst'."""
    cells = [c.strip() for c in _CELLS.split(text.strip().strip("|")) if c.strip()]
    if len(cells) >= 2:  # a table row, or a line split by tabs
        return _read_row(cells, ref)
    listed = _NUMBER.match(text).group().strip() != ""  # "- ..." or "4. ...": one event a line
    raw = _NUMBER.sub("", text, count=1)
    url = None
    link = _LINK.search(raw)
    if link:
        url = link.group(2) if link.group(2) not in ("#", "") else None
        raw = raw[: link.start()] + link.group(1) + raw[link.end():]
    raw = squash(raw.replace("**", ""))
    status = _status(raw)
    told = raw  # "Lofotkonferansen er utsatt til høsten": the status clause may say when
    raw = _STATUS_CLAUSE.sub("", raw)
    raw = squash(_NOTE.sub(lambda m: "" if not _ABBREVIATION.fullmatch(m.group()) or _is_status(m.group()) else m.group(),
                           raw))
    dates = find_dates(raw, ref)
    if dates and dates[0].span[0] <= 3:
        d = dates[0]
        rest = _TIME.sub("", raw[d.span[1]:].lstrip(" \t–-:,"))
    else:  # "Studietur til Esbjerg i mai vart avlyst": only in a list, where a line is one event;
        # "Regionting 11. juni 2009, Honningsvåg": a line naming a meeting that ends with its date and place too
        ends = _PLACE_ONLY.match(raw[dates[0].span[1]:]) if dates and not listed else None
        if ends and _EVENT_NOUN.search(raw[:dates[0].span[0]]):  # not a signature ("Bodø, 20.02.2020")
            d = _coming(dates[0], ref)
            return EventText(raw[:d.span[0]].strip(" –-:,"), d.start, d.end, ends["place"], status, url)
        d = (dates[0] if dates else find_month(raw, ref) or _season_of(raw, told, ref)) if listed else None
        if d is None:
            return None
        rest = _DATE_PREPOSITION.sub("", raw[: d.span[0]]) + " " + raw[d.span[1]:]
    d = _coming(d, ref)
    rest = squash(rest).strip(" –-:,").removesuffix(".")
    title, place = _title_and_place(rest)
    if not re.search(r"[A-Za-zÆØÅæøå]{2}", title):
        return None
    return EventText(title[:1].upper() + title[1:], d.start, d.end, place, status, url)


def _season_of(raw: str, told: str, ref: date | None) -> DateMention | None:
    """The season an event is put in ("Hardingting hausten 2013"), or moved to by its status clause ("utsatt til
    høsten", then at the end of the words left): the months of that season."""
    season = find_season(raw, ref)
    if season is None and (season := find_season(told, ref)) is not None:
        season = DateMention(season.start, season.end, (len(raw), len(raw)), season.year_given, None)
    return season


def _title_and_place(rest: str) -> tuple[str, str | None]:
    """'Konferansen, Leirvik' / 'Felles faggruppemøte Kongsvinger' / 'studietur til København for ...'."""
    if "," in rest:
        head, _, tail = rest.rpartition(",")
        if tail.strip() and len(tail.split()) <= 4 and tail.strip()[:1].isupper():
            return head.strip(), tail.strip()
    words = rest.split()
    if len(words) >= 2:
        c = classify(words[-1], fuzzy=False, rules=False)
        if c and c.kind in ("municipality", "place") and words[-2].lower() not in ("til", "i", "på", "fra"):
            return " ".join(words[:-1]), words[-1]
    pm = re.search(r"\b(?:til|i|på)\s+(?P<p>[A-ZÆØÅ][\wæøå\-]+)", rest)
    c = classify(pm["p"], fuzzy=False, rules=False) if pm else None
    return rest, (pm["p"] if c and c.kind in ("municipality", "place") else None)


def events(g: DocGraph) -> None:
    """One event node per dated line of an events section; the year comes from the meeting. The line that
    announces the next meeting is next_meeting's, not read twice."""
    m = g.minutes
    ref = m.meeting_date or m.document_date
    nexts = {n.props.get("start") for n in g.nodes if n.kind == "event"}  # next_meeting has run
    for line in m.events:
        e = read_event(line.text, ref)
        if e is not None and not (NEXT_MEETING.search(line.text) and e.start in nexts):
            event_node(g, e, g.evidence(line.section, line.line, quote=line.text.strip()))


# "(avlyst)", "(utsatt)" anywhere in a sentence
_STATUS_PAREN = re.compile(r"\((?:[^)]*\s)?(?:avlyst|avlyses|utsatt|utsett|cancelled|postponed)\)", re.IGNORECASE)


def status_elsewhere(g: DocGraph) -> None:
    """A dated meeting or event said to be cancelled or postponed outside the events list
    ("Felles formannskapsmøte 30. november er avlyst.") is an event with that status."""
    from kg.lang.sentences import section_sentences

    m = g.minutes
    ref = m.meeting_date or m.document_date
    listed = {(e.section.n, e.line) for e in m.events}
    for sec in m.sections:
        if sec.kind in ("header", "attendance", "events"):
            continue
        for s in section_sentences(sec, m.source.lines):
            if (sec.n, s.first) in listed or not (_STATUS_CLAUSE.search(s.text) or _STATUS_PAREN.search(s.text)):
                continue
            e = read_event("- " + _without_label(s.text), ref)  # one sentence, one event, as a list item is
            known = {slug(n.label) for n in g.nodes if n.kind == "event"}  # the events list may hold it too
            if e is not None and e.status != SCHEMA.EventScheduled and slug(e.title) not in known:
                event_node(g, e, g.evidence(sec, s.first, s.last, s.text))


def _without_label(text: str) -> str:
    """'Eventuelt: Det felles styremøtet … er avlyst' → the sentence after a label that names no event."""
    from kg.lang.sentences import leading_label

    label = leading_label(text)
    if label and not _EVENT_NOUN.search(label) and ":" in text:
        rest = text.split(":", 1)[1]
        if _EVENT_NOUN.search(rest):
            return rest.strip()
    return text


# the words that open an event's name in running text, never part of it ("planane for eit nordisk Slow Food-seminar")
_NAME_STOPS = frozenset("""eit ein ei en et a an the til for om på i med av frå fra og at to of in on at with from and det
den dei de som er var vert blir ble skal vil planane planene plans""".split())
_NAMED_AT = re.compile(r"^[\s,]*(?:(?:i|på|in|at)\s+(?P<place>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+)*)\s*,?\s*)?")


def read_named(text: str, ref: date | None) -> list[EventText]:
    """Events a sentence names with the day or season they are to come, wherever it stands: "… planane for eit
    nordisk Slow Food-seminar i Hardanger 26.–28. september 2013", "… kallar inn til Hardingting hausten 2013".
    Only a day after the meeting's: an event reported (held before) is no announcement."""
    found = []
    moved = _MOVED.search(text)  # "Regionrådsmøtet 6. desember flyttes til 29. november": the day named is no more
    for noun in _event_nouns(text if not moved else ""):
        at = _NAMED_AT.match(text[noun.end():])
        after = text[noun.end() + at.end():]
        day = next((d for d in find_dates(after, ref) if d.span[0] == 0), None) or (
            (season := find_season(after, ref)) and season.span[0] == 0 and season or None)
        if day is None or ref is None or day.start <= ref:
            continue
        words = text[:noun.end()].split()
        name = []
        for w in reversed(words):
            if (w.lower().strip(",.;:«»\"") in _NAME_STOPS or not re.search(r"[\wæøå]", w) or len(name) == 5
                    or w.endswith(":")):  # a label ("Vedtak:") opens no name
                break
            name.insert(0, w.strip(",;:«»\""))
        if name:
            title = " ".join(name)
            found.append(EventText(title[:1].upper() + title[1:], day.start, day.end, at["place"], _status(text), None))
    for meets in _MEETS.finditer(text):  # "Ordførarane møter Nordlandsbenken på Stortinget i veke 11"
        at = _NAMED_AT.match(text[meets.end():])
        after = text[meets.end() + at.end():]
        day = next((d for d in find_dates(after, ref) if d.span[0] <= 3), None)
        if day is not None and ref is not None and day.start > ref:
            with_ = "Meeting with" if meets["verb"].lower().startswith(("meet", "will")) else "Møte med"
            found.append(EventText(f"{with_} {meets['who']}", day.start, day.end, at["place"], _status(text), None))
    return found


_MOVED = re.compile(r"\b(?:flyttes|flyttast|flytta|flyttet|vert flytt|blir flytt|moved|rescheduled)\b", re.IGNORECASE)
# someone meets a body on a day to come: a meeting ("Ordførerne møter Nordlandsbenken …", "The mayors meet …")
_MEETS = re.compile(r"\b(?P<verb>møter|skal møte|vil møte|meets|meet|will meet)\s+"
                    r"(?P<who>[A-ZÆØÅ][\wæøå\-]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\wæøå\-]*)*)")


def _a_season(e: EventText) -> bool:
    """An event dated by its season (months long), whose first day another event may share by chance."""
    return e.end is not None and (e.end - e.start).days > 31


def named_events(g: DocGraph) -> None:
    """Events to come that a sentence names with their day or season (``read_named``), unless an event of that
    day or that name is read already."""
    ref = g.minutes.meeting_date or g.minutes.document_date
    for sec, s in _sentences(g):
        for e in read_named(s.text, ref):
            known = {(n.props.get("start"), slug(n.label)) for n in g.nodes if n.kind == "event"}
            if not any((day == e.start and not _a_season(e)) or name == slug(e.title) for day, name in known):
                event_node(g, e, g.evidence(sec, s.first, s.last, s.text))


def _sentences(g: DocGraph):
    """(section, sentence) of every section but the header and the attendance lists, where events are told of."""
    from kg.lang.sentences import section_sentences

    for sec in g.minutes.sections:
        if sec.kind not in ("header", "attendance"):
            for s in section_sentences(sec, g.minutes.source.lines):
                yield sec, s


_CASE_NUMBER = re.compile(r"^\s*(?:[\wæøå]+[-\s])?(?:sak\s*)?\d{1,3}\s*[/-]\s*\d{2,4}\s*", re.IGNORECASE)


def case_title_events(g: DocGraph) -> None:
    """A case whose title names a meeting to come, with its day and year ("Sak 75/10 Møte med Nordlandsbenken
    4. januar 2011 i Bodø"), announces that meeting: an event, unless one of that day and name is read already."""
    m = g.minutes
    ref = m.meeting_date or m.document_date
    for item in m.agenda:
        title = _CASE_NUMBER.sub("", item.title)
        if not any(d.year_given for d in find_dates(title, ref)):  # "referat fra møtet 11.03": no day to come
            continue
        e = read_event(title, ref)
        known = {(n.props.get("start"), slug(n.label)) for n in g.nodes if n.kind == "event"}
        if e is None or ref is None or e.start <= ref or (e.start, slug(e.title)) in known:
            continue
        line = item.section.span.start
        event_node(g, e, g.evidence(item.section, line, line, m.source.lines[line - 1].strip()))


# "Junimøtet vert halde i Eidfjord 13. juni", "Saltentinget 2020 arrangeres 22. oktober på Fauske",
# "Ordførerens tur legges til Beiarn i uke 34", "The seminar will be held on 3 May in Bergen"
HELD = re.compile(r"\s(?:(?:vert|blir|blei|ble|vil\s+bli|skal)\s+(?:halde|halden|haldt|holdt|arrangert|gjennomført|gjennomførd|"
                  r"lagt(?=\s+til\s))|(?:av)?holdes|haldast|arrangeres|arrangerast|gjennomføres|gjennomførast|legges(?=\s+til\s)|"
                  r"(?:will\s+be|is|was)\s+held|(?:will\s+)?takes?\s+place)\s", re.IGNORECASE)
# the subject of HELD is an event: a name whose words hold an event's noun ("Junimøtet", "Regionting 2-2024")
_EVENT_WORDS = (r"(?:møte|møtet|ting|tinget|konferanse|konferansen|seminar|seminaret|samling|samlinga|samlingen|webinar|"
                r"webinaret|messe|messa|festival|festivalen|tur|turen|dagen|dagane|dagene|meeting|conference|workshop|summit)\b")
_EVENT_NOUN = re.compile(rf"\b[\wæøå\-]*{_EVENT_WORDS}", re.IGNORECASE)
# where one of those words ends a word: most lines hold none, and the pattern above is tried from every letter
_EVENT_WORD_END = re.compile(rf"(?=[cdfkmstw]){_EVENT_WORDS}", re.IGNORECASE)  # their first letters looked at first


def _event_nouns(text: str):
    """The words of a line that name an event (_EVENT_NOUN), looked for only where one could stand."""
    return _EVENT_NOUN.finditer(text) if _EVENT_WORD_END.search(text) else iter(())
_HELD_PLACE = re.compile(r"^[\s,]*(?:i|på|til|in|at)\s+(?P<place>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+)*"
                         r"(?:\s+(?:i|på)\s+[A-ZÆØÅ][\wæøå\-]+)?)")


def read_held(text: str, ref: date | None) -> EventText | None:
    """'Rådsmøtet avholdes 29.–30. oktober 2020 på Myre i Øksnes.' → the event, its dates and place."""
    m = HELD.search(text)
    if not m:
        return None
    subject = re.split(r"[.;:!?]\s|,\s(?![\d])", text[: m.start()])[-1].strip(" ,–-*•")
    subject = re.sub(r"^(?:Vedtak|Decision)\s*:\s*", "", subject, flags=re.IGNORECASE)
    if not subject or not subject[0].isupper() or len(subject.split()) > 6 or not _EVENT_NOUN.search(subject):
        return None
    after = text[m.end() - 1:]
    dates = [d for d in find_dates(after, ref) if d.span[0] <= 60]
    if not dates:
        return None
    d = _coming(dates[0], ref)
    place = _HELD_PLACE.match(after) or _HELD_PLACE.match(after[d.span[1]:])
    return EventText(subject[:1].upper() + subject[1:], d.start, d.end, place["place"] if place else None,
                     _status(text), None)


def held_events(g: DocGraph) -> None:
    """Meetings and events a sentence says will be held on a date ("Junimøtet vert halde i Eidfjord 13. juni"),
    wherever they stand (an events section's paragraph may hold several); a date the events list or the next
    meeting already holds is not read twice."""
    ref = g.minutes.meeting_date or g.minutes.document_date
    for sec, s in _sentences(g):
        e = read_held(s.text, ref)
        if e is not None and e.start not in {n.props.get("start") for n in g.nodes if n.kind == "event"}:
            event_node(g, e, g.evidence(sec, s.first, s.last, s.text))


# "Neste møte: …", "Neste AU-møte: …", "Neste rådsmøte: Eidfjord, 13. juni", "Neste møte, X, holdes …"
NEXT_MEETING = re.compile(r"(?:^|(?<=[.!?])\s)[\s\-*•#]*neste\s+[\wæøå\-]*møte\b", re.IGNORECASE)
_PLACE_AFTER = re.compile(r"^[\s,.]*(?:\w+dag\s+)?(?:kl\.?\s*[\d.:]+\s*)?(?:i|på|ved)\s+"
                          r"(?P<place>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+)*)")
_PLACE_BEFORE = re.compile(r"^[\s:,–-]*(?P<place>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+)*)[\s,]*$")


_NEXT_NAMED = re.compile(r"neste\s+[\wæøå\-]*møte\s*,\s*(?P<name>[^,]{3,60}?)\s*,", re.IGNORECASE)


def read_next_meeting(text: str, ref: date | None) -> EventText | None:
    """'Neste møte: 30. november 2023 i Lærdal', 'Neste rådsmøte: Eidfjord, 13. juni 2013' → date and place."""
    dates = find_dates(text, ref)
    if not dates:
        return None
    d = _coming(dates[0], ref)
    after = _PLACE_AFTER.match(text[d.span[1]:])
    before = _PLACE_BEFORE.match(NEXT_MEETING.sub("", text[:d.span[0]]))
    place = after["place"] if after else (before["place"] if before else None)
    return EventText("Neste møte", d.start, d.end, place, SCHEMA.EventScheduled, None)


def next_meeting(g: DocGraph) -> None:
    """The next meeting the minutes announce: an event of the body, linked from this meeting (kg:nextMeeting)."""
    m = g.minutes
    ref = m.meeting_date or m.document_date
    lines = m.source.lines
    for sec in m.sections:
        heading = NEXT_MEETING.match(sec.title or "")  # a "Neste møte" section: its lines say when and where
        for n in range(sec.span.start, sec.span.end + 1):
            line = lines[n - 1]
            said = NEXT_MEETING.search(line)
            if not (said or (heading and n > sec.span.start)):
                continue
            e = read_next_meeting(line[said.start():] if said else line, ref)
            if e is None:
                continue
            last = n
            if e.place is None:  # "Neste møte: 30. november 2023" and "I Florø." on the line below
                last, e.place = _place_below(lines, n, sec.span.end)
            named = _NEXT_NAMED.search(line)  # "Neste møte, Lofotrådsmøte 2-2024, holdes …": the meeting's name
            e.title = named["name"] if named and _EVENT_NOUN.search(named["name"]) else f"Neste møte i {g.body.label}"
            quote = " ".join(lines[k - 1].strip() for k in range(n, last + 1) if lines[k - 1].strip())
            ev = g.evidence(sec, n, last, quote)
            node = event_node(g, e, ev)
            g.fact(node, SCHEMA.organizer, g.body, ev)
            g.fact(g.meeting, KG.nextMeeting, node, ev)
            return


_PLACE_LINE = re.compile(r"^[\s\-*•]*(?:(?i:sted|stad|møtestad|møtested|place)\s*:\s*(?P<label>\S.*?)"
                         r"|(?:[Ii]|[Pp]å)\s+(?P<place>[A-ZÆØÅ][\wæøå\-]+(?:\s+[A-ZÆØÅ][\wæøå\-]+)*))[\s.]*$")


def _place_below(lines: list[str], n: int, end: int) -> tuple[int, str | None]:
    """The place of the next meeting on the next written line: "I Florø.", "Stad: Rådhuset" → (its line, place)."""
    k = next((k for k in range(n + 1, end + 1) if lines[k - 1].strip()), None)
    m = _PLACE_LINE.match(lines[k - 1].strip()) if k else None
    if not m or find_dates(m.group(0), date.min):  # a date line is not the place
        return n, None
    return k, (m["label"] or m["place"]).strip(" .")


def event_node(g: DocGraph, e: EventText, ev) -> Node:
    """The schema:Event of one event read, with its date, status, place and link."""
    node = g.struct("event", e.title, (lambda day, t: lambda: f"event/{day}/{slug(t)}")(e.start.isoformat(), e.title))
    g.fact(node, SCHEMA.name, e.title, ev)
    g.fact(node, SCHEMA.startDate, Literal(e.start.isoformat(), XSD.date), ev)
    node.props.setdefault("start", e.start)
    if e.end:
        g.fact(node, SCHEMA.endDate, Literal(e.end.isoformat(), XSD.date), ev)
    g.fact(node, SCHEMA.eventStatus, Iri(e.status), ev)
    if e.url:
        g.fact(node, SCHEMA.url, e.url, ev)
    if e.place:
        g.fact(node, SCHEMA.location, body_node(g, e.place, default_kind="place"), ev)
    g.fact(ev.section.node, SCHEMA.mentions, node)
    return node
