"""``tppo report``: build the tables if needed, execute the notebooks, render ``reports/``.

Steps, each logged with its time:

1. tables — ``analysis.pipeline.build`` when ``data/processed`` is missing or older than the
   inputs or the code (``build_stamp``);
2. notebooks — each ``notebooks/NN_*.py`` executed with papermill (``execute``); a failing
   cell stops the run with a message naming the notebook and the cell;
3. pages — for each notebook a full HTML page with code (``reports/NN_*.html``) and a policy
   page without code (``reports/policy/NN_*.html``) (``convert``);
4. explorer — ``reports/explorer.html``, the offline network explorer (``explorer``);
5. brief — ``reports/policy_brief.pdf``, the policy brief printed by headless Chromium;
6. privacy — every rendered text file is checked for the decisions' names and for paths of
   the building machine (``privacy_checks``); folders reach the notebooks through the
   environment, and paths in their output are replaced by placeholders;
7. index — ``reports/index.html`` linking everything.

>>> load_params()["parameters"]["small_cell_threshold"]
5
"""

from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from analysis import config
from analysis.io import write_text
from analysis.report import build_stamp, chromium, convert, execute, explorer, figures, index_page, privacy_checks
from analysis.report.tables import load_report_tables

log = logging.getLogger(__name__)
DEFAULTS = Path(__file__).resolve().parents[3] / "params" / "report.yaml"
BRIEF = "06_policy_brief"
#: Used where ``params/report.yaml`` is absent (an installed package without the repository).
BUILT_IN = {"build": "auto", "notebooks": None, "reports_dir": "reports", "pdf": True, "privacy_scan": True,
            "cell_timeout": 600, "parameters": {"small_cell_threshold": 5, "max_nodes": 600, "fast": False}}


class TablesBuildFailed(ValueError):
    """The table build raised; the report stops rather than show stale or partial tables."""


class PrivacyLeak(ValueError):
    """A rendered file contains a name read from the decisions (the names are not repeated here)."""


@dataclass
class RenderResult:
    """What ``run`` produced and how long each step took (seconds)."""

    reports_dir: Path
    pages: list[dict] = field(default_factory=list)
    explorer: Path | None = None
    pdf: Path | None = None
    index: Path | None = None
    tables: str = ""
    timings: dict[str, float] = field(default_factory=dict)


def load_params(params: str | os.PathLike | dict | None = None) -> dict:
    """The defaults of ``params/report.yaml`` updated by ``params`` (a YAML file or a dict)."""
    base = yaml.safe_load(DEFAULTS.read_text(encoding="utf-8")) if DEFAULTS.exists() else {}
    base = {**BUILT_IN, **base, "parameters": {**BUILT_IN["parameters"], **(base.get("parameters") or {})}}
    if params is None:
        return base
    if isinstance(params, dict):
        extra = params
    else:
        path = Path(params)
        if not path.exists():
            raise FileNotFoundError(f"no parameter file at {path}")
        extra = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(extra, dict):
            raise ValueError(f"{path}: parameters must be a YAML mapping")
    merged = {**base, **{k: v for k, v in extra.items() if k != "parameters"}}
    merged["parameters"] = {**base["parameters"], **(extra.get("parameters") or {})}
    return merged


class _Step:
    """Log a step's start and its duration; record the duration in ``timings``."""

    def __init__(self, timings: dict, name: str, what: str):
        self.timings, self.name, self.what = timings, name, what

    def __enter__(self):
        log.info("%s ...", self.what)
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        dt = time.perf_counter() - self.t0
        self.timings[self.name] = round(dt, 2)
        if exc[0] is None:
            log.info("%s: done in %.1f s", self.what, dt)
        return False


