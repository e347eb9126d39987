"""Answer questions: a question grammar over named SPARQL queries kept in queries/."""

# the suffix of an answer column that holds its words as the quote writes them, beside its value
# ("deadline_as_written": "29. april", "responsible_as_written": "sekretariatet"); renderers show it beside the value
AS_WRITTEN = "_as_written"
