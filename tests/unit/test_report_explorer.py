"""The explorer's data and page, on a toy network."""

import html
import json
import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.report.explorer import explorer_data, explorer_html, safe_label, show_explorer

ACTORS = pd.DataFrame({
    "actor_id": ["P-aa01", "P-bb02", "C-cc03", "Q9"],
    "kind": ["person", "person", "company", "person"],
    "roles": [["recruiter"], ["defendant", "sponsor"], [], ["victim"]],
    "label": ["P-aa01", "P-bb02", "PT Contoh Jaya", "Real Looking Name"],
    "n_cases": [2, 1, 2, 1],
})
TIES = pd.DataFrame({
    "source_id": ["P-aa01", "P-aa01", "P-bb02", "P-aa01"],
    "target_id": ["C-cc03", "C-cc03", "P-aa01", "Q9"],
    "relation": ["works_for", "works_for", "co_defendant", "recruited"],
    "case_id": ["1/Pid.Sus/2024/PN Abc", "2/Pid.Sus/2025/PN Xyz", "2/Pid.Sus/2025/PN Xyz", "1/Pid.Sus/2024/PN Abc"],
    "evidence": ["f:1-2"] * 4, "date": [None] * 4,
})
CASES = pd.DataFrame({"case_id": ["1/Pid.Sus/2024/PN Abc"], "court": ["PN Abc"],
                      "decision_date": [pd.Timestamp("2024-03-01")]})
METRICS = pd.DataFrame({"actor_id": ["P-aa01", "C-cc03"], "syndicate_id": ["S-1", "S-1"], "degree": [3.0, 1.0]})


def test_explorer_data_nodes_links_cases():
    d = explorer_data(ACTORS, TIES, METRICS, None, CASES)
    assert [n["id"] for n in d["nodes"]] == ["C-cc03", "P-aa01", "P-bb02", "Q9"]
    by = {n["id"]: n for n in d["nodes"]}
    assert by["P-aa01"]["cases"] == [0, 1] and by["P-aa01"]["syndicate"] == "S-1"
    assert by["P-aa01"]["metrics"] == {"degree": 3.0}
    assert by["Q9"]["label"] == "person #4"  # a person label that is not a pseudonym is never shown
    assert [(lk["s"], lk["t"], lk["relations"], lk["cases"]) for lk in d["links"]] == [
        ("C-cc03", "P-aa01", ["works_for"], [0, 1]),
        ("P-aa01", "P-bb02", ["co_defendant"], [1]),
        ("P-aa01", "Q9", ["recruited"], [0]),
    ]
    assert d["cases"] == [{"id": "1/Pid.Sus/2024/PN Abc", "court": "PN Abc", "year": 2024},
                          {"id": "2/Pid.Sus/2025/PN Xyz", "court": "PN Xyz", "year": 2025}]


def test_max_nodes_keeps_the_busiest():
    d = explorer_data(ACTORS, TIES, max_nodes=2)
    assert sorted(n["id"] for n in d["nodes"]) == ["C-cc03", "P-aa01"] and d["truncated"] is True
    assert d["n_actors_total"] == 4


def test_page_is_offline_and_carries_data():
    page = explorer_html(ACTORS, TIES, METRICS, None, CASES)
    assert not re.search(r"<script[^>]+src=", page) and not re.search(r"(src|href)=\"?https?:", page)
    assert "https://" not in page
    data = json.loads(re.search(r'id="tppo-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["nodes"]) == 4
    assert "Real Looking Name" not in page


def test_empty_tables_still_give_a_page():
    empty_a = ACTORS.head(0)
    empty_t = TIES.head(0)
    page = explorer_html(empty_a, empty_t)
    assert '"nodes": []' in page


def test_show_explorer_embeds_page_in_iframe():
    view = show_explorer(ACTORS, TIES)
    out = view._repr_html_()
    assert out.startswith("<iframe") and "srcdoc=" in out
    assert html.unescape(re.search(r'srcdoc="(.*?)"', out, re.S).group(1)).startswith("<!DOCTYPE html>")


def test_safe_label():
    assert safe_label("P-1a2b", "person", "P-1a2b", 1) == "P-1a2b"
    assert safe_label("P-1a2b", "person", "Some Name", 1) == "P-1a2b"
    assert safe_label("q", "person", None, 3) == "person #3"
    assert safe_label("C-1", "company", "PT Maju", 1) == "PT Maju"


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
def test_any_company_label_cannot_break_out_of_the_script(label):
    actors = ACTORS.assign(label=["P-aa01", "P-bb02", label, "x"])
    page = explorer_html(actors, TIES)
    block = re.search(r'id="tppo-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block
    assert json.loads(block)["nodes"][0]["label"] == (label or "C-cc03")
