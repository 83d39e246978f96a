"""Stage 5: HTML laid out by WeasyPrint: hermetic fonts, no network, no silent surprises."""

from __future__ import annotations

import atexit
import contextlib
import logging
import mimetypes
import os
import tempfile
import threading
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .collector import fewer_collections
from .errors import Problem, RenderError
from .fonts import FONT_SUFFIXES, check_pdf, font_face_css, font_families
from .fsutil import atomic_write_bytes
from .i18n import _, ngettext
from .languages import Language

log = logging.getLogger("leichtesprache.layout")

#: Pages of a saddle-stitched brochure come in sheets of four.
PAGES_PER_SHEET = 4
#: The accessible screen PDF: tagged, /Lang, title shown, XMP with pdfuaid.
PDF_VARIANT = "pdf/ua-1"
#: Largest file the fetcher hands to WeasyPrint (pictures, fonts, stylesheets).
MAX_ASSET_BYTES = 50 * 1024 * 1024

# FONTCONFIG_FILE is process-wide; only one thread may swap it at a time.
_FONTCONFIG_LOCK = threading.Lock()


def import_weasyprint() -> None:
    """Import WeasyPrint, on Linux without ctypes' library search (a quarter of a second).

    WeasyPrint tries several names per C library, the Windows and macOS names first, and
    cffi asks ``ctypes.util.find_library`` about each name it cannot open at once; on Linux
    that runs ``ldconfig -p`` and the C compiler, five times over. WeasyPrint's list always
    ends with the file name (``libpango-1.0.so.0``), which the dynamic loader opens from the
    same cache ``ldconfig`` reads, so the search is skipped. Should a library be found only
    by the search, the import is simply done again with it.
    """
    import sys

    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint

        return
    import ctypes.util
    import io

    search = ctypes.util.find_library
    ctypes.util.find_library = _no_search
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # its "could not import" notice
            import weasyprint
    except OSError:
        for name in [m for m in sys.modules if m.partition(".")[0] == "weasyprint"]:
            del sys.modules[name]
        ctypes.util.find_library = search
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = search


def _no_search(name: str) -> str | None:
    return None


@dataclass
class Layout:
    """A laid-out language version: the tagged PDF with bleed, and where things are in it."""

    data: bytes
    pages: int
    #: Notes pages kept to fill the last sheet (they stand before the back page).
    notes_pages: int
    fonts: list[str] = field(default_factory=list)
    #: Zero-based numbers of the notes pages in ``data``.
    notes_page_numbers: tuple[int, ...] = ()


#: Ids the templates give the reserved notes pages (``notes-0`` …) and the back cover.
NOTES_ID = "notes-"
BACK_ID = "back"


def lay_out(
    html: str,
    target: Path,
    *,
    language: Language,
    fonts_dir: Path,
    asset_dirs: Sequence[Path],
    base_url: Path,
) -> Layout:
    """Lay ``html`` out once as PDF/UA-1 and keep whole sheets of four pages.

    The HTML holds a few reserved notes pages before the back cover (ids ``notes-0`` …);
    of those, exactly as many are kept as the last sheet needs, so padding never costs a
    second layout. ``target`` is the file the PDF is for (named in messages). Fails with
    ``RenderError`` when a URL outside ``asset_dirs`` is requested, when WeasyPrint warns
    about something that changes the output (missing glyph, font or image, CSS it
    ignores), or when the PDF uses a font that is not in ``fonts_dir``.
    """
    fonts_dir = Path(fonts_dir).resolve()
    families = font_families(fonts_dir)
    if not families:
        raise RenderError(
            _("no fonts found"),
            file=fonts_dir,
            hint=_("the fonts folder must hold the .ttf files of the brochure fonts"),
        )
    import_weasyprint()
    _tag_languages_of_parts()
    fetcher = _asset_fetcher([*asset_dirs, fonts_dir])
    font_config, font_css = _fonts(fonts_dir)
    with _weasyprint_warnings() as records, fewer_collections():
        from weasyprint import HTML
        from weasyprint.urls import FatalURLFetchingError

        options: dict[str, Any] = {
            "pdf_variant": PDF_VARIANT,
            # Every edition is saved again by pikepdf, which compresses the streams.
            "uncompressed_pdf": True,
            "presentational_hints": False,
            "stylesheets": [font_css],
        }
        try:
            document = HTML(string=html, base_url=_dir_url(base_url), url_fetcher=fetcher).render(
                font_config=font_config, **options
            )
            kept, notes = _whole_sheets(document, target)
            _fail_on(records, fetcher, target)
            _fail_on_overflow(document, target)
            if len(kept) != len(document.pages):
                document = document.copy([document.pages[i] for i in kept])
            data = document.write_pdf(finisher=_in_object_streams, **options)
        except FatalURLFetchingError as exc:
            raise _refused(fetcher, target, str(exc)) from None
        _fail_on(records, fetcher, target)
    fonts = check_pdf(data, families, lang=language.code.replace("_", "-"), label=target)
    log.info(
        ngettext(
            "{file}: {pages} pages ({notes} notes page)",
            "{file}: {pages} pages ({notes} notes pages)",
            len(notes),
        ).format(file=Path(target).name, pages=len(kept), notes=len(notes))
    )
    return Layout(data, len(kept), len(notes), fonts, tuple(kept.index(i) for i in notes))


