"""person_key / split_name / is_initials on toy names (invented, not from the decisions)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract.names import NameParts, fold, is_initials, person_key, split_name


@pytest.mark.parametrize("written, expected", [
    ("ANDI WIRABUMI", NameParts("ANDI WIRABUMI", [], None)),
    ("Sdr. Andi Wirabumi", NameParts("Andi Wirabumi", [], None)),
    ("Saudara/i Andi Wirabumi", NameParts("Andi Wirabumi", [], None)),
    ("Andi Wirabumi alias Ande", NameParts("Andi Wirabumi", ["Ande"], None)),
    ("Andi Wirabumi Als. Ande", NameParts("Andi Wirabumi", ["Ande"], None)),
    ("Andi Wirabumi alias: Ande", NameParts("Andi Wirabumi", ["Ande"], None)),
    ("Andi @ Ande", NameParts("Andi", ["Ande"], None)),
    ("ANDI Bin Alm KARTA", NameParts("ANDI", [], "KARTA")),
    ("SITI ALIAS TIWU BINTI H. KARTA", NameParts("SITI", ["TIWU"], "KARTA")),
    ("Andi alias Ande bin Karta Jaya", NameParts("Andi", ["Ande"], "Karta Jaya")),
    ("ANDI Bin KARTA (Alm);", NameParts("ANDI", [], "KARTA")),
    ("Andi (Ande)", NameParts("Andi", ["Ande"], None)),
    ("Terdakwa II ANDI", NameParts("ANDI", [], None)),
    ("Drs. H. Andi Wirabumi, S.H., M.H.", NameParts("Andi Wirabumi", [], None)),
    ("Hj. Siti Wulanjari", NameParts("Siti Wulanjari", [], None)),
    ("Robin Sabin", NameParts("Robin Sabin", [], None)),
    ("TERDAKWA", NameParts("", [], None)),
])
def test_split_name(written, expected):
    assert split_name(written) == expected


@pytest.mark.parametrize("a, b", [
    ("ANDI WIRABUMI", "Andi  Wirabumi"),
    ("Sdr. ANDI WIRABUMI bin KARTA", "andi wirabumi alias ande"),
    ("Andi-Wirabumi", "ANDI WIRABUMI."),
    ("Andí Wirabumi", "Andi Wirabumi"),
    ("Terdakwa I Andi Wirabumi, S.E.", "H. Andi Wirabumi"),
])
def test_same_person_same_key(a, b):
    assert person_key(a) == person_key(b) == "andi wirabumi"


def test_different_people_differ():
    assert person_key("Andi Wirabumi") != person_key("Andi Wirabumo")


def test_fold():
    assert fold("Ma'ruf  AMIN-Wirabumi.") == "maruf amin wirabumi"


@pytest.mark.parametrize("name, expected", [
    ("A.S.", True), ("A. S", True), ("AS", True), ("Anak Korban AS", True), ("Sdri. N.A", True),
    ("ANI", False), ("Andi", False), ("Andi S.", False), ("", False), ("Terdakwa", False),
])
def test_is_initials(name, expected):
    assert is_initials(name) is expected


def test_split_name_rejects_non_string():
    with pytest.raises(TypeError):
        split_name(None)  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_never_crashes_and_key_is_folded(s):
    parts = split_name(s)
    key = person_key(s)
    assert key == fold(key)
    assert key == fold(parts.given)
    assert isinstance(is_initials(s), bool)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["Andi", "Budi", "Wirabumi", "Siti", "Rahma"]), min_size=1, max_size=3),
       st.sampled_from(["", "Sdr. ", "H. ", "Terdakwa I ", "TERSANGKA "]),
       st.sampled_from(["", " alias Adoy", " bin Karta", " Als. Adoy binti Karta", ", S.H."]))
def test_decorations_do_not_change_key(words, prefix, suffix):
    name = " ".join(words)
    assert person_key(prefix + name.upper() + suffix) == fold(name)
