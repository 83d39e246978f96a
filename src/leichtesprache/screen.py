"""The screen edition: the accessible A5 PDF (PDF/UA-1), finished from the layout."""

from __future__ import annotations

from .editions import EditionJob, Product
from .fonts import font_files
from .pdfua import finish_screen
from .render import link_texts
from .translate import LanguageVersion


def make_screen(job: EditionJob) -> Product:
    """Cut the bleed, tag pagination as artifacts, describe links, fix RTL extraction."""
    layout = job.source
    assert layout is not None, "the screen edition derives from the layout"
    data = finish_screen(
        layout.data,
        notes_pages=layout.info.get("notes_page_numbers", ()),
        link_texts=link_texts(job.version),
        font_files=font_files(job.resources.fonts_dir),
    )
    return Product(data, layout.pages, layout.info)


def expected_rtl_words(version: LanguageVersion) -> set[str]:
    """The right-to-left words a reader may find in the version's PDF (for preflight)."""
    from .preflight import _RTL_WORD
    from .render import format_version

    texts = [*version.texts().values(), version.language.autonym]
    texts += [v if isinstance(v, str) else " ".join(v) for v in version.ui.messages.values()]
    texts += link_texts(version).values()
    texts.append(format_version(version.publication, version.language))
    return {word for text in texts for word in _RTL_WORD.findall(text)}
