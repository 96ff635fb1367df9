"""Readers for matrix CSVs, two-mode matrices, 0-based edge lists and TIP flows (toy files)."""

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.network import loaders as L


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_text(text, encoding=encoding)
    return p


def test_symmetric_matrix_with_bom(tmp_path):
    p = write(tmp_path, "m.csv", '\ufeff"",a,b,c\na,0,2,0\nb,2,0,1\nc,0,1,0\n')
    g = L.read_adjacency_csv(p)
    assert not g.is_directed()
    assert sorted(g.edges(data="weight")) == [("a", "b", 2.0), ("b", "c", 1.0)]


def test_asymmetric_valued_matrix_is_directed_and_ignores_diagonal(tmp_path):
    p = write(tmp_path, "m.csv", '"",x,y,z\r\nx,5,3,0\r\ny,0,0,1\r\nz,0,0,0\r\n')
    g = L.read_adjacency_csv(p)
    assert g.is_directed()
    assert sorted(g.edges(data="weight")) == [("x", "y", 3.0), ("y", "z", 1.0)]
    assert L.read_adjacency_csv(p, directed=False).number_of_edges() == 2


def test_matrix_errors(tmp_path):
    with pytest.raises(L.NetworkFormatError, match="non-numeric"):
        L.read_adjacency_csv(write(tmp_path, "a.csv", '"",a,b\na,0,x\nb,1,0\n'))
    with pytest.raises(L.NetworkFormatError, match="row labels differ"):
        L.read_adjacency_csv(write(tmp_path, "b.csv", '"",a,b\na,0,1\nc,1,0\n'))
    with pytest.raises(L.NetworkFormatError, match="empty cell"):
        L.read_adjacency_csv(write(tmp_path, "c.csv", '"",a,b\na,0,\nb,1,0\n'))
    with pytest.raises(L.NetworkFormatError):
        L.read_adjacency_csv(write(tmp_path, "d.csv", ""))


def test_two_mode(tmp_path):
    p = write(tmp_path, "2m.csv", '\ufeff"","meet 1","meet, 2"\np1,1,0\np2,1,1\np3,0,0\n')
    g = L.read_two_mode_csv(p)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 3
    assert {n for n, b in g.nodes(data="bipartite") if b == 1} == {"meet 1", "meet, 2"}
    assert g.degree("p3") == 0


def test_id_edge_lists(tmp_path):
    d = tmp_path / "mx"
    d.mkdir()
    write(d, "Data.txt", "0 1\n1 2\n2 1\n\n")
    write(d, "labels.csv", "0,Reclutador 1\n1,Guia\n2,Estafeta1\n")
    g = L.read_mexico_ht(d)
    assert sorted(g.edges(data="weight")) == [(0, 1, 1.0), (1, 2, 2.0)]
    assert [g.nodes[i]["role"] for i in range(3)] == ["Reclutador", "Guia", "Estafeta"]
    write(d, "Data.txt", "0 7\n")
    with pytest.raises(L.NetworkFormatError, match="without a label"):
        L.read_mexico_ht(d)
    write(d, "Data.txt", "0 x\n")
    with pytest.raises(L.NetworkFormatError, match="Data.txt:1"):
        L.read_mexico_ht(d)


def test_tip_edges_and_graph(tmp_path):
    write(tmp_path, "edgelist2002.txt", "A,B\nA,B\nA,A\n\nC,B\n")
    write(tmp_path, "edgelist2003.txt", "B,C\n")
    e = L.read_tip_edges(tmp_path)
    assert e.values.tolist() == [[2002, "A", "A", 1], [2002, "A", "B", 2], [2002, "C", "B", 1], [2003, "B", "C", 1]]
    g = L.tip_graph(e, 2002)
    assert sorted(g.edges(data="weight")) == [("A", "B", 2), ("C", "B", 1)]
    with pytest.raises(KeyError):
        L.tip_graph(e, 1999)
    write(tmp_path, "edgelist2004.txt", "A;B\n")
    with pytest.raises(L.NetworkFormatError, match="edgelist2004.txt:1"):
        L.read_tip_edges(tmp_path)
    with pytest.raises(FileNotFoundError):
        L.read_tip_edges(tmp_path / "none")


_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_settings
@given(st.text(max_size=200))
def test_tip_reader_never_crashes(tmp_path, text):
    p = tmp_path / "edgelist2010.txt"
    p.write_bytes(text.encode("utf-8", errors="replace"))
    try:
        e = L.read_tip_edges(tmp_path)
    except L.NetworkFormatError:
        return
    assert (e["weight"] >= 1).all()


@_settings
@given(st.text(max_size=200))
def test_matrix_reader_never_crashes(tmp_path, text):
    p = tmp_path / "m.csv"
    p.write_bytes(text.encode("utf-8", errors="replace"))
    try:
        g = L.read_adjacency_csv(p)
    except L.NetworkFormatError:
        return
    assert isinstance(g, nx.Graph)


@_settings
@given(st.text(max_size=120))
def test_pair_reader_never_crashes(tmp_path, text):
    d = tmp_path
    (d / "Data.txt").write_bytes(text.encode("utf-8", errors="replace"))
    (d / "labels.csv").write_text("0,a\n1,b\n")
    try:
        g = L.read_mexico_ht(d)
    except L.NetworkFormatError:
        return
    assert set(g.nodes()) == {0, 1}
