"""New languages (uk, fa, ti, tr): complete headers, fonts named at once, honest drafts."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polib
import pytest
from click.testing import Result

from leichtesprache.config import load_project
from leichtesprache.languages import plural_forms_for
from leichtesprache.render import render_html
from leichtesprache.workspace import Workspace

ROOT = Path(__file__).parents[1]
msgfmt = shutil.which("msgfmt")


def _msgfmt_warnings(path: Path) -> str:
    assert msgfmt is not None
    done = subprocess.run(
        [msgfmt, "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=False
    )
    return done.stderr + ("" if done.returncode == 0 else f"exit {done.returncode}")


@pytest.mark.skipif(msgfmt is None, reason="GNU gettext (msgfmt) is not installed")
def test_msgfmt_has_no_warning_for_any_bundled_catalogue() -> None:
    catalogues = sorted((ROOT / "locale").rglob("*.po")) + sorted((ROOT / "locale").glob("*.pot"))
    sample = ROOT / "tests" / "data" / "sample_project" / "locale"
    catalogues += sorted(sample.rglob("*.po")) + sorted(sample.glob("*.pot"))
    assert len(catalogues) >= 15
    assert {str(p.relative_to(ROOT)): _msgfmt_warnings(p) for p in catalogues} == {
        str(p.relative_to(ROOT)): "" for p in catalogues
    }


@pytest.mark.skipif(msgfmt is None, reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("code", ["uk", "fa", "ti", "tr"])
def test_add_language_writes_a_complete_header(
    code: str, sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    result = run_cli("add-language", code, "--project", sample_project)
    assert result.exit_code == 0, result.output
    for domain in ("sample", "ui"):
        path = sample_project / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
        assert _msgfmt_warnings(path) == ""
        text = path.read_text(encoding="utf-8")
        assert "YEAR-MO-DA" not in text
        po = polib.pofile(str(path))
        assert po.metadata["Language"] == code
        assert po.metadata["Plural-Forms"] == plural_forms_for(code)
        assert po.metadata["Language-Team"] and "Last-Translator" in po.metadata
        assert po.metadata["PO-Revision-Date"][:2] == "20"
    ui = polib.pofile(str(sample_project / "locale" / code / "LC_MESSAGES" / "ui.po"))
    assert len(ui) > 10


def test_a_script_without_font_is_named_once_at_add_language_and_build(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    added = run_cli("add-language", "ti", "--project", sample_project)
    assert added.exit_code == 0
    note = [line for line in added.stderr.splitlines() if line.startswith("Note:")]
    assert len(note) == 1 and "Ethiopic script" in note[0]
    assert '"Noto Sans Ethiopic"' in added.stderr and str(sample_project / "fonts") in added.stderr
    build = run_cli("build", "--project", sample_project, "--lang", "ti", "--allow-partial")
    assert build.exit_code == 2
    errors = [line for line in build.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Ethiopic script" in errors[0] and "Tigrinya" in errors[0]
    assert '"Noto Sans Ethiopic"' in build.stderr
    assert not (sample_project / "dist").exists()  # stopped before rendering


def test_missing_characters_are_named_by_script_in_reading_order(sample_project: Path) -> None:
    from leichtesprache.fontcheck import missing_fonts
    from leichtesprache.languages import get_language

    project = load_project(sample_project)
    amharic = get_language("am")
    assert missing_fonts(["Hallo, Welt!", "\u200fعربي\u00a0"], amharic, project) is None
    texts = ["Hallo ሰላም ✈ ኢትዮጵያ", "ሰላም ዓለም ✈ ☃", "ሀሁሂሃሄህሆ"]
    problem = missing_fonts(texts, amharic, project)
    assert problem is not None
    # Each script once, its characters in the order they first appear, at most eight.
    assert "Ethiopic script (ሰላምኢትዮጵያ)" in str(problem)
    assert "signs ✈ ☃" in str(problem)
    assert str(problem).index("Ethiopic") < str(problem).index("signs")


@pytest.mark.parametrize("code", ["uk", "tr"])
def test_a_draft_shows_german_fallback_as_german_and_labels_in_two_languages_at_most(
    code: str, sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    assert run_cli("add-language", code, "--project", sample_project).exit_code == 0
    project = load_project(sample_project)
    version = Workspace(project).version("sample", code, date(2026, 11, 29))
    assert version.draft
    html = render_html(version, templates_dir=project.templates_dir)
    assert '<span lang="de" dir="ltr" class="fallback">Sie bekommen den Mindest·lohn.' in html
    assert "13,90 Euro" in html  # the German text's amounts in German
    assert 'data-draft-label="Entwurf – nicht drucken"' in html
    assert ">Inhalt<" in html and "Contents" not in html and "Page" not in html


@pytest.mark.slow
def test_a_persian_draft_pdf_shows_its_german_fallback_left_to_right(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    assert run_cli("add-language", "fa", "--project", sample_project).exit_code == 0
    fa = sample_project / "locale" / "fa" / "LC_MESSAGES" / "sample.po"
    po = polib.pofile(str(fa))
    next(e for e in po if e.msgctxt == "lohn.title").msgstr = "دستمزد شما"
    po.save()
    build = run_cli(
        "build", "--project", sample_project, "--lang", "fa", "--allow-partial",
        "--edition", "screen",
    )  # fmt: skip
    assert build.exit_code == 0, build.output
    pdf = sample_project / "dist" / "sample" / "sample-fa.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "Sie bekommen den Mindest·lohn." in lines  # full stop on the right
    assert "Das sind 13,90 Euro für 1 Stunde." in lines
    assert ".Sie bekommen den Mindest·lohn" not in text
    assert "Hier erklären wir schwere Wörter." in lines  # a German label in the Persian page
    assert "دستمزد شما" in text
    assert "Page" not in text and "Draft" not in text
