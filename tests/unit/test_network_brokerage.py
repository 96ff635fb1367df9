"""Gould–Fernandez brokerage on a hand-computed example."""

import math

import networkx as nx
import pytest

from analysis.network.brokerage import ROLES, gould_fernandez, role_probabilities


@pytest.fixture
def example():
    """Six actors in three groups: A = {x1, x2, b}, B = {y1, y2}, C = {z1}.

    Ties: x1->b, y1->b, b->x2, b->y1, b->y2, b->z1 and the direct tie x1->y2.

    Open two-paths through b (a -> b -> c, a != c, no a -> c tie):

    * from x1: x1-b-x2 (A,A,A: coordinator), x1-b-y1 (A,A,B: representative),
      x1-b-z1 (A,A,C: representative); x1-b-y2 is closed by x1->y2.
    * from y1: y1-b-x2 (B,A,A: gatekeeper), y1-b-y2 (B,A,B: itinerant),
      y1-b-z1 (B,A,C: liaison); y1-b-y1 is not a pair.

    So b: coordinator 1, itinerant 1, gatekeeper 1, representative 2, liaison 1, total 6.
    y1 sits on b->y1->b only (a == c), so no actor but b brokers anything.

    Expected values for b (n = 6, m = 2 other A members, r = 3 outsiders, D = 5 * 4 = 20):
    P(coordinator) = 2*1/20 = 0.1, P(gatekeeper) = P(representative) = 3*2/20 = 0.3,
    P(itinerant) = (2*1 + 1*0)/20 = 0.1, P(liaison) = (3*2 - 2)/20 = 0.2;
    times total 6: 0.6, 0.6, 1.8, 1.8, 1.2.
    z(representative) = (2 - 1.8) / sqrt(6 * 0.3 * 0.7) = 0.2 / sqrt(1.26).
    """
    g = nx.DiGraph([("x1", "b"), ("y1", "b"), ("b", "x2"), ("b", "y1"), ("b", "y2"), ("b", "z1"), ("x1", "y2")])
    groups = {"x1": "A", "x2": "A", "b": "A", "y1": "B", "y2": "B", "z1": "C"}
    return g, groups


def test_counts_by_hand(example):
    t = gould_fernandez(*example)
    assert t.loc["b", ROLES].tolist() == [1, 1, 1, 2, 1]
    assert t.loc["b", "total"] == 6
    assert t.drop(index="b")["total"].sum() == 0


def test_expected_and_z_by_hand(example):
    t = gould_fernandez(*example)
    exp = t.loc["b", [f"exp_{r}" for r in ROLES]].tolist()
    assert exp == pytest.approx([0.6, 0.6, 1.8, 1.8, 1.2])
    assert t.loc["b", "z_representative"] == pytest.approx(0.2 / math.sqrt(1.26))
    assert t.loc["b", "z_coordinator"] == pytest.approx((1 - 0.6) / math.sqrt(6 * 0.1 * 0.9))
    assert math.isnan(t.loc["x1", "z_coordinator"])  # no brokered pairs: z undefined


def test_probabilities_sum_to_one():
    p = role_probabilities({"A": 3, "B": 2, "C": 1}, "A")
    assert p == pytest.approx({"coordinator": 0.1, "itinerant": 0.1, "gatekeeper": 0.3,
                               "representative": 0.3, "liaison": 0.2})
    for sizes in ({"A": 1, "B": 1, "C": 1}, {"A": 10, "B": 4}, {"A": 2, "B": 2, "C": 5, "D": 7}):
        for grp in sizes:
            assert sum(role_probabilities(sizes, grp).values()) == pytest.approx(1.0)


def test_attribute_grouping_and_missing_group(example):
    g, groups = example
    nx.set_node_attributes(g, groups, "province")
    assert gould_fernandez(g, "province").loc["b", "total"] == 6
    with pytest.raises(KeyError, match="without a group"):
        gould_fernandez(g, {"b": "A"})
    g.add_node("w")
    with pytest.raises(KeyError, match="province"):
        gould_fernandez(g, "province")


def test_undirected_counts_both_directions_and_ignores_selfloops():
    g = nx.Graph([("a", "b"), ("b", "c"), ("b", "b")])
    t = gould_fernandez(g, {"a": "X", "b": "X", "c": "Y"})
    # a-b-c and c-b-a: one representative, one gatekeeper
    assert t.loc["b", ["representative", "gatekeeper", "total"]].tolist() == [1, 1, 2]


def test_empty_graph():
    t = gould_fernandez(nx.DiGraph(), {})
    assert len(t) == 0 and list(t.columns[:5]) == ROLES


# --- permutation null ---------------------------------------------------------------------

import itertools  # noqa: E402

import numpy as np  # noqa: E402


def _enumerated_null(g, groups, broker):
    """Every distinct relabelling of the other actors (group sizes fixed, broker fixed):
    the exact permutation distribution of the broker's five role counts, by brute force."""
    others = [v for v in g if v != broker]
    rows = []
    for perm in set(itertools.permutations([groups[v] for v in others])):
        relabelled = dict(zip(others, perm))
        relabelled[broker] = groups[broker]
        rows.append(gould_fernandez(g, relabelled).loc[broker, ROLES].to_numpy(dtype=float))
    return np.array(rows)


