"""Find and resolve dates in Indonesian news and court text.

``find_dates(text, anchor)`` returns every date mention in text order, each resolved to a first
and a last day (equal for a single day). The anchor is the publication date of an article or
the decision date of a judgment: partial dates ("Selasa (10/12)") and relative ones ("kemarin",
"pekan lalu") are resolved against it, and skipped (never guessed) when it is None.

>>> import datetime as dt
>>> [(m.start.isoformat(), m.end.isoformat(), m.kind)
...  for m in find_dates("Rakor digelar pada Selasa (10/12).", dt.date(2024, 12, 11))]
[('2024-12-10', '2024-12-10', 'weekday_partial')]
>>> m = find_dates("periode 22 Oktober hingga 22 November 2024", None)[0]
>>> m.start, m.end, m.span
(datetime.date(2024, 10, 22), datetime.date(2024, 11, 22), (8, 42))

Rules, so that a reader can predict the answer:

* A part of a month is a third of it: ``awal`` = days 1-10, ``pertengahan``/``medio`` = 11-20,
  ``akhir``/``penghujung`` = 21 to the month's last day. A part of a year is a third of it by
  months: ``awal tahun`` = January-April, ``pertengahan tahun`` = May-August, ``akhir tahun`` =
  September-December.
* A date without a year takes the year (anchor's year, one before or one after) whose date is
  nearest the anchor, a date after the anchor counting double (news reports mostly the past).
  Candidates within 31 days of the best are a tie, broken by agreement with a written weekday.
  A month or a part of a year named without a year ("bulan Mei", "akhir tahun") likewise takes
  the one nearest the anchor (the one containing the anchor, if any).
* ``pekan lalu``/``minggu lalu`` is the previous Monday-Sunday week; ``bulan lalu`` and
  ``tahun lalu`` the previous calendar month and year; "N hari/pekan lalu" a single day N days
  (weeks) before the anchor; "N bulan/tahun lalu" the whole calendar month/year N before.
* A year alone needs a cue word ("tahun 2023", "sejak 2020", "pada 2023") and lies in
  1900-2099; a law's citation ("Nomor 21 Tahun 2007") is not a date.
* A month name needs a digit or a cue next to it ("Juni 2023", "bulan Juni", "5 Juni"): bare
  month words are also personal names. An impossible date (31 Februari) is skipped.
* A written range whose end comes before its start (a clerical slip) is read as its two dates.

Speed comes from one compiled alternation scanned once (``re.finditer``); each alternative is
named, and the name of the alternative that matched picks its resolver. A look-ahead on the
words a date can begin with, compiled as a trie, skips most positions of a long judgment, and
the grammar is matched case-sensitively against the lower-cased text (same offsets).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from dateutil.relativedelta import relativedelta

from analysis.clean.date_words import (
    MONTH_RE,
    MONTHS,
    NUMBER_WORDS_FIRST,
    WEEKDAYS,
    alternation,
    NUMBER_WORDS_RE,
    WEEKDAY_RE,
    month_number,
    weekday_number,
    words_to_number,
)

__all__ = ["DateMention", "find_dates", "mentions_table", "resolve_partial", "month_part", "year_part"]

KINDS = ("day", "range", "month", "year", "part_of_month", "part_of_year", "relative",
         "weekday_partial", "partial")


@dataclass(frozen=True)
class DateMention:
    """One date mention: the days it covers and where it sits in the text.

    ``start``/``end`` are the first and last day covered (equal for one day); ``span`` the
    character offsets ``(begin, end)`` into the text and ``text`` the matched string; ``time``
    and ``tz`` the clock time and Indonesian time zone (WIB/WITA/WIT) written with the date.
    ``kind`` is one of ``KINDS``: ``day`` (complete date), ``range`` (two written ends),
    ``month``, ``year``, ``part_of_month`` / ``part_of_year`` (awal/pertengahan/akhir),
    ``relative`` (kemarin, pekan lalu, 3 hari lalu), ``weekday_partial`` (a weekday with a day
    and month, "Selasa (10/12)") and ``partial`` (day and month only, "3 Desember"); the last
    three take their year or day from the anchor.

    >>> m = DateMention(dt.date(2024, 6, 1), dt.date(2024, 6, 30), (0, 9), "Juni 2024", "month")
    >>> m.days
    30
    """

    start: dt.date
    end: dt.date
    span: tuple[int, int]
    text: str
    kind: str
    time: dt.time | None = None
    tz: str | None = None

    @property
    def days(self) -> int:
        """Number of days covered, both ends included."""
        return (self.end - self.start).days + 1


class SkippedDate(NamedTuple):
    """Something written as a date that names no real day ("31 Februari 2024")."""

    span: tuple[int, int]
    text: str
    reason: str


# --------------------------------------------------------------------------------------------
# Resolution rules (pure functions of numbers and the anchor)
# --------------------------------------------------------------------------------------------

_FUTURE_WEIGHT = 2
_TIE_DAYS = 31


def _score(day: dt.date, anchor: dt.date) -> int:
    delta = (anchor - day).days
    return delta if delta >= 0 else -delta * _FUTURE_WEIGHT


def resolve_partial(day: int, month: int, anchor: dt.date, weekday: int | None = None) -> dt.date | None:
    """Date of day/month in the year (anchor's, one before, one after) nearest the anchor.

    Dates after the anchor count double; candidates within 31 days of the best are a tie that
    a written weekday (Monday = 0) breaks. None when the day does not exist in any candidate.

    >>> resolve_partial(31, 12, dt.date(2025, 1, 2))
    datetime.date(2024, 12, 31)
    >>> resolve_partial(10, 12, dt.date(2024, 12, 11), weekday=1)
    datetime.date(2024, 12, 10)
    >>> resolve_partial(29, 2, dt.date(2025, 3, 1))
    datetime.date(2024, 2, 29)
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    best = min(_score(c, anchor) for c in candidates)
    tied = [c for c in candidates if _score(c, anchor) <= best + _TIE_DAYS]
    return min(tied, key=lambda c: (weekday is not None and c.weekday() != weekday, _score(c, anchor)))


def _nearest_year(period: Callable[[int], tuple[dt.date, dt.date]], anchor: dt.date) -> int:
    """Year (anchor's, one before, one after) whose ``period(year)`` lies nearest the anchor:
    0 when the anchor falls inside it, later periods counting double."""
    def score(year: int) -> int:
        first, last = period(year)
        if first <= anchor <= last:
            return 0
        return (anchor - last).days if last < anchor else (first - anchor).days * _FUTURE_WEIGHT
    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=score)


