"""The fast engine: python-igraph behind functions that take networkx graphs and return
pandas objects keyed by the original node ids.

Callers never see igraph objects; ``to_igraph`` keeps the node order so results map back.
Edge weights are read from the ``weight`` attribute (missing -> 1.0).

>>> import networkx as nx
>>> g = nx.path_graph(["a", "b", "c"])
>>> betweenness(g).to_dict()
{'a': 0.0, 'b': 1.0, 'c': 0.0}
"""

from __future__ import annotations

from dataclasses import dataclass

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Prepared:
    """An igraph graph built once from a networkx graph, with the node list in vertex order.

    Functions that accept a networkx graph also accept this, so a caller running several
    of them on one graph pays for the conversion once.

    >>> import networkx as nx
    >>> p = prepare(nx.path_graph(["a", "b", "c"]))
    >>> p.nodes, p.graph.ecount()
    (['a', 'b', 'c'], 2)
    """

    graph: ig.Graph
    nodes: list
    weight: str = "weight"


def prepare(g, weight: str = "weight") -> Prepared:
    """``g`` as a :class:`Prepared` graph (returned unchanged if it already is one)."""
    if isinstance(g, Prepared):
        return g
    h, nodes = _convert(g, weight)
    return Prepared(h, nodes, weight)


def _convert(g: nx.Graph, weight: str) -> tuple[ig.Graph, list]:
    nodes = list(g.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    if g.is_multigraph():
        simple = nx.DiGraph() if g.is_directed() else nx.Graph()
        simple.add_nodes_from(nodes)
        for u, v, w in g.edges(data=weight, default=1.0):
            if simple.has_edge(u, v):
                simple[u][v][weight] += w
            else:
                simple.add_edge(u, v, **{weight: w})
        g = simple
    m = g.number_of_edges()
    # one pass over the ties into flat integer and weight arrays
    flat = np.empty(3 * m, dtype=float)
    flat[:] = [x for u, v, w in g.edges(data=weight, default=1.0) for x in (index[u], index[v], w)]
    arr = flat.reshape(m, 3)
    if np.isnan(arr[:, 2]).any():  # numpy reads a missing (None) weight as NaN
        raise ValueError(f"tie attribute {weight!r} must be a number on every tie (found None or NaN)")
    h = ig.Graph(n=len(nodes), edges=arr[:, :2].astype(np.int64), directed=g.is_directed())
    h.es["weight"] = arr[:, 2].tolist()
    return h, nodes


def edge_array(h: ig.Graph) -> np.ndarray:
    """The ties of ``h`` as an ``(m, 2)`` integer array of vertex indices, in edge order.

    >>> edge_array(ig.Graph([(0, 1), (1, 2)])).tolist()
    [[0, 1], [1, 2]]
    """
    if h.ecount() == 0:
        return np.zeros((0, 2), dtype=np.int64)
    return np.asarray(h.get_edgelist(), dtype=np.int64).reshape(-1, 2)


def to_igraph(g, weight: str = "weight") -> tuple[ig.Graph, list]:
    """networkx graph (or :class:`Prepared`) to (igraph graph, node list in igraph vertex order).

    Multigraph parallel edges are summed into one weighted edge; self-loops are kept as-is
    (callers that must ignore them remove them first). A :class:`Prepared` graph is returned
    as it is, not copied.
    """
    if isinstance(g, Prepared):
        return g.graph, g.nodes
    return _convert(g, weight)


def betweenness(g, *, k: int | None = None, seed: int = 0, normalized: bool = True,
                weight: str | None = None) -> pd.Series:
    """Shortest-path betweenness (Freeman 1977; Brandes 2001 algorithm) via igraph.

    ``k`` samples that many source nodes (Brandes & Pich 2007) and rescales by ``n/k`` so the
    estimate is unbiased for the exact value. Normalisation matches networkx: divide by
    ``(n-1)(n-2)`` (directed) or ``(n-1)(n-2)/2`` (undirected). ``weight`` names an edge
    attribute read as a distance (None = unweighted). ``g`` may be a :class:`Prepared` graph
    (prepared with the same ``weight``), which is then not converted again.
    """
    if weight and isinstance(g, Prepared) and g.weight != weight:
        raise ValueError(f"graph was prepared with weight {g.weight!r}, not {weight!r}")
    h, nodes = to_igraph(g, weight or "weight")
    n = len(nodes)
    if n == 0:
        return pd.Series(dtype=float)
    w = h.es["weight"] if weight else None
    if k is None or k >= n:
        vals = np.asarray(h.betweenness(directed=h.is_directed(), cutoff=None, weights=w), dtype=float)
    else:
        if k < 1:
            raise ValueError(f"k must be >= 1, got {k}")
        rng = np.random.default_rng(seed)
        sources = rng.choice(n, size=k, replace=False).tolist()
        vals = np.asarray(h.betweenness(directed=h.is_directed(), cutoff=None, weights=w, sources=sources),
                          dtype=float)
        vals = vals * (n / k)
    if normalized and n > 2:
        scale = (n - 1) * (n - 2) if h.is_directed() else (n - 1) * (n - 2) / 2
        vals = vals / scale
    return pd.Series(vals, index=nodes, name="betweenness")


def closeness(g: nx.Graph) -> pd.Series:
    """Closeness within each node's reachable set, scaled by reach (Wasserman & Faust 1994),
    which is networkx's ``wf_improved`` default; isolates get 0."""
    h, nodes = to_igraph(g)
    n = len(nodes)
    if n == 0:
        return pd.Series(dtype=float)
    mode = "in" if h.is_directed() else "all"  # networkx uses incoming distances for digraphs
    raw = np.asarray(h.closeness(mode=mode, normalized=True), dtype=float)
    raw = np.nan_to_num(raw, nan=0.0)
    reach = np.array([len(h.subcomponent(i, mode=mode)) - 1 for i in range(n)], dtype=float)
    vals = raw * reach / max(n - 1, 1)
    return pd.Series(vals, index=nodes, name="closeness")


def degree(g: nx.Graph) -> pd.Series:
    """Number of distinct neighbours (in + out for directed graphs), self-loops not counted."""
    h = nx.Graph(g) if not g.is_directed() else g
    vals = {n: sum(1 for m in nx.all_neighbors(h, n) if m != n) for n in h.nodes()}
    return pd.Series(vals, dtype=float, name="degree").reindex(list(g.nodes()))


def undirected_simple(g, weight: str = "weight") -> tuple[ig.Graph, list]:
    """Undirected igraph view with self-loops dropped and parallel/reciprocal ties summed.
    A :class:`Prepared` graph that is already undirected and simple is used as it is."""
    h, nodes = to_igraph(g, weight)
    if isinstance(g, Prepared):
        if not h.is_directed() and h.is_simple():
            return h, nodes
        h = h.copy()
    if h.is_directed():
        h.to_undirected(mode="collapse", combine_edges="sum")
    h.simplify(multiple=True, loops=True, combine_edges="sum")
    return h, nodes


def leiden_memberships(h: ig.Graph, *, resolution: float = 1.0, seeds=(0,), backend: str = "igraph",
                       n_iterations: int = 2, node_weights=None, total_weight: float | None = None) -> np.ndarray:
    """Leiden runs (Traag, Waltman & van Eck 2019) maximising modularity with a resolution
    parameter (Reichardt & Bornholdt 2006) on an undirected igraph graph; one row of
    community indices per seed. ``backend`` is igraph's built-in Leiden or ``leidenalg``.
    ``n_iterations=2`` is igraph's default; a negative value iterates until no improvement.

    ``node_weights`` with ``total_weight`` optimise the modularity of a larger graph ``G``
    restricted to ``h`` (a union of components of ``G``): modularity equals the constant
    Potts model with node weights = strengths in ``G`` and resolution ``gamma / (2 m_G)``
    (always run with igraph's Leiden).
    """
    import random

    w = h.es["weight"] if h.ecount() else None
    out = np.empty((len(seeds), h.vcount()), dtype=np.int64)
    for i, seed in enumerate(seeds):
        if node_weights is not None:
            random.seed(seed)
            memb = h.community_leiden(objective_function="CPM", weights=w, node_weights=list(node_weights),
                                      resolution=resolution / (2 * total_weight),
                                      n_iterations=n_iterations).membership
        elif backend == "igraph":
            random.seed(seed)  # igraph draws from Python's random module
            memb = h.community_leiden(objective_function="modularity", weights=w, resolution=resolution,
                                      n_iterations=n_iterations).membership
        elif backend == "leidenalg":
            import leidenalg

            memb = leidenalg.find_partition(h, leidenalg.RBConfigurationVertexPartition, weights=w,
                                            resolution_parameter=resolution, seed=seed,
                                            n_iterations=n_iterations).membership
        else:
            raise ValueError(f"unknown backend {backend!r}; use 'igraph' or 'leidenalg'")
        out[i] = memb
    return out


def leiden(g: nx.Graph, *, resolution: float = 1.0, seed: int = 0, weight: str = "weight",
           backend: str = "igraph") -> pd.Series:
    """One Leiden run on ``g`` (directed ties read as undirected); node -> community index.

    >>> import networkx as nx
    >>> g = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(4))
    >>> leiden(g).tolist()
    [0, 0, 0, 0, 1, 1, 1, 1]
    """
    if g.number_of_nodes() == 0:
        return pd.Series(dtype=int, name="community")
    h, nodes = undirected_simple(g, weight)
    memb = leiden_memberships(h, resolution=resolution, seeds=(seed,), backend=backend)[0]
    return pd.Series(memb, index=nodes, name="community")


def nmi(a, b) -> float:
    """Normalised mutual information, ``2 I(A;B) / (H(A) + H(B))`` (Danon et al. 2005),
    between two labelings of the same nodes; 1.0 when both put everyone in one group.

    >>> nmi([0, 0, 1, 1], ["x", "x", "y", "y"]), nmi([0, 0, 1, 1], [0, 1, 0, 1])
    (1.0, 0.0)
    """
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        raise ValueError("labelings differ in length")
    n = a.size
    if n == 0:
        return float("nan")
    _, ia = np.unique(a, return_inverse=True)
    _, ib = np.unique(b, return_inverse=True)
    ka, kb = ia.max() + 1, ib.max() + 1
    joint = np.bincount(ia * kb + ib, minlength=ka * kb).astype(float) / n
    pa, pb = np.bincount(ia).astype(float) / n, np.bincount(ib).astype(float) / n
    ha, hb = -(pa * np.log(pa)).sum(), -(pb * np.log(pb)).sum()
    if ha + hb == 0:
        return 1.0
    nz = joint > 0
    outer = (pa[:, None] * pb[None, :]).ravel()
    mi = (joint[nz] * np.log(joint[nz] / outer[nz])).sum()
    return float(max(0.0, min(1.0, 2 * mi / (ha + hb))))


def modularity(g: nx.Graph, membership: pd.Series, *, resolution: float = 1.0, weight: str = "weight") -> float:
    """Newman–Girvan modularity of a partition given as node -> community (undirected view)."""
    h, nodes = undirected_simple(g, weight)
    if h.ecount() == 0:
        return 0.0
    memb = membership.reindex(nodes).to_numpy()
    return float(h.modularity(memb.tolist(), weights=h.es["weight"], resolution=resolution))
