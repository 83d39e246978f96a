"""The project: where it lives, its settings, validated up front with every problem at once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError, LanguageError, LeichteSpracheError, Problem
from .i18n import N_, _, available_languages, ngettext
from .languages import Language, get_language, known_locale
from .textfile import line_of, load_toml

CONFIG_NAME = "leichtesprache.toml"
_TOOL_TABLE = re.compile(rb"(?m)^\[+tool\.leichtesprache[.\]]")


@dataclass(frozen=True)
class Project:
    """A folder with ``leichtesprache.toml`` (or ``[tool.leichtesprache]`` in pyproject.toml)."""

    #: The project folder; every other path is relative to it.
    root: Path
    #: The file the settings came from.
    config_file: Path
    #: Target languages, the source language first.
    languages: tuple[str, ...]
    #: The language of the content (the msgids).
    source_language: str = "de"
    #: Publications to build; default: every folder in ``content/`` with a publication.toml.
    publications: tuple[str, ...] = ()
    #: Language of the tool's own messages (``ui_language``); None: the editor's locale.
    ui_language: str | None = None
    #: Per-language overrides for the easy-language checker (``[check.<lang>]`` tables).
    check: dict[str, Any] = field(default_factory=dict)
    #: Raw ``[build]`` settings (editions may read their own keys from it).
    build: dict[str, Any] = field(default_factory=dict)
    #: Web address the built ``dist/`` folder is published under (QR codes on the
    #: download page); None: no QR codes.
    public_url: str | None = None
    #: ICC output profile of the print edition (``[build] print_profile``); None: the
    #: templates' FOGRA39 profile.
    print_profile: Path | None = None
    #: Name of the print condition for the PDF/X output intent (``[build] print_condition``).
    print_condition: str | None = None
    #: Crop marks outside the bleed in the print edition (``[build] crop_marks``).
    crop_marks: bool = False

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def locale_dir(self) -> Path:
        return self.root / "locale"

    @property
    def templates_dir(self) -> Path:
        own = self.root / "templates"
        return own if own.is_dir() else defaults_dir() / "templates"

    @property
    def fonts_dir(self) -> Path:
        own = self.root / "fonts"
        return own if own.is_dir() else defaults_dir() / "fonts"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    def language(self, code: str) -> Language:
        return get_language(code)

    @property
    def target_languages(self) -> tuple[str, ...]:
        return tuple(code for code in self.languages if code != self.source_language)

    def publication_names(self) -> tuple[str, ...]:
        if self.publications:
            return self.publications
        if not self.content_dir.is_dir():
            return ()
        return tuple(
            sorted(p.name for p in self.content_dir.iterdir() if (p / "publication.toml").is_file())
        )


def defaults_dir() -> Path:
    """The default templates and fonts: packaged in the wheel, or the source checkout."""
    packaged = Path(__file__).resolve().parent / "_defaults"
    if (packaged / "templates").is_dir():
        return packaged
    return Path(__file__).resolve().parents[2]


def find_project(start: Path | None = None) -> Path:
    """Walk up from ``start`` to the folder holding the project configuration."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _TOOL_TABLE.search(pyproject.read_bytes()):
            return folder
    raise ConfigError(
        _("no leichtesprache project found in {folder} or any folder above it").format(folder=here),
        hint=_(
            "run the command inside a project, pass --project DIR, "
            "or create one with `leichtesprache init DIR`"
        ),
    )