def _resolve_month(month: int, anchor: dt.date) -> int:
    """Year of a month named without one: the month nearest the anchor (future counts double).

    >>> _resolve_month(12, dt.date(2025, 1, 15)), _resolve_month(1, dt.date(2025, 1, 15))
    (2024, 2025)
    """
    return _nearest_year(lambda year: month_span(year, month), anchor)


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _month_days(year, month))


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month.

    >>> month_span(2024, 2)
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    return dt.date(year, month, 1), _month_end(year, month)


_PARTS = {"awal": 0, "permulaan": 0, "pertengahan": 1, "medio": 1, "tengah": 1,
          "akhir": 2, "penghujung": 2, "ujung": 2}


def month_part(part: str, year: int, month: int) -> tuple[dt.date, dt.date]:
    """Days of a third of a month: awal 1-10, pertengahan 11-20, akhir 21 to the month's end.

    >>> month_part("akhir", 2024, 2)
    (datetime.date(2024, 2, 21), datetime.date(2024, 2, 29))
    >>> month_part("pertengahan", 2023, 11)
    (datetime.date(2023, 11, 11), datetime.date(2023, 11, 20))
    """
    third = _PARTS[part.lower()]
    first = 1 + 10 * third
    last = 10 * (third + 1) if third < 2 else _month_days(year, month)
    return dt.date(year, month, first), dt.date(year, month, last)


def year_part(part: str, year: int) -> tuple[dt.date, dt.date]:
    """Days of a third of a year: awal Jan-Apr, pertengahan May-Aug, akhir Sep-Dec.

    >>> year_part("awal", 2024)
    (datetime.date(2024, 1, 1), datetime.date(2024, 4, 30))
    """
    third = _PARTS[part.lower()]
    return dt.date(year, 1 + 4 * third, 1), _month_end(year, 4 + 4 * third)


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _year_ok(year: int) -> bool:
    return 1900 <= year <= 2099


# --------------------------------------------------------------------------------------------
# Grammar: one alternation, each alternative named; "@" in a group name is replaced by the
# alternative's name so that group names stay unique across the combined pattern.
# --------------------------------------------------------------------------------------------

