"""One figure style for every report, and each figure saved beside the numbers behind it.

``use_style()`` applies ``tppo.mplstyle`` (colour-blind-safe palette of Okabe & Ito, 2008).
``save_figure`` writes ``<name>.png``, ``<name>.svg``, ``<name>.csv`` (the table plotted) and
``<name>.txt`` (the caption) under the figures folder, and returns a ``SavedFigure`` that
a notebook displays as the image with its caption underneath — so no figure reaches a
reader without a caption, and every figure can be checked against its numbers.

>>> import tempfile, pandas as pd, matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> use_style()
>>> fig, ax = plt.subplots()
>>> t = pd.DataFrame({"year": [2024, 2025], "cases": [85, 385]})
>>> _ = ax.bar(t["year"].astype(str), t["cases"])
>>> saved = save_figure(fig, t, "cases_per_year", "Decisions per year.", out=tempfile.mkdtemp())
>>> sorted(p.suffix for p in saved.paths())
['.csv', '.png', '.svg', '.txt']
"""

from __future__ import annotations

import base64
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.io import atomic_path, write_text

STYLE = Path(__file__).with_name("tppo.mplstyle")
ENV_FIGURES = "TPPO_FIGURES_DIR"
_NAME_OK = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def use_style() -> None:
    """Apply the project's matplotlib style (call once at the top of a notebook)."""
    import matplotlib.pyplot as plt

    plt.style.use(str(STYLE))


def figures_dir(out: str | os.PathLike | None = None) -> Path:
    """``out``, else ``$TPPO_FIGURES_DIR``, else ``reports/figures`` in the project."""
    if out:
        return Path(out)
    if os.environ.get(ENV_FIGURES):
        return Path(os.environ[ENV_FIGURES])
    from analysis.config import project_root

    return project_root() / "reports" / "figures"


@dataclass
class SavedFigure:
    """Where a figure was saved; displays in Jupyter as the image with its caption."""

    name: str
    caption: str
    png: Path
    svg: Path
    csv: Path
    caption_file: Path

    def paths(self) -> list[Path]:
        return [self.png, self.svg, self.csv, self.caption_file]

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png.read_bytes()).decode("ascii")
        cap = html.escape(self.caption)
        return (f'<figure class="tppo-figure" id="fig-{html.escape(self.name)}">'
                f'<img src="data:image/png;base64,{data}" alt="{cap}" style="max-width:100%"/>'
                f'<figcaption><strong>Figure.</strong> {cap} '
                f'<span class="tppo-figure-data">(numbers: {html.escape(self.csv.name)})</span>'
                f'</figcaption></figure>')


def save_figure(fig, table: pd.DataFrame, name: str, caption: str,
                out: str | os.PathLike | None = None) -> SavedFigure:
    """Save ``fig`` as PNG and SVG, ``table`` as CSV and ``caption`` as text, then close ``fig``.

    ``name`` is a file-name slug (lower case, digits, ``_`` or ``-``); ``caption`` must say in
    plain words what the figure shows. Files are written atomically and carry no timestamp,
    so a rerun on the same data gives the same bytes.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError("save_figure needs the table behind the figure as a pandas DataFrame")
    if not _NAME_OK.match(name or ""):
        raise ValueError(f"figure name {name!r} must be a slug like 'cases_per_year'")
    if not caption or not caption.strip():
        raise ValueError(f"figure {name!r} needs a caption")
    import matplotlib.pyplot as plt

    folder = figures_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    png, svg = folder / f"{name}.png", folder / f"{name}.svg"
    with atomic_path(png, suffix=".png") as tmp:
        fig.savefig(tmp, format="png", metadata={"Software": None})
    with atomic_path(svg, suffix=".svg") as tmp:
        fig.savefig(tmp, format="svg", metadata={"Date": None, "Creator": None})
    csv = write_text(table.to_csv(index=False), folder / f"{name}.csv")
    cap = write_text(caption.strip() + "\n", folder / f"{name}.txt")
    plt.close(fig)
    return SavedFigure(name=name, caption=caption.strip(), png=png, svg=svg, csv=csv, caption_file=cap)


def figure_index(out: str | os.PathLike | None = None) -> pd.DataFrame:
    """Every saved figure under the folder: ``name``, ``caption``, ``png``, ``svg``, ``csv``."""
    folder = figures_dir(out)
    rows = []
    for txt in sorted(folder.glob("*.txt")):
        stem = txt.stem
        rows.append({"name": stem, "caption": txt.read_text(encoding="utf-8").strip(),
                     "png": folder / f"{stem}.png", "svg": folder / f"{stem}.svg",
                     "csv": folder / f"{stem}.csv"})
    return pd.DataFrame(rows, columns=["name", "caption", "png", "svg", "csv"])
