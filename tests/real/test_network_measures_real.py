"""Whole-network measures, positions and significance tests on the real networks.

The published figure: de la Mora Tostado, Núñez-López & Hernández-Vargas, "Human trafficking
in Mexico: data sources, network analysis and the limits of dismantling strategies"
(arXiv:2206.02971, 2022; journal version "Modeling human trafficking and the limits of
dismantling strategies", *Social Network Analysis and Mining* 14, 2024,
doi:10.1007/s13278-024-01208-x; data github.com/sofiadelamora/HumanTMexicoNetwork) report for
the southern-border network an unweighted, undirected graph that is "moderately centralized
(44.32%)" with "medium density (0.401)".
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from analysis.network import loaders
from analysis.network.brokerage import ROLES, gould_fernandez
from analysis.network.measures import (
    assortativity,
    centralization,
    density,
    effective_size,
    ei_index,
    triad_census,
)
from analysis.network.positions import actor_positions
from analysis.network.significance import cug_test, qap_table, relation_layers, significance_table

pytestmark = pytest.mark.real

PUBLISHED_DENSITY = 0.401           # three decimals in the paper
PUBLISHED_DEGREE_CENTRALIZATION = 44.32  # per cent, two decimals


@pytest.fixture(scope="module")
def mexico(data_dir):
    return loaders.read_mexico_ht(data_dir / "networks" / "mexico_ht")


def test_mexico_counts_match_the_paper(mexico):
    # 34 labelled actors; with 34 actors a density printed as 0.401 allows only 225 ties
    # (224 -> 0.399, 226 -> 0.403), so the loader's counts are the paper's.
    n, m = mexico.number_of_nodes(), mexico.number_of_edges()
    assert n == 34
    assert [k for k in range(500) if round(2 * k / (n * (n - 1)), 3) == PUBLISHED_DENSITY] == [m] == [225]


def test_mexico_density_and_freeman_degree_centralization_reproduce_the_paper(mexico):
    assert round(density(mexico), 3) == PUBLISHED_DENSITY
    assert abs(100 * centralization(mexico, "degree") - PUBLISHED_DEGREE_CENTRALIZATION) < 0.01


def test_mexico_burt_and_mixing_match_networkx(mexico):
    ours = effective_size(mexico)["effective_size"]
    theirs = nx.effective_size(mexico)
    assert ours.to_dict() == pytest.approx(theirs)
    assert assortativity(mexico, "role") == pytest.approx(nx.attribute_assortativity_coefficient(mexico, "role"))
    ei = ei_index(mexico, "role")
    assert ei.loc["(all)", "internal"] + ei.loc["(all)", "external"] == 225


@pytest.mark.parametrize("name", ["MONTREALGANG.csv", "morselli_caviar.csv", "natajaran_heroin.csv"])
def test_triad_census_on_directed_real_networks(data_dir, name):
    g = loaders.read_adjacency_csv(data_dir / "networks" / name)
    assert g.is_directed()
    assert triad_census(g).to_dict() == nx.triadic_census(g)


def test_mexico_structural_positions_put_the_recruiters_together(mexico):
    t = actor_positions(mexico, method="structural")
    role = pd.Series(nx.get_node_attributes(mexico, "role"))
    recruiters = role.index[role == "Reclutador"]
    assert len(recruiters) == 3
    pos = t.loc[recruiters, "position"].unique()
    assert len(pos) == 1 and set(t.index[t["position"] == pos[0]]) == set(recruiters)


def test_mexico_significance(mexico):
    t = significance_table(mexico, n_sim=500, n_sim_paths=50)
    dens = t[t["statistic"] == "density"].iloc[0]
    assert dens["observed"] == pytest.approx(225 / 561) and dens["p_le"] < 0.01  # sparser than p = 0.5
    deg = t[t["statistic"] == "degree_centralization"].iloc[0]
    assert deg["p_ge"] < 0.01  # more centralised than random graphs of the same density
    br = gould_fernandez(mexico, "role", null="permutation", n_perm=500)
    p = br.loc[br["total"] > 0, [f"p_{r}" for r in ROLES]].to_numpy()
    assert np.isfinite(p).all() and ((p > 0) & (p <= 1)).all()
    assert set(br.loc[br["total"] > 0, "null"]) <= {"exact", "monte_carlo"}


def test_court_decision_actor_network(case_tables):
    """The measures run on the actors and ties built from the decisions: relation layers
    correlate where the scheme says they should (the recruiter is paid by those he
    recruits), and role positions recur across syndicates that share nobody."""
    actors, ties = case_tables["actors"], case_tables["ties"]
    ok = ties[ties["source_id"].isin(actors["actor_id"]) & ties["target_id"].isin(actors["actor_id"])]
    layers = relation_layers(ok)
    q = qap_table({k: v for k, v in layers.items() if k in ("paid", "recruited", "sent_to")}, n_perm=200)
    assert len(q) == 3 and q["p_ge"].between(0, 1).all()
    g = nx.MultiDiGraph()
    g.add_nodes_from(actors["actor_id"])
    for s, d, rel in ok[["source_id", "target_id", "relation"]].itertuples(index=False, name=None):
        if s != d:
            g.add_edge(s, d, relation=rel)
    pos = actor_positions(g)
    recruiting = pos[pos["position_label"].str.contains("out:recruited")]
    assert len(recruiting) > 0 and recruiting["position_components"].max() >= 5
    simple = nx.DiGraph(g)
    r = cug_test(simple, "degree_centralization", condition="edges", n_sim=200)
    assert 0 <= r["observed"] <= 1 and not math.isnan(r["null_mean"])
