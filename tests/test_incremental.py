"""Incremental, sharded and reproducible builds; the preflight; a missing hb-subset."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from conftest import DATA
from leichtesprache.config import load_project
from leichtesprache.pipeline import Shard, build
from leichtesprache.site import listed, outputs_in

pytestmark = pytest.mark.slow
DAY = __import__("datetime").date(2026, 11, 29)


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file below ``folder``: its digest and modification time (ns)."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _digests(folder: Path) -> dict[str, str]:
    return {name: digest for name, (digest, _) in _tree(folder).items()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("incremental") / "project"
    shutil.copytree(DATA / "sample_project", project)
    build(load_project(project), as_of=DAY, jobs=2)
    return project


def test_no_op_rebuild_touches_nothing(built: Path) -> None:
    before = _tree(built / "dist")
    results = build(load_project(built), as_of=DAY)
    assert results and not [r for r in results if r.written]
    assert _tree(built / "dist") == before


def test_one_arabic_message_rebuilds_only_arabic(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project)
    before = _tree(project / "dist")
    shown = listed(outputs_in(project / "dist"))
    po = project / "locale" / "ar" / "LC_MESSAGES" / "sample.po"
    po.write_text(po.read_text(encoding="utf-8").replace("إجازة", "عطلة", 1), encoding="utf-8")
    results = build(load_project(project), as_of=DAY)
    written = sorted(r.path.name for r in results if r.written)
    # The Arabic files; the download page only if what it shows of them (sizes) changed.
    index = ["index.html"] if listed(outputs_in(project / "dist")) != shown else []
    assert written == sorted(
        ["sample-ar-booklet.pdf", "sample-ar-print.pdf", "sample-ar.html", "sample-ar.pdf", *index]
    )
    after = _tree(project / "dist")
    for name, (digest, mtime) in before.items():
        if "-ar" not in name and (not index or "index.html" not in name):
            assert after[name] == (digest, mtime), name  # same bytes, not even touched
    assert after["sample/sample-ar.pdf"][0] != before["sample/sample-ar.pdf"][0]


def test_the_download_page_follows_what_it_shows(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project)
    po = project / "locale" / "ar" / "LC_MESSAGES" / "sample.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgstr "العمل الصغير"', 'msgstr "عمل صغير"', 1),
        encoding="utf-8",
    )
    results = build(load_project(project), as_of=DAY)
    assert "index.html" in [r.path.name for r in results if r.written]
    assert "عمل صغير" in (project / "dist" / "index.html").read_text(encoding="utf-8")


def test_force_and_a_new_day_without_new_values(built: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project)
    # Another day with the same fact values: nothing to do.
    later = __import__("datetime").date(2026, 12, 15)
    assert not [r for r in build(load_project(project), as_of=later) if r.written]
    # The day the values change: everything again.
    new_year = __import__("datetime").date(2027, 1, 2)
    made = [r for r in build(load_project(project), as_of=new_year) if r.written]
    assert len(made) == 3 * 4 + 1  # four editions of three languages, and the index
    results = build(load_project(project), as_of=new_year, force=True, editions=["screen"])
    assert sorted(r.path.name for r in results if r.written) == [
        "sample-ar.pdf",
        "sample-de.pdf",
        "sample-en.pdf",
    ]


def test_a_changed_tool_file_makes_new_outputs(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leichtesprache import digests

    project = tmp_path / "p"
    shutil.copytree(built, project)
    assert len(digests.code_digest()) == 64
    monkeypatch.setattr(digests, "code_digest", lambda: "a rule was changed")
    results = build(load_project(project), as_of=DAY, editions=["screen"])
    assert sorted(r.path.name for r in results if r.written) == [
        "sample-ar.pdf",
        "sample-de.pdf",
        "sample-en.pdf",
    ]


def test_tool_versions_are_the_installed_distributions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The versions read from the dist-info folders' names are those importlib.metadata
    reads from the METADATA files, and a package found no other way is asked for there."""
    from importlib import metadata

    from leichtesprache import digests

    expected = ";".join(f"{name}={metadata.version(name)}" for name in digests._TOOLS)
    assert digests.tool_versions.__wrapped__() == expected
    # Earlier on the path wins, as for imports.
    (tmp_path / "Jinja2-0.0.1.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    found = dict(part.split("=") for part in digests.tool_versions.__wrapped__().split(";"))
    assert found["jinja2"] == "0.0.1"
    # No dist-info folder (an egg-info install): importlib.metadata is asked.
    monkeypatch.setattr(sys, "path", sys.path[1:])
    monkeypatch.setattr(digests, "_installed_versions", dict)
    assert digests.tool_versions.__wrapped__() == expected


def test_shards_merged_equal_one_full_build(built: Path, tmp_path: Path) -> None:
    sharded = tmp_path / "sharded"
    for k in (1, 2):
        build(load_project(built), out=sharded, as_of=DAY, shard=Shard(k, 2), jobs=1)
    assert not (sharded / "index.html").exists()  # shards leave the download page
    build(load_project(built), out=sharded, as_of=DAY, index_only=True)
    assert _digests(sharded) == _digests(built / "dist")
    one = tmp_path / "one"
    first = build(load_project(built), out=one, as_of=DAY, shard=Shard(1, 2), jobs=1)
    assert 0 < len(first) < 12  # a real share, not everything


def test_shard_option_is_checked(run_cli, sample_project: Path) -> None:
    result = run_cli("build", "--project", sample_project, "--shard", "3/2")
    assert result.exit_code == 2 and "is not a shard" in result.output


def test_clean_builds_in_other_folders_and_time_zones_are_identical(
    built: Path, tmp_path: Path
) -> None:
    project = tmp_path / "elsewhere" / "p"
    shutil.copytree(DATA / "sample_project", project)
    env = {**os.environ, "TZ": "Pacific/Kiritimati", "SOURCE_DATE_EPOCH": ""}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "leichtesprache",
            "build",
            "--project",
            str(project),
            "--as-of",
            DAY.isoformat(),
            "--jobs",
            "1",
        ],
        check=True,
        env=env,
        capture_output=True,
    )
    assert _digests(project / "dist") == _digests(built / "dist")


