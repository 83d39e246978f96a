"""Readability formulas against hand-counted samples, and where textstat goes wrong.

The checker takes textstat's Flesch constants per language and computes every formula from its
own counts. Each ``test_textstat_*`` test shows the textstat error that makes our own counts
necessary (reference easy-language.md §2.2).
"""

from __future__ import annotations

import pytest
import textstat
from textstat.backend import counts, metrics

from leichtesprache.readability import TextUnit, check_units
from leichtesprache.readability.formulas import textstat_flesch_constants

#: "Es war einmal …" by hand: 6 sentences, 23 words.
FAIRY_TALE = (
    "Es war einmal.\nEine Frau hat 2 Töchter.\nDie eine Tochter ist schön.\nUnd fleißig.\n"
    "Aber die andere Tochter ist hässlich.\nUnd faul."
)


def _metrics(text: str, language: str) -> dict[str, float | int]:
    return check_units([TextUnit(text, None, 1)], language, source="x").metrics


@pytest.mark.parametrize(
    ("language", "constants"),
    [
        ("de", (180, 1, 58.5)),  # Amstad 1978
        ("fr", (207, 1.015, 73.6)),  # Kandel & Moles 1958
        ("ru", (206.835, 1.3, 60.1)),  # Oborneva 2006
        ("en", (206.835, 1.015, 84.6)),  # Flesch 1948
    ],
)
def test_flesch_constants_come_from_textstat(
    language: str, constants: tuple[float, float, float]
) -> None:
    assert textstat_flesch_constants(language) == pytest.approx(constants)


def test_amstad_on_a_hand_counted_sample() -> None:
    # 2 sentences, 6 words, 9 syllables (ar-bei-ten, ha-ben): 180 - 3 - 58.5 * 1.5 = 89.25.
    text = "Sie arbeiten viel.\nSie haben Geld."
    assert _metrics(text, "de")["amstad"] == pytest.approx(89.25, abs=0.01)
    # textstat agrees here: no short sentence, no word its hyphenation gets wrong.
    assert metrics.flesch_reading_ease(text, "de") == pytest.approx(89.25, abs=0.01)


def test_textstat_drops_short_sentences() -> None:
    """textstat counts 4 sentences in the fairy tale; there are 6 ("Und faul." counts)."""
    assert counts.count_sentences(FAIRY_TALE) == 4
    ours = _metrics(FAIRY_TALE, "de")
    assert ours["sentences"] == 6
    assert ours["words"] == 23
    # LIX = words per sentence + 100 * long words / words; long: Töchter, Tochter,
    # fleißig, Tochter, hässlich = 5.
    assert ours["lix"] == pytest.approx(23 / 6 + 100 * 5 / 23, abs=0.01)
    assert metrics.lix(FAIRY_TALE) == pytest.approx(23 / 4 + 100 * 5 / 23, abs=0.01)
    # The same in Russian: "Вы работаете." is a sentence of an easy text.
    assert counts.count_sentences("Вы работаете.\nВы получаете деньги каждый месяц.") == 1


@pytest.mark.parametrize(
    ("word", "language", "spoken"),
    [("oder", "de", 2), ("aber", "de", 2), ("einen", "de", 2), ("Abend", "de", 2)],
)
def test_textstat_counts_german_hyphenation_points_not_syllables(
    word: str, language: str, spoken: int
) -> None:
    assert counts.count_syllables(word, language) == 1
    assert _metrics(f"{word}.", language)["syllables_per_word"] == spoken


def test_textstat_french_syllables() -> None:
    assert counts.count_syllables("employeur", "fr") == 2  # em-ploy-eur: 3
    assert _metrics("employeur.", "fr")["syllables_per_word"] == 3


def test_textstat_russian_syllables_agree() -> None:
    """Vowel letters are Russian syllables; textstat's count agrees on these words."""
    for word, count in (("работодатель", 5), ("отпуск", 2), ("работаете", 5)):
        assert counts.count_syllables(word, "ru") == count
        assert _metrics(f"{word}.", "ru")["syllables_per_word"] == count


def test_textstat_kincaid_has_english_constants_in_russian() -> None:
    text = "Вы получаете деньги каждый месяц.\nНачальник платит вам деньги."
    # 2 sentences, 9 words, 20 syllables (vowel letters).
    asl, asw = 9 / 2, 20 / 9
    english = 0.39 * asl + 11.8 * asw - 15.59
    assert metrics.flesch_kincaid_grade(text, "ru") == pytest.approx(english, abs=0.01)
    ours = _metrics(text, "ru")
    assert ours["fkgl_oborneva"] == pytest.approx(0.5 * asl + 8.4 * asw - 15.59, abs=0.01)
    assert ours["oborneva"] == pytest.approx(206.835 - 1.3 * asl - 60.1 * asw, abs=0.01)


def test_wiener_sachtextformel_on_a_hand_counted_sample() -> None:
    # 2 sentences, 8 words; syllables Sie 1, ar-bei-ten 3, o-der 2, ler-nen 2, Sie 1,
    # ha-ben 2, a-ber 2, Geld 1: MS = 1/8, ES = 3/8, IW (> 6 letters) = 1/8.
    text = "Sie arbeiten oder lernen.\nSie haben aber Geld."
    hand = 0.1935 * 12.5 + 0.1672 * 4 + 0.1297 * 12.5 - 0.0327 * 37.5 - 0.875
    assert _metrics(text, "de")["wstf1"] == pytest.approx(hand, abs=0.01)
    # textstat takes "oder" and "aber" for words of 1 syllable (ES = 5/8).
    assert metrics.wiener_sachtextformel(text, 1, "de") != pytest.approx(hand, abs=0.01)


def test_textstat_english_syllables_need_a_download(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without cmudict data, textstat downloads it at run time (offline: it fails)."""
    import nltk
    from textstat.backend.utils._get_cmudict import get_cmudict

    asked: list[str] = []

    def missing(*args: object, **kwargs: object) -> None:
        raise LookupError("no cmudict")

    monkeypatch.setattr(nltk.data, "find", missing)
    monkeypatch.setattr(nltk, "download", lambda name, **kwargs: asked.append(name))
    get_cmudict.cache_clear()
    try:
        with pytest.raises(LookupError):
            counts.count_syllables("employer", "en")
    finally:
        get_cmudict.cache_clear()
    assert asked == ["cmudict"]
    assert _metrics("employer.", "en")["syllables_per_word"] == 3  # our own count


def test_textstat_osman_never_sees_the_tashkeel() -> None:
    """textstat strips the marks before counting them: no word is ever "hard" (> 5 syllables)."""
    long_words = "اسْتِثْمَارَاتُكُمْ مُسْتَشْفَيَاتُنَا"
    assert counts.count_complex_arabic_words(long_words) == 0
    text = "لَدَيْكَ عَمَلٌ صَغِيرٌ.\nتَحْصُلُ عَلَى مَالٍ مُقَابِلَ عَمَلِكَ."
    assert textstat.osman(text) < 30  # the easiest sentences score as very hard
    assert _metrics(text, "ar")["osman"] > 80
