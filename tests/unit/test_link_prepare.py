"""The linking step split in two: per-decision work done ahead (in worker processes), then across decisions."""

from __future__ import annotations

import copy

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from analysis.extract.model import DefendantMention, ParsedDecision
from analysis.link.actors import (
    _case_lookup,
    _court_year,
    _groups,
    build_actor_tables,
    prepare_decision,
)

A = ("Bahwa Terdakwa bersama Sdr. SURYAWIGUNA RAWIKARA (DPO) merekrut saksi korban SEKARJAGAD TUNJUNGBIRU "
     "untuk bekerja di Malaysia melalui PT. BUMI RAYA SENTOSA.")
B = ("Bahwa Terdakwa bersama saksi JAYENGRANA WIJOYO (dalam berkas perkara terpisah) merekrut saksi korban "
     "SEKARJAGAD TUNJUNGBIRU ke Malaysia melalui PT. BRS.")


def _doc(name, case, text, defendant):
    return ParsedDecision(source_file=name, raw_text=text, text=text, to_raw=list(range(len(text))), case_id=case,
                          defendants=[DefendantMention(name=defendant, person_key=defendant.lower())])


def corpus():
    return [_doc("1_a.txt", "1/Pid.Sus/2024/PN Aaa", A, "JAYENGRANA WIJOYO"),
            _doc("2_b.txt", "2/Pid.Sus/2025/PN Aaa", B, "SURYAWIGUNA RAWIKARA")]


def test_prepared_decisions_give_the_same_tables():
    plain = build_actor_tables(corpus(), {})
    prepared = build_actor_tables([prepare_decision(d) for d in corpus()], {})
    for name in ("actors", "ties", "link_review"):
        assert_frame_equal(plain[name], prepared[name])
    assert len(plain["actors"]) == 6
    # "Terdakwa bersama X merekrut korban": the defendant and X both recruited, in each decision
    assert sorted(plain["ties"]["relation"]) == ["co_defendant"] + ["recruited"] * 4


def test_prepare_keeps_a_failure_as_a_reject_row():
    bad = _doc("3_c.txt", "3/Pid.Sus/2025/PN Ccc", A, "PRAWIROSENTIKO")
    bad.defendants = None          # not a list: the per-decision step fails on it
    prepare_decision(bad)
    assert isinstance(bad.actor_parts, str) and bad.actor_parts.startswith("TypeError: ")
    out = build_actor_tables([*corpus(), bad], {})
    rej = out["rejects"]
    assert rej[["source", "stage", "reason"]].values.tolist() == [["3_c.txt", "extract", "actor extraction failed"]]
    assert rej["detail"].iat[0] == bad.actor_parts
    assert set(out["actors"]["cases"].sum()) == {"1/Pid.Sus/2024/PN Aaa", "2/Pid.Sus/2025/PN Aaa"}


def test_prepared_doc_survives_a_copy_and_is_not_recomputed():
    d = prepare_decision(corpus()[0])
    e, _, _ = d.actor_parts
    d2 = copy.copy(d)
    d2.text = "changed"        # a recomputation would find nothing in this text
    out = build_actor_tables([d2], {})
    assert len(out["actors"]) == len(e) == 5


def test_court_and_year_come_from_the_first_cases_row():
    cases = pd.DataFrame({"case_id": ["1/Pid.Sus/2024/PN Aaa", "1/Pid.Sus/2024/PN Aaa", "2/Pid.Sus/2025/PN Bbb"],
                          "court": ["Pengadilan Negeri Aaa", "other", None],
                          "decision_date": pd.to_datetime(["2025-01-02", "2026-01-01", None])})
    lookup = _case_lookup(cases)
    assert _court_year("1/Pid.Sus/2024/PN Aaa", cases, lookup) == ("Pengadilan Negeri Aaa", 2025)
    assert _court_year("2/Pid.Sus/2025/PN Bbb", cases, lookup) == ("PN Bbb", 2025)
    assert _court_year("9/Pid.Sus/2023/PN Ccc", None) == ("PN Ccc", 2023)


def test_groups_are_sorted_and_skip_nulls():
    assert _groups(["b", "a", None, "b", float("nan")]) == {"a": [1], "b": [0, 3]}


_CUES = [["direkrut", "oleh"], ["merekrut"], ["bekerja", "di"], ["staf"], ["sponsor", "dari"]]


def test_caseless_alternation_matches_like_the_ignorecase_flag():
    import re

    from analysis.link.ties import caseless_alternation

    rx = re.compile(caseless_alternation(_CUES, r"\s+") + r"\b")
    text = "DIREKRUT  Oleh, xmerekrut, Merekrut; \u017ftaf BEKERJA\ndi sana, sponsor darinya"
    assert [m.group(0) for m in rx.finditer(text)] == ["DIREKRUT  Oleh", "Merekrut", "\u017ftaf", "BEKERJA\ndi"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["direkrut", "DIREKRUT", "Oleh", "oleh", "merekrut", "Merekrut", "bekerja", "di",
                                 "staf", "\u017ftaf", "STAF", "sponsor", "dari", "x", " ", "\n", "_", "é", "I",
                                 "\u0130", "\u212a"]), max_size=25).map("".join))
def test_caseless_alternation_never_differs_from_the_flag(text):
    import re

    from analysis.link.ties import caseless_alternation

    plain = re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, ws)) for ws in _CUES) + r")\b", re.IGNORECASE)
    fast = re.compile(caseless_alternation(_CUES, r"\s+") + r"\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
