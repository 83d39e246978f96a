"""Language-independent rules: sentence and text structure; the registry every language extends.

Each rule is a plain function ``rule(doc) -> Iterator[Hit]``; ``RULES`` maps the stable rule id
to it. Word-list rules read their lists from ``doc.profile``, so a language without a module
runs them with empty lists (they find nothing) and keeps the truly language-free checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import characters, numbers, spelling, vocabulary
from .base import NAME_KINDS, Doc, Hit, Profile, Rule, UnitView, quote
from .clauses import enumeration, one_statement, sentence_length, subordinate_clause
from .text import Sentence, Token

#: Block kinds holding running text (paragraph-length, direct address).


PROSE_KINDS = frozenset(
    {
        "paragraph",
        "box",
        "list_item",
        "glossary_definition",
        "contact_description",
        "heading",
        "picture",
    }
)


#: Profile for languages without their own module.


GENERIC = Profile(code="xx")


def one_sentence_per_line(doc: Doc) -> Iterator[Hit]:
    """Each sentence starts on its own line, and a sentence does not go on over a line break."""
    for unit in doc.units:
        if unit.kind in NAME_KINDS:
            continue
        by_line: dict[int, list[Sentence]] = {}
        breaks = "\n" in unit.visible
        for sentence in unit.sentences:
            by_line.setdefault(sentence.line, []).append(sentence)
            if breaks and "\n" in unit.visible[sentence.start : sentence.end]:
                yield Hit(
                    unit.index,
                    sentence.start,
                    sentence.end,
                    "error",
                    doc.tr("This sentence goes on over a line break."),
                    doc.tr("Write each sentence on one line."),
                )
        for sentences in by_line.values():
            if len(sentences) > 1:
                yield Hit(
                    unit.index,
                    sentences[1].start,
                    sentences[-1].end,
                    "error",
                    doc.tr("This line holds {count} sentences.", count=len(sentences)),
                    doc.tr("Start each sentence on a new line."),
                )


def paragraph_length(doc: Doc) -> Iterator[Hit]:
    """Lines per paragraph (one sentence per line, so: sentences per paragraph)."""
    limit = int(doc.get("paragraph_lines"))
    for unit in doc.units:
        if unit.kind not in PROSE_KINDS or unit.kind == "heading":
            continue
        lines = [span for span in unit.lines if unit.visible[span[0] : span[1]].strip()]
        if len(lines) > limit:
            yield Hit(
                unit.index,
                lines[limit][0],
                lines[-1][1],
                "warning",
                doc.tr(
                    "This paragraph has {count} lines. Easy paragraphs have at most {limit}.",
                    count=len(lines),
                    limit=limit,
                ),
                doc.tr("Split it into two paragraphs, or add a heading."),
            )


def negation(doc: Doc) -> Iterator[Hit]:
    """Negations are easy to miss; say things positively where the meaning allows."""
    p = doc.profile
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        primary_seen = False
        for token in sentence.tokens:
            low = token.lower
            hit = low in p.negations or bool(
                p.negation_suffixes and low.endswith(p.negation_suffixes)
            )
            if not hit and low in p.negation_secondary and not primary_seen:
                hit = True
            if (
                hit
                and low in p.numbered_abbreviations
                and re.match(r"\.\s?\d", unit.masked[token.end : token.end + 3])
            ):
                hit = False  # "no. 5" is a number, not a negation
            if hit:
                primary_seen = True
                yield Hit.at(
                    unit.index,
                    token,
                    "warning",
                    doc.tr("The negation {word} is easy to overlook.", word=quote(token.text)),
                    doc.tr(
                        "Say it positively. If the negation is needed, allow it with "
                        "a comment: check: allow negation — reason"
                    ),
                )


def _is_address(doc: Doc, token: Token) -> bool:
    p = doc.profile
    if p.second_person_case_sensitive:
        return token.text in p.second_person
    if token.lower in p.second_person:
        return True
    return (
        bool(p.second_person_suffixes)
        and len(token.lower) >= 4
        and token.lower.endswith(p.second_person_suffixes)
        and token.lower not in p.not_second_person
    )


def direct_address(doc: Doc) -> Iterator[Hit]:
    """Each section speaks to the reader at least once ("Sie", "you", "vous", "вы")."""
    if not doc.profile.second_person:
        return
    minimum = int(doc.get("direct_address_min_words"))
    sections: dict[str, list[UnitView]] = {}
    for unit in doc.units:
        if unit.kind in PROSE_KINDS and unit.kind != "glossary_definition":
            sections.setdefault(unit.section or "", []).append(unit)
    for units in sections.values():
        words = sum(len(s.tokens) for u in units for s in u.sentences)
        if words < minimum:
            continue
        if any(_is_address(doc, t) for u in units for t in u.tokens):
            continue
        first = next((u for u in units if u.kind != "heading"), units[0])
        line_end = first.lines[0][1] if first.lines else len(first.visible)
        yield Hit(
            first.index,
            0,
            line_end,
            "warning",
            doc.tr("This part never speaks to the reader directly."),
            doc.tr("Address the reader: “You get …” instead of “Employees get …”."),
        )


#: The language-independent rules, in report order.


RULES: dict[str, Rule] = {
    "sentence-length": sentence_length,
    "one-sentence-per-line": one_sentence_per_line,
    "one-statement": one_statement,
    "subordinate-clause": subordinate_clause,
    "negation": negation,
    "abbreviation": characters.abbreviation,
    "long-word": vocabulary.long_word,
    "compound": spelling.compound,
    "separator-style": spelling.separator_style,
    "number-words": numbers.number_words,
    "big-number": numbers.big_number,
    "decimal": numbers.decimal,
    "percent": numbers.percent,
    "roman-numeral": numbers.roman_numeral,
    "date-format": numbers.date_format,
    "time-format": numbers.time_format,
    "special-characters": characters.special_characters,
    "brackets": characters.brackets,
    "cross-reference": characters.cross_reference,
    "hard-word": vocabulary.hard_word,
    "glossary-consistency": spelling.glossary_consistency,
    "direct-address": direct_address,
    "enumeration": enumeration,
    "paragraph-length": paragraph_length,
}
