"""Every notebook runs top to bottom on (a sample of) the real data and renders both versions."""

from pathlib import Path

import nbformat
import pytest

pytestmark = [pytest.mark.real, pytest.mark.notebook, pytest.mark.slow]

STEMS = ["01_case_data_quality", "02_news_events", "03_recruitment_networks",
         "04_syndicates_brokers_disruption", "05_time_series", "06_policy_brief"]


def test_every_notebook_executed_and_rendered(reports: Path):
    for stem in STEMS:
        nb = nbformat.read(reports / "notebooks" / f"{stem}.ipynb", as_version=4)
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
        assert not errors, stem
        assert (reports / f"{stem}.html").stat().st_size > 10_000
        assert (reports / "policy" / f"{stem}.html").stat().st_size > 10_000


def test_policy_pages_have_no_code(reports: Path):
    for stem in STEMS:
        full = (reports / f"{stem}.html").read_text(encoding="utf-8").split("<body", 1)[1]
        policy = (reports / "policy" / f"{stem}.html").read_text(encoding="utf-8").split("<body", 1)[1]
        assert "highlight hl-" in full
        assert "highlight hl-" not in policy and "import " not in policy, stem


def test_every_figure_has_caption_and_numbers(reports: Path):
    figures = reports / "figures"
    pngs = sorted(figures.glob("*.png"))
    assert len(pngs) >= 10
    for png in pngs:
        assert png.with_suffix(".csv").exists() and png.with_suffix(".svg").exists()
        assert len(png.with_suffix(".txt").read_text(encoding="utf-8").strip()) > 20


def test_index_pdf_and_explorer(reports: Path):
    index = (reports / "index.html").read_text(encoding="utf-8")
    for stem in STEMS:
        assert f'href="{stem}.html"' in index and f'href="policy/{stem}.html"' in index
    assert 'href="policy_brief.pdf"' in index and 'href="explorer.html"' in index
    assert (reports / "policy_brief.pdf").read_bytes()[:5] == b"%PDF-"
    assert (reports / "explorer.html").exists()


def test_real_data_numbers_in_quality_report(reports: Path):
    nb = nbformat.read(reports / "notebooks" / "01_case_data_quality.ipynb", as_version=4)
    text = "".join(o.get("data", {}).get("text/markdown", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert "**500 decision files**" in text and "registered 2017–2026" in text


def test_failing_cell_names_notebook_and_cell(tmp_path):
    from analysis.report.execute import NotebookFailed, execute_notebook

    src = tmp_path / "99_broken.py"
    src.write_text("# %% [markdown]\n# # Broken\n\n# %% tags=[\"parameters\"]\nx = 1\n\n# %%\n1 / 0\n")
    with pytest.raises(NotebookFailed, match=r"notebook 99_broken failed in cell \d+ \(In \[\d+\]: '1 / 0'\): "
                                             r"ZeroDivisionError"):
        execute_notebook(src, tmp_path / "out.ipynb", {"x": 2}, timeout=120)
    assert not (tmp_path / "out.ipynb").exists()
