"""A folder of court decisions to the ``cases``, ``defendants`` and ``rejects`` tables.

``parse_decision(path)`` reads one file (``analysis.sources.decisions``), cleans it
(``analysis.clean.decision_text``), finds its parts (``analysis.extract.sections``) and reads
the case fields and the defendants; it returns a ``ParsedDecision`` or a ``Reject``.

``process_decisions(folder)`` runs ``parse_decision`` over every file on a process pool,
marks duplicates and builds the tables, rows sorted by ``source_file`` so that a rerun on
unchanged input writes identical files. When the linking step
(``analysis.link.actors.build_actor_tables``) is importable, its tables (``actors``,
``ties``, ``link_review``) are merged in.

Duplicates: decisions with the same case number, or with identical bytes, are one case. The
kept file is the one with the plain name (``182_…_Ptk.txt`` before ``182_…_Ptk-2.txt``); each
other file becomes a ``rejects`` row (stage ``validate``, reason ``duplicate``) whose
``duplicate_of`` column names the kept file and whose detail says how alike they are. So
``cases.case_id`` stays unique, nothing is counted twice, and every file read is either a
case row or a reject row (``cases.duplicate_of`` is therefore always null).

Where the fields come from: ``court`` is the name the court gives itself in the opening
formula, spelled as most of that court's decisions spell it; ``laws`` from the statutes the panel applies (the
``Memperhatikan``/``Mengingat`` paragraph before the verdict, and the verdict), else from
the charges; ``destination_countries`` from the charges, facts and considerations;
``n_victims`` from the whole text; ``decision_date`` from the closing formula.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "5_Pid.Sus_2025_PN_Xyz.txt").write_text(
...     "PUTUSAN Nomor 5/Pid.Sus/2025/PN Xyz Pengadilan Negeri Contoh yang mengadili; Nama lengkap : ANDI; "
...     "MENGADILI: 1. Menjatuhkan pidana kepada Terdakwa dengan pidana penjara selama 4 (empat) tahun; "
...     "Demikianlah diputuskan pada hari Senin, tanggal 12 Mei 2025")
>>> _ = (d / "ocr_audit.jsonl").write_text("{}")
>>> t = process_decisions(d, workers=1, link=False)
>>> t["cases"][["case_id", "court", "n_defendants"]].values.tolist()
[['5/Pid.Sus/2025/PN Xyz', 'Pengadilan Negeri Contoh', 1]]
>>> t["defendants"]["sentence_months"].tolist(), t["rejects"]["reason"].tolist()
([48.0], ['metadata, not a decision'])
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from analysis.clean.decision_text import OffsetMap, clean_decision
from analysis.clean.dates import find_dates
from analysis.extract import case_fields as cf
from analysis.extract.defendants import (
    count_defendants_in_verdict,
    identity_blocks,
    verdict_outcomes,
)
from analysis.extract.courts import court_province
from analysis.extract.model import DefendantMention, ParsedDecision
from analysis.extract.names import is_initials
from analysis.extract.sections import split_sections
from analysis.extract.victims import decision_victims, n_victims_from, victims_table
from analysis.privacy import RedactionError, pseudonym, secret_key, use_key
from analysis.sources.decisions import (
    Reject,
    check_complete,
    list_decision_files,
    read_decision,
)

log = logging.getLogger(__name__)

CASE_COLUMNS = ["case_id", "court", "court_code", "decision_date", "n_defendants", "source_file", "duplicate_of",
                "laws", "laws_charged", "n_victims", "destination_countries", "is_migrant_worker_case", "case_id_check"]
DEFENDANT_COLUMNS = ["case_id", "defendant_no", "person_id", "name_withheld", "sex", "age", "verdict",
                     "sentence_months", "fine_idr", "fine_substitute_months", "restitution_idr"]
REJECT_COLUMNS = ["source", "stage", "reason", "detail", "duplicate_of"]

_BASIS = re.compile(r"\b(?:Memperhatikan|Mengingat)\b")


def _section(text: str, sections: dict, *names: str) -> str:
    return " ".join(text[slice(*sections[n])] for n in names if n in sections)


def _decision_date(closing: str, earlier: str = ""):
    """Date of deliberation: the project's date resolver first, the narrow parser when it finds none.

    A date written without its year ("tanggal 17 Juni") is resolved against the last full
    date of ``earlier`` (the detention record), which precedes the decision by weeks.
    """
    ms = list(cf.DECIDED_RX.finditer(closing))
    if not ms:
        return None
    window = closing[ms[-1].end(): ms[-1].end() + 600]
    window = re.sub(r"\b(20\d) (\d)\b", r"\1\2", window)   # OCR split year "202 5"
    for m in find_dates(window, None):
        if m.kind == "day":
            return m.start
    anchors = [m.end for m in find_dates(earlier, None) if m.kind in ("day", "range")]
    if anchors:
        for m in find_dates(window, max(anchors)):
            if m.kind in ("day", "weekday_partial", "partial"):
                return m.start
    return cf.parse_date(window)


def _person_id(d: DefendantMention, case_id: str, i: int) -> tuple[str, bool]:
    """A defendant's id before cross-case linking: name and case, so that two people of one
    name in two decisions never share it. The linking step then gives every defendant the
    actor id of the person it resolved them to (one id across decisions only when it linked
    them)."""
    if d.person_key and not is_initials(d.name):
        return pseudonym(f"{d.person_key}|{case_id}", "person"), False
    # Name withheld by the court ("Nama lengkap : TERDAKWA") or only initials: a per-case key.
    return pseudonym(f"{case_id}#{i + 1}", "person"), True


def parse_decision(path: str | Path) -> ParsedDecision | Reject:
    """Read, clean and extract one decision file; a ``Reject`` says why it could not be used."""
    path = Path(path)
    got = read_decision(path)
    if isinstance(got, Reject):
        return got
    raw = got
    try:
        text, to_raw = clean_decision(raw)
    except (ImportError, RedactionError):
        raise                 # a missing dependency or failed redaction stops the run; not this file's fault
    except Exception as exc:  # never lose a file to an unexpected fault: record it
        return Reject(path.name, "clean", "cleaning failed", f"{type(exc).__name__}: {exc}")
    problem = check_complete(text)
    if problem:
        return Reject(path.name, "parse", *problem)
    try:
        return _extract(path.name, raw, text, to_raw)
    except (ImportError, RedactionError):
        raise
    except Exception as exc:
        return Reject(path.name, "extract", "extraction failed", f"{type(exc).__name__}: {exc}")


def _extract(name: str, raw: str, text: str, to_raw) -> ParsedDecision | Reject:
    sections = split_sections(text)
    number = cf.case_number(text, name)
    if number is None:
        return Reject(name, "parse", "no case number", "no 'Nomor …/Pid…/YYYY/PN …' in the heading nor in the file name")
    doc = ParsedDecision(source_file=name, raw_text=raw, text=text, to_raw=to_raw.view(OffsetMap), case_id=number.case_id,
                         court=cf.court_name(text), sections=sections)
    id_end = sections.get("proceedings", sections.get("charges", (min(len(text), 20000),)))[0]
    doc.defendants = identity_blocks(text, 0, id_end)
    amar = _section(text, sections, "verdict")
    n_verdict = count_defendants_in_verdict(amar)
    n = len(doc.defendants) or max(n_verdict, 1)
    if not doc.defendants:
        doc.defendants = [DefendantMention(name="") for _ in range(n)]
    for i, d in enumerate(doc.defendants):
        d.person_id, _ = _person_id(d, doc.case_id, i)
    outcomes = verdict_outcomes(amar, n)

    before_verdict = text[: sections["verdict"][0]] if "verdict" in sections else ""
    basis_at = [m.start() for m in _BASIS.finditer(before_verdict, max(0, len(before_verdict) - 4000))]
    basis = before_verdict[basis_at[-1]:] if basis_at else ""
    decided = _decision_date(_section(text, sections, "closing") or text, _section(text, sections, "detention"))
    laws, laws_charged = cf.decision_laws(basis, amar, _section(text, sections, "charges") or text, decided)
    story = _section(text, sections, "charges", "witnesses", "facts", "considerations") or text
    countries = cf.destination_countries(story)
    doc.fields = {
        "court_code": number.court_code,
        "case_id_check": number.check,
        "decision_date": decided,
        "laws": laws,
        "laws_charged": laws_charged,
        "n_victims": cf.victim_count(text),
        "destination_countries": countries,
        "is_migrant_worker_case": cf.is_migrant_worker_case(text, laws + laws_charged, countries),
        "n_defendants": n,
        "n_defendants_in_verdict": n_verdict,
        "outcomes": [asdict(o) for o in outcomes],
        "raw_sha256": hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest(),
    }
    return doc


# ---------------------------------------------------------------- duplicates

def _keep_order(name: str) -> tuple:
    """Plain file names first: ``182_…_Ptk.txt`` is kept before ``182_…_Ptk-2.txt``."""
    suffixed = bool(re.search(r"-\d+\.txt$", name)) or name.lower().startswith("putusan_")
    return (suffixed, len(name), name)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return round(ratio(a, b) / 100.0, 4)


def mark_duplicates(parsed: list[ParsedDecision]) -> tuple[list[ParsedDecision], list[Reject], dict[str, str]]:
    """Split decisions into kept ones and duplicate rejects; also ``{duplicate file: kept file}``.

    Two files are the same case when their case numbers are equal or their raw bytes are.
    """
    groups: dict[str, list[ParsedDecision]] = {}
    by_hash: dict[str, str] = {}
    for d in sorted(parsed, key=lambda d: _keep_order(d.source_file)):
        h = d.fields.get("raw_sha256", "")
        key = by_hash.get(h) or d.case_id or d.source_file
        by_hash.setdefault(h, key)
        groups.setdefault(key, []).append(d)
    kept, rejects, dup_of = [], [], {}
    for members in groups.values():
        first = members[0]
        kept.append(first)
        for d in members[1:]:
            if d.fields.get("raw_sha256") == first.fields.get("raw_sha256"):
                how = "identical bytes"
            else:
                sim = _similarity(first.raw_text, d.raw_text)
                how = f"near-identical text (similarity {sim})" if sim >= 0.98 else \
                    f"same case number, different text (similarity {sim})"
            rejects.append(Reject(d.source_file, "validate", "duplicate", f"duplicate of {first.source_file}: {how}"))
            dup_of[d.source_file] = first.source_file
    kept.sort(key=lambda d: d.source_file)
    return kept, rejects, dup_of


# ---------------------------------------------------------------- tables

def canonical_courts(parsed: list[ParsedDecision]) -> dict[str, str]:
    """One name per court code: the name most decisions of that court give themselves.

    Decisions of one court spell it differently (``Tanjung Pinang``/``Tanjungpinang``) or
    carry OCR slips; the majority spelling is used for all (ties: the longer, then the
    alphabetically first).
    """
    votes: dict[str, Counter] = {}
    for d in parsed:
        code = d.fields.get("court_code")
        if code and d.court:
            votes.setdefault(code.lower(), Counter())[d.court] += 1
    return {code: sorted(c.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0] for code, c in votes.items()}


def cases_table(parsed: list[ParsedDecision]) -> pd.DataFrame:
    courts = canonical_courts(parsed)
    rows = []
    for d in parsed:
        f = d.fields
        rows.append({
            "case_id": d.case_id, "court": courts.get((f.get("court_code") or "").lower(), d.court),
            "court_code": f.get("court_code"),
            "decision_date": f.get("decision_date"), "n_defendants": f.get("n_defendants"),
            "source_file": d.source_file, "duplicate_of": None, "laws": list(f.get("laws", [])),
            "laws_charged": list(f.get("laws_charged", [])),
            "n_victims": f.get("n_victims"), "destination_countries": list(f.get("destination_countries", [])),
            "is_migrant_worker_case": bool(f.get("is_migrant_worker_case")), "case_id_check": f.get("case_id_check"),
        })
    df = pd.DataFrame(rows, columns=CASE_COLUMNS)
    df["decision_date"] = pd.to_datetime(df["decision_date"]).astype("datetime64[ns]")
    df["n_defendants"] = df["n_defendants"].astype("Int64")
    df["n_victims"] = df["n_victims"].astype("Int64")
    df["duplicate_of"] = df["duplicate_of"].astype(object)
    df["is_migrant_worker_case"] = df["is_migrant_worker_case"].astype(bool)
    df["province"] = df["court"].map(court_province)   # where the case was tried, not where victims came from
    return df.reset_index(drop=True)


def defendants_table(parsed: list[ParsedDecision]) -> pd.DataFrame:
    rows = []
    for d in parsed:
        outcomes = d.fields.get("outcomes", [])
        for i, m in enumerate(d.defendants):
            pid, withheld = _person_id(m, d.case_id, i)
            o = outcomes[i] if i < len(outcomes) else {}
            rows.append({"case_id": d.case_id, "defendant_no": i + 1, "person_id": pid, "name_withheld": withheld,
                         "sex": m.sex, "age": m.age, **{k: o.get(k) for k in
                                                        ("verdict", "sentence_months", "fine_idr",
                                                         "fine_substitute_months", "restitution_idr")}})
    df = pd.DataFrame(rows, columns=DEFENDANT_COLUMNS)
    for c in ("defendant_no", "age", "fine_idr", "restitution_idr"):
        df[c] = df[c].astype("Int64")
    for c in ("sentence_months", "fine_substitute_months"):
        df[c] = df[c].astype("Float64")
    df["name_withheld"] = df["name_withheld"].astype(bool)
    return df.reset_index(drop=True)


def rejects_table(rejects: list[Reject], dup_of: dict[str, str] | None = None) -> pd.DataFrame:
    dup_of = dup_of or {}
    rows = [{**r.as_row(), "duplicate_of": dup_of.get(r.source) if r.reason == "duplicate" else None}
            for r in sorted(rejects, key=lambda r: (r.source, r.stage))]
    return pd.DataFrame(rows, columns=REJECT_COLUMNS).astype({"duplicate_of": object, "detail": object})


def _parse_and_prepare(path: str | Path) -> ParsedDecision | Reject:
    """``parse_decision`` plus the linking step's per-decision share, so that both run in the pool."""
    got = parse_decision(path)
    if isinstance(got, ParsedDecision):
        from analysis.link.actors import prepare_decision

        prepare_decision(got)
        got.victim_rows = decision_victims(got)
    return got


