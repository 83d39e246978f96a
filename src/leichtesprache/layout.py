"""The layout edition: one WeasyPrint layout per language version, for every PDF edition."""

from __future__ import annotations

from .editions import EditionJob, Product
from .render import render_html
from .weasy import lay_out

#: Notes pages the HTML reserves before the back cover; up to 3 fill the last sheet.
RESERVED_NOTES_PAGES = 3


def make_layout(job: EditionJob) -> Product:
    """Render the version to HTML and lay it out once: A5 pages with 3 mm bleed, tagged.

    The screen, print and booklet editions are all made from this PDF, so each language
    is laid out exactly once however many editions a build makes.
    """
    version, resources = job.version, job.resources
    publication = version.publication
    html = render_html(
        version, templates_dir=resources.templates_dir, notes_pages=RESERVED_NOTES_PAGES
    )
    layout = lay_out(
        html,
        job.target,
        language=version.language,
        fonts_dir=resources.fonts_dir,
        asset_dirs=[publication.root, resources.templates_dir, resources.fonts_dir],
        base_url=publication.root,
    )
    info = {
        "notes_pages": layout.notes_pages,
        "notes_page_numbers": layout.notes_page_numbers,
        "fonts": tuple(layout.fonts),
    }
    return Product(layout.data, layout.pages, info)
