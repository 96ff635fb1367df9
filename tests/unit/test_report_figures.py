"""The figure style and save_figure's files."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.report.figures import figure_index, save_figure, use_style  # noqa: E402


def _fig():
    use_style()
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2])
    return fig


def test_use_style_sets_palette():
    use_style()
    assert plt.rcParams["axes.prop_cycle"].by_key()["color"][0].lower() in {"#0072b2", "0072b2"}
    assert plt.rcParams["axes.spines.top"] is False


def test_save_figure_writes_four_files_and_caption(tmp_path):
    t = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    saved = save_figure(_fig(), t, "toy_fig", "  A toy figure.  ", out=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["toy_fig.csv", "toy_fig.png", "toy_fig.svg", "toy_fig.txt"]
    assert (tmp_path / "toy_fig.txt").read_text() == "A toy figure.\n"
    assert pd.read_csv(tmp_path / "toy_fig.csv").equals(t)
    html = saved._repr_html_()
    assert "<figcaption>" in html and "A toy figure." in html and "data:image/png;base64," in html
    assert figure_index(tmp_path)[["name", "caption"]].values.tolist() == [["toy_fig", "A toy figure."]]


def test_save_figure_is_reproducible(tmp_path):
    t = pd.DataFrame({"x": [1]})
    save_figure(_fig(), t, "a", "cap", out=tmp_path / "1")
    save_figure(_fig(), t, "a", "cap", out=tmp_path / "2")
    assert (tmp_path / "1" / "a.svg").read_bytes() == (tmp_path / "2" / "a.svg").read_bytes()


@pytest.mark.parametrize("name,caption,table,err", [
    ("Bad Name", "cap", pd.DataFrame(), ValueError),
    ("ok", " ", pd.DataFrame(), ValueError),
    ("ok", "cap", [1, 2], TypeError),
])
def test_save_figure_rejects_bad_arguments(tmp_path, name, caption, table, err):
    with pytest.raises(err):
        save_figure(_fig(), table, name, caption, out=tmp_path)
    plt.close("all")