def _run(files: list[Path], workers: int | None, prepare: bool = False) -> list[ParsedDecision | Reject]:
    workers = workers or os.cpu_count() or 1
    workers = max(1, min(workers, len(files)))
    job = _parse_and_prepare if prepare else parse_decision
    key = secret_key()   # loaded (or refused) here, once; workers are handed it and never read the key file
    if workers == 1:
        return [job(f) for f in files]
    with ProcessPoolExecutor(max_workers=workers, initializer=use_key, initargs=(key,)) as pool:
        return list(pool.map(job, files, chunksize=4))


def process_decisions(folder: str | Path, workers: int | None = None, *, link: bool = True) -> dict[str, pd.DataFrame]:
    """Every file in ``folder`` to ``{"cases", "defendants", "rejects"}`` (plus the linking
    step's tables when ``link`` is true). A file that cannot be used is a ``rejects`` row; a
    failure of the linking step or a missing dependency stops the run (no table is written)."""
    secret_key()   # a missing, unreadable or weak key stops the run here (KeyProblem), before any work
    files = list_decision_files(folder)
    results = _run(files, workers, prepare=link)
    parsed = [r for r in results if isinstance(r, ParsedDecision)]
    rejects = [r for r in results if isinstance(r, Reject)]
    kept, dup_rejects, dup_of = mark_duplicates(parsed)
    rejects += dup_rejects
    tables = {"cases": cases_table(kept), "defendants": defendants_table(kept),
              "rejects": rejects_table(rejects, dup_of)}
    log.info("decisions: %d files read, %d cases, %d rejected (%d duplicates)",
             len(files), len(kept), len(rejects), len(dup_rejects))
    if link:
        from analysis.link.actors import build_actor_tables

        tables.update(build_actor_tables(kept, dict(tables)))
        victims = victims_table(kept)
        tables["victims"] = victims
        tables["cases"]["n_victims"] = tables["cases"]["case_id"].map(n_victims_from(victims)).astype("Int64")
    return tables
