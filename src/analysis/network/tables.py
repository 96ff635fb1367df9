"""The network tables written by ``tppo build``: ``syndicates`` and ``actor_metrics``.

``build_network_tables(actors, ties, cases)`` takes the extraction tables and returns

* ``syndicates`` — one row per consensus syndicate of two or more actors, built on
  relational evidence only (``graphs.relational_graph``): members are persons with a known
  role other than victim and companies, tied by a relation the text states (recruited,
  paid, funded, sheltered, works for, co-defendant, ...). Being named in the same decision
  never makes an actor a member; agencies, courts, places and role-less persons never are.
  Resolution 1 (plain modularity). Columns: ``syndicate_id`` (``S-`` + hash of its sorted
  member ids, so it is stable across rebuilds), ``n_actors``, ``n_persons``,
  ``n_companies``, ``n_cases``, ``n_courts``, ``stability``, ``stability_null``, ``weak``,
  ``whole_component`` (see ``syndicates``), ``n_ties`` (stated ties among members),
  ``relations`` (their types), ``n_bridges`` (members whose removal splits the syndicate's
  tie graph: cut vertices), ``n_context`` (persons and companies named in the same
  decisions without a stated tie to a member: context, not members), the typology
  (``typology``: ``size_class``, ``span``, ``operation``, ``form``, ``structure`` and
  ``type`` = "<size> <operation> <structure>"), ``court_links`` (for a syndicate heard
  in two or more courts, every stated tie of a member whose ties come from decisions of
  different courts, as ``"<actor> <relation> <actor> [<case>] <evidence span>"``), and
  profile columns ``role_mix``, ``courts``, ``first_year``, ``last_year``,
  ``destinations``, ``companies``, ``places``, ``provinces`` (from a ``province`` column
  of ``cases`` or ``actors`` when the extraction provides one; empty otherwise).
* ``actor_metrics`` — one row per analysed actor: ``actor_id``, ``degree``,
  ``betweenness``, ``closeness``, ``eigenvector``, ``constraint``, ``core_number``,
  ``coreness``, Gould–Fernandez counts ``brokerage_<role>`` and ``brokerage_total``
  (groups = each actor's primary role) with ``brokerage_z_<role>`` and
  ``brokerage_p_<role>`` from the permutation null (other actors' groups permuted),
  Burt's ``effective_size`` and ``efficiency``, the role position (``position``,
  ``position_label`` such as ``"out:recruited, out:paid"``, ``position_size``,
  ``position_components``: how many separate groups the position recurs in),
  ``syndicate_id`` and ``stability``.
* ``network_tests`` — the stated-tie network among members as a whole: observed density and
  Freeman centralizations (``test="observed"``), CUG tests of density and centralization
  against random graphs of the same size and density, and QAP correlations between
  relation layers (``test="qap"``, ``layer_a``/``layer_b``).
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

from analysis.network import graphs, typology
from analysis.network.brokerage import ROLES, gould_fernandez
from analysis.network.measures import MEASURES, centrality_table, effective_size, network_table
from analysis.network.positions import actor_positions
from analysis.network.significance import relation_layers, significance_table
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
                    exclude_roles=("victim",), require_role: bool = True,
                    weights: graphs.LayerWeights = graphs.LayerWeights()) -> nx.Graph:
    """The graph syndicates are detected on: every possible member (``graphs.member_ids``:
    companies and persons with a known role other than victim; with ``require_role=False``
    role-less persons too) is a node, tied when the text states a relation between them
    (``graphs.relational_graph``, layers combined with ``weights``). ``ties`` must already
    be checked (``graphs.check_ties``). Missing ``roles``/``label`` columns count as empty
    roles and the actor id."""
    if "roles" not in actors:
        actors = actors.assign(roles=[[] for _ in range(len(actors))])
    if "label" not in actors:
        actors = actors.assign(label=actors["actor_id"])
    keep = graphs.member_ids(actors, kinds=kinds, exclude_roles=exclude_roles, require_role=require_role)
    return graphs.relational_graph(actors, ties, members=keep, weights=weights)


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
                         betweenness_k: int | None = None, require_role: bool = True, n_perm: int = 500,
                         n_sim: int = 500) -> dict[str, pd.DataFrame]:
    """``syndicates``, ``actor_metrics``, ``network_tests`` and ``rejects`` from the extraction
    tables (module docstring). ``n_perm`` permutations give the brokerage z-scores and p-values,
    ``n_sim`` random graphs the CUG tests and permutations the QAP tests."""
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
    br = (gould_fernandez(tie_digraph(actors, ok, nodes), group, null="permutation", n_perm=n_perm, seed=seed)
          if nodes else pd.DataFrame(columns=ROLES + ["total"]))
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
    for r in ROLES:
        for stat in ("z", "p"):
            col = f"{stat}_{r}"
            am[f"brokerage_{col}"] = br[col].reindex(nodes).to_numpy(dtype=float) if col in br else np.nan
    es = effective_size(g) if nodes else pd.DataFrame(columns=["effective_size", "efficiency"])
    for col in ("effective_size", "efficiency"):
        am[col] = es[col].reindex(nodes).to_numpy(dtype=float) if col in es else np.nan
    pos = _positions(actors, ok, set(nodes))
    for col in POSITION_COLUMNS:
        am[col] = pos[col].reindex(nodes).to_numpy() if len(pos) else None
    am["primary_role"] = [group[a] for a in nodes]
    am["syndicate_id"] = [sid.get(memb.get(a)) for a in nodes]
    am["stability"] = [float(res.actor_stability.get(a)) if sid.get(memb.get(a)) else np.nan for a in nodes]
    am["core_number"] = am["core_number"].astype("Int64")

    syn = _profiles(am, actors, ok, cases, res, g)
    return {"syndicates": syn, "actor_metrics": am.reset_index(drop=True), "rejects": rejects,
            "network_tests": _network_tests(g, actors, ok, n_sim=n_sim, seed=seed)}


POSITION_COLUMNS = ["position", "position_label", "position_size", "position_components"]


def _positions(actors: pd.DataFrame, ties: pd.DataFrame, members: set) -> pd.DataFrame:
    """Role positions (``positions.actor_positions``) of the members, read from their stated
    ties with each other and with victims (a recruiter's position is "out:recruited")."""
    if not members:
        return pd.DataFrame(columns=POSITION_COLUMNS)
    victims = graphs._victim_ids(actors, ties)
    keep = members | victims
    d = nx.MultiDiGraph()
    d.add_nodes_from(sorted(members))
    for s, t, rel in ties[["source_id", "target_id", "relation"]].itertuples(index=False, name=None):
        if s in keep and t in keep and s != t and (s in members or t in members) and rel not in graphs.NON_RELATIONAL:
            d.add_edge(s, t, relation=rel)
    pos = actor_positions(d)
    return pos.loc[pos.index.isin(members), POSITION_COLUMNS]


def _network_tests(g: nx.Graph, actors: pd.DataFrame, ties: pd.DataFrame, *, n_sim: int, seed: int) -> pd.DataFrame:
    """The network-level figures and tests of the stated-tie network among members: its
    density and Freeman centralizations (``measures.network_table``, rows ``test="observed"``),
    CUG tests of density and centralization against random graphs of the same size and
    density, and QAP correlations between relation layers (``significance.significance_table``)."""
    cols = ["test", "statistic", "condition", "observed", "null_mean", "null_sd", "p_ge", "p_le", "n_sim",
            "layer_a", "layer_b"]
    if g.number_of_nodes() < 3 or g.number_of_edges() == 0:
        return pd.DataFrame(columns=cols)
    obs = network_table(g, "stated ties among members").iloc[0]
    rows = pd.DataFrame({"test": "observed", "statistic": obs.index, "condition": None, "observed": obs.to_numpy(),
                         "null_mean": np.nan, "null_sd": np.nan, "p_ge": np.nan, "p_le": np.nan, "n_sim": 0,
                         "layer_a": None, "layer_b": None})
    members = set(g.nodes())
    stated = ties[ties["source_id"].isin(members) & ties["target_id"].isin(members)
                  & ~ties["relation"].isin(graphs.NON_RELATIONAL)]
    layers = relation_layers(stated, nodes=sorted(members)) if len(stated) else None
    if layers and len(layers) < 2:
        layers = None
    tests = significance_table(g, layers=layers, n_sim=n_sim, n_sim_paths=max(20, n_sim // 10), seed=seed)
    return pd.concat([rows, tests], ignore_index=True)[cols]


PROFILE_COLUMNS = ["syndicate_id", "n_actors", "n_persons", "n_companies", "n_cases", "n_courts", "stability",
                   "stability_null", "weak", "whole_component", "n_ties", "relations", "n_bridges", "n_context",
                   "size_class", "span", "operation", "form", "structure", "type", "court_links",
                   "role_mix", "courts", "first_year", "last_year", "destinations", "companies", "places",
                   "provinces"]


def _profiles(am: pd.DataFrame, actors: pd.DataFrame, ties: pd.DataFrame, cases: pd.DataFrame | None,
              res, g: nx.Graph) -> pd.DataFrame:
    cols = PROFILE_COLUMNS
    if am["syndicate_id"].isna().all():
        return pd.DataFrame(columns=cols)
    info = actors.set_index("actor_id")
    case_tab = cases.set_index("case_id") if cases is not None and len(cases) else pd.DataFrame()
    members_cases = graphs.case_members(actors, ties)
    named_in = members_cases.groupby("case_id")["actor_id"].apply(set).to_dict()
    eligible = set(g.nodes())
    place_ties: dict[str, list] = {}
    for s, t, cid in ties[["source_id", "target_id", "case_id"]].itertuples(index=False, name=None):
        for a, b in ((s, t), (t, s)):
            if a in eligible and b in info.index and info.at[b, "kind"] == "place":
                place_ties.setdefault(a, []).append(b)
    country = info["country"] if "country" in info else pd.Series(dtype=object)
    by_syn = res.syndicates.set_index("syndicate")
    memb = res.membership

    def court_of(c):
        if c in case_tab.index and "court" in case_tab and pd.notna(case_tab.at[c, "court"]):
            return str(case_tab.at[c, "court"])
        return None

    rows = []
    for sid, grp in am.dropna(subset=["syndicate_id"]).groupby("syndicate_id", sort=False):
        ids = grp["actor_id"].tolist()
        sub = g.subgraph(ids)
        kinds = info.loc[ids, "kind"]
        cs = {c for _, _, d in sub.edges(data=True) for c in d["cases"]}
        courts, years, dests, provinces = set(), [], set(), set()
        for c in cs:
            if c in case_tab.index:
                row = case_tab.loc[c]
                if court_of(c):
                    courts.add(court_of(c))
                if "decision_date" in case_tab and pd.notna(row.get("decision_date")):
                    years.append(pd.Timestamp(row["decision_date"]).year)
                if "destination_countries" in case_tab:
                    dests |= set(graphs._as_list(row["destination_countries"]))
                if "province" in case_tab and isinstance(row.get("province"), str):
                    provinces.add(row["province"])
        places = sorted({str(info.at[p, "label"]) for a in ids for p in place_ties.get(a, [])})
        dests |= {str(country[p]) for a in ids for p in place_ties.get(a, [])
                  if p in country.index and isinstance(country[p], str)}
        dests.discard("")
        if "province" in info:
            provinces |= {str(info.at[a, "province"]) for a in ids if pd.notna(info.at[a, "province"])}
        relations = sorted({r for _, _, d in sub.edges(data=True) for r in d["relations"]})
        n_ties = sum(len(d["evidence"]) for _, _, d in sub.edges(data=True))
        n_bridges = len(list(nx.articulation_points(sub))) if len(ids) > 2 else 0
        context = set().union(*(named_in.get(c, set()) for c in cs)) & eligible - set(ids) if cs else set()
        # court links: every stated tie of a member whose ties come from two or more courts
        links: list[str] = []
        if len(courts) >= 2:
            for a in sorted(ids):
                tie_courts = {court_of(c) for _, _, d in sub.edges(a, data=True) for c in d["cases"]} - {None}
                if len(tie_courts) < 2:
                    continue
                for _, _, d in sorted(sub.edges(a, data=True), key=lambda e: e[1]):
                    for ev in d["evidence"]:
                        cid, span, st, rel = ev.split("|")
                        src, tgt = st.split(">")
                        links.append(f"{src} {rel} {tgt} [{cid}] {span}")
            links = sorted(set(links))
        person_roles = grp.loc[grp["actor_id"].map(info["kind"]) == "person", "primary_role"].tolist()
        n_p, n_c = int((kinds == "person").sum()), int((kinds == "company").sum())
        size = typology.size_class(len(ids))
        op = typology.operation(provinces, dests)
        struct = typology.structure(sub)
        k = memb.get(ids[0])
        role_counts = Counter(grp["primary_role"])
        role_mix = "; ".join(f"{r}:{n}" for r, n in sorted(role_counts.items(), key=lambda x: (-x[1], x[0])))
        rows.append((sid, len(ids), n_p, n_c, len(cs), len(courts), float(grp["stability"].mean()),
                     float(by_syn.at[k, "stability_null"]), bool(by_syn.at[k, "weak"]),
                     bool(by_syn.at[k, "whole_component"]), n_ties, relations, n_bridges, len(context),
                     size, typology.geographic_span(provinces, courts, dests), op,
                     typology.form(n_p, n_c, person_roles), struct, f"{size} {op} {struct}", links,
                     role_mix, sorted(courts), min(years) if years else None, max(years) if years else None,
                     sorted(dests), sorted(str(info.at[a, "label"]) for a in ids if info.at[a, "kind"] == "company"),
                     places, sorted(provinces)))
    out = pd.DataFrame(rows, columns=cols)
    for c in ("n_actors", "n_persons", "n_companies", "n_cases", "n_courts", "n_ties", "n_bridges", "n_context",
              "first_year", "last_year"):
        out[c] = out[c].astype("Int64")
    return out.sort_values(["n_actors", "syndicate_id"], ascending=[False, True]).reset_index(drop=True)
