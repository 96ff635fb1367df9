"""Atomic table I/O: Parquet files, table sets, and a DuckDB catalogue of views over them.

A crashed run must leave no half-written output, so every write goes to a temporary file in
the target folder and is renamed into place (``os.replace`` is atomic on one filesystem).
Tables are validated against their declared schema before they are written.

>>> import pandas as pd, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> p = write_table(pd.DataFrame({"a": [1, 2]}), d / "t.parquet", validate=False)
>>> read_table(p)["a"].tolist()
[1, 2]

The tables of one build are one set (``write_table_set``): a build killed at any moment
leaves either the previous set or the new one, never new cases beside old actors. The
files of a set live in ``OUT/.sets/<set id>/``; ``OUT/.sets/current`` is a link to the
set in use, and each ``OUT/<name>.parquet`` is a link to ``.sets/current/<name>.parquet``.
The new set is written whole beside the old one, then ``current`` is switched by one
atomic rename, so every table changes at the same instant. Tables keep their usual paths,
and pandas, DuckDB and notebooks read them through the links as before.

>>> out = pathlib.Path(tempfile.mkdtemp())
>>> _ = write_table_set({"alpha": pd.DataFrame({"a": [1]}), "beta": pd.DataFrame({"b": [2]})}, out, validate=False)
>>> sorted(p.name for p in out.glob("*.parquet")), read_table(out / "alpha.parquet")["a"].tolist()
(['alpha.parquet', 'beta.parquet'], [1])
>>> (out / "alpha.parquet").is_symlink()
True
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
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


# ---------------------------------------------------------------- output folder

class OutputFolderError(ValueError):
    """The output folder cannot hold the tables (it is a file, or cannot be created or written)."""


def check_out_dir(out: str | os.PathLike) -> Path:
    """Make sure ``out`` is a folder the tables can be written to, creating it when missing;
    raise ``OutputFolderError`` (one line) otherwise. Called before any input is parsed, so
    that a bad ``--out`` costs nothing.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a-file"
    >>> _ = f.write_text("x")
    >>> check_out_dir(f)
    Traceback (most recent call last):
    ...
    analysis.io.OutputFolderError: output folder ... is a file, not a folder
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"output folder {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError(f"cannot create the output folder {out}: {exc.strerror or exc}") from None
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputFolderError(f"cannot write in the output folder {out}: {exc.strerror or exc}") from None
    return out


# ---------------------------------------------------------------- table sets

SETS = ".sets"
CURRENT = "current"
_LOCK = ".lock"


