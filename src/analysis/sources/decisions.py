"""Reading the folder of court-decision text files: list, read bytes, decode, gate.

Every entry of the folder ends as either decoded text or a ``Reject`` with the stage and a
reason, so that used + rejected = read. Nothing is skipped silently, and nothing is opened
that could block the run (a named pipe is judged from its metadata, never read):

* ``read``: a subfolder; a broken link, or a link to something other than a regular file;
  a special file (named pipe, socket, device); an unreadable file; an empty file;
  oversize (larger than ``MAX_BYTES``, judged from the file size before anything is
  loaded); the conversion-audit metadata file (``ocr_audit.jsonl``). A link to a regular
  file is read through.
* ``decode``: binary content (NUL or control characters); bytes that no text encoding fits.
  A byte-order mark decides the encoding (UTF-8, UTF-16 or UTF-32, either byte order);
  UTF-16 without a mark is recognised by its pattern of zero bytes; otherwise UTF-8 is
  tried first, then Windows-1252, then Latin-1.
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

import codecs
import errno
import os
import re
import stat
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


class NoDecisionFiles(ValueError):
    """The folder of decisions holds no file that could be a decision; reading it would
    replace the tables with empty ones."""


_SPECIAL = ((stat.S_ISFIFO, "named pipe (FIFO)"), (stat.S_ISSOCK, "socket"),
            (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "regular file"
    return next((name for test, name in _SPECIAL if test(mode)), "special file")


def entry_problem(path: str | Path) -> Reject | None:
    """Why a folder entry cannot be read as a file, judged from its metadata alone (nothing
    is opened, so a named pipe cannot block); ``None`` for a regular file or a link to one.

    >>> import tempfile, pathlib, os
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> os.symlink(d / "gone.txt", d / "link.txt")
    >>> entry_problem(d / "link.txt").reason
    'broken link'
    """
    path = Path(path)
    src = path.name
    try:
        st = os.lstat(path)
    except OSError as exc:
        return Reject(src, "read", "unreadable", f"{type(exc).__name__}: {exc.strerror}")
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.stat(path)
        except OSError as exc:
            why = "a loop of links" if exc.errno == errno.ELOOP else "its target does not exist"
            return Reject(src, "read", "broken link", f"symbolic link: {why}")
        if not stat.S_ISREG(target.st_mode):
            return Reject(src, "read", "link to a non-regular file", f"symbolic link to a {_kind(target.st_mode)}")
        return None
    if stat.S_ISDIR(st.st_mode):
        return Reject(src, "read", "subfolder", "a folder inside the folder of decisions; folders are not read")
    if not stat.S_ISREG(st.st_mode):
        return Reject(src, "read", "special file", f"a {_kind(st.st_mode)}, not a regular file")
    return None


def list_decision_files(folder: str | Path, *, allow_empty: bool = False) -> list[Path]:
    """Every entry of ``folder`` (not recursive), sorted by name: files, hidden files too
    (anything placed in the folder was placed there to be read), and subfolders, links and
    special files, which ``read_decision`` turns into rejects.

    Raises ``NoDecisionFiles`` when no entry is a regular file (or a link to one) other
    than the conversion audit, unless ``allow_empty``.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no folder of decisions at {folder}")
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    if not allow_empty and not any(p.name not in METADATA_FILES and entry_problem(p) is None for p in entries):
        what = "the folder is empty" if not entries else f"{len(entries)} entries, none a decision file"
        raise NoDecisionFiles(f"no decision files in {folder} ({what})")
    return entries


_BOMS = (  # longest first: the UTF-32-LE mark begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = (set(range(1, 9)) | {11, 12} | set(range(14, 32))) - {27}
_CONTROL_CHARS = "".join(map(chr, sorted(_CONTROL))) + "\x00"


def _text_looks_binary(text: str) -> bool:
    sample = text[:65536]
    bad = sum(sample.count(c) for c in _CONTROL_CHARS)
    return bad > len(sample) * 0.01


def _bomless_utf16(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the bytes look like UTF-16 text without a mark:
    text in Latin script puts a zero byte in every other position, and only there."""
    sample = data[:65536]
    if len(sample) < 16 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= half * 0.6 and other.count(0) <= half * 0.01:
            return enc
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text; returns ``(text, encoding)``. Raises ``ValueError`` for
    binary content.

    >>> decode_bytes("Pengadilan Negeri".encode())
    ('Pengadilan Negeri', 'utf-8')
    >>> decode_bytes("caf\\xe9 \\u2013 x".encode("cp1252"))
    ('café – x', 'cp1252')
    >>> decode_bytes("\\ufeffPUTUSAN Nomor 1".encode("utf-16-le"))
    ('PUTUSAN Nomor 1', 'utf-16-le')
    >>> decode_bytes("PUTUSAN Nomor 1".encode("utf-16-be"))
    ('PUTUSAN Nomor 1', 'utf-16-be')
    """
    if not data:
        return "", "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise ValueError(f"byte-order mark of {enc} but bytes that are not {enc} (at byte {exc.start})") from None
            if _text_looks_binary(text):
                raise ValueError(f"binary content (control characters in {enc} text)")
            return text, enc
    enc16 = _bomless_utf16(data)
    if enc16:
        try:
            text = data.decode(enc16)
        except UnicodeDecodeError:
            text = None
        if text is not None and not _text_looks_binary(text):
            return text, enc16
    sample = data[:65536]
    nul = sample.count(0)
    ctrl = sum(sample.count(b) for b in _CONTROL)
    if nul > len(sample) * 0.001 or ctrl > len(sample) * 0.05:
        raise ValueError(f"binary content ({nul} NUL, {ctrl} control bytes in the first {len(sample)})")
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
    problem = entry_problem(path)
    if problem:
        return problem
    try:
        # Non-blocking open: should the entry have become a named pipe since it was listed,
        # the open returns at once and the check below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return Reject(src, "read", "unreadable", f"{type(exc).__name__}: {exc.strerror}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return Reject(src, "read", "special file", f"a {_kind(st.st_mode)}, not a regular file")
        size = st.st_size
        if size == 0:
            return Reject(src, "read", "empty file", "0 bytes")
        if size > max_bytes:
            return Reject(src, "read", "oversize", f"{size} bytes > limit {max_bytes}")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return Reject(src, "read", "unreadable", f"{type(exc).__name__}: {exc.strerror}")
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        return Reject(src, "read", "oversize", f"more than {max_bytes} bytes (the file grew while read)")
    try:
        text, _encoding = decode_bytes(data)
    except ValueError as exc:
        return Reject(src, "decode", "binary", str(exc))
    problem = check_decision_text(text)
    if problem:
        reason, detail = problem
        return Reject(src, "read" if reason == "empty file" else "parse", reason, detail)
    return text
