"""A build killed mid-render leaves only complete PDFs and no temp files; locks serialise."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from conftest import DATA

pytestmark = pytest.mark.slow


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(DATA / "sample_project", target)
    return target


def _build(project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "leichtesprache",
            "--verbose",
            "build",
            "--project",
            str(project),
            "--edition",
            "screen",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str], timeout: float = 180) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


def _valid(pdf: Path) -> bool:
    with pikepdf.open(pdf) as doc:
        return len(doc.pages) > 0


@pytest.mark.parametrize("delay", [0.05, 0.3])
def test_sigkill_mid_render_then_normal_build(project: Path, delay: float) -> None:
    code, err = _finish(_build(project))
    assert code == 0, err
    dist = project / "dist" / "sample"
    good = {p.name: p.read_bytes() for p in dist.glob("*.pdf")}
    assert len(good) == 3
    # Change the text so the next build writes new bytes, then kill it while it renders.
    po = project / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("You have holiday.", "You have paid holiday."), encoding="utf-8")
    victim = _build(project)
    assert victim.stderr is not None
    for line in victim.stderr:
        if "files to make" in line:  # the log line before rendering starts
            break
    time.sleep(delay)
    os.kill(victim.pid, signal.SIGKILL)
    _finish(victim)
    assert victim.returncode == -signal.SIGKILL
    # Only PDFs and their build records: no temp files, nothing half-written.
    assert [p.name for p in dist.iterdir() if not p.name.endswith(".pdf")] == [".build"]
    assert all(p.suffix == ".json" for p in (dist / ".build").iterdir())
    assert not list(project.rglob("*.tmp"))
    for pdf in dist.glob("*.pdf"):
        assert _valid(pdf)
        # Untouched languages keep their bytes; English is either old or new, never broken.
        assert pdf.read_bytes() == good[pdf.name] or pdf.name.startswith("sample-en")
    code, err = _finish(_build(project))
    assert code == 0, err
    assert sorted(p.name for p in dist.glob("*.pdf")) == sorted(good)
    assert all(_valid(p) for p in dist.glob("*.pdf"))


def test_two_builds_at_once_do_not_corrupt(project: Path) -> None:
    a, b = _build(project), _build(project)
    (code_a, err_a), (code_b, err_b) = _finish(a), _finish(b)
    assert code_a == 0, err_a
    assert code_b == 0, err_b
    pdfs = list((project / "dist" / "sample").glob("*.pdf"))
    assert len(pdfs) == 3
    assert all(p.suffix == ".pdf" and _valid(p) for p in pdfs)
