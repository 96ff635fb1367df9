"""Headless Chromium opens the policy brief and the explorer: their scripts run without error,
the pages are not blank, and no rendered file holds a name from the decisions."""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from analysis.report.chromium import dump_dom, file_url, screenshot
from analysis.report.privacy_checks import names_from_decisions, scan_files

pytestmark = [pytest.mark.real, pytest.mark.browser, pytest.mark.slow]


def _not_blank(png: Path) -> float:
    pixels = np.asarray(Image.open(png).convert("L"), dtype=float)
    return float(pixels.std())


def test_explorer_runs_and_lists_an_actors_cases(reports: Path, tmp_path):
    page = reports / "explorer.html"
    data = json.loads(re.search(r'id="tppo-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    chosen = next((n for n in data["nodes"] if n["cases"]), None)
    dom = dump_dom(file_url(page, f"select={chosen['id']}" if chosen else ""))
    assert 'data-tppo-explorer="ready"' in dom
    assert 'data-tppo-errors="1"' not in dom and '<div id="tppo-script-errors"></div>' in dom
    assert re.search(r'id="tppo-status"[^>]*>\d+ actors, \d+ ties shown', dom)
    if chosen:
        assert re.search(r'<table id="tppo-actor-cases">.*?<td>[^<]+</td>', dom, re.S)
    png = screenshot(file_url(page), tmp_path / "explorer.png")
    assert _not_blank(png) > 5


def test_policy_brief_page_runs_and_is_not_blank(reports: Path, tmp_path):
    page = reports / "policy" / "06_policy_brief.html"
    dom = dump_dom(file_url(page))
    assert 'data-tppo-report="ready"' in dom and 'data-tppo-errors="1"' not in dom
    assert '<div id="tppo-script-errors"></div>' in dom
    assert "What it cannot show" in dom
    png = screenshot(file_url(page), tmp_path / "brief.png")
    assert _not_blank(png) > 5


def test_no_decision_name_in_any_rendered_file(reports: Path, decisions_dir):
    names = names_from_decisions(decisions_dir)
    assert len(names) > 300
    files = [p for p in reports.rglob("*") if p.is_file()]
    hits = scan_files(files, names)
    assert len(hits) >= 20
    assert hits["hits"].sum() == 0, hits[hits["hits"] > 0]["file"].tolist()
