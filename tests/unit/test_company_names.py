"""The one company key: legal forms, spelling variants, role words, places, OCR splits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract.company_names import (company_core, company_key, is_distinctive, is_tail_word,
                                            same_company_words)
from analysis.link.companies import name_similarity


@pytest.mark.parametrize("name, key", [
    ("PT. NUSA SINAR PERKASA", "pt nusa sinar perkasa"),
    ("P.T. Nusa  Sinar-Perkasa", "pt nusa sinar perkasa"),
    ("PT NUSA SINAR PERKASA SIPPTKI", "pt nusa sinar perkasa"),           # licence name run on
    ("PT BITANG MANDIRI INTERNASIONAL DIREKTUR UTAMA", "pt bitang mandiri internasional"),
    ("PT MAPAN JOYO SENTOSO DIMANA", "pt mapan jaya sentosa"),            # variants + prose word
    ("PT ADARO DESA TUMBANG BAUH KEC", "pt adaro"),                       # an address run on
    ("PT SUKSES MANDIRI UTAMA PROVINSI JAWA TIMUR", "pt sukses mandiri utama"),
    ("PT NSP MALANG", "pt nsp"),                                          # office's city dropped
    ("PT R SEI LOMBOK TIMUR", "pt r sei"),                                # two-word regency dropped
    ("LPK KAORI ACADEMY CENTER", "lpk kaori akademi center"),
    ("LPK KAORI AKADEMIK CENTER", "lpk kaori akademi center"),
    ("LPK VOYAGER INTERNATIONAL SCHOOL", "lpk voyager internasional sekolah"),
    ("Lembaga Pelatihan Kerja Momiji Gakkou", "lpk momiji gakkou"),
    ("PT LPK KARYA MULYA", "pt lpk karya mulya"),
    ("PT CILIANDRY ANKY ABADI GRUP", "pt ciliandry anky abadi"),
    ("PT MALANG", "pt malang"),                                           # the name itself is kept
])
def test_company_key(name, key):
    assert company_key(name) == key


def test_legal_form_read_apart():
    assert company_key("Nusa Sinar", "P.T.") == "pt nusa sinar"
    assert company_core("pt lpk karya mulya") == "karya mulya"
    assert company_core(company_key("CV Elegantz")) == company_core(company_key("PT. ELEGANTZ"))


def test_distinctive_words_and_tails():
    assert is_distinctive("voyager") and not is_distinctive("jaya") and not is_distinctive("iin")
    assert is_tail_word("DIREKTUR") and is_tail_word("Kec") and not is_tail_word("Sentosa")


@pytest.mark.parametrize("a, b, same", [
    ("elegantz", "elegantz spa sauna", True),          # one begins the other
    ("kaori gerung", "kaori akademi center", True),    # same distinctive first word
    ("nusa sinar", "nusa sinar perkasa", False),       # generic words only: left to the prefix rule
    ("nusa sinar perkasa", "nusa pelita sejahtera", False),
    ("mandiri jaya", "mandiri utama", False),
    ("", "x", False),
])
def test_same_company_words(a, b, same):
    assert same_company_words(a, b) is same
    assert same_company_words(b, a) is same


def test_similarity_reads_through_ocr_splits():
    assert name_similarity("jasa ba kti agung", "jasa bakti agung") == 1.0
    assert name_similarity("kusia educa tion center", "kusia education center") == 1.0
    assert name_similarity("nusa sinar", "mitra sinar") < 0.8


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=8))
def test_company_key_never_crashes_and_is_stable(name, form):
    key = company_key(name, form)
    assert key == key.strip() and "  " not in key
    assert company_key(key) == key
    assert company_core(key) in key


def test_docstring_examples_run():
    import doctest

    import analysis.extract.company_names as module
    import analysis.link.companies as similarity

    for m in (module, similarity):
        result = doctest.testmod(m, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0 and result.failed == 0
