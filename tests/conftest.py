"""Shared fixtures: temporary stores, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.api import Archive

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "minutes"
SAMPLE = SAMPLE_DIR / "000_b003cc053e82f227.txt"
SAMPLE_ID = f"{SAMPLE_DIR.name}/{SAMPLE.name}"  # a document is known by its folder and file name
GOLD_DIR = Path(__file__).parent / "data" / "gold"
NETWORK = Path(__file__).parent / "data" / "network"
TODAY = "2022-05-20"  # tests never read the wall clock


@pytest.fixture(autouse=True, scope="session")
def own_cache(tmp_path_factory):
    """kg's cache folder (kg.paths.cache_dir) in the test run's temporary folder, never the user's;
    set in the environment so that the kg processes tests start use it too."""
    before = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield Path(os.environ["KG_CACHE_DIR"])
    if before is None:
        del os.environ["KG_CACHE_DIR"]
    else:
        os.environ["KG_CACHE_DIR"] = before


def extracted(folder: Path, name: str, text: str):
    """The graph extract() builds from minutes written to folder/name (no store)."""
    from kg.extract import extract
    from kg.parse import parse
    from kg.read import read_file

    path = folder / name
    path.write_text(text, encoding="utf-8")
    return extract(parse(read_file(path)))


def nodes(g, kind: str) -> list:
    """The nodes of a kind in an extracted graph."""
    return [n for n in g.nodes if n.kind == kind]


def values(g, node, predicate) -> list:
    """The labels (or values) of a node's objects under a predicate in an extracted graph."""
    return [getattr(f.object, "label", getattr(f.object, "value", f.object))
            for f in g.facts if f.subject is node and f.predicate == predicate]


@pytest.fixture
def archive(tmp_path) -> Archive:
    return Archive(tmp_path / "store")


def ingested(tmp_path_factory, *paths: Path) -> Archive:
    """A fresh store holding paths, every one read (nothing skipped)."""
    a = Archive(tmp_path_factory.mktemp("store") / "store")
    report = a.ingest(list(paths))
    assert not report.skipped, report.skipped
    return a


def stored_text(tmp_path: Path, name: str, text: str) -> Archive:
    """A store in tmp_path holding one minutes text written for a test (a test's own store; see ingested_text)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    a = Archive(tmp_path / "store")
    report = a.ingest([path])
    assert not report.skipped, report.skipped
    return a


def ingested_text(tmp_path_factory, name: str, text: str) -> Archive:
    """A fresh store holding one minutes text written for a test, under the file name given."""
    folder = tmp_path_factory.mktemp("minutes")
    (folder / name).write_text(text, encoding="utf-8")
    return ingested(tmp_path_factory, folder / name)


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory) -> Archive:
    """The sample ingested once per test module (tests must not write to it)."""
    return ingested(tmp_path_factory, SAMPLE)


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> Archive:
    """tests/data/network (seven meetings of two bodies, 2021–2023), once per test module."""
    return ingested(tmp_path_factory, NETWORK)
