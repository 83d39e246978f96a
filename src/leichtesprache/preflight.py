"""Preflight: what a print shop and a screen reader need, checked on the finished PDFs.

Every build checks each PDF before it is written; ``leichtesprache preflight`` checks
any file. A problem names the file, the page and what is wrong.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

import pikepdf

from .errors import Problem

log = logging.getLogger("leichtesprache.preflight")

#: A5 in points, and how far a box may be off (rounding in the PDF).
A5 = (419.53, 595.28)
A4_LANDSCAPE = (841.89, 595.28)
TOLERANCE = 0.6
#: Bleed of the print edition: 3 mm.
BLEED = 3 * 72 / 25.4
PAGES_PER_SHEET = 4
_RTL_WORD = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
_RGB_OPS = {"rg", "RG"}


def preflight(
    data: bytes,
    kind: str,
    label: str,
    *,
    fonts: Collection[str] = (),
    expected_words: Collection[str] = (),
) -> list[Problem]:
    """Problems of one PDF of ``kind`` ("screen", "print" or "booklet"); empty when fine.

    ``fonts``: allowed font names (normalised); ``expected_words``: the right-to-left
    words of the translation, to check that text extracts in reading order.
    """
    problems: list[Problem] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        problems += _fonts(pdf, label, fonts)
        if kind in ("screen", "print"):
            problems += _sheets(pdf, label)
        if kind == "screen":
            problems += _screen_boxes(pdf, label)
            problems += _structure(pdf, label)
        elif kind == "print":
            problems += _print_boxes(pdf, label)
            problems += _print_colour(pdf, label)
            problems += _pdfx(pdf, label)
        elif kind == "booklet":
            problems += _booklet(pdf, label)
    if kind == "screen" and expected_words:
        problems += _rtl_extraction(data, label, expected_words)
    return _grouped(problems)


def _grouped(problems: list[Problem]) -> list[Problem]:
    """One problem per kind: 'pages 2–3, 54: a link does not print' instead of 130 lines."""
    pages: dict[tuple[str, str | None], list[int]] = {}
    plain: list[Problem] = []
    for problem in problems:
        m = re.match(r"^page (\d+): (.*)$", problem.message, re.S)
        if m is None:
            plain.append(problem)
            continue
        pages.setdefault((m.group(2), problem.hint), []).append(int(m.group(1)))
    label = problems[0].file if problems else None
    grouped = [
        Problem(f"{_page_list(numbers)}: {message}", label, hint=hint)
        for (message, hint), numbers in pages.items()
    ]
    return grouped + plain


def _page_list(numbers: list[int]) -> str:
    """'page 4', 'pages 2–5, 9' for page numbers."""
    unique = sorted(set(numbers))
    ranges: list[str] = []
    start = prev = unique[0]
    for n in [*unique[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ("page " if len(unique) == 1 else "pages ") + ", ".join(ranges)


def kind_of(path: Path) -> str:
    """The edition a file name belongs to: ``x-print.pdf``, ``x-booklet.pdf`` or screen."""
    stem = path.stem
    if stem.endswith("-print"):
        return "print"
    if stem.endswith("-booklet"):
        return "booklet"
    return "screen"


def _where(label: str, page: int | None, message: str, hint: str | None = None) -> Problem:
    place = f"page {page}: " if page is not None else ""
    return Problem(f"{place}{message}", label, hint=hint)


# --- fonts -------------------------------------------------------------------------------


def _fonts(pdf: pikepdf.Pdf, label: str, allowed: Collection[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, 1):
        for font in _page_fonts(page):
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            name = str(font.get("/BaseFont", "")).lstrip("/")
            plain = name.split("+", 1)[-1]
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            if descriptor is None or not any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                problems.append(_where(label, number, f"the font {plain} is not embedded"))
            if "/ToUnicode" not in font:
                problems.append(
                    _where(
                        label,
                        number,
                        f"the font {plain} has no ToUnicode map (text "
                        "cannot be read aloud or searched)",
                    )
                )
            if allowed and _norm(plain) not in allowed:
                problems.append(
                    _where(
                        label,
                        number,
                        f"the font {plain} is not one of the project's fonts",
                        hint="a character is missing from the fonts folder's fonts; add a "
                        "font for it or remove the character",
                    )
                )
    return problems


def _page_fonts(page: pikepdf.Page) -> Iterator[Any]:
    resources: Any = page.obj.get("/Resources", pikepdf.Dictionary())
    yield from dict(resources.get("/Font", {})).values()
    for xobject in dict(resources.get("/XObject", {})).values():
        if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Form":
            inner: Any = xobject.get("/Resources", pikepdf.Dictionary())
            yield from dict(inner.get("/Font", {})).values()


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


# --- page count and boxes --------------------------------------------------------------------


def _sheets(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    count = len(pdf.pages)
    if count % PAGES_PER_SHEET:
        return [
            _where(
                label,
                None,
                f"the document has {count} pages, not a multiple of {PAGES_PER_SHEET}",
                hint="a stapled brochure needs whole sheets; the build adds notes pages",
            )
        ]
    return []


def _size(box: Iterable[Any]) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)
    return abs(x1 - x0), abs(y1 - y0)


def _close(a: tuple[float, float], b: tuple[float, float], slack: float = 0.0) -> bool:
    return abs(a[0] - b[0]) <= TOLERANCE + slack and abs(a[1] - b[1]) <= TOLERANCE + slack


def _screen_boxes(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        for key in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"):
            box = page.obj.get(key)
            if box is not None and not _close(_size(box), A5):
                problems.append(
                    _where(label, number, f"the {key[1:]} is {_mm(_size(box))}, not A5")
                )
                break
    return problems


def _print_boxes(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        trim, bleed = page.obj.get("/TrimBox"), page.obj.get("/BleedBox")
        if trim is None or bleed is None:
            problems.append(_where(label, number, "TrimBox or BleedBox is missing"))
            continue
        if not _close(_size(trim), A5):
            problems.append(_where(label, number, f"the TrimBox is {_mm(_size(trim))}, not A5"))
        t, b = [float(v) for v in trim], [float(v) for v in bleed]
        margins = (t[0] - b[0], t[1] - b[1], b[2] - t[2], b[3] - t[3])
        if any(abs(m - BLEED) > TOLERANCE for m in margins):
            problems.append(
                _where(label, number, "the bleed is not 3 mm on every side of the TrimBox")
            )
        media = [float(v) for v in page.obj.MediaBox]
        if any(media[i] > b[i] + TOLERANCE for i in (0, 1)) or any(
            media[i] < b[i] - TOLERANCE for i in (2, 3)
        ):
            problems.append(_where(label, number, "the MediaBox is smaller than the BleedBox"))
    return problems


def _mm(size: tuple[float, float]) -> str:
    return f"{size[0] / 72 * 25.4:.1f} × {size[1] / 72 * 25.4:.1f} mm"


# --- screen: structure -----------------------------------------------------------------------


def _structure(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    root: Any = pdf.Root
    mark_info: Any = root.get("/MarkInfo", pikepdf.Dictionary())
    if "/StructTreeRoot" not in root or not bool(mark_info.get("/Marked", False)):
        problems.append(_where(label, None, "the PDF is not tagged (no structure tree)"))
        return problems
    if not str(root.get("/Lang", "")):
        problems.append(_where(label, None, "the PDF has no language (/Lang)"))
    with pdf.open_metadata() as meta:
        if meta.get("pdfuaid:part") != "1":
            problems.append(_where(label, None, "the XMP does not say PDF/UA-1"))
    for number, page in enumerate(pdf.pages, 1):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            if "/StructParent" not in annot:
                problems.append(_where(label, number, "a link is not in the structure tree"))
            if not str(annot.get("/Contents", "")):
                problems.append(_where(label, number, "a link does not say where it leads"))
            if not int(annot.get("/F", 0)) & 4:
                problems.append(_where(label, number, "a link does not print (no Print flag)"))
    return problems


def _rtl_extraction(data: bytes, label: str, expected: Collection[str]) -> list[Problem]:
    """Right-to-left words must come out of pdftotext as the translation has them."""
    if shutil.which("pdftotext") is None:
        log.warning(
            "pdftotext is missing: the Arabic text extraction of %s is not checked "
            "(install poppler-utils)",
            label,
        )
        return []
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=False
    ).stdout.decode("utf-8", "replace")
    pages = text.split("\f")
    wrong: dict[int, list[str]] = {}
    total = 0
    for number, page in enumerate(pages, 1):
        for word in _RTL_WORD.findall(page):
            total += 1
            if word not in expected:
                wrong.setdefault(number, []).append(word)
    bad = sum(len(words) for words in wrong.values())
    # Vowel marks on letters can come out beside their letter; a few such words are
    # tolerated, a reversed ligature on every page is not.
    if total and bad / total > 0.005:
        first = min(wrong)
        return [
            _where(
                label,
                first,
                f"{bad} of {total} right-to-left words do not extract as written "
                f"(for example: {' '.join(wrong[first][:3])})",
                hint="screen readers and search would read them wrongly; report this",
            )
        ]
    return []


# --- print: colour and PDF/X ----------------------------------------------------------------


def _print_colour(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems: list[Problem] = []
    for number, page in enumerate(pdf.pages, 1):
        if "/Annots" in page.obj:
            problems.append(_where(label, number, "the page has annotations (links)"))
        for stream, stream_resources in _streams(page):
            rgb = _rgb_in_stream(stream, stream_resources)
            if rgb:
                problems.append(_where(label, number, f"RGB colour in the content ({rgb})"))
                break
        for image in _images(page):
            space = image.get("/ColorSpace")
            name = str(space[0] if isinstance(space, pikepdf.Array) else space)
            n = int(space[1].get("/N", 0)) if name == "/ICCBased" else 0
            if name in ("/DeviceRGB", "/CalRGB") or n == 3:
                problems.append(_where(label, number, "an RGB image"))
        page_resources: Any = page.obj.get("/Resources", pikepdf.Dictionary())
        for state in dict(page_resources.get("/ExtGState", {})).values():
            if "/SMask" in state and str(state.SMask) != "/None":
                problems.append(_where(label, number, "a soft mask (transparency)"))
            for key in ("/ca", "/CA"):
                if key in state and float(state[key]) < 1:
                    problems.append(_where(label, number, "transparency (opacity below 1)"))
    return problems


def _streams(page: pikepdf.Page) -> Iterator[tuple[Any, Any]]:
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    yield page, resources
    for xobject in dict(resources.get("/XObject", {})).values():
        if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Form":
            yield xobject, xobject.get("/Resources", pikepdf.Dictionary())


def _images(page: pikepdf.Page) -> Iterator[Any]:
    for _, resources in _streams(page):
        for xobject in dict(resources.get("/XObject", {})).values():
            if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Image":
                yield xobject


def _rgb_in_stream(stream: Any, resources: Any) -> str | None:
    spaces = resources.get("/ColorSpace", {})
    for instruction in pikepdf.parse_content_stream(stream):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        op = str(instruction.operator)
        if op in _RGB_OPS:
            return op
        if op in ("cs", "CS"):
            space = instruction.operands[0]
            space = spaces.get(str(space), space) if isinstance(space, pikepdf.Name) else space
            name = str(space[0] if isinstance(space, pikepdf.Array) else space)
            if name in ("/DeviceRGB", "/CalRGB", "/Lab"):
                return f"{op} {name}"
    return None


def _pdfx(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    intents: Any = pdf.Root.get("/OutputIntents", pikepdf.Array())
    pdfx = [i for i in intents if i.get("/S") == "/GTS_PDFX"]
    if not pdfx:
        problems.append(_where(label, None, "no GTS_PDFX output intent"))
    else:
        profile = pdfx[0].get("/DestOutputProfile")
        if profile is None or int(profile.get("/N", 0)) != 4:
            problems.append(_where(label, None, "the output intent has no CMYK profile"))
    with pdf.open_metadata() as meta:
        if meta.get("pdfxid:GTS_PDFXVersion") != "PDF/X-4":
            problems.append(_where(label, None, "the XMP does not say PDF/X-4"))
    if str(pdf.docinfo.get("/Trapped", "")) not in ("/True", "/False"):
        problems.append(_where(label, None, "/Trapped is not True or False"))
    return problems


# --- booklet -------------------------------------------------------------------------------


def _booklet(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    for number, page in enumerate(pdf.pages, 1):
        if not _close(_size(page.obj.MediaBox), A4_LANDSCAPE):
            return [_where(label, number, "a booklet side is not A4 landscape")]
    return []


def preflight_files(
    paths: Iterable[Path], *, fonts: Collection[str] = (), words_of: Any = None
) -> list[tuple[Path, str, list[Problem]]]:
    """Preflight each file (its kind from its name); ``words_of(path)`` gives the expected
    right-to-left words of a screen PDF, or an empty set."""
    from .errors import ConfigError

    results = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ConfigError(f"cannot read {path}: {exc.strerror}", hint="check the path") from exc
        if not data.startswith(b"%PDF"):
            raise ConfigError(f"{path} is not a PDF file", hint="name the PDFs to check")
        kind = kind_of(Path(path))
        words = words_of(Path(path)) if words_of is not None else set()
        results.append(
            (Path(path), kind, preflight(data, kind, str(path), fonts=fonts, expected_words=words))
        )
    return results


def preflight_project(project: Any, files: list[Path]) -> list[tuple[Path, str, list[Problem]]]:
    """Preflight ``files``, or every PDF in the project's dist/ folder."""
    from .errors import ConfigError

    fonts: Collection[str] = ()
    if project is not None:
        from .weasy import font_families

        fonts = font_families(project.fonts_dir)
        if not files:
            files = sorted(project.dist_dir.glob("*/*.pdf"))
            if not files:
                raise ConfigError(
                    "there are no PDFs in dist/", hint="run `leichtesprache build` first"
                )
    return preflight_files(files, fonts=fonts, words_of=_words_in(project))


def _words_in(project: Any) -> Any:
    """For a screen PDF named <pub>-<lang>.pdf of a right-to-left language in the
    project: the words of that language version."""
    if project is None:
        return None
    from datetime import date

    from .languages import get_language
    from .screen import expected_rtl_words
    from .workspace import Workspace

    workspace = Workspace(project)

    def words(path: Path) -> set[str]:
        for name in project.publication_names():
            for code in project.languages:
                if path.name == f"{name}-{code}.pdf" and get_language(code).rtl:
                    version = workspace.version(name, code, date.today())
                    return expected_rtl_words(version)
        return set()

    return words
