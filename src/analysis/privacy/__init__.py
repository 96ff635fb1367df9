"""Privacy: keyed pseudonyms, redaction of stored text, and the name list that guards outputs.

* ``pseudonyms`` — the local secret and ``pseudonym(key_text, kind)``;
* ``redaction`` — ``redact(text)`` masks identity, phone, passport numbers, e-mails, addresses;
* ``names`` — names read from the decisions, in memory only, to check what is written.
"""

from analysis.privacy.pseudonyms import PREFIX, key_path, pseudonym, secret_key
from analysis.privacy.redaction import REDACT_TYPES, redact

__all__ = ["PREFIX", "REDACT_TYPES", "key_path", "pseudonym", "redact", "secret_key"]
