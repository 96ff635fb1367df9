"""The pseudonym key (validated, created once under races, fingerprinted) and the pseudonyms it makes."""

from __future__ import annotations

import doctest
import hashlib
import hmac
import multiprocessing as mp
import os
import re
import stat
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_decision_fields import TWO_DEFENDANTS

from analysis.cli import main
from analysis.extract.decisions import process_decisions
from analysis.link.actors import _assign_ids
from analysis.privacy import pseudonyms as ps
from analysis.report import build_stamp

KEY = "0123456789abcdef" * 2          # 32 hex digits: the shortest accepted key
OTHER = "fedcba9876543210" * 4


@pytest.fixture
def key_file(tmp_path, monkeypatch):
    """A clean key state: no ``TPPO_KEY``, the key file in ``tmp_path`` (not yet written)."""
    monkeypatch.delenv("TPPO_KEY", raising=False)
    path = tmp_path / "cfg" / "pseudonym.key"
    monkeypatch.setenv("TPPO_KEY_FILE", str(path))
    monkeypatch.setattr(ps, "_loaded", {})
    monkeypatch.setattr(ps, "_given", None)
    return path


# ---------------------------------------------------------------- refused keys

@pytest.mark.parametrize("text, says", [
    ("", "is empty"),
    ("   \n\t", "is empty"),
    ("1", "too short: 1 hex digit (4 bits)"),
    ("0123456789abcdef0123456789abcde", "too short: 31 hex digits (124 bits)"),
    ("test-key-not-secret-but-long-enough-0123456789", "not hexadecimal"),
    ("0123456789abcdef 0123456789abcdef", "not hexadecimal"),
])
def test_weak_keys_are_refused_in_tppo_key(text, says, key_file, monkeypatch):
    monkeypatch.setenv("TPPO_KEY", text)
    with pytest.raises(ps.KeyProblem, match=re.escape(says)) as err:
        ps.secret_key()
    assert "\n" not in str(err.value) and "in TPPO_KEY" in str(err.value)
    assert not key_file.exists()        # a refused TPPO_KEY never falls back to (or creates) a file


@pytest.mark.parametrize("content, says", [(b"", "is empty"), (b"  \n \n", "is empty"), (b"abc\n", "too short"),
                                           (b"\xff" * 40, "not hexadecimal text"), (b"z" * 64, "not hexadecimal")])
def test_weak_key_files_are_refused_and_left_alone(content, says, key_file):
    key_file.parent.mkdir()
    key_file.write_bytes(content)
    with pytest.raises(ps.KeyProblem, match=says):
        ps.secret_key()
    assert key_file.read_bytes() == content


def test_unreadable_key_files_are_refused(key_file):
    key_file.mkdir(parents=True)                      # a folder where the key should be
    with pytest.raises(ps.KeyProblem, match="cannot be read"):
        ps.secret_key()
    key_file.rmdir()
    key_file.symlink_to(key_file.parent / "gone")     # a broken link is not replaced by a new key
    with pytest.raises(ps.KeyProblem, match="cannot be read"):
        ps.secret_key()
    assert key_file.is_symlink() and not (key_file.parent / "gone").exists()


def test_key_that_cannot_be_created_is_refused(tmp_path, key_file, monkeypatch):
    (tmp_path / "plain").write_text("x")
    monkeypatch.setenv("TPPO_KEY_FILE", str(tmp_path / "plain" / "pseudonym.key"))
    with pytest.raises(ps.KeyProblem, match="cannot be created"):
        ps.secret_key()


def test_accepted_keys_are_normalised(key_file, monkeypatch):
    monkeypatch.setenv("TPPO_KEY", f"  {KEY.upper()}\n")
    assert ps.secret_key() == KEY.encode()
    monkeypatch.delenv("TPPO_KEY")
    key_file.parent.mkdir()
    key_file.write_text(OTHER + "\n")
    assert ps.secret_key() == OTHER.encode()          # a change of source is seen, not a stale cache


# ---------------------------------------------------------------- creation

def test_missing_key_is_created_private_once(key_file, caplog):
    with caplog.at_level("WARNING"):
        first = ps.secret_key()
    assert len(first) == 64 and all(c in "0123456789abcdef" for c in first.decode())
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert [p.name for p in key_file.parent.iterdir()] == ["pseudonym.key"]      # no temporary file left
    assert str(key_file) in caplog.text and "TPPO_KEY_FILE" in caplog.text
    ps._loaded.clear()
    assert ps.secret_key() == first
    assert ps.create_key_file(key_file) is False and key_file.read_bytes().strip() == first


