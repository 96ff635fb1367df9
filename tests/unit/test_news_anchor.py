"""The date anchor: metadata first, else the latest full date in the text, else none."""

import datetime as dt

from analysis.news.anchor import anchor_date, parse_published


def test_anchor_rules():
    text = "Pada 3 Maret 2023 dan periode 22 Oktober hingga 22 November 2024; rapat Selasa (10/12)."
    assert anchor_date(None, text) == (dt.date(2024, 11, 22), "latest_full_date_in_text")
    assert anchor_date(dt.date(2024, 12, 11), text) == (dt.date(2024, 12, 11), "published_at")
    assert anchor_date(None, "rapat pada Selasa (10/12) tanpa tahun") == (None, "none")


def test_parse_published_keeps_local_date():
    assert parse_published("2025-05-29T23:30:00+08:00") == dt.date(2025, 5, 29)
    assert parse_published("2025-05-29") == dt.date(2025, 5, 29)
    assert parse_published(None) is None and parse_published("kemarin sore") is None


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(allow_nan=True)))
def test_parse_published_never_crashes(value):
    out = parse_published(value)
    assert out is None or isinstance(out, dt.date)
