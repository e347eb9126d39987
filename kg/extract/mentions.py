"""Finding the names in a piece of running text: people, bodies and places.

Two passes. First, every known name that holds lower-case words or that
minutes may write in lower case ("Statens vegvesen", "europakommisjonens") is
found with one dictionary pattern. Then each run of capitalised words
("Universitetet i Sørøst-Norge", "Ursula von der Leyen", "Søndre Viken") is
classified whole (person by the given-name lexicon, body by gazetteer, lexicon
or its own words), else looked into for known names. What nothing can place
is reported, not invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.lang.lexicon import table, word_set
from kg.lang.names import PersonName, is_given_name, is_surname, normalise_person, split_role
from kg.lang.amounts import CURRENCIES
from kg.lang.bodies import Classified, classify, lexicon
from kg.lang.dates import MONTHS, WEEKDAYS
from kg.lang.gazetteer import gazetteer
from kg.lang.morphology import morphology

_CAP = r"(?:[A-ZÆØÅÀ-Ö][\wæøåÆØÅ'’\-\.]*[\wæøå]|[A-ZÆØÅ])"
_LINK = r"(?:i|for|av|på|til|von|van|der|den|de|la|du|af|zu)"  # not "og": it joins two names
# the words of a name stand a space or two apart (a PDF's layout doubles some); a tab or a wider gap is a
# table's column edge ("Ansvar: Kari Dahl   Frist: 1. mai")
_LINKING = re.compile(rf"\s+{_LINK}\s+")  # a linking word between names
_CAPSEQ = re.compile(rf"(?<![\w\-]){_CAP}(?:[ ]{{1,2}}(?:{_LINK}[ ]{{1,2}})*{_CAP})*")


@dataclass(frozen=True)
class NameMatch:
    kind: str
    label: str
    surface: str
    span: tuple[int, int]
    classified: Classified | None = None
    person: PersonName | None = None


@cache
def _dictionary() -> re.Pattern:
    """One pattern for known names that contain lower-case words or are lower-cased in text."""
    names = set()
    for k in lexicon().names:
        if " " in k:
            names.add(k)
    for m in gazetteer().municipalities:
        for n in m.names:
            if " " in n:
                names.add(n.lower())
    return re.compile(rf"(?<![\w\-])(?:{_trie(names)})(?:s)?(?![\w\-])", re.IGNORECASE)


def _trie(words: set[str]) -> str:
    """One pattern for the words as a tree of their letters ("ab(?:c|d)"): it matches what their
    alternation, longest first, does (the longest word that fits wins, a shorter one when what
    follows does not fit), where re would try some 1,200 names one by one at each position."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        alts = [re.escape(ch) + pattern(child) for ch, child in node.items() if ch]
        if "" in node:
            alts.append("")  # ending here comes after every longer way on
        if len(alts) == 1:
            return alts[0]
        return f"(?:{'|'.join(alts)})"

    return pattern(tree)


@cache
def _tail_words() -> frozenset[str]:
    """Lower-case words that belong to the name before them ('Indre Østfold regionråd', 'Drammen kommune')."""
    rules = table("kind_rules")
    words = {"kommune", "kommunes", "fylkeskommune", "regionråd", "regionråds"}
    for kind in ("organisation", "region", "institution", "cluster", "programme"):
        words |= {w.lower() for w in rules.get(kind, {}).get("words", []) if w.islower()}
    return frozenset(words)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t*#-•")
    return not before or before[-1] in ".!?:\n(\"«" or before.endswith("**")


_NEXT_WORD = re.compile(r"[ \t]+([a-zæøå]+)")


def _with_tail(text: str, end: int) -> int:
    """Extend a name over the lower-case words that belong to it (read where the name ends, not from a copy
    of the rest of the text: every capitalised run of every sentence is extended)."""
    m = _NEXT_WORD.match(text, end)
    while m and m.group(1) in _tail_words():
        end = m.end()
        m = _NEXT_WORD.match(text, end)
    return end


def classify_person(surface: str) -> PersonName | None:
    tokens = surface.split()
    if len(tokens) < 2 or not is_given_name(tokens[0]):
        return None
    if any(t.lower() in word_set("roles") for t in tokens[1:]):
        return None
    if classify(surface, fuzzy=False, rules=True) is not None:
        return None
    return normalise_person(surface)


def find_names(text: str, exclude: list[tuple[int, int]] = ()) -> tuple[list[NameMatch], list[NameMatch]]:
    """The names in text (by position), and the capitalised names nothing could place (kind "unknown").

    Spans in exclude (a project's name, say) are not looked at.
    """
    found, unplaced = _names_in(text, tuple(exclude))
    return list(found), list(unplaced)


@lru_cache(maxsize=1 << 12)  # several extractors read the same sentence's names
def _names_in(text: str, exclude: tuple[tuple[int, int], ...]) -> tuple[tuple[NameMatch, ...], tuple[NameMatch, ...]]:
    found: list[NameMatch] = []
    taken: list[tuple[int, int]] = list(exclude)

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    def add(match: NameMatch) -> None:
        found.append(match)
        taken.append(match.span)

    for match in known_names(text):
        if free(*match.span):
            add(match)

    unplaced: list[NameMatch] = []
    for m in _CAPSEQ.finditer(text):
        for a, b in _free_runs(text, *m.span(), taken):
            _place(text, a, b, add, free, unplaced)
    return tuple(sorted(found, key=lambda x: x.span)), tuple(unplaced)


