"""The print edition: PDF/X-4 in CMYK with bleed, made from the same layout as the screen PDF.

No second layout: the colours of the layout's content streams are turned into CMYK
(palette values exactly, text black as 100 % K), the page boxes are set, annotations and
the accessibility structure (which a print shop does not use) are removed, and the
output intent, XMP and document information of PDF/X-4 are written.
"""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
import zlib
from collections.abc import Iterator
from datetime import date
from typing import Any

import pikepdf

from .colors import ColorConverter, icc_transform
from .pdfstream import editable, has_colour_spaces, recolour

log = logging.getLogger("leichtesprache.pdf")

#: Millimetres to PDF points.
MM = 72 / 25.4
#: Crop marks start this far outside the bleed and are this long (when asked for).
MARK_OFFSET = 2 * MM
MARK_LENGTH = 5 * MM
_RGB_SPACES = {"/DeviceRGB", "/CalRGB"}


def make_print_pdf(
    data: bytes,
    *,
    converter: ColorConverter,
    profile: bytes,
    condition: str,
    condition_info: str,
    title: str,
    day: date,
    crop_marks: bool = False,
) -> bytes:
    """The print edition of a layout PDF (A5 pages with 3 mm bleed)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _drop_interactive_and_structure(pdf)
        for page in pdf.pages:
            _set_boxes(page)
            _convert_page(pdf, page, converter)
            if crop_marks:
                _add_crop_marks(pdf, page)
        _output_intent(pdf, profile, condition, condition_info)
        _metadata(pdf, title, day)
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            force_version="1.6",
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return out.getvalue()


# --- what print does not need --------------------------------------------------------------


def _drop_interactive_and_structure(pdf: pikepdf.Pdf) -> None:
    """No annotations on the page (PDF/X), and no structure tree that points at them."""
    for page in pdf.pages:
        for key in ("/Annots", "/StructParents", "/Tabs"):
            if key in page.obj:
                del page.obj[key]
    for key in ("/StructTreeRoot", "/MarkInfo", "/ViewerPreferences", "/AcroForm"):
        if key in pdf.Root:
            del pdf.Root[key]


def _set_boxes(page: pikepdf.Page) -> None:
    """TrimBox = A5; BleedBox = MediaBox = TrimBox + 3 mm (as the layout has it)."""
    media = [float(x) for x in page.obj.MediaBox]
    page.obj.BleedBox = pikepdf.Array(media)
    if "/TrimBox" not in page.obj:
        page.obj.TrimBox = pikepdf.Array(media)
    for key in ("/CropBox", "/ArtBox"):
        if key in page.obj:
            del page.obj[key]


# --- colour --------------------------------------------------------------------------------


def _convert_page(pdf: pikepdf.Pdf, page: pikepdf.Page, converter: ColorConverter) -> None:
    resources = page.obj.get("/Resources", pikepdf.Dictionary())
    contents = page.obj.get("/Contents")
    data = contents.read_bytes() if isinstance(contents, pikepdf.Stream) else None
    if data is not None and editable(data) and not has_colour_spaces(data):
        page.obj.Contents = pdf.make_stream(recolour(data, converter.cmyk))
    else:
        page.obj.Contents = pdf.make_stream(_convert_stream(page, resources, converter))
    _convert_resources(pdf, resources, converter, seen=set())


def _convert_resources(
    pdf: pikepdf.Pdf, resources: Any, converter: ColorConverter, seen: set[Any]
) -> None:
    """Form XObjects, tiling patterns and images used by a content stream."""
    for group in ("/XObject", "/Pattern"):
        for obj in dict(resources.get(group, {})).values():
            if not isinstance(obj, pikepdf.Stream) or obj.objgen in seen:
                continue
            seen.add(obj.objgen)
            if obj.get("/Subtype") == "/Image":
                _convert_image(obj, converter)
            elif obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1:
                inner = obj.get("/Resources", pikepdf.Dictionary())
                data = obj.read_bytes()
                if editable(data) and not has_colour_spaces(data):
                    obj.write(recolour(data, converter.cmyk))
                else:
                    obj.write(_convert_stream(obj, inner, converter))
                _convert_resources(pdf, inner, converter, seen)
    spaces = resources.get("/ColorSpace")
    if isinstance(spaces, pikepdf.Dictionary):
        for name in list(spaces.keys()):
            if _space_kind(spaces[name]) in ("rgb", "lab"):
                del spaces[name]  # every use is rewritten to DeviceCMYK below


def _convert_stream(stream: Any, resources: Any, converter: ColorConverter) -> bytes:
    out: list[Any] = []
    spaces = resources.get("/ColorSpace", pikepdf.Dictionary())
    fill = stroke = "gray"
    for instruction in pikepdf.parse_content_stream(stream):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            out.append(instruction)  # preflight reports inline RGB images
            continue
        operands, op = list(instruction.operands), str(instruction.operator)
        if op in ("rg", "RG"):
            cmyk = converter.cmyk((float(operands[0]), float(operands[1]), float(operands[2])))
            out.append(_instruction(cmyk, "k" if op == "rg" else "K"))
            continue
        if op in ("g", "G"):
            out.append(_instruction(converter.gray(float(operands[0])), "k" if op == "g" else "K"))
            continue
        if op in ("cs", "CS"):
            kind = _space_kind(_resolve_space(operands[0], spaces))
            if op == "cs":
                fill = kind
            else:
                stroke = kind
            if kind in ("rgb", "lab"):
                out.append(
                    pikepdf.ContentStreamInstruction(
                        [pikepdf.Name.DeviceCMYK], instruction.operator
                    )
                )
                continue
        if op in ("sc", "scn", "SC", "SCN"):
            kind = fill if op in ("sc", "scn") else stroke
            if kind == "rgb" and len(operands) == 3:
                cmyk = converter.cmyk(tuple(float(x) for x in operands))  # type: ignore[arg-type]
                out.append(_instruction(cmyk, op))
                continue
            if kind == "lab" and len(operands) == 3:
                rgb = _lab_to_srgb(*(float(x) for x in operands))
                out.append(_instruction(converter.cmyk(rgb), op))
                continue
        out.append(instruction)
    return pikepdf.unparse_content_stream(out)


def _instruction(values: tuple[float, ...], op: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction([round(v, 4) for v in values], pikepdf.Operator(op))


def _resolve_space(name: Any, spaces: Any) -> Any:
    if isinstance(name, pikepdf.Name) and str(name) in spaces:
        return spaces[str(name)]
    return name


def _space_kind(space: Any) -> str:
    """'rgb', 'lab', 'cmyk', 'gray' or 'other' for a colour space object or name."""
    name = str(space[0]) if isinstance(space, pikepdf.Array) and len(space) else str(space)
    if name in _RGB_SPACES:
        return "rgb"
    if name == "/Lab":
        return "lab"
    if name == "/ICCBased":
        components = int(space[1].get("/N", 0))
        return {1: "gray", 3: "rgb", 4: "cmyk"}.get(components, "other")
    if name == "/DeviceCMYK":
        return "cmyk"
    if name in ("/DeviceGray", "/CalGray"):
        return "gray"
    return "other"


def _lab_to_srgb(lightness: float, a: float, b: float) -> tuple[float, float, float]:
    """CIE L*a*b* (D50) to sRGB, for the rare Lab colour WeasyPrint writes."""

    def f_inv(t: float) -> float:
        return t**3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    fy = (lightness + 16) / 116
    x, y, z = 0.9642 * f_inv(fy + a / 500), f_inv(fy), 0.8249 * f_inv(fy - b / 200)
    # Bradford D50 -> D65, then XYZ -> linear sRGB
    r = 3.1338561 * x - 1.6168667 * y - 0.4906146 * z
    g = -0.9787684 * x + 1.9161415 * y + 0.0334540 * z
    bl = 0.0719453 * x - 0.2289914 * y + 1.4052427 * z

    def gamma(c: float) -> float:
        c = min(1.0, max(0.0, c))
        return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055

    return gamma(r), gamma(g), gamma(bl)


def _convert_image(image: pikepdf.Stream, converter: ColorConverter) -> None:
    """An RGB image becomes a CMYK image through the output profile."""
    space = image.get("/ColorSpace")
    if _space_kind(space) != "rgb":
        return
    pil = pikepdf.PdfImage(image).as_pil_image().convert("RGB")
    cmyk = icc_transform(converter.profile).apply(pil)
    image.write(zlib.compress(cmyk.tobytes(), 9), filter=pikepdf.Name.FlateDecode)
    image.ColorSpace = pikepdf.Name.DeviceCMYK
    image.BitsPerComponent = 8
    for key in ("/DecodeParms", "/Decode", "/SMaskInData"):
        if key in image:
            del image[key]


# --- crop marks ----------------------------------------------------------------------------


def _add_crop_marks(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    """Marks at the trim lines, outside the bleed, in registration colour."""
    x0, y0, x1, y1 = (float(v) for v in page.obj.TrimBox)
    bx0, by0, bx1, by1 = (float(v) for v in page.obj.BleedBox)
    grow = MARK_OFFSET + MARK_LENGTH
    page.obj.MediaBox = pikepdf.Array([bx0 - grow, by0 - grow, bx1 + grow, by1 + grow])
    lines = []
    for x, y, side_x, side_y in (
        (x0, y0, -1, -1),
        (x1, y0, 1, -1),
        (x0, y1, -1, 1),
        (x1, y1, 1, 1),
    ):
        start_x = (bx0 if side_x < 0 else bx1) + side_x * MARK_OFFSET
        start_y = (by0 if side_y < 0 else by1) + side_y * MARK_OFFSET
        lines.append(f"{start_x:.3f} {y:.3f} m {start_x + side_x * MARK_LENGTH:.3f} {y:.3f} l S")
        lines.append(f"{x:.3f} {start_y:.3f} m {x:.3f} {start_y + side_y * MARK_LENGTH:.3f} l S")
    marks = "q 0.25 w 1 1 1 1 K\n" + "\n".join(lines) + "\nQ\n"
    page.contents_add(pdf.make_stream(marks.encode()), prepend=False)


# --- PDF/X-4 identification ----------------------------------------------------------------


def _output_intent(pdf: pikepdf.Pdf, profile: bytes, condition: str, info: str) -> None:
    icc = pdf.make_stream(profile)
    icc.N = 4
    icc.Alternate = pikepdf.Name.DeviceCMYK
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=pikepdf.String(condition),
        OutputCondition=pikepdf.String(info),
        Info=pikepdf.String(info),
        RegistryName=pikepdf.String("http://www.color.org"),
        DestOutputProfile=icc,
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])


def _metadata(pdf: pikepdf.Pdf, title: str, day: date) -> None:
    """Document info and XMP as PDF/X-4 wants them; dates and ids from the content."""
    stamp = f"D:{day:%Y%m%d}000000Z"
    iso = f"{day.isoformat()}T00:00:00Z"
    digest = hashlib.sha256(b"".join(_page_bytes(pdf))).hexdigest()
    doc_id = f"uuid:{uuid.UUID(digest[:32])}"
    info = pdf.docinfo
    info.Title = pikepdf.String(title)
    info.Trapped = pikepdf.Name("/False")
    info.GTS_PDFXVersion = pikepdf.String("PDF/X-4")
    info.CreationDate = pikepdf.String(stamp)
    info.ModDate = pikepdf.String(stamp)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        for key in list(meta.keys()):
            if "/pdfua/" in key or "/pdfa/" in key:
                del meta[key]
        meta["dc:title"] = title
        meta["pdfxid:GTS_PDFXVersion"] = "PDF/X-4"
        meta["pdf:Trapped"] = "False"
        meta["pdf:Producer"] = str(info.get("/Producer", "leichtesprache"))
        meta["xmp:CreateDate"] = iso
        meta["xmp:ModifyDate"] = iso
        meta["xmp:MetadataDate"] = iso
        meta["xmpMM:DocumentID"] = doc_id
        meta["xmpMM:InstanceID"] = doc_id
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"


def _page_bytes(pdf: pikepdf.Pdf) -> Iterator[bytes]:
    for page in pdf.pages:
        for stream in _contents(page):
            yield stream.read_raw_bytes()


def _contents(page: pikepdf.Page) -> list[pikepdf.Stream]:
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Array):
        return [c for c in contents if isinstance(c, pikepdf.Stream)]
    return [contents] if isinstance(contents, pikepdf.Stream) else []
