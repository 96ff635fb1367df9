"""tppo report's pieces that need no kernel: parameters, build decisions, pages, the index."""

import json

import nbformat
import pandas as pd
import pytest

from analysis.report import build_stamp, render
from analysis.report.convert import notebook_html, policy_notebook
from analysis.report.execute import NotebookFailed, notebook_sources
from analysis.report.index_page import index_html


def test_load_params_defaults_and_override(tmp_path):
    p = render.load_params()
    assert p["build"] == "auto" and p["parameters"]["small_cell_threshold"] == 5 and p["pdf"] is True
    f = tmp_path / "p.yaml"
    f.write_text("pdf: false\nparameters:\n  fast: true\n")
    q = render.load_params(f)
    assert q["pdf"] is False and q["parameters"]["fast"] is True and q["parameters"]["max_nodes"] == 600
    with pytest.raises(FileNotFoundError):
        render.load_params(tmp_path / "missing.yaml")
    (tmp_path / "bad.yaml").write_text("- a list\n")
    with pytest.raises(ValueError, match="mapping"):
        render.load_params(tmp_path / "bad.yaml")


def test_ensure_tables_never_and_bad_mode(tmp_path):
    assert render.ensure_tables(tmp_path, tmp_path, "never") == "build skipped (build: never)"
    with pytest.raises(ValueError):
        render.ensure_tables(tmp_path, tmp_path, "sometimes")


def test_ensure_tables_auto_builds_once(tmp_path, monkeypatch):
    data, out = tmp_path / "data", tmp_path / "out"
    data.mkdir()
    (data / "x.txt").write_text("1")
    calls = []

    def fake_build(d, o):
        calls.append((d, o))
        pd.DataFrame({"case_id": ["k"]}).to_parquet(o / "cases.parquet")

    from analysis import pipeline
    monkeypatch.setattr(pipeline, "build", fake_build)
    out.mkdir()
    assert render.ensure_tables(data, out, "auto") == "built (missing tables: cases)"
    assert render.ensure_tables(data, out, "auto") == "tables are up to date"
    (data / "x.txt").write_text("2")
    assert render.ensure_tables(data, out, "auto") == "built (inputs changed: x.txt)"
    assert len(calls) == 2
    assert set(json.loads((out / build_stamp.STAMP).read_text())["inputs"]) == {"x.txt"}


def test_ensure_tables_reports_a_missing_pipeline_module(tmp_path, monkeypatch):
    from analysis import pipeline

    def missing(d, o):
        raise ModuleNotFoundError("no module", name="analysis.not_yet")

    monkeypatch.setattr(pipeline, "build", missing)
    assert render.ensure_tables(tmp_path, tmp_path, "always") == "not built (analysis.not_yet missing)"


def test_code_change_triggers_rebuild(tmp_path):
    data, out, code = tmp_path / "d", tmp_path / "o", tmp_path / "pkg"
    for d in (data, out, code):
        d.mkdir()
    (code / "m.py").write_text("x = 1")
    (out / "cases.parquet").write_bytes(b"")
    build_stamp.write_stamp(data, out, code)
    assert build_stamp.needs_build(data, out, code) == (False, "tables are up to date")
    (code / "m.py").write_text("x = 2")
    assert build_stamp.needs_build(data, out, code) == (True, "code changed")


def _nb():
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A report"),
        nbformat.v4.new_code_cell("a = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print('shown')", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="shown result\n"),
            nbformat.v4.new_output("stream", name="stderr", text="a warning\n")]),
        nbformat.v4.new_code_cell("raw = 2", metadata={"tags": ["academic"]}, outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="raw listing\n")]),
    ])


def test_policy_notebook_drops_code_only_material():
    nb = policy_notebook(_nb())
    assert [c.cell_type for c in nb.cells] == ["markdown", "code"]
    assert [o["name"] for o in nb.cells[1].outputs] == ["stdout"]


def test_full_and_policy_pages():
    full = notebook_html(_nb(), "full", title="A report")
    policy = notebook_html(_nb(), "policy", title="A report", index_href="../index.html")
    full_body, policy_body = full.split("<body", 1)[1], policy.split("<body", 1)[1]
    assert "highlight hl-" in full_body and "raw listing" in full_body
    assert "highlight hl-" not in policy_body and "raw listing" not in policy_body and "a warning" not in policy_body
    assert "shown result" in policy and 'href="../index.html"' in policy
    for page in (full, policy):
        assert "<script src=" not in page and "data-tppo-report" in page
    with pytest.raises(ValueError):
        notebook_html(_nb(), "students")


def test_index_links_everything():
    figs = pd.DataFrame({"name": ["f1"], "caption": ["A <caption>"], "png": ["x/f1.png"], "svg": ["x/f1.svg"],
                         "csv": ["x/f1.csv"]})
    page = index_html([{"name": "01_x", "title": "X", "full": "01_x.html", "policy": None}],
                      pdf=None, explorer="explorer.html", figures=figs)
    assert 'href="01_x.html"' in page and 'href="explorer.html"' in page and 'href="figures/f1.csv"' in page
    assert "A &lt;caption&gt;" in page and "Policy brief (PDF)" in page


def test_notebook_sources_and_unknown_name():
    names = [p.stem for p in notebook_sources()]
    assert names == ["01_case_data_quality", "02_news_events", "03_recruitment_networks",
                     "04_syndicates_brokers_disruption", "05_time_series", "06_policy_brief"]
    assert [p.stem for p in notebook_sources(only=["03"])] == ["03_recruitment_networks"]
    with pytest.raises(ValueError, match="no notebook"):
        notebook_sources(only=["99_nothing"])


def test_notebook_failed_message_names_notebook_and_cell():
    err = NotebookFailed("02_news_events", 7, 5, "KeyError", "'count'", "\nshow_table(x)\n")
    assert str(err) == ("notebook 02_news_events failed in cell 7 (In [5]: 'show_table(x)'): KeyError: 'count'")
    assert isinstance(err, ValueError)


def test_ensure_tables_stops_on_a_failing_build(tmp_path, monkeypatch):
    from analysis import pipeline

    def broken(d, o):
        raise KeyError("no schema declared for table 'x'")

    monkeypatch.setattr(pipeline, "build", broken)
    with pytest.raises(render.TablesBuildFailed, match=r"building the tables failed \(KeyError"):
        render.ensure_tables(tmp_path, tmp_path, "always")
    assert not (tmp_path / build_stamp.STAMP).exists()


def test_privacy_scan_names_the_file_not_the_person(tmp_path):
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "a.html").write_text("<p>met FULAN FULANAH</p>")
    (tmp_path / "b.html").write_text("<p>P-1a2b3c4d</p>")
    with pytest.raises(render.PrivacyLeak) as err:
        render._scan(tmp_path, ["fulan fulanah"])
    assert "policy/a.html (1)" in str(err.value) and "fulan" not in str(err.value).lower()
    render._scan(tmp_path / "policy" / "..", [])  # no reference names: skipped, not failed