def _whole_sheets(document: Any, target: Path) -> tuple[list[int], list[int]]:
    """Page numbers to keep (a multiple of 4) and which of them are notes pages."""
    pages = document.pages
    reserved = [
        i for i, page in enumerate(pages) if any(a.startswith(NOTES_ID) for a in page.anchors)
    ]
    content = [i for i in range(len(pages)) if i not in reserved]
    needed = (-len(content)) % PAGES_PER_SHEET
    if needed > len(reserved):
        raise RenderError(
            _(
                "cannot fill the last sheet: {needed} notes pages needed, the templates "
                "reserve {reserved}"
            ).format(needed=needed, reserved=len(reserved)),
            file=target,
            hint=_("the templates must lay out notes pages with ids notes-0, notes-1, notes-2"),
        )
    notes = reserved[:needed]
    return sorted(content + notes), notes


# --- URL fetcher ---------------------------------------------------------------------------


def _asset_fetcher(asset_dirs: Sequence[Path]) -> Any:
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):  # type: ignore[misc]
        """Serves ``data:`` URLs and files inside the asset folders; refuses all else.

        Symlinks are resolved first, so a link inside a folder that points outside it is
        refused too. Refusals are fatal (a missing picture must not vanish silently) and
        remembered, because WeasyPrint swallows errors raised while drawing an SVG.
        """

        def __init__(self) -> None:
            super().__init__(
                allowed_protocols={"file", "data"},
                allow_redirects=False,
                fail_on_errors=True,
                timeout=5,
            )
            self.roots = [Path(d).resolve() for d in asset_dirs]
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = _allowed_path(url, self.roots)
                if path is not None:
                    body = path.read_bytes()
                    mime = _mime_type(path)
                    return URLFetcherResponse(path.as_uri(), body, {"Content-Type": mime})
            self.refused.append(url)
            raise FatalURLFetchingError(f"refused to load {_short(url)}")

    return AssetFetcher()


def _allowed_path(url: str, roots: Sequence[Path]) -> Path | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return None
    try:
        path = Path(unquote(parts.path)).resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return None
    if not any(path.is_relative_to(root) for root in roots):
        return None
    try:
        if not path.is_file() or path.stat().st_size > MAX_ASSET_BYTES:
            return None
    except OSError:
        return None
    return path


def _mime_type(path: Path) -> str:
    if path.suffix.lower() == ".svg":
        return "image/svg+xml"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _dir_url(folder: Path) -> str:
    return Path(folder).resolve().as_uri() + "/"


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "…"


def _refused(fetcher: Any, target: Path, detail: str) -> RenderError:
    urls = list(dict.fromkeys(fetcher.refused)) or [detail]
    problems = [
        Problem(
            _(
                "refused to load {address}: only files inside the publication, template and "
                "font folders may be used (no other files, no network)"
            ).format(address=_short(u)),
            target,
            hint=_("put the picture or font into the project and refer to it by a relative path"),
        )
        for u in urls
    ]
    return _render_error(problems, _("{file}: cannot render the PDF:").format(file=target.name))


def _render_error(problems: list[Problem], summary: str) -> RenderError:
    error = RenderError(summary, problems=problems)
    error.summary = summary
    return error


# --- WeasyPrint's warnings -----------------------------------------------------------------


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


@contextlib.contextmanager
def _weasyprint_warnings() -> Iterator[list[logging.LogRecord]]:
    """Collect WeasyPrint's log records of level WARNING and up (it does not raise)."""
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    old_level = logger.level
    if logger.getEffectiveLevel() > logging.WARNING:
        logger.setLevel(logging.WARNING)
    logger.addHandler(collector)
    try:
        yield collector.records
    finally:
        logger.removeHandler(collector)
        logger.setLevel(old_level)


