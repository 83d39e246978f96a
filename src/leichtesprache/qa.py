"""Translation QA: what translators break in a catalogue, reported as the checker's findings.

Every confirmed translation (not fuzzy, not empty) of a language's catalogues, the
publication's and the ui labels', is compared with its source text: placeholders, numbers
and dates, web and e-mail addresses, Markdown, whitespace, bidi controls, unchanged text,
plural forms and the term list. Each finding names the catalogue, the entry's line and its
msgctxt, in the same form as the easy-language findings (DESIGN §8).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from gettext import c2py

from .catalogtext import CatalogEntry, CatalogText
from .errors import LanguageError
from .languages import Language, get_language, plural_expression, plural_forms_for
from .model import Block
from .qa_numbers import (
    Number,
    addresses,
    allowed_zeros,
    mask,
    months_in,
    numbers,
    optional_values,
    says_number,
)
from .readability.model import Finding
from .terms import Term, TermText
from .translate import LanguageVersion

#: Rule id -> severity. Errors stop ``check`` and ``build``; warnings ask for a look.
RULES: dict[str, str] = {
    "translation-placeholder": "error",
    "translation-number": "error",
    "translation-address": "error",
    "translation-bidi": "error",
    "translation-plural": "error",
    "term-avoid": "error",
    "translation-markup": "warning",
    "translation-whitespace": "warning",
    "translation-unchanged": "warning",
    "term-use": "warning",
}
#: Rules a translator comment or exceptions.toml may allow (``check: allow … — reason``);
#: the others always break the brochure.
ALLOWABLE = frozenset(
    {"translation-number", "translation-markup", "translation-whitespace"}
    | {"translation-unchanged", "term-avoid", "term-use"}
)
#: Block kinds that are names: kept as they are on purpose ("Zoll", "Faire Mobilität").
NAME_KINDS = frozenset({"contact_name", "glossary_term"})
#: A word at least this frequent (wordfreq Zipf) in the target language may stay as it is
#: ("Page" and "Notes" are French words too).
COMMON_WORD_ZIPF = 3.0
#: Plural expressions are compared on 0 … this number (and a few large ones).
PLURAL_SAMPLES = (*range(1200), 10_000, 100_000, 1_000_000, 1_000_001)

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%\(\w+\)[sd]|%[sd]")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)")
_CURRENCY = re.compile(r"\s*(?:€|euro|евро|يورو|eur\b)", re.I)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Entry:
    """What every rule needs to know about one translated entry."""

    catalog: CatalogText
    entry: CatalogEntry
    language: Language
    #: Source text and translation compared (for a plural: the plural msgid and a form).
    source: str
    text: str
    kind: str | None
    allow: Mapping[str, str]
    #: Words the term list keeps as they are in this language (use = the source term).
    kept: frozenset[str] = frozenset()

    @property
    def source_name(self) -> str:
        return get_language(self.catalog.source_language).english_name


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
    kept = _kept_words(terms)
    for entry in catalog.entries:
        if entry.fuzzy or not entry.has_translation:
            continue
        block = (blocks or {}).get(entry.context or "")
        entry_allow = (allow or {}).get(entry.context or "", {})
        kind = block.kind if block is not None else None
        if entry.msgid_plural:
            findings += _plural_entry(catalog, entry, language)
            pairs = [(entry.msgid_plural, form) for form in entry.msgstr_plural if form]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, text in pairs:
            item = _Entry(catalog, entry, language, source, text, kind, entry_allow, kept)
            for rule in ENTRY_RULES:
                findings.extend(_allowed(f, entry_allow) for f in rule(item))
        if terms and not entry.msgid_plural:
            findings += _term_findings(catalog, entry, language, terms, entry_allow)
    return findings


def _finding(
    rule: str,
    item: _Entry,
    message: str,
    suggestion: str | None,
    start: int = 0,
    end: int = 0,
) -> Finding:
    return Finding(
        rule,
        RULES[rule],
        message,
        item.catalog.file,
        item.entry.line,
        item.entry.context,
        item.text,
        start,
        end,
        suggestion,
    )


def _allowed(finding: Finding, allow: Mapping[str, str]) -> Finding:
    """A deliberate exception turns an allowable finding into a note with its reason."""
    reason = allow.get(finding.rule) or allow.get("all")
    if reason is None or finding.rule not in ALLOWABLE:
        return finding
    return Finding(
        finding.rule,
        "info",
        f"{finding.message} Allowed: {reason}",
        finding.file,
        finding.line,
        finding.context,
        finding.text,
        finding.start,
        finding.end,
        finding.suggestion,
    )


# --- rules on one entry ----------------------------------------------------------------------


def placeholders(item: _Entry) -> Iterator[Finding]:
    """Placeholders identical to the source: none missing, none added, none misspelt."""
    wanted = set(_PLACEHOLDER.findall(item.source))
    found = [(m.group(0), m.start(), m.end()) for m in _PLACEHOLDER.finditer(item.text)]
    missing = sorted(wanted - {f[0] for f in found})
    source = item.source_name
    for name, start, end in found:
        if name in wanted:
            continue
        close = difflib.get_close_matches(name, missing, n=1, cutoff=0.6)
        if close:
            missing.remove(close[0])
            yield _finding(
                "translation-placeholder",
                item,
                f"The placeholder {name} is misspelt: the {source} text has {close[0]}.",
                f"Write {close[0]} exactly as in the {source} text.",
                start,
                end,
            )
        else:
            yield _finding(
                "translation-placeholder",
                item,
                f"The translation has the placeholder {name}, which the {source} text "
                "does not have.",
                f"Remove {name}; use only the placeholders of the {source} text.",
                start,
                end,
            )
    for name in missing:
        yield _finding(
            "translation-placeholder",
            item,
            f"The placeholder {name} of the {source} text is missing in the translation.",
            f"Copy {name} into the translation where the amount or date belongs; the "
            "tool fills it in. Do not write the number yourself.",
        )
    stray = re.search(r"[{}]", _PLACEHOLDER.sub("", item.text))
    if stray and not re.search(r"[{}]", _PLACEHOLDER.sub("", item.source)):
        yield _finding(
            "translation-placeholder",
            item,
            f"The translation has a lone '{stray.group(0)}': a placeholder is broken.",
            f"Copy the placeholders exactly from the {source} text, with both braces.",
            stray.start(),
            stray.end(),
        )


def figures(item: _Entry) -> Iterator[Finding]:
    """Numbers, amounts, phone numbers and dates of the source, in the translation."""
    code, source_code = item.language.code, item.catalog.source_language
    ours, theirs = numbers(item.source, source_code), numbers(item.text, code)
    source = item.source_name
    mine = {n.value for n in theirs}
    wanted = {n.value for n in ours}
    missing = _unique(
        n
        for n in ours
        if n.value not in mine
        and (n.phone or n.value not in optional_values(code))
        and (n.phone or not says_number(item.text, n.value, code))
    )
    extra = _unique(
        n
        for n in theirs
        if n.value not in wanted
        and (n.phone or n.value not in optional_values(source_code))
        and (n.phone or not says_number(item.source, n.value, source_code))
    )
    if len(missing) == 1 and len(extra) == 1:
        was, now = missing[0], extra[0]
        yield _finding(
            "translation-number",
            item,
            f"The {source} text has {_what(was, item.source)} {was.text}, the translation "
            f"has {now.text} instead.",
            f"Write {was.text} in the translation, in the way numbers are written in "
            f"{item.language.english_name}.",
            now.start,
            now.end,
        )
    else:
        for n in missing:
            yield _finding(
                "translation-number",
                item,
                f"{_what(n, item.source).capitalize()} {n.text} of the {source} text is "
                "missing in the translation.",
                f"Keep {n.text} in the translation (in the way numbers are written in "
                f"{item.language.english_name}).",
            )
        lost = sorted(set(_PLACEHOLDER.findall(item.source)) - set(_PLACEHOLDER.findall(item.text)))
        for n in extra:
            yield _finding(
                "translation-number",
                item,
                f"The translation has {_what(n, item.text)} {n.text}, which the {source} "
                "text does not have.",
                f"Write the placeholder {' or '.join(lost)} instead: the tool fills in the "
                "amount or date that is valid."
                if lost
                else f"Write only the numbers of the {source} text.",
                n.start,
                n.end,
            )
    allowed = allowed_zeros(code)
    for n in theirs:
        if len(n.zeros) > 1 or not n.zeros <= allowed:
            yield _finding(
                "translation-number",
                item,
                f"The number {n.text} is written with digits that are not used for "
                f"{item.language.english_name} in this brochure.",
                "Write it with the digits 0-9, like the amounts the tool fills in.",
                n.start,
                n.end,
            )
    for month in sorted(
        months_in(item.source, source_code) - months_in(item.text, code, inflected=True)
    ):
        yield _finding(
            "translation-number",
            item,
            f"The {source} text names month {month} of a date; the translation does not.",
            f"Write the date with the month's name in {item.language.english_name}.",
        )


def _unique(found: Iterator[Number]) -> list[Number]:
    seen: dict[Decimal, Number] = {}
    for n in found:
        seen.setdefault(n.value, n)
    return list(seen.values())


def _what(n: Number, text: str) -> str:
    if n.phone:
        return "the phone number"
    return "the amount" if _CURRENCY.match(text, n.end) else "the number"


def web_addresses(item: _Entry) -> Iterator[Finding]:
    """Web and e-mail addresses (also link targets) exactly as in the source."""
    wanted = {a for a, _, _ in addresses(item.source)}
    found = addresses(item.text)
    source = item.source_name
    for address, start, end in found:
        if address not in wanted:
            yield _finding(
                "translation-address",
                item,
                f"The translation has the address {address}, which the {source} text does "
                "not have.",
                f"Copy the addresses of the {source} text exactly.",
                start,
                end,
            )
    for address in sorted(wanted - {a for a, _, _ in found}):
        yield _finding(
            "translation-address",
            item,
            f"The address {address} of the {source} text is missing in the translation.",
            f"Copy {address} exactly into the translation.",
        )


def markup(item: _Entry) -> Iterator[Finding]:
    """Bold, links and one sentence per line, as in the source."""
    source = item.source_name
    for what, pattern in (("bold part(s) (**…**)", _BOLD), ("link(s) ([text](address))", _LINK)):
        theirs, ours = len(pattern.findall(item.text)), len(pattern.findall(item.source))
        if theirs != ours:
            yield _finding(
                "translation-markup",
                item,
                f"The {source} text has {ours} {what}, the translation has {theirs}.",
                f"Mark the same words as in the {source} text.",
            )
    lines, wanted = item.text.strip().count("\n") + 1, item.source.strip().count("\n") + 1
    if lines < wanted:
        yield _finding(
            "translation-markup",
            item,
            f"The {source} text has {wanted} lines (one sentence per line), the translation "
            f"only {lines}: a sentence is missing or two are on one line.",
            "Write each sentence on a line of its own, as in the source text.",
        )


def whitespace(item: _Entry) -> Iterator[Finding]:
    """Spaces and line breaks at the start and the end, as in the source."""
    source = item.source_name
    for where, pattern in (("begins", r"^\s*"), ("ends", r"\s*$")):
        ours = re.search(pattern, item.source)
        theirs = re.search(pattern, item.text)
        a, b = (ours.group(0) if ours else ""), (theirs.group(0) if theirs else "")
        if a != b:
            yield _finding(
                "translation-whitespace",
                item,
                f"The {source} text {where} with {_spaces(a)}, the translation with {_spaces(b)}.",
                f"Make the translation {'begin' if where == 'begins' else 'end'} like the "
                f"{source} text (with {_spaces(a)}).",
                theirs.start() if theirs else 0,
                theirs.end() if theirs else 0,
            )


def _spaces(text: str) -> str:
    if not text:
        return "no space or line break"
    if "\n" in text:
        breaks = text.count("\n")
        return "a line break" if text == "\n" else f"{breaks} line break(s) and spaces"
    return "a space" if text == " " else f"{len(text)} spaces"


def bidi_controls(item: _Entry) -> Iterator[Finding]:
    """Invisible characters that reorder text: the stored and the shown text would differ."""
    for m in _BIDI_CONTROLS.finditer(item.text):
        char = m.group(0)
        yield _finding(
            "translation-bidi",
            item,
            f"The translation has the invisible direction character "
            f"{unicodedata.name(char, '?')} (U+{ord(char):04X}): it can show the words "
            "in another order than they are written.",
            "Delete it. The tool sets the direction of numbers and Latin words itself.",
            m.start(),
            m.end(),
        )


def unchanged(item: _Entry) -> Iterator[Finding]:
    """A translation identical to its source, unless that is right (names, kept terms)."""
    if item.text.strip() != item.source.strip():
        return
    base = item.language.code.split("_")[0]
    if base == item.catalog.source_language.split("_")[0] or item.kind in NAME_KINDS:
        return
    words = [w for w in _PLAIN_WORDS.findall(mask(item.text)) if len(w) > 1]
    if not words:
        return  # only numbers, addresses, placeholders or single letters
    from .readability.lexicon import zipf

    if all(w.casefold() in item.kept or zipf(w, base) >= COMMON_WORD_ZIPF for w in words):
        return
    yield _finding(
        "translation-unchanged",
        item,
        f"The translation is the same as the {item.source_name} text.",
        f"Translate it into {item.language.english_name}. If the words must stay as they "
        "are (a name), add them to the term list with use = the same words.",
    )


_PLAIN_WORDS = re.compile(r"[^\W\d_]+")


def _kept_words(terms: tuple[Term, ...]) -> frozenset[str]:
    """Words the term list keeps as they are ("Minijob-Zentrale", "Jobcenter")."""
    kept: set[str] = set()
    for term in terms:
        for use in term.use:
            if _fold(use) == _fold(term.source):
                kept.update(w.casefold() for w in _PLAIN_WORDS.findall(use.replace("·", "")))
    return frozenset(kept)


def _fold(text: str) -> str:
    return text.casefold().replace("·", "")


ENTRY_RULES = (placeholders, figures, web_addresses, markup, whitespace, bidi_controls, unchanged)


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
    item = _Entry(catalog, entry, language, entry.msgid, entry.msgstr, None, allow)
    yield from _avoided_terms(
        entry.msgstr, terms, code, catalog.file, entry.line, entry.context, allow, text
    )
    for term in terms:
        if not term.use or source.find(term.source) is None:
            continue
        if any(text.find(use) is not None for use in term.use):
            continue
        uses = " or ".join(f"“{u}”" for u in term.use)
        yield _allowed(
            _finding(
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
            yield _allowed(finding, allow)
