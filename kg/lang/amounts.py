"""Money as minutes write it: "500 000", "30 mill. Euro", "kr 1,2 mill.", "250' kr", "3 MNOK", "NOK 2 mrd."

An amount followed by "per innbygger", "pr. deltakar" is a rate, not a sum: it is
returned with ``per`` set so a reader can tell "kr 20 per innbygger" from a grant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

CURRENCIES = {
    "kr": "NOK", "kr.": "NOK", "kroner": "NOK", "kronar": "NOK", "nok": "NOK", ",-": "NOK",
    "euro": "EUR", "eur": "EUR", "€": "EUR", "euros": "EUR",
    "usd": "USD", "dollar": "USD", "$": "USD",
    "sek": "SEK", "dkk": "DKK",
}
SCALES = {
    "mill": 10**6, "millioner": 10**6, "million": 10**6, "millionar": 10**6, "millionen": 10**6, "mnok": 10**6,
    "mrd": 10**9, "milliarder": 10**9, "milliard": 10**9, "milliardar": 10**9, "billion": 10**9,
    "tusen": 10**3, "'": 10**3, "’": 10**3,
}
_CUR = r"kr\.?|kroner|kronar|NOK|euros?|EUR|€|USD|dollar|\$|SEK|DKK"
_SCALE = r"mill(?:ioner|ionar|ion)?\.?|mrd\.?|milliard(?:er|ar)?|tusen|MNOK|['’]"
# thousands grouped by space or dot ("1 200 000", "1.200.000") or, as English writes them, by comma ("40,000"),
# or a plain/decimal number
_NUM = (r"\d{1,3}(?:[  ]\d{3})+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.,]?\d)|\d{1,3}(?:,\d{3})+(?![.,]?\d)"
        r"|\d+(?:[.,]\d+)?")
# (?=…): an amount opens with a currency's first letter or sign, or with a digit, looked at before the currencies
# are tried one by one at every position
AMOUNT = re.compile(
    rf"(?=[kneu€$sd\d])(?:(?P<cur1>{_CUR})\s*)?(?P<num>{_NUM})\s*(?P<scale>{_SCALE})?\s*(?P<cur2>{_CUR}|,-)?(?![\wæøå])",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_COMMA_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
RATE = re.compile(r"^\s*(?:per|pr\.?|for kvar|for hver|i snitt per)\s+(?P<per>[a-zæøå]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    value: int
    currency: str
    span: tuple[int, int]
    explicit_currency: bool
    per: str | None = None  # "innbygger" in "kr 20 per innbygger": a rate, not a sum


def _value(num: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", num):  # "1.200.000": dots group thousands
        num = num.replace(".", "")
    num = num.replace(" ", "").replace(" ", "").replace(",", ".")
    try:
        return Decimal(num)
    except ArithmeticError:
        return None


def find_amounts(text: str, default_currency: str = "NOK") -> list[Amount]:
    """Money amounts in text. A bare number counts only when grouped in thousands or scaled."""
    out = []
    for m in AMOUNT.finditer(text) if _DIGIT.search(text) else ():  # most sentences hold no number at all
        cur = m["cur1"] or m["cur2"]
        scale = m["scale"]
        grouped = bool(re.search(r"\d[  .]\d{3}", m["num"]))
        if not (cur or scale or grouped):
            continue
        if scale in ("'", "’") and not cur:  # "250'" alone is a foot or a quote mark, "250' kr" is money
            continue
        # "USD 40,000" groups thousands; "kr 1,500 mill." is one and a half million
        value = _value(m["num"].replace(",", "") if not scale and _COMMA_GROUPED.fullmatch(m["num"]) else m["num"])
        if value is None:
            continue
        if scale:
            value *= SCALES[scale.lower().rstrip(".")]
        currency = CURRENCIES.get(cur.lower(), default_currency) if cur else default_currency
        rate = RATE.match(text[m.end():])
        out.append(Amount(int(value), currency, m.span(), bool(cur), rate["per"].lower() if rate else None))
    return out
