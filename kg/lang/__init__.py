"""Norwegian language data and value parsers: the bottom floor every stage may use."""
