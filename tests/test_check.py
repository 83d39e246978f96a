"""``check`` on the translated model: where findings point, exceptions, facts, broken input."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import fill_catalog
from leichtesprache.check import check_project
from leichtesprache.config import load_project
from leichtesprache.errors import CatalogError
from leichtesprache.readability.report import format_html, format_json

DAY = date(2026, 11, 29)


def _entry_start(path: Path, context: str) -> int:
    """The first line (comments included) of the PO entry with ``context``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgctxt "{context}"')
    while at > 0 and lines[at - 1].strip():
        at -= 1
    return at + 1


def test_source_language_findings_point_at_the_markdown(sample_project: Path) -> None:
    section = sample_project / "content" / "sample" / "sections" / "lohn.md"
    section.write_text(
        section.read_text(encoding="utf-8").replace(
            "Das sind {minimum_wage} für 1 Stunde.",
            "Das sind {minimum_wage} für 1 Stunde, und das ist nicht wenig (20 %).",
        ),
        encoding="utf-8",
    )
    de = check_project(load_project(sample_project), ["de"], as_of=DAY)[0]
    assert de.source == "content/sample"
    percent = next(f for f in de.findings if f.rule == "percent")
    assert (percent.file, percent.line, percent.context) == (
        "content/sample/sections/lohn.md",
        6,
        "lohn.intro",
    )


def test_translation_findings_point_at_the_po_entry(sample_project: Path) -> None:
    po = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    text = po.read_text(encoding="utf-8").replace(
        'msgstr "You earn up to {minijob_limit} a month."',
        'msgstr "You earn up to {minijob_limit} a month (about 50 %)."',
    )
    po.write_text(text, encoding="utf-8")
    en = check_project(load_project(sample_project), ["en"], as_of=DAY)[0]
    assert en.source == "locale/en/LC_MESSAGES/sample.po"
    percent = next(f for f in en.findings if f.rule == "percent")
    assert (percent.file, percent.context) == ("locale/en/LC_MESSAGES/sample.po", "lohn.limit")
    assert percent.line == _entry_start(po, "lohn.limit")


def test_exceptions_and_translator_comments_allow_a_rule(sample_project: Path) -> None:
    section = sample_project / "content" / "sample" / "sections" / "lohn.md"
    section.write_text(
        section.read_text(encoding="utf-8").replace(
            "Fragen Sie nach Ihrem Lohn.", "Sie müssen nicht schweigen."
        ),
        encoding="utf-8",
    )
    de = check_project(load_project(sample_project), ["de"], as_of=DAY)[0]
    negation = next(f for f in de.findings if f.rule == "negation" and f.context == "lohn.box")
    assert negation.severity == "info"
    assert "Beispiel für eine begründete Ausnahme." in negation.message
    po = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace(
        'msgctxt "lohn.limit"', '# check: allow percent — a quoted rate\nmsgctxt "lohn.limit"'
    )
    text = text.replace("a month.", "a month (50 %).")
    po.write_text(text, encoding="utf-8")
    en = check_project(load_project(sample_project), ["en"], as_of=DAY)[0]
    percent = next(f for f in en.findings if f.rule == "percent")
    assert percent.severity == "info" and "a quoted rate" in percent.message


def test_fuzzy_and_untranslated_are_not_checked(sample_project: Path) -> None:
    po = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace(
        'msgstr "You earn up to {minijob_limit} a month."',
        'msgstr "You earn up to {minijob_limit} a month (50 %)."',
    )
    text = text.replace('msgctxt "lohn.limit"', '#, fuzzy\nmsgctxt "lohn.limit"')
    po.write_text(text, encoding="utf-8")
    en = check_project(load_project(sample_project), ["en"], as_of=DAY)[0]
    assert "lohn.limit" not in {f.context for f in en.findings}


