"""Each index segment's postings as packed arrays, in a SQLite file beside the segment.

Whoosh keeps a term's postings in blocks, each zlib-compressed and pickled together with the
words' positions, so reading a common word means unpickling every block of it (at 10,000
documents, most of a search's time). Here each term of a segment is one row: its section
numbers (array 'I'), for a scored field each posting's code, its frequency times 256 plus the
section's field-length byte (BM25F needs nothing else of it), and for a field with positions
every occurrence as one number, section << shift | position (so that a phrase is found by set
operations on them; see _shift). A search reads only the rows of its terms and casts their bytes to arrays
in place.

The file is written once per segment, after the commit that made the segment (a merge's too),
from the segment's own postings, deleted sections included (deletions change later; readers
drop them). A segment without one (an index written by older code, a writer stopped before
it) gets it on first use; where the folder cannot be written it is built in memory.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from array import array
from itertools import accumulate
from pathlib import Path
from pickle import loads
from weakref import WeakKeyDictionary

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.formats import Positions
from whoosh.index import TOC
from whoosh.system import _INT_SIZE

FORMAT = f"4 {sys.byteorder}"  # arrays are in the machine's byte order: another one's file is rebuilt
LONGEST = 64  # words of a phrase found by set operations over occurrences (longer: a section at a time)
SUFFIX = ".postings"  # after the segment's name, so whoosh deletes the file with the segment
EMPTY = memoryview(b"").cast("I")
_opened: WeakKeyDictionary = WeakKeyDictionary()  # segment reader → its side file, open while the reader lives


class SegmentPostings:
    """The side file of one segment, opened for reading."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self.shift = int(db.execute("SELECT value FROM meta WHERE key = 'shift'").fetchone()[0])
        self._type = "I" if self.shift < 32 else "Q"
        self._places = None

    def row(self, fieldname: str, text: str) -> tuple[memoryview, memoryview | None] | None:
        """The term's section numbers and codes (None in a field not scored), or None when the
        segment does not hold the term."""
        found = self._db.execute("SELECT ids, codes FROM postings WHERE field = ? AND term = ?",
                                 (fieldname, text)).fetchone()
        if found is None:
            return None
        ids, codes = found
        return memoryview(ids).cast("I"), None if codes is None else _cast(codes, len(ids) // 4)

    def rows(self, fieldname: str, texts: list[str]):
        """(term, section numbers, codes) of those of texts the segment holds, in one query."""
        for text, ids, codes in self._db.execute(
                f"SELECT term, ids, codes FROM postings WHERE field = ? AND term IN ({', '.join('?' * len(texts))})",
                (fieldname, *texts)):
            yield text, memoryview(ids).cast("I"), None if codes is None else _cast(codes, len(ids) // 4)

    def occurrences(self, fieldname: str, text: str) -> memoryview:
        """Every occurrence of the term as one number, section << shift | position, in order (a
        field with positions): a phrase is where its words' numbers follow one another."""
        found = self._db.execute("SELECT occurrences FROM postings WHERE field = ? AND term = ?",
                                 (fieldname, text)).fetchone()
        return memoryview(found[0] if found else b"").cast(self._type)

    def places(self) -> memoryview:
        """Each section's place in the segment's order of sections by document and lines (see
        place): which of sections of equal score come first, within the segment."""
        if self._places is None:
            self._places = memoryview(self._db.execute("SELECT ranks FROM places").fetchone()[0]).cast("I")
        return self._places

    def field(self, fieldname: str):
        """(term, section numbers) of every term of the field."""
        for text, ids in self._db.execute("SELECT term, ids FROM postings WHERE field = ?", (fieldname,)):
            yield text, memoryview(ids).cast("I")


def place(hit) -> tuple:
    """Where a section (its stored fields) stands in the archive: what orders sections of equal
    score (not whoosh's number for it, which a merge of segments changes)."""
    return hit["document"], tuple(hit["lines"]), hit["section_id"]


def postings_of(reader) -> SegmentPostings:
    """The side file of a whoosh segment reader (built in memory where it cannot be written, and
    for an empty index, which has no segment)."""
    if reader not in _opened:
        db = _kept(reader) if reader.storage() is not None else None
        _opened[reader] = SegmentPostings(db or _build(reader, sqlite3.connect(":memory:", check_same_thread=False)))
    return _opened[reader]


def _kept(reader) -> sqlite3.Connection | None:
    """The segment's side file, written first if it is missing or of another format."""
    db = _open(side_file(reader))
    if db is None:
        write(reader)
        db = _open(side_file(reader))
    return db


def write(reader) -> None:
    """Write the segment's side file (a temporary file renamed into place: readers see all of it
    or nothing); a folder that cannot be written keeps none."""
    path = side_file(reader)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        for left in path.parent.glob(f".{path.name}.*.tmp"):  # by a process killed while it wrote
            left.unlink(missing_ok=True)
        _build(reader, sqlite3.connect(tmp)).close()
        tmp.replace(path)
    except (OSError, sqlite3.Error):
        tmp.unlink(missing_ok=True)


def write_missing(ix) -> None:
    """Write the side file of each segment of the index that has none: after a commit, and before
    a search opens the index (one written by older code, or by a writer stopped before it wrote
    them), from a reader of ix (kg.search.index's, which maps the files: whoosh reads every block)."""
    folder = Path(ix.storage.folder)
    missing = {s.segment_id() for s in TOC.read(ix.storage, ix.indexname).segments
               if not (folder / f"{s.segment_id()}{SUFFIX}").exists()}
    if missing:
        with ix.reader() as reader:
            for sub, _ in reader.leaf_readers():
                if sub.storage() is not None and sub.segment().segment_id() in missing:  # None: an empty index's
                    write(sub)


def side_file(reader) -> Path:
    """Beside the segment's files, named after it (a compound segment's reader reads the folder
    through an overlay)."""
    storage = reader.storage()
    return Path(getattr(storage, "b", storage).folder) / f"{reader.segment().segment_id()}{SUFFIX}"


def _open(path: Path) -> sqlite3.Connection | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)  # ingest writes in a thread
        if db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == (FORMAT,):
            return db
        db.close()
    except sqlite3.Error:
        pass
    return None


def _build(reader, db: sqlite3.Connection) -> sqlite3.Connection:
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("CREATE TABLE postings (field TEXT, term TEXT, ids BLOB, codes BLOB, occurrences BLOB, "
               "PRIMARY KEY (field, term))")
    largest = [0]
    for fieldname in reader.indexed_field_names():
        db.executemany("INSERT INTO postings VALUES (?, ?, ?, ?, ?)", _rows(reader, fieldname, largest))
    shift = _shift(reader.doc_count_all(), largest[0])
    if shift < 32:
        db.create_function("narrowed", 1, lambda blob: _narrowed(blob, shift), deterministic=True)
        db.execute("UPDATE postings SET occurrences = narrowed(occurrences) WHERE occurrences IS NOT NULL")
    db.execute("CREATE TABLE places (ranks BLOB)")
    db.execute("INSERT INTO places VALUES (?)", (_places(reader).tobytes(),))
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("shift", shift)])
    db.commit()
    db.execute("VACUUM")  # the pages the wider numbers took
    return db


