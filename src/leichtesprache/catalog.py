"""Stage 2: gettext catalogues — extract the POT, merge it into every PO, report status."""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

import polib

from .content import Block, Publication, load_toml, parse_section
from .errors import CatalogError, ContentError, Problem
from .facts import PLACEHOLDER_RE, placeholder_key
from .languages import get_language
from .merge import GENERATOR, MergeStats, merge, new_catalog
from .pofile import format_po, load_po, read_po

UI_DOMAIN = "ui"


@dataclass(frozen=True)
class Change:
    """What ``update`` did (or would do) to one file."""

    path: Path
    action: str  # "created", "updated", "unchanged"
    details: tuple[str, ...] = ()


# --- extraction ------------------------------------------------------------------------------


def load_exceptions(path: Path, rel: str) -> dict[str, list[tuple[str, str]]]:
    """``exceptions.toml``: deliberate easy-language rule exceptions per block id."""
    if not path.is_file():
        return {}
    data = load_toml(path)
    result: dict[str, list[tuple[str, str]]] = {}
    problems: list[Problem] = []
    for index, item in enumerate(data.get("allow", []), 1):
        block_id, rules, reason = item.get("id"), item.get("rules"), item.get("reason")
        if not block_id or not isinstance(rules, list) or not rules or not reason:
            problems.append(
                Problem(
                    f'exception {index} needs id, rules = ["…"] and a reason',
                    rel,
                    hint='[[allow]] id = "tax.no-tax" rules = ["negation"] reason = "…"',
                )
            )
            continue
        result.setdefault(str(block_id), []).extend((str(r), str(reason)) for r in rules)
    if problems:
        raise ContentError.from_problems(problems)
    return result


def block_comment(block: Block, exceptions: Mapping[str, list[tuple[str, str]]]) -> str:
    """The ``#.`` notes a translator sees for a block."""
    lines = [block.note]
    if block.section not in ("meta", "glossary", "contacts"):
        lines.append(f"Section: {block.section}")
    if block.src:
        lines.append(f"Picture: {block.src}")
    names = list(dict.fromkeys(placeholder_key(m) for m in PLACEHOLDER_RE.finditer(block.text)))
    if names:
        lines.append(
            "Keep the placeholders exactly: "
            + ", ".join(f"{{{n}}}" for n in names)
            + " (an amount or date is filled in)."
        )
    for rule, reason in exceptions.get(block.id, []):
        lines.append(f"check: allow {rule} — {reason}")
    return "\n".join(lines)


def build_pot(
    publication: Publication, exceptions: Mapping[str, list[tuple[str, str]]]
) -> polib.POFile:
    """The template: ``msgctxt`` = block id, ``msgid`` = German text, notes and locations."""
    pot = polib.POFile()
    pot.metadata = _pot_metadata(publication.name, publication.version)
    for block in publication.blocks():
        flags = ["python-brace-format"] if PLACEHOLDER_RE.search(block.text) else []
        pot.append(
            polib.POEntry(
                msgctxt=block.id,
                msgid=block.text,
                msgstr="",
                comment=block_comment(block, exceptions),
                occurrences=[(block.file, str(block.line))],
                flags=flags,
            )
        )
    return pot


def _pot_metadata(name: str, version: date | None) -> dict[str, str]:
    # POT-Creation-Date follows the publication's version date, not the clock: a POT that
    # only differs by a timestamp is never rewritten (reproducible, quiet diffs).
    stamp = f"{version.isoformat()} 00:00+0000" if version else "1970-01-01 00:00+0000"
    return {
        "Project-Id-Version": f"{name}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": stamp,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
    }


