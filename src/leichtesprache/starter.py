"""``leichtesprache init``: a small, working example project to start from."""

from __future__ import annotations

from pathlib import Path

from .errors import ConfigError
from .i18n import _

#: What git should not keep: the built files, the remembered check results, the run lock.
#: Written only where the folder has no .gitignore yet (an existing one is the user's).
GITIGNORE = """\
/dist/
/.leichtesprache-cache/
.leichtesprache.lock
"""

FILES: dict[str, str] = {
    "leichtesprache.toml": """\
# Settings of this leichtesprache project.
[project]
# The first language is the source language of the content.
languages = ["de"]
source_language = "de"
# Language of the tool's messages: "de" or "en". Without this line the tool
# speaks the language of the computer (LANGUAGE, LANG), else English.
# ui_language = "de"

# Thresholds of the easy-language checker, per language, for example:
# [check.de]
# sentence_error = 12
""",
    "content/beispiel/publication.toml": """\
[publication]
title = "Unser Beispiel"
subtitle = "Ein Heft in Leichter Sprache"
publisher = "Ihr Name"
imprint = \"\"\"
Dieses Heft ist in Leichter Sprache.
\"\"\"
version = 2026-01-01
source_language = "de"
sections = ["willkommen"]
""",
    "content/beispiel/sections/willkommen.md": """\
# Willkommen {#willkommen.title}

Das ist ein Beispiel. {#willkommen.intro}
Jeder Satz hat eine eigene Zeile.

Der Mindest·lohn ist {minimum_wage} pro Stunde. {#willkommen.wage}

- Schreiben Sie kurze Sätze. {#willkommen.li-short}
- Erklären Sie schwere Wörter. {#willkommen.li-words}

So können alle den Text gut lesen. {#willkommen.outro}
""",
    "content/beispiel/facts.toml": """\
[minimum_wage]
kind = "money"
description = "Mindest·lohn pro Stunde"
[[minimum_wage.values]]
valid_from = 2026-01-01
value = 13.90
source = "Fünfte Mindestlohnanpassungsverordnung (MiLoV5), 2025"
""",
    "content/beispiel/glossary.toml": """\
[[term]]
id = "mindestlohn"
term = "Mindest·lohn"
definition = \"\"\"
So viel Geld bekommen Sie mindestens.
Das gilt für 1 Stunde Arbeit.
\"\"\"
""",
}


def create_project(directory: Path) -> list[Path]:
    """Write the example project; never overwrite an existing project."""
    from .add_language import seed_ui_translations
    from .config import load_project
    from .fsutil import atomic_write_text
    from .update import update

    if (directory / "leichtesprache.toml").exists():
        raise ConfigError(
            _("{folder} already holds a leichtesprache project").format(folder=directory),
            hint=_("choose an empty or new folder"),
        )
    created = []
    for rel, text in FILES.items():
        path = directory / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
        created.append(path)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        atomic_write_text(ignore, GITIGNORE)
        created.append(ignore)
    project = load_project(directory)
    for change in update(project):
        if change.action != "unchanged":
            created.append(change.path)
    for code in project.languages:
        seed_ui_translations(project, code)
    return created
