"""Significance tests for whole-network statistics: conditional uniform graph (CUG) tests
and QAP graph correlation between relation layers.

* **CUG** (Anderson, Butts & Carley 1999, *Social Networks* 21:239–267): is an observed
  statistic (density, Freeman centralization) unusual among random graphs that share some of
  the observed graph's properties? ``condition="size"`` draws graphs with the same number of
  actors, each tie present with probability ``p`` (0.5 by default, as R's sna ``cug.test``);
  ``condition="edges"`` draws uniformly among graphs with the same number of actors and ties
  (so the same density). Null graphs are drawn as integer arrays of tie ends (no networkx),
  degree-based statistics are counted with ``bincount`` and path-based ones in igraph.
* **QAP** (Krackhardt 1987, *Social Networks* 9:171–186; 1988, 10:359–381): the graph
  correlation ``gcor`` of two relations on the same actors (Pearson correlation over all
  ordered — or, undirected, unordered — pairs of distinct actors), tested against
  relabelling the actors of one relation at random, which keeps each relation's structure
  intact. Only the ties are touched, so it runs on sparse networks of thousands of actors.

Both return ``p_ge`` and ``p_le``, the shares of the null at least and at most as large as
the observed value (sna's ``Pr(X>=Obs)`` and ``Pr(X<=Obs)``).

>>> import networkx as nx
>>> r = cug_test(nx.star_graph(9), "degree_centralization", condition="edges", n_sim=200)
>>> float(r["observed"]), bool(r["p_ge"] < 0.01)
(1.0, True)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from analysis.network import engine
from analysis.network.measures import _clean, centralization, centralization_max, density

STATISTICS = ("density", "degree_centralization", "betweenness_centralization", "closeness_centralization")
CONDITIONS = ("size", "edges")
RESULT_COLUMNS = ["test", "statistic", "condition", "observed", "null_mean", "null_sd", "p_ge", "p_le", "n_sim"]


# --------------------------------------------------------------------------------------------
# Random graphs as arrays of tie ends
# --------------------------------------------------------------------------------------------


def _n_pairs(n: int, directed: bool) -> int:
    return n * (n - 1) if directed else n * (n - 1) // 2


def _decode_pairs(k: np.ndarray, n: int, directed: bool) -> tuple[np.ndarray, np.ndarray]:
    """Pair numbers ``0 .. N-1`` to tie ends: ordered ``i != j`` (directed) or ``i < j``."""
    if directed:
        i = k // (n - 1)
        j = k % (n - 1)
        return i, j + (j >= i)
    # row i of the upper triangle starts at i*n - i*(i+1)/2 - i ... invert the triangular number
    kk = k.astype(np.float64)
    i = (n - 2 - np.floor(np.sqrt(-8 * kk + 4 * n * (n - 1) - 7) / 2 - 0.5)).astype(np.int64)
    j = k + i + 1 - n * (n - 1) // 2 + (n - i) * (n - i - 1) // 2
    return i, j


def random_ties(n: int, m: int, rng: np.random.Generator, *, directed: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``m`` distinct ties drawn uniformly among the ``n (n - 1) [/ 2]`` possible ones, as two
    arrays of tie ends (Erdős–Rényi G(n, m)).

    >>> i, j = random_ties(5, 10, np.random.default_rng(0))
    >>> sorted(zip(i.tolist(), j.tolist())) == [(a, b) for a in range(5) for b in range(a + 1, 5)]
    True
    """
    total = _n_pairs(n, directed)
    if not 0 <= m <= total:
        raise ValueError(f"cannot place {m} ties among {total} pairs")
    k = rng.choice(total, size=m, replace=False)
    return _decode_pairs(np.asarray(k, dtype=np.int64), n, directed)


def _statistic_from_ties(name: str, n: int, i: np.ndarray, j: np.ndarray, directed: bool) -> float:
    """``name`` on the graph with ``n`` actors and ties ``i -> j`` (no duplicates, no loops),
    in the same conventions as ``measures.density`` / ``measures.centralization``."""
    if name == "density":
        return len(i) / _n_pairs(n, directed)
    if name == "degree_centralization":
        if directed:  # distinct neighbours on the undirected view
            key = np.unique(np.minimum(i, j) * n + np.maximum(i, j))
            i, j = key // n, key % n
        deg = np.bincount(i, minlength=n) + np.bincount(j, minlength=n)
        return float((deg.max() - deg).sum() / centralization_max(n, "degree"))
    h = ig.Graph(n=n, edges=np.column_stack([i, j]), directed=directed)
    h.es["weight"] = [1.0] * h.ecount()
    p = engine.Prepared(h, list(range(n)))
    if name == "betweenness_centralization":
        c = engine.betweenness(p).to_numpy(dtype=float)
        measure = "betweenness"
    elif name == "closeness_centralization":
        c = engine.closeness(p).to_numpy(dtype=float)
        measure = "closeness"
    else:
        raise ValueError(f"statistic must be one of {STATISTICS} or a callable, got {name!r}")
    return float((c.max() - c).sum() / centralization_max(n, measure, directed=directed))


