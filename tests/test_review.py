"""Reviews by readers: recorded, invalidated by any text change, shown in the imprint."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import polib
from click.testing import Result

from leichtesprache.config import load_project
from leichtesprache.render import render_html
from leichtesprache.workspace import Workspace


def _review_of(run_cli: Callable[..., Result], project: Path, code: str) -> dict[str, object]:
    data = json.loads(run_cli("status", "--project", project, "--format", "json").stdout)
    return next(lang["review"] for lang in data["languages"] if lang["language"] == code)


def _imprint(project: Path, code: str, as_of: date = date(2026, 11, 29)) -> str:
    loaded = load_project(project)
    version = Workspace(loaded).version("sample", code, as_of)
    html = render_html(version, templates_dir=loaded.templates_dir)
    return html[html.index('<footer class="back"') :]


def test_review_is_recorded_shown_and_needed_again_after_a_change(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    assert _review_of(run_cli, sample_project, "ar")["state"] == "none"
    assert "لم يراجع القرّاء هذا النص بعد." in _imprint(sample_project, "ar")
    reviews = sample_project / "content" / "sample" / "reviews.toml"
    reviews.write_text("# Our reading group meets on Mondays.\n", encoding="utf-8")
    result = run_cli(
        "review", "ar", "--by", "Prüfgruppe Nord", "--date", "2026-11-20", "--project",
        sample_project,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = reviews.read_text(encoding="utf-8")
    assert text.startswith("# Our reading group meets on Mondays.\n")
    record = tomllib.loads(text)["review"][0]
    assert record["language"] == "ar" and record["date"] == date(2026, 11, 20)
    assert _review_of(run_cli, sample_project, "ar") == {
        "state": "reviewed",
        "by": "Prüfgruppe Nord",
        "date": "2026-11-20",
    }
    imprint = _imprint(sample_project, "ar")
    assert "راجعه القرّاء" in imprint and "Prüfgruppe Nord" in imprint
    assert "20 نوفمبر 2026" in imprint
    # new amounts on another day do not invalidate the review: the digest keeps placeholders
    assert "راجعه القرّاء" in _imprint(sample_project, "ar", date(2027, 3, 1))
    ar = sample_project / "locale" / "ar" / "LC_MESSAGES" / "sample.po"
    po = polib.pofile(str(ar))
    next(e for e in po if e.msgctxt == "lohn.box").msgstr = "**مهم:** اسأل صاحب العمل عن أجرك."
    po.save()
    assert _review_of(run_cli, sample_project, "ar")["state"] == "needed"
    assert "لم يراجع القرّاء هذا النص بعد." in _imprint(sample_project, "ar")
    gate = run_cli("status", "--project", sample_project)
    assert "ar     no: review needed: the text changed after readers checked it" in gate.stdout


def test_review_refuses_an_incomplete_language_and_bad_input(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    en = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    po = polib.pofile(str(en))
    next(e for e in po if e.msgctxt == "lohn.box").flags.append("fuzzy")
    po.save()
    incomplete = run_cli("review", "en", "--by", "Gruppe", "--project", sample_project)
    assert incomplete.exit_code == 1 and "not complete" in incomplete.output
    assert not (sample_project / "content" / "sample" / "reviews.toml").exists()
    future = run_cli(
        "review", "de", "--by", "G", "--date", "2999-01-01", "--project", sample_project
    )
    assert future.exit_code == 2 and "in the future" in future.output
    unknown = run_cli("review", "tlh", "--by", "G", "--project", sample_project)
    assert unknown.exit_code == 2 and "Traceback" not in unknown.output
    (sample_project / "content" / "sample" / "reviews.toml").write_text(
        '[[review]]\nlanguage = "de"\nby = "G"\n', encoding="utf-8"
    )
    broken = run_cli("status", "--project", sample_project)
    assert broken.exit_code == 2
    assert "content/sample/reviews.toml" in broken.output
