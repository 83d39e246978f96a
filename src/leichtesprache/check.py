"""``check``: easy-language rules on the translated model, and what editors must know of facts."""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .catalog import UI_DOMAIN
from .checkcache import cache_file, checked, remembered
from .collector import fewer_collections
from .config import Project
from .errors import ConfigError, LeichteSpracheError
from .facts import FactNote, fact_warnings, undated_amounts, values_for
from .i18n import _
from .languages import get_language
from .readability import CheckResult, Finding, TextUnit
from .translate import LanguageVersion, quoted_source_terms
from .workspace import Workspace

log = logging.getLogger("leichtesprache.check")

#: How serious each kind of fact note is: a known change is a note, the rest are warnings.
FACT_SEVERITY = {"fact-change": "info"}


def units_of(version: LanguageVersion) -> list[TextUnit]:
    """The blocks written in the version's language, as the checker's text units.

    Source-language blocks point at their Markdown or TOML line (one sentence per line,
    so a finding's line follows); translations point at their PO entry.
    """
    quoted = quoted_source_terms(version)
    return [
        TextUnit(
            b.template,
            b.file,
            b.line,
            b.block.id,
            b.block.kind,
            b.allow,
            section=b.block.section,
            lines_follow=version.is_source,
            quoted=quoted,
        )
        for b in version.checked_blocks()
    ]


def check_version(version: LanguageVersion, project: Project) -> CheckResult:
    """The easy-language rules on exactly the texts a build of ``version`` shows, and the
    translation checks (``qa``) on the catalogues they come from.

    The check makes hundreds of thousands of small objects; the collector runs less often
    meanwhile, as for a layout (in a build's worker, each older-generation pass would also
    walk what its layouts left)."""
    from .qa import check_translations
    from .readability.engine import check_units
    from .readability.sources import settings_for

    glossary = [b.template for b in version.checked_blocks() if b.block.kind == "glossary_term"]
    source = version.catalog or version.publication.folder
    log.info(_("checking {code} ({source})").format(code=version.code, source=source))
    with fewer_collections():
        result = check_units(
            units_of(version),
            version.code,
            source=source,
            settings=settings_for(project.check, version.code),
            glossary=glossary,
        )
        return with_findings(result, check_translations(version))


def with_findings(result: CheckResult, extra: Sequence[Finding]) -> CheckResult:
    """``result`` with more findings, ordered by file and line, counted again."""
    if not extra:
        return result
    findings = sorted([*result.findings, *extra], key=lambda f: (f.file or "", f.line or 0))
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    return CheckResult(
        result.language, result.source, counts["error"] == 0, counts, result.metrics, findings
    )


def check_project(
    project: Project,
    languages: Sequence[str] = (),
    *,
    publication: str | None = None,
    as_of: date | None = None,
) -> list[CheckResult]:
    """Check every publication in every (or the given) language, then its facts.

    A language without a catalogue is an error finding, not a crash; a catalogue that
    cannot be read is a ``CatalogError`` naming its file and line.
    """
    from .facts import resolve_as_of

    day = resolve_as_of(as_of)
    workspace = Workspace(project)
    codes = workspace.languages(languages)
    names = workspace.publication_names(publication)
    for name in names:
        workspace.publication(name)  # read once, before the workers split off
    checked = _check_all(workspace, [(name, code) for name in names for code in codes], day)
    results: list[CheckResult] = []
    reported: set[tuple[str | None, int | None, str, int]] = set()
    for name in names:
        results.extend(_once(checked[(name, code)], reported) for code in codes)
        results.append(check_facts(workspace, name, day))
    return results


def _check_all(
    workspace: Workspace, pairs: list[tuple[str, str]], day: date
) -> dict[tuple[str, str], CheckResult]:
    """Check each (publication, language) whose texts changed since the last check.

    A version none of whose files changed is answered from the cache without being read
    (``checkcache.remembered``). The rest go to workers, in parallel on several cores:
    each reads and translates its version, answers from the cache when the texts it
    checks are the same after all (``checkcache.cached``: a changed comment), and checks
    it otherwise. Forked workers inherit the workspace, and each runs only its own
    languages' rules and word lists.
    """
    global _SHARED
    project = workspace.project
    results: dict[tuple[str, str], CheckResult] = {}
    todo: list[tuple[str, str]] = []
    for name, code in pairs:
        catalogue = workspace.catalog_file(code, name)
        if code != project.source_language and not catalogue.is_file():
            results[(name, code)] = _no_catalogue(code, workspace.label(catalogue))
            continue
        known = _remembered(workspace, name, code, day)
        if known is not None:
            results[(name, code)] = known
        else:
            todo.append((name, code))
    if todo:
        log.info(
            _("checking {count} of {total} language versions (the rest are unchanged)").format(
                count=len(todo), total=len(pairs)
            )
        )
    workers = min(os.cpu_count() or 1, len(todo))
    _SHARED = (workspace, day)
    try:
        if workers <= 1 or not hasattr(os, "fork"):
            results.update({pair: _check_in_worker(pair) for pair in todo})
            return results
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        prepare_workers([code for _, code in todo])
        context = multiprocessing.get_context("fork")
        # What the parent read is never garbage: frozen before the workers are forked (on
        # the first submit), their collector skips it.
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = {pair: pool.submit(_check_in_worker, pair) for pair in todo}
                results.update({pair: future.result() for pair, future in futures.items()})
        finally:
            gc.unfreeze()
    finally:
        _SHARED = None
    return results


