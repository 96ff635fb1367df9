"""Fugitive (DPO) and company mention scoring against the gold set (analysis.evaluate_mentions)."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis.evaluate_mentions as em
from analysis.evaluate_mentions import (
    company_name_key,
    company_similarity,
    evaluate_mentions,
    fugitive_spans,
    match_companies,
    match_fugitives,
    parse_evidence,
    person_spans,
    score_matches,
    scored_files,
    system_companies,
)


def test_docstring_examples_run():
    result = doctest.testmod(em, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0 and result.attempted >= 20


def _gold_fugitives(rows):
    return pd.DataFrame({"source_file": [r[0] for r in rows], "kind": ["dpo_person"] * len(rows),
                         "company": [None] * len(rows), "raw_offset": [str(r[1]) for r in rows]})


def _spans(rows):
    return pd.DataFrame(rows, columns=["source_file", "fugitive", "start", "end"])


def test_fugitive_window_rule_is_inclusive_at_200():
    gold = _gold_fugitives([("a.txt", 1000), ("b.txt", 1000)])
    system = _spans([("a.txt", "P-1", 700, 800),      # ends exactly 200 before: found
                     ("b.txt", "P-2", 700, 799)])     # 201 before: not found
    m = match_fugitives(system, gold)
    assert m[["source_file", "status", "distance"]].values.tolist() == [
        ["a.txt", "tp", 200], ["b.txt", "fn", None], ["b.txt", "fp", None]]


def test_offset_inside_a_span_has_distance_zero():
    m = match_fugitives(_spans([("a.txt", "P-1", 10, 30)]), _gold_fugitives([("a.txt", 20)]))
    assert m[["status", "distance"]].values.tolist() == [["tp", 0]]


def test_one_to_one_pairing_maximises_matches():
    # P-1 is nearest to both gold offsets, P-2 reaches only the second: the best pairing
    # gives the first offset to P-1 and the second to P-2 (greedy nearest would lose one).
    gold = _gold_fugitives([("a.txt", 100), ("a.txt", 130)])
    system = _spans([("a.txt", "P-1", 110, 120), ("a.txt", "P-2", 300, 310)])
    m = match_fugitives(system, gold).sort_values("gold_offset")
    assert m[["gold_offset", "fugitive", "distance", "status"]].values.tolist() == [
        [100, "P-1", 10, "tp"], [130, "P-2", 170, "tp"]]


def test_list_of_four_fugitives_with_one_system_fugitive():
    gold = _gold_fugitives([("a.txt", 70), ("a.txt", 80), ("a.txt", 88), ("a.txt", 96)])
    m = match_fugitives(_spans([("a.txt", "P-1", 60, 68)]), gold)
    assert sorted(m["status"]) == ["fn", "fn", "fn", "tp"]
    assert set(m.loc[m.status == "fn", "error"]) == {"fugitive near, paired elsewhere"}
    s = score_matches(m, "dpo_persons").iloc[0]
    assert [s.n, s.tp, s.fp, s.fn] == [4, 1, 0, 3]
    assert s.precision == 1.0 and s.recall == 0.25 and s.f1 == pytest.approx(0.4)


def test_misses_explained_by_person_mentions():
    gold = _gold_fugitives([("a.txt", 500), ("a.txt", 5000)])
    persons = _spans([("a.txt", "W-1", 480, 495)])     # a witness named right before the first marker
    m = match_fugitives(_spans([]), gold, ["a.txt"], persons=persons)
    assert m["error"].tolist() == ["person found, not marked fugitive", "no person mention"]


def test_files_outside_the_scored_list_are_ignored():
    gold = _gold_fugitives([("a.txt", 10), ("z.txt", 10)])
    system = _spans([("/d/a.txt", "P-1", 5, 9), ("y.txt", "P-9", 1, 2)])
    m = match_fugitives(system, gold, files=["a.txt"])
    assert m[["source_file", "status"]].values.tolist() == [["a.txt", "tp"]]


def test_gold_offset_must_be_numeric():
    gold = _gold_fugitives([("a.txt", "x")])
    with pytest.raises(ValueError, match="raw_offset"):
        match_fugitives(_spans([]), gold)


def test_system_fugitives_need_their_columns():
    with pytest.raises(KeyError, match="columns"):
        match_fugitives(pd.DataFrame({"source_file": ["a"]}), _gold_fugitives([]))


def test_fugitive_spans_keep_ids_and_drop_defendants_and_non_persons():
    ents = pd.DataFrame({"entity": ["a#0", "a#1", "a#2", "a#3"],
                         "kind": ["person", "person", "company", "person"],
                         "roles": [["fugitive", "recruiter"], ["defendant", "fugitive"], ["fugitive"], ["victim"]],
                         "actor_id": ["P-1", "P-2", "C-1", None]})
    ments = pd.DataFrame({"entity": ["a#0", "a#1", "a#2", "a#3", "a#0"],
                          "evidence": ["a.txt:50-60", "a.txt:1-5", "a.txt:7-9", "a.txt:70-75", "a.txt:10-20"]})
    assert fugitive_spans(ments, ents).values.tolist() == [["a.txt", "P-1", 10, 20], ["a.txt", "P-1", 50, 60]]
    assert person_spans(ments, ents)["fugitive"].tolist() == ["P-1", "P-1", "P-2", "a#3"]


def test_bad_evidence_is_a_clear_error():
    with pytest.raises(ValueError, match="not '<file>:<start>-<end>'"):
        parse_evidence("a.txt:12")


def _gold_companies(rows):
    return pd.DataFrame({"source_file": [r[0] for r in rows], "kind": ["company"] * len(rows),
                         "company": [r[1] for r in rows], "raw_offset": [None] * len(rows)})


def test_company_scores_strict_and_lenient_exact_values():
    gold = _gold_companies([("a.txt", "PT. Maju Jaya"), ("a.txt", "PT DRP"), ("a.txt", "LPK Maju Jaya"),
                            ("b.txt", "PT Sinar Laut")])
    system = pd.DataFrame({"source_file": ["a.txt"] * 4 + ["b.txt"],
                           "company": ["PT MAJU JAYA", "PT DEWA RAYA PUTRA", "PT MAJU JAYA KAB", "PT GRAMEDIA",
                                       "PT SINAR LAUTT"]})
    strict = match_companies(system, gold, lenient=False)
    s = score_matches(strict, "companies").iloc[0]
    assert [s.tp, s.fp, s.fn] == [1, 4, 3]
    lenient = match_companies(system, gold)
    s = score_matches(lenient, "companies_lenient").iloc[0]
    # tp: exact (Maju Jaya), acronym (DRP), fuzzy (Sinar Laut); LPK Maju Jaya stays unmatched
    # because the legal forms differ; MAJU JAYA KAB is a variant; GRAMEDIA is not in gold.
    assert [s.tp, s.fp, s.fn] == [3, 2, 1]
    assert s.precision == pytest.approx(0.6) and s.recall == pytest.approx(0.75)
    gold_rows = lenient[lenient["status"] != "fp"]
    how = dict(zip(gold_rows["gold"], gold_rows["how"]))
    assert how == {"PT DRP": "acronym", "LPK Maju Jaya": None, "PT. Maju Jaya": "exact", "PT Sinar Laut": "fuzzy"}
    errors = dict(zip(lenient.loc[lenient.status == "fp", "system"], lenient.loc[lenient.status == "fp", "error"]))
    assert errors == {"PT GRAMEDIA": "not in gold", "PT MAJU JAYA KAB": "variant of a gold company"}


@pytest.mark.parametrize("gold,system,how", [
    ("PT. INDO CRUISE SUMATERA", "PT INDO CRUISE", "prefix"),
    ("PT Arco", "PT ARCO RIYADH", "prefix"),
    ("PT Karya Abdi Mulia", "PT KARYA ABADI MULIA", "fuzzy"),
    ("PT. NSP", "PT NUSA SINAR PERKASA", "acronym"),
    ("CV Karya", "PT Karya", None),
    ("PT Alfa Beta", "PT Gama Delta", None),
    ("PT", "PT", "exact"),
])
def test_company_similarity_rules(gold, system, how):
    assert company_similarity(gold, system)[1] == how


def test_system_companies_from_actor_case_lists():
    actors = pd.DataFrame({"actor_id": ["C-1", "C-2", "P-1"], "kind": ["company", "company", "person"],
                           "label": ["PT A", "PT B", "P-1"],
                           "cases": [["1/X", "2/Y"], ["3/Z"], ["1/X"]]})
    cases = pd.DataFrame({"case_id": ["1/X", "2/Y"], "source_file": ["/d/1.txt", "2.txt"]})
    assert system_companies(actors, cases).values.tolist() == [["1.txt", "PT A"], ["2.txt", "PT A"]]
    with pytest.raises(KeyError, match="cases"):
        system_companies(actors.drop(columns="cases"), cases)


def test_evaluate_mentions_on_toy_tables():
    gold = {
        "decisions": pd.DataFrame({"source_file": ["1.txt", "1-2.txt", "2.txt", "3.txt"],
                                   "duplicate_of": [None, "1.txt", None, None],
                                   "document": ["verdict", "verdict", "verdict", "order"]}),
        "mentions": pd.concat([_gold_companies([("1.txt", "PT. Contoh Jaya"), ("1-2.txt", "PT. Contoh Jaya")]),
                               _gold_fugitives([("1.txt", 120), ("2.txt", 40), ("1-2.txt", 120)])],
                              ignore_index=True),
    }
    assert scored_files(gold) == ["1.txt", "2.txt"]
    tables = {"cases": pd.DataFrame({"case_id": ["1/X", "2/Y"], "source_file": ["1.txt", "2.txt"]}),
              "actors": pd.DataFrame({"kind": ["company", "company"], "label": ["PT CONTOH JAYA", "PT LAIN"],
                                      "cases": [["1/X"], ["2/Y"]]})}
    fugitives = _spans([("1.txt", "P-1", 100, 115), ("2.txt", "P-2", 900, 905), ("3.txt", "P-3", 1, 2)])
    ev = evaluate_mentions(tables, gold, fugitives)
    s = ev.scores.set_index("field")
    assert s.loc["dpo_persons", ["tp", "fp", "fn"]].tolist() == [1, 1, 1]
    assert s.loc["companies", ["tp", "fp", "fn"]].tolist() == [1, 1, 0]
    assert s.loc["companies_lenient", "precision"] == 0.5
    only_companies = evaluate_mentions(tables, gold)
    assert only_companies.scores["field"].tolist() == ["companies", "companies_lenient"]


text_cells = st.text(max_size=60)


@settings(max_examples=150, deadline=None)
@given(a=text_cells, b=text_cells)
def test_company_similarity_never_crashes(a, b):
    score, how = company_similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert how in {None, "exact", "acronym", "prefix", "fuzzy"}
    assert (how is None) == (score == 0.0) or how == "exact"
    assert company_similarity(a, a)[1] in {"exact", None}


@settings(max_examples=150, deadline=None)
@given(name=text_cells)
def test_company_name_key_is_idempotent(name):
    k = company_name_key(name)
    assert company_name_key(k) == k and k == k.strip()


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=40))
def test_parse_evidence_returns_or_raises_value_error(text):
    try:
        f, s, e = parse_evidence(text)
    except ValueError:
        return
    assert text == f"{f}:{s}-{e}" or text.endswith(f":{s}-{e}".lstrip("0"))


@settings(max_examples=60, deadline=None)
@given(offsets=st.lists(st.integers(0, 2000), max_size=6),
       spans=st.lists(st.tuples(st.integers(0, 2000), st.integers(0, 60)), max_size=6))
def test_fugitive_matching_accounts_for_every_item(offsets, spans):
    gold = _gold_fugitives([("a.txt", o) for o in offsets])
    system = _spans([("a.txt", f"P-{i}", s, s + w) for i, (s, w) in enumerate(spans)])
    m = match_fugitives(system, gold, ["a.txt"])
    counts = m["status"].value_counts()
    assert counts.get("tp", 0) + counts.get("fn", 0) == len(offsets)
    assert counts.get("tp", 0) + counts.get("fp", 0) == len(spans)
    assert all(d <= em.FUGITIVE_WINDOW for d in m.loc[m.status == "tp", "distance"])
