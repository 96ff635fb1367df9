"""Recruitment geography from the ``victims`` table: where victims come from, how they were moved,
and which syndicates recruit where.

* ``recruitment_flows(victims)`` — one row per route ``origin regency -> transit -> destination``
  with the number of victims (sum of group sizes; rows of unknown size count as unknown, not
  zero) and of cases. Routes are read as the decisions state them; a missing origin or transit is
  its own value (``None``), not dropped, so the flows add up to the table.
* ``province_totals(victims)`` — victims and cases by origin province (ranked), for charts where
  no boundary map is drawn.
* ``origin_syndicate_edges(victims, actors, actor_metrics)`` — the two-mode network of origin
  regencies × syndicates: an edge when a case whose victims come from the regency names an
  actor of the syndicate; weights are the number of such cases and of their victims.
* ``two_mode_graph(edges)`` — the same as a bipartite ``networkx`` graph (node attribute
  ``bipartite`` = 0 for regencies, 1 for syndicates).
* ``for_policy(df, counts)`` — the copy meant for policy pages: counts of 1–4 become ``<5``
  (``analysis.report.privacy_checks.suppress_small_cells``).

>>> import pandas as pd
>>> v = pd.DataFrame({"case_id": ["K1", "K1", "K2"], "group_size": pd.array([1, 4, 6], dtype="Int64"),
...     "origin_regency": ["Kabupaten Lombok Timur"] * 2 + ["Kota Kupang"],
...     "origin_province": ["Nusa Tenggara Barat"] * 2 + ["Nusa Tenggara Timur"],
...     "transit": ["Kota Pontianak"] * 2 + [None], "destination_country": ["Malaysia"] * 3})
>>> recruitment_flows(v)[["origin_regency", "transit", "destination_country", "n_victims", "n_cases"]].values.tolist()
[['Kota Kupang', None, 'Malaysia', 6, 1], ['Kabupaten Lombok Timur', 'Kota Pontianak', 'Malaysia', 5, 1]]
>>> for_policy(recruitment_flows(v), ["n_victims", "n_cases"])["n_cases"].tolist()
['<5', '<5']
"""

from __future__ import annotations

import pandas as pd

FLOW_KEYS = ["origin_regency", "origin_province", "transit", "destination_country"]


def _sizes(victims: pd.DataFrame) -> pd.Series:
    return pd.array(victims["group_size"].tolist(), dtype="Int64") if "group_size" in victims else 1


def recruitment_flows(victims: pd.DataFrame) -> pd.DataFrame:
    """Victims and cases per route (origin regency, its province, transit points, destination),
    most victims first; ``n_victims`` is empty when a route has a row of unknown size only."""
    cols = FLOW_KEYS + ["n_victims", "n_cases"]
    if victims is None or not len(victims):
        return pd.DataFrame(columns=cols)
    v = victims.assign(_n=_sizes(victims))
    keys = [k for k in FLOW_KEYS if k in v.columns]
    g = v.groupby(keys, dropna=False, sort=False)
    out = g.agg(n_victims=("_n", lambda s: s.sum(min_count=1)), n_cases=("case_id", "nunique")).reset_index()
    out["n_victims"] = pd.array(out["n_victims"].tolist(), dtype="Int64")
    out = out.astype({k: object for k in keys}).where(out.notna(), None)
    out["n_victims"] = pd.array(out["n_victims"].tolist(), dtype="Int64")
    out = out.sort_values(["n_victims", "n_cases"], ascending=False, na_position="last", kind="stable")
    return out.reindex(columns=[c for c in cols if c in out.columns]).reset_index(drop=True)


def province_totals(victims: pd.DataFrame) -> pd.DataFrame:
    """Victims and cases by origin province (``None`` = not stated), most victims first.

    >>> v = pd.DataFrame({"case_id": ["a", "b"], "group_size": pd.array([2, 3], dtype="Int64"),
    ...     "origin_province": ["Bali", "Bali"]})
    >>> province_totals(v).values.tolist()
    [['Bali', 5, 2]]
    """
    if victims is None or not len(victims):
        return pd.DataFrame(columns=["origin_province", "n_victims", "n_cases"])
    v = victims.assign(_n=_sizes(victims))
    out = v.groupby("origin_province", dropna=False).agg(
        n_victims=("_n", lambda s: s.sum(min_count=1)), n_cases=("case_id", "nunique")).reset_index()
    out["n_victims"] = pd.array(out["n_victims"].tolist(), dtype="Int64")
    out["origin_province"] = out["origin_province"].astype(object).where(out["origin_province"].notna(), None)
    return out.sort_values(["n_victims", "n_cases"], ascending=False, na_position="last").reset_index(drop=True)


