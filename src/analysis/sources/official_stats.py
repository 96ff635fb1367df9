"""Official trafficking and migrant-worker figures, typed from public reports, as tidy tables.

One reader per file under ``official_stats/`` (police case counts, the 2023 task-force
cumulative snapshots, BP2MI complaints and placements, East Java placements per regency),
each returning rows that keep their ``source_url`` and note. Reported periods are written
many ways ("2023", "2021-08", "2023-01..2023-04", "2023-01-01..2023-12-20", "2024-02?",
"2023 (to mid-June)"); :func:`parse_period` reads them all into a start and inclusive end,
and anything it cannot read becomes a ``rejects`` row rather than vanishing.

The task-force file reports running totals; :func:`satgas_increments` turns them into the
counts added between reports, each with the days it covers. Where two outlets print different
figures for the same report, both are kept, as separate chains.

>>> parse_period("2023-01..2023-04")
Period(start=Timestamp('2023-01-01 00:00:00'), end=Timestamp('2023-04-30 00:00:00'), freq='irregular', flag=None)
>>> parse_period("2024-02?").flag
'uncertain period'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import numpy as np
import pandas as pd

OFFICIAL_DIR = "official_stats"
LONG_FILES = {
    "polri_tppo_counts.csv": "polri",
    "bp2mi_pengaduan_long.csv": "bp2mi_pengaduan",
    "bp2mi_penempatan_long.csv": "bp2mi_penempatan",
}
SATGAS_FILE = "satgas_tppo_2023_cumulative.csv"
JATIM_FILE = "bp2mi_jatim_2011_2025_final.csv"
SATGAS_START = pd.Timestamp("2023-06-05")   # the police task force (Satgas TPPO) began work on 5 June 2023
SATGAS_METRICS = ["laporan_polisi", "tersangka", "korban_total", "korban_perempuan_dewasa",
                  "korban_perempuan_anak", "korban_laki_dewasa", "korban_laki_anak", "modus_pmi_prt",
                  "modus_psk", "modus_abk", "modus_eksploitasi_anak"]

FIGURE_COLUMNS = ["source_file", "row", "metric", "category", "source_unit", "period_text", "period_start",
                  "period_end", "period_freq", "value", "source_url", "note", "flag"]
REJECT_COLUMNS = ["source", "stage", "reason", "detail"]

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"], 1)}
_POINT = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_TO_MID = re.compile(r"^(\d{4})\s*\(to mid-([A-Za-z]+)\)$")


class Period(NamedTuple):
    """A reported period: first day, last day (inclusive), its kind and a caveat if any."""

    start: pd.Timestamp
    end: pd.Timestamp
    freq: str            # "Y", "M", "D" for one calendar unit; "irregular" for any other span
    flag: str | None


def _point(text: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    m = _POINT.match(text.strip())
    if not m:
        raise ValueError(f"not a date, month or year: {text!r}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if not 1900 <= y <= 2100:
        raise ValueError(f"year out of range: {text!r}")
    try:
        if mo is None:
            return pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31), "Y"
        start = pd.Timestamp(y, int(mo), 1)
        if d is None:
            return start, start + pd.offsets.MonthEnd(0), "M"
        day = pd.Timestamp(y, int(mo), int(d))
        return day, day, "D"
    except ValueError as exc:
        raise ValueError(f"impossible date {text!r}: {exc}") from None


def parse_period(text) -> Period:
    """Read a reported period; raise ``ValueError`` naming the text when it cannot be read.

    >>> p = parse_period("2023 (to mid-June)"); (str(p.end.date()), p.freq, p.flag)
    ('2023-06-15', 'irregular', 'approximate end')
    >>> parse_period("2021").freq, parse_period("2021-08").freq, parse_period("2023-06-05").freq
    ('Y', 'M', 'D')
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty period")
    s = text.strip()
    flag = None
    if s.endswith("?"):
        s, flag = s[:-1].strip(), "uncertain period"
    m = _TO_MID.match(s)
    if m:
        month = _MONTHS.get(m.group(2).lower())
        if month is None:
            raise ValueError(f"unknown month in {text!r}")
        return Period(pd.Timestamp(int(m.group(1)), 1, 1), pd.Timestamp(int(m.group(1)), month, 15),
                      "irregular", "approximate end")
    if ".." in s:
        a, _, b = s.partition("..")
        start, _, _ = _point(a)
        _, end, _ = _point(b)
        if end < start:
            raise ValueError(f"period ends before it starts: {text!r}")
        return Period(start, end, "irregular", flag)
    start, end, freq = _point(s)
    return Period(start, end, freq, flag)


