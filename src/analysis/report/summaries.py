"""Small grouped tables behind the reports' figures and key figures.

Each function takes a table of the contracts in DESIGN.md and returns a small frame ready
to plot or show; empty input gives an empty frame with the same columns.

>>> import pandas as pd
>>> c = pd.DataFrame({"laws": [["UU 21/2007 Pasal 4"], ["UU 21/2007 Pasal 4", "UU 18/2017 Pasal 81"]]})
>>> count_values(c, "laws").values.tolist()
[['UU 21/2007 Pasal 4', 2], ['UU 18/2017 Pasal 81', 1]]
"""

from __future__ import annotations

import pandas as pd


def _as_list(v) -> list:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if hasattr(v, "__iter__"):
        return list(v)
    return [] if pd.isna(v) else [v]


def count_values(df: pd.DataFrame, column: str, top: int | None = None, name: str = "n") -> pd.DataFrame:
    """How many rows hold each value of ``column`` (list cells count once per item), largest first."""
    if column not in df or not len(df):
        return pd.DataFrame(columns=[column, name])
    values = df[column].map(_as_list).explode().dropna()
    if not len(values):
        return pd.DataFrame(columns=[column, name])
    out = values.astype(str).value_counts().rename_axis(column).rename(name).reset_index()
    out = out.sort_values([name, column], ascending=[False, True]).reset_index(drop=True)
    return out.head(top) if top else out


def per_year(df: pd.DataFrame, date_column: str, name: str = "n") -> pd.DataFrame:
    """Rows per calendar year of ``date_column``; ``label`` is the year as text, or "no date".

    >>> import pandas as pd
    >>> per_year(pd.DataFrame({"d": pd.to_datetime(["2024-01-02", "2025-03-01", None])}), "d").values.tolist()
    [[2024, 1, '2024'], [2025, 1, '2025'], [<NA>, 1, 'no date']]
    """
    if date_column not in df or not len(df):
        return pd.DataFrame({"year": pd.Series(dtype="Int64"), name: pd.Series(dtype="int64"),
                             "label": pd.Series(dtype="object")})
    years = pd.to_datetime(df[date_column], errors="coerce").dt.year.astype("Int64")
    out = years.value_counts(dropna=False).rename_axis("year").rename(name).reset_index()
    out = out.sort_values("year", na_position="last").reset_index(drop=True)
    out["label"] = [("no date" if pd.isna(y) else str(int(y))) for y in out["year"]]
    return out


def victims_by(cases: pd.DataFrame, column: str) -> pd.DataFrame:
    """Cases and reported victims per value of ``column`` (``n_cases``, ``n_victims``, ``cases_with_count``).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"court": ["A", "A", "B"], "n_victims": [2, None, 7]})
    >>> victims_by(c, "court").values.tolist()
    [['B', 1, 7, 1], ['A', 2, 2, 1]]
    """
    cols = [column, "n_cases", "n_victims", "cases_with_count"]
    if column not in cases or "n_victims" not in cases or not len(cases):
        return pd.DataFrame(columns=cols)
    c = cases.assign(**{column: cases[column].map(_as_list)}).explode(column)
    v = pd.to_numeric(c["n_victims"], errors="coerce")
    out = (c.assign(_v=v).groupby(column, dropna=True)
           .agg(n_cases=("_v", "size"), n_victims=("_v", "sum"), cases_with_count=("_v", "count"))
           .reset_index())
    out["n_victims"] = out["n_victims"].astype("int64")
    return out.sort_values(["n_victims", column], ascending=[False, True]).reset_index(drop=True)[cols]


def sentences_by_verdict(defendants: pd.DataFrame) -> pd.DataFrame:
    """Per verdict: defendants, median and quartiles of the prison term (months), median fine (IDR).

    >>> import pandas as pd
    >>> d = pd.DataFrame({"verdict": ["convicted"] * 3, "sentence_months": [36, 48, 60], "fine_idr": [1, 2, 3]})
    >>> sentences_by_verdict(d).values.tolist()
    [['convicted', 3, 42.0, 48.0, 54.0, 2.0]]
    """
    cols = ["verdict", "n_defendants", "q1_months", "median_months", "q3_months", "median_fine_idr"]
    if not len(defendants) or "verdict" not in defendants:
        return pd.DataFrame(columns=cols)
    d = defendants.assign(_m=pd.to_numeric(defendants["sentence_months"], errors="coerce"),
                          _f=pd.to_numeric(defendants["fine_idr"], errors="coerce"))
    g = d.groupby(d["verdict"].fillna("unknown"))
    out = pd.DataFrame({
        "n_defendants": g.size(),
        "q1_months": g["_m"].quantile(0.25), "median_months": g["_m"].median(), "q3_months": g["_m"].quantile(0.75),
        "median_fine_idr": g["_f"].median(),
    }).reset_index().rename(columns={"index": "verdict"})
    return out.sort_values("n_defendants", ascending=False).reset_index(drop=True)[cols]


def share(mask: pd.Series) -> float:
    """Share of True in a boolean column (0.0 for an empty one), rounded to 3 places."""
    return round(float(mask.fillna(False).astype(bool).mean()), 3) if len(mask) else 0.0
