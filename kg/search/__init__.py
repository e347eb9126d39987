"""Full-text search over sections of minutes (whoosh stays behind this package)."""

from kg.search.index import Hit, IndexedSection, SearchResult, SectionIndex

__all__ = ["Hit", "IndexedSection", "SearchResult", "SectionIndex"]
