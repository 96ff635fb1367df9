"""Refusals of the command line: an empty input folder, a bad ``--out`` and a missing
dependency each stop the run with one line and exit code 2, leaving existing tables as they were."""

import hashlib
import json
import sys

import pandas as pd
import pytest
from test_decision_fields import TWO_DEFENDANTS

from analysis import cli
from analysis.extract import decisions as extract_decisions
from analysis.news import pipeline as news_pipeline
from analysis.io import write_table_set


def _snapshot(folder):
    """Every file and link under ``folder`` with its bytes' digest (links: their target)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            out[rel] = "-> " + str(p.readlink())
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def tables_out(tmp_path):
    out = tmp_path / "processed"
    write_table_set({"alpha": pd.DataFrame({"a": [1, 2]}), "beta": pd.DataFrame({"b": ["x"]})}, out, validate=False)
    return out


@pytest.fixture
def spy(monkeypatch):
    """Record calls of the parsers, which a refused run must never reach."""
    calls = []
    real_cases, real_news = extract_decisions.process_decisions, news_pipeline.process_news
    monkeypatch.setattr(extract_decisions, "process_decisions", lambda *a, **k: (calls.append("cases"), real_cases(*a, **k))[1])
    monkeypatch.setattr(news_pipeline, "process_news", lambda *a, **k: (calls.append("news"), real_news(*a, **k))[1])
    return calls


def _one_line_refusal(capsys, command):
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"tppo {command}: "), err
    return err


def test_empty_folder_is_refused_and_tables_untouched(tmp_path, tables_out, capsys):
    empty = tmp_path / "putusan"
    empty.mkdir()
    before = _snapshot(tables_out)
    assert cli.main(["cases", str(empty), "--out", str(tables_out)]) == 2
    err = _one_line_refusal(capsys, "cases")
    assert "no decision files" in err and "the folder is empty" in err
    assert _snapshot(tables_out) == before


def test_folder_of_only_non_decisions_is_refused(tmp_path, tables_out, capsys):
    d = tmp_path / "putusan"
    (d / "sub").mkdir(parents=True)
    (d / "ocr_audit.jsonl").write_text("{}\n")
    before = _snapshot(tables_out)
    assert cli.main(["cases", str(d), "--out", str(tables_out)]) == 2
    assert "2 entries, none a decision file" in _one_line_refusal(capsys, "cases")
    assert _snapshot(tables_out) == before


@pytest.fixture
def decisions(tmp_path):
    d = tmp_path / "putusan"
    d.mkdir()
    (d / "77_Pid.Sus_2025_PN_Xyz.txt").write_text(TWO_DEFENDANTS, encoding="utf-8")
    return d


@pytest.mark.parametrize("bad", ["file", "under-file", "unwritable"])
def test_bad_out_is_refused_before_parsing(tmp_path, decisions, spy, capsys, monkeypatch, bad):
    a_file = tmp_path / "a-file.parquet"
    a_file.write_bytes(b"not a folder")
    if bad == "file":
        out, expect = a_file, "is a file, not a folder"
    elif bad == "under-file":
        out, expect = a_file / "processed", "cannot create the output folder"
    else:
        out, expect = tmp_path / "ro", "cannot write in the output folder"
        import analysis.io

        def denied(*a, **k):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(analysis.io.tempfile, "mkstemp", denied)
    assert cli.main(["cases", str(decisions), "--out", str(out)]) == 2
    assert expect in _one_line_refusal(capsys, "cases")
    news = tmp_path / "a.jsonl"
    news.write_text(json.dumps({"url": "u", "text": "Polisi menahan dua orang."}) + "\n")
    assert cli.main(["news", str(news), "--out", str(out)]) == 2
    assert expect in _one_line_refusal(capsys, "news")
    assert spy == []
    assert a_file.read_bytes() == b"not a folder"


def test_build_with_bad_out_is_refused_before_parsing(tmp_path, decisions, spy, capsys):
    a_file = tmp_path / "processed"
    a_file.write_text("x")
    assert cli.main(["build", "--data", str(tmp_path), "--out", str(a_file)]) == 2
    assert "output folder" in _one_line_refusal(capsys, "build")
    assert spy == []


def test_good_out_is_created_and_used(tmp_path, decisions, capsys):
    out = tmp_path / "new" / "processed"
    assert cli.main(["cases", str(decisions), "--out", str(out), "--workers", "1"]) == 0
    assert pd.read_parquet(out / "cases.parquet")["case_id"].tolist() == ["77/Pid.Sus/2025/PN Xyz"]


HTML = ("<html><head><title>Berita</title></head><body><article><p>"
        + "Polisi menahan dua perekrut pekerja migran di Kupang. " * 10 + "</p></article></body></html>")


def test_missing_dependency_is_fatal_not_a_reject(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.html").write_text(HTML, encoding="utf-8")
    out = tmp_path / "processed"
    monkeypatch.setitem(sys.modules, "trafilatura", None)   # as if it were not installed
    from analysis.news.readers import list_records, parse_record

    records, _ = list_records(folder)
    with pytest.raises(ImportError):
        parse_record(records[0])
    assert cli.main(["news", str(folder), "--out", str(out)]) == 2
    err = _one_line_refusal(capsys, "news")
    assert "missing dependency" in err and "trafilatura" in err
    assert not list(out.glob("*.parquet"))


def test_bad_data_is_still_a_reject(tmp_path):
    from analysis.news.readers import list_records, parse_record

    f = tmp_path / "a.jsonl"
    f.write_text("{bad json\n", encoding="utf-8")
    records, _ = list_records(f)
    art, rej = parse_record(records[0])
    assert art is None and rej["reason"] == "malformed JSON line"
