"""The outputs of a build as a registry of editions: each a small declared object.

An edition says what it is, which file it writes, how it is made and from which other
edition it derives (the way WeasyPrint declares its PDF variants). The build iterates the
registry and never special-cases an edition: adding an output is registering one more.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Project
from .errors import ConfigError
from .i18n import _
from .translate import LanguageVersion


@dataclass(frozen=True)
class Product:
    """What an edition made: the bytes of its file and what reports show about it."""

    data: bytes
    #: Pages of a PDF; None for other files.
    pages: int | None = None
    #: Anything later editions or reports may use (fonts, notes pages …).
    info: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Resources:
    """What editions may read besides the language version: the design and its settings."""

    templates_dir: Path
    fonts_dir: Path
    #: The project's settings (print profile, crop marks, public address …).
    project: Project

    @classmethod
    def of(cls, project: Project) -> Resources:
        return cls(project.templates_dir, project.fonts_dir, project)


@dataclass(frozen=True)
class EditionJob:
    """One edition of one language version to make."""

    version: LanguageVersion
    resources: Resources
    #: The file the edition is for (named in messages).
    target: Path
    #: The product of the edition this one derives from, if any.
    source: Product | None = None


#: Makes an edition: from an ``EditionJob`` (per language) or a ``site.SiteJob`` (project).
Maker = Callable[[Any], Product]


@dataclass(frozen=True)
class Edition:
    """One kind of output of every language version."""

    #: Short name used by ``build --edition``.
    name: str
    #: File name pattern in ``dist/<publication>/``: ``{pub}`` and ``{lang}`` are filled in.
    filename: str
    #: How it is made: a function, or its import path ``"package.module:function"``.
    make: Maker | str
    #: The edition whose product this one is made from; None for the first one.
    derives_from: str | None = None
    #: False for an intermediate product that is only made for other editions.
    written: bool = True
    #: Built when no ``--edition`` is given.
    default: bool = True
    #: What it is, for ``--help`` and the docs.
    description: str = ""
    #: Which preflight its file gets ("screen", "print", "booklet"); None: none.
    preflight: str | None = None
    #: "language": one file per language version, in ``dist/<pub>/``; "project": one file
    #: for the whole build in ``dist/``, made from what the build records say is there.
    scope: str = "language"

    def file_name(self, publication: str, language: str) -> str:
        return self.filename.format(pub=publication, lang=language)

    def maker(self) -> Maker:
        if callable(self.make):
            return self.make
        module, _colon, function = self.make.partition(":")
        made: Maker = getattr(importlib.import_module(module), function)
        return made


_REGISTRY: dict[str, Edition] = {}


def register(edition: Edition) -> Edition:
    """Add an edition (or replace the one of the same name)."""
    _REGISTRY[edition.name] = edition
    return edition


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def registered() -> tuple[Edition, ...]:
    """Every edition, in the order they were registered."""
    return tuple(_REGISTRY.values())


@dataclass(frozen=True)
class Selection:
    """What a build makes: every edition in the order they depend on each other, and which
    of them it writes (those asked for; a source that was not asked for is only made)."""

    order: tuple[Edition, ...]
    outputs: tuple[Edition, ...]


def select(names: Iterable[str] = ()) -> Selection:
    """The editions for ``names`` (default: every default edition), sources first."""
    wanted = list(dict.fromkeys(names)) or [e.name for e in registered() if e.default]
    unknown = [n for n in wanted if n not in _REGISTRY]
    if unknown:
        raise ConfigError(
            _("unknown edition: {names}").format(names=", ".join(unknown)),
            hint=_("known editions: {names}").format(
                names=", ".join(e.name for e in registered() if e.written)
            ),
        )
    ordered: list[Edition] = []

    def add(name: str, trail: tuple[str, ...]) -> None:
        if name in trail:
            raise ConfigError(
                _("the editions {names} derive from each other").format(
                    names=" → ".join((*trail, name))
                )
            )
        edition = _REGISTRY.get(name)
        if edition is None:
            raise ConfigError(
                _("the edition '{name}' derives from an unknown one: '{unknown}'").format(
                    name=trail[-1], unknown=name
                )
            )
        if edition.derives_from is not None:
            add(edition.derives_from, (*trail, name))
        if edition not in ordered:
            ordered.append(edition)

    for name in wanted:
        add(name, ())
    outputs = tuple(e for e in ordered if e.name in wanted and e.written)
    return Selection(tuple(ordered), outputs)


def per_language(selection: Selection) -> Selection:
    """The part of a selection made for each language version."""
    return Selection(
        tuple(e for e in selection.order if e.scope == "language"),
        tuple(e for e in selection.outputs if e.scope == "language"),
    )


def make_editions(
    version: LanguageVersion, selection: Selection, resources: Resources, folder: Path
) -> dict[str, Product]:
    """Make the selected editions (in order) of one language version, by edition name."""
    products: dict[str, Product] = {}
    for edition in selection.order:
        source = products.get(edition.derives_from) if edition.derives_from else None
        target = folder / edition.file_name(version.publication.name, version.code)
        products[edition.name] = edition.maker()(EditionJob(version, resources, target, source))
    return products


register(
    Edition(
        "layout",
        "{pub}-{lang}.pdf",
        "leichtesprache.layout:make_layout",
        written=False,
        default=False,
        description="one WeasyPrint layout per language, the source of every PDF edition",
    )
)
register(
    Edition(
        "screen",
        "{pub}-{lang}.pdf",
        "leichtesprache.screen:make_screen",
        derives_from="layout",
        description="the accessible PDF for reading on screen (PDF/UA-1, A5)",
        preflight="screen",
    )
)
register(
    Edition(
        "print",
        "{pub}-{lang}-print.pdf",
        "leichtesprache.printshop:make_print",
        derives_from="layout",
        description="for the print shop: PDF/X-4, CMYK, A5 with 3 mm bleed",
        preflight="print",
    )
)
register(
    Edition(
        "booklet",
        "{pub}-{lang}-booklet.pdf",
        "leichtesprache.booklet:make_booklet",
        derives_from="screen",
        description="for office printers: A5 pages two-up on A4, in saddle-stitch order",
        preflight="booklet",
    )
)
register(
    Edition(
        "index",
        "index.html",
        "leichtesprache.site:make_index",
        scope="project",
        description="the download page: every publication and language, with QR codes",
    )
)
register(
    Edition(
        "web",
        "{pub}-{lang}.html",
        "leichtesprache.web:make_web",
        description="the web page: responsive, self-contained, for phones and screen readers",
    )
)
