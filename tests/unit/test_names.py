"""person_key / split_name / is_initials on toy names (invented, not from the decisions)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract.names import NameParts, fold, is_initials, person_key, split_name


@pytest.mark.parametrize("written, expected", [
    ("ANDI WIJAYA", NameParts("ANDI WIJAYA", [], None)),
    ("Sdr. Andi Wijaya", NameParts("Andi Wijaya", [], None)),
    ("Saudara/i Andi Wijaya", NameParts("Andi Wijaya", [], None)),
    ("Andi Wijaya alias Ande", NameParts("Andi Wijaya", ["Ande"], None)),
    ("Andi Wijaya Als. Ande", NameParts("Andi Wijaya", ["Ande"], None)),
    ("Andi Wijaya alias: Ande", NameParts("Andi Wijaya", ["Ande"], None)),
    ("Andi @ Ande", NameParts("Andi", ["Ande"], None)),
    ("ANDI Bin Alm KARTA", NameParts("ANDI", [], "KARTA")),
    ("SITI ALIAS TIWU BINTI H. KARTA", NameParts("SITI", ["TIWU"], "KARTA")),
    ("Andi alias Ande bin Karta Jaya", NameParts("Andi", ["Ande"], "Karta Jaya")),
    ("ANDI Bin KARTA (Alm);", NameParts("ANDI", [], "KARTA")),
    ("Andi (Ande)", NameParts("Andi", ["Ande"], None)),
    ("Terdakwa II ANDI", NameParts("ANDI", [], None)),
    ("Drs. H. Andi Wijaya, S.H., M.H.", NameParts("Andi Wijaya", [], None)),
    ("Hj. Siti Wulanjari", NameParts("Siti Wulanjari", [], None)),
    ("Robin Sabin", NameParts("Robin Sabin", [], None)),
    ("TERDAKWA", NameParts("", [], None)),
])
def test_split_name(written, expected):
    assert split_name(written) == expected


@pytest.mark.parametrize("a, b", [
    ("ANDI WIJAYA", "Andi  Wijaya"),
    ("Sdr. ANDI WIJAYA bin KARTA", "andi wijaya alias ande"),
    ("Andi-Wijaya", "ANDI WIJAYA."),
    ("Andí Wijaya", "Andi Wijaya"),
    ("Terdakwa I Andi Wijaya, S.E.", "H. Andi Wijaya"),
])
def test_same_person_same_key(a, b):
    assert person_key(a) == person_key(b) == "andi wijaya"


def test_different_people_differ():
    assert person_key("Andi Wijaya") != person_key("Andi Wijoyo")


def test_fold():
    assert fold("Ma'ruf  AMIN-Wijaya.") == "maruf amin wijaya"


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
@given(st.lists(st.sampled_from(["Andi", "Budi", "Wijaya", "Siti", "Rahma"]), min_size=1, max_size=3),
       st.sampled_from(["", "Sdr. ", "H. ", "Terdakwa I ", "TERSANGKA "]),
       st.sampled_from(["", " alias Adoy", " bin Karta", " Als. Adoy binti Karta", ", S.H."]))
def test_decorations_do_not_change_key(words, prefix, suffix):
    name = " ".join(words)
    assert person_key(prefix + name.upper() + suffix) == fold(name)