def _case_syndicates(actors: pd.DataFrame, actor_metrics: pd.DataFrame) -> pd.DataFrame:
    """``case_id, syndicate_id`` pairs: the syndicates whose actors appear in each case."""
    m = actor_metrics.loc[actor_metrics["syndicate_id"].notna(), ["actor_id", "syndicate_id"]]
    a = actors[["actor_id", "cases"]].merge(m, on="actor_id")
    a = a.explode("cases").rename(columns={"cases": "case_id"}).dropna(subset=["case_id"])
    return a[["case_id", "syndicate_id"]].drop_duplicates()


def origin_syndicate_edges(victims: pd.DataFrame, actors: pd.DataFrame, actor_metrics: pd.DataFrame) -> pd.DataFrame:
    """The two-mode network origin regency × syndicate as an edge list: ``origin_regency``,
    ``origin_regency_code``, ``syndicate_id``, ``n_cases``, ``n_victims``; most cases first.

    >>> v = pd.DataFrame({"case_id": ["K1", "K2"], "group_size": pd.array([3, 2], dtype="Int64"),
    ...     "origin_regency": ["Kota Kupang", "Kota Kupang"], "origin_regency_code": ["53.71", "53.71"]})
    >>> actors = pd.DataFrame({"actor_id": ["P-1", "P-2"], "cases": [["K1", "K2"], ["K2"]]})
    >>> metrics = pd.DataFrame({"actor_id": ["P-1", "P-2"], "syndicate_id": ["S-a", None]})
    >>> origin_syndicate_edges(v, actors, metrics).values.tolist()
    [['Kota Kupang', '53.71', 'S-a', 2, 5]]
    """
    cols = ["origin_regency", "origin_regency_code", "syndicate_id", "n_cases", "n_victims"]
    if victims is None or not len(victims) or actors is None or actor_metrics is None:
        return pd.DataFrame(columns=cols)
    v = victims.loc[victims["origin_regency"].notna()].assign(_n=lambda d: _sizes(d))
    if "origin_regency_code" not in v:
        v = v.assign(origin_regency_code=None)
    per_case = v.groupby(["case_id", "origin_regency", "origin_regency_code"], dropna=False)["_n"].sum(min_count=1).reset_index()
    e = per_case.merge(_case_syndicates(actors, actor_metrics), on="case_id")
    if not len(e):
        return pd.DataFrame(columns=cols)
    out = e.groupby(["origin_regency", "origin_regency_code", "syndicate_id"], dropna=False).agg(
        n_cases=("case_id", "nunique"), n_victims=("_n", lambda s: s.sum(min_count=1))).reset_index()
    out["n_victims"] = pd.array(out["n_victims"].tolist(), dtype="Int64")
    return out.sort_values(["n_cases", "n_victims", "origin_regency", "syndicate_id"],
                           ascending=[False, False, True, True]).reset_index(drop=True)[cols]


def two_mode_graph(edges: pd.DataFrame):
    """Bipartite graph of regencies (``bipartite=0``) and syndicates (``bipartite=1``), edge
    weights ``n_cases`` and ``n_victims``.

    >>> g = two_mode_graph(pd.DataFrame({"origin_regency": ["Kota Kupang"], "syndicate_id": ["S-a"],
    ...     "n_cases": [2], "n_victims": [5]}))
    >>> sorted(g.nodes(data="bipartite")), g.edges["Kota Kupang", "S-a"]["n_cases"]
    ([('Kota Kupang', 0), ('S-a', 1)], 2)
    """
    import networkx as nx

    g = nx.Graph()
    for r in edges.itertuples(index=False):
        g.add_node(r.origin_regency, bipartite=0)
        g.add_node(r.syndicate_id, bipartite=1)
        n_v = r.n_victims
        g.add_edge(r.origin_regency, r.syndicate_id, n_cases=int(r.n_cases),
                   n_victims=None if n_v is None or pd.isna(n_v) else int(n_v))
    return g


def for_policy(df: pd.DataFrame, counts: list[str], threshold: int = 5) -> pd.DataFrame:
    """A copy for policy pages, counts below ``threshold`` shown as ``<5``."""
    from analysis.report.privacy_checks import suppress_small_cells

    return suppress_small_cells(df, counts, threshold)
