"""Checks that keep rendered reports free of personal data.

* ``suppress_small_cells`` hides counts of 1–4 victims (the DESIGN.md rule) in tables a policy
  reader sees, so that a rare combination (one court, one year, two victims) cannot single
  out a person. The method is primary cell suppression as in statistical disclosure control
  (Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, ch. 5).
* ``names_from_decisions`` reads, in memory only, the broad list of person names of the
  decisions (defendants, witnesses, victims, aliases, parents, fugitives, officials) under the
  global rule of ``analysis.privacy.names.NameList.guard`` — the list the repository's own
  privacy test uses — and ``scan_files`` counts their occurrences in rendered files without
  ever returning the names themselves.
* ``machine_paths`` lists the folders of the building machine (home, project, Python
  environment, data and table folders); ``scrub_paths`` replaces them in text by neutral
  placeholders and ``scan_paths`` finds any left in rendered files, so that a report says
  nothing about where, and under which account, it was built.

>>> import pandas as pd
>>> suppress_small_cells(pd.DataFrame({"court": ["A", "B", "C"], "n_victims": [12, 3, 0]}),
...                      ["n_victims"])["n_victims"].tolist()
[12, '<5', 0]
>>> count_names("Seen: FULAN  FULANAH.", name_pattern(["fulan fulanah"]))
1
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

import pandas as pd

log = logging.getLogger(__name__)

SUPPRESSED = "<5"

_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]+")
MIN_NAME_CHARS = 4


def suppress_small_cells(df: pd.DataFrame, columns: Iterable[str], threshold: int = 5,
                         marker: str | None = None) -> pd.DataFrame:
    """Replace counts ``0 < v < threshold`` in ``columns`` by a marker (``"<5"`` by default).

    Zeros and missing values are kept: a true zero discloses nobody, and a missing count is
    not a small one. Returns a copy; ``attrs["suppressed_cells"]`` says how many were hidden.
    Only primary suppression is done — a table whose row totals are also shown can reveal a
    hidden cell by subtraction, so notebooks show totals from unsuppressed aggregates only.

    >>> import pandas as pd
    >>> out = suppress_small_cells(pd.DataFrame({"v": [1, 5, None]}), ["v"])
    >>> out["v"].tolist(), out.attrs["suppressed_cells"]
    (['<5', 5, None], 1)
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    columns = list(columns)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"suppress_small_cells: no column(s) {missing} in table with columns {list(df.columns)}")
    marker = marker if marker is not None else (SUPPRESSED if threshold == 5 else f"<{threshold}")
    out = df.copy()
    hidden = 0
    for col in columns:
        values = pd.to_numeric(out[col], errors="coerce")
        small = values.notna() & (values > 0) & (values < threshold)
        hidden += int(small.sum())
        cleaned = [None if pd.isna(v) else (int(v) if float(v).is_integer() else float(v))
                   for v in values]
        out[col] = pd.Series([marker if s else v for s, v in zip(small, cleaned)],
                             index=out.index, dtype="object")
    out.attrs["suppressed_cells"] = hidden
    return out


def names_from_decisions(decisions_dir: str | os.PathLike) -> set[str]:
    """Person names of the decisions, held in memory only: every name of two words or more, and
    one-word names that are not ordinary words, places or company words (the global rule).

    Delegates to ``analysis.privacy.names.guard_names`` so that reports are checked against
    exactly the list the repository's own privacy test uses.
    """
    from analysis.privacy.names import guard_names

    names = guard_names(decisions_dir)
    log.info("privacy guard: %d distinct names read from %s", len(names), decisions_dir)
    return names


