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

5. Null model (``null_rewirings`` > 0). Each connected component of four or more actors is
   rewired ``null_rewirings`` times, keeping every actor's degree and the component in one
   piece (degree-preserving double-edge swaps, ten per tie; ``rewire_within_components``;
   tie weights are shuffled over the rewired ties), and
   steps 1–4 are run again on the rewired graph (with at most ``null_runs`` runs and
   ``null_rounds`` consensus rounds: a rewired graph rarely settles, and its unsettled
   actors keep the last round's first run, whose stability against the runs is what the
   null measures). Rewiring
   keeps node identities, so each syndicate has a ``stability_null``: its members' mean
   stability in the rewired graphs, averaged over the rewirings. A syndicate is ``weak`` when
   its stability is not *clearly* above the null: when it is below the highest of the
   rewirings' values plus ``margin`` (default 0.1). A random graph's communities are as
   stable as its rewirings' (weak); planted groups are stable where the rewired graph is not.
   The test is made twice, and both must pass for a syndicate not to be weak: for the
   syndicate's own members, and for its whole component (the mean stability of all the
   component's actors against the same mean in each rewiring), since one community of a
   random graph can be stable by chance while the partition as a whole is not.
   A syndicate that is a whole small component whose rewirings are the same graph (a pair, a
   triangle, a star) cannot be told apart from its null: it is weak in this sense, though its
   members are still joined by the ties it was built on (``whole_component`` says so).

``SyndicateResult.syndicates`` has one row per syndicate: ``syndicate`` (index in
``membership``), ``n_actors``, ``stability``, ``stability_null``, ``weak`` and
``whole_component`` (the syndicate is a whole connected component of ``g``).

Resolution. ``gamma = 1`` (plain modularity) unless ``choose_resolution`` is used; that
rule picks, from a grid, the resolution whose runs agree most with each other (highest
mean pairwise NMI), among resolutions whose consensus is neither one community per
connected component nor all singletons; ties go to the value closest to 1.

>>> import networkx as nx
>>> g = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5)); g.add_edge(0, 5)
>>> res = detect_syndicates(g, n_runs=10)
>>> res.membership.tolist(), float(res.actor_stability.min())
([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], 1.0)
>>> res.syndicates[["n_actors", "stability", "weak"]].values.tolist()
[[5, 1.0, True], [5, 1.0, True]]

(Ten actors cannot hold two groups that beat their null: some rewirings that keep the
degrees and the graph connected are again two cliques joined by one tie, so the split is weak.)
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd

from analysis.network import engine


SYNDICATE_COLUMNS = ["syndicate", "n_actors", "stability", "stability_null", "weak", "whole_component"]


