"""Rules for words: hard words (wordfreq, lists), long words, splitting compounds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .base import NAME_KINDS, Doc, Hit, normalise, quote
from .counting import letters, strip_tashkeel, syllables
from .lexicon import has_frequencies, ru_tag, zipf
from .text import Token, fold

_AR_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_AR_SUFFIXES = ("كما", "هما", "كم", "هم", "هن", "ها", "نا", "ك", "ه", "ي")


_ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3]")
#: The article and the clitics written with it; a reader takes "الاستشارة" as one known
#: word, so its length is the stem's. Single-letter prefixes stay: they may be root letters.
_AR_ARTICLES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")


_SCRIPT_LETTER = {"ar": _ARABIC_LETTER, "ru": re.compile("[а-яё]", re.IGNORECASE)}


def _foreign_script(doc: Doc, token: Token) -> bool:
    """A Latin word in Arabic or Russian text: a German name or term given on purpose
    (the word book adds "In German: …"); the language's word lists cannot judge it."""
    own = _SCRIPT_LETTER.get(doc.base)
    return own is not None and not own.search(token.text)


def _arabic_stem(word: str) -> str:
    """The word without a leading article (and the conjunction or preposition on it).

    >>> _arabic_stem("الاستشارة"), _arabic_stem("والخصومات"), _arabic_stem("الى")
    ('استشارة', 'خصومات', 'الى')
    """
    for prefix in _AR_ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def long_word(doc: Doc) -> Iterator[Hit]:
    """Words (compound parts) with many syllables or letters. German whole words without a
    separator are the ``compound`` rule's business; here only their parts count."""
    syllable_limit = int(doc.get("long_word_syllables") or 0)
    letter_limit = int(doc.get("long_word_letters") or 0)
    common = float(doc.get("long_word_common_zipf") or 99)
    for unit in doc.units:
        if unit.kind in NAME_KINDS:
            continue
        for token in unit.tokens:
            if token.kind != "word" or (doc.base == "de" and not token.seps):
                continue
            if doc.explained(token.text) or doc.zipf(normalise(token.text)) >= common:
                continue
            if doc.base == "ru" and doc.zipf(ru_tag(token.lower)[1]) >= common:
                continue
            if _foreign_script(doc, token):
                continue
            for text, (start, end) in zip(token.part_texts(), token.parts, strict=True):
                count = syllables(text, doc.language)
                size = letters(_arabic_stem(text) if doc.base == "ar" else text)
                if syllable_limit and count > syllable_limit and doc.base != "ar":
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


#: Left parts that are verb prefixes or prepositions, not words of a compound.
_PREFIXES = frozenset(
    [
        "ver",
        "be",
        "ent",
        "er",
        "zer",
        "ge",
        "emp",
        "miss",
        "un",
        "ur",
        "unter",
        "über",
        "vor",
        "nach",
        "aus",
        "ein",
        "an",
        "auf",
        "ab",
        "bei",
        "mit",
        "zu",
        "durch",
        "gegen",
        "um",
        "wider",
        "hinter",
    ]
)
_SUFFIXES = tuple(
    [
        "ung",
        "lungen",
        "heit",
        "keit",
        "lich",
        "schaft",
        "ismus",
        "tion",
        "ieren",
        "nis",
        "sal",
        "chen",
        "lein",
    ]
)


def _part_zipf(part: str, language: str, min_zipf: float) -> float:
    value = zipf(part, language)
    if value < min_zipf and part.endswith("s") and len(part) > 4:
        value = zipf(part[:-1], language)  # linking s: Kündigungs·schutz
    if (len(part) <= 4 and value < 4.0) or (len(part) <= 3 and value > 6.0):
        return 0.0  # short parts must be common words, but not function words ("der")
    return value


@lru_cache(maxsize=32768)
def split_compound(word: str, language: str, min_zipf: float = 3.0) -> tuple[str, ...] | None:
    """Split a compound into frequent words ("Rentenversicherung" -> Renten, versicherung)."""
    best: tuple[float, int] | None = None
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if left.casefold() in _PREFIXES or right.casefold().startswith(_SUFFIXES):
            continue
        score = min(_part_zipf(left, language, min_zipf), _part_zipf(right, language, min_zipf))
        if score >= min_zipf and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None
    parts: list[str] = []
    for part in (word[: best[1]], word[best[1] :]):
        sub = split_compound(part, language, min_zipf) if len(part) >= 10 else None
        parts.extend(sub or (part,))
    return tuple(parts)


