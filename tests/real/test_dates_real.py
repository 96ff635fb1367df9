"""The date resolver on the real data: court decisions and the seed news article."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from analysis.clean.dates import find_dates

pytestmark = pytest.mark.real

SEED = "000_ad428a366702fed7.txt"
# An independent, deliberately plain pattern for "12 Mei 2025": standard month names only.
_STANDARD = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
             "september", "oktober", "november", "desember"]
_PLAIN_DATE = re.compile(r"(?<![\w.,/])(\d{1,2}) (" + "|".join(_STANDARD) + r") ((?:19|20)\d\d)(?!\d)", re.I)
_CLOSING = re.compile(r"Demikian(?:lah)?\s+diputuskan", re.I)


@pytest.fixture(scope="session")
def decision_texts(decisions_dir: Path) -> dict[str, str]:
    """A fixed sample of 40 decisions (every 12th file by name), read once."""
    files = sorted(decisions_dir.glob("*.txt"))[::12][:40]
    return {f.name: f.read_text(encoding="utf-8", errors="replace") for f in files}


@pytest.fixture(scope="session")
def decision_mentions(decision_texts):
    return {name: find_dates(text, None) for name, text in decision_texts.items()}


def test_decision_date_found_after_the_closing_phrase(decision_texts):
    found, agrees, with_phrase = 0, 0, 0
    for name, text in decision_texts.items():
        flat = re.sub(r"\s+", " ", text)
        closing = list(_CLOSING.finditer(flat))
        if not closing:
            continue
        with_phrase += 1
        days = [m for m in find_dates(flat[closing[-1].end():closing[-1].end() + 400], None) if m.kind == "day"]
        if days:
            found += 1
            case_year = int(re.search(r"_(\d{4})_", name).group(1))
            agrees += case_year <= days[0].start.year <= case_year + 1
    assert with_phrase >= 30
    assert found / with_phrase >= 0.9
    assert agrees / found >= 0.95


def test_every_plainly_written_date_is_found(decision_texts, decision_mentions):
    total = missed = 0
    for name, text in decision_texts.items():
        mentions = decision_mentions[name]
        for hit in _PLAIN_DATE.finditer(text):
            day, month, year = int(hit.group(1)), _STANDARD.index(hit.group(2).lower()) + 1, int(hit.group(3))
            try:
                expected = dt.date(year, month, day)
            except ValueError:
                continue
            total += 1
            covering = [m for m in mentions if m.span[0] <= hit.start() and hit.end() <= m.span[1]]
            if not any(expected in (m.start, m.end) for m in covering):
                missed += 1
    assert total > 1000
    assert missed / total <= 0.01


def test_mentions_are_well_formed_on_real_text(decision_texts, decision_mentions):
    kinds = set()
    for name, text in decision_texts.items():
        previous = 0
        for m in decision_mentions[name]:
            assert m.start <= m.end and previous <= m.span[0] < m.span[1] <= len(text)
            assert text[m.span[0]:m.span[1]] == m.text
            previous = m.span[1]
            kinds.add(m.kind)
    assert {"day", "range", "month", "year"} <= kinds


def test_law_citations_are_not_dates(decision_texts, decision_mentions):
    cites = 0
    for name, text in decision_texts.items():
        for hit in re.finditer(r"Nomor\s+21\s+Tahun\s+2007", text):
            cites += 1
            assert not any(m.span[0] < hit.end() and hit.start() < m.span[1] for m in decision_mentions[name])
    assert cites > 10


def test_seed_article(data_dir):
    seed = data_dir.parent / "seeds" / SEED
    if not seed.exists():
        pytest.skip("seed article not available")
    text = seed.read_text(encoding="utf-8")
    # The report covers a meeting held on Tuesday 10 December 2024; anchor it on the day after.
    found = [(m.start, m.end, m.kind, m.text) for m in find_dates(text, dt.date(2024, 12, 11))]
    assert found == [
        (dt.date(2024, 12, 10), dt.date(2024, 12, 10), "weekday_partial", "Selasa (10/12)"),
        (dt.date(2024, 10, 22), dt.date(2024, 11, 22), "range", "22 Oktober hingga 22 November 2024"),
    ]
    assert [m.kind for m in find_dates(text, None)] == ["range"]
