"""Export the store as RDF files and check it against the project's SHACL shapes."""
