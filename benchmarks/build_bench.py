"""Build speed against a floor, measured in one run on the same machine (issue: fast builds).

The floor is bare WeasyPrint rendering the same five screen HTML documents, with the same
fonts and pdf/ua-1, in one Python process. Everything else is reported as a ratio to it:

    .venv/bin/python benchmarks/build_bench.py            # medians of 3 runs
    .venv/bin/python benchmarks/build_bench.py --runs 5 --scale 5

Run on purpose, on a quiet machine; nothing here is a test. Results go to stdout as a
table (and as JSON with --json FILE); docs/performance.md records them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
AS_OF = "2026-11-29"
LANGUAGES = ("de", "en", "fr", "ru", "ar")
EXTRA = ("es", "it", "pt", "nl", "pl")  # scale case: copies of the English catalogue


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(args: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """Wall time, CPU time (all processes) and peak memory (KiB, largest process)."""
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": ""},
    )
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    peak = int(result.stderr.strip().splitlines()[-1])
    return wall, _children_cpu() - cpu, peak


def _copy_project(target: Path) -> Path:
    project = target / "project"
    project.mkdir(parents=True)
    for name in ("leichtesprache.toml", "content", "locale", "templates", "fonts"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    return project


def _cli(project: Path, *args: str) -> list[str]:
    return [PYTHON, "-m", "leichtesprache", "--quiet", *args, "--project", str(project)]


def _build(project: Path, *args: str) -> list[str]:
    return _cli(project, "build", "--as-of", AS_OF, *args)


FLOOR = """
import sys, os, time
from pathlib import Path
os.environ["FONTCONFIG_FILE"] = sys.argv[2]
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from leichtesprache.fonts import font_face_css
folder, fonts = Path(sys.argv[1]), Path(sys.argv[3])
config = FontConfiguration()
css = CSS(string=font_face_css(fonts), font_config=config)
for html in sorted(folder.glob("*.html")):
    HTML(filename=str(html), base_url=sys.argv[4]).write_pdf(
        str(html.with_suffix(".pdf")), font_config=config, stylesheets=[css],
        pdf_variant="pdf/ua-1")
"""

HTML_OF = """
import sys
from datetime import date
from pathlib import Path
from leichtesprache.config import load_project
from leichtesprache.render import render_html
from leichtesprache.workspace import Workspace
project = load_project(Path(sys.argv[1]))
workspace = Workspace(project)
for code in project.languages:
    version = workspace.version("minijob", code, date.fromisoformat(sys.argv[3]))
    html = render_html(version, templates_dir=project.templates_dir)
    Path(sys.argv[2], f"{code}.html").write_text(html, encoding="utf-8")
"""


EDITIONS = """
import sys, time, statistics
from datetime import date
from pathlib import Path
from leichtesprache.config import load_project
from leichtesprache.editions import EditionJob, Resources, registered
from leichtesprache.workspace import Workspace
project = load_project(Path(sys.argv[1]))
workspace = Workspace(project)
editions = {e.name: e for e in registered() if e.scope == "language"}
for code in ("de", "ar"):
    version = workspace.version("minijob", code, date.fromisoformat(sys.argv[2]))
    times = {}
    for _ in range(int(sys.argv[3])):
        made = {}
        for name in ("layout", "screen", "print", "booklet", "web"):
            edition = editions[name]
            job = EditionJob(version, Resources.of(project), Path(f"/tmp/{name}"),
                             made.get(edition.derives_from or ""))
            started = time.process_time()
            made[name] = edition.maker()(job)
            times.setdefault(name, []).append(time.process_time() - started)
    print(code, " ".join(f"{n}={statistics.median(t):.2f}" for n, t in times.items()))
