"""Answer questions: a question grammar over named SPARQL queries kept in queries/."""
