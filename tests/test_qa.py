"""Translation QA: what translators break is found, paraphrases are not, and where it is."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polib
import pytest
from click.testing import Result
from hypothesis import given, settings
from hypothesis import strategies as st

from leichtesprache.catalogtext import CatalogText
from leichtesprache.config import load_project
from leichtesprache.languages import GNU_PLURAL_FORMS, get_language
from leichtesprache.qa import RULES, check_catalog, check_translations
from leichtesprache.readability.model import Finding
from leichtesprache.terms import Term, find_term
from leichtesprache.workspace import Workspace

ROOT = Path(__file__).parents[1]


def _catalog(
    entries: list[polib.POEntry], language: str, plural_forms: str | None = None
) -> CatalogText:
    po = polib.POFile()
    po.metadata = {"Language": language, "Plural-Forms": plural_forms or ""}
    if plural_forms is None:
        po.metadata["Plural-Forms"] = get_language(language).plural_forms
    for entry in entries:
        po.append(entry)
    return CatalogText.of(po, f"locale/{language}/x.po", "sample", "de")


def _qa(
    msgid: str,
    msgstr: str,
    language: str = "en",
    terms: tuple[Term, ...] = (),
) -> list[Finding]:
    entry = polib.POEntry(msgctxt="a.b", msgid=msgid, msgstr=msgstr)
    return check_catalog(_catalog([entry], language), get_language(language), terms=terms)


def _rules(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in findings]


# --- what must be found ------------------------------------------------------------------


def test_placeholder_missing_extra_and_misspelt_are_errors() -> None:
    src = "Ab {minimum_wage:from}: {minimum_wage} für 1 Stunde."
    missing = _qa(src, "From {minimum_wage:from}: 12.82 euros for 1 hour.")
    assert ("translation-placeholder", "error") in _rules(missing)
    amount = next(f for f in missing if f.rule == "translation-number")
    assert amount.severity == "error" and "amount 12.82" in amount.message
    assert "{minimum_wage}" in (amount.suggestion or "")
    assert amount.text[amount.start : amount.end] == "12.82"
    misspelt = _qa("Höchstens {minijob_limit}.", "At most {minijob_limt}.")
    assert [f.message for f in misspelt] == [
        "The placeholder {minijob_limt} is misspelt: the German text has {minijob_limit}."
    ]
    extra = _qa("Höchstens 603 Euro.", "At most 603 euros {minimum_wage}.")
    assert "does not have" in extra[0].message
    lone = _qa("Höchstens 603 Euro.", "At most 603 euros {.")
    assert [f.message for f in lone] == ["The translation has a lone '{': a placeholder is broken."]


@pytest.mark.parametrize("broken", ["{minijob_limit", "minijob_limit}", "{{minijob_limit}}"])
def test_one_broken_placeholder_is_one_finding_with_one_hint(broken: str) -> None:
    (finding,) = _qa("Höchstens {minijob_limit}.", f"At most {broken}.")
    assert finding.rule == "translation-placeholder" and finding.suggestion
    assert finding.suggestion.count(".") == 1  # one short sentence
    if broken != "{{minijob_limit}}":
        assert "{minijob_limit} has lost a brace" in finding.message
        assert finding.text[finding.start : finding.end] == broken


def test_a_changed_number_phone_address_and_month_are_errors() -> None:
    assert [f.message for f in _qa("Nach 7 Tagen.", "After 8 days.")] == [
        "The German text has the number 7, the translation has 8 instead."
    ]
    phone = _qa("Rufen Sie 030 60 28 00 28 an.", "Call 030 60 28 00 29.")
    assert "phone number" in phone[0].message and phone[0].severity == "error"
    url = _qa(
        "Mehr auf [der Seite](https://www.zoll.de).", "More on [the page](https://www.zol.de)."
    )
    assert {f.rule for f in url} == {"translation-address"}
    mail = _qa("Schreiben Sie an info@example.org.", "Write to us.")
    assert "info@example.org" in mail[0].message
    month = _qa("Ab dem 1. Juli.", "From 1 August.")
    assert "date in Juli" in month[0].message


def test_numbers_in_the_german_format_count_as_other_numbers() -> None:
    assert _rules(_qa("Bis 1.000 Euro.", "Up to 1.000 euros.")) == [("translation-number", "error")]
    assert _qa("Bis 1.000 Euro.", "Up to 1,000 euros.") == []
    assert _qa("Bis 7.236 Euro.", "Jusqu’à 7\u202f236 euros.", "fr") == []
    assert _qa("Bis 7.236 Euro.", "Jusqu’à 7 236 euros.", "fr") == []
    assert _qa("13,90 Euro.", "13,90 euros.", "fr") == []


def test_digits_of_the_language() -> None:
    assert _qa("Nach 7 Tagen.", "بعد ٧ أيام.", "ar")[0].rule == "translation-number"
    assert _qa("Nach 7 Tagen.", "بعد 7 أيام.", "ar") == []
    assert _qa("Nach 7 Tagen.", "بعد از ۷ روز.", "fa") == []


def test_markup_whitespace_and_bidi() -> None:
    bold = _qa("**Wichtig:** Heben Sie das auf.", "Important: Keep it.")
    assert _rules(bold) == [("translation-markup", "warning")]
    lines = _qa("Satz eins.\nSatz zwei.", "Sentence one. Sentence two.")
    assert "2 lines" in lines[0].message
    assert _qa("Satz eins.", "Sentence one.\nSentence two.") == []  # a split sentence is fine
    newline = _qa("Was ist ein Minijob?", "What is a minijob?\n")
    assert _rules(newline) == [("translation-whitespace", "warning")]
    assert "line break" in newline[0].message
    bidi = _qa("Ein Satz.", "جملة \u202eواحدة.", "ar")
    assert _rules(bidi) == [("translation-bidi", "error")]
    assert "U+202E" in bidi[0].message and (bidi[0].start, bidi[0].end) == (5, 6)


def test_pasted_text_is_one_error_and_not_read_by_every_rule() -> None:
    found = _qa("Ein Satz.", "0 1 " * 20_000)
    assert _rules(found) == [("translation-length", "error")]


def test_unchanged_text_is_a_warning_unless_it_is_a_name_or_a_word_of_the_language() -> None:
    assert _rules(_qa("Sie bekommen Geld.", "Sie bekommen Geld.")) == [
        ("translation-unchanged", "warning")
    ]
    assert _qa("Notes", "Notes", "fr") == []  # a French word too
    assert _qa("%(count)s pages", "%(count)s pages", "fr") == []
    assert _qa("https://www.zoll.de", "https://www.zoll.de") == []
    minijob = Term("Minijob", ("minijob",), (), "", "terms/en.toml", 3)
    assert _qa("Minijob", "Minijob", terms=(minijob,)) == []


def test_plural_header_compared_with_cldr_by_evaluation() -> None:
    babel_ar = (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=0 && n%100<=2 ? 4 : 5);"
    )
    language = get_language("ar")
    wrong = check_catalog(_catalog([], "ar", babel_ar), language)
    assert _rules(wrong) == [("translation-plural", "error")]
    assert "form 5 for n = 11; Arabic uses form 4" in wrong[0].message
    assert GNU_PLURAL_FORMS["ar"] in (wrong[0].suggestion or "")
    spaced = (
        "nplurals=6; plural= n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=11 && n%100<=99 ? 4 : 5;"
    )
    assert check_catalog(_catalog([], "ar", spaced), language) == []
    # Russian with CLDR's 4th form for fractions (Django, Transifex): the same for integers
    ru4 = (
        "nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<12 || n%100>14) ? 1 : n%10==0 || (n%10>=5 && n%10<=9) || "
        "(n%100>=11 && n%100<=14)? 2 : 3);"
    )
    assert check_catalog(_catalog([], "ru", ru4), get_language("ru")) == []
    assert _rules(check_catalog(_catalog([], "ru", ""), get_language("ru"))) == [
        ("translation-plural", "error")
    ]
    half = polib.POEntry(
        msgid="{n} Tag",
        msgid_plural="{n} Tage",
        msgstr_plural={0: "{n} يوم", 1: "{n} يوم", 2: "", 3: "", 4: "", 5: ""},
    )
    found = check_catalog(_catalog([half], "ar"), language)
    assert found[0].message == "Plural forms 2, 3, 4, 5 of 6 are empty."


# --- what must not be found -------------------------------------------------------------


@pytest.mark.parametrize(
    ("msgid", "msgstr", "language"),
    [
        ("Am 1. Tag schreibt er es auf.", "On the first day, he writes it down.", "en"),
        ("Das geht höchstens 2 Mal im Jahr.", "This can happen twice a year.", "en"),
        ("Die Grenze gilt für 1 Monat.", "The limit is for a month.", "en"),
        ("Der 2. Minijob zählt dazu.", "Le deuxième minijob compte aussi.", "fr"),
        ("Sie arbeiten 2 Tage.", "تعمل يومين.", "ar"),
        ("Am 1. Tag.", "В первый день.", "ru"),
        ("Vom 1. Januar bis zum 31. Dezember.", "С 1 января по 31 декабря.", "ru"),
        ("Nach dem 1. Juli.", "بعد 1 تموز.", "ar"),
        ("Nach dem 1. Juli.", "بعد 1 يوليو.", "ar"),
        ("Rufen Sie 030 60 28 00 28 an.", "اتصل بالرقم 030 60 28 00 28.", "ar"),
        ("Sie bekommen 80 % vom Lohn.", "You get 80% of your pay.", "en"),
    ],
)
def test_paraphrases_are_no_findings(msgid: str, msgstr: str, language: str) -> None:
    assert _qa(msgid, msgstr, language) == []


def test_regional_month_names_are_read_only_for_a_month_the_language_leaves_unnamed() -> None:
    """English has 129 regional variants, each a CLDR file: they are read only when the
    language's own names miss a month of the source (the result is the same)."""
    from leichtesprache import qa_numbers

    qa_numbers._month_names.cache_clear()
    assert _qa("Nach dem 1. Juli.", "After 1 July.", "en") == []
    misses = qa_numbers._month_names.cache_info().misses
    qa_numbers._month_names("en", True)
    assert qa_numbers._month_names.cache_info().misses == misses + 1  # not read before
    assert "date in Juli" in _qa("Nach dem 1. Juli.", "After 1 August.", "en")[0].message
    assert _qa("Nach dem 1. Juli.", "بعد 1 تموز.", "ar") == []  # a Levantine name: read


