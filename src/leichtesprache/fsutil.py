"""Files: atomic writing, the per-project lock, paths as users see them."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .errors import LockError
from .i18n import _

LOCK_NAME = ".leichtesprache.lock"
#: How long ``project_lock`` waits for another run before giving up.
LOCK_TIMEOUT = 60.0

log = logging.getLogger("leichtesprache.fsutil")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, fsync it, then rename over ``path``.

    A crash or error at any point leaves either the old file or the new one, never a mix,
    and no temp file behind. On Linux the temp file has no name while it is written and
    synced (``O_TMPFILE``): a hard kill (SIGKILL, power loss) then leaves nothing; it gets
    a name only for the rename, a window of two system calls. Elsewhere, or on a file
    system without ``O_TMPFILE``, it is named from the start (``mkstemp``), and a hard
    kill during the write leaves it behind.
    """
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    if not _write_unnamed(path, data, mode):
        _write_named(path, data, mode)
    _fsync_dir(path.parent)


def _write_unnamed(path: Path, data: bytes, mode: int) -> bool:
    """``O_TMPFILE``: write and sync a file without a name, then name it and rename it over
    ``path``. False (nothing written) where the system or file system cannot."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None:
        return False
    try:
        fd = os.open(path.parent, flag | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in _NO_TMPFILE:
            return False
        raise
    tmp: Path | None = None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
            tmp = _link_unnamed(handle.fileno(), path)
            if tmp is None:
                return False  # no /proc: the unnamed file goes with its descriptor
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    return True


#: ``open(O_TMPFILE)`` errors that mean "not here" (open(2)): the kernel or the file
#: system does not support it.
_NO_TMPFILE = {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT}


def _link_unnamed(fd: int, path: Path) -> Path | None:
    """Give the unnamed file of ``fd`` a fresh temp name beside ``path`` (the way open(2)
    shows: ``linkat`` of ``/proc/self/fd/N``); None without ``/proc``."""
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        for _ in range(100):
            tmp = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
            try:
                # A folder descriptor makes Python call linkat(AT_SYMLINK_FOLLOW); plain
                # link(2) would link the /proc symlink itself (EXDEV).
                os.link(f"/proc/self/fd/{fd}", tmp.name, dst_dir_fd=folder, follow_symlinks=True)
            except FileExistsError:
                continue
            except FileNotFoundError:
                return None
            return tmp
    finally:
        os.close(folder)
    raise FileExistsError(f"no free temp name beside {path}")


def _write_named(path: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """``atomic_write_bytes`` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def read_kept(path: Path, field: str, key: Callable[[], str]) -> dict[str, Any] | None:
    """A JSON record kept in a cache file, when its ``field`` is ``key()``; None when the
    file is missing, damaged or out of date (``key`` is computed only for a readable file).
    """
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get(field) == key() else None


def keep(path: Path, record: dict[str, Any]) -> None:
    """Write a cache file; one that cannot be written is skipped (a read-only project
    still works, only slower)."""
    try:
        path.parent.mkdir(exist_ok=True)
        atomic_write_text(path, json.dumps(record) + "\n")
    except OSError as exc:
        log.debug("cannot write the cache file %s: %s", path, exc)


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not every file system allows opening a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def project_lock(root: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on the project so two runs never write the same files.

    Tries once without waiting; if another run holds the lock, logs a message and waits
    up to ``timeout`` seconds, then raises ``LockError``.
    """
    path = Path(root) / LOCK_NAME
    with open(path, "a+b") as handle:
        if not _try_lock(handle.fileno()):
            log.warning(
                _(
                    "another leichtesprache command is working on {folder}; "
                    "waiting up to {seconds} s"
                ).format(folder=root, seconds=int(timeout))
            )
            deadline = time.monotonic() + timeout
            while not _try_lock(handle.fileno()):
                if time.monotonic() >= deadline:
                    raise LockError(
                        _(
                            "another leichtesprache command is still working on this "
                            "project after {seconds} s"
                        ).format(seconds=int(timeout)),
                        file=LOCK_NAME,
                        hint=_("wait until it has finished, then try again"),
                    )
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def relative_path(path: Path, root: Path) -> str:
    """``path`` as shown to users: relative to ``root`` with ``/``, else as given."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
