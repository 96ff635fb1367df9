"""CUG and QAP tests against brute force on small graphs."""

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from analysis.network.measures import centralization
from analysis.network.significance import (
    RESULT_COLUMNS,
    _decode_pairs,
    _statistic_from_ties,
    cug_table,
    cug_test,
    gcor,
    qap_table,
    qap_test,
    random_ties,
    relation_layers,
    significance_table,
)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("n", [2, 3, 6, 11])
def test_pair_numbers_decode_to_every_pair_once(n, directed):
    total = n * (n - 1) if directed else n * (n - 1) // 2
    i, j = _decode_pairs(np.arange(total), n, directed)
    expected = {(a, b) for a in range(n) for b in range(n) if a != b and (directed or a < b)}
    assert set(zip(i.tolist(), j.tolist())) == expected and len(i) == total


@pytest.mark.parametrize("directed", [False, True])
def test_array_statistics_equal_the_graph_measures(directed):
    rng = np.random.default_rng(3)
    for _ in range(3):
        i, j = random_ties(18, 40, rng, directed=directed)
        assert len(set(zip(i.tolist(), j.tolist()))) == 40
        h = nx.DiGraph() if directed else nx.Graph()
        h.add_nodes_from(range(18))
        h.add_edges_from(zip(i.tolist(), j.tolist()))
        assert _statistic_from_ties("density", 18, i, j, directed) == pytest.approx(nx.density(h))
        for m in ("degree", "betweenness", "closeness"):
            assert _statistic_from_ties(f"{m}_centralization", 18, i, j, directed) == pytest.approx(centralization(h, m))


def test_random_ties_rejects_impossible_counts():
    with pytest.raises(ValueError):
        random_ties(4, 7, np.random.default_rng(0))


def test_cug_star_and_complete_graph():
    r = cug_test(nx.star_graph(9), "degree_centralization", condition="edges", n_sim=300)
    assert r["observed"] == 1.0 and r["p_ge"] == 0.0 and r["p_le"] == 1.0
    r = cug_test(nx.complete_graph(8), "density", condition="size", n_sim=300)
    assert r["observed"] == 1.0 and r["p_ge"] == 0.0
    # same number of ties: density cannot vary
    r = cug_test(nx.path_graph(6), "density", condition="edges", n_sim=50)
    assert r["null_sd"] == pytest.approx(0, abs=1e-12) and r["p_ge"] == 1.0 and r["p_le"] == 1.0


def test_cug_size_null_is_half_density():
    # n = 40: 780 pairs, each tie with p = 0.5; the null mean of density is 0.5 (sd 0.018)
    r = cug_test(nx.empty_graph(40), "density", condition="size", n_sim=2000, seed=2)
    assert r["null_mean"] == pytest.approx(0.5, abs=0.003)
    assert r["null_sd"] == pytest.approx(math.sqrt(0.25 / 780), rel=0.1)
    assert r["p_le"] == 0.0


def test_cug_edges_null_matches_brute_force_on_a_tiny_graph():
    # 5 actors, 4 ties: all C(10, 4) = 210 graphs are equally likely under the edges condition
    g = nx.star_graph(4)
    pairs = list(itertools.combinations(range(5), 2))
    vals = []
    for combo in itertools.combinations(pairs, 4):
        h = nx.empty_graph(5)
        h.add_edges_from(combo)
        vals.append(centralization(h, "degree"))
    exact_ge = np.mean(np.array(vals) >= 1.0 - 1e-12)  # only the 5 stars reach 1
    assert exact_ge == pytest.approx(5 / 210)
    r = cug_test(g, "degree_centralization", condition="edges", n_sim=6000, seed=5)
    assert r["p_ge"] == pytest.approx(exact_ge, abs=0.01)
    assert r["null_mean"] == pytest.approx(np.mean(vals), abs=0.01)


