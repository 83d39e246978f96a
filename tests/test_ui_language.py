"""The editor's everyday scenarios speak one language: German with ``ui_language = "de"``,
English with ``LANGUAGE=en`` and no ``ui_language`` (issue 14, acceptance 1 and 2).

Every line the scenarios print goes through a detector of the other language's function
words, after what may stay in any language is taken out: file names and paths, commands
and options, rule ids, quoted text (words of the brochure), product names.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

pytestmark = pytest.mark.slow


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: English words that are no German words (so "in", "an", "was", "will", "plural", "problem"
#: are not here; "fuzzy" is the name of a flag in the PO file, "check" a command).
ENGLISH = _words(
    """the a is are not no of to with for this that these has have had run runs
    file files folder cannot can must should would which there found missing please
    does only been from by and or it its be you your what when where how fix error
    errors warning warnings note notes created updated unchanged page pages language
    languages translation translations passed failed total up date checking
    catalogue catalogues message messages next added written left right forms
    problems done translated untranslated obsolete ready publish
    review needed yes readers target group checked"""
)
#: German words that are no English words.
GERMAN = _words(
    """der die das dem den des ist sind nicht und oder mit für ein eine einen keine kein
    sie ihr ihre wurde wurden wird noch schon auch nur bitte aus zum zur vom beim
    datei dateien ordner sprache sprachen fehler warnung warnungen hinweis hinweise
    angelegt geändert unverändert seite seiten übersetzung übersetzungen bestanden
    gesamt katalog kataloge prüfung prüfen fertig offen veraltet unsicher beheben
    hinzugefügt geschrieben nächstes leser"""
)
#: Names that are the same in every language.
NAMES = (
    "Leichte Sprache",
    "leichtesprache",
    "Poedit",
    "WeasyPrint",
    "Babel",
    "CLDR",
    "UTF-8",
    "TOML",
    "PDF",
    "Plural-Forms",
    "check: allow",
)

_REMOVE = [
    re.compile(p)
    for p in (
        r"“[^”]*”",  # quoted words of the brochure
        r"„[^“]*“",
        r"‘[^’]*’",
        r"'[^'\n]*'",
        r'"[^"\n]*"',
        r"`[^`]*`",  # commands
        r"\[[a-z0-9._-]+\]",  # a finding's context (block id)
        r"\S*[/\\]\S*",  # paths and addresses
        r"\S+\.(?:po|pot|toml|md|pdf|html|json|txt)\b",  # file names
        r"\b[a-z]+(?:-[a-z0-9]+)+\b",  # rule ids: sentence-length
        r"--?[a-z][a-z-]*",  # options
        r"\b\w+=\S*",  # metrics: words=53
        r"\b[A-Z][A-Z_]{2,}\b",  # metavars: DIRECTORY, LANG
    )
]


def foreign_words(text: str, words: frozenset[str]) -> list[str]:
    """The lines of ``text`` that hold a word of the other language, with the word."""
    found = []
    for line in text.splitlines():
        rest = line
        for name in NAMES:
            rest = rest.replace(name, " ")
        for pattern in _REMOVE:
            rest = pattern.sub(" ", rest)
        hits = [w for w in re.findall(r"\b[^\W\d_]+\b", rest) if w.casefold() in words]
        if hits:
            found.append(f"{hits}: {line}")
    return found


def test_the_detector_finds_what_it_should() -> None:
    english = [
        "Error: the file is not UTF-8 text",
        "    How to fix: run `leichtesprache update` to refresh its catalogues",
        "Fuzzy means: the source text changed; check and confirm the translation.",
        "  created  locale/uk/LC_MESSAGES/beispiel.po",
        "Total: 0 errors, 4 warnings, 0 notes.",
    ]
    german = [
        "Fehler: Die Datei ist kein Text in UTF-8",
        "Unsicher (fuzzy) heißt: Der Ausgangs·text hat sich geändert.",
        "Gesamt: 0 Fehler, 4 Warnungen, 0 Hinweise.",
    ]
    for line in english:
        assert foreign_words(line, ENGLISH), line
        assert not foreign_words(line, GERMAN), line
    for line in german:
        assert foreign_words(line, GERMAN), line
        assert not foreign_words(line, ENGLISH), line
    # What may stay as it is: paths, commands, rule ids, quoted brochure words, names.
    allowed = (
        "    content/beispiel/glossary.toml:2: Warnung sentence-length: Dieser Satz hat 10 "
        "Wörter. — „Mindest·lohn“ `leichtesprache check --lang de` [glossary.mindestlohn]"
    )
    assert not foreign_words(allowed, ENGLISH)
    assert not foreign_words("Warning: “Der Lohn ist nicht hoch.” is a long sentence", GERMAN)


def test_no_german_translation_has_english_words_and_no_msgid_german_ones() -> None:
    """The whole catalogue, not only what the scenarios happen to print."""
    import polib

    from leichtesprache.i18n import catalogue_path

    def texts(entry: polib.POEntry, translated: bool) -> list[str]:
        if not translated:
            return [t for t in (entry.msgid, entry.msgid_plural) if t]
        return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]

    placeholders = re.compile(r"\{[^}]*\}|%\(\w+\)s")
    po = polib.pofile(str(catalogue_path("de")))
    english = [
        hit
        for entry in po
        for text in texts(entry, True)
        for hit in foreign_words(placeholders.sub(" ", text), ENGLISH)
    ]
    german = [
        hit
        for entry in po
        for text in texts(entry, False)
        for hit in foreign_words(placeholders.sub(" ", text), GERMAN)
    ]
    assert not english, english
    assert not german, german


def _scenarios(
    run: Callable[..., Result], folder: Path, *, init_args: tuple[str, ...], ui: str | None
) -> dict[str, str]:
    """init, add-language uk, update after an edit, status, check (text, html), build,
    and a build that fails on a broken catalogue: what each printed."""
    out: dict[str, str] = {}

    def step(name: str, *args: str | Path, code: int | None = 0) -> Result:
        result = run(*args)
        if code is not None:
            assert result.exit_code == code, (name, result.output)
        out[name] = result.output
        return result

    project = folder / "neu"
    step("init", *init_args, "init", project)
    config = project / "leichtesprache.toml"
    text = config.read_text("utf-8")
    assert '# ui_language = "de"' in text  # init leaves the choice to the editor
    if ui is not None:
        config.write_text(text.replace('# ui_language = "de"', f'ui_language = "{ui}"'), "utf-8")
    where = ("--project", project)
    step("add-language", "add-language", "uk", *where)
    section = project / "content" / "beispiel" / "sections" / "willkommen.md"
    section.write_text(
        section.read_text("utf-8").replace("Das ist ein Beispiel.", "Das ist ein neues Beispiel."),
        "utf-8",
    )
    step("update", "update", *where)
    step("status", "status", *where)
    step("check", "check", *where, code=None)
    report = folder / "report.html"
    step("check-html-note", "check", *where, "--format", "html", "--output", report, code=None)
    page = report.read_text("utf-8")
    page = re.sub(r'<div class="text"[^>]*>.*?</div>', " ", page, flags=re.S)  # brochure text
    page = re.sub(r'title="[^"]*"', " ", page)
    out["check-html"] = html.unescape(re.sub(r"<[^>]+>", "\n", page.split("<body>", 1)[1]))
    step("build", "build", *where, "--lang", "de", "--edition", "screen")
    step("build-verbose", "-v", "build", *where, "--lang", "de", "--edition", "screen", "--force")
    po = project / "locale" / "uk" / "LC_MESSAGES" / "beispiel.po"
    po.write_text(po.read_text("utf-8") + '\nmsgid "broken\nmsgstr "x"\n', "utf-8")
    broken = step("build-broken", "build", *where, "--lang", "uk", "--allow-partial", code=2)
    assert "beispiel.po:" in broken.output
    step("help", *init_args, "build", "--help")
    return out


def test_german_scenarios_print_no_english(
    tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")  # the project's ui_language wins over the locale
    out = _scenarios(run_cli, tmp_path, init_args=("--ui-language", "de"), ui="de")
    assert "Als Nächstes:" in out["init"]
    assert "Ukrainisch (Українська) hinzugefügt" in out["add-language"]
    assert "geändert" in out["update"]
    assert (
        "Stand der Übersetzungen" in out["status"]
        and "Fertig zum Veröffentlichen" in (out["status"])
    )
    assert "Sprache de" in out["check"] and "Gesamt:" in out["check"]
    assert "Prüfung auf Leichte Sprache" in out["check-html"]
    assert "8 Seiten" in out["build"]
    assert "Fehler im PO-Format" in out["build-broken"]
    assert "So beheben Sie es" in out["build-broken"]
    english = [hit for name, text in out.items() for hit in foreign_words(text, ENGLISH)]
    assert not english, "\n".join(english)


def test_english_scenarios_print_no_german_ui_text(
    tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    out = _scenarios(run_cli, tmp_path, init_args=(), ui=None)
    assert "Next:" in out["init"]
    assert "Added Ukrainian (Українська)" in out["add-language"]
    assert "Translation status" in out["status"]
    assert "Total:" in out["check"]
    assert "Easy-language check" in out["check-html"]
    assert "PO syntax error" in out["build-broken"] and "How to fix" in out["build-broken"]
    german = [hit for name, text in out.items() for hit in foreign_words(text, GERMAN)]
    assert not german, "\n".join(german)


@pytest.mark.parametrize("broken", ["{minijob_limt}", "{minijob_limit", "minijob_limit}"])
def test_one_broken_placeholder_is_one_finding_with_one_short_hint(
    broken: str, sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    """Acceptance 4: in `check` and in `build`, and the fact names are not listed."""
    po = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    po.write_text(
        po.read_text("utf-8").replace("up to {minijob_limit} a month", f"up to {broken} a month"),
        "utf-8",
    )
    where = ("--project", sample_project, "--lang", "en")
    check = run_cli("check", *where)
    assert check.exit_code == 1
    (finding,) = [line for line in check.output.splitlines() if "translation-placeholder" in line]
    assert "sample.po:" in finding and finding.count(" — ") == 1
    assert "findings of translation-placeholder" not in check.output  # its hint stays inline
    build = run_cli("build", *where, "--edition", "screen")
    assert build.exit_code == 2
    problems = [line for line in build.output.splitlines() if "sample.po:" in line]
    hints = [line for line in build.output.splitlines() if "How to fix" in line]
    assert len(problems) == 1 and len(hints) == 1, build.output
    assert "content/sample/facts.toml" in hints[0]
    # The known facts are not listed (the other fact, minimum_wage, is not named).
    assert "minimum_wage" not in finding + problems[0] + hints[0]
