"""Count series from the ``cases`` table (one row per court decision).

Decisions are counted by decision date, and by offence date where the table carries one
(:data:`OFFENCE_DATE_COLUMNS`), monthly, quarterly and yearly, in total and by court,
destination country, province and modus where those columns exist; without a ``province``
column, the province of the court's seat is used (:mod:`analysis.extract.courts`). Duplicates
(``duplicate_of`` set) are left out; undated decisions cannot be placed in time; both are
counted in the coverage so that used + left out = read.

Caveats carried in every note: a decision is dated months or years after the offence, and the
corpus holds what the crawler collected from the Supreme Court directory, not every decision.

>>> cases = pd.DataFrame({"case_id": ["1", "2", "3"], "court": ["PN A", "PN B", "PN A"],
...     "decision_date": pd.to_datetime(["2024-01-05", "2024-03-01", None]),
...     "destination_countries": [["Malaysia"], [], ["Malaysia", "Cambodia"]],
...     "is_migrant_worker_case": [True, False, True], "duplicate_of": [None, None, None]})
>>> s, (read, used) = case_series(cases, freqs=("M",))
>>> (read, used)
(3, 2)
>>> s.loc[s.series_id == "cases/decisions_by_decision_date/M", "count"].tolist()
[1.0, 0.0, 1.0]
"""

from __future__ import annotations

import pandas as pd

from analysis.extract.courts import court_province
from analysis.timeseries.series import mark_edges, period_counts, tidy

OFFENCE_DATE_COLUMNS = ("offence_date", "offense_date", "offence_start", "tempus_delicti", "crime_date")
GROUP_COLUMNS = {"court": "court", "destination": "destination_countries", "province": "province",
                 "modus": "modus"}
NOTE = ("court decisions (district courts, Direktori Putusan Mahkamah Agung) as collected by the crawler, "
        "{first} to {last}: counts show what was collected, not every decision; a period inside this window "
        "with no decision is 0; decisions are dated months to years after the offence")


def case_series(cases: pd.DataFrame, freqs=("M", "Q", "Y")) -> tuple[pd.DataFrame, tuple[int, int]]:
    """Series from ``cases``; returns ``(series rows, (records read, records used))``."""
    read = len(cases)
    kept = cases
    if "duplicate_of" in cases:
        kept = cases.loc[cases["duplicate_of"].isna()]
    province_note = ""
    if "province" not in kept.columns and "court" in kept.columns:
        kept = kept.assign(province=kept["court"].map(court_province))
        province_note = ("; province is that of the court's seat (where the case was tried), "
                         "from analysis.extract.courts")
    date_cols = ["decision_date"] + [c for c in OFFENCE_DATE_COLUMNS if c in kept.columns]
    used = int(pd.to_datetime(kept["decision_date"], errors="coerce").notna().sum())
    subsets = {"decisions": kept}
    if "is_migrant_worker_case" in kept:
        subsets["migrant_worker_decisions"] = kept.loc[kept["is_migrant_worker_case"].fillna(False).astype(bool)]
    parts = []
    for date_col in date_cols:
        dated = kept.assign(_d=pd.to_datetime(kept[date_col], errors="coerce"))
        if dated["_d"].notna().sum() == 0:
            continue
        window_dates = (dated["_d"].min(), dated["_d"].max())
        basis = "decision_date" if date_col == "decision_date" else "offence_date"
        note = NOTE.format(first=window_dates[0].date(), last=window_dates[1].date()) + province_note
        if basis == "offence_date":
            note += f"; dated by {date_col} where the decision states it"
        for label, sub in subsets.items():
            sub = sub.assign(_d=pd.to_datetime(sub[date_col], errors="coerce"))
            measure = f"{label}_by_{basis}"
            for freq in freqs:
                window = (window_dates[0], window_dates[1])
                parts.append(tidy(period_counts(sub, "_d", freq, window=window), source="cases",
                                  measure=measure, freq=freq, coverage_note=note))
                for kind, col in GROUP_COLUMNS.items():
                    if col in sub.columns:
                        c = period_counts(sub, "_d", freq, group_col=col, window=window)
                        parts.append(tidy(c, source="cases", measure=measure, freq=freq, group_kind=kind,
                                          coverage_note=note))
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return mark_edges(out) if len(out) else out, (read, used)
