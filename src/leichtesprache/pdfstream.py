"""Fast edits of content streams as WeasyPrint (pydyf) writes them: one operator a line.

Parsing a page with pikepdf builds a Python object for every operand (tens of thousands
per brochure). The edits the editions need (marked content, colour operators) touch a few
known line shapes, so they are made on the bytes; a stream that does not look like
pydyf's output (literal strings, inline images) goes through pikepdf's parser instead.

>>> recolour(b"q\\n0 0 0 rg\\n0 0.5 1 RG\\nQ\\n", lambda rgb: (0, 0, 0, 1 - rgb[0]))
b'q\\n0 0 0 1 k\\n0 0 0 1 K\\nQ\\n'
>>> mark_artifacts(b"/Span\\n<</MCID 3>>\\nBDC\\n/P << /MCID 4 >> BDC", {3: b"<< >>"})
b'/Artifact << >> BDC\\n/P << /MCID 4 >> BDC'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

#: Literal strings and inline images make a stream unsafe to edit line by line.
_UNSAFE = re.compile(rb"\(|\bBI\b|\bID\b")
#: The same words, found from their letters first: a pattern that starts with a
#: look-behind or an alternation is tried at every byte, a literal one is not (ten times
#: faster on a brochure's pages; "MCID" holds "ID", so its matches are looked at).
_INLINE_IMAGE = re.compile(rb"(?:BI|ID)\b")
_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_START = rb"(?<![^\s])"  # at the start of the stream or after white space
_END = rb"(?![^\s])"  # at the end of the stream or before white space
_NUM = rb"([0-9.+-]+)"
_MCID = re.compile(_START + rb"/\w+\s*<<\s*/MCID\s+(\d+)\s*>>\s*BDC" + _END)
_RGB = re.compile(_START + _NUM + rb"\s+" + _NUM + rb"\s+" + _NUM + rb"\s+(rg|RG)" + _END)
#: ``_RGB`` or a gray ``n g``/``G``, in one pass (their common start is read once).
_COLOUR = re.compile(
    _START + _NUM + rb"\s+(?:" + _NUM + rb"\s+" + _NUM + rb"\s+(rg|RG)|(g|G))" + _END
)
#: Colour-space operators the fast path leaves to the parser (patterns, ICC, Lab).
_SPACES = re.compile(_START + rb"(cs|CS|sc|SC|scn|SCN|sh)" + _END)
#: What every one of them contains ("scn" holds "sc").
_SPACE_LETTERS = (b"cs", b"CS", b"sc", b"SC", b"sh")

CMYK = tuple[float, float, float, float]


def editable(data: bytes) -> bool:
    """True when ``data`` can be edited line by line (as pydyf writes it): no literal
    string and no inline image (``_UNSAFE``, searched the fast way)."""
    if b"(" in data:
        return False
    return not any(
        m.start() == 0 or data[m.start() - 1] not in _WORD_BYTES
        for m in _INLINE_IMAGE.finditer(data)
    )


def mark_artifacts(data: bytes, kinds: Mapping[int, bytes]) -> bytes:
    """``/Tag << /MCID n >> BDC`` becomes ``/Artifact <kinds[n]> BDC`` for each n given."""

    def swap(match: re.Match[bytes]) -> bytes:
        kind = kinds.get(int(match.group(1)))
        return b"/Artifact " + kind + b" BDC" if kind is not None else match.group(0)

    return _MCID.sub(swap, data)


def recolour(data: bytes, cmyk: Callable[[tuple[float, float, float]], CMYK]) -> bytes:
    """Every ``r g b rg``/``RG`` and ``g``/``G`` becomes ``c m y k k``/``K``."""

    def colour(match: re.Match[bytes]) -> bytes:
        first, green, blue, rgb_op, gray_op = match.groups()
        if rgb_op is not None:
            values = cmyk((float(first), float(green), float(blue)))
            return _numbers(values) + (b" k" if rgb_op == b"rg" else b" K")
        level = float(first)
        return _numbers((0.0, 0.0, 0.0, 1 - level)) + (b" k" if gray_op == b"g" else b" K")

    return _COLOUR.sub(colour, data)


def has_colour_spaces(data: bytes) -> bool:
    """True when the stream sets colour spaces or paints shadings (not for the fast path)."""
    if not any(letters in data for letters in _SPACE_LETTERS):
        return False  # the usual case, found by five scans for two bytes
    return _SPACES.search(data) is not None


def rgb_operator(data: bytes) -> str | None:
    """The first RGB colour operator in the stream, if any (the fast path of preflight)."""
    found = _RGB.search(data)
    return found.group(4).decode() if found else None


def _numbers(values: tuple[float, ...]) -> bytes:
    return b" ".join(_number(v) for v in values)


def _number(value: float) -> bytes:
    text = f"{round(value, 4):.4f}".rstrip("0").rstrip(".")
    return (text if text not in ("", "-0") else "0").encode()
