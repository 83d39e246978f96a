"""The project's fonts: their files, family names and styles, and which a PDF may use."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import Problem, RenderError
from .i18n import _

#: Font files the fonts folder may hold.
FONT_SUFFIXES = (".ttf", ".otf")


@dataclass(frozen=True)
class FontFace:
    path: Path
    family: str
    weight: int
    italic: bool
    names: tuple[str, ...]


@lru_cache(maxsize=16)
def _font_faces(fonts_dir: Path, _stamp: tuple[tuple[str, float], ...]) -> tuple[FontFace, ...]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    faces = []
    for path in sorted(fonts_dir.iterdir()):
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        try:
            with TTFont(path, lazy=True) as font:
                name = font["name"]
                family = str(name.getDebugName(16) or name.getDebugName(1))
                style = str(name.getDebugName(17) or name.getDebugName(2) or "")
                weight = int(font["OS/2"].usWeightClass)
                italic = bool(font["OS/2"].fsSelection & 1)
                names = (
                    family,
                    f"{family} {style}",
                    str(name.getDebugName(4) or family),
                    str(name.getDebugName(6) or family),
                )
        except Exception as exc:  # fontTools raises many kinds for a broken file
            raise RenderError(
                _("cannot read the font: {reason}").format(reason=exc), file=path
            ) from exc
        faces.append(FontFace(path, family, weight, italic, names))
    return tuple(faces)


def font_faces(fonts_dir: Path) -> tuple[FontFace, ...]:
    """The font files in ``fonts_dir`` with their family, weight and style."""
    fonts_dir = Path(fonts_dir).resolve()
    stamp = tuple(
        (p.name, p.stat().st_mtime)
        for p in sorted(fonts_dir.glob("*"))
        if p.suffix.lower() in FONT_SUFFIXES
    )
    return _font_faces(fonts_dir, stamp)


def font_files(fonts_dir: Path) -> dict[str, Path]:
    """Every name a font may carry in a PDF (normalised) -> its file."""
    return {font_key(n): face.path for face in font_faces(fonts_dir) for n in face.names}


def font_families(fonts_dir: Path) -> set[str]:
    """Every name a font in ``fonts_dir`` may carry in a PDF, normalised (see ``font_key``)."""
    return {font_key(n) for face in font_faces(fonts_dir) for n in face.names}


def font_face_css(fonts_dir: Path) -> str:
    """``@font-face`` rules for every font file in ``fonts_dir`` (file: URLs)."""
    rules = []
    for face in font_faces(fonts_dir):
        family = face.family.replace("\\", "").replace('"', "")
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("{face.path.as_uri()}"); '
            f"font-weight: {face.weight}; font-style: {'italic' if face.italic else 'normal'}; }}"
        )
    return "\n".join(rules)


def font_key(name: str) -> str:
    """'Noto-Sans-Arabic-Bold', 'NotoSansArabic-Bold', 'Noto Sans Arabic Bold' → same key."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def check_pdf(
    data: bytes, allowed: set[str], *, lang: str | None = None, label: Path | str = "PDF"
) -> list[str]:
    """The fonts used in the PDF; RenderError if one is not embedded or not ours,
    or if the document language is not ``lang``."""
    import pikepdf

    used: set[str] = set()
    problems = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if lang is not None and str(pdf.Root.get("/Lang", "")) != lang:
            problems.append(
                Problem(
                    _("the PDF's language is not '{code}'").format(code=lang),
                    label,
                    hint=_("the template must set {example}").format(example="<html lang=...>"),
                )
            )
        for obj in pdf_fonts(pdf):
            if "/BaseFont" not in obj:
                continue  # Type 3 fonts have no BaseFont
            base = str(obj.BaseFont).lstrip("/")
            name = base.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", base) else base
            used.add(name)
            if font_key(name) not in allowed:
                problems.append(
                    Problem(
                        _(
                            "the PDF uses the font '{name}', which is not in the fonts folder"
                        ).format(name=name),
                        label,
                        hint=_(
                            "a character is missing from the brochure fonts; "
                            "add a font for it to fonts/ or remove the character"
                        ),
                    )
                )
            descriptor = obj.get("/FontDescriptor")
            # A composite font's file is in its descendant (checked on its own); a simple
            # font without a descriptor is one of the viewer's standard fonts.
            if obj.get("/Subtype") != "/Type0" and (
                descriptor is None
                or not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            ):
                problems.append(
                    Problem(_("the font '{name}' is not embedded").format(name=name), label)
                )
    if problems:
        raise RenderError.from_problems(
            problems, _("{file}: font check failed:").format(file=Path(label).name)
        )
    return sorted(used)


def pdf_fonts(pdf: Any) -> list[Any]:
    """Every font dictionary the pages of a pikepdf ``Pdf`` use (``page_fonts``), with the
    descendant fonts of composite (Type 0) fonts.

    Walking the resources reads a few dozen objects; ``pdf.objects`` would read all of
    them (a layout has some 3,600, most of them structure elements): 4 ms against 55 ms
    a document.
    """
    import pikepdf

    fonts: dict[tuple[int, int], Any] = {}
    direct: list[Any] = []
    walked: set[tuple[int, int]] = set()
    for page in pdf.pages:
        for font in page_fonts(page, walked):
            for each in (font, *font.get("/DescendantFonts", ())):
                if not isinstance(each, pikepdf.Dictionary):
                    continue
                if not each.is_indirect:
                    direct.append(each)
                elif each.objgen not in fonts:
                    fonts[each.objgen] = each
    return [*fonts.values(), *direct]


def page_fonts(page: Any, walked: set[tuple[int, int]] | None = None) -> Iterator[Any]:
    """The font dictionaries a pikepdf page uses (a composite font, not its descendants):
    in its resources, the form XObjects and patterns there (at any depth), the glyphs of
    Type 3 fonts and the appearances of its annotations.

    ``walked``: the resources and streams already walked, shared across the pages of a
    document (a resource dictionary the pages share is walked once); a font may be yielded
    again when two of them name it.
    """
    import pikepdf

    seen = set() if walked is None else walked

    def first_visit(obj: Any) -> bool:
        """A dictionary or stream not walked yet (a shared one is walked once)."""
        if not isinstance(obj, pikepdf.Stream | pikepdf.Dictionary):
            return False
        if obj.is_indirect:
            if obj.objgen in seen:
                return False
            seen.add(obj.objgen)
        return True

    def resources(res: Any) -> Iterator[Any]:
        if isinstance(res, pikepdf.Stream) or not first_visit(res):
            return
        for font in dict(res.get("/Font", {})).values():
            if isinstance(font, pikepdf.Dictionary):
                yield font
                yield from resources(font.get("/Resources"))  # a Type 3 font's glyphs
        for group in ("/XObject", "/Pattern"):
            for inner in dict(res.get(group, {})).values():
                yield from stream(inner)

    def stream(obj: Any) -> Iterator[Any]:
        if first_visit(obj):
            yield from resources(obj.get("/Resources"))

    yield from resources(page.obj.get("/Resources"))
    for annotation in page.obj.get("/Annots", ()):
        if not isinstance(annotation, pikepdf.Dictionary):
            continue
        for appearance in dict(annotation.get("/AP", {})).values():
            if isinstance(appearance, pikepdf.Stream):
                yield from stream(appearance)
            elif isinstance(appearance, pikepdf.Dictionary):
                for state in appearance.values():
                    yield from stream(state)
