"""Benchmark kg on a deterministic synthetic archive in the sample's layout.

    python benchmarks/bench.py --docs 1000 [--jobs 2] [--out benchmarks/out]

Writes N synthetic minutes (marked SYNTETISK; people drawn from the given-name
lexicon, bodies from the gazetteer and the body lexicon, a fixed random seed),
ingests them with `kg ingest` into a fresh store and prints, in one run on the same
documents: ingest documents/s; the raw engines' rate on the same data (whoosh: one
writer and one commit of the sections kg indexed; Oxigraph: one bulk load of the quads
kg stored) and kg's ratio to it; the rate of the first and the last chunk of documents;
store bytes a document once kg has closed it; in-process search and ask latency (median,
p95); cold `kg ask`, `kg search` and `kg --help` wall time against `python -c "import
click"`; and peak memory. kg's bytecode is compiled first, as an installed package has it.
Figures, not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember"]
WEEKDAYS = ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"]
SURNAMES = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen",
            "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen",
            "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen",
            "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen",
            "Bakken", "Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde",
            "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Kristensen", "Fredriksen", "Holm", "Lien", "Hauge"]
SENTENCES = [
    "Jobber med {topic} sammen med {org}.",
    "Har fått {amount} til prosjektet {project} innen programmet {programme}.",
    "Samarbeider bl.a. med {org} om {topic}.",
    "Det skal etableres en {noun} i {municipality}, og {org} er involvert.",
    "Vil gjerne samarbeide med flere om {topic} i hele regionen.",
    "Har en klynge for {topic} med {org} og {municipality}.",
]
TOPICS = ["kunstig intelligens", "digitalisering", "hydrogen", "grønn omstilling", "reiseliv", "bredbånd",
          "helse", "næringsareal", "offentlige anskaffelser", "klima", "smarte byer", "kompetanse", "transport"]
NOUNS = ["helsepark", "næringshage", "datasenter", "testsenter", "innovasjonspark", "ladestasjon"]


def lexicon(name: str) -> list[str]:
    return [line.strip() for line in (ROOT / "data" / "lexicon" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def synthetic_minutes(n: int, out: Path, seed: int = 7) -> list[Path]:
    """N minutes in the sample's layout, one meeting every two weeks from 2019."""
    rnd = random.Random(seed)
    given = [g for g in lexicon("given_names") if g.isalpha() and len(g) > 2]
    municipalities = [r["name"] for r in csv.DictReader(open(ROOT / "data/gazetteer/municipalities.csv", encoding="utf-8"))
                      if not r["valid_to"]]
    bodies = tomllib.loads((ROOT / "data/lexicon/bodies.toml").read_text(encoding="utf-8"))["body"]
    regions = [b["label"] for b in bodies if b["kind"] == "region"]
    orgs = [b["label"] for b in bodies if b["kind"] in ("organisation", "institution")]
    programmes = [b["label"] for b in bodies if b["kind"] == "programme"]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    day = date(2019, 1, 4)
    for i in range(n):
        day += timedelta(days=14)
        people = [(f"{rnd.choice(given)} {rnd.choice(SURNAMES)}", rnd.choice(municipalities + regions)) for _ in range(12)]
        actors = rnd.sample(regions + municipalities[:60], 4)
        lines = ["", f"Dato: {day.day}.{day.month}.{day.year % 100:02d}", "",
                 f"## Referat møte i Syntetisk faggruppe {i % 7} (SYNTETISK)", "",
                 f"Tid: {WEEKDAYS[day.weekday()]} {day.day}. {MONTHS[day.month - 1]} kl. 0900-1100", "",
                 "### Frammøtte:", "", "NAVN\tKOMMUNE / REGION"]
        lines += [f"{p}\t{b}" for p, b in people]
        lines += ["", "## Saksliste", "", "- 1. Godkjenning av innkalling**", "Innkallingen ble godkjent",
                  f"- 2. Innledning: {rnd.choice(TOPICS).capitalize()}**",
                  f"ved {people[0][0]}, rådgiver, {rnd.choice(orgs)}. Se egen presentasjon",
                  "- 3. Runden – hva gjør vi?**", ""]
        for actor in actors:
            lines += [f"### {actor}:", ""]
            text = []
            for template in rnd.sample(SENTENCES, 3):
                text.append(template.format(
                    topic=rnd.choice(TOPICS), org=rnd.choice(orgs), amount=f"{rnd.randint(1, 900)} 000",
                    project=f"Prosjekt{rnd.randint(1, 400)} Norge", programme=rnd.choice(programmes),
                    noun=rnd.choice(NOUNS), municipality=rnd.choice(municipalities)))
            lines += [" ".join(text), ""]
        event_day = day + timedelta(days=rnd.randint(5, 90))
        lines += ["### **4. Fremtidige arrangementer**", "",
                  f"1. {event_day.day}. {MONTHS[event_day.month - 1]} – Konferanse om {rnd.choice(TOPICS)} (TBA)", ""]
        p = out / f"synthetic_{i:05d}.txt"
        p.write_text("\n".join(lines), encoding="utf-8")
        paths.append(p)
    return paths


