"""No real person's name from the decisions in any tracked file or any built table.

The names are the broad list of ``analysis.privacy.names`` (defendants, witnesses, victims,
aliases, parents, fugitives, officials) under its global rule: names of two words or more, and
one-word names that are never written in lower case in the decisions and are no place or
company word. The list stays in memory; failures print counts, never names.
"""

import subprocess

import pandas as pd
import pytest

from analysis.privacy.names import find_names, read_names


@pytest.fixture(scope="module")
def name_list(decisions_dir):
    return read_names(decisions_dir)


@pytest.fixture(scope="module")
def names(name_list):
    ns = name_list.guard()
    assert len(ns) > 3000, "the reference list of names is suspiciously short"
    assert sum(" " not in n for n in ns) > 300, "the one-word names are missing from the reference list"
    return ns


@pytest.mark.real
def test_the_broad_list_covers_every_role(name_list, decisions_dir):
    # The identity-line list alone was a few hundred names; the broad list adds witnesses,
    # victims, aliases, parents, fugitives and officials, one-word names included.
    from analysis.privacy.names import decision_names

    broad = name_list.all_names()
    assert len(broad) > 5 * len(decision_names(decisions_dir))
    assert sum(" " not in n for n in broad) > 2000


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
