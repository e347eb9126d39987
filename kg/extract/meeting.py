"""The document, its sections, the meeting, who attended for whom, and the agenda."""

from __future__ import annotations

import re
from datetime import datetime

from kg.extract.bodies import body_node, introduced_abbreviation, known_as
from kg.extract.graph import DocGraph
from kg.extract.role_references import named_by_office
from kg.lang.bodies import classify
from kg.lang.gazetteer import gazetteer
from kg.lang.lexicon import table, word_set
from kg.lang.names import normalise_person, role_prefix, split_role
from kg.lang.text import sentences, slug
from kg.model import Literal, Node
from kg.parse.lines import headings, label_line
from kg.parse.signatures import chair_sentence, referent_sentence, signing_sentences
from kg.vocab import DCTERMS, KG, ORG, RDFS, SCHEMA, XSD


def _date_literal(value) -> Literal:
    if isinstance(value, datetime):
        return Literal(value.strftime("%Y-%m-%dT%H:%M:%S"), XSD.dateTime)
    return Literal(value.isoformat(), XSD.date)


def document(g: DocGraph) -> None:
    """Document and section nodes: the frame every piece of evidence points into."""
    m = g.minutes
    src = m.source
    doc = g.struct("document", m.title or src.name, lambda: f"document/{slug(src.name)}")
    g.document = doc
    g.fact(doc, KG.sourceFile, src.name)
    g.fact(doc, KG.contentHash, src.content_hash)
    if m.title:
        g.fact(doc, DCTERMS.title, m.title)
    if m.document_date:
        g.fact(doc, DCTERMS.date, _date_literal(m.document_date))
    for sec in m.sections:
        node = g.struct("section", sec.title, (lambda d, n: lambda: f"{d.local()}/section/{n}")(doc, sec.n))
        sec.node = node
        g.fact(node, DCTERMS.isPartOf, doc)
        g.fact(node, DCTERMS.title, section_title(sec))
        g.fact(node, KG.sectionKind, sec.kind)
        g.fact(node, KG.lineStart, Literal(sec.span.start, XSD.integer))
        g.fact(node, KG.lineEnd, Literal(sec.span.end, XSD.integer))
        g.fact(node, SCHEMA.text, sec.text)


def section_title(sec) -> str:
    """A section's title with the number of the case it is part of, where the title does not hold it
    ("5/2009 · Sogn og Fjordane", a report in the round of case 5/2009): what a reader finds it by."""
    if sec.case_number and sec.case_number not in sec.title:
        return f"{sec.case_number} · {sec.title}"
    return sec.title


def meeting(g: DocGraph) -> None:
    """The meeting and the body whose meeting it is."""
    m = g.minutes
    header = next((s for s in m.sections if s.kind == "header"), m.sections[0] if m.sections else None)
    body_name = m.body or "Ukjent organ"
    body = body_node(g, body_name, default_kind="organisation")
    g.body = body
    if m.body_parent and header:
        parent = body_node(g, m.body_parent, default_kind="organisation")
        if parent is not body:
            g.fact(body, ORG.subOrganizationOf, parent, g.evidence(header, quote=m.title))
    day = m.meeting_date or m.document_date
    day_key = day.isoformat() if day else slug(m.source.name)
    meeting_node = g.struct("meeting", f"{body.label} {day_key}",
                            lambda: f"meeting/{slug(body.label)}/{day_key}")
    g.meeting = meeting_node
    ev = g.evidence(header) if header else None
    g.fact(meeting_node, SCHEMA.name, f"Møte i {body.label} {day_key}")
    g.fact(meeting_node, SCHEMA.organizer, body, ev)
    g.fact(meeting_node, DCTERMS.source, g.document)
    if m.start or day:
        g.fact(meeting_node, SCHEMA.startDate, _date_literal(m.start or day), ev)
    if m.end:
        g.fact(meeting_node, SCHEMA.endDate, _date_literal(m.end), ev)
    if m.place:
        # "Sted:" names a place, even when it is a body's address ("Bergen Næringsråd, Bryggen")
        g.fact(meeting_node, SCHEMA.location, body_node(g, m.place, default_kind="place", classify_name=False), ev)
    for sec in m.sections:
        g.fact(sec.node, KG.meeting, meeting_node)


