"""Field-level scoring of predicted tables against gold tables (analysis.evaluate)."""

from __future__ import annotations

import datetime as dt
import doctest

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.evaluate as ev
from analysis.evaluate import (
    item_key,
    mismatches,
    normalise_scalar,
    normalise_set,
    prf,
    score_scalars,
    score_sets,
    split_items,
    statute_key,
    summary,
)


def test_docstring_examples_run():
    result = doctest.testmod(ev, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted > 10


@pytest.fixture()
def gold_cases() -> pd.DataFrame:
    return pd.DataFrame({
        "source_file": ["a.txt", "b.txt", "c.txt", "d.txt"],
        "case_id": ["1/Pid.Sus/2025/PN Mdn", "2/Pid.Sus/2025/PN Jkt.Sel", "3/Pid.Sus/2024/PN Btm", "4/Pid.Sus/2026/PN Tng"],
        "court": ["Pengadilan Negeri Medan", "Pengadilan Negeri Jakarta Selatan", "Pengadilan Negeri Batam", "Pengadilan Negeri Tangerang"],
        "decision_date": ["2025-10-16", "2025-06-19", "2024-11-21", "2026-05-19"],
        "n_defendants": [1, 3, 1, 4],
        "n_victims": [None, 2, None, 5],
        "laws": ["UU 21/2007 Pasal 4;UU 21/2007 Pasal 10", "UU 18/2017 Pasal 81;KUHP Pasal 55", "UU 18/2017 Pasal 81", ""],
        "destination_countries": ["Malaysia", "Iraq;Saudi Arabia", "Malaysia", ""],
    })


@pytest.fixture()
def pred_cases() -> pd.DataFrame:
    # c.txt is not extracted at all; the rest carry typical extraction slips.
    return pd.DataFrame({
        "source_file": ["a.txt", "b.txt", "d.txt"],
        "case_id": ["1/Pid.Sus/2025/PN Mdn", "2/Pid.Sus/2025/PN JKT. SEL", "4/Pid.Sus/2026/PN Tng"],
        "court": ["PENGADILAN NEGERI MEDAN", "Pengadilan Negeri Jakarta  Selatan", "Pengadilan Negeri Tangerang"],
        "decision_date": pd.to_datetime(["2025-10-16", "2025-06-24", "2026-05-19"]),
        "n_defendants": [1, 3, 3],
        "n_victims": [7, 2, 5],
        "laws": [["UU 21/2007 Pasal 4 ayat (1)", "UU 21/2007 Pasal 10"], ["UU 18/2017 Pasal 81", "UU 18/2017 Pasal 69"],
                 ["UU 1/2023 Pasal 455"]],
        "destination_countries": [["Malaysia"], np.array(["Iraq"]), []],
    })


SCALARS = {"case_id": "id", "court": "text", "decision_date": "date", "n_defendants": "int", "n_victims": "int"}


def test_scalar_accuracy_exact_values(gold_cases, pred_cases):
    s = score_scalars(pred_cases, gold_cases, "source_file", SCALARS, skip_missing_gold=["n_victims"]).set_index("field")
    # 4 gold rows; c.txt missing counts as wrong everywhere.
    assert s.loc["case_id", ["n", "correct"]].tolist() == [4, 3]
    assert s.loc["court", ["n", "correct"]].tolist() == [4, 3]
    assert s.loc["decision_date", ["n", "correct"]].tolist() == [4, 2]   # b.txt has the pronounced date
    assert s.loc["n_defendants", ["n", "correct"]].tolist() == [4, 2]    # d.txt has 3 for 4
    assert s.loc["n_victims", ["n", "correct"]].tolist() == [2, 2]       # a.txt, c.txt not stated in gold
    assert s.loc["decision_date", "accuracy"] == 0.5


def test_missing_gold_compared_when_not_skipped(gold_cases, pred_cases):
    s = score_scalars(pred_cases, gold_cases, "source_file", {"n_victims": "int"})
    # a.txt: gold missing vs 7 -> wrong; b, d right; c missing row -> wrong.
    assert s.loc[0, ["n", "correct"]].tolist() == [4, 2]


def test_set_scores_exact_values(gold_cases, pred_cases):
    s = score_sets(pred_cases, gold_cases, "source_file",
                   {"laws": statute_key, "destination_countries": item_key}).set_index("field")
    laws = s.loc["laws"]
    # a: 2 tp; b: tp 1 (81), fp 1 (69), fn 1 (kuhp 55); c: fn 1; d: fp 1 (gold empty)
    assert [laws.tp, laws.fp, laws.fn] == [3, 2, 2]
    assert laws.precision == pytest.approx(3 / 5) and laws.recall == pytest.approx(3 / 5)
    assert laws.exact == 0.25
    countries = s.loc["destination_countries"]
    # a: 1 tp; b: 1 tp 1 fn; c: 1 fn; d: empty/empty
    assert [countries.tp, countries.fp, countries.fn] == [2, 0, 2]
    assert countries.precision == 1.0 and countries.recall == 0.5
    assert countries.f1 == pytest.approx(2 / 3)
    assert countries.exact == 0.5


def test_mismatch_table_lists_every_wrong_value(gold_cases, pred_cases):
    m = mismatches(pred_cases, gold_cases, "source_file", SCALARS, {"laws": statute_key},
                   skip_missing_gold=["n_victims"])
    got = sorted(zip(m.source_file, m.field))
    assert got == [("b.txt", "decision_date"), ("b.txt", "laws"), ("c.txt", "<row>"),
                   ("d.txt", "laws"), ("d.txt", "n_defendants")]
    row = m[(m.source_file == "b.txt") & (m.field == "laws")].iloc[0]
    assert row.missed == "kuhp pasal 55" and row.added == "uu 18/2017 pasal 69"


def test_composite_key_and_amount_rules():
    gold = pd.DataFrame({"case_id": ["1/X", "1/X", "2/Y"], "no": [1, 2, 1],
                         "fine_idr": [120_000_000, None, 0], "sentence_months": [54, 54, None]})
    pred = pd.DataFrame({"case_id": ["1/x", "1/x", "2/y"], "no": [2, 1, 1],
                         "fine_idr": [0, "120000000", None], "sentence_months": [54.0, 54.001, 0]})
    s = score_scalars(pred, gold, ["case_id", "no"], {"fine_idr": "amount", "sentence_months": "months"},
                      key_kinds={"case_id": "id"}).set_index("field")
    assert s.loc["fine_idr", "correct"] == 3          # missing == 0 for amounts
    assert s.loc["sentence_months", "correct"] == 3   # 54.001 rounds to 54.0; missing == 0


def test_duplicate_predicted_keys_are_an_error():
    gold = pd.DataFrame({"k": [1], "v": [1]})
    pred = pd.DataFrame({"k": [1, 1], "v": [1, 2]})
    with pytest.raises(ValueError, match="duplicate keys"):
        score_scalars(pred, gold, "k", {"v": "int"})


def test_missing_key_column_is_a_clear_error():
    with pytest.raises(KeyError, match="key column"):
        score_scalars(pd.DataFrame({"x": [1]}), pd.DataFrame({"k": [1]}), "k", {})


def test_unknown_kind_is_rejected():
    with pytest.raises(ValueError, match="unknown kind"):
        normalise_scalar("x", "colour")


def test_field_absent_from_prediction_scores_zero():
    gold = pd.DataFrame({"k": [1, 2], "court": ["A", "B"]})
    pred = pd.DataFrame({"k": [1, 2]})
    s = score_scalars(pred, gold, "k", {"court": "text"})
    assert s.loc[0, "correct"] == 0


def test_summary_flags_targets():
    sc = pd.DataFrame({"field": ["court", "n_victims"], "kind": ["text", "int"], "n": [10, 4],
                       "correct": [10, 1], "accuracy": [1.0, 0.25]})
    st_ = pd.DataFrame({"field": ["laws"], "n": [10], "tp": [9], "fp": [1], "fn": [1],
                        "precision": [0.9], "recall": [0.9], "f1": [0.9], "exact": [0.8]})
    out = summary(sc, st_, targets={"court": 0.95, "laws": 0.9})
    assert out[["field", "met"]].values.tolist() == [["court", True], ["n_victims", None], ["laws", True]]


@pytest.mark.parametrize("value,kind,expected", [
    ("12 Juni 2025", "date", None),                 # not ISO: unreadable, never a crash
    (dt.datetime(2025, 6, 12, 13, 5), "date", dt.date(2025, 6, 12)),
    ("PN  Jkt. Pst", "id", "pnjktpst"),
    ("", "text", None),
    ("tidak", "bool", False),
    ("maybe", "bool", None),
    (float("inf"), "int", None),
    ("Rp 5", "amount", 0),
])
def test_normalise_scalar_cases(value, kind, expected):
    assert normalise_scalar(value, kind) == expected


def test_statute_key_forms():
    assert statute_key("UU 18/2017 Pasal 67 huruf a") == "uu 18/2017 pasal 67"
    assert statute_key("uu 21 / 2007 pasal 2 ayat (2)") == "uu 21/2007 pasal 2"
    assert statute_key("Perma 1/2022") == "perma 1/2022"          # unknown form kept whole
    assert normalise_set("KUHP Pasal 55 ayat (1) ke-1;KUHP Pasal 55", statute_key) == {"kuhp pasal 55"}


def test_prf_edge_cases():
    assert prf(0, 3, 0) == (0.0, 0.0, 0.0)   # only false positives earn nothing
    assert prf(0, 0, 2) == (0.0, 0.0, 0.0)


cells = st.one_of(st.none(), st.text(max_size=60), st.integers(), st.floats(allow_nan=True),
                  st.booleans(), st.lists(st.one_of(st.none(), st.text(max_size=20)), max_size=5))


@settings(max_examples=100, deadline=None)
@given(value=cells, kind=st.sampled_from(ev.SCALAR_KINDS))
def test_normalise_scalar_never_crashes(value, kind):
    out = normalise_scalar(value, kind)
    assert normalise_scalar(value, kind) == out   # deterministic


@settings(max_examples=100, deadline=None)
@given(value=cells)
def test_set_parsing_never_crashes(value):
    items = split_items(value)
    assert all(isinstance(i, str) and i == i.strip() and i for i in items)
    keys = normalise_set(value, statute_key)
    assert all(k == k.casefold() for k in keys)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=80))
