"""Test every command through click: help, exit codes, error text without tracebacks."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

COMMANDS = ["build", "check", "status", "update", "add-language", "init"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help(run_cli, command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_update_then_check_is_clean(run_cli, sample_project: Path) -> None:
    result = run_cli("update", "--project", sample_project)
    assert result.exit_code == 0, result.output
    assert "All catalogues are up to date." in result.output
    shutil.rmtree(sample_project / "locale" / "en")
    result = run_cli("update", "--project", sample_project)
    assert "created  locale/en/LC_MESSAGES/sample.po" in result.output
    result = run_cli("update", "--project", sample_project, "--check")
    assert result.exit_code == 0
    assert "up to date" in result.output


def test_update_check_exits_1_and_writes_nothing(run_cli, sample_project: Path) -> None:
    section = sample_project / "content" / "sample" / "sections" / "urlaub.md"
    section.write_text(
        section.read_text(encoding="utf-8").replace("Urlaub.", "Ferien."), encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in (sample_project / "locale").rglob("*.po*")}
    result = run_cli("update", "--project", sample_project, "--check")
    assert result.exit_code == 1
    assert "would update  locale/sample.pot" in result.output
    assert {p: p.read_bytes() for p in (sample_project / "locale").rglob("*.po*")} == before


def test_project_found_from_subfolder(run_cli, sample_project: Path, monkeypatch) -> None:
    monkeypatch.chdir(sample_project / "content" / "sample")
    assert run_cli("update").exit_code == 0
    assert (sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po").is_file()


def test_add_language_uk_reports_zero_percent(run_cli, sample_project: Path) -> None:
    run_cli("update", "--project", sample_project)
    result = run_cli("add-language", "uk", "--project", sample_project)
    assert result.exit_code == 0, result.output
    assert "Ukrainian (Українська)" in result.output
    po = sample_project / "locale" / "uk" / "LC_MESSAGES" / "sample.po"
    assert po.is_file()
    assert '"Plural-Forms: nplurals=3;' in po.read_text(encoding="utf-8")
    assert '"uk"' in (sample_project / "leichtesprache.toml").read_text(encoding="utf-8")
    result = run_cli("status", "--project", sample_project, "--format", "json")
    data = json.loads(result.output)
    uk = [c for c in data["catalogs"] if c["language"] == "uk" and c["domain"] == "sample"]
    assert uk and uk[0]["percent"] == 0 and uk[0]["translated"] == 0
    assert uk[0]["untranslated"] == uk[0]["total"] > 0


def test_add_language_twice_and_unknown(run_cli, sample_project: Path) -> None:
    result = run_cli("add-language", "en", "--project", sample_project)
    assert result.exit_code == 2 and "already in the project" in result.output
    result = run_cli("add-language", "xx", "--project", sample_project)
    assert result.exit_code == 2 and "unknown" in result.output
    assert "Traceback" not in result.output


def test_status_text_table(run_cli, sample_project: Path) -> None:
    run_cli("add-language", "fr", "--project", sample_project)
    result = run_cli("status", "--project", sample_project)
    assert result.exit_code == 0
    assert "100 %" in result.output and "0 %" in result.output


def test_malformed_po_exit_2_with_file_and_line(run_cli, sample_project: Path) -> None:
    run_cli("update", "--project", sample_project)
    path = sample_project / "locale" / "ar" / "LC_MESSAGES" / "sample.po"
    lines = path.read_text(encoding="utf-8").split("\n")
    bad_line = lines.index('msgctxt "lohn.intro"') + 1
    lines[bad_line - 1] = 'msgctxt "lohn.intro'
    path.write_text("\n".join(lines), encoding="utf-8")
    before = {p: p.read_bytes() for p in (sample_project / "locale").rglob("*.po*")}
    result = run_cli("update", "--project", sample_project)
    assert result.exit_code == 2
    assert f"locale/ar/LC_MESSAGES/sample.po:{bad_line}" in result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in (sample_project / "locale").rglob("*.po*")} == before


def test_bad_toml_exit_2_with_file_and_line(run_cli, sample_project: Path) -> None:
    path = sample_project / "content" / "sample" / "glossary.toml"
    path.write_text('[[term]]\nid = "x"\nterm = "kaputt\n', encoding="utf-8")
    result = run_cli("update", "--project", sample_project)
    assert result.exit_code == 2
    assert "content/sample/glossary.toml:3" in result.output
    assert "Traceback" not in result.output


def test_bad_config_reports_all_problems(run_cli, sample_project: Path) -> None:
    (sample_project / "leichtesprache.toml").write_text(
        '[project]\nlanguages = ["de", "xx"]\nui_language = "fr"\ncolour = 1\n', encoding="utf-8"
    )
    result = run_cli("status", "--project", sample_project)
    assert result.exit_code == 2
    assert "3 problems" in result.output
    assert "leichtesprache.toml:2" in result.output and "leichtesprache.toml:4" in result.output


def test_no_project_found(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("status")
    assert result.exit_code == 2
    assert "no leichtesprache project found" in result.output
    assert "leichtesprache init" in result.output


def test_debug_shows_traceback(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("--debug", "status")
    assert result.exit_code == 2
    assert "Traceback" in result.output


def test_init_creates_a_project(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "neu"
    result = run_cli("init", target)
    assert result.exit_code == 0, result.output
    assert (target / "leichtesprache.toml").is_file()
    assert (target / "locale" / "beispiel.pot").is_file()
    assert "/.leichtesprache-cache/" in (target / ".gitignore").read_text(encoding="utf-8")
    result = run_cli("init", target)
    assert result.exit_code == 2 and "already holds" in result.output
    assert os.listdir(target)


def test_init_project_is_an_example_of_easy_language(run_cli, tmp_path: Path) -> None:
    """The example an editor starts from follows the rules it teaches: its first check
    gives no error, no warning (sentence length, formulas) and no note."""
    target = tmp_path / "neu"
    assert run_cli("init", target).exit_code == 0
    result = run_cli("--ui-language", "en", "check", "--format", "json", "--project", target)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    findings = [f for r in report["results"] for f in r["findings"]]
    assert findings == []
    assert report["results"][0]["metrics"]["words"] >= 50  # enough text for the formulas


def test_init_keeps_an_existing_gitignore(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / ".gitignore").write_text("*.tmp\n", encoding="utf-8")
    assert run_cli("init", target).exit_code == 0
    assert (target / ".gitignore").read_text(encoding="utf-8") == "*.tmp\n"


def test_init_project_builds_at_once(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "neu"
    assert run_cli("init", target).exit_code == 0
    result = run_cli("build", "--project", target)
    assert result.exit_code == 0, result.output
    assert (target / "dist" / "beispiel" / "beispiel-de.pdf").is_file()
    result = run_cli("add-language", "fr", "--project", target)
    assert "template labels filled in" in result.output


def test_quiet_check_shows_only_errors(run_cli, tmp_path: Path) -> None:
    text = tmp_path / "text.md"
    # An error (brackets) and a warning (a negation) in one file.
    text.write_text("Sie bekommen Geld (jeden Monat).\nSie zahlen nichts.\n", encoding="utf-8")
    loud = run_cli("--ui-language", "en", "check", "--lang", "de", text)
    quiet = run_cli("--ui-language", "en", "--quiet", "check", "--lang", "de", text)
    assert loud.exit_code == quiet.exit_code == 1
    assert "warning negation" in loud.output and "Metrics" in loud.output
    assert "error brackets" in quiet.output
    assert "negation" not in quiet.output and "Metrics" not in quiet.output
    # The totals still count what was left out.
    assert "Total: 1 error, 1 warning, 0 notes." in quiet.output


def test_the_metrics_an_editor_reads_are_short_numbers(run_cli, tmp_path: Path) -> None:
    text = tmp_path / "text.md"
    text.write_text("Sie bekommen Geld.\nDer Quokka ist da.\n", encoding="utf-8")  # 1 rare in 7
    output = run_cli("--ui-language", "en", "check", "--lang", "de", text).output
    metrics = next(line for line in output.splitlines() if "Metrics" in line)
    assert "share of rare words: 0.143" in metrics  # not rare_word_share=0.14285714285714285
    assert "words per sentence: 3.5" in metrics
    assert not re.search(r"\d\.\d{4}|_", metrics), metrics
    # In German, with the German names and decimal commas.
    output = run_cli("--ui-language", "de", "check", "--lang", "de", text).output
    metrics = next(line for line in output.splitlines() if "Kenn·zahlen" in line)
    assert "Anteil seltener Wörter: 0,143" in metrics and "Wörter pro Satz: 3,5" in metrics
    # The HTML report: one row per metric, named for people.
    page = tmp_path / "report.html"
    run_cli(
        "--ui-language", "de", "check", "--lang", "de", "--format", "html", "--output", page, text
    )
    html = page.read_text(encoding="utf-8")
    assert '<th scope="row">Anteil seltener Wörter</th><td class="number">0,143</td>' in html
    assert "rare_word_share" not in html


def test_rich_is_imported_only_when_a_log_line_is_shown(sample_project: Path) -> None:
    """The log handler makes rich's on its first record (rich costs 20-30 ms at each start);
    a check with nothing to log never imports it, -v shows its lines through it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from leichtesprache.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('rich' in sys.modules, 'weasyprint' in sys.modules, file=sys.stderr)\n"
    )

    def modules(*options: str) -> subprocess.CompletedProcess[str]:
        args = [sys.executable, "-c", code, "--ui-language", "en", *options, "check"]
        return subprocess.run(
            [*args, "--project", str(sample_project)], capture_output=True, text=True
        )

    quiet = modules()
    assert quiet.stderr.split()[-2:] == ["False", "False"], quiet.stderr
    shutil.rmtree(sample_project / ".leichtesprache-cache")  # -v: "checking 3 of 3 …"
    verbose = modules("-v")
    assert verbose.stderr.split()[-2:] == ["True", "False"], verbose.stderr
    assert "info" in verbose.stderr


def test_the_objects_left_at_exit_are_frozen_for_the_shutdown() -> None:
    """``main`` freezes what is alive when the process ends (atexit), so Python's shutdown
    collections skip it; a program that calls ``main`` and goes on is not affected."""
    import subprocess
    import sys

    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
        "from leichtesprache.cli import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit:\n"
        "    print('running', gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-4:] == ["running", "0", "frozen", "True"], out.stdout
