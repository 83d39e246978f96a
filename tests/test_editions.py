"""The edition registry: a new output plugs in without touching the build."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import fill_catalog
from leichtesprache import editions
from leichtesprache.editions import Edition, EditionJob, Product
from leichtesprache.errors import ConfigError


def make_summary(job: EditionJob) -> Product:
    """A plain-text list of the version's headings: an edition the build knows nothing of."""
    version = job.version
    headings = [b.text for b in version.blocks if b.block.kind == "heading"]
    data = {"language": version.code, "headings": headings, "draft": version.draft}
    return Product(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def make_page_count(job: EditionJob) -> Product:
    """Derived from the screen PDF: reads what the edition before it made."""
    assert job.source is not None and job.source.data.startswith(b"%PDF")
    return Product(f"{job.source.pages}\n".encode(), pages=None)


@pytest.fixture
def registered() -> Iterator[None]:
    editions.register(Edition("summary", "{pub}-{lang}-summary.json", make_summary, default=False))
    editions.register(
        Edition(
            "pages",
            "{pub}-{lang}.pages.txt",
            "test_editions:make_page_count",
            derives_from="screen",
            default=False,
        )
    )
    yield
    editions.unregister("summary")
    editions.unregister("pages")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_registered_edition_is_built(run_cli, sample_project: Path, registered, jobs) -> None:
    result = run_cli("build", "--project", sample_project, "--edition", "summary", "--jobs", jobs)
    assert result.exit_code == 0, result.output
    dist = sample_project / "dist" / "sample"
    assert sorted(p.name for p in dist.iterdir() if not p.name.startswith(".")) == [
        "sample-ar-summary.json",
        "sample-de-summary.json",
        "sample-en-summary.json",
    ]
    ar = json.loads((dist / "sample-ar-summary.json").read_text(encoding="utf-8"))
    assert ar["language"] == "ar" and ar["headings"] and not ar["draft"]
    assert "sample-ar-summary.json" in result.output


def test_a_derived_edition_gets_its_source_and_the_source_is_not_written_twice(
    run_cli, sample_project: Path, registered
) -> None:
    result = run_cli("build", "--project", sample_project, "--lang", "de", "--edition", "pages")
    assert result.exit_code == 0, result.output
    dist = sample_project / "dist" / "sample"
    pages = int((dist / "sample-de.pages.txt").read_text())
    assert pages > 0 and pages % 4 == 0
    # The screen PDF was made as the source; as it was not asked for, it is not written.
    assert not (dist / "sample-de.pdf").exists()


def test_unknown_and_circular_editions(run_cli, sample_project: Path) -> None:
    result = run_cli("build", "--project", sample_project, "--edition", "posters")
    assert result.exit_code == 2
    assert "unknown edition: posters" in result.output and "screen" in result.output
    editions.register(Edition("a", "a", make_summary, derives_from="b", default=False))
    editions.register(Edition("b", "b", make_summary, derives_from="a", default=False))
    try:
        with pytest.raises(ConfigError, match="derive from each other"):
            editions.select(["a"])
    finally:
        editions.unregister("a")
        editions.unregister("b")


def test_drafts_reach_every_edition(run_cli, sample_project: Path, registered) -> None:
    po = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    fill_catalog(po, prefix="")
    text = po.read_text(encoding="utf-8").replace(
        'msgctxt "lohn.limit"', '#, fuzzy\nmsgctxt "lohn.limit"'
    )
    po.write_text(text, encoding="utf-8")
    result = run_cli("build", "--project", sample_project, "--lang", "en", "--edition", "summary")
    assert result.exit_code == 1 and "not complete" in result.output
    result = run_cli(
        "build",
        "--project",
        sample_project,
        "--lang",
        "en",
        "--edition",
        "summary",
        "--allow-partial",
    )
    assert result.exit_code == 0, result.output
    summary = sample_project / "dist" / "sample" / "sample-en-summary.json"
    assert json.loads(summary.read_text(encoding="utf-8"))["draft"] is True
