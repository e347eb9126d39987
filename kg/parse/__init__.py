"""Parse minutes into their structure: header, attendance, agenda, round-table, events.

``parse(source)`` returns a ``Minutes`` with every section and its line span.
"""

from kg.parse.structure import parse

__all__ = ["parse"]
