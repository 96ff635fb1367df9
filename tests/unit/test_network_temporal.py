"""Windows over time and syndicate continuity."""

import networkx as nx
import pandas as pd
import pytest

from analysis.network import temporal as T


@pytest.fixture
def ties():
    return pd.DataFrame({
        "source_id": ["a", "b", "a", "c", "x"],
        "target_id": ["b", "c", "c", "d", "y"],
        "case_id": ["K1", "K1", "K2", "K2", "K3"],
        "relation": ["paid"] * 5,
        "date": pd.to_datetime(["2023-02-01", None, "2023-08-01", None, None]),
    })


def test_tie_dates_fall_back_to_decision_date(ties):
    cases = pd.DataFrame({"case_id": ["K1", "K2"], "decision_date": pd.to_datetime(["2023-05-01", "2024-03-01"])})
    d = T.tie_dates(ties, cases)
    assert d.dt.strftime("%Y-%m").fillna("-").tolist() == ["2023-02", "2023-05", "2023-08", "2024-03", "-"]


def test_windows_years_half_years_cumulative(ties):
    cases = pd.DataFrame({"case_id": ["K1", "K2"], "decision_date": pd.to_datetime(["2023-05-01", "2024-03-01"])})
    y = T.windowed_graphs(ties, cases, freq="Y")
    assert sorted(y) == ["2023", "2024"]
    assert sorted(y["2023"].edges()) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert y["2024"].graph["n_undated_ties"] == 1
    h = T.windowed_graphs(ties, cases, freq="6M")
    assert sorted(h) == ["2023H1", "2023H2", "2024H1"]
    c = T.windowed_graphs(ties, cases, freq="Y", cumulative=True)
    assert c["2024"].number_of_edges() == 4
    with pytest.raises(ValueError):
        T.windowed_graphs(ties, cases, freq="Q")


def test_continuity_matches_by_jaccard():
    w1 = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    w2 = nx.Graph([("a", "b"), ("b", "d"), ("a", "d"), ("p", "q")])
    t = T.syndicate_continuity({"2023": w1, "2024": w2}, n_runs=5)
    later = t[t.window == "2024"].set_index("n_actors")
    row = later.loc[3]
    assert row["jaccard"] == pytest.approx(2 / 4) and bool(row["continues"])
    assert not bool(later.loc[2]["continues"])
    assert t[t.window == "2023"]["matched"].isna().all()
