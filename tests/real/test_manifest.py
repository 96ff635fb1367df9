"""The data folder matches the committed manifest of sources (count and checksum)."""

import pytest

from analysis.sources.manifest import check_manifest, read_manifest


@pytest.mark.real
def test_every_source_matches_manifest(data_dir):
    checked = check_manifest(data_dir)
    bad = checked.loc[~checked["ok"], ["source", "files", "found_files"]]
    assert bad.empty, f"sources differ from data/raw/manifest.csv:\n{bad}"


def test_manifest_names_origin_and_licence_for_every_source():
    m = read_manifest()
    assert m["source"].is_unique
    assert m[["origin", "licence"]].notna().all().all()
    assert (m["sha256"].str.len() == 64).all()