def _short_form_beside(g: DocGraph, body: Node, line) -> None:
    """'Marit Tennfjord  Nordland fylkeskommune (Nfk)': the short form an attendance line gives the body
    after its name, by which the minutes name it later ("der Nfk og kommunane dekkjer halvparten kvar")."""
    raw = g.minutes.source.lines[line.line - 1]
    at = raw.find(line.body)
    short = introduced_abbreviation(line.body, raw[at + len(line.body):]) if at >= 0 else None
    if short and short != body.label:
        known_as(g, body, short)


def _note_evidence(g: DocGraph, line) -> object | None:
    """The line an attendance note stands on where it is not the name's own (a footnote), in its own section."""
    if line.note_line is None:
        return None
    sec = next((s for s in g.minutes.sections if s.span.start <= line.note_line <= s.span.end), line.section)
    return g.evidence(sec, line.note_line)


def secretariat_of(g: DocGraph) -> Node:
    """The secretariat that serves the body (of its parent when it has one)."""
    owner = g.minutes.body_parent or g.body.label
    label = f"{owner}s sekretariat" if not owner.lower().endswith("s") else f"{owner} sekretariat"  # not "IKSs"
    node = body_node(g, label, default_kind="organisation", classify_name=False)
    # what minutes and questions call it: "hvem fra sekretariatet møtte", "Fra administrasjonen møtte:"
    node.aliases.update(w for w in table("attendance")["roles"]["secretariat"] if " " not in w)
    parent = body_node(g, owner, default_kind="organisation")
    if parent is not node:
        g.fact(node, ORG.subOrganizationOf, parent)
    return node


def _is_secretariat(name: str | None) -> bool:
    return bool(name) and name.strip().lower().startswith(("sekretariat", "fra sekretariatet", "frå sekretariatet"))


def person_node(g: DocGraph, surface: str, *, by_position: bool = False) -> Node | None:
    """The person named by surface; ``by_position``: it stands where a name stands (an attendance row)."""
    name = normalise_person(surface, by_position=by_position)
    if name is None:
        return None
    node = g.entity("person", name.full, surface=surface, given=name.given, family=name.family)
    return node


def listed_person(g: DocGraph, name: str) -> Node | None:
    """The person of this document a name no lexicon reads as a person's stands for: their full name as
    listed ("Tare Steiro" in the attendance), or a family name alone that one of them bears ("Sørra orienterte")."""
    name = name.strip()
    if " " in name:
        return next((p for p in g.entities("person") if p.label == name), None)
    # asked for every capitalised word of the text: the family names that hold the word are split, not all
    bearer = [p for p in g.entities("person") if name in (family := p.props.get("family", ""))
              and family.split()[-1:] == [name]]
    return bearer[0] if len(bearer) == 1 else None


def membership(g: DocGraph, person: Node, org: Node, role: str, ev) -> None:
    """A person's role in a body (org:Membership with org:role)."""
    mem = g.struct("membership", f"{person.label} – {role}",
                   lambda: f"membership/{person.local_slug()}/{org.local_slug()}")
    role_node = g.entity("role", role.lower())
    g.fact(mem, ORG.member, person, ev)
    g.fact(mem, ORG.organization, org, ev)
    g.fact(mem, ORG.role, role_node, ev)


def attendance_node(g: DocGraph, person: Node) -> Node:
    """The person's attendance at the meeting (one IRI however many lines name them)."""
    return g.struct("attendance", f"{person.label} @ {g.meeting.label}",
                    lambda: f"{g.meeting.local()}/attendance/{person.local_slug()}")


def _chair_by_sentence(g: DocGraph) -> tuple[Node, object] | None:
    """The chair a sentence names ("Møtet ble ledet av …"), with its evidence, when no list names one."""
    said = None if any(a.role == "chair" for a in g.minutes.attendance) else chair_sentence(g.minutes)
    person = person_node(g, said.names[0]) if said else None
    return (person, g.evidence(said.section, said.first, said.last, quote=said.quote)) if person else None


def _attended_for(g: DocGraph, name: str) -> Node:
    """The body a person attended for; a municipality's administrative centre written in its place
    ("Svolvær" beside the mayor of Vågan, data/gazetteer/centres.csv) is that municipality."""
    seat = gazetteer().seat_of(name.strip(" .,:;*")) if classify(name) is None else None
    return body_node(g, seat.name if seat else name, default_kind="organisation")