def _shift(sections: int, largest: int) -> int:
    """How far a section number is shifted in an occurrence's number: as little as leaves room for
    the largest position and a phrase of LONGEST words after it, so that (where sections allow) the
    number fits in 30 bits, which Python adds and hashes faster than larger ones; else 32."""
    shift = (largest + LONGEST).bit_length()
    return shift if max(sections, 1) << shift <= 1 << 30 else 32


def _narrowed(blob: bytes, shift: int) -> bytes:
    """Occurrences written as section << 32 | position, as section << shift | position."""
    return array("I", [k >> 32 << shift | k & 0xFFFFFFFF for k in memoryview(blob).cast("Q")]).tobytes()


def _places(reader) -> array:
    """Each section's rank in the segment by its place (deleted sections last)."""
    live = sorted(((place(fields), d) for d, fields in reader.iter_docs()))
    ranks = array("I", [len(live)]) * reader.doc_count_all()
    for rank, (_, d) in enumerate(live):
        ranks[d] = rank
    return ranks


def _rows(reader, fieldname: str, largest: list[int]):
    """The rows of the field's terms (largest: the largest position so far, kept up to date)."""
    field = reader.schema[fieldname]
    positional = type(field.format) is Positions
    lengths = _lengths(reader, fieldname) if field.scorable else None
    for text, terminfo in reader.iter_field(fieldname):
        ids, weights, values = term_postings(reader, terminfo, field.format)
        codes = None
        if lengths is not None:
            codes = _packed([int(w) << 8 | lengths[d] for d, w in zip(ids, weights)]).tobytes()
        occurrences = None
        if positional:
            positions = [list(_decoded(v)) for v in values]
            largest[0] = max(largest[0], max((at[-1] for at in positions if at), default=0))
            occurrences = array("Q", [d << 32 | p for d, at in zip(ids, positions) for p in at]).tobytes()
        yield fieldname, text if isinstance(text, str) else text.decode("utf-8"), \
            array("I", ids).tobytes(), codes, occurrences


def term_postings(reader, terminfo, format_) -> tuple[list[int], list[float], list]:
    """A term's section numbers, weights and values, deleted sections too: whole blocks at a
    time where whoosh keeps them in blocks. Read by the codec from the term's info as the term
    dictionary gave it (reader.postings would look the term up again and skip deleted sections)."""
    m = reader.codec().postings_reader(reader._terms._postfile, terminfo, format_)
    ids, weights, values = [], [], []
    if not isinstance(m, W3LeafMatcher):
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            values.append(m.value())
            m.next()
        return ids, weights, values
    while m.is_active():
        m._read_ids()
        m._read_weights()
        m._read_values()
        ids.extend(m._ids)
        weights.extend(m._weights)
        values.extend(m._values)
        m._next_block()
    return ids, weights, values


def _lengths(reader, fieldname: str) -> bytes:
    """The field's length byte of each section of the segment, as whoosh keeps them."""
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    return column._dbfile.get(column._basepos, column._count)


def _decoded(value: bytes):
    """A posting's positions, as whoosh's Positions format decodes them, without its loop in Python."""
    return accumulate(loads(value[_INT_SIZE:] if value[-1:] == b"." else value[_INT_SIZE:] + b"."))


def _packed(values: list[int]) -> array:
    """Two bytes a value where all fit, else four."""
    return array("H" if max(values, default=0) < 1 << 16 else "I", values)


def _cast(blob: bytes, count: int) -> memoryview:
    """An array of count values packed by _packed."""
    return memoryview(blob).cast("H" if len(blob) == 2 * count else "I")
