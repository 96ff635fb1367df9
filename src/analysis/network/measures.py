"""Actor-level measures: degree, betweenness, closeness, eigenvector, Burt's constraint,
k-core number and core–periphery coreness, as one tidy table.

Heavy work runs in igraph (``engine``); inputs and outputs are networkx graphs and pandas
tables keyed by node id. Self-loops are ignored by every measure.

>>> import networkx as nx
>>> t = centrality_table(nx.florentine_families_graph())
>>> float(round(t.loc["Medici", "betweenness"], 4)), int(t.loc["Medici", "core_number"])
(0.522, 2)
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from analysis.network import engine

MEASURES = ["degree", "betweenness", "closeness", "eigenvector", "constraint", "core_number", "coreness"]


def _clean(g: nx.Graph) -> nx.Graph:
    if g.is_multigraph():
        h, nodes = engine.to_igraph(g)
        simple = nx.DiGraph() if g.is_directed() else nx.Graph()
        simple.add_nodes_from(nodes)
        simple.add_weighted_edges_from((nodes[e.source], nodes[e.target], e["weight"]) for e in h.es)
        g = simple
    if nx.number_of_selfloops(g):
        g = g.copy()
        g.remove_edges_from(list(nx.selfloop_edges(g)))
    return g


def eigenvector(g: nx.Graph, weight: str = "weight") -> pd.Series:
    """Eigenvector centrality (Bonacich 1972) on the undirected view, computed within each
    connected component and scaled to unit Euclidean norm there.

    For a connected graph this equals networkx's ``eigenvector_centrality_numpy``; on a
    disconnected one (many separate cases) it keeps every component's ranking instead of
    giving zero to all but the component with the largest eigenvalue. Isolates get 0.
    """
    g = _clean(g)
    und = nx.Graph(g.to_undirected()) if g.is_directed() else g
    out = pd.Series(0.0, index=list(g.nodes()), name="eigenvector")
    for comp in nx.connected_components(und):
        if len(comp) < 2:
            continue
        sub = und.subgraph(comp)
        h, nodes = engine.to_igraph(sub, weight)
        vals = np.asarray(h.eigenvector_centrality(scale=False, weights=h.es["weight"]), dtype=float)
        vals = np.abs(vals) / (np.linalg.norm(vals) or 1.0)
        out.loc[nodes] = vals
    return out


def constraint(g: nx.Graph, weight: str = "weight") -> pd.Series:
    """Burt's (1992) network constraint; equals ``networkx.constraint``. Isolates get NaN
    (constraint is undefined without contacts)."""
    g = _clean(g)
    h, nodes = engine.to_igraph(g, weight)
    vals = np.asarray(h.constraint(weights=h.es["weight"] if h.ecount() else None), dtype=float)
    return pd.Series(vals, index=nodes, name="constraint")


def core_number(g: nx.Graph) -> pd.Series:
    """k-core number (Seidman 1983) on the undirected simple view; equals ``networkx.core_number``."""
    g = _clean(g)
    und = nx.Graph(g.to_undirected()) if g.is_directed() else g
    h, nodes = engine.to_igraph(und)
    h.simplify()
    return pd.Series(h.coreness(mode="all"), index=nodes, name="core_number").astype(int)


def core_periphery(g: nx.Graph, *, max_iter: int = 500, tol: float = 1e-10) -> pd.DataFrame:
    """Borgatti & Everett (2000) core–periphery, **continuous** model, fitted by minimum
    residuals: find coreness ``c`` minimising ``sum_{i != j} (a_ij - c_i c_j)^2`` on the
    undirected binary adjacency, by the fixed-point update
    ``c_i = sum_{j != i} a_ij c_j / sum_{j != i} c_j^2`` (scaled to unit norm).

    Also returns a discrete split: ``is_core`` marks the top-k actors by coreness, with k
    chosen to maximise the correlation between the observed ties and the ideal pattern
    (core–core tie = 1, periphery–periphery = 0, core–periphery pairs left out), i.e.
    Borgatti–Everett's discrete model with the off-diagonal block ignored.

    >>> import networkx as nx
    >>> g = nx.complete_graph(4); g.add_edges_from([(0, 4), (1, 5), (2, 6), (3, 7)])
    >>> cp = core_periphery(g)
    >>> sorted(cp.index[cp["is_core"]])
    [0, 1, 2, 3]
    """
    g = _clean(g)
    nodes = list(g.nodes())
    n = len(nodes)
    if n == 0:
        return pd.DataFrame({"coreness": [], "is_core": []})
    und = nx.Graph(g.to_undirected()) if g.is_directed() else g
    a = (nx.to_numpy_array(und, nodelist=nodes, weight=None) > 0).astype(float)
    c = a.sum(axis=1)
    c = c / (np.linalg.norm(c) or 1.0)
    for _ in range(max_iter):
        denom = (c ** 2).sum() - c ** 2
        new = np.divide(a @ c, denom, out=np.zeros(n), where=denom > 0)
        norm = np.linalg.norm(new)
        if norm == 0:
            break
        new = new / norm
        if np.abs(new - c).max() < tol:
            c = new
            break
        c = new
    order = np.argsort(-c, kind="stable")
    # Move actors into the core one at a time, updating tie counts in O(n) per step.
    core = np.zeros(n, dtype=bool)
    ties_core, ties_per = 0.0, a.sum() / 2
    best_k, best_r = 0, -np.inf
    for k in range(1, n):
        v = order[k - 1]
        ties_core += a[v, core].sum()
        ties_per -= a[v, ~core].sum()  # v itself has no self-tie
        core[v] = True
        n_cc, n_pp = k * (k - 1) / 2, (n - k) * (n - k - 1) / 2
        pairs, sx, sy, sxy = n_cc + n_pp, ties_core + ties_per, n_cc, ties_core
        den = (pairs * sx - sx ** 2) * (pairs * sy - sy ** 2)
        if den <= 0:
            continue
        r = (pairs * sxy - sx * sy) / np.sqrt(den)
        if r > best_r + 1e-12:
            best_k, best_r = k, float(r)
    is_core = np.zeros(n, dtype=bool)
    is_core[order[:best_k]] = True
    out = pd.DataFrame({"coreness": c, "is_core": is_core}, index=nodes)
    out.attrs["fit_correlation"] = best_r if best_k else float("nan")
    return out


def centrality_table(g: nx.Graph, *, k: int | None = None, seed: int = 0) -> pd.DataFrame:
    """All actor measures for ``g`` as a table indexed by node id (columns ``MEASURES``).

    ``k`` samples betweenness from ``k`` sources (Brandes & Pich 2007); ``None`` is exact.
    Degree counts distinct neighbours; closeness is Wasserman–Faust reach-scaled;
    ``coreness`` (continuous core–periphery) is left empty above 3,000 actors, where its
    dense fit would need too much memory. An empty graph gives an empty table with the same
    columns.
    """
    g = _clean(g)
    if g.number_of_nodes() == 0:
        return pd.DataFrame(columns=MEASURES, dtype=float)
    t = pd.DataFrame(index=pd.Index(list(g.nodes()), name="node"))
    t["degree"] = engine.degree(g)
    t["betweenness"] = engine.betweenness(g, k=k, seed=seed)
    t["closeness"] = engine.closeness(g)
    t["eigenvector"] = eigenvector(g)
    t["constraint"] = constraint(g)
    t["core_number"] = core_number(g)
    if g.number_of_nodes() <= 3000:  # dense n x n fit; beyond that the column stays empty
        t["coreness"] = core_periphery(g)["coreness"]
    else:
        t["coreness"] = np.nan
    return t


# --------------------------------------------------------------------------------------------
# Whole-network measures: density, Freeman centralization
# --------------------------------------------------------------------------------------------

CENTRALIZATION_MEASURES = ("degree", "betweenness", "closeness")


def _simple(g: nx.Graph) -> nx.Graph:
    """Binary simple view: parallel ties merged, self-loops dropped."""
    return _clean(g)


def density(g: nx.Graph) -> float:
    """Share of possible ties present: ``m / (n (n - 1) / 2)`` undirected, ``m / (n (n - 1))``
    directed; parallel ties count once and self-loops not at all. NaN below two actors.

    >>> density(nx.path_graph(3))
    0.6666666666666666
    """
    g = _simple(g)
    n = g.number_of_nodes()
    if n < 2:
        return float("nan")
    return float(nx.density(g))


def _degree_array(g: nx.Graph, mode: str) -> np.ndarray:
    if g.is_directed():
        if mode == "out":
            return np.array([d for _, d in g.out_degree()], dtype=float)
        if mode == "in":
            return np.array([d for _, d in g.in_degree()], dtype=float)
        und = nx.Graph(g.to_undirected())
        return np.array([und.degree(v) for v in g.nodes()], dtype=float)
    return np.array([d for _, d in g.degree()], dtype=float)


def centralization_max(n: int, measure: str = "degree", *, directed: bool = False, mode: str = "all") -> float:
    """Largest possible ``sum_i (c_max - c_i)`` over graphs of ``n`` actors: the value on the
    star, the graph Freeman (1979) shows to be maximally centralised for all three measures.

    * degree (raw counts): ``(n - 1)(n - 2)``; directed in- or out-degree, on the out- or
      in-star: ``(n - 1)^2``;
    * betweenness (normalised to [0, 1] as networkx): ``n - 1`` (reciprocal star if directed);
    * closeness (normalised, ``(n - 1) / sum d``): ``(n - 1)(n - 2) / (2n - 3)``.

    >>> centralization_max(5), centralization_max(5, "betweenness"), centralization_max(5, "closeness")
    (12, 4, 1.7142857142857142)
    """
    if n < 3:
        return float("nan")
    if measure == "degree":
        if directed and mode in ("in", "out"):
            return (n - 1) ** 2
        return (n - 1) * (n - 2)
    if measure == "betweenness":
        return n - 1
    if measure == "closeness":
        return (n - 1) * (n - 2) / (2 * n - 3)
    raise ValueError(f"measure must be one of {CENTRALIZATION_MEASURES}, got {measure!r}")


def centralization(g: nx.Graph, measure: str = "degree", *, mode: str = "all") -> float:
    """Freeman's (1978/79, *Social Networks* 1:215–239) group centralization: the summed gap
    between the most central actor and every other, ``sum_i (c_max - c_i)``, as a share of
    its largest possible value (the star of the same size, ``centralization_max``). 1 for a
    star, 0 when every actor is equally central.

    Actor scores: ``degree`` counts distinct neighbours (ties are binary, self-loops and
    parallel ties ignored); ``betweenness`` is Freeman's, normalised as networkx;
    ``closeness`` is networkx's (Wasserman–Faust reach-scaled, so a disconnected graph is
    allowed). Directed graphs: ``mode="out"`` or ``"in"`` uses out- or in-degree with the
    out-/in-star maximum ``(n - 1)^2`` (as R's sna ``centralization(..., cmode="outdegree")``);
    ``mode="all"`` (default) reads degree on the undirected view. Directed betweenness and
    closeness (incoming distances, as networkx) are divided by their value on the reciprocal
    star. NaN below three actors.

    The published figure for the Mexican southern-border trafficking network (34 actors,
    density 0.401, degree centralization 44.32 %) is this convention.

    >>> centralization(nx.star_graph(4)), centralization(nx.complete_graph(4))
    (1.0, 0.0)
    >>> round(centralization(nx.path_graph(4)), 4)
    0.3333
    """
    if measure not in CENTRALIZATION_MEASURES:
        raise ValueError(f"measure must be one of {CENTRALIZATION_MEASURES}, got {measure!r}")
    if mode not in ("all", "in", "out"):
        raise ValueError(f"mode must be 'all', 'in' or 'out', got {mode!r}")
    g = _simple(g)
    n = g.number_of_nodes()
    if n < 3:
        return float("nan")
    if measure == "degree":
        c = _degree_array(g, mode)
    elif measure == "betweenness":
        c = engine.betweenness(g, weight=None).reindex(list(g.nodes())).to_numpy(dtype=float)
    else:
        c = engine.closeness(g).reindex(list(g.nodes())).to_numpy(dtype=float)
    denom = centralization_max(n, measure, directed=g.is_directed(), mode=mode)
    return float((c.max() - c).sum() / denom)


# --------------------------------------------------------------------------------------------
# Burt's structural holes: effective size and efficiency
# --------------------------------------------------------------------------------------------


def effective_size(g: nx.Graph, weight: str | None = None) -> pd.DataFrame:
    """Burt's (1992, *Structural Holes*, ch. 2) effective size and efficiency per actor.

    Effective size is the number of an actor's contacts minus their redundancy,
    ``sum_j (1 - sum_q p_iq m_jq)`` over contacts ``j`` of ``i`` (``q != i, j``), where
    ``p_iq`` is the share of ``i``'s (mutual, in + out) tie strength spent on ``q`` and
    ``m_jq`` is ``j``'s tie to ``q`` divided by ``j``'s strongest tie. On a binary undirected
    graph this is Borgatti's (1997) ``n - 2t/n`` (``t`` ties among the ``n`` contacts).
    Efficiency is effective size over the number of contacts. Equal to
    ``networkx.effective_size`` evaluated node by node (``nodes=...``; networkx 3.6's
    all-nodes sparse shortcut gives other values on weighted or directed graphs); computed with sparse matrix products, so it scales to the
    whole actor network. Actors without contacts get NaN.

    >>> t = effective_size(nx.star_graph(3))
    >>> t.loc[0].tolist(), t.loc[1].tolist()
    ([3.0, 1.0], [1.0, 1.0])
    """
    import scipy.sparse as sp

    g = _clean(g)
    nodes = list(g.nodes())
    if not nodes:
        return pd.DataFrame({"effective_size": [], "efficiency": []})
    a = nx.to_scipy_sparse_array(g, nodelist=nodes, weight=weight, format="csr", dtype=float)
    if weight is None:
        a.data[:] = 1.0
    z = sp.csr_matrix(a + a.T)
    z.eliminate_zeros()
    rowsum = np.asarray(z.sum(axis=1)).ravel()
    rowmax = z.max(axis=1).toarray().ravel()
    inv = lambda v: sp.diags(np.divide(1.0, v, out=np.zeros_like(v), where=v > 0))  # noqa: E731
    p, m = inv(rowsum) @ z, inv(rowmax) @ z
    redundancy = (p @ m.T).multiply(z > 0)
    contacts = np.diff(z.indptr).astype(float)
    red = np.asarray(redundancy.sum(axis=1)).ravel()
    with np.errstate(invalid="ignore", divide="ignore"):
        esize = np.where(contacts > 0, contacts - red, np.nan)
        eff = np.where(contacts > 0, esize / contacts, np.nan)
    return pd.DataFrame({"effective_size": esize, "efficiency": eff}, index=pd.Index(nodes, name="node"))


# --------------------------------------------------------------------------------------------
# Mixing by attribute: E–I index and assortativity
# --------------------------------------------------------------------------------------------

ALL_GROUPS = "(all)"


def _groups_of(g: nx.Graph, groups) -> dict:
    """Node -> group from a mapping or a node attribute name; nodes without one are left out."""
    if isinstance(groups, str):
        groups = dict(g.nodes(data=groups))
    return {n: v for n, v in groups.items() if n in g and v is not None and not (isinstance(v, float) and np.isnan(v))}


def _coded_edges(g: nx.Graph, groups) -> tuple[np.ndarray, np.ndarray, list, np.ndarray]:
    """Group codes of every tie's two ends (ties with an ungrouped end dropped), the group
    list and each group's number of actors."""
    g = _clean(g)
    grp = _groups_of(g, groups)
    cats = sorted(set(grp.values()), key=str)
    code = {c: i for i, c in enumerate(cats)}
    sizes = np.bincount([code[v] for v in grp.values()], minlength=len(cats))
    pairs = [(code[grp[u]], code[grp[v]]) for u, v in g.edges() if u in grp and v in grp]
    arr = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    return arr[:, 0], arr[:, 1], cats, sizes


def ei_index(g: nx.Graph, groups) -> pd.DataFrame:
    """Krackhardt & Stern's (1988, *Social Psychology Quarterly* 51:123–140) E–I index,
    ``(E - I) / (E + I)`` with ``E`` the ties leaving a group and ``I`` the ties inside it:
    −1 when all ties stay inside groups, +1 when all cross.

    ``groups`` is a node -> group mapping or a node attribute name (role, province, kind …);
    actors without a group and their ties are left out. One row per group, plus the whole
    network in row ``"(all)"``. ``ei_expected`` is the index a random graph would show with
    the same group sizes (possible external vs internal pairs), the baseline Krackhardt and
    Stern compare against. Undirected ties count once; directed arcs each count.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> t = ei_index(g, {"a": "X", "b": "X", "c": "Y", "d": "Y"})
    >>> t[["internal", "external", "ei"]].loc["(all)"].tolist()
    [2.0, 1.0, -0.3333333333333333]
    >>> float(t.loc["(all)", "ei_expected"])
    0.3333333333333333
    """
    src, dst, cats, sizes = _coded_edges(g, groups)
    k = len(cats)
    directed = g.is_directed()
    same = src == dst
    internal = np.bincount(src[same], minlength=k).astype(float)
    external = (np.bincount(src[~same], minlength=k) + np.bincount(dst[~same], minlength=k)).astype(float)
    n = sizes.sum()
    f = 1 if directed else 0.5
    int_pairs = sizes * (sizes - 1) * f
    ext_pairs = sizes * (n - sizes) * (2 * f)
    rows = pd.DataFrame({"n_actors": sizes, "internal": internal, "external": external,
                         "int_pairs": int_pairs, "ext_pairs": ext_pairs}, index=pd.Index(cats, dtype=object))
    tot_pairs = n * (n - 1) * f
    rows.loc[ALL_GROUPS] = [n, internal.sum(), float((~same).sum()), int_pairs.sum(), tot_pairs - int_pairs.sum()]
    with np.errstate(invalid="ignore", divide="ignore"):
        rows["ei"] = (rows["external"] - rows["internal"]) / (rows["external"] + rows["internal"])
        rows["ei_expected"] = (rows["ext_pairs"] - rows["int_pairs"]) / (rows["ext_pairs"] + rows["int_pairs"])
    rows.index.name = "group"
    rows["n_actors"] = rows["n_actors"].astype(int)
    return rows[["n_actors", "internal", "external", "ei", "ei_expected"]]


def assortativity(g: nx.Graph, groups) -> float:
    """Newman's (2003, *Phys. Rev. E* 67:026126) assortativity coefficient for a categorical
    attribute: ``r = (sum_i e_ii - sum_i a_i b_i) / (1 - sum_i a_i b_i)`` from the mixing
    matrix ``e`` of tie ends (undirected ties read both ways). 1 = ties only within groups,
    0 = as random, negative = ties prefer other groups. Equals
    ``networkx.attribute_assortativity_coefficient`` on simple graphs; actors without a
    group are left out. NaN when there are no ties or a single group.

    >>> g = nx.Graph([("a", "b"), ("c", "d")])
    >>> assortativity(g, {"a": "X", "b": "X", "c": "Y", "d": "Y"})
    1.0
    """
    src, dst, cats, _ = _coded_edges(g, groups)
    k = len(cats)
    if len(src) == 0 or k < 2:
        return float("nan")
    if not g.is_directed():
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    e = np.bincount(src * k + dst, minlength=k * k).reshape(k, k).astype(float)
    e /= e.sum()
    ab = float(e.sum(axis=1) @ e.sum(axis=0))
    if ab >= 1:
        return float("nan")
    return float((np.trace(e) - ab) / (1 - ab))


def mixing_table(g: nx.Graph, attributes) -> pd.DataFrame:
    """E–I index (observed and expected) and assortativity for each node attribute named in
    ``attributes`` (e.g. ``["role", "province", "kind"]``), one row per attribute.

    >>> g = nx.Graph([("a", "b"), ("c", "d")])
    >>> nx.set_node_attributes(g, {"a": "X", "b": "X", "c": "Y", "d": "Y"}, "kind")
    >>> t = mixing_table(g, ["kind"])
    >>> int(t.loc["kind", "n_groups"]), float(t.loc["kind", "ei"]), float(t.loc["kind", "assortativity"])
    (2, -1.0, 1.0)
    """
    rows = []
    for attr in attributes:
        ei = ei_index(g, attr)
        whole = ei.loc[ALL_GROUPS]
        rows.append({"attribute": attr, "n_actors": int(whole["n_actors"]), "n_groups": len(ei) - 1,
                     "n_ties": int(whole["internal"] + whole["external"]), "ei": float(whole["ei"]),
                     "ei_expected": float(whole["ei_expected"]), "assortativity": assortativity(g, attr)})
    cols = ["n_actors", "n_groups", "n_ties", "ei", "ei_expected", "assortativity"]
    return pd.DataFrame(rows, columns=["attribute"] + cols).set_index("attribute")


# --------------------------------------------------------------------------------------------
# Triad census
# --------------------------------------------------------------------------------------------

TRIAD_TYPES = ("003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C",
               "201", "120D", "120U", "120C", "210", "300")


def triad_census(g: nx.Graph) -> pd.Series:
    """Holland & Leinhardt's (1976) census of the 16 isomorphism classes of directed triads
    (MAN labels: mutual, asymmetric, null dyads), counted by igraph in O(m·d) time; equal to
    ``networkx.triadic_census``. An undirected graph is read as all-mutual ties (only 003,
    102, 201 and 300 occur). Self-loops and parallel ties are ignored.

    >>> triad_census(nx.DiGraph([(0, 1), (1, 2)]))[["012", "021C"]].tolist()
    [0, 1]
    """
    g = _clean(g)
    d = g if g.is_directed() else g.to_directed()
    h, _ = engine.to_igraph(d)
    return pd.Series(list(h.triad_census()), index=list(TRIAD_TYPES), name="count", dtype="int64")


def network_table(g: nx.Graph, name: str = "network") -> pd.DataFrame:
    """Whole-network measures in one row indexed by ``name``: actors, ties (binary, loops
    dropped), density, connected components (weak, if directed), Freeman degree, betweenness
    and closeness centralization (``centralization``) and transitivity on the undirected view.

    >>> t = network_table(nx.star_graph(4), "star")
    >>> t.loc["star", ["n_actors", "n_ties", "degree_centralization"]].tolist()
    [5.0, 4.0, 1.0]
    """
    g = _clean(g)
    und = nx.Graph(g.to_undirected()) if g.is_directed() else g
    row = {"n_actors": g.number_of_nodes(), "n_ties": g.number_of_edges(), "density": density(g),
           "n_components": nx.number_connected_components(und) if len(und) else 0}
    for m in CENTRALIZATION_MEASURES:
        row[f"{m}_centralization"] = centralization(g, m)
    row["transitivity"] = nx.transitivity(und) if len(und) else float("nan")
    return pd.DataFrame([row], index=pd.Index([name], name="network")).astype(float)
