"""Drafts: text that stands in for a missing translation keeps its own language and direction.

German in a Persian draft must read left to right with its full stop on the right, and a
screen reader must read it as German: each fallback text is rendered in an element with the
source language's ``lang`` and ``dir`` (``.fallback`` in the stylesheet makes it a line box
of its own, so it also starts on its own side).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .languages import get_language
from .markup import QuotedTerms, quoted_terms, render_inline
from .translate import LanguageVersion, quoted_source_terms


class ForeignText(str):
    """A text in another language than the page: a draft's source-language fallback."""

    lang: str
    dir: str

    def __new__(cls, text: str, lang: str, direction: str) -> ForeignText:
        made = super().__new__(cls, text)
        made.lang, made.dir = lang, direction
        return made


def _source_lang_dir(version: LanguageVersion) -> tuple[str, str]:
    """The ``lang`` and ``dir`` attributes of the publication's source language."""
    source = get_language(version.publication.source_language)
    return source.code.replace("_", "-"), "rtl" if source.rtl else "ltr"


def texts_in_their_language(version: LanguageVersion) -> dict[str, str]:
    """Block id -> text; a fallback text is a ``ForeignText`` in the source language."""
    lang, direction = _source_lang_dir(version)
    return {
        b.block.id: ForeignText(b.text, lang, direction) if b.fallback else b.text
        for b in version.blocks
    }


def quoted_terms_of(version: LanguageVersion) -> QuotedTerms | None:
    """``quoted_source_terms`` as rendered: in the source language and its direction."""
    return quoted_terms(quoted_source_terms(version), *_source_lang_dir(version))


def inline_html(text: object, rtl: bool, **options: Any) -> Markup:
    """``render_inline`` (with ``options``); a ``ForeignText`` in an element with its own
    ``lang`` and ``dir`` (all of it is in that language: no quoted terms inside)."""
    if isinstance(text, ForeignText):
        options.pop("quoted", None)
        inner = render_inline(str(text), rtl=text.dir == "rtl", **options)
        return Markup('<span lang="{}" dir="{}" class="fallback">{}</span>').format(
            text.lang, text.dir, inner
        )
    return render_inline(str(text), rtl=rtl, **options)
