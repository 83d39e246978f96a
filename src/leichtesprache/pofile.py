"""Reading PO files: lossless with polib, every syntax or encoding problem with file and line.

polib keeps everything translators care about (``#|`` previous text, obsolete entries, flag
order, comments); its own writer wraps differently from msgmerge/Poedit, which makes diff
noise, so we serialise entries ourselves (``powrite``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import polib

from .errors import CatalogError, Problem
from .i18n import _
from .powrite import PAGE_WIDTH, format_entry, format_po

_CHARSET_RE = re.compile(rb'(?m)^"Content-Type:[^"\n]*charset\s*=\s*([A-Za-z0-9_.:-]+)')
_OBSOLETE_PREVIOUS_RE = re.compile(r"(?m)^#~\|")
REQUIRED_HEADERS = ("Content-Type", "Plural-Forms", "Language")


def read_po(data: bytes, path: str, *, require_header: bool = True) -> polib.POFile:
    """Parse PO/POT bytes; every syntax or encoding problem names file and line."""
    charset = "utf-8"
    match = _CHARSET_RE.search(data[:4000])
    if match:
        charset = match.group(1).decode("ascii").lower()
        if charset == "charset":  # the POT template's placeholder "CHARSET"
            charset = "utf-8"
    try:
        text = data.decode("utf-8-sig" if charset.replace("-", "") == "utf8" else charset)
    except LookupError as exc:
        raise CatalogError(
            _("the catalogue declares an unknown charset '{charset}'").format(charset=charset),
            file=path,
            hint=_("use {header}").format(header='"Content-Type: text/plain; charset=UTF-8"'),
        ) from exc
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(
            _("the catalogue is not valid {charset} text").format(charset=charset.upper()),
            file=path,
            line=line,
            hint=_("save the file as UTF-8 (Poedit does this) and keep the charset=UTF-8 header"),
        ) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise CatalogError(
            _("the catalogue contains a NUL byte (a binary or damaged file)"),
            file=path,
            line=line,
            hint=_("restore the file from the translator's copy"),
        )
    text = text.replace("\r\n", "\n")
    # polib drops the previous text of obsolete entries ("#~| msgid …"); as plain "#|"
    # lines it reads them into the entry, which the following "#~" lines mark obsolete.
    if "#~|" in text:
        text = _OBSOLETE_PREVIOUS_RE.sub("#|", text)
    if not text.strip():
        raise CatalogError(
            _("the catalogue is empty"),
            file=path,
            hint=_("restore it, or delete it and run `leichtesprache update`"),
        )
    _check_syntax(text, path)
    nul = _nul_escape(text)
    if nul is not None:
        raise CatalogError(
            _(
                "a string contains the escape of a NUL character ({escape}), which gettext "
                "cannot store"
            ).format(escape="\\0"),
            file=path,
            line=text[:nul].count("\n") + 1,
            hint=_("delete the {escape} from the text").format(escape="\\0"),
        )
    text = _decode_gnu_escapes(text)
    try:
        po = _parse(text)
    except (OSError, ValueError, KeyError, IndexError) as exc:
        # polib's own reason is "Syntax error" and a line: say instead what it means.
        m = re.search(r"line (\d+)", str(exc))
        raise CatalogError(
            _(
                "PO syntax error: a line stands where it does not fit (for example a msgstr "
                "without its msgid)"
            ),
            file=path,
            line=int(m.group(1)) if m else None,
            hint=_(
                "open the file in Poedit, which shows and fixes syntax errors, "
                "or compare the line with a correct entry (msgctxt, msgid, msgstr in quotes)"
            ),
        ) from exc
    for entry in po:
        # "#| msgctxt" needs a "#| msgid" (msgfmt insists); we write an empty one, so read
        # the missing one as empty too and a second round trip changes nothing.
        if entry.previous_msgctxt is not None and entry.previous_msgid is None:
            entry.previous_msgid = ""
    problems = _structure_problems(po, path, text, require_header)
    if problems:
        raise CatalogError.from_problems(problems, _("{file} cannot be used:").format(file=path))
    return po


_STRING = r'"(?:[^"\\]|\\[\\"ntrabfv]|\\[0-7]{1,3}|\\x[0-9a-fA-F]+)*"'
_LINE_RE = re.compile(
    r"^(?:#~\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+)?" + _STRING + r"\s*$"
)


def _parse(text: str) -> polib.POFile:
    """polib's parser, fed lines split at ``\\n`` only.

    ``polib.pofile(str)`` uses ``str.splitlines()``, which also splits at U+2028, U+0085
    and other separators that may stand inside a message; we would then fail to read a
    catalogue we wrote ourselves.
    """
    parser: Any = polib._POFileParser(
        text, encoding="utf-8", check_for_duplicates=False, klass=None
    )
    parser.fhandle = text.split("\n")
    po: polib.POFile = parser.parse()
    po.wrapwidth = PAGE_WIDTH
    return po


_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\(?:0{1,3}(?![0-7])|x0+(?![0-9a-fA-F]))")
_GNU_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "v": "\v"}

_STRING_LINE = re.compile(r'^(\s*(?:#[~|]+\s*)*(?:msg\w*(?:\[\d+\])?\s+)?)(".*)$', re.MULTILINE)


def _nul_escape(text: str) -> int | None:
    """Where a string of the catalogue holds the escape of a NUL character, or None.

    Only string lines count: in a comment ("#. Tippen Sie \\0 ein") a backslash is
    plain text, as for msgfmt. The pattern looks behind at every backslash (4 ms a
    catalogue), so only a text with "\\0" or "\\x" (how the escape starts) is searched."""
    if "\\0" not in text and "\\x" not in text:
        return None
    for line in _STRING_LINE.finditer(text):
        found = _NUL_ESCAPE.search(line.group(2))
        if found:
            return line.start(2) + found.start()
    return None


def _unescape_one(match: re.Match[str]) -> str:
    """One escape polib does not know (\\a, octal, hex) → the character; others unchanged."""
    code = match.group(1)
    if code in _GNU_ESCAPES:
        return _GNU_ESCAPES[code]
    if code[0] == "x" and len(code) > 1:
        value = int(code[1:], 16)
    elif code[0] in "01234567":
        value = int(code, 8)
    else:
        return match.group(0)
    char = chr(value) if value < 0x110000 else "\ufffd"
    # A character polib decodes itself must stay in the escaped form polib reads.
    return _POLIB_ESCAPES.get(char, char)


#: What ``_decode_gnu_escapes`` may change: a backslash before a, b, f, v, x or a digit (also
#: matches after an escaped backslash, "\\\\a": then the full decoding runs, and keeps it).
_GNU_ONLY_ESCAPE = re.compile(r"\\[abfvx0-7]")
_POLIB_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _decode_gnu_escapes(text: str) -> str:
    """Turn the escapes GNU writes but polib does not decode (\\a \\b \\f \\v) into
    characters, in string lines only; the writer escapes them again."""
    if not _GNU_ONLY_ESCAPE.search(text):
        return text  # only escapes polib decodes itself (\\n, \\", …): nothing to do

    def fix(match: re.Match[str]) -> str:
        body = re.sub(r"\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)", _unescape_one, match.group(2))
        return match.group(1) + body

    return _STRING_LINE.sub(fix, text)


#: ``_STRING`` within one line (the pattern below runs over the whole text), its loop
#: unrolled: runs of plain characters between escapes (twice as fast).
_ONE_LINE_STRING = r'"[^"\\\n]*(?:\\(?:[\\"ntrabfv]|[0-7]{1,3}|x[0-9a-fA-F]+)[^"\\\n]*)*"'
#: Lines ``_check_syntax`` accepts at a glance: blank, a comment (not "#~"), a keyword
#: with its string, a continued string (also of an obsolete entry), in spaces or tabs.
_PLAIN_LINE = re.compile(
    r"^[ \t]*(?:#(?!~)[^\n]*|(?:#~[ \t]*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)"
    r"[ \t]+)?" + _ONE_LINE_STRING + r")?[ \t]*$",
    re.MULTILINE,
)


def _check_syntax(text: str, path: str) -> None:
    """Line-level PO syntax check; polib silently accepts some broken lines."""
    if not _PLAIN_LINE.sub("", text).strip("\n"):
        return  # every line is one the loop below accepts (one pass in C: 3.3 -> 1 ms)
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip().lstrip("\ufeff")
        if not line or (line.startswith("#") and not line.startswith("#~")):
            continue
        if line[0] == '"' == line[-1] and line.count('"') == 2 and "\\" not in line:
            continue  # a continued string without escapes: what most lines are
        if line.startswith("#~") and not re.match(r"^#~\s*(msg|\")", line):
            continue  # comments of obsolete entries
        if _LINE_RE.match(line):
            continue
        if re.match(
            r'^(?:#~\s*)?(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)?\s*".*\\[^\\"ntrabfv]', line
        ):
            what = _(
                "PO syntax error: a string uses an escape sequence other than {escapes}"
            ).format(escapes='\\n \\t \\r \\" \\\\')
        elif re.match(r'^(?:#~\s*)?(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s*"', line):
            what = _(
                "PO syntax error: a string is not closed, or contains an unescaped quote or "
                "backslash"
            )
        elif re.match(r"^(?:#~\s*)?(msgctxt|msgid|msgid_plural|msgstr)", line):
            what = _("PO syntax error: a keyword must be followed by a string in double quotes")
        else:
            what = _(
                "PO syntax error: this line is neither a comment (#…), a keyword (msgid …) nor "
                "a string"
            )
        raise CatalogError(
            what,
            file=path,
            line=number,
            hint=_(
                "open the file in Poedit, which shows and fixes syntax errors, or compare "
                "the line with a correct entry: {msgid} and {msgstr} in double quotes"
            ).format(msgid='msgid "…"', msgstr='msgstr "…"'),
        )


def _structure_problems(
    po: polib.POFile, path: str, text: str, require_header: bool
) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str | None, str], int | None] = {}
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(
                Problem(
                    _("the message '{message}' is there twice (first at line {line})").format(
                        message=_short(entry.msgctxt or entry.msgid), line=seen[key]
                    ),
                    path,
                    entry.linenum,
                    hint=_("delete one of the two entries; keep the better translation"),
                )
            )
        else:
            seen[key] = entry.linenum
        if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
            problems.append(
                Problem(
                    _("a message with an empty msgid: only the header may have {header}").format(
                        header='msgid ""'
                    ),
                    path,
                    entry.linenum,
                    hint=_("check the keywords of this entry: msgctxt, msgid, then msgstr"),
                )
            )
        if entry.msgid_plural and not entry.msgstr_plural:
            problems.append(
                Problem(
                    _("a plural message (msgid_plural) has no msgstr[0], msgstr[1] … lines"),
                    path,
                    entry.linenum,
                    hint=_("add one {line} line per plural form of the language").format(
                        line='msgstr[n] ""'
                    ),
                )
            )
        if entry.msgstr_plural and not entry.msgid_plural:
            problems.append(
                Problem(
                    _("msgstr[n] plural forms, but the message has no msgid_plural"),
                    path,
                    _line_from(text, entry.linenum, "msgstr["),
                    hint=_("write {line} for a message without plural").format(line='msgstr "…"'),
                )
            )
        if entry.msgid_plural and po.metadata.get("Plural-Forms"):
            nplurals = _nplurals(po.metadata["Plural-Forms"])
            if nplurals and len(entry.msgstr_plural) not in (0, nplurals):
                problems.append(
                    Problem(
                        _("the message has {found} plural forms, the header says {count}").format(
                            found=len(entry.msgstr_plural), count=nplurals
                        ),
                        path,
                        entry.linenum,
                        hint=_("add or remove msgstr[n] lines"),
                    )
                )
    if require_header:
        if not text.lstrip("\ufeff").lstrip().startswith(("#", 'msgid ""')) or not po.metadata:
            problems.append(
                Problem(
                    _("the catalogue has no header (the first entry with {header})").format(
                        header='msgid ""'
                    ),
                    path,
                    1,
                    hint=_("add a header with {lines} (see another catalogue)").format(
                        lines='"Content-Type: text/plain; charset=UTF-8\\n", "Language: xx\\n", '
                        '"Plural-Forms: …\\n"'
                    ),
                )
            )
        else:
            for header in REQUIRED_HEADERS:
                if not po.metadata.get(header):
                    problems.append(
                        Problem(
                            _("the header has no '{name}' line").format(name=header),
                            path,
                            1,
                            hint=_("add {line} to the header (see another catalogue)").format(
                                line=f'"{header}: …\\n"'
                            ),
                        )
                    )
    return problems


def _line_from(text: str, start: int | None, prefix: str) -> int | None:
    """The first line at or after ``start`` that begins with ``prefix`` (for error messages)."""
    if start is None:
        return None
    for number, line in enumerate(text.split("\n")[start - 1 :], start):
        if line.lstrip().startswith(prefix):
            return number
    return start


def _nplurals(header: str) -> int | None:
    m = re.search(r"nplurals\s*=\s*(\d+)", header)
    return int(m.group(1)) if m else None


def _short(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= 50 else text[:47] + "…"


def load_po(path: Path, *, require_header: bool = True, label: str | None = None) -> polib.POFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(
            _("cannot read the catalogue: {reason}").format(reason=exc.strerror),
            file=label or path,
        ) from exc
    return read_po(data, label or str(path), require_header=require_header)


__all__ = ["PAGE_WIDTH", "format_entry", "format_po", "load_po", "read_po"]
