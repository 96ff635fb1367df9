"""Every entry of a folder of decisions is used or rejected, and text in any Unicode encoding is read.

All decision text here is invented (the two-defendant fixture of ``test_decision_fields``).
"""

import codecs
import os
import signal
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_decision_fields import TWO_DEFENDANTS

from analysis.extract.decisions import parse_decision, process_decisions
from analysis.sources import decisions as src
from analysis.sources.decisions import NoDecisionFiles, Reject, decode_bytes, list_decision_files, read_decision

CASE = "77_Pid.Sus_2025_PN_Xyz.txt"


@pytest.fixture
def no_hang():
    """Fail instead of hanging should anything open a named pipe for reading."""
    def fail(signum, frame):
        raise TimeoutError("the run blocked on an entry of the folder")

    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture
def odd_folder(tmp_path):
    d = tmp_path / "putusan"
    d.mkdir()
    (d / CASE).write_text(TWO_DEFENDANTS, encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "99_Pid.Sus_2025_PN_Xyz.txt").write_text(TWO_DEFENDANTS.replace("77/", "99/"), encoding="utf-8")
    os.symlink(d / "gone.txt", d / "broken.txt")
    os.symlink("loop-b.txt", d / "loop-a.txt")
    os.symlink("loop-a.txt", d / "loop-b.txt")
    os.symlink(d / "sub", d / "to-folder.txt")
    os.mkfifo(d / "pipe.txt")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(TWO_DEFENDANTS.replace("77/", "80/"), encoding="utf-8")
    os.symlink(outside, d / "80_Pid.Sus_2025_PN_Xyz.txt")   # a link to a regular file is read
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "sock.txt"))
    yield d
    sock.close()


def test_every_entry_is_a_case_or_a_reject(odd_folder, no_hang):
    tables = process_decisions(odd_folder, workers=1, link=False)
    cases, rejects = tables["cases"], tables["rejects"]
    assert sorted(cases["source_file"]) == ["77_Pid.Sus_2025_PN_Xyz.txt", "80_Pid.Sus_2025_PN_Xyz.txt"]
    got = dict(zip(rejects["source"], zip(rejects["stage"], rejects["reason"])))
    assert got == {
        "sub": ("read", "subfolder"),
        "broken.txt": ("read", "broken link"),
        "loop-a.txt": ("read", "broken link"),
        "loop-b.txt": ("read", "broken link"),
        "to-folder.txt": ("read", "link to a non-regular file"),
        "pipe.txt": ("read", "special file"),
        "sock.txt": ("read", "special file"),
    }
    detail = dict(zip(rejects["source"], rejects["detail"]))
    assert detail["pipe.txt"] == "a named pipe (FIFO), not a regular file"
    assert detail["sock.txt"] == "a socket, not a regular file"
    assert detail["to-folder.txt"] == "symbolic link to a folder"
    assert detail["loop-a.txt"] == "symbolic link: a loop of links"
    # used + rejected = read, over every entry of the folder
    assert sorted(list(cases["source_file"]) + list(rejects["source"])) == sorted(os.listdir(odd_folder))
    # no building-machine path in any reject
    assert not rejects["detail"].str.contains(str(odd_folder.parent), regex=False).any()


def test_fifo_is_never_opened(odd_folder, monkeypatch, no_hang):
    opened = []
    real_open = os.open
    monkeypatch.setattr(src.os, "open", lambda p, *a, **k: (opened.append(os.path.basename(p)), real_open(p, *a, **k))[1])
    assert read_decision(odd_folder / "pipe.txt").reason == "special file"
    assert opened == []


def test_entry_turned_into_a_fifo_after_listing_is_refused_without_blocking(tmp_path, monkeypatch, no_hang):
    os.mkfifo(tmp_path / "late.txt")
    monkeypatch.setattr(src, "entry_problem", lambda path: None)   # listed while still a file
    got = read_decision(tmp_path / "late.txt")
    assert (got.stage, got.reason) == ("read", "special file")


def test_unreadable_file_is_a_reject(tmp_path, monkeypatch):
    (tmp_path / CASE).write_text(TWO_DEFENDANTS, encoding="utf-8")

    def denied(path, flags, *a):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(src.os, "open", denied)
    got = read_decision(tmp_path / CASE)
    assert (got.stage, got.reason, got.detail) == ("read", "unreadable", "PermissionError: Permission denied")


@pytest.mark.parametrize("entries", [[], ["sub/"], ["ocr_audit.jsonl"], ["sub/", "broken-link"]])
def test_folder_without_decision_files_is_refused(tmp_path, entries):
    for e in entries:
        if e.endswith("/"):
            (tmp_path / e).mkdir()
        elif e == "broken-link":
            os.symlink(tmp_path / "nowhere", tmp_path / e)
        else:
            (tmp_path / e).write_text("{}")
    with pytest.raises(NoDecisionFiles, match=r"^no decision files in .* \((the folder is empty|\d+ entries, none a decision file)\)$"):
        list_decision_files(tmp_path)
    with pytest.raises(NoDecisionFiles):
        process_decisions(tmp_path, workers=1, link=False)
    assert list_decision_files(tmp_path, allow_empty=True) == sorted(tmp_path.iterdir(), key=lambda p: p.name)


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
])
def test_unicode_twin_gives_the_same_case(tmp_path, encoding, bom):
    text = TWO_DEFENDANTS.replace("Contoh", "Contoh \u2013 Cilacap")
    plain, twin = tmp_path / "plain", tmp_path / "twin"
    plain.mkdir()
    twin.mkdir()
    (plain / CASE).write_bytes(text.encode("utf-8"))
    (twin / CASE).write_bytes(bom + text.encode(encoding))
    assert decode_bytes(bom + text.encode(encoding)) == (text, encoding)
    a = process_decisions(plain, workers=1, link=False)
    b = process_decisions(twin, workers=1, link=False)
    assert len(b["cases"]) == 1 and b["rejects"].empty
    assert a["cases"].equals(b["cases"]) and a["defendants"].equals(b["defendants"])
    assert parse_decision(twin / CASE).fields == parse_decision(plain / CASE).fields


def test_utf16_with_odd_length_is_binary():
    with pytest.raises(ValueError, match="byte-order mark of utf-16-le"):
        decode_bytes(codecs.BOM_UTF16_LE + "PUTUSAN".encode("utf-16-le") + b"\x50")


def test_binary_with_many_zero_bytes_is_still_binary():
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(bytes([1, 0, 2, 0, 3, 0, 4, 0]) * 100)
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"\x00" * 1000)


def test_cp1252_and_utf8_unchanged():
    assert decode_bytes("caf\u00e9".encode("cp1252")) == ("caf\u00e9", "cp1252")
    assert decode_bytes("PUTUSAN \u2013".encode("utf-8")) == ("PUTUSAN \u2013", "utf-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_never_crashes_on_any_bytes(data):
    try:
        text, enc = decode_bytes(data)
    except ValueError:
        return
    assert isinstance(text, str) and enc


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=8, max_size=200),
       st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"]))
def test_any_text_with_a_bom_roundtrips(text, encoding):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
           "utf-32-be": codecs.BOM_UTF32_BE, "utf-8": codecs.BOM_UTF8}[encoding]
    text = text.lstrip("\ufeff")
    assert decode_bytes(bom + text.encode(encoding)) == (text, encoding)


def test_reject_is_a_row():
    assert Reject("a", "read", "subfolder").as_row()["reason"] == "subfolder"
