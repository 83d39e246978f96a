"""The bundled Minijob brochure, all editions of all five languages, checked like a user would:
the two PDF/UA-1 checkers, page boxes, PDF/X-4 keys, colour, extraction, imposition."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pikepdf
import polib
import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("de", "en", "fr", "ru", "ar")
A5 = (419.53, 595.28)
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC_WORD = re.compile("[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u064b-\u0652]+")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler-utils")


@pytest.fixture(scope="module")
def dist(bundled_dist: Path) -> Path:
    return bundled_dist / "minijob"


def _text(path: Path, *args: str) -> str:
    out = subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return BIDI.sub("", out)


def _size(box: object) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)  # type: ignore[attr-defined]
    return round(x1 - x0, 2), round(y1 - y0, 2)


# --- screen edition ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_screen_passes_page_validation_ua1(dist: Path, lang: str) -> None:
    import page  # page-validation, a test extra

    report = page.validate_pdf(str(dist / f"minijob-{lang}.pdf"), profile="ua1")
    assert report.rules.total > 100
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant


def test_screen_passes_outloud(dist: Path, tmp_path: Path) -> None:
    outloud = shutil.which("outloud") or shutil.which(
        "outloud", path=str(Path(sys.executable).parent)
    )
    assert outloud is not None, "outloud is missing: install the test extras ('.[test]')"
    files = [str(dist / f"minijob-{lang}.pdf") for lang in LANGUAGES]
    report = tmp_path / "outloud.json"
    subprocess.run(
        [outloud, "--json", str(report), "--fail-on", "never", *files],
        capture_output=True,
        check=True,
    )
    results = json.loads(report.read_text(encoding="utf-8"))["results"]
    assert len(results) == len(LANGUAGES)
    for result in results:
        found = [(f["rule"], f["message"]) for f in result["findings"] if f["severity"] != "info"]
        assert result["counts"]["error"] == 0 and found == [], (result["path"], found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_screen_is_a5_tagged_and_links_say_where_they_lead(dist: Path, lang: str) -> None:
    with pikepdf.open(dist / f"minijob-{lang}.pdf") as pdf:
        assert len(pdf.pages) % 4 == 0
        assert str(pdf.Root.Lang) == lang
        for page in pdf.pages:
            for key in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox"):
                if key in page.obj:
                    assert _size(page.obj[key]) == A5, key
        contents = [
            str(a.Contents)
            for page in pdf.pages
            for a in page.obj.get("/Annots", [])
            if a.get("/Subtype") == "/Link"
        ]
    assert contents and all(contents)
    assert not [c for c in contents if re.fullmatch(r"topic-\d+", c)]


def _languages_of_parts(path: Path) -> Counter[str]:
    """The /Lang of every structure element below the root, counted."""
    found: Counter[str] = Counter()
    with pikepdf.open(path) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if "/Lang" in kid:
                        found[str(kid.Lang)] += 1
                    stack.append(kid)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_german_terms_in_translations_are_tagged_german(dist: Path, lang: str) -> None:
    """A translation's "In German, this is called: Aufenthaltserlaubnis." is read by a
    screen reader in German: the web page marks the term, the PDF element has /Lang de."""
    html = (dist / f"minijob-{lang}.html").read_text("utf-8")
    marked = re.findall(r'<span (?:dir="ltr" )?lang="de"[^>]*>([^<]+)</span>', html)
    tagged = _languages_of_parts(dist / f"minijob-{lang}.pdf")
    if lang == "de":
        assert marked == [] and tagged == Counter()
        return
    assert "Aufenthaltserlaubnis" in marked
    assert "Kündigungsfrist" in marked
    assert set(tagged) == {"de"}
    # Each marked term is a Span element (or more, when a line break splits it).
    assert tagged["de"] >= len(re.findall(r'lang="de"', _brochure_html(lang))) >= 30


def _brochure_html(lang: str) -> str:
    from datetime import date

    from leichtesprache.config import load_project
    from leichtesprache.render import render_html
    from leichtesprache.workspace import Workspace

    project = load_project(ROOT)
    version = Workspace(project).version("minijob", lang, date(2026, 11, 29))
    return render_html(version, templates_dir=project.templates_dir)


@needs_poppler
def test_arabic_words_extract_as_written(dist: Path) -> None:
    """pdftotext (what screen readers and search see) gives the words of the translation,
    ligatures included (لا, الأدنى, على were reversed before)."""
    words = ARABIC_WORD.findall(_text(dist / "minijob-ar.pdf"))
    known: set[str] = {"العربية"}  # the language's own name on the cover
    for domain in ("minijob", "ui"):
        for entry in polib.pofile(str(ROOT / "locale" / "ar" / "LC_MESSAGES" / f"{domain}.po")):
            known.update(ARABIC_WORD.findall(entry.msgstr))
    for value in ("يناير", "يوليو", "نوفمبر", "يورو", "ساعة", "أسابيع", "أسبوعًا", "يومًا", "أشهر"):
        known.add(value)  # dates, amounts and durations from facts.toml (Babel's words)
    assert len(words) > 2000
    wrong = [w for w in words if w not in known]
    assert len(wrong) / len(words) <= 0.005, wrong[:20]
    for word in ("على", "الأدنى", "لا", "للأجور"):
        assert word in words


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_economy(dist: Path, lang: str) -> None:
    """At most one page under a third full, besides cover, contents and notes pages."""
    path = dist / f"minijob-{lang}.pdf"
    layout = _text(path, "-bbox")
    pages = re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', layout, re.S)
    mm = 72 / 25.4
    top, bottom = 17 * mm, float(pages[0][0]) - 22 * mm
    texts = _text(path).split("\f")
    first_topic = _first_topic_page(texts)
    under = []
    for number, (_, body) in enumerate(pages, 1):
        words = [
            (float(y1), word)
            for y1, word in re.findall(r'yMax="([\d.]+)">(.*?)</word>', body)
            if float(y1) <= bottom + 2
        ]
        if number == 1 or number < first_topic or number == len(pages) or not words:
            continue  # cover, contents, back cover
        if len(words) <= 2:  # a notes page: its heading only
            continue
        fill = (max(y for y, _ in words) - top) / (bottom - top)
        if fill < 1 / 3:
            under.append(number)
    assert len(under) <= 1, under


def _first_topic_page(texts: list[str]) -> int:
    """The page the first topic starts on, from the contents' first page number."""
    numbers = re.findall(r"\.{3,}\s*(\d+)", texts[1]) or re.findall(r"(\d+)\s*$", texts[1], re.M)
    return int(numbers[0])


