"""The kg command line: thin over kg.api, one renderer, one place for errors.

Every command calls one Archive method and hands the typed result to
kg.render (text, or --json for exactly one JSON document on stdout). Library
errors (KgError) become one line on stderr and a non-zero exit, here only.
"""

from __future__ import annotations

import functools
import os
import sys
from datetime import date
from pathlib import Path

import click

from kg import __version__, render
from kg.errors import KgError
from kg.read.limits import DEFAULT as DEFAULT_LIMITS

KIND_CHOICES = ["person", "municipality", "region", "organisation", "institution", "project", "programme",
                "cluster", "meeting", "event", "place", "topic"]


class KgGroup(click.Group):
    """Turns every expected problem into one clear line and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as e:
            click.echo(f"Error: {e}", err=True)
            ctx.exit(e.exit_code)
        except OSError as e:  # a file or folder the library met on its way (disk full, permissions, ...)
            where = f"{e.filename}: " if e.filename else ""
            click.echo(f"Error: {where}{e.strerror or e}; check the path, its permissions and free space",
                       err=True)
            ctx.exit(1)
        except RecursionError:
            click.echo("Error: the input is nested too deeply to read; write it flatter", err=True)
            ctx.exit(1)


def read_text_file(path: Path, what: str) -> str:
    """A UTF-8 text file the user named, or one line saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        line = path.read_bytes()[:e.start].count(b"\n") + 1
        raise KgError(f"{path}:{line}: the {what} is not UTF-8 text; save it as UTF-8") from None
    except OSError as e:
        raise KgError(f"{path}: cannot read the {what}: {e.strerror or e}") from None


