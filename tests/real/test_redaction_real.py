"""Redaction on the real decisions: every decision's full text is redacted, and no identity
number, phone number, passport number, RT/RW or e-mail survives.

The checks below are written independently of the patterns in ``analysis.privacy.redaction``
(and more loosely), so that a gap in a pattern shows as a survivor here. Street and village
mentions are counted too: those outside an address are kept by design (they are places).
Run with ``-s`` to see the counts before and after.
"""

from __future__ import annotations

import re
import time

import pytest

from analysis.privacy import redact
from analysis.sources.decisions import Reject, list_decision_files, read_decision

CHECKS = {
    "NIK": re.compile(r"(?<!\d)\d{16}(?!\d)"),
    "PHONE": re.compile(r"(?<![\d+])(?:\+[ ]?\d{1,3}|0[ ]?8)(?:[ .\-]{0,2}\d){8,}"),
    "PASSPORT": re.compile(r"(?<![A-Za-z0-9])(?!R[MP])[A-Z]{1,2}[ ]{0,2}\d{6,8}(?![A-Za-z0-9])"),
    "RT/RW": re.compile(r"(?i)(?<![a-z0-9])r\.?[ ]?[tw]\b\.?\s*[:.]?\s*\d{1,3}(?!\d)"
                        r"|r\.?[ ]?t\s?/\s?r\.?[ ]?w\s*[:.]?\s*\d"),
    "EMAIL": re.compile(r"[\w.+-]+ ?@ ?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"),  # not "@ 35.000" (a unit price)
}
# Counted, not required to vanish: a street or village outside an address is a place.
PLACES = {
    "Jl./Jalan": re.compile(r"(?<![A-Za-z])(?:Jl|JL|Jln|JLN)\b\.?|(?<![A-Za-z])Jalan(?=\s+[A-Z])"),
    "Dusun/Desa": re.compile(r"(?<![A-Za-z])(?:Dusun|DUSUN|Dsn|Desa|DESA)\b"),
}


@pytest.fixture(scope="module")
def counts(decisions_dir):
    before = dict.fromkeys([*CHECKS, *PLACES], 0)
    after = dict.fromkeys([*CHECKS, *PLACES], 0)
    survivors: dict[str, list[str]] = {k: [] for k in CHECKS}
    n_bytes = n_files = 0
    seconds = 0.0
    for path in list_decision_files(decisions_dir):
        text = read_decision(path)
        if isinstance(text, Reject):
            continue
        n_files += 1
        n_bytes += len(text.encode("utf-8"))
        t0 = time.process_time()
        out = redact(text)
        seconds += time.process_time() - t0
        for k, rx in {**CHECKS, **PLACES}.items():
            before[k] += len(rx.findall(text))
            found = list(rx.finditer(out))
            after[k] += len(found)
            if k in survivors:  # where, never what: file and offset only
                survivors[k] += [f"{path.name}:{m.start()}" for m in found[:3]]
    print(f"\nredacted {n_files} decisions, {n_bytes / 1e6:.1f} MB in {seconds:.0f} s CPU "
          f"({n_bytes / 1e6 / max(seconds, 1e-9):.2f} MB/s)")
    for k in before:
        print(f"  {k:<11} found {before[k]:>6}  survive {after[k]:>6}")
    return {"before": before, "after": after, "survivors": survivors, "files": n_files}


@pytest.mark.real
@pytest.mark.slow
@pytest.mark.parametrize("form", list(CHECKS))
def test_no_identifier_survives(counts, form):
    assert counts["after"][form] == 0, counts["survivors"][form]


@pytest.mark.real
@pytest.mark.slow
def test_the_checks_are_not_vacuous(counts):
    # The decisions hold many of each form; a check that finds none would prove nothing.
    assert counts["files"] > 400
    floors = {"NIK": 500, "PHONE": 1000, "PASSPORT": 1000, "RT/RW": 1000, "EMAIL": 1000}
    for form, floor in floors.items():
        assert counts["before"][form] > floor, form


@pytest.mark.real
@pytest.mark.slow
def test_addresses_are_masked_and_narrative_places_kept(counts):
    before, after = counts["before"], counts["after"]
    # Streets and villages inside addresses go; those named as places in the story stay.
    for k in PLACES:
        assert 0 < after[k] < before[k], k
