"""Language metadata: Babel's locale data plus what Babel does not know (fonts, plural headers)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.plural import PluralRule, to_gettext

from .errors import LanguageError
from .i18n import _

#: GNU gettext's Plural-Forms for languages where Babel's table or CLDR disagree with GNU.
#: Arabic: Babel's ``babel.messages.plurals`` swaps forms 4 and 5 (python-babel/babel#816);
#: this is the GNU/CLDR/Django expression. Russian: GNU uses 3 forms (CLDR adds a 4th).
GNU_PLURAL_FORMS: dict[str, str] = {
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
    ": n%100>=11 ? 4 : 5);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "de": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}

#: Font families per script, in fallback order. The families must exist in ``fonts/``.
SCRIPT_FONTS: dict[str, tuple[str, ...]] = {
    "Arab": ("Noto Sans Arabic", "Noto Sans"),
    "default": ("Noto Sans",),
}

#: Scripts that Noto Sans itself has (no family of their own to name first).
_LATIN_FONT_SCRIPTS = {"Latn", "Cyrl", "Grek"}


@dataclass(frozen=True)
class Language:
    """What the pipeline needs to know about one language."""

    code: str
    autonym: str
    direction: str
    script: str
    plural_forms: str
    nplurals: int

    @property
    def english_name(self) -> str:
        """The name in English (for catalogue headers). Not read with the rest: it loads
        Babel's English data, 15 ms in every check worker that needs no English."""
        return Locale.parse(self.code).get_display_name("en") or self.code

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def fonts(self) -> tuple[str, ...]:
        """Font families in fallback order; for another script its Noto family first, so
        the font named by ``fontcheck`` is used once it is in the fonts folder."""
        if self.script in SCRIPT_FONTS:
            return SCRIPT_FONTS[self.script]
        if self.script in _LATIN_FONT_SCRIPTS:
            return SCRIPT_FONTS["default"]
        from .fontcheck import script_family

        return (script_family(self.script), *SCRIPT_FONTS["default"])

    @property
    def babel_locale(self) -> Locale:
        return Locale.parse(self.code)


@lru_cache(maxsize=64)
def get_language(code: str) -> Language:
    """Metadata for any language Babel knows; raises LanguageError otherwise.

    >>> get_language("ar").direction, get_language("ar").nplurals
    ('rtl', 6)
    >>> get_language("fr").autonym
    'Français'
    """
    locale = known_locale(code)
    autonym = locale.get_display_name(locale) or code
    autonym = autonym[:1].upper() + autonym[1:]
    plural_forms = plural_forms_for(code, locale)
    script = locale.script or _likely_script(locale)
    return Language(
        code=code,
        autonym=autonym,
        direction=locale.text_direction,
        script=script,
        plural_forms=plural_forms,
        nplurals=int(re.search(r"nplurals\s*=\s*(\d+)", plural_forms).group(1)),  # type: ignore[union-attr]
    )


def known_locale(code: str) -> Locale:
    """The Babel locale of a language code; raises LanguageError for a code Babel does not
    know. Cheap: it reads no locale data (``get_language`` does, 5-25 ms a language), so a
    project's languages are checked with it when the project is read."""
    if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?", code):
        raise LanguageError(
            _("'{code}' is not a language code").format(code=code),
            hint=_("use an ISO 639 code such as 'uk', 'tr', 'fa' or 'pt_BR'"),
        )
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError) as exc:
        raise LanguageError(
            _("the language '{code}' is unknown").format(code=code),
            hint=_("use an ISO 639 code that Babel/CLDR knows, such as 'uk', 'tr' or 'fa'"),
        ) from exc


def plural_forms_for(code: str, locale: Locale | None = None) -> str:
    """The ``Plural-Forms`` header for a new catalogue (never Babel's wrong Arabic one)."""
    base = code.split("_")[0]
    if code in GNU_PLURAL_FORMS:
        return GNU_PLURAL_FORMS[code]
    if base in GNU_PLURAL_FORMS:
        return GNU_PLURAL_FORMS[base]
    locale = locale or Locale.parse(code)
    return to_gettext(locale.plural_form).strip()


def _likely_script(locale: Locale) -> str:
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(locale.language, ""))
    parts = likely.split("_")
    for part in parts[1:]:
        if len(part) == 4:
            return part
    return "Latn"


def evaluate_plural(expr: str, n: int) -> int:
    """Evaluate a gettext plural expression safely (C syntax, only ``n`` and integers).

    >>> evaluate_plural("n%100>=11 ? 4 : 5", 11)
    4
    """
    from gettext import c2py

    return int(c2py(expr)(n))


def plural_expression(header: str) -> tuple[int, str]:
    """Split a Plural-Forms header into (nplurals, expression)."""
    m = re.search(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$", header.strip())
    if not m:
        raise LanguageError(
            _("cannot read the Plural-Forms header '{header}'").format(header=header)
        )
    return int(m.group(1)), m.group(2).strip().rstrip(";")


def same_plural_rule(a: str, b: str, upto: int = 1200) -> bool:
    """Compare two Plural-Forms headers by evaluating them, not as strings."""
    na, ea = plural_expression(a)
    nb, eb = plural_expression(b)
    if na != nb:
        return False
    return all(evaluate_plural(ea, n) == evaluate_plural(eb, n) for n in range(upto))


def cldr_plural_rule(code: str) -> PluralRule:
    return Locale.parse(code).plural_form
