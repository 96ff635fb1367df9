"""Shared fixtures: the real-data folder and a fixed pseudonymisation key for tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests use their own key so that pseudonyms are reproducible and no developer key is touched.
os.environ.setdefault("TPPO_KEY", "7e57" * 8)  # 32 hex digits: the shortest key accepted
os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]


def _find_data() -> Path | None:
    from analysis.config import data_dir

    try:
        return data_dir()
    except FileNotFoundError:
        return None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The real data (``../shared/data`` or ``$TPPO_DATA``). On CI its absence is an error."""
    d = _find_data()
    if d is None:
        if os.environ.get("CI"):
            pytest.fail("real data not found: CI must have ../shared/data beside the project")
        pytest.skip("real data not available")
    return d


@pytest.fixture(scope="session")
def decisions_dir(data_dir: Path) -> Path:
    return data_dir / "putusan_tppo"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def case_tables(decisions_dir, tmp_path_factory) -> dict:
    """The court-decision tables built once per test session from the real decisions."""
    from analysis.pipeline import run_cases

    out = tmp_path_factory.mktemp("processed")
    tables = run_cases(decisions_dir, out)
    tables["_out"] = out
    return tables


@pytest.fixture(scope="session")
def network_tables(case_tables) -> dict:
    """The network tables (syndicates, actor_metrics, network_tests) built once per session."""
    from analysis.network.tables import build_network_tables

    return build_network_tables(case_tables["actors"], case_tables["ties"], case_tables["cases"])
