"""Test project discovery and configuration validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from leichtesprache.config import find_project, load_project
from leichtesprache.errors import ConfigError


def test_sample_project(sample_project: Path) -> None:
    project = load_project(sample_project)
    assert project.languages == ("de", "en", "ar")
    assert project.target_languages == ("en", "ar")
    assert project.publication_names() == ("sample",)
    assert project.templates_dir.is_dir()


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.leichtesprache.project]\nlanguages = ["de", "fr"]\n',
        encoding="utf-8",
    )
    assert find_project(tmp_path) == tmp_path.resolve()
    assert load_project(tmp_path).languages == ("de", "fr")


def test_source_language_first(tmp_path: Path) -> None:
    (tmp_path / "leichtesprache.toml").write_text(
        '[project]\nlanguages = ["ar", "de"]\n', encoding="utf-8"
    )
    assert load_project(tmp_path).languages == ("de", "ar")


def test_unknown_publication(tmp_path: Path) -> None:
    (tmp_path / "leichtesprache.toml").write_text(
        '[project]\npublications = ["nix"]\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"content/nix/publication\.toml"):
        load_project(tmp_path)


@pytest.mark.parametrize(
    ("code", "message"),
    [("xx", "the language 'xx' is unknown"), ("EN", "'EN' is not a language code")],
)
def test_unknown_language_code_names_its_line(tmp_path: Path, code: str, message: str) -> None:
    """Codes are checked against Babel without reading its locale data (that costs 5-25 ms a
    language at every start); an unknown one is still a problem with its line."""
    (tmp_path / "leichtesprache.toml").write_text(
        f'[project]\nsource_language = "de"\nlanguages = ["de",\n  "{code}"]\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_project(tmp_path)
    assert message in str(caught.value)
    assert "leichtesprache.toml:4" in str(caught.value)
