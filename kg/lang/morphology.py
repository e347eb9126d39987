"""Norwegian word analysis shared by the index and the query: lemmas, compound parts, bokmål forms.

A word becomes its whole-word keys (its lemmas in bokmål and nynorsk, the bokmål lemma of a
nynorsk word, and the word itself) and, when it is a compound, its parts (each part's lemmas,
and every run of two or more parts short of the whole). "hamnesamarbeidet" has the keys
hamnsamarbeid and havnsamarbeid and the parts hamn, havn and samarbeid, so "havnesamarbeid"
and "samarbeid" both find it. Proper names and unknown words are kept as they are.

Two analysers, the better one used when it is installed:
- Apertium's Nynorsk–Bokmål morphology (Debian packages apertium-nno-nob and lttoolbox; built
  from the Norwegian full-form dictionary): lemmas, compounds and nynorsk → bokmål in one pass,
  one `lt-proc` process per batch of words;
- simplemma (PyPI, bundled nb and nn dictionaries), for the words Apertium does not know, and
  alone where Apertium is not installed; compounds are then split against its dictionaries.
Analyses are cached per distinct word, in memory and in a file beside the index.
"""

from __future__ import annotations

import atexit
import importlib.util
import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import threading
from dataclasses import dataclass, replace
from functools import cache, cached_property
from pathlib import Path

from kg.paths import LEXICON_DIR, cache_dir

APERTIUM_DIR = Path(os.environ.get("KG_APERTIUM_DIR", "/usr/share/apertium/apertium-nno-nob"))
APERTIUM_FILES = {"nob": "nob-nno.automorf.bin", "nno": "nno-nob.automorf.bin", "nno-nob": "nno-nob.autobil.bin"}
APERTIUM_HINT = ("install Debian's apertium-nno-nob and lttoolbox (apt-get install apertium-nno-nob lttoolbox) "
                 "for compound splitting and nynorsk-to-bokmål search, then run kg reindex")
CACHE_TABLE = "analysis_3"  # analyses of an older form (another table) are made again
MAX_KEYS = 12  # keys of one word at most: combinations of ambiguous parts stop here
VOWELS = "aeiouyæøå"
LINKS = ("s", "e")  # linking letters between compound parts ("verden-s-arv", "barn-e-hage")
MIN_GUESS = 4  # letters in each side of an unknown compound split by guess ("klima" + "dashboard")


@dataclass(frozen=True)
class WordAnalysis:
    lemmas: tuple[str, ...]  # whole-word keys, lowercase
    parts: tuple[str, ...] = ()  # compound parts and runs of parts, lowercase (not the whole)
    # lemmas only a verb reading gives ("etablert" → etablere, "helst" → helse as a participle):
    # search matches them, topic tagging does not (a topic is a noun, "etablerer" the founder)
    verbal: tuple[str, ...] = ()
    # the word as written (lemmas[0]) is no reading's lemma ("planane", "etableres"): an index
    # field of lemmas need not hold it, the field of words as written does
    inflected: bool = False

    @cached_property  # topic tagging asks for it for every candidate word of every sentence
    def nominal(self) -> tuple[str, ...]:
        return tuple(k for k in self.lemmas if k not in self.verbal)

    @property
    def lemma_keys(self) -> tuple[str, ...]:
        """The keys a field of lemmas holds: the lemmas, and the word as written only when it
        is a lemma itself ("kobber" is one, and the plural of "kobbe"). A query is read the
        same way, so "planane" still meets "planen" through plan; a fifth of an index's postings."""
        return self.lemmas[1:] if self.inflected else self.lemmas

    @property
    def other_lemmas(self) -> tuple[str, ...]:
        """The whole-word keys other than the word as written: what a field of lemmas adds to
        the field of words as written, when a query looks a lemma up in both."""
        return self.lemmas[1:]

    def encode(self) -> str:
        return "|".join((*(" ".join(x) for x in (self.lemmas, self.parts, self.verbal)), "i" * self.inflected))

    @staticmethod
    def decode(text: str) -> WordAnalysis:
        lemmas, parts, verbal, inflected = text.split("|")
        return WordAnalysis(tuple(lemmas.split()), tuple(parts.split()), tuple(verbal.split()), inflected == "i")