"""


def _edition_costs(project: Path, runs: int) -> str:
    """CPU seconds of each edition of one language, made in one process (medians)."""
    return subprocess.run(
        [PYTHON, "-c", EDITIONS, str(project), AS_OF, str(runs)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _floor(work: Path, project: Path) -> Callable[[], tuple[float, float, int]]:
    """The five screen documents' HTML, and a command that lays them out bare."""
    html = work / "floor"
    html.mkdir()
    subprocess.run([PYTHON, "-c", HTML_OF, str(project), str(html), AS_OF], check=True)
    conf = work / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{project / "fonts"}</dir>'
        f"<cachedir>{work / 'fc-cache'}</cachedir></fontconfig>\n"
    )
    base = (project / "content" / "minijob").as_uri() + "/"
    return lambda: _run([PYTHON, "-c", FLOOR, str(html), str(conf), str(project / "fonts"), base])


def _median(measure: Callable[[], tuple[float, float, int]], runs: int) -> dict[str, float]:
    return _summary([measure() for _ in range(runs)])


def _summary(samples: list[tuple[float, float, int]]) -> dict[str, float]:
    return {
        "wall": statistics.median(s[0] for s in samples),
        "cpu": statistics.median(s[1] for s in samples),
        "peak_mib": max(s[2] for s in samples) / 1024,
    }


def _change_arabic(project: Path) -> None:
    """Change one Arabic message (back and forth between two wordings)."""
    po = project / "locale" / "ar" / "LC_MESSAGES" / "minijob.po"
    text = po.read_text(encoding="utf-8")
    one, other = "العمل الصغير هو عمل بحجم صغير.", "العمل الصغير هو عمل صغير."
    new = text.replace(one, other, 1) if one in text else text.replace(other, one, 1)
    assert new != text, "the Arabic message to change is not in the catalogue"
    po.write_text(new, encoding="utf-8")


