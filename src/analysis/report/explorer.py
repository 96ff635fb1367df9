"""A network explorer that works offline: one HTML page with its script and data inline.

Filter the actor network by syndicate, role, year and court; click an actor to list its
cases. Built from the ``actors``, ``ties``, ``actor_metrics``, ``syndicates`` and ``cases``
tables (DESIGN.md contracts). The page needs no network access (vanilla JavaScript, no CDN)
and the same page shows inside JupyterLab through ``show_explorer`` (an iframe ``srcdoc``).
Persons appear only under their pseudonym: a person whose label does not look like one is
shown by its actor id, or by a neutral number.

>>> import pandas as pd
>>> actors = pd.DataFrame({"actor_id": ["P-01", "C-02"], "kind": ["person", "company"],
...     "roles": [["recruiter"], ["sponsor"]], "label": ["P-01", "PT Contoh"], "n_cases": [2, 1]})
>>> ties = pd.DataFrame({"source_id": ["P-01"], "target_id": ["C-02"], "relation": ["works_for"],
...     "case_id": ["1/Pid.Sus/2025/PN Xyz"], "evidence": ["f.txt:1-9"], "date": [None]})
>>> d = explorer_data(actors, ties)
>>> [n["label"] for n in d["nodes"]], d["links"][0]["relations"], d["cases"][0]["year"]
(['PT Contoh', 'P-01'], ['works_for'], 2025)
>>> "<script" in explorer_html(actors, ties) and "https://" not in explorer_html(actors, ties)
True
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pandas as pd

from analysis.io import write_text

HERE = Path(__file__).parent
_PSEUDONYM = re.compile(r"^[A-Z]-[0-9a-f]{2,}$")
_YEAR_IN_ID = re.compile(r"/((?:19|20)\d{2})/")
_COURT_IN_ID = re.compile(r"/(PN\s*[\w .-]+)$")


def _listish(v) -> list[str]:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return []
    if isinstance(v, str):
        return [v]
    try:
        return [str(x) for x in v]
    except TypeError:
        return [str(v)]


def safe_label(actor_id: str, kind: str, label, number: int) -> str:
    """The text shown for an actor: never a person's name.

    >>> safe_label("P-1a2b3c", "person", "P-1a2b3c", 1), safe_label("x9", "person", "A Name", 7)
    ('P-1a2b3c', 'person #7')
    >>> safe_label("C-1", "company", "PT Contoh", 2)
    'PT Contoh'
    """
    label = "" if label is None or (isinstance(label, float) and pd.isna(label)) else str(label)
    if kind != "person":
        return label or str(actor_id)
    for candidate in (label, str(actor_id)):
        if _PSEUDONYM.match(candidate):
            return candidate
    return f"person #{number}"


def _case_rows(cases: pd.DataFrame | None, case_ids: list[str]) -> list[dict]:
    info: dict[str, dict] = {}
    if cases is not None and len(cases):
        for r in cases.itertuples(index=False):
            d = getattr(r, "decision_date", None)
            year = int(pd.Timestamp(d).year) if d is not None and not pd.isna(d) else None
            info[str(r.case_id)] = {"court": getattr(r, "court", None), "year": year}
    rows = []
    for cid in case_ids:
        got = info.get(cid, {})
        year = got.get("year")
        if year is None and (m := _YEAR_IN_ID.search(cid)):
            year = int(m.group(1))
        court = got.get("court")
        if (court is None or (isinstance(court, float) and pd.isna(court))) and (m := _COURT_IN_ID.search(cid)):
            court = m.group(1).strip()
        rows.append({"id": cid, "court": None if court is None or pd.isna(court) else str(court), "year": year})
    return rows


def explorer_data(actors: pd.DataFrame, ties: pd.DataFrame, actor_metrics: pd.DataFrame | None = None,
                  syndicates: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                  max_nodes: int = 600) -> dict:
    """The explorer's JSON: ``nodes``, ``links``, ``cases`` (+ totals), keeping the ``max_nodes``
    actors with most cases and ties so that the page stays responsive."""
    ties = ties if ties is not None else pd.DataFrame(columns=["source_id", "target_id", "relation", "case_id"])
    actors = actors if actors is not None else pd.DataFrame(columns=["actor_id", "kind", "roles", "label", "n_cases"])
    ids = sorted(set(actors["actor_id"].astype(str)) | set(ties["source_id"].astype(str))
                 | set(ties["target_id"].astype(str)))
    by_actor = {str(r.actor_id): r for r in actors.itertuples(index=False)}
    case_ids = sorted(set(ties["case_id"].dropna().astype(str)))
    case_index = {c: i for i, c in enumerate(case_ids)}
    node_cases: dict[str, set[int]] = {i: set() for i in ids}
    degree: dict[str, int] = {i: 0 for i in ids}
    for r in ties.itertuples(index=False):
        s, t = str(r.source_id), str(r.target_id)
        ci = case_index.get(str(r.case_id)) if r.case_id is not None and not pd.isna(r.case_id) else None
        for a in (s, t):
            degree[a] += 1
            if ci is not None:
                node_cases[a].add(ci)
    metrics = {}
    synd = {}
    if actor_metrics is not None and len(actor_metrics):
        numeric = [c for c in actor_metrics.columns
                   if c not in {"actor_id", "syndicate_id"} and pd.api.types.is_numeric_dtype(actor_metrics[c])][:6]
        for r in actor_metrics.to_dict("records"):
            aid = str(r["actor_id"])
            sid = r.get("syndicate_id")
            synd[aid] = None if sid is None or pd.isna(sid) else str(sid)
            metrics[aid] = {c: round(float(r[c]), 4) for c in numeric if r.get(c) is not None and not pd.isna(r[c])}
    ranked = sorted(ids, key=lambda a: (-(len(node_cases[a]) + degree[a]), a))
    keep = ranked[:max_nodes]
    keep_set = set(keep)
    nodes = []
    for number, aid in enumerate(sorted(keep), start=1):
        row = by_actor.get(aid)
        kind = str(getattr(row, "kind", "person")) if row is not None else ("person" if aid.startswith(("P-", "V-")) else "unknown")
        nodes.append({
            "id": aid,
            "label": safe_label(aid, kind, getattr(row, "label", None) if row is not None else None, number),
            "kind": kind,
            "roles": _listish(getattr(row, "roles", None)) if row is not None else [],
            "syndicate": synd.get(aid),
            "metrics": metrics.get(aid, {}),
            "cases": sorted(node_cases[aid]),
        })
    agg: dict[tuple[str, str], dict] = {}
    for r in ties.itertuples(index=False):
        s, t = str(r.source_id), str(r.target_id)
        if s not in keep_set or t not in keep_set or s == t:
            continue
        key = (s, t) if s < t else (t, s)
        link = agg.setdefault(key, {"s": key[0], "t": key[1], "relations": set(), "cases": set()})
        link["relations"].add(str(r.relation))
        if r.case_id is not None and not pd.isna(r.case_id):
            link["cases"].add(case_index[str(r.case_id)])
    links = [{"s": v["s"], "t": v["t"], "relations": sorted(v["relations"]), "cases": sorted(v["cases"])}
             for _, v in sorted(agg.items())]
    n_synd = 0 if syndicates is None else len(syndicates)
    return {"nodes": nodes, "links": links, "cases": _case_rows(cases, case_ids),
            "n_actors_total": len(ids), "n_syndicates": n_synd, "truncated": len(ids) > len(keep)}


def _inline_json(obj) -> str:
    # "<" as \u003c keeps "</script>" and "<!--" in any label from ending the script element.
    return json.dumps(obj, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def explorer_html(actors: pd.DataFrame, ties: pd.DataFrame, actor_metrics: pd.DataFrame | None = None,
                  syndicates: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                  max_nodes: int = 600, title: str = "TPPO network explorer") -> str:
    """A complete standalone HTML page (script, style and data inline)."""
    data = explorer_data(actors, ties, actor_metrics, syndicates, cases, max_nodes=max_nodes)
    css = (HERE / "report.css").read_text(encoding="utf-8")
    js = (HERE / "explorer.js").read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>{html.escape(title)}</title>
<style>{css}</style>
<script>window.addEventListener("error", function (e) {{
  var box = document.getElementById("tppo-script-errors");
  if (box) box.textContent += (e.message || "script error") + "\\n";
  document.documentElement.setAttribute("data-tppo-errors", "1");
}});</script>
</head><body class="tppo-page"><main class="tppo-main" style="max-width:none">
<h1>{html.escape(title)}</h1>
<p class="tppo-note">Actors (persons under pseudonyms, companies, places, agencies) linked by the relations
found in court decisions. Filter by syndicate, role, year or court; click an actor to list its cases.</p>
<div id="tppo-script-errors"></div>
<div id="tppo-explorer"></div>
<script type="application/json" id="tppo-data">{_inline_json(data)}</script>
<script>{js}</script>
</main></body></html>
"""


