"""The manifest of raw sources: where each came from, its licence and a checksum.

``data/raw/manifest.csv`` lists every source the project reads (relative to the data folder).
A folder's checksum is the SHA-256 of the newline-joined SHA-256 digests of its files, taken in
sorted relative-path order, so a changed, added or removed file changes it.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("x")
>>> tree_sha256(d)[:12], count_files(d)
('a6d49c6aa3e1', 1)
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from analysis.config import project_root

MANIFEST = project_root() / "data" / "raw" / "manifest.csv"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _files(path: Path) -> list[Path]:
    path = Path(path)
    if path.is_file():
        return [path]
    return sorted((p for p in path.rglob("*") if p.is_file()), key=lambda p: p.relative_to(path).as_posix())


def count_files(path: Path) -> int:
    return len(_files(path))


def tree_sha256(path: Path) -> str:
    """Checksum of a file or of a folder's files (see module docstring)."""
    path = Path(path)
    if path.is_file():
        return file_sha256(path)
    digests = "\n".join(file_sha256(p) for p in _files(path))
    return hashlib.sha256(digests.encode()).hexdigest()


def read_manifest(path: Path = MANIFEST) -> pd.DataFrame:
    return pd.read_csv(path, comment="#")


def check_manifest(data_dir: Path, manifest: pd.DataFrame | None = None) -> pd.DataFrame:
    """Compare each manifest row with the files under ``data_dir``: adds ``found_files``,
    ``found_sha256`` and ``ok`` columns. Paths are relative to the data folder's parent
    (``data/…`` and ``seeds/…``)."""
    m = (manifest if manifest is not None else read_manifest()).copy()
    base = Path(data_dir).parent
    found_n, found_sha = [], []
    for rel in m["path"]:
        p = base / rel
        found_n.append(count_files(p) if p.exists() else 0)
        found_sha.append(tree_sha256(p) if p.exists() else None)
    m["found_files"] = found_n
    m["found_sha256"] = found_sha
    m["ok"] = (m["found_files"] == m["files"]) & (m["found_sha256"] == m["sha256"])
    return m
