"""Funding as a sentence states it: who got or asked for how much, from whom, for what.

Three sentence shapes, read around each amount (a rate such as "kr 20 per
innbygger" is no grant):

- received: "X har fått / fikk / er innvilget / er tildelt <amount> fra Y (til Z)"
- given:    "Y bidrar med / gir / løyver / har tilført / har gjeve tilsegn om <amount> (til Z)"
- applied:  "X har søkt Y om <amount>", "søknad til Y om <amount>", "søknad på <amount> til Y",
            "X søkjer om <amount> frå Y"
            (status "applied": asked for, not granted)

- paid by:  "Analysen kostet kr 480 000 og er finansiert av X og Y"
- fees:     "Kontingenten vert: Bykle kr 620 000, Valle kr 410 000": each member pays its sum
- shares:   "finansiert med kr X fra Y og kr Z fra W", "en ramme på kr X, hvorav kr Y fra Z":
            no verb governs the amount, but "fra Y" right after it says whose share it is
            (in a sentence about paying for something)

Any of them may name the fund the sum is taken from after the amount ("frå kraftlinemidlane"), or
the programme it comes through ("fra KMD gjennom Bolyst").
The words are Norwegian (bokmål and nynorsk) phrasing, not any document's
names. Which name in a clause is the funder or the recipient is decided by the
caller, which knows the names the sentence holds; this module says where in
the sentence to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.lang.amounts import Amount, find_amounts
from kg.model import Evidence, Literal, Node
from kg.vocab import KG, SCHEMA, XSD

GRANTED, APPLIED = "granted", "applied"

# (?=[hsai]): the words' first letters, looked at before the words are tried one by one
APPLY = re.compile(r"\b(?=[hsai])(?:har\s+)?(?:søkt|søker|søkjer|søkte|søkes|søkast|søkjast|søknad(?:en)?|søknaden"
                   r"|(?:has\s+|have\s+)?(?:applied|applies|is\s+applying|are\s+applying)|applications?)\b",
                   re.IGNORECASE)
# English passive: "was granted NOK 300 000" is money received, "granted NOK 300 000 to X" money given
_NOT_PASSIVE = r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
GIVE = re.compile(r"\b(?:bidrar|bidreg|bidro|gir|gjev|gav|ga|løyver|løyvde|har\s+løyvd|bevilger|bevilget|bevilga|"
                  r"går\s+inn|gjekk\s+inn|gikk\s+inn|spleiser|spleisar|betaler|betalar|betalte|"
                  r"set(?:ter)?\s+av|sett\s+av|satt\s+av|settes\s+av|setjast\s+av|avsettes|avsetjast|"
                  r"har\s+bevilget|tilfører|tilførte|har\s+tilført|tildeler|tildelte|har\s+tildelt|dekker|dekkjer|"
                  r"støtter|støttar|stiller|(?:har\s+)?(?:gjeve|gitt|gjev|gir|gav|ga)\s+(?:tilsegn|tilsagn|tilskot|tilskudd|støtte)|"
                  r"contributes|contributed|(?:will\s+)?contribute|gives|gave|provides|provided|pays|(?:will\s+)?pay|"
                  rf"{_NOT_PASSIVE}(?:granted|allocated|awarded)|grants|allocates|awards|(?:has|have)\s+set\s+aside)"
                  r"(?:\s+(?:med|opp\s+med|om|på|with))?\s+(?:inntil\s+|om\s+lag\s+|til\s+sammen\s+|til\s+saman\s+|totalt\s+"
                  r"|up\s+to\s+|about\s+|a\s+total\s+of\s+)?$",
                  re.IGNORECASE)
RECEIVE = re.compile(r"\b(?:fått|fikk|fekk|får|mottatt|mottok|motteke|innvilget|innvilga|tildelt|tildelte|bevilget|"
                     r"bevilga|løyvd|tilsagn|tilskudd|tilskot|støtte|støtta"
                     r"|received|receives|receive|got|gets|granted|awarded|allocated|grant|funding)\b", re.IGNORECASE)
# "fra Y" within a few words after the amount ("1,1 mill. kr i skjønnsmidler fra Y", "..., halvparten fra Y")
FROM = re.compile(r"^[^.;:()]{0,40}?\b(?:fra|frå|from)\s+", re.IGNORECASE)
# "was granted NOK 300 000 by the county": who gives, after the sum (English passive)
BY = re.compile(r"^[^.;:()]{0,40}?\bby\s+(?=[A-ZÆØÅ]|the\s)")
TO = re.compile(r"^\s*(?:(?:i|som|in|as)\s+[\wæøå\-]+\s+)?(?:(?:fra|frå|av|from)\s+[^,;]+?\s+)?(?:til|to)\s+(?!å\s)",
                re.IGNORECASE)
PURPOSE = re.compile(r"\b(?:for|til)\s+(?:å\s+)?(?P<what>[^\d.,;:()][^.,;:()]*?)(?=\s+(?:sammen|saman|der|som|og\s+har)\b|[.,;:()]|$)",
                     re.IGNORECASE)


@dataclass(frozen=True)
class GrantStatement:
    amount: Amount
    status: str  # granted | applied
    # character spans of the sentence where the funder and the recipient are named
    funder_in: tuple[int, int] | None
    recipient_in: tuple[int, int] | None
    purpose: str | None
    pot_in: tuple[int, int] | None = None  # "… frå kraftlinemidlane": the fund the money is taken from
    fee: bool = False  # a member's fee to the body, not money for a project
    shared: str | None = None  # how the payers share the sum: "etter folketall", "halvparten hver"


# the fund a sum is taken from, named by a common noun after the amount: "kr 100 000 frå kraftlinemidlane",
# "over næringsfondet", "av skjønnsmidlene"
POT = re.compile(r"\b(?:fra|frå|av|over)\s+(?:de\s+|dei\s+)?(?P<pot>[a-zæøå][\wæøå\-]*(?:midlane|midlene|midlar|midler"
                 r"|fondet|fond|potten|ordninga|ordningen|posten))\b", re.IGNORECASE)


# the programme a sum comes through, by its name: "kr 500 000 fra departementet gjennom Bolyst"
THROUGH = re.compile(r"\b(?:gjennom|via)\s+(?:(?:programmet|ordningen|ordninga)\s+)?"
                     r"(?P<pot>[A-ZÆØÅ][\wæøåÆØÅ\-]+(?:\s+[A-ZÆØÅ0-9][\wæøåÆØÅ\-]*)*)")
# "Analysen kostet kr 480 000 og er finansiert av X og Y": who pays a cost, named after its sum
FUNDED_BY = re.compile(r"^[^.;:]{0,40}?\b(?:finansiert|finansieres|finansierast|betalt|betales|betalast|dekt|dekket|"
                       r"dekkes|dekkast|bekostet|bekosta|funded|financed|paid|covered)\s+(?:av|by)\s+", re.IGNORECASE)
# the cost itself, after what costs it: "Analysen kostet kr 480 000"
COST = re.compile(r"\b(?:koster|kostar|kostet|kosta|costs?)\s+(?:inntil\s+|om\s+lag\s+|totalt\s+)?$", re.IGNORECASE)
# how those who pay share a sum, after it: "fordelt etter folketall", "likt fordelt", "med halvparten kvar",
# "shared by population"; the key itself, not the payers (who may be named elsewhere, or not at all)
SHARED = re.compile(r"\b(?:(?:fordelt|fordeles|fordelast|delt|deles|delast|shared|split|divided)\s+"
                    r"(?P<key>(?:etter|på|likt|mellom|by|according\s+to|equally|evenly)\b[^.;:()]*?)"
                    r"|(?:med\s+)?(?P<even>likt\s+fordelt|halvparten\s+(?:hver|kvar)|half\s+each))"
                    r"(?=\s+(?:og|and|som|der|mellom|among|blant)\s|[.,;:()]|$)", re.IGNORECASE)
# a sum said to pay for something without a payer: "Arbeidet finansieres med kr 600 000", "The study is funded with"
FINANCED_WITH = re.compile(r"\b(?:finansieres|finansierast|finansiert|dekkes|dekkast|budsjetteres|is\s+funded|"
                           r"are\s+funded|will\s+be\s+funded)\s+(?:med|with)\s+(?:inntil\s+|up\s+to\s+)?$",
                           re.IGNORECASE)
# a sentence about paying for something, where "kr X fra Y" without a verb is Y's share
PAYING = re.compile(r"\b(?:finansier\w*|medfinansier\w*|ramme|ramma|rammen|kostnadsramme\w*|budsjett\w*|kostnad\w*|"
                    r"koster|kostar|kostet|kosta|hvorav|herav|derav|fordelt|fordelast|fordeles|spleis\w*)\b", re.IGNORECASE)


# what each member pays: "Kontingenten for 2018 vert: Bykle kr 620 000, Valle kr 410 000 og …"
FEE = re.compile(r"\b(?:kontingent\w*|medlemskontingent\w*|medlemsavgift\w*|årsavgift\w*|eigenandel\w*|egenandel\w*|"
                 r"membership\s+fees?)\b", re.IGNORECASE)
# the member an entry of such a list names, right before its sum
FEE_ENTRY = re.compile(r"(?:^|[:,;]\s*|\s+og\s+|\s+and\s+)(?P<who>[A-ZÆØÅ][\wæøåÆØÅ\-.]*(?:\s+(?:og\s+)?[A-ZÆØÅ][\wæøåÆØÅ\-.]*){0,3})\s*$")


def _pot(text: str, start: int, until: int | None = None) -> tuple[int, int] | None:
    """Where the fund a sum comes from is named, in the clause after the amount (before the next amount)."""
    end = re.search(r"[.;:]\s|[.;:]$", text[start:])
    stop = min(start + end.start() if end else len(text), until or len(text))
    m = POT.search(text, start, stop) or THROUGH.search(text, start, stop)
    return m.span("pot") if m else None


def _shared(text: str, start: int, until: int) -> str | None:
    """How the payers share the sum that ends at start, as the words after it say (before the next sum)."""
    m = SHARED.search(text, start, until)
    return re.sub(r"\s+", " ", (m["key"] or m["even"])).strip().lower() if m else None


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding pos begins: after the last ';', ':', ', og' or ', and' before it."""
    cut = max(text.rfind(";", 0, pos), text.rfind(":", 0, pos), text.rfind(", og ", 0, pos), text.rfind(", and ", 0, pos))
    return cut + 1 if cut >= 0 else 0


