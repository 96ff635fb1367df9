"""The flow from sources to tables: each step a plain function, chained here.

``run_cases`` and ``run_news`` are the per-source jobs behind ``tppo cases`` and ``tppo news``;
``build`` runs every source, links, models and writes the DuckDB catalogue. Every table is
validated against its schema, and the tables of one run are written as one set
(``analysis.io.write_table_set``): a run killed at any moment leaves the previous tables or
the new ones, never a mix. The output folder is checked before any input is read, and a
folder of decisions with no decision file is refused, so neither a bad ``--out`` nor an
empty input replaces good tables.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.io import OutputFolderError, check_out_dir, write_catalogue, write_table_set

log = logging.getLogger(__name__)


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path, *, keep_others: bool = True) -> dict[str, Path]:
    """Validate ``tables`` and write them as one set to ``out/<name>.parquet``. Tables of the
    set in use that ``tables`` does not hold stay readable unless ``keep_others`` is false."""
    return write_table_set(tables, out, keep_others=keep_others)


def _out_dir(out: str | Path | None) -> Path:
    """The output folder, created and checked for writing before any input is read."""
    try:
        folder = config.out_dir(out)
    except OSError as exc:
        where = out or "the output folder"
        raise OutputFolderError(f"cannot use {where} as the output folder: {exc.strerror or exc}") from None
    return check_out_dir(folder)


def run_cases(decisions: str | Path, out: str | Path, *, workers: int | None = None) -> dict[str, pd.DataFrame]:
    """Court decisions to ``cases``, ``defendants``, ``actors``, ``ties``, ``rejects`` (and ``link_review``)."""
    from analysis.extract.decisions import process_decisions

    decisions = Path(decisions)
    if not decisions.is_dir():
        raise FileNotFoundError(f"no folder of decisions at {decisions}")
    out = check_out_dir(out)
    tables = process_decisions(decisions, workers=workers)
    write_tables(tables, out)
    return tables


def run_news(source: str | Path, out: str | Path, *, dask: str | None = None) -> dict[str, pd.DataFrame]:
    """Articles to ``articles``, ``events``, ``rejects``."""
    from analysis.news.pipeline import process_news

    out = check_out_dir(out)
    tables = process_news(source, dask=dask)
    write_tables(tables, out)
    return tables


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f.columns)]
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)


def build_news(data_dir: Path) -> dict[str, pd.DataFrame]:
    """News tables from the real sources: the facts index of reported events and the seed article(s)."""
    from analysis.news.index import read_news_index
    from analysis.news.pipeline import process_news

    parts = [read_news_index(data_dir / "news_events" / "tppo_news_index.csv")]
    seeds = data_dir.parent / "seeds"
    if seeds.is_dir():
        parts.append(process_news(seeds))
    names = sorted({k for p in parts for k in p})
    return {k: _concat([p.get(k) for p in parts]) for k in names}


def build_victim_tables(victims: pd.DataFrame, actors: pd.DataFrame, actor_metrics: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The k-anonymised CTDC-shaped export, recruitment flows and the origin regency ×
    syndicate edges, from the ``victims`` table."""
    from analysis.network.geography import origin_syndicate_edges, recruitment_flows
    from analysis.release.ctdc import ctdc_export

    return {"victims_ctdc": ctdc_export(victims), "victim_flows": recruitment_flows(victims),
            "origin_syndicates": origin_syndicate_edges(victims, actors, actor_metrics)}


def build(data: str | Path | None = None, out: str | Path | None = None, *, force: bool = False) -> Path:
    """All sources to all processed tables under ``out`` plus ``tppo.duckdb``.

    Order: court decisions (cases, defendants, actors, ties) -> news (articles, events) ->
    networks (syndicates, actor_metrics) -> series. Every stage's rejects are gathered into
    one ``rejects`` table with the stage that refused them.
    """
    from analysis.network.tables import build_network_tables
    from analysis.timeseries import build_series_tables

    data_dir = config.data_dir(data)
    out_dir = _out_dir(out)
    log.info("building from %s into %s", data_dir, out_dir)
    t0 = time.perf_counter()

    from analysis.extract.decisions import process_decisions

    tables = dict(process_decisions(data_dir / "putusan_tppo"))
    log.info("court decisions: %d cases, %d rejects (%.1fs)", len(tables["cases"]), len(tables["rejects"]),
             time.perf_counter() - t0)
    rejects = [tables.pop("rejects").assign(job="cases")]

    news = build_news(data_dir)
    rejects.append(news.pop("rejects").assign(job="news"))
    tables.update(news)
    log.info("news: %d articles, %d events (%.1fs)", len(news["articles"]), len(news["events"]),
             time.perf_counter() - t0)

    net = build_network_tables(tables["actors"], tables["ties"], tables["cases"])
    rejects.append(net.pop("rejects").assign(job="network"))
    tables.update(net)
    log.info("networks: %d syndicates (%.1fs)", len(net["syndicates"]), time.perf_counter() - t0)

    tables.update(build_victim_tables(tables["victims"], tables["actors"], tables["actor_metrics"]))
    log.info("victims: %d rows, %d released in the k-anonymised export (%.1fs)", len(tables["victims"]),
             len(tables["victims_ctdc"]), time.perf_counter() - t0)

    tables.update(build_series_tables(tables["cases"], tables.get("events"), data_dir))
    log.info("series: %d rows (%.1fs)", len(tables["series"]), time.perf_counter() - t0)

    tables["rejects"] = _concat(rejects)
    write_tables(tables, out_dir, keep_others=False)
    write_catalogue(out_dir)
    log.info("wrote %d tables to %s (%.1fs)", len(tables), out_dir, time.perf_counter() - t0)
    return out_dir
