"""Count series from official figures (police, task force, BP2MI) and from TIP-report flows.

Reported figures keep their ``source_url``. Yearly and monthly figures become regular series
whose unreported periods are null (``is_observed`` false), never 0: the sources publish a
figure here and there, not a complete register. Figures for other spans ("Jan-Apr 2023")
stay as they are, with ``freq`` ``irregular`` and their own ``period_end``. Units that differ
between releases are separate measures and flagged (:data:`DEFINITION_FLAGS`). Outlets that
print different figures for one period are kept apart: the first printed stays in the series
(flagged), each other outlet's figure goes to its own series ``measure@outlet``.

>>> figs = pd.DataFrame({"source_file": ["f.csv"] * 2, "metric": ["m"] * 2, "category": [None] * 2,
...     "source_unit": [None] * 2, "period_start": pd.to_datetime(["2020-01-01", "2022-01-01"]),
...     "period_end": pd.to_datetime(["2020-12-31", "2022-12-31"]), "period_freq": ["Y", "Y"],
...     "value": [5.0, 7.0], "source_url": ["u", "u"], "flag": [None, None]})
>>> figures_series(figs)["count"].tolist()
[5.0, <NA>, 7.0]
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.sources.official_stats import load_official_stats, outlet
from analysis.sources.tip_flows import country_mentions, read_tip_flows
from analysis.timeseries.grid import period_end, period_grid
from analysis.timeseries.series import SERIES_COLUMNS, tidy

SOURCE_NAMES = {"polri_tppo_counts.csv": "polri", "bp2mi_pengaduan_long.csv": "bp2mi_pengaduan",
                "bp2mi_penempatan_long.csv": "bp2mi_penempatan", "bp2mi_jatim_2011_2025_final.csv": "bp2mi_jatim"}
SOURCE_NOTES = {
    "polri": "police trafficking (TPPO) case counts, typed from news reports of police statements; "
             "yearly 2020-2023 with some other spans; unreported years are null",
    "bp2mi_pengaduan": "BP2MI migrant-worker complaints, typed from statistics pages and news; "
                       "scattered months and years 2019-2025; unreported periods are null",
    "bp2mi_penempatan": "BP2MI migrant-worker placements, typed from statistics pages and news; "
                        "scattered months and years 2021-2025 plus long cumulative spans; unreported periods are null",
    "bp2mi_jatim": "BP2MI placements per East Java regency 2011-2025, extracted from PDFs by a third party "
                   "(noisy; blank cells are null; 2025 is a partial year)",
}
DEFINITION_FLAGS = {
    ("polri", "perkara"): "definition change: case files (perkara) from the year-end release, "
                          "not police reports (laporan_polisi)",
    ("polri", "perkara_selesai"): "definition change: completed case files, year-end release",
    ("bp2mi_penempatan", "layanan_penempatan_total"): "definition change: placement services (SiskoP2MI), "
                                                      "wider than penempatan_total",
}
SATGAS_NOTE = ("police task force (Satgas TPPO, from 5 June 2023) cumulative totals as printed by news outlets, "
               "turned into increments between reports; each covers period_start to period_end (irregular); "
               "where outlets disagree on a report, one chain per outlet (group_kind 'outlet')")
TIP_NOTE = ("mentions in the US Trafficking in Persons reports 2001-2016 (country flow edge lists); "
            "each year's report read whole, so a year without a mention is 0")
_KIND = [("_negara", "destination"), ("_provinsi", "province"), ("_kabupaten", "regency"), ("_jenis", "type"),
         ("_gender", "sex"), ("_sektor", "sector"), ("_skema", "scheme"), ("_jabatan", "occupation"),
         ("_saluran", "channel"), ("_status", "status")]


def _group_kind(metric: str) -> str:
    for suffix, kind in _KIND:
        if suffix in metric:
            return kind
    return "category"


def _slug(s) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(s).lower()).strip("_")


def figures_series(figures: pd.DataFrame) -> pd.DataFrame:
    """Series rows from tidy reported figures (``analysis.sources.official_stats`` columns)."""
    if figures.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    f = figures.copy()
    f["_src"] = f["source_file"].map(lambda s: SOURCE_NAMES.get(s, Path(s).stem))
    f["_measure"] = f["metric"].astype(str)
    if "source_unit" in f:  # the police file mixes reporting units: a unit is part of the definition
        polri = f["_src"].eq("polri") & f["source_unit"].notna()
        f.loc[polri, "_measure"] = f.loc[polri, "metric"] + "__" + f.loc[polri, "source_unit"].map(_slug)
    f["_group"] = f["category"].where(f["category"].notna(), "all")
    f["_outlet"] = f["source_url"].map(outlet)
    parts = []
    keys = ["_src", "_measure", "_group", "period_freq"]
    for (src, measure, group, freq), g in f.groupby(keys, sort=True, dropna=False):
        g = (g.sort_values("row", kind="stable") if "row" in g else g).drop_duplicates(["period_start", "period_end", "value"])
        # outlets that print different figures for one period: the first printed stays in the
        # series, each other outlet's figure goes to its own series ``measure@outlet``
        alt = g.duplicated(["period_start", "period_end"], keep="first")
        disputed = g.loc[alt, "period_start"]
        g["flag"] = [("; ".join(x for x in (fl, "outlets disagree on this figure") if isinstance(x, str)))
                     if ps in set(disputed) else fl for fl, ps in zip(g["flag"], g["period_start"])]
        subsets = [(measure, g.loc[~alt])] + [(f"{measure}@{o}", gg) for o, gg in g.loc[alt].groupby("_outlet", sort=True)]
        kind = "all" if group == "all" else _group_kind(str(g["metric"].iloc[0]))
        def_flag = DEFINITION_FLAGS.get((src, str(g["metric"].iloc[0])))
        note = SOURCE_NOTES.get(src, "reported official figures")
        for meas, gg in subsets:
            rows = gg.assign(group=group, count=gg["value"], is_observed=gg["value"].notna())
            rows["flag"] = [("; ".join(x for x in (fl, def_flag) if isinstance(x, str)) or None)
                            for fl in rows["flag"]]
            rows = rows[["group", "period_start", "period_end", "count", "is_observed", "flag", "source_url"]]
            if freq in ("Y", "M"):   # regular grid: unreported periods are null, not zero
                grid = period_grid(rows["period_start"].min(), rows["period_start"].max(), freq)
                rows = rows.set_index("period_start").reindex(grid).rename_axis("period_start").reset_index()
                rows["period_end"] = period_end(rows["period_start"], freq)
                rows["group"] = group
                rows["is_observed"] = rows["is_observed"].fillna(False).astype(bool) & rows["count"].notna()
            parts.append(tidy(rows, source=f"official:{src}", measure=meas, freq=freq, group_kind=kind,
                              coverage_note=note))
    return pd.concat(parts, ignore_index=True)


def satgas_series(increments: pd.DataFrame) -> pd.DataFrame:
    """Task-force increments as irregular-period series (one per metric and outlet chain)."""
    if increments.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    parts = []
    for (metric, chain), g in increments.groupby(["metric", "chain"], sort=True):
        rows = g.rename(columns={"increment": "count", "chain": "group"})
        rows["is_observed"] = True
        parts.append(tidy(rows[["group", "period_start", "period_end", "count", "is_observed", "flag", "source_url"]],
                          source="official:satgas_tppo", measure=f"{metric}_increment", freq="irregular",
                          group_kind="all" if chain == "all" else "outlet", coverage_note=SATGAS_NOTE))
    return pd.concat(parts, ignore_index=True)


def official_series(data_dir: str | Path) -> tuple[pd.DataFrame, dict[str, tuple[int, int]]]:
    """All official-figure series and ``{source: (records read, records used)}``."""
    t = load_official_stats(data_dir)
    figs, rej = t["figures"], t["rejects"]
    parts = [figures_series(figs), satgas_series(t["satgas_increments"])]
    records = {}
    for file, src in SOURCE_NAMES.items():
        n_used = int((figs["source_file"] == file).sum())
        n_rej = int(rej["source"].str.startswith(file).sum()) if len(rej) else 0
        records[f"official:{src}"] = (n_used + n_rej, n_used)
    records["official:satgas_tppo"] = (len(t["satgas"]), len(t["satgas"]))
    return pd.concat(parts, ignore_index=True), records


def tip_series(data_dir: str | Path, country: str = "Indonesia") -> tuple[pd.DataFrame, dict[str, tuple[int, int]]]:
    """``country`` as a source in the TIP flows: mentions and partner countries per year, and
    mentions per destination per year (0 where a year's report names no flow to it)."""
    flows, rejects = read_tip_flows(data_dir)
    years = sorted(flows["year"].unique())
    cm = country_mentions(flows, country, "source", years)
    slug = _slug(country)
    parts = []
    for measure, col in ((f"{slug}_source_mentions", "mentions"), (f"{slug}_source_partners", "n_partners")):
        rows = pd.DataFrame({"group": "all", "period_start": pd.to_datetime(cm["year"].astype(str) + "-01-01"),
                             "count": cm[col].astype(float)})
        rows["period_end"] = period_end(rows["period_start"], "Y")
        parts.append(tidy(rows, source="tip", measure=measure, freq="Y", coverage_note=TIP_NOTE))
    sub = flows.loc[flows["source"] == country]
    full = pd.MultiIndex.from_product([sorted(sub["destination"].unique()), years], names=["group", "year"])
    by_dest = sub.groupby(["destination", "year"])["mentions"].sum().reindex(full, fill_value=0).reset_index()
    rows = pd.DataFrame({"group": by_dest["group"],
                         "period_start": pd.to_datetime(by_dest["year"].astype(str) + "-01-01"),
                         "count": by_dest["mentions"].astype(float)})
    rows["period_end"] = period_end(rows["period_start"], "Y")
    parts.append(tidy(rows, source="tip", measure=f"{slug}_source_mentions", freq="Y",
                      group_kind="destination", coverage_note=TIP_NOTE))
    n_lines = int(flows["mentions"].sum())
    return pd.concat(parts, ignore_index=True), {"tip": (n_lines + len(rejects), n_lines)}


__all__ = ["figures_series", "satgas_series", "official_series", "tip_series"]
