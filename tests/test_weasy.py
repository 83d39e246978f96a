"""The layout stage (WeasyPrint): language, fonts, text order, sizes, padding, safety."""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from conftest import version_of
from leichtesprache.errors import RenderError
from leichtesprache.fonts import check_pdf, font_families, pdf_fonts
from leichtesprache.layout import RESERVED_NOTES_PAGES
from leichtesprache.model import Publication
from leichtesprache.render import render_html
from leichtesprache.weasy import _asset_fetcher, lay_out
from test_render import ARABIC, TEMPLATES, german_texts, make_publication

pytestmark = pytest.mark.slow
FONTS = TEMPLATES.parent / "fonts"
ALLOWED = {"Noto-Sans", "Noto-Sans-Bold", "Noto-Sans-Arabic", "Noto-Sans-Arabic-Bold"}
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils not installed"
)


@dataclass
class Built:
    """A PDF written by ``build`` for the tests."""

    path: Path
    pages: int
    notes_pages: int
    fonts: list[str]


def build(
    pub: Publication,
    texts: dict[str, str],
    code: str,
    target: Path,
    *,
    draft: bool = False,
    calls: list[int] | None = None,
) -> Built:
    version = version_of(pub, texts, code, draft=draft)
    html = render_html(version, templates_dir=TEMPLATES, notes_pages=RESERVED_NOTES_PAGES)
    if calls is not None:
        calls.append(RESERVED_NOTES_PAGES)
    result = lay_out(
        html,
        target,
        language=version.language,
        fonts_dir=FONTS,
        asset_dirs=[pub.root, TEMPLATES, FONTS],
        base_url=pub.root,
    )
    target.write_bytes(result.data)
    return Built(target, result.pages, result.notes_pages, result.fonts)


def pdftotext(path: Path, *args: str) -> str:
    out = subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return BIDI_MARKS.sub("", out)


def text_sizes(pdf: pikepdf.Pdf) -> Counter[float]:
    """Glyph count per effective font size in pt (Tf size x text matrix x CTM)."""
    sizes: Counter[float] = Counter()
    for page in pdf.pages:
        ctm, stack, size, tm = 1.0, [], 0.0, 1.0
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop()
            elif op in ("cm", "Tm"):
                a, b, c, d = (float(x) for x in operands[:4])
                scale = math.sqrt(abs(a * d - b * c))
                if op == "cm":
                    ctm *= scale
                else:
                    tm = scale
            elif op == "Tf":
                size = float(operands[1])
            elif op in ("Tj", "TJ"):
                glyphs = sum(
                    len(bytes(x)) // 2
                    for x in (operands[0] if op == "TJ" else operands)
                    if isinstance(x, pikepdf.String)
                )
                sizes[round(size * tm * ctm, 1)] += glyphs
    return sizes


render_calls: list[int] = []


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> tuple[Publication, Built, Path]:
    root = tmp_path_factory.mktemp("de")
    pub = make_publication(root / "tiny")
    first = build(pub, german_texts(pub), "de", root / "first.pdf", calls=render_calls)
    build(pub, german_texts(pub), "de", root / "second.pdf")
    return pub, first, root / "second.pdf"


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("ar")
    pub = make_publication(root / "tiny")
    return build(pub, ARABIC, "ar", root / "tiny-ar.pdf")


def test_german_pdf_structure(german: tuple[Publication, Built, Path]) -> None:
    _, result, _ = german
    with pikepdf.open(result.path) as pdf:
        assert str(pdf.Root.Lang) == "de"
        assert len(pdf.pages) == result.pages
        assert result.pages % 4 == 0
        assert 0 <= result.notes_pages < 4
        assert "/StructTreeRoot" in pdf.Root
        assert bool(pdf.Root.MarkInfo.Marked)
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert str(pdf.docinfo.Title) == "Mini·job"
        assert str(pdf.docinfo.CreationDate).startswith("D:20261124")
        with pdf.open_metadata() as meta:
            assert meta.get("pdfuaid:part") == "1"
        page = pdf.pages[1]
        assert [round(float(x), 2) for x in page.trimbox] == [0, 0, 419.53, 595.28]
        assert [round(float(x), 2) for x in page.mediabox] == [-8.5, -8.5, 428.03, 603.78]


