"""Persisting the graph."""