_MON = MONTH_RE
_WD = WEEKDAY_RE
_NW = NUMBER_WORDS_RE
_YEAR = r"(?:19|20)\d\d(?![\d])"
_DAY = r"(?<!\d)(?<!\d[.,])\d{1,2}(?![\d])"
_GLOSS = r"(?:\s*\([^\W\d_][^()\d]{0,60}\))?"          # "7 (tujuh)", "2025 (dua ribu dua puluh lima)"
_SEP = r"(?:\s*[-\u2013\u2014]\s*|\s+(?:hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|s/d|sd|until|to)\s+)"
_TANGGAL = r"(?:(?:tanggal|tgl\.?)\s+)"
_TZ = r"(?:(?P<@tz>wita|wib|wit)(?![^\W\d_])|(?P<@tzw>waktu\s+indonesia\s+(?:bagian\s+)?(?:barat|tengah|timur)))"
_CLOCK = (r"(?:pukul|pkl\.?|jam)\s*(?:(?P<@hh>\d{1,2})(?:[.:](?P<@mm>\d\d))?(?!\d)|(?P<@hw>" + NUMBER_WORDS_RE
          + r")(?:\s+(?:lewat\s+)?(?P<@mw>" + NUMBER_WORDS_RE + r")\s+menit)?)(?:\s*" + _TZ + ")?")
_TIME = r"(?:\s*,?\s*(?:(?:sekira|sekitar|kurang\s+lebih|kira-kira)\s+)?" + _CLOCK + ")?"
# "Senin (10/6) kemarin", "2 Mei lalu": a trailing word that only repeats the date's tense.
_TENSE = r"(?:\s+(?:kemarin|lalu|silam|mendatang)(?![^\W\d_]))?"
_PREFIX = (r"(?:(?:hari\s+)?(?:ini\s*,?\s*)?(?P<@wd>" + _WD + r")\s*,?\s*)?" + _TANGGAL + "?")

