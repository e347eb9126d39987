"""kg: a knowledge graph and search index built from meeting minutes."""

__version__ = "0.1.0"
