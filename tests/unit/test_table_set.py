"""The tables of a build are one set: a reader sees the old set or the new one, never a mix,
whatever moment the build stops at (a failure between two table writes, a kill)."""

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis.io as io
from analysis.io import current_set, read_table, write_catalogue, write_table_set

SRC = Path(io.__file__).resolve().parents[1]
OLD = ["t0", "t1", "t2", "t3", "t4"]
NEW = ["t1", "t2", "t3", "t4", "t5"]   # one table dropped, one added
ALL = sorted(set(OLD) | set(NEW))


def _set(marker: str, names, rows: int = 3) -> dict[str, pd.DataFrame]:
    return {n: pd.DataFrame({"i": range(rows), "marker": [marker] * rows}) for n in names}


def visible(out: Path) -> tuple[frozenset, frozenset]:
    """Which tables a reader finds at ``out/<name>.parquet`` and which build they come from."""
    present = frozenset(n for n in ALL if (out / f"{n}.parquet").exists())
    markers = frozenset(read_table(out / f"{n}.parquet")["marker"].iloc[0] for n in present)
    return present, markers


STATES = {"old": (frozenset(OLD), frozenset({"A"})), "new": (frozenset(NEW), frozenset({"B"}))}


def _state(out: Path) -> str:
    got = visible(out)
    assert got in STATES.values(), f"mixed set: {got}"
    return "old" if got == STATES["old"] else "new"


def test_second_set_replaces_the_first_whole(tmp_path):
    write_table_set(_set("A", OLD), tmp_path, validate=False)
    assert _state(tmp_path) == "old"
    write_table_set(_set("B", NEW), tmp_path, validate=False)
    assert _state(tmp_path) == "new"
    assert not (tmp_path / "t0.parquet").is_symlink() and not (tmp_path / "t0.parquet").exists()
    assert os.readlink(tmp_path / "t1.parquet") == ".sets/current/t1.parquet"
    # the set in use and the one before it are kept; nothing else (no staging left)
    sets = sorted(p.name for p in (tmp_path / ".sets").iterdir() if p.name not in ("current", ".lock"))
    assert len(sets) == 2 and current_set(tmp_path).name in sets
    umask = os.umask(0)
    os.umask(umask)
    assert current_set(tmp_path).stat().st_mode & 0o777 == 0o777 & ~umask   # readable by others as before


def test_unchanged_input_gives_identical_bytes_and_the_same_set(tmp_path):
    write_table_set(_set("A", OLD), tmp_path, validate=False)
    first = {n: (tmp_path / f"{n}.parquet").read_bytes() for n in OLD}
    set_id = current_set(tmp_path).name
    write_table_set(_set("A", OLD), tmp_path, validate=False)
    assert {n: (tmp_path / f"{n}.parquet").read_bytes() for n in OLD} == first
    assert current_set(tmp_path).name == set_id


