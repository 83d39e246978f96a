"""``status``: exact percentages, publishable or not with reasons, and the publish gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import Result

from leichtesprache.status import CatalogStatus


def test_percent_is_never_rounded_up() -> None:
    def row(translated: int, total: int) -> CatalogStatus:
        return CatalogStatus("fr", "x", "x.po", total, translated, 0, total - translated, 0)

    assert row(279, 280).percent == 99.6
    assert row(2799, 2800).percent == 99.9
    assert row(280, 280).percent == 100.0
    assert row(0, 280).percent == 0.0


def _make_fuzzy(po_path: Path, context: str) -> None:
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgctxt == context)
    entry.flags.append("fuzzy")
    po.save()


def test_one_fuzzy_message_makes_a_language_unpublishable(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    _make_fuzzy(sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po", "lohn.box")
    table = run_cli("status", "--project", sample_project)
    assert table.exit_code == 0
    en_row = next(line for line in table.stdout.splitlines() if "│ en" in line and "sample" in line)
    assert "94.1 %" in en_row  # 16 of 17: 94.117 rounded down
    assert "en     no: 1 fuzzy" in table.stdout
    data = json.loads(run_cli("status", "--project", sample_project, "--format", "json").stdout)
    assert {"catalogs", "languages"} <= set(data)
    en = next(lang for lang in data["languages"] if lang["language"] == "en")
    assert en["publishable"] is False
    assert "1 fuzzy" in en["reasons"]
    assert en["review"] == {"state": "none", "by": None, "date": None}
    gate = run_cli("status", "--project", sample_project, "--check")
    assert gate.exit_code == 1
    assert "not ready to publish: " in gate.output and "en" in gate.output


def test_check_errors_count_and_the_cache_follows_the_texts(
    sample_project: Path, run_cli: Callable[..., Result]
) -> None:
    def reasons(code: str) -> list[str]:
        data = json.loads(run_cli("status", "--project", sample_project, "--format", "json").stdout)
        return next(lang["reasons"] for lang in data["languages"] if lang["language"] == code)

    assert not any("check errors" in r for r in reasons("en"))
    en = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    en.write_text(
        en.read_text(encoding="utf-8").replace("8 days of holiday", "9 days of holiday"),
        encoding="utf-8",
    )
    assert "1 check error" in reasons("en")
    assert (sample_project / ".leichtesprache-cache").is_dir()


def test_status_is_remembered_until_a_file_it_reads_changes(
    sample_project: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged project answers from .leichtesprache-cache/status.json without parsing
    a catalogue; a changed catalogue, review, template or day is read again, and a damaged
    cache is ignored."""
    from datetime import date

    import leichtesprache.workspace as workspace_module
    from leichtesprache.config import load_project
    from leichtesprache.status import project_status

    day = date(2026, 11, 24)
    first = project_status(load_project(sample_project), day).to_dict()
    parsed: list[str] = []
    real = workspace_module.load_po

    def spy(path, **options):  # type: ignore[no-untyped-def]
        parsed.append(Path(path).name)
        return real(path, **options)

    monkeypatch.setattr(workspace_module, "load_po", spy)
    assert project_status(load_project(sample_project), day).to_dict() == first
    assert parsed == []

    _make_fuzzy(sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po", "lohn.box")
    changed = project_status(load_project(sample_project), day).to_dict()
    assert parsed and changed != first
    en = next(lang for lang in changed["languages"] if lang["language"] == "en")
    assert "1 fuzzy" in en["reasons"]

    cache = sample_project / ".leichtesprache-cache" / "status.json"
    cache.write_text('{"key": "x", "status": {"catalogs": [["en"]]}}', encoding="utf-8")
    assert project_status(load_project(sample_project), day).to_dict() == changed
    record = json.loads(cache.read_text(encoding="utf-8"))
    record["status"]["languages"][0][3][0] = "invented"  # damaged, but under the right key
    cache.write_text(json.dumps(record), encoding="utf-8")
    assert project_status(load_project(sample_project), day).to_dict() == changed

    (sample_project / "templates").mkdir(exist_ok=True)
    parsed.clear()
    project_status(load_project(sample_project), day)
    assert parsed  # the project's own (empty) templates instead of the defaults: read again
