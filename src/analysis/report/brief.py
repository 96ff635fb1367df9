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

from analysis.report.network_facts import fact, network_facts
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
    facts = network_facts(tables)
    for key, measure, source in (
            ("persons_with_role_in_2plus_decisions", "Persons with a part in the scheme named in two or more decisions",
             "Recruitment networks"),
            ("companies_in_2plus_decisions", "Companies named in two or more decisions", "Recruitment networks"),
            ("syndicates", "Syndicates (groups joined by ties the decisions state)", "Syndicates, brokers and disruption"),
            ("syndicates_not_weak", "Syndicates more cohesive than rewired versions of themselves",
             "Syndicates, brokers and disruption"),
            ("syndicates_in_2plus_courts", "Syndicates whose stated ties span several courts",
             "Syndicates, brokers and disruption")):
        v = fact(facts, key)
        if v is not None:
            rows.append((measure, v, source))
    events = tables.get("events")
    if events is not None and is_built(events) and len(events):
        rows.append(("Events extracted from news", len(events), "News events"))
    if news is not None and len(news):
        rows.append(("News reports in the reference index", len(news), "News events"))
    return pd.DataFrame([(m, _fmt(v), s) for m, v, s in rows], columns=["measure", "value", "source"])


def network_findings(facts: pd.DataFrame) -> list[str]:
    """The brief's sentences on recurring actors and syndicates, each number read from
    ``facts`` (``analysis.report.network_facts``), each claim put beside its baseline.

    >>> f = pd.DataFrame({"key": ["persons_with_role_in_2plus_decisions", "persons_with_role_in_2plus_courts",
    ...     "agencies_in_2plus_decisions", "places_in_2plus_decisions", "companies_in_2plus_decisions"],
    ...     "value": [12.0, 2.0, 30.0, 40.0, 5.0], "table": "actors", "definition": ""})
    >>> print(network_findings(f)[0])
    - **12 persons with a part in the scheme** (recruiters, escorts, fugitives, defendants …) are named in two or more decisions, **2** of them in decisions of different courts, and **5 companies** recur; the agencies (**30**) and places (**40**) that recur too are not counted as links.
    """
    out = []
    p = fact(facts, "persons_with_role_in_2plus_decisions")
    if p is not None:
        out.append(f"- **{p} persons with a part in the scheme** (recruiters, escorts, fugitives, defendants …) are "
                   f"named in two or more decisions, **{fact(facts, 'persons_with_role_in_2plus_courts', 0)}** of them "
                   f"in decisions of different courts, and **{fact(facts, 'companies_in_2plus_decisions', 0)} "
                   f"companies** recur; the agencies (**{fact(facts, 'agencies_in_2plus_decisions', 0)}**) and places "
                   f"(**{fact(facts, 'places_in_2plus_decisions', 0)}**) that recur too are not counted as links.")
    n = fact(facts, "syndicates")
    if n is not None:
        strong, wide = fact(facts, "syndicates_not_weak", 0), fact(facts, "syndicates_in_2plus_courts", 0)
        out.append(f"- **{n} groups** of recruiters, escorts, sponsors and companies are joined by ties the decisions "
                   f"state (who recruited, paid, escorted or worked for whom); the largest has "
                   f"**{fact(facts, 'largest_syndicate', 0)}** members. **{strong}** of them hold together more "
                   f"than rewired copies of themselves do, so most are small connected groups rather than "
                   f"demonstrated organisations; **{fact(facts, 'syndicates_in_2plus_decisions', 0)}** draw on two "
                   f"or more decisions and **{wide}** on decisions of more than one court.")
    return out


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
    out += network_findings(network_facts(tables))
    if len(out) <= 1:
        out.append("- *The case tables are not built yet: findings on cases, networks and groups appear here "
                   "once `tppo build` has run.*")
    return "\n".join(out)


#: Plain words for the fields the gold set scores (``analysis.evaluate``).
PLAIN_FIELDS = {
    "case_id": "case number", "court": "court", "decision_date": "date of the decision",
    "n_defendants": "number of defendants", "n_victims": "number of victims",
    "is_migrant_worker_case": "whether the case concerns migrant workers", "laws": "articles of law applied",
    "destination_countries": "destination countries", "companies": "companies named", "sex": "defendant's sex",
    "age": "defendant's age", "verdict": "verdict", "sentence_months": "prison term",
    "fine_idr": "fine", "fine_substitute_months": "prison term in lieu of the fine", "restitution_idr": "restitution",
}

#: Cross-decision linking on the hand-annotated pairs of ``tests/gold/link_gold.csv``, as printed by
#: ``benchmarks/linking_accuracy.py`` (rerun the script to refresh).
LINK_ACCURACY = {"pairs": 84, "same": 46, "precision": 1.00, "recall": 0.957,
                 "baseline_precision": 0.606, "baseline_recall": 0.870}


