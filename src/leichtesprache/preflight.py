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
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

import pikepdf

from .errors import Problem
from .fonts import font_key, page_fonts
from .i18n import _, ngettext
from .prepress import A4_LANDSCAPE, A5, PageProblem, check_print, close, mm, size, where

log = logging.getLogger("leichtesprache.preflight")

PAGES_PER_SHEET = 4
_RTL_WORD = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")


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
            problems += check_print(pdf, label)
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
        if not isinstance(problem, PageProblem):
            plain.append(problem)
            continue
        pages.setdefault((problem.message, problem.hint), []).append(problem.page)
    label = problems[0].file if problems else None
    grouped = [
        Problem(
            ngettext(
                "page {pages}: {message}", "pages {pages}: {message}", len(set(numbers))
            ).format(pages=_page_list(numbers), message=message),
            label,
            hint=hint,
        )
        for (message, hint), numbers in pages.items()
    ]
    return grouped + plain


def _page_list(numbers: list[int]) -> str:
    """'4', '2–5, 9' for page numbers."""
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
    return ", ".join(ranges)


def kind_of(path: Path) -> str:
    """The edition a file name belongs to: ``x-print.pdf``, ``x-booklet.pdf`` or screen."""
    stem = path.stem
    if stem.endswith("-print"):
        return "print"
    if stem.endswith("-booklet"):
        return "booklet"
    return "screen"


# --- fonts -------------------------------------------------------------------------------


def _fonts(pdf: pikepdf.Pdf, label: str, allowed: Collection[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()
    walked: set[tuple[int, int]] = set()
    for number, page in enumerate(pdf.pages, 1):
        for font in page_fonts(page, walked):
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
                problems.append(
                    where(label, number, _("the font {name} is not embedded").format(name=plain))
                )
            if "/ToUnicode" not in font:
                problems.append(
                    where(
                        label,
                        number,
                        _(
                            "the font {name} has no ToUnicode map (text cannot be read aloud "
                            "or searched)"
                        ).format(name=plain),
                    )
                )
            if allowed and font_key(plain) not in allowed:
                problems.append(
                    where(
                        label,
                        number,
                        _("the font {name} is not one of the project's fonts").format(name=plain),
                        hint=_(
                            "a character is missing from the fonts folder's fonts; add a "
                            "font for it or remove the character"
                        ),
                    )
                )
    return problems


# --- page count and boxes --------------------------------------------------------------------


def _sheets(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    count = len(pdf.pages)
    if count % PAGES_PER_SHEET:
        return [
            where(
                label,
                None,
                _("the document has {count} pages, not a multiple of {per_sheet}").format(
                    count=count, per_sheet=PAGES_PER_SHEET
                ),
                hint=_("a stapled brochure needs whole sheets; the build adds notes pages"),
            )
        ]
    return []


def _screen_boxes(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        for key in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"):
            box = page.obj.get(key)
            if box is not None and not close(size(box), A5):
                problems.append(
                    where(
                        label,
                        number,
                        _("the {box} is {size}, not A5").format(box=key[1:], size=mm(size(box))),
                    )
                )
                break
    return problems


# --- screen: structure -----------------------------------------------------------------------


def _structure(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    root: Any = pdf.Root
    mark_info: Any = root.get("/MarkInfo", pikepdf.Dictionary())
    if "/StructTreeRoot" not in root or not bool(mark_info.get("/Marked", False)):
        problems.append(where(label, None, _("the PDF is not tagged (no structure tree)")))
        return problems
    if not str(root.get("/Lang", "")):
        problems.append(where(label, None, _("the PDF has no language (/Lang)")))
    with pdf.open_metadata() as meta:
        if meta.get("pdfuaid:part") != "1":
            problems.append(where(label, None, _("the XMP does not say PDF/UA-1")))
    for number, page in enumerate(pdf.pages, 1):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") != "/Link":
                continue
            if "/StructParent" not in annot:
                problems.append(where(label, number, _("a link is not in the structure tree")))
            if not str(annot.get("/Contents", "")):
                problems.append(where(label, number, _("a link does not say where it leads")))
            if not int(annot.get("/F", 0)) & 4:
                problems.append(where(label, number, _("a link does not print (no Print flag)")))
    return problems


def _rtl_extraction(data: bytes, label: str, expected: Collection[str]) -> list[Problem]:
    """Right-to-left words must come out of pdftotext as the translation has them."""
    if shutil.which("pdftotext") is None:
        log.warning(
            _(
                "pdftotext is missing: the right-to-left text of {file} is not checked "
                "(install poppler-utils)"
            ).format(file=label)
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
            where(
                label,
                first,
                _(
                    "{bad} of {total} right-to-left words do not extract as written "
                    "(for example: {words})"
                ).format(bad=bad, total=total, words=" ".join(wrong[first][:3])),
                hint=_("screen readers and search would read them wrongly; report this"),
            )
        ]
    return []


# --- booklet -------------------------------------------------------------------------------


def _booklet(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    for number, page in enumerate(pdf.pages, 1):
        if not close(size(page.obj.MediaBox), A4_LANDSCAPE):
            return [where(label, number, _("a booklet side is not A4 landscape"))]
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
            raise ConfigError(
                _("cannot read {file}: {reason}").format(file=path, reason=exc.strerror),
                hint=_("check the path"),
            ) from exc
        if not data.startswith(b"%PDF"):
            raise ConfigError(
                _("{file} is not a PDF file").format(file=path), hint=_("name the PDFs to check")
            )
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
        from .fonts import font_families

        fonts = font_families(project.fonts_dir)
        if not files:
            files = sorted(project.dist_dir.glob("*/*.pdf"))
            if not files:
                raise ConfigError(
                    _("there are no PDFs in dist/"), hint=_("run `leichtesprache build` first")
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
