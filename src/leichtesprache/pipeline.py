"""The build, read top-down: read → translate → check → make every edition → write.

The only module that knows the order of the stages. Each stage takes plain objects and
returns plain objects; the editions come from the registry in ``editions``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from .config import Project
from .editions import Resources, Selection, make_editions, select
from .errors import ProblemsFound
from .fontcheck import require_fonts
from .fsutil import atomic_write_bytes, project_lock
from .translate import LanguageVersion, require_complete
from .workspace import Workspace

log = logging.getLogger("leichtesprache.build")


@dataclass(frozen=True)
class BuildResult:
    """One file the build wrote."""

    publication: str
    language: str
    edition: str
    path: Path
    pages: int | None
    draft: bool


class BuildObserver(Protocol):
    """Told how much work there is and when each file is written (for progress bars)."""

    def planned(self, files: int) -> None: ...

    def written(self, result: BuildResult) -> None: ...


def build(
    project: Project,
    *,
    publication: str | None = None,
    languages: Sequence[str] = (),
    editions: Sequence[str] = (),
    out: Path | None = None,
    as_of: date | None = None,
    allow_partial: bool = False,
    jobs: int | None = None,
    observer: BuildObserver | None = None,
) -> list[BuildResult]:
    """Build the chosen editions of every publication and language into ``dist/``."""
    day = resolve_as_of(as_of)
    workspace = Workspace(project)
    codes = workspace.languages(languages)
    chosen = select(editions)
    out_dir = (out or project.dist_dir).resolve()
    resources = Resources.of(project)
    with project_lock(project.root):
        versions: list[LanguageVersion] = []
        for name in workspace.publication_names(publication):
            log.info("reading content/%s", name)
            for code in codes:
                version = workspace.version(name, code, day)
                require_fonts(version, project)  # one message now, not one per glyph later
                if not allow_partial:
                    require_complete(version)
                    _require_passing(version, project)
                versions.append(version)
        if observer is not None:
            observer.planned(len(versions) * len(chosen.outputs))
        return _make_all(versions, chosen, resources, out_dir, jobs, observer)


def resolve_as_of(as_of: date | None) -> date:
    """The day whose facts a build uses: given, else ``SOURCE_DATE_EPOCH``, else today."""
    if as_of is not None:
        return as_of
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        from datetime import UTC, datetime

        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def _require_passing(version: LanguageVersion, project: Project) -> None:
    """The build checks exactly the version it is about to render."""
    from .check import check_version

    if not check_version(version, project).passed:
        raise ProblemsFound(
            f"'{version.code}' has errors: easy-language rules or translation checks",
            hint=f"run `leichtesprache check --lang {version.code}` to see them, fix the "
            "texts, or build a draft with --allow-partial",
        )


def _make_all(
    versions: list[LanguageVersion],
    chosen: Selection,
    resources: Resources,
    out_dir: Path,
    jobs: int | None,
    observer: BuildObserver | None,
) -> list[BuildResult]:
    workers = min(jobs or os.cpu_count() or 1, len(versions))
    log.info(
        "making %s for %d language version(s) with %d worker(s)",
        ", ".join(e.name for e in chosen.outputs),
        len(versions),
        workers,
    )
    results: list[BuildResult] = []
    if workers <= 1:
        for version in versions:
            results.extend(_report(_make_language(version, chosen, resources, out_dir), observer))
        return results
    from concurrent.futures import ProcessPoolExecutor

    # Each worker makes every edition of one language version and writes its files
    # atomically; the layout stays inside the worker.
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        futures = [
            pool.submit(_make_language, version, chosen, resources, out_dir) for version in versions
        ]
        for future in futures:
            results.extend(_report(future.result(), observer))
    return results


def _init_worker() -> None:
    """A worker dies with the build: a killed or interrupted build leaves no orphans."""
    import signal
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - exotic libc
            log.debug("cannot ask the kernel to end workers with the build")


def _report(results: list[BuildResult], observer: BuildObserver | None) -> list[BuildResult]:
    for result in results:
        log.info("wrote %s (%s pages)", result.path, result.pages)
        if observer is not None:
            observer.written(result)
    return results


def _make_language(
    version: LanguageVersion, chosen: Selection, resources: Resources, out_dir: Path
) -> list[BuildResult]:
    folder = out_dir / version.publication.name
    folder.mkdir(parents=True, exist_ok=True)
    products = make_editions(version, chosen, resources, folder)
    results = []
    for edition in chosen.outputs:
        path = folder / edition.file_name(version.publication.name, version.code)
        product = products[edition.name]
        atomic_write_bytes(path, product.data)
        results.append(
            BuildResult(
                version.publication.name,
                version.code,
                edition.name,
                path,
                product.pages,
                version.draft,
            )
        )
    return results
