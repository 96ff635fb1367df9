"""Counts with their unit: digits, written numbers, vague quantities; no text crashes the parser."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.news.counts import find_counts


def _c(text):
    return [(c.value, c.low, c.high, c.unit, c.text) for c in find_counts(text)]


def test_digits_with_thousands_separators_and_units():
    assert _c("menetapkan 804 tersangka dan menyelamatkan 2.104 korban dari 684 LP") == [
        (804, 804, 804, "tersangka", "804 tersangka"),
        (2104, 2104, 2104, "korban", "2.104 korban"),
        (684, 684, 684, "laporan polisi", "684 LP"),
    ]


def test_written_numbers_and_bracketed_words():
    assert _c("sembilan calon PMI dan 41 (empat puluh satu) orang calon pekerja migran") == [
        (9, 9, 9, "calon PMI", "sembilan calon PMI"),
        (41, 41, 41, "calon PMI", "41 (empat puluh satu) orang calon pekerja migran"),
    ]
    assert _c("dua puluh lima tersangka") == [(25, 25, 25, "tersangka", "dua puluh lima tersangka")]


def test_vague_quantities_keep_a_range():
    assert _c("puluhan kasus dan ratusan korban") == [
        (None, 10, 99, "kasus", "puluhan kasus"),
        (None, 100, 999, "korban", "ratusan korban"),
    ]
    assert _c("Belasan WNI")[0][1:4] == (11, 19, "WNI")


def test_general_unit_gives_way_to_specific_one():
    assert _c("28 WNI korban online scam") == [(28, 28, 28, "korban", "28 WNI korban")]
    assert _c("123 orang korban") == [(123, 123, 123, "korban", "123 orang korban")]


def test_non_procedural_units():
    assert [c.unit for c in find_counts("15 PMI ilegal, 25 CPMI-NP, 51 PMI non-prosedural, 4 penumpang")] == [
        "PMI non-prosedural", "calon PMI", "PMI non-prosedural", "orang"]


def test_money_laws_and_durations_are_not_counts():
    assert _c("membayar Rp 60 juta, Pasal 2 ayat (1) UU 21 Tahun 2007, selama satu bulan, Rp2.000.000 orang") == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_without_error(text):
    for c in find_counts(text):
        assert text[c.start:c.end] == c.text
        assert c.low <= c.high


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=9_999_999), st.sampled_from(["kasus", "tersangka", "korban"]))
def test_formatted_numbers_round_trip(n, unit):
    dotted = f"{n:,}".replace(",", ".")
    assert [(c.value, c.unit) for c in find_counts(f"sebanyak {dotted} {unit} tercatat")] == [(n, unit)]
