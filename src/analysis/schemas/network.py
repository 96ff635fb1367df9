"""Network tables written by ``tppo build``: ``syndicates`` and ``actor_metrics``
(built by ``analysis.network.tables.build_network_tables``)."""

import pandera.pandas as pa

from analysis.schemas import list_of, register

BROKERAGE_ROLES = ["coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"]

syndicates = register("syndicates", pa.DataFrameSchema(
    {
        "syndicate_id": pa.Column(str, pa.Check.str_matches(r"^S-[0-9a-f]+$"), unique=True),
        "n_actors": pa.Column("Int64", pa.Check.ge(1)),
        "n_persons": pa.Column("Int64", pa.Check.ge(0), required=False),
        "n_companies": pa.Column("Int64", pa.Check.ge(0), required=False),
        "n_cases": pa.Column("Int64", pa.Check.ge(0)),
        "n_courts": pa.Column("Int64", pa.Check.ge(0)),
        "stability": pa.Column(float, pa.Check.in_range(0, 1), nullable=True),
        "stability_null": pa.Column(float, pa.Check.in_range(0, 1), nullable=True, required=False),
        "weak": pa.Column(bool, required=False),
        "whole_component": pa.Column(bool, required=False),
        "n_ties": pa.Column("Int64", pa.Check.ge(1), required=False),
        "relations": pa.Column(object, list_of(str), required=False),
        "n_bridges": pa.Column("Int64", pa.Check.ge(0), required=False),
        "n_context": pa.Column("Int64", pa.Check.ge(0), required=False),
        "size_class": pa.Column(str, pa.Check.isin(["small", "medium", "large"]), required=False),
        "span": pa.Column(str, pa.Check.isin(["one regency", "one province", "several provinces", "transnational"]),
                          required=False),
        "operation": pa.Column(str, pa.Check.isin(["local", "regional", "transregional"]), required=False),
        "form": pa.Column(str, pa.Check.isin(["opportunistic", "structured", "business-type"]), required=False),
        "structure": pa.Column(str, pa.Check.isin(["dyad", "chain", "star", "clique", "core-periphery"]),
                               required=False),
        "type": pa.Column(str, required=False),
        "court_links": pa.Column(object, list_of(str), required=False),
        "role_mix": pa.Column(str, nullable=True, required=False),
        "courts": pa.Column(object, list_of(str), required=False),
        "first_year": pa.Column("Int64", nullable=True, required=False),
        "last_year": pa.Column("Int64", nullable=True, required=False),
        "destinations": pa.Column(object, list_of(str), required=False),
        "companies": pa.Column(object, list_of(str), required=False),
        "places": pa.Column(object, list_of(str), required=False),
        "provinces": pa.Column(object, list_of(str), required=False),
    },
    strict=False,
    coerce=True,
))

actor_metrics = register("actor_metrics", pa.DataFrameSchema(
    {
        "actor_id": pa.Column(str, unique=True),
        "degree": pa.Column(float, pa.Check.ge(0), nullable=True, required=False),
        "betweenness": pa.Column(float, pa.Check.ge(0), nullable=True, required=False),
        "closeness": pa.Column(float, pa.Check.in_range(0, 1), nullable=True, required=False),
        "eigenvector": pa.Column(float, pa.Check.in_range(0, 1), nullable=True, required=False),
        "constraint": pa.Column(float, pa.Check.ge(0), nullable=True, required=False),
        "core_number": pa.Column("Int64", pa.Check.ge(0), nullable=True, required=False),
        "coreness": pa.Column(float, nullable=True, required=False),
        **{f"brokerage_{r}": pa.Column("Int64", pa.Check.ge(0), required=False) for r in BROKERAGE_ROLES},
        **{f"brokerage_{s}_{r}": pa.Column(float, nullable=True, required=False)
           for r in BROKERAGE_ROLES[:-1] for s in ("z", "p")},
        "effective_size": pa.Column(float, nullable=True, required=False),
        "efficiency": pa.Column(float, nullable=True, required=False),
        "position": pa.Column("Int64", nullable=True, required=False),
        "position_label": pa.Column(str, nullable=True, required=False),
        "position_size": pa.Column("Int64", nullable=True, required=False),
        "position_components": pa.Column("Int64", nullable=True, required=False),
        "primary_role": pa.Column(str, nullable=True, required=False),
        "syndicate_id": pa.Column(str, nullable=True),
        "stability": pa.Column(float, pa.Check.in_range(0, 1), nullable=True, required=False),
    },
    strict=False,
    coerce=True,
))

network_tests = register("network_tests", pa.DataFrameSchema(
    {
        "test": pa.Column(str, pa.Check.isin(["observed", "cug", "qap"])),
        "statistic": pa.Column(str),
        "condition": pa.Column(str, nullable=True),
        "observed": pa.Column(float, nullable=True),
        "null_mean": pa.Column(float, nullable=True),
        "null_sd": pa.Column(float, nullable=True),
        "p_ge": pa.Column(float, pa.Check.in_range(0, 1), nullable=True),
        "p_le": pa.Column(float, pa.Check.in_range(0, 1), nullable=True),
        "n_sim": pa.Column("Int64", pa.Check.ge(0)),
        "layer_a": pa.Column(str, nullable=True),
        "layer_b": pa.Column(str, nullable=True),
    },
    strict=True,
    coerce=True,
))
