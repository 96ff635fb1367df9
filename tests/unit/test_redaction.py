"""Redaction of stored text: one test per identifier form, on invented text shaped like the
decisions (names, numbers and places here are made up)."""

from __future__ import annotations

import pytest

import analysis.privacy.redaction as redaction
from analysis.privacy import redact
from analysis.privacy.redaction import RedactionError


@pytest.mark.parametrize("text, expected", [
    ("NIK 3201234567890001, lahir di Cianjur", "NIK [NIK], lahir di Cianjur"),
    ("NIK. 32012345678900012 (tertulis)", "NIK. [NIK] (tertulis)"),
    ("KTP : 3201 2345 6789 0001;", "KTP : [NIK];"),
    ("nomor kartu ATM 5264 1234 5678 9012;", "nomor kartu ATM [CARD];"),
])
def test_identity_numbers(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("paspor nomor C1234567 atas nama Siti Rahayu", "paspor nomor [PASSPORT] atas nama Siti Rahayu"),
    ("No. Paspor: AT 123456, berlaku", "No. Paspor: [PASSPORT], berlaku"),
    ("passport no. x7654321 issued", "passport no. [PASSPORT] issued"),
    # alone, far from the word "paspor" (a list of seized documents)
    ("1 (satu) buah buku warna hijau E1234567 dan 1 (satu) lembar kontrak",
     "1 (satu) buah buku warna hijau [PASSPORT] dan 1 (satu) lembar kontrak"),
    ("Visa FA 1234567;", "Visa [PASSPORT];"),
    # a ringgit amount is not a passport
    ("upah RM 1500000 per bulan", "upah RM 1500000 per bulan"),
])
def test_passport_numbers(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("HP 0812-3456-7890.", "HP [PHONE]."),
    ("nomor 0 812 3456 7890 milik saksi", "nomor [PHONE] milik saksi"),
    ("WhatsApp +62 812-3456-7890 dan +6281298765432", "WhatsApp [PHONE] dan [PHONE]"),
    ("agen di Malaysia +60 12-345 6789", "agen di Malaysia [PHONE]"),
    ("kantor (0361) 234567 buka", "kantor [PHONE] buka"),
    ("Telp. 0361-234567", "Telp. [PHONE]"),
    ("nomor 081234567890saksi", "nomor [PHONE]saksi"),
    ("nomor whatsapp+6281234567890 milik", "nomor whatsapp[PHONE] milik"),
])
def test_phone_numbers(text, expected):
    assert redact(text) == expected


def test_email():
    assert redact("dikirim ke budi.karya77@contoh.co.id pada") == "dikirim ke [EMAIL] pada"


@pytest.mark.parametrize("text, expected", [
    ("di RT 003 RW 005 Kecamatan Cibeber", "di [ADDRESS] Kecamatan Cibeber"),
    ("RT.03/RW.05, Kec. Praya", "[ADDRESS], Kec. Praya"),
    ("Rt/Rw 001/002 Kabupaten Lebak", "[ADDRESS] Kabupaten Lebak"),
    ("RT. 004 RW.\n002Kelurahan", "[ADDRESS]Kelurahan"),
])
def test_rt_rw(text, expected):
    assert redact(text) == expected


def test_residence_line_ends_at_next_field_label():
    text = ("5. Tempat tinggal : Dusun Krajan RT 002 RW 001 Desa Sumberwaru\n"
            "Kecamatan Banyuputih Kabupaten Situbondo\n6. Agama : Islam\n7. Pekerjaan : Petani")
    assert redact(text) == "5. Tempat tinggal : [ADDRESS]\n6. Agama : Islam\n7. Pekerjaan : Petani"


def test_residence_line_ends_at_semicolon_and_inline_label():
    assert redact("Tempat tinggal : Kampung Cibodas, Desa Mekarsari; Agama : Islam;") == \
        "Tempat tinggal : [ADDRESS]; Agama : Islam;"
    assert redact("alamat: Dsn. Sungai Kecil, Kel. Batu Ampar, pekerjaan: Petani") == \
        "alamat: [ADDRESS], pekerjaan: Petani"


def test_residence_line_ends_at_sentence_end_not_at_abbreviation():
    # the patterns alone (lokal-id's own labelled-field rule runs on to the line end)
    assert redact("alamat: Desa Lembah Kec. Sukadana Kab. Sintang. Hasil pemeriksaan baik", detector=False) == \
        "alamat: [ADDRESS]. Hasil pemeriksaan baik"


