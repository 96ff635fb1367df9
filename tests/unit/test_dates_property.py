"""Property tests of ``find_dates``: no input crashes it and its answers are well formed."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.clean.date_words import MONTHS
from analysis.clean.dates import _compile, _patterns, find_dates

anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2098, 12, 31)))

# Pieces of date-like text, so that random combinations reach deep into the grammar.
_PIECES = ["Selasa", "(", ")", "/", "-", " ", "tanggal", "bulan", "tahun", "hingga", "sampai dengan",
           "awal", "akhir", "pertengahan", "pekan", "lalu", "kemarin", "dua", "puluh", "ribu", "belas",
           "sebelas", "pukul", "WIB", "WITA", ".", ",", "Mei", "Februari", "Agt", "Nopember", "31", "29",
           "2024", "1999", "9999", "0", "12", "hari", "ini", "se", "yang", "sejak", "periode", "\n"]
date_soup = st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join)
digit_strings = st.text(alphabet="0123456789./- ()", max_size=60)
huge_numbers = st.integers(min_value=-10**30, max_value=10**30).map(lambda n: f"tanggal {n} Mei {n} hari lalu")
any_text = st.one_of(st.text(max_size=200), date_soup, digit_strings, huge_numbers)


def _well_formed(text, mentions):
    previous_end = 0
    for m in mentions:
        assert m.start <= m.end
        begin, end = m.span
        assert 0 <= begin < end <= len(text)
        assert begin >= previous_end          # in text order and not overlapping
        assert text[begin:end] == m.text
        previous_end = end


@settings(max_examples=300, deadline=None)
@given(text=any_text, anchor=anchors)
def test_never_crashes_and_answers_are_well_formed(text, anchor):
    _well_formed(text, find_dates(text, anchor))


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       spelling=st.sampled_from(sorted(MONTHS)), anchor=anchors,
       before=st.sampled_from(["", "pada ", "Kejadian itu pada ", "tanggal "]),
       after=st.sampled_from(["", ".", " di Batam", ", korban"]))
def test_a_formatted_date_is_found(day, spelling, anchor, before, after):
    if MONTHS[spelling] != day.month:
        spelling = next(s for s, n in MONTHS.items() if n == day.month)
    text = f"{before}{day.day} {spelling} {day.year}{after}"
    found = find_dates(text, anchor)
    assert [(m.start, m.end) for m in found] == [(day, day)]


@settings(max_examples=100, deadline=None)
@given(year=st.integers(1900, 2099), month=st.integers(1, 12), part=st.sampled_from(["awal", "pertengahan", "akhir"]))
def test_parts_of_a_month_tile_it(year, month, part):
    name = next(spelling for spelling, number in MONTHS.items() if number == month)
    m, = find_dates(f"{part} {name} {year}", None)
    assert m.start.month == m.end.month == month
    assert m.days == {"awal": 10, "pertengahan": 10}.get(part, calendar.monthrange(year, month)[1] - 20)


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=dt.date(1901, 3, 1), max_value=dt.date(2098, 10, 31)),
       offset=st.integers(-120, 240))
def test_partial_date_lands_within_a_year_of_the_anchor(day, offset):
    anchor = day + dt.timedelta(days=offset)
    found = find_dates(f"pada ({day.day}/{day.month})", anchor)
    assert [m.start for m in found] == [day]


_PATTERN, _ = _patterns()
_PATTERN_I, _ = _patterns(ignore_case=True)
_UNGUARDED = _compile(guard=False)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(date_soup, st.text(max_size=120)))
def test_the_first_word_guard_changes_nothing_but_speed(text):
    # The guard only skips positions where no alternative can start; the matches must agree.
    folded = text.lower()
    spans = [(m.span(), m.lastgroup) for m in _PATTERN.finditer(folded)]
    assert spans == [(m.span(), m.lastgroup) for m in _UNGUARDED.finditer(folded)]


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(date_soup, st.text(max_size=120)).map(lambda t: t.upper() if len(t) % 2 else t.title()))
def test_matching_the_lower_cased_text_equals_matching_ignoring_case(text):
    # find_dates matches the lower-cased text case-sensitively (faster); the result must be
    # what a case-insensitive match of the text as written gives.
    if len(text.lower()) != len(text):
        return
    assert [m.span() for m in _PATTERN.finditer(text.lower())] == [m.span() for m in _PATTERN_I.finditer(text)]
