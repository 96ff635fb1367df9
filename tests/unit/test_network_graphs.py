"""Graphs from actors/ties/cases, Newman projection, flows, TIP ranks, agency co-action."""

import pandas as pd
import pytest

from analysis.network import graphs


@pytest.fixture
def tables():
    actors = pd.DataFrame({
        "actor_id": ["P-a", "P-b", "P-c", "P-d", "V-v", "C-x", "L-o", "L-t"],
        "kind": ["person", "person", "person", "person", "person", "company", "place", "place"],
        "roles": [["recruiter"], ["sponsor"], ["defendant"], ["fugitive"], ["victim"], [], ["origin"], ["transit"]],
        "label": ["P-a", "P-b", "P-c", "P-d", "V-v", "PT Contoh", "Kab. Contoh", "Batam"],
        "n_cases": [2, 1, 1, 1, 1, 2, 1, 1],
    })
    ties = pd.DataFrame({
        "source_id": ["P-a", "P-a", "P-b", "P-a", "P-a", "P-d", "P-a", "P-a"],
        "target_id": ["P-b", "P-c", "V-v", "C-x", "P-d", "C-x", "L-o", "L-t"],
        "relation": ["co_defendant", "co_defendant", "recruited", "works_for", "paid", "works_for",
                     "recruited_from", "via"],
        "case_id": ["K1", "K1", "K1", "K1", "K2", "K2", "K1", "K1"],
        "evidence": [f"f.txt:{i}-{i + 5}" for i in range(8)],
        "date": pd.to_datetime(["2023-01-05", None, None, None, "2024-02-01", None, None, None]),
    })
    cases = pd.DataFrame({"case_id": ["K1", "K2"], "court": ["PN A", "PN B"],
                          "decision_date": pd.to_datetime(["2023-06-01", "2024-06-01"]),
                          "destination_countries": [["Malaysia"], ["Cambodia"]]})
    return actors, ties, cases


def test_multimode_graph(tables):
    g = graphs.multimode_graph(*tables)
    assert g.nodes["case:K1"]["court"] == "PN A"
    assert g.nodes["C-x"]["kind"] == "company"
    # 8 ties + appears_in edges: K1 has P-a,P-b,P-c,V-v,C-x,L-o,L-t (7), K2 has P-a,P-d,C-x (3)
    assert g.number_of_edges() == 8 + 10
    rel = [d["relation"] for _, _, d in g.edges("P-a", data=True)]
    assert rel.count("appears_in") == 2 and "co_defendant" in rel
    e = next(d for u, v, d in g.edges(data=True) if d["relation"] == "co_defendant" and v == "P-b")
    assert e["evidence"] == "f.txt:0-5" and str(e["date"].date()) == "2023-01-05"


def test_newman_projection_exact(tables):
    actors, ties, _ = tables
    g = graphs.person_projection(actors, ties)
    # K1 persons (victim excluded): P-a, P-b, P-c -> 1/2 each pair; K2: P-a, P-d -> 1
    assert "V-v" not in g
    assert g["P-a"]["P-b"]["weight"] == pytest.approx(0.5)
    assert g["P-a"]["P-d"]["weight"] == pytest.approx(1.0)
    assert g["P-a"]["P-b"]["n_shared"] == 1
    h = graphs.person_projection(actors, ties, min_weight=0.75)
    assert sorted(h.edges()) == [("P-a", "P-d")] and h.number_of_nodes() == 4
    with_victims = graphs.person_projection(actors, ties, exclude_roles=())
    assert with_victims["P-a"]["V-v"]["weight"] == pytest.approx(1 / 3)


def test_newman_weights_sum_to_group_size():
    m = pd.DataFrame({"case_id": ["A"] * 4, "actor_id": list("wxyz")})
    w = graphs.newman_weights(m)
    # each member's weights sum to 1 (Newman 2001): 3 partners x 1/3
    assert w[(w.u == "w") | (w.v == "w")]["weight"].sum() == pytest.approx(1.0)
    assert len(graphs.newman_weights(pd.DataFrame({"case_id": ["A"], "actor_id": ["x"]}))) == 0


def test_unknown_ids_are_rejected_not_lost(tables):
    actors, ties, _ = tables
    bad = pd.concat([ties, pd.DataFrame({"source_id": ["P-a", "P-a", None], "target_id": ["P-zz", "P-a", "P-b"],
                                         "relation": ["paid"] * 3, "case_id": ["K1"] * 3,
                                         "evidence": ["g.txt:1-2", "g.txt:3-4", "g.txt:5-6"], "date": [None] * 3})],
                    ignore_index=True)
    ok, rej = graphs.check_ties(actors, bad)
    assert len(ok) + len(rej) == len(bad)
    assert rej["reason"].tolist() == ["unknown actor id", "self-tie", "missing tie end"]
    assert set(rej["stage"]) == {"link"} and rej["source"].tolist()[0] == "g.txt:1-2"
    with pytest.raises(ValueError, match="cannot be used"):
        graphs.multimode_graph(actors, bad)
    with pytest.raises(ValueError, match="lacks columns"):
        graphs.person_projection(actors.drop(columns="kind"), ties)