# --- term lists ---------------------------------------------------------------------------


def test_term_lists_avoid_is_an_error_and_a_missing_use_a_warning() -> None:
    wage = Term("Mindest·lohn", ("minimum wage",), ("minimum pay",), "", "terms/en.toml", 12)
    avoid = _qa("Der Mindest·lohn gilt.", "The minimum pay applies.", terms=(wage,))
    assert _rules(avoid) == [("term-avoid", "error"), ("term-use", "warning")]
    assert avoid[0].text[avoid[0].start : avoid[0].end] == "minimum pay"
    assert "terms/en.toml" in (avoid[0].suggestion or "")
    assert _qa("Den Mindest·löhnen.", "The minimum wages.", terms=(wage,)) == []
    assert _qa("Das Mindest·lohn·gesetz.", "The minimum wage law.", terms=(wage,)) == []


def test_term_matching_tolerates_inflection() -> None:
    assert find_term("Вы получаете минимальную зарплату.", "минимальная зарплата", "ru")
    assert find_term("Это пределом заработка.", "предел заработка", "ru")
    assert find_term("في إجازتك.", "إجازة", "ar")
    assert find_term("وبالحد الأدنى للأجور", "الحد الأدنى للأجور", "ar")
    assert find_term("Demandez à l'employeur.", "employeur", "fr")
    assert find_term("MINIJOB·ZENTRALE", "Minijob·zentrale", "de")
    assert find_term("Die Minijobzentrale.", "Minijob-Zentrale", "de") is None


