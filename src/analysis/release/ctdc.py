"""The ``victims`` table in the shape of the CTDC data standard, k-anonymised for release.

The Counter Trafficking Data Collaborative (CTDC, https://www.ctdatacollaborative.org)
publishes victim case records in one common data standard: one row per victim, fields such
as ``gender``, ``ageBroad``, ``majorityStatus``, ``citizenship``, ``CountryOfExploitation``,
``typeOfExploitConcatenated``, ``typeOfLabour*``, ``RecruiterRelationship`` and
``yearOfRegistration`` (field names as in the header of its global victim dataset), and
releases it k-anonymised with k = 11. The mapping from our columns is documented field by
field in ``analysis/data/ctdc_fields.csv``.

This module lives in ``analysis.release`` (not ``report``) because its product is a data
file for other users, not a page of the project's reports.

* ``to_ctdc(victims)`` gives one row per victim (a group row of N victims becomes N rows; a
  row of unknown size none, as it counts no victim);
* ``k_anonymise(records, k)`` generalises the quasi-identifiers step by step (age band ->
  majority status only, year -> suppressed, country -> suppressed, type -> suppressed) until
  few enough rows are in classes smaller than ``k``, then drops those rows;
* ``check_k_anonymity(records, k)`` raises when any combination of quasi-identifiers
  (missing values count as a value) holds fewer than ``k`` rows;
* ``ctdc_export(victims, k=11)`` does all three: the table ``tppo build`` writes.

>>> import pandas as pd
>>> v = pd.DataFrame({"case_id": ["1/Pid.Sus/2024/PN X"] * 2, "group_size": pd.array([12, 1], dtype="Int64"),
...     "sex": ["P", "L"], "age": pd.array([None, 30], dtype="Int64"), "minor": pd.array([None, 0], dtype="Int64"),
...     "destination_country": ["Malaysia", "Malaysia"], "exploitation_type": ["plantation", "plantation"],
...     "recruitment_means": ["job_offer", "debt"]})
>>> out = ctdc_export(v, k=11)
>>> len(out), out["CountryOfExploitation"].unique().tolist(), out["typeOfLabourAgriculture"].unique().tolist()
(12, ['MY'], [1])
>>> check_k_anonymity(out, 11)
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

K_DEFAULT = 11
MAX_SUPPRESSED_SHARE = 0.10   # generalise further while more than this share of rows would be dropped
AGE_BANDS = [(0, 8, "0--8"), (9, 17, "9--17"), (18, 20, "18--20"), (21, 23, "21--23"), (24, 26, "24--26"),
             (27, 29, "27--29"), (30, 38, "30--38"), (39, 47, "39--47"), (48, 200, "48+")]
LABOUR = {"forced_labour", "domestic_work", "plantation", "construction", "factory", "fishing_vessel",
          "hospitality", "begging", "online_scam"}
TYPE_FIELDS = {"typeOfLabourAgriculture": "plantation", "typeOfLabourConstruction": "construction",
               "typeOfLabourDomesticWork": "domestic_work", "typeOfLabourHospitality": "hospitality",
               "typeOfLabourManufacturing": "factory", "typeOfLabourAquafarming": "fishing_vessel",
               "typeOfLabourBegging": "begging", "typeOfLabourIllicitActivities": "online_scam",
               "typeOfSexProstitution": "sexual_exploitation"}
FALSE_PROMISES = {"job_offer", "study_or_internship_offer", "marriage_offer", "online_advert", "social_media"}


@lru_cache(maxsize=1)
def ctdc_fields() -> pd.DataFrame:
    """The documented mapping (``analysis/data/ctdc_fields.csv``): one row per CTDC field."""
    with resources.files("analysis").joinpath("data/ctdc_fields.csv").open(encoding="utf-8") as fh:
        return pd.DataFrame(list(csv.DictReader(fh)))


def quasi_identifiers() -> list[str]:
    """CTDC fields treated as quasi-identifiers (``quasi_identifier`` = 1 in the mapping).

    >>> quasi_identifiers()
    ['yearOfRegistration', 'gender', 'ageBroad', 'majorityStatus', 'CountryOfExploitation', 'typeOfExploitConcatenated']
    """
    f = ctdc_fields()
    return f.loc[f["quasi_identifier"] == "1", "ctdc_field"].tolist()


def age_band(age) -> str | None:
    """CTDC ``ageBroad`` band of an age in years.

    >>> age_band(15), age_band(27), age_band(60), age_band(None)
    ('9--17', '27--29', '48+', None)
    """
    if age is None or pd.isna(age):
        return None
    for lo, hi, label in AGE_BANDS:
        if lo <= int(age) <= hi:
            return label
    return None


# ISO 3166-1 alpha-2 codes of the English short names used in ``cases.destination_countries``
# (``analysis/data/countries.csv``), and Indonesia for domestic cases.
ISO2 = {
    "Indonesia": "ID",
    "Algeria": "DZ",
    "Australia": "AU",
    "Bahrain": "BH",
    "Bangladesh": "BD",
    "Brunei": "BN",
    "Cambodia": "KH",
    "China": "CN",
    "Egypt": "EG",
    "Fiji": "FJ",
    "Germany": "DE",
    "Hong Kong": "HK",
    "India": "IN",
    "Iraq": "IQ",
    "Italy": "IT",
    "Japan": "JP",
    "Jordan": "JO",
    "Kuwait": "KW",
    "Laos": "LA",
    "Libya": "LY",
    "Malaysia": "MY",
    "Maldives": "MV",
    "Mauritius": "MU",
    "Morocco": "MA",
    "Myanmar": "MM",
    "Nepal": "NP",
    "Netherlands": "NL",
    "New Zealand": "NZ",
    "Oman": "OM",
    "Pakistan": "PK",
    "Papua New Guinea": "PG",
    "Philippines": "PH",
    "Poland": "PL",
    "Qatar": "QA",
    "Russia": "RU",
    "Saudi Arabia": "SA",
    "Singapore": "SG",
    "Somalia": "SO",
    "South Africa": "ZA",
    "South Korea": "KR",
    "Spain": "ES",
    "Sri Lanka": "LK",
    "Syria": "SY",
    "Taiwan": "TW",
    "Thailand": "TH",
    "Timor-Leste": "TL",
    "Turkey": "TR",
    "Ukraine": "UA",
    "United Arab Emirates": "AE",
    "United States": "US",
    "Vietnam": "VN",
}


def country_code(name) -> str | None:
    """ISO 3166-1 alpha-2 code of an English short country name (the first of several).

    >>> country_code("Malaysia"), country_code("Saudi Arabia;United Arab Emirates"), country_code(None)
    ('MY', 'SA', None)
    """
    if not isinstance(name, str) or not name.strip():
        return None
    return ISO2.get(name.split(";")[0].strip())


def _exploit_kind(t) -> str | None:
    if not isinstance(t, str) or t == "unknown":
        return None
    if t in LABOUR:
        return "Forced labour"
    return {"sexual_exploitation": "Sexual exploitation", "child_marriage": "Forced marriage",
            "organ_removal": "Organ removal"}.get(t, "Other")


def _year(case_id) -> int | None:
    m = re.search(r"/(\d{4})/", case_id or "")
    return int(m.group(1)) if m else None


def to_ctdc(victims: pd.DataFrame) -> pd.DataFrame:
    """One CTDC-shaped row per victim (group rows expanded, rows of unknown size dropped)."""
    rows = []
    for v in victims.itertuples(index=False):
        n = getattr(v, "group_size", 1)
        if n is None or pd.isna(n) or int(n) <= 0:
            continue
        age = getattr(v, "age", None)
        minor = getattr(v, "minor", None)
        if (minor is None or pd.isna(minor)) and age is not None and not pd.isna(age):
            minor = int(int(age) < 18)
        major = None if minor is None or pd.isna(minor) else ("Minor" if int(minor) == 1 else "Adult")
        t = getattr(v, "exploitation_type", None)
        means = getattr(v, "recruitment_means", None)
        rec = {
            "yearOfRegistration": _year(v.case_id), "Datasource": "Court decision (Indonesia)",
            "gender": {"P": "Female", "L": "Male"}.get(getattr(v, "sex", None)),
            "ageBroad": age_band(age), "majorityStatus": major, "majorityStatusAtExploit": major,
            "citizenship": "ID", "CountryOfExploitation": country_code(getattr(v, "destination_country", None)),
            "isForcedLabour": int(t in LABOUR), "isSexualExploit": int(t == "sexual_exploitation"),
            "isOtherExploit": int(t in ("online_scam", "none_yet")), "isForcedMarriage": int(t == "child_marriage"),
            "isOrganRemoval": int(t == "organ_removal"), "typeOfExploitConcatenated": _exploit_kind(t),
            **{f: int(t == kind) for f, kind in TYPE_FIELDS.items()},
            "meansOfControlDebtBondage": int(means == "debt"),
            "meansOfControlFalsePromises": int(means in FALSE_PROMISES),
            "isAbduction": int(means == "abduction"),
            "RecruiterRelationship": (None if means in (None, "unknown") or pd.isna(means) else
                                      "Friend or relative" if means == "family_or_acquaintance" else "Other"),
        }
        rows.extend([rec] * int(n))
    cols = ctdc_fields()["ctdc_field"].tolist()
    out = pd.DataFrame(rows, columns=cols)
    out["yearOfRegistration"] = pd.array(out["yearOfRegistration"].tolist(), dtype="Int64")
    return out


def class_sizes(records: pd.DataFrame, qi: list[str] | None = None) -> pd.Series:
    """Size of each row's equivalence class over the quasi-identifiers (missing = its own value)."""
    qi = qi or [c for c in quasi_identifiers() if c in records.columns]
    if not len(records):
        return pd.Series(dtype="int64")
    keys = records[qi].astype(object).where(records[qi].notna(), "<NA>").astype(str)
    return keys.groupby(qi, sort=False)[qi[0]].transform("size")


