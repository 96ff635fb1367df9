"""Fixtures of the browser tests: the reports rendered once (shared with the notebook tests)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "notebooks"))
from render_once import rendered_reports, shared_base  # noqa: E402


@pytest.fixture(scope="session")
def reports(data_dir, tmp_path_factory) -> Path:
    from analysis.report.chromium import find_chromium

    if find_chromium() is None:
        pytest.skip("chromium not installed (make browser)")
    return rendered_reports(data_dir, shared_base(tmp_path_factory))
