"""A progress bar for builds on a terminal (rich); silent when output goes to a file or pipe."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any

from .i18n import _

if TYPE_CHECKING:
    from .pipeline import BuildResult


class BuildProgress:
    """Observer of a build: one bar over every file to write, shown only on a terminal."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> BuildProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def planned(self, files: int) -> None:
        if self._progress is not None:
            self._task = self._progress.add_task(_("Building"), total=files)

    def written(self, result: BuildResult) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(
                self._task,
                advance=1,
                description=_("Building: {file}").format(file=result.path.name),
            )
