"""Fixtures of the notebook tests: the reports rendered once on a sample of the real data."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from render_once import rendered_reports, shared_base  # noqa: E402


@pytest.fixture(scope="session")
def reports(data_dir, tmp_path_factory) -> Path:
    return rendered_reports(data_dir, shared_base(tmp_path_factory))