@lru_cache(maxsize=65536)
def ar_known(word: str, limit: float) -> bool:
    """True when an Arabic word, or its stem without clitics, is frequent enough."""
    bare = strip_tashkeel(word)
    candidates = [bare]
    for prefix in _AR_PREFIXES:
        if bare.startswith(prefix) and len(bare) - len(prefix) >= 2:
            candidates.append(bare[len(prefix) :])
    for stem in list(candidates):
        for suffix in _AR_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                candidates.append(stem[: -len(suffix)])
    return any(zipf(c, "ar") >= limit for c in candidates)


#: Inflection endings tried when a word form is rare but its stem is common.
_ENDINGS = {
    "de": ("ern", "ten", "tes", "ter", "en", "er", "es", "em", "te", "e", "n", "s"),
    "en": ("ing", "est", "ed", "es", "er", "ly", "s"),
    "fr": ("es", "ent", "e", "s", "x"),
}
_UMLAUTS = str.maketrans("äöü", "aou")


@lru_cache(maxsize=65536)
def known_form(word: str, language: str, limit: float) -> bool:
    """True when the word without an inflection ending is a frequent word
    ("Abzügen" -> "Abzug", "bezahlter" -> "bezahlt", "workers" -> "worker")."""
    for ending in _ENDINGS.get(language, ()):
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 4:
            continue
        if zipf(stem, language) >= limit:
            return True
        if language == "de" and zipf(stem.translate(_UMLAUTS), language) >= limit:
            return True
    return False


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
        memo["easy"] = {fold(str(x)) for x in doc.get("easy_words") or []}
        memo["listed"] = {fold(str(x)) for x in doc.get("hard_words") or []}
        memo["listed"] |= doc.profile.hard_words
    easy, listed = memo["easy"], memo["listed"]
    if low in easy or doc.explained(token.text):
        return False
    pattern = doc.profile.hard_word_pattern
    if low in listed or (pattern and re.fullmatch(pattern, low)):
        return True
    limit = float(doc.get("hard_word_zipf"))
    if letters(token.text) < int(doc.get("hard_word_min_letters")) or not has_frequencies(doc.base):
        return False
    if sum(1 for ch in token.text if ch.isupper()) >= 2:
        return False  # the abbreviation rule reports it
    if doc.base not in ("de", "ar") and index > 0 and token.text[:1].isupper():
        return False  # a name
    if doc.base == "ar":
        return not ar_known(token.text, limit)
    if doc.zipf(normalise(token.text)) >= limit or known_form(token.lower, doc.base, limit):
        return False
    if doc.base == "ru" and not token.seps and doc.zipf(ru_tag(token.lower)[1]) >= limit:
        return False  # a rare form of a common word: зарабатываете -> зарабатывать
    if token.seps:
        parts = [p for p in token.part_texts() if letters(p) >= 3]
        return not all(
            doc.zipf(p) >= limit or known_form(fold(p), doc.base, limit) or doc.explained(p)
            for p in parts
        )
    return not (doc.base == "de" and split_compound(token.text, "de"))


def hard_word(doc: Doc) -> Iterator[Hit]:
    """Rare words (wordfreq) and words on the language's list, unless the word-book explains
    them. Reported once per text unit."""
    for unit in doc.units:
        if unit.kind in NAME_KINDS:
            continue
        seen: set[str] = set()
        for sentence in unit.sentences:
            for index, token in enumerate(sentence.tokens):
                if token.kind != "word" or token.lower in seen or _foreign_script(doc, token):
                    continue
                if _is_hard(doc, token, index):
                    seen.add(token.lower)
                    yield Hit(
                        unit.index,
                        token.start,
                        token.end,
                        "warning",
                        doc.tr("{word} may be a hard word.", word=quote(token.text)),
                        doc.tr("Use an everyday word, or explain it in the word-book."),
                    )
