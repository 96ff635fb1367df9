"""Cleaning news furniture: what goes, what stays, and the offset map back to the input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.news.clean import clean_article, furniture_kind

RAW = (
    "Judul Berita Contoh\n\n"
    "Judul Berita Contoh\n\n"
    "Petugas mendata para korban-Foto by humas.example-\n\n"
    "KUPANG, contoh.example - Polda NTT menahan dua orang perekrut.\n\n"
    "BACA JUGA : 55 Warga Brebes Terserang Penyakit\n"
    "Baca Juga: Harga Cabai Naik\n"
    "Para korban dipulangkan (Foto: Dok. Polda) ke daerah asal.\n"
    "SCROLL TO CONTINUE WITH CONTENT\n"
    "Cek Berita dan Artikel yang lain di Google News\n"
    "Editor: Redaksi\n"
    "Sumber: humas.polri.example\n"
)


def test_furniture_removed_and_metadata_lifted():
    c = clean_article(RAW, first_line_is_title=True)
    assert c.text == ("Polda NTT menahan dua orang perekrut.\n\n"
                      "Para korban dipulangkan ke daerah asal.")
    assert c.title == "Judul Berita Contoh"
    assert (c.dateline_place, c.dateline_outlet, c.source_credit) == ("KUPANG", "contoh.example", "humas.polri.example")
    kinds = [k for _, _, k in c.removed]
    assert kinds == ["title", "title", "photo", "dateline", "related", "related", "photo", "prompt", "prompt",
                     "byline", "source"]
    assert "Brebes" not in c.text and "55" not in c.text


def test_offsets_point_back_into_the_input():
    c = clean_article(RAW, first_line_is_title=True)
    i = c.text.index("dipulangkan")
    assert RAW[c.to_raw(i):c.to_raw(i) + len("dipulangkan")] == "dipulangkan"
    for c0, r0, n in c.segments:
        assert c.text[c0:c0 + n] == RAW[r0:r0 + n]


def test_known_title_is_not_taken_from_first_line_and_repeats_are_dropped():
    c = clean_article("Polisi Tahan Dua Perekrut\nPolisi menahan dua perekrut di Kupang.", title="Polisi Tahan Dua Perekrut")
    assert c.text == "Polisi menahan dua perekrut di Kupang."
    c2 = clean_article("Polisi menahan dua perekrut di Kupang.")
    assert c2.text == "Polisi menahan dua perekrut di Kupang." and c2.title is None


def test_dateline_forms():
    for line, place, outlet in [
        ("JAKARTA, KOMPAS.example -- Isi berita.", "JAKARTA", "KOMPAS.example"),
        ("Kupang (ANTARA) - Isi berita.", "Kupang", "ANTARA"),
        ("MATARAM - Isi berita.", "MATARAM", None),
    ]:
        c = clean_article(line)
        assert (c.dateline_place, c.dateline_outlet, c.text) == (place, outlet, "Isi berita.")


def test_ordinary_sentence_is_not_a_dateline():
    c = clean_article("Polisi - yang bertugas malam itu - menahan dua orang.")
    assert c.dateline_place is None and c.text.startswith("Polisi")


def test_furniture_kinds():
    assert furniture_kind("BERITA TERKAIT") == "related"
    assert furniture_kind("Artikel terkait: Rupiah Menguat") == "related"
    assert furniture_kind("ADVERTISEMENT") == "prompt"
    assert furniture_kind("Reporter: Tim Liputan") == "byline"
    assert furniture_kind("Foto/Ilustrasi") == "photo"
    assert furniture_kind("Polisi menahan dua orang.") is None


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_cleans_without_error_and_maps_back(raw):
    c = clean_article(raw, first_line_is_title=True)
    for c0, r0, n in c.segments:
        assert c.text[c0:c0 + n] == raw[r0:r0 + n]
    for pos in range(0, len(c.text), 7):
        assert 0 <= c.to_raw(pos) <= len(raw)