def check_k_anonymity(records: pd.DataFrame, k: int = K_DEFAULT, qi: list[str] | None = None) -> None:
    """Raise ``ValueError`` when any quasi-identifier combination holds fewer than ``k`` rows.

    >>> check_k_anonymity(pd.DataFrame({"gender": ["Female"] * 2, "ageBroad": [None, None]}), 2, ["gender", "ageBroad"])
    >>> check_k_anonymity(pd.DataFrame({"gender": ["Female", "Male"]}), 2, ["gender"])
    Traceback (most recent call last):
    ValueError: 2 row(s) in quasi-identifier classes smaller than k=2
    """
    sizes = class_sizes(records, qi)
    small = int((sizes < k).sum())
    if small:
        raise ValueError(f"{small} row(s) in quasi-identifier classes smaller than k={k}")


# Generalisation ladder: each step coarsens or blanks one quasi-identifier.
LADDER = [("ageBroad", None), ("yearOfRegistration", None), ("typeOfExploitConcatenated", None),
          ("CountryOfExploitation", None), ("gender", None), ("majorityStatus", None)]


def k_anonymise(records: pd.DataFrame, k: int = K_DEFAULT, max_suppressed_share: float = MAX_SUPPRESSED_SHARE) -> pd.DataFrame:
    """Generalise along ``LADDER`` until at most ``max_suppressed_share`` of rows sit in classes
    smaller than ``k``, then drop those rows. The blanked fields' dependent flags are blanked
    with them (an age band with ``majorityStatusAtExploit``, a type with its ``typeOf*`` flags).

    >>> r = pd.DataFrame({"yearOfRegistration": [2024] * 3, "gender": ["Female", "Female", "Male"],
    ...     "ageBroad": ["9--17", "18--20", "18--20"], "majorityStatus": ["Minor", "Adult", "Adult"],
    ...     "CountryOfExploitation": ["MY"] * 3, "typeOfExploitConcatenated": ["Forced labour"] * 3})
    >>> out = k_anonymise(r, k=2, max_suppressed_share=0.0)
    >>> len(out), bool(out["ageBroad"].isna().all())
    (3, True)
    """
    out = records.copy()
    qi = [c for c in quasi_identifiers() if c in out.columns]
    if not len(out) or not qi:
        return out
    for field, _ in [(None, None)] + LADDER:
        if field is not None and field in out.columns:
            out[field] = pd.Series([pd.NA] * len(out), index=out.index, dtype=object if field != "yearOfRegistration" else "Int64")
            if field == "majorityStatus" and "majorityStatusAtExploit" in out.columns:
                out["majorityStatusAtExploit"] = None
            if field == "typeOfExploitConcatenated":
                for f in list(TYPE_FIELDS) + ["isForcedLabour", "isSexualExploit", "isOtherExploit", "isForcedMarriage",
                                              "isOrganRemoval"]:
                    if f in out.columns:
                        out[f] = pd.array([pd.NA] * len(out), dtype="Int64")
        small = class_sizes(out, qi) < k
        if small.sum() <= max_suppressed_share * len(out):
            break
    return out[~(class_sizes(out, qi) < k)].reset_index(drop=True)


def ctdc_export(victims: pd.DataFrame, k: int = K_DEFAULT) -> pd.DataFrame:
    """The release table: CTDC-shaped, k-anonymised, checked (raises if the check fails)."""
    out = k_anonymise(to_ctdc(victims), k)
    check_k_anonymity(out, k)
    return out
