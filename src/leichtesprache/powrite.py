"""Writing PO files the way GNU gettext wraps them, so Poedit and msgmerge make no diff noise."""

from __future__ import annotations

import re
import unicodedata

import polib

#: GNU gettext's default page width.
PAGE_WIDTH = 79
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\v": "\\v",
}


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def _char_width(ch: str) -> int:
    """Display columns as GNU counts them: wide East Asian 2, combining marks 0."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _width(text: str) -> int:
    return sum(_char_width(ch) for ch in text)


def _lb_class(ch: str) -> str:
    """A coarse UAX #14 line-breaking class, enough for the text in catalogues."""
    if ch == " ":
        return "SP"
    if ch in "\n\r":
        return "BK"
    if ch.isdigit():
        return "NU"
    return _LB_CLASSES.get(ch, "AL")


_LB_CLASSES = {
    "-": "HY",
    "/": "SY",
    ".": "IS",
    ",": "IS",
    ":": "IS",
    ";": "IS",
    ")": "CP",
    "]": "CP",
    "}": "CL",
    "(": "OP",
    "[": "OP",
    "{": "OP",
    '"': "QU",
    "'": "QU",
    "«": "QU",
    "»": "QU",
    "!": "EX",
    "?": "EX",
    "؟": "EX",
    "+": "PR",
    "\\": "PR",
    "$": "PR",
    "€": "PR",
    "%": "PO",
    "–": "BA",
}
_NO_BREAK_BEFORE = {"SP", "CL", "CP", "IS", "SY", "EX", "QU", "HY", "BA"}
_NO_BREAK_AFTER = {"OP", "QU", "SP"}


def _units(segment: str) -> list[str]:
    """Split an escaped segment into characters, keeping each escape sequence whole."""
    return re.findall(r"\\.|.", segment, flags=re.DOTALL)


_UNESCAPE = {v: k for k, v in _ESCAPES.items()}


def _break_points(segment: str) -> list[int]:
    """Offsets after which GNU gettext may break an escaped segment.

    GNU computes Unicode line breaks (UAX #14, via libunistring) on the escaped string,
    with escape sequences kept whole; this follows those rules for the classes that occur
    in prose, URLs and numbers.
    """
    units = _units(segment)
    # GNU classifies an escape sequence by its backslash (PR), except the newline.
    classes = [("BK" if u == "\\n" else "PR") if len(u) > 1 else _lb_class(u) for u in units]
    points = []
    offset = 0
    for i in range(len(units) - 1):
        offset += len(units[i])
        a, b = classes[i], classes[i + 1]
        if b == "BK":
            continue
        if a == "SP":
            # UAX #14 LB13/LB14: no break before ] ! ; / even after spaces, nor after "(".
            j = i
            while j >= 0 and classes[j] == "SP":
                j -= 1
            opener = j >= 0 and classes[j] == "OP"
            if b not in {"SP", "CL", "CP", "IS", "SY", "EX"} and not opener:
                points.append(offset)
            continue
        if b in _NO_BREAK_BEFORE or a in _NO_BREAK_AFTER:
            continue
        if b == "NU" and a in {"HY", "SY", "IS", "PR", "PO", "CL", "AL", "NU"}:
            continue
        if a in {"AL", "NU"} and b in {"AL", "NU", "OP", "PR", "PO"}:
            continue
        if a == "CP" and b in {"AL", "NU"}:
            continue
        if a == "PR" and b in {"AL", "NU", "OP", "PR"}:
            continue
        if a == "PO" and b in {"AL", "NU", "OP"}:
            continue
        points.append(offset)
    return points


