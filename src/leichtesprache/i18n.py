"""The tool's own messages: English msgids, a catalogue per language, one language per run.

The language is chosen once (``choose_language``): the ``--ui-language`` option, else the
project's ``ui_language``, else the locale variables LANGUAGE, LC_ALL, LC_MESSAGES and
LANG, else English. Every module then calls ``_()`` (or ``ngettext()``) without naming a
language. Catalogues are the ``.po`` files in ``locale/<lang>/LC_MESSAGES/leichtesprache.po``
of the package. Each has a compiled copy beside it (``leichtesprache.mo``, made by
``scripts/compile-messages.py``) that records the digest of the ``.po`` it was made from:
it is read only while that digest matches (1.5 ms instead of 20 ms, on the way of every
command), otherwise the ``.po`` is read with the project's own PO reader, so an edited
catalogue is never shadowed by a stale copy. The brochures' template labels (domain
``ui``) are a different thing and live in projects.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polib

#: gettext domain of the tool's own messages.
DOMAIN = "leichtesprache"
#: The language of the msgids: needs no catalogue.
SOURCE_LANGUAGE = "en"
#: The locale variables, in the order GNU gettext reads them.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

log = logging.getLogger("leichtesprache.i18n")

_current = SOURCE_LANGUAGE


def locale_dir() -> Path:
    """The folder of the tool's catalogues (inside the installed package, which pip always
    unpacks: its own folder, without ``importlib.resources`` and the 7 ms it imports)."""
    return Path(__file__).resolve().parent / "locale"


def catalogue_path(language: str) -> Path:
    return locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """English and every language with a catalogue of the tool's messages, sorted."""
    found = {SOURCE_LANGUAGE}
    if locale_dir().is_dir():
        found.update(p.name for p in locale_dir().iterdir() if catalogue_path(p.name).is_file())
    return tuple(sorted(found))


def current_language() -> str:
    """The language the tool speaks in this run."""
    return _current


def set_language(language: str) -> None:
    """Speak ``language`` from now on (the CLI calls this; tests use ``use_language``)."""
    global _current
    _current = language


@contextmanager
def use_language(language: str) -> Iterator[None]:
    """Speak ``language`` inside the block, then the language before."""
    before = _current
    set_language(language)
    try:
        yield
    finally:
        set_language(before)


def supported(code: str | None) -> str | None:
    """The tool's language for a locale name ('de_DE.UTF-8' → 'de'), or None.

    >>> supported("de_DE.UTF-8"), supported("en_GB"), supported("C"), supported("xx")
    ('de', 'en', 'en', None)
    """
    if not code:
        return None
    name = code.split(".")[0].split("@")[0].replace("-", "_")
    if name in ("C", "POSIX"):
        return SOURCE_LANGUAGE
    available = available_languages()
    for candidate in (name, name.split("_")[0].lower()):
        if candidate in available:
            return candidate
    return None


def language_from_environment(environ: Mapping[str, str]) -> str | None:
    """The language of the first locale variable that is set, as gettext reads them.

    Only that variable counts (as in Python's ``gettext.find``); LANGUAGE may list several
    languages ("fr:de"), and the first the tool speaks wins. None: no language of the tool.

    >>> language_from_environment({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"})
    'de'
    >>> language_from_environment({"LC_ALL": "", "LANG": "de_AT.UTF-8"})
    'de'
    """
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if not value:
            continue
        for name in value.split(":"):
            language = supported(name)
            if language is not None:
                return language
        return None
    return None


def choose_language(
    option: str | None, project_setting: str | None, environ: Mapping[str, str]
) -> str:
    """The option, else the project's ``ui_language``, else the environment, else English."""
    for chosen in (option, project_setting):
        if chosen:
            return chosen
    return language_from_environment(environ) or SOURCE_LANGUAGE


# --- lookup ----------------------------------------------------------------------------------


class _Catalogue:
    """The translated, non-fuzzy messages of one language and its plural rule."""

    def __init__(
        self,
        messages: dict[str, str | tuple[str, ...]],
        plural: Callable[[int], int] | None = None,
    ) -> None:
        self.messages = messages
        self.plural = plural or (lambda n: int(n != 1))


_EMPTY = _Catalogue({})
_loading: set[str] = set()


