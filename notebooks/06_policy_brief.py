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
# # Trafficking of Indonesian migrant workers: what court decisions and news reports show
#
# *A brief for policy teams. It summarises the other reports in plain words; each number links
# to a figure or table in them.*

# %% tags=["parameters"]
data_dir = None
processed_dir = None
figures_dir = None
reports_dir = None
small_cell_threshold = 5
max_nodes = 600
fast = False

# %% tags=["academic"]
import matplotlib.pyplot as plt

from analysis import config
from analysis.report.brief import key_figures, victims_table
from analysis.report.display import note, show_table
from analysis.report.figures import save_figure, use_style
from analysis.report.inventory import decision_inventory
from analysis.report.source_views import news_index
from analysis.report.summaries import count_values
from analysis.report.tables import load_report_tables

use_style()
data = config.data_dir(data_dir)
tables = load_report_tables(config.out_dir(processed_dir), data)
inventory = decision_inventory(data / "putusan_tppo")
index = news_index(data)
figures = key_figures(tables, inventory, index)

# %% [markdown]
# ## What the data is
#
# * **Court decisions.** First-instance decisions of Indonesian district courts on trafficking
#   in persons (*tindak pidana perdagangan orang*, TPPO), published in the Supreme Court's public
#   directory. Courts' decisions are public documents.
# * **News reports.** Indonesian news articles on trafficking cases, police operations and
#   official statements.
# * **Official figures.** Placements and complaints of migrant workers (BP2MI), police case
#   counts, and the US Trafficking in Persons reports.
#
# People are never named: each person is given a code (for example `P-3f2a9c1b`) that stays the
# same across decisions. Tables hide any count of fewer than five victims.

# %%
show_table(figures, "Key figures (each row says where it comes from).", max_rows=30)

# %% [markdown]
# ## What was found

# %%
destinations = count_values(tables["cases"], "destination_countries", top=10, name="decisions")
fig, ax = plt.subplots()
ax.barh(destinations["destination_countries"][::-1].astype(str), destinations["decisions"][::-1])
ax.set_title("Where victims were sent or were to be sent")
ax.set_xlabel("court decisions naming the country")
save_figure(fig, destinations, "brief_destinations",
            "Destination countries named in the court decisions on migrant workers (a decision naming "
            "two countries counts for each).", out=figures_dir)

# %%
show_table(victims_table(tables["cases"]), "Victims named in decisions, by destination country "
           "(counts below 5 hidden).", suppress=["n_victims"], threshold=small_cell_threshold)

# %%
from analysis.report.brief import findings

note(findings(tables, inventory))

# %% [markdown]
# ## How sure we are
#
# * The numbers are read by software from the decision texts, which were themselves recovered
#   from PDFs with about two wrong characters in a hundred. Samples were checked by hand; fields
#   that could not be read are counted as missing, never guessed.
# * The same person or company can be written in different ways. Records are joined only when
#   the match is close; doubtful matches are kept apart, so cross-case links are, if anything,
#   undercounted.
# * Groups ("syndicates") are patterns in the record of prosecutions. They point to where to
#   look, not to proven organisations.
#
# ## What it cannot show
#
# * How much trafficking there is: only cases that reached a court and were published appear,
#   and the collection is concentrated in 2024 and 2025.
# * Whether a policy worked: a change in decisions or news over time has many causes, and no
#   comparison group is available.
# * Anything about individuals: the data are pseudonymised and small counts are hidden.
#
# ## Method in brief
#
# Decisions were cleaned of page furniture, split into sections, and read for the defendants,
# the charges, the verdict and the people and companies involved. Names were replaced by
# keyed codes before anything was stored. Actors were joined across decisions, and groups
# found with a community-detection method repeated many times to check stability. Full methods,
# code and every table are in the full versions of the reports.
