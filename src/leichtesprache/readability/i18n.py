"""The checker's messages: a thin layer over the tool's catalogue (``leichtesprache.i18n``)."""

from __future__ import annotations

from typing import Any

from ..i18n import DOMAIN, N_, current_language, gettext_in, locale_dir

__all__ = ["DOMAIN", "N_", "locale_dir", "translate"]


def translate(msgid: str, ui_language: str | None = None, /, **params: Any) -> str:
    """The message in ``ui_language`` (default: the chosen language), formatted.

    English when no translation exists; a translation whose placeholders do not fit
    falls back to the English text rather than failing.
    """
    text = gettext_in(ui_language or current_language(), msgid)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return msgid.format(**params)
    return text
