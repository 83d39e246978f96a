"""The checker's public API: units, files, catalogues, projects, exceptions, settings, reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from leichtesprache.errors import ContentError
from leichtesprache.i18n import use_language
from leichtesprache.readability import (
    CheckResult,
    Finding,
    TextUnit,
    check_files,
    check_units,
)
from leichtesprache.readability.report import format_html, format_json, format_text
from leichtesprache.readability.sources import parse_allow

FINDING_KEYS = {
    "rule": str,
    "severity": str,
    "message": str,
    "file": (str, type(None)),
    "line": (int, type(None)),
    "context": (str, type(None)),
    "text": str,
    "start": int,
    "end": int,
    "suggestion": (str, type(None)),
}


def _check(text: str, language: str = "de", **kwargs: object) -> CheckResult:
    unit = TextUnit(text, "t.md", 1)
    return check_units([unit], language, source="t.md", **kwargs)  # type: ignore[arg-type]


def _rules(result: CheckResult) -> set[str]:
    return {f.rule for f in result.findings}


# --- placeholders and Markdown -------------------------------------------------------------


def test_placeholders_are_never_flagged() -> None:
    text = (
        "Sie verdienen höchstens {minijob_limit} im Monat.\n"
        "Das gilt ab {valid_from}.\nDer Mindest·lohn ist {minimum_wage} pro Stunde."
    )
    result = _check(text)
    assert not result.findings, result.findings
    assert result.passed


def test_placeholder_counts_as_one_word() -> None:
    result = _check("Sie bekommen {minijob_limit}.")
    assert result.metrics["words"] == 3


def test_markdown_offsets_map_to_the_original() -> None:
    text = "Sie **könnten** das [hier online](https://www.minijob-zentrale.de/a_b?x=1) tun."
    result = _check(text)
    (hit,) = [f for f in result.findings if f.rule == "conditional"]
    assert text[hit.start : hit.end] == "könnten"
    assert "special-characters" not in _rules(result)  # the URL's / and _ are not text
    assert "abbreviation" not in _rules(result)


def test_emphasis_markers_are_not_special_characters() -> None:
    assert not _check("Das ist *wichtig* und __sehr__ wichtig.").findings


def test_links_urls_and_emails_are_not_words() -> None:
    result = _check(
        "Schreiben Sie an info@minijob-zentrale.de oder gehen Sie auf www.minijob-zentrale.de.",
        "de",
    )
    assert not {"abbreviation", "special-characters", "hard-word"} & _rules(result)


# --- exceptions, settings, language of messages -------------------------------------------


def test_allowed_rule_becomes_info_with_reason() -> None:
    unit = TextUnit(
        "Sie müssen keine Steuern zahlen.", "t.md", 1, allow={"negation": "legal right"}
    )
    result = check_units([unit], "de", source="t.md")
    (hit,) = [f for f in result.findings if f.rule == "negation"]
    assert hit.severity == "info"
    assert "legal right" in hit.message
    assert result.passed
    assert result.counts["info"] == 1


def test_allowed_error_does_not_fail() -> None:
    unit = TextUnit("Sie zahlen 20 % Steuern.", "t.md", 1, allow={"percent": "quote of law"})
    assert check_units([unit], "de", source="t.md").passed


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("check: allow negation — legal right", {"negation": "legal right"}),
        (
            "Paragraph. Easy.\ncheck: allow negation, passive – quote",
            {"negation": "quote", "passive": "quote"},
        ),
        (
            "check: allow sentence-length - the title of a law",
            {"sentence-length": "the title of a law"},
        ),
        ("check: allow percent: the law says so", {"percent": "the law says so"}),
        ("check: allow negation", {"negation": "no reason given"}),
        ("nothing here", {}),
    ],
)
def test_parse_allow(comment: str, expected: dict[str, str]) -> None:
    assert parse_allow(comment) == expected


def test_unknown_allowed_rule_is_reported() -> None:
    unit = TextUnit("Sie arbeiten.", "t.md", 1, allow={"negaton": "typo"})
    result = check_units([unit], "de", source="t.md")
    assert [f.rule for f in result.findings] == ["config"]


def test_settings_override_thresholds() -> None:
    text = "Sie bekommen jeden Monat Geld."
    assert "sentence-length" not in _rules(_check(text))
    strict = _check(text, settings={"sentence_error": 4, "sentence_warning": 3})
    assert [f.severity for f in strict.findings if f.rule == "sentence-length"] == ["error"]


def test_settings_override_severity_and_switch_off() -> None:
    text = "Sie zahlen keine Steuern."
    result = _check(text, settings={"severity": {"negation": "error"}})
    assert not result.passed
    assert "negation" not in _rules(_check(text, settings={"severity": {"negation": "off"}}))


def test_unknown_setting_is_a_warning() -> None:
    result = _check("Sie arbeiten.", settings={"sentence_eror": 3})
    assert [(f.rule, f.severity) for f in result.findings] == [("config", "warning")]


def test_abbreviation_allow_list_from_settings() -> None:
    assert "abbreviation" in _rules(_check("Fragen Sie die AOK."))
    assert "abbreviation" not in _rules(
        _check("Fragen Sie die AOK.", settings={"abbreviation_allow": ["AOK"]})
    )


def test_messages_in_german() -> None:
    with use_language("de"):
        result = _check("Sie zahlen keine Steuern.")
    (hit,) = [f for f in result.findings if f.rule == "negation"]
    assert hit.message.startswith("Die Verneinung")
    assert hit.suggestion
    assert "positiv" in hit.suggestion


def test_unknown_language_gets_general_rules() -> None:
    result = _check("aa bb (cc) 20 %.", "xx")
    assert {"brackets", "percent"} <= _rules(result)
    assert not result.passed


# --- glossary -----------------------------------------------------------------------------


def test_glossary_term_in_another_form_is_an_error() -> None:
    unit = TextUnit("Sie haben einen Minijob.", "t.md", 1)
    result = check_units([unit], "de", source="t", glossary=["Mini·job"])
    (hit,) = [f for f in result.findings if f.rule == "glossary-consistency"]
    assert hit.severity == "error"
    assert hit.suggestion == "Mini·job"


def test_glossary_term_as_written_and_inflected_passes() -> None:
    units = [TextUnit("Sie haben einen Mini·job.\nViele Mini·jobs sind gut.", "t.md", 1)]
    result = check_units(units, "de", source="t", glossary=["Mini·job"])
    assert "glossary-consistency" not in _rules(result)


def test_glossary_explains_hard_words() -> None:
    text = "Sie bekommen einen Zuverdienst."
    assert "hard-word" in _rules(_check(text))
    unit = TextUnit(text, "t.md", 1)
    explained = check_units([unit], "de", source="t", glossary=["Zuverdienst"])
    assert "hard-word" not in _rules(explained)


def test_inconsistent_spelling_without_glossary() -> None:
    units = [
        TextUnit("Sie haben einen Mini·job.", "t.md", 1),
        TextUnit("Der Mini·job ist gut.", "t.md", 3),
        TextUnit("Ein Minijob ist klein.", "t.md", 5),
    ]
    result = check_units(units, "de", source="t")
    hits = [f for f in result.findings if f.rule == "glossary-consistency"]
    assert [(h.line, h.suggestion) for h in hits] == [(5, "Mini·job")]


# --- files ----------------------------------------------------------------------------------


def test_check_files_json_shape(tmp_path: Path) -> None:
    path = tmp_path / "text.md"
    path.write_text(
        "# Ihr Mini·job {#x.title}\n\nSie arbeiten.\nSie zahlen 20 % Steuern.\n\n"
        "- Sie haben Urlaub.\n- Sie haben (viele) Rechte.\n",
        "utf-8",
    )
    results = check_files([path], "de")
    payload = json.loads(format_json(results))
    assert set(payload) == {"version", "results"}
    assert payload["version"] == 1
    (result,) = payload["results"]
    assert set(result) == {"language", "source", "passed", "counts", "metrics", "findings"}
    assert result["language"] == "de"
    assert result["source"] == str(path)
    assert isinstance(result["passed"], bool)
    assert result["passed"] is False
    assert set(result["counts"]) == {"error", "warning", "info"}
    assert all(isinstance(v, int) for v in result["counts"].values())
    assert {"sentences", "words", "words_per_sentence"} <= set(result["metrics"])
    assert all(isinstance(v, (int, float)) for v in result["metrics"].values())
    assert result["findings"]
    for finding in result["findings"]:
        assert set(finding) == set(FINDING_KEYS)
        for key, kind in FINDING_KEYS.items():
            assert isinstance(finding[key], kind), (key, finding[key])
        assert finding["severity"] in ("error", "warning", "info")


def test_check_files_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "text.md"
    path.write_text(
        "# Titel\n\nSie arbeiten.\nSie zahlen 20 % Steuern.\n\n"
        "- Sie haben Urlaub.\n- Sie haben (viele) Rechte.\n\n"
        "> Das ist **wichtig**: Sie & Ihr Chef.\n",
        "utf-8",
    )
    (result,) = check_files([path], "de")
    lines = {f.rule: f.line for f in result.findings}
    assert lines["percent"] == 4
    assert lines["brackets"] == 7
    assert lines["special-characters"] == 9
    for f in result.findings:
        assert f.file == str(path)


def test_check_files_running_text(tmp_path: Path) -> None:
    path = tmp_path / "text.txt"
    path.write_text("Sie arbeiten viel. Sie bekommen Geld.\nDas ist gut.\n", "utf-8")
    (result,) = check_files([path], "de")
    (hit,) = [f for f in result.findings if f.rule == "one-sentence-per-line"]
    assert hit.line == 1


def test_check_files_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ContentError):
        check_files([tmp_path / "missing.txt"], "de")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(ContentError):
        check_files([bad], "de")


# --- reports ------------------------------------------------------------------------------


def _results() -> list[CheckResult]:
    de = check_units(
        [TextUnit("Sie zahlen 20 % <script>alert(1)</script> Steuern.", "a.md", 2, "x.y")],
        "de",
        source="a.md",
    )
    ar = check_units([TextUnit("تحصل على ٦٠٣ يورو (كل شهر).", "ar.po", 7)], "ar", source="ar.po")
    return [de, ar]


def test_format_text() -> None:
    text = format_text(_results())
    assert "a.md:2: error percent: Percentages are hard to understand. — " in text
    assert "Total:" in text
    with use_language("de"):
        german = format_text(_results())
    assert "Fehler percent" in german
    assert "Gesamt:" in german
    assert "\033[" in format_text(_results(), color=True)


def test_format_html_is_escaped_self_contained_and_rtl() -> None:
    with use_language("de"):
        html = format_html(_results())
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "&lt;" in html
    assert "script<mark" in html
    assert 'dir="rtl"' in html
    assert "<mark" in html
    assert 'title="' in html
    assert "src=" not in html
    assert "<link" not in html
    assert "http" not in html
    assert "Prüfung auf Leichte Sprache" in html


def test_findings_are_frozen() -> None:
    finding = _results()[0].findings[0]
    assert isinstance(finding, Finding)
    with pytest.raises(AttributeError):
        finding.rule = "x"  # type: ignore[misc]


# --- robustness ---------------------------------------------------------------------------

LANGUAGES = st.sampled_from(["de", "en", "fr", "ru", "ar", "uk", "xx"])
KINDS = st.sampled_from(
    [None, "heading", "paragraph", "list_item", "glossary_term", "contact_name", "picture"]
)
ALPHABET = st.characters(blacklist_categories=("Cs",))
SNIPPETS = st.sampled_from(
    [
        "Mini·job",
        "{x}",
        "**",
        "[a](b)",
        "z. B.",
        "1.000,5",
        "01.01.26",
        "٦٠٣",
        "؟",
        "·",
        "-",
        "\n",
        " ",
        "“",
        "09:00",
        "IV",
        "SGB",
        "\u064e",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(
        st.one_of(st.text(ALPHABET, max_size=80), st.lists(SNIPPETS, max_size=12).map("".join)),
        min_size=1,
        max_size=3,
    ),
    language=LANGUAGES,
    kind=KINDS,
    glossary=st.lists(st.text(ALPHABET, max_size=12), max_size=2),
)
@example(texts=["\U00017000"], language="ru", kind=None, glossary=[])  # pymorphy3 raised
def test_check_units_never_raises(
    texts: list[str], language: str, kind: str | None, glossary: list[str]
) -> None:
    units = [TextUnit(t, "f", 1, kind=kind) for t in texts]
    result = check_units(units, language, source="s", glossary=glossary)
    for finding in result.findings:
        if finding.text:
            assert 0 <= finding.start <= finding.end <= len(finding.text)
    json.loads(format_json([result]))
    format_html([result])