def test_statute_key_is_idempotent(text):
    k = statute_key(text)
    assert statute_key(k) == k


def _toy_gold() -> dict:
    decisions = pd.DataFrame({
        "source_file": ["1_Pid.Sus_2025_PN_Aaa.txt", "1_Pid.Sus_2025_PN_Aaa-2.txt", "2_Pid.Sus_2025_PN_Bbb.txt"],
        "case_id": ["1/Pid.Sus/2025/PN Aaa", "1/Pid.Sus/2025/PN Aaa", "2/Pid.Sus/2025/PN Bbb"],
        "court": ["Pengadilan Negeri Aaa"] * 2 + ["Pengadilan Negeri Bbb"],
        "decision_date": ["2025-01-02", "2025-01-02", "2025-03-04"],
        "n_defendants": ["2", "2", "1"],
        "laws": ["UU 21/2007 Pasal 4;UU 21/2007 Pasal 10"] * 2 + ["UU 18/2017 Pasal 81"],
        "destination_countries": ["Malaysia", "Malaysia", None],
        "n_victims": [None, None, "3"],
        "is_migrant_worker_case": ["true", "true", "false"],
        "duplicate_of": [None, "1_Pid.Sus_2025_PN_Aaa.txt", None],
    })
    defendants = pd.DataFrame({
        "source_file": ["1_Pid.Sus_2025_PN_Aaa.txt", "1_Pid.Sus_2025_PN_Aaa.txt", "1_Pid.Sus_2025_PN_Aaa-2.txt",
                        "1_Pid.Sus_2025_PN_Aaa-2.txt", "2_Pid.Sus_2025_PN_Bbb.txt"],
        "defendant_no": ["1", "2", "1", "2", "1"],
        "sex": ["P", "L", "P", "L", "L"], "age": ["40", "35", "40", "35", "50"],
        "verdict": ["convicted"] * 4 + ["acquitted"],
        "sentence_months": ["54", "48", "54", "48", None], "fine_idr": ["120000000", "120000000", "120000000", "120000000", None],
        "fine_substitute_months": ["3", "3", "3", "3", None], "restitution_idr": [None] * 5,
    })
    mentions = pd.DataFrame({"source_file": ["1_Pid.Sus_2025_PN_Aaa.txt"], "kind": ["company"],
                             "company": ["PT. Contoh Jaya"], "raw_offset": [None]})
    return {"decisions": decisions, "defendants": defendants, "mentions": mentions}