#: WeasyPrint notices that concern speed, not the output: passed on as one warning.
SPEED_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)
_told: set[str] = set()


def _fail_on(records: list[logging.LogRecord], fetcher: Any, target: Path) -> None:
    """Refuse the output for every WeasyPrint warning that changes it."""
    if fetcher.refused:
        raise _refused(fetcher, target, "")
    for record in list(records):
        notice = next((n for n in SPEED_NOTICES if record.getMessage().startswith(n)), None)
        if notice is not None:
            records.remove(record)
            if notice not in _told:
                _told.add(notice)
                log.warning(
                    _(
                        "fonts are subset with fontTools because the HarfBuzz subset library "
                        "is missing; the PDFs look the same, the build is slower. Install the "
                        "system package libharfbuzz-subset0 (Debian, Ubuntu) or harfbuzz "
                        "(Homebrew) to make it faster"
                    )
                )
    if not records:
        return
    problems = []
    for record in records:
        message = record.getMessage()
        hint = None
        if message.startswith(".notdef glyph"):
            hint = _(
                "a character is in none of the brochure fonts: remove it from the "
                "translation, or add a font for its script to the fonts folder"
            )
        problems.append(
            Problem(_("WeasyPrint reports: {message}").format(message=message), target, hint=hint)
        )
    raise RenderError.from_problems(
        problems,
        ngettext(
            "{file}: WeasyPrint reported {count} problem:",
            "{file}: WeasyPrint reported {count} problems:",
            len(problems),
        ).format(file=Path(target).name, count=len(problems)),
    )


def _tag_languages_of_parts() -> None:
    """Give the structure element of an HTML element with a ``lang`` of its own that
    language (``/Lang``): a German term in an English text, a draft's German fallback.

    WeasyPrint 70 writes the document's language only, so a screen reader read
    "Aufenthaltserlaubnis" with an English voice. PDF/UA-1 (7.2) and WCAG 3.1.2 ask for
    every change of language to be declared. WeasyPrint is pinned (70.0); its tag builder
    is wrapped once per process, and ``tests/test_brochure.py`` checks the result on the
    brochure's PDFs.
    """
    import pydyf
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "with_languages", False):
        return

    def with_languages(box: Any, parent: Any, pdf: Any, *args: Any) -> Any:
        real = box._box if isinstance(box, AbsolutePlaceholder) else box
        own = (
            real.element is not None
            and not isinstance(real, (boxes.PageBox, boxes.MarginBox))
            and real.element_tag not in ("html", "body")
        )
        lang = real.element.get("lang") if own else None
        for made in build(box, parent, pdf, *args):
            if lang and "Lang" not in made:
                made["Lang"] = pydyf.String(lang)
            yield made

    with_languages.with_languages = True  # type: ignore[attr-defined]
    tags._build_box_tree = with_languages


def _in_object_streams(document: Any, pdf: Any) -> None:
    """A ``write_pdf`` finisher: the layout's objects are written in object streams.

    Only pikepdf reads the layout, to derive the screen and print editions from it, and
    QPDF reads the 3,600 objects of a layout in object streams in about half the time it
    takes for the same objects at the top level of the file (opening and saving the
    Arabic layout: 31 against 71 ms). Their streams stay uncompressed
    (``uncompressed_pdf``; each edition compresses them as it saves), and pydyf deflates
    the object streams at level 1 instead of 9, which would cost the layout more than the
    editions save. The editions come out byte for byte the same (docs/performance.md).
    """
    write = pdf.write

    def with_object_streams(output: Any, version: Any, identifier: Any, compress: Any) -> Any:
        with _fast_deflate():
            return write(output, version, identifier, True)

    pdf.write = with_object_streams


@contextlib.contextmanager
def _fast_deflate() -> Iterator[None]:
    """pydyf's deflate at level 1 for a while (it asks zlib for level 9). A pydyf that no
    longer compresses through its module's ``zlib`` keeps its own level."""
    import pydyf

    if getattr(pydyf, "zlib", None) is not zlib:
        yield
        return
    pydyf.zlib = _Level1Zlib()
    try:
        yield
    finally:
        pydyf.zlib = zlib


