"""The CTDC-shaped release: field mapping, one row per victim, k-anonymity and its check."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.release import ctdc


def victims(**cols) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    base = {"case_id": ["1/Pid.Sus/2024/PN X"] * n, "group_size": [1] * n, "sex": [None] * n, "age": [None] * n,
            "minor": [None] * n, "destination_country": [None] * n, "exploitation_type": [None] * n,
            "recruitment_means": [None] * n}
    base.update(cols)
    df = pd.DataFrame(base)
    for c in ("group_size", "age", "minor"):
        df[c] = pd.array(df[c].tolist(), dtype="Int64")
    return df


def test_mapping_file_documents_every_exported_field_and_names_its_source():
    f = ctdc.ctdc_fields()
    assert list(f.columns) == ["ctdc_field", "quasi_identifier", "victims_column", "rule"]
    assert {"gender", "ageBroad", "majorityStatus", "citizenship", "CountryOfExploitation",
            "typeOfExploitConcatenated", "RecruiterRelationship", "yearOfRegistration"} <= set(f["ctdc_field"])
    out = ctdc.to_ctdc(victims(sex=["P"]))
    assert list(out.columns) == f["ctdc_field"].tolist()
    assert "CTDC" in ctdc.__doc__ and "ctdatacollaborative.org" in ctdc.__doc__


def test_one_row_per_victim_with_mapped_values():
    v = victims(group_size=[3, 1, None], sex=["P", "L", "P"], age=[15, 30, None], minor=[None, None, None],
                destination_country=["Malaysia", "Saudi Arabia;United Arab Emirates", None],
                exploitation_type=["domestic_work", "sexual_exploitation", "plantation"],
                recruitment_means=["family_or_acquaintance", "debt", "job_offer"])
    out = ctdc.to_ctdc(v)
    assert len(out) == 4            # 3 + 1; the row of unknown size counts no victim
    first, last = out.iloc[0], out.iloc[3]
    assert (first.gender, first.ageBroad, first.majorityStatus, first.CountryOfExploitation) == ("Female", "9--17", "Minor", "MY")
    assert (first.typeOfExploitConcatenated, first.typeOfLabourDomesticWork, first.isForcedLabour) == ("Forced labour", 1, 1)
    assert first.RecruiterRelationship == "Friend or relative" and first.citizenship == "ID"
    assert (last.gender, last.ageBroad, last.majorityStatus, last.CountryOfExploitation) == ("Male", "30--38", "Adult", "SA")
    assert (last.isSexualExploit, last.typeOfSexProstitution, last.meansOfControlDebtBondage) == (1, 1, 1)
    assert int(first.yearOfRegistration) == 2024


def test_check_raises_on_a_small_class_and_passes_otherwise():
    r = pd.DataFrame({"gender": ["Female"] * 11 + ["Male"], "ageBroad": [None] * 12})
    with pytest.raises(ValueError, match="1 row"):
        ctdc.check_k_anonymity(r, 11, ["gender", "ageBroad"])
    ctdc.check_k_anonymity(r.iloc[:11], 11, ["gender", "ageBroad"])


def test_generalisation_blanks_age_before_dropping_rows():
    v = victims(group_size=[6, 6], sex=["P", "P"], age=[20, 30], destination_country=["Malaysia"] * 2,
                exploitation_type=["plantation"] * 2)
    out = ctdc.ctdc_export(v, k=11)
    assert len(out) == 12 and out["ageBroad"].isna().all() and (out["majorityStatus"] == "Adult").all()


def test_export_validates_against_its_schema():
    from analysis.schemas import validate

    v = victims(group_size=[12], sex=["L"], destination_country=["Cambodia"], exploitation_type=["online_scam"])
    out = validate(ctdc.ctdc_export(v), "victims_ctdc")
    assert out["CountryOfExploitation"].tolist() == ["KH"] * 12


def test_docstring_examples():
    result = doctest.testmod(ctdc)
    assert result.attempted > 0 and result.failed == 0


ROW = st.fixed_dictionaries({
    "group_size": st.one_of(st.none(), st.integers(1, 15)),
    "sex": st.sampled_from(["L", "P", None]),
    "age": st.one_of(st.none(), st.integers(0, 80)),
    "destination_country": st.sampled_from(["Malaysia", "Saudi Arabia", "Cambodia", "Indonesia", None]),
    "exploitation_type": st.sampled_from(["domestic_work", "sexual_exploitation", "plantation", "online_scam", "unknown", None]),
    "recruitment_means": st.sampled_from(["job_offer", "debt", "unknown", None]),
    "case_id": st.sampled_from(["1/Pid.Sus/2023/PN A", "2/Pid.Sus/2024/PN B", "3/Pid.Sus/2025/PN C"]),
})


@settings(max_examples=80, deadline=None)
@given(st.lists(ROW, max_size=40), st.integers(2, 15))
def test_k_anonymised_export_always_passes_its_check(rows, k):
    v = pd.DataFrame(rows, columns=["group_size", "sex", "age", "destination_country", "exploitation_type",
                                    "recruitment_means", "case_id"])
    v["minor"] = None
    for c in ("group_size", "age", "minor"):
        v[c] = pd.array(v[c].tolist(), dtype="Int64")
    records = ctdc.to_ctdc(v)
    out = ctdc.k_anonymise(records, k)
    ctdc.check_k_anonymity(out, k)           # never raises
    assert len(out) <= len(records)
    if len(records) >= k:                     # with enough victims something is released
        assert len(out) > 0
