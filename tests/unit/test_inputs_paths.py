"""Rendered files never show paths of the building machine: they are scrubbed from executed
notebooks, and the report's privacy scan fails when one is left."""

import os
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.report import execute, render
from analysis.report.privacy_checks import find_paths, machine_paths, scan_paths, scrub_paths

DATA = "/srv/tppo-data"
OUT = "/srv/tppo-tables"


@pytest.fixture
def paths():
    return machine_paths(DATA, OUT, "/srv/project/reports")


def test_machine_paths_cover_data_tables_project_home(paths):
    from analysis import config

    assert paths[DATA] == "$TPPO_DATA" and paths[OUT] == "$TPPO_OUT"
    assert paths[str(config.project_root())] == "$PROJECT"
    assert paths[str(Path.home())] == "~"
    assert list(paths) == sorted(paths, key=len, reverse=True)


def test_scrub_replaces_each_path_by_its_placeholder(paths):
    text = (f"read {DATA}/putusan_tppo/1_Pid.Sus_2025_PN_Xyz.txt; tables in {OUT}; "
            "warning from /home/someone/lib/x.py and file:///home/someone-else/reports/a.html; /srv/tppo-database stays")
    assert scrub_paths(text, paths) == ("read $TPPO_DATA/putusan_tppo/1_Pid.Sus_2025_PN_Xyz.txt; tables in "
                                        "$TPPO_OUT; warning from ~/lib/x.py and file://~/reports/a.html; "
                                        "/srv/tppo-database stays")


def test_scan_finds_paths_in_html_csv_and_pdf_and_skips_images(tmp_path, paths):
    (tmp_path / "page.html").write_text(f"<pre>data_dir = \"{DATA}\"</pre>", encoding="utf-8")
    (tmp_path / "fig.csv").write_text("source,n\n/root/x.txt,3\n", encoding="utf-8")
    (tmp_path / "brief.pdf").write_bytes(b"%PDF-1.4 /URI (file:///home/builder/reports/index.html) %%EOF")
    (tmp_path / "clean.html").write_text("<p>Decision P-1a2b, 12 cases, tppo-data</p>", encoding="utf-8")
    (tmp_path / "fig.png").write_bytes(b"\x89PNG /root/ inside pixels")
    got = scan_paths(sorted(tmp_path.iterdir()), paths)
    found = {Path(f).name: p for f, p in zip(got["file"], got["paths"])}
    assert found == {"brief.pdf": ["/home/builder"], "clean.html": [], "fig.csv": ["/root"], "page.html": [DATA]}


def test_render_scan_fails_on_a_machine_path(tmp_path, paths):
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "01.html").write_text(f"<p>{OUT}/cases.parquet</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>ok</p>", encoding="utf-8")
    with pytest.raises(render.PrivacyLeak, match=r"paths of the building machine appear in policy/01.html"):
        render._scan_paths(tmp_path, paths)
    (tmp_path / "policy" / "01.html").write_text("<p>$TPPO_OUT/cases.parquet</p>", encoding="utf-8")
    render._scan_paths(tmp_path, paths)


def test_scrubbed_notebook_has_no_paths(paths):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(f'data_dir = "{DATA}"', metadata={"tags": ["injected-parameters"]}, outputs=[
            nbformat.v4.new_output("stream", name="stderr", text=f"{os.path.abspath(OUT)}/x.parquet read\n"),
            nbformat.v4.new_output("display_data", data={"text/html": [f"<a href='file://{DATA}/a'>a</a>"]}),
            nbformat.v4.new_output("error", ename="E", evalue="e", traceback=["File /root/tppo/x.py, line 1"]),
        ])])
    nb.metadata["papermill"] = {"input_path": None, "output_path": f"{OUT}/nb.ipynb", "parameters": {"fast": True}}
    text = nbformat.writes(execute.scrub_notebook(nb, paths))
    assert find_paths(text, list(paths)) == []
    assert "$TPPO_DATA/a" in text and "$TPPO_OUT/x.parquet" in text and "~/tppo/x.py" in text
    assert nb.metadata["papermill"]["parameters"] == {"fast": True}


def test_environment_is_set_for_the_block_and_restored(monkeypatch):
    monkeypatch.setenv("TPPO_OUT", "before")
    monkeypatch.delenv("TPPO_FIGURES_DIR", raising=False)
    with execute.environment({"TPPO_OUT": "during", "TPPO_FIGURES_DIR": "figs"}):
        assert os.environ["TPPO_OUT"] == "during" and os.environ["TPPO_FIGURES_DIR"] == "figs"
    assert os.environ["TPPO_OUT"] == "before" and "TPPO_FIGURES_DIR" not in os.environ


_SEGMENT = st.text(alphabet="abcdefghij_-.", min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), st.sampled_from([DATA, OUT, "/root", "/home/ana"]),
                          _SEGMENT.map(lambda s: f"{DATA}/{s}")), max_size=8))
def test_scrubbed_text_never_shows_a_machine_path(parts):
    paths = machine_paths(DATA, OUT)
    text = " ".join(p + "/" if p.startswith("/") else p for p in parts)
    assert find_paths(scrub_paths(text, paths), list(paths)) == []


def test_brief_is_printed_without_links_to_local_files(tmp_path, monkeypatch):
    from analysis.report import chromium

    page = tmp_path / "policy" / "06_policy_brief.html"
    page.parent.mkdir()
    page.write_text('<nav><a href="../index.html">All reports</a></nav><p>See <a href="https://bp2mi.go.id/">BP2MI</a>'
                    ' and <a href="#fig1">figure 1</a>; <a href="../figures/x.csv">numbers</a></p>', encoding="utf-8")
    printed = {}

    def fake_print(html_path, pdf_path, **kw):
        printed["html"] = Path(html_path).read_text(encoding="utf-8")
        printed["folder"] = Path(html_path).parent
        Path(pdf_path).write_bytes(b"%PDF")
        return Path(pdf_path)

    monkeypatch.setattr(chromium, "print_to_pdf", fake_print)
    render._brief_pdf(page, tmp_path / "policy_brief.pdf")
    assert printed["html"] == ('<nav><a>All reports</a></nav><p>See <a href="https://bp2mi.go.id/">BP2MI</a>'
                               ' and <a href="#fig1">figure 1</a>; <a>numbers</a></p>')
    assert printed["folder"] == page.parent
    assert sorted(p.name for p in page.parent.iterdir()) == ["06_policy_brief.html"]
