"""The lines of a section that a question's words match: where answers are read when the words name nothing.

The search index found the section by the words under its analysis (lemmas, compound parts,
nynorsk and bokmål, thesaurus synonyms); the index terms it matched come with the hit
(``kg.search.Hit.terms``). A sentence of the section matches when one of its words has one of
those terms as a key (``word_keys``): the same test the search snippet marks words by, so the
lines chosen are the lines a search for the words would highlight. The sentences are cut as
extraction cuts them (``section_sentences``), so their line spans are those facts are stated on.
"""

from __future__ import annotations

from kg.ask import words as grammar
from kg.ask.lazy_pattern import word_pattern
from kg.vocab import sparql_prefixes

TERM_SHARE = 0.5  # a sentence matches when its words hold at least this share of the terms the best one holds
SECTION_TEXT = sparql_prefixes() + """
SELECT ?text ?start ?end ?kind ?title $section WHERE {
  $section schema:text ?text ; kg:lineStart ?start ; kg:lineEnd ?end ; kg:sectionKind ?kind ; dcterms:title ?title .
} LIMIT 1"""


def matching_sentences(store, section_id: str, terms: frozenset[str]) -> list:
    """The sentences (kg.lang.sentences.Sentence) of a section that hold a word the terms match, with
    their line spans. Imports extraction and search analysis: only a question its words search for needs them."""
    import pyoxigraph as ox

    from kg.lang.sentences import Sentence, section_sentences
    from kg.lang.morphology import morphology
    from kg.model import Section, Span
    from kg.search.analysis import word_keys, words

    rows = store.select(SECTION_TEXT, {"section": ox.NamedNode(section_id)})
    if not rows or not terms:
        return []
    r = rows[0]
    text, start, end = r["text"].value, int(r["start"].value), int(r["end"].value)
    # the section's text is its lines from its first; the document's lines before it are not needed
    lines = [""] * (start - 1) + text.split("\n")
    lines += [""] * (end - len(lines))
    section = Section(n=0, title=r["title"].value, kind=r["kind"].value, span=Span(start, end), text=text)
    morphology().prepare(words(text))
    if section.kind == "attendance":  # one person (and what they came for) a line, not prose
        sentences = [Sentence(lines[n - 1].strip(), n, n) for n in range(start + 1, end + 1) if lines[n - 1].strip()]
        quoted = sentences
    else:
        sentences = section_sentences(section, lines)  # cut as extraction cuts them: the quotes facts carry
        quoted = _with_heading(sentences, section_sentences(section, lines, skip_heading=False))
    matched = [len({t for w in words(s.text) for t in word_keys(w) & terms}) for s in sentences]  # not the heading's
    best = max(matched, default=0)
    # a sentence that holds only a weaker share of what the words matched (only "new" of "new fish farm") is not about them
    chosen = [q for q, n in zip(quoted, matched) if n and n >= TERM_SHARE * best]
    sentences = quoted
    # a list item is read whole: "d) Youth network. Kari Dal presented it." names its presenter in its next sentence
    items = _list_items(lines, start, end)
    spans: dict[tuple[int, int], object] = {}
    for s in chosen:
        item = next(((a, b) for a, b in items if a <= s.first and s.last <= b), None)
        a, b = item or (s.first, s.last)
        # the unit's text is its sentences' (every sentence of its list item, even on one line): a fact counts
        # where its quote is one of them
        said = " ".join(x.text for x in sentences if a <= x.first and x.last <= b) if item else s.text
        if (a, b) in spans and not item:  # two sentences on one line ("Vedtak: … vedteken. Det settes av …"): both
            said = f"{spans[a, b].text} {said}"
        spans[a, b] = Sentence(said, a, b)
    return list(spans.values())


