"""The orchestrator: the only module that knows the order of the stages."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polib

from . import catalog
from .catalog import CatalogStatus, CatalogTranslations, Change
from .config import Project
from .content import Block, Publication, load_publication
from .errors import CatalogError, LanguageError, PlaceholderError, Problem, ProblemsFound
from .facts import Fact, fact_warnings, fill_placeholders, load_facts, values_for
from .languages import get_language
from .pofile import load_po

log = logging.getLogger("leichtesprache.pipeline")
Progress = Callable[[str], None]
#: A translation longer than this (and 10 times its German text) is refused as a mistake.
MAX_TRANSLATION_CHARS = 5000


def _noop(_: str) -> None:
    return None


# --- loading ---------------------------------------------------------------------------------


def load_pub(project: Project, name: str) -> Publication:
    return load_publication(project.content_dir / name, name, project.root)


def load_pub_facts(project: Project, name: str) -> dict[str, Fact]:
    return load_facts(project.content_dir / name / "facts.toml", f"content/{name}/facts.toml")


def _publications(project: Project, only: str | None) -> tuple[str, ...]:
    names = project.publication_names()
    if only is not None:
        if only not in names:
            raise LanguageError(
                f"there is no publication '{only}'",
                hint=f"known publications: {', '.join(names) or 'none'}",
            )
        return (only,)
    if not names:
        raise CatalogError(
            "the project has no publication",
            hint="create content/<name>/publication.toml and sections/",
        )
    return names


# --- update ----------------------------------------------------------------------------------


def plan_update(project: Project) -> list[tuple[Path, bytes, tuple[str, ...]]]:
    """Every file ``update`` would write, computed before anything is written."""
    plans: list[tuple[Path, bytes, tuple[str, ...]]] = []
    for name in _publications(project, None):
        publication = load_pub(project, name)
        load_pub_facts(project, name)  # validate facts early: placeholders refer to them
        exceptions = catalog.load_exceptions(
            project.content_dir / name / "exceptions.toml", f"content/{name}/exceptions.toml"
        )
        pot = catalog.build_pot(publication, exceptions)
        plans.append((project.locale_dir / f"{name}.pot", catalog.write_pot_bytes(pot), ()))
        for path, data, stats in catalog.planned_catalogs(
            pot, name, project.target_languages, project.locale_dir, project.root
        ):
            plans.append((path, data, stats.summary() if stats else ()))
    ui_pot = catalog.extract_ui(project.templates_dir)
    if len(ui_pot):
        plans.append(
            (project.locale_dir / f"{catalog.UI_DOMAIN}.pot", catalog.write_pot_bytes(ui_pot), ())
        )
        for path, data, stats in catalog.planned_catalogs(
            ui_pot, catalog.UI_DOMAIN, project.languages, project.locale_dir, project.root
        ):
            plans.append((path, data, stats.summary() if stats else ()))
    return plans


def update(project: Project, *, check: bool = False) -> list[Change]:
    """Extract and merge all catalogues; with ``check`` only report what would change."""
    from .fsutil import atomic_write_bytes, project_lock

    with project_lock(project.root):
        plans = plan_update(project)
        changes: list[Change] = []
        for path, data, details in plans:
            old = path.read_bytes() if path.is_file() else None
            action = "unchanged" if old == data else ("created" if old is None else "updated")
            changes.append(Change(path, action, details if action != "unchanged" else ()))
        if not check:
            for change, (path, data, _) in zip(changes, plans, strict=True):
                if change.action != "unchanged":
                    path.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write_bytes(path, data)
    return changes


# --- status ----------------------------------------------------------------------------------


def status(project: Project) -> list[CatalogStatus]:
    """Per language and domain: translated / fuzzy / untranslated / obsolete."""
    result: list[CatalogStatus] = []
    for name in _publications(project, None):
        publication = load_pub(project, name)
        pot = catalog.build_pot(publication, {})
        for code in project.target_languages:
            result.append(_status_of(project, code, name, pot))
    ui_pot = catalog.extract_ui(project.templates_dir)
    if len(ui_pot):
        for code in project.languages:
            result.append(_status_of(project, code, catalog.UI_DOMAIN, ui_pot))
    return result


def _status_of(project: Project, code: str, domain: str, pot: polib.POFile) -> CatalogStatus:
    path = catalog.catalog_path(project.locale_dir, code, domain)
    rel = path.relative_to(project.root).as_posix()
    if not path.is_file():
        return CatalogStatus(code, domain, rel, len(pot), 0, 0, len(pot), 0)
    po = load_po(path, label=rel)
    return catalog.catalog_status(po, code, domain, rel, pot)


# --- add-language ----------------------------------------------------------------------------


def add_language(project: Project, code: str) -> list[Change]:
    """Create empty catalogues with the right header and register the language."""
    from .fsutil import atomic_write_bytes, project_lock

    language = get_language(code)
    if code in project.languages:
        raise LanguageError(
            f"the language '{code}' is already in the project",
            file=project.config_file.name,
            hint="run `leichtesprache update` to refresh its catalogues",
        )
    with project_lock(project.root):
        plans = plan_update(project)
        writes: list[tuple[Path, bytes]] = []
        pots = {p.name[:-4]: data for p, data, _ in plans if p.suffix == ".pot"}
        for domain, pot_bytes in pots.items():
            pot = catalog.read_po_bytes(pot_bytes, f"locale/{domain}.pot")
            path = catalog.catalog_path(project.locale_dir, code, domain)
            if path.is_file():
                continue  # keep what a translator may already have sent
            merged, _ = catalog.merge(catalog.new_catalog(pot, language, domain), pot, language)
            writes.append((path, catalog.render_catalog(merged)))
        config_text = _add_to_language_list(project, code)
        changes = []
        for path, data in writes:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
            changes.append(Change(path, "created"))
        if config_text is not None:
            atomic_write_bytes(project.config_file, config_text.encode("utf-8"))
            changes.append(Change(project.config_file, "updated", (f"added '{code}'",)))
        seeded = seed_ui_translations(project, code)
        if seeded is not None:
            changes.append(Change(seeded, "updated", ("template labels filled in",)))
    return changes


def seed_ui_translations(project: Project, code: str) -> Path | None:
    """Fill empty template labels from the translations shipped with the default templates.

    A new project or language then builds at once; labels the project changed or added
    stay for its translators. Returns the catalogue if anything was filled.
    """
    from .config import defaults_dir
    from .fsutil import atomic_write_bytes

    path = catalog.catalog_path(project.locale_dir, code, catalog.UI_DOMAIN)
    shipped = catalog.catalog_path(defaults_dir() / "locale", code, catalog.UI_DOMAIN)
    if not path.is_file() or not shipped.is_file() or path.resolve() == shipped.resolve():
        return None
    known = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in load_po(shipped, label=str(shipped))
        if catalog.is_translated(e)
    }
    po = load_po(path, label=path.relative_to(project.root).as_posix())
    filled = 0
    for entry in po:
        if not entry.obsolete and not entry.msgstr and (entry.msgctxt, entry.msgid) in known:
            entry.msgstr = known[(entry.msgctxt, entry.msgid)]
            filled += 1
    if not filled:
        return None
    atomic_write_bytes(path, catalog.render_catalog(po))
    return path


_LANGS_RE = re.compile(r"(?m)^(\s*languages\s*=\s*\[)([^\]]*)(\])")


def _add_to_language_list(project: Project, code: str) -> str | None:
    text = project.config_file.read_text("utf-8")
    match = _LANGS_RE.search(text)
    if match is None:
        raise LanguageError(
            "cannot find 'languages = [...]' in the configuration",
            file=project.config_file.name,
            hint=f'add "{code}" to the languages list by hand',
        )
    inner = match.group(2).rstrip()
    sep = ", " if inner.strip() else ""
    new_inner = f'{inner}{sep}"{code}"'
    return text[: match.start(2)] + new_inner + text[match.end(2) :]


# --- build -----------------------------------------------------------------------------------


@dataclass
class LanguageText:
    """The final texts of one language version, ready for rendering."""

    language: str
    texts: dict[str, str]
    ui: CatalogTranslations
    draft: bool
    problems: list[Problem] = field(default_factory=list)


def translate_publication(
    project: Project,
    publication: Publication,
    code: str,
    *,
    as_of: date,
    allow_partial: bool,
    facts: dict[str, Fact],
    ui_template: polib.POFile | None = None,
) -> LanguageText:
    """Pick every block's text in ``code``, fill facts; incomplete languages fail or go draft.

    ``ui_template`` is the template-label catalogue; extracted from the templates if not given.
    """
    values = values_for(facts, code, as_of)
    problems: list[Problem] = []
    texts: dict[str, str] = {}
    missing: list[str] = []
    entries: dict[str, polib.POEntry] = {}
    po_rel = f"locale/{code}/LC_MESSAGES/{publication.name}.po"
    if code != project.source_language:
        path = catalog.catalog_path(project.locale_dir, code, publication.name)
        if not path.is_file():
            raise ProblemsFound(
                f"there is no catalogue for '{code}'",
                file=po_rel,
                hint=f"run `leichtesprache add-language {code}` and translate it",
            )
        po = load_po(path, label=po_rel)
        entries = {e.msgctxt: e for e in po if e.msgctxt and not e.obsolete}
    for block in publication.blocks():
        source_text = block.text
        text = source_text
        where = Problem("", block.file, block.line)
        if code != project.source_language:
            entry = entries.get(block.id)
            if entry is None or entry.msgid != block.text or not catalog.is_translated(entry):
                missing.append(block.id)
                if not allow_partial:
                    continue
            else:
                text = entry.msgstr
                where = Problem("", po_rel, entry.linenum)
                if len(text) > max(MAX_TRANSLATION_CHARS, 10 * len(block.text)):
                    problems.append(
                        Problem(
                            f"the translation of '{block.id}' is {len(text)} characters long, "
                            f"far longer than the German text ({len(block.text)})",
                            po_rel,
                            entry.linenum,
                            hint="check the entry: it may contain pasted text by mistake",
                        )
                    )
                    text = source_text
        try:
            texts[block.id] = fill_placeholders(text, values, where=where)
        except PlaceholderError as exc:
            problems.extend(exc.problems)
            texts[block.id] = fill_placeholders(source_text, values)
    ui = _ui_translations(project, code)
    if ui_template is None:
        ui_template = catalog.extract_ui(project.templates_dir)
    ui_missing = [e.msgid for e in ui_template if not ui.has(e.msgctxt, e.msgid)]
    if missing and not allow_partial:
        raise ProblemsFound(
            f"'{code}' is not complete: {len(missing)} message(s) are untranslated, fuzzy or "
            "out of date",
            file=po_rel,
            hint="finish them in Poedit (run `leichtesprache status`), "
            "or build a draft with --allow-partial",
        )
    if ui_missing and not allow_partial:
        raise ProblemsFound(
            f"'{code}': {len(ui_missing)} template text(s) are not translated",
            file=f"locale/{code}/LC_MESSAGES/{catalog.UI_DOMAIN}.po",
            hint="translate them, or build a draft with --allow-partial",
        )
    if problems and not allow_partial:
        raise CatalogError.from_problems(
            problems, f"'{code}': {len(problems)} translation(s) cannot be used:"
        )
    return LanguageText(
        code, texts, ui, draft=bool(missing or ui_missing or problems), problems=problems
    )


def _ui_translations(project: Project, code: str) -> CatalogTranslations:
    path = catalog.catalog_path(project.locale_dir, code, catalog.UI_DOMAIN)
    if not path.is_file():
        return CatalogTranslations(None, get_language(code).plural_forms)
    rel = path.relative_to(project.root).as_posix()
    return CatalogTranslations(load_po(path, label=rel))


@dataclass(frozen=True)
class BuildResult:
    publication: str
    language: str
    path: Path
    pages: int
    draft: bool


def resolve_as_of(as_of: date | None) -> date:
    if as_of is not None:
        return as_of
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        from datetime import UTC, datetime

        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def build(
    project: Project,
    *,
    publication: str | None = None,
    languages: Sequence[str] = (),
    out: Path | None = None,
    as_of: date | None = None,
    allow_partial: bool = False,
    jobs: int = 1,
    progress: Progress = _noop,
) -> list[BuildResult]:
    """Load → translate → check → render → PDF, for every publication and language."""
    from .fsutil import project_lock

    day = resolve_as_of(as_of)
    codes = tuple(languages) or project.languages
    for code in codes:
        if code not in project.languages:
            get_language(code)
            raise LanguageError(
                f"the language '{code}' is not in the project",
                file=project.config_file.name,
                hint=f"run `leichtesprache add-language {code}` first",
            )
    out_dir = (out or project.dist_dir).resolve()
    results: list[BuildResult] = []
    with project_lock(project.root):
        ui_template = catalog.extract_ui(project.templates_dir)  # once, for every language
        for name in _publications(project, publication):
            progress(f"Step 1 – reading content/{name}")
            pub = load_pub(project, name)
            facts = load_pub_facts(project, name)
            versions = []
            for code in codes:
                progress(f"Step 2 – {code}: translations and facts ({day.isoformat()})")
                text = translate_publication(
                    project,
                    pub,
                    code,
                    as_of=day,
                    allow_partial=allow_partial,
                    facts=facts,
                    ui_template=ui_template,
                )
                progress(f"Step 3 – {code}: easy-language check")
                if _check_fails(project, name, code) and not allow_partial:
                    raise ProblemsFound(
                        f"'{code}' breaks easy-language rules (errors found)",
                        hint=f"run `leichtesprache check --lang {code}` to see them, fix the "
                        "texts, or build a draft with --allow-partial",
                    )
                versions.append(text)
            progress(
                f"Step 4 – rendering {len(versions)} PDF(s)"
                + (f" with {jobs} workers" if jobs > 1 and len(versions) > 1 else "")
            )
            results.extend(_render_all(project, pub, versions, out_dir / name, jobs))
    return results


def _render_all(
    project: Project, pub: Publication, versions: list[LanguageText], folder: Path, jobs: int
) -> list[BuildResult]:
    if jobs <= 1 or len(versions) <= 1:
        return [_render_language(project, pub, text, folder) for text in versions]
    from concurrent.futures import ProcessPoolExecutor

    # Workers get plain data and rebuild the rest; each writes its own file atomically.
    with ProcessPoolExecutor(max_workers=min(jobs, len(versions))) as pool:
        futures = [
            pool.submit(_render_job, project, pub, text.language, text.texts, text.draft, folder)
            for text in versions
        ]
        return [f.result() for f in futures]


def _render_job(
    project: Project, pub: Publication, code: str, texts: dict[str, str], draft: bool, folder: Path
) -> BuildResult:
    text = LanguageText(code, texts, _ui_translations(project, code), draft)
    return _render_language(project, pub, text, folder)


def _check_fails(project: Project, name: str, code: str) -> bool:
    try:
        from .readability import check_project
    except ImportError:  # pragma: no cover - the checker ships with the package
        return False
    return any(not r.passed for r in check_project(project, [code], publication=name))


def _render_language(
    project: Project, pub: Publication, text: LanguageText, folder: Path
) -> BuildResult:
    from .pdf import write_pdf
    from .render import render_html

    language = get_language(text.language)
    target = folder / f"{pub.name}-{text.language}.pdf"

    def render(notes_pages: int) -> str:
        return render_html(
            pub,
            text.texts,
            language,
            ui=text.ui,
            templates_dir=project.templates_dir,
            draft=text.draft,
            notes_pages=notes_pages,
        )

    folder.mkdir(parents=True, exist_ok=True)
    result = write_pdf(
        render,
        target,
        language=language,
        fonts_dir=project.fonts_dir,
        asset_dirs=[pub.root, project.templates_dir, project.fonts_dir],
        base_url=pub.root,
    )
    return BuildResult(pub.name, text.language, target, result.pages, text.draft)


def check_facts(project: Project, as_of: date | None = None) -> list[Problem]:
    day = resolve_as_of(as_of)
    warnings: list[Problem] = []
    for name in _publications(project, None):
        warnings.extend(fact_warnings(load_pub_facts(project, name), day))
    return warnings


def source_blocks(project: Project, name: str) -> list[Block]:
    return list(load_pub(project, name).blocks())
