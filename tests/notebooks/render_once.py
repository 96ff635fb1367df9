"""Render the reports once per test run, on a sample of the real decisions, shared by the
notebook and browser tests (and by both pytest-xdist workers, through a file lock)."""

from __future__ import annotations

import fcntl
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

SAMPLE_EVERY = 12          # every 12th decision (≈ 42 files) keeps a test run within minutes
DUPLICATE_PAIR = ("182_Pid.Sus_2025_PN_Ptk.txt", "182_Pid.Sus_2025_PN_Ptk-2.txt")


def shared_base(tmp_path_factory) -> Path:
    """A folder shared by all xdist workers of this run (their common parent), else this run's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def sample_decisions(decisions_dir: Path, target: Path) -> Path:
    """Symlink a fixed sample of the decisions (plus a known duplicate pair) into ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in decisions_dir.glob("*.txt"))
    chosen = files[::SAMPLE_EVERY] + [decisions_dir / n for n in DUPLICATE_PAIR if (decisions_dir / n).exists()]
    for p in chosen:
        link = target / p.name
        if not link.exists():
            link.symlink_to(p)
    return target


def sample_tables(decisions_dir: Path, out: Path) -> Path:
    """Build what the pipeline can build from the sample; parts not ready yet are logged and skipped."""
    import pandas as pd

    from analysis import pipeline

    sample = sample_decisions(decisions_dir, out.parent / "sample_decisions")
    try:
        pipeline.run_cases(sample, out, workers=1)
    except Exception as exc:  # a pipeline still being written must not hide the reports' own tests
        log.warning("run_cases on the sample stopped: %s: %s", type(exc).__name__, exc)
    if (out / "actors.parquet").exists() and not (out / "syndicates.parquet").exists():
        try:
            from analysis.network.tables import build_network_tables

            t = {n: pd.read_parquet(out / f"{n}.parquet") for n in ("actors", "ties", "cases", "victims")}
            net = build_network_tables(t["actors"], t["ties"], t["cases"], n_runs=5, n_perm=50, n_sim=50)
            net.pop("rejects")
            net.update(pipeline.build_victim_tables(t["victims"], t["actors"], net["actor_metrics"]))
            pipeline.write_tables(net, out)
        except Exception as exc:
            log.warning("network tables on the sample not built: %s: %s", type(exc).__name__, exc)
    return out


def rendered_reports(data_dir: Path, base: Path) -> Path:
    """``reports/`` rendered by ``tppo report`` (fast parameters) on the sample tables; built once."""
    from analysis.report import render

    root = base / "tppo-report-run"
    root.mkdir(parents=True, exist_ok=True)
    with open(base / "tppo-report-run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done, failed = root / "DONE", root / "FAILED"
        if failed.exists():
            raise RuntimeError(failed.read_text())
        if not done.exists():
            try:
                processed = sample_tables(data_dir / "putusan_tppo", root / "processed")
                render.run(params={"reports_dir": str(root / "reports"), "build": "never",
                                   "parameters": {"fast": True}}, data=data_dir, out=processed)
            except Exception as exc:
                failed.write_text(f"{type(exc).__name__}: {exc}")
                raise
            done.write_text("ok")
    return root / "reports"
