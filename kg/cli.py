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
    return Archive(Path(obj["store"]) if obj.get("store") else None, base_iri=obj.get("base_iri"), create=create)


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
@click.version_option(__version__, prog_name="kg")
def main(store, base_iri):
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
@click.option("--limit", default=10, show_default=True)
@json_option
@uses_archive()
def search(archive, query, date_from, date_to, actor, limit, as_json):
    """Full-text search of the minutes' sections (Norwegian-aware, synonyms, suggestions)."""
    result = archive.search(" ".join(query), date_from=date_from, date_to=date_to, actor=actor, limit=limit)
    if as_json:
        render.emit_json(result.to_json())
    else:
        click.echo(render.search(result))


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
                           "questions": list(q.patterns)} for q in items])
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


if __name__ == "__main__":
    main()
