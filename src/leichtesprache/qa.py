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

from .catalogtext import CatalogEntry, CatalogText
from .errors import LanguageError
from .languages import Language, get_language, plural_expression, plural_forms_for
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
        for block_text in version.blocks:
            block = block_text.block
            findings += _avoided_terms(
                block.text, terms, version.code, block.file, block.line, block.id, block_text.allow
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
            findings += _term_findings(catalog, entry, language, terms, entry_allow)
    return findings


# --- plural forms ------------------------------------------------------------------------------


def _plural_header(catalog: CatalogText, language: Language) -> Iterator[Finding]:
    """The header's plural rule must choose the same form as CLDR (GNU for ar and ru)."""
    expected = plural_forms_for(language.code)
    header = catalog.plural_forms
    problem = None
    if not header:
        problem = "The catalogue has no Plural-Forms header."
    else:
        try:
            problem = _plural_difference(header, expected, language.english_name)
        except (LanguageError, ValueError, SyntaxError, ZeroDivisionError, RecursionError):
            problem = f"The Plural-Forms header cannot be read: {header}"
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
            f"Write this header line (at the top of the file): Plural-Forms: {expected}",
        )


def _too_long(catalog: CatalogText, entry: CatalogEntry, text: str) -> Finding:
    return Finding(
        "translation-length",
        RULES["translation-length"],
        f"The translation is {len(text)} characters long, far longer than the source text "
        f"({len(entry.msgid)}).",
        catalog.file,
        entry.line,
        entry.context,
        text[:200],
        0,
        0,
        "Check the entry: it may hold pasted text by mistake.",
    )


@lru_cache(maxsize=64)
def _plural_difference(header: str, expected: str, name: str) -> str | None:
    """How ``header`` chooses another form than ``expected``, by evaluation; None if never.

    The number of forms may differ only in forms no whole number reaches (the Russian
    header with 4 forms that Django and Transifex write is the same rule as GNU's 3).
    """
    count, expression = plural_expression(header)
    _, wanted = plural_expression(expected)
    rule, reference = c2py(expression), c2py(wanted)
    for n in PLURAL_SAMPLES:
        got, want = int(rule(n)), int(reference(n))
        if got != want:
            return (
                f"The Plural-Forms header chooses form {got} for n = {n}; {name} uses form {want}."
            )
        if got >= count:
            return (
                f"The Plural-Forms header chooses form {got} for n = {n}, "
                f"but declares only {count} forms."
            )
    return None


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
        problem = f"The message has {len(forms)} plural forms; {language.english_name} has {count}."
    elif empty:
        problem = f"Plural form(s) {', '.join(empty)} of {count} are empty."
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
            "Fill in every plural form (Poedit shows one tab per form).",
        )


# --- term lists ------------------------------------------------------------------------------


def _term_findings(
    catalog: CatalogText,
    entry: CatalogEntry,
    language: Language,
    terms: tuple[Term, ...],
    allow: Mapping[str, str],
) -> Iterator[Finding]:
    code = language.code
    text = TermText(entry.msgstr, code)
    source = TermText(entry.msgid, catalog.source_language)
    item = TranslatedEntry(catalog, entry, language, entry.msgid, entry.msgstr, None, allow)
    yield from _avoided_terms(
        entry.msgstr, terms, code, catalog.file, entry.line, entry.context, allow, text
    )
    for term in terms:
        if not term.use or source.find(term.source) is None:
            continue
        if any(text.find(use) is not None for use in term.use):
            continue
        uses = " or ".join(f"“{u}”" for u in term.use)
        yield allowed(
            finding(
                "term-use",
                item,
                f"The {item.source_name} text has “{term.source}”; the term list for "
                f"{language.english_name} asks for {uses}, and the translation does not "
                "use it.",
                f"Use {uses} for “{term.source}”"
                + (f" ({term.note})" if term.note else "")
                + f" — {term.file}.",
            ),
            allow,
        )


def _avoided_terms(
    text: str,
    terms: tuple[Term, ...],
    code: str,
    file: str,
    line: int | None,
    context: str | None,
    allow: Mapping[str, str],
    prepared: TermText | None = None,
) -> Iterator[Finding]:
    prepared = prepared or TermText(text, code)
    name = get_language(code).english_name
    for term in terms:
        for avoid in term.avoid:
            span = prepared.find(avoid)
            if span is None:
                continue
            uses = " or ".join(f"“{u}”" for u in term.use) or "another word"
            finding = Finding(
                "term-avoid",
                "error",
                f"“{text[span[0] : span[1]]}” is on the term list's avoid list for {name} "
                f"(for “{term.source}”).",
                file,
                line,
                context,
                text,
                span[0],
                span[1],
                f"Write {uses} instead"
                + (f" ({term.note})" if term.note else "")
                + f" — {term.file}.",
            )
            yield allowed(finding, allow)
