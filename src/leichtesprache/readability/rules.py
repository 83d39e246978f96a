"""Language-independent rules: sentence and text structure; the registry every language extends.

Each rule is a plain function ``rule(doc) -> Iterator[Hit]``; ``RULES`` maps the stable rule id
to it. Word-list rules read their lists from ``doc.profile``, so a language without a module
runs them with empty lists (they find nothing) and keeps the truly language-free checks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from . import characters, numbers, spelling, vocabulary
from .base import NAME_KINDS, Doc, Hit, Profile, Rule, UnitView, quote
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
_COMMAS = ",\u060c\u3001"

#: Profile for languages without their own module.
GENERIC = Profile(code="xx")


def sentence_length(doc: Doc) -> Iterator[Hit]:
    """Words per sentence (colon parts counted apart): warning and error limits per language.

    A sentence over the error limit holds several easy sentences, so it gets one error for
    each full stop it lacks: at least one per further ``limit`` words, and one per clause
    boundary (comma, semicolon, subordinating word) where it could be split, whichever is
    more. The first error covers the sentence, the others point at the places to split."""
    warn, error = int(doc.get("sentence_warning")), int(doc.get("sentence_error"))
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        count = max(sentence.segments, default=0)
        if count <= warn:
            continue
        severity = "error" if count > error else "warning"
        limit = error if severity == "error" else warn
        yield Hit(
            unit.index,
            sentence.start,
            sentence.end,
            severity,
            doc.tr(
                "This sentence has {count} words. Easy sentences have at most {limit}.",
                count=count,
                limit=limit,
            ),
            doc.tr("Split it into short sentences with one statement each."),
        )
        if severity == "error":
            yield from _split_points(doc, unit, sentence, count, error)


def _split_points(
    doc: Doc, unit: UnitView, sentence: Sentence, count: int, limit: int
) -> Iterator[Hit]:
    """The further errors of a long sentence, at the places where it can be split."""
    boundaries = _clause_boundaries(doc, unit, sentence)
    by_length = -(-count // limit) - 1  # full stops needed by length alone
    missing = max(by_length, len(boundaries))
    places = boundaries[1:] if len(boundaries) >= missing else boundaries
    words = sentence.words
    step = limit
    while len(places) < missing - 1 and step < len(words):
        places.append((words[step].start, words[step].end))
        step += limit
    for start, end in sorted(places)[: missing - 1]:
        yield Hit(
            unit.index,
            start,
            end,
            "error",
            doc.tr("The long sentence goes on here: this is a further sentence."),
            doc.tr("End the sentence before this point and start a new one."),
        )


def _clause_boundaries(doc: Doc, unit: UnitView, sentence: Sentence) -> list[tuple[int, int]]:
    """Where a long sentence can be split: semicolons, subordinating words without a comma
    before them, and commas after which a part of at least ``_PART_WORDS`` words follows (the
    short items of an enumeration are one list, not several sentences)."""
    text = unit.masked
    end = sentence.end
    while end > sentence.start and not text[end - 1].isalnum():
        end -= 1
    commas = [i for i in _commas(unit, sentence) if i < end]
    semicolons = [m.start() for m in _SEMICOLON.finditer(text, sentence.start, end)]
    cuts = sorted([*commas, *semicolons, end])
    starts = [t.start for t in sentence.tokens]
    spans = [(i, i + 1) for i in semicolons]
    in_list = False
    for k, i in enumerate(cuts[:-1]):
        if i in commas:
            following = bisect_left(starts, cuts[k + 1]) - bisect_left(starts, i)
            if following >= _PART_WORDS or not in_list:
                spans.append((i, i + 1))
            in_list = following < _PART_WORDS
        else:
            in_list = False
    subordinators = doc.profile.subordinators
    for i, token in enumerate(sentence.words):
        if i > 0 and token.lower in subordinators and not _after_comma(unit, sentence, token):
            spans.append((token.start, token.end))
    return sorted(spans)


#: Words after a comma from which the part is a clause of its own, not a list item.
_PART_WORDS = 4
_SEMICOLON = re.compile("[;\u061b]")


def one_sentence_per_line(doc: Doc) -> Iterator[Hit]:
    """Each sentence starts on its own line, and a sentence does not go on over a line break."""
    for unit in doc.units:
        if unit.kind in NAME_KINDS:
            continue
        by_line: dict[int, list[Sentence]] = {}
        for sentence in unit.sentences:
            by_line.setdefault(sentence.line, []).append(sentence)
            if "\n" in unit.visible[sentence.start : sentence.end]:
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


_COMMA_RUN = re.compile(f"[{_COMMAS}]")


def _commas(unit: UnitView, sentence: Sentence) -> list[int]:
    """Commas of a sentence, not those inside numbers ("13,90")."""
    text = unit.masked
    last = len(text) - 1
    return [
        i
        for i in (m.start() for m in _COMMA_RUN.finditer(text, sentence.start, sentence.end))
        if not (0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit())
    ]


def enumeration(doc: Doc) -> Iterator[Hit]:
    """More than 3 things in one sentence ("A, B, C and D") belong in a list."""
    limit = int(doc.get("enumeration_items"))
    conj = doc.profile.list_conjunctions
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        commas = _commas(unit, sentence)
        if not commas:
            continue
        items = len(commas) + 1
        if any(t.start > commas[-1] and t.lower in conj for t in sentence.tokens):
            items += 1
        if items > limit:
            yield Hit(
                unit.index,
                sentence.start,
                sentence.end,
                "warning",
                doc.tr("This sentence names {count} things in a row.", count=items),
                doc.tr("Write a list with one thing per line."),
            )


def _after_commas(unit: UnitView, sentence: Sentence) -> set[int]:
    """The starts of the tokens that follow a comma in the sentence."""
    found: set[int] = set()
    if not _COMMA_RUN.search(unit.masked, sentence.start, sentence.end):
        return found
    previous_end = sentence.start
    for token in sentence.tokens:
        if any(ch in _COMMAS for ch in unit.masked[previous_end : token.start]):
            found.add(token.start)
        previous_end = token.end
    return found


def _after_comma(unit: UnitView, sentence: Sentence, token: Token) -> bool:
    before = [t for t in sentence.tokens if t.end <= token.start]
    gap_start = before[-1].end if before else sentence.start
    return any(ch in _COMMAS for ch in unit.masked[gap_start : token.start])


def one_statement(doc: Doc) -> Iterator[Hit]:
    """Two statements joined in one sentence: ", und …", "aber", "denn", Arabic "، و…"."""
    p = doc.profile
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        commas = len(_commas(unit, sentence))
        for i, token in enumerate(sentence.tokens):
            if token.kind != "word":
                continue
            low = token.lower
            joined = low in p.paired_conjunctions or (
                i > 0
                and low in p.contrastive
                and (not p.contrastive_after_comma or _after_comma(unit, sentence, token))
            )
            if not joined and low in p.coordinators and commas < 2:
                joined = _after_comma(unit, sentence, token)
            if not joined and p.coordinator_prefixes and i > 0 and len(token.text) > 3:
                joined = low.startswith(p.coordinator_prefixes) and _after_comma(
                    unit, sentence, token
                )
            if joined:
                yield doc.two_statements(unit.index, token)
                break


def _phrase_hits(
    sentence: Sentence, phrases: tuple[tuple[str, ...], ...]
) -> Iterator[tuple[int, int]]:
    if not phrases:
        return
    words = sentence.words
    lows = [t.lower for t in words]
    present = set(lows)
    for phrase in phrases:
        if phrase[0] not in present:
            continue
        n = len(phrase)
        for i in range(len(lows) - n + 1):
            if tuple(lows[i : i + n]) == phrase:
                yield words[i].start, words[i + n - 1].end


def subordinate_clause(doc: Doc) -> Iterator[Hit]:
    """Subordinate and relative clauses (word lists per language). One is a warning (the
    guidelines discourage it); a second one in the same sentence makes a chain of
    statements, which they forbid: an error for each further clause."""
    p = doc.profile
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        question = unit.masked[sentence.start : sentence.end].rstrip().endswith(("?", "\u061f"))
        spans = list(_phrase_hits(sentence, p.subordinator_phrases))
        words = sentence.words
        idioms = {start for start, _end in _phrase_hits(sentence, p.subordinator_exceptions)}
        commas = _after_commas(unit, sentence)
        for i, token in enumerate(words):
            if token.start in idioms:
                continue
            if token.lower in p.subordinators:
                opens = not (question and i == 0)
            elif token.lower in p.subordinators_after_comma:
                opens = token.start in commas
            else:  # a participle clause: ", wearing a shirt, …"
                opens = p.nonfinite is not None and p.nonfinite(words, i, token.start in commas)
            if opens:
                spans.append((token.start, token.end))
        spans = _outermost(spans)
        for n, (start, end) in enumerate(spans):
            word = quote(unit.visible[start:end])
            yield Hit(
                unit.index,
                start,
                end,
                "warning" if n == 0 else "error",
                doc.tr("{word} starts a subordinate clause.", word=word)
                if n == 0
                else doc.tr(
                    "{word} starts one more subordinate clause in this sentence.", word=word
                ),
                doc.tr("Write two main sentences instead."),
            )


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, without those inside another ("so that" holds "that")."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


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
