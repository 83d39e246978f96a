"""The screen edition's finish: an A5 PDF/UA-1 that checkers pass and screen readers follow.

WeasyPrint's tagged PDF needs a few repairs, all made here with pikepdf on the layout:
page numbers and notes pages become pagination artifacts (WeasyPrint tags margin boxes
without linking them into the tree), links say where they lead and print, the bleed is
cut away, and right-to-left ligatures extract in reading order.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeGuard

import pikepdf

from .fonts import font_key, pdf_fonts
from .pdfstream import editable, mark_artifacts

log = logging.getLogger("leichtesprache.pdf")

#: How pagination artifacts (page numbers, notes pages) are marked.
_PAGINATION = pikepdf.Dictionary(Type=pikepdf.Name.Pagination)
#: How layout artifacts (list bullets) are marked.
_LAYOUT = pikepdf.Dictionary(Type=pikepdf.Name.Layout)
#: Annotation flag "Print": shown when printed as on screen (PDF/UA wants it set).
PRINT_FLAG = 4
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2,8})>\s*<([0-9A-Fa-f]+)>")


def finish_screen(
    data: bytes,
    *,
    notes_pages: Collection[int] = (),
    link_texts: Mapping[str, str] = {},
    font_files: Mapping[str, Path] = {},
) -> bytes:
    """The screen edition from the layout PDF.

    ``notes_pages``: zero-based pages that are pagination artifacts as a whole.
    ``link_texts``: what each link target (anchor name or URL) is, for its ``/Contents``.
    ``font_files``: font names (normalised) to their files, for right-to-left ToUnicode.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        _trim_to_a5(pdf)
        _artifacts(pdf, set(notes_pages))
        _annotations_in_links(pdf)
        _describe_links(pdf, link_texts)
        fix_rtl_to_unicode(pdf, font_files)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


# --- page boxes ----------------------------------------------------------------------------


def _trim_to_a5(pdf: pikepdf.Pdf) -> None:
    """The screen shows the trimmed page: MediaBox = TrimBox, no bleed."""
    for page in pdf.pages:
        trim = page.obj.get("/TrimBox")
        if trim is None:
            continue
        page.obj.MediaBox = pikepdf.Array([float(x) for x in trim])
        for key in ("/TrimBox", "/BleedBox", "/CropBox", "/ArtBox"):
            if key in page.obj:
                del page.obj[key]


# --- structure: artifacts ----------------------------------------------------------------


def _artifacts(pdf: pikepdf.Pdf, notes_pages: set[int]) -> None:
    """Marked content outside the structure tree, every notes page and the list bullets
    become artifacts: pagination (page numbers, notes) or layout (bullets).

    Bullets are drawn after the text of a page; as tagged labels they would put the
    page's paint order out of its reading order. A list item then holds its body only,
    which PDF/UA allows.
    """
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    parent_tree: Any = root.ParentTree.Nums
    page_index: dict[Any, int] = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    bullets: set[tuple[Any, int]] = set()
    reachable: set[Any] = set()
    for elem in list(_elements(root, skip=_leaves_tree(page_index, notes_pages))):
        if elem.get("/S") == "/Lbl":
            pg = elem.get("/Pg")
            bullets.update((pg.objgen, mcid) for mcid in _mcids(elem) if pg is not None)
            _detach(elem)
        else:
            reachable.add(elem.objgen)
    for i, page in enumerate(pdf.pages):
        key = page.obj.get("/StructParents")
        if key is None:
            continue
        slot = _nums_index(parent_tree, int(key))
        mcids = parent_tree[slot + 1] if slot is not None else pikepdf.Array()
        orphans = {
            mcid
            for mcid, elem in enumerate(mcids)
            if not isinstance(elem, pikepdf.Dictionary) or elem.objgen not in reachable
        }
        if i in notes_pages:
            orphans = set(range(len(mcids)))
        if not orphans:
            continue
        kinds = {
            mcid: _LAYOUT if (page.obj.objgen, mcid) in bullets else _PAGINATION for mcid in orphans
        }
        _mark_as_artifacts(pdf, page, kinds)
        for mcid in orphans:
            if mcid < len(mcids):
                mcids[mcid] = None


