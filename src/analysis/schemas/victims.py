"""Victim tables: ``victims`` (one row per victim or victim group), its CTDC-shaped release
``victims_ctdc`` (one row per victim, k-anonymised; fields in ``analysis/data/ctdc_fields.csv``),
and the recruitment geography built from it: ``victim_flows`` (origin regency -> transit ->
destination) and ``origin_syndicates`` (the two-mode network origin regency x syndicate)."""

import pandera.pandas as pa

from analysis.schemas import register

EXPLOITATION_TYPES = ["domestic_work", "sexual_exploitation", "forced_labour", "online_scam", "fishing_vessel",
                      "plantation", "construction", "factory", "hospitality", "begging", "organ_removal",
                      "child_marriage", "none_yet", "unknown"]
RECRUITMENT_MEANS = ["job_offer", "study_or_internship_offer", "marriage_offer", "debt", "family_or_acquaintance",
                     "online_advert", "social_media", "abduction", "unknown"]
_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
_SPAN = r"^\d+-\d+$"

victims = register("victims", pa.DataFrameSchema(
    {
        "case_id": pa.Column(str),
        "source_file": pa.Column(str),
        "victim_no": pa.Column(str, pa.Check.str_matches(r"^V\d+$")),
        "victim_id": pa.Column(str, pa.Check.str_matches(r"^V-[0-9a-f]+$"), unique=True),
        # 1 for one person; N for a group known only by its count; empty: a row of unknown size
        "group_size": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        "anchor": pa.Column(str, pa.Check.str_matches(_SPAN), nullable=True),
        "sex": pa.Column(str, pa.Check.isin(["L", "P"]), nullable=True),
        "age": pa.Column("Int64", pa.Check.in_range(0, 99), nullable=True),
        "minor": pa.Column("Int64", pa.Check.isin([0, 1]), nullable=True),
        "origin_village": pa.Column(str, nullable=True),
        "origin_district": pa.Column(str, nullable=True),
        "origin_regency": pa.Column(str, pa.Check.str_matches(r"^(?:Kabupaten|Kota) "), nullable=True),
        "origin_regency_code": pa.Column(str, pa.Check.str_matches(r"^\d{2}\.\d{2}$"), nullable=True),
        "origin_province": pa.Column(str, nullable=True),
        "origin_province_code": pa.Column(str, pa.Check.str_matches(r"^\d{2}$"), nullable=True),
        "destination_country": pa.Column(str, nullable=True),
        "destination_city": pa.Column(str, nullable=True),
        "transit": pa.Column(str, nullable=True),
        "recruitment_means": pa.Column(str, pa.Check.isin(RECRUITMENT_MEANS), nullable=True),
        "exploitation_type": pa.Column(str, pa.Check.isin(EXPLOITATION_TYPES), nullable=True),
        "recruitment_date": pa.Column(str, pa.Check.str_matches(_DATE), nullable=True),
        "departure_date": pa.Column(str, pa.Check.str_matches(_DATE), nullable=True),
        "amount_paid_idr": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "n_victims_stated": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        # "field:start-end;..." raw-file character spans of every filled field
        "evidence": pa.Column(str, pa.Check.str_matches(r"^(?:[a-z_]+:\d+-\d+(?:;[a-z_]+:\d+-\d+)*)?$")),
    },
    strict=True,
    coerce=True,
))

victims_ctdc = register("victims_ctdc", pa.DataFrameSchema(
    {
        "yearOfRegistration": pa.Column("Int64", nullable=True),
        "gender": pa.Column(str, pa.Check.isin(["Female", "Male"]), nullable=True),
        "ageBroad": pa.Column(str, nullable=True),
        "majorityStatus": pa.Column(str, pa.Check.isin(["Adult", "Minor"]), nullable=True),
        "citizenship": pa.Column(str),
        "CountryOfExploitation": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$"), nullable=True),
        "typeOfExploitConcatenated": pa.Column(str, nullable=True),
    },
    strict=False,
    coerce=True,
))

victim_flows = register("victim_flows", pa.DataFrameSchema(
    {
        "origin_regency": pa.Column(str, nullable=True),
        "origin_province": pa.Column(str, nullable=True),
        "transit": pa.Column(str, nullable=True),
        "destination_country": pa.Column(str, nullable=True),
        "n_victims": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "n_cases": pa.Column("Int64", pa.Check.ge(1)),
    },
    strict=True,
    coerce=True,
))

origin_syndicates = register("origin_syndicates", pa.DataFrameSchema(
    {
        "origin_regency": pa.Column(str),
        "origin_regency_code": pa.Column(str, nullable=True),
        "syndicate_id": pa.Column(str),
        "n_cases": pa.Column("Int64", pa.Check.ge(1)),
        "n_victims": pa.Column("Int64", pa.Check.ge(0), nullable=True),
    },
    strict=True,
    coerce=True,
))
