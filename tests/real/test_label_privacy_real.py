"""On the real decisions: no agency, company or place label holds a person name of its own decisions.

The actors are those the test session builds from the decisions (``case_tables``); the names
are read again from the raw decision files by ``analysis.privacy.names``, one-word names
included, and stay in memory. Failures print actor ids and counts, never labels or names.
"""

import re

import pytest

from analysis.privacy.names import label_leaks, read_names

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def name_list(decisions_dir):
    return read_names(decisions_dir)


@pytest.fixture(scope="module")
def file_of_case(case_tables):
    cases = case_tables["cases"]
    return dict(zip(cases["case_id"], cases["source_file"]))


def test_no_label_holds_a_name_of_its_own_decisions(case_tables, name_list, file_of_case):
    actors = case_tables["actors"]
    assert (actors["kind"] != "person").sum() > 1000
    leaks = label_leaks(actors, file_of_case, name_list)
    assert leaks.empty, f"labels holding a person name (kind, reason: count): " \
                        f"{leaks.groupby(['kind', 'reason']).size().to_dict()}; ids {leaks['actor_id'].tolist()[:20]}"


def test_no_agency_label_runs_on_into_a_role_word(case_tables):
    actors = case_tables["actors"]
    agencies = actors.loc[actors["kind"] == "agency", "label"]
    role = re.compile(r"(?i)\b(?:terdakwa|tersangka|saksi|korban|anak|pelapor|terlapor|sdri?|saudar[ai]|bernama|pelaku)\b")
    bad = [a for a in agencies if role.search(a)]
    assert not bad, f"{len(bad)} agency labels hold a role word"


def test_legitimate_labels_are_kept(case_tables):
    actors = case_tables["actors"]
    pseudo = actors["label"].str.match(r"^[A-Z]-[0-9a-f]{8}$")
    shown = actors.loc[actors["kind"] != "person"]
    # Pseudonymising is the exception: nearly every company and agency keeps its public name,
    # and every place (a gazetteer name) keeps it.
    assert pseudo[shown.index].sum() < 0.03 * len(shown)
    assert not pseudo[actors["kind"] == "place"].any()
    assert {"Malaysia", "Batam"} <= set(actors.loc[actors["kind"] == "place", "label"])
