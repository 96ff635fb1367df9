"""The notebook setup and the report views added for the research questions, on toy inputs."""

import matplotlib

matplotlib.use("Agg")

import networkx as nx
import pandas as pd
import pytest

from analysis.report.brief import accuracy_table, context_findings
from analysis.report.display import Note
from analysis.report.network_views import edge_table, graph_summary
from analysis.report.series_views import model_view, result_notes
from analysis.report.setup import Context, notebook_context
from analysis.report.source_views import reference_news
from analysis.report.tables import empty_table


def test_notebook_context_loads_built_tables_and_resolves_paths(tmp_path):
    processed = tmp_path / "processed"
    processed.mkdir()
    (tmp_path / "data").mkdir()
    pd.DataFrame({"event_id": ["E1", "E1"], "agency": ["BP2MI", "Polri"]}).to_parquet(processed / "event_agencies.parquet")
    ctx = notebook_context(tmp_path / "data", processed, tmp_path / "fig", fast=True, small_cell_threshold=3)
    assert isinstance(ctx, Context)
    assert ctx.processed == processed and ctx.data == (tmp_path / "data").resolve() and ctx.figures_dir == str(tmp_path / "fig")
    assert ctx.fast is True and ctx.small_cell_threshold == 3
    assert ctx.table("event_agencies")["agency"].tolist() == ["BP2MI", "Polri"]
    assert len(ctx.tables["cases"]) == 0 and "case_id" in ctx.tables["cases"].columns
    assert ctx.table("no_such_table").empty


def test_graph_summary_on_toy_graphs():
    g = nx.Graph([("a", "b"), ("b", "c")])
    g.add_node("d")
    d = nx.DiGraph([("x", "y"), ("y", "x")])
    t = graph_summary({"path": g, "pair": d}).set_index("network")
    assert t.loc["path", ["nodes", "edges", "components"]].tolist() == [4, 2, 2]
    assert t.loc["path", "largest_share"] == 0.75 and t.loc["path", "density"] == round(2 / 6, 4)
    assert t.loc["path", "mean_degree"] == 1.0
    assert t.loc["pair", ["nodes", "edges", "components"]].tolist() == [2, 1, 1]     # reciprocal arcs: one tie
    assert graph_summary({"empty": nx.Graph()}).iloc[0]["nodes"] == 0


def test_edge_table_orders_by_weight_then_name():
    g = nx.Graph()
    g.add_edge("b", "c", weight=1)
    g.add_edge("a", "z", weight=1)
    g.add_edge("m", "n", weight=4)
    assert edge_table(g).values.tolist() == [["m", "n", 4], ["a", "z", 1], ["b", "c", 1]]
    assert edge_table(g, top=1).values.tolist() == [["m", "n", 4]]


class _Toy:
    name = "toy"

    def __init__(self):
        self.notes = ["lags the offence"]

    def plot(self, ax):
        ax.plot([1, 2], [3, 4])
        return ax

    def table(self):
        return pd.DataFrame({"t": [1, 2], "y": [3, 4]})

    def summary(self):
        return "toy model: n = 2\nmore"


def test_model_view_saves_figure_with_table_or_says_why(tmp_path):
    saved = model_view(_Toy(), None, "toy_model", "A toy model with a caption.", out=tmp_path)
    assert (tmp_path / "toy_model.png").exists()
    assert pd.read_csv(tmp_path / "toy_model.csv")["y"].tolist() == [3, 4]
    assert (tmp_path / "toy_model.txt").read_text(encoding="utf-8").strip() == "A toy model with a caption."
    assert saved is not None
    override = pd.DataFrame({"z": [9]})
    model_view(_Toy(), None, "toy_model2", "Another caption here.", out=tmp_path, table=override, title="Plain title")
    assert pd.read_csv(tmp_path / "toy_model2.csv")["z"].tolist() == [9]
    missing = model_view(None, "fewer than 24 months", "x", "caption", out=tmp_path)
    assert isinstance(missing, Note) and missing.text == "*Not estimated: fewer than 24 months.*"
    assert not (tmp_path / "x.png").exists()


def test_result_notes():
    assert result_notes(_Toy()) == "**Model.** toy model: n = 2.\n- lags the offence"
    assert result_notes(None) == ""


def _built(df):
    df.attrs["_built"] = True
    return df


def test_reference_news_prefers_the_built_tables(tmp_path):
    articles = _built(pd.DataFrame({"article_id": ["NI-001", "NI-002", "A-1"], "event_id": ["E1", "E1", None]}))
    events = _built(pd.DataFrame({"article_id": ["NI-001", "A-1"], "count": [41.0, 3.0]}))
    ref = reference_news({"articles": articles, "events": events}, tmp_path)
    assert ref["articles"]["article_id"].tolist() == ["NI-001", "NI-002"]
    assert ref["events"]["count"].tolist() == [41.0]


