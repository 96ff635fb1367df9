"""Atomic table I/O: Parquet files and a DuckDB catalogue of views over them.

A crashed run must leave no half-written output, so every write goes to a temporary file in
the target folder and is renamed into place (``os.replace`` is atomic on one filesystem).
Tables are validated against their declared schema before they are written.

>>> import pandas as pd, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> p = write_table(pd.DataFrame({"a": [1, 2]}), d / "t.parquet", validate=False)
>>> read_table(p)["a"].tolist()
[1, 2]
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

import pandas as pd


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` only on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or ".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_path, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(text: str, target: str | os.PathLike) -> Path:
    """Write text atomically (UTF-8)."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(target)


def write_bytes(data: bytes, target: str | os.PathLike) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_table(df: pd.DataFrame, target: str | os.PathLike, *, name: str | None = None,
                validate: bool = True) -> Path:
    """Validate ``df`` against the schema registered under ``name`` (default: file stem), then
    write it to Parquet atomically. Rows are written in the frame's order; the file carries no
    timestamps, so a rerun on unchanged input writes identical bytes."""
    target = Path(target)
    name = name or target.stem
    if validate:
        from analysis.schemas import validate as _validate

        df = _validate(df, name)
    with atomic_path(target, suffix=".parquet") as tmp:
        df.to_parquet(tmp, index=False, compression="zstd")
    return target


def read_table(path: str | os.PathLike) -> pd.DataFrame:
    return pd.read_parquet(path)


def write_catalogue(out: str | os.PathLike, db_name: str = "tppo.duckdb") -> Path:
    """(Re)create a DuckDB file with one view per Parquet table in ``out``.

    Views point at the Parquet files by relative path, so the folder can be moved whole.
    """
    import duckdb

    out = Path(out)
    target = out / db_name
    with atomic_path(target, suffix=".duckdb") as tmp:
        tmp.unlink()  # duckdb refuses to open an empty non-database file
        con = duckdb.connect(str(tmp))
        try:
            for pq in sorted(out.glob("*.parquet")):
                con.execute(
                    f"CREATE OR REPLACE VIEW \"{pq.stem}\" AS SELECT * FROM read_parquet('{pq.resolve().as_posix()}')"
                )
        finally:
            con.close()
    return target
