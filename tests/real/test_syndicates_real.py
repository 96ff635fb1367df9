"""Syndicates on the real decisions: split trials join, unrelated decisions stay apart.

A person tried in one decision and named (as fugitive or co-defendant tried separately) in
another joins those decisions; the syndicate holding that person should span all of them.
And the community detection must not melt the corpus into one blob.
"""

import pandas as pd
import pytest

from analysis.network.tables import build_network_tables


@pytest.fixture(scope="module")
def network(case_tables):
    return build_network_tables(case_tables["actors"], case_tables["ties"], case_tables["cases"])


def _syndicate_cases(actors: pd.DataFrame, actor_metrics: pd.DataFrame) -> pd.Series:
    m = actor_metrics.dropna(subset=["syndicate_id"]).merge(actors[["actor_id", "cases"]], on="actor_id")
    return m.groupby("syndicate_id")["cases"].agg(lambda cs: {c for lst in cs for c in lst})


@pytest.mark.real
def test_split_trials_end_up_in_one_syndicate(case_tables, network):
    actors, am = case_tables["actors"], network["actor_metrics"]
    bridging = actors[(actors["kind"] == "person") & (actors["n_cases"] >= 2)
                      & actors["roles"].map(lambda r: "defendant" in list(r))]
    assert len(bridging) >= 30, "too few defendants linked across decisions to judge"
    syn_cases = _syndicate_cases(actors, am)
    syndicate_of = am.set_index("actor_id")["syndicate_id"]
    joined = [
        isinstance(syndicate_of.get(a), str) and set(cases) <= syn_cases.get(syndicate_of.get(a), set())
        for a, cases in zip(bridging["actor_id"], bridging["cases"])
    ]
    assert sum(joined) / len(joined) >= 0.9


@pytest.mark.real
def test_unrelated_decisions_do_not_merge_into_a_blob(case_tables, network):
    syn = network["syndicates"]
    n_cases = len(case_tables["cases"])
    assert syn["n_cases"].max() <= 0.05 * n_cases          # no syndicate holds more than 5 % of decisions
    assert (syn["n_cases"] >= 2).sum() >= 20               # yet many span several decisions
    assert (syn["n_courts"] >= 2).sum() >= 3               # and some cross courts
    assert syn["stability"].between(0, 1).all()
