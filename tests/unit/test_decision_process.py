"""A folder of decision files to tables: every file is a case or a reject, reruns are identical."""

import hashlib

import pandas as pd
import pytest
from test_decision_fields import TWO_DEFENDANTS

from analysis.extract.decisions import parse_decision, process_decisions
from analysis.extract.model import ParsedDecision
from analysis.pipeline import write_tables
from analysis.schemas import validate
from analysis.sources.decisions import Reject, decode_bytes, read_decision

ONE = TWO_DEFENDANTS.replace("77/Pid.Sus/2025", "78/Pid.Sus/2025")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "putusan"
    d.mkdir()
    (d / "77_Pid.Sus_2025_PN_Xyz.txt").write_text(TWO_DEFENDANTS, encoding="utf-8")
    (d / "77_Pid.Sus_2025_PN_Xyz-2.txt").write_text(TWO_DEFENDANTS, encoding="utf-8")          # identical
    (d / "79_Pid.Sus_2025_PN_Xyz.txt").write_text(TWO_DEFENDANTS.replace("77/", "79/"), encoding="utf-8")
    (d / "79_Pid.Sus_2025_PN_Xyz-2.txt").write_text(TWO_DEFENDANTS.replace("77/", "79/").replace("Desa", "Dusa"),
                                                    encoding="utf-8")                            # near-identical
    (d / "78_Pid.Sus_2025_PN_Xyz.txt").write_bytes(ONE.replace("Contoh", "Contoh \u2013 caf\u00e9").encode("cp1252"))
    (d / "1_Pid.Sus_2025_PN_Xyz.txt").write_bytes(b"")
    (d / "2_Pid.Sus_2025_PN_Xyz.txt").write_bytes(bytes(range(256)) * 40)
    (d / "3_Pid.Sus_2025_PN_Xyz.txt").write_text(TWO_DEFENDANTS.split("MENGADILI")[0], encoding="utf-8")
    (d / "notes.txt").write_text("Berita: rapat koordinasi tentang pekerja migran.", encoding="utf-8")
    (d / "ocr_audit.jsonl").write_text('{"pages": 3}\n', encoding="utf-8")
    with open(d / "4_Pid.Sus_2025_PN_Xyz.txt", "wb") as fh:   # 50 MB, never loaded
        fh.truncate(50 * 1024 * 1024)
    return d


def test_every_file_is_a_case_or_a_reject(folder):
    tables = process_decisions(folder, workers=1, link=False)
    cases, rejects = tables["cases"], tables["rejects"]
    read = sorted(p.name for p in folder.iterdir())
    assert sorted(cases["source_file"].tolist() + rejects["source"].tolist()) == read
    assert cases["source_file"].tolist() == ["77_Pid.Sus_2025_PN_Xyz.txt", "78_Pid.Sus_2025_PN_Xyz.txt",
                                             "79_Pid.Sus_2025_PN_Xyz.txt"]
    reasons = dict(zip(rejects["source"], rejects["reason"]))
    assert reasons == {
        "1_Pid.Sus_2025_PN_Xyz.txt": "empty file",
        "2_Pid.Sus_2025_PN_Xyz.txt": "binary",
        "3_Pid.Sus_2025_PN_Xyz.txt": "truncated",
        "4_Pid.Sus_2025_PN_Xyz.txt": "oversize",
        "77_Pid.Sus_2025_PN_Xyz-2.txt": "duplicate",
        "79_Pid.Sus_2025_PN_Xyz-2.txt": "duplicate",
        "notes.txt": "not a decision",
        "ocr_audit.jsonl": "metadata, not a decision",
    }
    dup = rejects.set_index("source")["duplicate_of"]
    assert dup["77_Pid.Sus_2025_PN_Xyz-2.txt"] == "77_Pid.Sus_2025_PN_Xyz.txt"
    assert dup["79_Pid.Sus_2025_PN_Xyz-2.txt"] == "79_Pid.Sus_2025_PN_Xyz.txt"
    assert "identical bytes" in rejects.set_index("source").loc["77_Pid.Sus_2025_PN_Xyz-2.txt", "detail"]
    assert "near-identical" in rejects.set_index("source").loc["79_Pid.Sus_2025_PN_Xyz-2.txt", "detail"]
    assert cases["case_id"].is_unique


