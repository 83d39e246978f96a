"""Separation on our own Minijob samples: easy texts pass, hard texts fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from leichtesprache.readability import check_files, language_rules
from leichtesprache.readability.engine import analyse
from leichtesprache.readability.sources import read_file_units

SAMPLES = Path(__file__).parent / "readability_samples"
LANGUAGES = ("de", "en", "fr", "ru", "ar")


def sentence_errors(language: str, level: str) -> tuple[list[int], list[int]]:
    """Errors per sentence and errors per paragraph of one sample file."""
    path = SAMPLES / f"{language}-{level}.txt"
    (result,) = check_files([path], language)
    units = read_file_units(path.read_text("utf-8"), str(path))
    profile, _rules = language_rules(language)
    views = analyse(units, profile, language)
    per_sentence: list[int] = []
    per_paragraph: list[int] = []
    for view in views:
        errors = [
            f
            for f in result.findings
            if f.severity == "error" and f.text == view.unit.text and f.line is not None
        ]
        per_paragraph.append(len(errors))
        for sentence in view.sentences:
            start, end = view.offsets[sentence.start], view.offsets[sentence.end]
            per_sentence.append(sum(1 for f in errors if start <= f.start < end))
    return per_sentence, per_paragraph


def auc(hard: list[int], easy: list[int]) -> float:
    pairs = [(h > e) + 0.5 * (h == e) for h in hard for e in easy]
    return sum(pairs) / len(pairs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_easy_sample_passes(language: str) -> None:
    (result,) = check_files([SAMPLES / f"{language}-easy.txt"], language)
    errors = [f for f in result.findings if f.severity == "error"]
    assert result.passed, errors
    assert 10 <= result.metrics["sentences"] <= 15


@pytest.mark.parametrize("language", LANGUAGES)
def test_hard_sample_fails_in_every_paragraph(language: str) -> None:
    _sentences, paragraphs = sentence_errors(language, "hard")
    assert len(paragraphs) == 3
    assert all(n >= 3 for n in paragraphs), paragraphs


@pytest.mark.parametrize("language", LANGUAGES)
def test_separation(language: str) -> None:
    hard, _ = sentence_errors(language, "hard")
    easy, _ = sentence_errors(language, "easy")
    false_alarms = sum(1 for n in easy if n) / len(easy)
    score = auc(hard, easy)
    print(
        f"\n{language}: errors/sentence hard {sum(hard) / len(hard):.2f} "
        f"easy {sum(easy) / len(easy):.2f}; false alarms on easy sentences "
        f"{false_alarms:.0%}; AUC {score:.2f}"
    )
    assert false_alarms == 0
    assert score >= 0.95