_ALTERNATIVES: list[tuple[str, str]] = [
    # Ranges first, so that their first half is not taken as a date of its own.
    ("range_days", _TANGGAL + r"?(?P<@d1>" + _DAY + ")" + _GLOSS + r"\s*(?:bulan\s+)?(?P<@m1>" + _MON
     + r")(?:\s+(?:tahun\s+)?(?P<@y1>" + _YEAR + ")" + _GLOSS + ")?" + _SEP + _TANGGAL
     + r"?(?P<@d2>" + _DAY + ")" + _GLOSS + r"\s*(?:bulan\s+)?(?P<@m2>" + _MON
     + r")(?:\s+(?:tahun\s+)?(?P<@y2>" + _YEAR + ")" + _GLOSS + ")?"),
    ("range_numeric", _TANGGAL + r"?(?P<@d1>" + _DAY + r")(?P<@s1>[-/.])(?P<@m1>\d{1,2})(?P=@s1)(?P<@y1>"
     + _YEAR + ")" + _SEP + _TANGGAL + r"?(?P<@d2>" + _DAY + r")(?P<@s2>[-/.])(?P<@m2>\d{1,2})(?P=@s2)(?P<@y2>"
     + _YEAR + ")"),
    ("range_in_month", _TANGGAL + r"?(?P<@d1>" + _DAY + ")" + _SEP + r"(?P<@d2>" + _DAY + r")\s*(?:bulan\s+)?(?P<@m>"
     + _MON + r")(?:\s*(?:tahun\s+)?(?P<@y>" + _YEAR + "))?"),
    ("range_months", r"(?:bulan\s+)?(?P<@m1>" + _MON + r")(?:\s+(?:tahun\s+)?(?P<@y1>" + _YEAR + "))?" + _SEP
     + r"(?:bulan\s+)?(?P<@m2>" + _MON + r")\s*(?:tahun\s+)?(?P<@y2>" + _YEAR + ")"),
    ("range_years", r"(?:(?:tahun|periode|sejak|dari|antara|pada|sepanjang|selama|(?:kurun|rentang)(?:\s+waktu)?)"
     r"\s+(?:tahun\s+)?)(?P<@y1>" + _YEAR + ")" + _SEP
     + r"(?:tahun\s+)?(?P<@y2>" + _YEAR + ")"),
    # One day, written with a month name (digits or words), with digits only, or ISO.
    ("day_words", r"(?:(?:hari\s+)?(?:ini\s*,?\s*)?(?P<@wd>" + _WD + r")\s*,?\s*)?" + _TANGGAL
     + r"?(?P<@dw>" + _NW + r")\s+(?:bulan\s+)?(?P<@m>" + _MON + r")\s+(?:tahun\s+)?(?:(?P<@yd>" + _YEAR
     + ")|(?P<@yw>" + _NW + "))" + _TIME),
    ("day_text", _PREFIX + r"(?P<@d>" + _DAY + ")" + _GLOSS + r"\s*(?:-\s*)?(?:bulan\s+)?(?P<@m>" + _MON
     + r")(?:\s*(?:-\s*)?(?:tahun\s+)?(?P<@y>" + _YEAR + ")" + _GLOSS + ")?" + _TENSE + _TIME),
    ("day_iso", r"(?<![\d.,/-])(?P<@y>" + _YEAR + r")-(?P<@m>\d\d)-(?P<@d>\d\d)(?![\d])" + _TIME),
    ("day_numeric", _PREFIX + r"(?:\(\s*)?(?P<@d>" + _DAY + r")(?P<@s>[-/.])(?P<@m>\d{1,2})(?P=@s)(?P<@y>" + _YEAR
     + r")(?:\s*\))?" + _TENSE + _TIME),
    # Numbers that are not dates: law citations ("Nomor 21 Tahun 2007"), amounts, identifiers.
    ("skip", r"(?<![\w.,])(?:\d{1,4}\s+tahun\s+\d{4}|\d+(?:[.,]\d+){2,}|\d{5,})(?![\d])"),
    # "Selasa (10/12)", "(2/1)": a day and month whose year comes from the anchor.
    ("day_partial", r"(?:(?P<@wd>" + _WD + r")\s*,?\s*)?\(\s*(?P<@d>" + _DAY + r")/(?P<@m>\d{1,2})"
     r"(?:/(?P<@yy>\d\d))?\s*\)" + _TENSE + _TIME),
    ("part_of_month", r"(?P<@part>awal|permulaan|pertengahan|medio|tengah|akhir|penghujung|ujung)\s+"
     r"(?:(?:bulan\s+)?(?P<@m>" + _MON + r")(?:\s*(?:tahun\s+)?(?P<@y>" + _YEAR + "))?"
     r"|bulan\s+(?P<@rel>lalu|ini|depan))"),
    ("part_of_year", r"(?P<@part>awal|permulaan|pertengahan|medio|tengah|akhir|penghujung|ujung)\s+tahun(?![^\W\d_])"
     r"(?:\s+(?:(?P<@y>" + _YEAR + r")|(?P<@rel>lalu|ini|depan)(?![^\W\d_])))?"),
    ("part_of_year_bare", r"(?P<@part>awal|pertengahan|akhir)\s+(?P<@y>" + _YEAR + ")"),
    ("day_month_first", r"(?P<@m>" + _MON + r")\s+(?P<@d>" + _DAY + r")(?:st|nd|rd|th)?,\s*(?P<@y>" + _YEAR + ")"
     + _TIME),
    ("month_year", r"(?:bulan\s+)?(?P<@m>" + _MON + r")(?:(?:\s*[-/]\s*|\s+)(?:tahun\s+)?(?P<@y>" + _YEAR + ")"
     + _GLOSS + r"|\s+tahun\s+(?P<@yw>" + _NW + "))"),
    ("month_cued", r"(?:bulan\s+(?P<@m>" + _MON + r")|(?P<@m2>" + _MON + r")\s+(?P<@rel>lalu|kemarin|silam))"),
    ("year", r"(?:(?:tahun|thn\.?|sejak|pada|sepanjang|selama|hingga|sampai|periode|di|dalam|per|medio|"
     r"sekitar|sekira|akhir|awal)\s+(?:tahun\s+)?(?P<@y>" + _YEAR + r")(?!\s*[-/.]\s*\d)" + _GLOSS
     + r"|tahun\s+(?P<@yw>" + _NW + "))"),
    # Relative to the anchor.
    ("rel_ago", r"(?:(?P<@n>\d{1,3})\s*|(?P<@nw>" + _NW + r")\s+|(?P<@se>se))(?P<@unit>hari|pekan|minggu|bulan|tahun)"
     r"\s+(?:yang\s+)?(?:lalu|silam)(?![^\W\d_])" + _TIME),
    ("rel_period", r"(?P<@weekend>akhir\s+)?(?P<@unit>pekan|minggu|bulan|tahun)\s+(?P<@dir>lalu|kemarin|ini|depan)"
     r"(?![^\W\d_])"),
    ("rel_weekday", r"(?:hari\s+)?(?P<@wd>" + _WD + r")\s+(?P<@dir>lalu|kemarin|depan|mendatang)(?![^\W\d_])" + _TIME),
    ("rel_day", r"(?P<@word>kemarin\s+lusa|kemarin|hari\s+ini|besok|esok\s+hari|lusa)(?![^\W\d_])" + _TIME),
]


# The words a mention can begin with. Tried first, as one trie, they let the scan reject most
# positions of a long judgment after a character or two (benchmarks/dates_vs_dateparser.py
# prints the gain on real judgments).
_FIRST_WORDS = ["tanggal", "tgl", "hari", "bulan", "tahun", "thn", "sejak", "pada", "sepanjang", "selama",
                "hingga", "sampai", "periode", "di", "dalam", "per", "sekitar", "sekira", "dari", "antara",
                "kurun", "rentang",
                *_PARTS, "pekan", "minggu", "kemarin", "besok", "esok", "lusa",
                *MONTHS, *WEEKDAYS, *NUMBER_WORDS_FIRST]
