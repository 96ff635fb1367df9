"""Run the notebooks top to bottom with papermill, from their paired ``.py`` sources.

The notebooks' source of truth is the jupytext percent file (``notebooks/NN_name.py``); it
is read into a notebook in memory, papermill injects the parameters after the cell tagged
``parameters`` and runs it on the ``python3`` kernel. A failing cell stops the run with a
``NotebookFailed`` that names the notebook, the cell and the error.

Folders reach the kernel through its environment (``env``), not through injected
parameters, and every machine path left in the executed notebook (a log line, a warning's
file name, papermill's metadata) is replaced by a placeholder (``scrub``) before the
notebook is written, so that rendered pages do not show where they were built.

>>> [p.name for p in notebook_sources(only=["06_policy_brief"])]
['06_policy_brief.py']
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from pathlib import Path
from typing import Iterator

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


@contextlib.contextmanager
def environment(env: dict[str, str] | None) -> Iterator[None]:
    """Set environment variables (inherited by the kernel) for the duration of the block."""
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update({k: str(v) for k, v in (env or {}).items()})
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def scrub_notebook(nb: nbformat.NotebookNode, paths: dict[str, str]) -> nbformat.NotebookNode:
    """Replace machine paths (``privacy_checks.machine_paths``) in every cell source, output
    and metadata string of ``nb``, in place; returns ``nb``.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", outputs=[
    ...     nbformat.v4.new_output("stream", name="stderr", text="/srv/d/putusan_tppo: 3 files")])])
    >>> nb.metadata["papermill"] = {"output_path": "/srv/d/out.ipynb"}
    >>> nb = scrub_notebook(nb, {"/srv/d": "$TPPO_DATA"})
    >>> nb.cells[0].outputs[0].text, nb.metadata["papermill"]["output_path"]
    ('$TPPO_DATA/putusan_tppo: 3 files', '$TPPO_DATA/out.ipynb')
    """
    from analysis.report.privacy_checks import scrub_paths

    def clean(v):
        if isinstance(v, str):
            return scrub_paths(v, paths)
        if isinstance(v, list):
            return [clean(x) for x in v]
        if isinstance(v, dict):
            for k in list(v):
                v[k] = clean(v[k])
            return v
        return v

    clean(nb.metadata)
    for cell in nb.cells:
        cell.source = clean(cell.source)
        clean(cell.metadata)
        for out in cell.get("outputs", []):
            clean(out)
    return nb


def execute_notebook(source: str | os.PathLike, output: str | os.PathLike, parameters: dict, *,
                     cwd: str | os.PathLike | None = None, timeout: int = 600,
                     progress: bool = False, env: dict[str, str] | None = None,
                     scrub: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Execute ``source`` with ``parameters`` (and ``env`` set for the kernel); write the
    executed ``.ipynb``, with the ``scrub`` paths replaced, to ``output`` atomically."""
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
            with environment(env):
                done = pm.execute_notebook(nb, str(tmp), parameters=parameters, kernel_name=KERNEL,
                                           cwd=str(cwd or source.parent), execution_timeout=timeout,
                                           progress_bar=progress, log_output=False, report_mode=False)
        except PapermillExecutionError as err:
            raise NotebookFailed(source.stem, err.cell_index, err.exec_count, err.ename, err.evalue,
                                 err.source) from None
        if scrub:
            done = scrub_notebook(done, scrub)
            nbformat.write(done, str(tmp))
    log.info("executed %s in %.1f s", source.stem, time.perf_counter() - start)
    return done
