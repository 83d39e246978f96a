"""Shared fixtures: a copy of the sample project, a CLI runner, a fixed build date."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _tool_speaks_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale, in an empty folder (the
    repository's own project sets ``ui_language``); a test that wants another language
    sets it (``use_language``, ``--ui-language``, ``ui_language``)."""
    from leichtesprache.i18n import use_language

    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    with use_language("en"):
        yield


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """tests/data/sample_project copied into tmp_path (never modified in place)."""
    target = tmp_path / "project"
    shutil.copytree(DATA / "sample_project", target)
    return target


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    from leichtesprache.cli import cli

    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return run


def fill_catalog(path: Path, prefix: str = "T: ") -> None:
    """Translate every entry of a PO file mechanically (keeps placeholders intact)."""
    import polib

    from leichtesprache.pofile import format_po

    po = polib.pofile(str(path))
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = prefix + entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = None
    path.write_text(format_po(po), encoding="utf-8")


def version_of(
    publication,
    texts: dict[str, str],
    code: str = "de",
    ui: dict[str, str] | None = None,
    *,
    draft: bool = False,
):
    """A LanguageVersion of ``publication`` with the given block texts and ui labels."""
    from datetime import date

    from leichtesprache.languages import get_language
    from leichtesprache.translate import BlockText, LanguageVersion, UiLabels

    by_id = {b.id: b for b in publication.blocks()}
    blocks = tuple(
        BlockText(by_id[i], t, t, by_id[i].file if i in by_id else "x", 1)
        for i, t in texts.items()
        if i in by_id
    )
    labels = UiLabels({(None, k): v for k, v in (ui or {}).items()})
    return LanguageVersion(
        publication,
        get_language(code),
        date(2026, 11, 29),
        blocks,
        labels,
        {},
        None,
        missing=("draft",) if draft else (),
    )


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def bundled_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every edition of the bundled Minijob brochure, built once for all test workers.

    pytest-xdist runs test files in several processes; they share the parent of their
    temp folders, and a lock makes the first one build while the others wait.
    """
    import fcntl
    from datetime import date

    from leichtesprache.config import load_project
    from leichtesprache.pipeline import build

    shared = tmp_path_factory.getbasetemp().parent / "bundled-brochure"
    shared.mkdir(exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / "done").exists():
            build(load_project(ROOT), out=shared / "dist", as_of=date(2026, 11, 29), jobs=2)
            (shared / "done").touch()
    return shared / "dist"
