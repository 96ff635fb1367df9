"""The news run end to end on the fixtures: bad input rejected with reasons, nothing lost,
near duplicates clustered, events linked, and Dask giving the same tables as a local loop."""

import json
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.news.pipeline import process_news
from analysis.news.readers import MAX_BYTES
from analysis.schemas import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "news"
STORY = ("KUPANG, contoh.example - Polda NTT menggagalkan keberangkatan sembilan calon PMI ke Malaysia "
         "pada Selasa (27/5/2025), dan para korban sudah dipulangkan ke daerah asal masing-masing.")


@pytest.fixture(scope="module")
def tables():
    return process_news(FIXTURES)


def test_fixture_tables_validate_and_count(tables):
    for name in ("articles", "events", "event_agencies", "rejects"):
        validate(tables[name], name)
    assert len(tables["articles"]) == 20 and tables["rejects"].empty
    assert tables["articles"]["text"].str.contains("BACA JUGA|Brebes|Editor:").sum() == 0


def test_press_release_in_two_outlets_is_one_cluster_and_one_event(tables):
    a = tables["articles"].set_index("source")
    one, two = (a.loc[str(FIXTURES / f"articles.jsonl:{i}")] for i in (1, 2))
    assert one["cluster_id"] == two["cluster_id"] and one["cluster_size"] == 2
    assert one["max_similarity"] >= 0.35
    ev = tables["events"]
    nine = ev[(ev["count"] == 9) & (ev["count_unit"] == "calon PMI")]
    assert len(nine) == 2 and nine["event_id"].nunique() == 1
    assert nine["date"].dt.date.astype(str).tolist() == ["2025-05-27", "2025-05-27"]
    assert a["cluster_id"].nunique() == 18  # 20 articles, two pairs of rewrites


def test_event_agencies_long_table(tables):
    ea = tables["event_agencies"]
    ev = tables["events"]
    ids = ev.loc[(ev["count"] == 28) & (ev["count_unit"] == "korban"), "event_id"].unique()
    assert sorted(ea.loc[ea["event_id"].isin(ids), "agency"]) == ["KBRI Phnom Penh", "Kemenlu"]


def _bad_inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    lines = [
        json.dumps({"url": "https://a.example/1", "published_at": "2025-05-29", "text": STORY}),
        "{not json",
        json.dumps({"url": "https://a.example/2", "text": ""}),
        json.dumps({"url": "https://a.example/3", "text": "The police arrested two people who recruited "
                    "migrant workers and sent them to Malaysia without the papers they needed."}),
        json.dumps({"url": "https://a.example/4", "text": STORY.replace("ke", "â€œkeâ€\x9d")}),
        json.dumps({"url": "https://a.example/5", "html": "<html><body><nav>Beranda</nav></body></html>"}),
        json.dumps({"url": "https://a.example/1", "text": STORY}),
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://a.example/6"}),
    ]
    body = ("\n".join(lines) + "\n").encode() + b'{"url": "https://a.example/7", "text": "caf\xe9 rusak"}\n'
    (d / "news.jsonl").write_bytes(body)
    (d / "big.html").write_bytes(b"<html><body><p>" + b"x" * (MAX_BYTES + 10) + b"</p></body></html>")
    (d / "broken.txt").write_bytes(b"Judul\n\nIsi \xff\xfe berita")
    (d / "empty.txt").write_bytes(b"")
    (d / "notes.pdf").write_bytes(b"%PDF")
    return d


def test_bad_input_each_rejected_with_a_reason(tmp_path):
    t = process_news(_bad_inputs(tmp_path))
    rej = t["rejects"].assign(where=lambda r: r["source"].str.replace(str(tmp_path / "in") + "/", "", regex=False))
    got = sorted(zip(rej["where"], rej["stage"], rej["reason"]))
    assert got == sorted([
        ("news.jsonl:2", "parse", "malformed JSON line"),
        ("news.jsonl:3", "read", "empty text"),
        ("news.jsonl:4", "clean", "not Indonesian"),
        ("news.jsonl:5", "decode", "broken encoding (mojibake)"),
        ("news.jsonl:6", "parse", "no article text found in HTML"),
        ("news.jsonl:7", "validate", "duplicate article"),
        ("news.jsonl:8", "parse", "JSON line is not an object"),
        ("news.jsonl:9", "parse", "no text or html field"),
        ("news.jsonl:10", "decode", "invalid UTF-8 bytes"),
        ("big.html", "read", "page too large"),
        ("broken.txt", "decode", "invalid UTF-8 bytes"),
        ("empty.txt", "read", "empty text"),
        ("notes.pdf", "read", "unsupported file type"),
    ])
    assert t["articles"]["url"].tolist() == ["https://a.example/1"]
    assert len(t["articles"]) + len(t["rejects"]) == 10 + 4  # JSONL lines + files read
    validate(t["rejects"], "rejects")


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no news input"):
        process_news(tmp_path / "nothing-here")


def _sorted(df: pd.DataFrame, keys) -> pd.DataFrame:
    return df.sort_values(keys).reset_index(drop=True)


@pytest.fixture(scope="module")
def scheduler_address():
    from distributed import LocalCluster

    with LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("mode", ["sync", "local", "address"])
def test_dask_gives_identical_tables(tables, mode, request):
    if mode == "address":
        mode = request.getfixturevalue("scheduler_address")
    got = process_news(FIXTURES, dask=mode, partition_size=3)  # 20 articles in 7 partitions
    for name, keys in (("articles", ["article_id"]), ("events", ["article_id", "count_start"]),
                       ("event_agencies", ["event_id", "agency"]), ("rejects", ["source"])):
        assert_frame_equal(_sorted(got[name], keys), _sorted(tables[name], keys))


def test_stored_text_is_redacted_and_spans_point_into_it(tmp_path):
    text = STORY + " Keluarga korban dapat menghubungi 081234567890 atau NIK 3201234567890001 untuk verifikasi data."
    (tmp_path / "a.jsonl").write_text(json.dumps({"url": "https://a.example/r", "published_at": "2025-05-29",
                                                  "text": text}) + "\n")
    t = process_news(tmp_path / "a.jsonl")
    stored = t["articles"]["text"].iloc[0]
    assert "081234567890" not in stored and "3201234567890001" not in stored
    assert "[PHONE]" in stored and "[NIK]" in stored
    e = t["events"].iloc[0]
    assert stored[e["count_start"]:e["count_end"]] == "sembilan calon PMI"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from analysis.news.pipeline import process_record  # noqa: E402
from analysis.news.readers import RawRecord  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=300),
                 st.builds(lambda t, u: json.dumps({"url": u, "text": t}).encode(), st.text(max_size=300),
                           st.one_of(st.none(), st.text(max_size=20)))))
def test_any_jsonl_line_becomes_an_article_or_a_reject(line):
    res = process_record(RawRecord("x.jsonl:1", "jsonl", payload=line))
    assert (res["article"] is None) == (len(res["rejects"]) == 1)
    for r in res["rejects"]:
        assert r["stage"] in {"read", "decode", "clean", "parse", "extract"} and len(r["reason"]) >= 3
