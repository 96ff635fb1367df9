"""Within one decision, group the mentions that name the same actor into one entity.

A decision names one person many ways: ``Terdakwa I ZARKASIH Bin X``, ``ZARKASIH``,
``Sdr. SK``, ``WIRANGGO (DPO)`` and, with an OCR slip, ``WIRANGO (DPO)``. Mentions are taken
longest name first and each joins the entity it agrees with, in this order of trust:
the same own name or alias; its words all found among one entity's words (``PRAMUDYO`` →
``PRAMUDYO KELANASARI``); a near spelling (rapidfuzz ratio ≥ ``FUZZY_MIN`` on names of 5+ letters);
initials that spell one entity's name (``GS`` → ``GANDASULI SEKARTAJI``). A join happens only when
exactly one entity agrees, and never across different fathers' names (``bin``/``binti``).
Companies join on the same name or when one is the other's acronym (``PT. NSP`` →
``PT NUSA SINAR PERKASA``); places and agencies on their key.

>>> import pandas as pd
>>> m = pd.DataFrame({"kind": ["person"] * 3, "key": ["wiranggo", "wirango", "pramudyo kelanasari"],
...     "aliases": [[], [], []], "patronym": [None] * 3, "is_initials": [False] * 3,
...     "roles": [["fugitive"], [], []], "defendant_index": [None] * 3, "cue": [""] * 3,
...     "given": ["WIRANGGO", "WIRANGO", "PRAMUDYO KELANASARI"], "evidence": ["f:0-6", "f:9-14", "f:20-33"],
...     "source_file": ["f"] * 3, "case_id": ["c"] * 3, "place_role": [None] * 3, "country": [None] * 3,
...     "name": ["WIRANGGO", "WIRANGO", "PRAMUDYO KELANASARI"], "mention_id": [0, 1, 2]})
>>> ents, m2 = resolve_within_case(m)
>>> m2["entity"].tolist()
['f#1', 'f#1', 'f#0']
>>> ents.set_index("entity").loc["f#1", "roles"]
['fugitive']
"""

from __future__ import annotations

import re

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from analysis.extract.company_names import company_core, same_company_words
from analysis.extract.names import fold, is_anonymised_label, is_initials, person_key, split_name

SLIP_MIN_LETTERS = 5       # a one-letter slip joins two fugitives' names only from this length on
FUZZY_MIN = 88.0           # within one decision a near spelling of a 5+ letter name is the same name
COMPANY_FUZZY_MIN = 85.0   # company names vary more (Joyo/Jaya) and a decision rarely names two near-twins

ENTITY_COLUMNS = ["source_file", "case_id", "entity", "kind", "key", "keys", "patronym", "roles", "n_mentions",
                  "evidence", "mention_ids", "is_initials", "defendant_index", "name", "place_role", "country",
                  "initials", "person_id"]


def records(df: pd.DataFrame, columns) -> list[dict]:
    """Rows of ``df`` as dicts holding only ``columns`` (much faster than ``to_dict("records")``).

    >>> records(pd.DataFrame({"a": [1, 2], "b": ["x", "y"], "c": [0, 0]}), ["a", "b"])
    [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}]
    """
    columns = [c for c in columns if c in df.columns]
    return [dict(zip(columns, values)) for values in zip(*(df[c].tolist() for c in columns))]


def initials_of(key: str) -> str:
    """First letters of a folded name's words.

    >>> initials_of("nusa sinar perkasa")
    'nsp'
    """
    return "".join(w[0] for w in key.split() if w)


def _new(kind: str, key: str, name: str, **kw) -> dict:
    e = {"kind": kind, "key": key, "keys": {key} if key else set(), "patronym": None, "roles": [],
         "mention_ids": [], "evidence": [], "is_initials": False, "defendant_index": None, "name": name,
         "place_role": None, "country": None, "person_id": "", "counts": {}}
    e.update(kw)
    return e


def _patronym_conflict(a: str | None, b: str | None) -> bool:
    return isinstance(a, str) and isinstance(b, str) and bool(a and b) and fuzz.ratio(a, b) < FUZZY_MIN


