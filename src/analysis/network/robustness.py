"""Missing data: how far do rankings and syndicates move when part of the network is unseen?

Following Borgatti, Carley & Krackhardt (2006, *Social Networks* 28:124–136), the observed
network is perturbed many times — a share of actors (``nodes``) or ties (``ties``) removed
at random — and each result is compared with the unperturbed one:

* ``jaccard_topk`` — overlap of the top-``k`` actors (Jaccard index of the two sets);
* ``kendall_tau`` — Kendall's tau-b between original and perturbed scores of the original
  top-``k`` actors that survive the perturbation;
* ``nmi`` (measure ``syndicates``) — NMI between original and perturbed syndicates on the
  actors present in both.

>>> import networkx as nx
>>> t = measure_robustness(nx.karate_club_graph(), rates=(0.0,), repeats=2, measures=("degree",), syndicates=False)
>>> t[["rate", "measure", "jaccard_topk"]].drop_duplicates().values.tolist()
[[0.0, 'degree', 1.0]]
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from scipy.stats import kendalltau

from analysis.network import engine
from analysis.network.measures import centrality_table
from analysis.network.syndicates import detect_syndicates


def perturb(g: nx.Graph, rate: float, *, mode: str = "nodes", seed: int = 0) -> nx.Graph:
    """Copy of ``g`` with ``round(rate * count)`` random actors (``mode="nodes"``) or ties
    (``mode="ties"``) removed.

    >>> import networkx as nx
    >>> perturb(nx.path_graph(10), 0.2, mode="nodes").number_of_nodes()
    8
    """
    if not 0 <= rate <= 1:
        raise ValueError(f"rate must be within [0, 1], got {rate}")
    rng = np.random.default_rng(seed)
    h = g.copy()
    if mode == "nodes":
        nodes = list(h.nodes())
        drop = rng.choice(len(nodes), size=round(rate * len(nodes)), replace=False)
        h.remove_nodes_from([nodes[i] for i in drop])
    elif mode == "ties":
        edges = list(h.edges())
        drop = rng.choice(len(edges), size=round(rate * len(edges)), replace=False)
        h.remove_edges_from([edges[i] for i in drop])
    else:
        raise ValueError(f"mode must be 'nodes' or 'ties', got {mode!r}")
    return h


def top_k(scores: pd.Series, k: int) -> list:
    """The ``k`` highest-scoring ids, ties broken by id order in ``scores``."""
    order = {n: i for i, n in enumerate(scores.index)}
    return sorted(scores.index, key=lambda n: (-scores[n], order[n]))[:k]


def compare_rankings(original: pd.Series, perturbed: pd.Series, k: int = 10) -> tuple[float, float]:
    """(Jaccard of top-k sets, Kendall tau-b on the original top-k still present).

    >>> a = pd.Series({"x": 3.0, "y": 2.0, "z": 1.0}); b = pd.Series({"x": 1.0, "y": 2.0, "z": 3.0})
    >>> compare_rankings(a, b, k=3)
    (1.0, -1.0)
    """
    ta, tb = set(top_k(original, k)), set(top_k(perturbed, k))
    jac = len(ta & tb) / len(ta | tb) if ta | tb else float("nan")
    keep = [n for n in top_k(original, k) if n in perturbed.index]
    tau = float("nan")
    if len(keep) >= 2:
        x, y = original[keep].to_numpy(float), perturbed[keep].to_numpy(float)
        if np.ptp(x) > 0 and np.ptp(y) > 0:
            tau = float(kendalltau(x, y).statistic)
    return jac, tau


def measure_robustness(g: nx.Graph, *, rates=(0.05, 0.1, 0.2, 0.3), modes=("nodes", "ties"), repeats: int = 20,
                       k: int = 10, measures=("degree", "betweenness", "eigenvector"), syndicates: bool = True,
                       n_runs: int = 10, seed: int = 0) -> pd.DataFrame:
    """Tidy table: one row per mode, rate, repeat and measure with ``jaccard_topk``,
    ``kendall_tau`` (rankings) or ``nmi`` (measure ``syndicates``)."""
    if g.number_of_nodes() == 0:
        raise ValueError("cannot perturb an empty graph")
    base = centrality_table(g)
    base_syn = detect_syndicates(g, n_runs=n_runs, seed=seed, null_rewirings=0).membership if syndicates else None
    rows = []
    for mode in modes:
        for rate in rates:
            for rep in range(repeats):
                h = perturb(g, rate, mode=mode, seed=seed + 1000 * rep + int(rate * 100))
                if h.number_of_nodes() == 0:
                    continue
                t = centrality_table(h)
                for m in measures:
                    jac, tau = compare_rankings(base[m], t[m], k)
                    rows.append({"mode": mode, "rate": rate, "repeat": rep, "measure": m,
                                 "jaccard_topk": jac, "kendall_tau": tau, "nmi": np.nan})
                if syndicates:
                    memb = detect_syndicates(h, n_runs=n_runs, seed=seed, null_rewirings=0).membership
                    common = [n for n in memb.index if n in base_syn.index]
                    rows.append({"mode": mode, "rate": rate, "repeat": rep, "measure": "syndicates",
                                 "jaccard_topk": np.nan, "kendall_tau": np.nan,
                                 "nmi": engine.nmi(base_syn[common], memb[common])})
    return pd.DataFrame(rows, columns=["mode", "rate", "repeat", "measure", "jaccard_topk", "kendall_tau", "nmi"])


def summarise_robustness(t: pd.DataFrame) -> pd.DataFrame:
    """Mean and standard deviation per mode, rate and measure."""
    return t.groupby(["mode", "rate", "measure"])[["jaccard_topk", "kendall_tau", "nmi"]].agg(["mean", "std"])
