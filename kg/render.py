"""One renderer: typed results printed as readable text, or as exactly one JSON document.

Piped output is plain text (no colour, no width limit, nothing cut) so it can be
read by other tools and compared in tests. On a terminal, tables are drawn by
rich at the terminal's width, wrapping long cells instead of cutting them, and
search hits are highlighted in bold colour unless NO_COLOR is set
(https://no-color.org). rich is imported only then, so `kg --help` stays fast.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import textwrap

import click

from kg.ask import AS_WRITTEN

HIGHLIGHT = "\x1b[1;33m", "\x1b[0m"   # bold yellow, reset
BOLD = "\x1b[1m", "\x1b[0m"


def emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def on_terminal(stream=None) -> bool:
    return (stream or sys.stdout).isatty()


def in_colour(stream=None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set to anything."""
    return on_terminal(stream) and not os.environ.get("NO_COLOR")


def width() -> int:
    return shutil.get_terminal_size((100, 20)).columns


def table(rows: list[list[str]], headers: list[str]) -> str:
    """Rows under headers: rich's table at the terminal's width, else plain aligned columns.
    No cell is ever cut short: on a terminal long cells wrap, piped they run as long as they are."""
    if not rows:
        return "(none)"
    rows = [[str(c) for c in row] for row in rows]
    if on_terminal():
        return _rich_table(rows, headers)
    sizes = [max(len(c) for c in col) for col in zip(headers, *rows)]
    out = []
    for row in [headers, ["-" * s for s in sizes]] + rows:
        out.append("  ".join(c.ljust(s) for c, s in zip(row, sizes)).rstrip())
    return "\n".join(out)


def _rich_table(rows: list[list[str]], headers: list[str]) -> str:
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold" if in_colour() else "")
    for h, w in zip(headers, column_widths([headers, *rows], width() - 3 * (len(headers) - 1))):
        t.add_column(h, overflow="fold", width=w)
    for row in rows:
        t.add_row(*row)
    return _rich_text(t)


def column_widths(rows: list[list[str]], room: int) -> list[int]:
    """Widths that fit room: every column at least its longest word (names and file names stay whole),
    the space left shared in proportion to how much more each column's longest cell needs."""
    natural = [max(len(c) for c in col) for col in zip(*rows)]
    least = [max((len(w) for c in col for w in c.split()), default=1) for col in zip(*rows)]
    if sum(natural) <= room or sum(least) >= room:
        return natural if sum(natural) <= room else least
    spare, wants = room - sum(least), [n - m for n, m in zip(natural, least)]
    return [m + spare * w // sum(wants) for m, w in zip(least, wants)]


def _rich_text(renderable) -> str:
    """A rich renderable as text with ANSI codes (none without colour), at the terminal's width."""
    import io

    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=width(), force_terminal=in_colour(), no_color=not in_colour(),
            highlight=False, emoji=False).print(renderable)
    return out.getvalue().rstrip("\n")


def wrap_highlighted(snippet: str, limit: int, indent: str, first: str | None = None) -> list[str]:
    """A snippet whose matches are marked <b>…</b>, wrapped to lines: the matches in bold colour on a
    terminal, plain text otherwise."""
    if not in_colour():
        text = re.sub(r"</?b>", "", snippet)
        return textwrap.wrap(text, limit, initial_indent=first if first is not None else indent,
                             subsequent_indent=indent)
    marked = snippet.replace("<b>", "\x01").replace("</b>", "\x02")   # one char each while wrapping
    lines = textwrap.wrap(marked, limit, initial_indent=first if first is not None else indent,
                          subsequent_indent=indent)
    return [line.replace("\x01", HIGHLIGHT[0]).replace("\x02", HIGHLIGHT[1]) for line in lines]


def bold(text: str) -> str:
    return f"{BOLD[0]}{text}{BOLD[1]}" if in_colour() else text


