"""Agencies, countries, modus, roles and suspects' initials, normalised through committed lists."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.news.entities import find_agencies, find_countries, find_modus, find_roles, find_suspects


def names(ms):
    return [m.name for m in ms]


def test_agencies_normalised_with_their_place():
    text = ("Balai Pelayanan Pelindungan Pekerja Migran Indonesia Daerah Istimewa Yogyakarta (BP3MI DIY), "
            "Polres Bandara Soetta, Polres Metro Jakarta Barat, Kantor Imigrasi Kelas I TPI Kupang, "
            "KBRI Phnom Penh, Kemnaker, Kementerian Luar Negeri, Satgas TPPO dan Mapolda NTB")
    assert names(find_agencies(text)) == [
        "BP3MI Daerah Istimewa Yogyakarta", "BP3MI Daerah Istimewa Yogyakarta",
        "Polresta Bandara Soekarno-Hatta", "Polres Jakarta Barat", "Kantor Imigrasi Kupang",
        "KBRI Phnom Penh", "Kemnaker", "Kemenlu", "Satgas TPPO", "Polda Nusa Tenggara Barat"]


def test_regional_office_without_place_is_not_an_actor():
    assert names(find_agencies("Bareskrim Polri bersama Polda dan jajaran")) == ["Bareskrim Polri"]


def test_countries():
    assert names(find_countries("ke Arab Saudi via Dubai, lalu Kamboja dan Malaysia (Tawau); Korea Selatan")) == [
        "Saudi Arabia", "United Arab Emirates", "Cambodia", "Malaysia", "Malaysia", "South Korea"]
    assert names(find_countries("arab saudi ditulis kecil")) == []


def test_modus_acronyms_only_in_capitals():
    assert names(find_modus("modus online scam, PRT, ABK, PSK, jual beli organ ginjal, anak di bawah umur")) == [
        "online_scam", "domestic_work", "fishing_crew", "sexual_exploitation", "organ_trade", "organ_trade",
        "child_exploitation"]
    assert names(find_modus("prt dan abk ditulis kecil")) == []


def test_roles():
    assert names(find_roles("calo, sponsor, perekrut, penampung dan pemodal; Bandar Lampung")) == [
        "broker", "sponsor", "recruiter", "shelter", "funder"]


def test_suspects_by_initials():
    assert find_suspects("tersangka berinisial AS dan RN") == ["AS", "RN"]
    assert find_suspects("Tersangka NU (28), EM (38) dan H (51) ditahan") == ["NU", "EM", "H"]
    assert find_suspects("Tersangka berinisial TN kini ditahan") == ["TN"]
    assert find_suspects("tersangka TPPO dan PMI") == []
    assert find_suspects("Tersangka Polda") == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_finders_never_crash(text):
    for finder in (find_agencies, find_countries, find_modus, find_roles):
        for m in finder(text):
            assert 0 <= m.start < m.end <= len(text)
    assert all(s.isupper() for s in find_suspects(text))
