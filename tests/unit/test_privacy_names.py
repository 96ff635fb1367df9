"""The broad in-memory list of person names: what it reads, what it leaves out, and how it is searched.

All names here are invented.
"""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.privacy.names import (NameList, find_names, label_holds_name, label_leaks, names_from_text,
                                    person_names, role_then_name)

DECISION = """
PUTUSAN Nomor 1/Pid.Sus/2024/PN Xyz
1. Nama lengkap : GANDRUNG WISESA Alias GANDUL Bin SASTROWIRYO;
2. Tempat lahir : Kotaraya;
Saksi KEMBANGWATI Binti MARTOYUDO, di bawah sumpah menerangkan;
Saksi Korban RUMPAKWATI menerangkan bahwa ia berangkat;
Anak Korban TIRTASARI umur 16 tahun;
bahwa Terdakwa bersama Sdr. PRAWIROSENO (DPO) dan Kusumajati Wiradirja (berkas terpisah) merekrut;
penyidik Bripka Tanuwijoyo Sasmito menangkap Terdakwa;
keterangan Saksi 4 dan Terdakwa II serta Anak Korban Anak 1 dan Korban 2;
uang dikirim ke rekening atas nama Mekar Sentosa Abadi milik PT MEKAR SENTOSA ABADI;
"""


def test_every_form_of_a_person_is_read():
    assert person_names(DECISION) == {
        "gandrung wisesa", "gandul", "sastrowiryo",          # identity block: own name, alias, father
        "kembangwati", "martoyudo",                           # witness and her father
        "rumpakwati", "tirtasari",                            # victim, child victim
        "prawiroseno", "kusumajati wiradirja",                # fugitive, person tried separately
        "tanuwijoyo sasmito",                                 # official after a police rank
    }


def test_placeholders_are_not_names():
    text = "Saksi 4, Terdakwa II, Anak Korban Anak 1, Korban 2, Saksi Anak, Terdakwa I. dan Tersangka III"
    assert person_names(text) == set()


def test_company_written_after_atas_nama_is_not_a_person():
    assert "mekar sentosa abadi" not in person_names(DECISION)


def test_a_business_or_group_introduced_by_bernama_is_not_a_person():
    text = ("lembaga kursus bernama Sekarwangi Mataram; Grup obrolan atas nama\nSEKAR PINILIH; "
            "seorang perempuan bernama Sekarwangi")
    assert person_names(text) == {"sekarwangi"}
    assert person_names(text.split(";")[0]) == set()


def test_a_capitalised_ordinary_word_ends_a_name():
    text = "Saksi PRAWIROSENO Menerangkan bahwa. " + "menerangkan " * 3
    assert person_names(text) == {"prawiroseno"}


def test_two_letter_one_word_name_is_dropped_but_kept_in_a_longer_name():
    assert person_names("Saksi AB menerangkan") == set()
    assert person_names("Saksi AB Wiradirja menerangkan") == {"ab wiradirja"}


def test_identity_lines_only_reader_kept_for_old_callers():
    assert names_from_text(DECISION) == {"gandrung wisesa"}
    assert names_from_text(DECISION, min_words=3) == set()


def test_label_rules_one_word_place_ordinary_and_parts():
    names = {"tirtasari", "kusumajati wiradirja", "sentanu"}
    assert label_holds_name("LPK TIRTASARI", names)
    assert label_holds_name("PT Kusumajati Wiradirja Abadi", names)
    assert label_holds_name("LPK WIRADIRJA", names)                  # the label is a part of a name
    assert not label_holds_name("PT WIRADIRJA MAJU ABADI", names)    # a part inside a longer name
    assert label_holds_name("PT MAJU SENTANU", names)
    assert not label_holds_name("PT MAJU SENTANU", names, ordinary=frozenset({"sentanu"}))
    assert not label_holds_name("Polres Blitar", {"blitar"})         # a place is never a name
    assert not label_holds_name("Kantor Imigrasi", {"imigrasi"})     # nor an agency word


def test_role_then_name():
    assert [role_then_name(x) for x in ("Polda Terdakwa Gandul", "Imigrasi Saksi", "Polda Saksi VII",
                                        "Polres Kota Blitar", "Polresta Sdri. Tirtasari")] == [
        True, False, False, False, True]


def test_find_names_whole_words_any_case_and_spacing():
    names = {"gandrung wisesa", "tirtasari", "wisesa"}
    assert find_names("met GANDRUNG\n  Wisesa; xtirtasari", names) == ["gandrung wisesa", "wisesa"]
    assert find_names("wisesa gandrung", {"gandrung wisesa"}) == []


def test_guard_keeps_long_names_and_rare_one_word_names_only():
    nl = NameList(by_file={"a.txt": {"gandrung wisesa", "tirtasari", "kunirsari", "rumpa", "batam", "maju makmur",
                                     "kencanawati"}},
                  lower=Counter({"kunirsari": 4, "maju": 9, "makmur": 7}), company_words={"kencanawati"})
    # "kunirsari" is written in lower case, "rumpa" is short, "batam" a place, "maju makmur" all ordinary
    # words, "kencanawati" a word of a company's name.
    assert nl.guard() == {"gandrung wisesa", "tirtasari"}


def test_label_leaks_reports_ids_and_reasons_only():
    import pandas as pd

    nl = NameList(by_file={"a.txt": person_names(DECISION), "b.txt": set()},
                  ordinary={"a.txt": frozenset(), "b.txt": frozenset()})
    actors = pd.DataFrame({
        "actor_id": ["C-1", "C-2", "A-3", "A-4", "L-5", "P-6"],
        "kind": ["company", "company", "agency", "agency", "place", "person"],
        "label": ["LPK TIRTASARI", "LPK TIRTASARI", "Polda Terdakwa Gandul", "Polres Blitar", "Batam", "P-6"],
        "cases": [["1/A"], ["2/B"], ["1/A"], ["1/A"], ["1/A"], ["1/A"]]})
    out = label_leaks(actors, {"1/A": "a.txt", "2/B": "b.txt"}, nl)
    # The same label is a leak only in the decision that names the person.
    assert out.values.tolist() == [["C-1", "company", "name"], ["A-3", "agency", "role+name"]]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Saksi KORBAN Terdakwa alias bin (DPO) Nama lengkap:;.,\n1IV-'")),
               max_size=300))
def test_person_names_never_crashes_and_gives_folded_names(text):
    for n in person_names(text):
        assert n == n.lower().strip() and n
        assert all(w.replace("-", "").replace("'", "").replace("’", "").isalpha() for w in n.split())


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_label_checks_never_crash(text):
    label_holds_name(text, {"tirtasari", "gandrung wisesa"})
    role_then_name(text)
    person_names(text)