def _observed(g: nx.Graph, name: str) -> float:
    if name == "density":
        return density(g)
    if name.endswith("_centralization"):
        return centralization(g, name.removesuffix("_centralization"))
    raise ValueError(f"statistic must be one of {STATISTICS} or a callable, got {name!r}")


# --------------------------------------------------------------------------------------------
# CUG
# --------------------------------------------------------------------------------------------


def cug_test(g: nx.Graph, statistic: str | Callable[[nx.Graph], float] = "density", *, condition: str = "edges",
             n_sim: int = 1000, p: float = 0.5, seed: int = 0) -> pd.Series:
    """Conditional uniform graph test of ``statistic`` on ``g`` (Anderson, Butts & Carley 1999).

    ``statistic`` is one of ``STATISTICS`` (computed on integer arrays, fast) or a function
    of a networkx graph (each null graph is then built in networkx: slow, for small graphs).
    ``condition``: ``"size"`` (same number of actors, each tie with probability ``p``) or
    ``"edges"`` (same number of actors and ties). Ties are binary; self-loops and parallel
    ties are ignored; a directed ``g`` gets directed null graphs.

    Returns ``observed``, ``null_mean``, ``null_sd``, ``p_ge``, ``p_le`` and the settings.

    >>> r = cug_test(nx.complete_graph(6), "density", condition="size", n_sim=500)
    >>> float(r["observed"]), float(r["p_ge"])
    (1.0, 0.0)
    """
    if condition not in CONDITIONS:
        raise ValueError(f"condition must be one of {CONDITIONS}, got {condition!r}")
    if n_sim < 1:
        raise ValueError("n_sim must be at least 1")
    g = _clean(g)
    n, m, directed = g.number_of_nodes(), g.number_of_edges(), g.is_directed()
    name = statistic if isinstance(statistic, str) else getattr(statistic, "__name__", "statistic")
    rng = np.random.default_rng(seed)
    total = _n_pairs(n, directed)
    obs = float(statistic(g)) if callable(statistic) else _observed(g, statistic)
    sizes = np.full(n_sim, m) if condition == "edges" else rng.binomial(total, p, size=n_sim)
    null = np.empty(n_sim)
    for s in range(n_sim):
        if not callable(statistic) and statistic == "density":
            null[s] = sizes[s] / total  # the tie count is all density depends on
            continue
        i, j = random_ties(n, int(sizes[s]), rng, directed=directed)
        if callable(statistic):
            h = nx.DiGraph() if directed else nx.Graph()
            h.add_nodes_from(range(n))
            h.add_edges_from(zip(i.tolist(), j.tolist()))
            null[s] = float(statistic(h))
        else:
            null[s] = _statistic_from_ties(statistic, n, i, j, directed)
    tol = 1e-12 * max(1.0, abs(obs))
    return pd.Series({"test": "cug", "statistic": name, "condition": condition, "observed": obs,
                      "null_mean": float(null.mean()), "null_sd": float(null.std(ddof=1)) if n_sim > 1 else np.nan,
                      "p_ge": float((null >= obs - tol).mean()), "p_le": float((null <= obs + tol).mean()),
                      "n_sim": n_sim})


def cug_table(g: nx.Graph, tests=(("density", "size"), ("degree_centralization", "edges"),
                                  ("betweenness_centralization", "edges")), *, n_sim: int = 1000,
              seed: int = 0) -> pd.DataFrame:
    """Several CUG tests on one graph, one row each (columns ``RESULT_COLUMNS``).

    >>> t = cug_table(nx.star_graph(6), n_sim=100)
    >>> t["statistic"].tolist()
    ['density', 'degree_centralization', 'betweenness_centralization']
    """
    rows = [cug_test(g, stat, condition=cond, n_sim=n_sim, seed=seed + k) for k, (stat, cond) in enumerate(tests)]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# QAP
# --------------------------------------------------------------------------------------------


