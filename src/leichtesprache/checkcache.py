"""What the check found in a language version, remembered until its texts change.

``check`` and ``status`` must answer in a moment, and checking every language from scratch
takes about a second on two cores. So each check of a version writes its result to
``.leichtesprache-cache/`` in the project under two keys:

- ``inputs_key``: the bytes of every file the check reads (the publication's folder, the
  language's catalogues, the source's ui catalogue), the facts' values on the day, the
  settings, the language of the messages and the checker's code. When it matches, the
  result is used without reading a catalogue (``remembered``).
- ``fingerprint``: the texts and catalogue entries as read. When only the files changed
  but not what the check sees (Poedit saved a new header), the version is read and the
  result still used (``cached``).

Only the versions whose texts changed are checked again, as ruff and mypy do with their
caches. A cache that is missing, damaged or out of date is ignored: the version is checked
again. It is plain JSON, never pickle, so a project folder cannot carry code.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Project
from .digests import (
    code_digest,
    digest_of,
    file_digest,
    language_catalogs,
    project_settings,
    tool_versions,
    tree_digest,
)
from .fsutil import keep, read_kept
from .i18n import current_language
from .translate import LanguageVersion

if TYPE_CHECKING:
    from .readability import CheckResult


#: The cache folder in the project (not in version control).
CACHE_DIR = ".leichtesprache-cache"


def error_count(version: LanguageVersion, project: Project) -> int:
    """The check errors of ``version``: from the cache, or by checking it (then cached)."""
    return checked(version, project).counts.get("error", 0)


def checked(version: LanguageVersion, project: Project) -> CheckResult:
    """The check result of ``version``: remembered, or checked now and remembered."""
    result = cached(version, project)
    return result if result is not None else check_and_remember(version, project)


def check_and_remember(version: LanguageVersion, project: Project) -> CheckResult:
    """Check ``version`` now; the next ``check``, ``status`` and ``build`` reuse the result."""
    from .check import check_version

    result = check_version(version, project)
    remember(version, project, result)
    return result


def remembered(
    project: Project, name: str, code: str, facts: Mapping[str, str]
) -> CheckResult | None:
    """The last result for publication ``name`` in ``code`` when none of the files it was
    made from changed, without reading or translating anything (``inputs_key``).

    ``facts``: the values of the facts shown on the day (``facts.values_for``).
    """
    path = cache_file(project, name, code)
    return _stored(read_kept(path, "inputs", lambda: inputs_key(project, name, code, facts)))


def cached(version: LanguageVersion, project: Project) -> CheckResult | None:
    """The result of the last check of ``version``, if nothing it depends on changed since."""
    return _stored(read_kept(_path(version, project), "key", lambda: fingerprint(version, project)))


def _stored(data: dict[str, Any] | None) -> CheckResult | None:
    """The check result in a cache record; None when there is none or it is damaged."""
    try:
        return _result(data["result"]) if data is not None else None
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _result(data: dict[str, Any]) -> CheckResult:
    from .readability.model import CheckResult, Finding

    findings = [Finding(**f) for f in data["findings"]]
    return CheckResult(
        str(data["language"]),
        str(data["source"]),
        bool(data["passed"]),
        {str(k): int(v) for k, v in data["counts"].items()},
        dict(data["metrics"]),
        findings,
    )


def remember(version: LanguageVersion, project: Project, result: CheckResult) -> None:
    """Keep the result of a check just made; a cache that cannot be written is skipped."""
    path = _path(version, project)
    payload = {
        "key": fingerprint(version, project),
        "inputs": inputs_key(project, version.publication.name, version.code, version.facts),
        "result": result.to_dict(),
    }
    keep(path, payload)


def fingerprint(version: LanguageVersion, project: Project) -> str:
    """Everything a check of ``version`` depends on, as one digest."""
    return digest_of(
        code_digest(),  # the checker's code and word lists, and the messages' catalogue
        version.code,
        repr(version.blocks),
        repr(version.catalogs),
        repr(version.publication.terms.get(version.code)),
        repr(sorted(project.check.items())),
        current_language(),  # the findings' messages are in it
    )


def inputs_key(project: Project, name: str, code: str, facts: Mapping[str, str]) -> str:
    """The bytes of every file a check of ``name`` in ``code`` reads, as one digest.

    Stricter than ``fingerprint`` (a changed comment in a catalogue counts here, not
    there) and much cheaper: no catalogue is parsed, no text translated. A ``check`` whose
    inputs are unchanged answers from this key alone; otherwise the version is read and
    compared by ``fingerprint`` (or checked).
    """
    return digest_of(
        code_digest(),
        tool_versions(),
        current_language(),
        json.dumps(project_settings(project), sort_keys=True, default=str),
        name,
        code,
        tree_digest(project.content_dir / name),
        *(file_digest(c) for c in language_catalogs(project, name, code)),
        json.dumps(dict(facts), sort_keys=True),
    )


def _path(version: LanguageVersion, project: Project) -> Path:
    return cache_file(project, version.publication.name, version.code)


def cache_file(project: Project, name: str, code: str) -> Path:
    """Where the check result of publication ``name`` in language ``code`` is kept."""
    return project.root / CACHE_DIR / f"check-{name}-{code}.json"
