"""Rules about the build of sentences: length, clauses, statements, enumerations.

A long sentence holds several easy sentences (one error per missing full stop); subordinate
and participle clauses, two statements joined in one sentence and enumerations that belong
in a list are found with the language's word lists (``Profile``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from .base import NAME_KINDS, Doc, Hit, UnitView, quote
from .characters import item_labels
from .text import Sentence, Token, segment_counts

_COMMAS = ",\u060c\u3001"


def sentence_length(doc: Doc) -> Iterator[Hit]:
    """Words per sentence (colon parts and labelled list items counted apart): warning and
    error limits per language.

    A sentence over the error limit holds several easy sentences, so it gets one error for
    each full stop it lacks: at least one per further ``limit`` words, and one per clause
    boundary (comma, semicolon, subordinating word) where it could be split, whichever is
    more. The first error covers the sentence, the others point at the places to split."""
    warn, error = int(doc.get("sentence_warning")), int(doc.get("sentence_error"))
    conj = doc.profile.list_conjunctions
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        count = max(sentence.segments, default=0)
        if count > warn and (
            labels := item_labels(unit.masked, sentence.start, sentence.end, conj)
        ):
            # The items of a list written in one line ("(a) … (b) …") are counted apart, as
            # the parts after a colon are: the enumeration rule asks for the list.
            parts = segment_counts(
                unit.masked, sentence.tokens, sentence.start, sentence.end, labels
            )
            count = max(parts, default=0)
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
    """More than 3 things in one sentence ("A, B, C and D", "(a) … (b) … (c) … (d)") belong
    in a list."""
    limit = int(doc.get("enumeration_items"))
    conj = doc.profile.list_conjunctions
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        commas = _commas(unit, sentence)
        labels = len(item_labels(unit.masked, sentence.start, sentence.end, conj))
        if not commas and not labels:
            continue
        items = len(commas) + 1
        if commas and any(t.start > commas[-1] and t.lower in conj for t in sentence.tokens):
            items += 1
        items = max(items, labels)
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
