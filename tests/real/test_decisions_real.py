"""The real decisions (../shared/data/putusan_tppo) to tables: coverage and accounting.

One session-scoped run (two processes, without the linking step) feeds every test here.
"""

from __future__ import annotations

import re
import time

import pandas as pd
import pytest

from analysis.extract.decisions import parse_decision, process_decisions
from analysis.schemas import validate

pytestmark = pytest.mark.real


@pytest.fixture(scope="session")
def decision_tables(decisions_dir):
    t0 = time.perf_counter()
    tables = process_decisions(decisions_dir, workers=2, link=False)
    tables["_seconds"] = time.perf_counter() - t0
    return tables


def test_all_files_accounted_for(decisions_dir, decision_tables):
    cases, rejects = decision_tables["cases"], decision_tables["rejects"]
    read = sorted(p.name for p in decisions_dir.iterdir() if p.is_file())
    assert len(read) == 501
    assert sorted(cases["source_file"].tolist() + rejects["source"].tolist()) == read
    assert cases["case_id"].is_unique
    reasons = rejects.set_index("source")["reason"]
    assert reasons["ocr_audit.jsonl"] == "metadata, not a decision"
    assert reasons["182_Pid.Sus_2025_PN_Ptk-2.txt"] == "duplicate"
    assert reasons["28_Pid.Sus_2025_PN_Bjr-2.txt"] == "duplicate"
    dup = rejects.set_index("source")["duplicate_of"]
    assert dup["28_Pid.Sus_2025_PN_Bjr-2.txt"] == "28_Pid.Sus_2025_PN_Bjr.txt"
    assert (rejects["reason"] == "duplicate").sum() >= 6
    assert len(cases) >= 480


def test_schemas_validate(decision_tables):
    for name in ("cases", "defendants", "rejects"):
        validate(decision_tables[name], name)


def test_coverage(decision_tables):
    c, d = decision_tables["cases"], decision_tables["defendants"]
    cov = {
        "cases": len(c),
        "decision_date": int(c["decision_date"].notna().sum()),
        "court": int(c["court"].notna().sum()),
        "laws": int((c["laws"].str.len() > 0).sum()),
        "laws_or_charged": int(((c["laws"].str.len() > 0) | (c["laws_charged"].str.len() > 0)).sum()),
        "countries": int((c["destination_countries"].str.len() > 0).sum()),
        "n_victims": int(c["n_victims"].notna().sum()),
        "migrant_worker_cases": int(c["is_migrant_worker_case"].sum()),
        "defendants": len(d),
        "cases_with_defendant": int(d["case_id"].nunique()),
        "sentence": int(d["sentence_months"].notna().sum()),
        "fine": int(d["fine_idr"].notna().sum()),
        "seconds": round(decision_tables["_seconds"], 1),
    }
    print("\ncoverage:", cov)
    n = len(c)
    assert cov["court"] == n and cov["cases_with_defendant"] == n
    assert cov["decision_date"] >= 0.97 * n
    assert cov["laws"] >= 0.95 * n                 # empty only for full acquittals and unreadable bases
    assert cov["laws_or_charged"] >= 0.98 * n
    assert 0.25 * n <= cov["countries"] <= 0.5 * n  # destinations only where people were sent abroad
    convicted = d["verdict"] == "convicted"
    assert d.loc[convicted, "sentence_months"].notna().mean() >= 0.95
    assert 150 <= cov["migrant_worker_cases"] <= 260          # the data's README: about 190
    assert c["case_id"].str.match(r"^\d+/Pid\.(?:Sus|B)/20\d\d/PN [A-Z][a-z]+(?:\.[A-Z][a-z]+)?$").all()


def test_known_decision(decisions_dir):
    doc = parse_decision(decisions_dir / "1008_Pid.Sus_2025_PN_Mdn.txt")
    assert doc.case_id == "1008/Pid.Sus/2025/PN Mdn"
    assert doc.court == "Pengadilan Negeri Medan"
    assert str(doc.fields["decision_date"]) == "2025-10-16"
    assert doc.fields["laws"] == ["UU 21/2007 Pasal 4", "UU 21/2007 Pasal 10"]
    [o] = doc.fields["outcomes"]
    assert (o["verdict"], o["sentence_months"], o["fine_idr"], o["fine_substitute_months"]) == \
        ("convicted", 96.0, 200_000_000, 2.0)
    [m] = doc.defendants
    assert (m.sex, m.age) == ("P", 43)
    # evidence spans point into the raw file
    i = doc.text.index("MENGADILI")
    s, e = doc.raw_span(i, i + 9)
    assert doc.raw_text[s:e] == "MENGADILI"
    # page furniture is gone from the cleaned text
    assert "Disclaimer" not in doc.text and "putusan.mahkamahagung.go.id" not in doc.text
    assert not re.search(r"Halaman \d+ dari \d+", doc.text)


def test_multi_defendant_sentences(decisions_dir):
    doc = parse_decision(decisions_dir / "62_Pid.Sus_2025_PN_Blt.txt")
    out = pd.DataFrame(doc.fields["outcomes"])
    assert out["sentence_months"].tolist() == [34.0, 31.0, 18.0, 18.0, 18.0]
    assert out["fine_idr"].tolist() == [1_000_000_000] * 5


@pytest.mark.parametrize("name, countries", [
    ("272_Pid.Sus_2025_PN_Sda.txt", ["India"]),          # Kuala Lumpur was the transit stop
    ("147_Pid.Sus_2023_PN_Psb.txt", ["Brunei"]),         # other countries were the agency's other trips
    ("423_Pid.Sus_2025_PN_Dps.txt", []),                 # foreign nationals' home country is no destination
])
def test_destinations_read_in_context(decisions_dir, name, countries):
    assert parse_decision(decisions_dir / name).fields["destination_countries"] == countries


def test_proven_and_charged_statutes(decisions_dir):
    acquittal = parse_decision(decisions_dir / "29_Pid.Sus_2025_PN_Tjt.txt").fields
    assert acquittal["laws"] == [] and "UU 21/2007 Pasal 2" in [law[:18] for law in acquittal["laws_charged"]]
    restitution = parse_decision(decisions_dir / "133_Pid.Sus_2025_PN_Idm.txt").fields
    assert restitution["laws"] and not any(law.startswith("UU 21/2007 Pasal 48") for law in restitution["laws"])
    new_code = parse_decision(decisions_dir / "373_Pid.Sus_2026_PN_Tng.txt").fields
    assert [law.split(" ayat")[0].split(" huruf")[0] for law in new_code["laws"]] == \
        ["UU 1/2023 Pasal 455", "UU 1/2023 Pasal 20"]


def test_ocr_repairs(decisions_dir):
    doc = parse_decision(decisions_dir / "182_Pid.Sus_2025_PN_Ptk.txt")
    assert str(doc.fields["decision_date"]) == "2025-06-12"       # "Juhi" on a Thursday is June
    assert doc.fields["outcomes"][0]["fine_idr"] == 120_000_000    # "Rp120.OOO.000,OO"
    assert "KUHP Pasal 55 ayat (1) ke-1" in doc.fields["laws"]     # "ke-l"