def kept(word: str) -> WordAnalysis:
    """A proper name or unknown word: itself, lowercased."""
    return WordAnalysis((word.lower(),))


def from_readings(word: str, readings: list[list[tuple[str, ...]]]) -> WordAnalysis:
    """Keys and parts of a word from its readings, each a list of parts, each part the
    alternative lemmas it may stand for. The readings with fewest parts win ("datasentre" is
    datasenter, not data + entré); a capitalised proper-name reading keeps the word whole."""
    if not readings:
        return kept(word)
    fewest = min(len(r) for r in readings)
    keys = dict.fromkeys([word.lower()])
    parts: dict[str, None] = {}
    for reading in (r for r in readings if len(r) == fewest):
        keys.update(dict.fromkeys(_joined(reading)))
        if len(reading) > 1:
            for start, end in itertools.combinations(range(len(reading) + 1), 2):
                if end - start < len(reading):
                    parts.update(dict.fromkeys(_joined(reading[start:end])))
    parts = {p: None for p in parts if p not in keys}
    inflected = not any(word.lower() in _joined(r) for r in readings if len(r) == fewest)
    return WordAnalysis(tuple(keys)[:MAX_KEYS], tuple(parts)[: 2 * MAX_KEYS], inflected=inflected)


def _joined(parts: list[tuple[str, ...]]) -> list[str]:
    return ["".join(combo) for combo in itertools.islice(itertools.product(*parts), MAX_KEYS)]


class Apertium:
    """Apertium's bokmål and nynorsk analysers (`lt-proc -e` splits compounds), with the
    bilingual dictionary for the bokmål lemma of a nynorsk one."""

    name = "apertium"

    @staticmethod
    def available() -> bool:
        return shutil.which("lt-proc") is not None and all((APERTIUM_DIR / f).is_file()
                                                            for f in APERTIUM_FILES.values())

    def analyse(self, words: list[str]) -> dict[str, WordAnalysis | None]:
        """Analyses of the words Apertium knows; None for the others."""
        nob = [_readings(out) for out in _lt_proc("-e", APERTIUM_FILES["nob"], words)]
        nno = [_readings(out) for out in _lt_proc("-e", APERTIUM_FILES["nno"], words)]
        nno_lemmas = sorted({p for readings in nno for reading in readings for p in reading})
        bokmaal = dict(zip(nno_lemmas, (_translations(out) for out in
                                         _lt_proc("-b", APERTIUM_FILES["nno-nob"], [f"^{p}$ " for p in nno_lemmas]))))
        out: dict[str, WordAnalysis | None] = {}
        for word, nob_r, nno_r in zip(words, nob, nno):
            readings = [[(_lemma(p),) for p in r] for r in nob_r]
            readings += [[(_lemma(p), *bokmaal.get(p, ())) for p in r] for r in nno_r]
            if not readings:
                out[word] = None
            elif word[:1].isupper() and any(len(r) == 1 and "<np>" in r[0] for r in (*nob_r, *nno_r)):
                out[word] = None if _organisation(nob_r + nno_r) else kept(word)
            else:
                whole = [(r[0], (_lemma(r[0]), *bokmaal.get(r[0], ()))) for r in (*nob_r, *nno_r) if len(r) == 1]
                verbs = {k for tags, lemmas in whole if _VERBAL.search(tags) for k in lemmas}
                others = {k for tags, lemmas in whole if not _VERBAL.search(tags) for k in lemmas}
                out[word] = replace(from_readings(word, readings), verbal=tuple(sorted(verbs - others)))
        return out