def accuracy_table(tables: dict[str, pd.DataFrame], gold_dir=None) -> pd.DataFrame:
    """How often the software read each field as the hand annotation did, in plain words.

    Scores the built ``cases``/``defendants`` (and ``actors``/``ties`` for companies) against the
    hand-annotated gold decisions (``analysis.evaluate.evaluate_cases``): ``what`` (plain name),
    ``checked`` (decisions or defendants compared), ``agreement`` (share read correctly; F1 for
    lists) and ``table``. Decisions of the gold set absent from the build are not compared.
    Returns an empty table when the case tables are not built.

    >>> from analysis.report.tables import empty_table
    >>> accuracy_table({"cases": empty_table("cases")}).columns.tolist()
    ['what', 'table', 'metric', 'checked', 'agreement']
    """
    from analysis.evaluate import evaluate_cases, load_case_gold

    cols = ["what", "table", "metric", "checked", "agreement"]
    cases = tables.get("cases")
    if cases is None or not is_built(cases) or not len(cases):
        return pd.DataFrame(columns=cols)
    ev = evaluate_cases(tables, load_case_gold(gold_dir))
    s = ev.summary
    if "table" not in s.columns:
        s = s.assign(table=["defendants" if f in DEFENDANT_FIELDS else "cases" for f in s["field"]])
    out = pd.DataFrame({"what": s["field"].map(PLAIN_FIELDS).fillna(s["field"]), "table": s["table"],
                        "metric": s["metric"].map({"accuracy": "share correct", "f1": "F1 (lists)"}),
                        "checked": s["n"].astype(int), "agreement": s["score"].astype(float).round(3)})
    return out.loc[out["checked"] > 0, cols].reset_index(drop=True)


DEFENDANT_FIELDS = {"sex", "age", "verdict", "sentence_months", "fine_idr", "fine_substitute_months", "restitution_idr"}


def context_findings(tables: dict[str, pd.DataFrame], data_dir) -> str:
    """Plain sentences on routes, Indonesia's place among source countries and the 2023 task
    force, each left out when its source is missing (so the brief never states a number it lacks).

    >>> import tempfile
    >>> from analysis.report.tables import empty_table
    >>> context_findings({"actors": empty_table("actors"), "ties": empty_table("ties")}, tempfile.mkdtemp())
    ''
    """
    from pathlib import Path

    out = []
    actors, ties = tables.get("actors"), tables.get("ties")
    if actors is not None and ties is not None and len(actors) and len(ties):
        from analysis.network.graphs import flow_network
        from analysis.report.network_views import edge_table

        flows = flow_network(actors, ties, tables.get("cases"))
        legs = edge_table(flows, top=3)
        names = dict(zip(actors["actor_id"], actors["label"]))
        place = (lambda n: str(n).split(":", 1)[1] if str(n).startswith("country:") else str(names.get(n, n)))
        if len(legs):
            said = "; ".join(f"{place(a)} → {place(b)} ({w} decisions)" for a, b, w in legs.itertuples(index=False))
            out.append(f"- The routes most often described in decisions are **{said}**: a few transit "
                       f"points channel departures to many destinations.")
    tip_dir = Path(data_dir) / "networks" / "tip_country_network"
    if tip_dir.is_dir():
        from analysis.network.graphs import tip_source_ranks
        from analysis.network.loaders import read_tip_edges

        ranks = tip_source_ranks(read_tip_edges(tip_dir), "Indonesia").dropna(subset=["rank_out_degree"])
        if len(ranks):
            out.append(f"- In the US Trafficking in Persons reports of 2001–2016 Indonesia appears as a source "
                       f"country every year, ranking between **{int(ranks['rank_out_degree'].min())}** and "
                       f"**{int(ranks['rank_out_degree'].max())}** among source countries by the number of "
                       f"destinations named.")
    if (Path(data_dir) / "official_stats").is_dir():
        from analysis.sources.official_stats import load_official_stats
        from analysis.timeseries.questions import satgas_rate_comparison

        try:
            o = load_official_stats(data_dir)
            r = satgas_rate_comparison(o["figures"], o["satgas_increments"])
        except (ValueError, KeyError):
            r = None
        if r is not None:
            out.append(f"- During the police task force of June–July 2023 the police reported about "
                       f"**{r['per_day'].iloc[-1]:.0f} trafficking cases a day**, "
                       f"{r['task_force_rate_ratio'].min():.0f} to {r['task_force_rate_ratio'].max():.0f} times the "
                       f"daily rate of earlier periods — a sign of more enforcement, not necessarily of more "
                       f"trafficking.")
    return "\n".join(out)