def _catalogue(language: str) -> _Catalogue:
    if language == SOURCE_LANGUAGE or language in _loading:
        return _EMPTY  # a broken catalogue reports itself in English, not in a loop
    return _read_catalogue(language)


@lru_cache(maxsize=8)
def _read_catalogue(language: str) -> _Catalogue:
    path = catalogue_path(language)
    if not path.is_file():
        return _EMPTY
    compiled = _read_compiled(compiled_path(language), _digest(path.read_bytes()))
    if compiled is not None:
        messages, plural_forms = compiled
        return _Catalogue(messages, _plural_rule(plural_forms))
    log.debug("%s: no compiled copy of this catalogue; reading the .po", path)
    parsed = _parse_catalogue(path, language)
    if parsed is None:
        return _EMPTY
    messages, plural_forms = parsed
    return _Catalogue(messages, _plural_rule(plural_forms))


def _parse_catalogue(
    path: Path, language: str
) -> tuple[dict[str, str | tuple[str, ...]], str | None] | None:
    """The translated, non-fuzzy messages of a ``.po`` and its Plural-Forms header; None
    when it cannot be read (a warning says why)."""
    from .errors import LeichteSpracheError
    from .pofile import load_po

    _loading.add(language)
    try:
        po = load_po(path)
    except LeichteSpracheError as exc:
        log.warning("%s", exc)
        return None
    finally:
        _loading.discard(language)
    return _messages_of(po)


def _messages_of(po: polib.POFile) -> tuple[dict[str, str | tuple[str, ...]], str | None]:
    """The translated, non-fuzzy messages of a read catalogue and its Plural-Forms."""
    messages: dict[str, str | tuple[str, ...]] = {}
    for entry in po:
        if entry.obsolete or entry.fuzzy or not entry.msgid:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
            if all(forms):
                messages[entry.msgid] = forms
        elif entry.msgstr:
            messages[entry.msgid] = entry.msgstr
    return messages, po.metadata.get("Plural-Forms")


# --- compiled copies -------------------------------------------------------------------------
#
# GNU's .mo format (what msgfmt writes and msgunfmt reads): a header of seven 32-bit
# numbers, a table of (length, offset) for the msgids and one for the msgstrs, then the
# strings, each ending in NUL. A plural entry is "msgid NUL msgid_plural" and its forms
# joined by NUL. The entry of the empty msgid holds the header lines.

_MO_MAGIC = 0x950412DE
#: The header line that ties a compiled copy to the exact bytes of its ``.po``.
_DIGEST_HEADER = "X-PO-SHA256"


def compiled_path(language: str) -> Path:
    return catalogue_path(language).with_suffix(".mo")


def _digest(data: bytes) -> str:
    import hashlib  # not on the way of commands that speak English

    return hashlib.sha256(data).hexdigest()


def compile_catalogue(language: str) -> Path:
    """Write the compiled copy of a language's catalogue (``scripts/compile-messages.py``);
    raises ``CatalogError`` (via the PO reader) when the ``.po`` cannot be read."""
    from .pofile import load_po

    path = catalogue_path(language)
    data = path.read_bytes()
    po = load_po(path)  # raises with file and line; _parse_catalogue would only warn
    messages, plural_forms = _messages_of(po)
    header = "Content-Type: text/plain; charset=UTF-8\n"
    if po.metadata.get("Language"):
        header += f"Language: {po.metadata['Language']}\n"
    if plural_forms:
        header += f"Plural-Forms: {plural_forms}\n"
    header += f"{_DIGEST_HEADER}: {_digest(data)}\n"
    plurals = {e.msgid: e.msgid_plural for e in po if e.msgid_plural and not e.obsolete}
    pairs = [("", header)]
    for msgid, text in messages.items():
        if isinstance(text, tuple):
            pairs.append((f"{msgid}\0{plurals[msgid]}", "\0".join(text)))
        else:
            pairs.append((msgid, text))
    encoded = sorted((k.encode("utf-8"), v.encode("utf-8")) for k, v in pairs)
    count = len(encoded)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    strings_at = translations_at + count * 8
    tables: list[int] = []
    blob = bytearray()
    for index in (0, 1):
        for pair in encoded:
            tables += [len(pair[index]), strings_at + len(blob)]
            blob += pair[index] + b"\0"
    out = struct.pack("<7I", _MO_MAGIC, 0, count, originals_at, translations_at, 0, strings_at)
    from .fsutil import atomic_write_bytes  # fsutil imports this module

    target = compiled_path(language)
    # Whole or not at all: a copy cut short keeps its header (the first string) and
    # would pass for the .po it was made from.
    atomic_write_bytes(target, out + struct.pack(f"<{len(tables)}I", *tables) + bytes(blob))
    return target


