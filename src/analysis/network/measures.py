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