def test_preflight_command(run_cli, built: Path, tmp_path: Path) -> None:
    result = run_cli("preflight", "--project", built)
    assert result.exit_code == 0, result.output
    assert result.output.count(" ok ") + result.output.count("ok  ") >= 9
    # A print file with RGB text and links fails, and says on which pages.
    bad = tmp_path / "bad-print.pdf"
    shutil.copy(built / "dist" / "sample" / "sample-de.pdf", bad)
    result = run_cli("preflight", bad)
    assert result.exit_code == 1
    assert "RGB colour in the content" in result.output
    assert "no GTS_PDFX output intent" in result.output
    assert "pages 1–" in result.output
    assert "1 file of 1 fails the preflight" in result.output
    assert "rebuild it with" in result.output


def test_crop_marks_outside_the_bleed(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(DATA / "sample_project", project)
    config = project / "leichtesprache.toml"
    config.write_text(config.read_text("utf-8") + "\n[build]\ncrop_marks = true\n", "utf-8")
    build(load_project(project), as_of=DAY, languages=["de"], editions=["print"], jobs=1)
    with pikepdf.open(project / "dist" / "sample" / "sample-de-print.pdf") as pdf:
        page = pdf.pages[0]
        media = [float(v) for v in page.obj.MediaBox]
        bleed = [float(v) for v in page.obj.BleedBox]
        assert media[0] < bleed[0] - 5 and media[2] > bleed[2] + 5
        ops = [
            (str(i.operator), [float(v) for v in i.operands])
            for i in pikepdf.parse_content_stream(page)
            if str(i.operator) == "K"
        ]
    assert ("K", [1.0, 1.0, 1.0, 1.0]) in ops  # registration colour


def test_print_profile_must_be_cmyk(run_cli, tmp_path: Path) -> None:
    from PIL import ImageCms

    project = tmp_path / "p"
    shutil.copytree(DATA / "sample_project", project)
    ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    (project / "srgb.icc").write_bytes(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    )
    config = project / "leichtesprache.toml"
    config.write_text(config.read_text("utf-8") + '\n[build]\nprint_profile = "srgb.icc"\n')
    result = run_cli("build", "--project", project)
    assert result.exit_code == 2
    assert "not a CMYK output profile" in result.output and "leichtesprache.toml:" in result.output


@pytest.mark.parametrize("jobs", [1, 2])
def test_missing_hb_subset_is_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, jobs: int
) -> None:
    """One warning, also when two workers each lay a language out and notice it."""
    import weasyprint.pdf.fonts

    from leichtesprache import weasy

    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    monkeypatch.setattr(weasy, "_told", set())
    project = tmp_path / "p"
    shutil.copytree(DATA / "sample_project", project)
    with caplog.at_level(logging.WARNING, logger="leichtesprache"):
        results = build(
            load_project(project),
            as_of=DAY,
            languages=["de", "ar"],
            editions=["screen", "print", "booklet"],
            jobs=jobs,
        )
    assert len([r for r in results if r.written]) == 6
    warnings = [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name.startswith("leichtesprache")
    ]
    assert len(warnings) == 1 and "libharfbuzz-subset0" in warnings[0]


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_sample_editions_pass_the_checkers(built: Path, lang: str) -> None:
    """The sample project (other content, right-to-left included) passes as well."""
    import page  # page-validation, a test extra

    from leichtesprache.preflight import preflight

    folder = built / "dist" / "sample"
    report = page.validate_pdf(str(folder / f"sample-{lang}.pdf"), profile="ua1")
    assert [(f.rule_id, f.message) for f in report.failures] == []
    for suffix, kind in (("", "screen"), ("-print", "print"), ("-booklet", "booklet")):
        data = (folder / f"sample-{lang}{suffix}.pdf").read_bytes()
        assert preflight(data, kind, f"sample-{lang}{suffix}.pdf") == []
