"""Redaction: personal identifiers are masked in any text that is stored.

``redact(text)`` masks identity numbers (16-digit NIK, KK), phone, passport, e-mail and
bank-account numbers and street addresses, using the Indonesian PII detector of the
``lokal-id`` package plus a NIK/phone fallback.

>>> redact("NIK 3201234567890001, HP 081234567890")
'NIK [NIK], HP [PHONE]'
"""

from __future__ import annotations

import re

REDACT_TYPES = {"NIK", "KK", "PHONE", "PASSPORT", "EMAIL", "BANK_ACCOUNT", "ADDRESS", "NPWP", "CARD"}

_NIK_RE = re.compile(r"(?<!\d)\d{16}(?!\d)")
_PHONE_RE = re.compile(r"(?<![\w])(?:\+62|62|0)8\d{1,3}[-\s.]?\d{3,4}[-\s.]?\d{3,5}(?!\d)")


def redact(text: str) -> str:
    """Mask personal identifiers in ``text``; the result keeps its words, not its numbers."""
    if not text:
        return text
    spans: list[tuple[int, int, str]] = []
    try:
        import lokal

        for m in lokal.detect_pii(text):
            if m.type in REDACT_TYPES:
                spans.append((m.start, m.end, m.type))
    except Exception:  # the fallback below still removes the numbers that matter most
        pass
    for rx, label in ((_NIK_RE, "NIK"), (_PHONE_RE, "PHONE")):
        spans.extend((m.start(), m.end(), label) for m in rx.finditer(text))
    if not spans:
        return text
    spans.sort(key=lambda s: (s[0], -s[1]))
    out, pos = [], 0
    for start, end, label in spans:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f"[{label}]")
        pos = end
    out.append(text[pos:])
    return "".join(out)
