"""Property tests of ``redact``: no input crashes it, what it targets never survives, a second
pass changes nothing, and text without identifiers comes back as it went in."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.privacy import redact
from analysis.privacy.redaction import _PASSPORT_RE, _PHONE_RE

# Pieces of identity lines and addresses, so that random combinations reach deep into the patterns.
_PIECES = ["Tempat tinggal", "alamat", ":", ";", ",", ".", "/", "-", " ", "  ", "\n", "RT", "RW", "Rt/Rw",
           "RT.", "003", "05", "Jl.", "Jalan", "No.", "12", "Gg.", "Blok", "C-7", "Perum", "Dusun", "Desa",
           "Kel.", "Kec.", "Kabupaten", "Agama", "Pekerjaan", "Melati", "Sukamaju", "Krajan", "paspor",
           "nomor", "C1234567", "AT", "123456", "0812", "3456", "7890", "0", "8", "+62", "+60", "(0361)",
           "234567", "HP", "Telp", "NIK", "3201234567890001", "1234", "5678", "@", "ani", "contoh.id",
           "[ADDRESS]", "[PHONE]", "E", "99"]
soup = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
spaced_soup = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
digits = st.text(alphabet="0123456789 .-+()/ABCEX", max_size=80)
any_text = st.one_of(st.text(max_size=300), soup, spaced_soup, digits)

# Ordinary words of the decisions with no identifier among them.
_WORDS = ["terdakwa", "saksi", "korban", "bahwa", "pada", "hari", "Senin", "bulan", "Maret", "di",
          "Desa", "Sukamaju", "Kecamatan", "Cibeber", "Jakarta", "Malaysia", "PT", "Maju", "Jaya",
          "Pengadilan", "Negeri", "Mataram", "pidana", "penjara", "tahun", "bekerja", "sebagai",
          "pembantu", "rumah", "tangga", "dengan", "gaji", "Rp", "5.000.000,00", "(lima", "juta", "rupiah)",
          "4", "(empat)", "Pasal", "UU", "21", "2007", ",", ".", "\n"]


def _no_number_run(words: list[str]) -> bool:
    """False when bare numbers follow one another for 8 digits or more: "2007 2007 2007 2007"
    is written like a grouped identity number, and masking it is right."""
    run = 0
    for w in words:
        run = run + len(w) if w.isdigit() else 0
        if run >= 8:
            return False
    return True


plain = st.lists(st.sampled_from(_WORDS), max_size=40).filter(_no_number_run).map(" ".join)

_SIXTEEN = re.compile(r"(?<!\d)\d{16}(?!\d)")


def _phones(text: str) -> list[str]:
    return [m.group(0) for m in _PHONE_RE.finditer(text) if 8 <= sum(c.isdigit() for c in m.group(0)) <= 15]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_no_input_crashes_and_targets_never_survive(text):
    out = redact(text)
    assert isinstance(out, str)
    assert not _SIXTEEN.search(out)
    assert _phones(out) == []
    assert not _PASSPORT_RE.search(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_idempotent(text):
    once = redact(text)
    assert redact(once) == once


@settings(max_examples=200, deadline=None)
@given(plain)
def test_text_without_identifiers_is_unchanged(text):
    assert redact(text) == text
