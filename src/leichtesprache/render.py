"""Stage 4: a language version as one HTML document (Jinja2, autoescaped, Babel dates)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import (
    TemplateError,
    TemplateNotFound,
)
from markupsafe import Markup

from .drafts import quoted_terms_of, texts_in_their_language
from .errors import RenderError
from .i18n import _
from .languages import Language
from .markup import (
    MEDIOPUNKT_BREAK_LETTERS,
    QuotedTerms,
    plain_text,
)
from .model import Block, Contact, Node, Publication, Section
from .templating import UiGettext, make_environment
from .translate import LanguageVersion, UiLabels

#: The template that lays out a whole brochure.
BROCHURE_TEMPLATE = "brochure.html"
#: Stylesheet added after the others for right-to-left languages.
RTL_STYLESHEET = "rtl.css"
#: The family every language falls back to (Latin digits, bullets, dashes, quotes).
BASE_FAMILY = "Noto Sans"

_FAMILY_RE = re.compile(r"^[A-Za-z0-9 ]+$")
_PLACEHOLDER_RE = re.compile(r"%\((\w+)\)[sd]")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_NON_LATIN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str


@dataclass(frozen=True)
class ContactView:
    name: str
    description: str | None
    phone: str | None
    phone_href: str | None
    email: str | None
    email_href: str | None
    url: str | None
    url_href: str | None
    address: str | None


@dataclass(frozen=True)
class SectionView:
    anchor: str
    title: str
    picture: Picture | None
    body: tuple[dict[str, Any], ...]


def render_html(
    version: LanguageVersion,
    *,
    templates_dir: Path,
    notes_pages: int = 0,
    stylesheets: Sequence[str] = ("base.css",),
    template: str = BROCHURE_TEMPLATE,
    rtl_stylesheet: str | None = RTL_STYLESHEET,
    extra: Mapping[str, Any] | None = None,
    break_letters: int = MEDIOPUNKT_BREAK_LETTERS,
) -> str:
    """The brochure in one language as a complete HTML document (``template``).

    Every block text of ``version`` is untrusted; it is rendered only through
    ``markup.render_inline``/``render_plain``. The ui labels (English msgids) come from
    ``version.ui``. ``notes_pages`` adds lined "Notes" pages before the back page;
    ``extra`` adds template variables (the web edition's links, picture data).
    """
    publication, language = version.publication, version.language
    lookup = _Texts(texts_in_their_language(version), publication)
    context = {
        "title": lookup.text("meta.title"),
        "subtitle": lookup.optional("meta.subtitle"),
        "publisher": lookup.text("meta.publisher"),
        "imprint": lookup.optional("meta.imprint"),
        "version_iso": publication.version.isoformat(),
        "version_text": format_version(publication, language),
        "cover": _cover_picture(publication, lookup),
        "sections": [
            _section_view(i, section, lookup, publication)
            for i, section in enumerate(publication.sections, 1)
        ],
        "glossary": [
            (lookup.text(e.term.id), lookup.text(e.definition.id)) for e in publication.glossary
        ],
        "contacts": [_contact_view(c, lookup) for c in publication.contacts],
        "draft": version.draft,
        "notes_pages": range(max(0, notes_pages)),
        # The readers' review, shown in the imprint only when it covers exactly these texts.
        "review": version.review if version.review.state == "reviewed" else None,
        "review_date": format_day(version.review.date, language) if version.review.date else "",
        "picture_src": lambda src: src,
        **(extra or {}),
    }
    names = list(stylesheets) + ([rtl_stylesheet] if language.rtl and rtl_stylesheet else [])
    return render_page(
        template,
        language,
        version.ui,
        templates_dir=templates_dir,
        stylesheets=names,
        context=context,
        break_letters=break_letters,
        quoted=quoted_terms_of(version),
    )


def render_page(
    template: str,
    language: Language,
    ui: UiLabels,
    *,
    templates_dir: Path,
    stylesheets: Sequence[str],
    context: Mapping[str, Any],
    break_letters: int = MEDIOPUNKT_BREAK_LETTERS,
    quoted: QuotedTerms | None = None,
) -> str:
    """Render ``template`` in ``language`` with ``ui`` labels and the stylesheets inlined.

    A Mediopunkt compound of ``break_letters`` letters or more may break after a "·";
    ``quoted`` terms of another language are marked with it in every text.
    """
    env = make_environment(templates_dir, ui, language, break_letters, quoted)
    full = {
        "lang": language.code.replace("_", "-"),
        "dir": "rtl" if language.rtl else "ltr",
        "rtl": language.rtl,
        "language": language,
        "autonym": language.autonym,
        "css": Markup("\n".join(_read_stylesheet(templates_dir, name) for name in stylesheets)),
        "font_family": Markup(_font_family(language)),
        **context,
    }
    try:
        return env.get_template(template).render(full)
    except TemplateNotFound as exc:
        raise RenderError(
            _("the template '{name}' is missing").format(name=exc.name),
            file=templates_dir,
            hint=_("run `leichtesprache init` for a copy of the default templates"),
        ) from exc
    except TemplateError as exc:
        lineno = getattr(exc, "lineno", None)
        filename = getattr(exc, "filename", None) or templates_dir / template
        raise RenderError(
            _("template error: {reason}").format(reason=exc), file=filename, line=lineno
        ) from exc


def link_texts(version: LanguageVersion) -> dict[str, str]:
    """What each link of the brochure leads to, in words: anchor or URL -> description.

    Screen readers announce a PDF link by its description; "topic-3" or a bare
    "tel:+49…" says nothing to a listener.
    """
    publication = version.publication
    lookup = _Texts(version.texts(), publication)
    ui = UiGettext(version.ui)
    texts = {
        f"topic-{i}": plain_text(lookup.block(section.title))
        for i, section in enumerate(publication.sections, 1)
    }
    texts["word-book"] = ui.gettext("Word book")
    texts["help"] = ui.gettext("Where you can get help")
    for contact in publication.contacts:
        view = _contact_view(contact, lookup)
        name = plain_text(view.name)
        for href, shown in (
            (view.phone_href, view.phone),
            (view.url_href, view.url),
            (view.email_href, view.email),
        ):
            if href and shown:
                texts[href] = f"{name}: {shown}"
    return texts


def format_version(publication: Publication, language: Language) -> str:
    """The "as of" date in the language's words, always with Latin digits."""
    return format_day(publication.version, language)


def format_day(day: date, language: Language) -> str:
    """A date in the language's words, always with Latin digits."""
    return format_date(day, format="long", locale=language.code).translate(_NON_LATIN_DIGITS)


# --- view model ----------------------------------------------------------------------------


class _Texts:
    """Block texts by id; a missing id is the caller's bug, reported with the block."""

    def __init__(self, texts: Mapping[str, str], publication: Publication) -> None:
        self._texts = texts
        self._blocks = {b.id: b for b in publication.blocks()}

    def text(self, block_id: str) -> str:
        try:
            return self._texts[block_id]  # a ForeignText stays one
        except KeyError:
            block = self._blocks.get(block_id)
            raise RenderError(
                _("no text for block '{id}'").format(id=block_id),
                file=block.file if block else None,
                line=block.line if block else None,
            ) from None

    def optional(self, block_id: str) -> str | None:
        return self.text(block_id) if block_id in self._blocks else None

    def block(self, block: Block) -> str:
        return self.text(block.id)


def _section_view(
    index: int, section: Section, lookup: _Texts, publication: Publication
) -> SectionView:
    body = list(section.body)
    picture = None
    if body and body[0].kind == "picture":
        picture = _picture(body.pop(0).blocks[0], lookup, publication)
    nodes = tuple(_node_view(node, lookup, publication) for node in body)
    return SectionView(f"topic-{index}", lookup.block(section.title), picture, nodes)


def _node_view(node: Node, lookup: _Texts, publication: Publication) -> dict[str, Any]:
    if node.kind == "heading":
        block = node.blocks[0]
        # Section titles are <h2>; "## x" in a section becomes <h3>, and so on.
        return {
            "kind": "heading",
            "level": min(6, max(3, block.level + 1)),
            "text": lookup.block(block),
        }
    if node.kind == "paragraph":
        return {"kind": "paragraph", "text": lookup.block(node.blocks[0])}
    if node.kind == "picture":
        return {"kind": "picture", "picture": _picture(node.blocks[0], lookup, publication)}
    if node.kind == "list":
        return {"kind": "list", "entries": [lookup.block(b) for b in node.blocks]}
    return {"kind": "box", "paragraphs": [lookup.block(b) for b in node.blocks]}


def _picture(block: Block, lookup: _Texts, publication: Publication) -> Picture:
    src = block.src or ""
    root = publication.root.resolve()
    problem = None
    if not src or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", src) or src.startswith(("/", "\\")):
        problem = _("a picture must be a file inside the publication folder, e.g. pictures/x.svg")
    else:
        path = (root / src).resolve()
        if not path.is_relative_to(root):
            problem = _("a picture must be a file inside the publication folder")
        elif not path.is_file():
            problem = _("the picture '{file}' does not exist").format(file=src)
    if problem:
        raise RenderError(
            problem,
            file=block.file,
            line=block.line,
            hint=_("put the picture into the publication's pictures/ folder"),
        )
    return Picture(src=src, alt=lookup.block(block))


def _cover_picture(publication: Publication, lookup: _Texts) -> Picture | None:
    """``cover = "pictures/x.svg"`` in publication.toml, else the first picture."""
    pictures = [b for b in publication.blocks() if b.kind == "picture"]
    wanted = publication.extra.get("cover")
    chosen = next((b for b in pictures if b.src == wanted), None) if wanted else None
    if chosen is None and pictures:
        chosen = pictures[0]
    return _picture(chosen, lookup, publication) if chosen else None


def _contact_view(contact: Contact, lookup: _Texts) -> ContactView:
    phone = str(contact.phone).strip() if contact.phone else None
    url = str(contact.url).strip() if contact.url else None
    email = str(contact.email).strip() if contact.email else None
    digits = re.sub(r"[^0-9+]", "", phone or "")
    return ContactView(
        name=lookup.block(contact.name),
        description=lookup.block(contact.description) if contact.description else None,
        phone=phone,
        phone_href=f"tel:{digits}" if len(digits) >= 3 else None,
        email=email,
        email_href=f"mailto:{email}" if email and _EMAIL_RE.match(email) else None,
        url=_display_url(url) if url else None,
        url_href=url if url and url.lower().startswith("https://") else None,
        address=str(contact.address).strip() if contact.address else None,
    )


def _display_url(url: str) -> str:
    """Web addresses as people type them: without https:// and the trailing slash."""
    shown = re.sub(r"^https?://", "", url, flags=re.IGNORECASE)
    return shown[:-1] if shown.endswith("/") and shown.count("/") == 1 else shown


def _read_stylesheet(templates_dir: Path, name: str) -> str:
    path = templates_dir / name
    try:
        css = path.read_text("utf-8")
    except OSError as exc:
        raise RenderError(
            _("cannot read the stylesheet {name}: {reason}").format(name=name, reason=exc.strerror),
            file=path,
            hint=_("stylesheets are looked up in the templates folder"),
        ) from exc
    if "</" in css:
        raise RenderError(_("a stylesheet must not contain {text}").format(text="'</'"), file=path)
    return css


def _font_family(language: Language) -> str:
    families = [f for f in language.fonts if _FAMILY_RE.match(f)]
    if BASE_FAMILY not in families:
        families.append(BASE_FAMILY)
    return ", ".join(f'"{f}"' for f in families)


__all__ = ["BROCHURE_TEMPLATE", "format_version", "render_html"]
