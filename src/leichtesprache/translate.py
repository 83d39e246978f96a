"""Stage 3: one publication in one language, translated and with facts filled in, as a plain object.

The ``LanguageVersion`` made here is the only input of the checker, the renderer and every
edition: none of them reads the project folder or a catalogue again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

import polib

from .catalog import is_translated
from .catalogtext import CatalogText
from .errors import CatalogError, PlaceholderError, Problem, ProblemsFound
from .facts import values_for
from .i18n import _, language_name, ngettext
from .languages import Language, get_language, plural_expression
from .model import Block, Publication
from .placeholders import fill_placeholders
from .readability.text import LATIN_LETTERS, protect
from .review import NOT_REVIEWED, ReviewState, review_state, text_digest

#: A translation longer than this (and 10 times its German text) is refused as a mistake.
MAX_TRANSLATION_CHARS = 5000

_ALLOW = re.compile(r"check:\s*allow\s+(?P<body>.+)$", re.I)
_REASON_SPLIT = re.compile(r"\s+[\u2014\u2013]\s*|\s+--?\s+|:\s+")


@dataclass(frozen=True)
class BlockText:
    """One block in one language: its text as written (with placeholders) and as shown."""

    block: Block
    #: The text with ``{placeholders}``: the translation, or the source text.
    template: str
    #: The text as readers see it: facts filled in.
    text: str
    #: Where ``template`` comes from: the PO file and entry line, or the source file and line.
    file: str
    line: int | None
    #: True when the source-language text stands in for a missing translation (drafts).
    fallback: bool = False
    #: Deliberate rule exceptions for this block: rule id (or ``all``) -> reason.
    allow: Mapping[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.block.id


@dataclass(frozen=True)
class UiLabels:
    """The template labels of one language (the ``ui`` catalogue): plain, picklable data."""

    #: (msgctxt, msgid) -> translation; plurals map to a tuple of their forms.
    messages: Mapping[tuple[str | None, str], str | tuple[str, ...]]
    #: The catalogue's ``Plural-Forms`` header, if any.
    plural_forms: str | None = None
    #: The ui catalogue as shown to users, if there is one.
    file: str | None = None
    #: The source language's labels, shown where this language has none yet (drafts), so a
    #: draft mixes at most two languages, never a third (the English msgids).
    fallback: UiLabels | None = None

    @classmethod
    def from_catalog(
        cls, po: polib.POFile | None, file: str | None = None, plural_forms: str | None = None
    ) -> UiLabels:
        """The translated, non-fuzzy entries of a ui catalogue (fuzzy and empty fall through)."""
        messages: dict[tuple[str | None, str], str | tuple[str, ...]] = {}
        for entry in po or []:
            if not is_translated(entry):
                continue
            if entry.msgid_plural:
                forms = entry.msgstr_plural
                messages[(entry.msgctxt, entry.msgid)] = tuple(forms[i] for i in sorted(forms))
            else:
                messages[(entry.msgctxt, entry.msgid)] = entry.msgstr
        header = po.metadata.get("Plural-Forms") if po is not None else None
        return cls(messages, header or plural_forms, file)

    def has(self, context: str | None, message: str) -> bool:
        return (context, message) in self.messages

    def plural_index(self, n: int) -> int:
        return _plural_function(self.plural_forms)(n)

    def lookup(self, context: str | None, message: str) -> str | None:
        """The label in this language, else in the fallback language, else None."""
        found = self.messages.get((context, message))
        if isinstance(found, str):
            return found
        return self.fallback.lookup(context, message) if self.fallback is not None else None

    def lookup_plural(self, context: str | None, message: str, n: int) -> str | None:
        """The plural form for ``n``, from this language or else the fallback language."""
        forms = self.messages.get((context, message))
        index = self.plural_index(n)
        if isinstance(forms, tuple) and index < len(forms):
            return forms[index]
        if self.fallback is not None:
            return self.fallback.lookup_plural(context, message, n)
        return None


@lru_cache(maxsize=32)
def _plural_function(header: str | None) -> Callable[[int], int]:
    if not header:
        return lambda n: int(n != 1)
    from gettext import c2py

    rule = c2py(plural_expression(header)[1])
    return lambda n: int(rule(n))


@dataclass(frozen=True)
class LanguageVersion:
    """A publication in one language: every block's text, the ui labels, the facts used."""

    publication: Publication
    language: Language
    as_of: date
    blocks: tuple[BlockText, ...]
    ui: UiLabels
    #: Placeholder key -> formatted value, as filled into the texts.
    facts: Mapping[str, str]
    #: The catalogue the translations come from; None for the source language.
    catalog: str | None
    #: Ids of blocks with no usable translation (untranslated, fuzzy or out of date).
    missing: tuple[str, ...] = ()
    #: Template labels (msgids) the ui catalogue does not translate.
    ui_missing: tuple[str, ...] = ()
    #: Translations that could not be used (bad placeholders, pasted text).
    problems: tuple[Problem, ...] = ()
    #: The catalogues the texts come from, as plain data (publication and ui), for the
    #: translation checks; empty when the version was made without them.
    catalogs: tuple[CatalogText, ...] = ()
    #: Whether readers from the target group checked exactly these texts.
    review: ReviewState = NOT_REVIEWED

    @property
    def code(self) -> str:
        return self.language.code

    @property
    def is_source(self) -> bool:
        return self.catalog is None

    @property
    def draft(self) -> bool:
        """Incomplete: shown as a draft on every page, never published."""
        return bool(self.missing or self.ui_missing or self.problems)

    @cached_property
    def by_id(self) -> Mapping[str, BlockText]:
        return {b.block.id: b for b in self.blocks}

    def text(self, block_id: str) -> str:
        return self.by_id[block_id].text

    def texts(self) -> dict[str, str]:
        """Block id -> text as shown."""
        return {b.block.id: b.text for b in self.blocks}

    def checked_blocks(self) -> Iterator[BlockText]:
        """The blocks written in this language (fallback text belongs to another language)."""
        return (b for b in self.blocks if not b.fallback)

    def digest(self) -> str:
        """A fingerprint of everything a reader would see (texts, labels, facts, date shown)."""
        h = hashlib.sha256()
        for part in (
            self.publication.name,
            self.code,
            self.publication.version.isoformat(),
            repr(sorted(self.texts().items())),
            repr(sorted((repr(k), v) for k, v in self.ui.messages.items())),
            repr(self.draft),
            repr(self.review),
        ):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()


