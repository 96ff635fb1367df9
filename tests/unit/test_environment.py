"""The conda environment, the pip lock and pyproject.toml pin the same versions."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        m = re.match(r"^\s*([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)", line)
        if m:
            out[_norm(m.group(1).split("[")[0])] = m.group(2)
    return out


def test_environment_yml_agrees_with_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = _pins(pyproject["project"]["dependencies"] + pyproject["project"]["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda_pins = _pins(pip_section)
    assert conda_pins == declared


def test_lock_agrees_with_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = _pins(pyproject["project"]["dependencies"] + pyproject["project"]["optional-dependencies"]["dev"])
    locked = _pins((ROOT / "requirements.lock").read_text().splitlines())
    mismatched = {k: (v, locked.get(k)) for k, v in declared.items() if locked.get(k) != v}
    assert not mismatched, f"pyproject pins not in the lock: {mismatched}"
