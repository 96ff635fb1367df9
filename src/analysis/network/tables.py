"""The network tables written by ``tppo build``: ``syndicates`` and ``actor_metrics``.

``build_network_tables(actors, ties, cases)`` takes the extraction tables and returns

* ``syndicates`` — one row per consensus syndicate of two or more actors (persons with a
  known role other than victim, and companies, tied through shared cases; resolution 1,
  i.e. plain modularity): ``syndicate_id`` (``S-`` + hash
  of its sorted member ids, so it is stable across rebuilds), ``n_actors``, ``n_persons``,
  ``n_companies``, ``n_cases``, ``n_courts``, ``stability`` and profile columns
  ``role_mix``, ``courts``, ``first_year``, ``last_year``, ``destinations``, ``companies``,
  ``places``, ``provinces`` (from a ``province`` column of ``cases`` or ``actors`` when
  the extraction provides one; empty otherwise).
* ``actor_metrics`` — one row per analysed actor: ``actor_id``, ``degree``,
  ``betweenness``, ``closeness``, ``eigenvector``, ``constraint``, ``core_number``,
  ``coreness``, Gould–Fernandez counts ``brokerage_<role>`` and ``brokerage_total``
  (groups = each actor's primary role), ``syndicate_id`` and ``stability``.
* ``rejects`` — ties that could not be used (stage ``link``), to be appended to the
  project's ``rejects`` table.

>>> import pandas as pd
>>> actors = pd.DataFrame({"actor_id": ["P-1", "P-2", "C-1"], "kind": ["person", "person", "company"],
...     "roles": [["recruiter"], ["sponsor"], []], "label": ["P-1", "P-2", "PT X"], "n_cases": [1, 1, 1]})
>>> ties = pd.DataFrame({"source_id": ["P-1", "P-2"], "target_id": ["P-2", "C-1"],
...     "relation": ["recruited", "works_for"], "case_id": ["K1", "K1"], "evidence": ["f:1-2", "f:3-4"],
...     "date": [None, None]})
>>> cases = pd.DataFrame({"case_id": ["K1"], "court": ["PN X"], "decision_date": [pd.Timestamp("2024-05-01")],
...     "destination_countries": [["Malaysia"]]})
>>> out = build_network_tables(actors, ties, cases)
>>> out["syndicates"][["n_actors", "n_cases", "n_courts", "first_year"]].to_dict("records")
[{'n_actors': 3, 'n_cases': 1, 'n_courts': 1, 'first_year': 2024}]
"""

from __future__ import annotations

import hashlib
from collections import Counter

import networkx as nx
import numpy as np
import pandas as pd

from analysis.network import graphs
from analysis.network.brokerage import ROLES, gould_fernandez
from analysis.network.measures import MEASURES, centrality_table
from analysis.network.syndicates import detect_syndicates

SYNDICATE_KINDS = ("person", "company")
#: order in which an actor's roles decide its primary role (the brokerage grouping)
ROLE_PRIORITY = ("funder", "recruiter", "sponsor", "document broker", "shelter", "escort", "broker",
                 "fugitive", "defendant", "co-defendant tried separately", "victim")


def primary_role(kind: str, roles) -> str:
    """The actor's most specific role (``ROLE_PRIORITY``), ``company`` for companies,
    ``unknown`` when none is known.

    >>> primary_role("person", ["defendant", "recruiter"])
    'recruiter'
    """
    if kind != "person":
        return kind
    rs = graphs._as_list(roles)
    for r in ROLE_PRIORITY:
        if r in rs:
            return r
    return rs[0] if rs else "unknown"


