"""Disruption: remove actors by a strategy and measure how the network falls apart.

Strategies (``removal_order``): ``degree`` and ``betweenness`` (ranked once on the intact
network), ``degree_recalc`` and ``betweenness_recalc`` (re-ranked after every removal, as in
Holme et al. 2002), ``brokerage`` (Gould–Fernandez total brokerage when a grouping is given,
else ``1 - constraint``, Burt's structural-hole opportunity), ``random`` (repeated), and
``keyplayer`` (Borgatti 2006 KPP-Neg set chosen greedily to maximise distance-weighted
fragmentation).

Fragmentation after removing a set (``fragmentation``):

* ``largest_share`` — largest component size / original number of actors;
* ``n_components`` — connected components among the remaining actors;
* ``efficiency`` — sum over ordered pairs of remaining actors of ``1/d_ij`` divided by
  ``n0 (n0 - 1)`` with ``n0`` the original size (Latora & Marchiori 2001, on a fixed
  denominator so curves of different strategies are comparable);
* ``kpp_fragmentation`` — Borgatti's F = 1 - sum_k s_k (s_k - 1) / (n0 (n0 - 1)), removed
  actors counting as isolates.

Re-formation (``reformation``). Model: each removed actor's remaining former contacts are
re-tied through the one of them with the most remaining ties (the natural successor); the
successor gains one new tie to a former contact in every *other* component. The estimate
is the number of new ties and the largest component share they restore.

>>> import networkx as nx
>>> g = nx.star_graph(4)
>>> fragmentation(g, [0])["n_components"], fragmentation(g, [0])["largest_share"]
(4, 0.2)
>>> reformation(g, [0])[["new_ties", "largest_share_after_removal", "largest_share_reformed"]].iloc[0].tolist()
[3.0, 0.2, 0.8]
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from analysis.network import engine

STRATEGIES = ["degree", "degree_recalc", "betweenness", "betweenness_recalc", "brokerage", "random", "keyplayer"]


def _simple(g: nx.Graph) -> nx.Graph:
    h = nx.Graph(g.to_undirected() if g.is_directed() else g)
    h.remove_edges_from(list(nx.selfloop_edges(h)))
    return h


def _check_nodes(g: nx.Graph, nodes) -> list:
    nodes = list(nodes)
    unknown = [n for n in nodes if n not in g]
    if unknown:
        raise KeyError(f"unknown node ids: {unknown[:10]}")
    return nodes


def fragmentation(g: nx.Graph, removed=()) -> dict:
    """Fragmentation measures of ``g`` after removing ``removed`` (module docstring)."""
    h = _simple(g)
    removed = _check_nodes(h, removed)
    n0 = h.number_of_nodes()
    if n0 == 0:
        raise ValueError("fragmentation of an empty graph is undefined")
    h.remove_nodes_from(removed)
    sizes = [len(c) for c in nx.connected_components(h)]
    largest = max(sizes) if sizes else 0
    eff = 0.0
    if h.number_of_nodes() > 1 and n0 > 1:
        ih, _ = engine.to_igraph(h)
        d = np.asarray(ih.distances(), dtype=float)
        with np.errstate(divide="ignore"):
            inv = np.where(np.isfinite(d) & (d > 0), 1.0 / d, 0.0)
        eff = float(inv.sum() / (n0 * (n0 - 1)))
    kf = 1.0 - sum(s * (s - 1) for s in sizes) / (n0 * (n0 - 1)) if n0 > 1 else 0.0
    return {"largest_share": largest / n0, "n_components": len(sizes), "efficiency": eff,
            "kpp_fragmentation": kf}


def key_player_neg(g: nx.Graph, k: int, *, swaps: bool = True, measure: str = "distance",
                   max_candidates: int = 150) -> list:
    """KPP-Neg (Borgatti 2006): ``k`` actors whose removal most fragments the network.

    ``measure="distance"`` maximises Borgatti's distance-weighted fragmentation
    ``DF = 1 - efficiency`` (so it still discriminates when no single removal splits the
    network); ``"components"`` maximises the component-based F. Greedy addition, then one
    pass of Borgatti's swap improvement (member <-> non-member while the score rises). On
    graphs larger than ``max_candidates`` actors only the top ``max_candidates`` by degree
    and by betweenness are candidates. Ties go to node order, so the result is deterministic.

    >>> import networkx as nx
    >>> key_player_neg(nx.path_graph(5), 1)
    [2]
    >>> key_player_neg(nx.barbell_graph(4, 1), 1, measure="components")  # the bridging node
    [4]
    """
    if measure not in ("distance", "components"):
        raise ValueError(f"measure must be 'distance' or 'components', got {measure!r}")
    h = _simple(g)
    if k < 0 or k > h.number_of_nodes():
        raise ValueError(f"k must be between 0 and the number of actors ({h.number_of_nodes()}), got {k}")
    nodes = list(h.nodes())
    n0 = len(nodes)
    if n0 < 2:
        return nodes[:k]
    candidates = nodes
    if n0 > max_candidates:
        half = max_candidates // 2
        keep = set(_rank(h, "degree", None)[:half]) | set(_rank(h, "betweenness", None)[:half])
        candidates = [n for n in nodes if n in keep]

    def score(removed):
        if measure == "distance":
            return 1.0 - fragmentation(h, removed)["efficiency"]
        rest = h.subgraph(set(nodes) - set(removed))  # component sizes only
        return 1.0 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(rest)) / (n0 * (n0 - 1))

    chosen: list = []
    for _ in range(k):
        best = max((n for n in candidates if n not in chosen), key=lambda n: score(chosen + [n]))
        chosen.append(best)
    if swaps and 0 < k < len(candidates):
        current = score(chosen)
        for i in range(k):
            for cand in candidates:
                if cand in chosen:
                    continue
                trial = chosen[:i] + [cand] + chosen[i + 1:]
                val = score(trial)
                if val > current + 1e-12:
                    chosen, current = trial, val
    return chosen


def key_player_pos(g: nx.Graph, k: int) -> list:
    """KPP-Pos (Borgatti 2006): ``k`` actors that best reach the rest, maximising
    distance-weighted reach (mean over other actors of 1 / distance to the set), greedily.

    >>> import networkx as nx
    >>> key_player_pos(nx.star_graph(5), 1)
    [0]
    """
    h = _simple(g)
    nodes = list(h.nodes())
    if k < 0 or k > len(nodes):
        raise ValueError(f"k must be between 0 and {len(nodes)}, got {k}")
    ih, order = engine.to_igraph(h)
    d = np.asarray(ih.distances(), dtype=float)
    chosen: list[int] = []
    best_d = np.full(len(nodes), np.inf)
    for _ in range(k):
        scores = []
        for j in range(len(nodes)):
            if j in chosen:
                scores.append(-np.inf)
                continue
            nd = np.minimum(best_d, d[j])
            mask = np.ones(len(nodes), bool)
            mask[chosen + [j]] = False
            with np.errstate(divide="ignore"):
                scores.append(float(np.where(np.isfinite(nd[mask]), 1.0 / nd[mask], 0.0).sum()))
        j = int(np.argmax(scores))
        chosen.append(j)
        best_d = np.minimum(best_d, d[j])
    return [order[j] for j in chosen]


def _rank(h: nx.Graph, how: str, groups) -> list:
    if how == "degree":
        s = engine.degree(h)
    elif how == "betweenness":
        s = engine.betweenness(h)
    elif how == "brokerage":
        if groups is not None:
            from analysis.network.brokerage import gould_fernandez

            s = gould_fernandez(h, groups)["total"].astype(float)
        else:
            from analysis.network.measures import constraint

            s = 1.0 - constraint(h).fillna(1.0)
    else:
        raise ValueError(how)
    order = {n: i for i, n in enumerate(h.nodes())}
    return sorted(s.index, key=lambda n: (-s[n], order[n]))


def removal_order(g: nx.Graph, strategy: str, k: int, *, seed: int = 0, groups=None) -> list:
    """The first ``k`` actors removed under ``strategy`` (see module docstring)."""
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}; use one of {STRATEGIES}")
    h = _simple(g)
    k = min(k, h.number_of_nodes())
    if strategy == "random":
        rng = np.random.default_rng(seed)
        nodes = list(h.nodes())
        return [nodes[i] for i in rng.permutation(len(nodes))[:k]]
    if strategy == "keyplayer":
        return key_player_neg(h, k)
    if strategy.endswith("_recalc"):
        base, out = strategy.removesuffix("_recalc"), []
        for _ in range(k):
            nxt = _rank(h, base, None)[0]
            out.append(nxt)
            h.remove_node(nxt)
        return out
    return _rank(h, strategy, groups)[:k]


def disruption_curves(g: nx.Graph, strategies=("degree", "betweenness", "betweenness_recalc", "random"), *,
                      k: int = 10, repeats: int = 20, seed: int = 0, groups=None) -> pd.DataFrame:
    """Tidy fragmentation curves: one row per strategy, repeat and number removed (0..k),
    with the removed actor and the ``fragmentation`` measures. ``random`` runs ``repeats``
    times; deterministic strategies once (repeat 0).

    >>> import networkx as nx
    >>> t = disruption_curves(nx.path_graph(5), ["degree"], k=1)
    >>> t[["n_removed", "largest_share", "n_components"]].values.tolist()
    [[0.0, 1.0, 1.0], [1.0, 0.6, 2.0]]
    """
    h = _simple(g)
    if h.number_of_nodes() == 0:
        raise ValueError("cannot disrupt an empty graph")
    rows = []
    for strat in strategies:
        for rep in range(repeats if strat == "random" else 1):
            order = removal_order(h, strat, k, seed=seed + rep, groups=groups)
            for i in range(len(order) + 1):
                fr = fragmentation(h, order[:i])
                rows.append({"strategy": strat, "repeat": rep, "n_removed": i,
                             "removed": order[i - 1] if i else None, **fr})
    return pd.DataFrame(rows)


def syndicate_key_players(g: nx.Graph, membership: pd.Series, *, k: int = 2, min_size: int = 4,
                          measure: str = "distance") -> pd.DataFrame:
    """Per syndicate (``membership``: node -> syndicate) of at least ``min_size`` actors, the
    ``k`` actors whose removal most fragments it (KPP-Neg on the syndicate's subgraph, see
    ``key_player_neg`` for ``measure``), with its fragmentation before and after."""
    h = _simple(g)
    rows = []
    for sid, members in membership.groupby(membership.values):
        nodes = [n for n in members.index if n in h]
        if len(nodes) < max(min_size, k + 1):
            continue
        sub = h.subgraph(nodes)
        kp = key_player_neg(sub, k, measure=measure)
        before, after = fragmentation(sub), fragmentation(sub, kp)
        rows.append({"syndicate": sid, "n_actors": len(nodes), "k": k, "key_players": kp,
                     "largest_share_after": after["largest_share"], "n_components_after": after["n_components"],
                     "kpp_fragmentation_before": before["kpp_fragmentation"],
                     "kpp_fragmentation_after": after["kpp_fragmentation"]})
    return pd.DataFrame(rows, columns=["syndicate", "n_actors", "k", "key_players", "largest_share_after",
                                       "n_components_after", "kpp_fragmentation_before", "kpp_fragmentation_after"])


def reformation(g: nx.Graph, removed) -> pd.DataFrame:
    """Re-formation estimate after removing ``removed`` (model in the module docstring).
    One-row table: n_removed, new_ties, largest_share_before, largest_share_after_removal,
    largest_share_reformed, plus ``new_tie_list`` (pairs added)."""
    h = _simple(g)
    removed = _check_nodes(h, removed)
    n0 = h.number_of_nodes()
    before = fragmentation(h)["largest_share"]
    h.remove_nodes_from(removed)
    after = fragmentation(g, removed)["largest_share"] if n0 else 0.0
    base = _simple(g)
    added = []
    for b in removed:
        contacts = [c for c in base.neighbors(b) if c in h]
        if len(contacts) < 2:
            continue
        successor = max(contacts, key=lambda c: (h.degree(c), -contacts.index(c)))
        comp_of = {}
        for c in contacts:
            comp_of.setdefault(frozenset(nx.node_connected_component(h, c)), c)
        own = frozenset(nx.node_connected_component(h, successor))
        for comp, rep in comp_of.items():
            if comp != own:
                h.add_edge(successor, rep)
                added.append((successor, rep))
    sizes = [len(c) for c in nx.connected_components(h)]
    return pd.DataFrame([{"n_removed": len(removed), "new_ties": float(len(added)),
                          "largest_share_before": before, "largest_share_after_removal": after,
                          "largest_share_reformed": (max(sizes) if sizes else 0) / n0,
                          "new_tie_list": added}])
