"""Indonesian written numbers, durations and rupiah amounts (analysis.clean.numbers)."""

import lokal
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.clean.numbers import (
    parse_duration_months,
    parse_idr_digits,
    parse_int,
    parse_rupiah,
    words_to_int,
)


@pytest.mark.parametrize("words, value", [
    ("nol", 0), ("satu", 1), ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("dua belas", 12),
    ("lima belas", 15), ("dua puluh", 20), ("dua puluh satu", 21), ("seratus", 100),
    ("seratus dua puluh juta", 120_000_000), ("dua ratus juta", 200_000_000), ("seribu dua", 1002),
    ("satu milyar", 1_000_000_000), ("satu miliar lima ratus juta", 1_500_000_000),
    ("tiga ratus empat puluh lima ribu enam ratus tujuh puluh delapan", 345_678),
    ("Seratus Dua Puluh Juta", 120_000_000),
])
def test_words_to_int(words, value):
    assert words_to_int(words) == value


@pytest.mark.parametrize("text", ["", "rupiah", "enam bulan", "dua kali", None, 12])
def test_words_to_int_none(text):
    assert words_to_int(text) is None


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_words_round_trip_with_lokal_terbilang(n):
    assert words_to_int(lokal.terbilang(n)) == n


@pytest.mark.parametrize("text, value", [
    ("Rp120.000.000,00", 120_000_000), ("Rp 5.000,-", 5000), ("Rp.2.500.000,-", 2_500_000),
    ("Rp1.000.000.000", 1_000_000_000), ("Rp 50.000.000 ,-", 50_000_000), ("Rp5000", 5000), ("Rp", None),
])
def test_parse_idr_digits(text, value):
    assert parse_idr_digits(text) == value


@pytest.mark.parametrize("text, value", [
    ("denda sejumlah Rp120.000.000,00 (seratus dua puluh juta rupiah)", 120_000_000),
    # lokal.parse_rupiah alone reads the digits and the words together as one number
    ("Rp15.000.000,00 (lima belas juta rupiah)", 15_000_000),
    ("denda Rp.200.000.000,- (Dua ratus juta rupiah)", 200_000_000),
    # OCR damage in the digits: the words win
    ("denda sejumlah RPI 20.000.000,00 (seratus dua puluh juta rupiah)", 120_000_000),
    ("biaya perkara sebesar Rp5.000,00", 5000),
    ("tanpa denda", None),
])
def test_parse_rupiah(text, value):
    assert parse_rupiah(text) == value


@pytest.mark.parametrize("text, months", [
    ("pidana penjara selama 9 (sembilan) Tahun dan 6 (enam) Bulan", 114.0),
    ("selama 8 (delapan) tahun", 96.0),
    ("kurungan selama 3 (tiga) bulan", 3.0),
    ("selama empat tahun", 48.0),
    ("selama 1 (satu) tahun, 2 (dua) bulan dan 15 (lima belas) hari", 14.5),
    ("selama 3 (tiga) tahun. Dan 2 bulan kemudian", 36.0),
    ("tanpa pidana", None),
])
def test_parse_duration_months(text, months):
    assert parse_duration_months(text) == months


def test_parse_int():
    assert (parse_int("1.250"), parse_int("12"), parse_int("tiga"), parse_int("x")) == (1250, 12, 3, None)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_parsers_never_crash(s):
    for f in (words_to_int, parse_int, parse_idr_digits, parse_rupiah):
        v = f(s)
        assert v is None or (isinstance(v, int) and v >= 0)
    m = parse_duration_months(s)
    assert m is None or m >= 0


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 99), st.integers(0, 11))
def test_duration_property(years, months):
    text = f"selama {years} ({lokal.terbilang(years)}) tahun dan {months} ({lokal.terbilang(months)}) bulan"
    assert parse_duration_months(text) == years * 12 + months


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 10**12))
def test_rupiah_property(n):
    digits = f"{n:,}".replace(",", ".")
    assert parse_rupiah(f"denda Rp{digits},00 ({lokal.terbilang(n)} rupiah)") == n
    assert parse_rupiah(f"denda Rp{digits},00") == n


@pytest.mark.parametrize("text, amount", [
    ("denda sebesar Rp120.OOO.000,OO (seratus dua puluh juta rupiah)", 120_000_000),
    ("denda Rp2.OOO.OOO,- subsidair", 2_000_000),
    ("Rp 5.000,- (lima ribu rupiah)", 5_000),
])
def test_rupiah_with_letter_o_for_zero(text, amount):
    assert parse_rupiah(text) == amount