def syndicate_graph(actors: pd.DataFrame, ties: pd.DataFrame, *, kinds=SYNDICATE_KINDS,
                    exclude_roles=("victim",), require_role: bool = True) -> nx.Graph:
    """Actors of ``kinds`` tied through shared cases with Newman weights (see
    ``graphs.person_projection``). ``ties`` must already be checked (``graphs.check_ties``)
    With ``require_role`` persons without any known role (mostly witnesses named in the
    text) are left out; companies stay. Missing ``roles``/``label`` columns count as empty
    roles and the actor id."""
    if "roles" not in actors:
        actors = actors.assign(roles=[[] for _ in range(len(actors))])
    if "label" not in actors:
        actors = actors.assign(label=actors["actor_id"])
    sub = actors[actors["kind"].isin(kinds)]
    if require_role:
        has_role = sub["roles"].map(lambda r: len(graphs._as_list(r)) > 0)
        sub = sub[has_role | (sub["kind"] != "person")]
    sub = sub.assign(kind="person")  # _persons filters on kind
    keep = graphs._persons(sub, exclude_roles)
    members = graphs.case_members(actors, ties)
    w = graphs.newman_weights(members[members["actor_id"].isin(keep)])
    info = actors.set_index("actor_id")
    g = nx.Graph()
    for a in sorted(keep):
        g.add_node(a, kind=info.at[a, "kind"], roles=graphs._as_list(info.at[a, "roles"]),
                   label=info.at[a, "label"])
    for u, v, wt, ns in w.itertuples(index=False, name=None):
        g.add_edge(u, v, weight=float(wt), n_shared=int(ns))
    return g


def tie_digraph(actors: pd.DataFrame, ties: pd.DataFrame, nodes) -> nx.DiGraph:
    """Directed actor–actor ties among ``nodes`` (``co_defendant`` read both ways)."""
    nodes = set(nodes)
    d = nx.DiGraph()
    d.add_nodes_from(nodes)
    for s, t, rel in ties[["source_id", "target_id", "relation"]].itertuples(index=False, name=None):
        if s in nodes and t in nodes and s != t:
            d.add_edge(s, t)
            if rel == "co_defendant":
                d.add_edge(t, s)
    return d


def _syndicate_id(members) -> str:
    return "S-" + hashlib.sha1("|".join(sorted(map(str, members))).encode()).hexdigest()[:8]


def build_network_tables(actors: pd.DataFrame, ties: pd.DataFrame, cases: pd.DataFrame | None = None, *,
                         resolution: float = 1.0, n_runs: int = 50, seed: int = 0,
                         betweenness_k: int | None = None, require_role: bool = True) -> dict[str, pd.DataFrame]:
    """``syndicates``, ``actor_metrics`` and ``rejects`` from the extraction tables (module docstring)."""
    graphs._require(actors, ["actor_id", "kind"], "actors")
    graphs._require(ties, ["source_id", "target_id", "relation", "case_id"], "ties")
    if "roles" not in actors:
        actors = actors.assign(roles=[[] for _ in range(len(actors))])
    if "label" not in actors:
        actors = actors.assign(label=actors["actor_id"])
    ok, rejects = graphs.check_ties(actors, ties)
    g = syndicate_graph(actors, ok, require_role=require_role)
    nodes = list(g.nodes())
    metrics = centrality_table(g, k=betweenness_k, seed=seed) if nodes else pd.DataFrame(columns=MEASURES)
    info = actors.set_index("actor_id")
    group = {a: primary_role(info.at[a, "kind"], info.at[a, "roles"]) for a in nodes}
    br = gould_fernandez(tie_digraph(actors, ok, nodes), group) if nodes else pd.DataFrame(columns=ROLES + ["total"])
    res = detect_syndicates(g, resolution=resolution, n_runs=n_runs, seed=seed)

    memb = res.membership
    sizes = memb.value_counts()
    sid = {}
    for k, members in memb.groupby(memb.values):
        if sizes[k] >= 2:
            sid[k] = _syndicate_id(members.index)

    am = pd.DataFrame({"actor_id": nodes})
    for m in MEASURES:
        am[m] = metrics[m].reindex(nodes).to_numpy(dtype=float) if len(metrics) else np.nan
    for r in ROLES + ["total"]:
        am[f"brokerage_{r}"] = br[r].reindex(nodes).fillna(0).astype(int).to_numpy() if len(br) else 0
    am["primary_role"] = [group[a] for a in nodes]
    am["syndicate_id"] = [sid.get(memb.get(a)) for a in nodes]
    am["stability"] = [float(res.actor_stability.get(a)) if sid.get(memb.get(a)) else np.nan for a in nodes]
    am["core_number"] = am["core_number"].astype("Int64")

    syn = _profiles(am, actors, ok, cases, res)
    return {"syndicates": syn, "actor_metrics": am.reset_index(drop=True), "rejects": rejects}


