"""Country-to-country trafficking flows named in the US Trafficking in Persons (TIP) reports.

``networks/tip_country_network/edgelist<year>.txt`` holds one ``Source,Destination`` line per
mention (2001-2016); repeated lines are repeated mentions, so they are counted, not dropped.
:func:`country_mentions` gives, per year, how often a country is named as a source (or
destination) and with how many partner countries.

>>> flows = pd.DataFrame({"year": [2001, 2001, 2002], "source": ["Indonesia"] * 3,
...                       "destination": ["Malaysia", "Japan", "Malaysia"], "mentions": [2, 1, 1]})
>>> country_mentions(flows, "Indonesia")[["year", "mentions", "n_partners"]].values.tolist()
[[2001, 3, 2], [2002, 1, 1]]
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

TIP_DIR = Path("networks") / "tip_country_network"
_NAME = re.compile(r"edgelist(\d{4})\.txt$")


def read_tip_flows(data_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All years' edge lists as ``year, source, destination, mentions``, plus ``rejects``.

    A line without exactly two non-empty names becomes a reject (stage ``parse``).
    """
    folder = Path(data_dir) / TIP_DIR
    files = sorted(p for p in folder.glob("edgelist*.txt") if _NAME.search(p.name))
    if not files:
        raise FileNotFoundError(f"no TIP edge lists (edgelist<year>.txt) in {folder}")
    rows, rejects = [], []
    for path in files:
        year = int(_NAME.search(path.name).group(1))
        for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(",")]
            if len(parts) != 2 or not all(parts):
                rejects.append({"source": f"{path.name}:{n}", "stage": "parse",
                                "reason": "not a Source,Destination pair", "detail": line[:200]})
                continue
            rows.append((year, parts[0], parts[1]))
    edges = pd.DataFrame(rows, columns=["year", "source", "destination"])
    flows = (edges.groupby(["year", "source", "destination"], sort=True).size()
             .rename("mentions").reset_index())
    return flows, pd.DataFrame(rejects, columns=["source", "stage", "reason", "detail"])


def country_mentions(flows: pd.DataFrame, country: str = "Indonesia", role: str = "source",
                     years: list[int] | None = None) -> pd.DataFrame:
    """Per year: mentions of ``country`` as ``role`` (source/destination) and its distinct partners.

    Years in ``years`` (default: every year in ``flows``) with no mention get 0, since each
    year's report was read whole.
    """
    if role not in ("source", "destination"):
        raise ValueError("role must be 'source' or 'destination'")
    other = "destination" if role == "source" else "source"
    sub = flows.loc[flows[role] == country]
    g = sub.groupby("year").agg(mentions=("mentions", "sum"), n_partners=(other, "nunique"))
    years = sorted(flows["year"].unique()) if years is None else years
    g = g.reindex(years, fill_value=0).rename_axis("year").reset_index()
    g.insert(1, "country", country)
    g.insert(2, "role", role)
    return g.astype({"year": int, "mentions": int, "n_partners": int})