def _read_compiled(
    path: Path, digest: str
) -> tuple[dict[str, str | tuple[str, ...]], str | None] | None:
    """The messages and Plural-Forms of a compiled copy made from the ``.po`` with
    ``digest``; None when there is none, it was made from other bytes or is damaged."""
    try:
        data = path.read_bytes()
        magic, _revision, count, originals, translations = struct.unpack_from("<5I", data)
        if magic != _MO_MAGIC:
            return None
        entries = list(
            zip(
                _mo_strings(data, originals, count),
                _mo_strings(data, translations, count),
                strict=True,
            )
        )
    except (OSError, struct.error, UnicodeDecodeError):
        return None
    headers = dict(
        line.split(": ", 1)
        for msgid, text in entries
        if not msgid
        for line in text.splitlines()
        if ": " in line
    )
    if headers.get(_DIGEST_HEADER) != digest:
        return None
    messages: dict[str, str | tuple[str, ...]] = {}
    for msgid, text in entries:
        if not msgid:
            continue
        if "\0" in msgid:
            messages[msgid.split("\0", 1)[0]] = tuple(text.split("\0"))
        else:
            messages[msgid] = text
    return messages, headers.get("Plural-Forms")


def _mo_strings(data: bytes, table: int, count: int) -> list[str]:
    """The ``count`` strings of a ``.mo`` table of (length, offset) at ``table``; a string
    that runs past the end of the file (a copy cut short) is an error, not a shorter text."""
    values = struct.unpack_from(f"<{2 * count}I", data, table)
    strings = []
    for length, offset in zip(values[::2], values[1::2], strict=True):
        if offset + length > len(data):
            raise struct.error("a string runs past the end of the file")
        strings.append(data[offset : offset + length].decode("utf-8"))
    return strings


def _plural_rule(header: str | None) -> Callable[[int], int] | None:
    if not header:
        return None
    from gettext import c2py

    from .languages import plural_expression

    try:
        return c2py(plural_expression(header)[1])
    except Exception:  # LanguageError, ValueError …: an unreadable header, the English rule
        return None


def gettext_in(language: str, message: str) -> str:
    """``message`` in ``language``; the English msgid when there is no translation."""
    found = _catalogue(language).messages.get(message)
    if isinstance(found, str):
        return found
    base = language.split("_")[0]
    if base != language:
        return gettext_in(base, message)
    return message


def _(message: str) -> str:
    """``message`` in the chosen language (English when it has no translation)."""
    if _current == SOURCE_LANGUAGE:
        return message
    return gettext_in(_current, message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a message for the catalogue; ``_()`` translates it where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - like N_
    """Mark a message with a plural form for the catalogue; ``ngettext()`` translates it."""
    return singular, plural


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for the number ``n``, in the chosen language.

    >>> ngettext("{count} file", "{count} files", 2).format(count=2)
    '2 files'
    """
    language = _current
    while language != SOURCE_LANGUAGE:
        catalogue = _catalogue(language)
        forms = catalogue.messages.get(singular)
        if isinstance(forms, tuple):
            index = int(catalogue.plural(n))
            if 0 <= index < len(forms):
                return forms[index]
        base = language.split("_")[0]
        if base == language:
            break
        language = base
    return singular if n == 1 else plural


def language_name(code: str) -> str:
    """The name of language ``code`` in the chosen language: 'German', 'Deutsch'.

    >>> with use_language("de"):
    ...     language_name("uk"), language_name("ar")
    ('Ukrainisch', 'Arabisch')
    """
    return _language_name(code, _current)


@lru_cache(maxsize=256)
def _language_name(code: str, language: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(Locale.parse(language)) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


def clear_cache() -> None:
    """Read the catalogues again (after a test wrote one)."""
    available_languages.cache_clear()
    _read_catalogue.cache_clear()
