"""Own tokenisation, sentence splitting, syllables and letter counts."""

from __future__ import annotations

import pytest

from leichtesprache.readability import TextUnit, check_units, language_rules
from leichtesprache.readability.counting import letters, strip_marks
from leichtesprache.readability.languages.ar import is_diacritised
from leichtesprache.readability.text import protect, split_sentences, strip_markdown, tokenize


def _tokens(text: str, language: str = "de") -> list[tuple[str, str]]:
    masked, protected = protect(text)
    split_word = language_rules(language)[0].split_word
    return [(t.text, t.kind) for t in tokenize(masked, protected, split_word)]


def _sentences(text: str, **kwargs: frozenset[str]) -> list[str]:
    masked, protected = protect(text)
    tokens = tokenize(masked, protected)
    return [text[s.start : s.end] for s in split_sentences(masked, tokens, **kwargs)]


# fmt: off
@pytest.mark.parametrize(
    ("word", "language", "count"),
    [
        ("oder", "de", 2), ("aber", "de", 2), ("einen", "de", 2), ("Abend", "de", 2),
        ("ehe", "de", 2), ("Feier", "de", 2), ("beobachten", "de", 4), ("Geld", "de", 1),
        ("Rentenversicherung", "de", 6), ("Mini", "de", 2), ("job", "de", 1),
        ("table", "en", 2), ("the", "en", 1), ("employer", "en", 3), ("worked", "en", 1),
        ("wanted", "en", 2), ("takes", "en", 1), ("boxes", "en", 2), ("you", "en", 1),
        ("travaille", "fr", 2), ("employeur", "fr", 3), ("aujourd'hui", "fr", 3),
        ("работодатель", "ru", 5), ("отпуск", "ru", 2), ("и", "ru", 1),
        ("كَتَبَ", "ar", 3),
    ],
)
def test_syllables(word: str, language: str, count: int) -> None:
    assert language_rules(language)[0].syllables(word) == count


def test_arabic_letters_without_tashkeel_and_tatweel() -> None:
    assert letters("مُعَلِّم") == 4
    assert letters("عـــمل") == 3
    assert strip_marks("مُعَلِّم") == "معلم"
    assert is_diacritised("لَدَيْكَ عَمَلٌ صَغِيرٌ. تَحْصُلُ عَلَى مَالٍ.")
    assert not is_diacritised("لديك عمل صغير. تحصل على مال مقابل عملك.")


def test_middle_dot_and_hyphen_compounds_are_one_word_with_parts() -> None:
    masked, protected = protect("Mini·job Bürger∙geld Renten-Versicherung")
    tokens = tokenize(masked, protected)
    assert [t.text for t in tokens] == ["Mini·job", "Bürger∙geld", "Renten-Versicherung"]
    assert [t.part_texts() for t in tokens] == [
        ("Mini", "job"), ("Bürger", "geld"), ("Renten", "Versicherung")]


def test_numbers_placeholders_links() -> None:
    assert _tokens("Sie bekommen {minijob_limit} oder 1.000,50 Euro oder 1 000 000.") == [
        ("Sie", "word"), ("bekommen", "word"), ("{minijob_limit}", "placeholder"),
        ("oder", "word"), ("1.000,50", "number"), ("Euro", "word"), ("oder", "word"),
        ("1 000 000", "number")]
    kinds = dict(_tokens("Mail an info@example.org, Web www.example.org, Tel 0355 2902 70799"))
    assert kinds["info@example.org"] == "email"
    assert kinds["www.example.org"] == "url"
    assert kinds["0355 2902 70799"] == "phone"


def test_french_elision() -> None:
    assert [t for t, _ in _tokens("l'employeur n'est pas là aujourd'hui", "fr")] == [
        "l'", "employeur", "n'", "est", "pas", "là", "aujourd'hui"]


def test_arabic_words_keep_their_marks() -> None:
    assert [t for t, _ in _tokens("لَدَيْكَ عَمَلٌ؟ ١٢٣", "ar")] == ["لَدَيْكَ", "عَمَلٌ", "١٢٣"]


def test_sentence_splitting() -> None:
    text = "Das ist z. B. gut. Am 1. Januar geht es los! Sind Sie krank? Ja.\nNeue Zeile"
    assert _sentences(text, months=frozenset({"januar"})) == [
        "Das ist z. B. gut.", "Am 1. Januar geht es los!", "Sind Sie krank?", "Ja.",
        "Neue Zeile"]


def test_a_stop_after_closing_brackets_or_quotes_ends_the_sentence() -> None:
    """The stop of an abbreviation inside brackets does not swallow the sentence's own,
    and German closing quotes (“ «) close like English ones (”)."""
    abbreviations = frozenset({"usw", "пр"})
    assert _sentences("Obst (Äpfel usw.). Dann gehen Sie.", abbreviations=abbreviations) == [
        "Obst (Äpfel usw.).", "Dann gehen Sie."]
    assert _sentences("В городах (Киеве и пр.). В Москве.", abbreviations=abbreviations) == [
        "В городах (Киеве и пр.).", "В Москве."]
    assert _sentences("Obst usw. Dann gehen Sie.", abbreviations=abbreviations) == [
        "Obst usw. Dann gehen Sie."]
    for text in ("Er sagt „Ja.“ Dann geht er.", "Er sagt »Ja.« Dann geht er.",
                 "He says “Yes.” Then he goes."):
        assert len(_sentences(text)) == 2, text


