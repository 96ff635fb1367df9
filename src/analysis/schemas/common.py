"""Tables shared by every source: ``rejects``."""

import pandera.pandas as pa

from analysis.schemas import register

REJECT_STAGES = ["read", "decode", "clean", "parse", "extract", "validate", "link"]

rejects = register("rejects", pa.DataFrameSchema(
    {
        "source": pa.Column(str, nullable=False),          # file path or record id that was read
        "stage": pa.Column(str, pa.Check.isin(REJECT_STAGES)),
        "reason": pa.Column(str, pa.Check.str_length(min_value=3)),
        "detail": pa.Column(str, nullable=True),
    },
    strict=False,
    coerce=True,
))