def test_reference_news_reads_the_file_when_not_built(tmp_path):
    (tmp_path / "news_events").mkdir()
    (tmp_path / "news_events" / "tppo_news_index.csv").write_text(
        "id,url,outlet,pub_date,event_id,topic,location,n_suspects,n_victims_or_cpmi,destinations,roles_or_facts,"
        "reliability_note\n1,https://x.id/a,x,2023-05-02,E48,departure prevented,Kupang,1,41,Malaysia,Polda NTT,\n",
        encoding="utf-8")
    ref = reference_news({"articles": empty_table("articles")}, tmp_path)
    assert ref["articles"]["article_id"].tolist() == ["NI-001"]
    assert sorted(ref["events"]["count"].tolist()) == [1.0, 41.0]


def test_reference_news_without_any_source_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no news index"):
        reference_news({}, tmp_path)


def test_accuracy_table_scores_toy_tables_against_a_toy_gold(tmp_path):
    (tmp_path / "decisions_gold.csv").write_text(
        "source_file,case_id,court,decision_date,n_defendants,n_victims,is_migrant_worker_case,laws,"
        "destination_countries,duplicate_of\n"
        "1_Pid.Sus_2025_PN_Abc.txt,1/Pid.Sus/2025/PN Abc,Pengadilan Negeri Abc,2025-01-02,1,,true,"
        "UU 21/2007 Pasal 4,Malaysia,\n", encoding="utf-8")
    (tmp_path / "defendants_gold.csv").write_text(
        "source_file,defendant_no,sex,age,verdict,sentence_months,fine_idr,fine_substitute_months,restitution_idr\n"
        "1_Pid.Sus_2025_PN_Abc.txt,1,L,40,convicted,48,120000000,3,\n", encoding="utf-8")
    (tmp_path / "mentions_gold.csv").write_text("source_file,kind,company\n", encoding="utf-8")
    cases = _built(pd.DataFrame({"case_id": ["1/Pid.Sus/2025/PN Abc"], "court": ["Pengadilan Negeri Abc"],
                                 "decision_date": [pd.Timestamp("2025-01-02")], "n_defendants": [2],
                                 "source_file": ["1_Pid.Sus_2025_PN_Abc.txt"], "duplicate_of": [None],
                                 "laws": [["UU 21/2007 Pasal 4"]], "n_victims": [None],
                                 "destination_countries": [["Malaysia"]], "is_migrant_worker_case": [True]}))
    defendants = _built(pd.DataFrame({"case_id": ["1/Pid.Sus/2025/PN Abc"], "person_id": ["P-1"], "sex": ["L"],
                                      "age": [40], "verdict": ["convicted"], "sentence_months": [48],
                                      "fine_idr": [120_000_000], "fine_substitute_months": [3],
                                      "restitution_idr": [None]}))
    t = accuracy_table({"cases": cases, "defendants": defendants}, gold_dir=tmp_path).set_index("what")
    assert t.loc["court", "agreement"] == 1.0 and t.loc["court", "checked"] == 1
    assert t.loc["number of defendants", "agreement"] == 0.0        # 2 read, 1 annotated
    assert t.loc["prison term", "table"] == "defendants" and t.loc["prison term", "agreement"] == 1.0
    assert t.loc["articles of law applied", "metric"] == "F1 (lists)"
    assert accuracy_table({"cases": empty_table("cases")}).empty


def test_context_findings_states_only_what_it_has(tmp_path):
    tip = tmp_path / "networks" / "tip_country_network"
    tip.mkdir(parents=True)
    (tip / "edgelist2001.txt").write_text("Source,Destination\nIndonesia,Malaysia\nIndonesia,Japan\nChina,Japan\n",
                                  encoding="utf-8")
    text = context_findings({"actors": empty_table("actors"), "ties": empty_table("ties")}, tmp_path)
    assert "ranking between **1** and **1**" in text
    assert "task force" not in text and "routes" not in text


def test_findings_count_persons_with_a_part_apart_from_places():
    from analysis.report.brief import findings

    actors = _built(pd.DataFrame({"actor_id": ["P-1", "C-1", "L-1", "P-2"], "kind": ["person", "company", "place", "person"],
                                  "roles": [["recruiter"], [], [], []], "label": ["P-1", "PT A", "Batam", "P-2"],
                                  "n_cases": [2, 3, 9, 2], "courts": [["PN A"], ["PN A"], ["PN A"], ["PN A"]]}))
    inv = pd.DataFrame({"source_file": ["a"], "court_code": ["X"], "year": [2025]})
    text = findings({"actors": actors}, inv)
    assert "**1 persons with a part in the scheme**" in text       # P-2 has no known part
    assert "**0** of them in decisions of different courts, and **1 companies** recur" in text
    assert "places (**1**) that recur too are not counted as links" in text