# --- print edition -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_edition_is_pdfx4_cmyk_with_bleed(dist: Path, lang: str) -> None:
    bleed = 3 * 72 / 25.4
    with pikepdf.open(dist / f"minijob-{lang}-print.pdf") as pdf:
        assert pdf.pdf_version == "1.6"
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFX" and int(intent.DestOutputProfile.N) == 4
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        with pdf.open_metadata() as meta:
            assert meta.get("pdfxid:GTS_PDFXVersion") == "PDF/X-4"
            assert meta.get("xmpMM:DocumentID", "").startswith("uuid:")
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert pdf.docinfo.Trapped == pikepdf.Name("/False")
        operators: set[str] = set()
        for page in pdf.pages:
            assert "/Annots" not in page.obj
            trim = [float(v) for v in page.obj.TrimBox]
            media = [float(v) for v in page.obj.MediaBox]
            assert _size(page.obj.TrimBox) == A5
            assert [round(m - t, 2) for m, t in zip(media, trim, strict=True)] == [
                round(-bleed, 2),
                round(-bleed, 2),
                round(bleed, 2),
                round(bleed, 2),
            ]
            assert [float(v) for v in page.obj.BleedBox] == media
            streams = [page] + [
                x
                for x in page.Resources.get("/XObject", {}).values()
                if x.get("/Subtype") == "/Form"
            ]
            for stream in streams:
                operators |= {str(i.operator) for i in pikepdf.parse_content_stream(stream)}
            for x in page.Resources.get("/XObject", {}).values():
                if x.get("/Subtype") == "/Image":
                    assert x.ColorSpace in ("/DeviceCMYK", "/DeviceGray")
            for font in page.Resources.get("/Font", {}).values():
                assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor
        assert not operators & {"rg", "RG", "sc", "SC", "sh"}
        assert {"k", "K"} <= operators


def test_print_text_is_pure_black(dist: Path) -> None:
    """Body text is 100 % K (0 0 0 1 k), never a rich black of four inks."""
    with pikepdf.open(dist / "minijob-de-print.pdf") as pdf:
        colours_of_text = set()
        colour = None
        for instruction in pikepdf.parse_content_stream(pdf.pages[4]):
            op = str(instruction.operator)
            if op == "k":
                colour = tuple(float(v) for v in instruction.operands)
            elif op == "TJ":
                colours_of_text.add(colour)
    assert (0.0, 0.0, 0.0, 1.0) in colours_of_text
    assert all(c is not None and (c[3] == 1.0 or c[:3] != (0.0, 0.0, 0.0)) for c in colours_of_text)
    assert not [c for c in colours_of_text if c and c[3] > 0.8 and max(c[:3]) > 0]


# --- booklet -------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("lang", ["de", "ar"])
def test_booklet_is_saddle_stitched(dist: Path, lang: str) -> None:
    with pikepdf.open(dist / f"minijob-{lang}.pdf") as pdf:
        pages = len(pdf.pages)
    path = dist / f"minijob-{lang}-booklet.pdf"
    with pikepdf.open(path) as booklet:
        sides = len(booklet.pages)
        assert all(_size(p.obj.MediaBox) == (841.89, 595.28) for p in booklet.pages)
    assert sides == -(-pages // 4) * 2
    label = {"de": "Seite", "ar": "صفحة"}[lang]
    printed = []
    for side in range(1, min(sides, 4) + 1):
        halves = []
        for x in (0, 421):
            text = _text(
                path,
                "-f",
                str(side),
                "-l",
                str(side),
                "-x",
                str(x),
                "-y",
                "0",
                "-W",
                "421",
                "-H",
                "595",
            )
            found = re.findall(rf"{label}\s+(\d+)", text)  # the page number at the foot
            halves.append(int(found[-1]) if found else None)
        printed.append(tuple(halves))
    n = pages
    if lang == "de":  # left binding: back and cover outside, then 2 | n-1 ...
        expected = [(None, None), (2, n - 1), (n - 2, 3), (4, n - 3)]
    else:  # right binding: mirrored
        expected = [(None, None), (n - 1, 2), (3, n - 2), (n - 3, 4)]
    assert printed == expected
