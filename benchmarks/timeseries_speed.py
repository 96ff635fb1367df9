"""How fast are all grouped series of the real data fitted (trend per province, court, destination ...)?

Builds the ``series`` table from the real data (official figures, TIP flows, and the court
decisions when ``data/processed/cases.parquet`` exists), then fits a quasi-Poisson trend to
every grouped series (``group_kind`` other than ``all``) twice: with the project's array path
(``analysis.timeseries.group_trends``) and with a baseline measured in the same run, the
statsmodels formula API (``smf.glm("count ~ t")``) per series. Prints fits per second and
the ratio, and checks that both give the same rate ratios.

    python benchmarks/timeseries_speed.py [--data DIR] [--cases PATH] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.timeseries import build_series_tables, group_trends
from analysis.timeseries.groups import trend_design


def formula_trends(series: pd.DataFrame) -> pd.Series:
    """Baseline: one formula-API quasi-Poisson fit per series (same design as group_trends)."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    out = {}
    for sid, g in series.groupby("series_id", sort=True):
        d = pd.DataFrame({"count": g["count"].to_numpy(float),
                          "t": trend_design(g["period_start"], g["freq"].iloc[0])[:, 1]})
        res = smf.glm("count ~ t", data=d, family=sm.families.Poisson()).fit(scale="X2")
        out[sid] = float(np.exp(res.params["t"]))
    return pd.Series(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=None)
    ap.add_argument("--cases", default=None, help="cases.parquet (default: data/processed/cases.parquet if present)")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    data = config.data_dir(a.data)
    cases_path = Path(a.cases) if a.cases else config.project_root() / "data" / "processed" / "cases.parquet"
    cases = pd.read_parquet(cases_path) if cases_path.exists() else None
    t0 = time.perf_counter()
    series = build_series_tables(cases, None, data)["series"]
    build_s = time.perf_counter() - t0
    grouped = series.loc[(series["group_kind"] != "all") & series["freq"].isin(["M", "Q", "Y"])]
    # the same selection both paths fit: observed periods of series with >= 3 of them and a total >= 5
    obs = grouped.loc[grouped["count"].notna() & ~grouped["flag"].fillna("").str.contains("partial|partly")]
    stats_ = obs.groupby("series_id")["count"].agg(["size", "sum"])
    keep = stats_.index[(stats_["size"] >= 3) & (stats_["sum"] >= 5)]
    fit_rows = obs.loc[obs["series_id"].isin(keep)]
    n = len(keep)
    kinds = grouped.drop_duplicates("series_id")["group_kind"].value_counts().to_dict()
    print(f"series table built in {build_s:.1f}s ({'with' if cases is not None else 'without'} court decisions); "
          f"{grouped['series_id'].nunique()} grouped series {kinds}; {n} with enough data to fit")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warm = fit_rows.loc[fit_rows["series_id"].isin(keep[:10])]
        group_trends(warm)
        formula_trends(warm)
        own, base = [], []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            ours = group_trends(fit_rows)
            own.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            theirs = formula_trends(fit_rows)
            base.append(time.perf_counter() - t0)
    ours = ours.set_index("series_id")["rate_ratio"].dropna()
    diff = float(np.max(np.abs(ours - theirs.reindex(ours.index)))) if len(ours) else 0.0
    o, b = min(own), min(base)
    print(f"project array path (group_trends): {n / o:8.1f} fits/s ({o:.2f}s for all)")
    print(f"baseline formula API per series:   {n / b:8.1f} fits/s ({b:.2f}s for all)")
    print(f"largest rate-ratio difference between the two: {diff:.2e}")
    print(f"ratio: array path is {b / o:.2f}x faster than the formula baseline on {n} real grouped series")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
