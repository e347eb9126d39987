"""Nothing lost, nothing let in: identity, hostile batches, crashes, readers during writes, errors.

The batch, crash and concurrency tests run the real `kg` in a subprocess, as a user
would; the rest call the library or the CLI in process.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.api import Archive
from kg.cli import main
from kg.store.graphstore import FORMAT_VERSION

KG = [sys.executable, "-m", "kg.cli"]


def minutes(body: str, day: int, people: list[tuple[str, str]], note: str = "") -> str:
    """A short, fresh set of minutes: header, attendance and two round-table reports."""
    attendance = "\n".join(f"{name}\t{place}" for name, place in people)
    return f"""Referat fra møte i {body}

Dato: {day:02d}.03.2024
Sted: Rådhuset

Til stede:
{attendance}

1. Runde rundt bordet

Lillevik kommune
Kommunen har startet et prosjekt om havnelogistikk sammen med Sjøby næringsforening. {note}

Sjøby kommune
Sjøby arbeider med kunstig intelligens i skolen og søker midler fra fylket.

2. Eventuelt
Neste møte blir i april.
"""


PEOPLE = [("Ola Nordmann", "Lillevik"), ("Kari Fjell", "Sjøby")]


def write_minutes(path: Path, n: int, note: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(minutes("Kystrådet", 1 + n % 27, PEOPLE, note or f"Sak {n}."), encoding="utf-8")
    return path


def kg(store: Path, *args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, "--store", str(store), *args], capture_output=True, text=True, timeout=timeout,
                          cwd=Path(__file__).resolve().parent.parent, **kw)


# -- identity ------------------------------------------------------------------
def test_two_files_with_one_name_in_two_folders_are_two_documents(tmp_path):
    write_minutes(tmp_path / "a" / "referat.txt", 1)
    write_minutes(tmp_path / "b" / "referat.txt", 2)
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "a"])
        a.ingest([tmp_path / "b"])
        assert a.documents() == ["a/referat.txt", "b/referat.txt"]
        assert {h.document for h in a.search("havnelogistikk").hits} == {"a/referat.txt", "b/referat.txt"}


def test_a_moved_file_is_renamed_not_stored_twice_and_a_copy_is_refused(tmp_path):
    write_minutes(tmp_path / "arkiv" / "referat.txt", 1)
    with Archive(tmp_path / "store") as a:
        a.ingest([tmp_path / "arkiv"])
        (tmp_path / "arkiv" / "2024").mkdir()
        (tmp_path / "arkiv" / "referat.txt").rename(tmp_path / "arkiv" / "2024" / "referat.txt")
        report = a.ingest([tmp_path / "arkiv"])
        assert report.renamed == [{"from": "arkiv/referat.txt", "to": "arkiv/2024/referat.txt"}]
        assert a.documents() == ["arkiv/2024/referat.txt"] and a.check().ok
        copy = tmp_path / "kopi" / "referat.txt"
        copy.parent.mkdir()
        copy.write_bytes((tmp_path / "arkiv" / "2024" / "referat.txt").read_bytes())
        report = a.ingest([copy.parent])
        assert [s["reason"] for s in report.skipped] == [
            "same content as arkiv/2024/referat.txt, which is stored: not ingested twice"]
        assert a.documents() == ["arkiv/2024/referat.txt"]


def test_collection_names_documents_and_the_same_name_twice_in_a_batch_is_refused(tmp_path):
    write_minutes(tmp_path / "x" / "mappe" / "referat.txt", 1)
    write_minutes(tmp_path / "y" / "mappe" / "referat.txt", 2)
    with Archive(tmp_path / "store") as a:
        report = a.ingest([tmp_path / "x" / "mappe", tmp_path / "y" / "mappe"])
        assert [d.document for d in report.ingested] == ["mappe/referat.txt"]
        assert "--collection" in report.skipped[0]["reason"]
        a.ingest([tmp_path / "y" / "mappe"], collection="styret")
        assert a.documents() == ["mappe/referat.txt", "styret/referat.txt"]


def test_a_store_of_the_old_layout_is_upgraded_in_place(tmp_path, monkeypatch):
    """Format 1 knew a document by its bare file name and kept sources/<name>.json."""
    import kg.ingest.pipeline as pipeline
    from kg.store.graphstore import file_key

    doc = write_minutes(tmp_path / "referater" / "referat.txt", 1)
    store = tmp_path / "store"
    with monkeypatch.context() as m:
        m.setattr(pipeline, "identity_of", lambda path, root, collection: path.name)
        with Archive(store) as a:
            a.ingest([doc.parent])
            assert a.documents() == ["referat.txt"]
    new = store / "sources" / f"{file_key('referat.txt')}.json.gz"
    record = json.loads(gzip.decompress(new.read_bytes()))
    del record["path"]
    (store / "sources" / "referat.txt.json").write_text(json.dumps(record), encoding="utf-8")
    new.unlink()
    config = json.loads((store / "kg.json").read_text(encoding="utf-8"))
    (store / "kg.json").write_text(json.dumps({**config, "format": 1}), encoding="utf-8")

    with Archive(store) as a:
        assert json.loads((store / "kg.json").read_text(encoding="utf-8"))["format"] == FORMAT_VERSION
        assert not (store / "sources" / "referat.txt.json").exists() and new.exists()
        assert a.documents() == ["referat.txt"] and a.search("havnelogistikk").total == 1
        report = a.ingest([doc.parent])
        assert report.renamed == [{"from": "referat.txt", "to": "referater/referat.txt"}]
        assert a.documents() == ["referater/referat.txt"] and a.check().ok


# -- a hostile batch -------------------------------------------------------------
def _docx(path: Path, document_xml: bytes | None = None, text: str = "") -> bytes:
    """A Word file made with python-docx; document_xml replaces its body part when given."""
    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(str(path))
    if document_xml is None:
        return path.read_bytes()
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts["word/document.xml"] = document_xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path.read_bytes()


def _bad_batch(root: Path, secret: Path) -> tuple[set[str], dict[str, str]]:
    """Good files (their identities) and bad files (name → start of the reason each must be given)."""
    good, bad = set(), {}
    write_minutes(root / "a" / "referat.txt", 1)
    write_minutes(root / "b" / "referat.txt", 2)
    good |= {"batch/a/referat.txt", "batch/b/referat.txt"}
    text = minutes("Fjordrådet", 5, PEOPLE)
    (root / "latin1.txt").write_bytes(text.encode("latin-1"))
    _docx(root / "word.docx", text=text)
    write_minutes(root / "linje\nskift.txt", 3)
    write_minutes(Path(os.fsdecode(bytes(root) + b"/r\xe6port.txt")), 4)
    good |= {"batch/latin1.txt", "batch/word.docx", "batch/linje\\nskift.txt", "batch/r\\xe6port.txt"}

    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (root / "garbage.txt").write_bytes(bytes(random.Random(1).randrange(0x80, 0x100) for _ in range(5000)))
    (root / "truncated.docx").write_bytes((root / "word.docx").read_bytes()[:900])
    (root / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n")
    with zipfile.ZipFile(root / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w>" + b" " * (60 * 1024 * 1024) + b"</w>")
    with open(root / "big.txt", "wb") as f:
        f.write(("Møtet drøftet saken videre. " * 40 + "\n").encode() * 50_000)  # ~57 MB
    (root / "repeat.txt").write_text("x\n" * 100_000, encoding="utf-8")
    (root / "repeat-short.txt").write_text(("=" * 70 + "\n") * 200, encoding="utf-8")
    (root / "nowords.txt").write_text("1234 5678 90\n" * 100, encoding="utf-8")
    os.symlink("loop.txt", root / "loop.txt")
    os.mkfifo(root / "fifo.txt")
    bad |= {"empty.txt": "empty file", "binary.txt": "binary file", "garbage.txt": "unknown text encoding",
            "truncated.docx": "not a Word file", "truncated.pdf": "not a PDF", "bomb.docx": "too big",
            "big.txt": "too big", "repeat.txt": "too long", "repeat-short.txt": "not minutes",
            "nowords.txt": "not minutes", "loop.txt": "symlink loop", "fifo.txt": "not a regular file"}
    if os.geteuid() != 0:  # root reads any file
        write_minutes(root / "locked.txt", 6).chmod(0)
        bad["locked.txt"] = "cannot read"

    entity = f'<!DOCTYPE x [<!ENTITY secret SYSTEM "file://{secret}">]>'
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    _docx(root / "xxe.docx", (f'<?xml version="1.0"?>{entity}<w:document xmlns:w="{w}"><w:body>'
                              + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())
                              + '<w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>').encode())
    (root / "xxe.html").write_text(f"{entity}<html><body><pre>{text}</pre><p>&secret;</p></body></html>",
                                   encoding="utf-8")
    return good, bad


def test_a_hostile_batch_ingests_every_good_file_names_every_bad_one_in_bounded_memory(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("HEMMELIG-PASSORD", encoding="utf-8")
    good, bad = _bad_batch(tmp_path / "batch", secret)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = kg(tmp_path / "store", "ingest", str(tmp_path / "batch"), "--json", timeout=240)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert "Traceback" not in r.stderr and r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    ingested = {d["document"] for d in report["ingested"]}
    assert good <= ingested
    reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    for name, reason in bad.items():
        assert reasons.get(name, "").startswith(reason), (name, reasons.get(name))
    # XXE: an entity is never expanded (the file is refused, or read without it)
    assert ingested - good <= {"batch/xxe.docx", "batch/xxe.html"}
    export = kg(tmp_path / "store", "export", "--format", "nquads").stdout
    assert "HEMMELIG" not in export
    assert before <= 1024 * 1024 and peak_mb < 1024, f"peak RSS {peak_mb:.0f} MB"


def test_limits_can_be_raised_and_a_long_document_within_them_passes(tmp_path):
    """400 reports (~1,200 lines, the size of a long PDF of minutes) are read whole; a limit is an option."""
    reports = "\n\n".join(f"Kommune {i}\nKommunen arbeider med prosjekt nummer {i} om havnelogistikk."
                          for i in range(400))
    long = tmp_path / "lang" / "referat.txt"
    long.parent.mkdir()
    long.write_text(minutes("Kystrådet", 3, PEOPLE) + reports, encoding="utf-8")
    runner = CliRunner()
    store = str(tmp_path / "store")
    r = runner.invoke(main, ["--store", store, "ingest", str(long.parent), "--max-lines", "100", "--json"])
    assert r.exit_code == 1 and "raise it with --max-lines" in r.stderr
    r = runner.invoke(main, ["--store", store, "ingest", str(long.parent), "--json"])
    assert r.exit_code == 0 and [d["document"] for d in json.loads(r.stdout)["ingested"]] == ["lang/referat.txt"]


def test_a_document_over_its_time_is_skipped_and_the_batch_goes_on(tmp_path, monkeypatch):
    import kg.ingest.prepare as prepare
    from kg.read.limits import Limits

    write_minutes(tmp_path / "m" / "a.txt", 1)
    write_minutes(tmp_path / "m" / "b.txt", 2)
    build = prepare.build

    def slow_for_a(source, *rest):
        if source.name.endswith("a.txt"):
            time.sleep(30)
        return build(source, *rest)

    monkeypatch.setattr(prepare, "build", slow_for_a)
    with Archive(tmp_path / "store") as a:
        report = a.ingest([tmp_path / "m"], limits=Limits(seconds=1))
    assert [s["reason"] for s in report.skipped] == ["too slow: not read within 1 s (raise the limit with --max-seconds)"]
    assert [d.document for d in report.ingested] == ["m/b.txt"]


def test_results_are_printed_as_each_document_is_done(tmp_path):
    for n in range(3):
        write_minutes(tmp_path / "m" / f"{n}.txt", n)
    (tmp_path / "m" / "tom.txt").write_text("")
    r = CliRunner().invoke(main, ["--store", str(tmp_path / "store"), "ingest", str(tmp_path / "m"), "--jsonl"])
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(x["result"], x.get("document") or x.get("path")) for x in lines] == [
        ("ingested", "m/0.txt"), ("ingested", "m/1.txt"), ("ingested", "m/2.txt"),
        ("skipped", str(tmp_path / "m" / "tom.txt"))]


# -- crashes ------------------------------------------------------------------------
def _state(store: Path) -> tuple[bool, set[str]]:
    """Whether index and graph agree, and the store's statements without the time each was ingested."""
    import io

    import pyoxigraph as ox

    with Archive(store, read_only=True) as a:
        out = io.BytesIO()
        a.store.ox.dump(out, format=ox.RdfFormat.N_QUADS)
        lines = out.getvalue().decode().splitlines()
        return a.check().ok, {line for line in lines if "generatedAtTime" not in line}


