"""Counting inside words: letters (without tashkeel), syllables from vowel groups."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .text import TATWEEL


@lru_cache(maxsize=65536)
def letters(word: str) -> int:
    """Letters of a word: no tashkeel, tatweel, separators or digits."""
    return sum(1 for ch in word if unicodedata.category(ch)[0] == "L" and ch != TATWEEL)


def strip_tashkeel(word: str) -> str:
    return "".join(ch for ch in word if unicodedata.category(ch)[0] != "M" and ch != TATWEEL)


_VOWELS = {
    "de": "aeiouyäöü",
    "en": "aeiouy",
    "fr": "aeiouyàâéèêëîïôûùüœæ",
    "ru": "аеёиоуыэюя",
    "uk": "аеєиіїоуюя",
}
_GENERIC_VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœаеёиоуыэюяєіїαεηιουωάέήίόύώ"
_DE_ONE = {"ai", "au", "ei", "eu", "äu", "ie", "ee", "aa", "oo", "ey", "ay"}
_AR_VOWEL_MARKS = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0670")


@lru_cache(maxsize=65536)
def syllables(word: str, language: str) -> int:
    """Syllables from vowel groups with per-language corrections (at least 1).

    Not hyphenation points: "oder", "aber", "einen" have 2 syllables.
    """
    base = language.split("_")[0]
    w = word.casefold()
    if base == "ar":
        marks = sum(1 for ch in word if ch in _AR_VOWEL_MARKS)
        return max(1, marks) if marks else max(1, round(letters(word) / 2))
    vowels = _VOWELS.get(base, _GENERIC_VOWELS)
    if base == "ru" or base == "uk":
        return max(1, sum(1 for ch in w if ch in vowels))
    if not any(ch in vowels for ch in w):
        return 1
    groups = []
    current = ""
    for index, ch in enumerate(w):
        is_vowel = ch in vowels
        if ch == "y" and base in ("en", "fr") and index + 1 < len(w) and w[index + 1] in vowels:
            is_vowel = False  # "you", "employer": y before a vowel is a consonant
        if is_vowel:
            current += ch
        else:
            if current:
                groups.append(current)
            current = ""
    if current:
        groups.append(current)
    count = len(groups)
    if base == "de":
        count += sum(_extra_de(g) for g in groups)
    elif base == "en":
        count += _en_correction(w, groups)
    elif base == "fr":
        count += _fr_correction(w, groups)
    return max(1, count)


def _extra_de(group: str) -> int:
    """Vowel pairs that are not diphthongs or long vowels are two syllables (be-ob-achten)."""
    extra = 0
    i = 0
    while i < len(group) - 1:
        if group[i : i + 2] in _DE_ONE:
            i += 2
            if i < len(group):
                extra += 1
                i += 1
            continue
        extra += 1
        i += 1
    return extra


def _en_correction(w: str, groups: list[str]) -> int:
    if len(groups) <= 1:
        return 0
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and groups[-1] == "e":
        return -1
    if w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy":
        return -1
    if w.endswith("ed") and len(w) > 3 and w[-3] not in "td" and groups[-1] == "e":
        return -1
    if w.endswith("es") and groups[-1] == "e" and not re.search(r"(s|x|z|ch|sh|ce|ge)es$", w):
        return -1
    return 0


def _fr_correction(w: str, groups: list[str]) -> int:
    if len(groups) <= 1:
        return 0
    if re.search(r"[^aeiouyéèêàâîôû]es?$", w) and groups[-1] == "e":
        return -1
    return 0