def _fsync(path: Path, *, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on folders; the rename order still holds
        pass
    finally:
        os.close(fd)


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _set_id(folder: Path) -> str:
    """Content id of a set: one sha256 over its table names and their bytes."""
    h = hashlib.sha256()
    for p in sorted(folder.glob("*.parquet")):
        h.update(p.name.encode() + b"\0" + _file_sha256(p).encode() + b"\n")
    return h.hexdigest()[:16]


def current_set(out: str | os.PathLike) -> Path | None:
    """The folder holding the set in use under ``out`` (``None`` before the first set).

    Reading every table from this folder, rather than from ``out``, pins one set even
    while a new build switches ``current`` in the middle of the reads.
    """
    link = Path(out) / SETS / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return None
    folder = link.parent / target
    return folder if folder.is_dir() else None


def table_folder(out: str | os.PathLike) -> Path:
    """Where to read every table of ``out`` from as one set: the set in use when all the
    tables of ``out`` belong to it, else ``out`` itself (tables written as plain files).

    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> table_folder(out) == out
    True
    >>> _ = write_table_set({"alpha": pd.DataFrame({"a": [1]})}, out, validate=False)
    >>> table_folder(out) == current_set(out)
    True
    """
    out = Path(out)
    cur = current_set(out)
    if cur is None or any(p.is_file() and not p.is_symlink() for p in out.glob("*.parquet")):
        return out
    return cur


def _symlink_atomic(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` in one step (a new link renamed over the old name)."""
    tmp = link.parent / f".{link.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    os.symlink(target, tmp)
    try:
        os.replace(tmp, link)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _table_link(name: str) -> str:
    return f"{SETS}/{CURRENT}/{name}"


def _install(staging: Path, sets: Path) -> str:
    """Rename a complete staging folder to ``sets/<content id>``; returns the id."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)   # mkdtemp makes 0700; readers of the tables need the usual mode
    for p in staging.iterdir():
        _fsync(p)
    _fsync(staging, directory=True)
    set_id = _set_id(staging)
    final = sets / set_id
    if final.is_dir():   # the same tables were written before: keep that copy
        shutil.rmtree(staging)
    else:
        os.rename(staging, final)
    _fsync(sets, directory=True)
    return set_id


def _switch(out: Path, sets: Path, set_id: str) -> None:
    """Link every table name of the set, then switch ``current`` to it (the one step that
    changes what readers see), then drop links to tables the set no longer has."""
    names = {p.name for p in (sets / set_id).glob("*.parquet")}
    for name in sorted(names):
        link = out / name
        if not (link.is_symlink() and os.readlink(link) == _table_link(name)):
            _symlink_atomic(_table_link(name), link)
    _fsync(out, directory=True)
    _symlink_atomic(set_id, sets / CURRENT)
    _fsync(sets, directory=True)
    for link in out.glob("*.parquet"):
        if link.name not in names and link.is_symlink() and os.readlink(link) == _table_link(link.name):
            link.unlink()


def _adopt_loose(out: Path, sets: Path) -> None:
    """Make regular ``*.parquet`` files in ``out`` (written before table sets, or by a
    single-table write) part of the set in use, without changing what any reader sees:
    the new set is the current one with the loose files laid over it, and each loose file
    is replaced by a link only once ``current`` points at a set holding the same bytes."""
    loose = sorted(p for p in out.glob("*.parquet") if p.is_file() and not p.is_symlink())
    if not loose:
        return
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=sets))
    try:
        cur = current_set(out)
        if cur is not None:
            for p in cur.glob("*.parquet"):
                shutil.copyfile(p, staging / p.name)
        for p in loose:
            shutil.copyfile(p, staging / p.name)
        set_id = _install(staging, sets)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _symlink_atomic(set_id, sets / CURRENT)
    _fsync(sets, directory=True)
    for p in loose:
        _symlink_atomic(_table_link(p.name), p)
    _fsync(out, directory=True)


def _collect(sets: Path, keep: set[str]) -> None:
    """Remove staging folders of killed builds and every set but ``keep``."""
    for p in sets.iterdir():
        if p.name in keep or p.name in (CURRENT, _LOCK):
            continue
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith("."):
            with contextlib.suppress(OSError):
                p.unlink()


@contextlib.contextmanager
def _locked(sets: Path) -> Iterator[None]:
    """One writer at a time per output folder."""
    import fcntl

    with open(sets / _LOCK, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def write_table_set(tables: dict[str, pd.DataFrame], out: str | os.PathLike, *, validate: bool = True,
                    keep_others: bool = False) -> dict[str, Path]:
    """Validate and write ``tables`` as one set under ``out``; returns ``{name: out/<name>.parquet}``.

    Every table is validated and written into a staging folder first, so a schema failure
    or a crash leaves the previous set untouched. With ``keep_others``, tables of the set in
    use that ``tables`` does not hold are carried into the new set (a job that builds only
    some tables, such as ``tppo news``, keeps the others readable). Unchanged input writes
    identical bytes, and then the same set id.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sets = out / SETS
    sets.mkdir(exist_ok=True)
    with _locked(sets):
        previous = current_set(out)
        _collect(sets, {previous.name} if previous else set())   # leftovers of killed builds
        _adopt_loose(out, sets)
        previous = current_set(out)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=sets))
        try:
            for name, df in tables.items():
                write_table(df, staging / f"{name}.parquet", name=name, validate=validate)
            if keep_others and previous is not None:
                for p in previous.glob("*.parquet"):
                    if p.stem not in tables:
                        shutil.copyfile(p, staging / p.name)
            set_id = _install(staging, sets)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _switch(out, sets, set_id)
        _collect(sets, {set_id} | ({previous.name} if previous else set()))
    return {name: out / f"{name}.parquet" for name in tables}


def write_catalogue(out: str | os.PathLike, db_name: str = "tppo.duckdb") -> Path:
    """(Re)create a DuckDB file with one view per Parquet table in ``out``.

    Views point at ``out/<name>.parquet`` by absolute path (DuckDB reads relative paths
    against the reader's working directory), without following the links of a table set,
    so the views always read the set in use.
    """
    import duckdb

    out = Path(out)
    target = out / db_name
    with atomic_path(target, suffix=".duckdb") as tmp:
        tmp.unlink()  # duckdb refuses to open an empty non-database file
        con = duckdb.connect(str(tmp))
        try:
            for pq in sorted(out.glob("*.parquet")):
                if not pq.exists():   # a link to a table the set in use does not hold
                    continue
                path = Path(os.path.abspath(pq)).as_posix().replace("'", "''")
                con.execute(f"CREATE OR REPLACE VIEW \"{pq.stem}\" AS SELECT * FROM read_parquet('{path}')")
        finally:
            con.close()
    return target
