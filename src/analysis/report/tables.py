"""Load the processed tables a report shows, with the contract's columns even when absent.

Notebooks must run while parts of the pipeline are still missing: a table that has not
been built yet comes back empty but with its contract columns (DESIGN.md), so every cell
can run and say "not built yet" instead of failing.

>>> import tempfile
>>> t = load_tables(tempfile.mkdtemp(), ["cases"])
>>> len(t["cases"]), "case_id" in t["cases"].columns
(0, True)
>>> table_status(t)[["table", "rows", "built"]].values.tolist()
[['cases', 0, False]]
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)

#: Contract columns of each table (DESIGN.md, "Contracts"); extra columns are kept when present.
CONTRACT_COLUMNS: dict[str, list[str]] = {
    "cases": ["case_id", "court", "decision_date", "n_defendants", "source_file", "duplicate_of",
              "laws", "n_victims", "destination_countries", "is_migrant_worker_case"],
    "defendants": ["case_id", "person_id", "sex", "age", "verdict", "sentence_months", "fine_idr",
                   "fine_substitute_months", "restitution_idr"],
    "actors": ["actor_id", "kind", "roles", "label", "n_cases"],
    "ties": ["source_id", "target_id", "relation", "case_id", "evidence", "date"],
    "rejects": ["source", "stage", "reason", "detail"],
    "articles": ["article_id", "url", "outlet", "published_at", "title"],
    "events": ["article_id", "event_type", "count", "count_unit", "period_start", "period_end",
               "date", "agencies", "places", "countries", "modus", "roles"],
    "syndicates": ["syndicate_id", "n_actors", "n_cases", "n_courts", "stability"],
    "actor_metrics": ["actor_id", "syndicate_id"],
    "victims": ["case_id", "victim_id", "group_size", "sex", "age", "origin_regency", "origin_province",
                "destination_country", "transit", "exploitation_type"],
    "victim_flows": ["origin_regency", "transit", "destination_country", "n_victims", "n_cases"],
    "origin_syndicates": ["origin_regency", "syndicate_id", "n_cases", "n_victims"],
    "network_tests": ["test", "statistic", "condition", "observed", "null_mean", "null_sd", "p_ge", "p_le", "n_sim"],
    "series": ["series_id", "source", "freq", "period_start", "count"],
    "event_agencies": ["event_id", "agency"],
}

_MARK = "_built"


def empty_table(name: str) -> pd.DataFrame:
    """An empty frame with the contract columns of ``name`` (no columns for unknown names)."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in CONTRACT_COLUMNS.get(name, [])})


def load_tables(processed_dir: str | os.PathLike, names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read ``<processed_dir>/<name>.parquet`` for each table; missing ones come back empty.

    Every frame carries ``attrs["built"]`` (True when the file existed) so a notebook can
    tell "no rows" from "not built yet". Contract columns missing from a built table are
    added as empty columns with a logged warning rather than raising in the middle of a report.
    All tables come from one set, even while a build switches to a new one.
    """
    from analysis.io import table_folder

    processed_dir = table_folder(processed_dir)
    out: dict[str, pd.DataFrame] = {}
    for name in names or list(CONTRACT_COLUMNS):
        path = processed_dir / f"{name}.parquet"
        if path.exists():
            df = pd.read_parquet(path)
            missing = [c for c in CONTRACT_COLUMNS.get(name, []) if c not in df.columns]
            if missing:
                log.warning("table %s lacks contract columns %s", name, missing)
                for c in missing:
                    df[c] = pd.Series([None] * len(df), dtype="object")
            df.attrs[_MARK] = True
        else:
            df = empty_table(name)
            df.attrs[_MARK] = False
        out[name] = df
    return out


def is_built(df: pd.DataFrame) -> bool:
    """True when the frame came from a built table file (see ``load_tables``)."""
    return bool(df.attrs.get(_MARK, False))


def table_status(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per table: ``table``, ``rows``, ``columns``, ``built`` — what exists right now."""
    rows = [{"table": n, "rows": len(df), "columns": df.shape[1], "built": is_built(df)}
            for n, df in tables.items()]
    return pd.DataFrame(rows, columns=["table", "rows", "columns", "built"])


def load_report_tables(processed_dir: str | os.PathLike, data_dir: str | os.PathLike | None,
                       names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """``load_tables`` for display: text holding a decision's person name is withheld.

    The names are read in memory from ``<data_dir>/putusan_tppo`` (or passed as ``names``);
    without either, the tables come back as loaded.
    """
    from analysis.report.privacy_checks import names_from_decisions, withhold_in_tables

    tables = load_tables(processed_dir)
    if names is None and data_dir is not None and (Path(data_dir) / "putusan_tppo").is_dir():
        names = sorted(names_from_decisions(Path(data_dir) / "putusan_tppo"))
    return withhold_in_tables(tables, names) if names else tables
