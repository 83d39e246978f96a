"""The download page ``dist/index.html``: every publication in every language, for counselling
offices (waiting-room screen, a poster's QR code, the city's website).

Made from what is in ``dist/`` (the build records beside the files), so a sharded build
can write it at the end with ``build --index-only``.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup

from .config import Project
from .digests import Record
from .editions import Product, Resources
from .i18n import _
from .languages import get_language
from .translate import UiLabels

log = logging.getLogger("leichtesprache.site")

#: The editions a language row links to, in this order.
LINKED = ("web", "screen", "print", "booklet")


@dataclass(frozen=True)
class Output:
    """A file in ``dist/`` with what its build record says about it."""

    path: str  # relative to dist/, with "/"
    size: int
    record: Record


@dataclass(frozen=True)
class SiteJob:
    """The download page to make from the outputs in ``dist/``."""

    project: Project
    resources: Resources
    outputs: tuple[Output, ...]
    #: The ui labels of the project's source language (the page is in that language).
    ui: UiLabels


@dataclass(frozen=True)
class FileLink:
    edition: str
    href: str
    pages: int | None
    size: str


@dataclass(frozen=True)
class LanguageRow:
    code: str
    lang: str
    dir: str
    autonym: str
    name: str  # in the source language
    title: str
    date: str
    draft: bool
    files: tuple[FileLink, ...]
    qr: Markup | None
    qr_target: str | None


@dataclass(frozen=True)
class PublicationView:
    name: str
    title: str
    languages: tuple[LanguageRow, ...]


def make_index(job: SiteJob) -> Product:
    """The download page as one self-contained HTML file."""
    from .render import render_page

    project = job.project
    source = project.source_language
    publications = []
    for name in _publication_names(job.outputs, project):
        rows = [
            row for code in project.languages if (row := _row(job, name, code, source)) is not None
        ]
        if rows:
            title = next((r.title for r in rows if r.code == source), rows[0].title)
            publications.append(PublicationView(name, title, tuple(rows)))
    if project.public_url is None:
        log.warning(
            _(
                "the download page has no QR codes: set public_url in leichtesprache.toml to "
                "the address the dist/ folder is published under, for example {example}"
            ).format(example='[project] public_url = "https://example.org/brochures/"')
        )
    html = render_page(
        "index.html",
        get_language(source),
        job.ui,
        templates_dir=job.resources.templates_dir,
        stylesheets=("web.css",),
        context={"publications": publications, "public_url": project.public_url},
    )
    return Product(html.encode("utf-8"))


def listed(outputs: Sequence[Output]) -> str:
    """What the download page shows of the outputs, as text: the page is made again only
    when this changes (a new wording that leaves a PDF at '1.3 MB' changes nothing here)."""
    shown: list[object] = []
    for o in outputs:
        r = o.record
        shown.append((o.path, _size(o.size), r.edition, r.language, r.pages, r.draft, r.title))
        shown.append(r.date)
    return repr(shown)


def _publication_names(outputs: Sequence[Output], project: Project) -> list[str]:
    present = {o.path.split("/", 1)[0] for o in outputs if "/" in o.path}
    return [n for n in project.publication_names() if n in present]


def _row(job: SiteJob, name: str, code: str, source: str) -> LanguageRow | None:
    mine = {
        o.record.edition: o
        for o in job.outputs
        if o.path.startswith(f"{name}/") and o.record.language == code
    }
    files = tuple(
        FileLink(edition, mine[edition].path, mine[edition].record.pages, _size(mine[edition].size))
        for edition in (*LINKED, *sorted(set(mine) - set(LINKED)))
        if edition in mine
    )
    if not files:
        return None
    first = mine[files[0].edition].record
    language = get_language(code)
    target = next((f.href for f in files if f.edition in ("web", "screen")), None)
    public = job.project.public_url
    url = public.rstrip("/") + "/" + quote(target) if public and target else None
    return LanguageRow(
        code,
        code.replace("_", "-"),
        "rtl" if language.rtl else "ltr",
        language.autonym,
        _name_in(code, source),
        first.title or name,
        _date(first.date, source),
        first.draft,
        files,
        qr_svg(url, f"QR code: {url}") if url else None,
        url,
    )


def _name_in(code: str, source: str) -> str:
    name = Locale.parse(code).get_display_name(source) or code
    return name[:1].upper() + name[1:]


def _date(iso: str | None, source: str) -> str:
    if not iso:
        return ""
    return str(format_date(date.fromisoformat(iso), format="long", locale=source))


def _size(size: int) -> str:
    """File sizes as people read them: '412 KB', '1.3 MB'."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def qr_svg(url: str, title: str) -> Markup:
    """A QR code as inline SVG (made offline with segno); dark modules on white."""
    import segno

    code = segno.make_qr(url, error="m")
    buffer = io.BytesIO()
    code.save(
        buffer,
        kind="svg",
        scale=4,
        border=4,
        xmldecl=False,
        svgns=True,
        nl=False,
        title=title,
        dark="#000",
        light="#fff",
    )
    svg = buffer.getvalue().decode("utf-8")
    return Markup(svg.replace("<svg ", '<svg role="img" aria-label="' + _attr(title) + '" ', 1))


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def outputs_in(dist: Path) -> tuple[Output, ...]:
    """Every file in ``dist/`` that has a build record (the download page's contents)."""
    from .digests import read_record

    found = []
    for path in sorted(dist.glob("*/*")):
        if path.is_file() and not path.name.startswith("."):
            record = read_record(path)
            if record is not None:
                found.append(Output(path.relative_to(dist).as_posix(), path.stat().st_size, record))
    return tuple(found)


__all__ = ["SiteJob", "make_index", "outputs_in", "qr_svg"]
