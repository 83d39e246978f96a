"""Readability formulas per language, computed from our own counts (advisory only).

Formulas (reference §2.1): Amstad = 180 − ASL − 58.5·ASW; Wiener Sachtextformel 1 =
0.1935·MS + 0.1672·ASL + 0.1297·IW − 0.0327·ES − 0.875; LIX = ASL + 100·LW/W; Flesch Reading
Ease = 206.835 − 1.015·ASL − 84.6·ASW; Flesch-Kincaid = 0.39·ASL + 11.8·ASW − 15.59;
Kandel-Moles = 207 − 1.015·ASL − 73.6·ASW; Oborneva = 206.835 − 1.3·ASL − 60.1·ASW;
OSMAN = 200.791 − 1.015·ASL − 24.181·(C + D + G + H)/A (only on text with tashkeel).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .base import Doc, Hit
from .counting import letters, strip_tashkeel, syllables
from .vocabulary import ar_known

_FASEEH_LETTERS = set("ءئؤذظ")


@dataclass
class Counts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0
    monosyllables: int = 0
    long_words: int = 0
    letters: int = 0


def count(doc: Doc) -> Counts:
    """Sentences (lines and terminal punctuation, short ones kept), words (a compound is one
    word, a number or placeholder is one word of one syllable), syllables, long words."""
    c = Counts()
    for unit in doc.units:
        for sentence in unit.sentences:
            if not sentence.tokens:
                continue
            c.sentences += 1
            for token in sentence.tokens:
                c.words += 1
                n = 1
                if token.kind == "word":
                    n = sum(syllables(p, doc.language) for p in token.part_texts())
                    size = letters(token.text)
                    c.letters += size
                    c.long_words += size > 6
                c.syllables += n
                c.polysyllables += n >= 3
                c.monosyllables += n == 1
    return c


def _ratios(c: Counts) -> tuple[float, float]:
    return c.words / max(c.sentences, 1), c.syllables / max(c.words, 1)


def _german(doc: Doc, c: Counts) -> dict[str, float]:
    asl, asw = _ratios(c)
    words = max(c.words, 1)
    ms, iw, es = (
        100 * c.polysyllables / words,
        100 * c.long_words / words,
        (100 * c.monosyllables / words),
    )
    return {
        "amstad": 180 - asl - 58.5 * asw,
        "wstf1": 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875,
        "lix": asl + 100 * c.long_words / words,
    }


def _english(doc: Doc, c: Counts) -> dict[str, float]:
    asl, asw = _ratios(c)
    return {"flesch": 206.835 - 1.015 * asl - 84.6 * asw, "fkgl": 0.39 * asl + 11.8 * asw - 15.59}


def _french(doc: Doc, c: Counts) -> dict[str, float]:
    asl, asw = _ratios(c)
    return {"kandel_moles": 207 - 1.015 * asl - 73.6 * asw}


def _russian(doc: Doc, c: Counts) -> dict[str, float]:
    asl, asw = _ratios(c)
    return {
        "oborneva": 206.835 - 1.3 * asl - 60.1 * asw,
        "fkgl_oborneva": 0.5 * asl + 8.4 * asw - 15.59,
    }


def is_diacritised(text: str) -> bool:
    """True when at least 30 % of the Arabic letters carry tashkeel (then OSMAN means something)."""
    arabic = sum(1 for ch in text if "\u0620" <= ch <= "\u064a")
    marks = sum(1 for ch in text if "\u064b" <= ch <= "\u0652")
    return arabic >= 10 and marks >= 0.3 * arabic


def _arabic(doc: Doc, c: Counts) -> dict[str, float]:
    words = [t for u in doc.units for s in u.sentences for t in s.tokens if t.kind == "word"]
    n = max(len(words), 1)
    result: dict[str, float] = {
        "letters_per_word": sum(letters(t.text) for t in words) / n,
        "rare_word_share": sum(1 for t in words if not ar_known(t.text, 3.0)) / n,
    }
    text = "\n".join(u.visible for u in doc.units)
    if is_diacritised(text):
        hard = faseeh = sylls = long_words = 0
        for token in words:
            s = syllables(token.text, "ar")
            bare = strip_tashkeel(token.text)
            sylls += s
            long_words += letters(bare) > 5
            if s > 5:
                hard += 1
                if _FASEEH_LETTERS & set(bare) or bare.endswith(("وا", "ون")):
                    faseeh += 1
        asl = len(words) / max(c.sentences, 1)
        result["osman"] = 200.791 - 1.015 * asl - 24.181 * (hard + sylls + long_words + faseeh) / n
    return result


#: Formula set per language.
FORMULAS: dict[str, Callable[[Doc, Counts], dict[str, float]]] = {
    "de": _german,
    "en": _english,
    "fr": _french,
    "ru": _russian,
    "ar": _arabic,
}

#: metric -> (setting, "min" | "max", display name)
GATES: dict[str, tuple[str, str, str]] = {
    "amstad": ("amstad_min", "min", "Amstad"),
    "wstf1": ("wstf1_max", "max", "Wiener Sachtextformel 1"),
    "lix": ("lix_max", "max", "LIX"),
    "flesch": ("flesch_min", "min", "Flesch Reading Ease"),
    "fkgl": ("fkgl_max", "max", "Flesch-Kincaid"),
    "kandel_moles": ("kandel_moles_min", "min", "Kandel-Moles"),
    "oborneva": ("oborneva_min", "min", "Oborneva"),
    "osman": ("osman_min", "min", "OSMAN"),
    "letters_per_word": ("letters_per_word_max", "max", "letters per word"),
    "rare_word_share": ("rare_word_share_max", "max", "share of rare words"),
}


def measure(doc: Doc) -> tuple[dict[str, float | int], list[Hit]]:
    """Metrics for the result and advisory warnings for missed gates."""
    c = count(doc)
    metrics: dict[str, float | int] = {
        "sentences": c.sentences,
        "words": c.words,
        "words_per_sentence": round(c.words / max(c.sentences, 1), 2),
        "syllables_per_word": round(c.syllables / max(c.words, 1), 2),
    }
    formula = FORMULAS.get(doc.base)
    values = formula(doc, c) if formula and c.words else {}
    metrics.update({k: round(v, 2) for k, v in values.items()})
    hits: list[Hit] = []
    if c.words < int(doc.get("formula_min_words")):
        return metrics, hits
    checks = dict(values)
    if doc.base == "ar":
        checks["words_per_sentence"] = metrics["words_per_sentence"]
    for name, value in checks.items():
        setting, direction, label = GATES.get(
            name, ("words_per_sentence_max", "max", "words per sentence")
        )
        limit = float(doc.get(setting))
        missed = value < limit if direction == "min" else value > limit
        if not missed:
            continue
        shown = round(value, 1)
        if direction == "min":
            message = doc.tr(
                "{name} is {value}; easy text has at least {limit}. Formulas are only a hint.",
                name=label,
                value=shown,
                limit=limit,
            )
        else:
            message = doc.tr(
                "{name} is {value}; easy text has at most {limit}. Formulas are only a hint.",
                name=label,
                value=shown,
                limit=limit,
            )
        hits.append(
            Hit(
                -1,
                0,
                0,
                "warning",
                message,
                doc.tr("Use shorter sentences and shorter, common words."),
            )
        )
    return metrics, hits
