"""How notebooks show tables and notes: captioned, with small cells suppressed where asked.

Every table a reader sees has a caption; lists in cells are shown comma-separated; with
``suppress=[columns]`` counts below the threshold become ``<5`` (``suppress_small_cells``).

>>> import pandas as pd
>>> t = show_table(pd.DataFrame({"court": ["A"], "n_victims": [3]}), "Victims by court.", suppress=["n_victims"])
>>> "&lt;5" in t._repr_html_() and "Victims by court." in t._repr_html_()
True
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.report.privacy_checks import suppress_small_cells
from analysis.report.tables import is_built


def _cell(v):
    if isinstance(v, (list, tuple, set)) or (hasattr(v, "tolist") and not isinstance(v, str) and getattr(v, "ndim", 0) == 1):
        return ", ".join(str(x) for x in list(v))
    return v


class Table:
    """A captioned table; Jupyter renders it as HTML."""

    def __init__(self, df: pd.DataFrame, caption: str, max_rows: int = 25):
        self.df, self.caption, self.max_rows = df, caption, max_rows

    def _repr_html_(self) -> str:
        shown = self.df.head(self.max_rows).map(_cell) if len(self.df) else self.df
        more = (f"<p class='tppo-note'>First {self.max_rows} of {len(self.df)} rows.</p>"
                if len(self.df) > self.max_rows else "")
        body = shown.to_html(index=False, na_rep="—", escape=True, border=0, classes="tppo-table")
        if not len(self.df):
            body = "<p class='tppo-note'>No rows.</p>"
        return (f"<div class='tppo-table-wrap'><p class='tppo-caption'><strong>Table.</strong> "
                f"{html.escape(self.caption)}</p>{body}{more}</div>")


def show_table(df: pd.DataFrame, caption: str, *, max_rows: int = 25, suppress: list[str] | None = None,
               threshold: int = 5) -> Table:
    """A captioned table for display; ``suppress`` names count columns to protect."""
    if not caption or not caption.strip():
        raise ValueError("every table shown needs a caption")
    if suppress:
        df = suppress_small_cells(df, suppress, threshold)
    return Table(df, caption.strip(), max_rows)


class Note:
    """A Markdown note (rendered by Jupyter and nbconvert like a markdown cell)."""

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text


def note(text: str) -> Note:
    """Markdown computed from the data, e.g. ``note(f"{n} decisions were read.")``."""
    return Note(text)


def not_built(tables: dict[str, pd.DataFrame], names: list[str]) -> Note | None:
    """A note listing which of ``names`` are not built yet (None when all are).

    >>> import pandas as pd
    >>> not_built({"cases": pd.DataFrame()}, ["cases"]).text.startswith("*Not built yet")
    True
    """
    missing = [n for n in names if n not in tables or not is_built(tables[n])]
    if not missing:
        return None
    return Note(f"*Not built yet: {', '.join('`' + m + '`' for m in missing)}. Run `tppo build` "
                f"(or `make data`) to produce them; the sections that use them stay empty until then.*")