class NamePattern:
    """The names to look for, normalised; ``count`` finds them as whole words, any spacing/case.

    Fast on long lists (thousands of names): a one-word name is counted from the text's word
    counts, and a longer name is searched by regex only when each pair of its words stands
    side by side somewhere in the text.
    """

    def __init__(self, names: Iterable[str]):
        self.names = sorted({re.sub(r"\s+", " ", n.strip().lower()) for n in names
                             if n and len(n.strip()) >= MIN_NAME_CHARS}, key=len, reverse=True)
        self._words = {n: tuple(re.findall(r"\w+", n)) for n in self.names}
        self._all_words = {w for ws in self._words.values() for w in ws}
        self._rx: dict[str, re.Pattern] = {}

    def _regex(self, n: str) -> re.Pattern:
        if n not in self._rx:
            self._rx[n] = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in n.split(" ")) + r"(?!\w)",
                                     re.IGNORECASE)
        return self._rx[n]

    def count(self, text: str) -> int:
        low = text.lower()
        tokens = re.findall(r"\w+", low)
        words = Counter(tokens)
        if self._all_words.isdisjoint(words):
            return 0
        pairs = set(zip(tokens, tokens[1:]))
        total = 0
        for n in self.names:
            ws = self._words[n]
            if not all(w in words for w in ws):
                continue
            if len(ws) == 1 and n == ws[0]:
                total += words[n]
            elif all(p in pairs for p in zip(ws, ws[1:])):
                total += len(self._regex(n).findall(low))
        return total


def name_pattern(names: Iterable[str]) -> NamePattern | None:
    """What ``count_names`` searches for; None when no usable name is given."""
    pattern = NamePattern(names)
    return pattern if pattern.names else None


def count_names(text: str, pattern: NamePattern | None) -> int:
    """How many name occurrences ``text`` holds (embedded base64 images are skipped)."""
    if pattern is None or not text:
        return 0
    return pattern.count(_DATA_URI.sub(" ", text))


def scan_files(paths: Iterable[str | os.PathLike], names: Iterable[str]) -> pd.DataFrame:
    """Count name occurrences per file: columns ``file``, ``hits`` (the names are not returned).

    Binary files (PDF, PNG) are skipped; a PDF is checked through the HTML it was printed from.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.html"
    >>> _ = p.write_text("<p>Defendant P-1a2b and FULAN  Fulanah</p>")
    >>> scan_files([p], ["fulan fulanah"])["hits"].tolist()
    [1]
    """
    pattern = name_pattern(names)
    rows = []
    for p in paths:
        p = Path(p)
        if p.suffix.lower() in {".png", ".pdf", ".jpg", ".jpeg", ".parquet", ".duckdb"}:
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        rows.append({"file": str(p), "hits": count_names(text, pattern)})
    return pd.DataFrame(rows, columns=["file", "hits"])


WITHHELD = "[withheld: contains a person's name]"
#: Tables whose text a report shows; company and place labels can carry a person's name
#: (a business named after its owner), so their cells are checked too.
SHOWN_TABLES = ("actors", "syndicates", "cases", "events", "articles", "actor_metrics")


def withhold_names(df: pd.DataFrame, names: Iterable[str], columns: Iterable[str] | None = None,
                   marker: str = WITHHELD) -> pd.DataFrame:
    """Replace every text cell (or list item) holding one of ``names`` by ``marker``.

    ``columns`` defaults to every text or list column. Company names are not personal data,
    but one named after its owner carries the owner's name; the report shows it withheld.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"label": ["PT Maju", "CV Fulan Fulanah Abadi"], "companies": [["PT Maju"], ["UD fulan fulanah"]]})
    >>> withhold_names(t, ["fulan fulanah"]).values.tolist()[1]
    ["[withheld: contains a person's name]", ["[withheld: contains a person's name]"]]
    """
    pattern = name_pattern(names)
    if pattern is None or not len(df):
        return df
    if columns is None:
        columns = [c for c in df.columns if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])]

    seen: dict[str, str] = {}

    def one(v):
        if isinstance(v, str):
            if v not in seen:
                seen[v] = marker if pattern.count(v) else v
            return seen[v]
        if isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and getattr(v, "ndim", 0) == 1):
            return [one(x) for x in list(v)]
        return v

    out = df.copy()
    for col in columns:
        out[col] = out[col].map(one).astype(object)
    return out


def withhold_in_tables(tables: dict[str, pd.DataFrame], names: Iterable[str],
                       which: Iterable[str] = SHOWN_TABLES) -> dict[str, pd.DataFrame]:
    """``withhold_names`` on the tables a report shows; other tables are returned unchanged."""
    names = list(names)
    out = dict(tables)
    for n in which:
        if n in out and len(out[n]):
            attrs = dict(out[n].attrs)
            out[n] = withhold_names(out[n], names)
            out[n].attrs.update(attrs)
    return out


