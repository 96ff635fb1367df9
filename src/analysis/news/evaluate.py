"""Score extracted news events against a hand-annotated gold set (precision and recall per field).

An extracted event matches a gold row of the same article when both count the same range
(``count_low``-``count_high``) of the same unit; matching is one-to-one, in text order. On
matched pairs each field is scored: the period (exact start and end), and the sets of
agencies, places and countries (micro-averaged: every label is one decision).

>>> import pandas as pd
>>> gold = pd.DataFrame({"fixture": ["a"], "count_low": [9], "count_high": [9], "count_unit": ["korban"],
...     "period_start": [None], "period_end": [None], "agencies": [["Polda Nusa Tenggara Timur"]],
...     "places": [[]], "countries": [["Malaysia"]]})
>>> sys = gold.assign(countries=[["Malaysia", "Qatar"]])
>>> s = score_events(sys, gold).set_index("field")
>>> float(s.loc["count", "recall"]), float(s.loc["countries", "precision"])
(1.0, 0.5)
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

SET_FIELDS = ("agencies", "places", "countries")


def _split(v) -> list[str]:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v == "":
        return []
    return [x.strip() for x in str(v).split(";") if x.strip()]


def read_gold(path: str | os.PathLike) -> pd.DataFrame:
    """The gold CSV with ``;``-separated cells as lists and dates as dates."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for c in SET_FIELDS:
        df[c] = df[c].map(_split)
    for c in ("count_low", "count_high"):
        df[c] = df[c].astype(int)
    for c in ("period_start", "period_end"):
        df[c] = pd.to_datetime(df[c].replace("", None))
    return df


def fixture_key(source: str, roots: dict[str, str | os.PathLike]) -> str:
    """Name of an article's source relative to a fixture root (``prefix + relative path``).

    >>> fixture_key("/x/fx/articles.jsonl:3", {"": "/x/fx", "seeds/": "/y/seeds"})
    'articles.jsonl:3'
    """
    for prefix, root in roots.items():
        root = str(Path(root))
        if source.startswith(root + os.sep):
            return prefix + source[len(root) + 1:]
    return source


def _period(row) -> tuple | None:
    s, e = row.get("period_start"), row.get("period_end")
    if s is None or pd.isna(s):
        return None
    return (pd.Timestamp(s).date(), pd.Timestamp(e).date())


def match_events(system: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[dict | None, dict | None]]:
    """Pairs ``(system row, gold row)``; unmatched rows are paired with None."""
    pairs: list[tuple[dict | None, dict | None]] = []
    for fx in sorted(set(system["fixture"]) | set(gold["fixture"])):
        sys_rows = system[system["fixture"] == fx].to_dict("records")
        gold_rows = gold[gold["fixture"] == fx].to_dict("records")
        used = set()
        for s in sys_rows:
            hit = next((i for i, g in enumerate(gold_rows) if i not in used and g["count_unit"] == s["count_unit"]
                        and int(g["count_low"]) == int(s["count_low"]) and int(g["count_high"]) == int(s["count_high"])),
                       None)
            if hit is None:
                pairs.append((s, None))
            else:
                used.add(hit)
                pairs.append((s, gold_rows[hit]))
        pairs.extend((None, g) for i, g in enumerate(gold_rows) if i not in used)
    return pairs


def score_events(system: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """``field, tp, fp, fn, precision, recall`` for count, period, agencies, places, countries."""
    pairs = match_events(system, gold)
    tally = {f: [0, 0, 0] for f in ("count", "period", *SET_FIELDS)}
    for s, g in pairs:
        if s is None:
            tally["count"][2] += 1
            continue
        if g is None:
            tally["count"][1] += 1
            continue
        tally["count"][0] += 1
        ps, pg = _period(s), _period(g)
        if ps is not None and ps == pg:
            tally["period"][0] += 1
        else:
            tally["period"][1] += ps is not None
            tally["period"][2] += pg is not None
        for f in SET_FIELDS:
            a, b = set(s[f]), set(g[f])
            tally[f][0] += len(a & b)
            tally[f][1] += len(a - b)
            tally[f][2] += len(b - a)
    rows = []
    for f, (tp, fp, fn) in tally.items():
        rows.append({"field": f, "tp": tp, "fp": fp, "fn": fn,
                     "precision": round(tp / (tp + fp), 3) if tp + fp else float("nan"),
                     "recall": round(tp / (tp + fn), 3) if tp + fn else float("nan")})
    return pd.DataFrame(rows)
