"""Consensus syndicates: planted partitions recovered, stability scores, resolution rule."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert detect_syndicates(g, n_runs=50).params["runs_made"] == 10   # two batches of 5 that agree
    assert detect_syndicates(g, n_runs=50, batch=10).params["runs_made"] == 20
    assert detect_syndicates(g, n_runs=50, adaptive=False).params["runs_made"] == 50
    a = detect_syndicates(g, n_runs=10, backend="leidenalg").membership
    assert a.tolist() == [0] * 6 + [1] * 6
    with pytest.raises(ValueError, match="backend"):
        detect_syndicates(g, n_runs=2, backend="nope")


def test_prepared_graph_gives_the_same_results_as_networkx_graph():
    g = nx.disjoint_union(nx.complete_graph(5), nx.complete_graph(5))
    g.add_edges_from([(0, 5), (1, 6)])
    p = engine.prepare(g)
    assert engine.prepare(p) is p
    a, b = detect_syndicates(g, n_runs=10, seed=2), detect_syndicates(p, n_runs=10, seed=2)
    assert a.membership.tolist() == b.membership.tolist() == [0] * 5 + [1] * 5
    assert a.actor_stability.tolist() == b.actor_stability.tolist()
    assert engine.betweenness(p, k=4, seed=1).tolist() == engine.betweenness(g, k=4, seed=1).tolist()
    with pytest.raises(ValueError, match="prepared with weight"):
        detect_syndicates(p, weight="strength")


def test_prepared_directed_multigraph_is_simplified_without_changing_it():
    g = nx.MultiDiGraph([(0, 1), (0, 1), (1, 0), (1, 1), (2, 3)])
    p = engine.prepare(g)
    h, nodes = engine.undirected_simple(p)
    assert h.get_edgelist() == [(0, 1), (2, 3)] and h.es["weight"] == [3.0, 1.0]
    assert p.graph.is_directed() and p.graph.ecount() == 4  # parallel 0->1 summed, loop kept


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 4), min_size=6, max_size=6), min_size=1, max_size=4),
       st.lists(st.integers(0, 3), min_size=6, max_size=6))
def test_actor_stability_matches_its_definition(runs, consensus):
    runs, consensus = np.array(runs), np.array(consensus)
    got = actor_stability(runs, consensus)
    for v in range(6):
        partners = [u for u in range(6) if consensus[u] == consensus[v] and u != v]
        if partners:
            want = np.mean([np.mean([r[u] == r[v] for u in partners]) for r in runs])
        else:
            want = np.mean([(r == r[v]).sum() == 1 for r in runs])
        assert got[v] == pytest.approx(want)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_graphs_without_groups_give_only_weak_syndicates(seed):
    for g in (nx.gnp_random_graph(120, 0.06, seed=seed), nx.random_regular_graph(4, 80, seed=seed),
              nx.gnp_random_graph(60, 0.04, seed=seed)):
        res = detect_syndicates(g, n_runs=50, seed=seed)
        t = res.syndicates
        assert len(t) == res.membership.nunique()
        assert t["weak"].all(), t[~t["weak"]]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_planted_partition_of_four_groups_is_not_weak(seed):
    g = nx.planted_partition_graph(4, 20, 0.5, 0.03, seed=seed)
    res = detect_syndicates(g, n_runs=50, seed=seed)
    t = res.syndicates
    assert len(t) == 4 and t["n_actors"].tolist() == [20] * 4
    assert not t["weak"].any()
    assert (t["stability"] == 1.0).all() and (t["stability_null"] < 0.8).all()
    assert not t["whole_component"].any()


def test_whole_components_that_no_rewiring_changes_are_weak():
    # a pair, a triangle and a star: each rewiring is the same graph, so stability equals the null
    g = nx.disjoint_union_all([nx.path_graph(2), nx.complete_graph(3), nx.star_graph(4)])
    res = detect_syndicates(g, n_runs=10)
    t = res.syndicates.sort_values("n_actors")
    assert t["n_actors"].tolist() == [2, 3, 5]
    assert t["whole_component"].all() and t["weak"].all()
    assert (t["stability"] == t["stability_null"]).all()


def test_null_can_be_switched_off_and_is_reproducible(planted):
    g, _ = planted
    off = detect_syndicates(g, n_runs=5, null_rewirings=0).syndicates
    assert off["stability_null"].isna().all() and not off["weak"].any()
    a = detect_syndicates(g, n_runs=5, null_rewirings=2, seed=4).syndicates
    b = detect_syndicates(g, n_runs=5, null_rewirings=2, seed=4).syndicates
    assert a.equals(b)
    with pytest.raises(ValueError, match="null_rewirings"):
        detect_syndicates(g, null_rewirings=-1)


def test_rewiring_keeps_degrees_components_and_connectivity():
    import igraph as ig

    from analysis.network.syndicates import rewire_within_components

    h = ig.Graph.Tree(15, 2) + ig.Graph.Ring(10)
    h.es["weight"] = [1.0] * h.ecount()
    r, comp = rewire_within_components(h, seed=3)
    assert r.degree() == h.degree()
    assert r.connected_components().membership == h.connected_components().membership
    assert sorted(map(sorted, r.get_edgelist())) != sorted(map(sorted, h.get_edgelist()))  # something moved
    assert r.is_simple()
