"""Word frequencies (wordfreq), loaded lazily and cached: the shared lexicon of every language."""

from __future__ import annotations

import math
from functools import lru_cache

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
    if freq is None and "ё" in key:  # Cyrillic lists write ё as е
        freq = table.get(key.replace("ё", "е"))
    if not freq:
        return 0.0
    return round(math.log10(freq) + 9, 2)
