"""A catalogue as plain data: what the translation checks look at, with lines and contexts.

Made once when the project is read (``Workspace``) and carried by the language version, so
``check`` and ``build`` judge exactly the catalogue they read, without reading it again.
"""

from __future__ import annotations

from dataclasses import dataclass

import polib


@dataclass(frozen=True)
class CatalogEntry:
    """One message of a catalogue (obsolete entries are left out)."""

    context: str | None
    msgid: str
    msgid_plural: str
    msgstr: str
    #: The plural forms in index order; empty for a message without plural.
    msgstr_plural: tuple[str, ...]
    #: The entry's first line in the file (comments included).
    line: int | None
    flags: tuple[str, ...]

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def has_translation(self) -> bool:
        """Something was written (not necessarily complete or confirmed)."""
        return bool(self.msgstr or any(self.msgstr_plural))


@dataclass(frozen=True)
class CatalogText:
    """The entries and plural header of one catalogue, with where it is and what it holds."""

    #: The catalogue as users see it (``locale/en/LC_MESSAGES/minijob.po``).
    file: str
    #: ``ui`` or the publication name.
    domain: str
    #: The language of the msgids: the publication's source language, English for ``ui``.
    source_language: str
    #: The ``Plural-Forms`` header as written, or None.
    plural_forms: str | None
    entries: tuple[CatalogEntry, ...]

    @classmethod
    def of(cls, po: polib.POFile, file: str, domain: str, source_language: str) -> CatalogText:
        entries = tuple(
            CatalogEntry(
                e.msgctxt,
                e.msgid,
                e.msgid_plural or "",
                e.msgstr or "",
                tuple(e.msgstr_plural[i] for i in sorted(e.msgstr_plural)),
                e.linenum,
                tuple(e.flags),
            )
            for e in po
            if not e.obsolete
        )
        return cls(file, domain, source_language, po.metadata.get("Plural-Forms"), entries)