def test_failure_between_table_writes_leaves_the_old_set(tmp_path, monkeypatch):
    write_table_set(_set("A", OLD), tmp_path, validate=False)
    real = io.write_table
    calls = []

    def failing(df, target, **kw):
        calls.append(Path(target).name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(df, target, **kw)

    monkeypatch.setattr(io, "write_table", failing)
    with pytest.raises(OSError):
        write_table_set(_set("B", NEW), tmp_path, validate=False)
    assert len(calls) == 3
    assert _state(tmp_path) == "old"
    assert not [p for p in (tmp_path / ".sets").iterdir() if p.name.startswith(".staging")]


def test_schema_failure_in_the_last_table_leaves_the_old_set(tmp_path):
    import pandera.errors

    good = pd.DataFrame({"source": ["f"], "stage": ["read"], "reason": ["empty file"], "detail": [None]})
    write_table_set({"rejects": good}, tmp_path)
    newer = good.assign(reason="oversize")            # valid, written first
    bad = good.assign(stage="nonsense")               # invalid, written last
    with pytest.raises(pandera.errors.SchemaErrors):
        write_table_set({"rejects": newer, "link_review": bad}, tmp_path)
    assert read_table(tmp_path / "rejects.parquet")["reason"].tolist() == ["empty file"]
    assert not (tmp_path / "link_review.parquet").exists()


def test_keep_others_carries_tables_the_job_does_not_build(tmp_path):
    write_table_set(_set("A", OLD), tmp_path, validate=False)
    write_table_set({"t1": _set("B", ["t1"])["t1"]}, tmp_path, validate=False, keep_others=True)
    assert visible(tmp_path) == (frozenset(OLD), frozenset({"A", "B"}))
    assert read_table(tmp_path / "t1.parquet")["marker"].iloc[0] == "B"
    write_table_set({"t1": _set("C", ["t1"])["t1"]}, tmp_path, validate=False, keep_others=False)
    assert visible(tmp_path) == (frozenset({"t1"}), frozenset({"C"}))


def test_tables_written_before_sets_are_adopted_unchanged(tmp_path):
    for n, df in _set("A", OLD).items():   # plain files, as an older version wrote them
        df.to_parquet(tmp_path / f"{n}.parquet")
    before = {n: (tmp_path / f"{n}.parquet").read_bytes() for n in OLD}
    write_table_set({"t1": _set("B", ["t1"])["t1"]}, tmp_path, validate=False, keep_others=True)
    assert all((tmp_path / f"{n}.parquet").is_symlink() for n in OLD)
    assert {n: (tmp_path / f"{n}.parquet").read_bytes() for n in OLD if n != "t1"} == \
        {n: b for n, b in before.items() if n != "t1"}
    assert read_table(tmp_path / "t1.parquet")["marker"].iloc[0] == "B"


def test_catalogue_reads_the_set_in_use(tmp_path):
    import duckdb

    write_table_set(_set("A", OLD), tmp_path, validate=False)
    db = write_catalogue(tmp_path)
    write_table_set(_set("B", OLD), tmp_path, validate=False)
    write_table_set(_set("C", OLD), tmp_path, validate=False)   # set A is gone from disk by now
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select distinct marker from t2").fetchall() == [("C",)]
    con.close()


def test_pinned_set_reads_one_build_even_across_a_switch(tmp_path):
    write_table_set(_set("A", OLD), tmp_path, validate=False)
    pinned = current_set(tmp_path)
    first = read_table(pinned / "t1.parquet")
    write_table_set(_set("B", NEW), tmp_path, validate=False)
    assert {first["marker"].iloc[0], read_table(pinned / "t2.parquet")["marker"].iloc[0]} == {"A"}


def test_report_tables_are_read_from_one_set(tmp_path, monkeypatch):
    from analysis.report import tables as report_tables

    write_table_set({"cases": _set("A", ["cases"])["cases"], "actors": _set("A", ["actors"])["actors"]}, tmp_path,
                    validate=False)
    real = report_tables.pd.read_parquet
    switched = []

    def read_then_switch(path, *a, **k):   # a new build lands between the first read and the second
        df = real(path, *a, **k)
        if not switched:
            switched.append(1)
            write_table_set({"cases": _set("B", ["cases"])["cases"], "actors": _set("B", ["actors"])["actors"]},
                            tmp_path, validate=False)
        return df

    monkeypatch.setattr(report_tables.pd, "read_parquet", read_then_switch)
    got = report_tables.load_tables(tmp_path, ["cases", "actors"])
    assert {got["cases"]["marker"].iloc[0], got["actors"]["marker"].iloc[0]} == {"A"}


# ---------------------------------------------------------------- every intermediate state

def _watch_every_step(monkeypatch, out: Path, seen: list):
    """Check what a reader sees before and after every file-system step of a write."""
    busy = []

    def wrap(owner, name):
        real = getattr(owner, name)

        def step(*a, **k):
            if busy:
                return real(*a, **k)
            busy.append(1)
            try:
                seen.append(_state(out))
                result = real(*a, **k)
                seen.append(_state(out))
            finally:
                busy.pop()
            return result

        monkeypatch.setattr(owner, name, step)

    for owner, name in [(os, "replace"), (os, "rename"), (os, "symlink"), (os, "unlink"), (os, "fsync"),
                        (shutil, "copyfile"), (shutil, "rmtree")]:
        wrap(owner, name)


@pytest.mark.parametrize("start", ["sets", "plain files"])
def test_every_intermediate_state_is_the_old_or_the_new_set(tmp_path, monkeypatch, start):
    if start == "sets":
        write_table_set(_set("A", OLD), tmp_path, validate=False)
    else:
        for n, df in _set("A", OLD).items():
            df.to_parquet(tmp_path / f"{n}.parquet")
    seen: list[str] = []
    _watch_every_step(monkeypatch, tmp_path, seen)
    write_table_set(_set("B", NEW), tmp_path, validate=False)
    monkeypatch.undo()
    assert len(seen) > 20
    switch = seen.index("new")
    assert set(seen[:switch]) == {"old"} and set(seen[switch:]) == {"new"}


# ---------------------------------------------------------------- killing a real build

CHILD = textwrap.dedent("""
    import sys, tempfile
    import pandas as pd
    from analysis.io import write_table_set
    out, rows = sys.argv[1], int(sys.argv[2])
    write_table_set({"w": pd.DataFrame({"i": [1]})}, tempfile.mkdtemp(), validate=False)   # warm imports
    tables = {n: pd.DataFrame({"i": range(rows), "marker": ["B"] * rows}) for n in %r}
    print("ready", flush=True)
    write_table_set(tables, out, validate=False)
""" % (NEW,))


def _child(out: Path, rows: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(out), str(rows)], stdout=subprocess.PIPE, text=True,
                            env=env)


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_old_or_new(tmp_path):
    rows = 100_000
    calib = tmp_path / "calibrate"
    write_table_set(_set("A", OLD, rows), calib, validate=False)
    p = _child(calib, rows)
    assert p.stdout.readline().strip() == "ready"
    t0 = time.perf_counter()
    p.wait(timeout=300)
    duration = time.perf_counter() - t0   # only to spread the kills over the write; nothing asserted on it
    p.stdout.close()
    assert p.returncode == 0 and _state(calib) == "new"
    rng = random.Random(13)
    outcomes = []
    for trial in range(8):
        out = tmp_path / f"trial{trial}"
        write_table_set(_set("A", OLD, rows), out, validate=False)
        p = _child(out, rows)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, duration * 1.2))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=60)
        p.stdout.close()
        outcomes.append(_state(out))
        # the next build after a kill succeeds and clears what the killed one left
        write_table_set(_set("B", NEW, 3), out, validate=False)
        assert _state(out) == "new"
        assert not [x for x in (out / ".sets").iterdir() if x.name.startswith(".")
                    and x.name != ".lock"]
    assert set(outcomes) <= {"old", "new"}
    print("outcomes of the kills:", outcomes, "write took", round(duration, 3), "s")