def test_missing_catalogue_is_an_error_finding(sample_project: Path) -> None:
    (sample_project / "locale" / "ar" / "LC_MESSAGES" / "sample.po").unlink()
    results = check_project(load_project(sample_project), as_of=DAY)
    ar = next(r for r in results if r.language == "ar")
    assert not ar.passed
    assert [f.rule for f in ar.findings] == ["no-catalogue"]
    assert ar.findings[0].file == "locale/ar/LC_MESSAGES/sample.po"


def test_broken_catalogue_is_refused_with_file_and_line(sample_project: Path) -> None:
    po = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    bad = lines.index('msgctxt "lohn.limit"') + 1
    lines[bad - 1] = 'msgctxt "lohn.limit'
    po.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        check_project(load_project(sample_project), as_of=DAY)
    problem = info.value.problems[0]
    assert (problem.file, problem.line) == ("locale/en/LC_MESSAGES/sample.po", bad)


@pytest.mark.parametrize(
    ("command", "extra"),
    [
        ("check", ()),
        ("check", ("--format", "json")),
        ("status", ()),
        ("build", ("--edition", "screen")),
        ("update", ("--check",)),
    ],
)
def test_every_command_names_the_same_broken_line(
    run_cli, sample_project: Path, command: str, extra: tuple[str, ...]
) -> None:
    fill_catalog(sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po")
    po = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    bad = lines.index('msgctxt "lohn.limit"') + 1
    lines[bad - 1] = 'msgctxt "lohn.limit'
    po.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli(command, "--project", sample_project, *extra)
    assert result.exit_code == 2, result.output
    assert f"locale/en/LC_MESSAGES/sample.po:{bad}" in result.output
    assert "Traceback" not in result.output


def test_fact_findings_in_every_format(sample_project: Path) -> None:
    facts = sample_project / "content" / "sample" / "facts.toml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            '[minijob_limit]\nkind = "money"',
            '[minijob_limit]\nkind = "money"\nreview = true\nnote = "Bundesanzeiger prüfen"',
        ),
        encoding="utf-8",
    )
    results = check_project(load_project(sample_project), as_of=DAY)
    facts_result = results[-1]
    assert facts_result.source == "content/sample/facts.toml"
    rules = {(f.rule, f.severity) for f in facts_result.findings}
    assert ("fact-review", "warning") in rules
    assert ("fact-change", "info") in rules
    assert ("fact-undated", "warning") in rules  # lohn.md shows {minijob_limit} without next
    review = next(f for f in facts_result.findings if f.rule == "fact-review")
    assert review.file == "content/sample/facts.toml"
    assert review.line == facts.read_text(encoding="utf-8").split("\n").index("[minijob_limit]") + 1
    undated = {(f.file, f.line) for f in facts_result.findings if f.rule == "fact-undated"}
    assert undated == {
        ("content/sample/sections/lohn.md", 6),
        ("content/sample/sections/lohn.md", 8),
    }
    data = json.loads(format_json(results))
    in_json = [f for r in data["results"] for f in r["findings"] if f["rule"] == "fact-review"]
    assert in_json and in_json[0]["file"] == "content/sample/facts.toml"
    assert in_json[0]["line"] == review.line and in_json[0]["severity"] == "warning"
    html = format_html(results)
    assert "fact-review" in html and "Bundesanzeiger prüfen" in html
    assert re.search(r"content/sample/facts\.toml:\d+", html)


