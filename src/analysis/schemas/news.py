"""News tables: ``articles`` (one row per article) and ``events`` (one row per extracted fact)."""

import pandera.pandas as pa

from analysis.schemas import list_of, register

articles = register("articles", pa.DataFrameSchema(
    {
        "article_id": pa.Column(str, unique=True),
        "url": pa.Column(str, nullable=True),
        "outlet": pa.Column(str, nullable=True),
        "published_at": pa.Column("datetime64[ns]", nullable=True),
        "title": pa.Column(str, nullable=True),
    },
    strict=False,
    coerce=True,
))

events = register("events", pa.DataFrameSchema(
    {
        "article_id": pa.Column(str),
        "event_type": pa.Column(str),
        "count": pa.Column("Float64", nullable=True),
        "count_unit": pa.Column(str, nullable=True),
        "period_start": pa.Column("datetime64[ns]", nullable=True),
        "period_end": pa.Column("datetime64[ns]", nullable=True),
        "date": pa.Column("datetime64[ns]", nullable=True),
        "agencies": pa.Column(object, list_of(str)),
        "places": pa.Column(object, list_of(str)),
        "countries": pa.Column(object, list_of(str)),
        "modus": pa.Column(object, list_of(str)),
        "roles": pa.Column(object, list_of(str)),
        "evidence_start": pa.Column("Int64", nullable=True),
        "evidence_end": pa.Column("Int64", nullable=True),
    },
    strict=False,
    coerce=True,
))