def _organisation(readings: list[list[str]]) -> bool:
    """Only an organisation's name (<org>): made of common words ("Kystverket", "Jernbane-
    direktoratet"), so left unknown here to be split as a compound; a person's or a place's
    name ("Haugland" is both) is kept whole."""
    names = [r[0] for r in readings if len(r) == 1 and "<np>" in r[0]]
    return all("<org>" in name for name in names)


def _lt_proc(mode: str, transducer: str, inputs: list[str]) -> list[str]:
    """lt-proc's output for each input (NUL-separated, -z), from one process kept for the life
    of this one: starting lt-proc (loading its transducer) costs more than a document's words."""
    if not inputs:
        return []
    outputs = _transducer(mode, transducer).run(inputs)
    return outputs + [""] * (len(inputs) - len(outputs))


class _Transducer:
    """A running `lt-proc -z`: it flushes its output at each NUL, so inputs go in and their
    outputs come back one NUL-terminated piece each, batch after batch."""

    def __init__(self, command: list[str]):
        self.command = command
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def run(self, inputs: list[str]) -> list[str]:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            payload = ("\0".join(inputs) + "\0").encode("utf-8")
            writer = threading.Thread(target=self._write, args=(payload,), daemon=True)  # a full pipe must not stop the reader
            writer.start()
            chunks, ends = [], 0
            while ends < len(inputs):
                chunk = self._proc.stdout.read1(1 << 16)
                if not chunk:  # lt-proc ended: the words left have no analysis
                    break
                chunks.append(chunk)
                ends += chunk.count(b"\0")
            writer.join()
            return b"".join(chunks).decode("utf-8", "replace").split("\0")[: len(inputs)]

    def close(self) -> None:
        """End lt-proc (its input closed, it finishes) and wait for it, so no process is left."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.stdin.close()
            self._proc.wait(timeout=10)

    def _write(self, payload: bytes) -> None:
        try:
            self._proc.stdin.write(payload)
            self._proc.stdin.flush()
        except BrokenPipeError:
            pass


@cache
def _transducer(mode: str, transducer: str) -> _Transducer:
    running = _Transducer(["lt-proc", "-z", mode, str(APERTIUM_DIR / transducer)])
    atexit.register(running.close)
    return running


_CODE = re.compile(r"\d")
_READING_PART = re.compile(r"(?<=>)\+")
_VERBAL = re.compile(r"<vblex>|<pp>")  # a verb form, or a participle used as an adjective


def _readings(output: str) -> list[list[str]]:
    """`^surface/lemma<tags>+lemma<tags>/…$` → readings, each a list of 'lemma<tags>' parts
    (<cmp> marks dropped); none for an unknown word (`*`)."""
    body = output.strip().removeprefix("^").removesuffix("$")
    readings = []
    for reading in body.split("/")[1:]:
        if reading.startswith("*"):
            return []
        readings.append([p.replace("<cmp>", "") for p in _READING_PART.split(reading)])
    return readings


def _lemma(part: str) -> str:
    return part.split("<", 1)[0].lower()


def _translations(output: str) -> tuple[str, ...]:
    """Bokmål lemmas of `^nynorsk<tags>/bokmål<tags>/…$` (@ marks a word without translation)."""
    found = output.strip().removeprefix("^").removesuffix("$").split("/")[1:]
    return tuple(dict.fromkeys(_lemma(t) for t in found if t and not t.startswith("@")))


def _pairs(name: str) -> list[tuple[str, str]]:
    lines = (raw.split("#", 1)[0].split() for raw in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines())
    return [(words[0].casefold(), words[1].casefold()) for words in lines if len(words) == 2]


class Simplemma:
    """simplemma's bokmål and nynorsk lemmas; compounds split where the last part and the rest
    are words of its dictionaries ("sykehus" + "bygg")."""

    name = "simplemma"
    LANGS = ("nb", "nn")
    BOKMAAL = dict(_pairs("search_nynorsk.txt"))  # simplemma has no bilingual dictionary

    @staticmethod
    def available() -> bool:
        """Installed (found, not imported: importing it costs half a second)."""
        return importlib.util.find_spec("simplemma") is not None

    def analyse(self, words: list[str]) -> dict[str, WordAnalysis | None]:
        lemmatize = _simplemma().lemmatize
        out: dict[str, WordAnalysis | None] = {}
        for word in words:
            lower = word.lower()
            lemmas = list(dict.fromkeys(lemmatize(lower, lang=lang).lower() for lang in self.LANGS))
            if not self._known(lower):  # its rules guess lemmas of unknown words too
                out[word] = None
                continue
            lemmas = [self.BOKMAAL.get(lemma, lemma) for lemma in lemmas] + lemmas
            split = self._split(next((lemma for lemma in lemmas if lemma != lower), lower))
            readings = [[(lemma,)] for lemma in dict.fromkeys(lemmas)]
            whole = from_readings(word, readings)
            out[word] = _with_parts(whole, split) if split else whole
        return out

    def _split(self, word: str) -> list[tuple[str, ...]] | None:
        """Parts of a compound, each as its lemmas: the longest known last part first."""
        for cut in range(MIN_GUESS, len(word) - MIN_GUESS + 1):
            head, tail = word[:cut], word[cut:]
            if not self._known(tail):
                continue
            for h in (head, *(head[: -len(link)] for link in LINKS if head.endswith(link))):
                if len(h) >= MIN_GUESS and (self._known(h) or self._split(h)):
                    head_parts = self._split(h) if not self._known(h) else [(h,)]
                    return [*head_parts, (_simplemma().lemmatize(tail, lang=self.LANGS).lower(),)]
        return None

    def _known(self, word: str) -> bool:
        return len(word) >= MIN_GUESS - 1 and _simplemma().is_known(word, self.LANGS)


class _Simplemma:
    """simplemma's lemmatizer and dictionary lookup, over its dictionaries read as tries kept on disk
    where marisa-trie is installed (simplemma's extra): decoding the bundled nb and nn dictionaries
    costs 0.7 s of CPU in each process that meets a word Apertium lacks (a question's "jobber"),
    opening the tries 0.02 s; they are made once, in kg's cache folder (kg.paths.cache_dir)."""

    def __init__(self):
        import simplemma
        from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
        from simplemma.utils import normalize_token

        factory = _dictionaries(simplemma.__version__)
        self.lemmatize = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)).lemmatize
        self._lookup = DictionaryLookupStrategy(factory)
        self._normalise = normalize_token

    def is_known(self, word: str, langs: tuple[str, ...]) -> bool:
        """simplemma.is_known, over these dictionaries."""
        word = self._normalise(word)
        return any(self._lookup.get_lemma(word, lang) is not None for lang in langs)


