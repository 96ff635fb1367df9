"""Victim records from a decision: counts, identity, origin, destination, exploitation, evidence."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.extract import victims as V
from analysis.extract.model import ParsedDecision

KEY = b"test-key"


def doc(text: str, sections: dict | None = None, name: str = "9_Pid.Sus_2024_PN_Xyz.txt") -> ParsedDecision:
    return ParsedDecision(source_file=name, raw_text=text, text=text, to_raw=list(range(len(text))),
                          case_id="9/Pid.Sus/2024/PN Xyz", sections=sections or {})


ONE_VICTIM = (
    "Bahwa Terdakwa menawarkan pekerjaan sebagai asisten rumah tangga kepada saksi korban SEKAR PRAMESTI. "
    "Saksi korban SEKAR PRAMESTI, umur 17 tahun, jenis kelamin Perempuan, tempat tinggal Desa Sukamaju "
    "Kecamatan Pringgabaya Kabupaten Lombok Timur; "
    "Bahwa saksi korban SEKAR PRAMESTI membayar biaya sebesar Rp5.000.000,00 (lima juta rupiah) kepada Terdakwa; "
    "Bahwa fakta hukum: pada tanggal 3 Mei 2024 saksi korban SEKAR PRAMESTI diberangkatkan ke Arab Saudi "
    "melalui Kota Batam dan dipekerjakan di Arab Saudi.")


def test_one_named_victim_all_fields():
    v = V.decision_victims(doc(ONE_VICTIM), key=KEY)
    assert len(v) == 1
    r = v.iloc[0]
    assert (r.group_size, r.sex, r.age, r.minor) == (1, "P", 17, 1)
    assert (r.origin_village, r.origin_district) == ("Sukamaju", "Pringgabaya")
    assert (r.origin_regency, r.origin_regency_code, r.origin_province, r.origin_province_code) == (
        "Kabupaten Lombok Timur", "52.03", "Nusa Tenggara Barat", "52")
    assert (r.destination_country, r.transit) == ("Saudi Arabia", "Kota Batam")
    assert (r.recruitment_means, r.exploitation_type) == ("job_offer", "domestic_work")
    assert (r.departure_date, r.amount_paid_idr) == ("2024-05-03", 5_000_000)
    assert r.victim_id.startswith("V-") and "SEKAR" not in r.victim_id


def test_evidence_spans_slice_to_the_stated_values():
    v = V.decision_victims(doc(ONE_VICTIM), key=KEY).iloc[0]
    spans = dict(p.split(":") for p in v.evidence.split(";"))
    cut = {k: ONE_VICTIM[int(s.split("-")[0]):int(s.split("-")[1])] for k, s in spans.items()}
    assert cut["sex"] == "jenis kelamin Perempuan"
    assert cut["age"] == "umur 17 tahun"
    assert cut["origin_village"] == "Desa Sukamaju"
    assert cut["origin_district"] == "Kecamatan Pringgabaya"
    assert cut["origin_regency"] == "Kabupaten Lombok Timur"
    assert cut["exploitation_type"] == "asisten rumah tangga"
    assert "3 Mei 2024" in cut["departure_date"]
    assert "Rp5.000.000" in cut["amount_paid_idr"]
    a, b = map(int, v.anchor.split("-"))
    assert ONE_VICTIM[a:b] == "SEKAR PRAMESTI"


def test_pseudonym_is_stable_and_keyed_by_case():
    a = V.decision_victims(doc(ONE_VICTIM), key=KEY).victim_id[0]
    b = V.decision_victims(doc(ONE_VICTIM), key=KEY).victim_id[0]
    c = V.decision_victims(doc(ONE_VICTIM), key=b"other").victim_id[0]
    assert a == b != c


def test_stated_count_makes_one_group_row():
    t = ("Bahwa fakta hukum: Terdakwa merekrut 6 (enam) orang CPMI yang berasal dari Kabupaten Sabu Raijua "
         "untuk bekerja di perkebunan kelapa sawit di Malaysia.")
    v = V.decision_victims(doc(t), key=KEY)
    assert v[["group_size", "origin_regency", "destination_country", "exploitation_type"]].values.tolist() == [
        [6, "Kabupaten Sabu Raijua", "Malaysia", "plantation"]]
    assert int(V.n_victims_from(v).iloc[0]) == 6


def test_named_victims_and_a_larger_count_give_named_rows_plus_the_rest():
    t = ("Bahwa saksi korban SEKAR PRAMESTI dan saksi korban SEKAR PRAMESTI berangkat; terdapat 3 (tiga) orang korban "
         "yang dipekerjakan sebagai asisten rumah tangga.")
    in_facts = V.decision_victims(doc(t, {"facts": (0, len(t))}), key=KEY)
    assert in_facts["group_size"].tolist() == [1, 2]
    assert int(V.n_victims_from(in_facts).iloc[0]) == 3
    # a count outside the facts and considerations gives way to the victims named
    assert V.decision_victims(doc(t), key=KEY)["group_size"].tolist() == [1]


@pytest.mark.parametrize("text", [
    "berangkat dengan 3 (tiga) orang CPMI yang lain",        # other people, not the victims
    "belum memenuhi kuota sebanyak 40 orang calon pekerja migran",
    "jumlah permintaan 62 orang PMI",
])
def test_counts_of_other_people_are_not_victim_counts(text):
    assert V.stated_counts(doc(text)) == []


def test_a_list_introduced_by_a_count_is_used_only_without_named_victims():
    t = "Bahwa Terdakwa menjemput 2 (dua) orang yaitu Sdr. A dan Sdr. B untuk diberangkatkan ke Malaysia."
    assert [c[0] for c in V.stated_counts(doc(t))] == []
    assert [c[0] for c in V.stated_counts(doc(t), enumerations=True)] == [2]
    v = V.decision_victims(doc(t), key=KEY)
    assert v["group_size"].tolist() == [2]


def test_no_count_and_no_named_victim_leaves_n_victims_empty():
    t = "Bahwa Terdakwa dipekerjakan di perkebunan kelapa sawit; fakta hukum: korban bekerja di Malaysia dan di Malaysia."
    v = V.decision_victims(doc(t), key=KEY)
    assert len(v) == 1 and pd.isna(v["group_size"].iloc[0])
    assert v["exploitation_type"].iloc[0] == "plantation"
    assert pd.isna(V.n_victims_from(v).iloc[0])


def test_nothing_known_gives_no_rows():
    assert len(V.decision_victims(doc("Putusan tanpa keterangan apa pun."), key=KEY)) == 0


def test_district_name_is_not_taken_for_the_city_of_that_name():
    t = "Saksi X, perempuan, 27 tahun, alamat Dusun II Desa Paya Lombang Kec. Tebing Tinggi Kab. Serdang Bedagai; "
    r = V.identity_near(t, 0)
    assert r["origin_regency"][0] == "Kabupaten Serdang Bedagai"
    assert (r["sex"][0], r["age"][0]) == ("P", 27)


@pytest.mark.parametrize("text,expected", [
    ("dijanjikan bekerja sebagai pembantu rumah tangga", "domestic_work"),
    ("bekerja sebagai pengurus lansia di Malaysia", "domestic_work"),
    ("melayani tamu laki-laki untuk hubungan badan dengan bayaran", "sexual_exploitation"),
    ("dipekerjakan sebagai anak buah kapal ikan", "fishing_vessel"),
    ("bekerja sebagai operator judi online di Kamboja", "online_scam"),
    ("pekerjaan pengepakan buah", "factory"),
    ("korban digagalkan keberangkatannya di pelabuhan", "none_yet"),
    ("tanpa keterangan", "unknown"),
    # the statute's own list of forms of exploitation says nothing of the case
    ("eksploitasi adalah tindakan pelacuran, kerja paksa, perbudakan atau praktik serupa perbudakan", "unknown"),
])
def test_exploitation_type(text, expected):
    assert V.exploitation_type(text)[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("Terdakwa menawarkan pekerjaan dengan gaji sebesar RM 1500", "job_offer"),
    ("korban melihat iklan lowongan kerja online", "online_advert"),
    ("korban mengenal Terdakwa lewat Facebook dan TikTok", "social_media"),
    ("ditawari program magang ke Jepang, magang dengan beasiswa", "study_or_internship_offer"),
    ("tanpa keterangan", "unknown"),
])
def test_recruitment_means(text, expected):
    assert V.recruitment_means(text)[0] == expected


def test_n_victims_from_sums_groups_and_keeps_unknown_empty():
    v = pd.DataFrame({"case_id": ["a", "a", "b", "c"], "group_size": pd.array([1, 5, None, 2], dtype="Int64")})
    out = V.n_victims_from(v)
    assert out.loc["a"] == 6 and pd.isna(out.loc["b"]) and out.loc["c"] == 2


def test_table_validates_against_its_schema():
    from analysis.schemas import validate

    t = victims_of([ONE_VICTIM, "Bahwa fakta hukum: 4 (empat) orang korban dipekerjakan di kebun sawit di Malaysia"])
    out = validate(t, "victims")
    assert out["group_size"].tolist() == [1, 4]


def victims_of(texts: list[str]) -> pd.DataFrame:
    docs = [ParsedDecision(source_file=f"{i}_Pid.Sus_2024_PN_Xyz.txt", raw_text=t, text=t, to_raw=list(range(len(t))),
                           case_id=f"{i}/Pid.Sus/2024/PN Xyz") for i, t in enumerate(texts, start=1)]
    return V.victims_table(docs, key=KEY)


def test_score_decisions_counts_exact_and_given():
    gold = pd.DataFrame({"source_file": ["a", "b"], "n_victims": ["3", None], "exploitation_types": ["plantation"] * 2,
                         "destination_countries": ["Malaysia"] * 2})
    rows = pd.DataFrame({"source_file": ["a"], "origin_regency": ["Kota Kupang"]})
    pred = pd.DataFrame({"source_file": ["a", "b"], "case_id": ["A", "B"], "group_size": pd.array([2, 1], dtype="Int64"),
                         "origin_regency": ["Kota Kupang", None], "destination_country": ["Malaysia"] * 2,
                         "exploitation_type": ["plantation", "domestic_work"]})
    s = V.summarise_scores(V.score_decisions(pred, gold, rows, {"a": 3, "b": None}))
    assert s["n_given"] == (1, 1) and s["n_exact"] == (0, 1) and s["baseline_exact"] == (1, 1)
    assert s["origin_right"] == (1, 1) and s["exploitation_right"] == (1, 2)


def test_docstring_examples():
    result = doctest.testmod(V)
    assert result.attempted > 0 and result.failed == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(alphabet=list("abkorn 0123456789().;,:-\nKSMPTDLCIy"), max_size=12), st.sampled_from(
    [" orang korban ", " sebanyak ", " Kabupaten Lombok Timur ", " saksi korban ", " Malaysia ", " Rp5.000.000 ",
     " umur 17 tahun ", " berasal dari ", " membayar ", " yaitu ", " 3 (tiga) ", " transit di ", " SEKAR PRAMESTI "])),
    max_size=40).map("".join))
def test_any_text_gives_a_valid_table(text):
    from analysis.schemas import validate

    t = V.victims_table([doc(text)], key=KEY)
    validate(t, "victims")
    n = V.n_victims_from(t)
    assert all(pd.isna(x) or x >= 1 for x in n)


def test_clients_per_day_are_not_victims():
    t = "fakta hukum: Terdakwa mencarikan pelanggan untuk korban sebanyak 3 (tiga) orang perhari"
    assert V.stated_counts(doc(t, {"facts": (0, len(t))})) == []


@pytest.mark.parametrize("text,country,expected", [
    ("korban dipekerjakan di Riyad sebagai pembantu; bekerja di Riyad", "Saudi Arabia", "Riyadh"),
    ("diberangkatkan ke Kuching; transit di Kuala Lumpur lalu", "Malaysia", "Kuching"),
    ("warga negara Malaysia dari Johor", "Malaysia", None),
    ("bekerja di Dubai", None, None),
])
def test_destination_city(text, country, expected):
    got = V.destination_city(text, country)
    assert (got[0] if got else None) == expected


def test_a_second_file_of_the_same_case_is_not_read_twice():
    t = "Bahwa fakta hukum: 4 (empat) orang korban dipekerjakan di kebun sawit di Malaysia"
    docs = [ParsedDecision(source_file=f, raw_text=t, text=t, to_raw=list(range(len(t))), case_id="9/Pid.Sus/2024/PN Xyz")
            for f in ("9_Pid.Sus_2024_PN_Xyz-2.txt", "9_Pid.Sus_2024_PN_Xyz.txt")]
    out = V.victims_table(docs, key=KEY)
    assert out["source_file"].tolist() == ["9_Pid.Sus_2024_PN_Xyz.txt"] and out["group_size"].tolist() == [4]


@pytest.mark.parametrize("text,expected", [
    ("Saksi Korban I dipekerjakan di kafe; Saksi Korban II juga; Saksi Korban I pulang", 2),
    ("Anak Korban 1 dan Anak Korban 3 dijual", None),                 # a gap: no enumeration
    ("Bahwa Anak Korban dijual kepada pelanggan; " * 5, 1),            # one victim, always singular
    ("Bahwa para saksi korban dijual; " + "Saksi Korban pergi; " * 5, None),
    ("Saksi Korban pergi; " * 3, None),                                 # too rarely to say
])
def test_victims_told_apart_by_masked_labels(text, expected):
    got = V.labelled_victims(text)
    assert (got[0] if got else None) == expected
    n = V.n_victims_from(V.decision_victims(doc(text), key=KEY))
    assert (None if len(n) == 0 or pd.isna(n.iloc[0]) else int(n.iloc[0])) == expected
