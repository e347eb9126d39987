"""The kg command line: thin over kg.api, one renderer, one place for errors.

Every command calls one Archive method and hands the typed result to
kg.render (text, or --json for exactly one JSON document on stdout). Library
errors (KgError) become one line on stderr and a non-zero exit, here only.
"""

from __future__ import annotations

import functools
import sys
from datetime import date
from pathlib import Path

import click

from kg import __version__, render
from kg.errors import KgError

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


def json_option(f):
    """--json on a listing command: one JSON document on stdout, messages on stderr."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document with stable keys.")(f)


def archive_of(ctx, create: bool = False):
    from kg.api import Archive

    obj = ctx.find_root().params
    endpoint = obj.get("endpoint")
    # answering from a server needs only the base IRI, which a new local store records
    return Archive(Path(obj["store"]) if obj.get("store") else None, base_iri=obj.get("base_iri"),
                   create=create or endpoint is not None, endpoint=endpoint)


def uses_archive(create: bool = False):
    def wrap(f):
        @functools.wraps(f)
        @click.pass_context
        def inner(ctx, *a, **kw):
            with archive_of(ctx, create) as archive:
                return f(archive, *a, **kw)
        return inner
    return wrap


@click.group(cls=KgGroup)
@click.option("--store", envvar="KG_STORE", type=click.Path(file_okay=False), default=None,
              help="Store directory (default: $KG_STORE, else ./.kg).")
@click.option("--base-iri", default=None, help="Base IRI of a new store's nodes (fixed once the store exists).")
@click.option("--endpoint", envvar="KG_ENDPOINT", default=None, metavar="URL",
              help="Answer ask, query and sparql from this SPARQL 1.1 query endpoint instead of the local store.")
@click.version_option(__version__, prog_name="kg")
def main(store, base_iri, endpoint):
    """kg: a knowledge graph and search index of meeting minutes."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-read documents even when unchanged.")
@json_option
@uses_archive(create=True)
def ingest(archive, paths, force, as_json):
    """Read minutes (files or folders) into the store and the index."""
    report = archive.ingest(list(paths), force=force)
    if as_json:
        data = report.to_json()
        for s in data["skipped"]:
            s.pop("trace", None)
        render.emit_json(data)
    else:
        click.echo(render.ingest(report))
    if report.skipped:
        for s in report.skipped:
            if as_json:
                render.err(f"skipped {s['path']}: {s['reason']}")
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
@click.argument("name")
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
@click.option("--from", "date_from", default=None, help="Meetings on or after this date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Meetings on or before this date (YYYY-MM-DD).")
@click.option("--actor", default=None, help="Only round-table reports of this actor.")
@click.option("--body", default=None, help="Only minutes of this body.")
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
        click.echo(render.search(result))


@main.command()
@uses_archive()
def reindex(archive):
    """Rebuild the search index from the graph's sections."""
    render.err(f"reindexed {archive.reindex()} section(s) from the graph")


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
@click.argument("name")
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
@click.option("--with-ontology", is_flag=True, help="Add the project's ontology (data/rdf/ontology.ttl).")
@uses_archive()
def export(archive, fmt, output, with_ontology):
    """Write the graph as RDF (quad formats keep one named graph per document)."""
    if output:
        with open(output, "wb") as f:
            n = archive.export(fmt, f, with_ontology=with_ontology)
        render.err(f"wrote {n} statements to {output}")
    else:
        archive.export(fmt, sys.stdout.buffer, with_ontology=with_ontology)


@main.command()
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@uses_archive()
def validate(archive, file, as_json):
    """Validate the store (or an RDF file) against the SHACL shapes in data/rdf/shapes.ttl."""
    report = archive.validate(file)
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
@click.option("--allow-update", is_flag=True, help="Run INSERT, DELETE, LOAD, CLEAR and other updates.")
@uses_archive()
def sparql(archive, query, fmt, allow_update):
    """Run a SPARQL query (its text, or a file ending .rq or .sparql) over the union of the document graphs."""
    from kg.export.sparql import result_rows, write_results

    text = Path(query).read_text(encoding="utf-8") if query.endswith((".rq", ".sparql")) else query
    results = archive.sparql(text, allow_update=allow_update)
    if results is None:
        render.err("update done")
    elif fmt == "table":
        headers, rows = result_rows(results)
        click.echo(render.table(rows, headers))
    else:
        write_results(results, fmt, sys.stdout.buffer)


@main.command()
@click.option("--endpoint", "push_endpoint", default=None, metavar="URL",
              help="The server's SPARQL query endpoint (default: kg --endpoint).")
