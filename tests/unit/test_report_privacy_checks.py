"""Small-cell suppression and the name scan of rendered files."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.report.privacy_checks import count_names, name_pattern, scan_files, suppress_small_cells


def test_suppress_hides_one_to_four_only():
    df = pd.DataFrame({"court": list("abcdef"), "n_victims": [0, 1, 4, 5, None, 12]})
    out = suppress_small_cells(df, ["n_victims"])
    assert out["n_victims"].tolist() == [0, "<5", "<5", 5, None, 12]
    assert out.attrs["suppressed_cells"] == 2
    assert df["n_victims"].tolist()[1] == 1  # input untouched


def test_suppress_threshold_and_marker():
    out = suppress_small_cells(pd.DataFrame({"v": [2, 3]}), ["v"], threshold=3)
    assert out["v"].tolist() == ["<3", 3]


def test_suppress_rejects_unknown_column_and_bad_threshold():
    with pytest.raises(KeyError, match="no column"):
        suppress_small_cells(pd.DataFrame({"v": [1]}), ["w"])
    with pytest.raises(ValueError):
        suppress_small_cells(pd.DataFrame({"v": [1]}), ["v"], threshold=0)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(-10, 10_000), st.floats(allow_nan=True, allow_infinity=False)),
                max_size=30))
def test_suppress_never_leaks_a_small_count(values):
    out = suppress_small_cells(pd.DataFrame({"v": pd.Series(values, dtype="object")}), ["v"])
    for before, after in zip(values, out["v"]):
        if before is not None and not pd.isna(before) and 0 < before < 5:
            assert after == "<5"
        else:
            assert after != "<5"


def test_count_names_whole_words_any_case_and_spacing():
    p = name_pattern(["fulan fulanah", "abcd"])
    assert count_names("FULAN\n  Fulanah met Abcd; abcde is other", p) == 2
    assert count_names("xfulan fulanah", p) == 0


def test_count_names_skips_embedded_images():
    p = name_pattern(["abcd efgh"])
    assert count_names('<img src="data:image/png;base64,abcd efgh=="/>', p) == 0


def test_name_pattern_ignores_short_names():
    assert name_pattern(["ab", " "]) is None
    assert count_names("anything", None) == 0


def test_scan_files_counts_without_returning_names(tmp_path):
    (tmp_path / "a.html").write_text("<p>Fulan Fulanah and fulan fulanah</p>")
    (tmp_path / "b.csv").write_text("P-1234abcd,3\n")
    (tmp_path / "c.png").write_bytes(b"\x89PNG fulan fulanah")
    out = scan_files(sorted(tmp_path.iterdir()), ["fulan fulanah"])
    assert out["hits"].tolist() == [2, 0]
    assert list(out.columns) == ["file", "hits"]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300), st.text(alphabet="abcdefghij ", min_size=4, max_size=20))
def test_count_names_never_crashes_and_finds_an_inserted_name(text, name):
    p = name_pattern([name])
    n = count_names(text, p)
    assert n >= 0
    if p is not None:
        assert count_names(f"{text} . {name.upper()} . ", p) >= n + 1


def test_withhold_names_in_labels_and_lists():
    from analysis.report.privacy_checks import WITHHELD, withhold_in_tables, withhold_names

    t = pd.DataFrame({"label": ["PT Maju", "LPK Fulan Fulanah Indonesia", None],
                      "companies": [["PT Maju", "UD FULAN FULANAH"], [], None], "n": [1, 2, 3]})
    out = withhold_names(t, ["fulan fulanah"])
    assert out["label"].tolist()[:2] == ["PT Maju", WITHHELD] and pd.isna(out["label"][2])
    assert out["companies"].tolist() == [["PT Maju", WITHHELD], [], None]
    assert out["n"].tolist() == [1, 2, 3]
    t.attrs["_built"] = True
    tables = withhold_in_tables({"actors": t, "series": t}, ["fulan fulanah"])
    assert tables["actors"].attrs["_built"] is True and tables["actors"]["label"][1] == WITHHELD
    assert tables["series"] is t
    assert withhold_names(t, []) is t


def test_load_report_tables_withholds(tmp_path):
    from analysis.report.tables import is_built, load_report_tables

    pd.DataFrame({"actor_id": ["C-1"], "kind": ["company"], "roles": [["sponsor"]], "label": ["CV Fulan Fulanah"],
                  "n_cases": [1]}).to_parquet(tmp_path / "actors.parquet")
    t = load_report_tables(tmp_path, None, names=["fulan fulanah"])
    assert t["actors"]["label"].tolist() == ["[withheld: contains a person's name]"] and is_built(t["actors"])
    assert load_report_tables(tmp_path, None)["actors"]["label"].tolist() == ["CV Fulan Fulanah"]
