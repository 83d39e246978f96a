"""The project's files, each read once per run: publications, catalogues, template labels.

Every command reads the project through a Workspace, so all of them use the same hardened
PO reader and report a broken file with the same ``file:line``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import polib

from .catalog import UI_DOMAIN, UI_SOURCE_LANGUAGE, catalog_path, extract_ui
from .catalogtext import CatalogText
from .checkcache import CACHE_DIR
from .config import Project
from .content import load_publication
from .errors import ConfigError, LanguageError, ProblemsFound
from .facts import Fact, load_facts
from .fsutil import relative_path
from .i18n import _
from .languages import get_language
from .model import Publication
from .pofile import load_po
from .translate import LanguageVersion, UiLabels, translate

log = logging.getLogger("leichtesprache.translate")


class Workspace:
    """Reads publications and catalogues of a project on first use and keeps them."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._publications: dict[str, Publication] = {}
        self._catalogs: dict[tuple[str, str], polib.POFile | None] = {}
        self._ui_template: polib.POFile | None = None

    # --- publications ------------------------------------------------------------------

    def publication_names(self, only: str | None = None) -> tuple[str, ...]:
        """The publications to work on; ``only`` must be one of them."""
        names = self.project.publication_names()
        if not names:
            raise ConfigError(
                _("the project has no publication"),
                file="content",
                hint=_(
                    "create content/<name>/publication.toml and sections/ "
                    "(`leichtesprache init DIR` makes an example)"
                ),
            )
        if only is not None:
            if only not in names:
                raise ConfigError(
                    _("there is no publication '{name}'").format(name=only),
                    hint=_("known publications: {names}").format(names=", ".join(names)),
                )
            return (only,)
        return names

    def publication(self, name: str) -> Publication:
        if name not in self._publications:
            project = self.project
            self._publications[name] = load_publication(
                project.content_dir / name, name, project.root
            )
        return self._publications[name]

    def facts(self, name: str) -> dict[str, Fact]:
        """The facts of a publication, without reading the rest of it if not read yet."""
        if name in self._publications:
            return dict(self._publications[name].facts)
        folder = self.project.content_dir / name
        return load_facts(folder / "facts.toml", f"content/{name}/facts.toml")

    # --- catalogues --------------------------------------------------------------------

    def catalog_file(self, code: str, domain: str) -> Path:
        return catalog_path(self.project.locale_dir, code, domain)

    def label(self, path: Path) -> str:
        """A path as users see it: relative to the project."""
        return relative_path(path, self.project.root)

    def catalog(self, code: str, domain: str) -> polib.POFile | None:
        """The catalogue of a language and domain; None when the file does not exist."""
        key = (code, domain)
        if key not in self._catalogs:
            path = self.catalog_file(code, domain)
            if path.is_file():
                log.debug("reading %s", self.label(path))
                self._catalogs[key] = load_po(path, label=self.label(path))
            else:
                self._catalogs[key] = None
        return self._catalogs[key]

    def ui_template(self) -> polib.POFile:
        """The template labels of the project's templates (extracted once)."""
        if self._ui_template is None:
            self._ui_template = extract_ui(
                self.project.templates_dir, self.project.root / CACHE_DIR
            )
        return self._ui_template

    def ui_labels(self, code: str) -> UiLabels:
        """A language's template labels; the source language's stand in for missing ones."""
        path = self.catalog_file(code, UI_DOMAIN)
        po = self.catalog(code, UI_DOMAIN)
        labels = UiLabels.from_catalog(
            po, self.label(path) if po is not None else None, get_language(code).plural_forms
        )
        source = self.project.source_language
        if code != source:
            fallback = self.ui_labels(source)
            if get_language(source).rtl != get_language(code).rtl:
                # A label can stand where no element can isolate it (an attribute, a CSS
                # string): direction marks keep German punctuation right in a Persian draft.
                mark = "\u200f" if get_language(source).rtl else "\u200e"
                fallback = replace(
                    fallback,
                    messages={k: _marked(v, mark) for k, v in fallback.messages.items()},
                )
            labels = replace(labels, fallback=fallback)
        return labels

    def catalog_texts(self, code: str, name: str) -> tuple[CatalogText, ...]:
        """The catalogues of a language version as plain data, for the translation checks."""
        found = []
        source = self.publication(name).source_language
        for domain, msgid_language in ((name, source), (UI_DOMAIN, UI_SOURCE_LANGUAGE)):
            if domain == name and code == self.project.source_language:
                continue
            po = self.catalog(code, domain)
            if po is not None:
                label = self.label(self.catalog_file(code, domain))
                found.append(CatalogText.of(po, label, domain, msgid_language))
        return tuple(found)

    # --- the translated model ------------------------------------------------------------

    def version(
        self, name: str, code: str, as_of: date, *, missing_labels: bool = True
    ) -> LanguageVersion:
        """Publication ``name`` in language ``code`` with the facts valid on ``as_of``.

        A target language without a catalogue is refused: there is nothing to build or
        check. Incomplete languages come back with ``missing`` filled in; the caller decides.
        ``missing_labels=False`` leaves ``ui_missing`` empty: finding the template labels a
        language lacks means reading every template (and importing Jinja2), which the check
        does not need.
        """
        publication = self.publication(name)
        language = get_language(code)
        catalog: polib.POFile | None = None
        catalog_file: str | None = None
        if code != self.project.source_language:
            path = self.catalog_file(code, name)
            catalog_file = self.label(path)
            catalog = self.catalog(code, name)
            if catalog is None:
                raise ProblemsFound(
                    _("there is no catalogue for '{code}'").format(code=code),
                    file=catalog_file,
                    hint=_("run `leichtesprache add-language {code}` and translate it").format(
                        code=code
                    ),
                )
        log.info(
            _("{publication}: {code}, facts of {day}").format(
                publication=name, code=code, day=as_of.isoformat()
            )
        )
        return translate(
            publication,
            language,
            as_of=as_of,
            catalog=catalog,
            catalog_file=catalog_file,
            ui=self.ui_labels(code),
            ui_template=self.ui_template() if missing_labels else None,
            catalogs=self.catalog_texts(code, name),
        )

    def languages(self, codes: Sequence[str] = ()) -> tuple[str, ...]:
        """The languages to work on: ``codes`` if given (each must be in the project)."""
        project = self.project
        for code in codes:
            if code not in project.languages:
                get_language(code)  # an unknown code says so first
                raise LanguageError(
                    _("the language '{code}' is not in the project").format(code=code),
                    file=project.config_file.name,
                    hint=_(
                        "run `leichtesprache add-language {code}` first (languages now: {codes})"
                    ).format(code=code, codes=", ".join(project.languages)),
                )
        return tuple(codes) or project.languages


def _marked(label: str | tuple[str, ...], mark: str) -> str | tuple[str, ...]:
    if isinstance(label, tuple):
        return tuple(f"{mark}{form}{mark}" for form in label)
    return f"{mark}{label}{mark}"