def ensure_tables(data_dir: Path, out_dir: Path, mode: str = "auto") -> str:
    """Build the tables when ``mode`` is ``always``, or ``auto`` and they are stale; say what happened.

    While parts of the pipeline are still being written, a missing ``analysis.*`` module is
    reported and the notebooks run on the tables that exist.
    """
    if mode not in {"auto", "always", "never"}:
        raise ValueError(f"build must be auto, always or never, not {mode!r}")
    if mode == "never":
        return "build skipped (build: never)"
    stale, reason = build_stamp.needs_build(data_dir, out_dir)
    if mode == "auto" and not stale:
        return reason
    from analysis import pipeline

    try:
        pipeline.build(data_dir, out_dir)
    except ModuleNotFoundError as err:
        if not (err.name or "").startswith("analysis."):
            raise
        log.warning("tables not built: %s is not available yet; using the tables that exist", err.name)
        return f"not built ({err.name} missing)"
    except Exception as err:
        raise TablesBuildFailed(f"building the tables failed ({type(err).__name__}: {err}); fix the build, or "
                                f"render the tables that exist with `build: never` in a --params file") from err
    build_stamp.write_stamp(data_dir, out_dir)
    return f"built ({reason})"


def _title(nb, stem: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return stem


_LOCAL_HREF = re.compile(r"""(<a\b[^>]*?)\s+href\s*=\s*(["'])(?!https?:|mailto:|#)[^"']*\2""", re.IGNORECASE)


def without_local_links(html: str) -> str:
    """``html`` with the targets of links to local files removed (the link text stays).

    A printed PDF keeps each link as an absolute address, which for a local page names the
    folder on the building machine; web addresses and in-page anchors are kept.

    >>> without_local_links('<a class="n" href="../index.html">Index</a> <a href="https://bp2mi.go.id">BP2MI</a>')
    '<a class="n">Index</a> <a href="https://bp2mi.go.id">BP2MI</a>'
    """
    return _LOCAL_HREF.sub(r"\1", html)


def _brief_pdf(policy_html: Path, pdf: Path) -> Path:
    printable = policy_html.with_name(f".print-{policy_html.name}")   # beside it, so relative files resolve
    write_text(without_local_links(policy_html.read_text(encoding="utf-8")), printable)
    try:
        return chromium.print_to_pdf(printable, pdf)
    finally:
        printable.unlink(missing_ok=True)


def _decision_names(data_dir: Path) -> list[str]:
    decisions = data_dir / "putusan_tppo"
    if not decisions.is_dir():
        log.warning("no decisions folder at %s: rendered files cannot be checked for names", decisions)
        return []
    return sorted(privacy_checks.names_from_decisions(decisions))


def _scan(reports: Path, names: list[str]) -> None:
    if not names:
        log.warning("privacy scan skipped: no reference names")
        return
    files = [p for p in reports.rglob("*") if p.is_file()]
    hits = privacy_checks.scan_files(files, names)
    bad = hits[hits["hits"] > 0]
    if len(bad):
        listing = ", ".join(f"{Path(f).relative_to(reports)} ({n})" for f, n in zip(bad["file"], bad["hits"]))
        raise PrivacyLeak(f"privacy check failed: names from the decisions appear in {listing}")
    log.info("privacy scan: %d rendered files, no decision names", len(hits))


def _scan_paths(reports: Path, paths: dict[str, str]) -> None:
    files = [p for p in reports.rglob("*") if p.is_file()]
    hits = privacy_checks.scan_paths(files, paths)
    bad = hits[hits["hits"] > 0]
    if len(bad):
        listing = ", ".join(f"{Path(f).relative_to(reports)} ({', '.join(found)})"
                            for f, found in zip(bad["file"], bad["paths"]))
        raise PrivacyLeak(f"privacy check failed: paths of the building machine appear in {listing}")
    log.info("path scan: %d rendered files, no paths of the building machine", len(hits))


def _readable(reports: Path) -> None:
    """Atomic writes create files readable by their owner only; rendered pages are for everyone."""
    umask = os.umask(0)
    os.umask(umask)
    for f in reports.rglob("*"):
        if f.is_file():
            f.chmod(0o666 & ~umask)


def run(params: str | os.PathLike | dict | None = None, data: str | os.PathLike | None = None,
        out: str | os.PathLike | None = None, only: list[str] | None = None) -> RenderResult:
    """Render every report (or the notebooks named in ``only``) and return what was written."""
    p = load_params(params)
    root = config.project_root()
    data_dir = config.data_dir(data or p.get("data_dir"))
    out_dir = config.out_dir(out or p.get("processed_dir"))
    reports = Path(p.get("reports_dir") or "reports")
    reports = reports if reports.is_absolute() else root / reports
    reports.mkdir(parents=True, exist_ok=True)
    fig_dir = reports / "figures"
    result = RenderResult(reports_dir=reports)
    t0 = time.perf_counter()

    with _Step(result.timings, "tables", f"tables in {out_dir}"):
        result.tables = ensure_tables(data_dir, out_dir, p.get("build", "auto"))
        log.info("tables: %s", result.tables)

    sources = execute.notebook_sources(only=only or p.get("notebooks"))
    # Folders go to the kernel through its environment: injected as parameters they would be
    # printed, with the machine's absolute paths, at the top of every rendered page.
    nb_params = dict(p["parameters"])
    nb_env = {config.ENV_DATA: str(data_dir), config.ENV_OUT: str(out_dir), figures.ENV_FIGURES: str(fig_dir)}
    paths = privacy_checks.machine_paths(data_dir, out_dir, reports)
    for i, src in enumerate(sources, start=1):
        stem = src.stem
        with _Step(result.timings, stem, f"[{i}/{len(sources)}] notebook {stem}"):
            nb = execute.execute_notebook(src, reports / "notebooks" / f"{stem}.ipynb", nb_params,
                                          cwd=src.parent, timeout=int(p.get("cell_timeout", 600)),
                                          env=nb_env, scrub=paths)
            title = _title(nb, stem)
            full = convert.write_notebook_html(nb, reports / f"{stem}.html", "full", title=title)
            policy = convert.write_notebook_html(nb, reports / "policy" / f"{stem}.html", "policy",
                                                 title=title, index_href="../index.html")
        result.pages.append({"name": stem, "title": title, "full": full, "policy": policy})

    with _Step(result.timings, "explorer", "network explorer"):
        names = _decision_names(data_dir)
        t = load_report_tables(out_dir, data_dir, names=names)
        result.explorer = explorer.write_explorer(reports / "explorer.html", t["actors"], t["ties"],
                                                  t["actor_metrics"], t["syndicates"], t["cases"],
                                                  max_nodes=int(p["parameters"].get("max_nodes", 600)))

    brief_html = reports / "policy" / f"{BRIEF}.html"
    if p.get("pdf", True) and brief_html.exists():
        with _Step(result.timings, "pdf", "policy brief PDF (headless Chromium)"):
            result.pdf = _brief_pdf(brief_html, reports / "policy_brief.pdf")
    elif (reports / "policy_brief.pdf").exists():
        result.pdf = reports / "policy_brief.pdf"

    with _Step(result.timings, "index", "index page"):
        entries = []
        for src in execute.notebook_sources():
            full, policy = reports / f"{src.stem}.html", reports / "policy" / f"{src.stem}.html"
            entries.append({"name": src.stem, "title": _title(execute.read_source(src), src.stem),
                            "full": full.name if full.exists() else None,
                            "policy": f"policy/{policy.name}" if policy.exists() else None})
        notes = [f"Tables: {result.tables}. Rendered by `tppo report`."]
        result.index = write_text(index_page.index_html(
            entries, pdf="policy_brief.pdf" if result.pdf else None, explorer="explorer.html",
            figures=figures.figure_index(fig_dir), notes=notes), reports / "index.html")

    if p.get("privacy_scan", True):
        with _Step(result.timings, "privacy", "privacy scan of rendered files"):
            _scan(reports, names)
            _scan_paths(reports, paths)
    _readable(reports)
    result.timings["total"] = round(time.perf_counter() - t0, 2)
    log.info("reports written to %s in %.1f s", reports, result.timings["total"])
    return result
