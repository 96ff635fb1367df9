"""Privacy: keyed pseudonyms, redaction of stored text, and the name list that guards outputs.

* ``pseudonyms`` — the local secret (validated, fingerprinted) and ``pseudonym(key_text, kind)``;
* ``redaction`` — ``redact(text)`` masks identity, phone, passport numbers, e-mails, addresses;
* ``names`` — names read from the decisions, in memory only, to check what is written.
"""

from analysis.privacy.pseudonyms import (
    PREFIX,
    KeyProblem,
    PseudonymCollision,
    check_unique,
    key_fingerprint,
    key_path,
    pseudonym,
    secret_key,
    use_key,
)
from analysis.privacy.redaction import REDACT_TYPES, RedactionError, redact

__all__ = ["PREFIX", "REDACT_TYPES", "KeyProblem", "PseudonymCollision", "check_unique", "key_fingerprint",
           "key_path", "pseudonym", "redact", "RedactionError", "secret_key", "use_key"]
