"""Syndicates: consensus communities from an ensemble of Leiden runs, with stability scores.

Method.

1. Run Leiden (Traag, Waltman & van Eck 2019; modularity with resolution ``gamma``; igraph's
   C implementation by default) with different seeds, in batches of ``batch`` (default 5) up
   to ``n_runs`` runs. With ``adaptive`` (the default) the ensemble stops early when one more
   batch moves the co-assignment (step 2) of fewer than 1 % of the ties by more than 0.1: the
   runs then agree and further runs would only repeat them.
2. Co-assignment: for every tie of the graph, the fraction of runs that put both ends in
   the same community. It is computed on existing ties only (as in the "fast consensus" of
   Tandon et al. 2019), so memory grows with ties, not with the square of actors.
3. Consensus clustering (Lancichinetti & Fortunato 2012, Sci. Rep. 2:336): keep ties whose
   co-assignment is at least ``threshold``, weight them by it, and run the ensemble again on
   that graph; repeat until every kept tie has co-assignment 1 (the runs agree) or
   ``max_rounds`` is reached. Parts on which the runs already agree are frozen and only the
   rest is re-run (scored by the modularity of the whole consensus graph, so the objective
   is the one a full re-run would optimise) with a fifth of the runs (at least 5), since the runs
   already mostly agree there. Agreed parts are the syndicates; actors still unsettled after
   ``max_rounds`` take the last round's first run.
4. Stability of an actor: over the original runs, the average share of its consensus
   partners that land in its community (1 = always with them). A singleton's stability is
   the share of runs in which it is alone. A syndicate's stability is its members' mean.

Resolution. ``gamma = 1`` (plain modularity) unless ``choose_resolution`` is used; that
rule picks, from a grid, the resolution whose runs agree most with each other (highest
mean pairwise NMI), among resolutions whose consensus is neither one community per
connected component nor all singletons; ties go to the value closest to 1.

>>> import networkx as nx
>>> g = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5)); g.add_edge(0, 5)
>>> res = detect_syndicates(g, n_runs=10)
>>> res.membership.tolist(), float(res.actor_stability.min())
([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 1.0)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

from analysis.network import engine


@dataclass
class SyndicateResult:
    """Consensus partition and its diagnostics.

    ``membership``: node -> syndicate index (0 = largest). ``actor_stability``: node ->
    stability in [0, 1]. ``syndicate_stability``: syndicate -> mean member stability.
    ``runs``: the ensemble's memberships (runs x nodes). ``resolution``, ``rounds`` (consensus
    rounds until agreement), ``mean_nmi`` (mean pairwise NMI among runs), ``modularity``.
    """

    membership: pd.Series
    actor_stability: pd.Series
    syndicate_stability: pd.Series
    runs: np.ndarray
    resolution: float
    rounds: int
    mean_nmi: float
    modularity: float
    params: dict = field(default_factory=dict)

    def summary(self) -> dict:
        return {"n_syndicates": int(self.membership.nunique()), "resolution": self.resolution,
                "rounds": self.rounds, "mean_nmi": self.mean_nmi, "modularity": self.modularity,
                "mean_stability": float(self.actor_stability.mean()) if len(self.actor_stability) else float("nan")}


def _relabel_by_size(memb: np.ndarray) -> np.ndarray:
    labels, first, inv, counts = np.unique(memb, return_index=True, return_inverse=True, return_counts=True)
    order = np.lexsort((first, -counts))  # largest first, then by first appearance
    rank = np.empty(len(labels), dtype=np.int64)
    rank[order] = np.arange(len(labels))
    return rank[inv]


def _coassignment(edges: np.ndarray, runs: np.ndarray) -> np.ndarray:
    if len(edges) == 0:
        return np.zeros(0)
    return (runs[:, edges[:, 0]] == runs[:, edges[:, 1]]).mean(axis=0)


def mean_pairwise_nmi(runs: np.ndarray, max_pairs: int = 100, seed: int = 0) -> float:
    """Mean NMI over pairs of runs (a random ``max_pairs`` of them when there are more)."""
    pairs = list(combinations(range(len(runs)), 2))
    if not pairs:
        return 1.0
    if len(pairs) > max_pairs:
        rng = np.random.default_rng(seed)
        pairs = [pairs[i] for i in rng.choice(len(pairs), max_pairs, replace=False)]
    return float(np.mean([engine.nmi(runs[i], runs[j]) for i, j in pairs]))


def actor_stability(runs: np.ndarray, consensus: np.ndarray) -> np.ndarray:
    """Per node: mean over runs of the share of its consensus partners in its run community;
    for consensus singletons, the share of runs in which the node is alone.

    >>> runs = np.array([[0, 0, 1], [0, 1, 1]])
    >>> actor_stability(runs, np.array([0, 0, 1])).tolist()
    [0.5, 0.5, 0.5]
    """
    n_runs, n = runs.shape
    if n == 0:
        return np.zeros(0)
    consensus = np.asarray(consensus, dtype=np.int64)
    k = np.bincount(consensus)[consensus]  # consensus group size of each node
    share = np.zeros((n_runs, n))
    for r in range(n_runs):
        labels = runs[r].astype(np.int64)
        # nodes sharing both the consensus group and the run community with each node
        _, inv, cnt = np.unique(consensus * (labels.max() + 1) + labels, return_inverse=True, return_counts=True)
        together = cnt[inv.ravel()]
        alone = np.bincount(labels)[labels] == 1
        share[r] = np.where(k > 1, (together - 1) / np.maximum(k - 1, 1), alone)
    return share.mean(axis=0)


def _consensus(n: int, edges: np.ndarray, runs: np.ndarray, seeds, *, resolution: float, threshold: float,
               max_rounds: int, backend: str) -> tuple[np.ndarray, int]:
    """Lancichinetti–Fortunato consensus rounds. A component of the thresholded co-assignment
    graph whose kept ties all have co-assignment 1 is settled (every run keeps it together)
    and is not re-run; the others are re-clustered on the consensus graph with the
    modularity of the whole consensus graph (``engine.leiden_memberships`` node weights)."""
    import igraph as ig

    label = np.full(n, -1, dtype=np.int64)
    next_label = 0
    # Later rounds cluster a graph the runs already mostly agree on: a fifth of the runs.
    later_seeds = list(seeds)[: max(5, len(seeds) // 5)]
    current, cur_edges, rounds = runs, edges, 0
    for rounds in range(1, max_rounds + 1):
        d = _coassignment(cur_edges, current)
        keep = d >= threshold
        cur_edges, d = cur_edges[keep], d[keep]
        open_nodes = np.flatnonzero(label < 0)
        hc = ig.Graph(n=n, edges=cur_edges, directed=False)
        comp = np.asarray(hc.connected_components().membership)
        unsettled_comps = np.unique(comp[cur_edges[d < 1.0 - 1e-12, 0]]) if len(cur_edges) else np.array([], int)
        is_unsettled = np.isin(comp, unsettled_comps)
        for c in np.unique(comp[open_nodes]):
            if c in unsettled_comps:
                continue
            label[comp == c] = next_label
            next_label += 1
        if not len(unsettled_comps):
            return label, rounds
        strength = np.zeros(n)
        np.add.at(strength, cur_edges[:, 0], d)
        np.add.at(strength, cur_edges[:, 1], d)
        sub_nodes = np.flatnonzero(is_unsettled)
        index = -np.ones(n, dtype=np.int64)
        index[sub_nodes] = np.arange(len(sub_nodes))
        sub_mask = is_unsettled[cur_edges[:, 0]]
        cur_edges, d = cur_edges[sub_mask], d[sub_mask]
        hs = ig.Graph(n=len(sub_nodes), edges=index[cur_edges], directed=False)
        hs.es["weight"] = d.tolist()
        sub_runs = engine.leiden_memberships(hs, resolution=resolution, seeds=later_seeds, backend=backend,
                                             node_weights=strength[sub_nodes], total_weight=float(d.sum()) +
                                             float(strength[~is_unsettled].sum()) / 2)
        current = np.full((len(later_seeds), n), -1, dtype=np.int64)
        current[:, sub_nodes] = sub_runs
    rest = np.flatnonzero(label < 0)  # not settled within max_rounds: last round's first run
    if len(rest):
        _, inv = np.unique(current[0, rest], return_inverse=True)
        label[rest] = next_label + inv
    return label, rounds


def _ensemble(h, edges: np.ndarray, *, n_runs: int, seed: int, resolution: float, backend: str,
              batch: int, moved: float = 0.1, share: float = 0.01) -> np.ndarray:
    """Leiden runs in batches of ``batch`` seeds, stopping early once one more batch moves
    the co-assignment of fewer than ``share`` of the ties by more than ``moved``."""
    runs = engine.leiden_memberships(h, resolution=resolution, backend=backend,
                                     seeds=[seed + i for i in range(min(batch, n_runs))])
    prev = _coassignment(edges, runs)
    while len(runs) < n_runs:
        nxt = [seed + i for i in range(len(runs), min(len(runs) + batch, n_runs))]
        runs = np.vstack([runs, engine.leiden_memberships(h, resolution=resolution, seeds=nxt, backend=backend)])
        cur = _coassignment(edges, runs)
        if len(edges) == 0 or (np.abs(cur - prev) > moved).mean() < share:
            break
        prev = cur
    return runs


def detect_syndicates(g, *, resolution: float = 1.0, n_runs: int = 50, seed: int = 0,
                      threshold: float = 0.5, max_rounds: int = 10, weight: str = "weight",
                      backend: str = "igraph", adaptive: bool = True, batch: int = 5) -> SyndicateResult:
    """Consensus syndicates of ``g`` (method in the module docstring). Directed ties are read
    as undirected, self-loops dropped, parallel ties summed. Isolates are their own syndicate.
    An empty graph gives an empty result. ``g`` is a networkx graph or an
    ``engine.Prepared`` one (converted once and shared with, e.g., ``engine.betweenness``).
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if n_runs < 1:
        raise ValueError(f"n_runs must be >= 1, got {n_runs}")
    if isinstance(g, engine.Prepared) and g.weight != weight:
        raise ValueError(f"graph was prepared with weight {g.weight!r}, not {weight!r}")
    h, nodes = engine.undirected_simple(g, weight)
    n = len(nodes)
    if n == 0:
        empty = pd.Series(dtype=float)
        return SyndicateResult(pd.Series(dtype=int), empty, empty, np.zeros((0, 0), int), resolution, 0,
                               float("nan"), float("nan"))
    edges = engine.edge_array(h)
    runs = _ensemble(h, edges, n_runs=n_runs, seed=seed, resolution=resolution, backend=backend,
                     batch=batch if adaptive else n_runs)
    seeds = [seed + i for i in range(len(runs))]
    final = _consensus(n, edges, runs, seeds, resolution=resolution, threshold=threshold,
                       max_rounds=max_rounds, backend=backend)
    consensus, rounds = _relabel_by_size(final[0]), final[1]
    stab = actor_stability(runs, consensus)
    memb = pd.Series(consensus, index=nodes, name="syndicate")
    astab = pd.Series(stab, index=nodes, name="stability")
    sstab = astab.groupby(memb.values).mean().rename("stability")
    mod = float(h.modularity(consensus.tolist(), weights=h.es["weight"] if h.ecount() else None,
                             resolution=resolution)) if h.ecount() else float("nan")
    return SyndicateResult(memb, astab, sstab, runs, resolution, rounds, mean_pairwise_nmi(runs), mod,
                           {"n_runs": n_runs, "runs_made": len(runs), "seed": seed, "threshold": threshold,
                            "backend": backend, "adaptive": adaptive})


