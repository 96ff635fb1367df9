"""Cross-decision linking on a toy corpus of three made-up decisions."""

from __future__ import annotations

import pandas as pd

from analysis.extract.model import DefendantMention, ParsedDecision
from analysis.link import across_cases
from analysis.link.actors import link_decisions

A = ("Bahwa Terdakwa bersama Sdr. SURYAWIGUNA RAWIKARA (DPO) merekrut saksi korban SEKARJAGAD TUNJUNGBIRU "
     "dan saksi korban MAYANGSEKAR GANDASULI untuk bekerja di Malaysia melalui PT. BUMI RAYA SENTOSA.")
B = ("Bahwa Terdakwa bersama saksi JAYENGRANA WIJOYO (dalam berkas perkara terpisah) merekrut saksi korban "
     "SEKARJAGAD TUNJUNGBIRU dan saksi korban MAYANGSEKAR GANDASULI ke Malaysia melalui PT. BRS.")
C = "Bahwa Terdakwa menyuruh Sdr. SURYAWIGUNA (DPO) menjemput saksi korban NAWANGWULAN di Batam."


def _doc(name, case, text, defendant):
    return ParsedDecision(source_file=name, raw_text=text, text=text, to_raw=list(range(len(text))), case_id=case,
                          defendants=[DefendantMention(name=defendant, person_key=defendant.lower())])


def corpus():
    return [_doc("1_a.txt", "1/Pid.Sus/2024/PN Aaa", A, "JAYENGRANA WIJOYO"),
            _doc("2_b.txt", "2/Pid.Sus/2025/PN Aaa", B, "SURYAWIGUNA RAWIKARA"),
            _doc("3_c.txt", "3/Pid.Sus/2025/PN Ccc", C, "PRAWIROSENTIKO")]


def test_fugitive_in_one_decision_is_the_defendant_of_another():
    res = link_decisions(corpus())
    ents = res["entities"]
    d = ents.loc[ents["key"] == "suryawiguna rawikara"]
    assert d["actor_id"].nunique() == 1 and len(d) == 2
    h = ents.loc[ents["key"] == "jayengrana wijoyo"]
    assert h["actor_id"].nunique() == 1 and len(h) == 2
    actor = res["actors"].set_index("actor_id").loc[d["actor_id"].iat[0]]
    assert actor["n_cases"] == 2 and set(actor["roles"]) == {"fugitive", "defendant", "recruiter"}


def test_common_first_name_alone_does_not_merge():
    ents = link_decisions(corpus())["entities"]
    short = ents.loc[ents["key"] == "suryawiguna", "actor_id"].iat[0]
    full = ents.loc[ents["key"] == "suryawiguna rawikara", "actor_id"].iat[0]
    assert short != full


def test_company_acronym_links_across_decisions():
    res = link_decisions(corpus())
    comp = res["actors"].loc[res["actors"]["kind"] == "company"]
    assert comp["label"].tolist() == ["PT BUMI RAYA SENTOSA"] and comp["n_cases"].tolist() == [2]


def test_victims_are_pseudonymised_per_decision():
    res = link_decisions(corpus())
    victims = res["actors"].loc[res["actors"]["roles"].map(lambda r: r == ["victim"])]
    assert len(victims) == 5
    assert victims["label"].str.match(r"^V-[0-9a-f]{12}$").all()


def test_ties_and_review_carry_no_names():
    res = link_decisions(corpus())
    names = ["suryawiguna", "jayengrana", "sekarjagad", "mayangsekar", "nawangwulan", "prawirosentiko", "rawikara", "wijoyo"]
    for table in ("actors", "ties", "link_review"):
        text = res[table].astype(str).to_csv().lower()
        assert not any(n in text for n in names), table
    rel = res["ties"].groupby("relation").size().to_dict()
    # "Terdakwa bersama X merekrut A dan B": both recruited both, in each of the two decisions;
    # "Terdakwa menyuruh X menjemput korban": an order and an escort
    assert rel == {"co_defendant": 1, "recruited": 8, "ordered": 1, "escorted": 1}


def test_cluster_refuses_two_entities_of_one_decision():
    ents = pd.DataFrame({"entity": ["a#0", "a#1", "b#0"], "case_id": ["A", "A", "B"]})
    s = pd.DataFrame({"a": ["a#0", "a#1"], "b": ["b#0", "b#0"], "score": [0.95, 0.9]})
    roots = across_cases.cluster(ents, s)
    assert roots == {"a#0": "a#0", "b#0": "a#0", "a#1": "a#1"}


def test_scores_band_between_thresholds_goes_to_review():
    ents = pd.DataFrame({"entity": ["a#0", "b#0"], "case_id": ["A", "B"], "kind": "person",
                         "key": ["ranggawuni lestiyanto", "ranggawuni lestiyanto"], "keys": [["ranggawuni lestiyanto"]] * 2,
                         "patronym": [None, None], "roles": [[], []], "is_initials": False, "court": ["PN X", "PN Y"]})
    freq = {"ranggawuni lestiyanto": 9}
    s = across_cases.score_person_pairs(across_cases.candidate_pairs(ents), ents, {}, freq)
    assert round(s["score"].iat[0], 2) == 0.6
    assert across_cases.LOWER <= s["score"].iat[0] < across_cases.UPPER
