"""Executed notebooks to HTML pages: a full version with code, and a policy version without.

* ``full`` — every cell with its code, for academics and students who reproduce the work.
* ``policy`` — no code (nbconvert's ``exclude_input``), no prompts, no cells tagged
  ``academic`` (raw listings, diagnostics), no ``stderr`` streams (warnings, logs): only the
  narrative, the tables and the captioned figures.

Both use ``tppo_report.html.j2``: JupyterLab's page without scripts fetched from the
network (the reports open offline), with the project's stylesheet.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"),
...     nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["academic"]})])
>>> html = notebook_html(nb, "policy")
>>> "Title" in html and "x = 1" not in html and "cdnjs" not in html
True
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import nbformat

from analysis.io import write_text

HERE = Path(__file__).parent
AUDIENCES = {"full": "Full version with code (academics, students)",
             "policy": "Policy version: no code, pseudonymised, small cells suppressed"}
POLICY_DROP_TAGS = {"academic", "parameters", "injected-parameters", "remove-policy"}


def policy_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without cells tagged for academics and without ``stderr`` output."""
    nb = copy.deepcopy(nb)
    kept = []
    for cell in nb.cells:
        if POLICY_DROP_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            if not cell.outputs:
                continue  # a code cell with nothing to show would leave an empty box
        kept.append(cell)
    nb.cells = kept
    return nb


def notebook_html(nb: nbformat.NotebookNode, audience: str = "full", *, title: str | None = None,
                  index_href: str = "index.html") -> str:
    """Render ``nb`` to one self-contained HTML page for ``audience`` (``full`` or ``policy``)."""
    from nbconvert import HTMLExporter

    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {sorted(AUDIENCES)}, not {audience!r}")
    policy = audience == "policy"
    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(HERE)],
                            template_file="tppo_report.html.j2",
                            exclude_input=policy, exclude_input_prompt=policy, exclude_output_prompt=policy)
    if title:
        nb = copy.deepcopy(nb)
        nb.metadata["title"] = title
    resources = {"tppo_css": (HERE / "report.css").read_text(encoding="utf-8"),
                 "tppo_index_href": index_href, "tppo_audience_label": AUDIENCES[audience]}
    body, _ = exporter.from_notebook_node(policy_notebook(nb) if policy else nb, resources=resources)
    return body


def write_notebook_html(nb: nbformat.NotebookNode, target: str | os.PathLike, audience: str = "full", *,
                        title: str | None = None, index_href: str = "index.html") -> Path:
    """Render and write atomically."""
    return write_text(notebook_html(nb, audience, title=title, index_href=index_href), target)
