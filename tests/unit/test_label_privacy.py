"""No person's name inside an agency, company or place label (all names here are invented)."""

import re

from analysis.extract.mentions import _agency_rows
from analysis.extract.model import DefendantMention, ParsedDecision
from analysis.link.actors import LabelGuard, build_actor_tables
from analysis.privacy import pseudonym

PSEUDONYM = re.compile(r"^[CLA]-[0-9a-f]{12}$")


def _doc(text: str, case_id: str, source_file: str, defendant: str | None = None) -> ParsedDecision:
    defendants = [DefendantMention(name=defendant, person_key=defendant.lower())] if defendant else []
    return ParsedDecision(source_file=source_file, raw_text=text, text=text, to_raw=list(range(len(text))),
                          case_id=case_id, defendants=defendants)


def test_agency_name_stops_before_role_words():
    t = ("diperiksa di Polda Terdakwa GANDRUNG, lalu Imigrasi Saksi Kembangwati, Polres Sikka Saksi RUMPAKWATI, "
         "Polresta Mataram Sdri. Tirtasari dan Polrestabes Medan Guna keperluan, di Kantor Imigrasi Kota Serang.")
    assert [r["name"] for r in _agency_rows(t, 0, len(t))] == [
        "Polda", "Imigrasi", "Polres Sikka", "Polresta Mataram", "Polrestabes Medan", "Kantor Imigrasi Kota Serang"]


def test_label_guard_exact_outputs():
    g = LabelGuard({"1/A": (frozenset({"tirtasari", "kusumajati wiradirja"}), frozenset({"sentanu"})),
                    "2/B": (frozenset(), frozenset())})
    assert g.safe("LPK TIRTASARI", "company", ["1/A"]) == pseudonym("lpk tirtasari", "company")
    assert g.safe("LPK TIRTASARI", "company", ["2/B"]) == "LPK TIRTASARI"          # not a name there
    assert g.safe("LPK TIRTASARI", "company", ["2/B", "1/A"]) == pseudonym("lpk tirtasari", "company")
    assert g.safe("PT SENTANU ABADI", "company", ["1/A"]) == "PT SENTANU ABADI"    # ordinary word there
    assert g.safe("Polda Terdakwa Gandul", "agency", ["2/B"]) == pseudonym("polda terdakwa gandul", "agency")
    assert g.safe("LPK ANAK BANGSA", "company", ["2/B"]) == "LPK ANAK BANGSA"      # role word inside a company
    assert g.safe("Batam", "place", ["1/A"]) == "Batam"
    assert g.safe("P-12345678", "person", ["1/A"]) == "P-12345678"


def test_built_actor_labels_hold_no_name_of_their_own_decision():
    t1 = ("Terdakwa GANDRUNG WISESA bersama Saksi TIRTASARI merekrut saksi korban RUMPAKWATI untuk bekerja di "
          "Malaysia melalui LPK TIRTASARI dan PT MAJU SENTOSA, lalu diperiksa di Polres Sikka Saksi KEMBANGWATI.")
    t2 = "Terdakwa PRAWIROSENO mengirim korban KEMBANGSARI ke Malaysia melalui LPK TIRTASARI dan PT MAJU SENTOSA."
    docs = [_doc(t1, "1/Pid.Sus/2024/PN Abc", "1_x.txt", "GANDRUNG WISESA"),
            _doc(t2, "2/Pid.Sus/2024/PN Abc", "2_x.txt", "PRAWIROSENO")]
    actors = build_actor_tables(docs, {})["actors"]
    labels = sorted(actors.loc[actors["kind"] != "person", "label"])
    assert "PT MAJU SENTOSA" in labels and "Malaysia" in labels and "Polres Sikka" in labels
    lpk = actors.loc[(actors["kind"] == "company") & actors["label"].str.match(PSEUDONYM), "label"].tolist()
    assert len(lpk) == 1                                      # the training centre named after a witness
    assert not any("tirtasari" in x.lower() or "kembangwati" in x.lower() for x in labels)


def test_clear_labels_stay_in_memory_for_accuracy_checks():
    from analysis.link.actors import link_decisions

    t = "Terdakwa GANDRUNG WISESA bersama Saksi TIRTASARI merekrut korban melalui LPK TIRTASARI ke Malaysia."
    res = link_decisions([_doc(t, "1/Pid.Sus/2024/PN Abc", "1_x.txt", "GANDRUNG WISESA")])
    companies = res["actors"].loc[res["actors"]["kind"] == "company"]
    assert companies["label"].str.match(PSEUDONYM).all() and len(companies) == 1
    assert res["clear_labels"] == {companies["actor_id"].iloc[0]: "LPK TIRTASARI"}