@dataclass
class SyndicateResult:
    """Consensus partition and its diagnostics.

    ``membership``: node -> syndicate index (0 = largest). ``actor_stability``: node ->
    stability in [0, 1]. ``syndicate_stability``: syndicate -> mean member stability.
    ``runs``: the ensemble's memberships (runs x nodes). ``resolution``, ``rounds`` (consensus
    rounds until agreement), ``mean_nmi`` (mean pairwise NMI among runs), ``modularity``.
    ``syndicates``: one row per syndicate with its null comparison (module docstring, step 5);
    ``actor_stability_null``: node -> mean stability over the rewired graphs.
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
    syndicates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SYNDICATE_COLUMNS))
    actor_stability_null: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))

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


def _procedure(h, *, n_runs: int, seed: int, resolution: float, threshold: float, max_rounds: int,
               backend: str, batch: int) -> tuple[np.ndarray, int, np.ndarray, np.ndarray]:
    """Steps 1–4 on the igraph graph ``h``: (consensus labels by size, rounds, runs, actor stability)."""
    n = h.vcount()
    edges = engine.edge_array(h)
    runs = _ensemble(h, edges, n_runs=n_runs, seed=seed, resolution=resolution, backend=backend, batch=batch)
    seeds = [seed + i for i in range(len(runs))]
    labels, rounds = _consensus(n, edges, runs, seeds, resolution=resolution, threshold=threshold,
                                max_rounds=max_rounds, backend=backend)
    consensus = _relabel_by_size(labels)
    return consensus, rounds, runs, actor_stability(runs, consensus)


def rewire_within_components(h, seed: int = 0, trials_per_tie: int = 10, connected_max: int = 2000):
    """A copy of igraph graph ``h`` with each connected component rewired on its own, keeping
    every vertex's degree (no loops, no parallel ties) and shuffling the tie weights over
    the rewired ties. Components of up to ``connected_max`` actors are rewired by swaps
    that keep them connected (networkx ``connected_double_edge_swap``: a tree stays a
    tree), larger ones by igraph's unrestricted swaps (fast; dense pieces rarely split).
    Returns (rewired graph, component id of every vertex).

    >>> import igraph as ig
    >>> h = ig.Graph.Ring(8) + ig.Graph.Ring(6)
    >>> r, comp = rewire_within_components(h, seed=1)
    >>> r.degree() == h.degree(), sorted(set(comp.tolist()))
    (True, [0, 1])
    """
    import igraph as ig

    comp = np.asarray(h.connected_components().membership, dtype=np.int64)
    weights = np.asarray(h.es["weight"], dtype=float) if h.ecount() and "weight" in h.es.attributes() \
        else np.ones(h.ecount())
    rng = np.random.default_rng(seed)
    state = random.getstate()  # igraph draws from Python's random module: seed it, then restore
    random.seed(seed)
    try:
        parts = []
        for c in np.unique(comp):
            vs = np.flatnonzero(comp == c)
            sub = h.induced_subgraph(vs.tolist())
            el = np.asarray(sub.get_edgelist(), dtype=np.int64).reshape(-1, 2)
            if sub.ecount() >= 2 and len(vs) >= 4:
                if len(vs) <= connected_max:  # swaps that keep the component in one piece
                    gx = nx.Graph(el.tolist())
                    try:
                        nx.connected_double_edge_swap(gx, nswap=trials_per_tie * len(el), seed=int(rng.integers(2**31)))
                    except nx.NetworkXError:  # no swap keeps it connected (a star, a clique)
                        pass
                    el = np.asarray(list(gx.edges()), dtype=np.int64).reshape(-1, 2)
                else:
                    sub.rewire(n=trials_per_tie * sub.ecount(), mode="simple")
                    el = np.asarray(sub.get_edgelist(), dtype=np.int64).reshape(-1, 2)
            parts.append(vs[el])
    finally:
        random.setstate(state)
    el = np.vstack(parts) if parts else np.zeros((0, 2), dtype=np.int64)
    r = ig.Graph(n=h.vcount(), edges=el.tolist(), directed=False)
    r.es["weight"] = rng.permutation(weights).tolist() if len(weights) == r.ecount() else [1.0] * r.ecount()
    return r, comp


def detect_syndicates(g, *, resolution: float = 1.0, n_runs: int = 50, seed: int = 0,
                      threshold: float = 0.5, max_rounds: int = 10, weight: str = "weight",
                      backend: str = "igraph", adaptive: bool = True, batch: int = 5,
                      null_rewirings: int = 5, null_runs: int = 20, null_rounds: int = 3,
                      margin: float = 0.1) -> SyndicateResult:
    """Consensus syndicates of ``g`` (method in the module docstring). Directed ties are read
    as undirected, self-loops dropped, parallel ties summed. Isolates are their own syndicate.
    An empty graph gives an empty result. ``g`` is a networkx graph or an
    ``engine.Prepared`` one (converted once and shared with, e.g., ``engine.betweenness``).
    ``null_rewirings=0`` skips the null model (``stability_null`` is then missing and no
    syndicate is marked weak).
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], got {threshold}")
    if n_runs < 1:
        raise ValueError(f"n_runs must be >= 1, got {n_runs}")
    if null_rewirings < 0:
        raise ValueError(f"null_rewirings must be >= 0, got {null_rewirings}")
    if isinstance(g, engine.Prepared) and g.weight != weight:
        raise ValueError(f"graph was prepared with weight {g.weight!r}, not {weight!r}")
    h, nodes = engine.undirected_simple(g, weight)
    n = len(nodes)
    if n == 0:
        empty = pd.Series(dtype=float)
        return SyndicateResult(pd.Series(dtype=int), empty, empty, np.zeros((0, 0), int), resolution, 0,
                               float("nan"), float("nan"))
    opts = dict(resolution=resolution, threshold=threshold, max_rounds=max_rounds, backend=backend)
    consensus, rounds, runs, stab = _procedure(h, n_runs=n_runs, seed=seed, batch=batch if adaptive else n_runs,
                                               **opts)
    memb = pd.Series(consensus, index=nodes, name="syndicate")
    astab = pd.Series(stab, index=nodes, name="stability")
    sstab = astab.groupby(memb.values).mean().rename("stability")
    mod = float(h.modularity(consensus.tolist(), weights=h.es["weight"] if h.ecount() else None,
                             resolution=resolution)) if h.ecount() else float("nan")

    # step 5: the same procedure on degree-preserving rewirings of each component
    null = np.zeros((null_rewirings, n))
    comp = np.asarray(h.connected_components().membership, dtype=np.int64)
    for r in range(null_rewirings):
        hr, _ = rewire_within_components(h, seed=seed + 7919 * (r + 1))
        null[r] = _procedure(hr, n_runs=min(null_runs, n_runs), seed=seed + 1000 * (r + 1),
                             batch=batch if adaptive else min(null_runs, n_runs),
                             **{**opts, "max_rounds": min(max_rounds, null_rounds)})[3]
    k = int(consensus.max()) + 1
    size = np.bincount(consensus, minlength=k)
    comp_size = np.bincount(comp)
    # a syndicate is a whole component when its members are all of one component's vertices
    whole = np.zeros(k, dtype=bool)
    for c in range(k):
        cs = np.unique(comp[consensus == c])
        whole[c] = len(cs) == 1 and comp_size[cs[0]] == size[c]
    if null_rewirings:
        per_rewiring = np.vstack([np.bincount(consensus, weights=null[r], minlength=k) / size
                                  for r in range(null_rewirings)])
        snull = per_rewiring.mean(axis=0)
        weak = sstab.to_numpy() < per_rewiring.max(axis=0) + margin - 1e-12
        # the component's partition as a whole must beat its rewirings too
        n_comp = int(comp.max()) + 1
        comp_obs = np.bincount(comp, weights=stab, minlength=n_comp) / comp_size
        comp_null = np.vstack([np.bincount(comp, weights=null[r], minlength=n_comp) / comp_size
                               for r in range(null_rewirings)]).max(axis=0)
        comp_weak = comp_obs < comp_null + margin - 1e-12
        weak |= np.array([comp_weak[np.unique(comp[consensus == c])].any() for c in range(k)])
        anull = pd.Series(null.mean(axis=0), index=nodes, name="stability_null")
    else:
        snull, weak = np.full(k, np.nan), np.zeros(k, dtype=bool)
        anull = pd.Series(np.nan, index=nodes, name="stability_null")
    table = pd.DataFrame({"syndicate": np.arange(k), "n_actors": size, "stability": sstab.to_numpy(),
                          "stability_null": snull, "weak": weak, "whole_component": whole},
                         columns=SYNDICATE_COLUMNS)
    return SyndicateResult(memb, astab, sstab, runs, resolution, rounds, mean_pairwise_nmi(runs), mod,
                           {"n_runs": n_runs, "runs_made": len(runs), "seed": seed, "threshold": threshold,
                            "backend": backend, "adaptive": adaptive, "null_rewirings": null_rewirings,
                            "null_runs": null_runs, "null_rounds": null_rounds, "margin": margin},
                           table, anull)


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