def json_option(f):
    """--json on a listing command: one JSON document on stdout, messages on stderr."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document with stable keys.")(f)


def archive_of(ctx, create: bool = False, write: bool = False):
    from kg.api import Archive

    obj = ctx.find_root().params
    endpoint = obj.get("endpoint")
    # answering from a server needs only the base IRI, which a new local store records
    return Archive(Path(obj["store"]) if obj.get("store") else None, base_iri=obj.get("base_iri"),
                   create=create or endpoint is not None, endpoint=endpoint,
                   read_only=not (create or write or endpoint))


def uses_archive(create: bool = False, write: bool = False):
    """The command gets the Archive; one that does not write opens the store read-only."""
    def wrap(f):
        @functools.wraps(f)
        @click.pass_context
        def inner(ctx, *a, **kw):
            with archive_of(ctx, create, write or kw.get("allow_update", False)) as archive:
                return f(archive, *a, **kw)
        return inner
    return wrap


def _complete_name(ctx, param, incomplete: str):
    """Shell completion of the names of things in the store (labels and aliases)."""
    from click.shell_completion import CompletionItem

    try:
        with archive_of(ctx) as archive:
            return [CompletionItem(name, help=e.kind) for e in archive.entities()
                    for name in (e.label, *e.aliases) if name.casefold().startswith(incomplete.casefold())]
    except KgError:
        return []


def name_argument(name: str, **kw):
    """An argument that names a thing of the graph, completed from the store in the shell."""
    return click.argument(name, shell_complete=_complete_name, **kw)


@click.group(cls=KgGroup)
@click.option("--store", envvar="KG_STORE", type=click.Path(file_okay=False), default=None,
              help="Store directory (default: $KG_STORE, else ./.kg).")
@click.option("--base-iri", default=None, help="Base IRI of a new store's nodes (fixed once the store exists).")
@click.option("--endpoint", envvar="KG_ENDPOINT", default=None, metavar="URL",
              help="Answer ask, query and sparql from this SPARQL 1.1 query endpoint instead of the local store.")
@click.version_option(__version__, prog_name="kg")
def main(store, base_iri, endpoint):
    """kg: a knowledge graph and search index of meeting minutes."""


def quiet_option(f):
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar and no line per item.")(f)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-read documents even when unchanged.")
@click.option("--collection", default=None, metavar="NAME",
              help="Name documents NAME/<path under the folder> instead of <folder name>/<path>.")
@click.option("--max-file-mb", default=DEFAULT_LIMITS.file_mb, show_default=True, help="Largest Word or PDF file.")
@click.option("--max-text-file-mb", default=DEFAULT_LIMITS.text_file_mb, show_default=True,
              help="Largest text, Markdown or HTML file.")
@click.option("--max-part-mb", default=DEFAULT_LIMITS.part_mb, show_default=True,
              help="Largest decompressed part of a Word file.")
@click.option("--max-lines", default=DEFAULT_LIMITS.lines, show_default=True, help="Most lines of text in a document.")
@click.option("--max-line-chars", default=DEFAULT_LIMITS.line_chars, show_default=True,
              help="Longest line (a Word paragraph is one line).")
@click.option("--max-seconds", default=DEFAULT_LIMITS.seconds, show_default=True,
              help="Longest time to read one document.")
@click.option("--jsonl", is_flag=True, help="Stream one JSON object a line, each result as soon as it is known.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the machine's cores",
              help="Processes reading documents (1: all in this one); one writes.")
@quiet_option
@json_option
@uses_archive(create=True)
def ingest(archive, paths, force, collection, max_file_mb, max_text_file_mb, max_part_mb, max_lines, max_line_chars,
           max_seconds, jsonl, jobs, quiet, as_json):
    """Read minutes (files or folders) into the store and the index, saying what became of each file
    as soon as it is known; a progress bar on a terminal."""
    from kg.ingest.pipeline import expand
    from kg.read.limits import Limits

    limits = Limits(max_file_mb, max_text_file_mb, max_part_mb, max_lines, max_line_chars, max_seconds)
    tally = render.IngestTally()
    with render.Progress(len(expand(list(paths), collection)[0]), quiet=quiet or as_json or jsonl) as progress:
        def heard(kind, item):
            line = tally.add(kind, item)
            if kind in ("ingested", "unchanged"):
                progress.advance()
            if jsonl:
                click.echo(render.json_line(kind, item))
            elif not (as_json or quiet) or kind == "skipped":
                click.echo(line, err=as_json or quiet)
        report = archive.ingest(list(paths), force=force, collection=collection, limits=limits, listener=heard,
                                jobs=jobs)
    if as_json:
        data = report.to_json()
        for s in data["skipped"]:
            s.pop("trace", None)
        render.emit_json(data)
    elif jsonl:
        pass
    elif not any(tally.counts.values()):
        click.echo("nothing to ingest")
    else:
        click.echo("\n".join(tally.closing(progress.elapsed())))
    if report.skipped:
        sys.exit(1)


@main.command()
@click.option("--kind", type=click.Choice(KIND_CHOICES), default=None, help="Only things of this kind.")
@json_option
@uses_archive()
def entities(archive, kind, as_json):
    """List the things in the graph."""
    items = archive.entities(kind)
    if as_json:
        render.emit_json([e.to_json() for e in items])
    else:
        click.echo(render.entities(items))


@main.command()
@name_argument("name")
@click.option("--kind", type=click.Choice(KIND_CHOICES), default=None)
@json_option
@uses_archive()
def show(archive, name, kind, as_json):
    """Everything the graph says about one thing, with its evidence."""
    detail = archive.show(name, kind)
    if as_json:
        render.emit_json(detail.to_json())
    else:
        click.echo(render.show(detail))


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--from", "date_from", default=None,
              help='Meetings on or after this date: 2022-05-20, 20.05.2022, "20. mai 2022", "mai 2022" or 2022.')
@click.option("--to", "date_to", default=None,
              help="Meetings on or before this date (written as for --from; a month or a year counts to its end).")
@click.option("--actor", default=None, help="Only round-table reports of this actor.")
@click.option("--body", default=None, help="Only minutes of this body (a unique short name will do: Osloregionen).")
@click.option("--kind", default=None, help="Only sections of this kind (roundtable, agenda, ...).")
@click.option("--topic", default=None, help="Only sections on this thesaurus topic (or a narrower one).")
@click.option("--mentions", default=None, help="Only sections that mention this entity of the graph.")
@click.option("--limit", default=10, show_default=True)
@click.option("--page", default=1, show_default=True)
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--facets", is_flag=True, help="Also count the matches by actor, body, year and topic.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv"]), default="text", show_default=True)
@json_option
@uses_archive()
def search(archive, query, date_from, date_to, actor, body, kind, topic, mentions, limit, page, sort, facets,
           fmt, as_json):
    """Full-text search of the minutes' sections (Norwegian-aware, synonyms, suggestions).

    The query takes "phrases", AND, OR, NOT, brackets, prefix*, fuzzy~ and the filters
    actor:NAME, body:NAME, kind:KIND, topic:TOPIC, year:YYYY, mentions:NAME.
    """
    result = archive.search(" ".join(query), date_from=date_from, date_to=date_to, actor=actor, body=body,
                            kind=kind, topic=topic, mentions=mentions, limit=limit, page=page, sort=sort,
                            facets=facets)
    if as_json:
        render.emit_json(result.to_json())
    elif fmt == "csv":
        click.echo(render.search_csv(result), nl=False)
    else:
        click.echo(render.search(result, limit))


@main.command()
@quiet_option
@uses_archive(write=True)
def reindex(archive, quiet):
    """Rebuild the search index from the graph's sections."""
    with render.Progress(None, quiet=quiet) as progress:
        n = archive.reindex(progress)
    render.err(f"reindexed {n} section(s) from the graph")


