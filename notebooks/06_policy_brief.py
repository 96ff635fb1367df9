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

from analysis.report.brief import (
    LINK_ACCURACY,
    accuracy_table,
    context_findings,
    key_figures,
    victims_table,
)
from analysis.report.display import note, show_table
from analysis.report.figures import save_figure
from analysis.report.inventory import decision_inventory
from analysis.report.setup import notebook_context
from analysis.report.source_views import reference_news
from analysis.report.summaries import count_values

ctx = notebook_context(data_dir, processed_dir, figures_dir, fast)
data, tables = ctx.data, ctx.tables
inventory = decision_inventory(data / "putusan_tppo")
index = reference_news(tables, data)["articles"]
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

# %%
note(context_findings(tables, data))

# %% [markdown]
# ## How sure we are
#
# The numbers are read by software from the decision texts, which were themselves recovered
# from PDFs with about two wrong characters in a hundred. To measure how often the software reads
# a decision correctly, a sample of decisions was read by hand (the "gold set") and compared
# field by field with what the software read. Fields that could not be read are counted as
# missing, never guessed.

# %%
accuracy = accuracy_table(tables)
if len(accuracy):
    good = accuracy.loc[accuracy["agreement"] >= 0.95, "what"].tolist()
    weak = accuracy.loc[accuracy["agreement"] < 0.8, "what"].tolist()
    checked = int(accuracy.loc[accuracy["what"] == "case number", "checked"].max()) if (accuracy["what"] == "case number").any() else 0
    text = (f"On the **{checked} hand-checked decisions** in this collection, the software agrees with the hand "
            f"reading at least 95 times in 100 on: {', '.join(good)}."
            + (f" It is **less reliable** on: {', '.join(weak)} — figures built on these fields are indicative."
               if weak else ""))
else:
    text = "*The case tables are not built, so the reading accuracy could not be measured here.*"
note(text)

# %%
show_table(accuracy, "Agreement of the software with the hand reading, field by field (share of decisions or "
           "defendants read correctly; for lists such as laws or countries the F1 score, which balances what "
           "was missed and what was added).", max_rows=20)

# %%
note(f"**Joining the same person or company across decisions.** On {LINK_ACCURACY['pairs']} hand-checked pairs "
     f"of mentions in different decisions, every pair the software joined was truly the same person or company "
     f"(precision {LINK_ACCURACY['precision']:.0%}), and it found {LINK_ACCURACY['recall']:.0%} of the true pairs. "
     f"Matching names exactly would have joined only {LINK_ACCURACY['baseline_precision']:.0%} correctly. Doubtful "
     f"matches are kept apart, so cross-case links are, if anything, undercounted. "
     f"(Measured with the project's linking benchmark on its gold pairs.)")

# %% [markdown]
# Groups ("syndicates") are patterns in the record of prosecutions. They point to where to
# look, not to proven organisations.
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
