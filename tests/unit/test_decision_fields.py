"""Sections, case fields and defendants on invented decision text (no real names)."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract import case_fields as cf
from analysis.extract.defendants import (
    count_defendants_in_verdict,
    identity_blocks,
    verdict_outcomes,
)
from analysis.extract.sections import split_sections

TWO_DEFENDANTS = """PUTUSAN Nomor 77/Pid.Sus/2025/PN Xyz DEMI KEADILAN BERDASARKAN KETUHANAN YANG MAHA ESA Pengadilan Negeri Kota Contoh yang mengadili perkara pidana;
Terdakwa I:
1. Nama lengkap : BUDI SANTOSA alias BUD bin KARTA;
2. Tempat lahir : Desa Contoh;
3. Umur/Tanggal lahir : 41 Tahun/2 Mei 1984;
4. Jenis kelamin : Laki-laki;
Terdakwa II:
1. Nama lengkap : SITI WULANJARI binti WIRYA;
2. Tempat lahir : Desa Contoh;
3. Umur/Tanggal lahir : 35 (tiga puluh lima) Tahun;
4. Jenis kelamin : Perempuan;
Para Terdakwa ditahan oleh:
1. Penyidik sejak tanggal 1 Januari 2025;
Pengadilan Negeri tersebut;
Setelah mendengar tuntutan pidana Penuntut Umum;
Menimbang, bahwa Para Terdakwa didakwa dengan dakwaan sebagai berikut: Pasal 4 UU Nomor 21 Tahun 2007;
Menimbang, bahwa Penuntut Umum mengajukan keterangan saksi sebagai berikut: korban diberangkatkan ke Malaysia lalu ke negara Uni Emirat Arab sebagai PMI;
Menimbang, bahwa diperoleh fakta hukum: terdapat 3 (tiga) orang korban yang dipekerjakan di Malaysia dan Uni Emirat Arab;
Menimbang, bahwa Majelis Hakim akan mempertimbangkan dakwaan;
Memperhatikan, Pasal 81 Jo Pasal 69 Undang-Undang Nomor 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia jo Pasal 55 ayat (1) ke-1 KUHP dan Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana;
MENGADILI:
1. Menyatakan Terdakwa I dan Terdakwa II terbukti secara sah dan meyakinkan bersalah;
2. Menjatuhkan pidana terhadap Terdakwa I dengan pidana penjara selama 5 (lima) tahun dan Terdakwa II dengan pidana penjara selama 3 (tiga) tahun dan 6 (enam) bulan dan denda kepada para terdakwa masing-masing sejumlah Rp200.000.000,00 (dua ratus juta rupiah) dengan ketentuan apabila denda tidak dibayar diganti dengan pidana kurungan selama 3 (tiga) bulan;
3. Menghukum Terdakwa I membayar restitusi kepada korban sejumlah Rp10.000.000,00 dan Rp5.500.000,00 dengan ketentuan apabila tidak dibayar diganti kurungan;
4. Membebankan biaya perkara kepada Para Terdakwa sejumlah Rp5.000,00;
Demikianlah diputuskan dalam rapat permusyawaratan Majelis Hakim pada hari Senin, tanggal 12 Mei 2025, oleh kami Hakim Ketua.
"""


def test_sections_in_order():
    s = split_sections(TWO_DEFENDANTS)
    assert list(s) == ["header", "identity", "detention", "proceedings", "demands", "charges", "witnesses",
                       "facts", "considerations", "verdict", "closing"]
    assert TWO_DEFENDANTS[slice(*s["verdict"])].startswith("MENGADILI:")
    assert TWO_DEFENDANTS[slice(*s["closing"])].startswith("Demikianlah diputuskan")
    ends = [e for _, e in s.values()]
    starts = [b for b, _ in s.values()]
    assert starts[1:] == ends[:-1]


def test_verdict_is_after_the_last_mengadili():
    t = "tuntutan: MENGADILI: 1. (quoted demand) ... Memperhatikan ... MENGADILI: 2. final"
    s = split_sections(t)
    assert t[slice(*s["verdict"])] == "MENGADILI: 2. final"


def test_case_fields():
    t = TWO_DEFENDANTS
    assert cf.case_number(t, "77_Pid.Sus_2025_PN_Xyz.txt").case_id == "77/Pid.Sus/2025/PN Xyz"
    assert cf.case_number(t, "77_Pid.Sus_2025_PN_Xyz-2.txt").check == "match"
    assert cf.case_number(t, "78_Pid.Sus_2025_PN_Xyz.txt").case_id == "78/Pid.Sus/2025/PN Xyz"
    assert cf.court_name(t) == "Pengadilan Negeri Kota Contoh"
    assert cf.decision_date(t) == dt.date(2025, 5, 12)
    s = split_sections(t)
    basis = t[t.index("Memperhatikan"): s["verdict"][1]]
    assert cf.find_laws(basis) == ["UU 18/2017 Pasal 81", "UU 18/2017 Pasal 69", "KUHP Pasal 55 ayat (1) ke-1"]
    assert cf.destination_countries(t) == ["Malaysia", "United Arab Emirates"]
    assert cf.victim_count(t) == 3
    assert cf.is_migrant_worker_case(t, cf.find_laws(basis), ["Malaysia"]) is True


def test_identity_blocks():
    ds = identity_blocks(TWO_DEFENDANTS, 0, TWO_DEFENDANTS.index("Pengadilan Negeri tersebut"))
    assert [(d.person_key, d.aliases, d.sex, d.age) for d in ds] == [
        ("budi santosa", ["BUD"], "L", 41), ("siti wulanjari", [], "P", 35)]


def test_identity_table_layout():
    t = ("Terdakwa. 1. 2. 3. 4. Nama lengkap Tempat lahir Umur/ tanggal lahir Jenis kelamin Kebangsaan Tempat tinggal "
         "Agama Pekerjaan ANI WIJAYA Als ANI Binti KARTA; Desa Contoh; 27 Tahun/ 1 Mei 1998; Perempuan; Indonesia; "
         "Jalan Contoh; Islam; Tidak Bekerja; Terdakwa ditahan")
    [d] = identity_blocks(t)
    assert (d.person_key, d.sex, d.age) == ("ani wijaya", "P", 27)


def test_verdict_outcomes_per_defendant():
    s = split_sections(TWO_DEFENDANTS)
    amar = TWO_DEFENDANTS[slice(*s["verdict"])]
    assert count_defendants_in_verdict(amar) == 2
    one, two = verdict_outcomes(amar, 2)
    assert (one.verdict, one.sentence_months, one.fine_idr, one.fine_substitute_months, one.restitution_idr) == \
        ("convicted", 60.0, 200_000_000, 3.0, 15_500_000)
    assert (two.verdict, two.sentence_months, two.fine_idr, two.fine_substitute_months, two.restitution_idr) == \
        ("convicted", 42.0, 200_000_000, 3.0, None)


@pytest.mark.parametrize("amar, verdict", [
    ("MENGADILI: 1. Menyatakan Terdakwa tidak terbukti secara sah dan meyakinkan bersalah;\n"
     "2. Membebaskan Terdakwa dari semua dakwaan;", "acquitted"),
    ("MENGADILI: 1. Menyatakan perbuatan Terdakwa bukan tindak pidana;\n"
     "2. Melepaskan Terdakwa oleh karena itu dari segala tuntutan hukum;", "released"),
    ("MENGADILI: 1. Membebaskan Terdakwa dari dakwaan primair;\n2. Menjatuhkan pidana kepada Terdakwa dengan "
     "pidana penjara selama 4 (empat) tahun;", "convicted"),
])
def test_verdict_kinds(amar, verdict):
    assert verdict_outcomes(amar, 1)[0].verdict == verdict


@pytest.mark.parametrize("text, laws", [
    ("Pasal 2 ayat (1) UU RI No. 21 tahun 2007 jo Pasal 64 ayat (1) KUHPidana",
     ["UU 21/2007 Pasal 2 ayat (1)", "KUHP Pasal 64 ayat (1)"]),
    ("Pasal 88 jo Pasal 76 I Undang \u2013 Undang Nomor 35 Tahun 2014", ["UU 35/2014 Pasal 88", "UU 35/2014 Pasal 76I"]),
    ("Pasal 55 ayat (I) Ke \u2014 I KUHP", ["KUHP Pasal 55 ayat (1) ke-1"]),
    ("tidak ada pasal", []),
])
def test_find_laws(text, laws):
    assert cf.find_laws(text) == laws


@pytest.mark.parametrize("text, date", [
    ("tanggal 1 Agustus 2024", dt.date(2024, 8, 1)),
    ("tanggal 30 Nopember 2023", dt.date(2023, 11, 30)),
    ("tanggal dua puluh satu bulan Juli tahun dua ribu dua puluh lima", dt.date(2025, 7, 21)),
    ("tanggal 31 Februari 2025", None),
])
def test_parse_date(text, date):
    assert cf.parse_date(text) == date


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_free_text_readers_never_crash(s):
    split_sections(s)
    cf.case_number(s, s[:40])
    cf.court_name(s)
    cf.parse_date(s)
    cf.decision_date(s)
    cf.find_laws(s)
    cf.destination_countries(s)
    cf.victim_count(s)
    identity_blocks(s)
    for o in verdict_outcomes(s, 2):
        assert o.sentence_months is None or o.sentence_months >= 0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Pasal 2", "ayat (1)", "jo", "KUHP", "UU Nomor 21 Tahun 2007", "huruf a", "ke-1",
                                 "dan", ";", "Undang-Undang Nomor 8 Tahun 1981", "MENGADILI", "Terdakwa II",
                                 "pidana penjara selama", "3 (tiga) tahun", "denda", "Rp5.000,00"]), max_size=30)
       .map(" ".join))
def test_legal_fragments_never_crash(s):
    laws = cf.find_laws(s)
    assert all(law.startswith(("UU ", "KUHP ")) for law in laws)
    assert len(laws) == len(set(laws))
    verdict_outcomes(s, 3)


@pytest.mark.parametrize("text, n", [
    ("merekrut 5 (lima) orang calon PMI dan 2 orang korban", 5),
    ("korban sebanyak 3 orang", 3),
    ("terdapat 2 (dua) orang anak korban", 2),
    ("para saksi", None),
])
def test_victim_count(text, n):
    assert cf.victim_count(text) == n


def test_substitute_detention_written_after_the_number():
    amar = ("MENGADILI: 2. Menjatuhkan pidana kepada Terdakwa dengan pidana penjara selama 1 (satu) tahun dan "
            "9 (sembilan) bulan dan denda sejumlah Rp100.000.000,00 (seratus juta Rupiah) dengan ketentuan apabila "
            "denda tersebut tidak dibayar diganti dengan 3 (tiga) bulan kurungan;")
    o = verdict_outcomes(amar, 1)[0]
    assert (o.sentence_months, o.fine_idr, o.fine_substitute_months) == (21.0, 100_000_000, 3.0)


def test_sentence_without_the_word_penjara():
    amar = ("MENGADILI: 2. Menjatuhkan pidana terhadap Terdakwa I dan Terdakwa II masing-masing selama: 4 (empat) "
            "Tahun dan denda sebesar Rp120.000.000,- (seratus dua puluh juta rupiah) dengan ketentuan apabila denda "
            "tidak dibayar diganti dengan pidana kurungan masing-masing selama: 3 (tiga) Bulan;")
    assert [(o.sentence_months, o.fine_idr, o.fine_substitute_months) for o in verdict_outcomes(amar, 2)] == \
        [(48.0, 120_000_000, 3.0)] * 2


# ---------------------------------------------------------------- accuracy rules (gold-set review)

@pytest.mark.parametrize("text, countries", [
    # a transit stop, a nationality, a currency and an earlier job are not destinations
    ("fakta hukum: korban diberangkatkan ke Kamboja melalui Malaysia; korban transit di Singapura; "
     "korban dipekerjakan di Kamboja; gaji 400 dolar Brunei; warga negara Rusia; korban pernah bekerja di Taiwan",
     ["Cambodia"]),
    # the next leg of a journey makes the first place a transit stop
    ("fakta hukum: korban berangkat tujuan Kuala Lumpur kemudian ke Delhi untuk perjalanan ke India; "
     "korban dibawa ke India", ["India"]),
    # a single aside in testimony is not enough
    ("keterangan saksi: Ahli menerangkan pengiriman tenaga kerja dengan tujuan ke Australia", []),
    # a country far less attested than the main destination is dropped
    ("fakta hukum: korban bekerja di Arab Saudi; korban bekerja di Arab Saudi; korban bekerja di Arab Saudi; "
     "korban berada di Arab Saudi; korban bekerja di Arab Saudi; agen mengirim orang ke Qatar", ["Saudi Arabia"]),
    # a wish is not a destination: the victim wanted one country and was sent to another
    ("fakta hukum: korban berniat bekerja di Arab Saudi; korban diberangkatkan ke Turki; korban bekerja di Turki",
     ["Turkey"]),
    # a neighbourhood named after a country
    ("fakta hukum: korban dibawa menginap di hotel yang berada di Kampung Cina; korban dibawa ke kampung Cina", []),
])
def test_destination_countries_rules(text, countries):
    assert cf.destination_countries(text) == countries


def test_destination_scores_weigh_the_facts_double():
    text = "dakwaan: korban dikirim ke Malaysia; fakta hukum: korban bekerja di Malaysia"
    assert cf.destination_scores(text) == {"Malaysia": 3.0}


@pytest.mark.parametrize("text, laws", [
    ("Pasal 81 Jo. 53 ayat (1) KUHP", ["KUHP Pasal 81", "KUHP Pasal 53 ayat (1)"]),
    ("Pasal 81 Undang-Undang Nomor 18 Tahun 2017 Jo. Pasal 5 6 Ayat (1) KUHP",
     ["UU 18/2017 Pasal 81", "KUHP Pasal 56 ayat (1)"]),
    ("Pasal 4 UU Nomor 21 Tahun 2007 Juncto Pasal 55 ayat (1) ke-l KUHP",
     ["UU 21/2007 Pasal 4", "KUHP Pasal 55 ayat (1) ke-1"]),
    ("Pasal 2 ayat (2) juncto Pasal 17 Undang-undang Nomor 21 tahun 200 7 tentang Perdagangan Orang",
     ["UU 21/2007 Pasal 2 ayat (2)", "UU 21/2007 Pasal 17"]),
    ("Pasal 186 ayat (1) Juncto Pasal 35 ayat ( 2) dan ayat (3) Undang-Undang Nomor 13 Tahun 2003",
     ["UU 13/2003 Pasal 186 ayat (1)", "UU 13/2003 Pasal 35 ayat (2) ayat (3)"]),
    ("Pasal 2 UU Nomor 21 Tahun 2007 Jo Pasal 55 KUHP dan Pasal 8 Jo Pasal 15 ayat (1) huruf e, huruf f dan "
     "huruf g Undang-undang Nomor 12 tahun 2022",
     ["UU 21/2007 Pasal 2", "KUHP Pasal 55", "UU 12/2022 Pasal 8", "UU 12/2022 Pasal 15 ayat (1) huruf e huruf f huruf g"]),
])
def test_find_laws_repairs(text, laws):
    assert cf.find_laws(text) == laws


def test_decision_laws_proven_charged_acquittal_and_new_code():
    basis = "Memperhatikan, Pasal 4 Jo Pasal 48 Undang-Undang Nomor 21 Tahun 2007 Jo Pasal 55 ayat (1) ke-1 KUHP"
    guilty = "1. Menyatakan Terdakwa terbukti secara sah dan meyakinkan bersalah; 2. Menjatuhkan pidana penjara"
    charges = "dakwaan kesatu Pasal 2 UU No. 21 Tahun 2007; kedua Pasal 4 UU No. 21 Tahun 2007"
    assert cf.decision_laws(basis, guilty, charges) == (
        ["UU 21/2007 Pasal 4", "KUHP Pasal 55 ayat (1) ke-1"], ["UU 21/2007 Pasal 2", "UU 21/2007 Pasal 4"])
    acquit = "1. Menyatakan Terdakwa tidak terbukti secara sah dan meyakinkan bersalah; 2. Membebaskan Terdakwa"
    assert cf.decision_laws(basis, acquit, charges) == ([], ["UU 21/2007 Pasal 2", "UU 21/2007 Pasal 4"])
    assert cf.decision_laws("Memperhatikan Pasal 455 ayat (1) KUHP jo Pasal 20 huruf c KUHP", guilty, "",
                            dt.date(2026, 5, 19)) == (["UU 1/2023 Pasal 455 ayat (1)", "UU 1/2023 Pasal 20 huruf c"], [])
    assert cf.decision_laws("Memperhatikan Pasal 296 KUHP", guilty, "", dt.date(2025, 12, 31))[0] == ["KUHP Pasal 296"]
    # nothing in the basis: the charges stand in
    assert cf.decision_laws("", guilty, charges)[0] == ["UU 21/2007 Pasal 2", "UU 21/2007 Pasal 4"]


def test_migrant_flag_ignores_domestic_placement():
    domestic = "pelaksana penempatan tenaga kerja ke perkebunan di Kalimantan; " * 6 + "aturan pekerja migran disebut"
    assert cf.is_migrant_worker_case(domestic, ["UU 13/2003 Pasal 186"], []) is False
    assert cf.is_migrant_worker_case("calon PMI " * 10, [], []) is True


def test_court_name_joins_a_split_letter():
    assert cf.court_name("Pengadilan Negeri Bengkul u Kelas 1A yang mengadili") == "Pengadilan Negeri Bengkulu"
    assert cf.court_name("Pengadilan Negeri Kota Contoh yang mengadili") == "Pengadilan Negeri Kota Contoh"


@pytest.mark.parametrize("block, age", [
    ("Umur/Tanggal lahir : 50/1 Mei 1969 Jenis kelamin : Laki-laki", 50),
    ("Umur/Tanggal lahir 65 Tahun/ 17 Mei 1960; Jenis kelamin Laki-laki", 65),
    ("Umur/Tanggal lahir : 47 Tahun 19 November 1978", 47),
    ("Umur/Tanggal lahir : -/1 Mei 1969", None),
])
def test_age_layouts(block, age):
    from analysis.extract.defendants import _age

    assert _age(block) == age


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ke di Malaysia Kuala Lumpur fakta hukum transit Jo. Pasal 5 6 ayat (1) "
                                             "KUHP Tahun 200 7 Membebaskan terbukti dari warga ;\n")), max_size=300))
def test_new_readers_never_crash(s):
    assert isinstance(cf.destination_countries(s), list)
    assert all(v > 0 for v in cf.destination_scores(s).values())
    proven, charged = cf.decision_laws(s, s, s, dt.date(2026, 1, 5))
    assert all(not law.startswith("KUHP ") for law in proven + charged)


def test_one_term_each_reaches_a_defendant_named_without_number():
    amar = ("MENGADILI: 1. Menyatakan Terdakwa I. A, Terdakwa II. B dan Terdakwa III. C terbukti secara sah dan "
            "meyakinkan bersalah;\n2. Menjatuhkan pidana terhadap Terdakwa I A, Terdakwa B dan Terdakwa III C oleh karena "
            "itu dengan pidana penjara masing-masing selama 2 (dua) tahun;\n3. Membebankan biaya perkara")
    assert [o.sentence_months for o in verdict_outcomes(amar, 3)] == [24.0, 24.0, 24.0]
    two_terms = ("MENGADILI: 1. Menjatuhkan pidana kepada Terdakwa I dengan pidana penjara selama 5 (lima) tahun dan "
                 "Terdakwa II dengan pidana penjara selama 3 (tiga) tahun dan denda masing-masing Rp1.000.000,00;")
    assert [o.sentence_months for o in verdict_outcomes(two_terms, 3)] == [60.0, 36.0, None]
