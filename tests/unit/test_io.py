"""Atomic writes: the target appears whole or not at all, with the usual file mode."""

import os

import pandas as pd
import pytest

from analysis.io import atomic_path, read_table, write_catalogue, write_table


def test_failed_write_leaves_no_file(tmp_path):
    target = tmp_path / "t.txt"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("crash in the middle")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_previous_version(tmp_path):
    target = tmp_path / "t.parquet"
    write_table(pd.DataFrame({"a": [1]}), target, validate=False)
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"garbage")
            raise RuntimeError("crash")
    assert read_table(target)["a"].tolist() == [1]


def test_written_file_has_umask_mode(tmp_path):
    target = write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.parquet", validate=False)
    umask = os.umask(0)
    os.umask(umask)
    assert (target.stat().st_mode & 0o777) == (0o666 & ~umask)


def test_rewrite_of_same_frame_is_byte_identical(tmp_path):
    df = pd.DataFrame({"a": [1, 2], "b": [["x"], []]})
    p1 = write_table(df, tmp_path / "one.parquet", validate=False).read_bytes()
    p2 = write_table(df, tmp_path / "two.parquet", validate=False).read_bytes()
    assert p1 == p2


def test_catalogue_has_one_view_per_table(tmp_path):
    import duckdb

    write_table(pd.DataFrame({"a": [1, 2, 3]}), tmp_path / "alpha.parquet", validate=False)
    write_table(pd.DataFrame({"b": ["x"]}), tmp_path / "beta.parquet", validate=False)
    db = write_catalogue(tmp_path)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from alpha").fetchall()[0][0] == 3
    assert con.execute("select b from beta").fetchall()[0][0] == "x"


def test_schema_validation_refuses_bad_table(tmp_path):
    import pandera.errors

    bad = pd.DataFrame({"source": ["f"], "stage": ["nonsense-stage"], "reason": ["why"], "detail": [None]})
    with pytest.raises(pandera.errors.SchemaErrors):
        write_table(bad, tmp_path / "rejects.parquet")
    assert not (tmp_path / "rejects.parquet").exists()