def _leaves_tree(
    page_index: Mapping[Any, int], notes_pages: set[int]
) -> Callable[[pikepdf.Dictionary], bool]:
    """A test that detaches elements of notes pages (they become artifacts) as it goes."""

    def leaves(elem: pikepdf.Dictionary) -> bool:
        pg = elem.get("/Pg")
        if pg is not None and page_index.get(pg.objgen) in notes_pages:
            _detach(elem)
            return True
        return False

    return leaves


def _elements(
    node: pikepdf.Object, skip: Callable[[pikepdf.Dictionary], bool] | None = None
) -> Iterator[pikepdf.Dictionary]:
    """Every structure element below ``node``, depth first (without those ``skip`` takes).

    With a stack of the open elements' kids, not recursion: nested generators would pass
    each element up through every level above it (3,000 elements, 20,000 resumptions)."""
    stack = [iter(_kids(node))]
    while stack:
        kid = next(stack[-1], _END)
        if kid is _END:
            stack.pop()
        elif _is_element(kid):
            if skip is not None and skip(kid):
                continue
            yield kid
            stack.append(iter(_kids(kid)))


_END = object()


def _is_element(kid: object) -> TypeGuard[pikepdf.Dictionary]:
    """A structure element among an element's kids (not a marked-content id, nor a
    reference to marked content or to an object such as an annotation)."""
    return isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/OBJR", "/MCR")


def _kids(node: pikepdf.Object) -> list[Any]:
    """An element's kids as they are now (a later ``_detach`` changes the array)."""
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _detach(elem: pikepdf.Dictionary) -> None:
    parent = elem.get("/P")
    if parent is None or "/K" not in parent:
        return
    kids = parent.K
    if isinstance(kids, pikepdf.Array):
        parent.K = pikepdf.Array([k for k in kids if not _same(k, elem)])
    elif _same(kids, elem):
        del parent["/K"]


def _same(a: pikepdf.Object, b: pikepdf.Object) -> bool:
    return isinstance(a, pikepdf.Dictionary) and a.objgen == b.objgen


def _nums_index(nums: Any, key: int) -> int | None:
    for i in range(0, len(nums), 2):
        if int(nums[i]) == key:
            return i
    return None


def _mcids(elem: pikepdf.Dictionary) -> Iterator[int]:
    """The marked-content ids below an element (on its own page)."""
    for kid in _kids(elem):
        if isinstance(kid, int):
            yield kid
        elif _is_element(kid):
            yield from _mcids(kid)


def _mark_as_artifacts(
    pdf: pikepdf.Pdf, page: pikepdf.Page, kinds: Mapping[int, pikepdf.Dictionary]
) -> None:
    """Rewrite ``BDC <tag> <</MCID n>>`` as an artifact of the kind given for ``n``."""
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Stream):
        data = contents.read_bytes()
        if editable(data):
            names = {mcid: kind.unparse() for mcid, kind in kinds.items()}
            page.obj.Contents = pdf.make_stream(mark_artifacts(data, names))
            return
    ops = pikepdf.parse_content_stream(page)
    changed = False
    rewritten: list[Any] = []
    for instruction in ops:
        operands, operator = instruction.operands, instruction.operator
        if str(operator) == "BDC" and len(operands) == 2:
            props = operands[1]
            mcid = int(props.get("/MCID", -1)) if isinstance(props, pikepdf.Dictionary) else -1
            if mcid in kinds:
                rewritten.append(
                    pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact, kinds[mcid]], operator)
                )
                changed = True
                continue
        rewritten.append(instruction)
    if changed:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(rewritten))


# --- links ---------------------------------------------------------------------------------