class _Cells:
    """The non-zero cells of one relation on a fixed actor order, for fast look-ups."""

    def __init__(self, g: nx.Graph, index: Mapping, directed: bool, weight: str | None):
        g = _clean(g)
        n = len(index)
        rows = [(index[u], index[v], 1.0 if weight is None else float(w))
                for u, v, w in g.edges(data=weight, default=1.0) if u in index and v in index]
        arr = np.array(rows, dtype=float).reshape(-1, 3)
        i, j, w = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2]
        if directed and not g.is_directed():
            i, j, w = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([w, w])
        if not directed:  # one cell per unordered pair, stored upper-triangular
            i, j = np.minimum(i, j), np.maximum(i, j)
        self.i, self.j, self.w, self.n, self.directed = i, j, w, n, directed
        keys = i * n + j
        order = np.argsort(keys)
        self.keys, self.sorted_w = keys[order], w[order]
        self.sum, self.sum2 = float(w.sum()), float((w ** 2).sum())

    def lookup(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        if not self.directed:
            i, j = np.minimum(i, j), np.maximum(i, j)
        k = i * self.n + j
        pos = np.searchsorted(self.keys, k)
        pos = np.minimum(pos, max(len(self.keys) - 1, 0))
        if len(self.keys) == 0:
            return np.zeros(k.shape)
        return np.where(self.keys[pos] == k, self.sorted_w[pos], 0.0)


def _corr(n_cells: int, sx, sxx, sy, syy, sxy):
    den = (n_cells * sxx - sx ** 2) * (n_cells * syy - sy ** 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, (n_cells * sxy - sx * sy) / np.sqrt(np.where(den > 0, den, 1)), np.nan)


def _layers_setup(g1: nx.Graph, g2: nx.Graph, nodes, weight):
    if nodes is None:
        nodes = list(dict.fromkeys(list(g1.nodes()) + list(g2.nodes())))
    index = {v: k for k, v in enumerate(nodes)}
    directed = g1.is_directed() or g2.is_directed()
    return nodes, _Cells(g1, index, directed, weight), _Cells(g2, index, directed, weight), directed


def gcor(g1: nx.Graph, g2: nx.Graph, *, nodes=None, weight: str | None = None) -> float:
    """Graph correlation (as sna ``gcor``): Pearson correlation of the two relations' values
    over every pair of distinct actors in ``nodes`` (default: actors of either graph), ordered
    pairs if either graph is directed. ``weight=None`` reads ties as 0/1.

    >>> g1 = nx.Graph([(0, 1), (1, 2)]); g2 = nx.Graph([(0, 1), (1, 2)])
    >>> gcor(g1, g2)
    1.0
    """
    nodes, a, b, directed = _layers_setup(g1, g2, nodes, weight)
    cells = _n_pairs(len(nodes), directed)
    sxy = float((a.w * b.lookup(a.i, a.j)).sum())
    return float(_corr(cells, a.sum, a.sum2, b.sum, b.sum2, sxy))


def qap_test(g1: nx.Graph, g2: nx.Graph, *, nodes=None, weight: str | None = None, n_perm: int = 1000,
             seed: int = 0, batch: int = 64) -> pd.Series:
    """QAP test of the graph correlation between two relations on the same actors
    (Krackhardt 1987, 1988): ``g2``'s actors are relabelled by ``n_perm`` random
    permutations (rows and columns together), which keeps both structures intact and breaks
    only their alignment. Returns ``observed`` (``gcor``), ``null_mean``, ``null_sd``,
    ``p_ge``, ``p_le`` and ``n_sim``.

    >>> g = nx.gnm_random_graph(30, 60, seed=1)
    >>> r = qap_test(g, g.copy(), n_perm=200)
    >>> float(r["observed"]), float(r["p_ge"]) < 0.01
    (1.0, True)
    """
    nodes, a, b, directed = _layers_setup(g1, g2, nodes, weight)
    n = len(nodes)
    cells = _n_pairs(n, directed)
    obs = float(_corr(cells, a.sum, a.sum2, b.sum, b.sum2, float((a.w * b.lookup(a.i, a.j)).sum())))
    rng = np.random.default_rng(seed)
    null = np.empty(n_perm)
    for start in range(0, n_perm, batch):
        r = min(batch, n_perm - start)
        perm = np.argsort(rng.random((r, n)), axis=1)
        sxy = (a.w[None, :] * b.lookup(perm[:, a.i], perm[:, a.j])).sum(axis=1)
        null[start:start + r] = _corr(cells, a.sum, a.sum2, b.sum, b.sum2, sxy)
    tol = 1e-12
    return pd.Series({"test": "qap", "statistic": "gcor", "condition": "node permutation", "observed": obs,
                      "null_mean": float(np.nanmean(null)), "null_sd": float(np.nanstd(null, ddof=1)),
                      "p_ge": float((null >= obs - tol).mean()), "p_le": float((null <= obs + tol).mean()),
                      "n_sim": n_perm})


def relation_layers(ties: pd.DataFrame, *, relation_col: str = "relation", source_col: str = "source_id",
                    target_col: str = "target_id", nodes=None, directed: bool = True) -> dict[str, nx.Graph]:
    """One binary graph per relation type from a ties table, all on the same actors
    (``nodes``, default every actor at either end of any tie), for ``qap_table``.

    >>> t = pd.DataFrame({"source_id": ["a", "b"], "target_id": ["b", "c"], "relation": ["paid", "recruited"]})
    >>> {k: sorted(v.edges()) for k, v in relation_layers(t).items()}
    {'paid': [('a', 'b')], 'recruited': [('b', 'c')]}
    """
    if nodes is None:
        nodes = list(dict.fromkeys(ties[source_col].tolist() + ties[target_col].tolist()))
    keep = set(nodes)
    out = {}
    for rel, sub in ties.groupby(relation_col, sort=True):
        h = nx.DiGraph() if directed else nx.Graph()
        h.add_nodes_from(nodes)
        h.add_edges_from((s, t) for s, t in sub[[source_col, target_col]].itertuples(index=False, name=None)
                         if s in keep and t in keep and s != t)
        out[str(rel)] = h
    return out


def qap_table(layers: Mapping[str, nx.Graph], *, n_perm: int = 1000, seed: int = 0,
              weight: str | None = None) -> pd.DataFrame:
    """QAP correlation for every pair of relation layers (``relation_layers``), one row per
    pair with ``layer_a``, ``layer_b`` and the ``qap_test`` columns. All layers are read on
    the union of their actors.

    >>> t = pd.DataFrame({"source_id": list("abcd"), "target_id": list("bcda"), "relation": ["x", "y"] * 2})
    >>> qap_table(relation_layers(t), n_perm=50)[["layer_a", "layer_b"]].values.tolist()
    [['x', 'y']]
    """
    names = list(layers)
    nodes = list(dict.fromkeys(v for g in layers.values() for v in g.nodes()))
    rows = []
    for x in range(len(names)):
        for y in range(x + 1, len(names)):
            r = qap_test(layers[names[x]], layers[names[y]], nodes=nodes, weight=weight, n_perm=n_perm,
                         seed=seed + len(rows))
            rows.append({"layer_a": names[x], "layer_b": names[y], **r.to_dict()})
    return pd.DataFrame(rows, columns=["layer_a", "layer_b"] + RESULT_COLUMNS)


def significance_table(g: nx.Graph, *, layers: Mapping[str, nx.Graph] | None = None, n_sim: int = 1000,
                       n_sim_paths: int = 100, seed: int = 0) -> pd.DataFrame:
    """The network-level tests the build reports, as one long table (``RESULT_COLUMNS`` plus
    ``layer_a``/``layer_b`` for QAP rows): CUG of density (``size``) and of degree
    centralization (``edges``) with ``n_sim`` draws, CUG of betweenness centralization
    (``edges``) with ``n_sim_paths`` draws (each needs all shortest paths: about 0.3 s on a
    random graph of 1,300 actors and 3,200 ties, so 100 draws keep the table under a
    minute; the p-value then resolves 0.01), and, when
    ``layers`` are given, QAP correlation between every pair of layers.

    >>> t = significance_table(nx.star_graph(5), n_sim=100, n_sim_paths=20)
    >>> t[["test", "statistic", "condition"]].values.tolist()[0]
    ['cug', 'density', 'size']
    """
    parts = [cug_table(g, (("density", "size"), ("degree_centralization", "edges")), n_sim=n_sim, seed=seed)]
    if n_sim_paths:
        parts.append(cug_table(g, (("betweenness_centralization", "edges"),), n_sim=n_sim_paths, seed=seed + 7))
    out = pd.concat(parts, ignore_index=True)
    out["layer_a"], out["layer_b"] = None, None
    if layers:
        out = pd.concat([out, qap_table(layers, n_perm=n_sim, seed=seed)], ignore_index=True)
    return out[RESULT_COLUMNS + ["layer_a", "layer_b"]]