@pytest.fixture(scope="module")
def small():
    g = nx.gnp_random_graph(8, 0.35, directed=True, seed=5)
    groups = {v: "ABC"[v % 3] for v in g}
    return g, groups


def test_permutation_by_hand():
    # b's pairs: a-b-c (X,X,Y representative) and d-b-c (Y,X,Y itinerant). The others carry
    # labels {X, Y, Y}: representative count is 1 exactly when a or d gets the X (p = 2/3).
    g = nx.DiGraph([("a", "b"), ("b", "c"), ("d", "b")])
    t = gould_fernandez(g, {"a": "X", "b": "X", "c": "Y", "d": "Y"}, null="permutation")
    assert t.loc["b", "null"] == "exact"
    assert t.loc["b", "exp_representative"] == pytest.approx(2 / 3)
    assert t.loc["b", "z_representative"] == pytest.approx((1 - 2 / 3) / math.sqrt(2 / 9))
    assert t.loc["b", "p_representative"] == pytest.approx(2 / 3)
    assert t.loc["b", "p_itinerant"] == pytest.approx(2 / 3)  # c is Y and one of a, d is Y: unless c gets the X
    assert math.isnan(t.loc["a", "z_coordinator"]) and math.isnan(t.loc["a", "p_coordinator"])


def test_exact_null_equals_brute_force_enumeration(small):
    g, groups = small
    t = gould_fernandez(g, groups, null="permutation")
    for b in t.index[t["total"] > 0][:3]:
        assert t.loc[b, "null"] == "exact"
        xs = _enumerated_null(g, groups, b)
        obs = t.loc[b, ROLES].to_numpy(dtype=float)
        assert t.loc[b, [f"exp_{r}" for r in ROLES]].to_numpy(dtype=float) == pytest.approx(xs.mean(axis=0))
        assert t.loc[b, [f"p_{r}" for r in ROLES]].to_numpy(dtype=float) == pytest.approx((xs >= obs).mean(axis=0))
        sd = xs.std(axis=0)
        for j, r in enumerate(ROLES):
            z = t.loc[b, f"z_{r}"]
            if sd[j] > 0:
                assert z == pytest.approx((obs[j] - xs[:, j].mean()) / sd[j])


def test_monte_carlo_z_spread_within_ten_percent_of_exact(small):
    """The spread implied by the z-scores, (observed - expected) / z, matches the exact
    permutation spread within 10 % for every role; the binomial approximation does not."""
    g, groups = small
    b = gould_fernandez(g, groups)["total"].idxmax()
    xs = _enumerated_null(g, groups, b)
    exact_sd = xs.std(axis=0)
    mc = gould_fernandez(g, groups, null="permutation", max_exact=0, n_perm=4000, seed=1)
    binom = gould_fernandez(g, groups)
    assert mc.loc[b, "null"] == "monte_carlo"
    binom_off = []
    for j, r in enumerate(ROLES):
        obs = mc.loc[b, r]
        if exact_sd[j] == 0 or obs == mc.loc[b, f"exp_{r}"]:
            continue
        implied = (obs - mc.loc[b, f"exp_{r}"]) / mc.loc[b, f"z_{r}"]
        assert implied == pytest.approx(exact_sd[j], rel=0.10), r
        implied_binom = (obs - binom.loc[b, f"exp_{r}"]) / binom.loc[b, f"z_{r}"]
        binom_off.append(abs(implied_binom / exact_sd[j] - 1))
    assert max(binom_off) > 0.10


def test_monte_carlo_is_seeded_and_p_in_range(small):
    g, groups = small
    a = gould_fernandez(g, groups, null="permutation", max_exact=0, n_perm=300, seed=4)
    b = gould_fernandez(g, groups, null="permutation", max_exact=0, n_perm=300, seed=4)
    pd_cols = [f"p_{r}" for r in ROLES]
    assert a[pd_cols].equals(b[pd_cols])
    p = a.loc[a["total"] > 0, pd_cols].to_numpy()
    assert ((p > 0) & (p <= 1)).all()  # (1 + k) / (R + 1) is never 0
    with pytest.raises(ValueError, match="null"):
        gould_fernandez(g, groups, null="normal")


def test_binomial_p_value_by_hand(example):
    t = gould_fernandez(*example)
    # b: coordinator 1 of 6 pairs with p = 0.1 -> P(X >= 1) = 1 - 0.9^6
    assert t.loc["b", "p_coordinator"] == pytest.approx(1 - 0.9 ** 6)
    assert (t["null"] == "binomial").all()


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=3, max_value=9), st.floats(min_value=0.1, max_value=0.6),
       st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=3))
def test_permutation_means_equal_the_analytic_expectation(n, p, seed, n_groups):
    """Under the permutation null each pair is a random ordered pair of distinct others, so
    the null mean of every role count is T_b times the role's probability, whichever null."""
    g = nx.gnp_random_graph(n, p, directed=True, seed=seed)
    groups = {v: v % n_groups for v in g}
    perm = gould_fernandez(g, groups, null="permutation")
    binom = gould_fernandez(g, groups)
    assert (perm[ROLES] == binom[ROLES]).all().all()
    exact = perm["null"] == "exact"
    cols = [f"exp_{r}" for r in ROLES]
    assert np.allclose(perm.loc[exact, cols].to_numpy(dtype=float), binom.loc[exact, cols].to_numpy(dtype=float))
    assert set(perm.loc[perm["total"] == 0, "null"]) <= {"none"}