@main.command()
@json_option
@uses_archive()
def check(archive, as_json):
    """Report any drift between the search index and the graph (exit 1 when they differ)."""
    report = archive.check()
    if as_json:
        render.emit_json(report.to_json())
    else:
        click.echo(render.drift(report))
    if not report.ok:
        sys.exit(1)


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KgError(f"--today wants a date as YYYY-MM-DD, not {value!r}") from None


@main.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--explain", is_flag=True, help="Show the named query, its bindings and why it was chosen.")
@click.option("--today", default=None, help="The date 'upcoming' counts from (default: today).")
@json_option
@uses_archive()
def ask(archive, question, explain, today, as_json):
    """Answer a question in Norwegian or English, with the sentences behind each answer."""
    result = archive.ask(" ".join(question), today=_today(today))
    if as_json:
        render.emit_json(result.to_json(explain))
    else:
        click.echo(render.ask(result, explain))


@main.command()
@json_option
def queries(as_json):
    """List the named queries (queries/*.rq)."""
    from kg.ask.catalogue import catalogue

    items = list(catalogue().values())
    if as_json:
        render.emit_json([{"name": q.name, "title": q.title, "description": q.description, "params": q.params,
                           "relations": list(q.relations), "answers": list(q.answers), "needs": sorted(q.needs)}
                          for q in items])
    else:
        click.echo(render.queries(items))


@main.command()
@name_argument("name")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="KEY VALUE", help="A parameter value.")
@click.option("--today", default=None)
@click.option("--explain", is_flag=True)
@json_option
@uses_archive()
def query(archive, name, params, today, explain, as_json):
    """Run one named query with parameters: kg query representatives -p body Fredrikstad."""
    result = archive.run_query(name, dict(params), today=_today(today))
    if as_json:
        render.emit_json(result.to_json(explain))
    else:
        click.echo(render.ask(result, explain))


@main.command()
@click.option("--format", "fmt", default="turtle", show_default=True,
              type=click.Choice(["turtle", "trig", "nt", "nquads", "xml", "json-ld"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--force", is_flag=True, help="Overwrite the output file when it exists.")
@click.option("--with-ontology", is_flag=True, help="Add the project's ontology (data/rdf/ontology.ttl).")
@quiet_option
@uses_archive()
def export(archive, fmt, output, force, with_ontology, quiet):
    """Write the graph as RDF (quad formats keep one named graph per document)."""
    with render.Progress(None, "graphs", quiet=quiet) as progress:
        if not output:
            archive.export(fmt, sys.stdout.buffer, with_ontology=with_ontology, progress=progress)
            return
        if output == Path("") or not str(output).strip():  # click reads -o "" as the path "."
            raise click.UsageError("-o wants a file name, not an empty one")
        try:
            with open(output, "wb" if force else "xb") as f:
                n = archive.export(fmt, f, with_ontology=with_ontology, progress=progress)
        except FileExistsError:
            raise KgError(f"{output} exists: pass --force to overwrite it, or choose another file with -o") from None
        except OSError as e:
            raise KgError(f"cannot write {output}: {e.strerror or e}; choose another file with -o") from None
        render.err(f"wrote {n} statements to {output}")


@main.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.pass_context
def validate(ctx, file, as_json):
    """Validate the store (or an RDF file of any format kg export writes) against data/rdf/shapes.ttl."""
    if file is not None:   # a file needs no store
        from kg.api import validate_file

        report = validate_file(file)
    else:
        with archive_of(ctx) as archive:
            report = archive.validate()
    if as_json:
        render.emit_json({"conforms": report.conforms, "violations": [v.__dict__ for v in report.violations]})
    else:
        click.echo(render.validation(report))
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.argument("query")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "csv", "turtle"]),
              help="table, json or csv for SELECT and ASK; turtle, json (JSON-LD), csv or table for CONSTRUCT and DESCRIBE.")
