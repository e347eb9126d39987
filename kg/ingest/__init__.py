"""Ingest documents into the store and the index, one whole document at a time."""
