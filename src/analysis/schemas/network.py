"""Network tables written by ``tppo build``: ``syndicates`` and ``actor_metrics``."""

import pandera.pandas as pa

from analysis.schemas import register

syndicates = register("syndicates", pa.DataFrameSchema(
    {
        "syndicate_id": pa.Column(str, unique=True),
        "n_actors": pa.Column("Int64", pa.Check.ge(1)),
        "n_cases": pa.Column("Int64", pa.Check.ge(0)),
        "n_courts": pa.Column("Int64", pa.Check.ge(0)),
        "stability": pa.Column(float, pa.Check.in_range(0, 1), nullable=True),
    },
    strict=False,
    coerce=True,
))

actor_metrics = register("actor_metrics", pa.DataFrameSchema(
    {
        "actor_id": pa.Column(str, unique=True),
        "syndicate_id": pa.Column(str, nullable=True),
    },
    strict=False,
    coerce=True,
))
