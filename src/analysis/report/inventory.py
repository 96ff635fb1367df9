"""What the decision files are, before any extraction: one row per file from its name and the
conversion audit.

File names carry the register number, case type, year and court code
(``1008_Pid.Sus_2025_PN_Mdn.txt``); ``ocr_audit.jsonl`` carries each conversion's page count
and character error rate. This is the denominator every later coverage figure is read against.

>>> parse_file_name("1008_Pid.Sus_2025_PN_Mdn.txt")
{'number': 1008, 'case_type': 'Pid.Sus', 'year': 2025, 'court_code': 'MDN', 'is_copy': False}
>>> parse_file_name("182_Pid.Sus_2025_PN_Ptk-2.txt")["is_copy"], parse_file_name("notes.txt")["year"]
(True, None)
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd

_NAME = re.compile(r"^(?:putusan_)?(\d+)_pid\.(sus|b)_(\d{4})_pn_([a-z]+(?:\.[a-z]+)*)(-\d+|_\d{6,})?\.txt$", re.I)
AUDIT = "ocr_audit.jsonl"
COLUMNS = ["source_file", "number", "case_type", "year", "court_code", "is_copy", "bytes",
           "pages", "character_error_rate", "ocr_status"]


def parse_file_name(name: str) -> dict:
    """Register number, case type, year, court code and whether the name marks a second copy."""
    m = _NAME.match(name or "")
    if not m:
        return {"number": None, "case_type": None, "year": None, "court_code": None, "is_copy": False}
    number, kind, year, court, suffix = m.groups()
    return {"number": int(number), "case_type": "Pid.Sus" if kind.lower() == "sus" else "Pid.B",
            "year": int(year), "court_code": court.upper(), "is_copy": bool(suffix and suffix.startswith("-"))}


def read_audit(decisions_dir: str | os.PathLike) -> pd.DataFrame:
    """The conversion audit: ``source_file``, ``pages``, ``character_error_rate``, ``ocr_status``."""
    path = Path(decisions_dir) / AUDIT
    rows = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            out = re.split(r"[\\/]", str(rec.get("output") or ""))[-1]
            rows.append({"source_file": out, "pages": rec.get("pages"),
                         "character_error_rate": (rec.get("metrics") or {}).get("character_error_rate"),
                         "ocr_status": rec.get("status")})
    return pd.DataFrame(rows, columns=["source_file", "pages", "character_error_rate", "ocr_status"])


def decision_inventory(decisions_dir: str | os.PathLike) -> pd.DataFrame:
    """One row per decision file (the audit file excluded) with name fields, size and audit figures."""
    from analysis.sources.decisions import list_decision_files

    files = [p for p in list_decision_files(decisions_dir, allow_empty=True) if p.name != AUDIT and p.is_file()]
    rows = [{"source_file": p.name, **parse_file_name(p.name), "bytes": p.stat().st_size} for p in files]
    inv = pd.DataFrame(rows, columns=["source_file", "number", "case_type", "year", "court_code", "is_copy", "bytes"])
    audit = read_audit(decisions_dir).drop_duplicates("source_file")
    inv = inv.merge(audit, on="source_file", how="left")
    for col in ("number", "year", "pages"):
        inv[col] = inv[col].astype("Int64")
    return inv[COLUMNS]
