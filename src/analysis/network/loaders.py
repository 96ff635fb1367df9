"""Readers for the public criminal and trafficking networks under ``networks/``.

Each reader turns one file format into a networkx graph whose edges carry a ``weight``:

* UCINET-style adjacency matrices (CSV; first row and column are labels; some files start
  with a UTF-8 byte-order mark; cells may be valued and the matrix asymmetric):
  ``read_adjacency_csv`` returns a ``Graph`` when the matrix is symmetric, else a ``DiGraph``.
* Two-mode matrices (people x meetings): ``read_two_mode_csv`` returns a bipartite ``Graph``
  with node attribute ``bipartite`` (0 = row, 1 = column).
* The Mexican trafficking network (``Data.txt`` 0-based edge list + ``labels.csv`` roles):
  ``read_mexico_ht``.
* Krebs' 9/11 network (Pajek-like edge list + node map): ``read_krebs``.
* TIP report country flows (one ``Source,Destination`` line per mention):
  ``read_tip_edges`` gives a tidy table (year, source, destination, weight) and
  ``tip_graph`` the weighted ``DiGraph`` of one year.

Malformed content raises ``NetworkFormatError`` naming the file and the line.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "m.csv"
>>> _ = p.write_text('\\ufeff"",a,b,c\\na,0,2,0\\nb,2,0,1\\nc,0,1,0\\n', encoding="utf-8")
>>> g = read_adjacency_csv(p)
>>> (g.is_directed(), g.number_of_nodes(), g.number_of_edges(), g["a"]["b"]["weight"])
(False, 3, 2, 2.0)
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

ADJACENCY_FILES = (
    "ITALIAN_GANGS.csv", "LONDON_GANG.csv", "MONTREALGANG.csv", "berlusconietal_oversize.csv",
    "luciaetal_montagna.csv", "macdonald_tfc.csv", "morselli_caviar.csv", "morselli_cielnet.csv",
    "morselli_siren.csv", "morselli_togo.csv", "natajaran_cocaine.csv", "natajaran_heroin.csv",
)
TWO_MODE_FILES = ("NDRANGHETAMAFIA_2M.csv",)


class NetworkFormatError(ValueError):
    """A network file that does not have the shape its reader expects."""


def _read_matrix(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    try:
        df = pd.read_csv(path, index_col=0, encoding="utf-8-sig", dtype=str)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise NetworkFormatError(f"{path}: not a labelled matrix CSV ({exc})") from exc
    if df.empty:
        raise NetworkFormatError(f"{path}: matrix has no rows or columns")
    df.index = df.index.map(lambda s: str(s).strip())
    df.columns = [str(c).strip() for c in df.columns]
    values = df.apply(pd.to_numeric, errors="coerce")
    bad = values.isna() & df.notna()
    if bad.any().any():
        r, c = np.argwhere(bad.to_numpy())[0]
        raise NetworkFormatError(
            f"{path}: non-numeric cell {df.iat[r, c]!r} at row {df.index[r]!r}, column {df.columns[c]!r}")
    if values.isna().any().any():
        r, c = np.argwhere(values.isna().to_numpy())[0]
        raise NetworkFormatError(f"{path}: empty cell at row {df.index[r]!r}, column {df.columns[c]!r}")
    return values.astype(float)


def read_adjacency_csv(path: str | Path, *, directed: bool | None = None) -> nx.Graph:
    """One-mode UCINET-style matrix CSV to a weighted graph.

    ``directed=None`` decides from the data (asymmetric -> ``DiGraph``). Non-zero cells become
    edges with ``weight`` = cell value; the diagonal (self-ties) is ignored. Rows and columns
    must carry the same labels in the same order.
    """
    path = Path(path)
    m = _read_matrix(path)
    if list(m.index) != list(m.columns):
        raise NetworkFormatError(f"{path}: row labels differ from column labels (two-mode? use read_two_mode_csv)")
    if m.index.duplicated().any():
        raise NetworkFormatError(f"{path}: duplicate labels {sorted(set(m.index[m.index.duplicated()]))}")
    a = m.to_numpy().copy()
    np.fill_diagonal(a, 0.0)
    if directed is None:
        directed = not np.array_equal(a, a.T)
    g = nx.DiGraph() if directed else nx.Graph()
    labels = list(m.index)
    g.add_nodes_from(labels)
    rows, cols = np.nonzero(a if directed else np.triu(a))
    g.add_weighted_edges_from((labels[i], labels[j], float(a[i, j])) for i, j in zip(rows, cols))
    g.graph["name"] = path.stem
    return g


def read_two_mode_csv(path: str | Path) -> nx.Graph:
    """Two-mode matrix CSV (rows = people, columns = events) to a bipartite graph.

    Column nodes are prefixed ``"E:"`` only if a column label collides with a row label.
    Row nodes get ``bipartite=0``, column nodes ``bipartite=1``.
    """
    path = Path(path)
    m = _read_matrix(path)
    rows = list(m.index)
    cols = list(m.columns)
    if set(rows) & set(cols):
        cols = [f"E:{c}" for c in cols]
    g = nx.Graph(name=path.stem)
    g.add_nodes_from(rows, bipartite=0)
    g.add_nodes_from(cols, bipartite=1)
    a = m.to_numpy()
    ri, ci = np.nonzero(a)
    g.add_weighted_edges_from((rows[i], cols[j], float(a[i, j])) for i, j in zip(ri, ci))
    return g


def _read_pairs(path: Path) -> list[tuple[int, int]]:
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(("*", "%", "#")):
            continue
        parts = line.replace(",", " ").split()
        if len(parts) < 2 or not (parts[0].lstrip("-").isdigit() and parts[1].lstrip("-").isdigit()):
            raise NetworkFormatError(f"{path}:{n}: expected two integer node ids, got {line!r}")
        pairs.append((int(parts[0]), int(parts[1])))
    return pairs


def _read_id_labels(path: Path, sep: str | None) -> dict[int, str]:
    labels: dict[int, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        head, _, rest = line.partition(sep) if sep else line.strip().partition(" ")
        if not head.strip().isdigit():
            raise NetworkFormatError(f"{path}:{n}: expected '<id>{sep or ' '}<label>', got {line!r}")
        labels[int(head)] = rest.strip()
    return labels


def _graph_from_pairs(pairs, labels: dict[int, str], source: Path, name: str) -> nx.Graph:
    unknown = sorted({x for p in pairs for x in p} - set(labels))
    if unknown:
        raise NetworkFormatError(f"{source}: edge list uses ids without a label: {unknown[:10]}")
    g = nx.Graph(name=name)
    g.add_nodes_from(labels)
    for u, v in pairs:
        if u == v:
            continue
        if g.has_edge(u, v):
            g[u][v]["weight"] += 1.0
        else:
            g.add_edge(u, v, weight=1.0)
    return g


def read_mexico_ht(folder: str | Path) -> nx.Graph:
    """The Mexican southern-border trafficking network: nodes are 0-based ids with attributes
    ``label`` (e.g. ``"Reclutador 2"``) and ``role`` (the label without its number).

    Undirected; a repeated pair raises the edge ``weight``.
    """
    folder = Path(folder)
    labels = _read_id_labels(folder / "labels.csv", ",")
    g = _graph_from_pairs(_read_pairs(folder / "Data.txt"), labels, folder / "Data.txt", "mexico_ht")
    for i, lab in labels.items():
        g.nodes[i]["label"] = lab
        g.nodes[i]["role"] = re.sub(r"\s*\d+$", "", lab).strip()
    return g


def read_krebs(folder: str | Path) -> nx.Graph:
    """Krebs' 34-node network: ``terrorists.net`` pairs of 0-based ids plus
    ``terrorists_node_map.txt`` (id, label). Node ids stay integers; ``label`` is an attribute."""
    folder = Path(folder)
    labels = _read_id_labels(folder / "terrorists_node_map.txt", None)
    g = _graph_from_pairs(_read_pairs(folder / "terrorists.net"), labels, folder / "terrorists.net", "krebs_911")
    nx.set_node_attributes(g, labels, "label")
    return g


_YEAR_RE = re.compile(r"(\d{4})")


def read_tip_edges(folder: str | Path) -> pd.DataFrame:
    """All ``edgelist<YEAR>.txt`` files to one tidy table: year, source, destination, weight
    (number of times the pair is mentioned that year). Blank lines are skipped; a line that is
    not ``Source,Destination`` raises ``NetworkFormatError``.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "edgelist2001.txt").write_text("A,B\\nA,B\\nB,C\\n\\n")
    >>> read_tip_edges(d).to_dict("records")
    [{'year': 2001, 'source': 'A', 'destination': 'B', 'weight': 2}, {'year': 2001, 'source': 'B', 'destination': 'C', 'weight': 1}]
    """
    folder = Path(folder)
    files = sorted(folder.glob("edgelist*.txt"))
    if not files:
        raise FileNotFoundError(f"no edgelist<YEAR>.txt files in {folder}")
    rows = []
    for f in files:
        year = int(_YEAR_RE.search(f.stem).group(1))
        for n, line in enumerate(f.read_text(encoding="utf-8-sig").splitlines(), 1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(",")]
            if len(parts) != 2 or not all(parts):
                raise NetworkFormatError(f"{f}:{n}: expected 'Source,Destination', got {line!r}")
            rows.append((year, parts[0], parts[1]))
    df = pd.DataFrame(rows, columns=["year", "source", "destination"])
    out = df.groupby(["year", "source", "destination"], sort=True).size().rename("weight").reset_index()
    out["weight"] = out["weight"].astype(int)
    return out


def tip_graph(edges: pd.DataFrame, year: int) -> nx.DiGraph:
    """One year's country-flow ``DiGraph`` from ``read_tip_edges`` output (self-flows dropped)."""
    sub = edges[(edges["year"] == year) & (edges["source"] != edges["destination"])]
    if sub.empty:
        raise KeyError(f"no TIP edges for year {year}")
    g = nx.DiGraph(name=f"tip_{year}")
    g.add_weighted_edges_from(sub[["source", "destination", "weight"]].itertuples(index=False, name=None))
    return g


def load_criminal_networks(folder: str | Path) -> dict[str, nx.Graph]:
    """Every one-mode matrix and the two-mode 'Ndrangheta matrix in ``folder``, keyed by file stem."""
    folder = Path(folder)
    out: dict[str, nx.Graph] = {}
    for name in ADJACENCY_FILES:
        if (folder / name).exists():
            out[Path(name).stem] = read_adjacency_csv(folder / name)
    for name in TWO_MODE_FILES:
        if (folder / name).exists():
            out[Path(name).stem] = read_two_mode_csv(folder / name)
    return out