def _dictionaries(version: str):
    """The tries in kg's cache folder; else (marisa-trie not installed, or no folder to keep them in)
    the bundled dictionaries decoded in memory, as building the tries in every process would cost more."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

    tries = cache_dir() / f"simplemma-{version}"
    try:
        tries.mkdir(parents=True, exist_ok=True)
        if os.access(tries, os.W_OK):
            return TrieDictionaryFactory(disk_cache_dir=str(tries))
    except (ImportError, OSError):
        pass
    return DefaultDictionaryFactory()


@cache
def _simplemma() -> _Simplemma:
    return _Simplemma()


def _with_parts(analysis: WordAnalysis, split: list[tuple[str, ...]]) -> WordAnalysis:
    compound = from_readings("", [split])
    parts = tuple(p for p in dict.fromkeys((*compound.parts, *compound.lemmas[1:])) if p not in analysis.lemmas)
    return replace(analysis, parts=parts)


class Morphology:
    """Analyses per distinct word through the best installed analysers, cached in memory and,
    once an index is open, in a file beside it."""

    def __init__(self, analysers: list):
        self.analysers = analysers
        self.name = "+".join(a.name for a in analysers) or "none"
        self._memory: dict[str, WordAnalysis] = {}
        self._known: dict[str, bool] = {}  # word (lower case) → whether some analyser knows it as it is
        self._db: sqlite3.Connection | None = None
        # an ingest's writer thread indexes while its main thread may prepare a document: one at a time
        self._lock = threading.RLock()

    def persist_in(self, folder: Path) -> None:
        """Keep analyses in folder/morphology-<analysers>.sqlite (one file per analyser set)."""
        with self._lock:
            self._persist_in(folder)

    def _persist_in(self, folder: Path) -> None:
        path = Path(folder) / f"morphology-{self.name}.sqlite"
        if self._db is not None and self._db_path == path:
            return
        self._saved: set[str] = set()  # words known to be in this file
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)  # used under self._lock
        self._db_path = path
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {CACHE_TABLE} (word TEXT PRIMARY KEY, value TEXT NOT NULL)")

    def prepare(self, words) -> None:
        """Analyse, in one batch per analyser, the words not yet cached."""
        words = list(dict.fromkeys(words))
        with self._lock:
            self._prepare(words)

    def _prepare(self, words: list[str]) -> None:
        todo = [w for w in words if w not in self._memory]
        if self._db is not None:
            self._save({w: self._memory[w] for w in words if w in self._memory and w not in self._saved})
        if todo and self._db is not None:
            for i in range(0, len(todo), 500):
                chunk = todo[i : i + 500]
                rows = self._db.execute(f"SELECT word, value FROM {CACHE_TABLE} WHERE word IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall()
                self._memory.update((w, WordAnalysis.decode(v)) for w, v in rows)
                self._saved.update(w for w, _ in rows)
            todo = [w for w in todo if w not in self._memory]
        if not todo:
            return
        found = {w: kept(w) for w in todo if _CODE.search(w)}  # numbers and codes ("2023", "E39") are no words to analyse
        todo = [w for w in todo if w not in found]
        found.update(self._analyse(todo))
        found.update(self._guess_compounds([w for w in todo if w not in found]))
        found.update((w, kept(w)) for w in todo if w not in found)
        self._memory.update(found)
        if self._db is not None:
            self._save(found)

    def _save(self, analyses: dict[str, WordAnalysis]) -> None:
        """Keep analyses in the file of the open index (also those another index's words had)."""
        if analyses:
            try:
                with self._db:
                    self._db.executemany(f"INSERT OR REPLACE INTO {CACHE_TABLE} VALUES (?, ?)",
                                         [(w, a.encode()) for w, a in analyses.items()])
            except sqlite3.OperationalError:  # the index's folder may not be written (read-only): memory only
                self._db = None
                return
            self._saved.update(analyses)

    def _analyse(self, words: list[str], names: bool = False) -> dict[str, WordAnalysis]:
        """Analyses of the words some analyser knows, each asked about the words the ones
        before it did not know. A capitalised word the first analyser does not know is a name,
        and so are the pieces of one (names=True): the others are not asked about them. (On
        the development corpus 7 of 3,218 words were otherwise read by simplemma, all names but
        one, "Trandem" as "Trondheim"; and simplemma's dictionaries, 2.4 s to load, are then
        loaded only for a common word Apertium lacks.)"""
        found: dict[str, WordAnalysis] = {}
        for n, analyser in enumerate(self.analysers):
            rest = [w for w in words if w not in found and not (n and (names or w[:1].isupper()))]
            if not rest:
                break
            found.update((w, a) for w, a in analyser.analyse(rest).items() if a is not None)
        return found

    def _guess_compounds(self, unknown: list[str]) -> dict[str, WordAnalysis]:
        """Unknown words made of a known word and an unknown one, joined as
        compounds are: "klimadashboard" is klima + dashboard.
        The cut with the longest known simple word wins (a known first part on a tie)."""
        cuts = {w.lower(): range(MIN_GUESS, len(w) - MIN_GUESS + 1) for w in unknown}
        pieces = {w: {piece for c in r for piece in (w[:c], w[c:], *(w[: c - 1] for link in LINKS if w[:c].endswith(link)))}
                  for w, r in cuts.items()}
        of_words = set().union(*(pieces[w.lower()] for w in unknown if not w[:1].isupper()))
        of_names = set().union(*(pieces[w.lower()] for w in unknown if w[:1].isupper())) - of_words
        analysed = {**self._analyse(sorted(of_words)), **self._analyse(sorted(of_names), names=True)}
        known = {w: a for w, a in analysed.items() if not a.parts}
        out = {}
        for word, r in cuts.items():
            scored = [(len(word) - c if word[c:] in known else 0, 1, c) for c in r]
            scored += [(c, 2, c) for c in r if self._head(word[:c], known)]
            length, _, cut = max(scored, default=(0, 0, 0))
            if length:
                first, last = self._head(word[:cut], known) or (word[:cut],), known.get(word[cut:])
                out[word] = from_readings(word, [[first, last.lemmas if last else (word[cut:],)]])
        return {w: out[w.lower()] for w in unknown if w.lower() in out}

    @staticmethod
    def _head(head: str, known: dict[str, WordAnalysis]) -> tuple[str, ...] | None:
        """The lemmas of a first part, with or without its linking letter."""
        for piece in (head, *(head[:-1] for link in LINKS if head.endswith(link))):
            if piece in known and len(piece) >= MIN_GUESS:
                return known[piece].lemmas
        return None

    def known(self, word: str) -> bool:
        """Some analyser knows the word as it is, not only by a guess at its parts."""
        return bool(self.known_of([word]))

    def known_of(self, words: list[str]) -> set[str]:
        """The words (lower case) some analyser knows as they are, asked in one batch; each word asked
        once a process (extraction asks about a document's capitalised words one by one, and each
        question is three round trips to lt-proc)."""
        lower = [w.lower() for w in words]
        todo = [w for w in dict.fromkeys(lower) if w not in self._known]
        if todo:
            found = self._analyse(todo)
            self._known.update((w, w in found) for w in todo)
        return {w for w in lower if self._known[w]}

    def split(self, word: str, shortest: int = 3) -> tuple[str, str] | None:
        """A word as two known words it may be made of, the first as long as it can be and without
        its linking letter: what a compound the analysers know whole ("lokalmat") is written as when
        its parts are written apart ("lokal mat"), or its first part ("cruise" of "cruiseskip"). A
        consonant written twice at the cut may stand for three ("villaks" is "vill laks")."""
        word = word.lower()
        for cut in range(len(word) - shortest, shortest - 1, -1):
            head, tail = word[:cut], word[cut:]
            doubled = head[-1] == head[-2] and head[-1] not in VOWELS
            tail = next((t for t in ((head[-1] + tail) if doubled else "", tail) if t and self.known(t)), None)
            if tail is None:
                continue
            for h in (head, *(head[:-len(link)] for link in LINKS if head.endswith(link))):
                if len(h) >= shortest and self.known(h):
                    return h, tail
        return None

    def __call__(self, word: str) -> WordAnalysis:
        if word not in self._memory:
            self.prepare([word])
        return self._memory[word]


@cache
def morphology() -> Morphology:
    """The process's analysis: Apertium and simplemma where both are installed, else what is.
    KG_MORPHOLOGY=simplemma forces the pip-only path (tests, comparisons)."""
    wanted = os.environ.get("KG_MORPHOLOGY", "apertium+simplemma").split("+")
    choices = {"apertium": Apertium, "simplemma": Simplemma}
    return Morphology([choices[n]() for n in wanted if n in choices and choices[n].available()])
