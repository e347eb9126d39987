"""The README's examples, run for real on the bundled sample (cog-like).

Every fenced block of README.md whose first line starts with ``$ `` is a run
of commands: each ``$ `` line is a command, the lines under it its expected
output (stdout, then stderr). The commands run in order, in one scratch folder
that sees the repository's folders (``data/minutes`` and the rest) and holds
the store ``.kg``, so later examples see what earlier ones did.

    python -m tests.readme            # check: exit 1 and a diff when an output differs
    python -m tests.readme --update   # rewrite the README's outputs from real runs

Only what truly varies between runs is ignored when checking: durations
("in 2.3 s"). A ``kg`` command runs in this process (click's test runner: fast,
and its output is piped, so plain text); any other line runs in bash.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FENCE = "```"
PROMPT = "$ "
DURATION = re.compile(r"\b\d+(?:\.\d+)? s\b")


@dataclass
class Example:
    command: str
    output: list[str]
    line: int   # where the command is in the README (1-based)


@dataclass
class Block:
    start: int  # index of the first line inside the fence
    end: int    # index of the closing fence
    examples: list[Example]


def blocks(lines: list[str]) -> list[Block]:
    """The README's command blocks, in order."""
    found, i = [], 0
    while i < len(lines):
        if lines[i].startswith(FENCE):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith(FENCE))
            body = lines[i + 1:end]
            if body and body[0].startswith(PROMPT):
                examples: list[Example] = []
                for n, line in enumerate(body):
                    if line.startswith(PROMPT):
                        examples.append(Example(line[len(PROMPT):], [], i + 2 + n))
                    else:
                        examples[-1].output.append(line)
                for e in examples:   # a blank line only separates examples
                    while e.output and not e.output[-1].strip():
                        e.output.pop()
                found.append(Block(i + 1, end, examples))
            i = end
        i += 1
    return found


@contextmanager
def scratch():
    """A folder that sees the repository's top-level folders and files, with an empty store."""
    with tempfile.TemporaryDirectory(prefix="kg-readme-") as tmp:
        for entry in ROOT.iterdir():
            if not entry.name.startswith("."):
                (Path(tmp) / entry.name).symlink_to(entry)
        old = Path.cwd()
        env = {k: os.environ.get(k) for k in ("KG_STORE", "NO_COLOR", "COLUMNS", "KG_ENDPOINT")}
        os.chdir(tmp)
        os.environ.update(KG_STORE=".kg", NO_COLOR="1", COLUMNS="100")
        os.environ.pop("KG_ENDPOINT", None)
        try:
            yield Path(tmp)
        finally:
            os.chdir(old)
            for k, v in env.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def run(command: str) -> list[str]:
    """A command's output lines: stdout, then stderr."""
    if command.startswith("kg ") and not any(c in command for c in "|&;>"):
        from click.testing import CliRunner

        from kg.cli import main

        r = CliRunner().invoke(main, shlex.split(command)[1:], prog_name="kg")
        if r.exception and not isinstance(r.exception, SystemExit):
            raise r.exception
        text = r.stdout + r.stderr
    else:
        bin_dir = str(Path(sys.executable).parent)   # the kg of this environment
        done = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                              env={**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"]})
        text = done.stdout + done.stderr
    return [line.rstrip() for line in text.rstrip("\n").splitlines()]


def steady(lines: list[str]) -> list[str]:
    """Lines with what varies between runs (durations) made the same."""
    return [DURATION.sub("N s", line) for line in lines]


def outputs(readme: Path = README) -> tuple[list[str], list[Block], list[list[list[str]]]]:
    """The README's lines, its blocks, and each example's real output."""
    lines = readme.read_text(encoding="utf-8").splitlines()
    found = blocks(lines)
    with scratch():
        real = [[run(e.command) for e in b.examples] for b in found]
    return lines, found, real


def differences(readme: Path = README) -> list[str]:
    """A diff for every example whose real output is not the README's."""
    _, found, real = outputs(readme)
    out = []
    for b, got in zip(found, real):
        for e, lines in zip(b.examples, got):
            if steady(e.output) != steady(lines):
                out.append(f"README.md line {e.line}: $ {e.command}\n" + "\n".join(
                    difflib.unified_diff(e.output, lines, "README", "real run", lineterm="")))
    return out


def update(readme: Path = README) -> int:
    """Rewrite every example's output with its real output; returns how many changed."""
    lines, found, real = outputs(readme)
    changed = 0
    for b, got in reversed(list(zip(found, real))):
        body = []
        for n, (e, lines_out) in enumerate(zip(b.examples, got)):
            changed += e.output != lines_out
            if n:
                body.append("")
            body += [PROMPT + e.command, *lines_out]
        lines[b.start:b.end] = body
    readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    if "--update" in argv:
        print(f"{update()} example(s) rewritten in {README.name}")
        return 0
    diffs = differences()
    print("\n\n".join(diffs) or "every README example matches a real run")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
