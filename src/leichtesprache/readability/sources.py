"""Where texts come from: plain-text/Markdown files, gettext catalogues, a whole project."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ContentError
from .base import SETTINGS
from .engine import check_units
from .i18n import translate
from .model import CheckResult, Finding, TextUnit

if TYPE_CHECKING:
    from ..config import Project

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
GLOSSARY_TERM = re.compile(r"glossary\.(.+)\.term")
_ALLOW = re.compile(r"check:\s*allow\s+(?P<body>.+)$", re.I)
_REASON_SPLIT = re.compile(r"\s+[\u2014\u2013]\s*|\s+--?\s+|:\s+")
_SECTION = re.compile(r"^Section:\s*(.+)$", re.M)
_ID = re.compile(r"\{#[a-z0-9][a-z0-9._-]*\}\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_LIST = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE_LINE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s{0,3}=+\s*$")


def parse_allow(*comments: str) -> dict[str, str]:
    """Exceptions from comment lines ``check: allow negation, passive — legal right``."""
    allowed: dict[str, str] = {}
    for comment in comments:
        for line in (comment or "").splitlines():
            m = _ALLOW.search(line)
            if not m:
                continue
            parts = _REASON_SPLIT.split(m.group("body"), maxsplit=1)
            reason = parts[1].strip() if len(parts) > 1 else ""
            for rule in re.split(r"[,\s]+", parts[0].strip()):
                if rule:
                    allowed[rule.lower()] = reason or "no reason given"
    return allowed


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
    ui_language: str = "en",
) -> list[CheckResult]:
    """Check plain-text or Markdown files (one result per file)."""
    results = []
    for path in paths:
        try:
            text = Path(path).read_text("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ContentError(
                "the file is not UTF-8 text",
                file=str(path),
                hint="save the file as UTF-8 in your editor",
            ) from exc
        except OSError as exc:
            raise ContentError(
                f"cannot read {path}: {exc.strerror or exc}",
                file=str(path),
                hint="check the file name",
            ) from exc
        units = read_file_units(text, str(path))
        results.append(
            check_units(
                units, language, source=str(path), settings=settings, ui_language=ui_language
            )
        )
    return results


def _missing(language: str, label: str, message: str, ui_language: str) -> CheckResult:
    finding = Finding(
        "no-catalogue",
        "error",
        message,
        label,
        None,
        None,
        "",
        0,
        0,
        translate(
            "Run “leichtesprache update” to create the catalogue, or "
            "remove the language from the project.",
            ui_language,
        ),
    )
    return CheckResult(language, label, False, {"error": 1, "warning": 0, "info": 0}, {}, [finding])


def check_catalog(
    po_path: Path,
    language: str,
    *,
    use: Literal["msgid", "msgstr"],
    settings: Mapping[str, Any] | None = None,
    ui_language: str = "en",
    source_label: str | None = None,
) -> CheckResult:
    """Check the msgids (source language, POT) or the translated msgstrs of a catalogue."""
    import polib

    label = source_label or str(po_path)
    if not Path(po_path).is_file():
        return _missing(
            language,
            label,
            translate("No catalogue: {path} does not exist.", ui_language, path=label),
            ui_language,
        )
    try:
        po = polib.pofile(str(po_path))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return _missing(
            language,
            label,
            translate(
                "The catalogue {path} cannot be read: {error}", ui_language, path=label, error=exc
            ),
            ui_language,
        )
    units: list[TextUnit] = []
    glossary: list[str] = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        if use == "msgstr":
            if not entry.translated():
                continue
            text = entry.msgstr or next(iter(entry.msgstr_plural.values()), "")
        else:
            text = entry.msgid
        if entry.msgctxt and GLOSSARY_TERM.fullmatch(entry.msgctxt):
            glossary.append(text)
        kind = kind_of(entry.comment)
        if kind is None and entry.msgctxt and GLOSSARY_TERM.fullmatch(entry.msgctxt):
            kind = "glossary_term"
        allow = parse_allow(entry.comment, entry.tcomment)
        occurrence = entry.occurrences[0] if entry.occurrences else None
        named = _SECTION.search(entry.comment or "")
        section = named.group(1).strip() if named else (occurrence[0] if occurrence else None)
        if use == "msgid" and occurrence and str(occurrence[1]).isdigit():
            units.append(
                TextUnit(
                    text,
                    occurrence[0],
                    int(occurrence[1]),
                    entry.msgctxt,
                    kind,
                    allow,
                    section=section,
                    lines_follow=True,
                )
            )
        else:
            units.append(
                TextUnit(
                    text,
                    label,
                    entry.linenum,
                    entry.msgctxt,
                    kind,
                    allow,
                    section=section,
                    lines_follow=False,
                )
            )
    return check_units(
        units, language, source=label, settings=settings, ui_language=ui_language, glossary=glossary
    )


def settings_for(check: Mapping[str, Any], language: str) -> dict[str, Any]:
    """``[check]`` settings for all languages, then the ``[check.<lang>]`` table."""
    merged = {k: v for k, v in check.items() if k in SETTINGS or not isinstance(v, Mapping)}
    for code in (language.split("_")[0], language):
        table = check.get(code)
        if isinstance(table, Mapping) and code not in SETTINGS:
            merged.update(table)
    return merged


def check_project(
    project: Project,
    languages: Sequence[str] | None = None,
    publication: str | None = None,
) -> list[CheckResult]:
    """Check every publication's catalogues: the POT for the source language, the PO files
    for the others. A missing catalogue is an error finding, not a crash."""
    publications = project.publication_names()
    if publication is not None:
        publications = (publication,)
    results = []
    for pub in publications:
        for language in languages or project.languages:
            if language == project.source_language:
                path, use = project.locale_dir / f"{pub}.pot", "msgid"
            else:
                path, use = project.locale_dir / language / "LC_MESSAGES" / f"{pub}.po", "msgstr"
            try:
                label = path.relative_to(project.root).as_posix()
            except ValueError:
                label = str(path)
            results.append(
                check_catalog(
                    path,
                    language,
                    use="msgid" if use == "msgid" else "msgstr",
                    settings=settings_for(project.check, language),
                    ui_language=project.ui_language,
                    source_label=label,
                )
            )
    return results
