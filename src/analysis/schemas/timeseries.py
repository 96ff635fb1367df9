"""Time-series tables: ``series`` (tidy counts: one row per series and period) and
``series_coverage`` (one row per series: its window, observed periods and coverage note).

``count`` null means the period was not observed (the source reported nothing for it);
0 means it was observed and nothing happened. ``freq`` ``irregular`` marks reported spans that
are not calendar units (e.g. task-force increments), described by ``period_start``/``period_end``.
"""

import pandera.pandas as pa

from analysis.schemas import register

FREQS = ["M", "Q", "Y", "W", "D", "irregular"]

series = register("series", pa.DataFrameSchema(
    {
        "series_id": pa.Column(str),
        "source": pa.Column(str),
        "measure": pa.Column(str, required=False),
        "freq": pa.Column(str, pa.Check.isin(FREQS)),
        "group_kind": pa.Column(str, required=False),
        "group": pa.Column(str, required=False),
        "period_start": pa.Column("datetime64[ns]"),
        "period_end": pa.Column("datetime64[ns]", required=False),
        "count": pa.Column("Float64", nullable=True),   # null = missing period, 0 = true zero
        "is_observed": pa.Column(bool, required=False),
        "flag": pa.Column(str, nullable=True, required=False),
        "source_url": pa.Column(str, nullable=True, required=False),
        "coverage_note": pa.Column(str, required=False),
    },
    checks=[pa.Check(lambda df: ~(df["is_observed"] & df["count"].isna()) if "is_observed" in df else True,
                     name="observed_periods_have_a_count")],
    unique=["series_id", "period_start", "period_end"],
    strict=False,
    coerce=True,
))

series_coverage = register("series_coverage", pa.DataFrameSchema(
    {
        "series_id": pa.Column(str, unique=True),
        "source": pa.Column(str),
        "freq": pa.Column(str, pa.Check.isin(FREQS)),
        "first_period": pa.Column("datetime64[ns]"),
        "last_period": pa.Column("datetime64[ns]"),
        "n_periods": pa.Column("Int64", pa.Check.ge(1)),
        "n_observed": pa.Column("Int64", pa.Check.ge(0)),
        "n_zero": pa.Column("Int64", pa.Check.ge(0)),
        "n_records_read": pa.Column("Int64", nullable=True),
        "n_records_used": pa.Column("Int64", nullable=True),
        "coverage_note": pa.Column(str),
    },
    strict=False,
    coerce=True,
))
