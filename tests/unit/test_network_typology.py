"""Typology of syndicates: each rule on toy graphs and toy profiles."""

import networkx as nx
import pytest

from analysis.network import typology as ty


@pytest.mark.parametrize("g, want", [
    (nx.path_graph(2), "dyad"),
    (nx.path_graph(3), "chain"),
    (nx.path_graph(7), "chain"),
    (nx.cycle_graph(6), "chain"),
    (nx.balanced_tree(2, 3), "chain"),       # branching tree, no single hub
    (nx.star_graph(3), "star"),
    (nx.star_graph(9), "star"),
    (nx.complete_graph(3), "clique"),
    (nx.complete_graph(6), "clique"),
])
def test_structure_of_canonical_graphs(g, want):
    assert ty.structure(g) == want


def test_core_periphery_and_near_misses():
    g = nx.complete_graph(5)
    g.add_edges_from([(0, 5), (1, 6), (2, 7), (3, 8)])          # dense core, pendant periphery
    assert ty.structure(g) == "core-periphery"
    h = nx.complete_graph(5)
    h.add_edges_from([(9, 10), (10, 11), (0, 9)])              # a tail of ties among outsiders
    assert ty.structure(h) == "chain"
    star_plus = nx.star_graph(8)
    star_plus.add_edge(1, 2)                                    # one tie among leaves: still a star
    assert ty.structure(star_plus) == "star"


def test_degree_centralization_values():
    assert ty.degree_centralization(nx.star_graph(5)) == 1.0
    assert ty.degree_centralization(nx.complete_graph(5)) == 0.0
    # path of 4: degrees 1,2,2,1 -> (1+0+0+1) / (3*2)
    assert ty.degree_centralization(nx.path_graph(4)) == pytest.approx(2 / 6)


def test_size_span_operation_form():
    assert [ty.size_class(n) for n in (2, 3, 4, 9, 10, 41)] == ["small", "small", "medium", "medium", "large", "large"]
    assert ty.geographic_span(["Bali"], ["PN A"], []) == "one regency"
    assert ty.geographic_span(["Bali"], ["PN A", "PN B"], ["Indonesia"]) == "one province"
    assert ty.geographic_span(["Bali", "NTB"], ["PN A"], []) == "several provinces"
    assert ty.geographic_span(["Bali"], ["PN A"], ["Taiwan"]) == "transnational"
    assert ty.operation(["Bali"], []) == "local"
    assert ty.operation(["Bali", "NTB"], []) == "regional"
    assert ty.operation(["Bali"], ["Malaysia", "Singapore"]) == "regional"
    assert ty.operation(["Bali"], ["Malaysia", "Saudi Arabia"]) == "transregional"
    assert ty.form(1, 1, ["recruiter"]) == "business-type"
    assert ty.form(3, 0, ["recruiter", "escort", "escort"]) == "structured"
    assert ty.form(3, 0, ["defendant"] * 3) == "opportunistic"
    assert ty.form(2, 0, ["recruiter", "escort"]) == "opportunistic"


def test_docstring_examples():
    import doctest

    result = doctest.testmod(ty, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
