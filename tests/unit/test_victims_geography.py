"""Recruitment geography: flows, province totals and the origin regency x syndicate network."""

from __future__ import annotations

import doctest

import pandas as pd

from analysis.network import geography as G


def victims() -> pd.DataFrame:
    return pd.DataFrame({
        "case_id": ["K1", "K1", "K2", "K3"],
        "group_size": pd.array([1, 6, 2, None], dtype="Int64"),
        "origin_regency": ["Kabupaten Lombok Timur", "Kabupaten Lombok Timur", "Kota Kupang", None],
        "origin_regency_code": ["52.03", "52.03", "53.71", None],
        "origin_province": ["Nusa Tenggara Barat", "Nusa Tenggara Barat", "Nusa Tenggara Timur", None],
        "transit": ["Kota Pontianak", "Kota Pontianak", None, None],
        "destination_country": ["Malaysia", "Malaysia", "Malaysia", "Indonesia"],
    })


def test_flows_sum_victims_and_count_cases_per_route():
    f = G.recruitment_flows(victims())
    assert f[["origin_regency", "transit", "destination_country", "n_victims", "n_cases"]].values.tolist() == [
        ["Kabupaten Lombok Timur", "Kota Pontianak", "Malaysia", 7, 1],
        ["Kota Kupang", None, "Malaysia", 2, 1],
        [None, None, "Indonesia", pd.NA, 1],
    ]


def test_province_totals_ranked():
    p = G.province_totals(victims())
    assert p["origin_province"].tolist()[:2] == ["Nusa Tenggara Barat", "Nusa Tenggara Timur"]
    assert p["n_victims"].tolist()[:2] == [7, 2]


def test_two_mode_edges_from_case_actors_and_syndicates():
    actors = pd.DataFrame({"actor_id": ["P-1", "P-2", "C-1"], "cases": [["K1"], ["K1", "K2"], ["K2"]]})
    metrics = pd.DataFrame({"actor_id": ["P-1", "P-2", "C-1"], "syndicate_id": ["S-a", "S-a", "S-b"]})
    e = G.origin_syndicate_edges(victims(), actors, metrics)
    assert e[["origin_regency", "syndicate_id", "n_cases", "n_victims"]].values.tolist() == [
        ["Kabupaten Lombok Timur", "S-a", 1, 7],
        ["Kota Kupang", "S-a", 1, 2],
        ["Kota Kupang", "S-b", 1, 2],
    ]
    g = G.two_mode_graph(e)
    assert sorted(n for n, b in g.nodes(data="bipartite") if b == 0) == ["Kabupaten Lombok Timur", "Kota Kupang"]
    assert g.degree("S-a") == 2


def test_policy_copy_hides_small_counts_only():
    f = G.for_policy(G.recruitment_flows(victims()), ["n_victims"])
    assert f["n_victims"].tolist() == [7, "<5", None]


def test_empty_inputs_give_empty_tables():
    empty = victims().iloc[:0]
    assert len(G.recruitment_flows(empty)) == 0 and len(G.province_totals(empty)) == 0
    assert len(G.origin_syndicate_edges(empty, pd.DataFrame(columns=["actor_id", "cases"]),
                                        pd.DataFrame(columns=["actor_id", "syndicate_id"]))) == 0


def test_docstring_examples():
    result = doctest.testmod(G)
    assert result.attempted > 0 and result.failed == 0


def test_geography_tables_validate_against_their_schemas():
    from analysis.schemas import validate

    validate(G.recruitment_flows(victims()), "victim_flows")
    actors = pd.DataFrame({"actor_id": ["P-1"], "cases": [["K1", "K2"]]})
    metrics = pd.DataFrame({"actor_id": ["P-1"], "syndicate_id": ["S-a"]})
    out = validate(G.origin_syndicate_edges(victims(), actors, metrics), "origin_syndicates")
    assert out["n_cases"].tolist() == [1, 1]