def attendance(g: DocGraph) -> None:
    """One attendance node per person listed, with the body they attended for; the member a sentence
    says led the meeting has the role chair, stated by that sentence."""
    m = g.minutes
    chair = _chair_by_sentence(g)
    listed = False  # whether the chair a sentence names is in the list
    for line in m.attendance:
        ev = g.evidence(line.section, line.line)
        if line.name is None:  # a body listed as absent without a person ("Forfall: Aurland kommune")
            body = body_node(g, line.body, default_kind="organisation")
            g.fact(g.meeting, KG.absentBody, body, ev)
            g.fact(line.section.node, SCHEMA.mentions, body, ev)
            continue
        person = person_node(g, line.name, by_position=True)
        if person is None:
            g.unclassified.append((line.line, line.name))
            continue
        if line.role == "secretariat" or _is_secretariat(line.body):
            body = secretariat_of(g)
        elif line.body:
            body = _attended_for(g, line.body)
            _short_form_beside(g, body, line)
        else:
            body = None
        att = attendance_node(g, person)
        g.fact(att, KG.person, person, ev)
        g.fact(att, KG.meeting, g.meeting, ev)
        if chair and chair[0] is person and line.role in ("member", "substitute"):
            g.fact(att, KG.attendanceRole, "chair", chair[1])
            listed = True
        else:
            g.fact(att, KG.attendanceRole, line.role, ev)
        if line.note:
            g.fact(att, KG.attendanceNote, line.note, _note_evidence(g, line) or ev)
        if line.party:
            g.fact(att, KG.party, line.party, ev)
        if line.substitute_for:
            member = person_node(g, line.substitute_for)
            if member is not None:
                g.fact(att, KG.substituteFor, member, ev)
        if body is not None:
            g.fact(att, KG.onBehalfOf, body, ev)
            g.fact(line.section.node, SCHEMA.mentions, body)
        if line.role != "absent":
            g.fact(g.meeting, SCHEMA.attendee, person, ev)
        if line.title and body is not None:
            membership(g, person, body, line.title, ev)
        g.fact(line.section.node, SCHEMA.mentions, person)
    if chair and not listed:  # led the meeting, named in no list
        person, ev = chair
        att = attendance_node(g, person)
        g.fact(att, KG.person, person, ev)
        g.fact(att, KG.meeting, g.meeting, ev)
        g.fact(att, KG.attendanceRole, "chair", ev)
        g.fact(g.meeting, SCHEMA.attendee, person, ev)
    _referent_by_sentence(g)


def _referent_by_sentence(g: DocGraph) -> None:
    """Who wrote the minutes when a sentence says it ("Referatet er skrive av …") and no list names a referent."""
    said = None if any(a.role == "referent" for a in g.minutes.attendance) else referent_sentence(g.minutes)
    person = person_node(g, said.names[0]) if said else None
    if person is None:
        return
    ev = g.evidence(said.section, said.first, said.last, quote=said.quote)
    att = attendance_node(g, person)
    g.fact(att, KG.person, person, ev)
    g.fact(att, KG.meeting, g.meeting, ev)
    g.fact(att, KG.attendanceRole, "referent", ev)


def signers(g: DocGraph) -> None:
    """Who signed the minutes (kg:signedBy), with the chair when the signers sign "sammen med møteleder"."""
    chair = next((a.name for a in g.minutes.attendance if a.role == "chair" and a.name), None)
    said = chair_sentence(g.minutes) if chair is None else None
    chair = chair or (said.names[0] if said else None)
    for s in signing_sentences(g.minutes):
        ev = g.evidence(s.section, s.first, s.last, quote=s.quote)
        for name in s.names + ((chair,) if s.with_chair and chair else ()):
            person = person_node(g, name, by_position=name == chair)
            if person is not None:
                g.fact(g.meeting, KG.signedBy, person, ev)


PRESENTED_BY = re.compile(r"^\s*(?:ved\b|v/|presentert av\b|innledning ved\b|innleiing ved\b|innled(?:er|ere)\b:?|"
                          r"saksordfører:|saksordførar:|saksbehandler:|saksbehandlar:|innleiar(?:ar)?:|presentasjon ved\b|"
                          r"orientering ved\b)\s*(?P<who>.+)$", re.IGNORECASE)
_PRESENTED = re.compile(
    r"^\s*(?P<who>[A-ZÆØÅ][\w\s\-æøåÆØÅ(),&]+?)\s+(?:(?:fra|frå)\s+(?P<from>[\wæøåÆØÅ\s]+?)\s+)?"
    r"(?:orienterte|orienterer|presenterte|presenterer|presenter|innledet|innleder|innleidde|innleia|informerte|"
    r"informerer|gjennomgikk|la fram|la frem)\b")
