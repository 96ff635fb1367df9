"""The real-news facts table read as news tables (toy CSV in the index's shape)."""

import io

import pandas as pd
import pytest

from analysis.news.index import index_places, parse_pub_date, read_news_index
from analysis.schemas import validate

HEADER = ("id,url,outlet,pub_date,event_id,topic,location,n_suspects,n_victims_or_cpmi,destinations,"
          "roles_or_facts,reliability_note\n")
ROWS = (
    '1,https://x.example/a,x,2023-05-02,E48,departure prevented,"Kupang, NTT",1,41,Malaysia,"recruiter MM; Polda NTT",\n'
    '2,https://y.example/b,y,2023-07,E48,departure prevented,NTT,1,41,Malaysia (Sabah),same event,\n'
    '3,https://z.example/c,z,"(Apr, year not stated)",E50,online-scam TPPO,national,,,Kamboja,KBRI Phnom Penh + Kemenlu,\n'
    ',https://w.example/d,w,2023,E51,x,national,,,,,\n'
    '5,https://v.example/e,v,2023,E52,x,national,lima,,,,\n'
)


@pytest.fixture(scope="module")
def t():
    return read_news_index(io.StringIO(HEADER + ROWS))


def test_articles_keep_index_event_ids_and_date_precision(t):
    a = t["articles"]
    assert a["article_id"].tolist() == ["NI-001", "NI-002", "NI-003"]
    assert a["event_id"].tolist() == ["E48", "E48", "E50"]
    assert a["pub_date_precision"].tolist()[:2] == ["day", "month"] and pd.isna(a["pub_date_precision"].iloc[2])
    assert a["published_at"].tolist()[:2] == [pd.Timestamp("2023-05-02"), pd.Timestamp("2023-07-01")]
    assert pd.isna(a["published_at"].iloc[2])
    validate(a, "articles")


def test_events_one_row_per_count(t):
    e = t["events"]
    assert e["event_id"].tolist() == ["E48", "E48", "E48", "E48", "E50"]
    assert e["count"].tolist()[:4] == [1.0, 41.0, 1.0, 41.0] and pd.isna(e["count"].iloc[4])
    assert e["count_unit"].tolist()[:4] == ["tersangka", "korban atau calon PMI"] * 2
    assert pd.isna(e["count_unit"].iloc[4])
    assert e["countries"].tolist()[-1] == ["Cambodia"] and e["modus"].tolist()[-1] == ["online_scam"]
    assert e["roles"].tolist()[0] == ["recruiter"]
    validate(e, "events")


def test_event_agencies_and_rejects(t):
    assert t["event_agencies"].values.tolist() == [
        ["E48", "Polda Nusa Tenggara Timur"], ["E50", "KBRI Phnom Penh"], ["E50", "Kemenlu"]]
    assert t["rejects"][["stage", "reason"]].values.tolist() == [
        ["parse", "index row without id or event_id"], ["parse", "count is not a number"]]


def test_missing_columns_is_a_clear_error():
    with pytest.raises(ValueError, match="lacks columns"):
        read_news_index(io.StringIO("id,url\n1,x\n"))


def test_cells():
    assert index_places("Sebatik, Nunukan") == ["Kabupaten Nunukan"]
    assert index_places("Lombok NTB / Jakarta") == ["Nusa Tenggara Barat", "Daerah Khusus Ibukota Jakarta"]
    assert parse_pub_date("2025") == (pd.Timestamp("2025-01-01"), "year")
    stamp, precision = parse_pub_date("")
    assert pd.isna(stamp) and precision is None
