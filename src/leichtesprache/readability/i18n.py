"""The checker's own messages: English msgids, translations read with polib at run time."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

#: gettext domain of the tool's own messages.
DOMAIN = "leichtesprache"


def locale_dir() -> Path:
    return Path(str(resources.files("leichtesprache"))) / "locale"


@lru_cache(maxsize=8)
def _catalogue(language: str) -> dict[str, str]:
    """msgid -> msgstr of the translated, non-fuzzy entries; empty when there is none."""
    path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    import polib

    try:
        po = polib.pofile(str(path))
    except (OSError, ValueError):
        return {}
    return {e.msgid: e.msgstr for e in po if e.msgstr and not e.fuzzy and not e.obsolete}


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a message for the catalogue; it is translated later with ``translate``."""
    return msgid


def translate(msgid: str, ui_language: str = "en", /, **params: Any) -> str:
    """The message in ``ui_language`` (English when no translation exists), formatted."""
    text = msgid
    if ui_language and ui_language != "en":
        base = ui_language.split("_")[0]
        text = _catalogue(ui_language).get(msgid) or _catalogue(base).get(msgid) or msgid
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return msgid.format(**params)
    return text
