"""The setup every report notebook shares: parameters resolved to paths, style, tables loaded.

A notebook keeps its own ``parameters`` cell (papermill fills it in) and then calls
``notebook_context`` once, so the five lines of path handling and loading live here and
not copied into each notebook.

>>> import tempfile
>>> ctx = notebook_context(tempfile.mkdtemp(), tempfile.mkdtemp(), fast=True)
>>> len(ctx.tables["cases"]), ctx.fast, ctx.table("actors").empty
(0, True, True)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.report.figures import use_style
from analysis.report.tables import load_report_tables


@dataclass
class Context:
    """What a notebook works with: the real-data folder, the built tables and where figures go."""

    data: Path
    processed: Path
    figures_dir: str | None
    fast: bool = False
    small_cell_threshold: int = 5
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def table(self, name: str) -> pd.DataFrame:
        """One loaded table (an empty frame when the name is unknown)."""
        return self.tables.get(name, pd.DataFrame())


def notebook_context(data_dir: str | os.PathLike | None = None, processed_dir: str | os.PathLike | None = None,
                     figures_dir: str | os.PathLike | None = None, fast: bool = False,
                     small_cell_threshold: int = 5) -> Context:
    """Resolve the notebook parameters, apply the figure style and load the report tables.

    ``data_dir`` and ``processed_dir`` follow ``analysis.config`` (``None`` means the
    environment, then the project default); tables not built yet come back empty with their
    contract columns, and person names from the decisions are withheld from table text.
    """
    use_style()
    data = config.data_dir(data_dir)
    processed = config.out_dir(processed_dir)
    tables = load_report_tables(processed, data)
    return Context(data=data, processed=processed, figures_dir=None if figures_dir is None else str(figures_dir),
                   fast=bool(fast), small_cell_threshold=int(small_cell_threshold), tables=tables)
