"""Roles of people and organisations in a decision, read from the decision's own words.

A decision says what someone did with a word next to the name: ``NAME (DPO)`` (a fugitive),
``saksi korban NAME`` (a victim), ``NAME selaku sponsor``, ``NAME (dalam berkas perkara
terpisah)`` (a co-defendant tried separately). The committed map ``data/roles.csv`` lists
each Indonesian cue, the role it signals and on which side of the name it is written
(``left``: right before the name; ``right``: in the words after it; ``any``: either).

>>> roles_near("saksi korban ", " berangkat ke Malaysia")
['victim']
>>> roles_near("bersama ", " (DPO) selaku sponsor")
['fugitive', 'sponsor']
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

# Words that may stand between a left cue and the name ("korban Sdri. X", "sponsor bernama X").
_BRIDGE = r"(?:\W|\b(?:sdr|sdri|saudara|saudari|saksi|anak|inisial|bernama|yaitu|yakni|adalah|yang|bernama|terdakwa|i{1,3}|iv)\b)*"
LEFT_WINDOW = 40     # characters before a name searched for a left cue
RIGHT_WINDOW = 70    # characters after a name searched for a right cue


@lru_cache(maxsize=1)
def load_roles() -> pd.DataFrame:
    """The committed cue → role map (columns ``cue``, ``role``, ``side``, ``note``).

    >>> load_roles().set_index("cue").loc["dpo", "role"]
    'fugitive'
    """
    with resources.files("analysis").joinpath("data/roles.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh, dtype=str, keep_default_na=False)
    bad = set(df["side"]) - {"left", "right", "any"}
    if bad:
        raise ValueError(f"roles.csv: unknown side values {sorted(bad)}")
    return df


def _cue_regex(cue: str) -> str:
    return r"\b" + r"\s+".join(re.escape(w) for w in cue.split()) + r"\b"


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    roles = load_roles()
    # Longest cues first, so "saksi korban" wins over "korban" and "berkas perkara terpisah" over "penuntutan terpisah".
    rows = sorted(roles.itertuples(index=False), key=lambda r: -len(r.cue))
    left = [r.cue for r in rows if r.side in ("left", "any")]
    right = [r.cue for r in rows if r.side in ("right", "any")]
    role_of = {r.cue: r.role for r in rows}
    left_rx = re.compile(r"(?P<cue>" + "|".join(_cue_regex(c) for c in left) + r")" + _BRIDGE + r"$", re.IGNORECASE)
    right_rx = re.compile("|".join(_cue_regex(c) for c in right), re.IGNORECASE)
    return left_rx, right_rx, role_of


def _role_of(found: str, role_of: dict[str, str]) -> str | None:
    return role_of.get(" ".join(found.lower().split()))


def roles_near(left: str, right: str) -> list[str]:
    """Roles signalled by the text right before (``left``) and after (``right``) a name.

    A left cue must be the last word(s) before the name (honorifics may stand between);
    right cues may appear anywhere in ``right``, which the caller cuts at the next name or
    sentence end. Roles are returned once each, in the order found.

    >>> roles_near("uang dari korban kepada Sdr. ", " ")
    []
    >>> roles_near("", " (dalam berkas perkara terpisah)")
    ['co-defendant tried separately']
    """
    left_rx, right_rx, role_of = _compiled()
    found: list[str] = []
    m = left_rx.search(left[-LEFT_WINDOW:])
    if m:
        r = _role_of(m.group("cue"), role_of)
        if r:
            found.append(r)
    for m in right_rx.finditer(right[:RIGHT_WINDOW]):
        r = _role_of(m.group(0), role_of)
        if r and r not in found:
            found.append(r)
    return found
