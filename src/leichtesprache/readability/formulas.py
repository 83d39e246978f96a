"""Readability formulas shared by the languages, computed from our own counts (advisory).

Flesch Reading Ease = base − a·ASL − b·ASW, with the constants per language taken from
textstat's table (Amstad for de, Kandel–Moles for fr, Oborneva for ru, Flesch for en).
textstat's own counts are wrong on easy-language text, so the counts are ours
(tests/test_readability_formulas.py shows each textstat error):

- its sentence counter drops every sentence of 1 or 2 words ("Sie arbeiten.");
- its syllables are hyphenation points (German "oder" = 1 syllable, French "employeur" = 2);
- English syllables need cmudict, which textstat downloads at run time (fails offline);
- its Flesch-Kincaid grade has English constants in every language (not Oborneva's for ru).

Wiener Sachtextformel 1 and LIX are the formulas of the reference (§2.1), as in textstat.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from .counting import Counts


@lru_cache(maxsize=1)
def _textstat_constants() -> ModuleType | None:
    """textstat's table of language constants, loaded on its own: importing the package
    imports nltk (for English cmudict), which costs 0.2 s and is never needed here."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "backend/utils/constants.py"
    loaded = importlib.util.spec_from_file_location("_textstat_constants", path)
    if loaded is None or loaded.loader is None or not path.is_file():
        return None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


def textstat_flesch_constants(language: str) -> tuple[float, float, float]:
    """(base, weight of words per sentence, weight of syllables per word) of textstat's
    Flesch Reading Ease for a language (English constants for languages it does not know)."""
    module = _textstat_constants()
    configs: dict[str, dict[str, float]] = getattr(module, "LANG_CONFIGS", {}) if module else {}
    english = configs.get(
        "en", {"fre_base": 206.835, "fre_sentence_length": 1.015, "fre_syll_per_word": 84.6}
    )
    own = {**english, **configs.get(language.split("_")[0], {})}
    return own["fre_base"], own["fre_sentence_length"], own["fre_syll_per_word"]


def ratios(c: Counts) -> tuple[float, float]:
    """Words per sentence (ASL) and syllables per word (ASW)."""
    return c.words / max(c.sentences, 1), c.syllables / max(c.words, 1)


def flesch(c: Counts, language: str) -> float:
    """Flesch Reading Ease with the language's constants (textstat's table)."""
    base, per_sentence, per_syllable = textstat_flesch_constants(language)
    asl, asw = ratios(c)
    return base - per_sentence * asl - per_syllable * asw


def kincaid(c: Counts, per_sentence: float, per_syllable: float, offset: float) -> float:
    """Flesch-Kincaid grade: a·ASL + b·ASW − c (English: 0.39, 11.8, 15.59)."""
    asl, asw = ratios(c)
    return per_sentence * asl + per_syllable * asw - offset


def wiener_sachtextformel(c: Counts) -> float:
    """Wiener Sachtextformel 1: 0.1935·MS + 0.1672·ASL + 0.1297·IW − 0.0327·ES − 0.875."""
    words = max(c.words, 1)
    ms, iw, es = (
        100 * c.polysyllables / words,
        100 * c.long_words / words,
        100 * c.monosyllables / words,
    )
    asl, _ = ratios(c)
    return 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875


def lix(c: Counts) -> float:
    """LIX: words per sentence + 100 · words of more than 6 letters / words."""
    asl, _ = ratios(c)
    return asl + 100 * c.long_words / max(c.words, 1)
