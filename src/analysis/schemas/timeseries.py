"""Time-series tables: ``series`` (tidy counts: one row per series and period)."""

import pandera.pandas as pa

from analysis.schemas import register

series = register("series", pa.DataFrameSchema(
    {
        "series_id": pa.Column(str),
        "source": pa.Column(str),
        "freq": pa.Column(str, pa.Check.isin(["M", "Q", "Y", "W", "D"])),
        "period_start": pa.Column("datetime64[ns]"),
        "count": pa.Column("Float64", nullable=True),   # null = missing period, 0 = true zero
    },
    strict=False,
    coerce=True,
))
