"""Accuracy and speed of ``find_dates`` against dateparser's ``search_dates`` on the date test set.

Baseline: ``dateparser.search.search_dates`` (dateparser 1.5.0) with ``languages=['id']``,
``RELATIVE_BASE`` = the row's anchor, day-first order, first day of month/year for partial
dates, and both ``PREFER_DATES_FROM`` settings ('past', 'current_period'); the better of the
two is reported, so the baseline gets its best showing.

Scoring. ``find_dates`` is scored strictly: a row is correct when its list of (start, end)
pairs equals the expected list. dateparser returns single datetimes, so it is scored leniently:
a row is correct when every expected mention is covered and every date it found lies inside an
expected mention (no extra dates). A single day is covered by finding that day; a two-ended
range by finding both ends (at the precision they are written: day, month or year); a month,
year, part of one, or a week by finding any date inside it. A row expecting nothing is correct
when nothing is found.

Speed: both run over the same rows in the same process; the ratio is dateparser's time over
``find_dates``'s (find_dates is repeated to get a measurable time).

    python benchmarks/dates_vs_dateparser.py [--data DIR]

It also prints, for long real text, how much faster the project's scan (first-word look-ahead,
lower-cased text) is than the same grammar matched plainly, on three judgments.

Last line: ``accuracy_project=<a> accuracy_dateparser=<b> speedup=<x>``.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import json
import sys
import time
import warnings
from pathlib import Path

from analysis.clean.dates import find_dates

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "dates_testset.csv"


def load_rows(path: Path = GOLD) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["anchor_date"] = dt.date.fromisoformat(r["anchor"]) if r["anchor"] else None
        r["pairs"] = [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in json.loads(r["expected"])]
    return rows


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _is_unit(start: dt.date, end: dt.date) -> bool:
    """A month, a year, a third of either, or a week: one period rather than two written ends."""
    if (end - start).days in (1, 6) and end.weekday() == 6:
        return True
    if start.year == end.year and start.month == end.month:
        return (start.day, end.day) in {(1, 10), (11, 20), (21, _month_end(end).day), (1, _month_end(end).day)}
    if start.year == end.year and (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        return True
    thirds = {(1, 4), (5, 8), (9, 12)}
    if start.year == end.year and start.day == 1 and end == _month_end(end) and (start.month, end.month) in thirds:
        return True
    return False


def _same(found: dt.date, target: dt.date, precision: str) -> bool:
    if precision == "year":
        return found.year == target.year
    if precision == "month":
        return (found.year, found.month) == (target.year, target.month)
    return found == target


def _precision(start: dt.date, end: dt.date) -> str:
    if (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31):
        return "year"
    if start.day == 1 and end == _month_end(end):
        return "month"
    return "day"


def lenient_correct(found: list[dt.date], pairs: list[tuple[dt.date, dt.date]]) -> bool:
    """Row score for a tool that returns single dates (see the module docstring)."""
    for start, end in pairs:
        if start == end:
            ok = start in found
        elif _is_unit(start, end):
            ok = any(start <= f <= end for f in found)
        else:
            p = _precision(start, end)
            ok = any(_same(f, start, p) for f in found) and any(_same(f, end, p) for f in found)
        if not ok:
            return False
    return all(any(s <= f <= e or _same(f, s, _precision(s, e)) or _same(f, e, _precision(s, e))
                   for s, e in pairs) for f in found)


def run_project(rows: list[dict]) -> list[bool]:
    return [[(m.start, m.end) for m in find_dates(r["text"], r["anchor_date"])] == r["pairs"] for r in rows]


def run_dateparser(rows: list[dict], prefer: str) -> list[bool]:
    from dateparser.search import search_dates

    out = []
    for r in rows:
        settings = {"PREFER_DATES_FROM": prefer, "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                    "PREFER_MONTH_OF_YEAR": "first"}
        if r["anchor_date"] is not None:
            settings["RELATIVE_BASE"] = dt.datetime.combine(r["anchor_date"], dt.time(12, 0))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = search_dates(r["text"], languages=["id"], settings=settings) or []
            except Exception:          # a crash on a row counts as a wrong answer
                found = []
        out.append(lenient_correct([d.date() for _, d in found], r["pairs"]))
    return out


def court_text_ratio(data: Path | None, n_files: int = 3) -> float | None:
    """Time of the plain grammar (case-insensitive, no first-word look-ahead) over the time of
    ``find_dates``'s scan, on a few real judgments: what the two speed-ups buy on long text."""
    from analysis.clean.dates import _compile, _patterns

    folder = (data or Path(__file__).resolve().parents[2] / "shared" / "data") / "putusan_tppo"
    files = sorted(folder.glob("*.txt"))[:n_files]
    if not files:
        return None
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    plain, fast = _compile(guard=False, ignore_case=True), _patterns()[0]
    t0 = time.perf_counter()
    slow_spans = [[m.span() for m in plain.finditer(t)] for t in texts]
    t_plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    fast_spans = [[m.span() for m in fast.finditer(t.lower())] for t in texts]
    t_fast = time.perf_counter() - t0
    assert slow_spans == fast_spans, "the fast scan must find exactly what the plain grammar finds"
    return t_plain / t_fast


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="real-data folder (default ../shared/data)")
    args = ap.parse_args()
    rows = load_rows()
    repeats = 20
    t0 = time.perf_counter()
    for _ in range(repeats):
        project = run_project(rows)
    t_project = (time.perf_counter() - t0) / repeats

    best = None
    for prefer in ("past", "current_period"):
        t0 = time.perf_counter()
        baseline = run_dateparser(rows, prefer)
        elapsed = time.perf_counter() - t0
        acc = sum(baseline) / len(rows)
        print(f"dateparser PREFER_DATES_FROM={prefer}: accuracy={acc:.3f} ({sum(baseline)}/{len(rows)})")
        if best is None or acc > best[0]:
            best = (acc, elapsed, baseline)
    acc_dp, t_dp, baseline = best

    cats: dict[str, list[int]] = {}
    for r, ok_p, ok_d in zip(rows, project, baseline):
        c = cats.setdefault(r["category"], [0, 0, 0])
        c[0] += 1
        c[1] += ok_p
        c[2] += ok_d
    print(f"{'category':16s} {'rows':>4s} {'project':>8s} {'dateparser':>10s}")
    for name, (n, p, d) in sorted(cats.items()):
        print(f"{name:16s} {n:4d} {p:8d} {d:10d}")
    ratio = court_text_ratio(args.data)
    if ratio is not None:
        print(f"court_text_scan_speedup_vs_plain_grammar={ratio:.1f} (3 judgments, same run)")
    acc_project = sum(project) / len(rows)
    print(f"rows={len(rows)} time_ratio_dateparser_over_project={t_dp / t_project:.1f}")
    print(f"accuracy_project={acc_project:.3f} accuracy_dateparser={acc_dp:.3f} speedup={t_dp / t_project:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