def _race(path: str, start, out) -> None:
    os.environ.pop("TPPO_KEY", None)
    os.environ["TPPO_KEY_FILE"] = path
    ps._loaded.clear()
    start.wait()
    try:
        out.put(ps.load_key().decode())
    except Exception as exc:  # noqa: BLE001 - reported to the test
        out.put(f"{type(exc).__name__}: {exc}")


def test_racing_processes_all_read_one_complete_key(tmp_path):
    ctx = mp.get_context("fork")
    n, rounds = 8, 5
    for r in range(rounds):
        path = str(tmp_path / f"round{r}" / "pseudonym.key")
        start, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_race, args=(path, start, out)) for _ in range(n)]
        for p in procs:
            p.start()
        start.set()
        got = [out.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert len(set(got)) == 1, got
        assert len(got[0]) == 64 and open(path).read().strip() == got[0]
        assert os.listdir(os.path.dirname(path)) == ["pseudonym.key"]


# ---------------------------------------------------------------- workers

def test_workers_use_the_key_they_are_handed_never_the_file(tmp_path, key_file, monkeypatch):
    monkeypatch.setenv("TPPO_KEY", KEY)
    key = ps.secret_key()
    monkeypatch.delenv("TPPO_KEY")
    monkeypatch.setenv("TPPO_KEY_FILE", str(tmp_path / "empty.key"))
    (tmp_path / "empty.key").write_text("")   # a worker reading the file would be refused
    want = [ps.pseudonym(x, key=key) for x in ("sekar", "rara")]
    with ProcessPoolExecutor(2, mp_context=mp.get_context("fork"), initializer=ps.use_key, initargs=(key,)) as pool:
        assert list(pool.map(ps.pseudonym, ["sekar", "rara"])) == want
    with ProcessPoolExecutor(1, mp_context=mp.get_context("fork")) as pool:   # without the key handed over
        with pytest.raises(ps.KeyProblem, match="is empty"):
            list(pool.map(ps.pseudonym, ["sekar"]))


# ---------------------------------------------------------------- fingerprint, labels, uniqueness

def test_fingerprint_names_the_key_without_revealing_it():
    a, b = ps.key_fingerprint(KEY.encode()), ps.key_fingerprint(OTHER.encode())
    mac = hmac.new(KEY.encode(), b"tppo pseudonym key fingerprint v1", hashlib.sha256).digest()
    assert a == hashlib.sha256(mac).hexdigest()[:16]
    assert a != b and len(a) == len(b) == 16
    assert a not in KEY and KEY[:16] != a and hashlib.sha256(KEY.encode()).hexdigest()[:16] != a


def test_build_stamp_sees_a_change_of_key(tmp_path, key_file, monkeypatch):
    data, out, code = tmp_path / "data", tmp_path / "out", tmp_path / "code"
    for d in (data, out, code):
        d.mkdir()
    (data / "a.txt").write_text("x")
    (code / "m.py").write_text("x = 1\n")
    (out / "cases.parquet").write_bytes(b"")
    monkeypatch.setenv("TPPO_KEY", KEY)
    build_stamp.write_stamp(data, out, code)
    assert build_stamp.needs_build(data, out, code) == (False, "tables are up to date")
    assert KEY not in (out / build_stamp.STAMP).read_text()
    monkeypatch.setenv("TPPO_KEY", OTHER)
    assert build_stamp.needs_build(data, out, code) == (True, "pseudonym key changed")


def test_pseudonyms_have_48_bits_or_more():
    k = KEY.encode()
    want = hmac.new(k, b"person\x1fsekar pramesti", hashlib.sha256).hexdigest()[:12]
    assert ps.pseudonym("sekar pramesti", key=k) == f"P-{want}"
    assert ps.pseudonym("sekar pramesti", "victim", key=k).startswith("V-")
    assert len(ps.pseudonym("x", key=k, length=20)) == 22
    with pytest.raises(ValueError, match="at least 12"):
        ps.pseudonym("x", key=k, length=8)


def test_collision_is_an_error_not_a_merge():
    t = pd.DataFrame({"who": ["e1", "e2", "e2", "e3"], "id": ["P-a", "P-b", "P-b", "P-c"]})
    assert ps.check_unique(t, "who", "id") is t
    with pytest.raises(ps.PseudonymCollision, match=r"^1 pseudonym given to more than one identity: P-b \(2\)$"):
        ps.check_unique(t.assign(id=["P-a", "P-b", "P-b", "P-b"]), "who", "id")
    assert ps.check_unique(t.iloc[:0], "who", "id").empty


def _entities(rows):
    cols = ["entity", "kind", "roles", "key", "case_id", "person_id"]
    return pd.DataFrame(rows, columns=cols)


def test_actor_ids_stay_distinct_for_two_people_of_one_name(monkeypatch):
    monkeypatch.setenv("TPPO_KEY", KEY)
    ents = _entities([
        ("a#1", "person", ["recruiter"], "sekar pramesti", "1/X", ""),
        ("a#2", "person", ["sponsor"], "sekar pramesti", "1/X", ""),     # same name, same first case
        ("b#1", "person", ["recruiter"], "sekar pramesti", "2/X", ""),
        ("b#2", "person", ["fugitive"], "rara anindita", "2/X", ""),
    ])
    roots = dict(zip(ents["entity"], ents["entity"]))
    ids = _assign_ids(ents, roots)
    assert len(set(ids.values())) == 4
    assert ids["b#2"] == ps.pseudonym("rara anindita")
    assert ids["b#1"] == ps.pseudonym("sekar pramesti|2/X")
    assert ids["a#1"] == ps.pseudonym("sekar pramesti|1/X|a#1")
    # a hash that collided would be refused, not merged
    monkeypatch.setattr("analysis.link.actors.pseudonym", lambda text, kind="person": "P-000000000000")
    with pytest.raises(ps.PseudonymCollision):
        _assign_ids(ents, roots)


# ---------------------------------------------------------------- defendants and the command line

@pytest.fixture
def two_decisions(tmp_path):
    d = tmp_path / "putusan"
    d.mkdir()
    (d / "77_Pid.Sus_2025_PN_Xyz.txt").write_text(TWO_DEFENDANTS, encoding="utf-8")
    (d / "79_Pid.Sus_2025_PN_Xyz.txt").write_text(TWO_DEFENDANTS.replace("77/", "79/"), encoding="utf-8")
    return d


def test_defendant_ids_are_the_linked_actor_ids(two_decisions, monkeypatch):
    monkeypatch.setenv("TPPO_KEY", KEY)
    unlinked = process_decisions(two_decisions, workers=1, link=False)["defendants"]
    assert unlinked["person_id"].nunique() == 4            # name and case: nothing shared without the linker
    t = process_decisions(two_decisions, workers=2)
    d, a = t["defendants"], t["actors"].set_index("actor_id")
    for case, pid in zip(d["case_id"], d["person_id"]):
        assert len(pid) == 14 and case in a.loc[pid, "cases"]
    assert t["actors"]["actor_id"].is_unique


@pytest.mark.parametrize("env", [{"TPPO_KEY": "1"}, {"TPPO_KEY": ""}, {"TPPO_KEY_FILE": "empty"}])
@pytest.mark.parametrize("command", ["cases", "build"])
def test_bad_key_exits_2_and_leaves_tables_untouched(env, command, two_decisions, tmp_path, key_file, monkeypatch,
                                                     capsys):
    (tmp_path / "empty").write_text("")
    for k, v in env.items():
        monkeypatch.setenv(k, str(tmp_path / v) if v == "empty" else v)
    out = tmp_path / "out"
    out.mkdir()
    (out / "cases.parquet").write_bytes(b"old table")
    args = ["cases", str(two_decisions), "--out", str(out), "--workers", "1"] if command == "cases" else \
        ["build", "--data", str(tmp_path), "--out", str(out)]
    (tmp_path / "putusan_tppo").symlink_to(two_decisions)
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"tppo {command}: pseudonym key") and "\n" not in err
    assert sorted(p.name for p in out.iterdir()) == ["cases.parquet"]
    assert (out / "cases.parquet").read_bytes() == b"old table"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80) | st.text(alphabet="0123456789abcdefABCDEF \n\t", max_size=80))
def test_any_key_text_is_accepted_whole_or_refused_in_one_line(text):
    try:
        key = ps.parse_key(text)
    except ps.KeyProblem as exc:
        assert "\n" not in str(exc)
    else:
        assert len(key) >= 32 and set(key.decode()) <= set("0123456789abcdef") and key.decode() == text.strip().lower()


def test_docstring_examples(key_file, monkeypatch):
    monkeypatch.setenv("TPPO_KEY", KEY)
    result = doctest.testmod(ps, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 10 and result.failed == 0
