"""Actor measures against networkx's own implementations on canonical graphs."""

import math

import networkx as nx
import pandas as pd
import pytest

from analysis.network import engine
from analysis.network.measures import (
    MEASURES,
    centrality_table,
    constraint,
    core_number,
    core_periphery,
    eigenvector,
)


@pytest.fixture(scope="module")
def florentine():
    return nx.florentine_families_graph()


@pytest.fixture(scope="module")
def karate():
    return nx.karate_club_graph()


def test_medici_betweenness_exact(florentine):
    # Padgett's Florentine families: Medici betweenness 0.521978... (= 47.5 / 91)
    t = centrality_table(florentine)
    assert t.loc["Medici", "betweenness"] == pytest.approx(47.5 / 91)
    assert t["betweenness"].idxmax() == "Medici"
    assert t.loc["Medici", "degree"] == 6


@pytest.mark.parametrize("name", ["florentine", "karate"])
def test_matches_networkx(name, request):
    g = request.getfixturevalue(name)
    t = centrality_table(g)
    # karate carries tie weights: eigenvector and constraint use them
    expected = {
        "betweenness": nx.betweenness_centrality(g), "closeness": nx.closeness_centrality(g),
        "eigenvector": nx.eigenvector_centrality_numpy(g, weight="weight"),
        "constraint": nx.constraint(g, weight="weight"), "core_number": nx.core_number(g),
    }
    for measure, values in expected.items():
        assert t[measure].to_dict() == pytest.approx(values, abs=1e-6), measure


def test_karate_core_numbers(karate):
    cn = core_number(karate)
    assert cn.max() == 4 and (cn == 4).sum() == 10
    assert cn[11] == 1  # the one member tied only to the instructor


def test_weighted_directed_constraint_matches_networkx():
    g = nx.gnp_random_graph(25, 0.2, directed=True, seed=3)
    for u, v in g.edges:
        g[u][v]["weight"] = 1 + (u + v) % 3
    ours, theirs = constraint(g), nx.constraint(g, weight="weight")
    for n in g:
        if math.isnan(theirs[n]):
            assert math.isnan(ours[n])
        else:
            assert ours[n] == pytest.approx(theirs[n])


def test_sampled_betweenness_is_close(karate):
    exact = engine.betweenness(karate)
    est = pd.concat([engine.betweenness(karate, k=17, seed=s) for s in range(30)], axis=1).mean(axis=1)
    assert est[0] == pytest.approx(exact[0], rel=0.15)
    assert est.idxmax() == exact.idxmax() == 0
    with pytest.raises(ValueError):
        engine.betweenness(karate, k=0)


def test_directed_closeness_matches_networkx():
    d = nx.DiGraph([(1, 2), (2, 3), (4, 1)])
    d.add_node(9)
    c = engine.closeness(d)
    assert c.to_dict() == pytest.approx(nx.closeness_centrality(d))


def test_eigenvector_per_component():
    g = nx.disjoint_union(nx.path_graph(3), nx.complete_graph(3))
    g.add_node("iso")
    e = eigenvector(g)
    assert e[1] == pytest.approx(1 / math.sqrt(2))        # centre of a path of 3: (1/2, 1/sqrt2, 1/2)
    assert e[3] == pytest.approx(1 / math.sqrt(3))        # triangle: all equal, unit norm
    assert e["iso"] == 0.0


def test_core_periphery_recovers_planted_core():
    g = nx.complete_graph(6)
    for i in range(6):
        g.add_edge(i, 100 + i)
        g.add_edge(i, 200 + i)
    cp = core_periphery(g)
    assert set(cp.index[cp["is_core"]]) == set(range(6))
    assert cp.attrs["fit_correlation"] == pytest.approx(1.0)
    assert cp.loc[0, "coreness"] > cp.loc[100, "coreness"]


def test_edge_cases_selfloops_duplicates_isolates():
    g = nx.MultiGraph([("a", "b"), ("a", "b"), ("b", "c"), ("c", "c")])
    g.add_node("iso")
    t = centrality_table(g)
    assert list(t.columns) == MEASURES
    assert t.loc["b", "degree"] == 2          # duplicates and self-loops do not add neighbours
    assert t.loc["c", "degree"] == 1
    assert t.loc["b", "betweenness"] == pytest.approx(1 / 3)  # one pair of 3 among 4 actors
    assert t.loc["iso", "degree"] == 0 and t.loc["iso", "closeness"] == 0
    assert math.isnan(t.loc["iso", "constraint"])
    assert t.loc["iso", "core_number"] == 0


def test_empty_graph():
    t = centrality_table(nx.Graph())
    assert t.empty and list(t.columns) == MEASURES
    assert core_periphery(nx.Graph()).empty


def test_prepared_graph_is_converted_once_and_reused(florentine):
    p = engine.prepare(florentine)
    assert engine.to_igraph(p)[0] is p.graph
    assert engine.betweenness(p).to_dict() == pytest.approx(nx.betweenness_centrality(florentine))
    g = nx.MultiGraph([("a", "b", {"weight": 2}), ("a", "b", {"weight": 3}), ("b", "c", {})])
    h, nodes = engine.to_igraph(g)
    assert nodes == ["a", "b", "c"] and h.get_edgelist() == [(0, 1), (1, 2)] and h.es["weight"] == [5.0, 1.0]
    with pytest.raises(ValueError, match="prepared with weight"):
        engine.betweenness(p, weight="distance")


def test_missing_tie_weight_is_a_clear_error():
    g = nx.Graph()
    g.add_edge("a", "b", weight=None)
    with pytest.raises(ValueError, match="must be a number"):
        engine.to_igraph(g)
