"""The booklet edition: A5 pages two-up on A4 landscape, in saddle-stitch order.

For office printers: print both sides (flip on the short edge), fold the stack in the
middle, staple. Right-to-left languages bind on the right, so their page order is
mirrored. Our own imposition on pikepdf (the PyPI imposition tools are AGPL).
"""

from __future__ import annotations

import io

import pikepdf

from .editions import EditionJob, Product
from .markup import plain_text

#: A4 landscape in points.
SHEET_WIDTH = 841.89
SHEET_HEIGHT = 595.28


def saddle_order(pages: int, *, right_to_left: bool = False) -> list[tuple[int | None, int | None]]:
    """The (left, right) page numbers (0-based, None = blank) of each side, in print order.

    >>> saddle_order(8)
    [(7, 0), (1, 6), (5, 2), (3, 4)]
    >>> saddle_order(8, right_to_left=True)
    [(0, 7), (6, 1), (2, 5), (4, 3)]
    >>> saddle_order(3)
    [(None, 0), (1, 2)]
    """
    total = pages + (-pages) % 4
    sides: list[tuple[int | None, int | None]] = []
    for sheet in range(total // 4):
        front = (total - 1 - 2 * sheet, 2 * sheet)
        back = (2 * sheet + 1, total - 2 - 2 * sheet)
        for left, right in (front, back):
            if right_to_left:
                left, right = right, left
            sides.append((left if left < pages else None, right if right < pages else None))
    return sides


def impose(data: bytes, *, right_to_left: bool, title: str, language: str) -> bytes:
    """Put the pages of ``data`` (A5, no bleed) two-up on A4 landscape sheets."""
    with pikepdf.open(io.BytesIO(data)) as source, pikepdf.new() as booklet:
        forms = []
        for page in source.pages:
            forms.append(booklet.copy_foreign(page.as_form_xobject()))
        for left, right in saddle_order(len(forms), right_to_left=right_to_left):
            booklet.add_blank_page(page_size=(SHEET_WIDTH, SHEET_HEIGHT))
            sheet = booklet.pages[-1]
            names = {}
            ops = []
            for slot, index in ((0, left), (1, right)):
                if index is None:
                    continue
                name = f"/P{slot}"
                names[name] = forms[index]
                box = [float(v) for v in forms[index].BBox]
                width, height = box[2] - box[0], box[3] - box[1]
                scale = min(SHEET_WIDTH / 2 / width, SHEET_HEIGHT / height)
                x = slot * SHEET_WIDTH / 2 + (SHEET_WIDTH / 2 - width * scale) / 2
                y = (SHEET_HEIGHT - height * scale) / 2
                ops.append(
                    f"q {scale:.5f} 0 0 {scale:.5f} {x - box[0] * scale:.3f} "
                    f"{y - box[1] * scale:.3f} cm {name} Do Q"
                )
            sheet.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(names))
            sheet.obj.Contents = booklet.make_stream("\n".join(ops).encode())
        booklet.docinfo.Title = pikepdf.String(title)
        booklet.Root.Lang = pikepdf.String(language)
        out = io.BytesIO()
        booklet.save(out, deterministic_id=True)
    return out.getvalue()


def make_booklet(job: EditionJob) -> Product:
    """Impose the screen edition (A5, no bleed, no marks) for printing at the office."""
    screen = job.source
    assert screen is not None, "the booklet derives from the screen edition"
    version = job.version
    data = impose(
        screen.data,
        right_to_left=version.language.rtl,
        title=plain_text(version.text("meta.title")),
        language=version.code.replace("_", "-"),
    )
    sides = len(saddle_order(screen.pages or 0))
    return Product(data, sides, {"source_pages": screen.pages})
