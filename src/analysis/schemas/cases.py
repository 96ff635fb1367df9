"""Court-decision tables: ``cases``, ``defendants``, ``actors``, ``ties`` (contracts in DESIGN.md)."""

import pandera.pandas as pa

from analysis.schemas import list_of, register

ACTOR_KINDS = ["person", "company", "place", "agency"]
VERDICTS = ["convicted", "acquitted", "released"]  # released: lepas dari segala tuntutan hukum

cases = register("cases", pa.DataFrameSchema(
    {
        "case_id": pa.Column(str, unique=True),
        "court": pa.Column(str, nullable=True),
        "decision_date": pa.Column("datetime64[ns]", nullable=True),
        "n_defendants": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "source_file": pa.Column(str, unique=True),
        "duplicate_of": pa.Column(str, nullable=True),
        # laws: articles of the proven charge (empty when every defendant is acquitted);
        # laws_charged: every article of the indictment. Both leave out restitution orders.
        "laws": pa.Column(object, list_of(str)),
        "laws_charged": pa.Column(object, list_of(str), required=False),
        "n_victims": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "destination_countries": pa.Column(object, list_of(str)),
        "is_migrant_worker_case": pa.Column(bool),
    },
    strict=False,
    coerce=True,
))

defendants = register("defendants", pa.DataFrameSchema(
    {
        "case_id": pa.Column(str),
        "person_id": pa.Column(str, pa.Check.str_matches(r"^P-[0-9a-f]+$")),
        "sex": pa.Column(str, pa.Check.isin(["L", "P"]), nullable=True),
        "age": pa.Column("Int64", pa.Check.in_range(10, 100), nullable=True),
        "verdict": pa.Column(str, pa.Check.isin(VERDICTS), nullable=True),
        "sentence_months": pa.Column("Float64", pa.Check.ge(0), nullable=True),
        "fine_idr": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "fine_substitute_months": pa.Column("Float64", pa.Check.ge(0), nullable=True),
        "restitution_idr": pa.Column("Int64", pa.Check.ge(0), nullable=True),
    },
    strict=False,
    coerce=True,
))

actors = register("actors", pa.DataFrameSchema(
    {
        "actor_id": pa.Column(str, unique=True),
        "kind": pa.Column(str, pa.Check.isin(ACTOR_KINDS)),
        "roles": pa.Column(object, list_of(str)),
        "label": pa.Column(str),
        "n_cases": pa.Column("Int64", pa.Check.ge(0)),
        "cases": pa.Column(object, list_of(str), required=False),
        "courts": pa.Column(object, list_of(str), required=False),
        "first_year": pa.Column("Int64", nullable=True, required=False),
        "last_year": pa.Column("Int64", nullable=True, required=False),
    },
    strict=False,
    coerce=True,
))

ties = register("ties", pa.DataFrameSchema(
    {
        "source_id": pa.Column(str),
        "target_id": pa.Column(str),
        "relation": pa.Column(str),
        "case_id": pa.Column(str),
        "evidence": pa.Column(str),        # "<file>:<start>-<end>" character span in the source file
        "date": pa.Column("datetime64[ns]", nullable=True),
    },
    strict=False,
    coerce=True,
))
