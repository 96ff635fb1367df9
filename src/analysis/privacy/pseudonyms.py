"""Pseudonyms: person names never leave extraction in clear.

``pseudonym(key_text, kind)`` gives a stable label from a keyed hash (HMAC-SHA256) of a
normalised name, so the same person links across cases without being named. Anyone without
the secret key cannot tell which name is behind a label, even by hashing a list of likely
names; so the key must be secret, long and the same on every machine that builds tables
meant to be compared.

The key
-------
Where it comes from, in this order: ``$TPPO_KEY`` (the key itself), else the file named by
``$TPPO_KEY_FILE``, else ``~/.config/tppo/pseudonym.key``.

Its format: hexadecimal digits (``0-9``, ``a-f``; upper case is read as lower case;
surrounding white space is ignored), **at least 32 of them (128 bits)**. A created key file
holds 64 (256 bits). The HMAC key is the hex text itself (as ASCII), so a key file copied
to another machine, or its content put into ``$TPPO_KEY`` there, gives the same pseudonyms.

Anything else is refused with ``KeyProblem`` (a ``ValueError``, so ``tppo`` prints one
line and exits 2) before any table is touched: an empty or white-space key, a short one
(``TPPO_KEY=1``), one with other characters, an unreadable file. A missing file is created
once, atomically: the key is written to a private (0600) temporary file beside it, which is
then hard-linked to the final name; of several processes racing, one link wins and every
process reads that same complete key. The key is loaded in the main process
(``secret_key()``) and handed to worker processes (``use_key`` as a pool initializer), which
never read or create the file themselves.

``key_fingerprint()`` names the key without revealing it (first 16 hex digits of SHA-256 of
a domain-separated HMAC under the key); the build stamp records it, so a change of key
causes a rebuild.

Labels
------
``<prefix>-<12 hex digits>`` (48 bits), the prefix by kind (``P`` person, ``V`` victim,
``C`` company, ``L`` place, ``A`` agency, ``K`` case). ``check_unique`` refuses a table in
which two distinct identities got one label: a collision is an error, never a silent merge.

>>> k = b"0123456789abcdef0123456789abcdef"
>>> p = pseudonym("sekar pramesti", kind="person", key=k)
>>> p.startswith("P-") and len(p) == 14
True
>>> parse_key("  0123456789ABCDEF0123456789abcdef\\n") == k
True
>>> parse_key("1")
Traceback (most recent call last):
...
analysis.privacy.pseudonyms.KeyProblem: pseudonym key (given) is too short: 1 hex digit (4 bits); at least 32 hex digits (128 bits) are needed
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import tempfile
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)

PREFIX = {"person": "P", "victim": "V", "company": "C", "place": "L", "agency": "A", "case": "K"}
LENGTH = 12                 # hex digits of a label: 48 bits
MIN_HEX = 32                # hex digits of a key: 128 bits
NEW_KEY_BYTES = 32          # a created key: 256 bits, 64 hex digits
_HEX = re.compile(r"[0-9a-f]+")
_FINGERPRINT_DOMAIN = b"tppo pseudonym key fingerprint v1"


class KeyProblem(ValueError):
    """The pseudonym key is missing, unreadable or too weak (a one-line message)."""


class PseudonymCollision(ValueError):
    """Two distinct identities received the same pseudonym."""


def key_path() -> Path:
    """The key file: ``$TPPO_KEY_FILE``, else ``~/.config/tppo/pseudonym.key``."""
    return Path(os.environ.get("TPPO_KEY_FILE") or Path.home() / ".config" / "tppo" / "pseudonym.key")


def parse_key(text: str, source: str = "(given)") -> bytes:
    """Validate key text (hex, at least 32 digits) and return the HMAC key bytes.

    >>> parse_key("")
    Traceback (most recent call last):
    ...
    analysis.privacy.pseudonyms.KeyProblem: pseudonym key (given) is empty; it must hold at least 32 hex digits (128 bits)
    """
    t = text.strip().lower()
    if not t:
        raise KeyProblem(f"pseudonym key {source} is empty; it must hold at least {MIN_HEX} hex digits "
                         f"({MIN_HEX * 4} bits)")
    if not _HEX.fullmatch(t):
        raise KeyProblem(f"pseudonym key {source} is not hexadecimal: only 0-9 and a-f are allowed "
                         f"(at least {MIN_HEX} of them)")
    if len(t) < MIN_HEX:
        n = len(t)
        raise KeyProblem(f"pseudonym key {source} is too short: {n} hex digit{'s' if n != 1 else ''} "
                         f"({n * 4} bits); at least {MIN_HEX} hex digits ({MIN_HEX * 4} bits) are needed")
    return t.encode("ascii")


def _read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii")
    except UnicodeDecodeError:
        raise KeyProblem(f"pseudonym key file {path} is not hexadecimal text") from None
    except OSError as exc:
        raise KeyProblem(f"pseudonym key file {path} cannot be read: {exc.strerror or exc}") from None
    return parse_key(text, f"file {path}")


def create_key_file(path: str | os.PathLike) -> bool:
    """Create ``path`` holding a new random key, unless it exists; ``True`` if this call made it.

    The key is written in full to a private temporary file beside ``path`` and hard-linked to
    ``path``; linking fails if ``path`` exists, so racing processes never overwrite each
    other and never see a partly written key.
    """
    path = Path(path)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # mode 0600
    except OSError as exc:
        raise KeyProblem(f"pseudonym key file {path} cannot be created: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(NEW_KEY_BYTES) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError as exc:
            raise KeyProblem(f"pseudonym key file {path} cannot be created: {exc.strerror or exc}") from None
    finally:
        os.unlink(tmp)
    log.warning("created a new pseudonym key at %s; to get the same pseudonyms on another machine, copy this "
                "file there (same place, or point TPPO_KEY_FILE at it) or set TPPO_KEY to its content", path)
    return True


def load_key(create: bool = True) -> bytes:
    """Read and validate the key from ``$TPPO_KEY`` or the key file (created if missing and ``create``).

    Raises ``KeyProblem`` for anything unusable; never returns an empty or short key.
    """
    env = os.environ.get("TPPO_KEY")
    if env is not None:
        return parse_key(env, "in TPPO_KEY")
    path = key_path()
    if not os.path.lexists(path):
        if not create:
            raise KeyProblem(f"no pseudonym key file at {path}")
        create_key_file(path)
    return _read_key_file(path)


_given: bytes | None = None          # set in worker processes by ``use_key``
_loaded: dict[tuple, bytes] = {}     # (TPPO_KEY, key file) -> key, in the main process


def use_key(key: bytes) -> None:
    """Make ``key`` this process's key (a pool initializer: workers get the main process's key).

    >>> use_key(b"1")
    Traceback (most recent call last):
    ...
    analysis.privacy.pseudonyms.KeyProblem: pseudonym key handed to this process is too short: 1 hex digit (4 bits); at least 32 hex digits (128 bits) are needed
    """
    global _given
    _given = parse_key(key.decode("ascii", "replace"), "handed to this process")


def secret_key() -> bytes:
    """This process's key: the one handed over by ``use_key``, else ``load_key()`` (cached
    per ``$TPPO_KEY``/``$TPPO_KEY_FILE`` so that a change of either is seen)."""
    if _given is not None:
        return _given
    source = (os.environ.get("TPPO_KEY"), str(key_path()))
    if source not in _loaded:
        _loaded[source] = load_key()
    return _loaded[source]


def key_fingerprint(key: bytes | None = None) -> str:
    """16 hex digits that name the key without revealing it.

    >>> key_fingerprint(b"0123456789abcdef0123456789abcdef") == key_fingerprint(b"0123456789abcdef0123456789abcdef")
    True
    >>> len(key_fingerprint(b"0123456789abcdef0123456789abcdef"))
    16
    """
    mac = hmac.new(key or secret_key(), _FINGERPRINT_DOMAIN, hashlib.sha256).digest()
    return hashlib.sha256(mac).hexdigest()[:16]


def pseudonym(key_text: str, kind: str = "person", *, key: bytes | None = None, length: int = LENGTH) -> str:
    """Stable pseudonym ``<P|V|C|L|A|K>-<hex>`` for an already-normalised identity key.

    Equal inputs give equal labels under the same secret; the label reveals nothing of the
    name without the secret. ``kind`` picks the prefix (person, victim, company, ...).
    ``length`` (hex digits) is at least 12.
    """
    if not isinstance(key_text, str) or not key_text.strip():
        raise ValueError("pseudonym needs a non-empty identity key")
    if length < LENGTH:
        raise ValueError(f"pseudonyms have at least {LENGTH} hex digits")
    digest = hmac.new(key or secret_key(), f"{kind}\x1f{key_text}".encode(), hashlib.sha256).hexdigest()
    return f"{PREFIX.get(kind, 'X')}-{digest[:length]}"


def check_unique(table: pd.DataFrame, identity: str | list[str], label: str) -> pd.DataFrame:
    """``table`` unchanged if no label is shared by two distinct identities; else ``PseudonymCollision``.

    ``identity`` names the column(s) that say who a row is (e.g. the cluster, or kind and
    hashed text); ``label`` the pseudonym column. Only labels appear in the message.

    >>> t = pd.DataFrame({"who": ["a", "a", "b"], "id": ["P-1", "P-1", "P-2"]})
    >>> len(check_unique(t, "who", "id"))
    3
    >>> check_unique(t.assign(id=["P-1", "P-1", "P-1"]), "who", "id")
    Traceback (most recent call last):
    ...
    analysis.privacy.pseudonyms.PseudonymCollision: 1 pseudonym given to more than one identity: P-1 (2)
    """
    cols = [identity] if isinstance(identity, str) else list(identity)
    if not len(table):
        return table
    n = table[[*cols, label]].drop_duplicates().groupby(label, sort=True).size()
    shared = n[n > 1]
    if len(shared):
        shown = ", ".join(f"{k} ({v})" for k, v in shared.head(5).items())
        more = f" (+{len(shared) - 5} more)" if len(shared) > 5 else ""
        raise PseudonymCollision(f"{len(shared)} pseudonym{'s' if len(shared) != 1 else ''} given to more than one "
                                 f"identity: {shown}{more}")
    return table