@needs_poppler
def test_padding_with_notes_pages(german: tuple[Publication, Built, Path]) -> None:
    result = german[1]
    # Laid out once, with notes pages reserved; as many as the last sheet needs are kept.
    assert render_calls == [RESERVED_NOTES_PAGES]
    assert result.notes_pages > 0  # the tiny brochure needs padding: the test covers it
    pages = pdftotext(result.path).split("\f")[: result.pages]
    notes = [i for i, page in enumerate(pages) if page.lstrip().startswith("Notes")]
    assert notes == list(range(result.pages - 1 - result.notes_pages, result.pages - 1))
    assert "Imprint" in pages[-1]  # the back page stays last


@pytest.mark.parametrize("which", ["german", "arabic"])
def test_fonts_embedded_and_only_ours(which: str, request: pytest.FixtureRequest) -> None:
    value = request.getfixturevalue(which)
    result = value[1] if which == "german" else value
    names = set()
    with pikepdf.open(result.path) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                names.add(str(font.BaseFont).lstrip("/").split("+")[-1])
                assert re.match(r"^/[A-Z]{6}\+", str(font.BaseFont))  # subset
                assert "/ToUnicode" in font
                descriptor = font.DescendantFonts[0].FontDescriptor
                assert "/FontFile2" in descriptor
    assert names == set(result.fonts)
    assert names <= ALLOWED
    assert ("Noto-Sans-Arabic" in names) == (which == "arabic")


def test_body_text_is_at_least_14pt(german: tuple[Publication, Built, Path], arabic: Built) -> None:
    for path in (german[1].path, arabic.path):
        with pikepdf.open(path) as pdf:
            sizes = text_sizes(pdf)
        body_size = sizes.most_common(1)[0][0]
        assert body_size >= 14, sizes
        assert min(sizes) >= 12, sizes  # nothing smaller than the page numbers


@needs_poppler
def test_german_text(german: tuple[Publication, Built, Path]) -> None:
    text = pdftotext(german[1].path)
    assert "Sie bekommen Geld für Ihre Arbeit.\nDas ist der Lohn." in text
    assert "Contents" in text
    assert "Word book" in text
    assert "24. November 2026" in text
    assert "030 60 28 00 28" in text
    assert "Notes" in text or german[1].notes_pages == 0


@needs_poppler
def test_arabic_text_in_logical_order(arabic: Built) -> None:
    with pikepdf.open(arabic.path) as pdf:
        assert str(pdf.Root.Lang) == "ar"
        assert len(pdf.pages) % 4 == 0
    text = pdftotext(arabic.path)
    assert "العمل الصغير\nحقوقك وواجباتك" in text
    assert re.search(r"تحصل \S+ مال مقابل عملك\.", text)
    assert "030 60 28 00 28" in text  # not reversed to "28 00 28 60 030"
    assert re.search(r"13,90 ?يورو في الساعة", text)


def test_reproducible_bytes(german: tuple[Publication, Built, Path]) -> None:
    assert german[1].path.read_bytes() == german[2].read_bytes()


def test_layout_objects_are_in_object_streams_and_its_streams_uncompressed(
    german: tuple[Publication, Built, Path],
) -> None:
    """The layout is read again only by pikepdf, which reads objects from object streams
    about twice as fast; its content streams stay uncompressed (the editions compress
    them when they save). pydyf's own deflate level is back afterwards."""
    import zlib

    import pydyf

    _, result, _ = german
    data = result.path.read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert any(
            o.get("/Type") == "/ObjStm" for o in pdf.objects if isinstance(o, pikepdf.Stream)
        )
        contents = pdf.pages[0].obj.Contents
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        assert all("/Filter" not in s for s in streams)
        assert pdf.Root.StructTreeRoot.is_indirect
    assert b"/StructTreeRoot" not in data  # the catalogue is inside a deflated object stream
    assert pydyf.zlib is zlib


@needs_poppler
def test_draft_mark_on_every_page(tmp_path: Path) -> None:
    pub = make_publication(tmp_path / "tiny")
    result = build(pub, german_texts(pub), "de", tmp_path / "draft.pdf", draft=True)
    pages = pdftotext(result.path).split("\f")[: result.pages]
    assert all("Draft – not for printing" in page for page in pages)


