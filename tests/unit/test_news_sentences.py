"""Sentence splitting keeps abbreviations, initials and thousands separators inside sentences."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.news.sentences import split_sentences


def test_abbreviations_initials_and_numbers():
    text = ("Tersangka A. ditahan di Kab. Kupang. Jumlah korban 2.104 orang! "
            "Apakah cukup? \"Belum,\" kata dia.\n\nParagraf baru tanpa titik")
    assert [s.text for s in split_sentences(text)] == [
        "Tersangka A. ditahan di Kab. Kupang.",
        "Jumlah korban 2.104 orang!",
        "Apakah cukup?",
        "\"Belum,\" kata dia.",
        "Paragraf baru tanpa titik",
    ]


def test_empty_text():
    assert split_sentences("") == [] and split_sentences("   \n\n ") == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_spans_are_exact_and_ordered(text):
    last = 0
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.start >= last
        last = s.end
