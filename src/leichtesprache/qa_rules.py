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
from .i18n import N_, _, language_name, ngettext
from .languages import Language
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
        """The name of the source language, in the tool's language."""
        return language_name(self.catalog.source_language)

    @property
    def language_name(self) -> str:
        """The name of the translation's language, in the tool's language."""
        return language_name(self.language.code)


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
        _("{message} Allowed: {reason}").format(message=finding.message, reason=reason),
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
    """Placeholders identical to the source: none missing, none added, none misspelt.

    One broken placeholder is one finding: "{limit" is a placeholder that lost a brace,
    not a missing placeholder and a lone brace.
    """
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
                _("The placeholder {name} is misspelt: the {language} text has {wanted}.").format(
                    name=name, language=source, wanted=close[0]
                ),
                _("Write {wanted} exactly as in the {language} text.").format(
                    wanted=close[0], language=source
                ),
                start,
                end,
            )
        else:
            yield finding(
                "translation-placeholder",
                item,
                _(
                    "The translation has the placeholder {name}, which the {language} text "
                    "does not have."
                ).format(name=name, language=source),
                _("Remove {name}; use only the placeholders of the {language} text.").format(
                    name=name, language=source
                ),
                start,
                end,
            )
    blanked = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), item.text)
    strays = [m.start() for m in re.finditer(r"[{}]", blanked)]
    if re.search(r"[{}]", PLACEHOLDER.sub("", item.source)):
        strays = []  # the source itself has braces that are no placeholders
    for name in list(missing):
        span = _lost_brace(item.text, name, strays)
        if span is None:
            continue
        missing.remove(name)
        strays = [p for p in strays if not span[0] <= p < span[1]]
        yield finding(
            "translation-placeholder",
            item,
            _("The placeholder {name} has lost a brace in the translation.").format(name=name),
            _("Write {name} with both braces, as in the {language} text.").format(
                name=name, language=source
            ),
            *span,
        )
    for name in missing:
        yield finding(
            "translation-placeholder",
            item,
            _(
                "The placeholder {name} of the {language} text is missing in the translation."
            ).format(name=name, language=source),
            _(
                "Copy {name} into the translation where the amount or date belongs; the "
                "tool fills it in. Do not write the number yourself."
            ).format(name=name),
        )
    if strays:
        brace = item.text[strays[0]]
        yield finding(
            "translation-placeholder",
            item,
            _("The translation has a lone '{brace}': a placeholder is broken.").format(brace=brace),
            _("Copy the placeholders exactly from the {language} text, with both braces.").format(
                language=source
            ),
            strays[0],
            strays[0] + 1,
        )


def _lost_brace(text: str, name: str, strays: list[int]) -> tuple[int, int] | None:
    """Where ``name`` ("{limit}") stands in ``text`` with one brace lost, if it does."""
    inner = name[1:-1] if name.startswith("{") else ""
    if not inner:
        return None
    for position in strays:
        if text[position] == "{" and text.startswith(inner, position + 1):
            return position, position + 1 + len(inner)
        if text[position] == "}" and text[:position].endswith(inner):
            return position - len(inner), position + 1
    return None


def markup(item: TranslatedEntry) -> Iterator[Finding]:
    """Bold, links and one sentence per line, as in the source."""
    source = item.source_name
    bold = len(_BOLD.findall(item.text)), len(_BOLD.findall(item.source))
    if bold[0] != bold[1]:
        yield finding(
            "translation-markup",
            item,
            ngettext(
                "The {language} text has {expected} bold part (**…**), the translation "
                "has {found}.",
                "The {language} text has {expected} bold parts (**…**), the translation "
                "has {found}.",
                bold[1],
            ).format(language=source, expected=bold[1], found=bold[0]),
            _("Mark the same words in bold as in the {language} text.").format(language=source),
        )
    links = len(_LINK.findall(item.text)), len(_LINK.findall(item.source))
    if links[0] != links[1]:
        yield finding(
            "translation-markup",
            item,
            ngettext(
                "The {language} text has {expected} link ([text](address)), the translation "
                "has {found}.",
                "The {language} text has {expected} links ([text](address)), the translation "
                "has {found}.",
                links[1],
            ).format(language=source, expected=links[1], found=links[0]),
            _("Make the same words a link as in the {language} text.").format(language=source),
        )
    lines, wanted = item.text.strip().count("\n") + 1, item.source.strip().count("\n") + 1
    if lines < wanted:
        yield finding(
            "translation-markup",
            item,
            _(
                "The {language} text has {expected} lines (one sentence per line), the "
                "translation only {found}: a sentence is missing or two are on one line."
            ).format(language=source, expected=wanted, found=lines),
            _("Write each sentence on a line of its own, as in the source text."),
        )


#: Whole sentences for each difference at the start or end of a text.
WHITESPACE = {
    ("end", "added-break"): N_(
        "The translation ends with a line break that the {language} text does not have."
    ),
    ("end", "lost-break"): N_(
        "The {language} text ends with a line break; the translation does not."
    ),
    ("end", "added-space"): N_(
        "The translation ends with a space that the {language} text does not have."
    ),
    ("end", "lost-space"): N_("The {language} text ends with a space; the translation does not."),
    ("start", "added-break"): N_(
        "The translation begins with a line break that the {language} text does not have."
    ),
    ("start", "lost-break"): N_(
        "The {language} text begins with a line break; the translation does not."
    ),
    ("start", "added-space"): N_(
        "The translation begins with a space that the {language} text does not have."
    ),
    ("start", "lost-space"): N_(
        "The {language} text begins with a space; the translation does not."
    ),
}


def whitespace(item: TranslatedEntry) -> Iterator[Finding]:
    """Spaces and line breaks at the start and the end, as in the source."""
    source = item.source_name
    for where in ("start", "end"):
        a, _start, _end = _edge_space(item.source, where)
        b, start, end = _edge_space(item.text, where)
        if a == b:
            continue
        if ("\n" in a) != ("\n" in b):
            kind = "added-break" if "\n" in b else "lost-break"
        else:
            kind = "added-space" if len(b) > len(a) else "lost-space"
        yield finding(
            "translation-whitespace",
            item,
            _(WHITESPACE[(where, kind)]).format(language=source),
            _("Remove it, as in the {language} text.").format(language=source)
            if kind.startswith("added")
            else _("Add it, as in the {language} text.").format(language=source),
            start,
            end,
        )


def _edge_space(text: str, where: str) -> tuple[str, int, int]:
    """The white space at the start or the end of ``text`` and where it stands (what
    ``^\\s*`` and ``\\s*$`` match: ``str.strip`` knows the same white space as ``\\s``)."""
    if where == "start":
        size = len(text) - len(text.lstrip())
        return text[:size], 0, size
    kept = len(text.rstrip())
    return text[kept:], kept, len(text)


def bidi_controls(item: TranslatedEntry) -> Iterator[Finding]:
    """Invisible characters that reorder text: the stored and the shown text would differ."""
    for m in _BIDI_CONTROLS.finditer(item.text):
        char = m.group(0)
        yield finding(
            "translation-bidi",
            item,
            _(
                "The translation has the invisible direction character {name} ({code}): it "
                "can show the words in another order than they are written."
            ).format(name=unicodedata.name(char, "?"), code=f"U+{ord(char):04X}"),
            _("Delete it. The tool sets the direction of numbers and Latin words itself."),
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
        _("The translation is the same as the {language} text.").format(language=item.source_name),
        _(
            "Translate it into {language}. If the words must stay as they are (a name), add "
            "them to the term list with use = the same words."
        ).format(language=item.language_name),
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