def _match_person(m: dict, ents: list[dict], by_key: dict[str, list[dict]] | None = None) -> dict | None:
    keys = {m["key"], *m["aliases"]} - {""}
    if is_anonymised_label(m["key"]) or any(is_anonymised_label(k) for k in keys):
        hits = [e for e in ents if e["kind"] == "person" and keys & e["keys"]]
        return hits[0] if len(hits) == 1 else None
    if by_key is not None and not m["is_initials"]:
        # Fast path: a name already held by exactly one entity (most mentions repeat a name).
        hits = {id(e): e for k in keys for e in by_key.get(k, ())}
        if len(hits) == 1:
            e = next(iter(hits.values()))
            if not _patronym_conflict(m["patronym"], e["patronym"]):
                return e
    pool = [e for e in ents if e["kind"] == "person" and not _patronym_conflict(m["patronym"], e["patronym"])]
    if m["is_initials"]:
        letters = re.sub(r"[^a-z]", "", m["key"])
        hits = [e for e in pool if not e["is_initials"] and initials_of(e["key"]) == letters]
        hits = hits or [e for e in pool if e["is_initials"] and re.sub(r"[^a-z]", "", e["key"]) == letters]
        return hits[0] if len(hits) == 1 else None
    hits = [e for e in pool if keys & e["keys"]]
    if hits:
        # Several entities share the name (one came in through an alias): the one whose own
        # name it is wins, then the one met first (the fuller, earlier-resolved form).
        exact = [e for e in hits if e["key"] == m["key"]]
        return (exact or hits)[0]
    words = set(m["key"].split())
    hits = [e for e in pool if not e["is_initials"] and any(words <= set(k.split()) for k in e["keys"])]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        return None
    if len(m["key"]) >= 5:
        scored = [(max(fuzz.ratio(m["key"], k) for k in e["keys"]), i) for i, e in enumerate(pool)
                  if not e["is_initials"] and e["keys"]]
        good = sorted(s for s in scored if s[0] >= FUZZY_MIN)
        if len(good) == 1 or (len(good) > 1 and good[-1][0] > good[-2][0]):
            return pool[good[-1][1]]
    if m.get("fugitive"):
        return _one_slip_fugitive(m["key"], pool)
    return None


def _letters(key: str) -> str:
    return re.sub(r"[^a-z]", "", key)


def _one_slip_fugitive(key: str, pool: list[dict]) -> dict | None:
    """The one fugitive entity whose name differs from ``key`` by a single typing slip.

    A decision writes a wanted person's name again at each charge and witness statement, and a
    typed or OCR-read copy may swap two letters or change one (``WIRASKO``/``WIRASKY``,
    ``TAN WIE``/``TAN WEI``); two different wanted people named that alike in one decision are
    rarer than such slips. Counted as the optimal string alignment distance (Damerau 1964) on
    the letters, for names of ``SLIP_MIN_LETTERS`` letters or more, between fugitives only.

    >>> pool = [{"kind": "person", "keys": {"wirasko"}, "fugitive": True, "is_initials": False}]
    >>> _one_slip_fugitive("wirasky", pool) is pool[0]
    True
    >>> _one_slip_fugitive("wiradku", pool) is None
    True
    """
    mine = _letters(key)
    if len(mine) < SLIP_MIN_LETTERS:
        return None
    hits = [e for e in pool if e.get("fugitive") and not e["is_initials"]
            and any(len(_letters(k)) >= SLIP_MIN_LETTERS and OSA.distance(mine, _letters(k)) <= 1 for k in e["keys"])]
    return hits[0] if len(hits) == 1 else None


def _match_company(m: dict, ents: list[dict]) -> dict | None:
    core = company_core(m["key"])
    pool = [e for e in ents if e["kind"] == "company"]
    hits = [e for e in pool if core in {company_core(k) for k in e["keys"]}]
    if len(hits) == 1:
        return hits[0]
    if " " not in core and 2 <= len(core) <= 6:
        hits = [e for e in pool if any(initials_of(company_core(k)) == core for k in e["keys"] if " " in company_core(k))]
        if len(hits) == 1:
            return hits[0]
    if len(core) >= 6:
        flat = core.replace(" ", "")
        good = [e for e in pool if max(fuzz.ratio(core, company_core(e["key"])),
                                       fuzz.ratio(flat, company_core(e["key"]).replace(" ", ""))) >= COMPANY_FUZZY_MIN]
        if len(good) == 1:
            return good[0]
    # A shortened or lengthened form ("PT Nusa Sinar" cut before a word the decision also uses
    # as prose, "LPK Kaori Gerung" with the office's place) joins the one company it shares a
    # beginning or a distinctive first word with.
    words = core.split()
    if words:
        hits = [e for e in pool if any(company_core(k).split()[:len(words)] == words
                                       and len(company_core(k).split()) > len(words) for k in e["keys"])]
        if len(hits) == 1:
            return hits[0]
    hits = [e for e in pool if any(same_company_words(core, company_core(k)) for k in e["keys"])]
    if len(hits) == 1:
        return hits[0]
    return None


def seed_defendants(defendants: list) -> list[dict]:
    """One person entity per defendant of the decision (``ParsedDecision.defendants``)."""
    ents = []
    for i, d in enumerate(defendants):
        parts = split_name(d.name or "")
        key = d.person_key or person_key(d.name or "")
        withheld = not key or is_initials(d.name or "")
        # A name the court withheld ("TERDAKWA") or gave as initials is kept, but never linked by name.
        ents.append(_new("person", key, d.name or "", keys={key, *(fold(a) for a in (d.aliases or parts.aliases))} - {""},
                         patronym=fold(parts.patronym) if parts.patronym else None, roles=["defendant"],
                         defendant_index=i, is_initials=withheld, person_id=getattr(d, "person_id", "") or ""))
    return ents


