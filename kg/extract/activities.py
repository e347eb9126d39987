"""What actors report doing: projects, clusters, funding, partners, collaborations, roles.

Read sentence by sentence from round-table sections (the actor is the
section's speaker) and from agenda items ("Orientering om prosjekt X").
The patterns are Norwegian phrasing, not the names of any one document:
"prosjektet X", "X-prosjektet", "å utvikle et klimadashboard for Fornebu",
"har en klynge for ...", "fikk 500 000 for å ...", "samarbeider med X",
"X og Y er involvert", "NAME er nå sekretariatsleder".
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.bodies import body_node, introduced_abbreviation, known_as, named_short
from kg.extract.graph import DocGraph
from kg.extract.meeting import PRESENTED_BY, listed_person, membership, person_named
from kg.extract.mentions import NameMatch, find_names
from kg.lang.sentences import Sentence, is_table_row, leading_label, section_sentences, table_cells
from kg.lang.amounts import find_amounts
from kg.extract.funding import APPLIED, APPLY, FEE, GRANTED, GrantStatement, common_funder, grant_node, pot_of, read_grants
from kg.extract.projects import find_initiatives
from kg.lang.lexicon import word_set
from kg.lang.names import is_given_name
from kg.lang.thesaurus import thesaurus
from kg.model import Node, Section
from kg.parse.lines import case_title, clean
from kg.vocab import ACTOR_KINDS, DCTERMS, KG, ORG, SCHEMA

# the rows of a table that add up the others
TOTAL_ROWS = ("sum", "total", "totalt", "samla", "samlet", "ikke fordelt", "ikkje fordelt", "reserve")
# a section about the body's own fund or grants: its allocation table's grants are the body's
FUND_SECTION = re.compile(r"fond|tildel|fordel|tilskot|tilskudd|støtte|midlar|midler|løyving|bevilgning", re.IGNORECASE)
# "Prosjektet ...", "Det ...": a sentence that goes on about the project last named
REFERS_BACK = re.compile(r"^\s*(?:prosjektet|prosjekta|det|dei|de|satsingen|satsinga)\b", re.IGNORECASE)
# the words right before a programme's name that make it the project's funder or the call it applies to
PROGRAMME_LINK = re.compile(r"\b(?:innen|innanfor|innenfor|gjennom|under|fra|frå|av|søkt|søker|søkjer|søknad\s+til|"
                            r"søknad\s+i|forankret\s+i|forankra\s+i|finansiert\s+av|finansieres\s+av|støttet\s+av|støtta\s+av|tildelt|innvilget)\s+"
                            r"(?:(?:programmet|ordningen|ordninga|[\wæøå]+(?:programmet|ordningen))\s+)?$", re.IGNORECASE)
_MAKE = (r"utvikle|utvikler|utvikles|utviklet|etablere|etablerer|etableres|etablert|bygge|bygger|bygges|lage|lager|"
         r"starte|starter|starta|startar|opprette|oppretter|opprettes|oppretta|utrede|utreder|utredes|greier ut|"
         r"planlegge|planlegger|planlegges|planlegg|etablerer|etablerte|etablerar|etablera|byggjer|byggje|"
         r"jobber med|jobbar med|arbeider med|arbeider på|har")
INITIATIVE = re.compile(  # the verbs' first letters looked at first
    rf"\b(?P<verb>(?i:(?=[abeghjlopsu])(?:{_MAKE})))\s+(?:(?:bl\.?\s?a\.?|også|og)\s+)?(?:et|en|ei|eit|ein)\s+(?:(?:ny|nytt|nye|eget|egen|eiga|eige)\s+)?"
    rf"(?P<noun>[a-zæøå][\wæøå\-]{{3,}})(?P<rest>(?:\s+(?:for|om)\s+[^.,;:()]+)?)")
CLUSTER_NOUNS = ("klynge", "klyngen", "cluster", "næringsklynge")
# each of these word lists opens with a look at the first letters of its words: re would otherwise try every
# word at every position (case-insensitively, letter by letter), three times slower on a sentence
FUNDING_WORDS = re.compile(r"\b(?=[ftiblsmg])(?:fikk|fekk|fått|får|tildelt|tildeles|innvilget|innvilga|bevilget|bevilga|løyvd|løyvde|løyver|"
                           r"støtte|støtta|tilskudd|tilskot|finansiert|finansiering|midler|midlar|gitt|gir)\b", re.IGNORECASE)
GRANTED_WORDS = re.compile(r"\b(?:innvilget|innvilga|tildelt|bevilget|bevilga|løyvd|løyvde)\b", re.IGNORECASE)
PARTNER_WORDS = re.compile(r"\b(?=[ipdmfes])(?:involvert|involverte|partner|partnere|partnerne|partnarar|partnarane|deltar|deltek|"
                           r"med på|fått med|med seg|er med|samarbeidspartnere|sammen med|saman med|"
                           r"i samarbeid med|i samarbeid med)\b", re.IGNORECASE)
# words after which the partners follow ("sammen med X", "partnere er X"); the others follow their partners
# ("X og Y er med", "X er partnere")
PARTNERS_FOLLOW = re.compile(r"\b(?:fått med|med seg|sammen med|saman med|i samarbeid med|partnere er|partnerne er|"
                             r"partnarar er|partnarane er)\s", re.IGNORECASE)
WORKS_WITH = re.compile(r"\b(?:samarbeid(?:er|et|ar|e)?|i samarbeid|jobber sammen|jobbar saman|sammen|saman)\s+"
                        r"(?:(?:bl\.?\s?a\.?|blant annet|mellom anna|tett|godt)\s+)?med\s+", re.IGNORECASE)
# "utført av X", "carried out by X": who does the work (a study, an analysis) for those who own and pay for it
CARRIED_OUT = re.compile(r"\b(?:utført|utføres|utførast|gjennomført|gjennomføres|gjennomførast|carried\s+out|conducted|"
                         r"performed)\s+(?:av|by)\s+(?:the\s+)?", re.IGNORECASE)
# what is done, named before "som er utført av": "samfunnsanalysen av sykehusets betydning, som er utført av X"
DONE_WHAT = re.compile(r"\b(?P<what>[a-zæøå][\wæøå\-]{3,}(?:en|et|a|ane|ene)(?:\s+(?:av|om|for|of|on)\s+[^,;:.()]+?)?),?\s+"
                       r"(?:som|which|that)\s+(?:er|vert|blir|ble|vart|was|is|has\s+been|will\s+be)\s+$")
OWNER_IS = re.compile(r"\ber\s+(?:prosjekteier|prosjekteigar|prosjektansvarlig|eier av prosjektet|leder prosjektet)\b",
                      re.IGNORECASE)
PLACE_AFTER = re.compile(r"\s+(?:for|i|på|ved)\s+(?P<place>[A-ZÆØÅ][\wæøå\-]+)(?P<noun>\s+(?!(?:og|som|med|for|i|på|til|av|er|"
                         r"ble|vart|sammen|saman|der|om|fra|frå)\b)[a-zæøå]{4,})?")
ROLE_IS = re.compile(r"\b(?:er|blir|ble|vart|har blitt)\s+(?:nå\s+|no\s+|ny\s+|vår\s+|konstituert\s+)?(?P<role>[a-zæøå][\wæøå\- ]{2,40})")
ROLE_PAREN = re.compile(r"^\s*\((?P<org>[^)]*?)\s+(?P<role>[a-zæøå][\wæøå\-]*)\)")
# a case titled "Flimmer Film – søknad om midlar": the name before the dash applies
APPLICANT_TITLE = re.compile(r"^(?P<who>[^–:]+?)\s+[–-]\s+(?i:søknad|søknaden|søknader|application)\b")
# "Prosjektet X – status", "PROSJEKTET «X» – RESULTATER": the project an agenda item is about
PROJECT_TITLE = re.compile(r"\b(?i:prosjekt(?:et)?)\s+[«\"“]?(?P<name>[A-ZÆØÅ][^–«»\"“”]*?)[»\"”]?\s*(?:\s[–\-]\s.*)?$"
                           # a quoted name ends where its quote does, whatever follows ("Arkivsak: 07/1441"); a
                           # project's report names the project ("Sluttrapport «X» og videre arbeid")
                           r"|\b(?i:prosjekt(?:et)?|(?:slutt|status|del|halvårs)?rapport(?:en)?)\s+[«\"“]"
                           r"(?P<quoted>[A-ZÆØÅ][^«»\"“”]*?)[»\"”]")
# "skjønnsmidlar frå Fylkesmannen": who gives the money a section's allocation table shares out
FROM_TITLE = re.compile(r"\b(?i:fra|frå)\s+(?P<who>[A-ZÆØÅ][\wæøåÆØÅ\- ]*?)(?:\s+\d{4}|[,.;:–]|$)")
def _abstract_nouns() -> frozenset[str]:
    return word_set("abstract_nouns")


_SHORT_WORD = re.compile(r"(?<![\w\-])[A-ZÆØÅ][\wæøåÆØÅ]+(?![\w\-])")


def _short_forms(g: DocGraph, text: str, names: list[NameMatch]) -> list[NameMatch]:
    """The names of a sentence with the bodies it names by a short form the minutes introduced for them
    ("ROR bevilger kr 200 000" after "Romsdal Regionråd (ROR)"), which no lexicon knows."""
    found = [NameMatch(node.kind, node.label, m.group(), m.span()) for m in _SHORT_WORD.finditer(text)
             if not any(nm.span[0] < m.end() and m.start() < nm.span[1] for nm in names)
             and (node := named_short(g, m.group())) is not None]
    return sorted(names + found, key=lambda nm: nm.span)


_FIRST_WORD = re.compile(r"^\W*(?P<word>[A-ZÆØÅ][\wæøåÆØÅ\-]+)\b")


def _listed_people(g: DocGraph, text: str, names: list[NameMatch],
                   unplaced: list[NameMatch]) -> tuple[list[NameMatch], list[NameMatch]]:
    """The names of a sentence with the listed people it names by family name alone ("ordførerne Kvinlaug og
    Sigbjørnsen", "Hafstad fortalte …": the word a sentence opens with the name finder leaves alone), and the
    names nothing placed without them."""
    listed = [u for u in unplaced if listed_person(g, u.surface) is not None]
    first = _FIRST_WORD.match(text)
    if first and not any(nm.span[0] <= first.start("word") < nm.span[1] for nm in names + unplaced) \
            and listed_person(g, first["word"]) is not None:
        listed.append(NameMatch("person", first["word"], first["word"], first.span("word")))
    found = sorted(names + [replace(u, kind="person") for u in listed], key=lambda nm: nm.span)
    return found, [u for u in unplaced if u not in listed]


# a sentence about the application the one before it made: "Søknaden gjeld 4,5 millionar kroner."
THE_APPLICATION = re.compile(r"^\W*(?:søknaden|søknadene|the application)\b", re.IGNORECASE)


class _Reader:
    """Reads one section's sentences; remembers the last project for 'Prosjektet ...'."""

    def __init__(self, g: DocGraph, sec: Section, actor: Node | None):
        self.g = g
        self.sec = sec
        self.actor = actor
        self.project: Node | None = None
        self.seen: list[Node] = []  # projects named in this section
        self.funders: list[Node] = []  # who gives the money in the sentence read is no partner of the project
        self.applicant: Node | None = None  # who applies in a case about an application: the grants' recipient
        self.header = ""  # the last table row without a sum: the header of the rows that follow
        self.titled: Node | None = None  # the project a case's title names
        # "X søkjer Y om støtte til Z." without a sum: (funders, applicant, sentence) for "Søknaden gjeld kr …"
        self.applied: tuple[list[Node], Node | None, Sentence] | None = None

    def ev(self, s: Sentence):
        return self.g.evidence(self.sec, s.first, s.last, s.text)

    def project_node(self, name: str, s: Sentence) -> Node | None:
        name = name.strip(" –-")
        if len(name) < 3:
            return None
        label = name[:1].upper() + name[1:]
        existing = next((p for p in self.g.entities("project") if p.label.lower() == label.lower()), None)
        if existing:
            if sum(w[:1].isupper() for w in label.split()) > sum(w[:1].isupper() for w in existing.label.split()):
                existing.aliases.add(existing.label)
                existing.label = label
            node = existing
        else:
            node = self.g.entity("project", label)
        if self.actor is not None and self.actor is not node and "owner" not in node.props:
            node.props["owner"] = self.actor
            self.g.fact(node, KG.owner, self.actor, self.ev(s))
        self.g.fact(self.sec.node, SCHEMA.mentions, node)
        self.project = node
        if node not in self.seen:
            self.seen.append(node)
        return node

    def read(self, s: Sentence) -> None:
        """One sentence; a line labelled with a body's name ("- Birkenes: Windstad orienterte om …") in a
        section that has no actor of its own speaks for that body."""
        own = self.actor
        if own is None:
            self.actor = self.labelled_body(s.text)
        try:
            self._read(s)
        finally:
            self.actor = own

    def labelled_body(self, text: str) -> Node | None:
        """The body a line's label names, when the label is that name and nothing else."""
        label = leading_label(text)
        if not label:
            return None
        names, _ = find_names(label)
        if len(names) != 1 or names[0].kind not in ACTOR_KINDS or len(names[0].surface) < len(label) - 1:
            return None
        return body_node(self.g, names[0].surface, default_kind=names[0].kind)

    def _read(self, s: Sentence) -> None:
        g, text = self.g, s.text
        self.funders = []
        if is_table_row(text) and self.allocation(s):
            return
        spans: list[tuple[int, int]] = []
        projects: list[Node] = []
        clusters: list[tuple[Node, int]] = []
        says_activity = bool(FUNDING_WORDS.search(text) or PARTNER_WORDS.search(text) or APPLY.search(text))
        for named in find_initiatives(text, says_activity=says_activity):
            spans.append(named.span)
            if named.kind == "cluster":
                node = g.entity("cluster", named.name)
                g.fact(self.sec.node, SCHEMA.mentions, node)
                clusters.append((node, named.span[0]))
            else:
                p = self.project_node(named.name, s)
                if p is not None:
                    projects.append(p)
        for m in INITIATIVE.finditer(text):
            noun = m["noun"].lower()
            rest = m["rest"] or ""
            if noun.startswith(CLUSTER_NOUNS):
                place = None
                pm = re.search(r"\s+i\s+(?P<place>[A-ZÆØÅ][\wæøå\-]+)\s*$", rest)
                if pm:
                    place, rest = pm["place"], rest[: pm.start()]
                node = g.entity("cluster", ("Klynge" + rest).strip())
                clusters.append((node, m.start()))
                spans.append(m.span())
                g.fact(self.sec.node, SCHEMA.mentions, node)
                if place:
                    g.fact(node, SCHEMA.location, body_node(g, place, default_kind="place"), self.ev(s))
                for t in thesaurus().tag(rest):
                    g.fact(node, DCTERMS.subject, g.entity("topic", t.concept.slug), self.ev(s))
            elif m["verb"].lower() != "har" and noun not in _abstract_nouns() and not noun.startswith("prosjekt"):
                rest = text[m.end("noun"):]
                # "et klimadashboard for Fornebu", "et datasenter ved Uvdal kraftverk": the place is part of the name
                pm = PLACE_AFTER.match(rest)
                name = f"{noun}{pm.group(0)}" if pm else noun
                p = self.project_node(name, s)
                if p is not None:
                    projects.append(p)
                    spans.append((m.start(), m.start("noun") + len(name)))
                    if pm:
                        g.fact(p, SCHEMA.location, body_node(g, pm["place"], default_kind="place"), self.ev(s))
        names, unplaced = find_names(text, exclude=spans)
        names, unplaced = _listed_people(g, text, names, unplaced)
        names = _short_forms(g, text, names)
        nodes = self.mention(names, s)
        self.located(text, names, nodes, s)
        self.clusters(clusters, names, nodes, s)
        self.programmes(text, projects, names, nodes, s)
        self.owner(text, names, nodes, projects, s)
        # where the sentence says who gives money, who gets it or works with whom, an unknown name is an organisation
        named = self.funding(text, projects, names, nodes, unplaced, s)
        named |= self.partners(text, projects, names + unplaced, nodes + [None] * len(unplaced), s)
        named |= self.works_with(text, names + unplaced, nodes + [None] * len(unplaced), s)
        named |= self.contractor(text, projects, names + unplaced, nodes + [None] * len(unplaced), s)
        g.unclassified.extend((s.first, u.surface) for u in unplaced if u.surface not in named)
        self.roles(text, names, nodes, s)

    def allocation(self, s: Sentence) -> bool:
        """A row of an allocation table ('| Inkubator for gründere | Nyskaping AS | kr 400 000 |'): a grant to the
        body the row names, for the project its text cell names; from the meeting's body where the section is
        about its fund or grants. False when the row is not one (it is then read as a sentence)."""
        cells = table_cells(s.text)
        amounts = [(i, a) for i, c in enumerate(cells) for a in find_amounts(c) if a.per is None]
        if not amounts and re.search(r"[^\W\d_]", s.text):
            self.header = s.text  # the table's header says what its sums are ("| Kommune | Kontingent |")
        if len(amounts) != 1:
            return False
        at, amount = amounts[0]
        others = [(c, find_names(c)[0]) for i, c in enumerate(cells) if i != at]
        if not others or others[0][0].lower().startswith(TOTAL_ROWS):
            return bool(others)
        bodies = [(c, nm) for c, names in others for nm in names
                  if nm.kind not in ("person", "place", "programme") and len(nm.surface) >= len(c) - 3]
        if not bodies:
            return self.project_allocation(s, [c for c, _ in others], amount)
        # the organisation a row names receives; a municipality beside it says where
        cell, nm = next(((c, nm) for c, nm in bodies if nm.kind in ("organisation", "institution")), bodies[0])
        recipient = body_node(self.g, nm.surface, default_kind=nm.kind)
        fee = FEE.search(self.header) or FEE.search(self.sec.title or "")
        if fee and len(bodies) == 1 and recipient is not None:  # a table of members' fees: the member pays the body
            grant_node(self.g, self.g.body, GrantStatement(amount, GRANTED, None, None, fee[0].lower(),
                                                                         fee=True), [recipient], self.ev(s))
            return True
        what = max((c for c, _ in others if c != cell and not any(c == b for b, _ in bodies)), key=len, default="")
        quoted = re.search(r"«([^»]+)»", what)
        project = self.project_node(quoted[1] if quoted else what, s) if what else None
        if project is not None and "owner" not in project.props:
            project.props["owner"] = recipient
            self.g.fact(project, KG.owner, recipient, self.ev(s))
        self.g.fact(self.sec.node, SCHEMA.mentions, recipient, self.ev(s))
        funders = [self.g.body] if FUND_SECTION.search(self.sec.title or "") else []
        grant_node(self.g, project or recipient, GrantStatement(amount, GRANTED, None, None, None), funders, self.ev(s))
        return True

    def project_allocation(self, s: Sentence, cells: list[str], amount) -> bool:
        """A row of a fund's table that names only what the money is for ("| Hallingdal skrivebord | kr 350 000 |"):
        a grant to that project, in a section about a fund or grants, from the body its title names
        ("skjønnsmidlar frå Fylkesmannen") or else the meeting's body."""
        title = self.sec.title or ""
        if len(cells) != 1 or not FUND_SECTION.search(title) or len(cells[0]) < 4 or cells[0][:1].isdigit():
            return False
        project = self.project_node(cells[0], s)
        if project is None:
            return False
        m = FROM_TITLE.search(title)
        who = _uncapitalised(m["who"]) if m else None
        named = sum(find_names(who), []) if who else []
        funders = [n for n in (body_node(self.g, nm.surface, default_kind="organisation" if nm.kind == "unknown"
                                         else nm.kind) for nm in named if nm.kind not in ("person", "place"))
                   if n is not None]
        if who and not funders:  # a funder named by its common noun ("frå Fylkesmannen")
            funders = [body_node(self.g, who, default_kind="organisation", classify_name=False)]
        grant_node(self.g, project, GrantStatement(amount, GRANTED, None, None, None), funders or [self.g.body],
                   self.ev(s))
        return True

    def mention(self, names: list[NameMatch], s: Sentence) -> list[Node]:
        nodes = []
        for nm in names:
            if nm.kind == "person":
                node = person_named(self.g, nm.surface)
            else:
                node = body_node(self.g, nm.surface, default_kind=nm.kind)
                abbr = introduced_abbreviation(nm.surface, s.text[nm.span[1]:])
                if node is not None and abbr and abbr != node.label:  # "Kommunenes Digitaliseringsfond (DigiFin)"
                    known_as(self.g, node, abbr)
            if node is not None:  # on the sentence's lines: what a question's words find there (kg.ask.lines)
                self.g.fact(self.sec.node, SCHEMA.mentions, node, self.ev(s))
            nodes.append(node)
        return nodes

    def located(self, text: str, names: list[NameMatch], nodes: list, s: Sentence) -> None:
        """"Vik: Fjordlaks AS utvidar anlegget": a company a municipality's report opens a sentence with works in
        that municipality (schema:location)."""
        if self.actor is None or self.actor.kind != "municipality":
            return
        label = leading_label(text)
        opening = re.match(rf"^[\W_]*(?:{re.escape(label)}[\s*]*:[\s*]*)?" if label else r"^[\W_]*", text).end()
        first = next(((nm, node) for nm, node in zip(names, nodes) if nm.span[0] == opening), None)
        if first and first[1] is not None and first[1].kind == "organisation":
            self.g.fact(first[1], SCHEMA.location, self.actor, self.ev(s))

    def clusters(self, clusters, names, nodes, s: Sentence) -> None:
        for node, start in clusters:
            before = [n for nm, n in zip(names, nodes) if nm.span[1] <= start and n is not None
                      and n.kind in ("municipality", "region", "organisation", "institution")]
            for member in before or ([self.actor] if self.actor else []):
                self.g.fact(node, ORG.hasMember, member, self.ev(s))

    def programmes(self, text: str, projects: list[Node], names: list[NameMatch], nodes: list[Node],
                   s: Sentence) -> None:
        """A programme is a project's only where the text says the project is funded by it or applies to it
        ("innen programmet X", "søkt X", "finansiert av X"); "viktig for EUs Green Deal" is not funding."""
        project = projects[0] if projects else (self.project if REFERS_BACK.match(text) else None)
        if project is None:
            return
        for nm, prog in zip(names, nodes):
            if prog is not None and prog.kind == "programme" and PROGRAMME_LINK.search(text[:nm.span[0]]):
                self.g.fact(project, KG.programme, prog, self.ev(s))
                project.props.setdefault("programme", prog)

    def owner(self, text: str, names, nodes, projects: list[Node], s: Sentence) -> None:
        """"Lister Nyskaping er prosjekteier": the name before the phrase owns the project."""
        m = OWNER_IS.search(text)
        project = projects[0] if projects else self.project
        if not m or project is None:
            return
        before = [n for nm, n in zip(names, nodes) if n is not None and nm.span[1] <= m.start() and n.kind != "person"]
        if before:
            project.props["owner"] = before[-1]
            self.g.fact(project, KG.owner, before[-1], self.ev(s))

    def funding(self, text: str, projects: list[Node], names: list[NameMatch], nodes: list,
                unplaced: list[NameMatch], s: Sentence) -> set[str]:
        """One grant per amount a funding phrase governs, with its funder, recipient, purpose and status;
        returns the unknown names it took for the funder or the recipient (organisations)."""
        project = projects[0] if projects else (self.project if REFERS_BACK.match(text) else None)
        taken: set[str] = set()
        statements = read_grants(text)
        if not statements:
            self.applied = self._application(text, names, nodes, s) or self.applied
        for st in statements:
            # an unknown name gives where the sentence says "fra X", and receives as the clause's subject
            # ("Flimmer Film søkjer om …"), not wherever it stands before the verb
            givers = [u for u in unplaced if st.funder_in and st.funder_in[0] <= u.span[0] < st.funder_in[1]]
            takers = [u for u in unplaced if st.recipient_in and not text[st.recipient_in[0]:u.span[0]].strip(" -*•")]
            funders = self._named_in(st.funder_in, names + givers, nodes + [None] * len(givers)) \
                or common_funder(self.g, text, st.funder_in, st)
            if not funders and project is not None and GRANTED_WORDS.search(text) and project.props.get("programme"):
                funders = [project.props["programme"]]  # "Prosjektet ble innvilget": by the programme it applied to
            funders = funders + pot_of(self.g, text, st, funders)
            named = next(iter(self._named_in(st.recipient_in, names + takers, nodes + [None] * len(takers))), None)
            ev, about = self.ev(s), text
            if not funders and st.status == APPLIED and self.applied and THE_APPLICATION.match(text):
                funders, applicant, said = self.applied  # "Søknaden gjeld 4,5 mill. kr": both sentences say it
                named, about = named or applicant, f"{said.text} {text}"
                ev = self.g.evidence(self.sec, said.first, s.last, about)
            if st.fee:  # a member's fee goes to the body the minutes are of
                recipient = self.g.body
            else:
                recipient = project or named or self._referred(text, st.recipient_in) or self._case_project(st) \
                    or self.actor or self.applicant
            grant = grant_node(self.g, recipient, st, funders, ev)
            if recipient is named and named is not None:  # "Vågsøy og Selje søkjer felles om …": both apply
                for other in self._joined(text, st.recipient_in, names + takers, nodes + [None] * len(takers), named):
                    self.g.fact(other, SCHEMA.funding, grant, self.ev(s))
            for t in thesaurus().tag(about):  # what the money is for, as the sentence says ("breibandsmidlar")
                self.g.fact(grant, DCTERMS.subject, self.g.entity("topic", t.concept.slug), ev)
            self.funders.extend(funders)
            taken |= {u.surface for u in givers + takers}
        return taken

    def _application(self, text: str, names: list[NameMatch], nodes: list,
                     s: Sentence) -> tuple[list[Node], Node | None, Sentence] | None:
        """'Solund kommune søkjer Enova om støtte til …' (no sum): the funder between the verb and 'om', the
        applicant before the verb; None when the sentence names no funder there."""
        verb = APPLY.search(text)
        about = re.compile(r"\s(?:om|for|about)\s").search(text, verb.end()) if verb else None
        if about is None:
            return None
        funders = self._named_in((verb.end(), about.start()), names, nodes)
        applicants = self._named_in((0, verb.start()), names, nodes)
        return (funders, applicants[-1] if applicants else None, s) if funders else None

    def _case_project(self, st: GrantStatement) -> Node | None:
        """"Hver av kommunene bidrar med kr 25 000" in a case about a project: money given (or a share
        paid) without saying to whom goes to the project the case is about (the one its title names, or the
        only one it names), not to the one who gives it."""
        if st.recipient_in is not None or st.status != GRANTED:
            return None
        return self.titled or (self.seen[0] if len(self.seen) == 1 else None)

    def _referred(self, text: str, span: tuple[int, int] | None) -> Node | None:
        """'Nettverket har fått …' under the title 'Næringsnettverket – orientering': the subject, a definite
        noun, refers back to the name in the section's title that ends with it, or to the one project named
        before in the section whose first word ends with it ('Analysen' after 'samfunnsanalysen av …')."""
        m = re.fullmatch(r"\s*([A-ZÆØÅ][a-zæøå]{3,}(?:et|en|a))\s+(?:har\s+|hadde\s+|er\s+|vart\s+|ble\s+)?",
                         text[span[0]:span[1]]) if span else None
        if not m:
            return None
        noun = m.group(1).lower()
        # the speaker itself: "Regionen har fått …" under "DataLab (Fjellregionen)", by any of its names
        if self.actor is not None and any(noun in n.lower() for n in (self.actor.label, *self.actor.aliases)):
            return self.actor
        # the work named before in the section by a compound of the noun: "Analysen kostet …" after "samfunnsanalysen av …"
        done = [p for p in self.seen if p.label.split()[0].lower().endswith(noun)]
        if len(done) == 1:
            return done[0]
        titled = [nm for nm in find_names(clean(self.sec.title))[0]
                  if nm.kind not in ("person", "place") and nm.label.lower().endswith(noun) and nm.label.lower() != noun]
        return body_node(self.g, titled[0].surface, default_kind=titled[0].kind) if len(titled) == 1 else None

    def _joined(self, text: str, span: tuple[int, int], names: list[NameMatch], nodes: list,
                first: Node) -> list[Node]:
        """The bodies joined to the first one named in the span by 'og' or a comma ("Vågsøy og Selje")."""
        inside = sorted((nm.span, self._body(nm, node)) for nm, node in zip(names, nodes)
                        if span[0] <= nm.span[0] < span[1])
        inside = [(at, body) for at, body in inside if body is not None]
        start = next((i for i, (_, body) in enumerate(inside) if body is first), len(inside))
        out: list[Node] = []
        for (prev, _), (at, body) in zip(inside[start:], inside[start + 1:]):
            if not re.fullmatch(r"\s*(?:,|og|and)\s*", text[prev[1]:at[0]]):
                break
            if body not in out:
                out.append(body)
        return out

    def _named_in(self, span: tuple[int, int] | None, names: list[NameMatch], nodes: list) -> list[Node]:
        """The bodies and programmes named in a span of the sentence (an unknown name as an organisation)."""
        if span is None:
            return []
        out = []
        for nm, node in zip(names, nodes):
            if span[0] <= nm.span[0] < span[1]:
                node = node if node is not None and node.kind == "programme" else self._body(nm, node)
                if node is not None and node not in out:
                    out.append(node)
        return out

    def _body(self, nm: NameMatch, node: Node | None) -> Node | None:
        """The body a name stands for; an unknown name is taken for an organisation."""
        if node is None and nm.kind == "unknown" and not is_given_name(nm.surface.split()[0]) \
                and "'" not in nm.surface and "’" not in nm.surface:
            node = body_node(self.g, nm.surface, default_kind="organisation")
            self.g.fact(self.sec.node, SCHEMA.mentions, node)
        if node is None or node is self.actor or node.kind in ("person", "programme", "place", "project"):
            return None
        return node

    def partners(self, text, projects, names, nodes, s: Sentence) -> set[str]:
        """Bodies named in a sentence that says they take part, as partners of the project."""
        project = projects[0] if projects else self.project
        if not PARTNER_WORDS.search(text) or project is None:
            return set()
        named = set()
        follow = PARTNERS_FOLLOW.search(text)
        partner_word = PARTNER_WORDS.search(text)
        for nm, node in zip(names, nodes):
            if node is None and (nm.span[0] < follow.end() if follow else nm.span[0] > partner_word.start()):
                continue  # an unknown name counts only where a partner stands ("sammen med X", "X er partnere")
            body = self._body(nm, node)
            if body is not None and body is not project.props.get("owner") and body not in self.funders:
                self.g.fact(project, KG.partner, body, self.ev(s))
                named.add(nm.surface)
        return named

    def contractor(self, text, projects, names, nodes, s: Sentence) -> set[str]:
        """"Analysen er utført av X", "the study was carried out by X": X carries out the project the sentence
        names, or the work it names before "som er utført av" (a project of that name), or the project last named."""
        m = CARRIED_OUT.search(text)
        doer = next(((nm, node) for nm, node in zip(names, nodes) if m and nm.span[0] == m.end()), None)
        if doer is None:
            return set()
        nm, node = doer
        client = re.search(r"\s+(?:for|til)\s+", nm.surface)
        if client and (nm.classified is None or nm.classified.how == "rule"):
            # "utført av Fjordanalyse AS for Stord kommune": a name no lexicon knows ends where its client begins
            body = body_node(self.g, nm.surface[:client.start()], default_kind="organisation")
        else:
            body = self._body(nm, node)
        if body is None:
            return set()
        what = DONE_WHAT.search(text, 0, m.start())
        project = projects[0] if projects else (self.project_node(what["what"], s) if what else self.project)
        if project is None or project is body:
            return set()
        self.g.fact(project, KG.contractor, body, self.ev(s))
        return {nm.surface}

    def works_with(self, text, names, nodes, s: Sentence) -> set[str]:
        """"Samarbeider med X", "sammen med X": the actor works with X, but not with who gives the money
        in the sentence ("sammen med X, som har fått kr 400 000 fra Y": Y funds, it takes no part)."""
        named = set()
        if self.actor is None:
            return named
        for m in WORKS_WITH.finditer(text):
            for nm, node in zip(names, nodes):
                if nm.span[0] >= m.end():
                    body = self._body(nm, node)
                    if body is not None and body not in self.funders:
                        self.g.fact(self.actor, KG.worksWith, body, self.ev(s))
                        named.add(nm.surface)
        return named

    def roles(self, text, names, nodes, s: Sentence) -> None:
        roles = word_set("roles")
        for nm, node in zip(names, nodes):
            if nm.kind != "person" or node is None:
                continue
            after = text[nm.span[1]:]
            m = ROLE_PAREN.match(after)
            if m and m["role"].lower() in roles:
                org = body_node(self.g, m["org"], default_kind="organisation")
                membership(self.g, node, org, m["role"].lower(), self.ev(s))
                continue
            m = ROLE_IS.match(after.lstrip())
            if m:
                words = m["role"].split()
                for k in range(min(3, len(words)), 0, -1):
                    role = " ".join(words[:k]).lower()
                    if role in roles and self.actor is not None:
                        membership(self.g, node, self.actor, role, self.ev(s))
                        break


def _uncapitalised(name: str) -> str:
    """A name a heading writes in capitals, as prose writes it ("FYLKESMANNEN I BUSKERUD" → "Fylkesmannen i Buskerud")."""
    if not name.isupper():
        return name
    return " ".join(w.capitalize() if len(w) > 2 else w.lower() for w in name.split())


def applicant(g: DocGraph, title: str, sec: Section) -> Node | None:
    """Who applies in a case titled "X – søknad om …" (a body, not a person)."""
    m = APPLICANT_TITLE.match(case_title(title))
    if not m:
        return None
    names, unplaced = find_names(m["who"])
    nm = next((n for n in names + unplaced if n.kind != "person" and len(n.surface) >= len(m["who"]) - 3), None)
    if nm is None or nm.kind in ("place", "programme", "project") or is_given_name(nm.surface.split()[0]):
        return None
    node = body_node(g, nm.surface, default_kind="organisation" if nm.kind == "unknown" else nm.kind)
    if node is not None:
        g.fact(sec.node, SCHEMA.mentions, node)
    return node


def actor_node(g: DocGraph, sec: Section) -> Node | None:
    if not sec.actor:
        return None
    return body_node(g, sec.actor, default_kind="organisation")


def roundtable(g: DocGraph) -> None:
    """Each round-table report: the actor, and what it says it does."""
    lines = g.minutes.source.lines
    for sec in g.minutes.sections:
        if sec.kind != "roundtable":
            continue
        actor = actor_node(g, sec)
        if actor is not None:
            g.fact(sec.node, KG.actor, actor, g.evidence(sec, sec.span.start))
        reader = _Reader(g, sec, actor)
        for s in section_sentences(sec, lines):
            reader.read(s)


def other_activities(g: DocGraph) -> None:
    """Projects, funding and names in the sections that are neither agenda item nor round-table report
    (a document whose structure was not recognised still has its prose read)."""
    lines = g.minutes.source.lines
    for sec in g.minutes.sections:
        if sec.kind == "other":
            reader = _Reader(g, sec, None)
            for s in section_sentences(sec, lines):
                reader.read(s)


def agenda_activities(g: DocGraph) -> None:
    """Projects and names in agenda items ("Orientering om prosjekt X")."""
    lines = g.minutes.source.lines
    for entry in g.minutes.agenda:
        sec = entry.section
        if sec.kind not in ("agenda",):
            continue
        owner = g.body
        if g.minutes.body_parent:
            owner = body_node(g, g.minutes.body_parent, default_kind="organisation")
        reader = _Reader(g, sec, owner)
        title = Sentence(entry.title, sec.span.start, sec.span.start)
        m = PROJECT_TITLE.search(entry.title)
        reader.actor = None  # the text below may name the owner ("X er prosjekteier")
        if m:
            reader.titled = reader.project_node(m["name"] or m["quoted"], title)
        reader.applicant = applicant(g, entry.title, sec)
        for s in section_sentences(sec, lines):
            if not PRESENTED_BY.match(s.text):  # the presenter line is read by extract.meeting
                reader.read(s)
        names, unplaced = find_names(entry.title)
        reader.mention(names, title)
        for project in reader.seen:  # a project presented to the body without a named owner is the body's
            if "owner" not in project.props:
                project.props["owner"] = owner
                g.fact(project, KG.owner, owner, g.evidence(sec, sec.span.start))

