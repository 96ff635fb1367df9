"""Decide whether the processed tables must be rebuilt before a report is rendered.

A stamp file in the processed folder records a checksum of every input file and of the
code that builds the tables (everything in ``src/analysis`` except this ``report`` package),
and the fingerprint of the pseudonym key (``privacy.key_fingerprint``, never the key).
The tables are rebuilt when a table is missing or any of these changed — the same rule
a build system uses, with content hashes instead of modification times so that a fresh
checkout or copy does not trigger a rebuild, while tables pseudonymised under another key
are.

>>> import tempfile, pathlib
>>> data, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
>>> _ = (data / "a.txt").write_text("x")
>>> needs_build(data, out)[0]
True
>>> _ = (out / "cases.parquet").write_bytes(b"")
>>> _ = write_stamp(data, out)
>>> needs_build(data, out)
(False, 'tables are up to date')
>>> _ = (data / "a.txt").write_text("y")
>>> needs_build(data, out)
(True, 'inputs changed: a.txt')
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from analysis.io import write_text

STAMP = ".build-stamp.json"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def input_checksums(data_dir: str | os.PathLike) -> dict[str, str]:
    """``relative path -> sha256`` of every file under ``data_dir`` (hidden files skipped)."""
    data_dir = Path(data_dir)
    return {p.relative_to(data_dir).as_posix(): _sha256(p)
            for p in sorted(data_dir.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(data_dir).parts)}


def code_checksum(package_dir: str | os.PathLike | None = None) -> str:
    """One sha256 over the table-building code (``*.py``, ``*.csv``, ``*.json`` outside ``report/``)."""
    package_dir = Path(package_dir or Path(__file__).resolve().parents[1])
    h = hashlib.sha256()
    for p in sorted(package_dir.rglob("*")):
        rel = p.relative_to(package_dir)
        if (p.is_file() and p.suffix in {".py", ".csv", ".json"} and rel.parts[0] != "report"
                and "__pycache__" not in rel.parts):
            h.update(rel.as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def _current(data_dir, package_dir) -> dict:
    from analysis.privacy import key_fingerprint

    return {"inputs": input_checksums(data_dir), "code": code_checksum(package_dir), "key": key_fingerprint()}


def needs_build(data_dir: str | os.PathLike, out_dir: str | os.PathLike,
                package_dir: str | os.PathLike | None = None,
                tables: tuple[str, ...] = ("cases",)) -> tuple[bool, str]:
    """``(True, reason)`` when the tables under ``out_dir`` are missing or older than inputs/code."""
    out_dir = Path(out_dir)
    missing = [t for t in tables if not (out_dir / f"{t}.parquet").exists()]
    if missing:
        return True, f"missing tables: {', '.join(missing)}"
    stamp = out_dir / STAMP
    if not stamp.exists():
        return True, "no build stamp"
    try:
        old = json.loads(stamp.read_text(encoding="utf-8"))
    except ValueError:
        return True, "unreadable build stamp"
    new = _current(data_dir, package_dir)
    changed = sorted(k for k in set(old.get("inputs", {})) | set(new["inputs"])
                     if old.get("inputs", {}).get(k) != new["inputs"].get(k))
    if changed:
        more = f" (+{len(changed) - 3} more)" if len(changed) > 3 else ""
        return True, "inputs changed: " + ", ".join(changed[:3]) + more
    if old.get("code") != new["code"]:
        return True, "code changed"
    if old.get("key") != new["key"]:
        return True, "pseudonym key changed"
    return False, "tables are up to date"


def write_stamp(data_dir: str | os.PathLike, out_dir: str | os.PathLike,
                package_dir: str | os.PathLike | None = None) -> Path:
    """Record the current input and code checksums and key fingerprint beside the tables (after a successful build)."""
    return write_text(json.dumps(_current(data_dir, package_dir), indent=1, sort_keys=True),
                      Path(out_dir) / STAMP)
