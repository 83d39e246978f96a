"""Checker languages come from one module each: adding a module adds a language (issue 8)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from leichtesprache.cli import cli
from leichtesprache.readability import language_rules, registry
from leichtesprache.readability import languages as language_package
from leichtesprache.readability.base import Profile

#: A whole checker language: a profile and one rule, written as a plug-in would write it.
SWAHILI = '''\
"""Swahili: a minimal checker language for the registry test."""

from leichtesprache.readability.base import Hit, Profile, wordset


def filler_word(doc):
    """ "sana" (very) adds nothing; say what you mean."""
    for unit, sentence in doc.sentences():
        for token in sentence.tokens:
            if token.lower == "sana":
                yield Hit(unit.index, token.start, token.end, "error", "Filler word “sana”.")


PROFILE = Profile(code="sw", negations=wordset("si hapana"), defaults={"sentence_error": 10})
RULES = {"filler-word": filler_word}
'''


@pytest.fixture
def plugin_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder with sw.py on the search path of the languages package."""
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "sw.py").write_text(SWAHILI, "utf-8")
    monkeypatch.setattr(language_package, "__path__", [*language_package.__path__, str(folder)])
    yield folder
    registry._load.cache_clear()
    sys.modules.pop(f"{language_package.__name__}.sw", None)


def test_bundled_languages_are_modules() -> None:
    assert {"de", "en", "fr", "ru", "ar"} <= set(registry.codes())
    for code in ("de", "en", "fr", "ru", "ar"):
        found = registry.find(code)
        assert found is not None
        assert isinstance(found.profile, Profile)
        assert found.profile.code == code
    assert registry.find("de_AT") == registry.find("de")
    assert registry.find("pt-BR") is None


def test_a_new_module_adds_a_language(plugin_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = plugin_folder.parent / "maandishi.txt"
    text.write_text("Unafanya kazi sana.\nUnapata pesa.\n", "utf-8")
    monkeypatch.chdir(plugin_folder.parent)  # no project here: check the file alone
    result = CliRunner().invoke(cli, ["check", "--lang", "sw", "--format", "json", str(text)])
    assert result.exit_code == 1, result.output
    (checked,) = json.loads(result.stdout)["results"]
    rules = {f["rule"]: f for f in checked["findings"]}
    assert rules["filler-word"]["severity"] == "error"
    assert rules["filler-word"]["line"] == 1
    profile, table = language_rules("sw")
    assert profile.code == "sw"
    assert "filler-word" in table
    assert "sentence-length" in table  # the shared rules still apply


def test_a_language_without_a_module_gets_the_generic_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "metin.txt"
    text.write_text("Çok para (her ay) alırsınız.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--lang", "tr", "--format", "json", str(text)])
    assert result.exit_code == 1, result.output
    (checked,) = json.loads(result.stdout)["results"]
    assert [f["rule"] for f in checked["findings"]] == ["brackets"]
    assert registry.find("tr") is None