_GUARD = (r"(?=[\d(]|se(?:hari|pekan|minggu|bulan|tahun)|(?:" + alternation(_FIRST_WORDS)
          + r")(?![^\W\d_]))")


def _compile(guard: bool = True, ranges: bool = True, ignore_case: bool = False) -> re.Pattern:
    """The grammar as one pattern. It is written in lower case and, by default, matched
    case-sensitively against the lower-cased text, which is about twice as fast as IGNORECASE."""
    parts = []
    for name, body in _ALTERNATIVES:
        if not ranges and name.startswith("range_"):
            continue
        body = body.replace("(?P<@", f"(?P<{name}_").replace("(?P=@", f"(?P={name}_")
        parts.append(f"(?P<{name}>{body})")
    # Only start at a word boundary: dates never begin inside a word.
    return re.compile(r"(?<![^\W_])" + (_GUARD if guard else "") + "(?:" + "|".join(parts) + ")",
                      re.IGNORECASE if ignore_case else 0)


@functools.cache
def _patterns(ignore_case: bool = False) -> tuple[re.Pattern, re.Pattern]:
    """The grammar, and the grammar without ranges: a written range whose end precedes its
    start (a clerical slip: "sejak tanggal 6 November 2024 sampai dengan tanggal 4 Januari
    2024") is read again as its separate dates. Compiled on first use."""
    return _compile(ignore_case=ignore_case), _compile(ranges=False, ignore_case=ignore_case)


# --------------------------------------------------------------------------------------------
# Resolvers: one per alternative, from the match to (start, end, kind); None when the date
# does not exist or needs an anchor that is missing; NOT_A_DATE when the words, read closely,
# are no date at all ("tahun dua": a year two).
# --------------------------------------------------------------------------------------------

NOT_A_DATE = "not a date"


class _Match:
    """Group access by short name within one alternative."""

    __slots__ = ("m", "p")

    def __init__(self, m: re.Match, prefix: str):
        self.m, self.p = m, prefix

    def __call__(self, key: str) -> str | None:
        name = f"{self.p}_{key}"
        return self.m.group(name) if name in self.m.re.groupindex else None

    def int(self, key: str) -> int | None:
        v = self(key)
        return int(v) if v is not None else None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _r_range_days(g: _Match, anchor):
    d1, d2 = g.int("d1"), g.int("d2")
    m1, m2 = month_number(g("m1")), month_number(g("m2"))
    y1, y2 = g.int("y1"), g.int("y2")
    if y2 is None:
        if y1 is not None:
            y2 = y1 + (m2 < m1)
        elif anchor is None:
            return None
        else:
            end = resolve_partial(d2, m2, anchor)
            if end is None:
                return None
            y2 = end.year
    if y1 is None:
        y1 = y2 - 1 if (m1, d1) > (m2, d2) else y2
    start, end = _day(y1, m1, d1), _day(y2, m2, d2)
    return (start, end, "range") if start and end and start <= end else None


def _r_range_numeric(g: _Match, anchor):
    start = _day(g.int("y1"), g.int("m1"), g.int("d1"))
    end = _day(g.int("y2"), g.int("m2"), g.int("d2"))
    return (start, end, "range") if start and end and start <= end else None


def _r_range_in_month(g: _Match, anchor):
    d1, d2, m, y = g.int("d1"), g.int("d2"), month_number(g("m")), g.int("y")
    if y is None:
        if anchor is None:
            return None
        end = resolve_partial(d2, m, anchor)
        if end is None:
            return None
        y = end.year
    start, end = _day(y, m, d1), _day(y, m, d2)
    return (start, end, "range") if start and end and start <= end else None


def _r_range_months(g: _Match, anchor):
    m1, m2, y2 = month_number(g("m1")), month_number(g("m2")), g.int("y2")
    y1 = g.int("y1") or (y2 - 1 if m1 > m2 else y2)
    start, end = dt.date(y1, m1, 1), _month_end(y2, m2)
    return (start, end, "range") if start <= end else None


def _r_range_years(g: _Match, anchor):
    y1, y2 = g.int("y1"), g.int("y2")
    return (dt.date(y1, 1, 1), dt.date(y2, 12, 31), "range") if y1 <= y2 else None


def _r_day_words(g: _Match, anchor):
    day = words_to_number(g("dw"))
    year = g.int("yd") if g("yd") else words_to_number(g("yw"))
    if day is None or year is None or not _year_ok(year):
        return NOT_A_DATE
    d = _day(year, month_number(g("m")), day)
    return (d, d, "day") if d else None