def percentiles(samples: list[float]) -> str:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return f"median {statistics.median(s) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def wall_times(cmd: list[str], runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return times


def bytes_of(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def size_of(path: Path) -> str:
    return f"{bytes_of(path) / 1e6:.1f} MB"


def ingest(kg: list[str], minutes: Path, jobs: int) -> tuple[float, list[float]]:
    """`kg ingest` in its own process: wall seconds, and when each document was told ingested."""
    told = []
    t = time.perf_counter()
    with subprocess.Popen(kg + ["ingest", str(minutes), "--jsonl", "--jobs", str(jobs)], stdout=subprocess.PIPE,
                          text=True) as p:
        for line in p.stdout:
            if json.loads(line).get("result") == "ingested":
                told.append(time.perf_counter() - t)
    return time.perf_counter() - t, told


def chunk_rates(told: list[float]) -> str:
    """Documents/s of the first and of the last whole chunk: a chunk's documents are told together
    once it is written, so the chunks are the bursts of told times, and a chunk's rate is its size
    over the time since the burst before it (a short tail is left out: its documents were prepared
    while the chunks before it were written)."""
    bursts: list[list[float]] = []
    for t in told:
        if bursts and t - bursts[-1][-1] < 0.05:
            bursts[-1].append(t)
        else:
            bursts.append([t])
    biggest = max(len(b) for b in bursts)
    whole = [i for i, b in enumerate(bursts) if len(b) >= biggest // 2]
    if len(whole) < 2:
        return "one chunk: nothing to compare"

    def rate(i: int) -> str:
        since = bursts[i - 1][-1] if i else 0.0
        return f"{len(bursts[i]) / (bursts[i][-1] - since):.1f} ({len(bursts[i])} documents)"

    return f"{rate(whole[0])} / {rate(whole[-1])} documents/s"


def raw_engines(store: Path, out: Path) -> None:
    """Seconds the engines alone take on kg's data, printed as JSON (run in a fresh process, so
    no cache of kg's ingest helps): whoosh indexing the sections kg indexed, in one writer and one
    commit; Oxigraph bulk-loading the quads kg stored, in one load."""
    import pyoxigraph as ox

    from kg.search.index import SectionIndex
    from kg.search.sections import sections_in_store
    from kg.store.graphstore import GraphStore

    graph = GraphStore(store, read_only=True)
    documents = sections_in_store(graph)
    out.mkdir(parents=True, exist_ok=True)
    dump = out / "store.nq"  # a file, not memory: at 10,000 documents the dump is gigabytes
    graph.ox.dump(dump, format=ox.RdfFormat.N_QUADS)
    graph.close()
    t = time.perf_counter()
    SectionIndex(out / "index").rebuild(documents)
    whoosh = time.perf_counter() - t
    t = time.perf_counter()
    raw = ox.Store(str(out / "oxigraph"))
    raw.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
    raw.flush()
    del raw
    oxigraph = time.perf_counter() - t
    print(json.dumps({"whoosh": whoosh, "oxigraph": oxigraph, "oxigraph_bytes": bytes_of(out / "oxigraph")}))


def compile_bytecode() -> None:
    """Write the bytecode of kg's modules, as installing a package does. An editable install
    writes it on first import, unless the environment forbids it (PYTHONDONTWRITEBYTECODE):
    then every process compiles each module it imports again (a third of a second for a cold
    `kg ask`), a cost of this shell that no installed kg pays."""
    compileall.compile_dir(ROOT / "kg", quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    ap.add_argument("--raw", nargs=2, type=Path, metavar=("STORE", "OUT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.raw:
        return raw_engines(*a.raw)
    from kg.api import Archive

    compile_bytecode()
    shutil.rmtree(a.out, ignore_errors=True)
    synthetic_minutes(a.docs, a.out / "minutes")
    store = a.out / "store"
    kg = [str(Path(sys.executable).parent / "kg"), "--store", str(store)]
    print(f"kg benchmark: {a.docs} synthetic documents ({size_of(a.out / 'minutes')}), --jobs {a.jobs}")
    took, told = ingest(kg, a.out / "minutes", a.jobs)
    rate = len(told) / took
    print(f"ingest            {rate:7.1f} documents/s  ({took:.1f} s, {a.docs - len(told)} not ingested)")
    print(f"  first/last chunk {chunk_rates(told)}")
    raw = json.loads(subprocess.run([sys.executable, __file__, "--raw", str(store), str(a.out / "raw")],
                                    capture_output=True, text=True, check=True).stdout)
    raw_rate = len(told) / (raw["whoosh"] + raw["oxigraph"])
    print(f"raw engines       {raw_rate:7.1f} documents/s  (whoosh {raw['whoosh']:.1f} s, oxigraph "
          f"{raw['oxigraph']:.1f} s); kg takes {raw_rate / rate:.2f}x their time")
    total = bytes_of(store)
    print(f"store             {total / 1e6:.1f} MB, {total / max(1, len(told)) / 1e3:.0f} kB a document "
          f"(oxigraph {size_of(store / 'oxigraph')}, index {size_of(store / 'index')}, sources "
          f"{size_of(store / 'sources')}; oxigraph bulk-loaded alone {raw['oxigraph_bytes'] / 1e6:.1f} MB)")
    with Archive(store) as archive:
        archive.search("warm up")
        for label, queries in [("search word", ["hydrogen", "reiseliv", "bredbånd", "klima", "helsepark"]),
                               ("search phrase", ['"kunstig intelligens"', '"grønn omstilling"', '"offentlige anskaffelser"']),
                               ("search filtered", ["hydrogen"])]:
            samples = []
            for q in queries * 8:
                kw = {"date_from": "2020-01-01", "date_to": "2021-12-31"} if label == "search filtered" else {}
                t = time.perf_counter()
                archive.search(q, **kw)
                samples.append(time.perf_counter() - t)
            print(f"{label:<17} {percentiles(samples)}")
        archive.ask("which regions work on AI", today=date(2022, 1, 1))
        samples = []
        for q in ["which regions work on AI", "hvilke kommuner jobber med hydrogen", "who works on reiseliv",
                  "upcoming events after 2021-06-01"] * 5:
            t = time.perf_counter()
            archive.ask(q, today=date(2022, 1, 1))
            samples.append(time.perf_counter() - t)
        print(f"ask (in process)  {percentiles(samples)}")
    click = [sys.executable, "-c", "import click"]
    base = statistics.median(wall_times(click))
    print(f"import click      {percentiles(wall_times(click))}")
    for label, cmd in [("kg ask regions AI", kg + ["ask", "which regions work on AI", "--today", "2022-01-01"]),
                       ("kg ask Bærum", kg + ["ask", "who represents Bærum", "--today", "2022-01-01"]),
                       ("kg search (cold)", kg + ["search", "hydrogen"]),
                       ("kg --help", kg + ["--help"])]:
        times = wall_times(cmd)
        print(f"{label:<17} {percentiles(times)}   {statistics.median(times) / base:5.1f}x import click")
    print(f"peak memory       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (this process; "
          "ingest ran in its own)")


if __name__ == "__main__":
    main()
