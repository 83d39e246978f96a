"""Checker mistakes found by reading the findings on corpus texts (seventh round,
docs/checker.md): each test has the text that showed the mistake and a near miss."""

from __future__ import annotations

from leichtesprache.readability import Finding, TextUnit, check_units

QUIZ = "تقاس درجة الحرارة بجهاز: (أ) الباروميتر (ب) الثيرموميتر (ج) الانوميتر (د) السهم الدوار."


def _findings(text: str, language: str, *rules: str) -> list[Finding]:
    result = check_units([TextUnit(text, None, 1)], language, source="test")
    return [f for f in result.findings if f.rule in rules]


def _signs(text: str, language: str) -> list[str]:
    """What the bracket rule reports, as written."""
    return [f.text[f.start : f.end] for f in _findings(text, language, "brackets")]


def test_the_labels_of_list_items_are_no_text_in_brackets() -> None:
    # BAREC (ArabicMMLU): a question with four options gave four bracket errors, with the
    # advice "Write the explanation as a sentence of its own". It is a list in one line.
    assert _signs(QUIZ, "ar") == []
    found = _findings(QUIZ, "ar", "enumeration")
    assert [(f.severity, f.message) for f in found] == [
        ("warning", "This sentence names 4 things in a row.")
    ]
    assert found[0].suggestion == "Write a list with one thing per line."
    # The alphabetical order (أ ب ت), Latin, Roman and Cyrillic labels, "b)" without "(".
    assert _signs("اختر: (أ) نعم (ب) لا (ت) ربما.", "ar") == []
    assert _signs("Choose one: (a) red (b) blue.", "en") == []
    assert _signs("Answer: (i) yes (ii) no (iii) maybe (iv) never.", "en") == []
    assert _signs("Выберите: а) да б) нет в) может быть.", "ru") == []
    assert _signs("Wählen Sie: (1) Bus (2) Bahn.", "de") == []
    # Two options are no enumeration to put in a list; more than three are.
    assert _findings("Choose one: (a) red (b) blue.", "en", "enumeration") == []
    assert _findings("Pick: (a) red (b) blue (c) green (d) black.", "en", "enumeration")


def test_a_label_alone_or_a_named_item_stays_in_brackets() -> None:
    # Near misses: one number in brackets, a word in brackets, items named with "and",
    # labels out of order.
    assert _signs("Das steht in § 8 (1) im Gesetz.", "de") == ["(1)"]
    assert _signs("(١) في قبضة الأقزام", "ar") == ["(١)"]
    assert _signs("The chips (RAM) and (CPU) are parts.", "en") == ["(RAM)", "(CPU)"]
    assert _signs("Rules (a) and (b) apply.", "en") == ["(a)", "(b)"]
    assert _signs("الجواب (أ) و(ب) صحيح.", "ar") == ["(أ)", "(ب)"]
    assert _signs("Wählen Sie (a) oder (c).", "de") == ["(a)", "(c)"]
    # The labels of one sentence do not make a word in brackets of the next one a label.
    assert _signs("Wählen Sie: (a) Bus (b) Bahn. Der Bus (b) fährt.", "de") == ["(b)"]


def test_the_items_of_a_list_in_one_line_are_counted_apart_for_sentence_length() -> None:
    # BAREC: a question and its four options were one sentence of 13 words (an error with
    # the advice to split it into sentences); the enumeration rule asks for a list instead.
    quiz = "من رسم أول خريطة للعالم (أ) الادريسي (ب) ابن بطوطة (ج) ابن سينا (د) الخوارزمي."
    assert _findings(quiz, "ar", "sentence-length") == []
    assert _findings(quiz, "ar", "enumeration")
    # Near miss: the same words without labels are one long sentence.
    plain = "من رسم أول خريطة للعالم الادريسي أو ابن بطوطة أو ابن سينا أو الخوارزمي أو غيرهم."
    assert [f.severity for f in _findings(plain, "ar", "sentence-length")][:1] == ["error"]
    # A long part before the list still counts.
    long_question = (
        "Which of these things did the old man in the small village buy at the market on"
        " Monday morning: (a) bread (b) milk (c) eggs?"
    )
    assert _findings(long_question, "en", "sentence-length")


def test_stars_or_bullets_of_a_list_in_one_line_are_one_finding() -> None:
    # BAREC (a recipe): "*كوب دقيق *3بيضات …" gave one error per star, each with the
    # advice for a footnote star ("Leave the star out. Explain things in the text itself.").
    recipe = "المطلوب *كوب دقيق *3بيضات *كوبا مسحوق *كاستر *نصف كوب حليب."
    found = _findings(recipe, "ar", "special-characters")
    assert [(f.message, f.suggestion) for f in found] == [
        ("The sign “*…*” is hard to read.", "Write a list with one thing per line.")
    ]
    assert len(_findings("Sie brauchen: • Mehl • Eier • Milch.", "de", "special-characters")) == 1
    # Near misses: one star alone, a footnote star, a gender star, stars in two sentences.
    alone = _findings("* Mehl kaufen.", "de", "special-characters")
    assert [f.suggestion for f in alone] == [
        "Leave the star out. Explain things in the text itself."
    ]
    assert _findings("Das ist wichtig*.", "de", "special-characters") == []
    assert len(_findings("Lehrer*innen und Schüler*innen kommen.", "de", "special-characters")) == 2
    assert len(_findings("Kaufen Sie *Mehl. Kaufen Sie *Eier.", "de", "special-characters")) == 2
