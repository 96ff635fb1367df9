"""Every third-party module the package imports is a declared, pinned runtime dependency, so an
environment built from pyproject.toml alone runs every reader (a missing one is fatal, not a reject)."""

import ast
import importlib.metadata as md
import re
import sys
import tomllib

import pytest

from analysis.privacy import RedactionError
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "analysis"

#: Imported by a dependency only on some paths, so the import scan cannot see them:
#: justext (used by trafilatura for HTML pages) imports lxml_html_clean when it cleans a page.
INDIRECT = {"lxml-html-clean"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    return {_norm(re.split(r"[=<>\[; ]", d, maxsplit=1)[0]) for d in deps}


def _imported_modules() -> set[str]:
    mods = set()
    for p in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                mods |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                mods.add(node.module.split(".")[0])
    return mods - set(sys.stdlib_module_names) - {"analysis"}


def test_every_imported_module_is_declared():
    owners = md.packages_distributions()
    imported = _imported_modules()
    assert {"pandas", "yaml", "dateutil", "trafilatura"} <= imported
    undeclared = {m: owners.get(m) for m in imported
                  if not any(_norm(d) in _declared() for d in owners.get(m, [m]))}
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_indirect_runtime_dependencies_are_declared():
    assert INDIRECT <= _declared()


@pytest.mark.parametrize("error", [ModuleNotFoundError("No module named 'some_parser'"),
                                   RedactionError("detector failed")], ids=["missing module", "failed redaction"])
def test_a_missing_dependency_or_failed_redaction_stops_the_run(tmp_path, monkeypatch, error):
    """A module missing inside the per-decision work, or a PII detector that fails, stops the
    run: never an 'extraction failed' reject, and no label or text is stored unredacted."""
    from analysis.extract import decisions

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1_Pid.Sus_2025_PN_Xyz.txt").write_text("PUTUSAN Nomor 1/Pid.Sus/2025/PN Xyz " * 50, encoding="utf-8")

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(decisions, "_extract", failing)
    monkeypatch.setattr(decisions, "check_complete", lambda text: None)
    with pytest.raises(type(error)):
        decisions.process_decisions(folder, workers=1, link=False)
