"""The policy brief's numbers and sentences, computed from whatever tables exist.

Each key figure carries the report it comes from; each finding is a plain sentence and is
left out (with a note) when the table it needs is not built yet, so the brief never states a
number it does not have.

>>> import pandas as pd
>>> from analysis.report.tables import empty_table
>>> t = {n: empty_table(n) for n in ["cases", "defendants", "actors", "ties", "syndicates", "events"]}
>>> inv = pd.DataFrame({"source_file": ["a", "b"], "court_code": ["X", "Y"], "year": [2024, 2025]})
>>> key_figures(t, inv).iloc[0].tolist()
['Court decisions read', '2', 'Case data quality']
"""

from __future__ import annotations

import pandas as pd

from analysis.report.summaries import count_values, share, victims_by
from analysis.report.tables import is_built


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.1%}" if 0 <= v <= 1 else f"{v:,.1f}"
    return f"{v:,}"


def key_figures(tables: dict[str, pd.DataFrame], inventory: pd.DataFrame,
                news: pd.DataFrame | None = None) -> pd.DataFrame:
    """``measure``, ``value`` (formatted), ``source`` — only measures whose table is built."""
    rows = [("Court decisions read", len(inventory), "Case data quality"),
            ("District courts", int(inventory["court_code"].nunique()), "Case data quality")]
    cases, defendants = tables.get("cases"), tables.get("defendants")
    if cases is not None and is_built(cases) and len(cases):
        kept = cases[cases["duplicate_of"].isna()] if "duplicate_of" in cases else cases
        rows += [("Decisions used (duplicates removed)", len(kept), "Case data quality"),
                 ("Share about migrant workers", share(kept["is_migrant_worker_case"]), "Case data quality")]
    if defendants is not None and is_built(defendants) and len(defendants):
        conv = defendants[defendants["verdict"] == "convicted"]
        months = pd.to_numeric(conv["sentence_months"], errors="coerce").median()
        rows += [("Defendants", len(defendants), "Case data quality"),
                 ("Share convicted", share(defendants["verdict"] == "convicted"), "Case data quality")]
        if pd.notna(months):
            rows.append(("Median prison term of the convicted (months)", float(months), "Case data quality"))
    actors, syndicates = tables.get("actors"), tables.get("syndicates")
    if actors is not None and is_built(actors) and len(actors):
        multi = int((pd.to_numeric(actors["n_cases"], errors="coerce").fillna(0) > 1).sum())
        rows.append(("Actors appearing in more than one decision", multi, "Recruitment networks"))
    if syndicates is not None and is_built(syndicates) and len(syndicates):
        rows += [("Syndicates found", len(syndicates), "Syndicates, brokers and disruption"),
                 ("Syndicates spanning several courts",
                  int((pd.to_numeric(syndicates["n_courts"], errors="coerce").fillna(0) > 1).sum()),
                  "Syndicates, brokers and disruption")]
    events = tables.get("events")
    if events is not None and is_built(events) and len(events):
        rows.append(("Events extracted from news", len(events), "News events"))
    if news is not None and len(news):
        rows.append(("News reports in the reference index", len(news), "News events"))
    return pd.DataFrame([(m, _fmt(v), s) for m, v, s in rows], columns=["measure", "value", "source"])


def victims_table(cases: pd.DataFrame) -> pd.DataFrame:
    """Victims by destination country in migrant-worker decisions (duplicates removed)."""
    if not len(cases):
        return pd.DataFrame(columns=["destination_countries", "n_cases", "n_victims", "cases_with_count"])
    kept = cases[cases["duplicate_of"].isna()] if "duplicate_of" in cases else cases
    kept = kept[kept["is_migrant_worker_case"].fillna(False).astype(bool)] if "is_migrant_worker_case" in kept else kept
    return victims_by(kept, "destination_countries")


def findings(tables: dict[str, pd.DataFrame], inventory: pd.DataFrame) -> str:
    """The brief's findings as Markdown bullets, each from a built table."""
    out = []
    years = inventory["year"].dropna()
    if len(years):
        recent = int((years >= 2024).sum())
        out.append(f"- The collection holds **{len(inventory)} decisions**; **{recent}** of them are from 2024 "
                   f"or later, so it describes recent prosecutions best.")
    cases = tables.get("cases")
    if cases is not None and is_built(cases) and len(cases):
        kept = cases[cases["duplicate_of"].isna()]
        mw = kept[kept["is_migrant_worker_case"].fillna(False).astype(bool)]
        top = count_values(mw, "destination_countries", top=3)
        if len(top):
            names = ", ".join(top["destination_countries"].astype(str))
            out.append(f"- Of the decisions used, **{len(mw)}** concern migrant workers; the most frequent "
                       f"destinations are **{names}**.")
        else:
            out.append(f"- Of the decisions used, **{len(mw)}** concern migrant workers.")
    actors = tables.get("actors")
    if actors is not None and is_built(actors) and len(actors):
        companies = int((actors["kind"] == "company").sum())
        multi = int((pd.to_numeric(actors["n_cases"], errors="coerce").fillna(0) > 1).sum())
        out.append(f"- **{multi} people or companies** appear in more than one decision, and **{companies} "
                   f"companies** are named — recurring recruiters and placement companies link cases that "
                   f"courts heard separately.")
    syndicates = tables.get("syndicates")
    if syndicates is not None and is_built(syndicates) and len(syndicates):
        wide = int((pd.to_numeric(syndicates["n_courts"], errors="coerce").fillna(0) > 1).sum())
        out.append(f"- **{len(syndicates)} groups** of connected actors were found; **{wide}** reach across "
                   f"more than one court, which a single prosecution would not see.")
    if len(out) <= 1:
        out.append("- *The case tables are not built yet: findings on cases, networks and groups appear here "
                   "once `tppo build` has run.*")
    return "\n".join(out)
