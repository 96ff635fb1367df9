"""Places from the Kemendagri gazetteer plus committed aliases; article place from the dateline."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.news.gazetteer import find_places, gazetteer, resolve_place
from analysis.news.place import article_place


def test_gazetteer_holds_every_province_and_regency():
    g = gazetteer()
    assert (g["level"] == 1).sum() == 38 and (g["level"] == 2).sum() == 514


def test_aliases_and_ambiguous_bare_names():
    got = [(m.text, m.name) for m in find_places(
        "Warga Jogja, NTT, Kaltara dan Jatim berangkat dari Soetta; Kabupaten Kupang dan Kupang; Yogyakarta.")]
    assert got == [("Jogja", "Kota Yogyakarta"), ("NTT", "Nusa Tenggara Timur"), ("Kaltara", "Kalimantan Utara"),
                   ("Jatim", "Jawa Timur"), ("Soetta", "Kabupaten Tangerang"), ("Kabupaten Kupang", "Kabupaten Kupang"),
                   ("Kupang", "Kota Kupang"), ("Yogyakarta", "Daerah Istimewa Yogyakarta")]


def test_common_words_and_venues_are_not_places():
    assert find_places("batu, Batu besar, Bone, Mataram Ballroom, Hotel") == []
    assert [m.name for m in find_places("Kota Batu dan Kabupaten Bone")] == ["Kota Batu", "Kabupaten Bone"]


def test_resolve_place_any_case():
    assert resolve_place("JOGJA").code == "34.71"
    assert resolve_place("kalimantan utara").code == "65"
    assert resolve_place("") is None and resolve_place("Atlantis") is None


def test_article_place_prefers_dateline_over_text():
    assert article_place("JOGJA", "Rapat membahas Kabupaten Brebes dan Brebes.") == {
        "place": "Kota Yogyakarta", "place_code": "34.71", "place_province": "Daerah Istimewa Yogyakarta",
        "place_rule": "dateline"}
    assert article_place(None, "Di Kupang dan NTT, lalu Kupang lagi.")["place"] == "Kota Kupang"
    assert article_place("ATLANTIS", "tanpa tempat")["place_rule"] == "none"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_find_places_never_crashes(text):
    for m in find_places(text):
        assert text[m.start:m.end] == m.text
