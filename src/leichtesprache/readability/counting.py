"""Counting inside words and texts: letters without marks, vowel groups, counts for formulas."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .text import TATWEEL

#: Vowel letters of the Latin, Cyrillic and Greek alphabets, for languages without a counter.
GENERIC_VOWELS = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœаеёиоуыэюяєіїαεηιουωάέήίόύώ"


@dataclass
class Counts:
    """What readability formulas are computed from (our own counts, see ``metrics.count``)."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    #: Words of 3 syllables or more (Wiener Sachtextformel "MS").
    polysyllables: int = 0
    monosyllables: int = 0
    #: Words of more than 6 letters (LIX, Wiener Sachtextformel "IW").
    long_words: int = 0
    letters: int = 0
    #: The visible text, for formulas that look at characters (OSMAN needs the tashkeel).
    text: str = ""


@lru_cache(maxsize=65536)
def letters(word: str) -> int:
    """Letters of a word: no combining marks (tashkeel), tatweel, separators or digits."""
    if word.isalpha():  # letters only (category L), most words: count without a loop
        return len(word) - word.count(TATWEEL)
    return sum(1 for ch in word if unicodedata.category(ch)[0] == "L" and ch != TATWEEL)


def strip_marks(word: str) -> str:
    """The word without combining marks (Arabic tashkeel) and tatweel."""
    if word.isalpha() and TATWEEL not in word:
        return word  # letters only: no mark to strip
    return "".join(ch for ch in word if unicodedata.category(ch)[0] != "M" and ch != TATWEEL)


def vowel_groups(word: str, vowels: str, *, y_before_vowel_is_consonant: bool = False) -> list[str]:
    """Runs of vowel letters in a lower-case word ("beobachten" -> "eo", "a", "e")."""
    groups: list[str] = []
    current = ""
    for index, ch in enumerate(word):
        is_vowel = ch in vowels
        if (
            is_vowel
            and ch == "y"
            and y_before_vowel_is_consonant
            and index + 1 < len(word)
            and word[index + 1] in vowels
        ):
            is_vowel = False  # "you", "employer": y before a vowel is a consonant
        if is_vowel:
            current += ch
        elif current:
            groups.append(current)
            current = ""
    if current:
        groups.append(current)
    return groups


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables as vowel groups (at least 1): the counter for languages without their own."""
    return max(1, len(vowel_groups(word.casefold(), GENERIC_VOWELS)))