def _after_word(text: str, start: int, rx: re.Pattern) -> tuple[int, int] | None:
    """The span after a leading pattern ("fra Y", "til Z") up to the next clause mark.

    "fra" may name more than one funder ("halvparten fra X og halvparten fra Y"): its span runs on to
    the end of the clause; a "til" span ends at the first word that cannot be part of a name."""
    m = rx.match(text[start:])
    if not m:
        return None
    a = start + m.end()
    names_many = rx is FROM or rx is FUNDED_BY or rx is BY
    stop = r"[;:()]|\s(?:til|to|for|som|which|that|der|where|med|with|(?:i|in)\s+\d{4})\s" if names_many \
        else r"[,;:()]|\s(?:til|to|for|som|which|that|og|and|der|where|med|with|om|about)\s"
    end = re.search(stop, text[a:])
    return a, a + (end.start() if end else len(text) - a)


def _purpose(text: str, start: int) -> str | None:
    m = PURPOSE.search(text[start:])
    return m["what"].strip() if m else None


def _until(span: tuple[int, int] | None, stop: int) -> tuple[int, int] | None:
    """A span cut where the next amount begins ("kr 250 000 fra kommunene og kr 50 000 fra rådet")."""
    return (span[0], min(span[1], stop)) if span else None


def read_grants(text: str) -> list[GrantStatement]:
    """The grant statements of one sentence, one per amount a funding phrase governs."""
    out = []
    amounts = find_amounts(text)
    for k, a in enumerate(amounts):
        if a.per:
            continue
        following = amounts[k + 1].span[0] if k + 1 < len(amounts) else len(text)
        head = _clause_start(text, a.span[0])
        before = text[head:a.span[0]]
        apply = list(APPLY.finditer(before))
        give = GIVE.search(before)
        receive = RECEIVE.search(before)
        # "kr 1 400 000 i tilskudd fra X": the word that makes it a grant follows the amount
        receive_after = RECEIVE.search(text[a.span[1]:a.span[1] + 30])
        after_to = _after_word(text, a.span[1], TO)
        from_after = _until(_after_word(text, a.span[1], FROM), following)
        by_after = _until(_after_word(text, a.span[1], BY), following)
        if give:
            out.append(GrantStatement(a, GRANTED, (head, head + give.start()), after_to, _purpose(text, a.span[1]),
                                      _pot(text, a.span[1], following)))
        elif apply:
            verb = apply[-1]
            # "søkt Innovasjon Norge om kr 750 000": the funder stands between the verb and the amount;
            # "søknad på kr 450 000 til Agder fylkeskommune": after the amount
            between = before[verb.end():]
            to_named = re.match(r"\s*(?:til|to)\s+(?:the\s+)?[A-ZÆØÅ]", between)
            # (not when a name follows "til"/"to" after the sum: "to build a quay" names no funder)
            if to_named and not (after_to and text[after_to[0]:after_to[0] + 1].isupper()):
                # "en søknad til Horizon Europe om bruk av KI, EUR 1,2 mill.": the funder follows the verb
                funder = (head + verb.end(), head + verb.end() + re.search(r"\s(?:om|for|med)\s|,|$", between).start())
                rest = a.span[1]
            elif re.search(r"\bom\s+(?:\S+\s+){0,3}$", between) and re.search(r"[A-ZÆØÅ]", between):
                funder, rest = (head + verb.end(), a.span[0]), a.span[1]
            elif from_after:  # "søkjer felles om 2,4 mill. kr i X-midlar frå Y"
                funder = from_after
                rest = funder[1]
            else:
                funder, rest = after_to, after_to[1] if after_to else a.span[1]
            out.append(GrantStatement(a, APPLIED, funder, (head, head + verb.start()), _purpose(text, rest),
                                      _pot(text, a.span[1], following)))
        elif receive or receive_after:
            verb_at = head + receive.start() if receive else a.span[0]
            recipient = (head, verb_at) if verb_at > head else None
            out.append(GrantStatement(a, GRANTED, from_after or by_after, recipient, _purpose(text, a.span[1]),
                                      _pot(text, a.span[1], following)))
        elif funded_by := _until(_after_word(text, a.span[1], FUNDED_BY), following):
            cost = COST.search(before)
            out.append(GrantStatement(a, GRANTED, funded_by, (head, head + cost.start()) if cost else None, None))
        elif from_after and from_after[0] - a.span[1] <= 8 and PAYING.search(text):
            out.append(GrantStatement(a, GRANTED, from_after, None, None, _pot(text, a.span[1], following)))
        elif (fee := FEE.search(text, 0, a.span[0])) and (entry := FEE_ENTRY.search(text, 0, a.span[0])):
            out.append(GrantStatement(a, GRANTED, entry.span("who"), None, fee[0].lower(), fee=True))
        elif financed := FINANCED_WITH.search(before):
            out.append(GrantStatement(a, GRANTED, None, (head, head + financed.start()), None))
        else:
            continue
        if shared := _shared(text, a.span[1], following):
            out[-1] = replace(out[-1], shared=shared)
    return out


