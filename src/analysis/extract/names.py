"""Person names as written in court decisions, reduced to a stable identity key.

Decisions write the same person in many ways: ``Sdr. ANDI alias ANDE bin KARTA (Alm)``,
``Andi Als. Ande``, ``Terdakwa II ANDI``. ``split_name`` separates the person's own name from
their aliases (``alias``, ``als.``, ``@``, ``panggilan``) and the father's name
(``bin``/``binti``/``bt``), dropping honorifics (``Sdr.``, ``H.``, ``Hj.``, ``Drs.``, roles
such as ``Terdakwa``/``Saksi``) and academic degrees (``, S.H.``). ``person_key`` folds the
own name to lower-case ASCII words so that spelling variants in case, spacing, punctuation
and accents meet on one key; the father's name is left out of the key because it is often
missing from one mention of the same person and present in another.

>>> split_name("Sdr. ANDI  alias ANDE Bin Alm KARTA;")
NameParts(given='ANDI', aliases=['ANDE'], patronym='KARTA')
>>> person_key("Terdakwa II H. Andi-Wirabumi als. Ande")
'andi wirabumi'
>>> is_initials("A.S."), is_initials("Andi")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Words that stand before a name but are not part of it (lower-case, without the dot).
HONORIFICS = frozenset({
    "sdr", "sdri", "sdra", "saudara", "saudari", "terdakwa", "tersangka", "terpidana", "saksi",
    "korban", "pelapor", "anak", "bapak", "bpk", "pak", "ibu", "bu", "h", "hj", "haji", "hajah",
    "hajjah", "drs", "dra", "dr", "ir", "prof", "tn", "tuan", "ny", "nyonya", "nn", "nona",
    "mr", "mrs", "ms", "miss", "alm", "almh", "almarhum", "almarhumah", "dpo",
})
# Roman or arabic numbering that follows a role word ("Terdakwa II", "Saksi 3").
_NUMBERING = re.compile(r"^(?:[ivx]+|\d{1,2})$", re.IGNORECASE)
_ROLE_WORDS = frozenset({"terdakwa", "tersangka", "terpidana", "saksi", "korban", "anak"})
# Degrees after a comma: "ANDI, S.H., M.H." / "ANDI S.Pd".
_DEGREE = re.compile(
    r"(?<=\S)\s*,?\s*\b(?:S\.\s?(?:H\.?\s?I|H|E|Pd\.?\s?I|Pd|Sos|Kom|T|Ag|Kep|Ked|I\.?P|Si|Psi|Hum|Ak|Kes|Farm|Tr)"
    r"|M\.\s?(?:H|M|Si|Pd|Hum|Kn|Kes|Sc|Ag|Kom)|A\.\s?Md|Amd|Lc)\.?(?=[\s,;]|$)", re.IGNORECASE)
_ALIAS = re.compile(r"\s*(?:\b(?:alias|als|a\.k\.a|aka|panggilan)\b\.?\s*:?|@)\s*", re.IGNORECASE)
_PATRONYM = re.compile(r"\s+\b(?:bin|binti|bt|bte)\b\.?\s*", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


@dataclass
class NameParts:
    """A name split into the person's own name, their aliases and their father's name."""

    given: str
    aliases: list[str] = field(default_factory=list)
    patronym: str | None = None


def _tidy(s: str) -> str:
    return _SPACES.sub(" ", s).strip(" \t\r\n;:,.-'\"")


def _strip_honorifics(s: str) -> str:
    """Drop leading honorifics/roles (and a role's numbering) and trailing degrees."""
    s = _DEGREE.sub(" ", s)
    words = s.split()
    i = 0
    while i < len(words):
        w = words[i].strip(".,:;").lower()
        if w.endswith(("/i", "/ri")):   # "Saudara/i", "Sdr/ri"
            w = w.rsplit("/", 1)[0]
        if w in HONORIFICS:
            i += 1
            if w in _ROLE_WORDS and i < len(words) and _NUMBERING.match(words[i].strip(".,:;")):
                i += 1
            continue
        break
    # Trailing status markers ("... (Alm)" already unwrapped to "... Alm").
    j = len(words)
    while j > i and words[j - 1].strip(".,:;()").lower() in {"alm", "almh", "almarhum", "almarhumah", "dpo"}:
        j -= 1
    return _tidy(" ".join(words[i:j]))


def split_name(name: str) -> NameParts:
    """Split a written name into ``NameParts(given, aliases, patronym)``.

    The own name comes before any alias or ``bin``/``binti`` marker; what follows an alias
    marker is an alias up to the next marker; what follows ``bin``/``binti`` is the father's
    name (with ``Alm``/``H.`` removed). Parenthesised status words (``(Alm)``, ``(DPO)``) are
    dropped; other parenthesised text is taken as an alias.

    >>> split_name("Kartijo alias Madi bin Karta alias Kar")
    NameParts(given='Kartijo', aliases=['Madi', 'Kar'], patronym='Karta')
    >>> split_name("TERDAKWA")
    NameParts(given='', aliases=[], patronym=None)
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be str, not {type(name).__name__}")
    s = unicodedata.normalize("NFKC", name)
    extra_aliases: list[str] = []

    def _paren(m: re.Match) -> str:
        inner = _tidy(m.group(1))
        if inner and _strip_honorifics(inner):
            extra_aliases.append(_strip_honorifics(inner))
        return " "

    s = _PAREN.sub(_paren, s).replace("(", " ").replace(")", " ")
    s = _SPACES.sub(" ", s)
    # Tokenise into (marker, text) pieces: the first piece has marker None.
    pieces: list[tuple[str | None, str]] = []
    pattern = re.compile(f"(?P<alias>{_ALIAS.pattern})|(?P<bin>{_PATRONYM.pattern})", re.IGNORECASE)
    pos, marker = 0, None
    for m in pattern.finditer(s):
        pieces.append((marker, s[pos:m.start()]))
        marker = "alias" if m.group("alias") is not None else "bin"
        pos = m.end()
    pieces.append((marker, s[pos:]))
    given, aliases, patronym = "", [], None
    for kind, text in pieces:
        text = _strip_honorifics(text)
        if kind is None:
            given = text
        elif kind == "alias":
            if text:
                aliases.append(text)
        elif patronym is None:
            patronym = text or None
        elif text:
            patronym = f"{patronym} {text}"
    if not given and aliases:
        given, aliases = aliases[0], aliases[1:]
    aliases.extend(a for a in extra_aliases if a and a not in aliases)
    return NameParts(given=given, aliases=aliases, patronym=patronym)


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces (accents, punctuation removed).

    >>> fold("  Ma'ruf  AMIN-Wirabumi. ")
    'maruf amin wirabumi'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("'", "").replace("\u2019", "").replace("`", "")
    s = _NON_WORD.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def person_key(name: str) -> str:
    """Normalised identity key of a person's own name ('' when nothing of a name is left).

    >>> person_key("SDRI. SITI  WULANJARI Binti H. KARTA")
    'siti wulanjari'
    >>> person_key("Siti Wulanjari alias Ami")
    'siti wulanjari'
    """
    return fold(split_name(name).given)


def is_initials(name: str) -> bool:
    """True when a name is only initials, as decisions write protected victims and children.

    Initials are single letters (``A.S.``, ``A S``, ``M. R``) or one undotted token of at
    most two capital letters (``AS``). Three-letter capitals such as ``ANI`` are common given
    names and are not taken as initials.

    >>> [is_initials(n) for n in ["A.S.", "Anak Korban AS", "M. R", "ANI", "", "Andi S."]]
    [True, True, True, False, False, False]
    """
    if not isinstance(name, str):
        return False
    own = split_name(name).given
    if not own:
        return False
    tokens = [t for t in re.split(r"[\s.]+", own) if t]
    if not tokens:
        return False
    if all(len(t) == 1 and t.isalpha() for t in tokens):
        return True
    return len(tokens) == 1 and "." not in own and 2 <= len(own) <= 2 and own.isalpha() and own.isupper()


_ANON_LABEL = re.compile(r"^(?:(?:anak|saksi|korban) )+(?:\d{1,2}|[ivx]{1,4}|ke[a-z]+)$")


def is_anonymised_label(key: str) -> bool:
    """A label a decision uses instead of a name (``saksi korban ii``, ``anak korban 1``): it is
    one person and matches only itself, however alike two numbers look.

    >>> is_anonymised_label("saksi korban ii"), is_anonymised_label("saksi wirapati")
    (True, False)
    """
    return bool(_ANON_LABEL.match(key or ""))
