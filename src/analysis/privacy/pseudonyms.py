"""Pseudonyms: person names never leave extraction in clear.

* ``pseudonym(key_text, kind)`` gives a stable label from a keyed hash (HMAC-SHA256) of a
  normalised name, so the same person links across cases without being named. The secret
  lives outside the repository (``$TPPO_KEY``, else ``$TPPO_KEY_FILE``, else
  ``~/.config/tppo/pseudonym.key``, created on first use).

>>> pseudonym("budi santoso", kind="person", key=b"k").startswith("P-")
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

PREFIX = {"person": "P", "victim": "V", "company": "C", "place": "L", "agency": "A", "case": "K"}


def key_path() -> Path:
    return Path(os.environ.get("TPPO_KEY_FILE") or Path.home() / ".config" / "tppo" / "pseudonym.key")


@lru_cache(maxsize=None)
def secret_key() -> bytes:
    """The local pseudonymisation secret; created (0600) on first use, never committed."""
    env = os.environ.get("TPPO_KEY")
    if env:
        return env.encode()
    p = key_path()
    if not p.exists():
        p.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return p.read_text().strip().encode()


def pseudonym(key_text: str, kind: str = "person", *, key: bytes | None = None, length: int = 8) -> str:
    """Stable pseudonym ``<P|V|C|L|A>-<hex>`` for an already-normalised identity key.

    Equal inputs give equal labels under the same secret; the label reveals nothing of the
    name without the secret. ``kind`` picks the prefix (person, victim, company, ...).
    """
    if not isinstance(key_text, str) or not key_text.strip():
        raise ValueError("pseudonym needs a non-empty identity key")
    digest = hmac.new(key or secret_key(), f"{kind}\x1f{key_text}".encode(), hashlib.sha256).hexdigest()
    return f"{PREFIX.get(kind, 'X')}-{digest[:length]}"