def _with_heading(sentences: list, with_heading: list) -> list:
    """The first sentence read with the heading it runs on from, where a heading has no blank line
    after it: some extraction reads it so ("Sak 4/22 Dataplattform Kari Dahl viste …" names Kari Dahl
    on the heading's lines too), and a fact quoted so is a fact of that sentence."""
    if not sentences or not with_heading:
        return sentences
    first, joined = sentences[0], with_heading[0]
    if joined.first < first.first and joined.last == first.last and joined.text.endswith(first.text):
        return [joined, *sentences[1:]]
    return sentences


def _list_items(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """The line spans of the list items between two lines: from a line that opens one to the line
    that ends its last sentence, the next item or a blank line (minutes run an item's lines on with
    no mark, and the prose after a list too)."""
    from kg.lang.sentences import LIST_ITEM

    spans: list[tuple[int, int]] = []
    opened = None
    for n in range(start, end + 1):
        line = lines[n - 1]
        if opened is not None and (not line.strip() or LIST_ITEM.match(line)):
            spans.append((opened, n - 1))
            opened = None
        if LIST_ITEM.match(line):
            opened = n
        if opened is not None and line.rstrip().endswith((".", "!", "?")):
            spans.append((opened, n))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


MIN_HEAD = 4  # letters of a compound's first part searched alone ("cruise" of "cruiseskip")
MAX_BEGUN = 5  # compounds of the index searched for a first part it does not hold alone


def wider_words(text: str, known=lambda word: False, indexed=frozenset) -> tuple[list[str], list[str]]:
    """What a search tries beside a question's words as written, as two lists. First, the words in
    Norwegian where some are English (kg.lang.english), searched before the words as written, which find
    Norwegian text only where an English word is spelt as a Norwegian one ("plant" finds "plan"): two of
    them as the one compound they name where the text has it (known: the search index holds the word;
    "wild salmon" is "villaks"), else each as its Norwegian words ("youth network" is "ungdom nettverk"),
    a word the index holds only as a compound's first part as those compounds (indexed: the index's words).
    Then, when those find nothing, the words with each compound cut to its first part, the part that says
    what it is about, where the text writes it with another head ("cruiseskip" finds "cruisetrafikken" by
    "cruise"; the head "skip" would find any ship)."""
    from kg.lang.morphology import morphology
    from kg.search.analysis import words as words_of

    analyse = morphology()
    written = words_of(text)
    said = _said(written, analyse)
    if any(n != (w,) for n, w in zip(said, written)):
        said = _begun(said, analyse, known, indexed)
    joined = _joined(written, said, known)
    translated = [" ".join(words) for words in (joined, [_either(n) for n in said if n]) if words != written and words]
    heads = [_head(word, analyse) or word for word in written]
    return list(dict.fromkeys(translated)), [" ".join(heads)] if heads != written else []


def _said(written: list[str], analyse) -> list[tuple[str, ...]]:
    """Each word's Norwegian words: an English word's from the dictionary, else as Norwegian spells it
    where Norwegian has borrowed it ("centre": "senter"), beside the word itself where Norwegian has a word
    so spelt too, not inflected ("fire": "brann", but "fire" is four; "drilling"), a name as written; none for a word of a
    question in English that neither Norwegian nor the dictionary knows ("sites" of "salmon farming
    sites"), which no Norwegian text holds either."""
    from kg.lang.english import borrowed, norwegian

    norsk = analyse.known_of(written)
    spelt = {w: borrowed(w) for w in written if w.islower() and not norwegian(w)
             and (w not in norsk or analyse(w).parts)}  # "by" is no borrowed "bi"
    norsk |= analyse.known_of([s for forms in spelt.values() for s in forms])
    # a borrowed spelling Norwegian knows whole, not as a compound of other words ("ministri" is no mini-stri)
    spelt = {w: tuple(s for s in forms if s in norsk and not analyse(s).parts) for w, forms in spelt.items()}
    # a capitalised word is a name ("Horizon Europe", "Green Offshore Tech"), as the minutes write it too
    translated = {w: w.islower() and norwegian(w) or spelt.get(w, ()) for w in written}
    # an English word with Norwegian words is one itself only where it is a Norwegian word's base form:
    # "plant" is Norwegian "plan" inflected, and would find any plan
    said = [((w,) if w.lower() in norsk and not (translated[w] and analyse(w).inflected) else ()) + translated[w]
            or (w,) for w in written]
    english = any(n != (w,) for n, w in zip(said, written))
    return [() if english and n == (w,) and w.islower() and w not in norsk else n
            for n, w in zip(said, written)]


def _begun(said: list[tuple[str, ...]], analyse, known, indexed) -> list[tuple[str, ...]]:
    """Each word the index does not hold, beside the compounds of the index that begin with it: a
    compound the analysers know whole is indexed without its parts, so "gass" alone finds no
    "gassanlegget" (the rest of the compound must be a word, after its linking letter)."""
    from kg.lang.morphology import LINKS

    todo = {w for n in said for w in n if w.islower() and len(w) >= MIN_HEAD and not known(w)}
    if not todo:
        return said
    words = indexed()
    begun = {w: sorted(c for c in words if c.startswith(w) and len(c) >= len(w) + MIN_HEAD) for w in todo}
    rests = {c[len(w):] for w, found in begun.items() for c in found}
    rests |= {r[len(link):] for r in list(rests) for link in LINKS if r.startswith(link)}
    words_known = analyse.known_of(sorted(rests))
    for w, found in begun.items():
        begun[w] = [c for c in found if c[len(w):] in words_known
                    or any(c[len(w):].startswith(link) and c[len(w) + len(link):] in words_known for link in LINKS)]
    return [tuple(dict.fromkeys(x for w in n for x in (w, *begun.get(w, ())[:MAX_BEGUN]))) for n in said]


def _either(words: tuple[str, ...]) -> str:
    """One word, or its alternatives as the search's OR ("(selskap OR firma)")."""
    return words[0] if len(words) == 1 else "(" + " OR ".join(words) + ")"


def _joined(written: list[str], said: list[tuple[str, ...]], known) -> list[str]:
    """The words with each two in a row, one of them English, as the Norwegian compound of what they
    say, where one of its spellings is known (the first known wins, and a word joins one compound only);
    the others as what they say. The words as written where no compound is known."""
    from kg.lang.english import compounds

    out, i, found_any = [], 0, False
    while i < len(written):
        pair = said[i:i + 2]
        english = len(pair) == 2 and all(pair) and (pair[0] != (written[i],) or pair[1] != (written[i + 1],))
        found = next((c for c in compounds(*pair) if known(c)), None) if english else None
        if found:
            out.append(found)
        elif said[i]:
            out.append(_either(said[i]))
        found_any = found_any or bool(found)
        i += 2 if found else 1
    return out if found_any else written


def _head(word: str, analyse) -> str | None:
    """A compound's first part: the analysis's, else the longest known word before a known word of four
    letters or more ("cruise" of "cruiseskip", "sykkel" of "sykkelvegen"), without its linking letter."""
    parts = analyse(word).parts
    if parts:
        return parts[0]
    split = analyse.split(word, shortest=MIN_HEAD)
    return split[0] if split else None


BESIDE = ("amount", "date", "place")  # what a line says beside its answer: the plain fields a question may ask for


def asked_beside(question: str) -> set[str]:
    """The plain fields a question asks for beside its answer, wherever it asks: "how much" (amount),
    "when" (date), "where" or "in which municipality" (place): "Which company drills for copper, and where?"."""
    low = question.lower()
    asked = set()
    for pattern, kind in grammar.QUESTION_WORDS:  # longest cue first: "hvor mye" asks an amount, not a place
        if kind in BESIDE and word_pattern(pattern).search(low):
            asked.add(kind)
            low = word_pattern(pattern).compiled.sub(" ", low)
    if word_pattern(grammar.PLACE_QUESTION).search(low):
        asked.add("place")
    return asked
