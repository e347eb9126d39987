"""The curation file: the user's decisions about names, applied on every ingest.

Plain text, one decision a line, reviewable in git::

    # merge two nodes: the first becomes an alias of the second
    merge "Dag Arnesen" into "Dag Aanensen"
    # another name for a thing
    alias "Mossregionen" of "Mosseregionen"
    # a new preferred name (the old one stays an alias)
    rename "Smart Innovation Norway" to "Smart Innovation Norway AS"
    # a different kind of node
    kind "Oslo Business Region" organisation
    # two names that must never be taken for one another
    distinct "Kari Christoffersen" "Kari Christophersen"
    # in one document, a name stands for another thing than elsewhere
    split "Kari Hansen" in "styret-2021-03.txt" as "Kari Hansen (Bergen)"
"""

from __future__ import annotations

import hashlib
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.lang.text import key
from kg.vocab import KINDS

VERBS = {"merge": "into", "alias": "of", "rename": "to"}


@dataclass
class Curation:
    path: Path | None = None
    canonical: dict[str, str] = field(default_factory=dict)   # key(name) → preferred label
    renamed: dict[str, str] = field(default_factory=dict)     # key(old) → new label
    kinds: dict[str, str] = field(default_factory=dict)       # key(name) → kind
    distinct: set[frozenset[str]] = field(default_factory=set)
    splits: dict[tuple[str, str], str] = field(default_factory=dict)  # (document, key(name)) → label
    text: str = ""

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def label_for(self, label: str) -> str | None:
        """The label the user chose for a name, if any."""
        k = key(label)
        seen = set()
        while k in self.canonical and k not in seen:  # follow chains: a → b → c
            seen.add(k)
            label = self.canonical[k]
            k = key(label)
        return label if seen else None

    def split_for(self, document: str, label: str) -> str | None:
        """The label a name gets in one document where it is another thing (the document named by its
        identity, "minutes/2021/styret.txt", or by its file name alone)."""
        k = key(label)
        return next((new for (doc, name), new in self.splits.items()
                     if name == k and (doc == document or document.endswith("/" + doc))), None)

    def kind_for(self, label: str) -> str | None:
        return self.kinds.get(key(label))

    def decisions_about(self, names: list[str]) -> list[str]:
        """The lines of the file that name any of names (for `kg show`)."""
        keys = {key(n) for n in names}
        out = []
        for line in self.text.splitlines():
            if line.strip().startswith("#"):
                continue
            try:
                words = shlex.split(line)
            except ValueError:
                continue
            if any(key(w) in keys for w in words[1:]):
                out.append(line.strip())
        return out

    def are_distinct(self, a: str, b: str) -> bool:
        return frozenset((key(a), key(b))) in self.distinct


def load_curation(path: Path) -> Curation:
    """Read the curation file (a missing file is an empty curation); every error names its line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Curation(path=path)
    except IsADirectoryError:
        raise KgError(f"{path} is a folder; the curation file must be a text file there") from None
    except OSError as e:
        raise KgError(f"{path}: cannot read the curation file: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise KgError(f"{path}:{line}: not UTF-8 text; save the curation file as UTF-8") from None
    return parse_curation(text, path)


def parse_curation(text: str, path: Path | str) -> Curation:
    """The decisions in text, or KgError naming the first line that is not one."""
    cur = Curation(path=path if isinstance(path, Path) else None)
    cur.text = text
    for n, raw in enumerate(cur.text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        shown = line if len(line) <= 80 else line[:77] + "..."
        try:
            words = shlex.split(line)
        except ValueError as e:
            raise KgError(f"{path}:{n}: {e} in {shown!r}") from None
        verb = words[0].lower()
        if verb in VERBS and len(words) == 4 and words[2].lower() == VERBS[verb]:
            if verb == "rename":
                cur.renamed[key(words[1])] = words[3]
            cur.canonical[key(words[1])] = words[3]
        elif verb == "kind" and len(words) == 3 and words[2] in KINDS:
            cur.kinds[key(words[1])] = words[2]
        elif verb == "distinct" and len(words) == 3:
            cur.distinct.add(frozenset((key(words[1]), key(words[2]))))
        elif verb == "split" and len(words) == 6 and words[2].lower() == "in" and words[4].lower() == "as":
            cur.splits[(words[3], key(words[1]))] = words[5]
        else:
            raise KgError(f"{path}:{n}: cannot read {shown!r}; expected one of: "
                          'merge "A" into "B" | alias "A" of "B" | rename "A" to "B" | '
                          f'kind "A" <{"|".join(KINDS)}> | distinct "A" "B" | split "A" in "DOC" as "B"')
    return cur


def names_in(line: str) -> tuple[list[str], str | None]:
    """The names a decision says must be in the graph, and the document it names (split), if any."""
    words = shlex.split(line)
    verb = words[0].lower()
    if verb == "alias":
        return [words[3]], None  # the alias itself is new
    if verb == "split":
        return [words[1]], words[3]
    if verb in ("kind", "rename"):
        return [words[1]], None
    return [words[1], words[-1]], None


def append_decision(path: Path, line: str) -> None:
    """Add one decision to the curation file, keeping what the user wrote; whole or not at all."""
    cur = load_curation(path)
    text = cur.text or "# kg curation file: one decision a line, applied on every ingest (see kg/resolve/curation.py)\n"
    if not text.endswith("\n"):
        text += "\n"
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text + line + "\n", encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise KgError(f"cannot write the curation file {path}: {e.strerror or e}") from None
