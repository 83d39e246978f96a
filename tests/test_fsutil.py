"""Atomic writes and the project lock."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from leichtesprache import fsutil
from leichtesprache.errors import LockError
from leichtesprache.fsutil import LOCK_NAME, atomic_write_bytes, atomic_write_text, project_lock


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    atomic_write_bytes(target, b"one")
    assert target.read_bytes() == b"one"
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o600)
    atomic_write_text(target, "zwei · اثنان")
    assert target.read_text("utf-8") == "zwei · اثنان"
    assert target.stat().st_mode & 0o777 == 0o600  # the mode of the old file is kept
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_failed_write_keeps_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(fsutil.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_interrupted_write_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(fsutil.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(tmp_path / "out.pdf", b"new")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux only")
def test_a_writer_killed_while_it_writes_leaves_no_temp_file(tmp_path: Path) -> None:
    """SIGKILL while the data is written and synced: the temp file had no name yet."""
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    ready, go = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer: tells the test it is inside fsync, then waits to be killed

        def stuck(fd: int) -> None:
            os.write(go, b"x")
            time.sleep(60)

        fsutil.os.fsync = stuck  # type: ignore[assignment]
        try:
            atomic_write_bytes(target, b"new" * 100_000)
        finally:
            os._exit(1)
    assert os.read(ready, 1) == b"x"
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("where", ["no O_TMPFILE", "no /proc"])
def test_without_unnamed_files_a_named_temp_file_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    if where == "no O_TMPFILE":
        monkeypatch.delattr(fsutil.os, "O_TMPFILE", raising=False)
    else:
        monkeypatch.setattr(fsutil, "_link_unnamed", lambda fd, path: None)
    target = tmp_path / "out.pdf"
    atomic_write_bytes(target, b"one")
    assert target.read_bytes() == b"one"
    assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_lock_is_exclusive_and_times_out(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with project_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).exists()
        start = time.monotonic()
        with (
            caplog.at_level(logging.WARNING, "leichtesprache.fsutil"),
            pytest.raises(LockError, match="still working"),
            project_lock(tmp_path, timeout=0.3),
        ):
            pass
        assert time.monotonic() - start >= 0.3  # it waited for the other run, then gave up
        assert "waiting" in caplog.text
    with project_lock(tmp_path):  # released again
        pass


def test_lock_waits_for_the_other_run(tmp_path: Path) -> None:
    order: list[str] = []
    ready = threading.Event()

    def other() -> None:
        with project_lock(tmp_path):
            ready.set()
            time.sleep(0.3)
            order.append("other done")

    thread = threading.Thread(target=other)
    thread.start()
    ready.wait(5)
    with project_lock(tmp_path, timeout=10):
        order.append("we run")
    thread.join()
    assert order == ["other done", "we run"]


def test_lock_file_is_not_deleted(tmp_path: Path) -> None:
    with project_lock(tmp_path):
        pass
    assert (tmp_path / LOCK_NAME).exists()
    assert os.access(tmp_path / LOCK_NAME, os.R_OK)