def test_evaluate_cases_on_toy_tables():
    gold = _toy_gold()
    tables = {
        "cases": pd.DataFrame({
            "case_id": ["1/Pid.Sus/2025/PN Aaa", "2/Pid.Sus/2025/PN Bbb"],
            "court": ["Pengadilan Negeri Aaa", "Pengadilan Negeri Bbb"],
            "decision_date": pd.to_datetime(["2025-01-02", "2025-03-05"]),
            "n_defendants": [2, 1],
            "source_file": ["/x/1_Pid.Sus_2025_PN_Aaa.txt", "/x/2_Pid.Sus_2025_PN_Bbb.txt"],
            "duplicate_of": [None, None],
            "laws": [["UU 21/2007 Pasal 4"], ["UU 18/2017 Pasal 81"]],
            "n_victims": [4, 3], "destination_countries": [["Malaysia"], []],
            "is_migrant_worker_case": [True, False],
        }),
        "defendants": pd.DataFrame({
            "case_id": ["1/Pid.Sus/2025/PN Aaa", "1/Pid.Sus/2025/PN Aaa", "2/Pid.Sus/2025/PN Bbb"],
            "person_id": ["P-1", "P-2", "P-3"], "sex": ["P", "L", "L"], "age": [40, 35, 50],
            "verdict": ["convicted", "convicted", "acquitted"], "sentence_months": [54.0, 36.0, None],
            "fine_idr": [120_000_000, 120_000_000, None], "fine_substitute_months": [3.0, 3.0, None],
            "restitution_idr": [None, None, None],
        }),
        "rejects": pd.DataFrame({"source": ["/x/1_Pid.Sus_2025_PN_Aaa-2.txt"], "stage": ["read"],
                                 "reason": ["duplicate file"], "detail": [None]}),
        "actors": pd.DataFrame({"actor_id": ["C-1", "P-1"], "kind": ["company", "person"],
                                "label": ["PT Contoh Jaya", "P-1"], "roles": [[], []], "n_cases": [1, 1]}),
        "ties": pd.DataFrame({"source_id": ["P-1"], "target_id": ["C-1"], "relation": ["works_for"],
                              "case_id": ["1/Pid.Sus/2025/PN Aaa"], "evidence": ["f:1-2"], "date": [None]}),
    }
    ev_ = ev.evaluate_cases(tables, gold)
    s = ev_.summary.set_index("field")
    assert s.loc["decision_date", "score"] == 0.5
    assert s.loc["n_victims", ["n", "score"]].tolist() == [1, 1.0]
    assert s.loc["sentence_months", ["n", "score"]].tolist() == [3, pytest.approx(2 / 3)]
    assert s.loc["fine_idr", "score"] == 1.0
    assert s.loc["laws", "score"] == pytest.approx(0.8)          # P=1, R=2/3
    assert s.loc["companies", "score"] == 1.0
    assert s.loc["sentence_months", "met"] is False and s.loc["court", "met"] is True
    assert ev_.set_aside[["kind", "recognised"]].values.tolist() == [["duplicate", True]]
    assert not ev_.all_targets_met
    wrong = sorted(zip(ev_.mismatches.table, ev_.mismatches.field))
    assert wrong == [("cases", "decision_date"), ("cases", "laws"), ("defendants", "sentence_months")]