def parse_allow(*comments: str | None) -> dict[str, str]:
    """Exceptions from comment lines ``check: allow negation, passive — legal right``.

    >>> parse_allow("check: allow negation — the right itself")
    {'negation': 'the right itself'}
    """
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


def translate(
    publication: Publication,
    language: Language,
    *,
    as_of: date,
    catalog: polib.POFile | None,
    catalog_file: str | None,
    ui: UiLabels,
    ui_template: polib.POFile | None = None,
    catalogs: Sequence[CatalogText] = (),
) -> LanguageVersion:
    """Pick every block's text in ``language`` and fill in the facts valid on ``as_of``.

    ``catalog`` is the language's publication catalogue; ``None`` with ``catalog_file`` None
    means ``language`` is the source language. A block without a usable translation keeps
    the source text and is listed in ``missing``; a translation that cannot be used is
    listed in ``problems``. ``ui_template`` (the ui POT) tells which labels are missing;
    ``catalogs`` are kept for the translation checks. The review state compares the
    publication's reviews with a digest of the texts.
    """
    values = values_for(publication.facts, language.code, as_of)

    @lru_cache(maxsize=1)
    def source_values() -> Mapping[str, str]:
        # Fallback text stays wholly in the source language, its amounts and dates too.
        return values_for(publication.facts, publication.source_language, as_of)

    entries: dict[str, polib.POEntry] = {}
    if catalog is not None:
        entries = {e.msgctxt: e for e in catalog if e.msgctxt and not e.obsolete}
    is_source = catalog_file is None
    placeholder_hint = _(
        "copy the placeholders exactly as they are in the {language} text; the facts are in {file}"
    ).format(
        language=language_name(publication.source_language),
        file=f"{publication.folder}/facts.toml",
    )
    problems: list[Problem] = []
    missing: list[str] = []
    blocks: list[BlockText] = []
    for block in publication.blocks():
        allow = {rule.lower(): why for rule, why in publication.exceptions.get(block.id, ())}
        template, file, fallback = block.text, block.file, False
        line: int | None = block.line
        if not is_source:
            entry = entries.get(block.id)
            if entry is None or entry.msgid != block.text or not is_translated(entry):
                missing.append(block.id)
                fallback = True
            else:
                template, file, line = entry.msgstr, str(catalog_file), entry.linenum
                allow.update(parse_allow(entry.tcomment))
                if len(template) > max(MAX_TRANSLATION_CHARS, 10 * len(block.text)):
                    problems.append(
                        Problem(
                            _(
                                "the translation of '{id}' is {length} characters long, far "
                                "longer than the {language} text ({source_length})"
                            ).format(
                                id=block.id,
                                length=len(template),
                                language=language_name(publication.source_language),
                                source_length=len(block.text),
                            ),
                            file,
                            line,
                            hint=_("check the entry: it may contain pasted text by mistake"),
                        )
                    )
                    template, fallback = block.text, True
        try:
            shown = source_values() if fallback else values
            text = fill_placeholders(
                template, shown, where=Problem("", file, line), hint=placeholder_hint
            )
        except PlaceholderError as exc:
            problems.extend(exc.problems)
            template, fallback = block.text, True
            text = fill_placeholders(block.text, source_values())
        blocks.append(BlockText(block, template, text, file, line, fallback, allow))
    ui_missing = tuple(
        e.msgid for e in (ui_template or []) if not e.obsolete and not ui.has(e.msgctxt, e.msgid)
    )
    digest = review_digest(blocks)
    return LanguageVersion(
        publication,
        language,
        as_of,
        tuple(blocks),
        ui,
        values,
        catalog_file if not is_source else None,
        tuple(missing),
        ui_missing,
        tuple(problems),
        tuple(catalogs),
        review_state(publication.reviews, language.code, digest),
    )


