"""Cleaning decision text: furniture removed, breaks repaired, offsets point into the raw file."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.clean.decision_text import OffsetMap, clean_decision

PAGE_BREAK = (
    "Halaman 1 dari 9 Putusan Nomor 12/Pid.Sus/2025/PN Xyz\n"
    "Disclaimer\n"
    "Kepaniteraan Mahkamah Agung Republik Indonesia berusaha untuk selalu mencantumkan informasi paling kini\n"
    "Email : kepaniteraan@mahkamahagung.go.id    Telp : 021-384 3348 (ext.318) Halaman 1\n\n"
    + "Mahkamah Agung Republik Indonesia\n" * 5
    + "Direktori Putusan Mahkamah Agung Republik Indonesia\nputusan.mahkamahagung.go.id\n"
)


def test_furniture_removed_and_sentence_rejoined():
    raw = "P U T U S A N\nNomor 12/Pid.Sus/2025/PN Xyz\nTerdakwa ditahan sejak tanggal\n" + PAGE_BREAK + "1 Mei 2025 oleh Penyidik;\nlagi"
    text, to_raw = clean_decision(raw)
    assert text == "PUTUSAN Nomor 12/Pid.Sus/2025/PN Xyz Terdakwa ditahan sejak tanggal 1 Mei 2025 oleh Penyidik;\nlagi"
    assert len(to_raw) == len(text)


def test_one_line_pages_lose_footer_and_garbled_disclaimer():
    raw = ("kata pertama Halaman 2 dari 18 Putusan Nomor 6/Pid.Sus/2025/PN Smr Kepanirgraan Mahka A Republik "
           "untuk paling kini Email kepanderaan@mahkamahagung go. Telp : 02 384 3348 (ext 3 kata kedua")
    assert clean_decision(raw)[0] == "kata pertama kata kedua"


def test_hyphen_breaks():
    assert clean_decision("mem-\nbayar denda")[0] == "membayar denda"
    assert clean_decision("laki-\nlaki dewasa")[0] == "laki-laki dewasa"


def test_split_capital_t_and_list_lines_kept():
    text, _ = clean_decision("T erdakwa ditahan oleh:\n1. Penyidik\nsejak kemarin;\n2. Hakim")
    assert text == "Terdakwa ditahan oleh:\n1. Penyidik sejak kemarin;\n2. Hakim"


def test_offsets_point_into_raw():
    raw = "Mahkamah Agung Republik Indonesia\nMahkamah Agung Republik Indonesia\nNama  lengkap :  ANDI\nUmur : 30"
    text, to_raw = clean_decision(raw)
    i = text.index("ANDI")
    assert raw[to_raw[i]: to_raw[i] + 4] == "ANDI"
    assert all(raw[to_raw[k]] == text[k] for k in range(len(text)) if text[k].isalnum())


def test_offset_map_is_truthy_like_a_list():
    assert bool(np.arange(2).view(OffsetMap)) and not bool(np.arange(0).view(OffsetMap))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("ab T-\n:;.1 ") + ["Halaman 1 dari 2 ", "Mahkamah Agung Republik Indonesia\n",
                                                     "P U T U S A N", "laki-\n", "\u00ad", "\r\n"]),
                max_size=60).map("".join))
def test_never_crashes_and_map_is_monotone(raw):
    text, to_raw = clean_decision(raw)
    assert len(text) == len(to_raw)
    assert np.all(np.diff(to_raw) >= 0)
    assert all(0 <= p < len(raw) for p in to_raw)
    # letters and digits survive where they map to
    assert all(raw[to_raw[k]] == text[k] for k in range(len(text)) if text[k].isalnum())


def test_short_footer_form():
    assert clean_decision("denda Hal. 85 dari hal. 86 Putusan Nomor 166/Pid.Sus/2025/PN Xyz tersebut")[0] == "denda tersebut"


def test_ambiguous_month_resolved_by_weekday():
    text, to_raw = clean_decision("diputuskan pada hari Kamis tanggal 12 Juhi 2025 oleh kami")
    assert text == "diputuskan pada hari Kamis tanggal 12 Juni 2025 oleh kami"
    assert len(to_raw) == len(text)
    # 12 July 2025 is a Saturday
    assert clean_decision("pada hari Sabtu tanggal 12 Juhi 2025")[0] == "pada hari Sabtu tanggal 12 Juli 2025"
    # no weekday: left as written
    assert clean_decision("tanggal 12 Juhi 2025")[0] == "tanggal 12 Juhi 2025"
