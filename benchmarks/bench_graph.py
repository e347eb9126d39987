"""Benchmark the question catalogue and the network commands on the synthetic archive of bench.py.

    python benchmarks/bench_graph.py --docs 1000 [--out /tmp/kg-bench-graph]

Writes N synthetic minutes (benchmarks/bench.py's generator), ingests them into
a fresh store (or reuses one made earlier with the same N), and prints the
whole-process wall time of a cold `kg ask`, of `kg rank` when the projection
must be built and when it is cached, and the projection's size. Figures, not
tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench import compile_bytecode, synthetic_minutes  # noqa: E402

KG = [sys.executable, "-m", "kg.cli"]


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(KG + args, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/kg-bench-graph"))
    args = ap.parse_args()
    compile_bytecode()
    store = args.out / f"store-{args.docs}"
    if not (store / "oxigraph").exists():
        paths = synthetic_minutes(args.docs, args.out / f"minutes-{args.docs}")
        start = time.perf_counter()
        subprocess.run(KG + ["--store", str(store), "ingest", str(paths[0].parent)], check=True, capture_output=True)
        print(f"ingest {args.docs} documents: {time.perf_counter() - start:.0f} s")
    st = ["--store", str(store)]
    for q in ("which regions work on hydrogen", "who attended most meetings", "which topics are rising",
              "which municipalities have never attended"):
        print(f"cold kg ask {q!r}: {timed(st + ['ask', q]):.2f} s")
    for old in (store / "graph").glob("projection-*.pickle"):
        old.unlink()
    print(f"kg rank, projection built: {timed(st + ['rank']):.2f} s")
    print(f"kg rank, projection cached: {timed(st + ['rank']):.2f} s")
    print(f"kg rank --by pagerank (cached): {timed(st + ['rank', '--by', 'pagerank']):.2f} s")
    print(f"kg rank --by betweenness (cached, sampled): {timed(st + ['rank', '--by', 'betweenness']):.2f} s")
    print(f"kg communities (cached): {timed(st + ['communities']):.2f} s")
    from kg.graph.projection import projection
    from kg.store.graphstore import GraphStore

    g = projection(GraphStore(store, create=False))
    pickle_size = sum(p.stat().st_size for p in (store / "graph").glob("*.pickle"))
    print(f"projection: {len(g)} nodes, {g.number_of_edges()} edges, cache {pickle_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
