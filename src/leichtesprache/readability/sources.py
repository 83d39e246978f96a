"""Texts from plain-text or Markdown files, and the project's checker settings per language.

Catalogues and publications reach the checker as a translated model (``leichtesprache.check``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..textfile import read_text
from ..translate import parse_allow
from .base import SETTINGS
from .engine import check_units
from .model import CheckResult, TextUnit

__all__ = ["check_files", "kind_of", "parse_allow", "read_file_units", "settings_for"]

#: ``#.`` comment openings the extractor writes, per block kind.
KIND_PREFIXES = (
    ("Heading.", "heading"),
    ("List item.", "list_item"),
    ("Paragraph.", "paragraph"),
    ("Picture description", "picture"),
    ("Word-book entry: the hard word", "glossary_term"),
    ("Word-book entry: explanation", "glossary_definition"),
    ("Important note in a box", "box"),
    ("Cover and imprint text", "meta"),
    ("Name of an office", "contact_name"),
    ("What this office helps with", "contact_description"),
)
_ID = re.compile(r"\{#[a-z0-9][a-z0-9._-]*\}\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE_LINE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s{0,3}=+\s*$")


def kind_of(comment: str) -> str | None:
    for line in (comment or "").splitlines():
        for prefix, kind in KIND_PREFIXES:
            if line.strip().startswith(prefix):
                return kind
    return None


def read_file_units(text: str, file: str) -> list[TextUnit]:
    """Units of a plain-text or Markdown file: headings, paragraphs, list items, boxes."""
    units: list[TextUnit] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    current: list[str] = []
    start = 0
    kind = "paragraph"
    section = file
    in_fence = False

    def flush() -> None:
        nonlocal current
        if any(line.strip() for line in current):
            body = "\n".join(current).strip("\n")
            only_picture = re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", body.strip())
            units.append(
                TextUnit(
                    body, file, start + 1, kind="picture" if only_picture else kind, section=section
                )
            )
        current = []

    for number, line in enumerate(lines):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if (
            in_fence
            or line.strip().startswith(("<!--", "|"))
            or (number == 0 and line.strip() == "---")
        ):
            flush()
            continue
        line = _ID.sub("", line)
        heading = _HEADING.match(line)
        listed = _LIST.match(line)
        quoted = _QUOTE.match(line)
        if not line.strip() or _RULE_LINE.match(line):
            flush()
        elif heading:
            flush()
            if len(heading.group(1)) <= 2:
                section = f"{file}#{number + 1}"
            start, kind, current = number, "heading", [heading.group(2)]
            flush()
            kind = "paragraph"
        elif listed:
            flush()
            start, kind, current = number, "list_item", [listed.group(2)]
        elif quoted:
            if kind != "box":
                flush()
                start, kind = number, "box"
            current.append(quoted.group(1))
        else:
            if kind in ("box", "heading") or (kind == "list_item" and not line.startswith(" ")):
                flush()
                kind = "paragraph"
            if not current:
                start = number
            current.append(line.strip() if kind == "list_item" else line.rstrip())
    flush()
    return units


def check_files(
    paths: Sequence[Path],
    language: str,
    *,
    settings: Mapping[str, Any] | None = None,
) -> list[CheckResult]:
    """Check plain-text or Markdown files (one result per file)."""
    results = []
    for path in paths:
        text = read_text(Path(path), str(path))
        units = read_file_units(text, str(path))
        results.append(check_units(units, language, source=str(path), settings=settings))
    return results


def settings_for(check: Mapping[str, Any], language: str) -> dict[str, Any]:
    """``[check]`` settings for all languages, then the ``[check.<lang>]`` table."""
    merged = {k: v for k, v in check.items() if k in SETTINGS or not isinstance(v, Mapping)}
    for code in (language.split("_")[0], language):
        table = check.get(code)
        if isinstance(table, Mapping) and code not in SETTINGS:
            merged.update(table)
    return merged
