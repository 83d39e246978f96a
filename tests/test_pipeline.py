"""End-to-end: the sample project built to PDFs, checked through their structure."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import polib
import pytest

from conftest import DATA
from leichtesprache.config import load_project
from leichtesprache.pipeline import build

pytestmark = pytest.mark.slow
# WeasyPrint names the subset fonts after the family: "Noto-Sans", "Noto-Sans-Arabic-Bold".
ALLOWED_FONTS = {"Noto-Sans", "Noto-Sans-Bold", "Noto-Sans-Arabic", "Noto-Sans-Arabic-Bold"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(DATA / "sample_project", project)
    build(load_project(project), jobs=2)
    return project


def _pdf(project: Path, lang: str) -> Path:
    return project / "dist" / "sample" / f"sample-{lang}.pdf"


def _text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub("[\u202a-\u202e\u2066-\u2069]", "", out)


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_pdf_language_fonts_pages(built: Path, lang: str) -> None:
    path = _pdf(built, lang)
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == lang
        assert len(pdf.pages) % 4 == 0
        names = set()
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                base = str(font.BaseFont).lstrip("/").split("+")[-1]
                names.add(base)
                descriptor = (
                    font.DescendantFonts[0].FontDescriptor
                    if "/DescendantFonts" in font
                    else font.FontDescriptor
                )
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert names and names <= ALLOWED_FONTS, names


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_text_and_facts(built: Path) -> None:
    de = _text(_pdf(built, "de"))
    assert "603 Euro" in de and "13,90 Euro" in de
    assert "{minimum_wage}" not in de
    en = _text(_pdf(built, "en"))
    assert "You get the minimum wage." in en
    assert "13.90 euros" in en
    ar = _text(_pdf(built, "ar"))
    # Logical order once bidi marks are stripped. (pdftotext writes lam-alef and lam-yeh
    # ligatures in reverse, so the words checked here have none.)
    assert "هنا نشرح الكلمات الصعبة" in ar
    assert "13.90" in ar
    assert "يورو" in ar
    assert "603" in ar


def test_as_of_next_year(built: Path, tmp_path: Path) -> None:
    build(
        load_project(built),
        languages=["de"],
        out=tmp_path,
        as_of=__import__("datetime").date(2027, 1, 15),
    )
    text = _text(tmp_path / "sample" / "sample-de.pdf")
    assert "633 Euro" in text and "14,60 Euro" in text
    assert "603 Euro" not in text


def test_reproducible(built: Path, tmp_path: Path) -> None:
    build(load_project(built), languages=["ar"], out=tmp_path)
    assert (tmp_path / "sample" / "sample-ar.pdf").read_bytes() == _pdf(built, "ar").read_bytes()


def test_incomplete_language_refused_then_draft(run_cli, sample_project: Path) -> None:
    path = sample_project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    po = polib.pofile(str(path))
    next(e for e in po if e.msgctxt == "urlaub.intro").msgstr = ""
    po.save()
    result = run_cli("build", "--project", sample_project, "--lang", "en")
    assert result.exit_code == 1
    assert "not complete" in result.output and "--allow-partial" in result.output
    assert not (sample_project / "dist").exists() or not list(
        (sample_project / "dist").rglob("*.pdf")
    )
    result = run_cli("build", "--project", sample_project, "--lang", "en", "--allow-partial")
    assert result.exit_code == 0, result.output
    assert "DRAFT" in result.output
    with pikepdf.open(_pdf(sample_project, "en")) as pdf:
        pages = len(pdf.pages)
    text = _text(_pdf(sample_project, "en"))
    assert text.count("Draft") >= pages


def test_failed_build_keeps_previous_outputs(run_cli, built: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built, project)
    before = {p: p.read_bytes() for p in (project / "dist").rglob("*.pdf")}
    po = project / "locale" / "ar" / "LC_MESSAGES" / "sample.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace('msgctxt "lohn.intro"', 'msgctxt "lohn.intro'),
        encoding="utf-8",
    )
    result = run_cli("build", "--project", project)
    assert result.exit_code == 2
    assert "locale/ar/LC_MESSAGES/sample.po:" in result.output
    assert {p: p.read_bytes() for p in (project / "dist").rglob("*.pdf")} == before


def test_check_error_while_others_are_laid_out_writes_nothing(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check runs beside the layout workers; a failing language stops every write,
    even when the workers finished first (the check is slowed down to make sure)."""
    import time

    import leichtesprache.check as check_module
    from leichtesprache.errors import ProblemsFound

    project = tmp_path / "p"
    shutil.copytree(built, project)
    shutil.rmtree(project / ".leichtesprache-cache", ignore_errors=True)
    before = {p: p.stat().st_mtime_ns for p in (project / "dist").rglob("*") if p.is_file()}
    en = project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    en.write_text(
        en.read_text(encoding="utf-8").replace("8 days of holiday", "9 days of holiday"),
        encoding="utf-8",
    )
    real = check_module.check_version

    def slow(version, project):  # type: ignore[no-untyped-def]
        time.sleep(3)  # the worker lays the sample out in about a second
        return real(version, project)

    monkeypatch.setattr(check_module, "check_version", slow)
    with pytest.raises(ProblemsFound, match="'en' has errors"):
        build(load_project(project), jobs=2)
    after = {p: p.stat().st_mtime_ns for p in (project / "dist").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_no_line_ends_inside_a_word(built: Path, lang: str) -> None:
    """Easy language never splits a word: no hyphenation, no break at a Mediopunkt."""
    lines = _text(_pdf(built, lang)).splitlines()
    assert not [
        line
        for line in lines
        if re.search(r"[\w·‐-]$", line) and line.endswith(("-", "‐", "·", "\u00ad"))
    ]


def test_verbose_build_reports_each_file_and_the_workers_steps(
    run_cli, sample_project: Path
) -> None:
    """-v shows what the workers did (each language's check, its pages) through the
    parent's log, and a web page is "written" without a page count."""
    result = run_cli(
        "--verbose", "build", "--project", sample_project, "--as-of", "2026-11-24",
        "--lang", "en", "--lang", "ar", "--edition", "screen", "--edition", "web",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())  # rich wraps long lines
    assert "checking en" in text and "checking ar" in text
    assert re.search(r"sample-ar\.pdf: \d+ pages", text), text
    assert "sample-en.html" in text and "sample-en.html (" not in text and "None" not in text


def test_a_worker_tidies_up_before_each_job(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A layout leaves its boxes in reference cycles; the worker collects them before its
    next job instead of carrying them into the next layout (memory flat in long builds),
    and freezes what outlives a job (fonts, a check's word lists): later collections do
    not walk it again. Before the next job, not after this one: a layout's result goes
    to the parent at once, and the editions made from it can start."""
    import gc
    import weakref
    from types import SimpleNamespace

    from leichtesprache import pipeline

    class Box:
        parent: object = None

    boxes: list[weakref.ref[Box]] = []
    kept: list[object] = []
    seen: dict[str, object] = {}

    def layout(*args: object) -> str:
        for _ in range(1000):
            box = Box()
            box.parent = box  # a reference cycle, as WeasyPrint's boxes make
            boxes.append(weakref.ref(box))
        kept.append({"fonts": [object()]})  # the worker's own state, alive after the job
        return "made"

    def check(version: object, project: object) -> bool:
        seen["boxes left"] = sum(ref() is not None for ref in boxes)
        seen["state walked"] = any(o is kept[0] for o in gc.get_objects())
        return True

    monkeypatch.setattr(pipeline, "_make_one", layout)
    monkeypatch.setattr(pipeline, "_passes", check)
    monkeypatch.setattr(pipeline, "_SHARED_TASKS", ([SimpleNamespace(version=object())], object()))
    gc.collect()
    gc.disable()  # only an explicit collection frees the cycles now
    try:
        assert pipeline._make_shared(0, None, None, None, tmp_path) == "made"  # type: ignore[arg-type]
        assert sum(ref() is not None for ref in boxes) == 1000  # returned before collecting
        assert pipeline._passes_shared(0) is True
        assert seen == {"boxes left": 0, "state walked": False}
        assert gc.is_tracked(kept[0]) and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the test process is not a worker
        gc.enable()
