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


# --- whole-network measures, structural holes, mixing, triads -----------------------------

from analysis.network.measures import (  # noqa: E402
    TRIAD_TYPES,
    assortativity,
    centralization,
    centralization_max,
    density,
    effective_size,
    ei_index,
    mixing_table,
    triad_census,
)


def _freeman_by_hand(scores: dict, n: int, measure: str) -> float:
    """Freeman's formula from networkx scores, with the maximum taken from networkx's own
    scores on the star of the same size (not from ``centralization_max``)."""
    star = nx.star_graph(n - 1)
    ref = {"degree": lambda h: dict(h.degree()), "betweenness": nx.betweenness_centrality,
           "closeness": nx.closeness_centrality}[measure](star)
    top, star_top = max(scores.values()), max(ref.values())
    return sum(top - v for v in scores.values()) / sum(star_top - v for v in ref.values())


def test_centralization_star_complete_path():
    for m in ("degree", "betweenness", "closeness"):
        assert centralization(nx.star_graph(6), m) == pytest.approx(1.0)
        assert centralization(nx.complete_graph(6), m) == pytest.approx(0.0)
        assert centralization(nx.cycle_graph(7), m) == pytest.approx(0.0)
    # path of 4: degrees 1,2,2,1 -> (1 + 0 + 0 + 1) / (3 * 2)
    assert centralization(nx.path_graph(4)) == pytest.approx(1 / 3)
    # path of 4: betweenness 0, 2/3, 2/3, 0 -> (2/3 + 2/3) / 3
    assert centralization(nx.path_graph(4), "betweenness") == pytest.approx(4 / 9)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("measure", ["degree", "betweenness", "closeness"])
def test_centralization_matches_networkx_by_hand(seed, measure):
    g = nx.gnp_random_graph(15, 0.25, seed=seed)
    scores = {"degree": dict(g.degree()), "betweenness": nx.betweenness_centrality(g),
              "closeness": nx.closeness_centrality(g)}[measure]
    assert centralization(g, measure) == pytest.approx(_freeman_by_hand(scores, 15, measure))


@pytest.mark.parametrize("n", [3, 4, 5, 8])
def test_centralization_max_is_the_star_value(n):
    star = nx.star_graph(n - 1)
    for measure, f in (("degree", lambda h: dict(h.degree())), ("betweenness", nx.betweenness_centrality),
                       ("closeness", nx.closeness_centrality)):
        s = f(star)
        assert centralization_max(n, measure) == pytest.approx(sum(max(s.values()) - v for v in s.values()))
    out_star = nx.DiGraph([(0, i) for i in range(1, n)])
    assert centralization_max(n, "degree", directed=True, mode="out") == (n - 1) ** 2
    assert centralization(out_star, mode="out") == pytest.approx(1.0)
    assert centralization(out_star, mode="in") == pytest.approx(1 / (n - 1) ** 2)  # in-degrees 0,1,1,...: gap 1


def test_centralization_ignores_duplicates_and_loops_and_rejects_bad_args():
    g = nx.MultiGraph([(0, 1), (0, 1), (0, 2), (0, 3), (3, 3)])
    assert centralization(g) == pytest.approx(1.0)
    assert math.isnan(centralization(nx.path_graph(2)))
    assert density(g) == pytest.approx(0.5)
    assert density(nx.DiGraph([(0, 1), (1, 0), (1, 2)])) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="measure"):
        centralization(g, "eigen")
    with pytest.raises(ValueError, match="mode"):
        centralization(g, mode="both")


def test_effective_size_by_hand():
    t = effective_size(nx.complete_graph(3))  # two contacts, tied to each other: 2 - 2*1/2
    assert t["effective_size"].tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert t["efficiency"].tolist() == pytest.approx([0.5, 0.5, 0.5])
    g = nx.star_graph(4)
    g.add_node("iso")
    t = effective_size(g)
    assert t.loc[0, "effective_size"] == 4 and t.loc[0, "efficiency"] == 1
    assert math.isnan(t.loc["iso", "effective_size"]) and math.isnan(t.loc["iso", "efficiency"])


