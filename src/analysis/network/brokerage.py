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
UCINET. With ``null="binomial"`` (UCINET's reading) the z-score uses the binomial variance
``T_b p (1 - p)``: pairs are treated as independent draws, which they are not — pairs that
share an endpoint are dependent, and the binomial spread is too narrow for gatekeepers and
representatives and too wide for the other roles.

``null="permutation"`` uses the null itself: the other actors' labels are permuted (group
sizes fixed), the broker's own label and every path stay as observed, and ``z_<role>`` is
``(observed - mean) / sd`` of that distribution. It is enumerated exactly when the labels of
the broker's path ends take at most ``max_exact`` distinct arrangements, and sampled
``n_perm`` times otherwise. ``p_<role>`` is the one-sided chance of a count at least as large
as observed (more brokerage of that kind than chance).

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


def _resolve_groups(g: nx.Graph, groups: Mapping | str) -> Mapping:
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
    return groups


def brokered_pairs(g: nx.Graph) -> tuple[list, dict[int, tuple[np.ndarray, np.ndarray]]]:
    """Every broker's open two-paths ``a -> b -> c`` as two integer arrays of node positions
    (``a``'s and ``c``'s), keyed by the broker's position in the returned node list.
    Undirected ties are read both ways; self-loops and parallel ties are ignored.

    >>> nodes, pairs = brokered_pairs(nx.DiGraph([("a", "b"), ("b", "c")]))
    >>> nodes, [x.tolist() for x in pairs[1]]
    (['a', 'b', 'c'], [[0], [2]])
    """
    d = nx.DiGraph(g) if g.is_directed() else nx.DiGraph(nx.Graph(g).to_directed())
    d.remove_edges_from(list(nx.selfloop_edges(d)))
    nodes = list(d.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    out = {}
    for b in nodes:
        outs = list(d.successors(b))
        a_list, c_list = [], []
        for a in d.predecessors(b):
            succ_a = d._succ[a]
            ia = index[a]
            for c in outs:
                if c == a or c in succ_a:
                    continue
                a_list.append(ia)
                c_list.append(index[c])
        if a_list:
            out[index[b]] = (np.asarray(a_list, dtype=np.int64), np.asarray(c_list, dtype=np.int64))
    return nodes, out


def _role_counts(la: np.ndarray, lc: np.ndarray, gb: int) -> np.ndarray:
    """Counts of each role (last axis, ``ROLES`` order) for end labels ``la``/``lc`` of shape
    ``(..., T)`` and broker group ``gb``."""
    ina, inc, same = la == gb, lc == gb, la == lc
    return np.stack([(ina & inc).sum(-1), (~ina & same).sum(-1), (~ina & inc).sum(-1),
                     (ina & ~inc).sum(-1), (~ina & ~inc & ~same).sum(-1)], axis=-1)


def _n_arrangements(counts: np.ndarray, s: int) -> float:
    """Number of distinct label sequences of length ``s`` drawn without replacement from a
    multiset with ``counts`` (``s! [x^s] prod_g sum_{k<=c_g} x^k / k!``)."""
    from math import factorial
    poly = np.zeros(s + 1)
    poly[0] = 1.0
    for c in counts:
        term = np.array([1.0 / factorial(k) if k <= c else 0.0 for k in range(s + 1)])
        poly = np.convolve(poly, term)[: s + 1]
    return poly[s] * factorial(s)


def _exact_sequences(counts: np.ndarray, s: int) -> tuple[np.ndarray, np.ndarray]:
    """All label sequences of length ``s`` drawn without replacement from ``counts`` with
    their probabilities (built one position at a time, vectorised over sequences)."""
    k = len(counts)
    seqs = np.zeros((1, 0), dtype=np.int64)
    prob = np.ones(1)
    left = counts[None, :].astype(float)
    for _ in range(s):
        tot = left.sum(axis=1, keepdims=True)
        share = left / tot
        rows, labs = np.nonzero(share > 0)
        seqs = np.concatenate([seqs[rows], labs[:, None]], axis=1)
        prob = prob[rows] * share[rows, labs]
        left = left[rows].copy()
        left[np.arange(len(rows)), labs] -= 1
    return seqs, prob


def _sampled_sequences(counts: np.ndarray, s: int, r: int, rng: np.random.Generator) -> np.ndarray:
    """``r`` label sequences of length ``s`` drawn without replacement from ``counts``."""
    left = np.tile(counts.astype(float), (r, 1))
    out = np.empty((r, s), dtype=np.int64)
    rows = np.arange(r)
    for j in range(s):
        cum = np.cumsum(left, axis=1)
        u = rng.random(r) * cum[:, -1]
        lab = (cum <= u[:, None]).sum(axis=1)
        out[:, j] = lab
        left[rows, lab] -= 1
    return out


def _permutation_null(a_idx, c_idx, codes, gb, sizes, observed, *, n_perm, rng, max_exact, batch=256):
    """Null mean, sd and upper-tail p of the five role counts of one broker."""
    ends, inv = np.unique(np.concatenate([a_idx, c_idx]), return_inverse=True)
    pa, pc = inv[: len(a_idx)], inv[len(a_idx):]
    others = sizes.copy()
    others[gb] -= 1
    s = len(ends)
    if _n_arrangements(others, s) <= max_exact:
        seqs, prob = _exact_sequences(others, s)
        x = _role_counts(seqs[:, pa], seqs[:, pc], gb).astype(float)
        mean = prob @ x
        sd = np.sqrt(np.maximum(prob @ (x - mean) ** 2, 0))
        p = np.clip(prob @ (x >= observed[None, :] - 1e-9), 0.0, 1.0)
        return mean, sd, p, "exact"
    xs = []
    for start in range(0, n_perm, batch):
        seqs = _sampled_sequences(others, s, min(batch, n_perm - start), rng)
        xs.append(_role_counts(seqs[:, pa], seqs[:, pc], gb))
    x = np.concatenate(xs).astype(float)
    p = (1 + (x >= observed[None, :]).sum(axis=0)) / (len(x) + 1)
    return x.mean(axis=0), x.std(axis=0, ddof=1), p, "monte_carlo"


def gould_fernandez(g: nx.Graph, groups: Mapping | str, *, null: str = "binomial", n_perm: int = 1000,
                    seed: int = 0, max_exact: int = 20000) -> pd.DataFrame:
    """Brokerage role counts per node, their expected values, z-scores and p-values.

    ``groups`` is a node -> group mapping or the name of a node attribute. Every node must
    have a group (missing -> ``KeyError`` naming the nodes). Self-loops and parallel edges
    are ignored. Returns columns ``<role>``, ``total``, ``exp_<role>``, ``z_<role>`` and
    ``p_<role>`` for each role in ``ROLES`` and ``null`` (how the null was obtained: the
    ``binomial`` approximation, or the permutation null ``exact`` / ``monte_carlo``; ``none``
    for actors that broker nothing), indexed by node. Actors with no brokered pair get NaN z
    and p.

    >>> g = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "b")])
    >>> t = gould_fernandez(g, {"a": "X", "b": "X", "c": "Y", "d": "Y"}, null="permutation")
    >>> int(t.loc["b", "representative"]), round(float(t.loc["b", "exp_representative"]), 4), t.loc["b", "null"]
    (1, 0.6667, 'exact')
    """
    if null not in ("binomial", "permutation"):
        raise ValueError(f"null must be 'binomial' or 'permutation', got {null!r}")
    groups = _resolve_groups(g, groups)
    nodes, pairs = brokered_pairs(g)
    cats = sorted({groups[n] for n in nodes}, key=str)
    code = {c: i for i, c in enumerate(cats)}
    codes = np.array([code[groups[n]] for n in nodes], dtype=np.int64)
    sizes_arr = np.bincount(codes, minlength=len(cats))
    n = len(nodes)
    obs = np.zeros((n, len(ROLES)), dtype=np.int64)
    for b, (a_idx, c_idx) in pairs.items():
        obs[b] = _role_counts(codes[a_idx], codes[c_idx], codes[b])
    t = pd.DataFrame(obs, index=nodes, columns=ROLES)
    t["total"] = t[ROLES].sum(axis=1)
    total = t["total"].to_numpy()
    exp = np.full((n, len(ROLES)), np.nan)
    sd = np.full((n, len(ROLES)), np.nan)
    pval = np.full((n, len(ROLES)), np.nan)
    method = np.array([null if null == "binomial" else "none"] * n, dtype=object)
    sizes = {c: int(sizes_arr[i]) for i, c in enumerate(cats)}
    probs = {i: role_probabilities(sizes, c) for i, c in enumerate(cats)}
    pr = np.array([[probs[codes[i]][r] for r in ROLES] for i in range(n)], dtype=float).reshape(n, len(ROLES))
    exp[:] = total[:, None] * pr
    if null == "binomial":
        from scipy.stats import binom
        sd[:] = np.sqrt(total[:, None] * pr * (1 - pr))
        with np.errstate(invalid="ignore"):
            pval[:] = binom.sf(obs - 1, total[:, None], pr)
        pval[total == 0] = np.nan
    else:
        rng = np.random.default_rng(seed)
        for b, (a_idx, c_idx) in pairs.items():
            mean, s_, p_, how = _permutation_null(a_idx, c_idx, codes, codes[b], sizes_arr, obs[b].astype(float),
                                                  n_perm=n_perm, rng=rng, max_exact=max_exact)
            exp[b], sd[b], pval[b], method[b] = mean, s_, p_, how
    for j, role in enumerate(ROLES):
        t[f"exp_{role}"] = exp[:, j]
        with np.errstate(divide="ignore", invalid="ignore"):
            t[f"z_{role}"] = np.where(sd[:, j] > 0, (obs[:, j] - exp[:, j]) / np.where(sd[:, j] > 0, sd[:, j], 1), np.nan)
    for j, role in enumerate(ROLES):
        t[f"p_{role}"] = pval[:, j]
    t["null"] = method
    t.index.name = "node"
    return t