def plain(snippet: str) -> str:
    """A snippet without its highlight marks."""
    return re.sub(r"</?b>", "", snippet)


def document_line(kind: str, item) -> str:
    """One line for one result of an ingest."""
    if kind == "ingested":
        line = (f"ingested {item.document}: meeting {item.meeting_date or '?'} of {item.body or '?'}; "
                f"{item.sections} sections, {item.attendees} attendees, {item.entities} entities")
        if item.found:
            line += "\n    read: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in item.found.items())
        return line
    if kind == "skipped":
        return f"skipped {item['path']}: {item['reason']}"
    if kind == "renamed":
        return f"renamed: {item['from']} → {item['to']}"
    if kind == "repaired":  # what an interrupted ingest had left half-written, redone
        return f"repaired: {item}"
    return f"{kind} {item}"


def json_line(kind: str, item) -> str:
    """One result of an ingest as a JSON line (``--jsonl``), written as soon as it is known."""
    data = item.to_json() if hasattr(item, "to_json") else item
    data = {k: v for k, v in data.items() if k != "trace"} if isinstance(data, dict) else {"document": data}
    return json.dumps({"result": kind, **data}, ensure_ascii=False)


def _places(where: list[dict]) -> str:
    """Where a "not placed" text stands: 'doc line 4', 'doc lines 4, 9', 'in 2 documents: doc line 4, other, ...'."""
    lines: dict[str, list[int]] = {}
    for w in where:
        lines.setdefault(w["document"], []).extend([w["line"]] if w["line"] else [])
    said = [doc + (f" line{'s' if len(ns) > 1 else ''} {', '.join(map(str, ns))}" if ns else "")
            for doc, ns in lines.items()]
    if len(said) == 1:
        return said[0]
    return f"in {len(said)} documents: {', '.join(said[:3])}" + (", ..." if len(said) > 3 else "")


class IngestTally:
    """Results of an ingest as they come: their lines, and what is said once at the end
    (each "not placed" text once, with the documents it came from; the totals)."""

    MAX_UNPLACED = 15

    def __init__(self):
        self.counts = {"ingested": 0, "unchanged": 0, "skipped": 0}
        self.entities = 0
        self.lines: list[str] = []
        self.ingested: list = []   # the documents' reports, for the "not placed" texts said once at the end

    def add(self, kind: str, item) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if kind == "ingested":
            self.entities += item.entities
            self.ingested.append(item)
        line = document_line(kind, item)
        self.lines.append(line)
        return line

    def closing(self, seconds: float | None = None) -> list[str]:
        from kg.ingest.pipeline import not_placed

        out = []
        unplaced = list(not_placed(self.ingested).items())
        for text, where in unplaced[: self.MAX_UNPLACED]:
            out.append(f"    not placed: {text} ({_places(where)})")
        if len(unplaced) > self.MAX_UNPLACED:
            out.append(f"    ... and {len(unplaced) - self.MAX_UNPLACED} more not placed (see --json)")
        total = ", ".join(f"{n} {kind}" for kind, n in self.counts.items())
        took = f" in {seconds:.1f} s" if seconds is not None else ""
        out.append(f"{total}; {self.entities} entities{took}")
        return out


class Progress:
    """A progress bar on stderr (done/total, items/s, time left) for a batch that takes more than a second.

    Drawn only when stderr is a terminal and not quiet; it appears once a second has passed,
    so quick batches print nothing extra."""

    DELAY = 1.0

    def __init__(self, total: int | None, what: str = "documents", *, quiet: bool = False):
        import time

        self.total, self.what, self.done = total, what, 0
        self.enabled = not quiet and on_terminal(sys.stderr)
        self.started = time.monotonic()
        self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def elapsed(self) -> float:
        import time

        return time.monotonic() - self.started

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._bar is None and self.elapsed() > self.DELAY:
            self._start()
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, rate=f"{self.done / max(self.elapsed(), 1e-9):.1f}")

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

        console = Console(stderr=True, no_color=not in_colour(sys.stderr))
        self._bar = Bar(TextColumn(self.what), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]} " + self.what + "/s"), TimeRemainingColumn(),
                        # lines written to a terminal's stdout meanwhile are printed above the bar
                        console=console, transient=True, redirect_stdout=on_terminal(), redirect_stderr=False)
        self._task = self._bar.add_task(self.what, total=self.total, completed=self.done, rate="")
        self._bar.start()


