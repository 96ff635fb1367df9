"""Every number the brief states about actors and syndicates comes from the facts table."""

from __future__ import annotations

import re

import pandas as pd

from analysis.report.brief import network_findings
from analysis.report.network_facts import fact, network_facts

ACTORS = pd.DataFrame({
    "actor_id": ["P-1", "P-2", "P-3", "V-1", "C-1", "C-2", "A-1", "L-1"],
    "kind": ["person", "person", "person", "person", "company", "company", "agency", "place"],
    "roles": [["recruiter"], ["fugitive", "escort"], [], ["victim"], [], [], [], []],
    "n_cases": [2, 3, 1, 2, 2, 1, 5, 9],
    "courts": [["PN A", "PN B"], ["PN A"], ["PN A"], ["PN A"], ["PN A", "PN C"], ["PN A"], ["PN A", "PN B"], ["PN A"]],
})
SYNDICATES = pd.DataFrame({
    "syndicate_id": ["S-1", "S-2", "S-3"], "n_actors": [5, 2, 3], "n_cases": [2, 1, 1], "n_courts": [2, 1, 1],
    "weak": [False, True, True], "operation": ["transregional", "local", "local"],
    "structure": ["star", "dyad", "chain"],
})
TESTS = pd.DataFrame({
    "test": ["observed", "observed", "cug"], "statistic": ["density", "degree_centralization", "degree_centralization"],
    "condition": [None, None, "edges"], "observed": [0.01, 0.2, 0.2], "null_mean": [None, None, 0.05],
    "null_sd": [None, None, 0.01], "p_ge": [None, None, 0.001], "p_le": [None, None, 1.0], "n_sim": [0, 0, 1000],
})


def test_facts_count_by_kind_role_and_court():
    f = network_facts({"actors": ACTORS, "syndicates": SYNDICATES, "network_tests": TESTS})
    got = {k: fact(f, k) for k in f["key"]}
    assert got["persons_with_role_in_2plus_decisions"] == 2        # P-1, P-2 (the victim does not count)
    assert got["persons_with_role_in_2plus_courts"] == 1           # P-1
    assert got["persons_without_role_in_2plus_decisions"] == 1     # V-1
    assert got["companies_in_2plus_decisions"] == 1 and got["companies_in_2plus_courts"] == 1
    assert got["agencies_in_2plus_decisions"] == 1 and got["places_in_2plus_decisions"] == 1
    assert got["actors_in_2plus_decisions"] == 6
    assert (got["syndicates"], got["syndicate_members"], got["largest_syndicate"]) == (3, 10, 5)
    assert (got["syndicates_not_weak"], got["syndicates_weak"]) == (1, 2)
    assert (got["syndicates_in_2plus_decisions"], got["syndicates_in_2plus_courts"]) == (1, 1)
    assert (got["syndicates_operation_local"], got["syndicates_structure_star"]) == (2, 1)
    assert got["network_degree_centralization"] == 0.2 and got["network_degree_centralization_p"] == 0.001
    assert set(f["table"]) == {"actors", "syndicates", "network_tests"}


def test_every_bold_number_of_the_findings_is_a_fact():
    f = network_facts({"actors": ACTORS, "syndicates": SYNDICATES, "network_tests": TESTS})
    text = "\n".join(network_findings(f))
    numbers = [int(n) for n in re.findall(r"\*\*(\d+)[^*]*\*\*", text)]
    assert numbers == [2, 1, 1, 1, 1, 3, 5, 1, 1, 1]
    values = set(f["value"].astype(int))
    assert set(numbers) <= values


def test_no_tables_no_sentences():
    assert network_findings(network_facts({})) == []
