"""The Jinja2 environment of every page: autoescape, the filters that keep untrusted text
safe, and the ui labels through gettext."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from .drafts import inline_html
from .languages import Language
from .markup import QuotedTerms, clean_text, ltr_attrs, ltr_html, ltr_text, render_plain
from .translate import UiLabels

_PLACEHOLDER_RE = re.compile(r"%\((\w+)\)[sd]")


class _CompiledTemplates(BytecodeCache):
    """The compiled templates of this process, shared by every environment it makes.

    Each page is rendered in an environment of its own (its language's labels and
    filters), which would compile every template again: 70 compilations, about 0.25 s of
    CPU, in a build of the brochure. Every environment is made with the same settings
    (below), so what one compiles the others can run. Jinja2 keys the code by the
    template's name and file and checks the checksum of its source: a changed template
    is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def make_environment(
    templates_dir: Path,
    ui: UiLabels,
    language: Language,
    break_letters: int,
    quoted: QuotedTerms | None = None,
) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=_COMPILED,
    )
    # The ui catalogue is extracted with trimmed=true; render with the same msgids.
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(_SafeTranslations(UiGettext(ui)), newstyle=True)  # type: ignore[attr-defined]
    rtl = language.rtl
    env.filters["inline"] = lambda text: inline_html(
        text, rtl, break_letters=break_letters, quoted=quoted
    )
    env.filters["plain"] = lambda text: render_plain(str(text))
    env.filters["ltr"] = _ltr_filter
    env.filters["ltr_attrs"] = lambda text: ltr_attrs(str(text))
    env.filters["ltr_text"] = lambda text: ltr_text(str(text))
    return env


def _ltr_filter(text: str) -> Markup:
    """Plain text kept left-to-right (phone, URL, e-mail, address); lines become <br>."""
    return Markup("<br>").join(ltr_html(line) for line in str(text).split("\n") if line.strip())


class UiGettext(gettext.NullTranslations):
    """gettext lookups in a language's ui labels; what is missing falls through to English."""

    def __init__(self, labels: UiLabels) -> None:
        super().__init__()
        self.labels = labels
        #: msgids looked up without a translation (for tests and draft reports).
        self.missing: list[str] = []

    def gettext(self, message: str) -> str:
        return self.pgettext(None, message)

    def pgettext(self, context: str | None, message: str) -> str:
        found = self.labels.lookup(context, message)
        if found is None:
            self.missing.append(message)
            return message
        return found

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.npgettext(None, msgid1, msgid2, n)

    def npgettext(self, context: str | None, msgid1: str, msgid2: str, n: int) -> str:
        found = self.labels.lookup_plural(context, msgid1, n)
        if found is None:
            self.missing.append(msgid1)
            return msgid1 if n == 1 else msgid2
        return found


class _SafeTranslations(gettext.NullTranslations):
    """The ui catalogue, escaped.

    Jinja's newstyle gettext marks every translation as safe HTML, but ui translations
    come from translators like any other text: escape them here. Newstyle gettext also
    always applies ``%`` formatting, so a translation whose ``%`` would not format like
    its msgid is replaced by the msgid instead of crashing the build.
    """

    def __init__(self, ui: gettext.NullTranslations) -> None:
        super().__init__()
        self._ui = ui

    def gettext(self, message: str) -> str:
        return self._safe(message, self._ui.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        fallback = msgid1 if n == 1 else msgid2
        return self._safe(fallback, self._ui.ngettext(msgid1, msgid2, n))

    def pgettext(self, context: str, message: str) -> str:
        return self._safe(message, self._ui.pgettext(context, message))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        fallback = msgid1 if n == 1 else msgid2
        return self._safe(fallback, self._ui.npgettext(context, msgid1, msgid2, n))

    @staticmethod
    def _safe(msgid: str, translation: str) -> str:
        text = " ".join(clean_text(translation).split("\n"))
        names = set(_PLACEHOLDER_RE.findall(msgid))
        if not names:
            # Jinja formats every translation with "%": a lone percent sign must survive.
            return escape(text.replace("%", "%%"))
        if set(_PLACEHOLDER_RE.findall(text)) != names or not _formats(text, names):
            text = msgid
        return escape(text)


def _formats(text: str, names: set[str]) -> bool:
    try:
        text % dict.fromkeys(names, "")
    except (KeyError, ValueError, TypeError):
        return False
    return True