def test_evaluate_cases_needs_source_file():
    with pytest.raises(KeyError, match="source_file"):
        ev.evaluate_cases({"cases": pd.DataFrame({"case_id": ["x"]})}, _toy_gold())


def test_gold_tables_are_well_formed():
    gold = ev.load_case_gold()
    dec, dfd = gold["decisions"], gold["defendants"]
    assert len(dec) >= 45 and dec["source_file"].is_unique
    counts = dfd.groupby("source_file").size()
    n_def = dec.set_index("source_file")["n_defendants"].astype(int)
    assert n_def.sort_index().equals(counts.sort_index().reindex(n_def.sort_index().index).astype(int))
    assert set(dfd["verdict"].dropna()) <= {"convicted", "acquitted", "released"}
    assert set(dfd["sex"]) <= {"L", "P"}
    assert set(dec["document"]) == {"verdict", "order"}
    assert pd.to_datetime(dec["decision_date"]).notna().all()
    assert all(ev.statute_key(x) == ev.statute_key(ev.statute_key(x)) for x in ";".join(dec["laws"].dropna()).split(";"))


def test_companies_read_from_actor_case_lists():
    gold = _toy_gold()
    tables = {
        "cases": pd.DataFrame({"case_id": ["1/Pid.Sus/2025/PN Aaa"], "source_file": ["1_Pid.Sus_2025_PN_Aaa.txt"]}),
        "actors": pd.DataFrame({"actor_id": ["C-1", "C-2"], "kind": ["company", "company"],
                                "label": ["PT CONTOH JAYA", "PT Lain"],
                                "cases": [["1/Pid.Sus/2025/PN Aaa"], ["9/Pid.Sus/2025/PN Zzz"]]}),
    }
    s = ev.evaluate_cases(tables, gold).sets.set_index("field").loc["companies"]
    assert [s.tp, s.fp, s.fn] == [1, 0, 0]


def test_court_order_is_set_aside_not_scored():
    gold = _toy_gold()
    gold["decisions"] = gold["decisions"].assign(document=["verdict", "verdict", "order"])
    tables = {"cases": pd.DataFrame({"case_id": ["1/Pid.Sus/2025/PN Aaa"], "source_file": ["1_Pid.Sus_2025_PN_Aaa.txt"],
                                     "court": ["Pengadilan Negeri Aaa"]}),
              "rejects": pd.DataFrame({"source": ["2_Pid.Sus_2025_PN_Bbb.txt"], "stage": ["parse"],
                                       "reason": ["not a decision"], "detail": [None]})}
    e = ev.evaluate_cases(tables, gold)
    assert e.summary.set_index("field").loc["court", ["n", "score"]].tolist() == [1, 1.0]
    assert e.set_aside[["kind", "recognised"]].values.tolist() == [["duplicate", False], ["order", True]]