@click.option("--allow-update", is_flag=True, help="Run INSERT, DELETE, CLEAR and other updates.")
@click.option("--allow-outside", is_flag=True, help="Let SERVICE and LOAD read other servers and local files.")
@uses_archive()
def sparql(archive, query, fmt, allow_update, allow_outside):
    """Run a SPARQL query (its text, or a file ending .rq or .sparql) over the union of the document graphs."""
    from kg.export.sparql import result_rows, write_results

    text = read_text_file(Path(query), "query file") if query.endswith((".rq", ".sparql")) else query
    results = archive.sparql(text, allow_update=allow_update, allow_outside=allow_outside)
    if results is None:
        render.err("update done")
    elif fmt == "table":
        headers, rows = result_rows(results)
        click.echo(render.sparql_table(headers, rows, archive.store.base))
    else:
        write_results(results, fmt, sys.stdout.buffer)


@main.command()
@click.option("--endpoint", "push_endpoint", default=None, metavar="URL",
              help="The server's SPARQL query endpoint (default: kg --endpoint).")
@click.option("--graph-store", default=None, metavar="URL",
              help="Its Graph Store Protocol endpoint (default: /store beside an Oxigraph /query, else the endpoint).")
@quiet_option
@json_option
@uses_archive(write=True)
def push(archive, push_endpoint, graph_store, quiet, as_json):
    """Load the archive into a SPARQL 1.1 server, one named graph per document, sending only what changed."""
    endpoint = push_endpoint or archive.endpoint
    if endpoint is None:
        raise KgError("kg push needs the server: --endpoint URL")
    with render.Progress(None, "graphs", quiet=quiet or as_json) as progress:
        report = archive.push(endpoint, graph_store, progress)
    if as_json:
        render.emit_json(report.to_json())
    else:
        render.err(f"pushed to {report.graph_store}: {len(report.sent)} graph(s) sent, "
                   f"{len(report.unchanged)} unchanged, {len(report.deleted)} deleted")


@main.command()
@json_option
@uses_archive()
def documents(archive, as_json):
    """List the stored documents."""
    names = archive.documents()
    if as_json:
        render.emit_json(names)
    else:
        click.echo("\n".join(names) or "(none)")


@main.command()
@click.argument("names", nargs=-1, required=True)
@uses_archive(write=True)
def remove(archive, names):
    """Take documents out of the graph and the index."""
    for name in archive.remove(list(names)):
        render.err(f"removed {name}")


@main.command()
@json_option
@uses_archive()
def candidates(archive, as_json):
    """Names that may be one thing: decide with kg merge / kg distinct."""
    items = archive.candidates()
    if as_json:
        render.emit_json([c.to_json() for c in items])
    else:
        click.echo(render.candidates(items))


def _decision(archive, line: str, force: bool) -> None:
    for name in archive.unknown_names(line) if force else []:
        render.err(f"warning: {name!r} is not in the graph")
    path = archive.decide(line, force=force)
    render.err(f"recorded in {path}: {line}")


def force_decision(f):
    """--force on a curation command: record the decision even when a name is not in the graph."""
    return click.option("--force", is_flag=True, help="Record it even when a name is not in the graph.")(f)


@main.command()
@name_argument("name")
@name_argument("into")
@force_decision
@uses_archive(write=True)
def merge(archive, name, into, force):
    """Merge NAME into INTO (NAME becomes an alias)."""
    _decision(archive, f'merge "{name}" into "{into}"', force)


@main.command()
@click.argument("alias_name")
@name_argument("of")
@force_decision
@uses_archive(write=True)
def alias(archive, alias_name, of, force):
    """Record ALIAS_NAME as another name of OF."""
    _decision(archive, f'alias "{alias_name}" of "{of}"', force)


@main.command()
@name_argument("name")
@click.argument("new_name")
@force_decision
@uses_archive(write=True)
def rename(archive, name, new_name, force):
    """Give NAME a new preferred label."""
    _decision(archive, f'rename "{name}" to "{new_name}"', force)


@main.command("set-kind")
@name_argument("name")
@click.argument("kind", type=click.Choice(KIND_CHOICES))
@force_decision
@uses_archive(write=True)
def set_kind(archive, name, kind, force):
    """Change the kind of the thing called NAME."""
    _decision(archive, f'kind "{name}" {kind}', force)


