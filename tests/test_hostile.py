"""Hostile translations (DESIGN §6): they fail clearly or render as inert text; nothing leaks."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import DATA
from leichtesprache.pofile import format_po

pytestmark = pytest.mark.slow
SECRET = "root:x:0:0"  # first line of /etc/passwd on every Linux machine


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(DATA / "sample_project", project)
    return project


def _with(prepared: Path, tmp_path: Path, block: str, msgstr: str) -> Path:
    project = tmp_path / "p"
    shutil.copytree(prepared, project)
    path = project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    po = polib.pofile(str(path))
    next(e for e in po if e.msgctxt == block).msgstr = msgstr
    path.write_text(format_po(po), encoding="utf-8")
    return project


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


INERT = [
    ("script", "<script>alert(1)</script> Text.", "<script>alert(1)</script> Text."),
    ("img-file", '<img src="file:///etc/passwd"> Bild.', '<img src="file:///etc/passwd"> Bild.'),
    ("js-link", "[Klick](javascript:alert(1)) hier.", "Klick hier."),
    ("file-link", "[Datei](file:///etc/passwd) hier.", "Datei hier."),
    ("md-image", "![x](/etc/passwd) Bild.", "x Bild."),
    ("md-image-url", "![x](file:///etc/passwd) Bild.", "x Bild."),
    (
        "style",
        "<style>@import url(file:///etc/passwd)</style> Text.",
        "<style>@import url(file:///etc/passwd)</style> Text.",
    ),
    ("jinja", "{% raw %}{{ 7*7 }}{% endraw %}", None),
    ("bidi", "Sie bekommen \u202egeld\u202c viel.", "Sie bekommen geld viel."),
]


@pytest.mark.parametrize(("name", "msgstr", "visible"), INERT, ids=[i[0] for i in INERT])
def test_inert_or_refused(
    run_cli, prepared: Path, tmp_path: Path, name: str, msgstr: str, visible: str | None
) -> None:
    project = _with(prepared, tmp_path, "urlaub.intro", msgstr)
    if visible is None:  # template syntax is refused, never evaluated
        result = run_cli("build", "--project", project, "--lang", "en")
        assert result.exit_code == 2
        assert "locale/en/LC_MESSAGES/sample.po:" in result.output
        assert "Traceback" not in result.output
        return
    # --allow-partial: the easy-language gate would refuse most of these; we test rendering.
    result = run_cli("build", "--project", project, "--lang", "en", "--allow-partial")
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    pdf = project / "dist" / "sample" / "sample-en.pdf"
    text = re.sub(r"\s+", " ", _pdf_text(pdf))
    assert visible in text
    assert SECRET not in text and SECRET.encode() not in pdf.read_bytes()
    assert "49" not in re.findall(r"\b49\b", text)  # {{ 7*7 }} never evaluated


@pytest.mark.parametrize(
    "placeholder",
    ["{0.__class__}", "{x[0]}", "{{ x }}", "%(x)s", "{minimum_wage.__class__}", "{unknown_fact}"],
)
def test_placeholder_attacks_fail_with_location(
    run_cli, prepared: Path, tmp_path: Path, placeholder: str
) -> None:
    project = _with(prepared, tmp_path, "lohn.limit", f"Sie verdienen {placeholder}.")
    result = run_cli("build", "--project", project, "--lang", "en")
    assert result.exit_code == 2
    assert re.search(r"locale/en/LC_MESSAGES/sample\.po:\d+", result.output)
    assert "Traceback" not in result.output
    assert "<class" not in result.output  # quoted back to the editor, never evaluated


def test_huge_translation_refused(run_cli, prepared: Path, tmp_path: Path) -> None:
    project = _with(prepared, tmp_path, "urlaub.intro", "Wort " * 200_000)
    result = run_cli("build", "--project", project, "--lang", "en")
    assert result.exit_code == 2
    assert "characters long" in result.output


def test_svg_picture_cannot_read_files(run_cli, prepared: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(prepared, project)
    (project / "content" / "sample" / "pictures" / "money.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 10 10"><image xlink:href="file:///etc/passwd" width="10" height="10"/>'
        '<text x="0" y="5">&#x41;</text></svg>',
        encoding="utf-8",
    )
    result = run_cli("build", "--project", project, "--lang", "de")
    assert "Traceback" not in result.output
    pdf = project / "dist" / "sample" / "sample-de.pdf"
    if result.exit_code == 0:
        assert SECRET.encode() not in pdf.read_bytes()
    else:
        assert result.exit_code == 2 and "passwd" in result.output
