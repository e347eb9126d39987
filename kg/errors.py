"""Library exceptions. The CLI turns every KgError into one line on stderr and an exit code."""


class KgError(Exception):
    """An expected problem the user can act on (bad input, unknown name, ...)."""

    exit_code = 1


class BadInput(KgError):
    """A file that cannot be read as minutes."""


class NotFound(KgError):
    """A name, query or store that does not exist."""


class Ambiguous(KgError):
    """A name that fits several things; the message lists the candidates."""

    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates


class QueryError(KgError):
    """A malformed search query, question parameter or SPARQL text."""


class StoreError(KgError):
    """The store cannot be opened or written (locked, corrupt, wrong version)."""


def check_nesting(text: str, limit: int, what: str) -> None:
    """Refuse text nested deeper than limit, before a recursive parser sees it (and overflows its stack)."""
    depth = deepest = 0
    for c in text:
        if c in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in ")]}":
            depth = max(0, depth - 1)
    if deepest > limit:
        raise QueryError(f"{what} nested {deepest} brackets deep; at most {limit}")