def test_an_unchanged_version_is_not_checked_again(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leichtesprache.check as check_module

    project = load_project(sample_project)
    first = [r.to_dict() for r in check_project(project, as_of=DAY)]
    checked: list[str] = []
    real = check_module.check_version

    def spy(version, project):  # type: ignore[no-untyped-def]
        checked.append(version.code)
        return real(version, project)

    monkeypatch.setattr(check_module, "check_version", spy)
    monkeypatch.delattr(check_module.os, "fork")  # one process: the spy sees every check
    assert [r.to_dict() for r in check_project(project, as_of=DAY)] == first
    assert checked == []

    en = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    en.write_text(
        en.read_text(encoding="utf-8").replace("8 days of holiday", "9 days of holiday"),
        encoding="utf-8",
    )
    again = check_project(load_project(sample_project), as_of=DAY)
    assert checked == ["en"]
    assert [f.rule for r in again for f in r.findings if f.severity == "error"] == [
        "translation-number"
    ]

    checked.clear()
    for cached in (sample_project / ".leichtesprache-cache").glob("check-*-de.json"):
        cached.write_text("{not json", encoding="utf-8")  # damaged: checked again, no crash
    assert [r.to_dict() for r in check_project(load_project(sample_project), as_of=DAY)]
    assert checked == ["de"]


def test_check_does_not_read_the_templates(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which template labels a language lacks is the build's and status' business: the
    check neither extracts the templates (Jinja2) nor writes their cache."""
    import leichtesprache.check as check_module
    from leichtesprache.workspace import Workspace

    monkeypatch.delattr(check_module.os, "fork")  # one process: the spy sees everything
    extracted: list[bool] = []
    real = Workspace.ui_template

    def spy(self: Workspace):  # type: ignore[no-untyped-def]
        extracted.append(True)
        return real(self)

    monkeypatch.setattr(Workspace, "ui_template", spy)
    results = check_project(load_project(sample_project), as_of=DAY)
    assert [r.language for r in results if r.language] and extracted == []
    assert not (sample_project / ".leichtesprache-cache" / "ui-template.json").exists()


def test_unchanged_files_are_not_even_read_and_a_new_po_header_is_not_checked(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leichtesprache.check as check_module
    from leichtesprache.workspace import Workspace

    project = load_project(sample_project)
    first = [r.to_dict() for r in check_project(project, as_of=DAY)]
    monkeypatch.delattr(check_module.os, "fork")  # one process: the spies see everything
    read: list[str] = []
    checked: list[str] = []
    version, real_check = Workspace.version, check_module.check_version

    def reading(self, name, code, day, **options):  # type: ignore[no-untyped-def]
        read.append(code)
        return version(self, name, code, day, **options)

    def checking(v, p):  # type: ignore[no-untyped-def]
        checked.append(v.code)
        return real_check(v, p)

    monkeypatch.setattr(Workspace, "version", reading)
    monkeypatch.setattr(check_module, "check_version", checking)
    # Nothing changed: answered from the files' digests, no catalogue parsed.
    assert [r.to_dict() for r in check_project(load_project(sample_project), as_of=DAY)] == first
    assert read == [] and checked == []
    # Poedit saved the file with a new date and name: the file changed, its texts did not.
    en = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    text = en.read_text(encoding="utf-8").replace(
        '"Last-Translator: \\n"', '"Last-Translator: Kim <kim@example.org>\\n"'
    )
    en.write_text(text.replace("2026-11-24 12:00", "2026-12-01 09:30"), encoding="utf-8")
    assert [r.to_dict() for r in check_project(load_project(sample_project), as_of=DAY)] == first
    assert read == ["en"] and checked == []
    # The German text changed: every language is read again (each translates it).
    read.clear()
    section = next((sample_project / "content" / "sample" / "sections").glob("*.md"))
    section.write_text(section.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    check_project(load_project(sample_project), as_of=DAY)
    assert sorted(read) == sorted(load_project(sample_project).languages)


def test_the_cache_keeps_each_language_of_the_messages_apart(sample_project: Path) -> None:
    from leichtesprache.i18n import use_language

    en = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    en.write_text(
        en.read_text(encoding="utf-8").replace("8 days of holiday", "9 days of holiday"),
        encoding="utf-8",
    )

    def messages() -> list[str]:
        results = check_project(load_project(sample_project), as_of=DAY)
        return [f.message for r in results for f in r.findings if f.severity == "error"]

    with use_language("de"):
        german = messages()
    with use_language("en"):
        english = messages()
    with use_language("de"):
        assert messages() == german  # from the cache, still German
    assert len(german) == len(english) == 1 and german != english