def review_digest(blocks: Sequence[BlockText]) -> str:
    """The fingerprint of a version's texts that a review by readers is recorded for."""
    return text_digest((b.block, b.template, b.fallback) for b in blocks)


def require_complete(version: LanguageVersion) -> None:
    """Refuse a language that is not ready to publish (the build without --allow-partial)."""
    code = version.code
    po_file = version.catalog or ""
    if version.missing:
        count = len(version.missing)
        raise ProblemsFound(
            ngettext(
                "'{code}' is not complete: {count} message is untranslated, fuzzy or out of date",
                "'{code}' is not complete: {count} messages are untranslated, fuzzy or out of date",
                count,
            ).format(code=code, count=count),
            file=po_file,
            hint=_(
                "finish them in Poedit (run `leichtesprache status`), "
                "or build a draft with --allow-partial"
            ),
        )
    if version.ui_missing:
        count = len(version.ui_missing)
        raise ProblemsFound(
            ngettext(
                "'{code}': {count} template text is not translated",
                "'{code}': {count} template texts are not translated",
                count,
            ).format(code=code, count=count),
            file=version.ui.file or f"locale/{code}/LC_MESSAGES/ui.po",
            hint=_("translate them, or build a draft with --allow-partial"),
        )
    if version.problems:
        count = len(version.problems)
        raise CatalogError.from_problems(
            list(version.problems),
            ngettext(
                "'{code}': {count} translation cannot be used:",
                "'{code}': {count} translations cannot be used:",
                count,
            ).format(code=code, count=count),
        )


def quoted_source_terms(version: LanguageVersion) -> tuple[str, ...]:
    """The source language's word-book terms and contact names that a translation may
    quote, each with and without Mediopunkt. A word-book term counts where the translation
    gives it another name ("Aufenthalts·erlaubnis" is "Residence permit" in English, and
    the English definition ends "In German, this is called: Aufenthaltserlaubnis."); a
    term a translation in the same script keeps ("Minijob", "Jobcenter" in English) is a
    loanword of that language, not a quotation; in another script ("Duldung" in a Russian
    text) it is a quotation too. A contact's name is the name of a German office or
    group, kept or quoted ("Deutscher Gewerkschaftsbund", "Zoll"). A translation in
    another script also quotes what it copies from the German texts in Latin letters
    (``copied_source_names``: "Bundesamt für Soziale Sicherung"). Empty for the source."""
    source_language = version.publication.source_language
    if version.code == source_language:
        return ()
    same_script = version.language.script == get_language(source_language).script
    forms: set[str] = set()
    for b in version.blocks:
        if b.block.kind not in ("glossary_term", "contact_name") or b.fallback:
            continue
        source = " ".join(b.block.text.split())
        renamed = _folded(source) != _folded(b.text)
        if b.block.kind == "contact_name" or not same_script or renamed:
            forms.update((source, source.replace("·", "")))
    if not same_script:
        forms.update(name for b in version.blocks for name in copied_source_names(version, b))
    return tuple(sorted(forms))


def _folded(term: str) -> str:
    return " ".join(term.replace("·", "").casefold().split())


#: A run of words in Latin letters ("Bundesamt für Soziale Sicherung", "Minijob-Zentrale").
_LATIN_WORD = f"[{LATIN_LETTERS}](?:[{LATIN_LETTERS}·'’\\-]*[{LATIN_LETTERS}])?"
_LATIN_RUN = re.compile(f"{_LATIN_WORD}(?: {_LATIN_WORD})*")


def copied_source_names(version: LanguageVersion, block: BlockText) -> tuple[str, ...]:
    """The runs of Latin words that a translation in another script copies from the
    block's German text: names of offices and laws the reader meets in German ("Тогда
    подайте заявление в ведомство Bundesamt für Soziale Sicherung." — the German text
    says "beim Bundesamt für Soziale Sicherung"). Empty unless the source language is
    written in Latin letters and the translation is not; a Latin word the German text of
    the block does not have ("WhatsApp") is not taken for German."""
    source_language = version.publication.source_language
    if version.code == source_language or block.fallback:
        return ()
    if get_language(source_language).script != "Latn" or version.language.script == "Latn":
        return ()
    if _LATIN_RUN.search(block.template) is None:  # most blocks: nothing to mask
        return ()
    # Placeholders, web and e-mail addresses and phone numbers hold Latin letters without
    # being words ("{minimum_wage_from}", "www.bmas.de"): masked as the checker masks them.
    translation = protect(block.template)[0]
    runs = [r for r in dict.fromkeys(m[0] for m in _LATIN_RUN.finditer(translation)) if len(r) >= 3]
    if not runs:
        return ()
    source = protect(block.block.text)[0].replace("·", "")
    return tuple(
        run
        for run in runs
        if re.search(rf"(?<![\w-]){re.escape(run.replace('·', ''))}(?![\w-])", source)
    )
