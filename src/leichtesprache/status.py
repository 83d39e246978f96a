"""``status``: how far each language is, per catalogue: translated, fuzzy, untranslated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polib

from .catalog import UI_DOMAIN, build_pot, is_translated
from .config import Project
from .workspace import Workspace


@dataclass(frozen=True)
class CatalogStatus:
    """The counts of one catalogue, measured against its template."""

    language: str
    domain: str
    path: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "domain": self.domain,
            "path": self.path,
            "total": self.total,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "obsolete": self.obsolete,
            "percent": self.percent,
        }


def catalog_status(
    po: polib.POFile, language: str, domain: str, path: str, template: polib.POFile | None = None
) -> CatalogStatus:
    """Count against the template when given, so a PO lagging behind its POT is not 100 %."""
    active = [e for e in po if not e.obsolete]
    if template is not None:
        by_key = {(e.msgctxt, e.msgid): e for e in active}
        current = [e for e in (by_key.get((t.msgctxt, t.msgid)) for t in template) if e]
        total = len(template)
    else:
        current = active
        total = len(active)
    translated = sum(1 for e in current if is_translated(e))
    fuzzy = sum(1 for e in current if e.fuzzy and not e.obsolete)
    return CatalogStatus(
        language,
        domain,
        path,
        total,
        translated,
        fuzzy,
        total - translated - fuzzy,
        sum(1 for e in po if e.obsolete),
    )


def status(project: Project) -> list[CatalogStatus]:
    """Per language and domain: translated / fuzzy / untranslated / obsolete."""
    workspace = Workspace(project)
    result: list[CatalogStatus] = []
    for name in workspace.publication_names():
        pot = build_pot(workspace.publication(name))
        for code in project.target_languages:
            result.append(_status_of(workspace, code, name, pot))
    ui_pot = workspace.ui_template()
    if len(ui_pot):
        for code in project.languages:
            result.append(_status_of(workspace, code, UI_DOMAIN, ui_pot))
    return result


def _status_of(workspace: Workspace, code: str, domain: str, pot: polib.POFile) -> CatalogStatus:
    path = workspace.label(workspace.catalog_file(code, domain))
    po = workspace.catalog(code, domain)
    if po is None:
        return CatalogStatus(code, domain, path, len(pot), 0, 0, len(pot), 0)
    return catalog_status(po, code, domain, path, pot)
