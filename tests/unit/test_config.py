"""Paths handed to notebooks are absolute, whatever the caller's working directory."""

import os

import pytest

from analysis.config import data_dir, out_dir


def test_out_dir_is_absolute_for_a_relative_argument(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = out_dir("data/processed")
    assert p.is_absolute() and p == tmp_path / "data" / "processed" and p.is_dir()


def test_data_dir_is_absolute_and_missing_one_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    assert data_dir("d") == tmp_path / "d"
    with pytest.raises(FileNotFoundError, match="TPPO_DATA"):
        data_dir("no-such-folder")


def test_environment_variable_sets_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TPPO_DATA", str(tmp_path))
    assert data_dir() == tmp_path
    monkeypatch.delenv("TPPO_DATA")
    assert os.environ.get("TPPO_DATA") is None
