"""Benchmark search alone, at archive sizes the full ingest is too slow to reach.

    python benchmarks/bench_search.py --docs 1000 10000 [--out benchmarks/out/search]

A full ingest of tens of thousands of documents takes long, so this builds the section index directly from
generated sections (IndexedSection, the same records ingest reads from the store), six
round-table sections a document, in the vocabulary of benchmarks/bench.py, with a fixed seed.
For each size it prints the index build time and size, in-process search latency (median,
p95) for single words, compound parts, phrases, synonyms and filtered queries, each beside raw
whoosh on the same index and query (its own parser, a page of 10) and the ratio of the medians, one document's
re-index time, and the whole-process wall time of `kg search`. Figures, not tests.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench import NOUNS, SENTENCES, TOPICS, compile_bytecode, percentiles, size_of  # noqa: E402

ACTORS = ["Asker", "Bærum", "Drammensregionen", "Søndre Viken", "Mosseregionen", "Bergen", "Voss", "Skien"]
BODIES = ["Osloregionen", "Vestlandsrådet", "Telemarksrådet"]
ORGS = ["Statens vegvesen", "Innovasjon Norge", "Forskningsrådet", "USN", "SINTEF"]
PROGRAMMES = ["Horizon Europe", "Interreg", "Digital Europe"]
NYNORSK = "Kommunane held fram med {topic}, og sjukehuset får eit nytt {noun} frå {org}."
QUERIES = {
    "word": ["hydrogen", "reiseliv", "bredbånd", "helsepark", "datasenter"],
    "compound part": ["park", "senter", "stasjon"],
    "phrase": ['"kunstig intelligens"', '"grønn omstilling"', '"offentlige anskaffelser"'],
    "synonym": ["AI", "IKT", "Horisont Europa"],
    "filtered": ["hydrogen actor:Bærum", "klima kind:roundtable year:2021", "digitalisering"],
}


def sections(docs: int, seed: int = 11):
    """Document name → generated round-table sections, bokmål and (every fifth) nynorsk."""
    from kg.search import IndexedSection

    rnd = random.Random(seed)
    day = date(2015, 1, 2)
    out = {}
    for i in range(docs):
        day += timedelta(days=1)
        name = f"synthetic_{i:05d}.txt"
        out[name] = []
        for n, actor in enumerate(rnd.sample(ACTORS, 6)):
            templates = [NYNORSK] if i % 5 == 0 else rnd.sample(SENTENCES, 3)
            text = " ".join(t.format(topic=rnd.choice(TOPICS), org=rnd.choice(ORGS), noun=rnd.choice(NOUNS),
                                     amount=f"{rnd.randint(1, 900)} 000", project=f"Prosjekt{rnd.randint(1, 400)}",
                                     programme=rnd.choice(PROGRAMMES), municipality=rnd.choice(ACTORS))
                            for t in templates)
            out[name].append(IndexedSection(
                document=name, section_id=f"urn:bench:{i}/{n}", title=actor, kind="roundtable", actor=actor,
                body=BODIES[i % len(BODIES)], date=day.isoformat(), lines=(10 + 3 * n, 12 + 3 * n), text=text,
                topics=tuple(t for t in TOPICS if t in text)[:3], mentions=tuple(o for o in ORGS if o in text)))
    return out


def timed(call, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        samples.append(time.perf_counter() - t)
    return samples


def raw_whoosh(index: Path):
    """The engine alone on the same index: whoosh's own parser over kg's text fields (no synonyms,
    lemmas or compound parts added) and a page of 10 hits with their stored fields."""
    from whoosh.index import open_dir
    from whoosh.qparser import MultifieldParser

    from kg.search.index import FIELD_BOOSTS, INDEX_NAME

    ix = open_dir(str(index), INDEX_NAME)
    searcher = ix.searcher()
    parser = MultifieldParser(list(FIELD_BOOSTS), ix.schema, fieldboosts=FIELD_BOOSTS)
    return lambda q: [hit.fields() for hit in searcher.search(parser.parse(q), limit=10)]


def bench(docs: int, out: Path) -> None:
    from kg.api import Archive

    store = out / f"store-{docs}"
    shutil.rmtree(store, ignore_errors=True)
    generated = sections(docs)
    with Archive(store) as archive:  # an empty graph store: kg search needs one to open
        t = time.perf_counter()
        archive.index.rebuild(generated)
        built = time.perf_counter() - t
        count = sum(len(s) for s in generated.values())
        print(f"\n{docs} documents, {count} sections: index built in {built:.1f} s, {size_of(store / 'index')}")
        archive.search("oppvarming")
        raw = raw_whoosh(store / "index")
        for label, queries in QUERIES.items():
            samples = [s for q in queries for s in timed(lambda q=q: archive.search(q), 10)]
            engine = [s for q in queries for s in timed(lambda q=q: raw(q), 10)]
            print(f"  search {label:<14} {percentiles(samples)}   raw whoosh {percentiles(engine)}   "
                  f"{statistics.median(samples) / statistics.median(engine):.2f}x its median")
        samples = timed(lambda: archive.search("hydrogen", facets=True), 10)
        print(f"  search + facets       {percentiles(samples)}")
        name = next(iter(generated))
        samples = timed(lambda: archive.index.replace_document(name, generated[name]), 5)
        print(f"  re-index 1 document   {percentiles(samples)}")
    kg = [str(Path(sys.executable).parent / "kg"), "--store", str(store), "search"]
    samples = timed(lambda: subprocess.run(kg + ["hydrogen"], capture_output=True, check=True), 5)
    print(f"  kg search (process)   {percentiles(samples)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "search")
    a = ap.parse_args()
    compile_bytecode()
    for docs in a.docs:
        bench(docs, a.out)


if __name__ == "__main__":
    main()
