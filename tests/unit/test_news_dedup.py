"""Near-duplicate clustering and event linking on toy tables with exact expected values."""

import pandas as pd
import pytest

from analysis.news.dedup import jaccard_matrix, near_duplicate_clusters, shingles
from analysis.news.link import link_events


def test_jaccard_exact_values():
    sim = jaccard_matrix(["a b c d", "a b c e", "x y z"], k=2).toarray()
    # shingles {ab, bc, cd} vs {ab, bc, ce}: 2 shared of 4
    assert sim[0, 1] == pytest.approx(0.5) and sim[0, 2] == 0 and sim[0, 0] == 1
    assert shingles("satu", 3) == {"satu"} and shingles("", 3) == set()


def test_clusters_are_components_and_ids_do_not_depend_on_order():
    base = "polda ntt menggagalkan keberangkatan sembilan calon pekerja migran ke malaysia pada kamis malam"
    df = pd.DataFrame({"article_id": ["z", "b", "m", "a"],
                       "text": [base, base + " kemarin", "berita lain tentang banjir di desa pesisir", base + " lalu"]})
    got = near_duplicate_clusters(df)
    assert got["cluster_id"].tolist() == ["NC-a", "NC-a", "NC-m", "NC-a"]
    assert got["cluster_size"].tolist() == [3, 3, 1, 3]
    again = near_duplicate_clusters(df.iloc[::-1])
    assert dict(zip(again["article_id"], again["cluster_id"])) == dict(zip(got["article_id"], got["cluster_id"]))


def test_threshold_is_applied():
    df = pd.DataFrame({"article_id": ["a", "b"], "text": ["a b c d", "a b c e"]})
    assert near_duplicate_clusters(df, threshold=0.3)["cluster_id"].nunique() == 1
    assert near_duplicate_clusters(df, threshold=0.6)["cluster_id"].nunique() == 2
    assert near_duplicate_clusters(df.iloc[:0]).empty


def _events(**cols):
    n = len(cols["article_id"])
    base = {"count": [41.0] * n, "count_unit": ["calon PMI"] * n, "period_start": [pd.NaT] * n,
            "period_end": [pd.NaT] * n, "date": [pd.NaT] * n, "places": [[]] * n, "evidence_start": [0] * n,
            "count_start": list(range(n))}
    base.update(cols)
    return pd.DataFrame(base)


def test_link_by_cluster_or_by_count_period_and_place():
    ev = _events(article_id=["a", "b", "c", "d", "e"],
                 date=[pd.NaT, pd.NaT, pd.Timestamp("2023-05-02"), pd.Timestamp("2023-05-02"), pd.Timestamp("2023-05-02")],
                 places=[[], [], ["Kota Kupang"], [], ["Kota Batam"]])
    arts = pd.DataFrame({"article_id": list("abcde"), "cluster_id": ["k", "k", "x", "y", "z"],
                         "place_code": ["53.71", "53.71", "53", "53.71", "53.71"]})
    ids = link_events(ev, arts)["event_id"].tolist()
    assert ids[0] == ids[1]  # same cluster, same count
    assert ids[2] == ids[3]  # same count, day and place (sentence place vs article place)
    assert len({ids[0], ids[2], ids[4]}) == 3  # no shared key


def test_different_counts_in_one_cluster_stay_apart():
    ev = _events(article_id=["a", "b"], count=[41.0, 9.0])
    arts = pd.DataFrame({"article_id": ["a", "b"], "cluster_id": ["k", "k"], "place_code": [None, None]})
    ids = link_events(ev, arts)["event_id"].tolist()
    assert ids[0] != ids[1]