# ---------------------------------------------------------------- paths of the building machine

#: A user's home folder written out, on any system (``/root/``, ``/home/x/``, ``/Users/x/``, ``C:\\Users\\x\\``).
HOME_PATH = re.compile(r"(?<![\w.~-])(?:/root|/home/[\w.-]+|/Users/[\w.-]+|[A-Za-z]:\\+Users\\+[\w.-]+)(?=[/\\])")


def machine_paths(data_dir: str | os.PathLike | None = None, processed_dir: str | os.PathLike | None = None,
                  reports_dir: str | os.PathLike | None = None) -> dict[str, str]:
    """``{absolute path: placeholder}`` for the folders that identify the building machine,
    longest first so that a folder inside another is replaced whole.

    >>> paths = machine_paths("/srv/tppo-data")
    >>> paths["/srv/tppo-data"], paths[str(Path.home())]
    ('$TPPO_DATA', '~')
    """
    from analysis import config

    named = [(data_dir, "$TPPO_DATA"), (processed_dir, "$TPPO_OUT"), (reports_dir, "reports"),
             (config.project_root(), "$PROJECT"), (Path.home(), "~")]
    if sys.prefix != sys.base_prefix:   # a virtual environment: its folder is the machine's
        named.append((sys.prefix, "$PYTHON_ENV"))
    out: dict[str, str] = {}
    for path, placeholder in named:
        if not path:
            continue
        for variant in (os.path.abspath(path), os.path.realpath(path)):
            variant = variant.rstrip("/\\")
            if len(variant) > 1 and variant not in out:
                out[variant] = placeholder
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))


def scrub_paths(text: str, paths: dict[str, str]) -> str:
    """``text`` with every machine path replaced by its placeholder (and any home folder by ``~``).

    >>> scrub_paths("read /srv/tppo-data/putusan_tppo and /home/ana/x.py", {"/srv/tppo-data": "$TPPO_DATA"})
    'read $TPPO_DATA/putusan_tppo and ~/x.py'
    """
    if not text:
        return text
    for path, placeholder in paths.items():
        if path in text:
            text = re.sub(re.escape(path) + r"(?![\w.-])", lambda m: placeholder, text)
            text = text.replace("file://" + placeholder, placeholder)
    return HOME_PATH.sub("~", text)


def find_paths(text: str, paths: Iterable[str] = ()) -> list[str]:
    """The machine paths (and home folders) that occur in ``text``.

    >>> find_paths("see file:///root/tppo/reports/a.html", ["/srv/tppo-data"])
    ['/root']
    """
    found = [p for p in paths if re.search(re.escape(p) + r"(?![\w.-])", text)]
    found += sorted(set(HOME_PATH.findall(text)) - set(found))
    return found


def scan_paths(files: Iterable[str | os.PathLike], paths: Iterable[str] = ()) -> pd.DataFrame:
    """Machine paths per rendered file: columns ``file``, ``hits`` (how many distinct paths),
    ``paths``. Images and tables are skipped; a PDF is read as bytes, which shows the
    addresses its links carry.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.html"
    >>> _ = p.write_text('<a href="file:///srv/tppo-data/x.txt">x</a>')
    >>> scan_paths([p], ["/srv/tppo-data"])[["hits", "paths"]].values.tolist()
    [[1, ['/srv/tppo-data']]]
    """
    paths = list(paths)
    rows = []
    for f in files:
        f = Path(f)
        suffix = f.suffix.lower()
        if suffix in {".png", ".jpg", ".jpeg", ".parquet", ".duckdb"}:
            continue
        text = f.read_bytes().decode("latin-1") if suffix == ".pdf" else f.read_text(encoding="utf-8", errors="replace")
        found = find_paths(_DATA_URI.sub(" ", text), paths)
        rows.append({"file": str(f), "hits": len(found), "paths": found})
    return pd.DataFrame(rows, columns=["file", "hits", "paths"])
