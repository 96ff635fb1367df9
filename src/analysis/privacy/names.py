"""Names read from the court decisions, in memory only, to check that nothing we write contains one.

The reference list is built the same way whatever extraction does: every "Nama lengkap :"
identity line, cut at alias/bin/binti, kept when it has at least two words and ten letters.
It is used by tests and by the report's privacy check; it is never written to disk.

>>> names_from_text("Nama lengkap : Fulan Bin Fulanah Tempat lahir : X")
{'fulan'}
>>> names_from_text("Nama lengkap : TERSANGKA III")
set()
"""

from __future__ import annotations

import re
from pathlib import Path

_LINE = re.compile(r"Nama\s+lengkap\s*:\s*([^0-9\n]{3,60})", re.IGNORECASE)
# Where a court withholds a name the identity line holds only a role and a number (the defendant
# numbered in Roman figures): a placeholder, not a name.
_PLACEHOLDER = re.compile(r"^(terdakwa|tersangka|saksi|anak)( [ivx]+| \d+)?\.?$")
_CUT = re.compile(r"\s+(alias|als\.?|bin|binti|tempat|umur|jenis)\b.*", re.IGNORECASE | re.DOTALL)


def names_from_text(text: str, *, min_words: int = 1) -> set[str]:
    out = set()
    for m in _LINE.finditer(text):
        name = _CUT.sub("", m.group(1))
        name = re.sub(r"[^A-Za-z .\-]", "", name)
        name = re.sub(r"\s+", " ", name).strip(" .-").lower()
        if len(name.split()) >= min_words and name and not _PLACEHOLDER.match(name):
            out.add(name)
    return out


def decision_names(decisions_dir: str | Path, *, min_words: int = 2, min_len: int = 10) -> set[str]:
    """Full names (≥ ``min_words`` words, ≥ ``min_len`` characters) from every decision's identity lines."""
    names: set[str] = set()
    for p in sorted(Path(decisions_dir).glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        names |= {n for n in names_from_text(text, min_words=min_words) if len(n) >= min_len}
    return names


def find_names(text: str, names: set[str]) -> list[str]:
    """The reference names that occur in ``text`` (case-insensitive, whole words)."""
    low = text.lower()
    return sorted(n for n in names if n in low and re.search(rf"(?<![a-z]){re.escape(n)}(?![a-z])", low))
