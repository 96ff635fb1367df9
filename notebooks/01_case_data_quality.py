# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Court decisions: what they are and how complete the case tables are
#
# This report describes the case data before any finding is drawn from it: which court
# decisions were read, how well their text was recovered from the PDFs, how complete each
# field of the case tables is, which decisions are duplicates, and what could not be used.
# Every later report rests on these numbers.

# %% tags=["parameters"]
data_dir = None             # real-data folder (None: $TPPO_DATA, then ../shared/data)
processed_dir = None        # built tables (None: $TPPO_OUT, then data/processed)
figures_dir = None          # where figures and their CSVs go (None: reports/figures)
reports_dir = None          # rendered reports (unused here; set by `tppo report`)
small_cell_threshold = 5    # victim counts below this are shown as "<5"
max_nodes = 600             # largest network drawn in the explorer
fast = False                # True: skip slow parts (tests)

# %% tags=["academic"]
import matplotlib.pyplot as plt

from analysis.report.display import not_built, note, show_table
from analysis.report.figures import save_figure
from analysis.report.inventory import decision_inventory
from analysis.report.quality import (
    accounting,
    coverage_of_tables,
    duplicate_summary,
    rejects_summary,
)
from analysis.report.setup import notebook_context
from analysis.report.summaries import count_values, per_year, sentences_by_verdict
from analysis.report.tables import table_status

ctx = notebook_context(data_dir, processed_dir, figures_dir, fast)
data, tables = ctx.data, ctx.tables
inventory = decision_inventory(data / "putusan_tppo")
cases, defendants, rejects = tables["cases"], tables["defendants"], tables["rejects"]

# %% [markdown]
# ## The decisions
#
# The case data are first-instance decisions of Indonesian district courts (*Pengadilan
# Negeri*) on trafficking in persons, published in the Supreme Court's public decision
# directory and converted from PDF to text. The file name of each decision carries its
# register number, case type, year and court.

# %%
note(f"**{len(inventory)} decision files** from **{inventory['court_code'].nunique()} district courts**, "
     f"registered {int(inventory['year'].min())}–{int(inventory['year'].max())}; "
     f"{int(inventory['is_copy'].sum())} file names mark a second copy of a decision.")

# %%
by_year = inventory.groupby("year").size().rename("decisions").reset_index()
fig, ax = plt.subplots()
ax.bar(by_year["year"].astype(str), by_year["decisions"])
ax.set_title("Decisions by year of registration")
ax.set_xlabel("year in the case number")
ax.set_ylabel("decisions")
save_figure(fig, by_year, "decisions_by_year",
            "Number of court decisions in the collection by the year in their case number. "
            "Most are from 2024 and 2025: the collection reflects what the public directory "
            "held when it was gathered, not how many cases courts decided each year.",
            out=figures_dir)

# %%
top_courts = inventory["court_code"].value_counts().head(15).rename_axis("court_code").rename("decisions").reset_index()
show_table(top_courts, "The 15 courts with most decisions in the collection (court code from the file name).")

# %% [markdown]
# ## How well the text was recovered
#
# Each PDF was converted to text and the conversion audited page by page. The character error
# rate is the share of characters that differ from a reference reading of the page: about
# two in a hundred on average. Names, numbers and dates can therefore carry typing-like errors.

# %%
fig, ax = plt.subplots()
ax.hist(inventory["character_error_rate"].dropna() * 100, bins=30)
ax.set_title("Text recovery: character error rate per decision")
ax.set_xlabel("character error rate (%)")
ax.set_ylabel("decisions")
cer = inventory[["source_file", "pages", "character_error_rate", "ocr_status"]]
save_figure(fig, cer, "ocr_character_error_rate",
            "Distribution of the character error rate of the PDF-to-text conversion, one value per "
            "decision (from the conversion audit). Lower is better.",
            out=figures_dir)

# %%
note(f"Median character error rate: **{inventory['character_error_rate'].median() * 100:.1f} %**; "
     f"decisions above 5 %: **{int((inventory['character_error_rate'] > 0.05).sum())}**; "
     f"median length: **{int(inventory['pages'].median())} pages**.")

# %% [markdown]
# ## What the tables hold
#
# The extraction step turns each decision into one row of `cases` and one row per defendant
# in `defendants`. The tables below say what exists now and how complete each field is.

# %%
not_built(tables, ["cases", "defendants", "rejects"])

# %%
show_table(table_status(tables), "The processed tables and their size (built: the table file exists).")

# %%
show_table(coverage_of_tables(tables, ["cases", "defendants"]),
           "Coverage of every field: rows holding a value (an empty list counts as missing).",
           max_rows=60)

# %%
cases_year = per_year(cases, "decision_date", name="cases")
fig, ax = plt.subplots()
ax.bar(cases_year["label"], cases_year["cases"])
ax.set_title("Cases by year of decision (from the decision text)")
ax.set_ylabel("cases")
save_figure(fig, cases_year, "cases_by_decision_year",
            "Cases by the year of the decision date read from the decision text; 'no date' "
            "counts decisions whose date could not be read.", out=figures_dir)

# %%
show_table(count_values(cases, "laws", top=15, name="cases"),
           "The articles of law most often cited in the verdicts (a case citing several counts once for each).")

# %%
show_table(sentences_by_verdict(defendants), "Defendants by verdict, with the prison term (quartiles, months) and "
           "the median fine (IDR) read from the verdict.")

# %%
mw = cases["is_migrant_worker_case"].fillna(False).astype(bool) if len(cases) else cases["is_migrant_worker_case"]
note(f"Decisions about migrant workers: **{int(mw.sum())}** of **{len(cases)}**; "
     f"decisions stating a number of victims: **{int(cases['n_victims'].notna().sum())}**.")

# %% [markdown]
# ## Duplicates and rejects
#
# The same decision can be published twice. Each decision is counted once: a repeated file is
# recorded in `rejects` (reason `duplicate`) together with the file it repeats. Anything else
# read that could not be used is recorded there too, with the stage and the reason:
# used + rejected = read.

# %%
show_table(duplicate_summary(cases, rejects), "Decisions recorded as duplicates of another decision file.")

# %%
show_table(rejects_summary(rejects), "Rejected inputs by stage and reason.")

# %%
show_table(accounting(inventory["source_file"].tolist(), cases, rejects),
           "Accounting of decision files: every file read is either used as a case or rejected.")

# %% tags=["academic"]
show_table(rejects.head(50), "The first rejected records, with their detail.", max_rows=50)

# %% [markdown]
# ## What this data cannot show
#
# The collection holds decisions that courts published and that a crawler gathered: it is not
# a census of trafficking cases, nor of prosecutions. Cases that never reached court, decisions
# not uploaded, and appeals are missing. Counts by year describe the collection, not a trend.
