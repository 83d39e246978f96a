"""How many check errors a language version has, remembered until its texts change.

``status`` must answer in a moment, and checking every language takes about a second. So
``check`` (and ``status`` itself, when it had to check) write each version's error count to
``.leichtesprache-cache/`` in the project, keyed by a fingerprint of everything the check
reads: the texts and catalogues, the term lists, the settings and the checker's own code.
A cache that is missing, damaged or out of date is ignored: the version is checked again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Project
from .fsutil import atomic_write_text
from .translate import LanguageVersion

if TYPE_CHECKING:
    from .readability import CheckResult

log = logging.getLogger("leichtesprache.check")

#: The cache folder in the project (not in version control).
CACHE_DIR = ".leichtesprache-cache"


def error_count(version: LanguageVersion, project: Project) -> int:
    """The check errors of ``version``: from the cache, or by checking it (then cached)."""
    path, key = _path(version, project), fingerprint(version, project)
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("key") == key and isinstance(data.get("errors"), int):
            return int(data["errors"])
    except (OSError, ValueError):
        pass
    from .check import check_version

    result = check_version(version, project)
    remember(version, project, result)
    return result.counts.get("error", 0)


def remember(version: LanguageVersion, project: Project, result: CheckResult) -> None:
    """Keep the error count of a check just made; a cache that cannot be written is skipped."""
    path = _path(version, project)
    payload = {"key": fingerprint(version, project), "errors": result.counts.get("error", 0)}
    try:
        path.parent.mkdir(exist_ok=True)
        atomic_write_text(path, json.dumps(payload) + "\n")
    except OSError as exc:  # a read-only project still works, only slower
        log.debug("cannot write the check cache %s: %s", path, exc)


def fingerprint(version: LanguageVersion, project: Project) -> str:
    """Everything a check of ``version`` depends on, as one digest."""
    h = hashlib.sha256()
    publication = version.publication
    for part in (
        _code_fingerprint(),
        version.code,
        repr(version.blocks),
        repr(version.catalogs),
        repr(publication.terms.get(version.code)),
        repr(sorted(project.check.items())),
        project.ui_language or "",
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _path(version: LanguageVersion, project: Project) -> Path:
    return project.root / CACHE_DIR / f"check-{version.publication.name}-{version.code}.json"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """The checker's code as it is installed: a changed rule counts errors anew."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        parts = [version("leichtesprache")]
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        parts = []
    package = Path(__file__).parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        parts.append(f"{source.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
