"""Mentions and roles on toy sentences written for the tests (no real names)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract.company_names import company_key
from analysis.extract.mentions import MENTION_COLUMNS, find_mentions
from analysis.extract.model import DefendantMention, ParsedDecision
from analysis.extract.roles import load_roles, roles_near


def _doc(text: str, defendants=None) -> ParsedDecision:
    return ParsedDecision(source_file="9_Pid.Sus_2025_PN_Tst.txt", raw_text=text, text=text,
                          to_raw=list(range(len(text))), case_id="9/Pid.Sus/2025/PN Tst",
                          defendants=defendants or [])


def _by_key(m):
    return {k: r for k, r in zip(m["key"], m["roles"])}


def test_roles_map_covers_the_required_cues():
    cues = dict(zip(load_roles()["cue"], load_roles()["role"]))
    assert cues["perekrut"] == "recruiter"
    assert cues["sponsor"] == "sponsor"
    assert cues["penampung"] == "shelter"
    assert cues["pemodal"] == "funder"
    assert cues["calo"] == "broker"
    assert cues["majikan"] == "employer"
    assert cues["dpo"] == "fugitive"
    assert cues["berkas terpisah"] == "co-defendant tried separately"
    assert cues["saksi korban"] == "victim"


def test_left_cue_must_touch_the_name():
    assert roles_near("diserahkan kepada korban lalu Sdr. ", "") == []
    assert roles_near("anak korban ", "") == ["victim"]
    assert roles_near("sebagai perekrut yaitu Sdri. ", "") == ["recruiter"]


def test_fugitive_separate_trial_victim_and_company():
    t = ("Bahwa Terdakwa bersama Sdr. RUDOLFO KARTAWIJAYA alias RUDO (DPO) dan saksi SASTRODIMEJO PURBASARI "
         "(dalam berkas perkara terpisah) merekrut saksi korban SEKARJAGAD RATNASURI untuk bekerja "
         "di Taiwan melalui PT. CAHAYA LANGIT SEJAHTERA Cabang Kendal.")
    m = find_mentions(_doc(t))
    assert list(m.columns) == MENTION_COLUMNS
    roles = _by_key(m.loc[m["kind"] == "person"])
    assert roles == {"rudolfo kartawijaya": ["fugitive"], "sastrodimejo purbasari": ["co-defendant tried separately", "recruiter"],
                     "sekarjagad ratnasuri": ["victim"]}
    alias_row = m.loc[m["key"] == "rudolfo kartawijaya"].iloc[0]
    assert alias_row["aliases"] == ["rudo"]
    comp = m.loc[m["kind"] == "company"].iloc[0]
    assert comp["key"] == "pt cahaya langit sejahtera"
    assert m.loc[m["kind"] == "place", "key"].tolist() == ["taiwan"]


def test_evidence_points_at_the_name_in_raw_offsets():
    t = "Bahwa saksi LESTIYANTO GONDOKUSUMO menerangkan."
    m = find_mentions(_doc(t))
    r = m.iloc[0]
    assert t[r["start"]:r["end"]] == "LESTIYANTO GONDOKUSUMO"
    assert r["evidence"] == f"9_Pid.Sus_2025_PN_Tst.txt:{r['start']}-{r['end']}"


def test_evidence_maps_cleaned_offsets_to_raw():
    raw = "xxxxSdr. MANIKMAYA"
    text = raw[4:]
    d = ParsedDecision(source_file="f.txt", raw_text=raw, text=text, to_raw=list(range(4, len(raw))))
    m = find_mentions(d)
    assert m["evidence"].tolist() == ["f.txt:9-18"]


def test_bin_and_initials_and_honorific():
    t = "Bahwa Sdri. SURTINI Binti JAYENGRANA dan Sdr. AB pergi ke Batam."
    m = find_mentions(_doc(t))
    p = m.loc[m["kind"] == "person"].set_index("key")
    assert p.loc["surtini", "patronym"] == "jayengrana"
    assert p.loc["surtini", "cue"] == "sdri"
    assert bool(p.loc["ab", "is_initials"]) is True


def test_bare_terdakwa_refers_to_the_single_defendant():
    t = "Bahwa Terdakwa mengajak saksi korban PUJIWATI ke Malaysia."
    m = find_mentions(_doc(t, [DefendantMention(name="HANDAYANINGRAT WIRAPATI", person_key="handayaningrat wirapati")]))
    ref = m.loc[m["defendant_index"].notna()]
    assert len(ref) == 1 and ref["roles"].iat[0] == ["defendant"]


def test_agency_and_transit_place():
    t = "Penyidik Polda Kepulauan Riau menangkap Terdakwa di Pelabuhan Batam Centre dan BP3MI Riau."
    m = find_mentions(_doc(t))
    assert m.loc[m["kind"] == "agency", "name"].tolist() == ["Polda Kepulauan Riau", "BP3MI Riau"]
    assert m.loc[m["kind"] == "place", "place_role"].tolist() == ["transit"]


def test_company_key_folds_legal_form_and_case():
    assert company_key("Nusa  Sinar", "P.T.") == "pt nusa sinar"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("ABCDEFGHIJ abcdefg.()-;\n") + ["Sdr. ", "saksi ", "(DPO)", " alias ",
                                                                    " bin ", "PT. ", "korban ", "Terdakwa II "]),
                max_size=80).map("".join))
def test_find_mentions_never_crashes_and_spans_are_inside(text):
    m = find_mentions(_doc(text))
    assert ((m["start"] >= 0) & (m["end"] <= len(text)) & (m["start"] <= m["end"])).all()


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_roles_near_never_crashes(left, right):
    out = roles_near(left, right)
    assert len(out) == len(set(out))


def test_word_counts_feed_both_thresholds():
    from analysis.extract.mentions import common_words, word_counts

    text = "ketika itu ketika ini ketika Budi dan dan"
    counts = word_counts(text)
    assert counts["ketika"] == 3 and counts["dan"] == 2 and "itu" in counts and "Budi" not in counts
    assert common_words(text, 2, counts=counts) == frozenset({"ketika", "dan"})
    assert common_words(text, 3, counts=counts) == common_words(text, 3) == frozenset({"ketika"})


def test_first_letter_alternation_prefers_the_same_phrase():
    import re

    from analysis.extract.mentions import _first_letter_alternation

    phrases = [["Johor", "Bahru"], ["Kuala", "Lumpur"], ["Johor"], ["Kuala"]]
    rx = re.compile(_first_letter_alternation(phrases, r"[\s\-]+") + r"\b")
    text = "ke Johor-Bahru lalu xJohor, Kuala  Lumpur dan Johor Bahrus"
    assert [m.group(0) for m in rx.finditer(text)] == ["Johor-Bahru", "Kuala  Lumpur", "Johor"]


_PHRASES = [["Johor", "Bahru"], ["Johor"], ["JOHOR"], ["Kuala", "Lumpur"], ["Kuching"], ["Batam"], ["Bat"]]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Johor", "JOHOR", "Bahru", "Kuala", "Lumpur", "Kuching", "Batam", "Bat", "x",
                                 "é", "_", " ", "-", "\n", "  ", "Ba", "K"]), max_size=30).map("".join))
def test_first_letter_alternation_finds_what_the_plain_alternation_finds(text):
    import re

    from analysis.extract.mentions import _first_letter_alternation

    plain = re.compile(r"\b(?:" + "|".join(r"[\s\-]+".join(map(re.escape, ws)) for ws in _PHRASES) + r")\b")
    fast = re.compile(_first_letter_alternation(_PHRASES, r"[\s\-]+") + r"\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _fugitives(text: str) -> list[str]:
    m = find_mentions(_doc(text))
    return [k for k, r, kind in zip(m["key"], m["roles"], m["kind"]) if kind == "person" and "fugitive" in r]


def test_title_case_name_before_a_combined_dpo_marker_is_a_fugitive():
    t = ("uang diserahkan Gandarwati Purbasari (belum tertangkap/DPO) selaku perekrut; "
         "lalu KARTOLO alias KARTO (DPO/ Belum\ntertangkap); Wiryo  Sambudi  (DPO/  Belum  tertangkap)")
    assert _fugitives(t) == ["gandarwati purbasari", "kartolo", "wiryo sambudi"]


def test_leading_sentence_word_is_not_part_of_a_fugitive_name():
    assert _fugitives("Bahwa Gandarwati (DPO) menelpon saksi.") == ["gandarwati"]


def test_list_of_names_closed_by_one_marker_are_all_fugitives():
    t = ("bersama dengan Kartolo,  Wiryo, Gandarwati, Purbasuci  Lestaringsih  (keempatnya\n"
         "masuk dalam Daftar Pencarian Orang Polda) pada hari Senin")
    assert _fugitives(t) == ["kartolo", "wiryo", "gandarwati", "purbasuci lestaringsih"]


def test_list_after_the_marker_are_all_fugitives():
    t = "ada warga negara lain yang\nmenjadi DPO yaitu KARTO WIRYO, GANDARWESI, PURBASUCI TAN;\n- Bahwa saksi pulang"
    assert _fugitives(t) == ["karto wiryo", "gandarwesi", "purbasuci tan"]


def test_high_court_code_in_a_case_number_is_not_a_company():
    t = "Penetapan Nomor 986/Pen.Pid/2018/PT PBR tanggal 24 Oktober dan PT. SEJATI WIRABUMI"
    m = find_mentions(_doc(t))
    assert m.loc[m["kind"] == "company", "key"].tolist() == ["pt sejati wirabumi"]


def test_company_name_stops_before_heading_and_amount_words():
    t = ("melalui PT. SEJATI WIRABUMI MENIMBANG, bahwa; kepada PT KENCANA LOKA. RP 5.000.000; "
         "di PT Pelaksana Penempatan lain; CV ARGA MULYA KAB Tegal")
    m = find_mentions(_doc(t))
    assert m.loc[m["kind"] == "company", "key"].tolist() == ["pt sejati wirabumi", "pt kencana loka", "cv arga mulya"]


def test_incidental_companies_are_left_out():
    t = ("Sumber buku : (Hukum Pidana, PT. Kencana Pustaka Wirabumi, 2001); Kencana Loka, PT Sejati Buku, hal. 12; "
         "tiket kapal PT PELNI Cabang Ende; rekening Bank PT Bank Sejati; Penasihat Hukum dari Yayasan Biro Bantuan Hukum Arga; "
         "aplikasi Traveloka di bawah PT. Arga Wisata Daring; dan ia direkrut PT. ARGA MULYA WIRABUMI ke Malaysia")
    m = find_mentions(_doc(t))
    assert m.loc[m["kind"] == "company", "key"].tolist() == ["pt arga mulya wirabumi"]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ABCDEGKabdegik ,.;:()/\n-DPOyatuketignymsdlPencarianOrg", max_size=160))
def test_fugitive_and_company_readers_never_crash(text):
    m = find_mentions(_doc(text))
    assert list(m.columns) == MENTION_COLUMNS
    assert (m["start"] <= m["end"]).all()
