"""Reading the folder of court-decision text files: list, read bytes, decode, gate.

Every file in the folder ends as either decoded text or a ``Reject`` with the stage and a
reason, so that used + rejected = read:

* ``read``: empty file; oversize (larger than ``MAX_BYTES``, judged from the file size
  before anything is loaded); the conversion-audit metadata file (``ocr_audit.jsonl``).
* ``decode``: binary content (NUL or control characters); bytes that no text encoding fits.
  UTF-8 is tried first (a byte-order mark is dropped), then Windows-1252, then Latin-1.
* ``parse``: not a decision (neither a ``PUTUSAN`` title nor a ``…/Pid…`` case number, or
  a court order titled ``PENETAPAN`` rather than a verdict); truncated (no verdict heading
  ``MENGADILI``, which every complete decision carries; ``check_complete`` is applied to
  the cleaned text, where headings broken by page furniture are whole again).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "1_Pid.Sus_2025_PN_Xyz.txt").write_bytes(b"")
>>> read_decision(d / "1_Pid.Sus_2025_PN_Xyz.txt").reason
'empty file'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
METADATA_FILES = frozenset({"ocr_audit.jsonl"})

# Titles and verdict headings are sometimes letter-spaced by the PDF conversion ("P U T U S A N").
_TITLE = re.compile(r"P\s?U\s?T\s?U\s?S\s?A\s?N")
_CASE_NO = re.compile(r"/\s?Pid\b", re.IGNORECASE)
_ORDER_TITLE = re.compile(r"P\s?E\s?N\s?E\s?T\s?A\s?P\s?A\s?N")


@dataclass(frozen=True)
class Reject:
    """One input that could not be used: a row of the ``rejects`` table."""

    source: str
    stage: str
    reason: str
    detail: str | None = None

    def as_row(self) -> dict:
        return {"source": self.source, "stage": self.stage, "reason": self.reason, "detail": self.detail}


def list_decision_files(folder: str | Path) -> list[Path]:
    """Every regular file in ``folder`` (not recursive), sorted by name; hidden files too,
    since anything placed in the folder was placed there to be read."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no folder of decisions at {folder}")
    return sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.name)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text; returns ``(text, encoding)``. Raises ``ValueError`` for
    binary content.

    >>> decode_bytes("Pengadilan Negeri".encode())
    ('Pengadilan Negeri', 'utf-8')
    >>> decode_bytes("caf\\xe9 \\u2013 x".encode("cp1252"))
    ('café – x', 'cp1252')
    """
    if not data:
        return "", "utf-8"
    sample = data[:65536]
    nul = sample.count(0)
    ctrl = sum(sample.count(b) for b in (set(range(1, 9)) | {11, 12} | set(range(14, 32))) - {27})
    if nul > len(sample) * 0.001 or ctrl > len(sample) * 0.05:
        raise ValueError(f"binary content ({nul} NUL, {ctrl} control bytes in the first {len(sample)})")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def check_decision_text(text: str) -> tuple[str, str] | None:
    """``(reason, detail)`` when decoded text is not a decision at all, else ``None``.

    >>> check_decision_text("Berita hari ini")[0]
    'not a decision'
    >>> check_decision_text("P U T U S A N Nomor 1/Pid.Sus/2025/PN Xyz ...") is None
    True
    """
    if not text.strip():
        return "empty file", "only whitespace"
    head = text[:20000]
    title = _TITLE.search(head)
    if not title and not _CASE_NO.search(head):
        return "not a decision", "no 'PUTUSAN' title and no '/Pid' case number in the first 20000 characters"
    order = _ORDER_TITLE.search(head[:3000])
    if order and (not title or order.start() < title.start()):
        return "not a decision", "a court order (PENETAPAN), not a verdict"
    return None


def check_complete(cleaned: str) -> tuple[str, str] | None:
    """``("truncated", detail)`` when cleaned decision text has no verdict heading.

    >>> check_complete("PUTUSAN Nomor 1/Pid.Sus/2025/PN Xyz ... Menimbang ...")[0]
    'truncated'
    >>> check_complete("... M E N G A D I L I : 1. Menyatakan ...") is None
    True
    """
    from analysis.extract.sections import VERDICT_HEADING

    if not VERDICT_HEADING.search(cleaned):
        return "truncated", "no verdict heading 'MENGADILI'"
    return None


def read_decision(path: str | Path, *, max_bytes: int = MAX_BYTES) -> str | Reject:
    """Decoded text of one decision file, or the ``Reject`` saying why it cannot be used."""
    path = Path(path)
    src = path.name
    if src in METADATA_FILES:
        return Reject(src, "read", "metadata, not a decision", "conversion audit of the PDF-to-text step")
    try:
        size = path.stat().st_size
        if size == 0:
            return Reject(src, "read", "empty file", "0 bytes")
        if size > max_bytes:
            return Reject(src, "read", "oversize", f"{size} bytes > limit {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        return Reject(src, "read", "unreadable", f"{type(exc).__name__}: {exc}")
    try:
        text, _encoding = decode_bytes(data)
    except ValueError as exc:
        return Reject(src, "decode", "binary", str(exc))
    problem = check_decision_text(text)
    if problem:
        reason, detail = problem
        return Reject(src, "read" if reason == "empty file" else "parse", reason, detail)
    return text
