"""Fonts for a language: do the fonts in the project's fonts folder have all its letters?

Asked twice: by ``add-language`` (the language's own name, written in its script) and by
``build`` before anything is rendered (every character the language version shows). A
missing script is one message that names the script, an open font family to add and the
folder to put it in, instead of one layout warning per missing letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .config import Project, defaults_dir
from .errors import FontError
from .fsutil import relative_path
from .i18n import _, current_language, language_name
from .languages import Language
from .translate import LanguageVersion, UiLabels

#: Font files WeasyPrint is given (as in ``weasy``).
FONT_SUFFIXES = (".ttf", ".otf")
#: The Noto family for scripts whose family is not "Noto Sans <script name>".
NOTO_FAMILIES = {
    "Hani": "Noto Sans SC",
    "Hans": "Noto Sans SC",
    "Hant": "Noto Sans TC",
    "Jpan": "Noto Sans JP",
    "Kore": "Noto Sans KR",
    "Hira": "Noto Sans JP",
    "Kana": "Noto Sans JP",
    "Hang": "Noto Sans KR",
    "Tibt": "Noto Serif Tibetan",
}
#: Characters that need no glyph: controls, format characters (LRM, ZWJ), separators.
_NO_GLYPH = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
#: Unicode's "script" of signs used with every script (punctuation, symbols, marks).
_COMMON = frozenset({"Zyyy", "Zinh", "Zzzz"})
#: Where the open Noto fonts are to be had.
NOTO_URL = "https://fonts.google.com/noto"
#: How many missing characters a message shows as examples.
SHOWN_CHARACTERS = 8


def require_fonts(version: LanguageVersion, project: Project) -> None:
    """Stop before rendering when the fonts miss characters that ``version`` shows."""
    problem = missing_fonts(_shown_texts(version), version.language, project)
    if problem is not None:
        raise problem


def language_fonts_problem(language: Language, project: Project) -> FontError | None:
    """For ``add-language``: do the fonts have the letters of the language's own name?"""
    return missing_fonts([language.autonym], language, project)


def missing_fonts(texts: Iterable[str], language: Language, project: Project) -> FontError | None:
    """One error naming the scripts whose characters no font has, or None."""
    fonts_dir = project.fonts_dir
    covered = font_characters(fonts_dir)
    texts = list(texts)
    # Each distinct character is looked at once (a version shows some 30,000 characters
    # and 150 distinct ones); the texts are read in order only to name what is missing.
    lacking = {
        char
        for char in set().union(*texts)
        if ord(char) not in covered and unicodedata.category(char) not in _NO_GLYPH
    }
    missing: dict[str, list[str]] = {}
    for text in texts if lacking else ():
        for char in text:
            if char not in lacking:
                continue
            chars = missing.setdefault(_script(char), [])
            if char not in chars:
                chars.append(char)
    if not missing:
        return None
    own = project.root / "fonts"
    scripts = ", ".join(
        _("{script} script ({characters})").format(
            script=_script_title(code), characters="".join(chars[:SHOWN_CHARACTERS])
        )
        if code not in _COMMON
        else _("signs {characters}").format(characters=" ".join(chars[:SHOWN_CHARACTERS]))
        for code, chars in missing.items()
    )
    families = ", ".join(f'"{_family(code)}"' for code in missing)
    name = language_name(language.code)
    if fonts_dir == own:
        message = _(
            "no font in the folder {folder} has all the characters that {language} needs: {scripts}"
        ).format(folder=f"{relative_path(own, project.root)}/", language=name, scripts=scripts)
        hint = _(
            "add the open font family {families} (regular and bold, .ttf or .otf, free at "
            "{url}) to the project's fonts folder {folder}. Then build again."
        ).format(families=families, url=NOTO_URL, folder=own)
    else:
        message = _(
            "no bundled font has all the characters that {language} needs: {scripts}"
        ).format(language=name, scripts=scripts)
        hint = _(
            "copy the bundled fonts from {bundled} into the project's fonts folder {folder}: "
            "a project's own fonts folder replaces them. Then add the open font family "
            "{families} (regular and bold, .ttf or .otf, free at {url}) and build again."
        ).format(bundled=defaults_dir() / "fonts", folder=own, families=families, url=NOTO_URL)
    return FontError(message, file=relative_path(own, project.root), hint=hint)


def font_characters(fonts_dir: Path) -> frozenset[int]:
    """Every character that some font in ``fonts_dir`` has a glyph for."""
    stamp = tuple(
        (p.name, p.stat().st_mtime_ns)
        for p in sorted(fonts_dir.glob("*"))
        if p.suffix.lower() in FONT_SUFFIXES
    )
    return _characters(fonts_dir, stamp)


@lru_cache(maxsize=8)
def _characters(fonts_dir: Path, stamp: tuple[tuple[str, int], ...]) -> frozenset[int]:
    from fontTools.ttLib import TTFont, TTLibError  # type: ignore[import-untyped]

    found: set[int] = set()
    for name, _mtime in stamp:
        try:
            with TTFont(fonts_dir / name, lazy=True) as font:
                found.update(font.getBestCmap() or {})
        except (OSError, TTLibError, KeyError, AssertionError):
            continue  # a damaged font is reported by the layout stage
    return frozenset(found)


def _shown_texts(version: LanguageVersion) -> list[str]:
    """Every text of the version that becomes glyphs in the brochure."""
    from .render import format_version

    texts = [b.text for b in version.blocks]
    labels: UiLabels | None = version.ui
    while labels is not None:
        texts += [v if isinstance(v, str) else " ".join(v) for v in labels.messages.values()]
        labels = labels.fallback
    texts += [version.language.autonym, format_version(version.publication, version.language)]
    for contact in version.publication.contacts:
        texts += [str(v) for v in (contact.phone, contact.email, contact.url, contact.address) if v]
    return texts


def _script(char: str) -> str:
    from fontTools import unicodedata as font_unicode  # type: ignore[import-untyped]

    return str(font_unicode.script(char))


def _script_name(code: str) -> str:
    from fontTools import unicodedata as font_unicode

    try:
        return str(font_unicode.script_name(code))
    except KeyError:
        return code


def _script_title(code: str) -> str:
    """The name of a script in the chosen language: 'Ethiopic', 'Äthiopisch'."""
    from babel import Locale

    return str(Locale.parse(current_language()).scripts.get(code) or _script_name(code))


def script_family(code: str) -> str:
    """The open (Noto) font family for an ISO 15924 script code."""
    return _family(code)


def _family(code: str) -> str:
    if code in NOTO_FAMILIES:
        return NOTO_FAMILIES[code]
    if code in _COMMON:
        return "Noto Sans Symbols 2"
    return f"Noto Sans {_script_name(code)}"