# "✓" is in the system's DejaVu Sans but not in fonts/: it must fail (hermetic fonts).
@pytest.mark.parametrize("char", ["\ue000", "漢", "✓"], ids=["private-use", "cjk", "system-only"])
def test_missing_glyph_fails(tmp_path: Path, char: str) -> None:
    pub = make_publication(tmp_path / "tiny")
    texts = german_texts(pub)
    texts["lohn.intro"] = f"Hier fehlt ein Zeichen: {char}"
    with pytest.raises(RenderError, match=r"\.notdef glyph"):
        build(pub, texts, "de", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("code", ["de", "ar"])
def test_word_wider_than_the_column_fails(tmp_path: Path, code: str) -> None:
    pub = make_publication(tmp_path / "tiny")
    texts = german_texts(pub) if code == "de" else dict(ARABIC)
    texts["lohn.intro"] += "\nKrankenversicherungsbeitragsrückerstattungsanspruchsbescheinigung"
    with pytest.raises(RenderError, match="wider than its column: 'Krankenversicherungs"):
        build(pub, texts, code, tmp_path / "x.pdf")


@pytest.mark.parametrize(
    ("inner", "message"),
    [
        (
            '<image href="file:///etc/passwd" width="10" height="10"/>',
            "refused to load file:///etc/passwd",
        ),
        (
            '<image href="http://127.0.0.1:9/x.png" width="10" height="10"/>',
            "refused to load http://127.0.0.1",
        ),
        # WeasyPrint 70 cannot load an SVG with @import at all: the picture fails, also fatal.
        ("<style>@import url(file:///etc/hostname);</style>", "Failed to load image"),
    ],
    ids=["file", "http", "css-import"],
)
def test_svg_cannot_pull_in_other_files(tmp_path: Path, inner: str, message: str) -> None:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120">{inner}'
        '<circle cx="60" cy="60" r="50"/></svg>'
    )
    pub = make_publication(tmp_path / "tiny", svg=svg)
    target = tmp_path / "x.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(RenderError, match=re.escape(message)):
        build(pub, german_texts(pub), "de", target)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny", "x.pdf"]  # no temp files