def resolve_within_case(mentions: pd.DataFrame, defendants: list | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group one decision's mentions into entities.

    Returns ``(entities, mentions)``: one row per entity (columns ``ENTITY_COLUMNS``; ``entity``
    is ``<source_file>#<n>``) and the mentions with an added ``entity`` column. ``defendants``
    (from the decision's identity blocks) are seeded first so that every later mention of a
    defendant, by name or as ``Terdakwa I``, joins that defendant.
    """
    mentions = mentions.reset_index(drop=True)
    src = str(mentions["source_file"].iat[0]) if len(mentions) else ""
    case = str(mentions["case_id"].iat[0]) if len(mentions) else ""
    ents = seed_defendants(defendants or [])
    by_def = {e["defendant_index"]: e for e in ents}
    by_key: dict[str, list[dict]] = {}
    for e in ents:
        for k in e["keys"]:
            by_key.setdefault(k, []).append(e)
    recs = records(mentions, ("kind", "key", "aliases", "patronym", "is_initials", "defendant_index", "name",
                              "place_role", "country", "roles", "mention_id", "evidence"))
    order = sorted(range(len(recs)), key=lambda i: (
        bool(recs[i]["is_initials"]), -len(str(recs[i]["key"]).split()), -len(str(recs[i]["key"]))))
    assigned: dict[int, dict] = {}
    for i in order:
        row = recs[i]
        m = {"key": row["key"], "aliases": list(row["aliases"] or []),
             "patronym": row["patronym"] if isinstance(row["patronym"], str) and row["patronym"] else None,
             "is_initials": bool(row["is_initials"]), "fugitive": "fugitive" in (row["roles"] or [])}
        kind = row["kind"]
        if kind == "person" and pd.notna(row["defendant_index"]) and row["key"] == "":
            e = by_def.get(int(row["defendant_index"]))
            if e is None:
                continue
        elif kind == "person":
            e = _match_person(m, ents, by_key)
        elif kind == "company":
            e = _match_company(m, ents)
        else:
            e = next((x for x in ents if x["kind"] == kind and x["key"] == row["key"]), None)
        if e is None:
            e = _new(kind, row["key"], row["name"], is_initials=m["is_initials"], patronym=m["patronym"],
                     place_role=row["place_role"], country=row["country"])
            ents.append(e)
            e["keys"] = set()
        e["counts"][m["key"]] = e["counts"].get(m["key"], 0) + 1
        e["fugitive"] = e.get("fugitive", False) or m["fugitive"]
        if kind == "company":
            e.setdefault("names", {}).setdefault(m["key"], row["name"])
        for k in {m["key"], *m["aliases"]} - {""} - e["keys"]:
            if kind == "person":
                by_key.setdefault(k, []).append(e)
        e["keys"] |= {m["key"], *m["aliases"]} - {""}
        if not e["patronym"] and m["patronym"]:
            e["patronym"] = m["patronym"]
        for r in row["roles"] or []:
            if r not in e["roles"]:
                e["roles"].append(r)
        assigned[i] = e
    for i, e in assigned.items():
        e["mention_ids"].append(int(recs[i]["mention_id"]))
        e["evidence"].append(recs[i]["evidence"])
    rows = []
    for n, e in enumerate(ents):
        if not e["mention_ids"] and e["defendant_index"] is None:
            continue
        e["entity"] = f"{src}#{n}"
        roles = e["roles"]
        if "defendant" in roles:
            # A defendant of this decision is neither its victim nor a fugitive from it.
            roles = [r for r in roles if r not in ("victim", "fugitive", "co-defendant tried separately")]
        elif "victim" in roles:
            roles = ["victim"]
        order_ev = sorted(zip(e["mention_ids"], e["evidence"]))
        # Across decisions an entity is known by its fullest forms only: "RAWIKARA" said of one
        # "RAWIKARA SEKARTAJI" here must not make every other "RAWIKARA" elsewhere a match.
        if e["kind"] == "person":
            full = sorted(k for k in e["keys"] if not any(set(k.split()) < set(o.split()) for o in e["keys"]))
        else:
            full = sorted(e["keys"])
            # A company is known by the form its mentions use most (fewest stray words on ties).
            e["key"] = min(e["counts"], key=lambda k: (-e["counts"][k], len(k.split()) < 2, len(k), k))
            # Its name is the fullest form (most words after the legal form), written with the
            # legal form its mentions use most ("PT X" over a "BLKLN X" said less often).
            names = e.get("names", {})
            if names:
                fullest = min(names, key=lambda k: (-len(company_core(k).split()), -e["counts"].get(k, 0), len(k), k))
                e["name"] = names[fullest]
        rows.append({"source_file": src, "case_id": case, "entity": e["entity"], "kind": e["kind"], "key": e["key"],
                     "keys": full, "patronym": e["patronym"], "roles": roles,
                     "n_mentions": len(e["mention_ids"]), "evidence": order_ev[0][1] if order_ev else None,
                     "mention_ids": [i for i, _ in order_ev], "is_initials": e["is_initials"],
                     "defendant_index": e["defendant_index"], "name": e["name"], "place_role": e["place_role"],
                     "country": e["country"], "initials": initials_of(e["key"]), "person_id": e["person_id"]})
    entity_of = {i: e.get("entity") for i, e in assigned.items()}
    out = mentions.copy()
    out["entity"] = [entity_of.get(i) for i in range(len(out))]
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS), out