def choose_resolution(g: nx.Graph, grid=(0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0), *, n_runs: int = 20,
                      seed: int = 0, weight: str = "weight") -> pd.DataFrame:
    """Score each resolution in ``grid`` and mark the chosen one (rule in the module
    docstring). Returns one row per resolution: resolution, n_syndicates, mean_nmi,
    mean_stability, modularity, degenerate, chosen.
    """
    g = engine.prepare(g, weight)  # converted once for the whole grid
    h, nodes = engine.undirected_simple(g, weight)
    n_comp = len(h.connected_components()) if h.vcount() else 0
    rows = []
    for gamma in grid:
        res = detect_syndicates(g, resolution=gamma, n_runs=n_runs, seed=seed, weight=weight)
        k = res.membership.nunique()
        degenerate = k <= n_comp or k == len(nodes)
        s = res.summary()
        rows.append((gamma, k, s["mean_nmi"], s["mean_stability"], s["modularity"], degenerate))
    t = pd.DataFrame(rows, columns=["resolution", "n_syndicates", "mean_nmi", "mean_stability", "modularity",
                                    "degenerate"])
    t["chosen"] = False
    ok = t[~t["degenerate"]]
    if len(ok):
        best = ok["mean_nmi"].round(6).max()
        cands = ok[ok["mean_nmi"].round(6) == best]
        pick = (cands["resolution"] - 1.0).abs().idxmin()
        t.loc[pick, "chosen"] = True
    return t