def outlet(url) -> str:
    """The web site a figure was reported by (host without ``www.``/``amp`` prefixes).

    >>> outlet("https://www.viva.co.id/berita/x")
    'viva.co.id'
    """
    if not isinstance(url, str) or not url:
        return "unknown"
    host = urlparse(url).hostname or "unknown"
    return re.sub(r"^(www\.|amp\.|m\.)", "", host)


def _rejects(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=REJECT_COLUMNS)


def read_long_figures(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read one ``period,metric,[category|source_unit],value,source_url,note`` file.

    Returns ``(figures, rejects)``; every data row ends up in exactly one of them.
    """
    path = Path(path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        return pd.DataFrame(columns=FIGURE_COLUMNS), _rejects([{"source": str(path), "stage": "read",
                                                                 "reason": "unreadable file", "detail": str(exc)}])
    missing = {"period", "metric", "value"} - set(raw.columns)
    if missing:
        return pd.DataFrame(columns=FIGURE_COLUMNS), _rejects([{"source": str(path), "stage": "parse",
                                                                 "reason": "missing columns", "detail": ", ".join(sorted(missing))}])
    out, rej = [], []
    for i, r in raw.iterrows():
        where = f"{path.name}:{i + 2}"
        try:
            p = parse_period(r["period"])
        except ValueError as exc:
            rej.append({"source": where, "stage": "parse", "reason": "unreadable period", "detail": str(exc)})
            continue
        value = pd.to_numeric(r["value"].replace(",", ""), errors="coerce") if r["value"] else np.nan
        if pd.isna(value):
            rej.append({"source": where, "stage": "parse", "reason": "non-numeric value", "detail": r["value"]})
            continue
        out.append({"source_file": path.name, "row": i + 2, "metric": r["metric"],
                    "category": r.get("category") or None, "source_unit": r.get("source_unit") or None,
                    "period_text": r["period"], "period_start": p.start, "period_end": p.end,
                    "period_freq": p.freq, "value": float(value), "source_url": r.get("source_url") or None,
                    "note": r.get("note") or None, "flag": p.flag})
    return pd.DataFrame(out, columns=FIGURE_COLUMNS), _rejects(rej)


def read_jatim(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """East Java placements per regency and year, long; blank cells are kept as not observed.

    The file is a third party's extraction from PDFs: the ``avg_*``/``n_years`` columns are its
    own derivations and are left out; 2025 is a partial year and flagged so.
    """
    path = Path(path)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    years = [c for c in raw.columns if re.fullmatch(r"\d{4}", c)]
    last = max(years)
    out, rej = [], []
    for i, r in raw.iterrows():
        for y in years:
            cell = r[y].strip()
            value = pd.to_numeric(cell, errors="coerce") if cell else np.nan
            if cell and pd.isna(value):
                rej.append({"source": f"{path.name}:{i + 2}:{y}", "stage": "parse",
                            "reason": "non-numeric value", "detail": cell})
                continue
            out.append({"source_file": path.name, "row": i + 2, "metric": "penempatan_kabupaten",
                        "category": r["nama_resmi"], "source_unit": "BP2MI (third-party PDF extraction)",
                        "period_text": y, "period_start": pd.Timestamp(int(y), 1, 1),
                        "period_end": pd.Timestamp(int(y), 12, 31), "period_freq": "Y",
                        "value": float(value) if cell else np.nan, "source_url": None,
                        "note": None if cell else "blank in source",
                        "flag": "partial year" if y == last else None})
    return pd.DataFrame(out, columns=FIGURE_COLUMNS), _rejects(rej)


def read_satgas(path: str | Path) -> pd.DataFrame:
    """The task force's cumulative snapshots as printed (one row per outlet report)."""
    df = pd.read_csv(path, dtype={"source_url": str, "note": str})
    for c in ("report_date", "period_start", "period_end"):
        df[c] = pd.to_datetime(df[c], errors="coerce")
    df.insert(0, "row", np.arange(2, len(df) + 2))
    df["outlet"] = df["source_url"].map(outlet)
    return df


def satgas_increments(snapshots: pd.DataFrame, metrics: list[str] | None = None) -> pd.DataFrame:
    """Turn cumulative snapshots into the increments between consecutive reports.

    Each increment covers the days after the previous report's ``period_end`` up to this
    report's; the first covers the task force's whole start. Where the ``period_end`` is not
    printed, the day before the report date is assumed (and flagged). When outlets disagree on
    a report's figure, one chain is built per disagreeing outlet (``chain`` names it), so each
    chain's increments sum back to its last cumulative figure. A falling total gives a
    negative increment, flagged as a revision.

    >>> snap = pd.DataFrame({"report_date": pd.to_datetime(["2023-06-12", "2023-06-20", "2023-06-20"]),
    ...     "period_start": pd.to_datetime(["2023-06-05"] * 3), "period_end": pd.to_datetime(["2023-06-11", "2023-06-19", "2023-06-19"]),
    ...     "korban_total": [824, 1528, 1582], "outlet": ["a", "b", "c"], "source_url": ["u1", "u2", "u3"]})
    >>> inc = satgas_increments(snap, ["korban_total"])
    >>> inc.groupby("chain")["increment"].sum().to_dict()
    {'b': 1528.0, 'c': 1582.0}
    """
    metrics = metrics or [m for m in SATGAS_METRICS if m in snapshots.columns]
    rows = []
    for metric in metrics:
        sub = snapshots.loc[snapshots[metric].notna()].sort_values("report_date", kind="stable")
        if sub.empty:
            continue
        per_date = sub.groupby("report_date", sort=True)
        disputed = [d for d, g in per_date if g[metric].nunique() > 1]
        base = per_date.head(1).set_index("report_date")
        chains: list[tuple[str, pd.DataFrame]] = []
        if not disputed:
            chains.append(("all", base))
        else:
            for d in disputed:
                for _, alt in sub.loc[sub.report_date == d].drop_duplicates(metric).iterrows():
                    chain = base.copy()
                    chain.loc[d] = alt[chain.columns]
                    chains.append((alt["outlet"], chain))
        for label, chain in chains:
            prev_end = None
            prev_cum = 0.0
            for rdate, r in chain.sort_index().iterrows():
                end, flags = r["period_end"], []
                if pd.isna(end):
                    end = rdate - pd.Timedelta(days=1)
                    flags.append("period end not printed; day before report assumed")
                start = r["period_start"] if prev_end is None else prev_end + pd.Timedelta(days=1)
                if pd.isna(start):
                    start = SATGAS_START
                cum = float(r[metric])
                inc = cum - prev_cum
                if inc < 0:
                    flags.append("cumulative figure fell: revision")
                if d_in := [d for d in disputed if d == rdate]:
                    flags.append(f"outlets disagree on the {d_in[0].date()} figure")
                rows.append({"metric": metric, "chain": label, "report_date": rdate, "period_start": start,
                             "period_end": end, "n_days": int((end - start).days) + 1, "cumulative": cum,
                             "increment": inc, "source_url": r["source_url"], "outlet": r["outlet"],
                             "flag": "; ".join(flags) or None})
                prev_end, prev_cum = end, cum
    return pd.DataFrame(rows, columns=["metric", "chain", "report_date", "period_start", "period_end", "n_days",
                                       "cumulative", "increment", "source_url", "outlet", "flag"])


def load_official_stats(data_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every official-figures file under ``data_dir/official_stats``.

    Returns ``figures`` (tidy reported figures from the long and East Java files),
    ``satgas`` (snapshots as printed), ``satgas_increments`` and ``rejects``.
    """
    base = Path(data_dir) / OFFICIAL_DIR
    if not base.is_dir():
        raise FileNotFoundError(f"no official_stats folder under {data_dir}")
    figs, rejs = [], []
    for name in LONG_FILES:
        f, r = read_long_figures(base / name)
        figs.append(f)
        rejs.append(r)
    f, r = read_jatim(base / JATIM_FILE)
    figs.append(f)
    rejs.append(r)
    snaps = read_satgas(base / SATGAS_FILE)
    figures = pd.concat([x for x in figs if not x.empty], ignore_index=True)
    rejects = pd.concat([x for x in rejs if not x.empty] or [_rejects([])], ignore_index=True)
    return {"figures": figures, "satgas": snaps, "satgas_increments": satgas_increments(snaps), "rejects": rejects}
