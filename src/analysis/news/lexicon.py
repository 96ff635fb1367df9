"""The committed word lists that drive news extraction, loaded once per process.

Mappings live as data under ``analysis/data/news_*.csv`` (and ``gazetteer_aliases.csv``) so
that a correction is a one-line edit to a CSV, not a branch in code.

>>> table("news_units")["unit"].iloc[0]
'laporan polisi'
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd

_DTYPES = {"news_numbers": {"word": str, "low": int, "high": int}}


@lru_cache(maxsize=None)
def table(name: str) -> pd.DataFrame:
    """The committed list ``analysis/data/<name>.csv`` as a table of strings (read-only copy)."""
    path = resources.files("analysis") / "data" / f"{name}.csv"
    if not path.is_file():
        raise FileNotFoundError(f"committed list {name}.csv missing from analysis/data")
    with path.open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=_DTYPES.get(name, str), keep_default_na=False)
    return df
