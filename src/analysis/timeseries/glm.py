"""Poisson and negative-binomial regression of counts, with an exposure offset and a check for
overdispersion.

Counts of cases vary more than a Poisson model allows when cases cluster (one raid, one
syndicate, many files). Two checks say whether they do: the Pearson statistic over its
degrees of freedom (about 1 under the Poisson model) and the regression-based test of
Cameron & Trivedi (1990), "Regression-based tests for overdispersion in the Poisson model",
J Econometrics 46(3):347-364, which regresses ``((y - mu)^2 - y) / mu`` on ``mu`` without a
constant; a positive slope (one-sided t-test) means variance ``mu + alpha*mu^2`` (NB2).

>>> import numpy as np, pandas as pd
>>> df = pd.DataFrame({"y": [2, 3, 6, 7, 8, 9, 12, 14], "x": np.arange(8), "pop": [10.0] * 8})
>>> r = count_glm(df, count="y", covariates=["x"], offset="pop")
>>> round(float(r.rate_ratios["x"]), 3)
1.257
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from analysis.timeseries.checks import require_counts, require_length
from analysis.timeseries.results import ModelResult, _axes

FAMILIES = ("poisson", "quasipoisson", "negbin")


def overdispersion_test(y, mu) -> dict:
    """Cameron-Trivedi auxiliary regression for NB2 overdispersion.

    Returns ``alpha`` (the slope), its ``t`` statistic and the one-sided ``p_value``.

    >>> y = np.array([0, 0, 9, 1, 0, 12, 0, 1, 15, 0.0]); mu = np.full(10, y.mean())
    >>> overdispersion_test(y, mu)["p_value"] < 0.05
    True
    """
    y, mu = np.asarray(y, float), np.asarray(mu, float)
    z = ((y - mu) ** 2 - y) / mu
    alpha = float(np.sum(mu * z) / np.sum(mu * mu))
    resid = z - alpha * mu
    dof = len(y) - 1
    se = float(np.sqrt(np.sum(resid ** 2) / dof / np.sum(mu * mu))) if dof > 0 else np.nan
    t = alpha / se if se and se > 0 else np.nan
    return {"alpha": alpha, "t": float(t), "p_value": float(stats.t.sf(t, dof)) if np.isfinite(t) else np.nan}


def fit_negbin(y: np.ndarray, X: np.ndarray, log_offset: np.ndarray | None = None, *, start=None,
               cov_type: str = "nonrobust", cov_kwds: dict | None = None):
    """NB2 regression by maximum likelihood; returns ``(params, cov, alpha)`` or None when it fails.

    Tries Newton then BFGS from the Poisson estimates; when the dispersion sits at its
    boundary (no overdispersion) the information matrix is singular and None is returned, so
    the caller can fall back to the Poisson fit and say so.
    """
    import statsmodels.api as sm

    k = X.shape[1]
    if start is None:
        start = np.asarray(sm.GLM(y, X, family=sm.families.Poisson(), offset=log_offset).fit().params)
    model = sm.NegativeBinomial(y, X, offset=log_offset, loglike_method="nb2")
    for method in ("newton", "bfgs"):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = model.fit(start_params=np.append(start, 0.1), method=method, maxiter=500, disp=0,
                                cov_type=cov_type, cov_kwds=cov_kwds or {})
                params, cov = np.asarray(res.params), np.asarray(res.cov_params())
        except (ValueError, np.linalg.LinAlgError):
            continue
        if np.all(np.isfinite(params)) and np.all(np.isfinite(np.diag(cov))) and (np.diag(cov)[:k] > 0).all() \
                and params[k] > 1e-8:
            return params[:k], cov[:k, :k], float(params[k])
    return None


@dataclass
class CountGLMResult(ModelResult):
    """Rate ratios with intervals, Pearson dispersion and the overdispersion test."""

    family: str = "poisson"
    rate_ratios: pd.Series = field(default_factory=pd.Series)
    pearson_dispersion: float = float("nan")
    overdispersion: dict = field(default_factory=dict)
    nb_alpha: float | None = None
    fitted: np.ndarray = field(default_factory=lambda: np.empty(0))
    observed: np.ndarray = field(default_factory=lambda: np.empty(0))

    @property
    def is_overdispersed(self) -> bool:
        """True when the Cameron-Trivedi test rejects equidispersion at the 5% level."""
        p = self.overdispersion.get("p_value", np.nan)
        return bool(np.isfinite(p) and p < 0.05)

    def summary(self) -> str:
        od = self.overdispersion
        lines = [f"{self.name} ({self.family}), n = {len(self.observed)}",
                 self.estimates[["term", "rate_ratio", "ci_low", "ci_high", "p_value"]]
                 .to_string(index=False, float_format=lambda v: f"{v:.4g}"),
                 f"Pearson chi2/df = {self.pearson_dispersion:.3f}; Cameron-Trivedi alpha = {od.get('alpha', np.nan):.4g} "
                 f"(t = {od.get('t', np.nan):.2f}, one-sided p = {od.get('p_value', np.nan):.3g})"]
        if self.nb_alpha is not None:
            lines.append(f"negative-binomial alpha (ML) = {self.nb_alpha:.4g}")
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def plot(self, ax=None):
        """Observed against fitted counts, in row order."""
        ax = _axes(ax)
        x = np.arange(len(self.observed))
        ax.scatter(x, self.observed, s=10, color="0.4", label="observed")
        ax.plot(x, self.fitted, color="C0", label="fitted")
        ax.legend(frameon=False, fontsize=8)
        ax.set_title(self.name)
        return ax


def fit_count_arrays(y: np.ndarray, X: np.ndarray, log_offset: np.ndarray | None = None, *,
                     family: str = "poisson"):
    """Fit one count GLM on arrays (the fast path used for many series at once).

    Returns ``(params, cov, fitted, pearson_dispersion, nb_alpha)``; quasi-Poisson scales the
    covariance by the Pearson dispersion, as R's ``quasipoisson``.
    """
    import statsmodels.api as sm

    if family not in FAMILIES:
        raise ValueError(f"family must be one of {FAMILIES}, not {family!r}")
    nb_alpha = None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pois = sm.GLM(y, X, family=sm.families.Poisson(), offset=log_offset).fit()
        params, cov, fitted = np.asarray(pois.params), np.asarray(pois.cov_params()), np.asarray(pois.fittedvalues)
        if family == "negbin":
            nb = fit_negbin(y, X, log_offset, start=params)
            if nb is not None:
                params, cov, nb_alpha = nb
                fitted = np.exp(X @ params + (0.0 if log_offset is None else log_offset))
    dof = max(len(y) - X.shape[1], 1)
    disp = float(np.sum((y - fitted) ** 2 / fitted) / dof)
    if family == "quasipoisson":
        cov = cov * disp
    return params, cov, fitted, disp, nb_alpha


def count_glm(data: pd.DataFrame, *, count: str, covariates: list[str] | None = None, offset: str | None = None,
              family: str = "poisson", alpha: float = 0.05, name: str | None = None) -> CountGLMResult:
    """Regress ``count`` on numeric ``covariates`` (plus a constant) with ``log(offset)`` as offset."""
    covariates = list(covariates or [])
    missing = [c for c in [count, *covariates, *([offset] if offset else [])] if c not in data.columns]
    if missing:
        raise ValueError(f"columns not in the data: {missing}")
    y = require_counts(data[count], name=count)
    require_length(len(y), len(covariates) + 2, name=count, what="this count model")
    X = np.column_stack([np.ones(len(y))] + [pd.to_numeric(data[c], errors="coerce").to_numpy(float)
                                             for c in covariates])
    if np.isnan(X).any():
        raise ValueError("covariates have missing or non-numeric values")
    log_off = None
    if offset:
        o = pd.to_numeric(data[offset], errors="coerce").to_numpy(float)
        if np.isnan(o).any() or (o <= 0).any():
            raise ValueError(f"{offset}: the exposure must be positive and present")
        log_off = np.log(o)
    params, cov, fitted, disp, nb_alpha = fit_count_arrays(y, X, log_off, family=family)
    names = ["const", *covariates]
    z = stats.norm.ppf(1 - alpha / 2)
    se = np.sqrt(np.clip(np.diag(cov), 0, None))
    est = pd.DataFrame({"term": names, "coef": params, "se": se, "rate_ratio": np.exp(params),
                        "ci_low": np.exp(params - z * se), "ci_high": np.exp(params + z * se),
                        "p_value": 2 * stats.norm.sf(np.abs(params / np.where(se > 0, se, np.nan)))})
    r = CountGLMResult(name=name or f"count model of {count}", estimates=est, family=family,
                       rate_ratios=pd.Series(np.exp(params), index=names), pearson_dispersion=disp,
                       overdispersion=overdispersion_test(y, fitted), nb_alpha=nb_alpha, fitted=fitted, observed=y)
    if family == "negbin" and nb_alpha is None:
        r.notes.append("negative-binomial dispersion at its boundary (no overdispersion found): Poisson fit reported")
    if family == "poisson" and r.is_overdispersed:
        r.notes.append("overdispersed: Poisson intervals are too narrow; use 'quasipoisson' or 'negbin'")
    return r
