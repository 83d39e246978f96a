"""The checker's own messages: every English msgid has a German translation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polib

from leichtesprache.readability.i18n import locale_dir, translate

PACKAGE = Path(__file__).parents[1] / "src" / "leichtesprache" / "readability"


def extract_msgids(folder: Path) -> set[str]:
    """Literal first arguments of ``tr(...)``, ``translate(...)`` and ``N_(...)`` calls."""
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if (
                name in ("tr", "translate", "N_")
                and isinstance(first, ast.Constant)
                and (isinstance(first.value, str))
            ):
                found.add(first.value)
    return found


def test_german_catalogue_covers_every_message() -> None:
    msgids = extract_msgids(PACKAGE)
    assert len(msgids) > 80
    po = polib.pofile(str(locale_dir() / "de" / "LC_MESSAGES" / "leichtesprache.po"))
    translated = {e.msgid: e.msgstr for e in po if e.msgstr and not e.fuzzy}
    missing = sorted(msgids - set(translated))
    assert not missing, missing
    for msgid in msgids:
        names = set(re.findall(r"\{(\w+)\}", msgid))
        assert names == set(re.findall(r"\{(\w+)\}", translated[msgid])), msgid


def test_translate() -> None:
    assert translate("passed", "de") == "bestanden"
    assert translate("passed", "de_AT") == "bestanden"
    assert translate("passed", "fr") == "passed"
    assert translate("This line holds {count} sentences.", "de", count=2) == (
        "In dieser Zeile stehen 2 Sätze."
    )