def entities(items) -> str:
    return table([[e.kind, e.label, ", ".join(e.aliases), ", ".join(e.documents)] for e in items],
                 ["kind", "label", "aliases", "documents"])


def evidence_lines(evidence, indent: str = "    ") -> list[str]:
    out = []
    for e in evidence:
        out.append(f"{indent}{e.document} · {e.section} · lines {e.lines[0]}-{e.lines[1]}")
        out.extend(wrap_highlighted(e.text, 100, indent + "   ", first=indent + "  “"))
        if out and out[-1]:
            out[-1] += "”"
    return out



def _column(key: str, value, columns: dict) -> str:
    """One column of an answer as text: "deadline 2022-04-29 (29. april)"."""
    written = columns.get(key + AS_WRITTEN)
    return f"{key} {value}" + (f" ({written})" if written and written != str(value) else "")


def ask(result, explain: bool = False) -> str:
    lines = []
    if result.query is None:
        lines.append("The question was not understood well enough to answer from the graph:")
        lines.extend(f"  {why}" for why in result.why)
    elif explain:
        lines.append(f"query: {result.query}")
        lines.extend(f"  {w}" for w in result.why)
        lines.append(result.sparql.rstrip())
        lines.append("")
    else:  # what the answer rests on, when it is not what was asked word for word
        lines.extend(f"({w})" for w in result.why if w.startswith(("nothing is upcoming", "nothing fits the date"))
                     or ": no date given" in w)
    if result.query is not None and not result.answers:
        bound = ", ".join(f"{k} = {v}" for k, v in result.params.items())
        lines.append(f"no answers: the query {result.query}" + (f" ({bound})" if bound else "")
                     + " found nothing in the archive" + ("" if explain else "; --explain shows how the question was read"))
    for a in result.answers:
        extra = "; ".join(_column(k, v, a.columns) for k, v in a.columns.items() if not k.endswith(AS_WRITTEN))
        lines.append(f"• {a.label} ({a.kind or 'value'})" + (f" — {extra}" if extra else ""))
        lines.extend(evidence_lines(a.evidence[:3]))
        count = a.evidence_count
        if count > min(3, len(a.evidence)):
            lines.append(f"    ... {count} sources in all")
    if result.search is not None:
        lines.append("")
        lines.append("Search hits (sections that match the words, not answers):")
        lines.append(search(result.search))
    return "\n".join(lines)


def paging(page: int, pages: int) -> str | None:
    """"page 1 of 3 (--page 2 for more)"; nothing when everything fits on one page."""
    if pages <= 1 and page <= 1:
        return None
    more = f" (--page {page + 1} for more)" if page < pages else ""
    return f"page {page} of {pages}{more}"


