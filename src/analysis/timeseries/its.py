"""Interrupted time series: segmented Poisson-family regression of counts on a step (and slope) change.

The model is the one taught by Lopez Bernal, Cummins & Gasparrini (2017), "Interrupted time
series regression for the evaluation of public health interventions: a tutorial", Int J
Epidemiol 46(1):348-355::

    log E[count] = log(offset) + b0 + b1*intervention + b2*time [+ b3*time_since] [+ seasonality]

``exp(b1)`` is the rate ratio of the level change when the intervention starts and ``exp(b3)``
the change in the monthly trend afterwards. ``time_since`` is ``time - t0`` after the
intervention and 0 before, where ``t0`` is the last pre-intervention time (the paper's
``I(time-36):smokban``). Families: Poisson; quasi-Poisson (same estimates, standard errors scaled
by the Pearson dispersion, as R's ``quasipoisson``); negative binomial (NB2, dispersion by
maximum likelihood). Errors: ``model`` (the family's own), ``robust`` (HC0 sandwich) or ``hac``
(Newey-West with the Newey & West 1994 lag rule). Intervals are ``exp(b +/- z*se)``, as R's
``Epi::ci.exp``.

>>> import numpy as np, pandas as pd
>>> t = np.arange(1, 25); post = (t > 12).astype(int)
>>> df = pd.DataFrame({"y": np.round(50 * np.exp(0.01 * t - 0.3 * post)), "t": t, "post": post})
>>> r = interrupted_time_series(df, count="y", intervention="post", time="t")
>>> round(r.level_rate_ratio, 2)
0.74
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from analysis.timeseries.checks import require_counts, require_length, require_regular_steps
from analysis.timeseries.glm import fit_negbin
from analysis.timeseries.design import fourier_names, fourier_terms, newey_west_lags, season_dummies
from analysis.timeseries.results import ModelResult, _axes

FAMILIES = ("poisson", "quasipoisson", "negbin")
SE_TYPES = ("model", "robust", "hac")
MIN_OBS = 8


@dataclass
class ITSDesign:
    """The arrays of one interrupted-time-series model, built once and fitted by :func:`fit_design`."""

    y: np.ndarray
    X: np.ndarray
    names: list[str]
    log_offset: np.ndarray | None
    time: np.ndarray
    post: np.ndarray
    t0: float


def its_design(data: pd.DataFrame, *, count: str, intervention: str, time: str, offset: str | None = None,
               season: str | None = None, harmonics: int = 0, slope_change: bool = False) -> ITSDesign:
    """Check the input and build the design matrix (constant, step, time, [time since], [season])."""
    for col in [count, intervention, time] + [c for c in (offset, season) if c]:
        if col not in data.columns:
            raise ValueError(f"column {col!r} not in the data (columns: {list(data.columns)})")
    frame = data.sort_values(time, kind="stable")
    require_length(len(frame), MIN_OBS, name=count, what="an interrupted time series")
    y = require_counts(frame[count], name=count)
    t = require_regular_steps(frame[time], name=time)
    post = pd.to_numeric(frame[intervention], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    if np.isnan(post).any() or not np.isin(post, (0.0, 1.0)).all():
        raise ValueError(f"{intervention}: must hold only 0 (before) and 1 (after)")
    if post.min() == post.max():
        raise ValueError(f"{intervention}: needs periods both before (0) and after (1) the intervention")
    if (np.diff(post) < 0).any():
        raise ValueError(f"{intervention}: must switch from 0 to 1 once and stay 1 (one interruption)")
    n_pre, n_post = int((post == 0).sum()), int((post == 1).sum())
    if slope_change and min(n_pre, n_post) < 2:
        raise ValueError("a slope change needs at least 2 periods before and after the intervention")
    t0 = float(t[post == 0].max())
    cols, names = [np.ones_like(y), post, t], ["const", "level", "time"]
    if slope_change:
        cols.append((t - t0) * post)
        names.append("slope")
    if harmonics and season is None:
        raise ValueError("harmonics need a season (month-of-year) column")
    if season is not None:
        if harmonics:
            F = fourier_terms(frame[season].to_numpy(), harmonics)
            fn = fourier_names(harmonics)
        else:
            F, fn = season_dummies(frame[season].to_numpy())
            keep = F.any(axis=0)
            F, fn = F[:, keep], [n for n, k in zip(fn, keep) if k]
        cols.extend(F.T)
        names.extend(fn)
    X = np.column_stack(cols)
    if len(y) <= X.shape[1]:
        raise ValueError(f"{count}: {len(y)} observations cannot identify {X.shape[1]} parameters")
    log_off = None
    if offset is not None:
        o = pd.to_numeric(frame[offset], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        if np.isnan(o).any() or (o <= 0).any():
            raise ValueError(f"{offset}: the offset (population or exposure) must be positive and present")
        log_off = np.log(o)
    return ITSDesign(y=y, X=X, names=names, log_offset=log_off, time=t, post=post, t0=t0)


def fit_design(design: ITSDesign, *, family: str = "poisson", se: str = "model", maxlags: int | None = None):
    """Fit the design with statsmodels; return ``(params, cov, dispersion, fitted, alpha_nb)``."""
    import statsmodels.api as sm

    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}, not {family!r}")
    if se not in SE_TYPES:
        raise ValueError(f"se must be one of {SE_TYPES}, not {se!r}")
    y, X, off = design.y, design.X, design.log_offset
    cov_type, cov_kwds = {"model": ("nonrobust", None), "robust": ("HC0", None),
                          "hac": ("HAC", {"maxlags": maxlags if maxlags is not None else newey_west_lags(len(y))})}[se]
    alpha_nb = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nb = None
        if family == "negbin":
            nb = fit_negbin(y, X, off, cov_type=cov_type, cov_kwds=cov_kwds)
        if nb is not None:
            params, cov, alpha_nb = nb
            fitted = np.exp(X @ params + (off if off is not None else 0.0))
        else:  # Poisson and quasi-Poisson; also negbin when the NB dispersion is at its boundary
            mod = sm.GLM(y, X, family=sm.families.Poisson(), offset=off)
            res = mod.fit(cov_type=cov_type, cov_kwds=cov_kwds or {})
            params, cov = np.asarray(res.params), np.asarray(res.cov_params())
            fitted = np.asarray(res.fittedvalues)
    dispersion = float(np.sum((y - fitted) ** 2 / fitted) / (len(y) - X.shape[1]))
    if family == "quasipoisson" and se == "model":
        cov = cov * dispersion
    return params, cov, dispersion, fitted, alpha_nb


@dataclass
class ITSResult(ModelResult):
    """Fitted interrupted time series: rate ratios with intervals, fitted and counterfactual series."""

    family: str = "poisson"
    se_type: str = "model"
    params: pd.Series = field(default_factory=pd.Series)
    bse: pd.Series = field(default_factory=pd.Series)
    level_rate_ratio: float = float("nan")
    level_ci: tuple[float, float] = (float("nan"), float("nan"))
    slope_rate_ratio: float | None = None
    slope_ci: tuple[float, float] | None = None
    dispersion: float = float("nan")
    nb_alpha: float | None = None
    n_obs: int = 0
    time: np.ndarray = field(default_factory=lambda: np.empty(0))
    observed: np.ndarray = field(default_factory=lambda: np.empty(0))
    fitted: np.ndarray = field(default_factory=lambda: np.empty(0))
    counterfactual: np.ndarray = field(default_factory=lambda: np.empty(0))
    t0: float = float("nan")

    def summary(self) -> str:
        lines = [f"Interrupted time series ({self.family}, {self.se_type} errors), n = {self.n_obs}",
                 f"level change: rate ratio {self.level_rate_ratio:.3f} "
                 f"(95% CI {self.level_ci[0]:.3f} to {self.level_ci[1]:.3f})"]
        if self.slope_rate_ratio is not None:
            lines.append(f"slope change: rate ratio per period {self.slope_rate_ratio:.4f} "
                         f"(95% CI {self.slope_ci[0]:.4f} to {self.slope_ci[1]:.4f})")
        lines.append(f"Pearson dispersion (chi2/df): {self.dispersion:.3f}"
                     + ("" if self.nb_alpha is None else f"; negative-binomial alpha {self.nb_alpha:.4f}"))
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def plot(self, ax=None):
        """Observed counts, the fitted model and the counterfactual without the intervention."""
        ax = _axes(ax)
        ax.scatter(self.time, self.observed, s=10, color="0.4", label="observed")
        ax.plot(self.time, self.fitted, color="C0", label="fitted")
        post = self.time > self.t0
        ax.plot(self.time[post], self.counterfactual[post], "--", color="C1", label="without intervention")
        ax.axvline(self.t0 + 0.5, color="0.6", lw=0.8)
        ax.set_xlabel("period")
        ax.set_ylabel("count")
        ax.legend(frameon=False, fontsize=8)
        ax.set_title(self.name)
        return ax


def interrupted_time_series(data: pd.DataFrame, *, count: str, intervention: str, time: str,
                            offset: str | None = None, season: str | None = None, harmonics: int = 0,
                            slope_change: bool = False, family: str = "poisson", se: str = "model",
                            maxlags: int | None = None, alpha: float = 0.05) -> ITSResult:
    """Segmented regression of ``count`` on a 0/1 ``intervention`` (see the module docstring).

    ``offset`` names a population/exposure column whose log enters the model; ``season`` a
    month-of-year column, adjusted by ``harmonics`` Fourier pairs (period 12) or, when
    ``harmonics`` is 0, by month indicators. The defaults (Poisson, model-based errors)
    reproduce model 1 of Lopez Bernal et al. (2017); ``family="quasipoisson"`` their models 2-4.
    """
    design = its_design(data, count=count, intervention=intervention, time=time, offset=offset,
                        season=season, harmonics=harmonics, slope_change=slope_change)
    params, cov, disp, fitted, nb_alpha = fit_design(design, family=family, se=se, maxlags=maxlags)
    return _result(design, params, cov, disp, fitted, nb_alpha, family=family, se=se, alpha=alpha,
                   name=f"ITS of {count} on {intervention}")


def _result(design: ITSDesign, params, cov, disp, fitted, nb_alpha, *, family, se, alpha, name) -> ITSResult:
    z = stats.norm.ppf(1 - alpha / 2)
    bse = np.sqrt(np.clip(np.diag(cov), 0, None))
    names = design.names
    with np.errstate(over="ignore"):   # a constant with a huge log-rate may overflow; its ratio is not reported
        est = pd.DataFrame({"term": names, "coef": params, "se": bse,
                            "rate_ratio": np.exp(params), "ci_low": np.exp(params - z * bse),
                            "ci_high": np.exp(params + z * bse)})
    est["p_value"] = 2 * stats.norm.sf(np.abs(params / np.where(bse > 0, bse, np.nan)))
    i_lvl = names.index("level")
    no_int = params.copy()
    no_int[i_lvl] = 0.0
    if "slope" in names:
        no_int[names.index("slope")] = 0.0
    cf = np.exp(design.X @ no_int + (design.log_offset if design.log_offset is not None else 0.0))
    r = ITSResult(name=name, estimates=est, family=family, se_type=se,
                  params=pd.Series(params, index=names), bse=pd.Series(bse, index=names),
                  level_rate_ratio=float(np.exp(params[i_lvl])),
                  level_ci=(float(est.ci_low[i_lvl]), float(est.ci_high[i_lvl])),
                  dispersion=disp, nb_alpha=nb_alpha, n_obs=len(design.y), time=design.time,
                  observed=design.y, fitted=np.asarray(fitted), counterfactual=cf, t0=design.t0)
    if "slope" in names:
        j = names.index("slope")
        r.slope_rate_ratio = float(np.exp(params[j]))
        r.slope_ci = (float(est.ci_low[j]), float(est.ci_high[j]))
    if family == "negbin" and nb_alpha is None:
        r.notes.append("negative-binomial dispersion at its boundary (no overdispersion found): Poisson fit reported")
    if family == "poisson" and disp > 1.5:
        r.notes.append(f"Pearson dispersion {disp:.2f} > 1: Poisson intervals are too narrow; "
                       "consider family='quasipoisson' or 'negbin'")
    return r