def _wrap_field(prefix: str, keyword: str, value: str, width: int = PAGE_WIDTH) -> list[str]:
    """Format ``keyword "value"`` like GNU write-po.c: split after ``\\n``, wrap at breaks."""
    escaped = escape(value)
    head = f"{prefix}{keyword} "
    # Portions end after each escaped newline.
    portions = [p for p in re.findall(r".*?\\n|.+$", escaped) if p] or [""]
    has_inner_newline = "\\n" in escaped[:-2] if escaped.endswith("\\n") else "\\n" in escaped
    if not has_inner_newline and _width(head) + _width(escaped) + 2 <= width:
        return [f'{head}"{escaped}"']
    lines = [f'{head}""']
    room = width - _width(prefix) - 2
    for portion in portions:
        # One pass per portion: cumulative widths and break points, so a huge string stays
        # linear (a translator may paste a megabyte).
        cumulative = [0]
        for ch in portion:
            cumulative.append(cumulative[-1] + _char_width(ch))
        start = 0
        points = [p for p in _break_points(portion) if p > 0]
        k = 0
        while cumulative[-1] - cumulative[start] > room:
            while k < len(points) and points[k] <= start:
                k += 1
            cut = 0
            while k < len(points) and cumulative[points[k]] - cumulative[start] <= room:
                cut = points[k]
                k += 1
            if cut == 0:
                if k >= len(points):
                    break
                cut = points[k]  # no break fits: GNU leaves the line overlong
            lines.append(f'{prefix}"{portion[start:cut]}"')
            start = cut
        lines.append(f'{prefix}"{portion[start:]}"')
    return lines


def _wrap_words(prefix: str, words: list[str], width: int = PAGE_WIDTH) -> list[str]:
    lines: list[str] = []
    current = prefix.rstrip()
    for word in words:
        candidate = f"{current} {word}"
        if current != prefix.rstrip() and _width(candidate) > width:
            lines.append(current)
            current = f"{prefix.rstrip()} {word}"
        else:
            current = candidate
    if current != prefix.rstrip():
        lines.append(current)
    return lines


def format_entry(entry: polib.POEntry) -> str:
    """One entry in GNU order: ``#``, ``#.``, ``#:``, ``#,``, ``#|``, then the fields."""
    out: list[str] = []
    for line in entry.tcomment.split("\n") if entry.tcomment else []:
        out.append(f"# {line}".rstrip() if line else "#")
    for line in entry.comment.split("\n") if entry.comment else []:
        out.append(f"#. {line}".rstrip())
    if entry.occurrences and not entry.obsolete:
        refs = [f"{f}:{n}" if n else f for f, n in entry.occurrences]
        out.extend(_wrap_words("#:", refs))
    if entry.flags:
        out.append("#, " + ", ".join(entry.flags))
    mark = "#~ " if entry.obsolete else ""
    prev = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        out.extend(_wrap_field(prev, "msgctxt", entry.previous_msgctxt))
    if entry.previous_msgid is not None or entry.previous_msgctxt is not None:
        out.extend(_wrap_field(prev, "msgid", entry.previous_msgid or ""))
    if entry.previous_msgid_plural is not None:
        out.extend(_wrap_field(prev, "msgid_plural", entry.previous_msgid_plural))
    if entry.msgctxt is not None:
        out.extend(_wrap_field(mark, "msgctxt", entry.msgctxt))
    out.extend(_wrap_field(mark, "msgid", entry.msgid))
    if entry.msgid_plural:
        out.extend(_wrap_field(mark, "msgid_plural", entry.msgid_plural))
        forms = entry.msgstr_plural or {0: "", 1: ""}
        for index in sorted(forms):
            out.extend(_wrap_field(mark, f"msgstr[{index}]", forms[index]))
    else:
        out.extend(_wrap_field(mark, "msgstr", entry.msgstr))
    return "\n".join(out)


def format_po(po: polib.POFile) -> str:
    """The whole catalogue as text: header, active entries, then obsolete entries."""
    parts: list[str] = []
    header = polib.POEntry(
        # Header fields keep the order of the file (Poedit, Weblate, msgmerge have their own).
        msgid="",
        msgstr="".join(f"{k}: {v}\n" for k, v in po.metadata.items()),
    )
    header.flags = ["fuzzy"] if po.metadata_is_fuzzy else []
    head_lines = []
    for line in po.header.split("\n") if po.header else []:
        head_lines.append(f"# {line}".rstrip() if line else "#")
    head_text = format_entry(header)
    parts.append("\n".join([*head_lines, head_text]) if head_lines else head_text)
    active = [e for e in po if not e.obsolete]
    obsolete = [e for e in po if e.obsolete]
    parts.extend(format_entry(e) for e in active)
    parts.extend(format_entry(e) for e in obsolete)
    return "\n\n".join(parts) + "\n"
