"""Every table's schema, declared once (pandera), and the registry that ``io.write_table``
validates against before anything is written.

Table modules register their schemas with ``register``; ``validate(df, name)`` checks lazily
(all failures reported together) and returns the validated frame.

>>> import pandas as pd
>>> validate(pd.DataFrame({"source": ["x"], "stage": ["read"], "reason": ["empty file"],
...     "detail": [None]}), "rejects").shape
(1, 4)
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

_REGISTRY: dict[str, pa.DataFrameSchema] = {}


def register(name: str, schema: pa.DataFrameSchema) -> pa.DataFrameSchema:
    _REGISTRY[name] = schema
    return schema


def get(name: str) -> pa.DataFrameSchema:
    _load_all()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no schema declared for table {name!r}; known: {sorted(_REGISTRY)}") from None


def names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)


def validate(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Validate lazily against the declared schema; raise ``pandera.errors.SchemaErrors`` listing every failure."""
    return get(name).validate(df, lazy=True)


def list_of(kind: type) -> pa.Check:
    """Check that every cell is a list/array whose items are all ``kind``."""
    def _ok(series: pd.Series) -> bool:
        for v in series:
            if v is None:
                continue
            if not hasattr(v, "__iter__") or isinstance(v, (str, bytes)):
                return False
            if not all(isinstance(x, kind) for x in v):
                return False
        return True

    return pa.Check(_ok, name=f"list_of_{kind.__name__}")


def _load_all() -> None:
    from analysis.schemas import cases, common, link, network, news, timeseries, victims  # noqa: F401
