"""The web edition: one self-contained, responsive HTML page per language version.

Made from the same translated model and templates as the PDF, not from the PDF: the
stylesheet is inlined, the pictures are inlined as data URLs, and the page names the
brochure's font families with the system's sans-serif as fallback, so it loads nothing.
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from .editions import EditionJob, Product, registered
from .errors import RenderError
from .i18n import _
from .languages import get_language
from .render import render_html

#: The template and stylesheet of the web edition (in the templates folder).
WEB_TEMPLATE = "web.html"
WEB_STYLESHEET = "web.css"
#: A phone's line holds about 20 letters of a heading: a Mediopunkt compound from this
#: length may break after a "·" (only where the line is too short for it), never inside a
#: word part. The PDF's A5 line allows this from 26 letters.
WEB_BREAK_LETTERS = 16


@dataclass(frozen=True)
class LanguageLink:
    href: str
    lang: str
    dir: str
    autonym: str


@dataclass(frozen=True)
class Download:
    href: str
    #: The edition's name; web.html says in words what each one is for.
    edition: str


#: The editions the web page links to, in this order.
DOWNLOADS = ("screen", "print", "booklet")


def make_web(job: EditionJob) -> Product:
    """The web page of one language version."""
    version, resources = job.version, job.resources
    publication = version.publication
    project = resources.project
    others = [
        LanguageLink(
            f"{publication.name}-{code}.html",
            code.replace("_", "-"),
            "rtl" if get_language(code).rtl else "ltr",
            get_language(code).autonym,
        )
        for code in project.languages
        if code != version.code
    ]
    editions = {e.name: e for e in registered()}
    downloads = [
        Download(editions[name].file_name(publication.name, version.code), name)
        for name in DOWNLOADS
        if name in editions
    ]
    html = render_html(
        version,
        templates_dir=resources.templates_dir,
        stylesheets=(WEB_STYLESHEET,),
        template=WEB_TEMPLATE,
        rtl_stylesheet=None,
        break_letters=WEB_BREAK_LETTERS,
        extra={
            "other_languages": others,
            "downloads": downloads,
            "picture_src": lambda src: data_url(publication.root / src),
        },
    )
    return Product(html.encode("utf-8"), None)


def data_url(path: Path) -> str:
    """A picture of the publication as a data: URL (the web page stays one file)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(
            _("cannot read the picture: {reason}").format(reason=exc.strerror), file=path
        ) from exc
    mime = "image/svg+xml" if path.suffix.lower() == ".svg" else mimetypes.guess_type(path.name)[0]
    return f"data:{mime or 'application/octet-stream'};base64,{base64.b64encode(data).decode()}"