@pytest.mark.parametrize("text, expected", [
    ("tinggal di Jl. Melati No. 12, Kel. Sukamaju, Kec. Cibeber", "tinggal di [ADDRESS], Kec. Cibeber"),
    ("di Jalan Kenanga Gg. Mawar 3 Kota Bogor", "di [ADDRESS] Kota Bogor"),
    ("rumah di Komplek Griya Asri Blok C-7 Kota Batam", "rumah di [ADDRESS] Kota Batam"),
    ("di Perum Bukit Indah Blok No. C1 RT 001 RW 004, Kec. Sekupang", "di [ADDRESS], Kec. Sekupang"),
    ("kantor di Jln. Permata 21, Kota Batam", "kantor di [ADDRESS], Kota Batam"),
    ("Jalan Dr.Ir Sukarno Nomor 63 Mataram", "[ADDRESS] Mataram"),
    ("di Jl. Kenanga, Desa Sukamaju, Kec. Cibeber", "di [ADDRESS], Kec. Cibeber"),
    ("Jalan Gatot Subroto Timur Raya Dua Belas Indah No. 7, Kota Denpasar", "[ADDRESS], Kota Denpasar"),
    ("JL Veteran gang mawar\nNo.29 dekat pasar", "[ADDRESS] dekat pasar"),
    ("Jl. Cempaka Putih, Kav 52-53, Jakarta", "[ADDRESS], Jakarta"),
    ("Jalan Nusantara Indah Utara 7 Kota Batam", "[ADDRESS] Kota Batam"),
])
def test_street_addresses(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "terdakwa menjemput saksi di Desa Sukamaju lalu menuju Jakarta",
    "kejadian di Jl. Merpati depan hotel",
    "para korban berasal dari Dusun Krajan Desa Sumberwaru",
    "berdasarkan Undang-Undang Nomor 21 Tahun 2007",
])
def test_places_in_a_narrative_are_kept(text):
    assert redact(text) == text


def test_village_with_rt_rw_nearby_is_part_of_an_address():
    assert redact("saksi tinggal di Dusun Krajan RT 02 RW 01 Desa Sumberwaru Kabupaten Situbondo") == \
        "saksi tinggal di [ADDRESS] Kabupaten Situbondo"


def test_all_forms_together():
    text = ("Saksi Ani Lestari, NIK 3578012345670002, tinggal di Jl. Anggrek No. 5 RT 001 RW 002, "
            "HP 0813 1111 2222, paspor B 7654321, e-mail ani.l@contoh.id.")
    assert redact(text) == ("Saksi Ani Lestari, NIK [NIK], tinggal di [ADDRESS], "
                            "HP [PHONE], paspor [PASSPORT], e-mail [EMAIL].")


def test_empty_and_plain_text_unchanged():
    assert redact("") == ""
    assert redact("Pengadilan Negeri Mataram menjatuhkan pidana penjara 4 (empat) tahun") == \
        "Pengadilan Negeri Mataram menjatuhkan pidana penjara 4 (empat) tahun"


def test_failing_detector_is_a_loud_error(monkeypatch):
    class Broken:
        @staticmethod
        def detect_pii(text):
            raise MemoryError("out of memory")

    monkeypatch.setattr(redaction, "_lokal", Broken)
    with pytest.raises(RedactionError, match="lokal-id failed: MemoryError: out of memory"):
        redact("HP 0812-3456-7890")


def test_missing_detector_is_a_loud_error(monkeypatch):
    monkeypatch.setattr(redaction, "_lokal", None)
    monkeypatch.setattr(redaction, "_LOKAL_IMPORT_ERROR", ImportError("No module named 'lokal'"))
    with pytest.raises(RedactionError, match="not installed"):
        redact("teks biasa")


def test_detector_spans_are_masked(monkeypatch):
    class Finds:
        class M:
            type, start, end = "BANK_ACCOUNT", 9, 19

        @staticmethod
        def detect_pii(text):
            return [Finds.M]

    monkeypatch.setattr(redaction, "_lokal", Finds)
    assert redact("rekening 1234567890 BRI") == "rekening [BANK_ACCOUNT] BRI"


def test_overlapping_spans_merge_under_the_longest_label():
    assert redaction._merge([(0, 4, "PHONE"), (2, 10, "ADDRESS"), (12, 14, "NIK")]) == \
        [(0, 10, "ADDRESS"), (12, 14, "NIK")]


def test_actor_labels_are_redacted():
    from analysis.link.actors import _safe_label

    assert _safe_label("PT Maju Jaya Jl. Melati No. 12", "company", frozenset()) == "PT Maju Jaya [ADDRESS]"