# --- the bundled project and the CLI -------------------------------------------------------


def test_the_bundled_catalogues_give_no_qa_findings() -> None:
    project = load_project(ROOT)
    workspace = Workspace(project)
    for code in project.languages:
        version = workspace.version("minijob", code, date(2026, 11, 29))
        assert version.catalogs, code
        assert check_translations(version) == [], code


def test_check_reports_the_five_faults_at_their_msgctxt(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    en = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    text = en.read_text(encoding="utf-8")
    for old, new in (
        ('"You earn up to {minijob_limit} a month."', '"You earn up to 603 euros a month."'),
        ('"Then you have 8 days of holiday."', '"Then you have 9 days of holiday."'),
        ('"**Important:** Ask about your pay."', '"Important: Ask about your pay."'),
        ('"Your pay"', '"Your {minijob_limt}"'),
        ('"Your holiday"', '"Your holiday\\n"'),
    ):
        assert old in text
        text = text.replace(old, new)
    en.write_text(text, encoding="utf-8")
    ar = sample_project / "locale" / "ar" / "LC_MESSAGES" / "sample.po"
    po = polib.pofile(str(ar))
    entry = next(e for e in po if e.msgctxt == "urlaub.li-days")
    entry.msgstr = "\u2067" + entry.msgstr
    po.save()
    result = run_cli("check", "--project", sample_project, "--format", "json")
    assert result.exit_code == 1
    found = {
        (f["context"], f["rule"], f["severity"])
        for r in json.loads(result.stdout)["results"]
        for f in r["findings"]
        if f["rule"].startswith("translation-")
    }
    assert found >= {
        ("lohn.limit", "translation-placeholder", "error"),
        ("lohn.limit", "translation-number", "error"),
        ("urlaub.li-holiday", "translation-number", "error"),
        ("lohn.box", "translation-markup", "warning"),
        ("lohn.title", "translation-placeholder", "error"),
        ("urlaub.title", "translation-whitespace", "warning"),
        ("urlaub.li-days", "translation-bidi", "error"),
    }
    text_report = run_cli("check", "--project", sample_project, "--lang", "en")
    assert "[urlaub.li-holiday]" in text_report.output
    build = run_cli("build", "--project", sample_project, "--lang", "ar", "--edition", "screen")
    assert build.exit_code == 1
    assert "check --lang ar" in build.output


def test_a_broken_term_list_is_bad_input_with_its_place(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    terms = sample_project / "content" / "sample" / "terms"
    terms.mkdir()
    (terms / "en.toml").write_text('[[term]]\nuse = "minimum wage"\n', encoding="utf-8")
    result = run_cli("check", "--project", sample_project)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "content/sample/terms/en.toml" in result.output
    assert "term 1 needs 'de'" in result.output
    (terms / "en.toml").write_text("[[term]\n", encoding="utf-8")
    result = run_cli("status", "--project", sample_project)
    assert result.exit_code == 2 and "TOML syntax error" in result.output


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.sampled_from(["en", "ar", "ru", "fa"]))
def test_qa_never_crashes_on_any_text(msgid: str, msgstr: str, language: str) -> None:
    for finding in _qa(msgid, msgstr, language):
        assert finding.rule in RULES
        assert 0 <= finding.start <= finding.end <= len(finding.text)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ask your employers about the minimum wage and the earnings limit.", "en"),
        ("Demandez à l'employeur le salaire minimum.", "fr"),
        ("Вы получаете минимальную зарплату у работодателя.", "ru"),
        ("وبالحد الأدنى للأجور في إجازتك.", "ar"),
        ("Die Minijob-Zentrale und der Mindest·lohn·gesetz.", "de"),
    ],
)
def test_term_candidates_never_miss_a_term_find_finds(text: str, language: str) -> None:
    """``TermText.candidates`` lets the term checks skip phrases without calling ``find``;
    it may keep a phrase that is absent, never drop one that ``find`` finds."""
    from leichtesprache.terms import TermText

    phrases = (
        "employer", "minimum wage", "earnings limit", "boss", "employeur", "salaire minimum",
        "минимальная зарплата", "работодатель", "предел заработка", "الحد الأدنى للأجور",
        "إجازة", "Minijob", "Mindest·lohn", "Arbeit·geber", "Minijob-Zentrale",
    )  # fmt: skip
    prepared = TermText(text, language)
    found = {p for p in phrases if prepared.find(p) is not None}
    assert found  # each text holds at least one of the phrases
    assert found <= prepared.candidates(phrases)
    assert len(prepared.candidates(phrases)) < len(phrases)


def test_edge_white_space_is_what_the_patterns_match() -> None:
    """The whitespace rule takes the white space at the start and the end with
    ``str.strip``; that must be what ``^\\s*`` and ``\\s*$`` match, for every kind of
    white space (no-break, line separator, ideographic, the C1 "next line")."""
    import random
    import re

    from leichtesprache.qa_rules import _edge_space

    signs = " \t\n\r\f\v\u00a0\u2028\u3000\u200b\u1680\x1c\x85ab"
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(signs) for _ in range(rng.randint(0, 8)))
        for where, pattern in (("start", r"^\s*"), ("end", r"\s*$")):
            m = re.search(pattern, text)
            assert m is not None
            assert _edge_space(text, where) == (m.group(0), m.start(), m.end()), repr(text)
