"""Shared fixtures: temporary stores, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.api import Archive

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "minutes"
SAMPLE = SAMPLE_DIR / "000_b003cc053e82f227.txt"
GOLD_DIR = Path(__file__).parent / "data" / "gold"
TODAY = "2022-05-20"  # tests never read the wall clock


@pytest.fixture
def archive(tmp_path) -> Archive:
    return Archive(tmp_path / "store")


@pytest.fixture(scope="module")
def sample_archive(tmp_path_factory) -> Archive:
    """The sample ingested once per test module (tests must not write to it)."""
    a = Archive(tmp_path_factory.mktemp("sample") / "store")
    report = a.ingest([SAMPLE])
    assert not report.skipped, report.skipped
    return a
