"""Reading the project's text files: UTF-8 with ``file:line`` errors, TOML, where a key is."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import ContentError, LeichteSpracheError
from .i18n import _


def decode_text(
    raw: bytes, file: Path | str, error: type[LeichteSpracheError] = ContentError
) -> str:
    """UTF-8 text of a file (a BOM is dropped); the line of the first bad byte otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            _("the file is not UTF-8 text"),
            file=file,
            line=raw[: exc.start].count(b"\n") + 1,
            hint=_("save the file as UTF-8 in your editor"),
        ) from exc


def read_text(
    path: Path, label: Path | str | None = None, error: type[LeichteSpracheError] = ContentError
) -> str:
    """Read a UTF-8 text file; a missing or unreadable file is an error naming it."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise error(
            _("cannot read the file: {reason}").format(reason=exc.strerror or exc),
            file=label or path,
            hint=_("check the file name"),
        ) from exc
    return decode_text(raw, label or path, error)


def load_toml(path: Path, label: Path | str | None = None) -> dict[str, Any]:
    """Read a TOML file; a syntax error names file and line."""
    where = label or path
    text = read_text(path, where)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line: int | None = getattr(exc, "lineno", None) or _toml_line(str(exc))
        msg = getattr(exc, "msg", None) or str(exc)
        raise ContentError(
            _("TOML syntax error: {reason}").format(reason=msg),
            file=where,
            line=line,
            hint=_("check quotes, brackets and '=' on that line (TOML format)"),
        ) from exc


def _toml_line(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def line_of(path: Path, needle: str) -> int | None:
    """The first line of a text file that contains ``needle`` (for error messages)."""
    try:
        for number, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1):
            if needle in line:
                return number
    except (OSError, UnicodeDecodeError):
        return None
    return None
