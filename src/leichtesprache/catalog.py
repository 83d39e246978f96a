"""Stage 2: gettext catalogues — the publication's POT, the templates' ui POT, file names."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import polib
from babel.util import TextWrapper

from .errors import EXIT_BAD_INPUT, LeichteSpracheError
from .fsutil import keep, read_kept
from .markdown import parse_section
from .merge import GENERATOR
from .model import Block, Publication
from .placeholders import PLACEHOLDER_RE, placeholder_key
from .pofile import format_po, read_po

UI_DOMAIN = "ui"
#: ``#.`` lines are wrapped at this width, the width Babel and xgettext always use.
COMMENT_WIDTH = 76
_COMMENT_WRAPPER = TextWrapper(width=COMMENT_WIDTH, break_long_words=False)
#: The language of the template labels' msgids (gettext convention: code in English).
UI_SOURCE_LANGUAGE = "en"


# --- extraction ------------------------------------------------------------------------------


def block_comment(block: Block, exceptions: Mapping[str, tuple[tuple[str, str], ...]]) -> str:
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
    # Wrapped as pybabel and xgettext wrap comments, so their templates equal ours.
    return "\n".join(part for line in lines for part in (_COMMENT_WRAPPER.wrap(line) or [""]))


def build_pot(publication: Publication) -> polib.POFile:
    """The template: ``msgctxt`` = block id, ``msgid`` = German text, notes and locations."""
    pot = polib.POFile()
    pot.metadata = _pot_metadata(publication.name, publication.version, publication.source_language)
    for block in publication.blocks():
        flags = ["python-brace-format"] if PLACEHOLDER_RE.search(block.text) else []
        pot.append(
            polib.POEntry(
                msgctxt=block.id,
                msgid=block.text,
                msgstr="",
                comment=block_comment(block, publication.exceptions),
                occurrences=[(block.file, str(block.line))],
                flags=flags,
            )
        )
    return pot


def _pot_metadata(name: str, version: date | None, language: str) -> dict[str, str]:
    # POT-Creation-Date follows the publication's version date, not the clock: a POT that
    # only differs by a timestamp is never rewritten (reproducible, quiet diffs).
    stamp = f"{version.isoformat()} 00:00+0000" if version else "1970-01-01 00:00+0000"
    # `msgfmt -c` wants every header field filled in, also in a template: the template's
    # "Language" is the language of its msgids; a catalogue made from it sets its own.
    return {
        "Project-Id-Version": f"{name}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
    }


def extract_ui(templates_dir: Path, cache_dir: Path | None = None) -> polib.POFile:
    """Template strings (English msgids) from ``{% trans %}``/``_()`` in the templates.

    With ``cache_dir`` the messages are remembered in ``ui-template.json`` there, keyed by
    the templates' names, sizes and times, the tool's own files and the versions of Babel
    and Jinja2: ``status`` and ``check`` then skip importing Jinja2 and reading every
    template. A cache that is missing, stale or damaged is ignored and written anew.
    """
    if cache_dir is None:
        return _ui_pot(_extract_messages(templates_dir))
    key = template_stamp(templates_dir)
    cache = cache_dir / "ui-template.json"
    entries = _cached_messages(read_kept(cache, "key", lambda: key))
    if entries is None:
        entries = _extract_messages(templates_dir)
        keep(cache, {"key": key, "messages": entries})
    return _ui_pot(entries)


#: One template message: msgctxt, msgid, msgid_plural, translator comment, occurrences.
_UiMessage = tuple[str | None, str, str, str, list[tuple[str, str]]]


def _extract_messages(templates_dir: Path) -> list[_UiMessage]:
    from babel.messages.extract import extract_from_dir

    seen: dict[tuple[str | None, str], _UiMessage] = {}
    # The extractor named by its module, not "jinja2": Babel would scan every installed
    # package's entry points to find it, a tenth of a second on each `status`.
    method_map = [("**.html", "jinja2.ext:babel_extract")]
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
        place = (f"templates/{filename}", str(lineno))
        if key in seen:
            seen[key][4].append(place)
            continue
        seen[key] = (context, msgid, plural, "\n".join(comments), [place])
    return list(seen.values())


def _ui_pot(messages: list[_UiMessage]) -> polib.POFile:
    pot = polib.POFile()
    pot.metadata = _pot_metadata(UI_DOMAIN, None, UI_SOURCE_LANGUAGE)
    for context, msgid, plural, comment, occurrences in messages:
        pot.append(
            polib.POEntry(
                msgctxt=context,
                msgid=msgid,
                msgid_plural=plural,
                msgstr="",
                msgstr_plural={0: "", 1: ""} if plural else {},
                comment=comment,
                occurrences=list(occurrences),
            )
        )
    return pot


def template_stamp(templates_dir: Path) -> str:
    from .digests import code_digest, digest_of, tool_versions

    parts = [tool_versions(), code_digest()]  # Babel's and Jinja2's, and this extractor
    if templates_dir.is_dir():
        for path in sorted(templates_dir.rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path.relative_to(templates_dir)}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest_of(*parts)


def _cached_messages(data: dict[str, Any] | None) -> list[_UiMessage] | None:
    if data is None:
        return None
    try:
        return [
            (
                None if c is None else str(c),
                str(i),
                str(p),
                str(m),
                [(str(f), str(n)) for f, n in o],
            )
            for c, i, p, m, o in data["messages"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def babel_extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Mapping[str, Any]
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Babel extractor (entry point ``babel.extractors``: ``leichtesprache``) for content files.

    Map it over ``content/**.md`` and ``content/**.toml``: the sections, ``publication.toml``,
    ``glossary.toml`` and ``contacts.toml`` yield exactly the messages of ``update``'s
    template (msgctxt, msgid, ``#.`` notes, and the same flags through Babel); every other
    file (facts, exceptions, term lists, reviews, notes) yields nothing. A content problem
    ends ``pybabel`` with the same message as ``update`` and exit code 2, not a traceback.
    """
    name = getattr(fileobj, "name", None)
    path = Path(name).resolve() if isinstance(name, str) else None
    root = _publication_root(path) if path is not None else None
    if path is None or root is None:
        if path is None or path.suffix == ".md":  # a section given on its own
            section = parse_section(fileobj.read(), Path(name or "section.md").stem, name or "")
            for block in section.blocks():
                yield block.line, "pgettext", (block.id, block.text), block.note.split("\n")
        return
    from .i18n import _, language_from_environment, use_language

    # pybabel runs this, not our CLI: speak the language of the computer.
    with use_language(language_from_environment(os.environ) or "en"):
        try:
            publication = _publication_at(root, _signature(root))
        except LeichteSpracheError as exc:
            # pybabel has no error channel for extractors: say what is wrong and stop, as
            # `leichtesprache update` would, instead of a traceback.
            sys.stderr.write(_("Error: {message}").format(message=exc) + "\n")
            raise SystemExit(EXIT_BAD_INPUT) from exc
    project_root = root.parent.parent
    for block in publication.blocks():
        if (project_root / block.file).resolve() == path:
            comment = block_comment(block, publication.exceptions)
            yield block.line, "pgettext", (block.id, block.text), comment.split("\n")


