"""Compile the tool's message catalogues: each ``locale/<lang>/LC_MESSAGES/leichtesprache.po``
of the package gets its ``leichtesprache.mo`` beside it, which the tool reads while it
matches the ``.po`` byte for byte (see ``leichtesprache.i18n``).

    .venv/bin/python scripts/compile-messages.py

Run it after changing a catalogue (``tests/test_i18n.py`` fails while a copy is stale).
"""

from __future__ import annotations

import sys

from leichtesprache.errors import LeichteSpracheError
from leichtesprache.i18n import available_languages, compile_catalogue


def main() -> int:
    for language in available_languages():
        if language == "en":
            continue  # the msgids: no catalogue
        try:
            print(compile_catalogue(language))
        except LeichteSpracheError as exc:
            print(f"{exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
