"""The screen edition: the accessible PDF of a language version, laid out by WeasyPrint."""

from __future__ import annotations

from .editions import EditionJob, Product
from .pdf import render_pdf
from .render import render_html


def make_screen(job: EditionJob) -> Product:
    """Render the version to HTML and lay it out as a PDF/UA-1 of whole sheets."""
    version, resources = job.version, job.resources
    publication = version.publication

    def html(notes_pages: int) -> str:
        return render_html(version, templates_dir=resources.templates_dir, notes_pages=notes_pages)

    result = render_pdf(
        html,
        job.target,
        language=version.language,
        fonts_dir=resources.fonts_dir,
        asset_dirs=[publication.root, resources.templates_dir, resources.fonts_dir],
        base_url=publication.root,
    )
    info = {"notes_pages": result.notes_pages, "fonts": tuple(result.fonts)}
    return Product(result.data, result.pages, info)
