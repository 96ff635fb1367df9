"""The date an article's partial dates are resolved against (its anchor).

Rule, in order:

1. the publication date from metadata (JSONL field, HTML meta tags, a text file's sidecar);
2. else the latest *full* date written in the text itself (a day or range with its year,
   e.g. "22 Oktober hingga 22 November 2024" gives 2024-11-22) - news reports the recent
   past, so the latest complete date is the closest lower bound on publication;
3. else none, and partial dates ("Selasa (10/12)") stay unresolved rather than guessed.

File modification times are not used: copying or downloading a file resets them.

>>> import datetime as dt
>>> anchor_date(None, "periode 22 Oktober hingga 22 November 2024 ... Selasa (10/12)")
(datetime.date(2024, 11, 22), 'latest_full_date_in_text')
>>> anchor_date(dt.date(2024, 12, 11), "Selasa (10/12)")
(datetime.date(2024, 12, 11), 'published_at')
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

FULL_KINDS = ("day", "range")


def find_dates(text: str, anchor: dt.date | None):
    """``analysis.clean.dates.find_dates``: every date mention, resolved against ``anchor``."""
    from analysis.clean.dates import find_dates as _find_dates

    return _find_dates(text, anchor)


def parse_published(value) -> dt.date | None:
    """A metadata timestamp ("2025-05-29T10:00:00+08:00", "2025-05-29") as a calendar date.

    The local date as written is kept (no conversion to UTC), since Indonesian outlets
    publish in local time and the date is what readers saw.

    >>> parse_published("2025-05-29T23:30:00+08:00"), parse_published("bukan tanggal")
    (datetime.date(2025, 5, 29), None)
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        ts = pd.Timestamp(str(value).strip())
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts) or not 1900 <= ts.year <= 2100:  # a news timestamp, not any number pandas can read
        return None
    return dt.date(ts.year, ts.month, ts.day)


def anchor_date(published: dt.date | None, text: str) -> tuple[dt.date | None, str]:
    """The anchor date and the rule that gave it (published_at, latest_full_date_in_text, none)."""
    if published is not None:
        return published, "published_at"
    full = [m.end for m in find_dates(text, None) if m.kind in FULL_KINDS]
    if full:
        return max(full), "latest_full_date_in_text"
    return None, "none"
