"""Where the project's data and named queries live (next to the package, in the repository)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
LEXICON_DIR = DATA_DIR / "lexicon"
