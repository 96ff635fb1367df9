"""``link_review``: pairs the cross-decision linker was unsure about, for a person to decide.

Each row names both sides only by actor_id and label (a pseudonym for people, the name for
companies), the two decisions, the score in [0, 1], what the score rested on, and the
evidence span of each side's first mention.
"""

import pandera.pandas as pa

from analysis.schemas import register
from analysis.schemas.cases import ACTOR_KINDS

link_review = register("link_review", pa.DataFrameSchema(
    {
        "kind": pa.Column(str, pa.Check.isin(ACTOR_KINDS)),
        "actor_a": pa.Column(str),
        "actor_b": pa.Column(str),
        "label_a": pa.Column(str),
        "label_b": pa.Column(str),
        "case_a": pa.Column(str),
        "case_b": pa.Column(str),
        "score": pa.Column(float, pa.Check.in_range(0.0, 1.0)),
        "reasons": pa.Column(str),
        "evidence_a": pa.Column(str, pa.Check.str_matches(r"^.+:\d+-\d+$")),
        "evidence_b": pa.Column(str, pa.Check.str_matches(r"^.+:\d+-\d+$")),
    },
    strict=False,
    coerce=True,
))
