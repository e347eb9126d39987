"""The store as RDF for other tools: six formats (JSON-LD compacted with the published
context), SHACL validation against the project's shapes, and ad-hoc SPARQL results."""
