"""One renderer: typed results printed as readable text, or as exactly one JSON document."""

from __future__ import annotations

import json
import re
import shutil
import textwrap

import click


def emit_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def table(rows: list[list[str]], headers: list[str]) -> str:
    """A plain text table whose columns fit their content (the last one wraps)."""
    if not rows:
        return "(none)"
    width = shutil.get_terminal_size((120, 20)).columns
    cols = list(zip(*([headers] + rows)))
    sizes = [min(max(len(str(c)) for c in col), 40) for col in cols]
    last = max(20, width - sum(sizes[:-1]) - 2 * (len(sizes) - 1))
    sizes[-1] = min(sizes[-1], last)
    out = []
    for row in [headers, ["-" * s for s in sizes]] + rows:
        cells = [str(c)[: s].ljust(s) for c, s in zip(row[:-1], sizes)]
        tail = textwrap.wrap(str(row[-1]), sizes[-1]) or [""]
        out.append("  ".join(cells + [tail[0]]).rstrip())
        pad = "  ".join(" " * s for s in sizes[:-1])
        out.extend(f"{pad}  {t}" for t in tail[1:])
    return "\n".join(out)


def _plain(snippet: str) -> str:
    """Highlights as *word* in a terminal."""
    return re.sub(r"</?b>", "*", snippet)


def ingest(report) -> str:
    lines = []
    for d in report.ingested:
        lines.append(f"ingested {d.document}: meeting {d.meeting_date or '?'} of {d.body or '?'}; "
                     f"{d.sections} sections, {d.attendees} attendees, {d.entities} entities")
        for u in d.unplaced[:15]:
            where = f"line {u['line']}: " if u.get("line") else ""
            lines.append(f"    not placed: {where}{u['text']}")
        if len(d.unplaced) > 15:
            lines.append(f"    ... and {len(d.unplaced) - 15} more (see --json)")
    for name in report.unchanged:
        lines.append(f"unchanged {name}")
    for s in report.skipped:
        lines.append(f"skipped {s['path']}: {s['reason']}")
    return "\n".join(lines) or "nothing to ingest"


def entities(items) -> str:
    return table([[e.kind, e.label, ", ".join(e.aliases), ", ".join(e.documents)] for e in items],
                 ["kind", "label", "aliases", "documents"])


def evidence_lines(evidence, indent: str = "    ") -> list[str]:
    out = []
    for e in evidence:
        out.append(f"{indent}{e.document} · {e.section} · lines {e.lines[0]}-{e.lines[1]}")
        out.extend(textwrap.wrap(_plain(e.text), 100, initial_indent=indent + "  “", subsequent_indent=indent + "   "))
        if out and out[-1]:
            out[-1] += "”"
    return out


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
        lines.append("no answers")
    for a in result.answers:
        extra = "; ".join(f"{k} {v}" for k, v in a.columns.items())
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


def search(result) -> str:
    lines = [f"{result.total} section(s) match {result.query!r}"]
    if result.suggestion:
        lines.append(f"did you mean: {result.suggestion}?")
    for h in result.hits:
        lines.append(f"{h.score:7.2f}  {h.document} · {h.section} · lines {h.lines[0]}-{h.lines[1]}"
                     + (f" · {h.date}" if h.date else ""))
        lines.extend(textwrap.wrap(_plain(h.snippet), 100, initial_indent="         ", subsequent_indent="         "))
    if result.page > 1 or result.total > result.page * len(result.hits):
        lines.append(f"page {result.page} (--page N for more)")
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
                         h.kind, h.score, _plain(h.snippet)])
    return out.getvalue()


def drift(report) -> str:
    if report.ok:
        return f"index matches the graph: {report.sections} section(s)"
    lines = [f"index differs from the graph ({report.sections} section(s) in the graph); run kg reindex"]
    for name in ("missing", "extra", "stale"):
        lines += [f"  {name}: {section}" for section in getattr(report, name)]
    return "\n".join(lines)


def show(detail) -> str:
    e = detail.entity
    lines = [f"{e.label} ({e.kind})", f"  id: {e.id}"]
    if e.aliases:
        lines.append(f"  also written: {', '.join(e.aliases)}")
    lines.append(f"  documents: {', '.join(e.documents)}")
    for decision in detail.curation:
        lines.append(f"  curated: {decision}")
    for f in detail.facts:
        arrow = "→" if f.direction == "out" else "←"
        lines.append(f"  {f.predicate} {arrow} {f.object_label}")
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


def err(message: str) -> None:
    click.echo(message, err=True)

