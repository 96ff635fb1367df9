"""Unit tests of the Indonesian date resolver: the gold test set row by row, then the rules."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.clean.date_words import words_to_number
from analysis.clean.dates import DateMention, find_dates, mentions_table, month_part, resolve_partial, year_part

GOLD = Path(__file__).resolve().parents[1] / "gold" / "dates_testset.csv"
D = dt.date


def _gold_rows() -> list[dict]:
    with GOLD.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _found(text: str, anchor: dt.date | None) -> list[tuple[str, str]]:
    return [(m.start.isoformat(), m.end.isoformat()) for m in find_dates(text, anchor)]


@pytest.mark.parametrize("row", _gold_rows(), ids=lambda r: f"{r['id']}-{r['category']}")
def test_gold_row(row):
    anchor = D.fromisoformat(row["anchor"]) if row["anchor"] else None
    expected = [tuple(pair) for pair in json.loads(row["expected"])]
    assert _found(row["text"], anchor) == expected


def test_gold_set_is_large_and_varied():
    rows = _gold_rows()
    assert len(rows) >= 120
    assert len({r["category"] for r in rows}) >= 15
    assert len({(r["text"], r["anchor"]) for r in rows}) == len(rows)


# --- the cases named in the issue ----------------------------------------------------------

def test_seed_article_period():
    m, = find_dates("Dalam kurun waktu satu bulan, periode 22 Oktober hingga 22 November 2024 sebanyak 397 kasus", None)
    assert (m.start, m.end, m.kind) == (D(2024, 10, 22), D(2024, 11, 22), "range")
    assert m.text == "22 Oktober hingga 22 November 2024"


def test_seed_article_partial_date_in_december():
    text = "di Mataram Ballroom, Hotel Sheraton Mustika Yogyakarta, pada Selasa (10/12)."
    m, = find_dates(text, D(2024, 12, 11))
    assert (m.start, m.end, m.kind) == (D(2024, 12, 10), D(2024, 12, 10), "weekday_partial")
    assert text[m.span[0]:m.span[1]] == "Selasa (10/12)"


@pytest.mark.parametrize("anchor, text, expected", [
    (D(2025, 1, 2), "Selasa (31/12)", D(2024, 12, 31)),
    (D(2025, 1, 2), "Rabu (1/1)", D(2025, 1, 1)),
    (D(2024, 12, 30), "Rabu (1/1)", D(2025, 1, 1)),
    (D(2025, 1, 10), "Sabtu (28/12)", D(2024, 12, 28)),
    (D(2024, 12, 31), "Senin (2/12)", D(2024, 12, 2)),
])
def test_turn_of_the_year(anchor, text, expected):
    assert [m.start for m in find_dates(text, anchor)] == [expected]


def test_weekday_breaks_a_near_tie():
    # Anchor 1 Sep 2024, "(2/1)": 2 Jan 2024 is 243 days back (score 243), 2 Jan 2025 is
    # 123 days ahead (score 246): within the 31-day tie window, so the weekday decides.
    anchor = D(2024, 9, 1)
    assert resolve_partial(2, 1, anchor) == D(2024, 1, 2)
    assert resolve_partial(2, 1, anchor, weekday=3) == D(2025, 1, 2)      # Kamis
    assert resolve_partial(2, 1, anchor, weekday=1) == D(2024, 1, 2)      # Selasa
    assert [m.start for m in find_dates("Kamis (2/1)", anchor)] == [D(2025, 1, 2)]
    # Outside the window a weekday that disagrees does not move the date a year away.
    assert resolve_partial(10, 12, D(2024, 12, 11), weekday=3) == D(2024, 12, 10)


def test_partial_date_that_never_exists_is_skipped():
    assert find_dates("Senin (31/11)", D(2024, 12, 1)) == []
    assert resolve_partial(30, 2, D(2024, 3, 1)) is None


def test_leap_day_partial_takes_the_leap_year():
    assert resolve_partial(29, 2, D(2025, 3, 1)) == D(2024, 2, 29)


@pytest.mark.parametrize("text, expected", [
    ("awal Februari 2024", (D(2024, 2, 1), D(2024, 2, 10))),
    ("pertengahan Februari 2024", (D(2024, 2, 11), D(2024, 2, 20))),
    ("akhir Februari 2024", (D(2024, 2, 21), D(2024, 2, 29))),
    ("akhir Februari 2023", (D(2023, 2, 21), D(2023, 2, 28))),
    ("akhir Februari 2000", (D(2000, 2, 21), D(2000, 2, 29))),
    ("akhir Februari 1900", (D(1900, 2, 21), D(1900, 2, 28))),
    ("akhir bulan April 2025", (D(2025, 4, 21), D(2025, 4, 30))),
    ("penghujung Desember 2024", (D(2024, 12, 21), D(2024, 12, 31))),
    ("awal tahun 2024", (D(2024, 1, 1), D(2024, 4, 30))),
    ("pertengahan tahun 2024", (D(2024, 5, 1), D(2024, 8, 31))),
    ("akhir tahun 2024", (D(2024, 9, 1), D(2024, 12, 31))),
])
def test_parts_of_month_and_year(text, expected):
    m, = find_dates(text, None)
    assert (m.start, m.end) == expected


def test_month_part_and_year_part_functions():
    assert month_part("medio", 2023, 6) == (D(2023, 6, 11), D(2023, 6, 20))
    assert year_part("akhir", 2023) == (D(2023, 9, 1), D(2023, 12, 31))


@pytest.mark.parametrize("phrase, expected", [
    ("kemarin", (D(2025, 1, 1), D(2025, 1, 1))),
    ("kemarin lusa", (D(2024, 12, 31), D(2024, 12, 31))),
    ("hari ini", (D(2025, 1, 2), D(2025, 1, 2))),
    ("besok", (D(2025, 1, 3), D(2025, 1, 3))),
    ("lusa", (D(2025, 1, 4), D(2025, 1, 4))),
    ("pekan lalu", (D(2024, 12, 23), D(2024, 12, 29))),
    ("minggu lalu", (D(2024, 12, 23), D(2024, 12, 29))),
    ("pekan ini", (D(2024, 12, 30), D(2025, 1, 5))),
    ("bulan lalu", (D(2024, 12, 1), D(2024, 12, 31))),
    ("bulan depan", (D(2025, 2, 1), D(2025, 2, 28))),
    ("tahun lalu", (D(2024, 1, 1), D(2024, 12, 31))),
    ("tahun ini", (D(2025, 1, 1), D(2025, 12, 31))),
    ("dua hari lalu", (D(2024, 12, 31), D(2024, 12, 31))),
    ("3 hari yang lalu", (D(2024, 12, 30), D(2024, 12, 30))),
    ("sepekan lalu", (D(2024, 12, 26), D(2024, 12, 26))),
    ("sebulan lalu", (D(2024, 12, 1), D(2024, 12, 31))),
    ("dua tahun silam", (D(2023, 1, 1), D(2023, 12, 31))),
    ("Kamis lalu", (D(2024, 12, 26), D(2024, 12, 26))),
    ("Jumat mendatang", (D(2025, 1, 3), D(2025, 1, 3))),
])
def test_relative_to_a_thursday_anchor(phrase, expected):
    m, = find_dates(f"Kejadian itu {phrase}.", D(2025, 1, 2))
    assert (m.start, m.end, m.kind) == (*expected, "relative")


@pytest.mark.parametrize("text", ["kemarin", "Selasa (10/12)", "pekan lalu", "bulan Mei", "10 Desember",
                                  "awal bulan ini", "akhir Juni", "2 hari lalu"])
def test_no_anchor_no_guess(text):
    assert find_dates(text, None) == []


def test_time_and_zone_are_attached():
    (a, b, c) = find_dates("Senin, 6 Januari 2025 pukul 14.30 WITA; (7/1/2025) jam 9 WIT; "
                           "8 Januari 2025 sekira pukul 13.00 Waktu Indonesia Barat", None)
    assert (a.start, a.time, a.tz) == (D(2025, 1, 6), dt.time(14, 30), "WITA")
    assert (b.start, b.time, b.tz) == (D(2025, 1, 7), dt.time(9, 0), "WIT")
    assert (c.start, c.time, c.tz) == (D(2025, 1, 8), dt.time(13, 0), "WIB")
    assert find_dates("6 Januari 2025", None)[0].time is None


def test_impossible_clock_time_is_dropped_not_the_date():
    m, = find_dates("6 Januari 2025 pukul 25.99 WIB", None)
    assert (m.start, m.time) == (D(2025, 1, 6), None)


@pytest.mark.parametrize("text", ["Mei memilih", "meilih", "Juni menerangkan", "Agustusan", "Desa Maret",
                                  "sebanyak 2023 orang", "Nomor 21 Tahun 2007", "Rp 2.024.000", "3201011234567890"])
def test_words_and_numbers_that_are_not_dates(text):
    assert find_dates(text, D(2024, 6, 1)) == []


@pytest.mark.parametrize("text", ["31 Februari 2024", "29 Februari 2023", "31 April 2024", "00 Mei 2024",
                                  "32/13/2024", "2024-02-30", "tanggal tiga puluh dua bulan Mei tahun 2024"])
def test_invalid_dates_are_skipped(text):
    assert find_dates(text, None) == []


@pytest.mark.parametrize("spelling, month", [("Agustus", 8), ("Agt", 8), ("Agu", 8), ("Ags", 8), ("Aug", 8),
                                             ("Nopember", 11), ("Pebruari", 2), ("Mei", 5), ("May", 5),
                                             ("Okt.", 10), ("Sept", 9), ("JUNI", 6), ("december", 12)])
def test_month_spellings(spelling, month):
    assert [m.start for m in find_dates(f"tanggal 3 {spelling} 2024", None)] == [D(2024, month, 3)]


def test_court_decision_date_with_weekday_and_gloss():
    text = ("Demikian diputuskan dalam sidang permusyawaratan Majelis Hakim, pada hari Senin, "
            "tanggal 12 Mei 2025, oleh kami")
    m, = find_dates(text, None)
    assert (m.start, m.kind, m.text) == (D(2025, 5, 12), "day", "hari Senin, tanggal 12 Mei 2025")


def test_spans_point_into_the_text_and_skip_cue_words():
    text = "Pada 2023 dan sejak tahun 2019 ada laporan."
    a, b = find_dates(text, None)
    assert text[slice(*a.span)] == "2023" and a.text == "2023"
    assert text[slice(*b.span)] == "tahun 2019"


def test_line_breaks_inside_a_court_date():
    text = "pada  hari  Rabu  tanggal  7\n(tujuh) bulan  Mei tahun 2025 (dua ribu\ndua puluh lima)  sekira"
    m, = find_dates(text, None)
    assert m.start == D(2025, 5, 7)
    assert m.text.endswith("lima)")


def test_anchor_accepts_datetime_and_rejects_strings():
    assert find_dates("kemarin", dt.datetime(2024, 3, 1, 8, 0))[0].start == D(2024, 2, 29)
    with pytest.raises(TypeError):
        find_dates("kemarin", "2024-03-01")
    with pytest.raises(TypeError):
        find_dates(None, None)


def test_mention_is_frozen():
    m = find_dates("1 Juni 2024", None)[0]
    assert isinstance(m, DateMention)
    with pytest.raises(Exception):
        m.start = D(2000, 1, 1)


def test_words_to_number():
    assert words_to_number("dua ribu dua puluh lima") == 2025
    assert words_to_number("sebelas") == 11
    assert words_to_number("tiga puluh satu") == 31
    assert words_to_number("puluh") is None
    assert words_to_number("dua ribu dua dua") is None


def test_mentions_table_one_row_per_mention_and_rejects():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"],
                         "text": ["pada Selasa (10/12) dan 22 Oktober 2024", None, "tanpa tanggal 31 April 2024"],
                         "anchor": [pd.Timestamp("2024-12-11"), pd.NaT, pd.NaT]})
    mentions, rejects = mentions_table(docs, id_column="doc_id")
    assert mentions["doc_id"].tolist() == ["a", "a"]
    assert mentions["start"].tolist() == [D(2024, 12, 10), D(2024, 10, 22)]
    assert mentions["kind"].tolist() == ["weekday_partial", "day"]
    assert rejects[["source", "stage", "reason"]].values.tolist() == [
        ["b", "clean", "text missing or not a string"],
        ["c", "parse", "impossible date"],
    ]
    assert rejects["detail"].iloc[1] == "'tanggal 31 April 2024' at 6-27"


def test_mentions_table_does_not_reject_what_only_lacks_an_anchor():
    docs = pd.DataFrame({"doc_id": [1], "text": ["Selasa (10/12), kemarin, tahun dua"]})
    mentions, rejects = mentions_table(docs, anchor_column=None)
    assert len(mentions) == 0 and len(rejects) == 0


def test_time_written_in_words():
    text = ("pada tanggal enam November dua ribu dua puluh lima, sekitar pukul tiga belas lewat "
            "empat puluh menit Waktu Indonesia Barat.")
    m, = find_dates(text, None)
    assert (m.start, m.time, m.tz) == (D(2025, 11, 6), dt.time(13, 40), "WIB")


def test_reversed_range_is_read_as_its_two_dates():
    text = "sejak tanggal 6 November 2024 sampai dengan tanggal 4 Januari 2024;"
    assert [(m.start, m.kind, m.text) for m in find_dates(text, None)] == [
        (D(2024, 11, 6), "day", "tanggal 6 November 2024"),
        (D(2024, 1, 4), "day", "tanggal 4 Januari 2024"),
    ]


def test_month_first_english_and_two_digit_year_in_brackets():
    assert [m.start for m in find_dates("JAKARTA, Dec 10, 2024 - Police said", None)] == [D(2024, 12, 10)]
    m, = find_dates("pada Selasa (10/12/24) pukul 9.15 WITA", None)
    assert (m.start, m.kind, m.time, m.tz) == (D(2024, 12, 10), "day", dt.time(9, 15), "WITA")


def test_month_and_year_written_in_words():
    text = "dalam bulan Mei tahun dua ribu dua puluh lima atau pada tahun dua ribu dua puluh lima"
    assert [(m.start, m.end, m.kind) for m in find_dates(text, None)] == [
        (D(2025, 5, 1), D(2025, 5, 31), "month"),
        (D(2025, 1, 1), D(2025, 12, 31), "year"),
    ]
    assert find_dates("selama empat tahun dan tahun dua", None) == []


def test_text_whose_lower_case_is_longer_is_still_read():
    # "İ".lower() is two characters; offsets must still point into the text as written.
    text = "İSTANBUL, 5 MEI 2024 pukul 10.00 WIB"
    m, = find_dates(text, None)
    assert (m.start, m.tz, text[slice(*m.span)]) == (D(2024, 5, 5), "WIB", "5 MEI 2024 pukul 10.00 WIB")


def test_part_of_a_year_without_a_year_takes_the_nearest():
    assert [(m.start, m.end) for m in find_dates("akhir tahun", D(2025, 1, 20))] == [(D(2024, 9, 1), D(2024, 12, 31))]
    assert [(m.start, m.end) for m in find_dates("awal tahun", D(2025, 3, 2))] == [(D(2025, 1, 1), D(2025, 4, 30))]
    assert find_dates("awal tahun", None) == []
    assert find_dates("awal tahunan", D(2025, 3, 2)) == []


def test_clock_written_before_the_date():
    m, = find_dates("Pada pukul 10.00 WIB, Selasa (4/6), tim tiba.", D(2024, 6, 5))
    assert (m.start, m.time, m.tz, m.text) == (D(2024, 6, 4), dt.time(10, 0), "WIB", "pukul 10.00 WIB, Selasa (4/6)")
    # A clock already taken by the mention before it is not taken twice.
    a, b = find_dates("kemarin pukul 10.00 WIB, Selasa (4/6)", D(2024, 6, 5))
    assert (a.time, b.time, b.text) == (dt.time(10, 0), None, "Selasa (4/6)")
