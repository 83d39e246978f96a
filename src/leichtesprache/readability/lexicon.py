"""Word frequencies (wordfreq) and Russian morphology (pymorphy3), loaded lazily and cached."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

#: Languages wordfreq has a word list for that we use (the small list: zipf >= 3 is listed).
_WORDFREQ_LANGUAGES = frozenset(
    {"de", "en", "fr", "ru", "ar", "uk", "es", "it", "nl", "pl", "pt", "tr", "fa", "sv"}
)


@lru_cache(maxsize=16)
def _frequencies(language: str) -> dict[str, float] | None:
    if language not in _WORDFREQ_LANGUAGES:
        return None
    import wordfreq

    try:
        table: dict[str, float] = wordfreq.get_frequency_dict(language, wordlist="small")
    except (LookupError, ValueError, OSError):
        return None
    return table


def has_frequencies(language: str) -> bool:
    return _frequencies(language.split("_")[0]) is not None


@lru_cache(maxsize=131072)
def zipf(word: str, language: str) -> float:
    """Zipf frequency of a word (0 when rare or unknown); words below zipf 3 count as 0."""
    base = language.split("_")[0]
    table = _frequencies(base)
    if table is None:
        return 0.0
    from wordfreq.preprocess import preprocess_text

    key = preprocess_text(word, base)  # type: ignore[arg-type]
    freq = table.get(key)
    if freq is None and base in ("ru", "uk"):
        freq = table.get(key.replace("ё", "е"))
    if not freq:
        return 0.0
    return round(math.log10(freq) + 9, 2)


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def ru_tag(word: str) -> tuple[str, str, float]:
    """(tag, normal form, score) of the most likely analysis of a Russian word."""
    parsed = _morph().parse(word)
    if not parsed:
        return "", word.casefold(), 0.0
    best = parsed[0]
    return str(best.tag), str(best.normal_form), float(best.score)


@lru_cache(maxsize=65536)
def ru_tags(word: str) -> tuple[str, ...]:
    """Tags of all analyses of a Russian word."""
    return tuple(str(p.tag) for p in _morph().parse(word))