def test_tables_content_and_schemas(folder):
    tables = process_decisions(folder, workers=1, link=False)
    for name in ("cases", "defendants", "rejects"):
        validate(tables[name], name)
    c = tables["cases"].set_index("case_id").loc["77/Pid.Sus/2025/PN Xyz"]
    assert c["court"] == "Pengadilan Negeri Kota Contoh"
    assert c["decision_date"] == pd.Timestamp("2025-05-12")
    assert c["n_defendants"] == 2 and c["n_victims"] == 3 and bool(c["is_migrant_worker_case"])
    assert list(c["laws"]) == ["UU 18/2017 Pasal 81", "UU 18/2017 Pasal 69", "KUHP Pasal 55 ayat (1) ke-1"]
    assert list(c["destination_countries"]) == ["Malaysia", "United Arab Emirates"]
    d = tables["defendants"]
    d77 = d[d["case_id"] == "77/Pid.Sus/2025/PN Xyz"]
    assert d77["sentence_months"].tolist() == [60.0, 42.0]
    assert d77["sex"].tolist() == ["L", "P"]
    assert d77["person_id"].str.match(r"^P-[0-9a-f]+$").all()
    # without the cross-case linker, the same names in case 79 are not taken for the same people
    d79 = d[d["case_id"] == "79/Pid.Sus/2025/PN Xyz"]
    assert d77["person_id"].str.len().tolist() == [14, 14]
    assert set(d77["person_id"]).isdisjoint(d79["person_id"])
    # no names anywhere in the tables
    dumped = pd.concat([t.astype(str) for t in tables.values()], axis=1).to_csv()
    assert "BUDI" not in dumped.upper() and "WULANJARI" not in dumped.upper()


def test_rerun_writes_identical_bytes(folder, tmp_path):
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        write_tables(process_decisions(folder, workers=2, link=False), out)
        digests.append({p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.parquet"))})
    assert digests[0] == digests[1] and set(digests[0]) == {"cases.parquet", "defendants.parquet", "rejects.parquet"}


def test_cp1252_is_decoded():
    assert decode_bytes("caf\u00e9 \u2013".encode("cp1252")) == ("caf\u00e9 \u2013", "cp1252")
    assert decode_bytes(b"\xef\xbb\xbfPUTUSAN") == ("PUTUSAN", "utf-8")
    with pytest.raises(ValueError):
        decode_bytes(b"\x00\x01\x02" * 100)


def test_parse_decision_is_picklable(folder):
    import pickle

    doc = parse_decision(folder / "77_Pid.Sus_2025_PN_Xyz.txt")
    assert isinstance(doc, ParsedDecision)
    back = pickle.loads(pickle.dumps(doc))
    i = back.text.index("BUDI")
    s, e = back.raw_span(i, i + 4)
    assert back.raw_text[s:e] == "BUDI"
    assert back.evidence(i, i + 4) == f"77_Pid.Sus_2025_PN_Xyz.txt:{s}-{e}"
    assert isinstance(read_decision(folder / "ocr_audit.jsonl"), Reject)


def test_a_failing_linking_step_stops_the_run_and_writes_nothing(folder, monkeypatch, tmp_path):
    """A fault of the project's own linking step is loud: no half-linked table set is written."""
    from analysis.link import actors
    from analysis.pipeline import run_cases

    def broken(parsed, tables):
        raise ValueError("boom")

    monkeypatch.setattr(actors, "build_actor_tables", broken)
    with pytest.raises(ValueError, match="boom"):
        process_decisions(folder, workers=1, link=True)
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="boom"):
        run_cases(folder, out, workers=1)
    assert not list(out.glob("*.parquet"))


def test_courts_take_their_majority_spelling():
    from analysis.extract.decisions import canonical_courts

    def doc(name, court):
        d = ParsedDecision(source_file=name, raw_text="", text="", to_raw=[], court=court)
        d.fields = {"court_code": "Tpg"}
        return d

    docs = [doc("1", "Pengadilan Negeri Tanjungpinang"), doc("2", "Pengadilan Negeri Tanjung Pinang"),
            doc("3", "Pengadilan Negeri Tanjungpinang")]
    assert canonical_courts(docs) == {"tpg": "Pengadilan Negeri Tanjungpinang"}
