"""Where the project reads its inputs and writes its outputs.

The real data is never copied into the repository: it is read from a data directory that
defaults to ``../shared/data`` (beside the project) when that exists, and can be set with
the ``--data`` flag of every command or the ``TPPO_DATA`` environment variable.

>>> from analysis.config import project_root
>>> (project_root() / "pyproject.toml").exists()
True
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA = "TPPO_DATA"
ENV_OUT = "TPPO_OUT"


def project_root() -> Path:
    """The repository's top folder (the one holding ``pyproject.toml``)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists():
            return parent
    return Path.cwd()


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """Resolve the real-data directory: explicit argument, then ``$TPPO_DATA``, then ``../shared/data``.

    Raises ``FileNotFoundError`` with the places it looked when none exists, so that a
    missing data path is a clear error rather than an empty table.
    """
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    elif os.environ.get(ENV_DATA):
        candidates.append(Path(os.environ[ENV_DATA]))
    else:
        candidates.append(project_root().parent / "shared" / "data")
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    raise FileNotFoundError(
        "data directory not found (looked at: "
        + ", ".join(str(c) for c in candidates)
        + f"); pass --data DIR or set {ENV_DATA}"
    )


def out_dir(explicit: str | os.PathLike | None = None) -> Path:
    """Where processed tables go: argument, then ``$TPPO_OUT``, then ``data/processed``."""
    p = Path(explicit or os.environ.get(ENV_OUT) or project_root() / "data" / "processed")
    p.mkdir(parents=True, exist_ok=True)
    return p.resolve()   # absolute: notebooks run in another working directory


def reports_dir() -> Path:
    p = project_root() / "reports"
    p.mkdir(parents=True, exist_ok=True)
    return p