def known_names(text: str) -> list[NameMatch]:
    """The names in text the lexicons know as written (the first look of find_names; no capitalised run is
    guessed at, so it is cheap enough for every sentence), overlapping ones included."""
    out = []
    for m in _dictionary().finditer(text):
        c = classify(m.group(), fuzzy=False, rules=False)
        if c:
            out.append(NameMatch(c.kind, c.label, m.group(), m.span(), classified=c))
    return out


def _free_runs(text: str, a: int, b: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of a span that no earlier match holds, trimmed to capitalised words."""
    cuts = sorted((max(a, x), min(b, y)) for x, y in taken if x < b and y > a)
    runs, pos = [], a
    for x, y in cuts + [(b, b)]:
        if x > pos:
            for m in _CAPSEQ.finditer(text, pos, x):
                runs.append(m.span())
        pos = max(pos, y)
    return runs


def _place(text, a, b, add, free, unplaced) -> None:
    """Classify one run of capitalised words, whole or in parts."""
    b = _with_tail(text, b)
    surface = text[a:b]
    title, rest = split_role(surface)
    if title and classify_person(rest):  # "Ordfører Ola Hansen": the title is not part of the name
        a, surface = b - len(rest), rest
    person = classify_person(surface)
    if person:
        add(NameMatch("person", person.full, surface, (a, b), person=person))
        return
    c = classify(surface)
    # a rule reads a name by its words; at the start of a sentence, a capitalised common noun joined
    # to a name ("Hydrogensatsing på Vestlandet") is no name: look inside it instead
    doubtful = c and c.how == "rule" and _sentence_start(text, a) and (
        " " not in surface or re.search(rf"\s{_LINK}\s", surface))
    if c and not doubtful:
        add(NameMatch(c.kind, c.label, surface, (a, b), classified=c))
        return
    sites = _sites_named(text, a, b)
    if sites:  # "Besøk på Sauda Cryotec på Hovland": the company, and the names beside it on their own
        pos = a
        for x, y in sites + [(b, b)]:
            for m in _CAPSEQ.finditer(text, pos, x):
                _place(text, *m.span(), add, free, unplaced)
            if x < y:
                add(NameMatch("organisation", text[x:y], text[x:y], (x, y)))
            pos = y
        return
    # look inside: "Campus Kongsberg" failed whole? try the words from the right
    words = [(w.start() + a, w.end() + a) for w in re.finditer(r"\S+", surface)]
    placed = False
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            s, e = words[i][0], words[j - 1][1]
            part = text[s:e]
            cp = classify(part, fuzzy=False, rules=False) if part[:1].isupper() else None
            if cp and free(s, e):
                add(NameMatch(cp.kind, cp.label, part, (s, e), classified=cp))
                placed = True
                i = j - 1
                break
        i += 1
    if (not placed and (" " in surface or not _sentence_start(text, a)) and len(surface) > 2
            and not _calendar_or_money(surface)):
        unplaced.append(NameMatch("unknown", surface, surface, (a, b)))


def _sites_named(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the companies named for their site in a run of names, each between its linking words."""
    out, pos = [], a
    for cut in [*_LINKING.finditer(text[a:b]), None]:
        end = a + cut.start() if cut else b
        if named_for_its_site(text[pos:end]):
            out.append((pos, end))
        pos = a + cut.end() if cut else b
    return out


def named_for_its_site(surface: str) -> bool:
    """"Vestrafil Sauda", "Sauda Cryotec": a municipality's name beside words that no dictionary, name list or
    lexicon knows is a company named for the site it works at, not the municipality (a plant, a factory)."""
    words = surface.split()
    sites = [w for w in words if (c := classify(w, fuzzy=False, rules=False)) and c.kind == "municipality"]
    others = [w for w in words if w not in sites]
    return len(sites) == 1 and bool(others) and all(_no_word(w) for w in others)


def _no_word(word: str) -> bool:
    """A capitalised word that is no Norwegian word, no person's name and no title: a company's own coinage."""
    return (word[:1].isupper() and word.isalpha() and len(word) >= 3 and not is_given_name(word)
            and not is_surname(word) and word.lower() not in word_set("roles") and not _calendar_or_money(word)
            and not morphology().known(word.lower()))


def _calendar_or_money(surface: str) -> bool:
    """Capitalised words that name no thing: a month or a day ("April", "Tuesday"), a currency ("NOK")."""
    return all(w.lower().strip(".,") in MONTHS or w.lower() in WEEKDAYS or w.lower() in CURRENCIES
               for w in surface.split())


def last_run(names: list[NameMatch], text: str, end: int, *, touching: bool = True) -> list[NameMatch]:
    """The names that stand last before position end, with those joined to them by "," or "og/and/&" ("Kari Dahl
    og Per Lie røysta mot"); ``touching``: only names that nothing but such joiners part from end."""
    run: list[NameMatch] = []
    for nm in reversed([nm for nm in names if nm.span[1] <= end]):
        between = text[nm.span[1]:run[0].span[0] if run else end]
        if (run or touching) and between.strip(" ,").lower() not in ("", "og", "and", "&"):
            break
        run.insert(0, nm)
    return run