def test_flow_network(tables):
    g = graphs.flow_network(*tables)
    assert sorted(g.edges(data="weight")) == [("L-o", "L-t", 1), ("L-t", "country:Malaysia", 1)]
    assert g.nodes["L-t"]["stage"] == "transit"
    assert "country:Cambodia" in g  # K2 has a destination but no origin: node only


def test_tip_source_ranks():
    e = pd.DataFrame({"year": [2001] * 4 + [2002], "source": ["Indonesia", "Indonesia", "Nepal", "Nepal", "Nepal"],
                      "destination": ["Malaysia", "Singapore", "India", "Qatar", "India"], "weight": [3, 1, 1, 1, 1]})
    t = graphs.tip_source_ranks(e, years=[2001, 2002])
    assert t["out_degree"].tolist() == [2, 0]
    assert t["out_strength"].tolist() == [4, 0]
    assert t["rank_out_degree"].tolist()[0] == 1 and t["rank_out_strength"].tolist()[0] == 1
    assert pd.isna(t["rank_out_degree"].iloc[1])


def test_agency_coaction():
    ev = pd.DataFrame({"event_id": ["e1", "e1", "e1", "e2", "e2", "e3"],
                       "agency": ["Polri", "BP2MI", "Imigrasi", "Polri", "BP2MI", " "]})
    g = graphs.agency_coaction(ev)
    assert g["Polri"]["BP2MI"]["weight"] == 2
    assert g["Polri"]["BP2MI"]["newman"] == pytest.approx(0.5 + 1.0)
    assert g.nodes["Imigrasi"]["n_events"] == 1 and g.number_of_nodes() == 3


def test_flow_network_uses_case_lists_and_merges_country_places():
    actors = pd.DataFrame({
        "actor_id": ["P-1", "L-batam", "L-my"], "kind": ["person", "place", "place"],
        "roles": [[], [], []], "label": ["P-1", "Batam", "Malaysia"],
        "place_role": [None, "transit", "destination"], "country": [None, "Indonesia", "Malaysia"],
        "cases": [["K1"], ["K1", "K2"], ["K1"]],
    })
    ties = pd.DataFrame({"source_id": ["P-1"], "target_id": ["L-my"], "relation": ["sent_to"], "case_id": ["K1"]})
    cases = pd.DataFrame({"case_id": ["K1", "K2"], "destination_countries": [["Malaysia"], ["Malaysia"]]})
    g = graphs.flow_network(actors, ties, cases)
    # Batam appears in K1 and K2 through its case list only; "Malaysia" the place is the country node
    assert sorted(g.edges(data="weight")) == [("L-batam", "country:Malaysia", 2)]
    assert g["L-batam"]["country:Malaysia"]["cases"] == ["K1", "K2"]


def test_members_who_act_on_one_victim_are_joined_through_her():
    """Recruiter and escort of the same victim in one decision: a shared_victim tie (weight 0.5);
    the same two actors acting on victims of different decisions are not joined."""
    from analysis.network.graphs import LayerWeights, relational_graph

    a = pd.DataFrame({"actor_id": ["P-1", "P-2", "P-3", "V-1", "V-2"], "kind": ["person"] * 5,
                      "roles": [["recruiter"], ["escort"], ["shelter"], ["victim"], ["victim"]]})
    t = pd.DataFrame({"source_id": ["P-1", "P-2", "V-1", "P-3"], "target_id": ["V-1", "V-1", "P-1", "V-2"],
                      "relation": ["recruited", "escorted", "paid", "sheltered"], "case_id": ["K", "K", "K", "L"],
                      "evidence": ["k:1-2", "k:3-4", "k:5-6", "l:1-2"]})
    g = relational_graph(a, t)
    assert sorted(g.nodes()) == ["P-1", "P-2", "P-3"]
    assert sorted(g.edges(data="weight")) == [("P-1", "P-2", 0.5)]
    assert g["P-1"]["P-2"]["relations"] == ["shared_victim"]
    assert len(g["P-1"]["P-2"]["evidence"]) == 2
    assert relational_graph(a, t, weights=LayerWeights(shared_victim=0.0)).number_of_edges() == 0


def test_a_person_without_role_whom_both_act_on_counts_as_the_shared_victim():
    from analysis.network.graphs import relational_graph

    a = pd.DataFrame({"actor_id": ["P-1", "P-2", "P-9"], "kind": ["person"] * 3,
                      "roles": [["recruiter"], ["escort"], []]})
    t = pd.DataFrame({"source_id": ["P-1", "P-2"], "target_id": ["P-9", "P-9"], "relation": ["recruited", "escorted"],
                      "case_id": ["K", "K"], "evidence": ["k:1-2", "k:3-4"]})
    assert sorted(relational_graph(a, t).edges()) == [("P-1", "P-2")]
    t2 = t.assign(relation=["paid", "paid"])     # paying the same person says nothing of her being a victim
    assert relational_graph(a, t2).number_of_edges() == 0
