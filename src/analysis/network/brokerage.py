"""Gould–Fernandez brokerage roles (Gould & Fernandez 1989, *Sociological Methodology*
19:89–126) with expected counts under random group assignment and z-scores.

A broker ``b`` mediates an open two-path ``a -> b -> c`` (``a != c`` and no direct tie
``a -> c``). With ``g(x)`` the group of ``x`` (role, province, country, ...):

==============  =====================================  ==============================
role            groups                                 reading
==============  =====================================  ==============================
coordinator     g(a) = g(b) = g(c)                     broker inside one group
itinerant       g(a) = g(c) != g(b)                    outsider between two members
                                                       (UCINET: "consultant")
gatekeeper      g(a) != g(b) = g(c)                    lets outsiders into b's group
representative  g(a) = g(b) != g(c)                    speaks for b's group outward
liaison         g(a), g(b), g(c) all different         between two other groups
==============  =====================================  ==============================

Expected counts. Keep b's group fixed and shuffle the other ``n - 1`` group labels at random
(group sizes fixed). The endpoints ``(a, c)`` of one brokered pair are then a random ordered
pair of distinct nodes among those ``n - 1``. With ``m = N_b - 1`` other members of b's
group, ``r = n - N_b`` outsiders and ``D = (n - 1)(n - 2)``:

* P(coordinator)    = m (m - 1) / D
* P(gatekeeper)     = r m / D   (a outside, c inside)
* P(representative) = m r / D   (a inside, c outside)
* P(itinerant)      = sum over other groups g of N_g (N_g - 1) / D
* P(liaison)        = (r (r - 1) - sum over other groups of N_g (N_g - 1)) / D

They sum to ``(m + r)(m + r - 1) / D = 1``. The expected count of a role is the broker's
total number of brokered pairs ``T_b`` times its probability, as in Gould & Fernandez and
UCINET. The z-score uses the binomial variance ``T_b p (1 - p)`` (pairs treated as
independent draws — an approximation, since pairs sharing an endpoint are dependent).

Undirected graphs are read as reciprocal ties, so every open two-path is counted in both
directions (gatekeeper and representative counts are then equal).

>>> import networkx as nx
>>> g = nx.DiGraph([("a", "b"), ("b", "c")])
>>> t = gould_fernandez(g, {"a": "X", "b": "X", "c": "Y"})
>>> t.loc["b", ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"]].tolist()
[0, 0, 0, 1, 0]
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

ROLES = ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"]


def _role(ga, gb, gc) -> str:
    if ga == gb == gc:
        return "coordinator"
    if ga == gc:
        return "itinerant"
    if gb == gc:
        return "gatekeeper"
    if ga == gb:
        return "representative"
    return "liaison"


def role_probabilities(group_sizes: Mapping, broker_group) -> dict[str, float]:
    """Chance that one brokered pair of a broker in ``broker_group`` takes each role under
    random assignment of the other nodes' groups (formulae in the module docstring).

    >>> p = role_probabilities({"X": 2, "Y": 2}, "X")
    >>> {k: round(v, 3) for k, v in p.items()}
    {'coordinator': 0.0, 'itinerant': 0.333, 'gatekeeper': 0.333, 'representative': 0.333, 'liaison': 0.0}
    """
    n = sum(group_sizes.values())
    if n < 3:
        return {r: float("nan") for r in ROLES}
    d = (n - 1) * (n - 2)
    nb = group_sizes[broker_group]
    m, r = nb - 1, n - nb
    same_other = sum(s * (s - 1) for g, s in group_sizes.items() if g != broker_group)
    return {
        "coordinator": m * (m - 1) / d,
        "itinerant": same_other / d,
        "gatekeeper": r * m / d,
        "representative": m * r / d,
        "liaison": (r * (r - 1) - same_other) / d,
    }


def gould_fernandez(g: nx.Graph, groups: Mapping | str) -> pd.DataFrame:
    """Brokerage role counts per node, their expected values and z-scores.

    ``groups`` is a node -> group mapping or the name of a node attribute. Every node must
    have a group (missing -> ``KeyError`` naming the nodes). Self-loops and parallel edges
    are ignored. Returns columns ``<role>``, ``total``, ``exp_<role>`` and ``z_<role>`` for
    each role in ``ROLES``, indexed by node.
    """
    if isinstance(groups, str):
        attr = groups
        groups = dict(g.nodes(data=attr))
        missing = [n for n, v in groups.items() if v is None]
        if missing:
            raise KeyError(f"nodes without attribute {attr!r}: {missing[:10]}")
    else:
        missing = [n for n in g.nodes() if n not in groups]
        if missing:
            raise KeyError(f"nodes without a group: {missing[:10]}")
    d = nx.DiGraph(g) if g.is_directed() else nx.DiGraph(nx.Graph(g).to_directed())
    d.remove_edges_from(list(nx.selfloop_edges(d)))
    nodes = list(d.nodes())
    counts = {n: dict.fromkeys(ROLES, 0) for n in nodes}
    for b in nodes:
        gb = groups[b]
        outs = [c for c in d.successors(b)]
        for a in d.predecessors(b):
            ga = groups[a]
            succ_a = d._succ[a]
            for c in outs:
                if c == a or c in succ_a:
                    continue
                counts[b][_role(ga, gb, groups[c])] += 1
    t = pd.DataFrame.from_dict(counts, orient="index", columns=ROLES).reindex(nodes)
    t = t.astype(int)
    t["total"] = t[ROLES].sum(axis=1)
    sizes = pd.Series([groups[n] for n in nodes]).value_counts().to_dict()
    probs = {grp: role_probabilities(sizes, grp) for grp in sizes}
    for role in ROLES:
        p = np.array([probs[groups[n]][role] for n in nodes], dtype=float)
        exp = t["total"].to_numpy() * p
        sd = np.sqrt(t["total"].to_numpy() * p * (1 - p))
        t[f"exp_{role}"] = exp
        with np.errstate(divide="ignore", invalid="ignore"):
            t[f"z_{role}"] = np.where(sd > 0, (t[role].to_numpy() - exp) / np.where(sd > 0, sd, 1), np.nan)
    t.index.name = "node"
    return t
