"""No real person's name from the decisions in any tracked file or any built table."""

import subprocess

import pandas as pd
import pytest

from analysis.privacy.names import decision_names, find_names


@pytest.fixture(scope="module")
def names(decisions_dir):
    ns = decision_names(decisions_dir)
    assert len(ns) > 300, "the reference list of names is suspiciously short"
    return ns


@pytest.mark.real
def test_no_decision_name_in_tracked_files(root, names):
    files = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True).stdout.split()
    leaks = {}
    for f in files:
        p = root / f
        if not p.is_file() or p.stat().st_size > 5_000_000:
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        hit = find_names(text, names)
        if hit:
            leaks[f] = len(hit)
    assert not leaks, f"tracked files containing a decision name (file: count): {leaks}"


@pytest.mark.real
def test_no_decision_name_in_built_tables(case_tables, names):
    leaks = {}
    for name, df in case_tables.items():
        if not isinstance(df, pd.DataFrame):
            continue
        text = df.astype(str).to_csv(index=False)
        hit = find_names(text, names)
        if hit:
            leaks[name] = len(hit)
    assert not leaks, f"built tables containing a decision name (table: count): {leaks}"