# a funder written as a common noun: "halvparten fra kommunene og halvparten fra fylkeskommunen"
COMMON_FUNDER = re.compile(r"\b(?:fra|frå)\s+(?P<who>[a-zæøå]*(?:kommunen|kommunene|kommunane|fylkeskommunen|staten|"
                           r"departementet|direktoratet|fondet|banken|fylket|regionrådet|rådet))\b")


# the same noun as the subject that gives: "Hver av de ti kommunene bidrar med kr 25 000"
COMMON_GIVER = re.compile(COMMON_FUNDER.pattern.replace(r"(?:fra|frå)\s+", ""))


def common_funder(g: DocGraph, text: str, span: tuple[int, int] | None, st: GrantStatement | None = None) -> list[Node]:
    """Funders the sentence names by a common noun ("fra kommunene", or as the subject that gives:
    "kommunene bidrar med …") when it names none by name."""
    if span is None:
        return []
    giver = st is not None and st.status == GRANTED and span[1] <= st.amount.span[0]
    rx = COMMON_GIVER if giver else COMMON_FUNDER
    return [body_node(g, m["who"], default_kind="organisation", classify_name=False)
            for m in rx.finditer(text, span[0] - 5 if span[0] >= 5 else 0, span[1])]


def pot_of(g: DocGraph, text: str, st: GrantStatement, funders: list[Node]) -> list[Node]:
    """The fund a grant is taken from, as a programme ("frå kraftlinemidlane"), unless a funder read
    already is that fund ("fra næringsfondet" as the funder)."""
    if st.pot_in is None:
        return []
    name = text[slice(*st.pot_in)]
    if any(f.label.casefold() == name.casefold() for f in funders):
        return []
    return [body_node(g, name, default_kind="programme", classify_name=False)]


