"""The print edition's colour conversion, PDF/X-4 keys and the palette, on small inputs."""

from __future__ import annotations

import base64
import io
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from leichtesprache.colors import ColorConverter, Palette, load_palette
from leichtesprache.errors import ConfigError
from leichtesprache.pdfx import make_print_pdf
from leichtesprache.preflight import preflight

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
PROFILE = TEMPLATES / "print" / "FOGRA39.icc"


def _png(rgb: tuple[int, int, int]) -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), rgb).save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture(scope="module")
def layout() -> bytes:
    """An A5 page with 3 mm bleed: palette text, an odd colour, grey, an RGB image."""
    from weasyprint import HTML

    html = f"""<html lang="de"><head><style>
      @page {{ size: A5; bleed: 3mm; margin: 20mm }}
      body {{ font-family: sans-serif }}
      .odd {{ color: #12805c }} .grey {{ color: #777777 }} .blue {{ color: #005a9c }}
    </style></head><body>
      <p>Schwarzer Text.</p><p class="odd">Grüner Text.</p><p class="grey">Grau.</p>
      <p class="blue">Blau.</p><a href="https://example.org">Ein Link</a>
      <img src="{_png((200, 30, 30))}" alt="Rot" style="width: 20mm; height: 20mm">
    </body></html>"""
    return bytes(HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"))


@pytest.fixture(scope="module")
def printed(layout: bytes) -> bytes:
    converter = ColorConverter(load_palette(TEMPLATES), PROFILE)
    return make_print_pdf(
        layout,
        converter=converter,
        profile=PROFILE.read_bytes(),
        condition="FOGRA39",
        condition_info="Coated FOGRA39",
        title="Probe",
        day=date(2026, 11, 24),
    )


def _colours(data: bytes) -> set[tuple[str, tuple[float, ...]]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {
            (str(i.operator), tuple(round(float(v), 4) for v in i.operands))
            for i in pikepdf.parse_content_stream(pdf.pages[0])
            if str(i.operator) in ("k", "K", "rg", "RG", "g", "G")
        }


def test_layout_has_rgb_and_print_has_only_cmyk(layout: bytes, printed: bytes) -> None:
    assert any(op == "rg" for op, _ in _colours(layout))
    colours = _colours(printed)
    assert colours and {op for op, _ in colours} <= {"k", "K"}
    assert ("k", (0.0, 0.0, 0.0, 1.0)) in colours  # black text: K only
    assert ("k", (1.0, 0.55, 0.0, 0.15)) in colours  # the palette's blue, exactly
    greys = [c for op, c in colours if c[:3] == (0.0, 0.0, 0.0) and 0 < c[3] < 1]
    assert greys  # #777777 as black ink only
    odd = [c for op, c in colours if c[0] > 0.5 and c[2] > 0.3]  # the green, via the profile
    assert odd and all(c[3] < 0.5 for c in odd)


def test_rgb_image_becomes_cmyk(printed: bytes) -> None:
    with pikepdf.open(io.BytesIO(printed)) as pdf:
        images = [
            x for x in pdf.pages[0].Resources.XObject.values() if x.get("/Subtype") == "/Image"
        ]
        assert images
        for image in images:
            assert image.ColorSpace == "/DeviceCMYK"
            cyan, magenta, yellow, _ = pikepdf.PdfImage(image).as_pil_image().getpixel((1, 1))
            assert magenta > 150 and yellow > 150 and cyan < 80  # red stays red


def test_print_file_passes_preflight(printed: bytes) -> None:
    problems = preflight(printed, "print", "probe-print.pdf")
    assert [p.message for p in problems] == ["the document has 1 pages, not a multiple of 4"]
    with pikepdf.open(io.BytesIO(printed)) as pdf:
        assert "/StructTreeRoot" not in pdf.Root and "/Annots" not in pdf.pages[0].obj
        assert str(pdf.docinfo.CreationDate) == "D:20261124000000Z"
        with pdf.open_metadata() as meta:
            assert meta.get("xmp:CreateDate") == "2026-11-24T00:00:00Z"
            assert "pdfuaid:part" not in meta


def test_palette_is_exact_and_greys_are_black_ink() -> None:
    palette = load_palette(TEMPLATES)
    converter = ColorConverter(palette, PROFILE)
    assert converter.cmyk((0, 90 / 255, 156 / 255)) == (1.0, 0.55, 0.0, 0.15)
    assert converter.cmyk((0.5, 0.5, 0.5)) == (0.0, 0.0, 0.0, 0.5)
    assert converter.cmyk((0, 0, 0)) == (0.0, 0.0, 0.0, 1.0)
    assert ColorConverter(Palette({}, {}), PROFILE).cmyk((0, 0, 0)) == (0.0, 0.0, 0.0, 1.0)


def test_every_colour_of_the_design_is_in_the_palette() -> None:
    """The templates and the bundled pictures use palette colours only, so the print
    edition is exact and never depends on the profile's conversion."""
    import re

    palette = {f"#{r:02x}{g:02x}{b:02x}" for r, g, b in load_palette(TEMPLATES).colors}
    used: set[str] = set()
    for path in [*TEMPLATES.glob("*.css"), *(ROOT / "content").rglob("*.svg")]:
        for colour in re.findall(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b", path.read_text("utf-8")):
            colour = colour.lower()
            if len(colour) == 4:
                colour = "#" + "".join(c * 2 for c in colour[1:])
            used.add(colour)
    assert used and used <= palette, used - palette


def test_bad_palette_entry_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "colors.toml").write_text('[blue]\nscreen = "blue"\ncmyk = [100, 50]\n')
    with pytest.raises(ConfigError) as info:
        load_palette(tmp_path)
    assert info.value.problems[0].line == 1


def test_fast_stream_edits_match_the_plain_patterns() -> None:
    """The content-stream edits search from literal letters first (ten times faster); on
    streams of every token they may meet, they decide and rewrite exactly as the plain
    patterns do: a look-behind and two passes for rgb and gray."""
    import random
    import re

    from leichtesprache import pdfstream

    start, end, num = rb"(?<![^\s])", rb"(?![^\s])", rb"([0-9.+-]+)"
    unsafe = re.compile(rb"\(|\bBI\b|\bID\b")
    spaces = re.compile(start + rb"(cs|CS|sc|SC|scn|SCN|sh)" + end)
    rgb = re.compile(start + num + rb"\s+" + num + rb"\s+" + num + rb"\s+(rg|RG)" + end)
    gray = re.compile(start + num + rb"\s+(g|G)" + end)

    def cmyk(c: tuple[float, float, float]) -> tuple[float, float, float, float]:
        return (c[0], c[1], c[2], 0.5)

    def reference(data: bytes) -> bytes:
        def to_cmyk(m: re.Match[bytes]) -> bytes:
            values = cmyk((float(m[1]), float(m[2]), float(m[3])))
            return pdfstream._numbers(values) + (b" k" if m[4] == b"rg" else b" K")

        def to_black(m: re.Match[bytes]) -> bytes:
            values = (0.0, 0.0, 0.0, 1 - float(m[1]))
            return pdfstream._numbers(values) + (b" k" if m[2] == b"g" else b" K")

        return gray.sub(to_black, rgb.sub(to_cmyk, data))

    tokens = [
        b"0", b"1", b"0.5", b"-0.2", b"rg", b"RG", b"g", b"G", b"xg", b"rgb", b"BI", b"ID",
        b"EI", b"MCID", b"/ID", b"BID", b"IDx", b"(a)", b"cs", b"scn", b"/CS0", b"sh", b"shx",
        b"q", b"Q", b"BT", b"<00ab>", b"/Span", b"<<", b">>", b"BDC", b"Tf",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(3000):
        parts = [rng.choice(tokens) for _ in range(rng.randint(0, 12))]
        data = b"".join(p + rng.choice([b" ", b"\n", b"\t", b"\r\n"]) for p in parts)
        data = data[: rng.randint(0, len(data))] if rng.random() < 0.2 else data
        assert pdfstream.editable(data) == (unsafe.search(data) is None), data
        assert pdfstream.has_colour_spaces(data) == (spaces.search(data) is not None), data
        assert pdfstream.recolour(data, cmyk) == reference(data), data
