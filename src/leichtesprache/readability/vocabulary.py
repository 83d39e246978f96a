"""Rules for words: hard words (wordfreq, lists) and long words, with the language's hooks."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .base import NAME_KINDS, Doc, Hit, quote
from .counting import letters
from .lexicon import has_frequencies, zipf
from .text import Token, fold


def _foreign_script(doc: Doc, token: Token) -> bool:
    """A word without a letter of the language's script (a German term in Arabic or Russian
    text, given on purpose: the word book adds "In German: …"); the word lists cannot judge it."""
    script = doc.profile.script
    return script is not None and not _compiled(script).search(token.text)


@lru_cache(maxsize=16)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def long_word(doc: Doc) -> Iterator[Hit]:
    """Words (compound parts) with many syllables or letters; frequent words and words the
    word-book explains are not reported."""
    p = doc.profile
    syllable_limit = int(doc.get("long_word_syllables") or 0)
    letter_limit = int(doc.get("long_word_letters") or 0)
    common = float(doc.get("long_word_common_zipf") or 99)
    # Every syllable counter counts at most one syllable per letter: a word no longer than
    # the smaller limit is over neither, and needs no look-up.
    limits = [n for n in (syllable_limit, letter_limit) if n]
    if not limits:
        return
    shortest = min(limits)
    for unit in doc.units:
        if unit.kind in NAME_KINDS:
            continue
        for token in unit.tokens:
            if token.kind != "word" or (p.long_word_parts_only and not token.seps):
                continue
            if len(token.text) <= shortest:
                continue
            if doc.explained(token.text) or _foreign_script(doc, token):
                continue
            if doc.known(token.text, common):
                continue
            for text, (start, end) in zip(token.part_texts(), token.parts, strict=True):
                count = p.syllables(text) if syllable_limit else 0
                size = letters(p.word_core(text)) if letter_limit else 0
                if syllable_limit and count > syllable_limit:
                    message = doc.tr(
                        "{word} is a long word ({count} syllables).", word=quote(text), count=count
                    )
                elif letter_limit and size > letter_limit:
                    message = doc.tr(
                        "{word} is a long word ({count} letters).", word=quote(text), count=size
                    )
                else:
                    continue
                yield Hit(
                    unit.index,
                    start,
                    end,
                    "warning",
                    message,
                    doc.tr("Use a shorter, more common word."),
                )


def _part_zipf(part: str, language: str, min_zipf: float) -> float:
    value = zipf(part, language)
    if value < min_zipf and part.endswith("s") and len(part) > 4:
        value = zipf(part[:-1], language)  # linking s: Kündigungs·schutz
    if (len(part) <= 4 and value < 4.0) or (len(part) <= 3 and value > 6.0):
        return 0.0  # short parts must be common words, but not function words ("der")
    return value


@lru_cache(maxsize=32768)
def split_compound(
    word: str,
    language: str,
    prefixes: frozenset[str] = frozenset(),
    suffixes: tuple[str, ...] = (),
    min_zipf: float = 3.0,
) -> tuple[str, ...] | None:
    """Split a compound written as one word into frequent words (German
    "Rentenversicherung" -> Renten, versicherung). ``prefixes`` are left parts that are no
    words of a compound (verb prefixes), ``suffixes`` right parts that are derivations."""
    best: tuple[float, int] | None = None
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if left.casefold() in prefixes or right.casefold().startswith(suffixes):
            continue
        score = min(_part_zipf(left, language, min_zipf), _part_zipf(right, language, min_zipf))
        if score >= min_zipf and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    parts: list[str] = []
    for part in (word[: best[1]], word[best[1] :]):
        sub = (
            split_compound(part, language, prefixes, suffixes, min_zipf)
            if len(part) >= 10
            else None
        )
        parts.extend(sub or (part,))
    return tuple(parts)


def _is_hard(doc: Doc, token: Token, index: int) -> bool:
    cache = doc.memo("hard")
    key = (token.text, index == 0)
    if key not in cache:
        cache[key] = _judge_hard(doc, token, index)
    result: bool = cache[key]
    return result


def _judge_hard(doc: Doc, token: Token, index: int) -> bool:
    low = token.lower
    memo = doc.memo("hard_word_lists")
    if not memo:
        memo["listed"] = {fold(str(x)) for x in doc.get("hard_words") or []}
        memo["listed"] |= doc.profile.hard_words
    listed = memo["listed"]
    if _easy(doc, token):
        return False
    pattern = doc.profile.hard_word_pattern
    if low in listed or (pattern and re.fullmatch(pattern, low)):
        return True
    limit = float(doc.get("hard_word_zipf"))
    if letters(token.text) < int(doc.get("hard_word_min_letters")) or not has_frequencies(doc.base):
        return False
    if _name(doc, token, index):
        return False
    if doc.known(token.text, limit):
        return False
    if token.seps:
        parts = [p for p in token.part_texts() if letters(p) >= 3]
    else:  # a compound written as one word is easy when its parts are
        parts = list(doc.profile.compound_parts(token.text) or ())
        if not parts:
            return True
    return not all(doc.known(p, limit) or doc.explained(p) for p in parts)


def _name(doc: Doc, token: Token, index: int, following: Token | None = None) -> bool:
    """An abbreviation (the abbreviation rule reports it) or, where capitals mark names, a
    capitalised word inside the sentence, or at its start before another capitalised word
    ("Integration Centre", a name of several words): no word list can judge it."""
    if sum(1 for ch in token.text if ch.isupper()) >= 2:
        return True
    if not doc.profile.capitals_mark_names or not token.text[:1].isupper():
        return False
    return index > 0 or (following is not None and following.text[:1].isupper())


def _easy(doc: Doc, token: Token) -> bool:
    """The project calls the word easy (``easy_words``), or the word-book explains it."""
    memo = doc.memo("easy_words")
    if not memo:
        memo["easy"] = {fold(str(x)) for x in doc.get("easy_words") or []}
    return token.lower in memo["easy"] or doc.explained(token.text)


def _graded(doc: Doc, words: Sequence[Token], index: int) -> int | None:
    """The level of word ``index`` of a sentence in the language's graded list, 0 when the
    word-book explains it or the project calls it easy, None when it is not graded (or is a
    name)."""
    word_level = doc.profile.word_level
    if word_level is None:
        return None
    token = words[index]
    level = word_level(token.text)  # first: most words are not graded (a cached look-up)
    if level is None:
        return None
    following = next((w for w in words[index + 1 :] if w.kind == "word"), None)
    if _name(doc, token, index, following):
        return None
    if _easy(doc, token):
        return 0
    if doc.known(token.text, float(doc.get("graded_word_common_zipf") or 99)):
        return 0  # an everyday word form: the lemma found for it may be another one
    return level


def hard_word(doc: Doc) -> Iterator[Hit]:
    """Rare words (wordfreq) and words on the language's list, unless the word-book explains
    them; where the language has graded word levels, those decide first: a word from the
    error level on is an error (the guidelines forbid difficult words that are not
    explained), from the warning level on a warning. Reported once per text unit."""
    error_level = int(doc.get("hard_word_error_level") or 0)
    warning_level = int(doc.get("hard_word_warning_level") or 0)
    for unit in doc.units:
        if unit.kind in NAME_KINDS:
            continue
        seen: set[str] = set()
        for sentence in unit.sentences:
            for index, token in enumerate(sentence.tokens):
                if token.kind != "word" or token.lower in seen or _foreign_script(doc, token):
                    continue
                level = _graded(doc, sentence.tokens, index)
                if level is not None:
                    if error_level and level >= error_level:
                        severity = "error"
                    elif warning_level and level >= warning_level:
                        severity = "warning"
                    else:
                        continue
                    seen.add(token.lower)
                    yield Hit.at(
                        unit.index,
                        token,
                        severity,
                        _level_message(doc, token, level),
                        doc.tr("Use an everyday word, or explain it in the word-book."),
                    )
                elif _is_hard(doc, token, index):
                    seen.add(token.lower)
                    yield Hit.at(
                        unit.index,
                        token,
                        "warning",
                        doc.tr("{word} may be a hard word.", word=quote(token.text)),
                        doc.tr("Use an everyday word, or explain it in the word-book."),
                    )


def _level_message(doc: Doc, token: Token, level: int) -> str:
    """The level by its name where the list names them (CEFR "C1"), else as "N of 5"."""
    word = quote(token.text)
    name = doc.profile.level_names.get(level)
    if name is not None:
        return doc.tr("{word} is a hard word (level {level}).", word=word, level=name)
    return doc.tr("{word} is a hard word (level {level} of 5).", word=word, level=level)
