"""Run the notebooks top to bottom with papermill, from their paired ``.py`` sources.

The notebooks' source of truth is the jupytext percent file (``notebooks/NN_name.py``); it
is read into a notebook in memory, papermill injects the parameters after the cell tagged
``parameters`` and runs it on the ``python3`` kernel. A failing cell stops the run with a
``NotebookFailed`` that names the notebook, the cell and the error.

>>> [p.name for p in notebook_sources(only=["06_policy_brief"])]
['06_policy_brief.py']
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import nbformat

from analysis.io import atomic_path

log = logging.getLogger(__name__)
KERNEL = "python3"


class NotebookFailed(ValueError):
    """A notebook cell raised; the message names the notebook and the cell.

    A ``ValueError`` so that ``tppo report`` prints it as a one-line error, like other bad input.
    """

    def __init__(self, notebook: str, cell_index: int, exec_count, ename: str, evalue: str, source: str):
        first = next((ln for ln in (source or "").splitlines() if ln.strip()), "")
        super().__init__(f"notebook {notebook} failed in cell {cell_index} (In [{exec_count}]: {first[:80]!r}): "
                         f"{ename}: {evalue}")
        self.notebook, self.cell_index, self.ename, self.evalue = notebook, cell_index, ename, evalue


def notebooks_dir() -> Path:
    from analysis.config import project_root

    return project_root() / "notebooks"


def notebook_sources(folder: str | os.PathLike | None = None, only: list[str] | None = None) -> list[Path]:
    """The ``NN_*.py`` notebook sources in order; ``only`` keeps the named stems (or number prefixes)."""
    folder = Path(folder or notebooks_dir())
    found = sorted(p for p in folder.glob("[0-9][0-9]_*.py"))
    if only:
        wanted = set(only)
        found = [p for p in found if p.stem in wanted or p.stem.split("_", 1)[0] in wanted]
        unknown = wanted - {p.stem for p in found} - {p.stem.split("_", 1)[0] for p in found}
        if unknown:
            raise ValueError(f"no notebook named {sorted(unknown)} in {folder}")
    return found


def read_source(path: str | os.PathLike) -> nbformat.NotebookNode:
    """Read a jupytext percent file (or an ``.ipynb``) into a notebook without outputs."""
    import jupytext

    return jupytext.read(str(path))


def execute_notebook(source: str | os.PathLike, output: str | os.PathLike, parameters: dict, *,
                     cwd: str | os.PathLike | None = None, timeout: int = 600,
                     progress: bool = False) -> nbformat.NotebookNode:
    """Execute ``source`` with ``parameters``; write the executed ``.ipynb`` to ``output`` atomically."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    source, output = Path(source), Path(output)
    pm_log = logging.getLogger("papermill")
    if pm_log.level == logging.NOTSET:
        pm_log.setLevel(logging.WARNING)  # its per-notebook INFO lines repeat what ``render`` logs
    nb = read_source(source)
    nb.metadata.setdefault("kernelspec", {"name": KERNEL, "display_name": "Python 3", "language": "python"})
    start = time.perf_counter()
    with atomic_path(output, suffix=".ipynb") as tmp:
        try:
            done = pm.execute_notebook(nb, str(tmp), parameters=parameters, kernel_name=KERNEL,
                                       cwd=str(cwd or source.parent), execution_timeout=timeout,
                                       progress_bar=progress, log_output=False, report_mode=False)
        except PapermillExecutionError as err:
            raise NotebookFailed(source.stem, err.cell_index, err.exec_count, err.ename, err.evalue,
                                 err.source) from None
    log.info("executed %s in %.1f s", source.stem, time.perf_counter() - start)
    return done
