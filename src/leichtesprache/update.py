"""``update``: extract the source texts and merge them into every language's catalogue."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

from .catalog import UI_DOMAIN, build_pot, catalog_path, format_catalog, format_pot
from .config import Project
from .fsutil import atomic_write_bytes, project_lock, relative_path
from .i18n import N_, _
from .languages import get_language
from .merge import merge, new_catalog
from .pofile import load_po
from .workspace import Workspace

log = logging.getLogger("leichtesprache.update")

#: What ``update`` did to a file, as a log line.
ACTIONS = {"created": N_("created {file}"), "updated": N_("updated {file}")}


@dataclass(frozen=True)
class Change:
    """What ``update`` did (or would do) to one file."""

    path: Path
    action: str  # "created", "updated", "unchanged"
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlannedFile:
    """A catalogue or template as ``update`` would write it."""

    path: Path
    data: bytes
    details: tuple[str, ...] = ()


def plan_update(project: Project, workspace: Workspace | None = None) -> list[PlannedFile]:
    """Every file ``update`` would write, computed before anything is written."""
    workspace = workspace or Workspace(project)
    plans: list[PlannedFile] = []
    for name in workspace.publication_names():
        pot = build_pot(workspace.publication(name))
        plans.append(PlannedFile(project.locale_dir / f"{name}.pot", format_pot(pot)))
        plans.extend(
            planned_catalogs(pot, name, project.target_languages, project.locale_dir, project.root)
        )
    ui_pot = workspace.ui_template()
    if len(ui_pot):
        plans.append(PlannedFile(project.locale_dir / f"{UI_DOMAIN}.pot", format_pot(ui_pot)))
        plans.extend(
            planned_catalogs(ui_pot, UI_DOMAIN, project.languages, project.locale_dir, project.root)
        )
    return plans


def planned_catalogs(
    pot: polib.POFile, domain: str, languages: Iterable[str], locale_dir: Path, root: Path
) -> Iterator[PlannedFile]:
    """For each language: the catalogue as ``update`` would write it."""
    for code in languages:
        language = get_language(code)
        path = catalog_path(locale_dir, code, domain)
        exists = path.is_file()
        po = (
            load_po(path, label=relative_path(path, root))
            if exists
            else new_catalog(pot, language, domain)
        )
        merged, stats = merge(po, pot, language)
        yield PlannedFile(path, format_catalog(merged), stats.summary() if exists else ())


def update(project: Project, *, check: bool = False) -> list[Change]:
    """Extract and merge all catalogues; with ``check`` only report what would change."""
    with project_lock(project.root):
        plans = plan_update(project)
        changes: list[Change] = []
        for plan in plans:
            old = plan.path.read_bytes() if plan.path.is_file() else None
            action = "unchanged" if old == plan.data else ("created" if old is None else "updated")
            changes.append(Change(plan.path, action, plan.details if action != "unchanged" else ()))
        if not check:
            for change, plan in zip(changes, plans, strict=True):
                if change.action != "unchanged":
                    plan.path.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write_bytes(plan.path, plan.data)
                    log.info(
                        _(ACTIONS[change.action]).format(
                            file=relative_path(plan.path, project.root)
                        )
                    )
    return changes