@click.option("--graph-store", default=None, metavar="URL",
              help="Its Graph Store Protocol endpoint (default: /store beside an Oxigraph /query, else the endpoint).")
@json_option
@uses_archive()
def push(archive, push_endpoint, graph_store, as_json):
    """Load the archive into a SPARQL 1.1 server, one named graph per document, sending only what changed."""
    endpoint = push_endpoint or archive.endpoint
    if endpoint is None:
        raise KgError("kg push needs the server: --endpoint URL")
    report = archive.push(endpoint, graph_store)
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
@uses_archive()
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


def _decision(archive, line: str) -> None:
    path = archive.decide(line)
    render.err(f"recorded in {path}: {line}")


@main.command()
@click.argument("name")
@click.argument("into")
@uses_archive()
def merge(archive, name, into):
    """Merge NAME into INTO (NAME becomes an alias)."""
    _decision(archive, f'merge "{name}" into "{into}"')


@main.command()
@click.argument("alias_name")
@click.argument("of")
@uses_archive()
def alias(archive, alias_name, of):
    """Record ALIAS_NAME as another name of OF."""
    _decision(archive, f'alias "{alias_name}" of "{of}"')


@main.command()
@click.argument("name")
@click.argument("new_name")
@uses_archive()
def rename(archive, name, new_name):
    """Give NAME a new preferred label."""
    _decision(archive, f'rename "{name}" to "{new_name}"')


@main.command("set-kind")
@click.argument("name")
@click.argument("kind", type=click.Choice(KIND_CHOICES))
@uses_archive()
def set_kind(archive, name, kind):
    """Change the kind of the thing called NAME."""
    _decision(archive, f'kind "{name}" {kind}')


@main.command()
@click.argument("name")
@click.option("--in", "document", required=True, help="The document where NAME is another thing.")
@click.option("--as", "new_name", required=True, help="The name that other thing gets.")
@uses_archive()
def split(archive, name, document, new_name):
    """Split off what NAME stands for in one document as a thing of its own."""
    _decision(archive, f'split "{name}" in "{document}" as "{new_name}"')


@main.command()
@click.argument("a")
@click.argument("b")
@uses_archive()
def distinct(archive, a, b):
    """Record that A and B are two different things (never proposed or matched as one)."""
    _decision(archive, f'distinct "{a}" "{b}"')



# -- the network (kg.graph): analytics, exports, pictures ----------------------
def _network_result(result, as_json) -> None:
    if as_json:
        render.emit_json(result.to_json())
    else:
        click.echo(result.to_text())


@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--through-topics", is_flag=True, help="Let the path pass through shared topics.")
@json_option
@uses_archive()
def path(archive, a, b, through_topics, as_json):
    """How two things are connected, with the evidence on each link."""
    _network_result(archive.network.path(a, b, through_topics=through_topics), as_json)


@main.command()
@click.argument("name")
@click.option("--depth", default=1, show_default=True, help="How many links away.")
@json_option
@uses_archive()
def neighbours(archive, name, depth, as_json):
    """The things linked to NAME (up to --depth links away)."""
    _network_result(archive.network.neighbours(name, depth), as_json)


@main.command()
@click.option("--kind", type=click.Choice(KIND_CHOICES), default=None, help="Only things of this kind.")
@click.option("--by", type=click.Choice(["degree", "betweenness", "pagerank"]), default="degree", show_default=True)
@click.option("--limit", default=20, show_default=True)
@json_option
@uses_archive()
def rank(archive, kind, by, limit, as_json):
    """The most central things of the network."""
    _network_result(archive.network.rank(by, kind, limit), as_json)


@main.command()
@click.option("--limit", default=20, show_default=True)
@json_option
@uses_archive()
def coattendance(archive, limit, as_json):
    """Who meets whom: pairs of people by the meetings both attended."""
    _network_result(archive.network.coattendance(limit), as_json)


@main.command()
@json_option
@uses_archive()
def communities(archive, as_json):
    """Groups of actors working together, with the topics they share."""
    _network_result(archive.network.communities(), as_json)


@main.command()
@click.argument("name")
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
@click.argument("name")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]), default="html", show_default=True)
@click.option("--depth", default=1, show_default=True)
@uses_archive()
def viz(archive, name, output, fmt, depth):
    """A picture of NAME's neighbourhood: an interactive HTML page, or SVG/PNG for a report."""
    render.err(f"wrote {archive.network.picture(name, output, fmt=fmt, depth=depth)}")


if __name__ == "__main__":
    main()
