"""The print edition for the print shop: PDF/X-4, CMYK, 3 mm bleed, from the same layout."""

from __future__ import annotations

from .colors import (
    DEFAULT_CONDITION,
    DEFAULT_PROFILE,
    ColorConverter,
    load_palette,
    profile_description,
)
from .editions import EditionJob, Product
from .markup import plain_text
from .pdfx import make_print_pdf


def make_print(job: EditionJob) -> Product:
    """Turn the layout into the print shop's file (no second layout)."""
    layout = job.source
    assert layout is not None, "the print edition derives from the layout"
    resources = job.resources
    project = resources.project
    profile = project.print_profile or resources.templates_dir / DEFAULT_PROFILE
    condition = project.print_condition or (
        DEFAULT_CONDITION if project.print_profile is None else profile_description(profile)
    )
    converter = ColorConverter(load_palette(resources.templates_dir), profile)
    version = job.version
    data = make_print_pdf(
        layout.data,
        converter=converter,
        profile=profile.read_bytes(),
        condition=condition,
        condition_info=profile_description(profile),
        title=plain_text(version.text("meta.title")),
        day=version.publication.version,
        crop_marks=project.crop_marks,
    )
    return Product(data, layout.pages, layout.info)
