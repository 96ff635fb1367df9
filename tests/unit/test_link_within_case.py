"""Within-decision resolution on toy mentions (made-up names)."""

from __future__ import annotations

import pandas as pd

from analysis.extract.mentions import find_mentions
from analysis.extract.model import DefendantMention, ParsedDecision
from analysis.link.within_case import initials_of, resolve_within_case


def _resolve(text: str, defendants=None):
    d = ParsedDecision(source_file="t.txt", raw_text=text, text=text, to_raw=list(range(len(text))),
                       case_id="1/T", defendants=defendants or [])
    return resolve_within_case(find_mentions(d), d.defendants)


def test_short_form_alias_and_ocr_variant_join_one_entity():
    t = ("Bahwa Sdr. KUSUMAWICITRA PANCAWALA alias KUS (DPO) menelpon saksi SRIKANDIWATI. Kemudian Sdr. KUSUMAWICITRA "
         "mengirim uang; lalu Sdr. KUS pergi; Sdr. KUSUMAWICITRA PANCAWOLA menyuruh saksi SRIKANDIWATI.")
    ents, m = _resolve(t)
    persons = ents.loc[ents["kind"] == "person"]
    assert sorted(persons["key"]) == ["kusumawicitra pancawala", "srikandiwati"]
    g = persons.loc[persons["key"] == "kusumawicitra pancawala"].iloc[0]
    assert g["n_mentions"] == 4 and g["roles"] == ["fugitive"]
    assert m["entity"].notna().all()


def test_different_fathers_stay_apart():
    t = "Bahwa saksi ARJUNASASRA bin GATOTKACA dan saksi ARJUNASASRA bin KUMBAKARNA datang."
    ents, _ = _resolve(t)
    assert len(ents.loc[ents["kind"] == "person"]) == 2


def test_defendant_refs_and_name_join_the_seeded_defendant():
    t = "Bahwa Terdakwa I merekrut korban; Terdakwa BROTOSENO WIRAPATI kemudian pergi; Terdakwa II diam."
    defs = [DefendantMention(name="BROTOSENO WIRAPATI bin KARTOWIRYO", person_key="brotoseno wirapati"),
            DefendantMention(name="PUJIWATI", person_key="pujiwati")]
    ents, _ = _resolve(t, defs)
    by_key = ents.set_index("key")
    assert by_key.loc["brotoseno wirapati", "n_mentions"] == 2
    assert by_key.loc["pujiwati", "n_mentions"] == 1
    assert by_key.loc["brotoseno wirapati", "roles"] == ["defendant", "recruiter"]


def test_initials_join_the_only_matching_full_name():
    t = "Bahwa saksi korban DAYANINGTYAS ARJUNASASRA menangis. Saksi korban DA kemudian pulang."
    ents, _ = _resolve(t)
    persons = ents.loc[ents["kind"] == "person"]
    assert len(persons) == 1 and persons["n_mentions"].iat[0] == 2


def test_company_acronym_joins_long_name_in_the_same_decision():
    t = "melalui PT. SENTOSA ABADI MAKMUR (PT. SAM) cabang Jakartowiryo; PT SAM memberangkatkan."
    ents, _ = _resolve(t)
    comp = ents.loc[ents["kind"] == "company"]
    assert len(comp) == 1 and comp["n_mentions"].iat[0] == 3


def test_initials_of():
    assert initials_of("sentosa abadi makmur") == "sam"


def test_empty_mentions_give_empty_tables():
    d = ParsedDecision(source_file="e.txt", raw_text="", text="", to_raw=[])
    ents, m = resolve_within_case(find_mentions(d))
    assert len(ents) == 0 and len(m) == 0 and isinstance(ents, pd.DataFrame)


def test_records_keep_only_the_asked_columns_in_row_order():
    from analysis.link.within_case import records

    df = pd.DataFrame({"a": [1, 2], "b": ["x", None], "c": [[1], []]})
    assert records(df, ["c", "a", "missing"]) == [{"c": [1], "a": 1}, {"c": [], "a": 2}]
    assert records(df.iloc[:0], ["a"]) == []


def test_one_letter_slip_joins_two_fugitives_only():
    t = ("Bahwa Saudara TAN WIE (DPO) menawarkan pekerjaan; kemudian suadara TAN WEI (DPO) menelpon; "
         "lalu Saudara WIRASKO (DPO) dan Saudara WIRASKY (DPO) datang; saksi KARTIMAN dan saksi KARTIMIN hadir.")
    ents, _ = _resolve(t)
    people = ents[ents["kind"] == "person"]
    assert sorted(people["key"]) == ["kartiman", "kartimin", "tan wei", "wirasko"] or \
        sorted(people["key"]) == ["kartiman", "kartimin", "tan wie", "wirasko"]
    assert sorted(len(k) for k in people["mention_ids"]) == [1, 1, 2, 2]


def test_company_is_named_by_its_fullest_form_and_most_used_legal_form():
    t = ("akreditasi BLKLN ARGA MULYA; saksi tinggal di PT. ARGA MULYA; admin PT. ARGA MULYA; "
         "kepala PT. ARGA MULYA; stempel BLKLN ARGA MULYA.")
    ents, _ = _resolve(t)
    comp = ents[ents["kind"] == "company"]
    assert comp["name"].tolist() == ["PT ARGA MULYA"]