def _annotations_in_links(pdf: pikepdf.Pdf) -> None:
    """Every link annotation belongs to a Link element.

    WeasyPrint gives an annotation to each box of a link; a span inside the link (a
    left-to-right run in Arabic text) then holds its annotation itself. The annotation
    moves up to the Link element around it.
    """
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    nums: Any = root.ParentTree.Nums
    for i in range(0, len(nums), 2):
        elem = nums[i + 1]
        if not isinstance(elem, pikepdf.Dictionary) or elem.get("/S") in (None, "/Link"):
            continue
        kids = elem.get("/K")
        if not isinstance(kids, pikepdf.Array):
            continue
        objrs = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
        link = _ancestor(elem, "/Link")
        if not objrs or link is None:
            continue
        elem.K = pikepdf.Array([k for k in kids if not any(_same(k, o) for o in objrs)])
        link_kids = link.K if isinstance(link.get("/K"), pikepdf.Array) else pikepdf.Array()
        for objr in objrs:
            link_kids.append(objr)
        link.K = link_kids
        nums[i + 1] = link


def _ancestor(elem: pikepdf.Dictionary, role: str) -> pikepdf.Dictionary | None:
    node = elem.get("/P")
    while isinstance(node, pikepdf.Dictionary) and node.get("/Type") != "/StructTreeRoot":
        if node.get("/S") == role:
            return node
        node = node.get("/P")
    return None


def _describe_links(pdf: pikepdf.Pdf, link_texts: Mapping[str, str]) -> None:
    """Every link prints and says in words where it leads."""
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != "/Link":
                continue
            annot.F = PRINT_FLAG
            target = _link_target(annot)
            text = link_texts.get(target) if target is not None else None
            if text:
                annot.Contents = pikepdf.String(text)


def _link_target(annot: pikepdf.Dictionary) -> str | None:
    dest = annot.get("/Dest")
    if isinstance(dest, pikepdf.String):
        return str(dest)
    action = annot.get("/A")
    if isinstance(action, pikepdf.Dictionary) and "/URI" in action:
        return str(action.URI)
    return None


# --- right-to-left text extraction ---------------------------------------------------------


def fix_rtl_to_unicode(pdf: pikepdf.Pdf, font_files: Mapping[str, Path]) -> None:
    """Make right-to-left ligatures extract in reading order.

    Text is stored in visual order, and extractors (poppler's pdftotext, MuPDF) turn a
    right-to-left line around character by character. A ligature glyph mapped to its
    characters in reading order ("لا") therefore comes out reversed ("ال"). Mapping it
    in visual order, like the rest of the line, gives the right text after the turn.
    A vowel-mark glyph gets its own character: WeasyPrint maps each glyph once, to the
    first text it met it in, which may be a whole ligature cluster.
    """
    for font in _type0_fonts(pdf):
        cmap_stream = font.get("/ToUnicode")
        if cmap_stream is None:
            continue
        base = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        path = font_files.get(font_key(base))
        own = _glyph_chars(path) if path is not None else {}
        cmap = cmap_stream.read_bytes()
        fixed = _BFCHAR.sub(partial(_fixed_entry, own=own), cmap)
        if fixed != cmap:
            font.ToUnicode = pdf.make_stream(fixed)


def _type0_fonts(pdf: pikepdf.Pdf) -> Iterable[pikepdf.Dictionary]:
    for font in pdf_fonts(pdf):
        if font.get("/Subtype") == "/Type0":
            yield font


def _fixed_entry(match: re.Match[bytes], *, own: Mapping[int, str]) -> bytes:
    code, target = match.group(1), match.group(2)
    text = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    if not _RTL.search(text):
        return match.group(0)
    glyph = int(code, 16)
    if glyph in own:
        text = own[glyph]
    elif len(text) > 1:
        text = text[::-1]
    return b"<" + code + b"> <" + text.encode("utf-16-be").hex().upper().encode() + b">"


@lru_cache(maxsize=16)
def _glyph_chars(path: Path) -> dict[int, str]:
    """Glyph id -> the combining mark the font's cmap maps it to (if exactly one)."""
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    with TTFont(path, lazy=True) as font:
        order = font.getGlyphOrder()
        ids = {name: i for i, name in enumerate(order)}
        chars: dict[int, set[str]] = {}
        for codepoint, name in font.getBestCmap().items():
            chars.setdefault(ids[name], set()).add(chr(codepoint))
    # Only marks (vowel signs): letters also have presentation-form code points in the
    # cmap (U+FExx), which are not what readers search for.
    return {
        glyph: char
        for glyph, found in chars.items()
        if len(found) == 1 and unicodedata.category(char := next(iter(found))) == "Mn"
    }
