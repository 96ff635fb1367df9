"""The notebooks are stored without outputs, and each .py source agrees with its .ipynb pair."""

from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
SOURCES = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.py"))
PARAMETERS = {"data_dir", "processed_dir", "figures_dir", "reports_dir", "small_cell_threshold", "max_nodes", "fast"}


def _cells(nb):
    return [(c.cell_type, c.source.strip(), tuple(c.get("metadata", {}).get("tags", []))) for c in nb.cells]


def test_the_six_notebooks_exist():
    assert [p.stem for p in SOURCES] == ["01_case_data_quality", "02_news_events", "03_recruitment_networks",
                                        "04_syndicates_brokers_disruption", "05_time_series", "06_policy_brief"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_ipynb_has_no_outputs(source):
    nb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{source.stem}: stored outputs"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_pairs_agree(source):
    text = jupytext.read(source)
    ipynb = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    assert _cells(text) == _cells(ipynb), f"{source.stem}: run `jupytext --sync notebooks/*.py`"
    assert ipynb.metadata["jupytext"]["formats"] == "ipynb,py:percent"
    assert ipynb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_one_parameters_cell_with_the_common_names(source):
    nb = jupytext.read(source)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    names = {line.split("=")[0].strip() for line in tagged[0].source.splitlines() if "=" in line}
    assert names == PARAMETERS
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
