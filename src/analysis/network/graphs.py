"""Graphs built from the project's tables (``actors``, ``ties``, ``cases``) and from TIP flows.

* ``check_ties`` splits ``ties`` into usable rows and ``rejects`` (unknown actor ids,
  missing ends, self-ties) so that nothing read is dropped silently.
* ``multimode_graph`` — persons, companies, places, agencies and cases in one
  ``MultiDiGraph``; every observed tie is an edge carrying relation, case, evidence, date.
* ``multiplex_graph`` — persons and companies, one edge per relation layer, each saying
  how the tie is known: ``basis="stated"`` (a relation in the text, with its evidence) or
  ``basis="co_mention"`` (only named in the same decision: context, never membership).
* ``relational_graph`` — the stated layers combined into one weighted graph with
  ``LayerWeights``: the graph syndicates are built on.
* ``person_projection`` — person–person graph through shared cases with Newman's (2001)
  collaboration weights.
* ``flow_network`` — origin -> transit -> destination place flows, weighted by cases.
* ``tip_source_ranks`` — where Indonesia stands among source countries per TIP year.
* ``agency_coaction`` — agencies tied by acting in the same news event.

>>> import pandas as pd
>>> ties = pd.DataFrame({"source_id": ["P-1", "P-1"], "target_id": ["P-2", "P-3"],
...     "relation": ["co_defendant"] * 2, "case_id": ["K1", "K2"], "evidence": ["f:0-1"] * 2,
...     "date": [None, None]})
>>> actors = pd.DataFrame({"actor_id": ["P-1", "P-2", "P-3"], "kind": ["person"] * 3,
...     "roles": [["defendant"]] * 3, "label": ["P-1", "P-2", "P-3"], "n_cases": [2, 1, 1]})
>>> sorted(person_projection(actors, ties).edges(data="weight"))
[('P-1', 'P-2', 1.0), ('P-1', 'P-3', 1.0)]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

ACTOR_COLUMNS = ["actor_id", "kind", "roles", "label", "n_cases"]
TIE_COLUMNS = ["source_id", "target_id", "relation", "case_id", "evidence", "date"]
REJECT_COLUMNS = ["source", "stage", "reason", "detail"]

#: tie relation -> stage of the place at the tie's target end (the place a person or company
#: moves people from, through or to). Relations not listed say nothing about stages.
PLACE_STAGE_OF_RELATION = {
    "recruited_from": "origin", "origin": "origin", "from": "origin", "lives_in": "origin",
    "departed_from": "transit", "transit": "transit", "via": "transit", "sheltered": "transit",
    "sheltered_at": "transit", "sent_to": "destination", "destination": "destination",
    "works_in": "destination", "placed_in": "destination",
}
STAGES = ["origin", "transit", "destination"]


#: relations that are not a stated tie between two actors
NON_RELATIONAL = frozenset({"appears_in", "co_mention"})
SHARED_VICTIM = "shared_victim"
#: kinds of actor that can be syndicate members (agencies, courts and places never are)
MEMBER_KINDS = ("person", "company")


@dataclass(frozen=True)
class LayerWeights:
    """How relation layers combine into one tie weight: each stated tie of relation ``r``
    adds ``weight(r)`` to the weight of its pair. ``layers`` lists (relation, weight)
    pairs; a relation not listed (a new type) weighs ``default``. Co-mention weighs
    ``co_mention``, 0 by default: naming two actors in one decision is context, not a tie.
    Every stated relation weighs 1 by default, so a pair's weight counts its stated ties;
    set a layer to 0 to leave it out. Two members who each have a stated tie with the same
    victim in one decision (one recruited her, the other escorted her) are joined through
    her by the ``shared_victim`` layer, weighing ``shared_victim`` (0.5: a path of two
    stated ties, weaker than one).

    >>> w = LayerWeights(layers=(("paid", 2.0),))
    >>> w.weight("paid"), w.weight("escorted"), w.weight("co_mention")
    (2.0, 1.0, 0.0)
    """

    layers: tuple = ()
    default: float = 1.0
    co_mention: float = 0.0
    shared_victim: float = 0.5

    def weight(self, relation: str) -> float:
        if relation == "co_mention":
            return self.co_mention
        if relation == SHARED_VICTIM:
            return self.shared_victim
        return dict(self.layers).get(relation, self.default)


def member_ids(actors: pd.DataFrame, *, kinds=MEMBER_KINDS, exclude_roles=("victim",),
               require_role: bool = True) -> set:
    """Actors that may be syndicate members: companies, and persons with a known role
    other than those in ``exclude_roles`` (victims). With ``require_role=False`` role-less
    persons count too. Agencies, courts and places never do.

    >>> a = pd.DataFrame({"actor_id": ["P-1", "P-2", "P-3", "C-1", "G-1"],
    ...     "kind": ["person", "person", "person", "company", "agency"],
    ...     "roles": [["recruiter"], ["victim"], [], [], []]})
    >>> sorted(member_ids(a))
    ['C-1', 'P-1']
    """
    roles = actors["roles"] if "roles" in actors else pd.Series([[]] * len(actors), index=actors.index)
    excl = set(exclude_roles or ())
    keep = set()
    for aid, kind, rs in zip(actors["actor_id"], actors["kind"], roles):
        rs = set(_as_list(rs))
        if kind not in kinds:
            continue
        if kind == "person" and ((require_role and not rs) or (rs and rs <= excl)):
            continue
        keep.add(aid)
    return keep


def multiplex_graph(actors: pd.DataFrame, ties: pd.DataFrame, *, members=None, context: bool = True,
                    weights: LayerWeights = LayerWeights()) -> nx.MultiGraph:
    """Evidence-typed multiplex graph among ``members`` (default ``member_ids(actors)``).

    One edge per pair and layer, keyed by the layer: each stated relation (``ties`` rows
    whose ends are both members; ``co_defendant``, ``recruited``, ``paid``, ...) has
    ``basis="stated"``, ``n_ties``, ``cases`` and ``evidence`` (``"case_id|span|source>target"``
    strings, so the direction of each tie is kept);
    with ``context`` every other pair of members named in the same decision gets a
    ``co_mention`` edge (``basis="co_mention"``, ``cases``). ``weight`` is the layer's
    weight times ``n_ties`` (``LayerWeights``). Ties to places, agencies and victims stay
    out (they inform geography and profiles, not membership). ``ties`` must be checked.

    >>> a = pd.DataFrame({"actor_id": ["P-1", "P-2", "C-1"], "kind": ["person", "person", "company"],
    ...     "roles": [["recruiter"], ["escort"], []], "cases": [["K"], ["K"], ["K"]]})
    >>> t = pd.DataFrame({"source_id": ["P-1"], "target_id": ["P-2"], "relation": ["recruited"],
    ...     "case_id": ["K"], "evidence": ["k.txt:5-40"]})
    >>> sorted((u, v, k, d["basis"]) for u, v, k, d in multiplex_graph(a, t).edges(keys=True, data=True))
    [('C-1', 'P-1', 'co_mention', 'co_mention'), ('C-1', 'P-2', 'co_mention', 'co_mention'), ('P-1', 'P-2', 'recruited', 'stated')]
    """
    members = member_ids(actors) if members is None else set(members)
    g = nx.MultiGraph()
    info = actors.set_index("actor_id")
    for a in sorted(members):
        row = info.loc[a]
        g.add_node(a, kind=row["kind"], roles=_as_list(row.get("roles")), label=row.get("label", a))
    ev = ties["evidence"] if "evidence" in ties else pd.Series(None, index=ties.index)
    stated_in_case = set()
    for s, t, rel, cid, e in zip(ties["source_id"], ties["target_id"], ties["relation"], ties["case_id"], ev):
        if s == t or s not in members or t not in members or rel in NON_RELATIONAL:
            continue
        u, v = sorted((s, t))
        stated_in_case.add((u, v, cid))
        if g.has_edge(u, v, key=rel):
            d = g[u][v][rel]
            d["n_ties"] += 1
            d["weight"] += weights.weight(rel)
            d["cases"] = sorted(set(d["cases"]) | {cid})
            d["evidence"].append(f"{cid}|{e}|{s}>{t}")
        else:
            g.add_edge(u, v, key=rel, layer=rel, basis="stated", n_ties=1, weight=weights.weight(rel),
                       cases=[cid], evidence=[f"{cid}|{e}|{s}>{t}"])
    if weights.shared_victim > 0:
        _add_shared_victim_edges(g, actors, ties, members, weights)
    if context:
        cm = case_members(actors, ties)
        cm = cm[cm["actor_id"].isin(members)]
        for cid, grp in cm.groupby("case_id", sort=True):
            for u, v in combinations(sorted(grp["actor_id"]), 2):
                if (u, v, cid) in stated_in_case:
                    continue
                if g.has_edge(u, v, key="co_mention"):
                    d = g[u][v]["co_mention"]
                    d["cases"].append(cid)
                    d["n_ties"] += 1
                    d["weight"] += weights.co_mention
                else:
                    g.add_edge(u, v, key="co_mention", layer="co_mention", basis="co_mention", n_ties=1,
                               weight=weights.co_mention, cases=[cid], evidence=[])
    return g


#: relations whose target is, by what the sentence states, a victim of the scheme
VICTIM_RELATIONS = frozenset({"recruited", "escorted", "sheltered", "exploited", "received_abroad"})


def _victim_ids(actors: pd.DataFrame, ties: pd.DataFrame | None = None) -> set:
    """Persons with the role victim, and, given ``ties``, persons without a scheme role
    whom a stated tie recruits, escorts, shelters, exploits or receives abroad (the
    decisions often name a victim as "saksi" without calling her a victim)."""
    roles = actors["roles"] if "roles" in actors else pd.Series([[]] * len(actors), index=actors.index)
    out = {a for a, k, rs in zip(actors["actor_id"], actors["kind"], roles)
           if k == "person" and "victim" in _as_list(rs)}
    if ties is not None and len(ties):
        roleless = {a for a, k, rs in zip(actors["actor_id"], actors["kind"], roles)
                    if k == "person" and not _as_list(rs)}
        acted_on = set(ties.loc[ties["relation"].isin(VICTIM_RELATIONS), "target_id"])
        out |= roleless & acted_on
    return out


def _add_shared_victim_edges(g: nx.MultiGraph, actors: pd.DataFrame, ties: pd.DataFrame, members: set,
                             weights: LayerWeights) -> None:
    """Join members who each have a stated tie with the same victim in the same decision."""
    victims = _victim_ids(actors, ties) - members
    ev = ties["evidence"] if "evidence" in ties else pd.Series(None, index=ties.index)
    around: dict[tuple[str, str], dict[str, list[str]]] = {}
    for s, t, rel, cid, e in zip(ties["source_id"], ties["target_id"], ties["relation"], ties["case_id"], ev):
        if rel in NON_RELATIONAL or s == t:
            continue
        for m, v in ((s, t), (t, s)):
            if m in members and v in victims:
                around.setdefault((v, cid), {}).setdefault(m, []).append(f"{cid}|{e}|{s}>{t}")
    for (v, cid), by_member in sorted(around.items()):
        for a, b in combinations(sorted(by_member), 2):
            evidence = by_member[a][:1] + by_member[b][:1]
            if g.has_edge(a, b, key=SHARED_VICTIM):
                d = g[a][b][SHARED_VICTIM]
                d["n_ties"] += 1
                d["weight"] += weights.shared_victim
                d["cases"] = sorted(set(d["cases"]) | {cid})
                d["evidence"].extend(evidence)
            else:
                g.add_edge(a, b, key=SHARED_VICTIM, layer=SHARED_VICTIM, basis="stated_via_victim", n_ties=1,
                           weight=weights.shared_victim, cases=[cid], evidence=list(evidence))


def relational_graph(actors: pd.DataFrame, ties: pd.DataFrame, *, members=None,
                     weights: LayerWeights = LayerWeights()) -> nx.Graph:
    """The stated layers of ``multiplex_graph`` combined into one simple graph: every
    member is a node; a pair is tied when the text states a relation between them, with
    ``weight`` (sum of its layers' weights), ``relations``, ``cases`` and ``evidence``
    (``"case_id|span|source>target|relation"`` strings).
    Pairs whose combined weight is 0 (all their layers weighted out) are left out.

    >>> a = pd.DataFrame({"actor_id": ["P-1", "P-2", "C-1"], "kind": ["person", "person", "company"],
    ...     "roles": [["recruiter"], ["escort"], []]})
    >>> t = pd.DataFrame({"source_id": ["P-1", "P-1", "P-2"], "target_id": ["P-2", "P-2", "C-1"],
    ...     "relation": ["recruited", "paid", "works_for"], "case_id": ["K"] * 3, "evidence": ["k:1-2"] * 3})
    >>> sorted(relational_graph(a, t, weights=LayerWeights(layers=(("paid", 0.5),))).edges(data="weight"))
    [('C-1', 'P-2', 1.0), ('P-1', 'P-2', 1.5)]
    """
    m = multiplex_graph(actors, ties, members=members, context=False, weights=weights)
    g = nx.Graph()
    g.add_nodes_from(m.nodes(data=True))
    for u, v, rel, d in m.edges(keys=True, data=True):
        if g.has_edge(u, v):
            e = g[u][v]
            e["weight"] += d["weight"]
            e["relations"] = sorted(set(e["relations"]) | {rel})
            e["cases"] = sorted(set(e["cases"]) | set(d["cases"]))
            e["evidence"] = e["evidence"] + [f"{x}|{rel}" for x in d["evidence"]]
        else:
            g.add_edge(u, v, weight=d["weight"], relations=[rel], cases=list(d["cases"]),
                       evidence=[f"{x}|{rel}" for x in d["evidence"]])
    g.remove_edges_from([(u, v) for u, v, w in g.edges(data="weight") if w <= 0])
    return g


def _require(df: pd.DataFrame, cols: list[str], name: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} table lacks columns {missing}; has {list(df.columns)}")


def _as_list(v) -> list:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return []
    if isinstance(v, str):
        return [v]
    return list(v)


def check_ties(actors: pd.DataFrame, ties: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split ``ties`` into (usable ties, rejects). A tie is rejected (stage ``link``) when an
    end is missing, names an actor id absent from ``actors``, or ties an actor to itself.
    Exact duplicate rows are kept (they are separate observations in the evidence).

    >>> a = pd.DataFrame({"actor_id": ["P-1", "P-2"], "kind": ["person"] * 2})
    >>> t = pd.DataFrame({"source_id": ["P-1", "P-1"], "target_id": ["P-2", "P-9"],
    ...     "relation": ["paid"] * 2, "case_id": ["K"] * 2, "evidence": ["f:1-2", "f:3-4"]})
    >>> ok, rej = check_ties(a, t)
    >>> len(ok), rej["reason"].tolist()
    (1, ['unknown actor id'])
    """
    _require(actors, ["actor_id"], "actors")
    _require(ties, ["source_id", "target_id", "case_id"], "ties")
    known = set(actors["actor_id"])
    src, tgt = ties["source_id"], ties["target_id"]
    missing = src.isna() | tgt.isna()
    unknown = ~missing & (~src.isin(known) | ~tgt.isin(known))
    selfloop = ~missing & ~unknown & (src == tgt)
    bad = missing | unknown | selfloop
    reason = np.select([missing, unknown, selfloop], ["missing tie end", "unknown actor id", "self-tie"], "")
    ev = ties["evidence"] if "evidence" in ties else pd.Series("", index=ties.index)
    rejects = pd.DataFrame({
        "source": ev[bad].fillna("").astype(str).where(ev[bad].notna(), ties["case_id"][bad].astype(str)),
        "stage": "link",
        "reason": reason[bad.to_numpy()],
        "detail": (src[bad].astype(str) + " -> " + tgt[bad].astype(str)
                   + " (" + ties.get("relation", pd.Series("", index=ties.index))[bad].astype(str) + ")"),
    }, columns=REJECT_COLUMNS).reset_index(drop=True)
    return ties[~bad].copy(), rejects


def _strict_ties(actors: pd.DataFrame, ties: pd.DataFrame) -> pd.DataFrame:
    ok, rej = check_ties(actors, ties)
    if len(rej):
        raise ValueError(f"{len(rej)} ties cannot be used ({rej['reason'].value_counts().to_dict()}); "
                         f"first: {rej.iloc[0]['detail']}. Filter them with check_ties first.")
    return ok


def case_members(actors: pd.DataFrame, ties: pd.DataFrame) -> pd.DataFrame:
    """Long table (case_id, actor_id): who appears in which case, from tie ends and, when
    ``actors`` has a ``cases`` list column, from that too."""
    parts = [ties[["case_id", "source_id"]].rename(columns={"source_id": "actor_id"}),
             ties[["case_id", "target_id"]].rename(columns={"target_id": "actor_id"})]
    if "cases" in actors.columns:
        ex = actors[["actor_id", "cases"]].copy()
        ex["cases"] = ex["cases"].map(_as_list)
        ex = ex.explode("cases").dropna(subset=["cases"]).rename(columns={"cases": "case_id"})
        parts.append(ex[["case_id", "actor_id"]])
    out = pd.concat(parts, ignore_index=True).dropna().drop_duplicates()
    return out.sort_values(["case_id", "actor_id"]).reset_index(drop=True)


def multimode_graph(actors: pd.DataFrame, ties: pd.DataFrame, cases: pd.DataFrame | None = None) -> nx.MultiDiGraph:
    """One ``MultiDiGraph`` with actor nodes (attributes ``kind``, ``roles``, ``label``,
    ``n_cases``) and case nodes (``kind="case"``, id ``"case:<case_id>"``, with ``court``,
    ``decision_date``, ``destination_countries``). Each tie becomes an edge with
    ``relation``, ``case_id``, ``evidence``, ``date``; each actor gets an ``appears_in`` edge
    to every case it appears in. Unknown actor ids raise ``ValueError``.

    >>> import pandas as pd
    >>> a = pd.DataFrame({"actor_id": ["P-1", "C-1"], "kind": ["person", "company"],
    ...     "roles": [["recruiter"], []], "label": ["P-1", "PT X"], "n_cases": [1, 1]})
    >>> t = pd.DataFrame({"source_id": ["P-1"], "target_id": ["C-1"], "relation": ["works_for"],
    ...     "case_id": ["K1"], "evidence": ["f:0-9"], "date": [None]})
    >>> g = multimode_graph(a, t)
    >>> sorted(g.nodes), g.number_of_edges()
    (['C-1', 'P-1', 'case:K1'], 3)
    """
    _require(actors, ["actor_id", "kind"], "actors")
    _require(ties, ["source_id", "target_id", "relation", "case_id"], "ties")
    if actors["actor_id"].duplicated().any():
        dup = actors.loc[actors["actor_id"].duplicated(), "actor_id"].unique()[:5].tolist()
        raise ValueError(f"duplicate actor ids in actors: {dup}")
    ties = _strict_ties(actors, ties)
    g = nx.MultiDiGraph()
    for r in actors.to_dict("records"):
        g.add_node(r["actor_id"], kind=r["kind"], roles=_as_list(r.get("roles")),
                   label=r.get("label", r["actor_id"]), n_cases=r.get("n_cases"))
    case_info = {}
    if cases is not None and len(cases):
        _require(cases, ["case_id"], "cases")
        case_info = cases.set_index("case_id").to_dict("index")
    members = case_members(actors, ties)
    for cid in members["case_id"].unique().tolist() + list(case_info):
        info = case_info.get(cid, {})
        g.add_node(f"case:{cid}", kind="case", label=str(cid), court=info.get("court"),
                   decision_date=info.get("decision_date"),
                   destination_countries=_as_list(info.get("destination_countries")))
    for r in ties.to_dict("records"):
        g.add_edge(r["source_id"], r["target_id"], relation=r["relation"], case_id=r["case_id"],
                   evidence=r.get("evidence"), date=r.get("date"))
    for cid, aid in members.itertuples(index=False, name=None):
        if aid in g:
            g.add_edge(aid, f"case:{cid}", relation="appears_in", case_id=cid, evidence=None, date=None)
    return g


def _persons(actors: pd.DataFrame, exclude_roles) -> set:
    keep = set()
    excl = set(exclude_roles or ())
    for aid, kind, roles in actors[["actor_id", "kind"]].assign(
            roles=actors["roles"] if "roles" in actors else [[]] * len(actors)).itertuples(index=False, name=None):
        rs = set(_as_list(roles))
        if kind == "person" and not (rs and rs <= excl):
            keep.add(aid)
    return keep


def newman_weights(members: pd.DataFrame, *, id_col: str = "actor_id", group_col: str = "case_id") -> pd.DataFrame:
    """Collaboration weights (Newman 2001, Phys. Rev. E 64:016132): each group with ``n``
    members adds ``1/(n-1)`` to each pair in it. Returns (u, v, weight, n_shared) with u < v.

    >>> m = pd.DataFrame({"case_id": ["A", "A", "A", "B", "B"], "actor_id": ["x", "y", "z", "x", "y"]})
    >>> newman_weights(m).to_dict("records")
    [{'u': 'x', 'v': 'y', 'weight': 1.5, 'n_shared': 2}, {'u': 'x', 'v': 'z', 'weight': 0.5, 'n_shared': 1}, {'u': 'y', 'v': 'z', 'weight': 0.5, 'n_shared': 1}]
    """
    w: dict[tuple, float] = defaultdict(float)
    c: dict[tuple, int] = defaultdict(int)
    for _, grp in members.drop_duplicates([group_col, id_col]).groupby(group_col, sort=False):
        ids = sorted(grp[id_col].tolist())
        n = len(ids)
        if n < 2:
            continue
        for u, v in combinations(ids, 2):
            w[(u, v)] += 1.0 / (n - 1)
            c[(u, v)] += 1
    rows = [(u, v, w[(u, v)], c[(u, v)]) for u, v in sorted(w)]
    return pd.DataFrame(rows, columns=["u", "v", "weight", "n_shared"])


def person_projection(actors: pd.DataFrame, ties: pd.DataFrame, *, min_weight: float = 0.0,
                      exclude_roles=("victim",)) -> nx.Graph:
    """Person–person graph: two persons are tied when they appear in the same case, with
    Newman's collaboration weight (``weight``) and the number of shared cases
    (``n_shared``). Edges below ``min_weight`` are dropped; every person stays a node.
    Persons whose roles all lie in ``exclude_roles`` (default: victims only) are left out.
    """
    _require(actors, ["actor_id", "kind"], "actors")
    ties = _strict_ties(actors, ties)
    persons = _persons(actors, exclude_roles)
    members = case_members(actors, ties)
    members = members[members["actor_id"].isin(persons)]
    w = newman_weights(members)
    g = nx.Graph()
    attrs = actors.set_index("actor_id")
    for p in sorted(persons):
        row = attrs.loc[p]
        g.add_node(p, kind="person", roles=_as_list(row.get("roles")), label=row.get("label", p))
    for u, v, wt, ns in w.itertuples(index=False, name=None):
        if wt >= min_weight:
            g.add_edge(u, v, weight=float(wt), n_shared=int(ns))
    return g


def flow_network(actors: pd.DataFrame, ties: pd.DataFrame, cases: pd.DataFrame | None = None) -> nx.DiGraph:
    """Origin -> transit -> destination flows between places, weighted by number of cases.

    A place belongs to every case it appears in (tie ends, or the actor's ``cases`` list).
    Its stage comes from the place actor itself (its ``place_role`` column, else an
    ``origin``/``transit``/``destination`` entry in its roles), else from the relation of the
    tie that reaches it (``PLACE_STAGE_OF_RELATION``). Destination countries of the case (``cases``) are added
    as destination nodes ``"country:<name>"``; a place actor that is a whole country (label
    equal to its ``country``) is merged into that node. Within a case every origin flows to every
    transit place and every transit place to every destination; with no transit place,
    origins flow straight to destinations. Edge attributes: ``weight`` (cases), ``cases``.

    >>> a = pd.DataFrame({"actor_id": ["P-1", "L-a", "L-b"], "kind": ["person", "place", "place"],
    ...     "roles": [[], ["origin"], ["transit"]]})
    >>> t = pd.DataFrame({"source_id": ["P-1", "P-1"], "target_id": ["L-a", "L-b"],
    ...     "relation": ["recruited_from", "via"], "case_id": ["K", "K"]})
    >>> c = pd.DataFrame({"case_id": ["K"], "destination_countries": [["Malaysia"]]})
    >>> sorted(flow_network(a, t, c).edges(data="weight"))
    [('L-a', 'L-b', 1), ('L-b', 'country:Malaysia', 1)]
    """
    _require(actors, ["actor_id", "kind"], "actors")
    ties = _strict_ties(actors, ties)
    kind = actors.set_index("actor_id")["kind"]
    place_roles: dict[str, list] = {}
    rows = actors.assign(roles=actors["roles"] if "roles" in actors else [[]] * len(actors),
                         place_role=actors.get("place_role"))
    for a, k, rs, pr in rows[["actor_id", "kind", "roles", "place_role"]].itertuples(index=False, name=None):
        if k == "place":
            own = [pr] if isinstance(pr, str) and pr in STAGES else [r for r in _as_list(rs) if r in STAGES]
            place_roles[a] = own
    stages: dict[str, dict[str, set]] = defaultdict(lambda: {s: set() for s in STAGES})
    # places with a stage of their own, in every case they appear in (ties or ``cases`` list)
    # a place actor that is a whole country is the same node as the case's destination country
    as_country = {}
    if "country" in actors:
        for a, k, lab, ctry in actors[["actor_id", "kind", "label", "country"]].itertuples(index=False, name=None):
            if k == "place" and isinstance(ctry, str) and str(lab).strip().lower() == ctry.strip().lower():
                as_country[a] = f"country:{ctry}"
    for cid, aid in case_members(actors, ties).itertuples(index=False, name=None):
        for s in place_roles.get(aid, []):
            stages[cid][s].add(as_country.get(aid, aid))
    # places without one take the stage the reaching tie implies
    for r in ties.itertuples(index=False):
        if kind.get(r.target_id) == "place" and not place_roles.get(r.target_id):
            s = PLACE_STAGE_OF_RELATION.get(r.relation)
            if s:
                stages[r.case_id][s].add(r.target_id)
    if cases is not None and "destination_countries" in cases:
        for cid, dests in cases[["case_id", "destination_countries"]].itertuples(index=False, name=None):
            for d in _as_list(dests):
                stages[cid]["destination"].add(f"country:{d}")
    g = nx.DiGraph()
    for cid, st in stages.items():
        for s in STAGES:
            g.add_nodes_from((p, {"stage": s}) for p in st[s] if p not in g)
        pairs = set()
        if st["transit"]:
            pairs |= {(o, t) for o in st["origin"] for t in st["transit"]}
            pairs |= {(t, d) for t in st["transit"] for d in st["destination"]}
        else:
            pairs |= {(o, d) for o in st["origin"] for d in st["destination"]}
        for u, v in pairs:
            if u == v:
                continue
            if g.has_edge(u, v):
                g[u][v]["weight"] += 1
                g[u][v]["cases"].append(cid)
            else:
                g.add_edge(u, v, weight=1, cases=[cid])
    return g


def tip_source_ranks(edges: pd.DataFrame, country: str = "Indonesia", *, years=range(2001, 2017)) -> pd.DataFrame:
    """Rank ``country`` among source countries per TIP year, by out-degree (number of
    destinations) and out-strength (mentions). Input: ``loaders.read_tip_edges`` output.
    Ranks are 1 = largest, ties share the best rank (``min``). Years where the country is
    not a source get zero counts and a null rank.

    >>> e = pd.DataFrame({"year": [2001] * 3, "source": ["A", "A", "B"],
    ...     "destination": ["B", "C", "C"], "weight": [1, 1, 5]})
    >>> tip_source_ranks(e, "A", years=[2001])[["out_degree", "rank_out_degree", "rank_out_strength"]].to_dict("records")
    [{'out_degree': 2, 'rank_out_degree': 1, 'rank_out_strength': 2}]
    """
    _require(edges, ["year", "source", "destination", "weight"], "TIP edges")
    e = edges[edges["source"] != edges["destination"]]
    rows = []
    for y in years:
        sub = e[e["year"] == y]
        by = sub.groupby("source").agg(out_degree=("destination", "nunique"), out_strength=("weight", "sum"))
        n_sources = len(by)
        if country in by.index:
            rd = by["out_degree"].rank(ascending=False, method="min")
            rs = by["out_strength"].rank(ascending=False, method="min")
            rows.append((y, country, int(by.loc[country, "out_degree"]), int(by.loc[country, "out_strength"]),
                         int(rd[country]), int(rs[country]), n_sources))
        else:
            rows.append((y, country, 0, 0, None, None, n_sources))
    out = pd.DataFrame(rows, columns=["year", "country", "out_degree", "out_strength",
                                      "rank_out_degree", "rank_out_strength", "n_sources"])
    for c in ("rank_out_degree", "rank_out_strength"):
        out[c] = out[c].astype("Int64")
    return out


def agency_coaction(events: pd.DataFrame, *, event_col: str = "event_id", agency_col: str = "agency") -> nx.Graph:
    """Agencies tied by acting together in a news event, from a long table (event_id, agency).

    Edge ``weight`` counts shared events and ``newman`` gives Newman's collaboration weight;
    node ``n_events`` counts each agency's events. Blank agencies are ignored.

    >>> ev = pd.DataFrame({"event_id": [1, 1, 2, 2, 2], "agency": ["Polri", "BP2MI", "Polri", "BP2MI", "Imigrasi"]})
    >>> sorted(agency_coaction(ev).edges(data="weight"))
    [('BP2MI', 'Imigrasi', 1), ('BP2MI', 'Polri', 2), ('Imigrasi', 'Polri', 1)]
    """
    _require(events, [event_col, agency_col], "events")
    ev = events[[event_col, agency_col]].dropna()
    ev = ev[ev[agency_col].astype(str).str.strip() != ""].drop_duplicates()
    g = nx.Graph()
    for a, n in ev.groupby(agency_col)[event_col].nunique().items():
        g.add_node(a, n_events=int(n))
    w = newman_weights(ev, id_col=agency_col, group_col=event_col)
    for u, v, wt, ns in w.itertuples(index=False, name=None):
        g.add_edge(u, v, weight=int(ns), newman=float(wt))
    return g