class _Level1Zlib:
    """The part of ``zlib`` pydyf uses, at compression level 1."""

    @staticmethod
    def compressobj(level: int = 1, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(1, *args, **kwargs)

    @staticmethod
    def compress(data: bytes, level: int = 1, **kwargs: Any) -> bytes:
        return zlib.compress(data, 1, **kwargs)


def _fail_on_overflow(document: Any, target: Path) -> None:
    """A word wider than its column runs into the margin (it is never hyphenated): refuse."""
    from weasyprint.formatting_structure import boxes

    found: list[tuple[int, str]] = []

    def walk(box: Any, block: Any, page: int) -> None:
        if isinstance(box, boxes.MarginBox):
            return
        if isinstance(box, boxes.BlockContainerBox) and not isinstance(box, boxes.LineBox):
            block = box
        if (
            isinstance(box, boxes.TextBox)
            and block is not None
            and not box.element_tag.endswith("::marker")
        ):
            left = block.content_box_x()
            if box.position_x < left - 1 or box.position_x + box.width > left + block.width + 1:
                found.append((page, box.text.strip()))
        for child in getattr(box, "children", ()):
            walk(child, block, page)

    for number, page in enumerate(document.pages, 1):
        walk(page._page_box, None, number)
    if found:
        problems = [
            Problem(
                _("on page {page} a word is wider than its column: '{word}'").format(
                    page=page, word=_short(word)
                ),
                target,
                hint=_(
                    "words are never hyphenated: split a long compound with a Mediopunkt "
                    "(Kranken·versicherung) or use a shorter word"
                ),
            )
            for page, word in found[:10]
        ]
        raise _render_error(
            problems, _("{file}: text runs out of its column:").format(file=target.name)
        )


# --- fonts ---------------------------------------------------------------------------------


def _fonts(fonts_dir: Path) -> tuple[Any, Any]:
    """The FontConfiguration and @font-face stylesheet for ``fonts_dir``, made once per
    process (and again only when a font file changes)."""
    stamp = tuple(
        (p.name, p.stat().st_mtime_ns)
        for p in sorted(fonts_dir.iterdir())
        if p.suffix.lower() in FONT_SUFFIXES or p.name == "fonts.conf"
    )
    return _font_setup(fonts_dir, stamp)


@lru_cache(maxsize=4)
def _font_setup(fonts_dir: Path, _stamp: tuple[tuple[str, int], ...]) -> tuple[Any, Any]:
    from weasyprint import CSS

    if not _font_setup.cache_info().currsize:
        # Let the FontConfiguration go while its module is still there: its __del__
        # fails when the interpreter has already torn WeasyPrint down.
        atexit.register(_font_setup.cache_clear)

    with _hermetic_fonts(fonts_dir) as font_config:
        fetcher = _asset_fetcher([fonts_dir])
        css = CSS(string=font_face_css(fonts_dir), font_config=font_config, url_fetcher=fetcher)
    return font_config, css


@contextlib.contextmanager
def _hermetic_fonts(fonts_dir: Path) -> Iterator[Any]:
    """A FontConfiguration that sees only the fonts in ``fonts_dir`` (no system fonts)."""
    conf = fonts_dir / "fonts.conf"
    if not conf.is_file():
        conf = _generated_fontconfig(fonts_dir)
    with _FONTCONFIG_LOCK:
        old = os.environ.get("FONTCONFIG_FILE")
        os.environ["FONTCONFIG_FILE"] = str(conf)
        try:
            # Imported here so that WeasyPrint's import-time font check is hermetic too.
            from weasyprint.text.fonts import FontConfiguration

            font_config = FontConfiguration()
        finally:
            if old is None:
                os.environ.pop("FONTCONFIG_FILE", None)
            else:
                os.environ["FONTCONFIG_FILE"] = old
    yield font_config


def _generated_fontconfig(fonts_dir: Path) -> Path:
    """A fonts.conf for a fonts folder that has none, in a per-user temp folder."""
    import hashlib
    from xml.sax.saxutils import escape as xml_escape

    digest = hashlib.sha256(str(fonts_dir).encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"leichtesprache-{os.getuid()}" / digest
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    conf = folder / "fonts.conf"
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig>\n  <dir>{xml_escape(str(fonts_dir))}</dir>\n"
        f"  <cachedir>{xml_escape(str(folder / 'cache'))}</cachedir>\n</fontconfig>\n"
    )
    if not conf.is_file() or conf.read_text("utf-8") != text:
        atomic_write_bytes(conf, text.encode("utf-8"))
    return conf