def _clean_run(batch: Path, store: Path) -> set[str]:
    with Archive(store) as a:
        assert not a.ingest([batch]).skipped
    ok, statements = _state(store)
    assert ok
    return statements


def _descendants(pid: int) -> set[int]:
    """The processes started, directly or not, by process pid (from /proc; empty where there is none)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _until(done, within: float = 300.0) -> None:
    """Poll until done() is true (a write has begun), for at most ``within`` seconds."""
    deadline = time.monotonic() + within
    while not done() and time.monotonic() < deadline:
        time.sleep(0.005)


def _all_end(pids: set[int], within: float = 60.0) -> None:
    deadline = time.monotonic() + within
    while alive := {p for p in pids if _running(p)}:
        assert time.monotonic() < deadline, f"still running after their ingest was killed: {sorted(alive)}"
        time.sleep(0.1)


def test_kill_9_at_random_moments_then_a_plain_rerun_equals_a_clean_run(tmp_path):
    batch = tmp_path / "batch"
    for n in range(20):
        write_minutes(batch / f"{n:02d}.txt", n)
    expected = _clean_run(batch, tmp_path / "clean")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(batch)).returncode == 0
    started = time.monotonic()  # the work each round cuts short: a --force ingest of a store that has the batch
    assert kg(store, "ingest", str(batch), "--force").returncode == 0
    full = time.monotonic() - started
    rng = random.Random(11)
    repaired = 0
    scratch = tmp_path / "tmp"  # the killed runs' temporary folder: what a kill leaves is cleared by the rerun
    scratch.mkdir()
    for round_ in range(20):  # each kill lands in real work: --force rewrites every document
        if round_ % 4 == 3:  # now and then a change, so a plain run has work to cut short too
            for n in rng.sample(range(20), 3):
                write_minutes(batch / f"{n:02d}.txt", n, note=f"Endret i runde {round_}.")
            expected = _clean_run(batch, tmp_path / f"clean{round_}")
        p = subprocess.Popen([*KG, "--store", str(store), "ingest", str(batch), "--force"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, "TMPDIR": str(scratch)})
        if round_ == 19 and not repaired:  # the last round waits for a write under way, whatever the machine's speed
            _until(lambda: any((store / "pending").glob("*.json")) or p.poll() is not None)
        else:
            time.sleep(rng.uniform(0.5, full))
        family = _descendants(p.pid)
        p.send_signal(signal.SIGKILL)
        p.wait()
        _all_end(family)  # no worker or morphology process outlives the ingest that started it
        rerun = kg(store, "ingest", str(batch))
        assert rerun.returncode == 0 and "Traceback" not in rerun.stderr, rerun.stderr
        repaired += "repaired:" in rerun.stdout
        assert _state(store) == (True, expected), f"round {round_}"
    assert repaired  # some kills landed between a graph and its index
    # nothing of kg's is left in the temporary folder (multiprocessing's own pymp-* of a killed process is Python's)
    assert not [f.name for f in scratch.iterdir() if not f.name.startswith("pymp-")]
    assert not (store / "scratch").exists()


# -- readers during a write ---------------------------------------------------------
def test_reads_work_while_an_ingest_writes(tmp_path):
    batch = tmp_path / "batch"
    for n in range(16):
        write_minutes(batch / f"{n:02d}.txt", n)
    store = tmp_path / "store"
    assert kg(store, "ingest", str(batch / "00.txt")).returncode == 0
    writer = subprocess.Popen([*KG, "--store", str(store), "ingest", str(batch)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
    try:
        assert writer.stdout.readline().startswith(("unchanged", "ingested"))  # the writer is under way
        reads = [("documents",), ("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), ("export",),
                 ("ask", "hvem representerer Lillevik"), ("search", "havnelogistikk"), ("entities",)]
        for args in reads:
            r = kg(store, *args)
            assert r.returncode == 0, (args, r.stderr)
        assert writer.poll() is None or writer.returncode == 0
    finally:
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    assert kg(store, "check").returncode == 0


# -- one error path -------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("errors")
    write_minutes(root / "m" / "referat.txt", 1)
    (root / "bad.ttl").write_text("@prefix x: <http://x/> .\nx:a x:b ", encoding="utf-8")
    with Archive(root / "store") as a:
        a.ingest([root / "m"])
    return root


def _store_with(root: Path, name: str, damage) -> Path:
    """A copy of the small store with one file damaged."""
    import shutil

    copy = root / name
    if not copy.exists():
        shutil.copytree(root / "store", copy)
        damage(copy)
    return copy


ERROR_CASES = {
    "export into a missing folder": (["export", "-o", "{root}/nowhere/x.ttl"], 1, "nowhere/x.ttl"),
    "export to a full disk": (["export", "-o", "/dev/full", "--force"], 1, "No space left"),
    "export to an empty name": (["export", "-o", ""], 2, "-o"),
    "export over a file": (["export", "-o", "{root}/m/referat.txt"], 1, "--force"),
    "store under a file": (["--store", "{root}/m/referat.txt/store", "ingest", "{root}/m"], 1, "store folder"),
    "no store": (["--store", "{root}/none", "documents"], 1, "kg ingest"),
    "kg.json without base_iri": (["--store", "{nobase}", "documents"], 1, "base_iri"),
    "corrupt store files": (["--store", "{corrupt}", "documents"], 1, "damaged"),
    "missing index": (["--store", "{noindex}", "search", "havn"], 1, "kg reindex"),
    "curation not UTF-8": (["--store", "{badcuration}", "ingest", "{root}/m"], 1, ":2: not UTF-8"),
    "curation is a folder": (["--store", "{curationdir}", "ingest", "{root}/m"], 1, "is a folder"),
    "curation junk line": (["--store", "{junkcuration}", "ingest", "{root}/m"], 1, ":1: cannot read"),
    "bad SPARQL": (["sparql", "SELECT * WHERE { ?s ?p "], 1, "bad SPARQL"),
    "SPARQL file missing": (["sparql", "{root}/none.rq"], 1, "none.rq"),
    "LOAD a local file": (["sparql", "--allow-update", "LOAD <file:///etc/passwd> INTO GRAPH <urn:x>"], 1,
                          "--allow-outside"),
    "SERVICE in a read": (["sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], 1,
                          "--allow-outside"),
    "update without permission": (["sparql", "# with load\nDELETE WHERE { ?s ?p ?o }"], 1, "--allow-update"),
    "5,000 brackets in search": (["search", "(" * 1500 + "x" + ")" * 1500], 1, "at most"),
    "5,000 brackets in SPARQL": (["sparql", "SELECT * WHERE { " + "{" * 5000 + "}" * 5000 + " }"], 1, "at most 64"),
    "a long question": (["ask", "hvem " * 1000], 1, "at most 2000"),
    "validate a file that is not RDF": (["validate", "{root}/bad.ttl"], 1, "is not valid Turtle"),
    "alias of an unknown name": (["--store", "{curated}", "alias", "Lilevik", "Ukjentby"], 1, "--force"),
}


@pytest.mark.parametrize("case", list(ERROR_CASES))
def test_every_expected_failure_is_one_line_and_an_exit_code(small_store, case):
    root = small_store
    stores = {
        "root": root,
        "nobase": _store_with(root, "nobase", lambda s: (s / "kg.json").write_text('{"format": 2}')),
        "corrupt": _store_with(root, "corrupt", lambda s: (s / "oxigraph" / "CURRENT").write_text("junk\n")),
        "noindex": _store_with(root, "noindex", lambda s: __import__("shutil").rmtree(s / "index")),
        "badcuration": _store_with(root, "badcuration", lambda s: (s / "curation.txt").write_bytes(
            b'# ok\nalias "R\xf8ros" of "Lillevik"\n')),
        "curationdir": _store_with(root, "curationdir", lambda s: (s / "curation.txt").mkdir()),
        "junkcuration": _store_with(root, "junkcuration", lambda s: (s / "curation.txt").write_text("x" * 20_000)),
        "curated": _store_with(root, "curated", lambda s: None),
    }
    args, code, words = ERROR_CASES[case]
    for name, path in stores.items():
        args = [a.replace("{" + name + "}", str(path)) for a in args]
    if args[0] != "--store":
        args = ["--store", str(root / "store"), *args]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == code, (r.stdout, r.stderr, r.exception)
    assert not isinstance(r.exception, Exception) or isinstance(r.exception, SystemExit), repr(r.exception)
    lines = r.stderr.strip().splitlines()
    assert words in lines[-1] and len(lines[-1]) < 500, r.stderr
    assert "Traceback" not in r.stderr
    if case == "alias of an unknown name":
        assert not (stores["curated"] / "curation.txt").exists()  # refused before anything was written


def test_sparql_files_with_update_words_in_comments_are_queries():
    r = CliRunner().invoke(main, ["--store", "/nonexistent-kg-store", "sparql", "queries/meetings.rq"])
    assert "update" not in r.stderr and "no kg store" in r.stderr  # read as a query (then the store is missing)


def test_query_work_stays_linear(small_store):
    """Thousands of words expand in one pass; fuzzy edits are capped at two."""
    from kg.lang.synonyms import SynonymTable
    from kg.search.query import Token, expand, lex

    calls = 0

    class Counting(Token):
        @property
        def plain(self) -> bool:
            nonlocal calls
            calls += 1
            return Token.plain.fget(self)

    words = [Counting(t.kind, t.text, t.start) for t in lex(" ".join(["kunstig intelligens havn"] * 4000))]
    expand(words, SynonymTable.load())
    assert calls < 20 * len(words)
    with Archive(small_store / "store", read_only=True) as a:
        assert a.search("havnelogistikk~9").total == a.search("havnelogistikk~2").total == 1