@main.command()
@name_argument("name")
@click.option("--in", "document", required=True, help="The document where NAME is another thing.")
@click.option("--as", "new_name", required=True, help="The name that other thing gets.")
@force_decision
@uses_archive(write=True)
def split(archive, name, document, new_name, force):
    """Split off what NAME stands for in one document as a thing of its own."""
    _decision(archive, f'split "{name}" in "{document}" as "{new_name}"', force)


@main.command()
@name_argument("a")
@name_argument("b")
@force_decision
@uses_archive(write=True)
def distinct(archive, a, b, force):
    """Record that A and B are two different things (never proposed or matched as one)."""
    _decision(archive, f'distinct "{a}" "{b}"', force)



# -- the network (kg.graph): analytics, exports, pictures ----------------------
def _network_result(result, as_json) -> None:
    if as_json:
        render.emit_json(result.to_json())
    else:
        click.echo(result.to_text())


def lexicon_option(f):
    return click.option("--with-lexicon", is_flag=True,
                        help="Also count region members known only from the body lexicon (marked \"(lexicon)\").")(f)


@main.command()
@name_argument("a")
@name_argument("b")
@click.option("--through-topics", is_flag=True, help="Let the path pass through shared topics.")
@lexicon_option
@json_option
@uses_archive()
def path(archive, a, b, through_topics, with_lexicon, as_json):
    """How two things are connected, with the evidence on each link."""
    _network_result(archive.network_with(lexicon=with_lexicon).path(a, b, through_topics=through_topics), as_json)


@main.command()
@name_argument("name")
@click.option("--depth", default=1, show_default=True, help="How many links away.")
@lexicon_option
@json_option
@uses_archive()
def neighbours(archive, name, depth, with_lexicon, as_json):
    """The things linked to NAME (up to --depth links away)."""
    _network_result(archive.network_with(lexicon=with_lexicon).neighbours(name, depth), as_json)


@main.command()
@click.option("--kind", type=click.Choice(KIND_CHOICES), default=None, help="Only things of this kind.")
@click.option("--by", type=click.Choice(["degree", "betweenness", "pagerank"]), default="degree", show_default=True)
@click.option("--limit", default=20, show_default=True)
@lexicon_option
@json_option
@uses_archive()
def rank(archive, kind, by, limit, with_lexicon, as_json):
    """The most central things of the network."""
    _network_result(archive.network_with(lexicon=with_lexicon).rank(by, kind, limit), as_json)


@main.command()
@click.option("--limit", default=20, show_default=True)
@json_option
@uses_archive()
def coattendance(archive, limit, as_json):
    """Who meets whom: pairs of people by the meetings both attended."""
    _network_result(archive.network.coattendance(limit), as_json)


@main.command()
@lexicon_option
@json_option
@uses_archive()
def communities(archive, with_lexicon, as_json):
    """Groups of actors working together, with the topics they share."""
    _network_result(archive.network_with(lexicon=with_lexicon).communities(), as_json)


@main.command()
@name_argument("name")
@json_option
@uses_archive()
def timeline(archive, name, as_json):
    """Everything the minutes relate to NAME, by meeting date."""
    _network_result(archive.network.timeline(name), as_json)


@main.command("graph-export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "csv"]), default="graphml", show_default=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--around", default=None, help="Only the neighbourhood of this thing.")
@click.option("--depth", default=1, show_default=True)
@uses_archive()
def graph_export(archive, fmt, output, around, depth):
    """The network for Gephi, Cytoscape (GraphML, GEXF) or a spreadsheet (CSV node and edge lists)."""
    for written in archive.network.export(fmt, output, around=around, depth=depth):
        render.err(f"wrote {written}")


@main.command()
@name_argument("name")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]), default="html", show_default=True)
@click.option("--depth", default=1, show_default=True, help="How many links away.")
@click.option("--kind", "kinds", type=click.Choice(KIND_CHOICES), multiple=True,
              help="Only things of this kind (repeat for several); links pass through them only.")
@lexicon_option
@uses_archive()
def viz(archive, name, output, fmt, depth, kinds, with_lexicon):
    """A picture of NAME's neighbourhood: an interactive HTML page, or SVG/PNG for a report."""
    network = archive.network_with(lexicon=with_lexicon)
    render.err(f"wrote {network.picture(name, output, fmt=fmt, depth=depth, kinds=kinds)}")


if __name__ == "__main__":
    main()
