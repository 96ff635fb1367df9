"""GEXF/GraphML/JSON/HTML exports: sanitised attributes, safe labels, offline page."""

import datetime as dt
import json
import re

import networkx as nx
import numpy as np
import pytest

from analysis.network import export as X


@pytest.fixture
def graph():
    g = nx.MultiDiGraph()
    g.add_node("P-0a1b2c3d", kind="person", label="P-0a1b2c3d", roles=["recruiter", "sponsor"])
    g.add_node("raw-person", kind="person", label="Not A Pseudonym", roles=[])
    g.add_node("C-1", kind="company", label="PT Contoh Jaya", roles=None)
    g.add_edge("P-0a1b2c3d", "C-1", relation="works_for", date=dt.date(2024, 1, 2), weight=np.float64(2.0))
    g.add_edge("P-0a1b2c3d", "C-1", relation="paid", date=None, weight=1)
    g.add_edge("raw-person", "P-0a1b2c3d", relation="recruited", date=float("nan"))
    return g


def test_sanitised_attributes_and_labels(graph):
    h = X.sanitised(graph)
    assert h.nodes["P-0a1b2c3d"]["roles"] == "recruiter; sponsor"
    assert h.nodes["C-1"]["roles"] == "" and h.nodes["C-1"]["label"] == "PT Contoh Jaya"
    assert "raw-person" not in h and not any("Not A Pseudonym" in str(d) for _, d in h.nodes(data=True))
    dates = sorted(str(d) for _, _, d in h.edges(data="date"))
    assert dates == ["", "", "2024-01-02"]


def test_gexf_graphml_roundtrip(graph, tmp_path):
    X.write_gexf(graph, tmp_path / "g.gexf")
    X.write_graphml(graph, tmp_path / "g.graphml")
    for g2 in (nx.read_gexf(tmp_path / "g.gexf"), nx.read_graphml(tmp_path / "g.graphml")):
        assert g2.number_of_nodes() == 3 and g2.number_of_edges() == 3
    assert "Not A Pseudonym" not in (tmp_path / "g.graphml").read_text()


def test_json_and_html(graph, tmp_path):
    d = X.graph_json(graph)
    assert {n["group"] for n in d["nodes"]} == {"person", "company"}
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in d["nodes"])
    assert len(d["links"]) == 3 and d["directed"] is True
    page = X.write_html_view(graph, tmp_path / "v.html", title="Test <view>").read_text()
    assert "Not A Pseudonym" not in page and "Test &lt;view&gt;" in page
    assert not re.search(r"""(src|href)=["']?https?://""", page)  # offline: nothing fetched
    payload = re.search(r'<script id="data" type="application/json">(.*?)</script>', page, re.DOTALL).group(1)
    assert len(json.loads(payload)["nodes"]) == 3


def test_empty_graph_exports(tmp_path):
    assert X.graph_json(nx.Graph()) == {"nodes": [], "links": [], "directed": False}
    X.write_html_view(nx.Graph(), tmp_path / "e.html")
