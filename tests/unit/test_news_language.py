"""Language and encoding checks."""

from analysis.news.language import indonesian_ratio, is_indonesian, mojibake_count


def test_indonesian_and_english():
    assert is_indonesian("Polisi menahan dua orang yang diduga merekrut pekerja migran dari desa itu.")
    assert not is_indonesian("The police arrested two people who recruited migrant workers in the village.")
    assert not is_indonesian("") and indonesian_ratio("123 456") == 0.0


def test_mojibake_marks():
    assert mojibake_count("Kasus perdagangan orang di Kupang") == 0
    assert mojibake_count("Polisi â€œmenahanâ€\x9d dua orang, kata Ã©lite \ufffd") == 4