def _publication_root(path: Path) -> Path | None:
    """The publication folder (with ``publication.toml``) that holds ``path``, if any."""
    for folder in list(path.parents)[:3]:
        if (folder / "publication.toml").is_file():
            return folder
    return None


def _signature(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and times of a publication's files: a changed file is read again."""
    found = []
    for item in sorted(root.rglob("*")):
        if item.is_file() and item.suffix in (".md", ".toml"):
            stat = item.stat()
            found.append((str(item), stat.st_size, stat.st_mtime_ns))
    return tuple(found)


@lru_cache(maxsize=4)
def _publication_at(root: Path, signature: tuple[tuple[str, int, int], ...]) -> Publication:
    """The publication, read once per pybabel run (it is asked once per content file)."""
    from .content import load_publication

    return load_publication(root, root.name, root.parent.parent)


def is_translated(entry: polib.POEntry) -> bool:
    """Fuzzy is never translated; a plural needs every form."""
    if entry.obsolete or entry.fuzzy:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


# --- files -----------------------------------------------------------------------------------


def catalog_path(locale_dir: Path, language: str, domain: str) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{domain}.po"


def format_catalog(po: polib.POFile) -> bytes:
    """Catalogues are always written as UTF-8, whatever charset they were read in."""
    content_type = po.metadata.get("Content-Type")
    charset = re.search(r"charset\s*=\s*([A-Za-z0-9_.:-]+)", content_type or "")
    if content_type and charset and charset.group(1).lower().replace("-", "") != "utf8":
        po.metadata["Content-Type"] = content_type.replace(charset.group(0), "charset=UTF-8")
    return format_po(po).encode("utf-8")


def read_pot(data: bytes, label: str) -> polib.POFile:
    """Parse a template (POT) we wrote ourselves; it has no Language/Plural-Forms header."""
    return read_po(data, label, require_header=False)


def format_pot(pot: polib.POFile) -> bytes:
    """The bytes of a template as ``update`` writes it."""
    return format_po(pot).encode("utf-8")
