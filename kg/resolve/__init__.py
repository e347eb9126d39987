"""Resolve what extraction read into one node per real thing (gazetteer, lexicons, curation)."""
