"""Consensus syndicates: planted partitions recovered, stability scores, resolution rule."""

import networkx as nx
import numpy as np
import pytest

from analysis.network import engine
from analysis.network.syndicates import (
    actor_stability,
    choose_resolution,
    detect_syndicates,
)


@pytest.fixture(scope="module")
def planted():
    g = nx.planted_partition_graph(6, 25, 0.4, 0.02, seed=7)
    truth = np.array([n // 25 for n in g.nodes()])
    return g, truth


def test_planted_partition_recovered(planted):
    g, truth = planted
    res = detect_syndicates(g, n_runs=20)
    assert engine.nmi(truth, res.membership.reindex(list(g.nodes())).to_numpy()) >= 0.9
    assert res.membership.nunique() == 6
    assert res.actor_stability.between(0, 1).all()
    assert res.summary()["n_syndicates"] == 6


def test_two_cliques_exact_and_stable():
    g = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    g.add_edge(0, 5)
    res = detect_syndicates(g, n_runs=10)
    assert res.membership.tolist() == [0] * 5 + [1] * 5
    assert res.actor_stability.tolist() == [1.0] * 10
    assert res.syndicate_stability.tolist() == [1.0, 1.0]


def test_same_seed_same_result(planted):
    g, _ = planted
    a = detect_syndicates(g, n_runs=5, seed=3).membership
    b = detect_syndicates(g, n_runs=5, seed=3).membership
    assert a.equals(b)


def test_isolates_selfloops_directed_and_empty():
    g = nx.DiGraph([(0, 1), (1, 2), (2, 0), (3, 3)])
    g.add_node(4)
    res = detect_syndicates(g, n_runs=5)
    assert res.membership[0] == res.membership[1] == res.membership[2]
    assert res.membership.nunique() == 3          # triangle, and two lone actors
    assert res.actor_stability[4] == 1.0          # always alone
    empty = detect_syndicates(nx.Graph())
    assert empty.membership.empty
    with pytest.raises(ValueError):
        detect_syndicates(g, threshold=0)


def test_actor_stability_by_hand():
    # consensus {0,1}, {2}: run 1 keeps 0 and 1 together, run 2 separates them
    runs = np.array([[0, 0, 1], [0, 1, 2]])
    assert actor_stability(runs, np.array([0, 0, 1])).tolist() == [0.5, 0.5, 1.0]


def test_choose_resolution_prefers_reproducible_non_degenerate(planted):
    g, _ = planted
    t = choose_resolution(g, grid=(0.01, 1.0, 50.0), n_runs=5)
    assert t["chosen"].sum() == 1
    assert bool(t.loc[t["resolution"] == 0.01, "degenerate"].iloc[0])   # one syndicate per component
    assert t.loc[t["chosen"], "resolution"].iloc[0] == 1.0


def test_nmi_edge_cases():
    assert engine.nmi([1, 1, 1], [2, 2, 2]) == 1.0
    assert engine.nmi([0, 1, 2], [5, 6, 7]) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        engine.nmi([0, 1], [0])


def test_adaptive_ensemble_stops_when_runs_agree_and_backends_agree():
    g = nx.disjoint_union(nx.complete_graph(6), nx.complete_graph(6))
    g.add_edge(0, 6)
    assert detect_syndicates(g, n_runs=50).params["runs_made"] == 20   # two batches that agree
    assert detect_syndicates(g, n_runs=50, adaptive=False).params["runs_made"] == 50
    a = detect_syndicates(g, n_runs=10, backend="leidenalg").membership
    assert a.tolist() == [0] * 6 + [1] * 6
    with pytest.raises(ValueError, match="backend"):
        detect_syndicates(g, n_runs=2, backend="nope")
