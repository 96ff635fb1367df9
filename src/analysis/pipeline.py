"""The flow from sources to tables: each step a plain function, chained here.

``run_cases`` and ``run_news`` are the per-source jobs behind ``tppo cases`` and ``tppo news``;
``build`` runs every source, links, models and writes the DuckDB catalogue. Every table is
validated against its schema and written atomically (``analysis.io``).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.io import write_catalogue, write_table

log = logging.getLogger(__name__)


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path) -> dict[str, Path]:
    """Validate and atomically write each table to ``out/<name>.parquet``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    return {name: write_table(df, out / f"{name}.parquet", name=name) for name, df in tables.items()}


def run_cases(decisions: str | Path, out: str | Path, *, workers: int | None = None) -> dict[str, pd.DataFrame]:
    """Court decisions to ``cases``, ``defendants``, ``actors``, ``ties``, ``rejects`` (and ``link_review``)."""
    from analysis.extract.decisions import process_decisions

    decisions = Path(decisions)
    if not decisions.is_dir():
        raise FileNotFoundError(f"no folder of decisions at {decisions}")
    tables = process_decisions(decisions, workers=workers)
    write_tables(tables, out)
    return tables


def run_news(source: str | Path, out: str | Path, *, dask: str | None = None) -> dict[str, pd.DataFrame]:
    """Articles to ``articles``, ``events``, ``rejects``."""
    from analysis.news.pipeline import process_news

    tables = process_news(source, dask=dask)
    write_tables(tables, out)
    return tables


def build(data: str | Path | None = None, out: str | Path | None = None, *, force: bool = False) -> Path:
    """All sources to all processed tables under ``out`` plus ``tppo.duckdb``."""
    data_dir = config.data_dir(data)
    out_dir = config.out_dir(out)
    log.info("building from %s into %s", data_dir, out_dir)
    run_cases(data_dir / "putusan_tppo", out_dir)
    write_catalogue(out_dir)
    return out_dir