_FROM_BODY = re.compile(r"^(?P<name>.+?)\s+(?:fra|frå|from)\s+(?P<body>[A-ZÆØÅ].*)$")
# a line that ends where its unit goes on on the next ("…, direktør hos" / "Fylkesmannen i Nordland; …")
_GOES_ON = re.compile(r"(?:[,;\-–]|\b(?:hos|i|ved|for|av|fra|frå|og|på|til))$", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,|\bog\b|\band\b|&)\s*")
_ABBREVIATION = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<short>[^()]+)\)$")
_AT = re.compile(r"^(?:i|hos|ved|på|for|in|at)\s+(?=[A-ZÆØÅ])")
LINES_GONE_ON = 3  # the most lines one statement of presenters is read over


def _statement(g: DocGraph, sec, n: int) -> tuple[str, int]:
    """Line n, with the lines its presenters go on over (a PDF's wrapped 'Innledere: A, direktør hos / B …'),
    and the last line read."""
    line = g.minutes.source.lines[n - 1].strip().replace("**", "")
    last = n
    while last < min(sec.span.end, n + LINES_GONE_ON):
        after = g.minutes.source.lines[last].strip().replace("**", "")
        if not after or not (_GOES_ON.search(line) or after[0].islower()):
            break
        line, last = f"{line} {after}", last + 1
    return line, last


def _units(g: DocGraph, who: str, subject: bool) -> list[list[str]] | None:
    """The presenters a statement names, each its name and the units after it: 'A, TITLE; B, TITLE' by ';',
    'A (X) og B (Y)' / 'A, B og C' when every part is a person's name; None when it names several that are
    not all people as the subject of the verb ('Fylket og KS orienterte')."""
    if ";" in who:
        return [[p.strip() for p in unit.split(",") if p.strip()] for unit in who.split(";") if unit.strip()]
    pieces = [p for p in _JOINED.split(who) if p.strip()]
    if len(pieces) > 1:
        named = [_ABBREVIATION.match(p.strip()) for p in pieces]
        names = [(m["name"] if m else p.strip()) for m, p in zip(named, pieces)]
        if all(normalise_person(n) or listed_person(g, n) for n in names):
            return [[n, *([m["short"]] if m else [])] for n, m in zip(names, named)]
        if subject and "," not in who:  # 'Fylket og KS orienterte': no one body's name
            return None
    return [[p.strip() for p in who.split(",") if p.strip()]]


def person_named(g: DocGraph, name: str) -> Node | None:
    """The person a name in running text is: read as a person's name, else one the document lists."""
    return person_node(g, name) or listed_person(g, name)


def presenter(g: DocGraph, item: Node, entry) -> list[Node]:
    """Who presented an agenda item: 'ved NAME, TITLE UNIT, PART, INSTITUTION', 'NAME orienterte', 'NAME fra BODY',
    'Innledere: A, TITLE; B, TITLE' and 'A og B innleidde'; stated on the line (or wrapped lines) that names them.
    The first such statement of the section: a later 'X orienterte om …' is said in the debate."""
    sec = entry.section
    for n in range(sec.span.start, sec.span.end + 1):
        line = _unlabelled(g.minutes.source.lines[n - 1].strip().replace("**", ""))
        m = (PRESENTED_BY.match(line) or _PRESENTED.match(line)) if line else None
        if not m:
            continue
        line, last = _statement(g, sec, n)
        line = _unlabelled(line)
        m = PRESENTED_BY.match(line) or _PRESENTED.match(line)
        said = next((line[a:b] for a, b in sentences(line) if a <= m.start("who") < b), line)
        ev = g.evidence(sec, n, last, quote=said.strip())  # the sentence that names the presenters
        who = re.split(r"\.\s|\s+om\s+", m["who"].strip())[0].strip(" .")  # not what they spoke about ("… om X")
        # "Kommunedirektørane i Stord og Bømlo orienterte": one statement of the office-holders the list names
        units = [[who]] if named_by_office(g, who) else _units(g, who, m.re is _PRESENTED)
        if units is None or (m.re is _PRESENTED and re.search(r"[(),&]", who)  # a clause before the verb, no name
                             and not all(person_named(g, split_role(u[0])[1]) for u in units)):
            continue
        came_from = m.groupdict().get("from")
        came = [came_from] if came_from and not _is_secretariat(came_from) else []
        return [_presented_by(g, item, parts + came, came_from, ev) for parts in units]
    return []