def _r_day_text(g: _Match, anchor):
    day, month, year = g.int("d"), month_number(g("m")), g.int("y")
    if year is not None:
        d = _day(year, month, day)
        return (d, d, "day") if d else None
    if anchor is None:
        return None
    wd = g("wd")
    d = resolve_partial(day, month, anchor, weekday_number(wd) if wd else None)
    return (d, d, "weekday_partial" if wd else "partial") if d else None


def _r_day_full(g: _Match, anchor):
    d = _day(g.int("y"), g.int("m"), g.int("d"))
    return (d, d, "day") if d else None


def _r_day_month_first(g: _Match, anchor):
    d = _day(g.int("y"), month_number(g("m")), g.int("d"))
    return (d, d, "day") if d else None


def _r_day_partial(g: _Match, anchor):
    if g("yy"):        # "(10/12/24)": a two-digit year is read as 20yy
        d = _day(2000 + g.int("yy"), g.int("m"), g.int("d"))
        return (d, d, "day") if d else None
    if anchor is None:
        return None
    wd = g("wd")
    d = resolve_partial(g.int("d"), g.int("m"), anchor, weekday_number(wd) if wd else None)
    return (d, d, "weekday_partial") if d else None


def _relative_month(rel: str, anchor: dt.date) -> tuple[int, int]:
    shift = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[rel.lower()]
    d = anchor.replace(day=1) + relativedelta(months=shift)
    return d.year, d.month


