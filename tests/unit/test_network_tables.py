"""build_network_tables: syndicates and actor_metrics from toy extraction tables."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.network import graphs
from analysis.network.tables import build_network_tables, primary_role
from analysis.schemas import validate


@pytest.fixture
def tables():
    # Two cases share company C-x and person P-a: one syndicate across two courts.
    # A third case (K3) is separate.
    actors = pd.DataFrame({
        "actor_id": ["P-a", "P-b", "P-c", "P-d", "P-e", "P-f", "V-v", "C-x", "L-m"],
        "kind": ["person"] * 7 + ["company", "place"],
        "roles": [["recruiter"], ["sponsor"], ["defendant"], ["fugitive", "funder"], ["defendant"], ["escort"],
                  ["victim"], [], []],
        "label": ["P-a", "P-b", "P-c", "P-d", "P-e", "P-f", "V-v", "PT Contoh", "Kab. Contoh"],
        "n_cases": [2, 1, 1, 1, 1, 1, 1, 2, 1],
    })
    ties = pd.DataFrame({
        "source_id": ["P-a", "P-b", "P-b", "P-a", "P-c", "P-e", "P-a", "P-a"],
        "target_id": ["P-b", "C-x", "V-v", "P-c", "C-x", "P-f", "L-m", "P-nobody"],
        "relation": ["recruited", "works_for", "recruited", "co_defendant", "works_for", "co_defendant", "sent_to",
                     "paid"],
        "case_id": ["K1", "K1", "K1", "K2", "K2", "K3", "K1", "K1"],
        "evidence": [f"f.txt:{i}-{i + 3}" for i in range(8)],
        "date": [None] * 8,
    })
    cases = pd.DataFrame({"case_id": ["K1", "K2", "K3"], "court": ["PN A", "PN B", "PN C"],
                          "decision_date": pd.to_datetime(["2023-01-01", "2025-01-01", "2024-01-01"]),
                          "destination_countries": [["Malaysia"], ["Malaysia", "Cambodia"], []]})
    return actors, ties, cases


def test_tables_shape_and_profiles(tables):
    out = build_network_tables(*tables, n_runs=5)
    syn, am, rej = out["syndicates"], out["actor_metrics"], out["rejects"]
    validate(syn, "syndicates"); validate(am, "actor_metrics"); validate(rej, "rejects")
    assert rej["reason"].tolist() == ["unknown actor id"]
    assert "V-v" not in set(am["actor_id"]) and "L-m" not in set(am["actor_id"])
    big = syn.iloc[0]
    assert big["n_actors"] == 4 and big["n_cases"] == 2 and big["n_courts"] == 2
    assert big["courts"] == ["PN A", "PN B"] and big["destinations"] == ["Cambodia", "Malaysia"]
    assert (big["first_year"], big["last_year"]) == (2023, 2025)
    assert big["companies"] == ["PT Contoh"] and big["places"] == ["Kab. Contoh"]
    assert big["n_persons"] == 3 and big["n_companies"] == 1
    assert len(syn) == 2 and syn.iloc[1]["n_actors"] == 2  # K3: P-e and P-f
    assert syn["syndicate_id"].str.match(r"^S-[0-9a-f]{8}$").all()
    # P-d appears in no tie: no syndicate, zero degree
    d = am.set_index("actor_id").loc["P-d"]
    assert pd.isna(d["syndicate_id"]) and d["degree"] == 0 and d["primary_role"] == "funder"
    a = am.set_index("actor_id").loc["P-a"]
    # stated ties only: P-a recruited P-b (K1) and is co-defendant of P-c (K2); being named
    # with C-x in K1 is context, not a tie
    assert a["degree"] == 2 and a["betweenness"] > 0 and a["stability"] == 1.0
    # the big syndicate is a ring P-a - P-b - C-x - P-c - P-a: no cut vertex, a closed chain
    assert big["n_ties"] == 4 and big["relations"] == ["co_defendant", "recruited", "works_for"]
    assert big["n_bridges"] == 0 and big["structure"] == "chain" and big["whole_component"]
    assert (big["size_class"], big["span"], big["operation"], big["form"]) == (
        "medium", "transnational", "regional", "business-type")
    assert big["type"] == "medium regional chain"
    # P-a and C-x have ties from decisions of both courts: their four ties are the court links
    assert big["court_links"] == [
        "P-a co_defendant P-c [K2] f.txt:3-6", "P-a recruited P-b [K1] f.txt:0-3",
        "P-b works_for C-x [K1] f.txt:1-4", "P-c works_for C-x [K2] f.txt:4-7"]
    small = syn.iloc[1]
    assert small["court_links"] == [] and small["structure"] == "dyad" and small["type"] == "small local dyad"
    assert small["n_context"] == 0 and big["n_context"] == 0
    assert syn["weak"].all()   # whole small components: no rewiring differs, so not above the null


def test_co_mention_never_makes_a_member(tables):
    actors, ties, cases = tables
    # a second company named in K1 with no stated tie, and an agency tied to a recruiter
    actors = pd.concat([actors, pd.DataFrame({
        "actor_id": ["C-y", "G-1"], "kind": ["company", "agency"], "roles": [[], []],
        "label": ["PT Lain", "Polres Contoh"], "n_cases": [1, 1], "cases": [["K1"], ["K1"]]})], ignore_index=True)
    actors["cases"] = actors["cases"].map(lambda c: c if isinstance(c, list) else [])
    ties = pd.concat([ties, pd.DataFrame({"source_id": ["P-a"], "target_id": ["G-1"], "relation": ["paid"],
                                          "case_id": ["K1"], "evidence": ["f.txt:90-99"], "date": [None]})],
                     ignore_index=True)
    out = build_network_tables(actors, ties, cases, n_runs=5)
    am = out["actor_metrics"].set_index("actor_id")
    assert pd.isna(am.loc["C-y", "syndicate_id"]) and "G-1" not in am.index
    big = out["syndicates"].iloc[0]
    assert big["n_actors"] == 4 and big["n_context"] == 1   # C-y is named in K1: context only


def test_ids_stable_across_runs(tables):
    a = build_network_tables(*tables, n_runs=5, seed=1)["syndicates"]["syndicate_id"].tolist()
    b = build_network_tables(*tables, n_runs=5, seed=2)["syndicates"]["syndicate_id"].tolist()
    assert a == b


def test_brokerage_columns(tables):
    am = build_network_tables(*tables, n_runs=3)["actor_metrics"].set_index("actor_id")
    # directed ties among analysed actors: P-a->P-b, P-b->C-x, P-a<->P-c, P-c->C-x, P-e<->P-f
    # P-b brokers P-a -> P-b -> C-x (recruiter, sponsor, company: liaison)
    assert am.loc["P-b", "brokerage_liaison"] == 1
    assert am.loc["P-b", "brokerage_total"] == 1
    # P-a brokers P-c -> P-a -> P-b (defendant, recruiter, sponsor: liaison)
    assert am.loc["P-a", "brokerage_liaison"] == 1


def test_empty_inputs():
    actors = pd.DataFrame({"actor_id": [], "kind": [], "roles": [], "label": [], "n_cases": []})
    ties = pd.DataFrame({"source_id": [], "target_id": [], "relation": [], "case_id": [], "evidence": [], "date": []})
    out = build_network_tables(actors, ties)
    assert out["syndicates"].empty and out["actor_metrics"].empty and out["rejects"].empty


def test_primary_role():
    assert primary_role("person", ["defendant", "sponsor"]) == "sponsor"
    assert primary_role("company", ["sponsor"]) == "company"
    assert primary_role("person", None) == "unknown"
    assert primary_role("person", ["pilot"]) == "pilot"


_ids = st.sampled_from(["P-1", "P-2", "P-3", "P-4", "C-1", "L-1", "P-x"])  # P-x is not an actor


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(_ids, _ids, st.sampled_from(["paid", "recruited", "co_defendant", "sent_to"]),
                          st.sampled_from(["K1", "K2", "K3"])), max_size=12))
def test_any_tie_table_is_used_or_rejected(rows):
    actors = pd.DataFrame({"actor_id": ["P-1", "P-2", "P-3", "P-4", "C-1", "L-1"],
                           "kind": ["person"] * 4 + ["company", "place"],
                           "roles": [["recruiter"], ["victim"], ["escort"], [], [], []],
                           "label": ["P-1", "P-2", "P-3", "P-4", "PT A", "Batam"], "n_cases": [1] * 6})
    ties = pd.DataFrame(rows, columns=["source_id", "target_id", "relation", "case_id"])
    ties["evidence"] = [f"f:{i}-{i + 1}" for i in range(len(ties))]
    out = build_network_tables(actors, ties, n_runs=3)
    ok, _ = graphs.check_ties(actors, ties)
    assert len(ok) + len(out["rejects"]) == len(ties)
    assert set(out["actor_metrics"]["actor_id"]) == {"P-1", "P-3", "C-1"}
    validate(out["syndicates"], "syndicates")


def test_multiplex_layers_keep_how_each_tie_is_known():
    actors = pd.DataFrame({"actor_id": ["P-1", "P-2", "P-3", "C-1", "V-1", "G-1", "L-1", "P-9"],
                           "kind": ["person"] * 3 + ["company", "person", "agency", "place", "person"],
                           "roles": [["recruiter"], ["escort"], ["funder"], [], ["victim"], [], [], []],
                           "cases": [["K1"], ["K1"], ["K1", "K2"], ["K1"], ["K1"], ["K1"], ["K1"], ["K1"]]})
    ties = pd.DataFrame({
        "source_id": ["P-1", "P-1", "P-3", "V-1", "P-1", "P-1", "P-2", "P-3"],
        "target_id": ["P-2", "P-2", "P-1", "P-1", "G-1", "L-1", "C-1", "P-2"],
        "relation": ["recruited", "paid", "funded", "paid", "paid", "sent_to", "works_for", "escorted"],
        "case_id": ["K1", "K1", "K1", "K1", "K1", "K1", "K1", "K2"],
        "evidence": [f"k.txt:{i}0-{i}9" for i in range(8)]})
    assert graphs.member_ids(actors) == {"P-1", "P-2", "P-3", "C-1"}
    m = graphs.multiplex_graph(actors, ties)
    stated = sorted((u, v, k) for u, v, k, b in m.edges(keys=True, data="basis") if b == "stated")
    assert stated == [("C-1", "P-2", "works_for"), ("P-1", "P-2", "paid"), ("P-1", "P-2", "recruited"),
                      ("P-1", "P-3", "funded"), ("P-2", "P-3", "escorted")]
    # co-mention only where a pair named in a decision has no stated tie in it
    co = sorted((u, v, tuple(d["cases"])) for u, v, k, d in m.edges(keys=True, data=True) if k == "co_mention")
    assert co == [("C-1", "P-1", ("K1",)), ("C-1", "P-3", ("K1",)), ("P-2", "P-3", ("K1",))]
    assert m["P-1"]["P-3"]["funded"]["evidence"] == ["K1|k.txt:20-29|P-3>P-1"]
    r = graphs.relational_graph(actors, ties)
    assert sorted(r.edges(data="weight")) == [("C-1", "P-2", 1.0), ("P-1", "P-2", 2.0), ("P-1", "P-3", 1.0),
                                              ("P-2", "P-3", 1.0)]
    assert r["P-1"]["P-2"]["relations"] == ["paid", "recruited"]
    # a layer weighted 0 leaves the graph; a relation type not listed weighs the default
    w = graphs.LayerWeights(layers=(("paid", 0.0), ("recruited", 0.0)), default=2.0)
    r0 = graphs.relational_graph(actors, ties, weights=w)
    assert sorted(r0.edges(data="weight")) == [("C-1", "P-2", 2.0), ("P-1", "P-3", 2.0), ("P-2", "P-3", 2.0)]
    with pytest.raises(Exception):
        w.default = 1.0   # frozen parameters


def test_company_listed_without_ties_never_joins(tables):
    actors, ties, cases = tables
    many = pd.DataFrame({"actor_id": [f"C-{i}" for i in range(20)], "kind": "company", "roles": [[]] * 20,
                         "label": [f"PT Daftar {i}" for i in range(20)], "n_cases": 1})
    many["cases"] = [["K3"]] * 20
    actors = pd.concat([actors.assign(cases=[[] for _ in range(len(actors))]), many], ignore_index=True)
    syn = build_network_tables(actors, ties, cases, n_runs=3)["syndicates"]
    k3 = syn[syn["courts"].map(lambda c: c == ["PN C"])].iloc[0]
    assert k3["n_actors"] == 2 and k3["n_companies"] == 0 and k3["n_context"] == 20


def test_build_writes_significance_positions_and_permutation_brokerage():
    """Two recruiters who each recruit a victim and work for one company: the same role
    position ("out:recruited, out:works_for") in one group; network_tests holds the observed
    figures, the CUG tests and validates against its schema."""
    from analysis.network.tables import build_network_tables
    from analysis.schemas import validate

    actors = pd.DataFrame({"actor_id": ["P-1", "P-2", "V-1", "V-2", "C-1"],
                           "kind": ["person", "person", "person", "person", "company"],
                           "roles": [["recruiter"], ["recruiter"], ["victim"], ["victim"], []],
                           "label": ["P-1", "P-2", "V-1", "V-2", "PT X"], "n_cases": [1] * 5})
    ties = pd.DataFrame({"source_id": ["P-1", "P-2", "P-1", "P-2"], "target_id": ["V-1", "V-2", "C-1", "C-1"],
                         "relation": ["recruited", "recruited", "works_for", "works_for"], "case_id": ["K"] * 4,
                         "evidence": ["k:1-2", "k:3-4", "k:5-6", "k:7-8"], "date": [None] * 4})
    out = build_network_tables(actors, ties, n_runs=5, n_perm=50, n_sim=50)
    am = out["actor_metrics"].set_index("actor_id")
    assert sorted(am.index) == ["C-1", "P-1", "P-2"]
    assert am.loc["P-1", "position"] == am.loc["P-2", "position"] != am.loc["C-1", "position"]
    assert am.loc["P-1", "position_label"] == "out:recruited, out:works_for"
    assert am.loc["P-1", "position_size"] == 2
    assert {"brokerage_z_liaison", "brokerage_p_liaison", "effective_size", "efficiency"} <= set(am.columns)
    nt = validate(out["network_tests"], "network_tests")
    obs = nt[nt["test"] == "observed"].set_index("statistic")["observed"]
    assert obs["n_actors"] == 3 and obs["n_ties"] == 2
    assert set(nt.loc[nt["test"] == "cug", "statistic"]) == {"density", "degree_centralization",
                                                           "betweenness_centralization"}
