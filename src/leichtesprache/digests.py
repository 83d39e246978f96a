"""What each output was made from: a digest of its inputs, kept in a record beside the file.

An output whose record holds the digest of today's inputs is not made again and its file
is not touched. The digest is taken from the bytes of the inputs (no catalogue is parsed),
so finding out that nothing changed costs next to nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .catalog import UI_DOMAIN, catalog_path
from .config import Project
from .fsutil import atomic_write_bytes

log = logging.getLogger("leichtesprache.build")

#: Folder in ``dist/<pub>/`` that holds one record per output.
RECORDS = ".build"
#: Libraries whose version changes what the outputs look like.
_TOOLS = ("leichtesprache", "weasyprint", "pydyf", "pikepdf", "babel", "markdown-it-py", "jinja2")


@dataclass(frozen=True)
class Record:
    """What the build knows about one output file."""

    digest: str
    edition: str
    language: str | None
    pages: int | None
    draft: bool
    #: The title of the language version, as plain text (for the download page).
    title: str | None = None
    #: The publication's version date ("as of"), ISO format.
    date: str | None = None

    def to_json(self) -> bytes:
        data = {
            "digest": self.digest,
            "edition": self.edition,
            "language": self.language,
            "pages": self.pages,
            "draft": self.draft,
            "title": self.title,
            "date": self.date,
        }
        return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")


@lru_cache(maxsize=1)
def tool_versions() -> str:
    found = _installed_versions()
    parts = []
    for name in _TOOLS:
        version = found.get(_normal_name(name))
        if version is None:  # an egg-info install or an unusual layout: ask the metadata
            from importlib import metadata

            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:  # pragma: no cover - all are dependencies
                version = "?"
        parts.append(f"{name}={version}")
    return ";".join(parts)


def _installed_versions() -> dict[str, str]:
    """Name -> version of the packages installed on ``sys.path``, from the names of their
    ``<name>-<version>.dist-info`` folders, the first on the path winning as for imports.
    ``importlib.metadata`` gives the same but reads every METADATA file (13 ms per process,
    which every check worker paid)."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            if folder.endswith(".dist-info"):
                name, _, version = folder[: -len(".dist-info")].partition("-")
                if version:
                    found.setdefault(_normal_name(name), version)
    return found


def _normal_name(name: str) -> str:
    """The normalised name of a distribution (PEP 503): "markdown-it-py" = "markdown_it_py"."""
    return re.sub(r"[-_.]+", "-", name).lower()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The tool's own files as installed (code and data, not the byte-compiled caches): a
    changed template helper or rule makes new outputs even before the version number
    changes, as when the tool is worked on in an editable install."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        rel = path.relative_to(package).as_posix()
        h.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def tree_digest(folder: Path, skip: Iterable[str] = ()) -> str:
    """The digest of every file below ``folder`` (names and bytes), in a fixed order."""
    h = hashlib.sha256()
    skipped = set(skip)
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder).as_posix()
            if rel.split("/", 1)[0] in skipped or "/." in f"/{rel}" or rel.startswith("."):
                continue
            h.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def file_digest(path: Path | None) -> str:
    if path is None or not path.is_file():
        return "-"
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Inputs:
    """The digests of one build's inputs, each folder read once."""

    def __init__(self, project: Project, day: date, allow_partial: bool) -> None:
        self.project = project
        self.day = day
        self.allow_partial = allow_partial
        self._folders: dict[Path, str] = {}
        self._design = ""

    def _folder(self, folder: Path) -> str:
        if folder not in self._folders:
            self._folders[folder] = tree_digest(folder)
        return self._folders[folder]

    def design(self) -> str:
        """Templates, fonts, print profile and the project's settings: shared by all."""
        if not self._design:
            project = self.project
            settings = {
                **project_settings(project),
                "print_profile": file_digest(project.print_profile),
                "allow_partial": self.allow_partial,
            }
            self._design = digest_of(
                tool_versions(),
                code_digest(),
                self._folder(project.templates_dir),
                self._folder(project.fonts_dir),
                json.dumps(settings, sort_keys=True, default=str),
            )
        return self._design

    def language(self, publication: str, code: str, facts: dict[str, str]) -> str:
        """Everything one language version is made from (``facts``: the values shown)."""
        project = self.project
        return digest_of(
            self.design(),
            publication,
            code,
            self._folder(project.content_dir / publication),
            *(file_digest(c) for c in language_catalogs(project, publication, code)),
            json.dumps(facts, sort_keys=True),
        )


def project_settings(project: Project) -> dict[str, Any]:
    """The settings of ``leichtesprache.toml`` that change what is made or found."""
    return {
        "languages": project.languages,
        "source": project.source_language,
        "check": project.check,
        "build": project.build,
        "public_url": project.public_url,
    }


def language_catalogs(project: Project, publication: str, code: str) -> list[Path]:
    """The catalogue files a language version is read from: its ui catalogue, the source
    language's (a draft shows missing labels from it) and, for a translation, its own."""
    locale, source = project.locale_dir, project.source_language
    catalogs = [catalog_path(locale, code, UI_DOMAIN), catalog_path(locale, source, UI_DOMAIN)]
    if code != source:
        catalogs.append(catalog_path(locale, code, publication))
    return catalogs


def output_digest(language_digest: str, edition: str) -> str:
    return digest_of(language_digest, edition)


def digest_of(*parts: str) -> str:
    """One digest of several parts, each ended by a NUL (no two lists of parts meet)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def record_path(output: Path) -> Path:
    return output.parent / RECORDS / f"{output.name}.json"


def read_record(output: Path) -> Record | None:
    """The record of an output, or None when there is none (or the file is gone)."""
    path = record_path(output)
    if not output.is_file() or not path.is_file():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return Record(
            str(data["digest"]),
            str(data["edition"]),
            data.get("language"),
            data.get("pages"),
            bool(data.get("draft", False)),
            data.get("title"),
            data.get("date"),
        )
    except (OSError, ValueError, KeyError):
        log.debug("unreadable build record %s: making the output again", path)
        return None


def is_fresh(output: Path, digest: str) -> bool:
    record = read_record(output)
    return record is not None and record.digest == digest


def write_record(output: Path, record: Record) -> None:
    path = record_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, record.to_json())
