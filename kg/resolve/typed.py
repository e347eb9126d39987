"""Names as people type them: the shorter forms a lookup accepts when no full name fits.

A person is typed by the family name alone ("Hasvold") or by the given and
family name without middle names ("Helge Hasvold"); a body whose name starts
with a genitive is typed by that word ("Osloregionen" for "Osloregionens
faggruppe Næringssamarbeidet"). These forms only ever narrow down: a lookup
that several things fit lists them instead of choosing.
"""

from __future__ import annotations

from kg.lang.text import key

BODY_KINDS = ("municipality", "region", "organisation", "institution", "cluster", "programme")


def typed_forms(label: str, kind: str) -> set[str]:
    """The comparison keys (kg.lang.text.key) of the short forms of a thing's name."""
    words = key(label).split()
    if len(words) < 2:
        return set()
    if kind == "person":
        return {words[-1], f"{words[0]} {words[-1]}"}
    if kind in BODY_KINDS and words[0].endswith("s") and len(words[0]) > 4:
        return {words[0][:-1]}
    return set()