def _relative_year(rel: str, anchor: dt.date) -> int:
    return anchor.year + {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[rel.lower()]


def _r_part_of_month(g: _Match, anchor):
    if g("rel"):
        if anchor is None:
            return None
        year, month = _relative_month(g("rel"), anchor)
    else:
        month, year = month_number(g("m")), g.int("y")
        if year is None:
            if anchor is None:
                return None
            year = _resolve_month(month, anchor)
    start, end = month_part(g("part"), year, month)
    return start, end, "part_of_month"


def _r_part_of_year(g: _Match, anchor):
    part = g("part")
    if g("y"):
        year = g.int("y")
    elif anchor is None:
        return None
    elif g("rel"):
        year = _relative_year(g("rel"), anchor)
    else:       # "awal tahun" alone: the nearest such third of a year
        year = _nearest_year(lambda y: year_part(part, y), anchor)
    start, end = year_part(part, year)
    return start, end, "part_of_year"


def _year_of(g: _Match) -> int | None:
    """The year written in digits (group y) or in words (group yw), if plausible."""
    year = g.int("y") if g("y") else words_to_number(g("yw") or "")
    return year if year is not None and _year_ok(year) else None


def _r_month_year(g: _Match, anchor):
    year = _year_of(g)
    if year is None:
        return NOT_A_DATE
    start, end = month_span(year, month_number(g("m")))
    return start, end, "month"


def _r_month_cued(g: _Match, anchor):
    if anchor is None:
        return None
    if g("m"):
        month = month_number(g("m"))
        year = _resolve_month(month, anchor)
    else:
        month = month_number(g("m2"))
        year = anchor.year if month < anchor.month else anchor.year - 1
    start, end = month_span(year, month)
    return start, end, "month"


def _r_year(g: _Match, anchor):
    y = _year_of(g)
    return NOT_A_DATE if y is None else (dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def _r_rel_ago(g: _Match, anchor):
    n = g.int("n") if g("n") else (1 if g("se") else words_to_number(g("nw")))
    if n is None or n > 5000:
        return NOT_A_DATE
    if anchor is None:
        return None
    unit = g("unit").lower()
    try:
        if unit == "hari":
            d = anchor - dt.timedelta(days=n)
            return d, d, "relative"
        if unit in ("pekan", "minggu"):
            d = anchor - dt.timedelta(weeks=n)
            return d, d, "relative"
        if unit == "bulan":
            first = anchor.replace(day=1) - relativedelta(months=n)
            return first, _month_end(first.year, first.month), "relative"
        year = anchor.year - n
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "relative"
    except (ValueError, OverflowError):
        return None


def _r_rel_weekday(g: _Match, anchor):
    if anchor is None:
        return None
    wd = weekday_number(g("wd"))
    if g("dir").lower() in ("lalu", "kemarin"):
        d = anchor - dt.timedelta(days=(anchor.weekday() - wd - 1) % 7 + 1)
    else:
        d = anchor + dt.timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)
    return d, d, "relative"


def _r_rel_period(g: _Match, anchor):
    if anchor is None:
        return None
    unit, direction = g("unit").lower(), g("dir").lower()
    shift = {"lalu": -1, "kemarin": -1, "ini": 0, "depan": 1}[direction]
    if unit in ("pekan", "minggu"):
        start, end = _week_of(anchor + dt.timedelta(weeks=shift))
        if g("weekend"):
            start = end - dt.timedelta(days=1)
        return start, end, "relative"
    if g("weekend"):
        return None
    if unit == "bulan":
        year, month = _relative_month(direction, anchor)
        start, end = month_span(year, month)
        return start, end, "relative"
    year = _relative_year(direction, anchor)
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "relative"


_REL_DAY = {"kemarin lusa": -2, "kemarin": -1, "hari ini": 0, "besok": 1, "esok hari": 1, "lusa": 2}


def _r_rel_day(g: _Match, anchor):
    if anchor is None:
        return None
    d = anchor + dt.timedelta(days=_REL_DAY[" ".join(g("word").lower().split())])
    return d, d, "relative"


_RESOLVERS: dict[str, Callable] = {
    "range_days": _r_range_days, "range_numeric": _r_range_numeric,
    "range_in_month": _r_range_in_month, "range_months": _r_range_months,
    "range_years": _r_range_years, "day_words": _r_day_words, "day_text": _r_day_text,
    "day_iso": _r_day_full, "day_numeric": _r_day_full, "day_month_first": _r_day_month_first,
    "day_partial": _r_day_partial,
    "part_of_month": _r_part_of_month, "part_of_year": _r_part_of_year,
    "part_of_year_bare": _r_part_of_year, "month_year": _r_month_year,
    "month_cued": _r_month_cued, "year": _r_year, "rel_ago": _r_rel_ago,
    "rel_weekday": _r_rel_weekday, "rel_period": _r_rel_period, "rel_day": _r_rel_day,
}

_TZ_WORDS = {"barat": "WIB", "tengah": "WITA", "timur": "WIT"}
# A clock written just before a one-day date: "pukul 10.00 WIB, Selasa (4/6)".
_LEADING_CLOCK = re.compile(r"(?<![^\W_])" + _CLOCK.replace("(?P<@", "(?P<lead_")
                            + r"\s*,?\s*(?:pada\s+)?\Z")
# Cue words kept out of a year mention's span: "pada 2023" is the year 2023, not "pada".
_YEAR_CUE = re.compile(r"(?!tahun|thn)[^\W\d_]+\s+", re.IGNORECASE)


def _clock(g: _Match) -> tuple[dt.time | None, str | None]:
    """Clock time and zone written after a date: "pukul 14.30 WIB", or in words as courts
    write it, "pukul tiga belas lewat empat puluh menit Waktu Indonesia Barat"."""
    if g("hh") is not None:
        hour, minute = int(g("hh")), int(g("mm") or 0)
    elif g("hw") is not None:
        hour, minute = words_to_number(g("hw")), words_to_number(g("mw")) if g("mw") else 0
        if hour is None or minute is None:
            return None, None
    else:
        return None, None
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None, None
    tz = g("tz")
    if tz:
        tz = tz.upper()
    elif g("tzw"):
        tz = _TZ_WORDS[g("tzw").split()[-1].lower()]
    return dt.time(hour, minute), tz


def _as_date(anchor) -> dt.date | None:
    if anchor is None:
        return None
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date):
        return anchor
    if hasattr(anchor, "date") and callable(anchor.date):   # pandas.Timestamp
        return anchor.date()
    raise TypeError(f"anchor must be a datetime.date or None, not {type(anchor).__name__}")