def _profiles(am: pd.DataFrame, actors: pd.DataFrame, ties: pd.DataFrame, cases: pd.DataFrame | None,
              res) -> pd.DataFrame:
    cols = ["syndicate_id", "n_actors", "n_persons", "n_companies", "n_cases", "n_courts", "stability",
            "role_mix", "courts", "first_year", "last_year", "destinations", "companies", "places", "provinces"]
    if am["syndicate_id"].isna().all():
        return pd.DataFrame(columns=cols)
    info = actors.set_index("actor_id")
    members_cases = graphs.case_members(actors, ties)
    cases_of = members_cases.groupby("actor_id")["case_id"].apply(set).to_dict()
    case_tab = cases.set_index("case_id") if cases is not None and len(cases) else pd.DataFrame()
    neighbours: dict[str, set] = {}
    for s, t in ties[["source_id", "target_id"]].itertuples(index=False, name=None):
        neighbours.setdefault(s, set()).add(t)
        neighbours.setdefault(t, set()).add(s)
    rows = []
    for sid, grp in am.dropna(subset=["syndicate_id"]).groupby("syndicate_id", sort=False):
        ids = grp["actor_id"].tolist()
        kinds = info.loc[ids, "kind"]
        cs = set().union(*(cases_of.get(a, set()) for a in ids))
        courts, years, dests, case_provinces = set(), [], set(), set()
        for c in cs:
            if c in case_tab.index:
                row = case_tab.loc[c]
                if "court" in case_tab and pd.notna(row.get("court")):
                    courts.add(str(row["court"]))
                if "decision_date" in case_tab and pd.notna(row.get("decision_date")):
                    years.append(pd.Timestamp(row["decision_date"]).year)
                if "destination_countries" in case_tab:
                    dests |= set(graphs._as_list(row["destination_countries"]))
                if "province" in case_tab and isinstance(row.get("province"), str):
                    case_provinces.add(row["province"])
        linked = set(ids).union(*(neighbours.get(a, set()) for a in ids))
        linked_kind = info["kind"].reindex(list(linked))
        companies = sorted(str(info.at[a, "label"]) for a in linked_kind.index[linked_kind == "company"])
        places = sorted(str(info.at[a, "label"]) for a in linked_kind.index[linked_kind == "place"])
        provinces = sorted(case_provinces | {str(info.at[a, "province"]) for a in linked if "province" in info
                                             and a in info.index and pd.notna(info.at[a, "province"])})
        role_counts = Counter(grp["primary_role"])
        role_mix = "; ".join(f"{r}:{n}" for r, n in sorted(role_counts.items(), key=lambda x: (-x[1], x[0])))
        rows.append((sid, len(ids), int((kinds == "person").sum()), int((kinds == "company").sum()), len(cs),
                     len(courts), float(grp["stability"].mean()), role_mix, sorted(courts),
                     min(years) if years else None, max(years) if years else None, sorted(dests),
                     companies, places, provinces))
    out = pd.DataFrame(rows, columns=cols)
    for c in ("n_actors", "n_persons", "n_companies", "n_cases", "n_courts", "first_year", "last_year"):
        out[c] = out[c].astype("Int64")
    return out.sort_values(["n_actors", "syndicate_id"], ascending=[False, True]).reset_index(drop=True)
