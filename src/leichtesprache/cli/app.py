"""The command group: global options, the tool's language, logging, errors to exit codes."""

from __future__ import annotations

import atexit
import gc
import logging
import os
import traceback
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from ..errors import EXIT_PROBLEMS, LeichteSpracheError
from ..i18n import N_, _, available_languages, choose_language, set_language
from .helptext import TranslatedGroup, use_our_catalogue

F = TypeVar("F", bound=Callable[..., Any])

#: The ``--ui-language`` given on this command line (None: not given).
_option_language: str | None = None


def choose_ui_language(project_dir: Path | None = None) -> str:
    """Speak the option's language, else the project's ``ui_language``, else the locale's.

    Called before the command line is parsed (project: the one around the current folder)
    and again when a command loads its project (``--project DIR``).
    """
    from ..config import peek_ui_language

    project_setting = None if _option_language else peek_ui_language(project_dir)
    language = choose_language(_option_language, project_setting, os.environ)
    set_language(language)
    return language


def _option_from_args(args: Sequence[str]) -> str | None:
    """``--ui-language`` among the group's options, read before click parses anything,
    so that even ``--help`` and usage errors come in that language."""
    for index, arg in enumerate(args):
        if arg == "--ui-language" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--ui-language="):
            return arg.partition("=")[2]
        if not arg.startswith("-"):
            return None  # the command: options after it are the command's own
    return None


#: The commands an editor uses every day, listed below the group's help.
EVERYDAY_COMMANDS = (
    ("leichtesprache update", N_("refresh the translation catalogues")),
    ("leichtesprache status", N_("how far each language is")),
    ("leichtesprache check", N_("easy-language rules and translation checks")),
    ("leichtesprache review LANG", N_("record that readers checked a language")),
    ("leichtesprache build", N_("make the PDFs in dist/")),
)


class LeichteSpracheGroup(TranslatedGroup):
    """The ``leichtesprache`` group: chooses the language before it parses the arguments."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_help_text(ctx, formatter)
        with formatter.section(_("Everyday commands")):
            formatter.write_dl([(command, _(text)) for command, text in EVERYDAY_COMMANDS])

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        global _option_language
        use_our_catalogue()
        given = _option_from_args(args)
        _option_language = given if given in available_languages() else None
        choose_ui_language()
        return super().make_context(info_name, args, parent, **extra)


def _check_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None and value not in available_languages():
        raise click.BadParameter(
            _("the tool speaks these languages: {languages}").format(
                languages=", ".join(available_languages())
            ),
            ctx=ctx,
            param=param,
        )


project_option = click.option(
    "--project",
    "project_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=N_("The project folder (default: found from the current folder upwards)."),
)


def err(text: str) -> None:
    """A line on stderr."""
    click.echo(text, err=True)


def handle_errors(func: F) -> F:
    """Turn our errors into a readable message and an exit code; no traceback unless --debug."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        debug = bool(ctx.find_root().params.get("debug"))
        try:
            return func(*args, **kwargs)
        except LeichteSpracheError as exc:
            if debug:
                traceback.print_exc()
            lines = str(exc).split("\n")
            if exc.exit_code == EXIT_PROBLEMS:
                err(_("Problem: {message}").format(message=lines[0]))
            else:
                err(_("Error: {message}").format(message=lines[0]))
            for line in lines[1:]:
                err(f"  {line}")
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            err(_("Stopped. Files that were already complete are kept; nothing half-written."))
            ctx.exit(130)
        except Exception as exc:  # a bug: say so plainly, keep the traceback behind --debug
            if debug:
                traceback.print_exc()
            err(_("Internal error: {kind}: {message}").format(kind=type(exc).__name__, message=exc))
            err(
                "  "
                + _(
                    "This is a bug in leichtesprache. Run the command again with --debug "
                    "and send the output to the maintainers."
                )
            )
            ctx.exit(3)

    return wrapper  # type: ignore[return-value]


def load(project_dir: Path | None) -> Any:
    """Load the project, in its language unless ``--ui-language`` said otherwise."""
    from ..config import load_project

    choose_ui_language(project_dir)
    return load_project(project_dir)


#: Log levels as the editor reads them.
LEVEL_NAMES = {
    logging.DEBUG: N_("debug"),
    logging.INFO: N_("info"),
    logging.WARNING: N_("warning"),
    logging.ERROR: N_("error"),
    logging.CRITICAL: N_("error"),
}


def _setup_logging(verbosity: int) -> None:
    """Show the library's log on stderr: warnings by default, steps with -v, all with --debug."""
    logger = logging.getLogger("leichtesprache")
    logger.handlers.clear()
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    logger.setLevel(level)
    handler = _ConsoleHandler()
    handler.setLevel(level)
    logger.addHandler(handler)
    logger.propagate = False


class _ConsoleHandler(logging.Handler):
    """rich's log handler, made on the first record shown: most commands show none, and
    importing rich costs 20-30 ms at every start (a third of ``check``'s start-up imports)."""

    def __init__(self) -> None:
        super().__init__()
        self._rich: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._rich is None:
            self._rich = _rich_handler()
        self._rich.handle(record)


def _rich_handler() -> logging.Handler:
    from rich.console import Console
    from rich.logging import RichHandler
    from rich.text import Text

    class Handler(RichHandler):
        def get_level_text(self, record: logging.LogRecord) -> Text:
            name = _(LEVEL_NAMES.get(record.levelno, N_("info")))
            return Text.styled(name.ljust(8), f"logging.level.{record.levelname.lower()}")

    return Handler(
        console=Console(stderr=True, soft_wrap=True),
        show_time=False,
        show_path=False,
        markup=False,
        rich_tracebacks=False,
    )


@click.group(
    cls=LeichteSpracheGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=N_("Easy-language brochures in many languages, from one German source."),
)
@click.version_option(package_name="leichtesprache")
@click.option("--quiet", "-q", is_flag=True, help=N_("Show only errors."))
@click.option("--verbose", "-v", is_flag=True, help=N_("Show each step."))
@click.option(
    "--debug", is_flag=True, help=N_("Show everything, and the full traceback of an error.")
)
@click.option(
    "--ui-language",
    metavar="CODE",
    expose_value=False,
    is_eager=True,
    callback=_check_language,
    help=N_(
        "The language of the tool's messages, e.g. de or en (default: ui_language in "
        "leichtesprache.toml, else the language of the computer)."
    ),
)
def cli(quiet: bool, verbose: bool, debug: bool) -> None:
    _setup_logging(2 if debug else 1 if verbose else -1 if quiet else 0)


def quiet() -> bool:
    return bool(click.get_current_context().find_root().params.get("quiet"))


def verbose() -> bool:
    params = click.get_current_context().find_root().params
    return bool(params.get("verbose") or params.get("debug"))


def shown(path: Path, root: Path) -> str:
    from ..fsutil import relative_path

    return relative_path(path, root)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    # What is alive when the process ends is freed anyway: the collections of Python's
    # shutdown need not walk it (30 ms after a check of five languages; 10 ms frozen).
    atexit.register(gc.freeze)
    cli.main(args=list(argv) if argv is not None else None, prog_name="leichtesprache")
