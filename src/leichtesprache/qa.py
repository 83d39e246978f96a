"""Translation QA: what translators break in a catalogue, reported as the checker's findings.

Every confirmed translation (not fuzzy, not empty) of a language's catalogues, the
publication's and the ui labels', is compared with its source text: placeholders, numbers
and dates, web and e-mail addresses, Markdown, whitespace, bidi controls, unchanged text,
plural forms and the term list. Each finding names the catalogue, the entry's line and its
msgctxt, in the same form as the easy-language findings (DESIGN §8).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from gettext import c2py
from typing import NamedTuple

from .catalogtext import CatalogEntry, CatalogText
from .errors import LanguageError
from .i18n import _, language_name
from .languages import Language, plural_expression, plural_forms_for
from .model import Block
from .qa_figures import figures, web_addresses
from .qa_rules import RULES, TEXT_RULES, TranslatedEntry, allowed, finding, kept_words
from .readability.model import Finding
from .terms import Term, TermText
from .translate import MAX_TRANSLATION_CHARS, LanguageVersion

#: Every rule on one entry, in the order findings are listed.
ENTRY_RULES = (TEXT_RULES[0], figures, web_addresses, *TEXT_RULES[1:])
#: Plural expressions are compared on 0 … this number (and a few large ones).
PLURAL_SAMPLES = (*range(1200), 10_000, 100_000, 1_000_000, 1_000_001)

__all__ = ["RULES", "check_catalog", "check_translations"]


def check_translations(version: LanguageVersion) -> list[Finding]:
    """The QA findings of every catalogue of ``version`` (and the source's term list)."""
    publication = version.publication
    blocks = {b.id: b for b in publication.blocks()}
    allow = {b.block.id: b.allow for b in version.blocks}
    terms = publication.terms.get(version.code, ())
    findings: list[Finding] = []
    for catalog in version.catalogs:
        own = catalog.domain == publication.name
        findings += check_catalog(
            catalog,
            version.language,
            blocks=blocks if own else {},
            allow=allow if own else {},
            terms=terms if own else (),
        )
    if version.is_source:
        phrases = _Phrases.of(terms)  # check_catalog takes them from ``terms`` itself
        for block_text in version.blocks:
            block = block_text.block
            findings += _avoided_terms(
                block.text,
                terms,
                version.code,
                block.file,
                block.line,
                block.id,
                block_text.allow,
                phrases,
            )
    return findings


def check_catalog(
    catalog: CatalogText,
    language: Language,
    *,
    blocks: Mapping[str, Block] | None = None,
    allow: Mapping[str, Mapping[str, str]] | None = None,
    terms: tuple[Term, ...] = (),
) -> list[Finding]:
    """Findings of one catalogue: its plural header, then each translated entry."""
    findings = list(_plural_header(catalog, language))
    kept = kept_words(terms)
    phrases = _Phrases.of(terms)
    for entry in catalog.entries:
        if entry.fuzzy or not entry.has_translation:
            continue
        longest = max([entry.msgstr, *entry.msgstr_plural], key=len)
        if len(longest) > max(MAX_TRANSLATION_CHARS, 10 * len(entry.msgid)):
            findings.append(_too_long(catalog, entry, longest))
            continue  # pasted text: the build does not use it, the rules need not read it
        block = (blocks or {}).get(entry.context or "")
        entry_allow = (allow or {}).get(entry.context or "", {})
        kind = block.kind if block is not None else None
        if entry.msgid_plural:
            findings += _plural_entry(catalog, entry, language)
            pairs = [(entry.msgid_plural, form) for form in entry.msgstr_plural if form]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            item = TranslatedEntry(catalog, entry, language, source, text, kind, entry_allow, kept)
            for rule in ENTRY_RULES:
                findings.extend(allowed(f, entry_allow) for f in rule(item))
        if terms and not entry.msgid_plural:
            findings += _term_findings(catalog, entry, language, terms, phrases, entry_allow)
    return findings


# --- plural forms ------------------------------------------------------------------------------


def _plural_header(catalog: CatalogText, language: Language) -> Iterator[Finding]:
    """The header's plural rule must choose the same form as CLDR (GNU for ar and ru)."""
    expected = plural_forms_for(language.code)
    header = catalog.plural_forms
    problem = None
    if not header:
        problem = _("The catalogue has no Plural-Forms header.")
    else:
        try:
            difference = _plural_difference(header, expected)
        except (LanguageError, ValueError, SyntaxError, ZeroDivisionError, RecursionError):
            problem = _("The Plural-Forms header cannot be read: {header}").format(header=header)
        else:
            problem = _plural_message(difference, language)
    if problem:
        yield Finding(
            "translation-plural",
            "error",
            problem,
            catalog.file,
            1,
            None,
            header or "",
            0,
            0,
            _("Write this header line (at the top of the file): {header}").format(
                header=f"Plural-Forms: {expected}"
            ),
        )


def _too_long(catalog: CatalogText, entry: CatalogEntry, text: str) -> Finding:
    return Finding(
        "translation-length",
        RULES["translation-length"],
        _(
            "The translation is {length} characters long, far longer than the source text "
            "({source_length})."
        ).format(length=len(text), source_length=len(entry.msgid)),
        catalog.file,
        entry.line,
        entry.context,
        text[:200],
        0,
        0,
        _("Check the entry: it may hold pasted text by mistake."),
    )


@lru_cache(maxsize=64)
def _plural_difference(header: str, expected: str) -> tuple[int, int, int, int] | None:
    """(n, form chosen, form wanted, forms declared) where ``header`` chooses another form
    than ``expected``, by evaluation; None if never.

    The number of forms may differ only in forms no whole number reaches (the Russian
    header with 4 forms that Django and Transifex write is the same rule as GNU's 3).
    """
    count, expression = plural_expression(header)
    wanted = plural_expression(expected)[1]
    rule, reference = c2py(expression), c2py(wanted)
    for n in PLURAL_SAMPLES:
        got, want = int(rule(n)), int(reference(n))
        if got != want or got >= count:
            return n, got, want, count
    return None


def _plural_message(difference: tuple[int, int, int, int] | None, language: Language) -> str | None:
    if difference is None:
        return None
    n, got, want, count = difference
    if got != want:
        return _(
            "The Plural-Forms header chooses form {got} for n = {n}; {language} uses form {want}."
        ).format(got=got, n=n, language=language_name(language.code), want=want)
    return _(
        "The Plural-Forms header chooses form {got} for n = {n}, but declares only {count} forms."
    ).format(got=got, n=n, count=count)


def _plural_entry(
    catalog: CatalogText, entry: CatalogEntry, language: Language
) -> Iterator[Finding]:
    header = catalog.plural_forms or plural_forms_for(language.code)
    try:
        count = plural_expression(header)[0]
    except LanguageError:
        count = language.nplurals
    forms = entry.msgstr_plural
    empty = [str(i) for i, form in enumerate(forms) if not form]
    problem = None
    if len(forms) != count:
        problem = _("The message has {found} plural forms; {language} has {count}.").format(
            found=len(forms), language=language_name(language.code), count=count
        )
    elif empty:
        problem = _("Plural forms {forms} of {count} are empty.").format(
            forms=", ".join(empty), count=count
        )
    if problem:
        yield Finding(
            "translation-plural",
            "error",
            problem,
            catalog.file,
            entry.line,
            entry.context,
            " | ".join(forms),
            0,
            0,
            _("Fill in every plural form (Poedit shows one tab per form)."),
        )


# --- term lists ------------------------------------------------------------------------------


def _term_findings(
    catalog: CatalogText,
    entry: CatalogEntry,
    language: Language,
    terms: tuple[Term, ...],
    phrases: _Phrases,
    allow: Mapping[str, str],
) -> Iterator[Finding]:
    code = language.code
    text = TermText(entry.msgstr, code)
    source = _source_terms(entry.msgid, catalog.source_language)
    item = TranslatedEntry(catalog, entry, language, entry.msgid, entry.msgstr, None, allow)
    yield from _avoided_terms(
        entry.msgstr, terms, code, catalog.file, entry.line, entry.context, allow, phrases, text
    )
    in_source = source.candidates(phrases.source)
    if not in_source:
        return
    in_text = text.candidates(phrases.use)
    for term in terms:
        if not term.use or term.source not in in_source or source.find(term.source) is None:
            continue
        if any(use in in_text and text.find(use) is not None for use in term.use):
            continue
        uses = " / ".join(f"“{u}”" for u in term.use)
        note = f" ({term.note})" if term.note else ""
        yield allowed(
            finding(
                "term-use",
                item,
                _(
                    "The {source} text has “{term}”; the term list for {language} asks for "
                    "{uses}, and the translation does not use it."
                ).format(
                    source=item.source_name,
                    term=term.source,
                    language=item.language_name,
                    uses=uses,
                ),
                _("Use {uses} for “{term}”{note} — {file}.").format(
                    uses=uses, term=term.source, note=note, file=term.file
                ),
            ),
            allow,
        )


class _Phrases(NamedTuple):
    """The phrases of a term list, by role: looked up in each text at once
    (``TermText.candidates``), so ``find`` runs only for those that may stand there."""

    source: tuple[str, ...]
    use: tuple[str, ...]
    avoid: tuple[str, ...]

    @classmethod
    def of(cls, terms: tuple[Term, ...]) -> _Phrases:
        return cls(
            tuple(term.source for term in terms),
            tuple(phrase for term in terms for phrase in term.use),
            tuple(phrase for term in terms for phrase in term.avoid),
        )


@lru_cache(maxsize=8192)
def _source_terms(text: str, language: str) -> TermText:
    """The source text split for term lookups, once for all the languages that translate
    it (a build checks them one after the other)."""
    return TermText(text, language)


def _avoided_terms(
    text: str,
    terms: tuple[Term, ...],
    code: str,
    file: str,
    line: int | None,
    context: str | None,
    allow: Mapping[str, str],
    phrases: _Phrases,
    prepared: TermText | None = None,
) -> Iterator[Finding]:
    prepared = prepared or TermText(text, code)
    present = prepared.candidates(phrases.avoid)
    if not present:
        return
    name = language_name(code)
    for term in terms:
        for avoid in term.avoid:
            span = prepared.find(avoid) if avoid in present else None
            if span is None:
                continue
            uses = " / ".join(f"“{u}”" for u in term.use) or _("another word")
            note = f" ({term.note})" if term.note else ""
            finding = Finding(
                "term-avoid",
                "error",
                _(
                    "“{word}” is on the term list's avoid list for {language} (for “{term}”)."
                ).format(word=text[span[0] : span[1]], language=name, term=term.source),
                file,
                line,
                context,
                text,
                span[0],
                span[1],
                _("Write {uses} instead{note} — {file}.").format(
                    uses=uses, note=note, file=term.file
                ),
            )
            yield allowed(finding, allow)
