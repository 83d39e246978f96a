"""Checker mistakes found by reading the findings on Russian and Arabic corpus texts (sixth
round, docs/checker.md): each test has the text that showed the mistake and a near miss."""

from __future__ import annotations

from leichtesprache.readability import Finding, TextUnit, check_units


def _check(text: str, language: str) -> tuple[int, list[Finding]]:
    result = check_units([TextUnit(text, None, 1)], language, source="test")
    return int(result.metrics["sentences"]), result.findings


def _rules(text: str, language: str, severity: str = "error") -> list[str]:
    return [f.rule for f in _check(text, language)[1] if f.severity == severity]


def test_a_single_letter_before_a_one_letter_word_or_another_script_ends_the_sentence() -> None:
    # "D" is no initial: "А" after it is a word of its own, in Cyrillic letters.
    text = "В обычной пище мало витамина D. А солнце может вызвать рак кожи."
    assert _check(text, "ru")[0] == 2
    assert _check("Take vitamin D. A walk helps too.", "en")[0] == 2
    # Near misses: initials stay inside the sentence.
    assert _check("Это написал А. С. Пушкин.", "ru")[0] == 1
    assert _check("Это написал А. Пушкин.", "ru")[0] == 1
    assert _check("Das ist z. B. ein Test.", "de")[0] == 1
    assert _check("She likes J. K. Rowling.", "en")[0] == 1


def test_a_century_in_cyrillic_letters_is_a_roman_numeral_and_its_v_an_abbreviation() -> None:
    # RuAdapt: the "Х" of "ХIХ" is Cyrillic. It was "an abbreviation or a word in capital
    # letters", and "в." (век, century) after it was not reported at all.
    findings = _check("Главными героями с конца ХIХ в. стали Дед Мороз и Снегурочка.", "ru")[1]
    found = {(f.rule, f.text[f.start : f.end], f.suggestion) for f in findings}
    assert ("roman-numeral", "ХIХ", "19") in found
    assert any(rule == "abbreviation" and word == "в." for rule, word, _ in found)
    assert not any(rule == "abbreviation" and word == "ХIХ" for rule, word, _ in found)
    assert "abbreviation" in _rules("Коллекция с ХII до ХХ вв. большая.", "ru")
    # Near misses: "в" as the word "in", after a number too, and a capital word.
    assert "abbreviation" not in _rules("Я живу в Москве.", "ru")
    assert "abbreviation" not in _rules("Приходите к 5 в субботу.", "ru")
    assert "roman-numeral" not in _rules("Это ХОР.", "ru")


def test_a_run_of_ellipses_is_one_sign() -> None:
    # BAREC: a blank to fill in a quiz ("………") was one error per "…".
    findings = _check("ملابس النوم توضع في ………", "ar")[1]
    assert [f.text[f.start : f.end] for f in findings if f.rule == "special-characters"] == ["………"]
    findings = _check("من أدوات المسح والتصفية …….", "ar")[1]
    assert len([f for f in findings if f.rule == "special-characters"]) == 1
    # Near miss: two ellipses apart are two signs.
    findings = _check("Зелёная была… Синяя была…", "ru")[1]
    assert len([f for f in findings if f.rule == "special-characters"]) == 2


def _words(text: str, language: str, rule: str) -> list[str]:
    return [f.text[f.start : f.end] for f in _check(text, language)[1] if f.rule == rule]


def test_a_magpie_is_no_number() -> None:
    # ReadMe++: "сорока" is also the genitive of "сорок" (forty).
    assert _words("Это ручная сорока или что-то около того.", "ru", "number-words") == []
    # Near misses: forty, with a preposition before it or a plural word after it.
    assert _words("Ему около сорока лет.", "ru", "number-words") == ["сорока"]
    assert _words("Он ждал до сорока.", "ru", "number-words") == ["сорока"]
    assert _words("Мне сорок.", "ru", "number-words") == ["сорок"]


def test_a_participle_only_guessed_from_the_ending_is_not_reported() -> None:
    # ReadMe++ and RuSimpleSentEval: a name in small letters and a misspelt noun, which
    # pymorphy3 does not know and takes for adverbial participles by their ending "-я".
    assert _words("Магазин на площади юруя в новом городе.", "ru", "participle") == []
    assert _words("Суд - последняя инстанциея для дел.", "ru", "participle") == []
    # Near misses: adverbial participles and participles the dictionary knows.
    assert _words("Он ушёл, не совещаясь с сенатом.", "ru", "participle") == ["совещаясь"]
    assert _words("Это блюдо, приготовленное из молока.", "ru", "participle") == ["приготовленное"]


def test_arabic_hollow_verbs_and_the_tanween_kasra_are_not_rare_lemmas() -> None:
    # SAMER: "صرنا" (we became, صار) was the rare verb صرّ; BAREC: "غالٍ" (dear, غالي) was
    # the rare verb غال.
    assert _words("صرنا أصدقاء منذ زمن.", "ar", "hard-word") == []
    assert _words("هو صديق غالٍ", "ar", "hard-word") == []
    # Near misses: the rare lemmas written alone stay hard, and a hollow guess needs the
    # ending on the word itself ("درنات" is no دار).
    assert _words("صديق غال", "ar", "hard-word") == ["غال"]
    assert _words("ناهزت الأسعار القمة.", "ar", "hard-word") == ["ناهزت"]


def test_a_headline_in_capitals_is_one_finding() -> None:
    # RuSimpleSentEval: a headline in capitals was 7 errors, one per word.
    found = _words("ВЗРЫВ НЕ СОСТОЯЛСЯ ИЗ-ЗА НЕВНИМАТЕЛЬНОСТИ ЗАГОВОРЩИКА", "ru", "abbreviation")
    assert found == ["ВЗРЫВ НЕ СОСТОЯЛСЯ ИЗ-ЗА НЕВНИМАТЕЛЬНОСТИ ЗАГОВОРЩИКА"]
    # Near misses: abbreviations side by side, or apart, stay one finding each.
    assert _words("Флот ВМС США был большим.", "ru", "abbreviation") == ["ВМС"]
    assert _words("Das SGB und das BGB gelten.", "de", "abbreviation") == ["SGB", "BGB"]
    assert _words("Sie fragt: SGB, BGB oder HGB?", "de", "abbreviation") == [
        "SGB",
        "BGB",
        "HGB",
    ]


def test_a_french_roman_ordinal_is_a_roman_numeral() -> None:
    # WiViCo: "XIXe" (19th) was "an abbreviation or a word in capital letters".
    findings = _check("Il vit à la fin du XIXe siècle.", "fr")[1]
    assert [(f.rule, f.suggestion) for f in findings if f.severity == "error"] == [
        ("roman-numeral", "19e")
    ]
    # Near misses: a word in capitals stays an abbreviation, a plain numeral a numeral.
    assert _words("La DIRE aide.", "fr", "abbreviation") == ["DIRE"]
    assert _words("Le roi Louis XIV vit ici.", "fr", "roman-numeral") == ["XIV"]
