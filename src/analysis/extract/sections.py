"""Split a cleaned decision into its parts by the headings and formulas courts use.

An Indonesian first-instance criminal decision follows the order set by KUHAP Pasal 197:
the heading and case number, the defendant's identity (``Nama lengkap :`` …), the
detention record (``ditahan`` …), what the panel read and heard including the prosecutor's
demand (``tuntutan``), the charges (``didakwa … dakwaan``), the evidence (``keterangan
saksi``), the facts found (``fakta hukum``), the legal considerations (``Menimbang`` …
``Memperhatikan``), the verdict after the last ``MENGADILI`` (the *amar*) and the closing
from ``Demikian(lah) diputuskan`` with the date and the signatures.

``split_sections`` finds the first marker of each part in that order (each searched after
the previous part's start), and each part runs to the start of the next one found. Parts
whose marker is absent are left out of the result.

>>> t = ("PUTUSAN Nomor 1/Pid.Sus/2025/PN Xyz ... Nama lengkap : A; Terdakwa ditahan oleh: ... "
...      "Pengadilan Negeri tersebut; Setelah mendengar tuntutan ... Menimbang, bahwa Terdakwa didakwa ... "
...      "keterangan saksi ... fakta hukum ... Memperhatikan, Pasal 2 ... MENGADILI: 1. ... "
...      "Demikianlah diputuskan pada hari Senin")
>>> s = split_sections(t)
>>> list(s)
['header', 'identity', 'detention', 'proceedings', 'demands', 'charges', 'witnesses', 'facts', 'considerations', 'verdict', 'closing']
>>> t[slice(*s["verdict"])]
'MENGADILI: 1. ... '
"""

from __future__ import annotations

import re

SECTION_ORDER = ["header", "identity", "detention", "proceedings", "demands", "charges", "witnesses",
                 "facts", "considerations", "verdict", "closing"]

_MARKERS: dict[str, re.Pattern] = {
    "identity": re.compile(r"Nama\s*(?:lengkap|Lengkap|LENGKAP)\b|\bNama\s*:", re.IGNORECASE),
    "detention": re.compile(r"\b(?:Terdakwa|Para\s+Terdakwa)\b[^;]{0,200}?\b(?:ditangkap|ditahan|tidak\s+ditahan|penahanan)"
                            r"|\bPenahanan\b|\bditahan\s+(?:dalam|oleh)", re.IGNORECASE),
    "proceedings": re.compile(r"Pengadilan\s+Negeri\s+(?:tersebut|Tersebut)\s*;|Setelah\s+membaca", re.IGNORECASE),
    "demands": re.compile(r"(?:mendengar|membaca)\s+(?:pembacaan\s+)?(?:surat\s+)?tuntutan|tuntutan\s+pidana", re.IGNORECASE),
    "charges": re.compile(r"Menimbang,?\s+bahwa\s+(?:para\s+)?Terdakwa[^;]{0,80}?(?:didakwa|diajukan\s+ke\s+persidangan)"
                          r"|dakwaan\s+(?:sebagai|yang)\s+berikut|surat\s+dakwaan", re.IGNORECASE),
    "witnesses": re.compile(r"keterangan\s+(?:para\s+)?saksi|mengajukan\s+(?:para\s+)?saksi|saksi-saksi\s+sebagai\s+berikut", re.IGNORECASE),
    "facts": re.compile(r"fakta(?:-fakta)?\s+hukum", re.IGNORECASE),
    "considerations": re.compile(r"Menimbang,?\s+bahwa\s+(?:selanjutnya\s+)?Majelis\s+Hakim\s+(?:akan\s+)?mempertimbangkan"
                                 r"|Menimbang,?\s+bahwa\s+berdasarkan\s+fakta|\bMemperhatikan\b", re.IGNORECASE),
}
# The verdict heading: "MENGADILI", letter-spaced "M E N G A D I L I" / "M e n g a d i l i",
# or "Mengadili :" (a capital M; the lower-case verb runs through the whole text).
VERDICT_HEADING = re.compile(r"M\s?E\s?N\s?G\s?A\s?D\s?I\s?L\s?I\s*[:;]?|M e n g a d i l i\s*[:;]?|\bMengadili\s*[:;]")
_VERDICT = VERDICT_HEADING
_CLOSING = re.compile(r"Demikian(?:lah)?[,\s]+(?:di\s?putus|diputuskan|putusan|ditetapkan)", re.IGNORECASE)


def split_sections(text: str) -> dict[str, tuple[int, int]]:
    """``{name: (start, end)}`` character spans of a decision's parts, in document order.

    The verdict starts at the LAST ``MENGADILI`` (earlier ones quote the demand or an
    interlocutory ruling); the closing at the first ``Demikian … diputuskan`` after it.

    >>> split_sections("")
    {}
    """
    if not isinstance(text, str) or not text:
        return {}
    starts: dict[str, int] = {"header": 0}
    verdicts = list(_VERDICT.finditer(text))
    verdict_at = verdicts[-1].start() if verdicts else None
    limit = verdict_at if verdict_at is not None else len(text)
    pos = 0
    for name in SECTION_ORDER[1:-2]:
        m = _MARKERS[name].search(text, pos, limit)
        if m:
            starts[name] = m.start()
            pos = m.start() + 1
    if verdict_at is not None:
        starts["verdict"] = verdict_at
        m = _CLOSING.search(text, verdict_at)
        if m:
            starts["closing"] = m.start()
    else:
        m = None
        for m in _CLOSING.finditer(text, pos):
            pass
        if m:
            starts["closing"] = m.start()
    ordered = sorted(starts.items(), key=lambda kv: (kv[1], SECTION_ORDER.index(kv[0])))
    out: dict[str, tuple[int, int]] = {}
    for i, (name, start) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else len(text)
        out[name] = (start, end)
    return {name: out[name] for name in SECTION_ORDER if name in out}