def write_explorer(path: str | os.PathLike, actors: pd.DataFrame, ties: pd.DataFrame,
                   actor_metrics: pd.DataFrame | None = None, syndicates: pd.DataFrame | None = None,
                   cases: pd.DataFrame | None = None, max_nodes: int = 600) -> Path:
    """Write the standalone explorer page atomically to ``path``."""
    return write_text(explorer_html(actors, ties, actor_metrics, syndicates, cases, max_nodes=max_nodes), path)


class ExplorerView:
    """The explorer inside Jupyter: an iframe whose ``srcdoc`` is the standalone page."""

    def __init__(self, page: str, height: int = 720):
        self.page, self.height = page, height

    def _repr_html_(self) -> str:
        return (f'<iframe class="tppo-explorer-frame" srcdoc="{html.escape(self.page, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:0" '
                f'sandbox="allow-scripts"></iframe>')


def show_explorer(actors: pd.DataFrame, ties: pd.DataFrame, actor_metrics: pd.DataFrame | None = None,
                  syndicates: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                  max_nodes: int = 600, height: int = 720) -> ExplorerView:
    """Display the explorer in a notebook (returns an object Jupyter renders as HTML)."""
    return ExplorerView(explorer_html(actors, ties, actor_metrics, syndicates, cases, max_nodes=max_nodes), height)
