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
