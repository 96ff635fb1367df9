"""Missing-data robustness of rankings and syndicates."""

import networkx as nx
import pandas as pd
import pytest

from analysis.network import robustness as R


def test_perturb_counts_and_errors():
    g = nx.path_graph(10)
    assert R.perturb(g, 0.3, mode="nodes", seed=1).number_of_nodes() == 7
    h = R.perturb(g, 0.5, mode="ties", seed=1)
    assert h.number_of_edges() == 5 and h.number_of_nodes() == 10  # round(4.5) = 4 of 9 ties dropped
    assert g.number_of_edges() == 9  # input untouched
    with pytest.raises(ValueError):
        R.perturb(g, 1.5)
    with pytest.raises(ValueError):
        R.perturb(g, 0.1, mode="edges")


def test_compare_rankings_exact():
    a = pd.Series({"p": 5.0, "q": 4.0, "r": 3.0, "s": 1.0})
    b = pd.Series({"p": 5.0, "r": 4.0, "s": 3.0})  # q missing
    jac, tau = R.compare_rankings(a, b, k=2)
    assert jac == pytest.approx(1 / 3)   # {p,q} vs {p,r}
    assert tau == pytest.approx(1.0) or pd.isna(tau)  # only p of the top-2 survives -> undefined
    jac, tau = R.compare_rankings(a, a, k=3)
    assert (jac, tau) == (1.0, pytest.approx(1.0))


def test_no_perturbation_is_perfect_and_more_is_worse():
    g = nx.karate_club_graph()
    t = R.measure_robustness(g, rates=(0.0, 0.3), modes=("nodes",), repeats=4, measures=("degree",), n_runs=5)
    s = t.groupby(["rate", "measure"])[["jaccard_topk", "nmi"]].mean()
    assert s.loc[(0.0, "degree"), "jaccard_topk"] == 1.0
    assert s.loc[(0.0, "syndicates"), "nmi"] == pytest.approx(1.0)
    assert s.loc[(0.3, "degree"), "jaccard_topk"] < 1.0
    summary = R.summarise_robustness(t)
    assert ("jaccard_topk", "mean") in summary.columns
