"""Counts of the whole text, the language's readability formulas, and advisory gates."""

from __future__ import annotations

from .base import Doc, Hit
from .counting import Counts, letters
from .lexicon import has_frequencies


def count(doc: Doc) -> Counts:
    """Sentences (lines and terminal punctuation, short ones kept), words (a compound is one
    word, a number or placeholder is one word of one syllable), syllables, long words."""
    syllables = doc.profile.syllables
    c = Counts(text="\n".join(u.visible for u in doc.units))
    for unit in doc.units:
        for sentence in unit.sentences:
            if not sentence.tokens:
                continue
            c.sentences += 1
            for token in sentence.tokens:
                c.words += 1
                n = 1
                if token.kind == "word":
                    if len(token.parts) == 1:
                        n = syllables(token.text)
                    else:
                        n = sum(syllables(p) for p in token.part_texts())
                    size = letters(token.text)
                    c.letters += size
                    c.long_words += size > 6
                c.syllables += n
                c.polysyllables += n >= 3
                c.monosyllables += n == 1
    return c


def _distribution(doc: Doc) -> dict[str, float]:
    """What separates easy from hard text beyond averages: the long tail of sentence length
    (90th percentile; published Leichte-Sprache texts: 8.8) and the share of rare words."""
    lengths = sorted(max(s.segments, default=0) for u in doc.units for s in u.sentences)
    words = [t.text for u in doc.units for s in u.sentences for t in s.words]
    if not lengths or not words:
        return {}
    result = {
        "words_per_sentence_p90": float(lengths[min(len(lengths) - 1, len(lengths) * 9 // 10)])
    }
    if has_frequencies(doc.base):
        rare = sum(1 for w in words if letters(w) >= 3 and not doc.known(w, 3.0))
        result["rare_word_share"] = round(rare / len(words), 3)
    return result


def measure(doc: Doc) -> tuple[dict[str, float | int], list[Hit]]:
    """Metrics for the result and advisory warnings for missed gates."""
    c = count(doc)
    metrics: dict[str, float | int] = {
        "sentences": c.sentences,
        "words": c.words,
        "words_per_sentence": round(c.words / max(c.sentences, 1), 2),
        "syllables_per_word": round(c.syllables / max(c.words, 1), 2),
    }
    metrics.update(_distribution(doc))
    formulas = doc.profile.formulas
    values = formulas(doc, c) if formulas and c.words else {}
    metrics.update({k: round(v, 2) for k, v in values.items()})
    hits: list[Hit] = []
    if c.words < int(doc.get("formula_min_words")):
        return metrics, hits
    for name, (setting, direction, label) in doc.profile.gates.items():
        if name not in metrics:
            continue
        value = float(metrics[name])
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
