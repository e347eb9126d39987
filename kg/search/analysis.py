"""Norwegian text analysis for the section index: one stemmed and one exact-word analyzer.

Both share a tokenizer, so positions line up and a stemmed hit can be highlighted in the
original text. Bokmål and nynorsk share the Snowball Norwegian stemmer and stop list.
"""

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stopwords_for_language

# A decimal number ("4.0", "1,2") is one token; a clitic ending after an apostrophe
# ("SMB'er", "SMB’ene") is not a word of its own, so "SMB'er" indexes as "smb".
TOKEN_PATTERN = r"\d+(?:[.,]\d+)+|(?<!\w['’])(?<!\w)\w+"

STOP_WORDS = frozenset(stopwords_for_language("no"))


def _base():
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(stoplist=STOP_WORDS, minsize=1)


def exact_analyzer():
    """Lowercased words without stemming: exact matches, compound parts and spelling."""
    return _base()


def stemming_analyzer():
    """Lowercased, Snowball-stemmed words, so "sykehus" meets "sykehuset"."""
    return _base() | StemFilter(lang="no")
