"""Where the project's data and named queries live (next to the package, in the repository), and
where kg keeps what it derives once a machine (its cache)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
LEXICON_DIR = DATA_DIR / "lexicon"


def cache_dir() -> Path:
    """KG_CACHE_DIR, else the user's cache folder (XDG_CACHE_HOME, else ~/.cache) under kg/: files
    made from installed data, safe to delete (they are made again)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"
