"""News tables: ``articles`` (one row per article), ``events`` (one row per extracted fact) and
``event_agencies`` (the agencies acting together per event, one row each)."""

import pandera.pandas as pa

from analysis.schemas import list_of, register

articles = register("articles", pa.DataFrameSchema(
    {
        "article_id": pa.Column(str, unique=True),
        "url": pa.Column(str, nullable=True),
        "outlet": pa.Column(str, nullable=True),
        "published_at": pa.Column("datetime64[ns]", nullable=True),
        "title": pa.Column(str, nullable=True),
        # added by the news extraction: date anchor, metadata lifted from the text, place, clusters
        "anchor_date": pa.Column("datetime64[ns]", nullable=True, required=False),
        "anchor_rule": pa.Column(str, pa.Check.isin(["published_at", "latest_full_date_in_text", "none",
                                                      "index_pub_date"]), required=False),
        "place_code": pa.Column(str, nullable=True, required=False),
        "place_rule": pa.Column(str, nullable=True, required=False),
        "cluster_id": pa.Column(str, nullable=True, required=False),
        "indonesian_ratio": pa.Column(float, pa.Check.in_range(0, 1), nullable=True, required=False),
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
        # added: the linked event, a vague count's range ("puluhan" = 10-99), suspects' initials
        "event_id": pa.Column(str, nullable=True, required=False),
        "count_low": pa.Column("Int64", nullable=True, required=False),
        "count_high": pa.Column("Int64", nullable=True, required=False),
        "suspects": pa.Column(object, list_of(str), required=False),
    },
    checks=[pa.Check(lambda df: (df["period_start"].isna() | df["period_end"].isna()
                                 | (df["period_start"] <= df["period_end"])).all(),
                     name="period_start_before_end")],
    strict=False,
    coerce=True,
))

event_agencies = register("event_agencies", pa.DataFrameSchema(
    {
        "event_id": pa.Column(str),
        "agency": pa.Column(str),
    },
    unique=["event_id", "agency"],
    strict=False,
    coerce=True,
))