def search(result, limit: int = 10) -> str:
    lines = [f"{result.total} section(s) match {result.query!r}"]
    if result.suggestion:
        lines.append(f"did you mean: {result.suggestion}?")
    for h in result.hits:
        lines.append(f"{h.score:7.2f}  {h.document} · {h.section} · lines {h.lines[0]}-{h.lines[1]}"
                     + (f" · {h.date}" if h.date else ""))
        lines.extend(wrap_highlighted(h.snippet, 100, "         "))
    pages = paging(result.page, -(-result.total // max(limit, 1)))
    if pages:
        lines.append(pages)
    for name, counts in result.facets.items():
        lines.append(f"by {name}: " + (", ".join(f"{value} {n}" for value, n in counts.items()) or "-"))
    return "\n".join(lines)


SEARCH_CSV_COLUMNS = ["document", "section", "line_start", "line_end", "date", "body", "actor", "kind", "score",
                      "snippet"]


def search_csv(result) -> str:
    """Hits as CSV with a header row; snippets as plain text."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SEARCH_CSV_COLUMNS)
    for h in result.hits:
        writer.writerow([h.document, h.section, h.lines[0], h.lines[1], h.date or "", h.body or "", h.actor or "",
                         h.kind, h.score, plain(h.snippet)])
    return out.getvalue()


def drift(report) -> str:
    if report.ok:
        lines = [f"index matches the graph: {report.sections} section(s)"]
    else:
        lines = [f"index differs from the graph ({report.sections} section(s) in the graph); run kg reindex"]
    for name in ("missing", "extra", "stale"):
        lines += [f"  {name}: {section}" for section in getattr(report, name)]
    lines.append(f"search reads words with: {report.morphology}")
    lines += [f"  advice: {line}" for line in report.advice]
    return "\n".join(lines)


def show(detail) -> str:
    e = detail.entity
    lines = [bold(f"{e.label} ({e.kind})"), f"  id: {e.id}"]
    if e.aliases:
        lines.append(f"  also written: {', '.join(e.aliases)}")
    lines.append(f"  documents: {', '.join(e.documents)}")
    for decision in detail.curation:
        lines.append(f"  curated: {decision}")
    for f in detail.facts:
        lines.append(f"  {f.predicate} {f.object_label} ({f.object_kind})")
        lines.extend(evidence_lines(f.evidence[:2], indent="      "))
    return "\n".join(lines)


def queries(items) -> str:
    return table([[q.name, ", ".join(f"{k}:{v}" for k, v in q.params.items()),
                   " ".join(q.relations) + (f" ({' '.join(sorted(q.needs))})" if q.needs else ""), q.title]
                  for q in items],
                 ["name", "parameters", "relations", "title"])


def candidates(items) -> str:
    return table([[c.kind, c.a, c.b, f"{c.score:.0f}", c.reason] for c in items],
                 ["kind", "name", "may be the same as", "score", "why"])


def validation(report) -> str:
    if report.conforms:
        return "conforms: no violations"
    lines = [f"{len(report.violations)} violation(s):"]
    for v in report.violations:
        lines.append(f"  {v.severity}: {v.focus}" + (f" {v.path}" if v.path else "") + f": {v.message}")
    return "\n".join(lines)


def compact_iri(cell: str, prefixes: dict[str, str], base: str | None = None) -> str:
    """"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" as "rdf:type" when a prefix of the project fits,
    and an IRI of the store's own things relative to its base: "<person/kari-nordmann>"."""
    if not (cell.startswith("<") and cell.endswith(">")):
        return cell
    iri = cell[1:-1]
    for prefix, namespace in prefixes.items():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and re.fullmatch(r"[\w.-]*", local) and not local.endswith("."):
            return f"{prefix}:{local}"
    if base and iri.startswith(base) and len(iri) > len(base):
        return f"<{iri[len(base):]}>"
    return cell


def sparql_table(headers: list[str], rows: list[list[str]], base: str | None = None) -> str:
    """SPARQL results as a table, IRIs written with the project's prefixes (kg.vocab.PREFIXES) and the
    store's own IRIs relative to its base, which a first line names (as Turtle's @base would)."""
    from kg.vocab import PREFIXES

    by_length = dict(sorted(PREFIXES.items(), key=lambda p: -len(p[1])))   # the longest namespace wins
    cells = [[compact_iri(c, by_length, base) for c in row] for row in rows]
    relative = base and any(c.startswith("<" + base) and short.startswith("<")
                            for row, short_row in zip(rows, cells) for c, short in zip(row, short_row))
    return (f"base <{base}>\n" if relative else "") + table(cells, headers)


def err(message: str) -> None:
    click.echo(message, err=True)

