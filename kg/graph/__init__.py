"""Graph analytics and pictures on a networkx projection of the store (built once per store version)."""
