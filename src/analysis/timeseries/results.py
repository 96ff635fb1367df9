"""The common face of every model result: ``table()``, ``summary()`` and ``plot(ax=None)``.

Like statsmodels' results, each model returns a small object holding its estimates and
intervals; this base class gives them the same three views so a notebook can treat them alike.

>>> r = ModelResult(name="toy", estimates=pd.DataFrame({"term": ["a"], "estimate": [1.0]}))
>>> r.table()["estimate"].tolist()
[1.0]
>>> print(r.summary().splitlines()[0])
toy
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class ModelResult:
    """Estimates as a tidy frame plus free-form notes; subclasses add model-specific fields."""

    name: str
    estimates: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)

    def table(self) -> pd.DataFrame:
        """Tidy estimates: one row per reported quantity."""
        return self.estimates.copy()

    def summary(self) -> str:
        lines = [self.name, "=" * len(self.name)]
        if not self.estimates.empty:
            lines.append(self.estimates.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def __str__(self) -> str:  # printing a result shows its summary
        return self.summary()

    def plot(self, ax=None):
        """Draw the result on ``ax`` (a new figure when None) and return the axes."""
        ax = _axes(ax)
        ax.set_title(self.name)
        return ax


def _axes(ax=None):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(8, 3.5))
    return ax
