"""Disruption strategies, fragmentation curves, key players and re-formation."""

import networkx as nx
import pandas as pd
import pytest

from analysis.network import disruption as D


def test_fragmentation_exact_on_star():
    g = nx.star_graph(4)  # centre 0, leaves 1..4
    f = D.fragmentation(g, [0])
    assert f == pytest.approx({"largest_share": 0.2, "n_components": 4, "efficiency": 0.0,
                               "kpp_fragmentation": 1.0})
    intact = D.fragmentation(g)
    # distances: 4 centre-leaf pairs at 1, 6 leaf-leaf pairs at 2 -> (4*1 + 6*0.5) * 2 / (5*4)
    assert intact["efficiency"] == pytest.approx(0.7)
    assert intact["kpp_fragmentation"] == 0.0


def test_key_player_neg_finds_bridge():
    g = nx.barbell_graph(5, 1)  # two 5-cliques joined through node 5
    assert D.key_player_neg(g, 1, measure="components") == [5]
    # distance-weighted: removing the bridge leaves 2 x 20 ordered pairs at distance 1 of 110
    assert D.fragmentation(g, [5])["efficiency"] == pytest.approx(40 / 110)
    # path 0..6: the best pair leaves pieces of sizes 1, 2, 2 -> 4 of 42 ordered pairs at distance 1
    best = D.key_player_neg(nx.path_graph(7), 2)
    assert D.fragmentation(nx.path_graph(7), best)["efficiency"] == pytest.approx(4 / 42)
    with pytest.raises(ValueError):
        D.key_player_neg(g, 1, measure="magic")
    assert D.key_player_pos(nx.star_graph(6), 1) == [0]


def test_strategies_and_curves():
    g = nx.barbell_graph(4, 2)
    assert D.removal_order(g, "betweenness", 1) == [4]
    assert D.removal_order(g, "degree", 2) == [3, 6]  # the clique nodes holding the bridge
    rec = D.removal_order(g, "betweenness_recalc", 2)
    assert rec[0] == 4 and len(set(rec)) == 2
    t = D.disruption_curves(g, ["betweenness", "random"], k=2, repeats=3)
    assert set(t["strategy"]) == {"betweenness", "random"}
    assert len(t) == 3 + 3 * 3
    row = t[(t.strategy == "betweenness") & (t.n_removed == 1)].iloc[0]
    assert row["n_components"] == 2 and row["largest_share"] == pytest.approx(5 / 10)
    with pytest.raises(ValueError, match="unknown strategy"):
        D.removal_order(g, "magic", 1)


def test_brokerage_strategy_with_and_without_groups():
    g = nx.path_graph(["a", "b", "c", "d"])
    assert D.removal_order(g, "brokerage", 1)[0] in {"b", "c"}
    groups = {"a": "X", "b": "X", "c": "Y", "d": "Y"}
    assert D.removal_order(g, "brokerage", 1, groups=groups)[0] in {"b", "c"}


def test_syndicate_key_players():
    g = nx.barbell_graph(3, 1)  # cliques 0-1-2 and 4-5-6 joined through node 3
    g.add_edge(7, 8)
    memb = pd.Series([0] * 7 + [1] * 2, index=range(9))
    t = D.syndicate_key_players(g, memb, k=1, min_size=4, measure="components")
    assert t["key_players"].tolist() == [[3]]
    assert t["n_components_after"].tolist() == [2]


def test_reformation_model():
    g = nx.barbell_graph(3, 1)  # 0-1-2 clique, bridge 3, clique 4-5-6
    r = D.reformation(g, [3]).iloc[0]
    assert r["largest_share_after_removal"] == pytest.approx(3 / 7)
    assert r["new_ties"] == 1.0
    assert r["largest_share_reformed"] == pytest.approx(6 / 7)


def test_errors_and_edge_cases():
    with pytest.raises(KeyError, match="unknown node"):
        D.fragmentation(nx.path_graph(3), ["nope"])
    with pytest.raises(ValueError):
        D.fragmentation(nx.Graph())
    with pytest.raises(ValueError):
        D.key_player_neg(nx.path_graph(3), 5)
    g = nx.MultiGraph([(0, 1), (0, 1), (1, 1)])
    assert D.fragmentation(g)["n_components"] == 1