def test_arabic_question_mark_ends_a_sentence() -> None:
    result = check_units([TextUnit("هل أنت مريض؟ تحصل على أجرك.", None, 1)], "ar", source="x")
    assert result.metrics["sentences"] == 2


def test_short_sentences_are_kept() -> None:
    text = ("Es war einmal.\nEine Frau hat 2 Töchter.\nDie eine Tochter ist schön.\n"
            "Und fleißig.\nAber die andere Tochter ist hässlich.\nUnd faul.")
    result = check_units([TextUnit(text, None, 1)], "de", source="x")
    assert result.metrics["sentences"] == 6
    assert result.metrics["words_per_sentence"] == 3.83


def test_continued_line_is_one_sentence() -> None:
    assert _sentences("Sie bekommen das Geld\nvon Ihrem Chef.\nDas ist gut.") == [
        "Sie bekommen das Geld\nvon Ihrem Chef.", "Das ist gut."]


def test_strip_markdown_offsets() -> None:
    raw = "Sie **müssen** [hier *klicken*](https://x.de \"t\") und \\*nicht\\*."
    visible, offsets = strip_markdown(raw)
    assert visible == "Sie müssen hier klicken und *nicht*."
    assert len(offsets) == len(visible) + 1
    assert "".join(raw[i] for i in offsets[:-1]) == visible


@pytest.mark.parametrize(
    ("language", "metric"),
    [("de", "amstad"), ("de", "wstf1"), ("de", "lix"), ("en", "flesch"), ("en", "fkgl"),
     ("fr", "kandel_moles"), ("ru", "oborneva"), ("ar", "rare_word_share"),
     ("ar", "letters_per_word")],
)
def test_metrics_per_language(language: str, metric: str) -> None:
    result = check_units([TextUnit("Eins zwei drei.", None, 1)], language, source="x")
    assert metric in result.metrics
    assert isinstance(result.metrics[metric], float)


def test_amstad_formula_on_known_counts() -> None:
    # 2 sentences, 6 words, 9 syllables: ASL 3, ASW 1.5 -> 180 - 3 - 58.5 * 1.5 = 89.25
    result = check_units([TextUnit("Sie arbeiten viel.\nSie haben Geld.", None, 1)], "de",
                         source="x")
    assert result.metrics["sentences"] == 2
    assert result.metrics["words"] == 6
    assert result.metrics["amstad"] == pytest.approx(180 - 3 - 58.5 * 9 / 6, abs=0.01)


def test_osman_only_with_tashkeel() -> None:
    plain = check_units([TextUnit("لديك عمل صغير. تحصل على مال مقابل عملك.", None, 1)], "ar",
                        source="x")
    assert "osman" not in plain.metrics
    text = "لَدَيْكَ عَمَلٌ صَغِيرٌ. تَحْصُلُ عَلَى مَالٍ مُقَابِلَ عَمَلِكَ."
    vocalised = check_units([TextUnit(text, None, 1)], "ar", source="x")
    assert vocalised.metrics["osman"] > 80  # easy, short sentences


def test_german_ordinal_after_preposition_is_not_a_sentence_end() -> None:
    from leichtesprache.readability import TextUnit, check_units

    result = check_units(
        [TextUnit("Er schreibt den Lohn am 1. Tag auf.", "x.md", 1)], "de", source="x"
    )
    assert not [f for f in result.findings if f.rule == "one-sentence-per-line"]
    result = check_units([TextUnit("Ich habe 2. Dann gehe ich.", "x.md", 1)], "de", source="x")
    assert [f for f in result.findings if f.rule == "one-sentence-per-line"]


def test_written_out_mark_class_is_the_computed_one() -> None:
    """The combining-mark class is written out for Unicode 14.0.0 (Python 3.11) so the
    checker does not compute it at every start; under that Unicode version it must be what
    ``_mark_class`` computes, under another the computed class is used."""
    import unicodedata

    from leichtesprache.readability import text

    if unicodedata.unidata_version == text._MARKS_UNICODE:
        assert text._mark_class() == text._MARKS
    assert text._marks() == text._mark_class()
    # Arabic tashkeel, the Devanagari vowel sign and the soft hyphen stay inside a word.
    words = [t.text for t in tokenize("كَتَبَ किताब Mini\u00adjob")]
    assert words == ["كَتَبَ", "किताब", "Mini\u00adjob"]


def test_letter_count_fast_path_agrees_with_the_categories() -> None:
    """``letters`` and ``strip_marks`` skip their per-character loop for words of letters
    only (``str.isalpha``); that must mean the same as Unicode category L for every
    character of the Basic Multilingual Plane."""
    import unicodedata

    from leichtesprache.readability.counting import TATWEEL, letters, strip_marks

    for code in range(0x20, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        word = f"a{chr(code)}b"
        category = unicodedata.category(chr(code))[0]
        expected = 2 + (category == "L" and chr(code) != TATWEEL)
        assert letters.__wrapped__(word) == expected, hex(code)
        kept = word if category != "M" and chr(code) != TATWEEL else "ab"
        assert strip_marks(word) == kept, hex(code)
