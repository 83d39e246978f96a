"""One exception tree: every failure a user can meet, with its exit code and a fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from .i18n import _

#: The work ran and found problems (check errors, publish gate, ``update --check``).
EXIT_PROBLEMS = 1
#: Bad input, usage or configuration.
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one place; several are collected before failing."""

    message: str
    file: Path | str | None = None
    line: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += "\n    " + _("How to fix: {hint}").format(hint=self.hint)
        return text


class LeichteSpracheError(Exception):
    """Base of every error the library raises on purpose.

    Each carries the problems it found (at least one), so the CLI can print them all
    at once with ``file:line``, and an exit code.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(
        self,
        message: str,
        *,
        file: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        self.problems = problems or [Problem(message, file, line, hint)]
        super().__init__(message)

    @classmethod
    def from_problems(cls, problems: list[Problem], summary: str | None = None) -> Self:
        """Build one error from several collected problems."""
        err = cls(summary or problems[0].message, problems=problems)
        err.summary = summary
        return err

    summary: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors raised in build worker processes must arrive whole in the parent.
        return (_rebuild, (type(self), self.problems, self.summary))

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems]
        if self.summary:
            lines.insert(0, self.summary)
        return "\n".join(lines)


def _rebuild(
    cls: type[LeichteSpracheError], problems: list[Problem], summary: str | None
) -> LeichteSpracheError:
    return cls.from_problems(problems, summary)


class ConfigError(LeichteSpracheError):
    """The project configuration (``leichtesprache.toml``) is missing or invalid.

    Raised by config.
    """


class ContentError(LeichteSpracheError):
    """A content file (Markdown or TOML under ``content/``) is invalid.

    Raised by content and facts.
    """


class CatalogError(LeichteSpracheError):
    """A gettext catalogue cannot be read or would lose data. Raised by catalog."""


class LanguageError(LeichteSpracheError):
    """A language code is unknown or not configured. Raised by languages."""


class PlaceholderError(LeichteSpracheError):
    """A text uses a placeholder that is unknown, malformed or unsafe. Raised by facts."""


class RenderError(LeichteSpracheError):
    """Templates or translated text cannot be turned into HTML/PDF. Raised by render and pdf."""


class FontError(LeichteSpracheError):
    """No font in the fonts folder has the letters a language needs. Raised by fontcheck."""


class LockError(LeichteSpracheError):
    """Another leichtesprache process works on the same project. Raised by fsutil."""


class ProblemsFound(LeichteSpracheError):
    """The work ran and found problems: check errors, an incomplete language, out-of-date files."""

    exit_code = EXIT_PROBLEMS


class PreflightError(ProblemsFound):
    """A finished PDF fails the preflight (print shop or accessibility requirements).

    Raised by preflight and the build; the file is not written.
    """
