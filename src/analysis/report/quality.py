"""Data-quality summaries a reader needs before trusting a number: how full each field is,
which decisions are duplicates, and what was rejected and why.

>>> import pandas as pd
>>> t = pd.DataFrame({"a": [1, None, 3], "laws": [["x"], [], None]})
>>> field_coverage(t, "t").values.tolist()
[['t', 'a', 2, 3, 0.667], ['t', 'laws', 1, 3, 0.333]]
"""

from __future__ import annotations

import pandas as pd


def _filled(v) -> bool:
    if v is None:
        return False
    if isinstance(v, (list, tuple, set, dict)) or hasattr(v, "__len__") and not isinstance(v, str):
        return len(v) > 0
    if isinstance(v, str):
        return v.strip() != ""
    return not pd.isna(v)


def field_coverage(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Per column: how many rows hold a value (empty lists and blank strings count as missing).

    Columns ``table``, ``field``, ``filled``, ``rows``, ``share`` (rounded to 3 places).
    """
    n = len(df)
    rows = []
    for col in df.columns:
        filled = int(sum(_filled(v) for v in df[col])) if n else 0
        rows.append({"table": table, "field": col, "filled": filled, "rows": n,
                     "share": round(filled / n, 3) if n else 0.0})
    return pd.DataFrame(rows, columns=["table", "field", "filled", "rows", "share"])


def coverage_of_tables(tables: dict[str, pd.DataFrame], names: list[str]) -> pd.DataFrame:
    """``field_coverage`` of several tables stacked (tables that are absent give no rows)."""
    parts = [field_coverage(tables[n], n) for n in names if n in tables and len(tables[n])]
    if not parts:
        return pd.DataFrame(columns=["table", "field", "filled", "rows", "share"])
    return pd.concat(parts, ignore_index=True)


def duplicate_summary(cases: pd.DataFrame, rejects: pd.DataFrame | None = None) -> pd.DataFrame:
    """Decision files that repeat another: ``source_file``, ``duplicate_of``, ``detail``.

    Duplicates may be kept as case rows pointing at the kept file (``cases.duplicate_of``) or
    recorded as rejects with reason ``duplicate``; both are listed.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"source_file": ["a", "b"], "duplicate_of": [None, "a"]})
    >>> r = pd.DataFrame({"source": ["x/c"], "stage": ["validate"], "reason": ["duplicate"],
    ...                   "detail": ["identical bytes"], "duplicate_of": ["a"]})
    >>> duplicate_summary(c, r).values.tolist()
    [['b', 'a', None], ['c', 'a', 'identical bytes']]
    """
    cols = ["source_file", "duplicate_of", "detail"]
    parts = []
    if "duplicate_of" in cases and len(cases):
        dup = cases[cases["duplicate_of"].notna() & (cases["duplicate_of"].astype(str) != "")]
        parts.append(pd.DataFrame({"source_file": dup["source_file"].astype(str),
                                   "duplicate_of": dup["duplicate_of"].astype(str), "detail": None}))
    if rejects is not None and len(rejects):
        r = rejects[rejects["reason"].astype(str).str.contains("duplicate", case=False)]
        parts.append(pd.DataFrame({
            "source_file": r["source"].astype(str).str.replace("\\", "/", regex=False).str.rsplit("/", n=1).str[-1],
            "duplicate_of": r["duplicate_of"] if "duplicate_of" in r else None,
            "detail": r["detail"]}))
    parts = [x for x in parts if len(x)]
    if not parts:
        return pd.DataFrame(columns=cols)
    out = pd.concat(parts, ignore_index=True)[cols].astype(object)
    return out.where(out.notna(), None).sort_values("source_file").reset_index(drop=True)


def rejects_summary(rejects: pd.DataFrame) -> pd.DataFrame:
    """Rejected inputs counted by ``stage`` and ``reason`` (largest first).

    >>> import pandas as pd
    >>> r = pd.DataFrame({"source": ["a", "b", "c"], "stage": ["read", "read", "parse"],
    ...                   "reason": ["empty file", "empty file", "not a decision"], "detail": [None] * 3})
    >>> rejects_summary(r).values.tolist()
    [['read', 'empty file', 2], ['parse', 'not a decision', 1]]
    """
    if not len(rejects):
        return pd.DataFrame(columns=["stage", "reason", "n"])
    out = rejects.groupby(["stage", "reason"], dropna=False).size().rename("n").reset_index()
    return out.sort_values(["n", "stage", "reason"], ascending=[False, True, True]).reset_index(drop=True)


def accounting(files: list[str], cases: pd.DataFrame, rejects: pd.DataFrame) -> pd.DataFrame:
    """Used + rejected = read, checked per file name: rows ``files read``, ``used as cases``,
    ``rejected``, ``unaccounted`` (should be 0: a file neither used nor rejected was lost).

    >>> import pandas as pd
    >>> accounting(["a", "b", "c", "d"], pd.DataFrame({"source_file": ["a", "b"]}),
    ...            pd.DataFrame({"source": ["x/c"]}))["n"].tolist()
    [4, 2, 1, 1]
    """
    def base(s) -> str:
        return str(s).replace("\\", "/").rsplit("/", 1)[-1]

    read = {base(f) for f in files}
    used = read & {base(s) for s in cases.get("source_file", pd.Series(dtype=str)).dropna()}
    rejected = (read - used) & {base(s) for s in rejects.get("source", pd.Series(dtype=str)).dropna()}
    return pd.DataFrame({"what": ["files read", "used as cases", "rejected", "unaccounted"],
                         "n": [len(read), len(used), len(rejected), len(read) - len(used) - len(rejected)]})
