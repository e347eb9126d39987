"""The Norwegian names that short and English names of counties and municipalities stand for.

Counties and municipalities write their own names in English as "Vestland County Council", "Vadsø
Municipality"; minutes write them so in English text, and a question may ask for them so. Kept apart from
kg.lang.bodies (which loads the body lexicons) so that reading a question need not import it.
"""

from __future__ import annotations

import re

# the Norwegian forms a short or English name stands for: "Hedmark FK", "Vestland County Council" (the English
# names the counties and municipalities use for themselves: "county council", "county municipality", "county
# authority", "municipality")
_SPELT_OUT = [(re.compile(r"^(?P<n>.+?)\s+(?:FK|county council|county municipality|county authority)$", re.IGNORECASE),
               "{n} fylkeskommune"),
              (re.compile(r"^municipality of\s+(?P<n>.+)$", re.IGNORECASE), "{n} kommune")]  # "X municipality": gazetteer


# the same English forms in running text ("who came from Hedmark County Council"), with the name before them
_SPELT_OUT_IN_TEXT = re.compile(r"\b(?P<n>[A-ZÆØÅ][\w-]*(?:\s+and\s+[A-ZÆØÅ][\w-]*)?)\s+"
                                r"(?P<kind>(?i:county\s+(?:council|municipality|authority)|municipality))\b")


def norwegian_forms(text: str) -> str:
    """Text with the English names counties and municipalities use for themselves in their Norwegian form
    ("Hedmark County Council" → "Hedmark fylkeskommune", "Vadsø Municipality" → "Vadsø kommune")."""
    return _SPELT_OUT_IN_TEXT.sub(lambda m: re.sub(r"\s+and\s+", " og ", m["n"]) + (
        " kommune" if m["kind"].lower() == "municipality" else " fylkeskommune"), text)


def spelt_out(name: str) -> str | None:
    """'Hedmark FK', 'Vestland County Council' → 'Hedmark fylkeskommune', 'Vestland fylkeskommune';
    'Municipality of Vadsø' → 'Vadsø kommune'."""
    for pattern, form in _SPELT_OUT:
        m = pattern.match(name)
        if m:  # "Troms and Finnmark County Council": the county's own name is "Troms og Finnmark"
            return form.format(n=re.sub(r"\s+and\s+", " og ", m["n"]))
    return None