def _path(node: Node) -> str:
    """The node's IRI below the base ("municipality/3003", "project/x"), to hang the grant's IRI on."""
    return node.local() if node.local else "/".join((node.iri or "").rstrip("/").split("/")[-2:])


def amount_of(g: DocGraph, holder: Node, a: Amount, ev: Evidence, name: str = "amount") -> Node:
    """holder schema:amount a schema:MonetaryAmount of a's value and currency, named {holder}/{name}."""
    amount = g.struct("amount", f"{a.value} {a.currency}", (lambda h, n: lambda: f"{h.local()}/{n}")(holder, name))
    g.fact(holder, SCHEMA.amount, amount, ev)
    g.fact(amount, SCHEMA.value, Literal(str(a.value), XSD.decimal), ev)
    g.fact(amount, SCHEMA.currency, a.currency, ev)
    return amount


def grant_node(g: DocGraph, recipient: Node | None, st: GrantStatement, funders: list[Node], ev: Evidence) -> Node:
    """A schema:MonetaryGrant: recipient schema:funding grant; amount, funders, purpose and status.

    A grant is known by its recipient, amount and status, so two documents reporting it name one
    grant; without a recipient it hangs on the document."""
    a = st.amount
    parent = recipient or g.document
    key = f"{a.value}-{a.currency.lower()}" + ("-applied" if st.status == APPLIED else "")
    grant = g.struct("grant", f"{parent.label} {a.value} {a.currency}",
                     (lambda p, k: lambda: f"{_path(p)}/grant/{k}")(parent, key))
    if recipient is not None:
        g.fact(recipient, SCHEMA.funding, grant, ev)
    amount_of(g, grant, a, ev)
    g.fact(grant, KG.grantStatus, st.status, ev)
    if st.purpose:
        g.fact(grant, KG.purpose, st.purpose, ev)
    if st.shared:
        g.fact(grant, KG.costSharing, st.shared, ev)
    for f in funders:
        g.fact(grant, SCHEMA.funder, f, ev)
    return grant
