"""Positions: actors grouped by the pattern of their ties rather than by who they are tied to
directly.

* **Structural equivalence** (Lorrain & White 1971, *J. Math. Sociology* 1:49–80; measured as
  in Burt 1976 and Breiger, Boorman & Arabie 1975 / CONCOR): two actors are equivalent when
  they have the same ties to the same others. Similarity is the Pearson correlation of their
  rows and columns of the adjacency matrix with the two actors' own cells left out; positions
  are the clusters of an average-linkage tree cut at ``1 - min_corr``. Equivalent actors must
  share contacts, so this finds positions within one syndicate.
* **Role equivalence** (Burt 1990; in the spirit of Winship & Mandel's role sets): two actors
  are equivalent when they send and receive the same *kinds* of ties, whoever the partners
  are. Each actor is described by its number of distinct partners per relation and direction
  (``out:recruited``, ``in:paid``, …), optionally by the kinds of its partners; profiles are
  compared by cosine similarity of ``log(1 + count)`` so that a recruiter of three victims and
  a recruiter of thirty share a position. This finds recruiter-like positions *across*
  syndicates that never touch.

``actor_positions`` returns one row per actor with its position and the position's profile:
size, the number of connected components (syndicates) it spans, its two most typical tie
kinds as a readable label, and the mean profile.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for s in ("1", "2"):
...     _ = g.add_edge("boss" + s, "rec" + s, relation="ordered")
...     for v in ("a", "b"):
...         _ = g.add_edge("rec" + s, "vic" + s + v, relation="recruited")
>>> t = actor_positions(g)
>>> bool(t.loc["rec1", "position"] == t.loc["rec2", "position"]), t.loc["rec1", "position_label"]
(True, 'out:recruited, in:ordered')
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform


def _cut(dist: np.ndarray, max_dist: float, k: int | None, weights: np.ndarray | None = None) -> np.ndarray:
    """Average-linkage clusters of a square distance matrix, cut at ``max_dist`` (or into
    ``k`` clusters), numbered 1.. by first appearance."""
    n = len(dist)
    if n == 1:
        return np.ones(1, dtype=int)
    z = linkage(squareform(np.clip(dist, 0, None), checks=False), method="average")
    lab = fcluster(z, t=k, criterion="maxclust") if k else fcluster(z, t=max_dist, criterion="distance")
    _, first = np.unique(lab, return_index=True)
    order = {lab[i]: r + 1 for r, i in enumerate(sorted(first))}
    return np.array([order[x] for x in lab])


def se_correlation(g: nx.Graph) -> pd.DataFrame:
    """Structural-equivalence similarity: for every pair of actors, the Pearson correlation of
    their out- and in-ties (rows and columns of the binary adjacency matrix) over all *other*
    actors — the cells between the two actors themselves are left out, as in UCINET and
    Wasserman & Faust (1994, ch. 9). An undirected graph uses rows only. When a profile is
    constant over those cells the correlation is undefined; it is then 1 if the two
    profiles are identical (e.g. both tied to everyone else) and 0 otherwise.

    >>> r = se_correlation(nx.complete_bipartite_graph(2, 3))
    >>> float(r.loc[0, 1]), float(r.loc[2, 3]), float(r.loc[0, 2])
    (1.0, 1.0, -1.0)
    """
    nodes = list(g.nodes())
    n = len(nodes)
    a = nx.to_numpy_array(nx.DiGraph(g) if g.is_directed() else nx.Graph(g), nodelist=nodes, weight=None)
    np.fill_diagonal(a, 0)
    a = (a > 0).astype(float)
    x = np.hstack([a, a.T]) if g.is_directed() else a
    halves = 2 if g.is_directed() else 1
    cells = halves * (n - 2)
    s = x.sum(axis=1)
    # sums over cells k != i, j: drop actor j's cells from i's profile (own cells are zero)
    drop = a + (a.T if g.is_directed() else 0)  # x[i, j] + x[i, n + j]
    si = s[:, None] - drop
    sj = s[None, :] - drop.T
    cross = x @ x.T  # excluded cells contribute nothing: x[i, i] = x[j, j] = 0
    # the excluded cells of j's profile in i's columns are x[j, i] (and x[j, n+i]) times x[i, i] = 0
    sxx, syy = si, sj  # binary: sum of squares equals sum
    with np.errstate(invalid="ignore", divide="ignore"):
        num = cells * cross - si * sj
        den = np.sqrt((cells * sxx - si ** 2) * (cells * syy - sj ** 2))
        r = np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)
    const_i = (si == 0) | (si == cells)
    const_j = (sj == 0) | (sj == cells)
    r = np.where((den <= 0) & const_i & const_j & (si == sj), 1.0, r)
    np.fill_diagonal(r, 1.0)
    return pd.DataFrame(r, index=nodes, columns=nodes)


def structural_positions(g: nx.Graph, *, min_corr: float = 0.5, k: int | None = None) -> pd.Series:
    """Structurally equivalent positions: average-linkage clusters of ``1 - se_correlation``
    cut where the average within-cluster correlation falls below ``min_corr`` (or into
    ``k`` positions). Positions are numbered 1.. in node order.

    >>> structural_positions(nx.complete_bipartite_graph(2, 3)).tolist()
    [1, 1, 2, 2, 2]
    """
    nodes = list(g.nodes())
    if not nodes:
        return pd.Series(dtype=int, name="position")
    if len(nodes) < 3:
        return pd.Series(range(1, len(nodes) + 1), index=nodes, name="position")
    r = se_correlation(g).to_numpy()
    return pd.Series(_cut(1 - r, 1 - min_corr, k), index=nodes, name="position")


def role_profiles(g: nx.Graph, *, relation: str = "relation", kind: str | None = None) -> pd.DataFrame:
    """Number of distinct partners per tie kind and direction for every actor: columns
    ``out:<relation>`` and ``in:<relation>`` (undirected graphs: ``tie:<relation>``), plus
    ``partner:<kind>`` counts when ``kind`` names a node attribute. Ties without a
    ``relation`` attribute count as ``tie``; self-loops are ignored.

    >>> g = nx.MultiDiGraph([("r", "v", {"relation": "recruited"}), ("v", "r", {"relation": "paid"})])
    >>> role_profiles(g).loc["r"].to_dict()
    {'in:paid': 1, 'in:recruited': 0, 'out:paid': 0, 'out:recruited': 1}
    """
    directed = g.is_directed()
    rows = []
    edges = g.edges(data=relation, default="tie") if not g.is_multigraph() else \
        ((u, v, d) for u, v, d in g.edges(data=relation, default="tie"))
    for u, v, rel in edges:
        if u == v:
            continue
        rel = "tie" if rel is None else str(rel)
        if directed:
            rows.append((u, f"out:{rel}", v))
            rows.append((v, f"in:{rel}", u))
        else:
            rows.append((u, f"tie:{rel}", v))
            rows.append((v, f"tie:{rel}", u))
    if kind is not None:
        kinds = dict(g.nodes(data=kind))
        und = nx.Graph(g)
        for u, v in und.edges():
            if u == v:
                continue
            if kinds.get(v) is not None:
                rows.append((u, f"partner:{kinds[v]}", v))
            if kinds.get(u) is not None:
                rows.append((v, f"partner:{kinds[u]}", u))
    nodes = list(g.nodes())
    if not rows:
        return pd.DataFrame(index=pd.Index(nodes, name="node"))
    long = pd.DataFrame(rows, columns=["node", "feature", "partner"]).drop_duplicates()
    wide = long.groupby(["node", "feature"]).size().unstack(fill_value=0)
    wide = wide.reindex(nodes, fill_value=0).sort_index(axis=1)
    wide.columns.name = None
    wide.index.name = "node"
    return wide.astype(int)


def role_positions(g: nx.Graph, *, relation: str = "relation", kind: str | None = None,
                   min_similarity: float = 0.8, k: int | None = None) -> pd.Series:
    """Role-equivalent positions: average-linkage clusters of cosine distance between actors'
    ``log(1 + role_profiles)``, cut where the average similarity falls below
    ``min_similarity`` (or into ``k`` positions). Identical profiles are clustered once, so
    thousands of actors with few distinct patterns are cheap. Actors without ties get
    position 0.

    >>> g = nx.DiGraph([("r1", "v1"), ("r1", "v2"), ("r2", "v3")])
    >>> role_positions(g).to_dict()
    {'r1': 1, 'v1': 2, 'v2': 2, 'r2': 1, 'v3': 2}
    """
    prof = role_profiles(g, relation=relation, kind=kind)
    nodes = list(prof.index)
    if prof.shape[1] == 0:
        return pd.Series(0, index=nodes, name="position", dtype=int)
    x = np.log1p(prof.to_numpy(dtype=float))
    norms = np.linalg.norm(x, axis=1)
    active = norms > 0
    out = np.zeros(len(nodes), dtype=int)
    if active.any():
        unit = x[active] / norms[active, None]
        uniq, inv = np.unique(np.round(unit, 12), axis=0, return_inverse=True)
        inv = np.asarray(inv).ravel()
        sim = np.clip(uniq @ uniq.T, -1, 1)
        lab = _cut(1 - sim, 1 - min_similarity, k)
        # renumber by first appearance in node order
        per_node = lab[inv]
        _, first = np.unique(per_node, return_index=True)
        order = {per_node[i]: r + 1 for r, i in enumerate(sorted(first))}
        out[active] = [order[v] for v in per_node]
    return pd.Series(out, index=nodes, name="position")


def actor_positions(g: nx.Graph, *, method: str = "role", relation: str = "relation", kind: str | None = None,
                    threshold: float | None = None, k: int | None = None) -> pd.DataFrame:
    """One row per actor: ``position`` (``method="role"``: role equivalence, for positions that
    recur across syndicates; ``"structural"``: structural equivalence within a network), and
    the position's profile: ``position_size``, ``position_components`` (connected components,
    i.e. separate syndicates, its members sit in), ``position_label`` (its two most typical
    tie kinds by mean profile, e.g. ``"out:recruited, in:paid"``) and ``mean:<feature>``, the
    position's mean ``role_profiles`` count per tie kind. ``threshold`` is ``min_similarity``
    (role, default 0.8) or ``min_corr`` (structural, default 0.5).

    >>> t = actor_positions(nx.DiGraph([("r1", "v1"), ("r2", "v2")]))
    >>> r = t.loc["r1"]
    >>> int(r["position"]), int(r["position_size"]), int(r["position_components"]), r["position_label"]
    (1, 2, 2, 'out:tie')
    """
    if method == "role":
        pos = role_positions(g, relation=relation, kind=kind, k=k,
                             min_similarity=0.8 if threshold is None else threshold)
    elif method == "structural":
        pos = structural_positions(g, min_corr=0.5 if threshold is None else threshold, k=k)
    else:
        raise ValueError(f"method must be 'role' or 'structural', got {method!r}")
    prof = role_profiles(g, relation=relation, kind=kind)
    comp = {}
    und = g.to_undirected(as_view=True) if g.is_directed() else g
    for c_id, comp_nodes in enumerate(nx.connected_components(und)):
        for v in comp_nodes:
            comp[v] = c_id
    t = pd.DataFrame({"position": pos})
    t.index.name = "node"
    t["position_size"] = t.groupby("position")["position"].transform("size")
    t["position_components"] = t.assign(c=[comp.get(v) for v in t.index]).groupby("position")["c"].transform("nunique")
    means = prof.groupby(t["position"]).mean() if prof.shape[1] else pd.DataFrame(index=t["position"].unique())
    labels = {}
    for p_, row in means.iterrows():
        top = row[row > 0].sort_values(ascending=False, kind="stable").index[:2].tolist()
        labels[p_] = ", ".join(top) if top else "no ties"
    t["position_label"] = t["position"].map(labels)
    for col in means.columns:
        t[f"mean:{col}"] = t["position"].map(means[col]).astype(float)
    return t
