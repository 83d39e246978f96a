"""The translation checks on one entry: placeholders, Markdown, whitespace, bidi, unchanged.

Each rule takes one translated entry (``TranslatedEntry``) and yields findings in the
checker's form; ``qa`` runs them on every entry of a catalogue, ``qa_figures`` adds the
rules on numbers and addresses.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .catalogtext import CatalogEntry, CatalogText
from .languages import Language, get_language
from .qa_numbers import mask
from .readability.model import Finding
from .terms import Term

#: Rule id -> severity. Errors stop ``check`` and ``build``; warnings ask for a look.
RULES: dict[str, str] = {
    "translation-placeholder": "error",
    "translation-number": "error",
    "translation-address": "error",
    "translation-bidi": "error",
    "translation-plural": "error",
    "translation-length": "error",
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

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Placeholders: the brochure's {name} and the ui templates' %(name)s.
PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%\(\w+\)[sd]|%[sd]")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_LINK = re.compile(r"\[[^\]\n]*\]\([^)\s]*\)")


@dataclass(frozen=True)
class TranslatedEntry:
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


def finding(
    rule: str,
    item: TranslatedEntry,
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


def allowed(finding: Finding, allow: Mapping[str, str]) -> Finding:
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


def placeholders(item: TranslatedEntry) -> Iterator[Finding]:
    """Placeholders identical to the source: none missing, none added, none misspelt."""
    wanted = set(PLACEHOLDER.findall(item.source))
    found = [(m.group(0), m.start(), m.end()) for m in PLACEHOLDER.finditer(item.text)]
    missing = sorted(wanted - {f[0] for f in found})
    source = item.source_name
    for name, start, end in found:
        if name in wanted:
            continue
        close = difflib.get_close_matches(name, missing, n=1, cutoff=0.6)
        if close:
            missing.remove(close[0])
            yield finding(
                "translation-placeholder",
                item,
                f"The placeholder {name} is misspelt: the {source} text has {close[0]}.",
                f"Write {close[0]} exactly as in the {source} text.",
                start,
                end,
            )
        else:
            yield finding(
                "translation-placeholder",
                item,
                f"The translation has the placeholder {name}, which the {source} text "
                "does not have.",
                f"Remove {name}; use only the placeholders of the {source} text.",
                start,
                end,
            )
    for name in missing:
        yield finding(
            "translation-placeholder",
            item,
            f"The placeholder {name} of the {source} text is missing in the translation.",
            f"Copy {name} into the translation where the amount or date belongs; the "
            "tool fills it in. Do not write the number yourself.",
        )
    stray = re.search(r"[{}]", PLACEHOLDER.sub("", item.text))
    if stray and not re.search(r"[{}]", PLACEHOLDER.sub("", item.source)):
        yield finding(
            "translation-placeholder",
            item,
            f"The translation has a lone '{stray.group(0)}': a placeholder is broken.",
            f"Copy the placeholders exactly from the {source} text, with both braces.",
            stray.start(),
            stray.end(),
        )


def markup(item: TranslatedEntry) -> Iterator[Finding]:
    """Bold, links and one sentence per line, as in the source."""
    source = item.source_name
    bold = len(_BOLD.findall(item.text)), len(_BOLD.findall(item.source))
    if bold[0] != bold[1]:
        yield finding(
            "translation-markup",
            item,
            f"The {source} text has {bold[1]} bold part(s) (**…**), the translation has {bold[0]}.",
            f"Mark the same words in bold as in the {source} text.",
        )
    links = len(_LINK.findall(item.text)), len(_LINK.findall(item.source))
    if links[0] != links[1]:
        yield finding(
            "translation-markup",
            item,
            f"The {source} text has {links[1]} link(s) ([text](address)), the translation has "
            f"{links[0]}.",
            f"Make the same words a link as in the {source} text.",
        )
    lines, wanted = item.text.strip().count("\n") + 1, item.source.strip().count("\n") + 1
    if lines < wanted:
        yield finding(
            "translation-markup",
            item,
            f"The {source} text has {wanted} lines (one sentence per line), the translation "
            f"only {lines}: a sentence is missing or two are on one line.",
            "Write each sentence on a line of its own, as in the source text.",
        )


#: Whole sentences for each difference at the start or end of a text.
WHITESPACE = {
    ("end", "added-break"): "The translation ends with a line break that the {source} text "
    "does not have.",
    ("end", "lost-break"): "The {source} text ends with a line break; the translation does not.",
    ("end", "added-space"): "The translation ends with a space that the {source} text does "
    "not have.",
    ("end", "lost-space"): "The {source} text ends with a space; the translation does not.",
    ("start", "added-break"): "The translation begins with a line break that the {source} "
    "text does not have.",
    ("start", "lost-break"): "The {source} text begins with a line break; the translation "
    "does not.",
    ("start", "added-space"): "The translation begins with a space that the {source} text "
    "does not have.",
    ("start", "lost-space"): "The {source} text begins with a space; the translation does not.",
}


def whitespace(item: TranslatedEntry) -> Iterator[Finding]:
    """Spaces and line breaks at the start and the end, as in the source."""
    source = item.source_name
    for where, pattern in (("start", r"^\s*"), ("end", r"\s*$")):
        ours, theirs = re.search(pattern, item.source), re.search(pattern, item.text)
        a, b = (ours.group(0) if ours else ""), (theirs.group(0) if theirs else "")
        if a == b:
            continue
        if ("\n" in a) != ("\n" in b):
            kind = "added-break" if "\n" in b else "lost-break"
        else:
            kind = "added-space" if len(b) > len(a) else "lost-space"
        yield finding(
            "translation-whitespace",
            item,
            WHITESPACE[(where, kind)].format(source=source),
            f"Remove it, as in the {source} text."
            if kind.startswith("added")
            else f"Add it, as in the {source} text.",
            theirs.start() if theirs else 0,
            theirs.end() if theirs else 0,
        )


def bidi_controls(item: TranslatedEntry) -> Iterator[Finding]:
    """Invisible characters that reorder text: the stored and the shown text would differ."""
    for m in _BIDI_CONTROLS.finditer(item.text):
        char = m.group(0)
        yield finding(
            "translation-bidi",
            item,
            f"The translation has the invisible direction character "
            f"{unicodedata.name(char, '?')} (U+{ord(char):04X}): it can show the words "
            "in another order than they are written.",
            "Delete it. The tool sets the direction of numbers and Latin words itself.",
            m.start(),
            m.end(),
        )


def unchanged(item: TranslatedEntry) -> Iterator[Finding]:
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
    yield finding(
        "translation-unchanged",
        item,
        f"The translation is the same as the {item.source_name} text.",
        f"Translate it into {item.language.english_name}. If the words must stay as they "
        "are (a name), add them to the term list with use = the same words.",
    )


_PLAIN_WORDS = re.compile(r"[^\W\d_]+")


def kept_words(terms: tuple[Term, ...]) -> frozenset[str]:
    """Words the term list keeps as they are ("Minijob-Zentrale", "Jobcenter")."""
    kept: set[str] = set()
    for term in terms:
        for use in term.use:
            if _fold(use) == _fold(term.source):
                kept.update(w.casefold() for w in _PLAIN_WORDS.findall(use.replace("·", "")))
    return frozenset(kept)


def _fold(text: str) -> str:
    return text.casefold().replace("·", "")


#: The rules on text (``qa_figures`` adds those on numbers and addresses).
TEXT_RULES = (placeholders, markup, whitespace, bidi_controls, unchanged)
