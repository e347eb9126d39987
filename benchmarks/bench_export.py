"""Export time and peak memory for a large store, in Turtle and N-Quads (and the other formats on request).

The store is built without the pipeline, which would take long at 10,000 documents:
``--seed-docs`` synthetic minutes (benchmarks/bench.py) are ingested for real, and their
document graphs are then copied until the store holds ``--docs`` documents. Each copy
gets its own document, section, evidence, meeting and attendance IRIs, while people,
bodies, projects and topics stay shared, as they are across real minutes. Each export
runs in a fresh process that reports its wall time and its peak resident memory
(Linux /proc: the peak is reset after the store is opened, so it is the export's own).

    python benchmarks/bench_export.py --docs 10000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench import synthetic_minutes  # noqa: E402


def build(store_dir: Path, docs: int, seed_docs: int) -> dict:
    """A kg store of ``docs`` documents made from ``seed_docs`` ingested ones; returns its figures."""
    import pyoxigraph as ox

    from kg.api import Archive

    with tempfile.TemporaryDirectory() as tmp:
        with Archive(store_dir) as archive:
            archive.ingest(synthetic_minutes(seed_docs, Path(tmp)))
            store, base = archive.store.ox, archive.store.base
            seeds = [g for g in store.named_graphs() if g.value.startswith(base + "document/")]
            templates = {g.value: list(store.quads_for_pattern(None, None, None, g)) for g in seeds}
            meeting = base + "meeting/"
            for copy in range(1, -(-docs // len(seeds))):
                for doc, quads in templates.items():
                    if len(seeds) * copy + list(templates).index(doc) >= docs:
                        break

                    def renamed(term, doc=doc, copy=copy):
                        if isinstance(term, ox.NamedNode):
                            if term.value.startswith(doc):
                                return ox.NamedNode(f"{doc}-{copy}{term.value[len(doc):]}")
                            if term.value.startswith(meeting):
                                return ox.NamedNode(f"{meeting}copy-{copy}/{term.value[len(meeting):]}")
                        return term

                    store.extend(ox.Quad(renamed(q.subject), q.predicate, renamed(q.object), renamed(q.graph_name))
                                 for q in quads)
            store.flush()
            graphs = sum(1 for _ in store.named_graphs())
            quads = len(store)
    return {"documents": docs, "named_graphs": graphs, "quads": quads}


def measure(store_dir: Path, fmt: str, out: Path) -> dict:
    """Run one export in a fresh process; its wall time, peak memory and output size."""
    code = f"""
import json, time
from pathlib import Path
from kg.api import Archive

def status(field):
    return next(int(line.split()[1]) // 1024 for line in open("/proc/self/status") if line.startswith(field))

archive = Archive(Path({str(store_dir)!r}), create=False)
archive.store.ox  # opening replays the store's log: its memory is not the export's
open_peak, before = status("VmHWM:"), status("VmRSS:")
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # Linux: reset the peak, so VmHWM below is the export's own
start = time.perf_counter()
with open({str(out)!r}, "wb") as f:
    n = archive.export({fmt!r}, f)
seconds = time.perf_counter() - start
print(json.dumps({{"format": {fmt!r}, "statements": n, "seconds": round(seconds, 1),
                  "rss_after_open_mb": before, "peak_while_opening_mb": open_peak,
                  "peak_during_export_mb": status("VmHWM:")}}))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout)
    figures["file_mb"] = round(out.stat().st_size / 2**20)
    return figures


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed-docs", type=int, default=50)
    ap.add_argument("--formats", nargs="+", default=["turtle", "nquads"])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "export")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    store_dir = args.out / f"store-{args.docs}"
    if not (store_dir / "kg.json").exists():
        start = time.perf_counter()
        figures = build(store_dir, args.docs, args.seed_docs)
        figures["build_seconds"] = round(time.perf_counter() - start, 1)
        print(json.dumps(figures))
    for fmt in args.formats:
        print(json.dumps(measure(store_dir, fmt, args.out / f"export-{args.docs}.{fmt}")))


if __name__ == "__main__":
    main()
