"""``status``: exact percentages, publishable or not with reasons, and the publish gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import polib
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
