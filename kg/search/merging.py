"""Which segments of the section index a commit merges: kg's own rule, in place of whoosh's.

Each commit (an ingest's chunk, a document) writes a segment, and a search reads each term once a
segment, so many segments make every search slower. Whoosh's rule (MERGE_SMALL) merges rarely and
then much: after the 40 commits of a 10,000-document ingest it had merged half the archive once
and left 21 segments. Here segments are merged by size, as a log-structured index merges them:
segments of one level (sizes within a factor FACTOR of each other) are merged when FACTOR of them
would stand, the new commit's sections among them, so that few segments stand (at most FACTOR - 1
a level) and each section is rewritten only once a level.

A merge in whoosh also changes scores: it copies each section's field lengths as the one byte it
keeps of them, and so sums them anew, inexactly, into the average field length BM25F divides by.
Here the merged segment keeps the exact sums of the segments it is made of, so that a search gives
the same pages however the index was cut into segments and merged.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import _lenfield
from whoosh.reading import SegmentReader

from kg.search.postings import term_postings

FACTOR = 8  # segments a level holds before they are merged into one of the next level
UNIT = 100  # sections: segments up to this size are of the lowest level (a document has about 11)


def level(sections: int) -> int:
    """The level of a segment of so many sections: 0 up to UNIT, 1 up to UNIT * FACTOR, …"""
    n, size = 0, UNIT
    while sections > size:
        n, size = n + 1, size * FACTOR
    return n


def to_merge(sizes: list[int], adding: int) -> list[int]:
    """The places (in sizes: the existing segments' sections) of the segments to merge with a
    commit of adding sections: those of the new segment's level when, with it, they are FACTOR,
    then those of the level the merged segment reaches, and so on."""
    chosen: list[int] = []
    size = adding
    while True:
        same = [i for i, n in enumerate(sizes) if i not in chosen and level(n) == level(size)]
        if len(same) < FACTOR - 1:
            return chosen
        chosen += same
        size += sum(sizes[i] for i in same)


def merge_by_level(writer, segments: list) -> list:
    """A whoosh merge policy (writer.commit(mergetype=...)): merges the segments to_merge names
    into the new segment; returns those left as they are."""
    chosen = set(to_merge([s.doc_count_all() for s in segments], writer.docnum - writer.docbase))
    for i in sorted(chosen):
        _add_exactly(writer, segments[i])
    return [s for i, s in enumerate(segments) if i not in chosen]


def _add_exactly(writer, segment) -> None:
    """Add the segment's live sections to the writer's new segment, with its fields' exact total
    lengths (less the deleted sections', which are known only as whoosh's byte)."""
    lengths = writer.perdocwriter._fieldlengths
    before = dict(lengths)
    reader = SegmentReader(writer.storage, writer.schema, segment)
    try:
        _add_reader(writer, reader)
        deleted = reader.deleted_docs_set
        for fieldname, total in segment._fieldlengths.items():
            gone = sum(reader.doc_field_length(d, fieldname) or 0 for d in deleted)  # None: no length
            lengths[fieldname] = before.get(fieldname, 0) + total - gone
    finally:
        reader.close()


def _add_reader(writer, reader) -> None:
    """What writer.add_reader(reader) does, in a third less time: whoosh reads the postings one
    at a time through a matcher, and asks the file system, for each section and field without a
    length column (the unscored ones), whether it has one; here postings are read a block at a time
    (kg.search.postings) and the missing columns noted once."""
    perdoc = reader._perdoc
    for fieldname in writer.schema.names():
        if not perdoc.has_column(_lenfield(fieldname)):
            perdoc._readers[_lenfield(fieldname)] = None  # what its cache of columns holds for "none"
    basedoc = writer.docnum
    docmap = writer.write_per_doc(set(writer.schema.names()), reader)  # None: no section deleted
    add = writer.pool.add
    for fieldname in reader.indexed_field_names():
        format_ = writer.schema[fieldname].format
        for text, terminfo in reader.iter_field(fieldname):
            ids, weights, values = term_postings(reader, terminfo, format_)
            for d, weight, value in zip(ids, weights, values):
                if docmap is None:
                    add((fieldname, text, basedoc + d, weight, value))
                elif d in docmap:
                    add((fieldname, text, docmap[d], weight, value))
    writer._added = True
