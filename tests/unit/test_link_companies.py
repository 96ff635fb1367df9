"""Company-name likeness and acronyms on made-up company names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.link.companies import (
    acronym_map,
    company_core,
    is_acronym,
    name_similarity,
)


def test_core_drops_legal_forms():
    assert company_core("pt lpk karya mulya") == "karya mulya"


def test_acronym_resolves_only_when_unambiguous():
    cores = ["bumi raya sentosa", "brs", "kilau terang", "kt", "kurnia tani"]
    assert acronym_map(cores) == {"brs": "bumi raya sentosa"}


def test_similarity_exact_acronym_ocr_and_different():
    acr = {"brs": "bumi raya sentosa"}
    assert name_similarity("bumi raya sentosa", "bumi raya sentosa") == 1.0
    assert name_similarity("brs", "bumi raya sentosa", acr) == 0.9
    assert name_similarity("brs", "brt") == 0.0
    assert round(name_similarity("bumi raya sentosa", "bumi raya sentoza"), 3) == 0.941
    assert name_similarity("bumi raya sentosa", "bumi raya abadi") < 0.8


def test_is_acronym():
    assert [is_acronym(x) for x in ["nsp", "n", "nusa sinar", "abcdefg"]] == [True, False, False, False]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_similarity_is_symmetric_and_bounded(a, b):
    s = name_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert s == name_similarity(b, a)