def extract_ui(templates_dir: Path) -> polib.POFile:
    """Template strings (English msgids) from ``{% trans %}``/``_()`` in the templates."""
    from babel.messages.extract import extract_from_dir

    pot = polib.POFile()
    pot.metadata = _pot_metadata(UI_DOMAIN, None)
    seen: dict[tuple[str | None, str], polib.POEntry] = {}
    method_map = [("**.html", "jinja2")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}}
    for filename, lineno, message, comments, context in extract_from_dir(
        str(templates_dir),
        method_map=method_map,
        options_map=options,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        if isinstance(message, tuple):
            msgid, plural = str(message[0]), str(message[1])
        else:
            msgid, plural = str(message), ""
        key = (context, msgid)
        if key in seen:
            seen[key].occurrences.append((f"templates/{filename}", str(lineno)))
            continue
        entry = polib.POEntry(
            msgctxt=context,
            msgid=msgid,
            msgid_plural=plural,
            msgstr="",
            msgstr_plural={0: "", 1: ""} if plural else {},
            comment="\n".join(comments),
            occurrences=[(f"templates/{filename}", str(lineno))],
        )
        seen[key] = entry
        pot.append(entry)
    return pot


def babel_extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Mapping[str, Any]
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extractor (entry point ``babel.extractors``: ``leichtesprache``) for sections.

    ``pybabel extract -F mapping.cfg`` with ``[leichtesprache: content/**/sections/*.md]``
    yields ``pgettext(block id, text)`` with the translator notes.
    """
    name = Path(getattr(fileobj, "name", "section.md")).stem
    section = parse_section(fileobj.read(), name, getattr(fileobj, "name", name))
    for block in section.blocks():
        yield block.line, "pgettext", (block.id, block.text), [block.note]


# --- status ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogStatus:
    language: str
    domain: str
    path: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "domain": self.domain,
            "path": self.path,
            "total": self.total,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "obsolete": self.obsolete,
            "percent": self.percent,
        }


def is_translated(entry: polib.POEntry) -> bool:
    """Fuzzy is never translated; a plural needs every form."""
    if entry.obsolete or entry.fuzzy:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def catalog_status(
    po: polib.POFile, language: str, domain: str, path: str, template: polib.POFile | None = None
) -> CatalogStatus:
    """Count against the template when given, so a PO lagging behind its POT is not 100 %."""
    active = [e for e in po if not e.obsolete]
    if template is not None:
        by_key = {(e.msgctxt, e.msgid): e for e in active}
        current = [e for e in (by_key.get((t.msgctxt, t.msgid)) for t in template) if e]
        total = len(template)
    else:
        current = active
        total = len(active)
    translated = sum(1 for e in current if is_translated(e))
    fuzzy = sum(1 for e in current if e.fuzzy and not e.obsolete)
    return CatalogStatus(
        language,
        domain,
        path,
        total,
        translated,
        fuzzy,
        total - translated - fuzzy,
        sum(1 for e in po if e.obsolete),
    )


# --- runtime lookup --------------------------------------------------------------------------


class CatalogTranslations(gettext.NullTranslations):
    """gettext lookup straight from a PO file (no .mo step); fuzzy and empty fall through."""

    def __init__(self, po: polib.POFile | None = None, plural_forms: str | None = None) -> None:
        super().__init__()
        self._messages: dict[tuple[str | None, str], polib.POEntry] = {}
        self.missing: list[str] = []
        from gettext import c2py

        from .languages import plural_expression

        header = plural_forms or (po.metadata.get("Plural-Forms") if po else None)
        self._plural = c2py(plural_expression(header)[1]) if header else (lambda n: int(n != 1))
        for entry in po or []:
            if is_translated(entry):
                self._messages[(entry.msgctxt, entry.msgid)] = entry

    def has(self, context: str | None, message: str) -> bool:
        return (context, message) in self._messages

    def gettext(self, message: str) -> str:
        return self.pgettext(None, message)

    def pgettext(self, context: str | None, message: str) -> str:
        entry = self._messages.get((context, message))
        if entry is None:
            self.missing.append(message)
            return message
        return str(entry.msgstr)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        entry = self._messages.get((None, msgid1))
        if entry is None:
            self.missing.append(msgid1)
            return msgid1 if n == 1 else msgid2
        return str(entry.msgstr_plural.get(self._plural(n), msgid2))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self.ngettext(msgid1, msgid2, n)


# --- files -----------------------------------------------------------------------------------


def catalog_path(locale_dir: Path, language: str, domain: str) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{domain}.po"


def render_catalog(po: polib.POFile) -> bytes:
    """Catalogues are always written as UTF-8, whatever charset they were read in."""
    content_type = po.metadata.get("Content-Type")
    charset = re.search(r"charset\s*=\s*([A-Za-z0-9_.:-]+)", content_type or "")
    if content_type and charset and charset.group(1).lower().replace("-", "") != "utf8":
        po.metadata["Content-Type"] = content_type.replace(charset.group(0), "charset=UTF-8")
    return format_po(po).encode("utf-8")


def planned_catalogs(
    pot: polib.POFile, domain: str, languages: Iterable[str], locale_dir: Path, root: Path
) -> Iterator[tuple[Path, bytes, MergeStats | None]]:
    """For each language: the catalogue as ``update`` would write it."""
    for code in languages:
        language = get_language(code)
        path = catalog_path(locale_dir, code, domain)
        rel = _rel(path, root)
        po = load_po(path, label=rel) if path.is_file() else new_catalog(pot, language, domain)
        merged, stats = merge(po, pot, language)
        yield path, render_catalog(merged), stats if path.is_file() else None


def read_po_bytes(data: bytes, label: str) -> polib.POFile:
    """Parse a template (POT) we wrote ourselves; it has no Language/Plural-Forms header."""
    return read_po(data, label, require_header=False)


def write_pot_bytes(pot: polib.POFile) -> bytes:
    buf = io.StringIO()
    buf.write(format_po(pot))
    return buf.getvalue().encode("utf-8")


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


__all__ = [
    "UI_DOMAIN",
    "CatalogError",
    "CatalogStatus",
    "CatalogTranslations",
    "Change",
    "MergeStats",
    "babel_extract",
    "build_pot",
    "catalog_path",
    "catalog_status",
    "extract_ui",
    "is_translated",
    "load_exceptions",
    "merge",
    "new_catalog",
    "planned_catalogs",
]