def load_project(path: Path | None = None) -> Project:
    """Find, read and validate the project configuration; all problems are reported at once."""
    root = find_project(path) if path is None or not (path / CONFIG_NAME).is_file() else path
    if path is not None and not path.is_dir():
        raise ConfigError(
            _("the project folder {folder} does not exist").format(folder=path),
            hint=_("check the path given to --project"),
        )
    root = root.resolve()
    config_file = root / CONFIG_NAME
    if config_file.is_file():
        raw = _read_toml(config_file)
        settings = raw
    else:
        config_file = root / "pyproject.toml"
        settings = _read_toml(config_file).get("tool", {}).get("leichtesprache", {})
    problems: list[Problem] = []
    rel = config_file.name
    project_tbl = settings.get("project", {})
    known_tables = ("build", "check", "project")
    problems += _unknown_keys(
        settings, known_tables, "", config_file, N_("known tables are: {names}")
    )
    known_keys = (
        "languages",
        "name",
        "public_url",
        "publications",
        "source_language",
        "ui_language",
    )
    problems += _unknown_keys(project_tbl, known_keys, "project.", config_file)
    source = project_tbl.get("source_language", "de")
    languages = project_tbl.get("languages", [source])
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        problems.append(
            Problem(
                _("'languages' must be a list of language codes"),
                rel,
                line_of(config_file, "languages"),
                hint=_("write: {example}").format(example='languages = ["de", "en", "ar"]'),
            )
        )
        languages = [source]
    for code in languages:
        try:
            known_locale(code)
        except LanguageError as exc:
            problems.append(
                Problem(
                    exc.problems[0].message,
                    rel,
                    line_of(config_file, f'"{code}"'),
                    exc.problems[0].hint,
                )
            )
    if source in languages:
        languages = [source, *[c for c in languages if c != source]]
    else:
        languages = [source, *languages]
    if len(set(languages)) != len(languages):
        problems.append(
            Problem(
                _("a language is listed twice in 'languages'"),
                rel,
                line_of(config_file, "languages"),
            )
        )
    ui_language = project_tbl.get("ui_language")
    if ui_language is not None and ui_language not in available_languages():
        problems.append(
            Problem(
                _("'ui_language' must be one of: {languages}").format(
                    languages=", ".join(available_languages())
                ),
                rel,
                line_of(config_file, "ui_language"),
                hint=_("the tool's messages exist in these languages"),
            )
        )
        ui_language = None
    publications = project_tbl.get("publications", [])
    if not isinstance(publications, list):
        problems.append(
            Problem(
                _("'publications' must be a list of folder names in content/"),
                rel,
                line_of(config_file, "publications"),
            )
        )
        publications = []
    for pub in publications:
        if not (root / "content" / str(pub) / "publication.toml").is_file():
            problems.append(
                Problem(
                    _("publication '{name}' has no {file}").format(
                        name=pub, file=f"content/{pub}/publication.toml"
                    ),
                    rel,
                    line_of(config_file, f'"{pub}"'),
                    hint=_("create the folder or remove the name from 'publications'"),
                )
            )
    check = settings.get("check", {})
    build = settings.get("build", {})
    if not isinstance(check, dict) or not isinstance(build, dict):
        problems.append(Problem(_("'check' and 'build' must be tables"), rel))
        check, build = {}, {}
    public_url = project_tbl.get("public_url")
    if public_url is not None and (
        not isinstance(public_url, str) or not re.match(r"^https?://[^\s/]+", public_url)
    ):
        problems.append(
            Problem(
                _("'public_url' must be a web address such as {example}").format(
                    example='"https://example.org/brochures/"'
                ),
                rel,
                line_of(config_file, "public_url"),
                hint=_("the address under which the dist/ folder is published"),
            )
        )
        public_url = None
    print_profile, print_condition, crop_marks = _build_settings(build, root, config_file, problems)
    if problems:
        raise ConfigError.from_problems(
            problems,
            ngettext(
                "the project configuration has {count} problem:",
                "the project configuration has {count} problems:",
                len(problems),
            ).format(count=len(problems)),
        )
    return Project(
        root=root,
        config_file=config_file,
        languages=tuple(languages),
        source_language=source,
        publications=tuple(str(p) for p in publications),
        ui_language=ui_language,
        check=check,
        build=build,
        public_url=public_url,
        print_profile=print_profile,
        print_condition=print_condition,
        crop_marks=crop_marks,
    )


def _unknown_keys(
    table: dict[str, Any],
    known: Sequence[str],
    prefix: str,
    config_file: Path,
    hint: str = N_("known settings are: {names}"),
) -> list[Problem]:
    """A problem for each key of ``table`` that is not ``known``, at its line."""
    return [
        Problem(
            _("unknown setting '{key}'").format(key=prefix + key),
            config_file.name,
            line_of(config_file, key),
            hint=_(hint).format(names=", ".join(known)),
        )
        for key in table
        if key not in known
    ]


#: Keys of the ``[build]`` table.
BUILD_KEYS = ("print_profile", "print_condition", "crop_marks")


def _build_settings(
    build: dict[str, Any], root: Path, config_file: Path, problems: list[Problem]
) -> tuple[Path | None, str | None, bool]:
    rel = config_file.name
    problems += _unknown_keys(build, BUILD_KEYS, "build.", config_file)
    profile: Path | None = None
    raw = build.get("print_profile")
    if raw is not None:
        profile = (root / str(raw)).resolve()
        from .colors import profile_is_cmyk

        if not profile.is_file():
            problems.append(
                Problem(
                    _("the print profile {file} does not exist").format(file=raw),
                    rel,
                    line_of(config_file, "print_profile"),
                    hint=_("give the path of your print shop's .icc file, relative to the project"),
                )
            )
            profile = None
        elif not profile_is_cmyk(profile):
            problems.append(
                Problem(
                    _("the print profile {file} is not a CMYK output profile").format(file=raw),
                    rel,
                    line_of(config_file, "print_profile"),
                    hint=_(
                        "ask the print shop for its CMYK profile (for example FOGRA39 or FOGRA51)"
                    ),
                )
            )
            profile = None
    condition = build.get("print_condition")
    if condition is not None and not isinstance(condition, str):
        problems.append(
            Problem(
                _("'print_condition' must be a text"),
                rel,
                line_of(config_file, "print_condition"),
            )
        )
        condition = None
    crop_marks = build.get("crop_marks", False)
    if not isinstance(crop_marks, bool):
        problems.append(
            Problem(
                _("'crop_marks' must be true or false"),
                rel,
                line_of(config_file, "crop_marks"),
            )
        )
        crop_marks = False
    return profile, condition, crop_marks


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return load_toml(path, path.name)
    except LeichteSpracheError as exc:
        raise ConfigError(str(exc.problems[0].message), problems=exc.problems) from exc


def peek_ui_language(path: Path | None = None) -> str | None:
    """The project's ``ui_language`` if it is readable and valid, else None; never raises.

    The CLI asks before it loads the project, so that even the project's errors (and the
    help) come in the project's language.
    """
    try:
        root = find_project(path) if path is None or not (path / CONFIG_NAME).is_file() else path
        config_file = root / CONFIG_NAME
        if config_file.is_file():
            settings = load_toml(config_file, CONFIG_NAME)
        else:
            settings = load_toml(root / "pyproject.toml").get("tool", {}).get("leichtesprache", {})
        value = settings.get("project", {}).get("ui_language")
    except (LeichteSpracheError, OSError, AttributeError):
        return None
    return value if isinstance(value, str) and value in available_languages() else None