def _unlabelled(line: str) -> str:
    """'Saksframlegg: Kari Dahl orienterte om …' → 'Kari Dahl orienterte om …': a label of the case's own text
    (headings.toml [sections] not_actor) stands before the sentence that names the presenter."""
    lab = label_line(line)
    return lab[1] if lab and lab[0] in headings()["sections"]["not_actor"] else line


def _presented_by(g: DocGraph, item: Node, parts: list[str], came_from: str | None, ev) -> Node:
    """One presenter of an item, with the title and units stated after their name."""
    title, name = split_role(parts[0])
    if title:  # "Ordfører Ola Hansen orienterte": the title goes with the first unit
        parts = [name, title + (" " + parts[1] if len(parts) > 1 else "")] + parts[2:]
    came = _FROM_BODY.match(name)
    if came and normalise_person(came["name"]) and not normalise_person(name):  # "Kari Dahl fra Telemarksforsking"
        name = came["name"]
        parts = [name, *parts[1:], came["body"]]
    held = named_by_office(g, name)  # "Ordføraren i Bømlo orienterte": the mayor the list names
    for other in held[1:]:  # "Kommunedirektørane i Stord og Bømlo orienterte": each of them
        g.fact(item, KG.presenter, other, ev)
    if _is_secretariat(name):
        node = secretariat_of(g)
    elif held:
        node = held[0]
    else:
        node = person_named(g, name) or body_node(g, name, default_kind="organisation")
    g.fact(item, KG.presenter, node, ev)
    if node.kind == "person":
        _affiliation(g, node, parts[1:], ev)
        if _is_secretariat(came_from):  # "NAME fra sekretariatet orienterte"
            g.fact(node, ORG.memberOf, secretariat_of(g), ev)
    return node


def _affiliation(g: DocGraph, person: Node, parts: list[str], ev) -> None:
    """'Instituttleder Institutt for X', 'Campus Y', 'Universitetet Z' → role and a chain of units."""
    if not parts:
        return
    role, rest = role_prefix(parts[0])  # "kommunal- og beredskapsdirektør hos X": a title by lexicon or form
    if role:  # "avdelingsleiar hos Statsforvaltaren": the unit after the role's preposition
        parts = [_AT.sub("", p) for p in ([rest] if rest else []) + parts[1:]]
    chain = [body_node(g, p, default_kind="organisation") for p in parts if p]
    for child, parent in zip(chain, chain[1:]):
        g.fact(child, ORG.subOrganizationOf, parent, ev)
    if chain:
        if role:
            membership(g, person, chain[0], role, ev)
        else:
            g.fact(person, ORG.memberOf, chain[0], ev)


_TWO_CASES = re.compile(r"^(?P<a>\d+)\s*(?:og|&)\s*(?P<b>\d+)(?P<sep>[/-])(?P<year>\d+)$")


def _each_case(case: str) -> list[str]:
    """'1 og 2/24' → ['1/24', '2/24']; a single case → []."""
    m = _TWO_CASES.match(case)
    return [f"{m[k]}{m['sep']}{m['year']}" for k in ("a", "b")] if m else []


def agenda(g: DocGraph) -> None:
    """Agenda items with position, title and presenter."""
    used: set[str] = set()
    for entry in g.minutes.agenda:
        if entry.number is None:
            continue
        sec = entry.section
        local = str(entry.number)
        while local in used:  # two items numbered alike (a restarted list) stay two items
            local += "b"
        used.add(local)
        item = g.struct("agenda_item", entry.title, (lambda n: lambda: f"{g.meeting.local()}/item/{n}")(local))
        ev = g.evidence(sec)
        g.fact(item, SCHEMA.position, Literal(entry.number, XSD.integer))
        g.fact(item, DCTERMS.title, entry.title, ev)
        g.fact(item, DCTERMS.isPartOf, g.meeting)
        g.fact(item, RDFS.label, entry.title)
        if sec.case_number:  # "12/19": what people name a case by in questions ("what was decided in 12/19")
            g.fact(item, DCTERMS.identifier, sec.case_number, ev)
            for case in _each_case(sec.case_number):  # "1 og 2/24" is case 1/24 and case 2/24
                g.fact(item, DCTERMS.identifier, case, ev)
        g.fact(sec.node, KG.agendaItem, item)
        presenter(g, item, entry)