def find_dates(text: str, anchor: dt.date | None = None) -> list[DateMention]:
    """Date mentions in ``text``, in text order, resolved against ``anchor`` (publication date).

    Mentions that need the anchor (partial and relative dates) are skipped when it is None;
    impossible dates are skipped. Spans never overlap.

    >>> [(m.text, str(m.start), str(m.end)) for m in find_dates(
    ...     "Demikian diputuskan pada hari Senin, tanggal 12 Mei 2025 oleh kami")]
    [('hari Senin, tanggal 12 Mei 2025', '2025-05-12', '2025-05-12')]
    >>> m = find_dates("pada tanggal dua puluh dua bulan Oktober tahun dua ribu dua puluh empat")[0]
    >>> m.start
    datetime.date(2024, 10, 22)
    >>> m = find_dates("kemarin pukul 14.30 WIB", dt.date(2025, 1, 2))[0]
    >>> m.start, m.time, m.tz
    (datetime.date(2025, 1, 1), datetime.time(14, 30), 'WIB')
    >>> find_dates("31 Februari 2024") == []
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return [m for m in _scan(text, _as_date(anchor)) if isinstance(m, DateMention)]


def _scan(text: str, anchor: dt.date | None):
    folded = text.lower()
    if len(folded) == len(text):
        return _mentions(*_patterns(), folded, text, 0, len(text), anchor)
    # The rare text whose lower-case form is longer (a dotted capital I) is matched as written.
    return _mentions(*_patterns(ignore_case=True), text, text, 0, len(text), anchor)


_ANY_ANCHOR = dt.date(2000, 6, 15)


def _resolves_without_anchor_only(name: str, g: _Match) -> bool:
    """True when a mention skipped for want of an anchor would not resolve with one either."""
    try:
        return _RESOLVERS[name](g, _ANY_ANCHOR) in (None, NOT_A_DATE)
    except (ValueError, OverflowError):
        return True


def _mentions(pattern: re.Pattern, fallback: re.Pattern, folded: str, text: str, pos: int, endpos: int,
              anchor: dt.date | None):
    """Mentions matched by ``pattern`` in ``folded`` (text in lower case, same offsets), with
    spans and strings taken from the original ``text``."""
    last = pos
    for m in pattern.finditer(folded, pos, endpos):
        name = m.lastgroup
        if name == "skip":
            continue
        g = _Match(m, name)
        try:
            resolved = _RESOLVERS[name](g, anchor)
        except (ValueError, OverflowError):
            resolved = None
        if resolved is NOT_A_DATE:
            continue
        if resolved is None:
            if name.startswith("range_"):
                yield from _mentions(fallback, fallback, folded, text, m.start(), m.end(), anchor)
            elif anchor is not None or _resolves_without_anchor_only(name, g):
                yield SkippedDate(m.span(), text[m.start():m.end()], "impossible date")
            continue
        start, end, kind = resolved
        begin, stop = m.span()
        if name == "year":
            cue = _YEAR_CUE.match(text, begin, stop)
            if cue:
                begin = cue.end()
        matched = text[begin:stop]
        stop -= len(matched) - len(matched.rstrip(" \t\r\n,"))
        time, tz = _clock(g) if f"{name}_hh" in m.re.groupindex else (None, None)
        if time is None and start == end:
            lead = _LEADING_CLOCK.search(folded, max(last, begin - 60), begin)
            if lead:
                time, tz = _clock(_Match(lead, "lead"))
                begin = lead.start() if time is not None else begin
        last = stop
        yield DateMention(start, end, (begin, stop), text[begin:stop], kind, time, tz)


MENTION_COLUMNS = ["start", "end", "kind", "text", "span_begin", "span_end", "time", "tz"]


def mentions_table(docs: "pd.DataFrame", *, id_column: str = "doc_id", text_column: str = "text",
                   anchor_column: str | None = "anchor") -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """Date mentions of every document in a table: one row per mention, and the rejects.

    ``docs`` has an id, a text and (optionally) an anchor column (date, Timestamp or missing).
    A row whose text is missing or not a string becomes a ``rejects`` row (stage ``clean``)
    instead of vanishing, so that used + rejected = read; so does each written date that names
    no real day (stage ``parse``, reason ``impossible date``, detail: the string and its span).

    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Rabu (11/12) dan 22 Okt 2024"],
    ...                      "anchor": [pd.Timestamp("2024-12-12")]})
    >>> mentions, rejects = mentions_table(docs)
    >>> mentions[["doc_id", "start", "kind"]].values.tolist()
    [['a', datetime.date(2024, 12, 11), 'weekday_partial'], ['a', datetime.date(2024, 10, 22), 'day']]
    >>> len(rejects)
    0
    """
    import pandas as pd

    rows, rejects = [], []
    anchors = docs[anchor_column] if anchor_column and anchor_column in docs else [None] * len(docs)
    for doc_id, text, anchor in zip(docs[id_column], docs[text_column], anchors):
        if not isinstance(text, str):
            rejects.append({"source": str(doc_id), "stage": "clean", "reason": "text missing or not a string",
                            "detail": f"find_dates got {type(text).__name__}"})
            continue
        anchor = None if anchor is None or pd.isna(anchor) else _as_date(anchor)
        for m in _scan(text, anchor):
            if isinstance(m, SkippedDate):
                rejects.append({"source": str(doc_id), "stage": "parse", "reason": m.reason,
                                "detail": f"{m.text!r} at {m.span[0]}-{m.span[1]}"})
                continue
            rows.append({id_column: doc_id, "start": m.start, "end": m.end, "kind": m.kind, "text": m.text,
                         "span_begin": m.span[0], "span_end": m.span[1], "time": m.time, "tz": m.tz})
    mentions = pd.DataFrame(rows, columns=[id_column, *MENTION_COLUMNS])
    return mentions, pd.DataFrame(rejects, columns=["source", "stage", "reason", "detail"])