def test_cug_callable_statistic_and_table():
    r = cug_test(nx.complete_graph(5), nx.transitivity, condition="edges", n_sim=5)
    assert r["statistic"] == "transitivity" and r["observed"] == 1.0 and r["p_ge"] == 1.0
    t = cug_table(nx.star_graph(5), n_sim=50)
    assert list(t.columns) == RESULT_COLUMNS and len(t) == 3
    with pytest.raises(ValueError, match="condition"):
        cug_test(nx.star_graph(5), condition="dyads")


@pytest.mark.parametrize("directed", [False, True])
def test_gcor_matches_numpy(directed):
    g1 = nx.gnp_random_graph(12, 0.3, directed=directed, seed=1)
    g2 = nx.gnp_random_graph(12, 0.3, directed=directed, seed=2)
    g2.add_edges_from(list(g1.edges())[:6])
    a, b = (nx.to_numpy_array(h, nodelist=range(12)) for h in (g1, g2))
    mask = ~np.eye(12, dtype=bool) if directed else np.triu(np.ones((12, 12), dtype=bool), 1)
    assert gcor(g1, g2) == pytest.approx(np.corrcoef(a[mask], b[mask])[0, 1])


def test_gcor_weighted_and_mixed_direction():
    g1 = nx.Graph()
    g1.add_weighted_edges_from([(0, 1, 2.0), (1, 2, 1.0), (2, 3, 3.0)])
    g2 = nx.DiGraph([(0, 1), (2, 3), (3, 0)])
    a = nx.to_numpy_array(g1, nodelist=range(4))  # undirected read as both directions
    b = nx.to_numpy_array(g2, nodelist=range(4), weight=None)
    mask = ~np.eye(4, dtype=bool)
    assert gcor(g1, g2, weight="weight") == pytest.approx(np.corrcoef(a[mask], b[mask])[0, 1])


def test_qap_matches_full_enumeration_on_four_actors():
    g1 = nx.DiGraph([(0, 1), (1, 2), (2, 3), (0, 2)])
    g2 = nx.DiGraph([(0, 1), (1, 2), (3, 0)])
    obs = gcor(g1, g2)
    null = []
    for p in itertools.permutations(range(4)):
        null.append(gcor(g1, nx.relabel_nodes(g2, dict(zip(range(4), p))), nodes=range(4)))
    null = np.array(null)
    r = qap_test(g1, g2, n_perm=6000, seed=3)
    assert r["observed"] == pytest.approx(obs)
    assert r["p_ge"] == pytest.approx((null >= obs - 1e-12).mean(), abs=0.015)
    assert r["null_mean"] == pytest.approx(null.mean(), abs=0.01)


def test_qap_identical_and_independent_layers():
    g = nx.gnm_random_graph(40, 80, seed=1)
    r = qap_test(g, g.copy(), n_perm=300)
    assert r["observed"] == pytest.approx(1.0) and r["p_ge"] == 0.0
    r = qap_test(g, nx.gnm_random_graph(40, 80, seed=9), n_perm=500, seed=1)
    assert abs(r["null_mean"]) < 0.02 and 0.02 < r["p_ge"] < 0.98


def test_layers_and_tables():
    ties = pd.DataFrame({"source_id": ["v1", "v2", "r", "r", "b"], "target_id": ["r", "r", "v1", "v2", "r"],
                         "relation": ["paid", "paid", "recruited", "recruited", "funded"]})
    layers = relation_layers(ties)
    assert sorted(layers) == ["funded", "paid", "recruited"]
    assert all(set(h.nodes()) == {"v1", "v2", "r", "b"} for h in layers.values())
    t = qap_table(layers, n_perm=100)
    assert len(t) == 3 and list(t.columns) == ["layer_a", "layer_b"] + RESULT_COLUMNS
    # paid is recruited reversed: no common ordered cell, negative correlation
    row = t[(t["layer_a"] == "paid") & (t["layer_b"] == "recruited")].iloc[0]
    assert row["observed"] == pytest.approx(gcor(layers["paid"], layers["recruited"])) and row["observed"] < 0
    s = significance_table(nx.DiGraph(layers["paid"]), layers=layers, n_sim=50, n_sim_paths=10)
    assert s["test"].tolist() == ["cug", "cug", "cug", "qap", "qap", "qap"]
