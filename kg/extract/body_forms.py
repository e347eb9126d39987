"""What kind of body a name is, as a sentence says it of the name.

Minutes introduce a body they do not expect the reader to know by saying what it
is: its form of organisation ("Fjordnett er eit vertskommunesamarbeid og ikkje eit
aksjeselskap", "Kystlaks, et samvirkeforetak, ...") or its kind, in an apposition
("Havkraft Vest, det regionale næringsnettverket med 80 bedrifter, orienterte om
..."). The name is then a body (an unknown name becomes one, of the noun's kind),
named on the sentence's lines, and a form of organisation from the register's and
the law's list (data/lexicon/body_forms.toml) is its kg:organisationForm. A form
said not to be the body's ("ikkje eit aksjeselskap") is not stated.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.bodies import body_node
from kg.extract.graph import DocGraph
from kg.extract.mentions import find_names
from kg.extract.projects import kind_of
from kg.lang.bodies import lexicon
from kg.lang.organisation_forms import form_words, forms
from kg.lang.sentences import section_sentences
from kg.vocab import KG, SCHEMA

BODY_KINDS = ("organisation", "institution", "cluster", "region")
_ARTICLE = r"(?:eit|et|ein|en|ei)"
# "er eit vertskommunesamarbeid", "vart eit aksjeselskap i 2019"; "ikkje/ikke/not" before the article denies it
_IS = re.compile(rf"^\s+(?:er|var|blir|ble|vart|vert|is|was)\s+(?P<not>(?:ikkje|ikke|not)\s+)?(?:no\s+|nå\s+)?{_ARTICLE}\s+")
# ", det regionale næringsnettverket med …", ", et interkommunalt selskap eid av …": the noun phrase, up to the word
# that ends it (a preposition, a relative, a participle)
_APPOSITION = re.compile(rf"^\s*,\s+(?:det|den|dei|de|{_ARTICLE})\s+(?P<words>[a-zæøå§\-]+(?:\s+[a-zæøå§\-]+){{0,4}})")
# a sentence that may say what a body is: only these are looked into for names
_CUE = re.compile(rf",\s+(?:det|den|dei|de|{_ARTICLE})\s|\s(?:er|var|blir|ble|vart|vert|is|was)\s+(?:\w+\s+)?{_ARTICLE}\s",
                  re.IGNORECASE)
_PHRASE_END = frozenset("med som for i på av til frå fra der eigd eid eigd drive drift with that which of in for".split())


@cache
def _form() -> re.Pattern:
    codes = "|".join(re.escape(w) for w in sorted((w for w in forms() if w.isupper()), key=len, reverse=True))
    return re.compile(rf"(?:(?i:{form_words()})|{codes})(?![\wæøå])")


def body_forms(g: DocGraph) -> None:
    """The bodies sentences say what they are of, with their forms of organisation."""
    lines = g.minutes.source.lines
    for sec in g.minutes.sections:
        if sec.kind in ("header", "attendance"):
            continue
        for s in section_sentences(sec, lines):
            if not _CUE.search(s.text):
                continue
            names, unplaced = find_names(s.text)
            for nm in sorted(names + unplaced, key=lambda n: n.span):
                if nm.kind in ("person", "place", "programme", "project", "municipality"):
                    continue
                after = s.text[nm.span[1]:]
                form, kind = _said_of(after)
                if form is None and kind is None:
                    continue
                default = nm.kind if nm.kind != "unknown" else (kind or "organisation")
                node = body_node(g, nm.surface, default_kind=default)
                ev = g.evidence(sec, s.first, s.last, s.text)
                g.fact(sec.node, SCHEMA.mentions, node, ev)
                if form:
                    g.fact(node, KG.organisationForm, form, ev)


def _said_of(after: str) -> tuple[str | None, str | None]:
    """What the words right after a name say it is: (form of organisation, kind of body), either may be None."""
    m = _IS.match(after)
    if m:
        f = None if m["not"] else _form().match(after, m.end())
        return (forms()[_key(f[0])], "organisation") if f else (None, None)
    m = _APPOSITION.match(after)
    if not m:
        return None, None
    words = m["words"].split()
    words = words[:next((i for i, w in enumerate(words) if i and w in _PHRASE_END), len(words))]
    phrase = " ".join(words)
    f = next((f for f in _form().finditer(phrase) if f.end() == len(phrase)), None)
    if f:
        return forms()[_key(f[0])], "organisation"
    kind = "cluster" if kind_of(words[-1]) == "cluster" else lexicon().by_words(words[-1])
    return None, (kind if kind in BODY_KINDS else None)


def _key(written: str) -> str:
    return written if written in forms() else written.lower()
