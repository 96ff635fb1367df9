"""Do the interrupted-time-series intervals cover the truth 95% of the time?

Simulates monthly count series with a known level change (rate ratio 0.80) and slope change
(rate ratio 1.01 per month) after month 36 of 60, with Fourier seasonality, fits
``analysis.timeseries.interrupted_time_series`` to each, and prints the coverage of the 95%
intervals, the bias of the log rate ratios, and the time per fit against a baseline measured
in the same run (the statsmodels formula API fitting the same model).

Scenarios: Poisson counts fitted as Poisson; overdispersed (negative binomial, alpha 0.05)
counts fitted as Poisson (coverage should fall short), as quasi-Poisson and as NB.

    python benchmarks/its_coverage.py [--n 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd

from analysis.timeseries import interrupted_time_series

LEVEL, SLOPE, N_MONTHS, CUT, BASE = 0.80, 1.01, 60, 36, 80.0


def simulate(rng: np.random.Generator, nb_alpha: float | None) -> pd.DataFrame:
    t = np.arange(1, N_MONTHS + 1)
    month = (t - 1) % 12 + 1
    post = (t > CUT).astype(int)
    mu = BASE * np.exp(0.002 * t + 0.15 * np.sin(2 * np.pi * month / 12) + np.log(LEVEL) * post
                       + np.log(SLOPE) * (t - CUT) * post)
    if nb_alpha is None:
        y = rng.poisson(mu)
    else:
        y = rng.poisson(rng.gamma(1 / nb_alpha, nb_alpha * mu))
    return pd.DataFrame({"y": y, "t": t, "post": post, "month": month})


def formula_fit(df: pd.DataFrame) -> float:
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    d = df.assign(since=(df.t - CUT) * df.post, s1=np.sin(2 * np.pi * df.month / 12), c1=np.cos(2 * np.pi * df.month / 12))
    res = smf.glm("y ~ post + t + since + s1 + c1", data=d, family=sm.families.Poisson()).fit()
    return float(np.exp(res.params["post"]))


def run(n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    scenarios = [("poisson data, poisson fit", None, "poisson"),
                 ("NB data, poisson fit", 0.05, "poisson"),
                 ("NB data, quasipoisson fit", 0.05, "quasipoisson"),
                 ("NB data, negbin fit", 0.05, "negbin")]
    print(f"{n} series per scenario; {N_MONTHS} months, step after month {CUT}; true level RR {LEVEL}, slope RR {SLOPE}")
    print(f"{'scenario':28s} {'level cover':>11s} {'slope cover':>11s} {'bias log RR':>11s} {'ms/fit':>8s}")
    for label, alpha, family in scenarios:
        cover_l = cover_s = 0
        bias = []
        t0 = time.perf_counter()
        for _ in range(n):
            df = simulate(rng, alpha)
            r = interrupted_time_series(df, count="y", intervention="post", time="t", season="month", harmonics=1,
                                        slope_change=True, family=family)
            cover_l += r.level_ci[0] <= LEVEL <= r.level_ci[1]
            cover_s += r.slope_ci[0] <= SLOPE <= r.slope_ci[1]
            bias.append(np.log(r.level_rate_ratio) - np.log(LEVEL))
        per_fit = (time.perf_counter() - t0) / n
        print(f"{label:28s} {cover_l / n:11.3f} {cover_s / n:11.3f} {np.mean(bias):+11.4f} {per_fit * 1e3:8.2f}")
    # speed: the same Poisson series fitted by this project and by the statsmodels formula API
    sims = [simulate(rng, None) for _ in range(n)]
    formula_fit(sims[0])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        for df in sims:
            interrupted_time_series(df, count="y", intervention="post", time="t", season="month", harmonics=1,
                                    slope_change=True)
        own = (time.perf_counter() - t0) / n
        t0 = time.perf_counter()
        for df in sims:
            formula_fit(df)
        base = (time.perf_counter() - t0) / n
    print(f"baseline (statsmodels formula API, same Poisson model): {base * 1e3:.2f} ms/fit; "
          f"interrupted_time_series: {own * 1e3:.2f} ms/fit")
    print(f"ratio: interrupted_time_series time per fit = {own / base:.2f}x the formula baseline "
          "(it also checks the input and builds intervals and counterfactuals)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    run(a.n, a.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
