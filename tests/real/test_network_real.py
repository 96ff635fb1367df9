"""The network toolkit on the real networks in ``../shared/data/networks`` and, when the
extraction step is available, on the court decisions' actors and ties.

Node and edge counts are recounted here from the raw files with the csv module, independently
of the readers under test.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest

from analysis.network import disruption, graphs, loaders, robustness
from analysis.network.brokerage import gould_fernandez
from analysis.network.measures import centrality_table
from analysis.network.syndicates import detect_syndicates

pytestmark = pytest.mark.real


@pytest.fixture(scope="session")
def net_dir(data_dir: Path) -> Path:
    return data_dir / "networks"


def _raw_matrix(path: Path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0][1:], [r for r in rows[1:] if r]
    values = [[float(x) for x in r[1:]] for r in body]
    return header, [r[0] for r in body], values


@pytest.mark.parametrize("name", loaders.ADJACENCY_FILES)
def test_adjacency_counts(net_dir, name):
    header, labels, a = _raw_matrix(net_dir / name)
    n = len(labels)
    symmetric = all(a[i][j] == a[j][i] for i in range(n) for j in range(n))
    if symmetric:
        expected = sum(1 for i in range(n) for j in range(i + 1, n) if a[i][j] != 0)
    else:
        expected = sum(1 for i in range(n) for j in range(n) if i != j and a[i][j] != 0)
    g = loaders.read_adjacency_csv(net_dir / name)
    assert g.number_of_nodes() == n == len(header)
    assert g.is_directed() == (not symmetric)
    assert g.number_of_edges() == expected
    assert sum(w for _, _, w in g.edges(data="weight")) == pytest.approx(
        sum(a[i][j] for i in range(n) for j in range(n) if i != j and (not symmetric or j > i)))


def test_two_mode_ndrangheta(net_dir):
    header, labels, a = _raw_matrix(net_dir / "NDRANGHETAMAFIA_2M.csv")
    g = loaders.read_two_mode_csv(net_dir / "NDRANGHETAMAFIA_2M.csv")
    people = [n for n, b in g.nodes(data="bipartite") if b == 0]
    assert (len(people), g.number_of_nodes() - len(people)) == (156, 47) == (len(labels), len(header))
    assert g.number_of_edges() == sum(1 for r in a for x in r if x != 0)
    assert nx.is_bipartite(g)


def _raw_pairs(path: Path) -> set:
    pairs = set()
    for line in path.read_text().splitlines():
        if line.strip():
            u, v = map(int, line.split()[:2])
            if u != v:
                pairs.add((min(u, v), max(u, v)))
    return pairs


def test_mexico_ht(net_dir):
    g = loaders.read_mexico_ht(net_dir / "mexico_ht")
    n_labels = sum(1 for line in (net_dir / "mexico_ht" / "labels.csv").read_text().splitlines() if line.strip())
    assert g.number_of_nodes() == n_labels == 34
    assert g.number_of_edges() == len(_raw_pairs(net_dir / "mexico_ht" / "Data.txt")) == 225
    roles = {r for _, r in g.nodes(data="role")}
    assert {"Reclutador", "Explotador", "Funcionario", "Guia"} <= roles


def test_krebs(net_dir):
    g = loaders.read_krebs(net_dir / "krebs_911")
    assert g.number_of_nodes() == 34
    assert g.number_of_edges() == len(_raw_pairs(net_dir / "krebs_911" / "terrorists.net")) == 93


@pytest.fixture(scope="session")
def tip(net_dir):
    return loaders.read_tip_edges(net_dir / "tip_country_network")


def test_tip_counts_and_indonesia(net_dir, tip):
    for f in sorted((net_dir / "tip_country_network").glob("edgelist*.txt")):
        year = int(f.stem[-4:])
        lines = [ln for ln in f.read_text(encoding="utf-8-sig").splitlines() if ln.strip()]
        sub = tip[tip.year == year]
        assert sub["weight"].sum() == len(lines)
        assert len(sub) == len(set(lines))
    ranks = graphs.tip_source_ranks(tip)
    assert ranks["year"].tolist() == list(range(2001, 2017))
    assert (ranks["out_degree"] > 0).all()          # Indonesia is a source every year
    assert ranks["rank_out_degree"].notna().all()
    assert ranks.loc[ranks.year == 2005, "out_degree"].item() == 21


def test_measures_and_brokerage_on_mexico(net_dir):
    g = loaders.read_mexico_ht(net_dir / "mexico_ht")
    t = centrality_table(g)
    assert t["core_number"].max() >= 5
    nxb = nx.betweenness_centrality(g)
    assert t["betweenness"].to_dict() == pytest.approx(nxb)
    br = gould_fernandez(g, "role")
    assert br["total"].sum() > 0
    assert (br[["coordinator", "itinerant", "gatekeeper", "representative", "liaison"]].sum(axis=1) == br["total"]).all()


@pytest.fixture(scope="session")
def caviar(net_dir):
    return loaders.read_adjacency_csv(net_dir / "morselli_caviar.csv")


def test_syndicates_and_disruption_on_caviar(caviar):
    res = detect_syndicates(caviar, n_runs=20)
    s = res.summary()
    assert 3 <= s["n_syndicates"] <= 30 and s["modularity"] > 0.3
    assert res.actor_stability.between(0, 1).all()
    curves = disruption.disruption_curves(caviar, ["degree", "betweenness", "random"], k=5, repeats=5)
    end = curves[curves.n_removed == 5].groupby("strategy")["largest_share"].mean()
    assert end["betweenness"] < end["random"]       # targeted removal fragments more than chance
    kp = disruption.key_player_neg(caviar, 3, swaps=False)
    assert len(set(kp)) == 3


def test_robustness_on_caviar(caviar):
    t = robustness.measure_robustness(caviar, rates=(0.1, 0.3), modes=("nodes",), repeats=3,
                                      measures=("degree", "betweenness"), n_runs=5)
    m = t.groupby(["rate", "measure"])["jaccard_topk"].mean()
    assert m[(0.1, "degree")] >= m[(0.3, "degree")]
    assert t.loc[t.measure == "syndicates", "nmi"].between(0, 1).all()


@pytest.fixture(scope="session")
def decision_tables(decisions_dir, tmp_path_factory):
    """Extraction tables for every 20th of the first 400 decisions (linked through a temporary
    folder of symbolic links; nothing is copied)."""
    extract = pytest.importorskip("analysis.extract.decisions")
    sub = tmp_path_factory.mktemp("decisions")
    for f in sorted(decisions_dir.glob("*.txt"))[:400][19::20]:
        (sub / f.name).symlink_to(f)
    tables = extract.process_decisions(sub, workers=1)
    if "actors" not in tables or "ties" not in tables:
        pytest.skip("linking step not available: no actors/ties")
    return tables


@pytest.fixture(scope="session")
def network_tables(decision_tables):
    from analysis.network.tables import build_network_tables

    t = decision_tables
    return build_network_tables(t["actors"], t["ties"], t["cases"], n_runs=20)


def test_network_tables_on_decisions(decision_tables, network_tables):
    from analysis.schemas import validate

    syn, am, rej = network_tables["syndicates"], network_tables["actor_metrics"], network_tables["rejects"]
    validate(syn, "syndicates"), validate(am, "actor_metrics"), validate(rej, "rejects")
    actors, ties = decision_tables["actors"], decision_tables["ties"]
    ok, rejected = graphs.check_ties(actors, ties)
    assert len(ok) + len(rejected) == len(ties) and len(rejected) == len(rej)   # nothing lost
    # persons with a known role other than victim, and companies
    roles = actors["roles"].map(set)
    analysed = actors[(actors["kind"] == "company")
                      | ((actors["kind"] == "person") & roles.map(lambda r: len(r - {"victim"}) > 0))]
    assert set(am["actor_id"]) == set(analysed["actor_id"])
    assert len(syn) >= 1 and (syn["n_actors"] >= 2).all()
    # every syndicate's actors are pseudonyms or companies: no clear person names leave here
    person_ids = set(actors.loc[actors["kind"] == "person", "actor_id"])
    assert all(pid.startswith(("P-", "V-")) for pid in person_ids)
    assert set(am.loc[am["syndicate_id"].notna(), "syndicate_id"]) == set(syn["syndicate_id"])
    assert (syn["n_courts"] >= 1).all()