def _remembered(workspace: Workspace, name: str, code: str, day: date) -> CheckResult | None:
    if not cache_file(workspace.project, name, code).is_file():
        return None
    try:
        facts = values_for(workspace.facts(name), code, day)
    except LeichteSpracheError:  # reading the version says what is wrong, with its place
        return None
    return remembered(workspace.project, name, code, facts)


#: What forked check workers inherit from the parent: the workspace and the day of the facts.
_SHARED: tuple[Workspace, date] | None = None


def _check_in_worker(pair: tuple[str, str]) -> CheckResult:
    assert _SHARED is not None
    workspace, day = _SHARED
    version = workspace.version(*pair, day, missing_labels=False)
    return checked(version, workspace.project)


def prepare_workers(codes: Sequence[str]) -> None:
    """Import what every check worker needs once, in the parent, before it forks them (the
    check's and the build's): the forks share it. The word lists are not loaded here: each
    worker reads only its own languages' lists."""
    from . import qa  # noqa: F401
    from .readability import engine  # noqa: F401
    from .readability.registry import find

    for code in codes:
        find(code)


def _once(
    result: CheckResult, reported: set[tuple[str | None, int | None, str, int]]
) -> CheckResult:
    """Findings in a ui catalogue are shown once, not again for every publication."""
    keep = []
    for f in result.findings:
        key = (f.file, f.line, f.rule, f.start)
        if f.file and f.file.endswith(f"/{UI_DOMAIN}.po") and key in reported:
            continue
        reported.add(key)
        keep.append(f)
    if len(keep) == len(result.findings):
        return result
    stripped = CheckResult(result.language, result.source, True, {}, result.metrics, [])
    return with_findings(stripped, keep)


def check_facts(workspace: Workspace, name: str, as_of: date) -> CheckResult:
    """Fact notes of one publication as a result of their own (file ``facts.toml``)."""
    publication = workspace.publication(name)
    notes: list[FactNote] = list(fact_warnings(publication.facts, as_of))
    for block in publication.blocks():
        notes.extend(
            undated_amounts(block.text, publication.facts, as_of, file=block.file, line=block.line)
        )
    findings = [
        Finding(
            note.rule,
            FACT_SEVERITY.get(note.rule, "warning"),
            note.problem.message,
            str(note.problem.file) if note.problem.file is not None else None,
            note.problem.line,
            None,
            "",
            0,
            0,
            note.problem.hint,
        )
        for note in notes
    ]
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    source = f"{publication.folder}/facts.toml"
    language = workspace.project.source_language
    return CheckResult(language, source, counts["error"] == 0, counts, {}, findings)


def _no_catalogue(code: str, label: str) -> CheckResult:
    finding = Finding(
        "no-catalogue",
        "error",
        _("No catalogue: {path} does not exist.").format(path=label),
        label,
        None,
        None,
        "",
        0,
        0,
        _(
            "Run “leichtesprache update” to create the catalogue, or "
            "remove the language from the project."
        ),
    )
    return CheckResult(code, label, False, {"error": 1, "warning": 0, "info": 0}, {}, [finding])


def check_files(
    project: Project | None, files: Sequence[Path], languages: Sequence[str] = ()
) -> list[CheckResult]:
    """Check plain-text or Markdown files written in one language (default: the source)."""
    from .readability.sources import check_files as _check_files
    from .readability.sources import settings_for

    if len(languages) > 1:
        raise ConfigError(
            _("check FILE… takes one --lang"), hint=_("run the check once per language")
        )
    code = languages[0] if languages else (project.source_language if project else "de")
    get_language(code)
    for path in files:
        if not Path(path).is_file():
            raise ConfigError(
                _("the file {file} does not exist").format(file=path), hint=_("check the path")
            )
    return _check_files(
        list(files),
        code,
        settings=settings_for(project.check, code) if project else None,
    )