def _scale_project(work: Path, publications: int) -> Path:
    """``publications`` copies of the brochure in 10 languages (5 more from English)."""
    project = _copy_project(work / f"scale-{publications}")
    names = [f"minijob{i}" if i else "minijob" for i in range(publications)]
    for name in names[1:]:
        shutil.copytree(project / "content" / "minijob", project / "content" / name)
    for code in EXTRA:
        folder = project / "locale" / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        shutil.copy(project / "locale" / "en" / "LC_MESSAGES" / "ui.po", folder / "ui.po")
    languages = ", ".join(f'"{c}"' for c in (*LANGUAGES, *EXTRA))
    pubs = ", ".join(f'"{n}"' for n in names)
    (project / "leichtesprache.toml").write_text(
        f'[project]\nlanguages = [{languages}]\nsource_language = "de"\npublications = [{pubs}]\n',
        encoding="utf-8",
    )
    subprocess.run(_cli(project, "update"), check=True, capture_output=True)
    for name in names:
        for code in (*LANGUAGES, *EXTRA):
            source = project / "locale" / ("en" if code in EXTRA else code) / "LC_MESSAGES"
            target = project / "locale" / code / "LC_MESSAGES" / f"{name}.po"
            if code != "de" and (code in EXTRA or name != "minijob"):
                text = (source / "minijob.po").read_text(encoding="utf-8")
                target.write_text(
                    text.replace('"Language: en\\n"', f'"Language: {code}\\n"'), encoding="utf-8"
                )
    subprocess.run(_cli(project, "update"), check=True, capture_output=True)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=5, help="publications in the scale case")
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    spread: dict[str, dict[str, list[float]]] = {}  # each case's ratios, round by round
    # Byte-compile the package once, as `pip install` does: an editable install run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile it again in every measured command.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        project = _copy_project(work)
        floor = _floor(work, project)

        def cold() -> tuple[float, float, int]:
            shutil.rmtree(project / "dist", ignore_errors=True)
            shutil.rmtree(project / ".leichtesprache-cache", ignore_errors=True)
            return _run(_build(project))

        def clean() -> tuple[float, float, int]:
            shutil.rmtree(project / "dist", ignore_errors=True)
            return _run(_build(project))

        def one_message() -> tuple[float, float, int]:
            _change_arabic(project)
            return _run(_build(project))

        def cold_check() -> tuple[float, float, int]:
            shutil.rmtree(project / ".leichtesprache-cache", ignore_errors=True)
            return _run(_cli(project, "check"))

        # "Clean": no dist/, but the editor's last `check` is remembered (the usual case);
        # "cold": nothing remembered at all, the build checks every language too.
        # The machine's speed drifts by a fifth within minutes (other tenants, clock), so
        # the benchmark goes in rounds: a floor, every case once (the editor commands of a
        # second or less three times, the cold and the remembered check in turn), a floor.
        # A case's ratio is the median over the rounds of its time against the mean of
        # that round's two floors: each is compared with the floor of the same minutes.
        rounds: list[dict[str, list[tuple[float, float, int]]]] = []
        for _ in range(options.runs):
            taken: dict[str, list[tuple[float, float, int]]] = {"floor": [floor()]}
            taken["clean build, cold"] = [cold()]
            taken["clean build, all editions"] = [clean()]
            taken["no-op rebuild"] = [_run(_build(project))]
            taken["one Arabic message"] = [one_message()]
            taken["check, cold"], taken["check, 5 languages"] = [], []
            for _ in range(3):
                taken["check, cold"].append(cold_check())
                taken["check, 5 languages"].append(_run(_cli(project, "check")))
            taken["status"] = [_run(_cli(project, "status")) for _ in range(3)]
            taken["floor"].append(floor())
            rounds.append(taken)
        for name in rounds[0]:
            results[name] = _summary([s for taken in rounds for s in taken[name]])
            for kind, index in (("wall", 0), ("cpu", 1)):
                per_round = [
                    statistics.median(s[index] for s in taken[name])
                    / statistics.mean(s[index] for s in taken["floor"])
                    for taken in rounds
                ]
                results[name][f"{kind}_ratio"] = statistics.median(per_round)
                spread.setdefault(name, {})[kind] = per_round
        for publications in sorted({1, options.scale}):
            scale = _scale_project(work, publications)
            documents = publications * (len(LANGUAGES) + len(EXTRA))
            results[f"scale: {documents} documents"] = _median(partial(_build_scale, scale), 1)
            results[f"scale: {documents} documents"]["documents"] = documents
        costs = _edition_costs(project, options.runs)
    floor_wall, floor_cpu = results["floor"]["wall"], results["floor"]["cpu"]
    print(f"{'':30} {'wall s':>8} {'×floor':>7} {'cpu s':>8} {'×floor':>7} {'peak MiB':>9}")
    for name, r in results.items():
        wall_ratio = r.get("wall_ratio", r["wall"] / floor_wall)
        cpu_ratio = r.get("cpu_ratio", r["cpu"] / floor_cpu)
        print(
            f"{name:30} {r['wall']:8.2f} {wall_ratio:7.2f} "
            f"{r['cpu']:8.2f} {cpu_ratio:7.2f} {r['peak_mib']:9.0f}"
        )
    for name, r in results.items():
        if "documents" in r:
            print(f"{name}: {r['wall'] / r['documents']:.2f} s wall per document")
    print("Ratios to the floor in each round (wall / CPU), the spread behind the medians:")
    for name, kinds in spread.items():
        if name != "floor":
            pairs = zip(kinds["wall"], kinds["cpu"], strict=True)
            print(f"  {name:30} " + "  ".join(f"{w:.3f}/{c:.3f}" for w, c in pairs))
    print("CPU seconds per edition of one language (one layout, the rest derived from it):")
    print(costs, end="")
    if options.json:
        report = {"results": results, "ratios_per_round": spread}
        options.json.write_text(json.dumps(report, indent=1), encoding="utf-8")


def _build_scale(project: Path) -> tuple[float, float, int]:
    shutil.rmtree(project / "dist", ignore_errors=True)
    editions = ("screen", "print", "booklet", "web")
    return _run(_build(project, "--allow-partial", *(f"--edition={e}" for e in editions)))


if __name__ == "__main__":
    main()