def test_fetcher_serves_only_asset_folders(tmp_path: Path) -> None:
    from weasyprint.urls import FatalURLFetchingError

    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "a.svg").write_text("<svg/>", encoding="utf-8")
    (assets / "sub").mkdir()
    (assets / "escape.txt").symlink_to("/etc/passwd")
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    fetcher = _asset_fetcher([assets])
    response = fetcher.fetch((assets / "a.svg").as_uri())
    assert response.read() == b"<svg/>"
    assert response.content_type == "image/svg+xml"
    assert fetcher.fetch("data:text/plain,hallo").read() == b"hallo"
    for url in [
        (tmp_path / "outside.txt").as_uri(),
        (assets / "escape.txt").as_uri(),
        (assets / "sub").as_uri(),
        (assets / "missing.svg").as_uri(),
        (assets / ".." / "outside.txt").as_uri(),
        "file://otherhost/etc/passwd",
        "http://example.org/a.svg",
        "https://example.org/a.svg",
        "ftp://x/y",
        "file:///dev/zero",
    ]:
        with pytest.raises(FatalURLFetchingError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 10


def test_font_check_refuses_other_fonts(german: tuple[Publication, Built, Path]) -> None:
    data = german[1].path.read_bytes()
    assert check_pdf(data, font_families(FONTS), lang="de") == sorted(german[1].fonts)
    with pytest.raises(RenderError, match="not in the fonts folder"):
        check_pdf(data, {"dejavusans"})
    with pytest.raises(RenderError, match="language is not 'ar'"):
        check_pdf(data, font_families(FONTS), lang="ar")


def _every_font(pdf: pikepdf.Pdf) -> list[str]:
    """The slow reference: every font dictionary among all objects of the file."""
    return sorted(
        str(o.get("/BaseFont", "/-"))
        for o in pdf.objects
        if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font"
    )


def test_the_fonts_of_a_layout_are_found_through_its_resources(
    german: tuple[Publication, Built, Path],
) -> None:
    with pikepdf.open(german[1].path) as pdf:
        found = sorted(str(f.get("/BaseFont", "/-")) for f in pdf_fonts(pdf))
        assert found == _every_font(pdf)
        assert any(f.get("/Subtype") == "/Type0" for f in pdf_fonts(pdf))  # and descendants
        assert any(f.get("/Subtype") == "/CIDFontType2" for f in pdf_fonts(pdf))


def _fonts_out_of_sight() -> pikepdf.Pdf:
    """One page whose fonts (none embedded) sit in its resources, in a form inside a form
    and in a link's appearance; and a font in the file that no page uses."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(420, 595))

    def font(name: str) -> pikepdf.Dictionary:
        return pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type1,
                BaseFont=pikepdf.Name(f"/{name}"),
            )
        )

    def form(**resources: pikepdf.Object) -> pikepdf.Stream:
        return pdf.make_stream(
            b"q Q",
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Form,
            BBox=[0, 0, 10, 10],
            Resources=pikepdf.Dictionary(**resources),
        )

    inner = form(Font=pikepdf.Dictionary(F=font("Courier")))
    appearance = form(Font=pikepdf.Dictionary(F=font("Symbol")))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=font("Helvetica")),
        XObject=pikepdf.Dictionary(X1=form(XObject=pikepdf.Dictionary(X2=inner))),
    )
    page.obj.Annots = pdf.make_indirect(
        pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.Annot,
                    Subtype=pikepdf.Name.Link,
                    Rect=[0, 0, 10, 10],
                    AP=pikepdf.Dictionary(N=appearance),
                )
            ]
        )
    )
    pdf.make_indirect(font("Unused-Font"))
    return pdf


def test_fonts_in_forms_and_annotation_appearances_are_checked_too() -> None:
    """A font used only inside a (nested) form XObject or a link's appearance is still a
    font of the page: one that is not embedded fails the check."""
    pdf = _fonts_out_of_sight()
    found = sorted(str(f.BaseFont) for f in pdf_fonts(pdf))
    assert found == ["/Courier", "/Helvetica", "/Symbol"]
    data = io.BytesIO()
    pdf.save(data)
    with pytest.raises(RenderError) as error:
        check_pdf(data.getvalue(), {"helvetica", "courier", "symbol"})
    assert {p.message for p in error.value.problems} == {
        f"the font '{name}' is not embedded" for name in ("Helvetica", "Courier", "Symbol")
    }


def test_preflight_finds_the_same_fonts_as_the_font_check() -> None:
    """Preflight walks the pages' fonts the same way (``fonts.page_fonts``), to any depth."""
    from leichtesprache.preflight import preflight

    data = io.BytesIO()
    _fonts_out_of_sight().save(data)
    problems = preflight(data.getvalue(), "booklet", "x.pdf", fonts={"helvetica", "symbol"})
    messages = "\n".join(str(p) for p in problems)
    for name in ("Helvetica", "Courier", "Symbol"):
        assert f"the font {name} is not embedded" in messages
        assert f"the font {name} has no ToUnicode map" in messages
    assert "the font Courier is not one of the project's fonts" in messages
    assert "Unused-Font" not in messages


def test_fontconfig_environment_is_restored(german: tuple[Publication, Built, Path]) -> None:
    assert os.environ.get("FONTCONFIG_FILE") != str(FONTS / "fonts.conf")


_IMPORT = """
import ctypes.util, sys
calls = []
search = ctypes.util.find_library
def counting(name):
    calls.append(name)
    return search(name)
ctypes.util.find_library = counting
{setup}
from leichtesprache.weasy import import_weasyprint
import_weasyprint()
from weasyprint.text import ffi
print(len(calls), ffi.harfbuzz_subset is not None, ctypes.util.find_library is counting)
"""


def test_weasyprint_is_imported_without_the_library_search() -> None:
    import subprocess
    import sys

    plain = (
        "import weasyprint\nfrom weasyprint.text import ffi\nprint(ffi.harfbuzz_subset is not None)"
    )
    expected = subprocess.run(
        [sys.executable, "-c", plain], capture_output=True, text=True, check=True
    ).stdout.split()
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT.format(setup="")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    # No search, the same libraries (hb-subset too), and find_library is given back.
    assert out == ["0", *expected, "True"]


def test_weasyprint_import_falls_back_to_the_library_search() -> None:
    import subprocess
    import sys

    # A machine where only the search finds the libraries: loading by file name fails.
    setup = (
        "import cffi.api\n"
        "load = cffi.api._load_backend_lib\n"
        "def only_searched(backend, name, flags):\n"
        "    searching = ctypes.util.find_library is counting\n"
        "    if isinstance(name, str) and '.so' in name and not searching:\n"
        "        raise OSError('not by file name')\n"
        "    return load(backend, name, flags)\n"
        "cffi.api._load_backend_lib = only_searched\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT.format(setup=setup)],
        capture_output=True,
        text=True,
        check=True,
    )
    calls, subset, restored = out.stdout.split()
    assert int(calls) > 0 and subset == "True" and restored == "True"
    assert "could not import" not in out.stdout
