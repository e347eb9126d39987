"""The README stands alone: every command it shows runs on the bundled sample with the output it shows."""

from __future__ import annotations

import re

from tests import readme


def test_every_readme_example_gives_the_output_shown():
    assert readme.differences() == []


def test_the_readme_points_to_nothing_outside_the_repository():
    text = readme.README.read_text(encoding="utf-8")
    assert "../" not in text and "shared/" not in text
    for path in re.findall(r"`((?:data|docs|queries|kg|tests|benchmarks)/[^`*{ ]+)`", text):
        assert (readme.ROOT / path).exists(), path


def test_blocks_and_what_may_vary():
    lines = ["text", "```", "$ kg search sykehus", "1 section(s) match 'sykehus'", "", "$ kg documents",
             "a.txt", "```", "```sh", "pip install -e .", "```"]
    [block] = readme.blocks(lines)
    assert (block.start, block.end) == (2, 7)
    assert [(e.command, e.output, e.line) for e in block.examples] == [
        ("kg search sykehus", ["1 section(s) match 'sykehus'"], 3), ("kg documents", ["a.txt"], 6)]
    assert readme.steady(["2 ingested; 40 entities in 12.3 s"]) == readme.steady(["2 ingested; 40 entities in 0.9 s"])
    assert readme.steady(["17 sections"]) != readme.steady(["18 sections"])


def test_update_rewrites_outputs_in_place(tmp_path):
    page = tmp_path / "README.md"
    page.write_text("# x\n\n```\n$ kg ingest data/minutes --quiet\n\n$ kg documents\nold.txt\n```\nend\n",
                    encoding="utf-8")
    assert readme.update(page) == 2
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# x\n\n```\n$ kg ingest data/minutes --quiet\n")
    assert text.endswith("\n\n$ kg documents\nminutes/000_b003cc053e82f227.txt\n```\nend\n")
    assert readme.differences(page) == []
