"""Prepress checks of the print edition: trim and bleed boxes, CMYK only, PDF/X-4 keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pikepdf

from .errors import Problem
from .i18n import _
from .pdfstream import editable, has_colour_spaces, rgb_operator

#: A5 in points, and how far a box may be off (rounding in the PDF).
A5 = (419.53, 595.28)
A4_LANDSCAPE = (841.89, 595.28)
TOLERANCE = 0.6
#: Bleed of the print edition: 3 mm.
BLEED = 3 * 72 / 25.4
_RGB_OPS = {"rg", "RG"}


@dataclass(frozen=True)
class PageProblem(Problem):
    """A problem on one page of a PDF; the preflight lists each kind once with its pages."""

    page: int = 0


def where(label: str, page: int | None, message: str, hint: str | None = None) -> Problem:
    if page is None:
        return Problem(message, label, hint=hint)
    return PageProblem(message, label, hint=hint, page=page)


def size(box: Iterable[Any]) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)
    return abs(x1 - x0), abs(y1 - y0)


def close(a: tuple[float, float], b: tuple[float, float], slack: float = 0.0) -> bool:
    return abs(a[0] - b[0]) <= TOLERANCE + slack and abs(a[1] - b[1]) <= TOLERANCE + slack


def mm(size: tuple[float, float]) -> str:
    return f"{size[0] / 72 * 25.4:.1f} × {size[1] / 72 * 25.4:.1f} mm"


def check_print(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    """Everything a print shop's preflight would refuse in the print edition."""
    return _print_boxes(pdf, label) + _print_colour(pdf, label) + _pdfx(pdf, label)


def _print_boxes(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        trim, bleed = page.obj.get("/TrimBox"), page.obj.get("/BleedBox")
        if trim is None or bleed is None:
            problems.append(where(label, number, _("TrimBox or BleedBox is missing")))
            continue
        if not close(size(trim), A5):
            problems.append(
                where(label, number, _("the TrimBox is {size}, not A5").format(size=mm(size(trim))))
            )
        t, b = [float(v) for v in trim], [float(v) for v in bleed]
        margins = (t[0] - b[0], t[1] - b[1], b[2] - t[2], b[3] - t[3])
        if any(abs(m - BLEED) > TOLERANCE for m in margins):
            problems.append(
                where(label, number, _("the bleed is not 3 mm on every side of the TrimBox"))
            )
        media = [float(v) for v in page.obj.MediaBox]
        if any(media[i] > b[i] + TOLERANCE for i in (0, 1)) or any(
            media[i] < b[i] - TOLERANCE for i in (2, 3)
        ):
            problems.append(where(label, number, _("the MediaBox is smaller than the BleedBox")))
    return problems


def _print_colour(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems: list[Problem] = []
    for number, page in enumerate(pdf.pages, 1):
        if "/Annots" in page.obj:
            problems.append(where(label, number, _("the page has annotations (links)")))
        for stream, stream_resources in _streams(page):
            rgb = _rgb_in_stream(stream, stream_resources)
            if rgb:
                problems.append(
                    where(
                        label,
                        number,
                        _("RGB colour in the content ({operator})").format(operator=rgb),
                    )
                )
                break
        for image in _images(page):
            space = image.get("/ColorSpace")
            name = str(space[0] if isinstance(space, pikepdf.Array) else space)
            n = int(space[1].get("/N", 0)) if name == "/ICCBased" else 0
            if name in ("/DeviceRGB", "/CalRGB") or n == 3:
                problems.append(where(label, number, _("an RGB image")))
        page_resources: Any = page.obj.get("/Resources", pikepdf.Dictionary())
        for state in dict(page_resources.get("/ExtGState", {})).values():
            if "/SMask" in state and str(state.SMask) != "/None":
                problems.append(where(label, number, _("a soft mask (transparency)")))
            for key in ("/ca", "/CA"):
                if key in state and float(state[key]) < 1:
                    problems.append(where(label, number, _("transparency (opacity below 1)")))
    return problems


def _streams(page: pikepdf.Page) -> Iterator[tuple[Any, Any]]:
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    yield page, resources
    for xobject in dict(resources.get("/XObject", {})).values():
        if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Form":
            yield xobject, xobject.get("/Resources", pikepdf.Dictionary())


def _images(page: pikepdf.Page) -> Iterator[Any]:
    for _stream, resources in _streams(page):
        for xobject in dict(resources.get("/XObject", {})).values():
            if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Image":
                yield xobject


def _rgb_in_stream(stream: Any, resources: Any) -> str | None:
    raw = _raw(stream)
    if raw is not None and editable(raw) and not has_colour_spaces(raw):
        return rgb_operator(raw)
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


def _raw(stream: Any) -> bytes | None:
    """The bytes of a page's (single) content stream or a form XObject."""
    target = stream.obj.get("/Contents") if isinstance(stream, pikepdf.Page) else stream
    return target.read_bytes() if isinstance(target, pikepdf.Stream) else None


def _pdfx(pdf: pikepdf.Pdf, label: str) -> list[Problem]:
    problems = []
    intents: Any = pdf.Root.get("/OutputIntents", pikepdf.Array())
    pdfx = [i for i in intents if i.get("/S") == "/GTS_PDFX"]
    if not pdfx:
        problems.append(where(label, None, _("no GTS_PDFX output intent")))
    else:
        profile = pdfx[0].get("/DestOutputProfile")
        if profile is None or int(profile.get("/N", 0)) != 4:
            problems.append(where(label, None, _("the output intent has no CMYK profile")))
    with pdf.open_metadata() as meta:
        if meta.get("pdfxid:GTS_PDFXVersion") != "PDF/X-4":
            problems.append(where(label, None, _("the XMP does not say PDF/X-4")))
    if str(pdf.docinfo.get("/Trapped", "")) not in ("/True", "/False"):
        problems.append(where(label, None, _("/Trapped is not True or False")))
    return problems
