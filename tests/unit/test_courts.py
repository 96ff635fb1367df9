"""Province of a court's seat, and decisions counted by it."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.timeseries import get_series
from analysis.extract.courts import SEATS_FILE, court_province, court_seat
from analysis.timeseries.series_cases import case_series


@pytest.mark.parametrize("court,seat", [
    ("Pengadilan Negeri Bale Bandung Kelas IA", "Bale Bandung"),
    ("PN Sumber", "Sumber"),
    ("Pengadilan Negeri  Tanjung   Pati", "Tanjung Pati"),
    ("Pengadilan Negeri Bandung KL IA Khusus", "Bandung"),
])
def test_court_seat(court, seat):
    assert court_seat(court) == seat


@pytest.mark.parametrize("court,province", [
    ("Pengadilan Negeri Sumber", "Jawa Barat"),            # listed seat (Kabupaten Cirebon)
    ("Pengadilan Negeri Tanjungkarang", "Lampung"),        # listed, written without the space
    ("Pengadilan Negeri Bengkul", "Bengkulu"),             # cut short in the source text
    ("Pengadilan Negeri Padang", "Sumatera Barat"),        # not taken for the longer Padangsidimpuan
    ("Pengadilan Negeri Nunukan", "Kalimantan Utara"),     # through the gazetteer
    ("", None), (None, None), ("Pengadilan Negeri Atlantis", None),
])
def test_court_province(court, province):
    assert court_province(court) == province


def test_seat_list_is_well_formed():
    seats = pd.read_csv(SEATS_FILE)
    assert list(seats.columns) == ["seat", "province", "served_area"]
    assert seats["seat"].is_unique and seats.notna().all().all()
    from analysis.news.gazetteer import places

    provinces = {p.province for p in places().values()}
    assert set(seats["province"]) <= provinces


def test_case_series_by_court_province():
    cases = pd.DataFrame({"case_id": ["1", "2", "3"],
                          "court": ["Pengadilan Negeri Sumber", "Pengadilan Negeri Nunukan", "Pengadilan Negeri Atlantis"],
                          "decision_date": pd.to_datetime(["2024-01-10", "2024-02-10", "2024-02-11"]),
                          "destination_countries": [[], [], []], "is_migrant_worker_case": [True, True, True],
                          "duplicate_of": [None, None, None]})
    s, _ = case_series(cases, freqs=("M",))
    assert get_series(s, "cases/decisions_by_decision_date/M/province=Jawa Barat").tolist() == [1.0, 0.0]
    assert get_series(s, "cases/decisions_by_decision_date/M/province=Kalimantan Utara").tolist() == [0.0, 1.0]
    assert get_series(s, "cases/decisions_by_decision_date/M/province=unknown").tolist() == [0.0, 1.0]
    assert "court's seat" in s["coverage_note"].iloc[0]
