"""On the real decisions: the brief's numbers on actors and syndicates equal recounts of the
tables they cite, made here another way (from the case lists, not the stored counts)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.report.brief import network_findings
from analysis.report.network_facts import fact, network_facts

pytestmark = [pytest.mark.real, pytest.mark.slow]


@pytest.fixture(scope="module")
def facts(case_tables, network_tables):
    return network_facts({"actors": case_tables["actors"], **network_tables})


def _recount(actors: pd.DataFrame) -> dict:
    long = actors[["actor_id", "kind", "roles", "cases"]].explode("cases").dropna(subset=["cases"])
    long["court"] = long["cases"].str.extract(r"/(PN .+)$", expand=False)
    per = long.groupby("actor_id").agg(kind=("kind", "first"), roles=("roles", "first"),
                                       n_dec=("cases", "nunique"), n_court=("court", "nunique"))
    scheme = per["roles"].map(lambda r: any(x != "victim" for x in r))
    person = per["kind"] == "person"
    return {"persons_with_role_in_2plus_decisions": int(((per["n_dec"] >= 2) & person & scheme).sum()),
            "persons_with_role_in_2plus_courts": int(((per["n_court"] >= 2) & person & scheme).sum()),
            "companies_in_2plus_decisions": int(((per["n_dec"] >= 2) & (per["kind"] == "company")).sum()),
            "agencies_in_2plus_decisions": int(((per["n_dec"] >= 2) & (per["kind"] == "agency")).sum()),
            "places_in_2plus_decisions": int(((per["n_dec"] >= 2) & (per["kind"] == "place")).sum())}


def test_actor_facts_equal_a_recount_from_the_case_lists(case_tables, facts):
    for key, value in _recount(case_tables["actors"]).items():
        assert fact(facts, key) == value, key


def test_syndicate_facts_equal_a_recount_of_the_syndicates_table(network_tables, facts):
    s = network_tables["syndicates"]
    assert fact(facts, "syndicates") == len(s)
    assert fact(facts, "syndicates_not_weak") == int((~s["weak"]).sum())
    assert fact(facts, "syndicates_in_2plus_courts") == sum(len(set(c)) >= 2 for c in s["courts"])
    assert fact(facts, "largest_syndicate") == int(s["n_actors"].max())
    members = network_tables["actor_metrics"]["syndicate_id"].notna().sum()
    assert fact(facts, "syndicate_members") == members


def test_every_number_in_the_network_findings_is_a_cited_fact(facts):
    text = "\n".join(network_findings(facts))
    numbers = [int(n) for n in re.findall(r"\*\*(\d+)[^*]*\*\*", text)]
    assert len(numbers) >= 8
    cited = set(facts["value"].dropna().astype(int))
    assert set(numbers) <= cited
