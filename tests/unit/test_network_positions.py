"""Positions on toy graphs whose positions are known by construction."""

import networkx as nx
import numpy as np
import pytest

from analysis.network.positions import (
    actor_positions,
    role_positions,
    role_profiles,
    se_correlation,
    structural_positions,
)


def _two_syndicates() -> nx.MultiDiGraph:
    """Two syndicates that share nobody. In each, a boss orders a recruiter, the recruiter
    recruits victims (3 in one, 5 in the other) who pay him, and works for a company."""
    g = nx.MultiDiGraph()
    for s, n_victims in (("1", 3), ("2", 5)):
        g.add_edge(f"boss{s}", f"rec{s}", relation="ordered")
        g.add_edge(f"rec{s}", f"pt{s}", relation="works_for")
        for v in range(n_victims):
            g.add_edge(f"rec{s}", f"vic{s}{v}", relation="recruited")
            g.add_edge(f"vic{s}{v}", f"rec{s}", relation="paid")
    return g


def test_role_positions_recur_across_syndicates():
    g = _two_syndicates()
    g.add_node("lone")
    pos = role_positions(g)
    by_position = {}
    for v, p in pos.items():
        by_position.setdefault(p, set()).add(v)
    expected = [{"boss1", "boss2"}, {"rec1", "rec2"}, {"pt1", "pt2"},
                {f"vic1{i}" for i in range(3)} | {f"vic2{i}" for i in range(5)}]
    assert sorted(map(sorted, (m for p, m in by_position.items() if p != 0))) == sorted(map(sorted, expected))
    assert pos["lone"] == 0


def test_actor_positions_profile():
    t = actor_positions(_two_syndicates())
    rec = t.loc["rec1"]
    assert rec["position_size"] == 2 and rec["position_components"] == 2
    assert rec["position_label"] == "in:paid, out:recruited"  # equal means: alphabetical
    assert rec["mean:out:recruited"] == pytest.approx(4.0)  # (3 + 5) / 2
    assert rec["mean:in:ordered"] == pytest.approx(1.0)
    vic = t.loc["vic10"]
    assert vic["position_size"] == 8 and vic["position_label"] in ("in:recruited, out:paid", "out:paid, in:recruited")
    assert t.loc["boss1", "position_label"] == "out:ordered"


def test_role_profiles_counts_distinct_partners_and_kinds():
    g = nx.MultiDiGraph([("r", "v", {"relation": "recruited"}), ("r", "v", {"relation": "recruited"}),
                         ("r", "w", {"relation": "recruited"}), ("r", "r", {"relation": "paid"})])
    nx.set_node_attributes(g, {"r": "person", "v": "person", "w": "company"}, "kind")
    p = role_profiles(g, kind="kind")
    assert p.loc["r", "out:recruited"] == 2  # v counted once, self-loop ignored
    assert p.loc["r", "partner:person"] == 1 and p.loc["r", "partner:company"] == 1
    assert "out:paid" not in p.columns
    u = role_profiles(nx.Graph([("a", "b")]))
    assert list(u.columns) == ["tie:tie"]


def test_structural_equivalence_complete_bipartite():
    g = nx.complete_bipartite_graph(3, 4)
    assert structural_positions(g).tolist() == [1, 1, 1, 2, 2, 2, 2]
    r = se_correlation(g)
    assert r.loc[0, 1] == 1.0 and r.loc[3, 6] == 1.0 and r.loc[0, 3] == -1.0


def test_structural_equivalence_two_hubs_and_paired_leaves():
    # hubs h1, h2 both tied to leaves a, b, c, d; the leaves are tied in pairs a-b and c-d.
    # By construction: {h1, h2} (same contacts), {a, b} and {c, d} (each pair has the same
    # ties once the pair's own cells are left out); a and c differ in their tie to b.
    g = nx.Graph([(h, leaf) for h in ("h1", "h2") for leaf in "abcd"] + [("a", "b"), ("c", "d")])
    pos = structural_positions(g)
    assert pos.tolist() == [1, 2, 2, 3, 3, 1] and list(pos.index) == ["h1", "a", "b", "c", "d", "h2"]
    r = se_correlation(g)
    assert r.loc["a", "c"] == pytest.approx(-1 / 3)
    assert structural_positions(g, k=2).nunique() == 2


def test_se_correlation_by_brute_force():
    g = nx.gnp_random_graph(9, 0.35, directed=True, seed=2)
    r = se_correlation(g).to_numpy()
    a = nx.to_numpy_array(g, nodelist=list(g), weight=None)
    for i in range(9):
        for j in range(9):
            if i == j:
                continue
            ks = [k for k in range(9) if k not in (i, j)]
            x, y = np.r_[a[i, ks], a[ks, i]], np.r_[a[j, ks], a[ks, j]]
            expected = np.corrcoef(x, y)[0, 1] if x.std() > 0 and y.std() > 0 else r[i, j]
            assert r[i, j] == pytest.approx(expected)


def test_edge_cases():
    assert actor_positions(nx.Graph()).empty
    t = actor_positions(nx.empty_graph(3))
    assert t["position"].tolist() == [0, 0, 0] and (t["position_label"] == "no ties").all()
    with pytest.raises(ValueError, match="method"):
        actor_positions(nx.path_graph(3), method="regular")
    s = actor_positions(nx.complete_bipartite_graph(2, 3), method="structural")
    assert s["position"].tolist() == [1, 1, 2, 2, 2]