@pytest.mark.parametrize("case", ["binary", "weighted", "directed"])
def test_effective_size_matches_networkx(case):
    if case == "directed":
        g, w = nx.gnp_random_graph(25, 0.2, directed=True, seed=3), None
    else:
        g, w = nx.karate_club_graph(), ("weight" if case == "weighted" else None)
    ours = effective_size(g, weight=w)["effective_size"]
    theirs = nx.effective_size(g, nodes=list(g), weight=w)
    for v in g:
        if not math.isnan(theirs[v]):
            assert ours[v] == pytest.approx(theirs[v], abs=1e-9)


def test_ei_index_by_hand():
    # X = {a, b, c}, Y = {d, e}; ties a-b, b-c (internal X), c-d (external), d-e (internal Y)
    g = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")])
    grp = {"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
    t = ei_index(g, grp)
    assert t.loc["X", ["internal", "external"]].tolist() == [2, 1]
    assert t.loc["Y", ["internal", "external"]].tolist() == [1, 1]
    assert t.loc["X", "ei"] == pytest.approx(-1 / 3) and t.loc["Y", "ei"] == 0
    assert t.loc["(all)", "ei"] == pytest.approx((1 - 3) / 4)
    # possible pairs: internal 3 + 1, external 6 -> (6 - 4) / 10
    assert t.loc["(all)", "ei_expected"] == pytest.approx(0.2)
    assert t.loc["X", "ei_expected"] == pytest.approx((6 - 3) / 9)
    # an actor without a group takes its ties with it
    g.add_edge("e", "z")
    assert ei_index(g, grp).loc["(all)", "external"] == 1


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", [0, 1])
def test_assortativity_matches_networkx(directed, seed):
    g = nx.gnp_random_graph(40, 0.12, directed=directed, seed=seed)
    rng = __import__("random").Random(seed)
    nx.set_node_attributes(g, {v: rng.choice(["recruiter", "victim", "company"]) for v in g}, "role")
    assert assortativity(g, "role") == pytest.approx(nx.attribute_assortativity_coefficient(g, "role"))


def test_assortativity_extremes_and_mixing_table():
    g = nx.Graph([("a", "b"), ("c", "d")])
    nx.set_node_attributes(g, {"a": "X", "b": "Y", "c": "X", "d": "Y"}, "kind")
    assert assortativity(g, "kind") == pytest.approx(-1.0)
    assert math.isnan(assortativity(g, {v: "same" for v in g}))
    t = mixing_table(g, ["kind"])
    assert t.loc["kind", "ei"] == 1.0 and t.loc["kind", "n_ties"] == 2 and t.loc["kind", "n_groups"] == 2


@pytest.mark.parametrize("seed", range(4))
def test_triad_census_matches_networkx(seed):
    g = nx.gnp_random_graph(30, 0.12, directed=True, seed=seed)
    ours = triad_census(g)
    assert list(ours.index) == list(TRIAD_TYPES)
    assert ours.to_dict() == nx.triadic_census(g)
    assert ours.sum() == 30 * 29 * 28 // 6


def test_triad_census_undirected_and_by_hand():
    t = triad_census(nx.path_graph(3))  # one 201 triad: two mutual dyads, one null
    assert t["201"] == 1 and t.sum() == 1
    t = triad_census(nx.DiGraph([(0, 1), (1, 2), (0, 2)]))
    assert t["030T"] == 1 and t.sum() == 1


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from analysis.network.measures import network_table  # noqa: E402


@st.composite
def small_graphs(draw, directed=False):
    n = draw(st.integers(min_value=0, max_value=12))
    pairs = [(i, j) for i in range(n) for j in range(n) if i != j and (directed or i < j)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(chosen)
    return g


@settings(max_examples=60, deadline=None)
@given(small_graphs(), st.booleans())
def test_whole_network_measures_stay_in_range(g, directed):
    if directed:
        g = g.to_directed()
    n = g.number_of_nodes()
    t = network_table(g).iloc[0]
    assert t["n_actors"] == n
    for m in ("degree", "betweenness", "closeness"):
        c = t[f"{m}_centralization"]
        assert (math.isnan(c) and n < 3) or -1e-9 <= c <= 1 + 1e-9
    if n >= 2:
        assert 0 <= t["density"] <= 1
    census = triad_census(g)
    assert census.sum() == n * (n - 1) * (n - 2) // 6
    grp = {v: v % 3 for v in g}
    ei = ei_index(g, grp)
    vals = ei["ei"].dropna()
    assert ((vals >= -1) & (vals <= 1)).all()
