"""``reports/index.html``: one page linking every rendered report, the brief, the explorer and figures.

>>> page = index_html([{"name": "06_policy_brief", "title": "Policy brief", "full": "06_policy_brief.html",
...     "policy": "policy/06_policy_brief.html"}], pdf="policy_brief.pdf", explorer="explorer.html")
>>> 'href="policy/06_policy_brief.html"' in page and 'href="policy_brief.pdf"' in page
True
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

HERE = Path(__file__).parent


def _a(href: str | None, text: str) -> str:
    if not href:
        return f"{html.escape(text)} <span class='tppo-note'>(not rendered)</span>"
    return f'<a href="{html.escape(href)}">{html.escape(text)}</a>'


def index_html(entries: list[dict], *, pdf: str | None = None, explorer: str | None = None,
               figures: pd.DataFrame | None = None, figures_href: str = "figures",
               notes: list[str] | None = None, title: str = "TPPO reports") -> str:
    """The index page. ``entries``: dicts with ``name``, ``title``, ``full`` and ``policy`` links."""
    css = (HERE / "report.css").read_text(encoding="utf-8")
    rows = "\n".join(
        f"<tr><td>{html.escape(e.get('title') or e['name'])}</td><td>{_a(e.get('policy'), 'policy version')}</td>"
        f"<td>{_a(e.get('full'), 'full version with code')}</td></tr>" for e in entries)
    fig_rows = ""
    if figures is not None and len(figures):
        fig_rows = "\n".join(
            f"<tr><td>{_a(f'{figures_href}/{Path(r.png).name}', r.name)}</td><td>{html.escape(r.caption)}</td>"
            f"<td>{_a(f'{figures_href}/{Path(r.csv).name}', 'CSV')} {_a(f'{figures_href}/{Path(r.svg).name}', 'SVG')}</td></tr>"
            for r in figures.itertuples(index=False))
    note_html = "".join(f"<p class='tppo-note'>{html.escape(n)}</p>" for n in notes or [])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>{html.escape(title)}</title><style>{css}</style></head>
<body class="tppo-page"><main class="tppo-main">
<h1>{html.escape(title)}</h1>
<p>Trafficking in persons (TPPO) of Indonesian migrant workers, read from public court decisions,
news reports and official statistics. People appear only under pseudonyms; tables that policy
readers see hide counts of fewer than five victims.</p>
<h2>For policy teams</h2>
<ul>
<li>{_a(pdf, "Policy brief (PDF)")}</li>
<li>{_a(explorer, "Network explorer (opens offline in any browser)")}</li>
</ul>
<h2>Reports</h2>
<table class="tppo-index"><tr><th>Report</th><th>For policy teams</th><th>For academics and students</th></tr>
{rows}
</table>
<h2>Figures and the numbers behind them</h2>
<table class="tppo-index"><tr><th>Figure</th><th>Caption</th><th>Data</th></tr>
{fig_rows or '<tr><td colspan="3">No figures yet.</td></tr>'}
</table>
{note_html}
</main></body></html>
"""
