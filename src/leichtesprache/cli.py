"""The command line: parse options, call one library function, map errors to exit codes."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import EXIT_PROBLEMS, LeichteSpracheError, ProblemsFound

F = TypeVar("F", bound=Callable[..., Any])

project_option = click.option(
    "--project",
    "project_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="The project folder (default: found from the current folder upwards).",
)


def _err(text: str) -> None:
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
            prefix = "Problem" if exc.exit_code == EXIT_PROBLEMS else "Error"
            lines = str(exc).split("\n")
            _err(f"{prefix}: {lines[0]}")
            for line in lines[1:]:
                _err(f"  {line}")
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            _err("Stopped. Files that were already complete are kept; nothing half-written.")
            ctx.exit(130)
        except Exception as exc:  # a bug: say so plainly, keep the traceback behind --debug
            if debug:
                traceback.print_exc()
            _err(f"Internal error: {type(exc).__name__}: {exc}")
            _err(
                "  This is a bug in leichtesprache. Run the command again with --debug "
                "and send the output to the maintainers."
            )
            ctx.exit(3)

    return wrapper  # type: ignore[return-value]


def _load(project_dir: Path | None) -> Any:
    from .config import load_project

    return load_project(project_dir)


def _setup_logging(verbosity: int) -> None:
    """Show the library's log on stderr: warnings by default, steps with -v, all with --debug."""
    logger = logging.getLogger("leichtesprache")
    logger.handlers.clear()
    level = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    logger.setLevel(level)
    from rich.console import Console
    from rich.logging import RichHandler

    handler = RichHandler(
        console=Console(stderr=True, soft_wrap=True),
        show_time=False,
        show_path=False,
        markup=False,
        rich_tracebacks=False,
    )
    handler.setLevel(level)
    logger.addHandler(handler)
    logger.propagate = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="leichtesprache")
@click.option("--quiet", "-q", is_flag=True, help="Show only errors.")
@click.option("--verbose", "-v", is_flag=True, help="Show each step.")
@click.option("--debug", is_flag=True, help="Show everything, and the full traceback of an error.")
def cli(quiet: bool, verbose: bool, debug: bool) -> None:
    """Easy-language brochures in many languages, from one German source.

    \b
    Everyday commands:
      leichtesprache update         refresh the translation catalogues
      leichtesprache status         how far each language is
      leichtesprache check          easy-language rules and translation checks
      leichtesprache review LANG    record that readers checked a language
      leichtesprache build          make the PDFs in dist/
    """
    _setup_logging(2 if debug else 1 if verbose else -1 if quiet else 0)


def _quiet() -> bool:
    return bool(click.get_current_context().find_root().params.get("quiet"))


def _verbose() -> bool:
    params = click.get_current_context().find_root().params
    return bool(params.get("verbose") or params.get("debug"))


@cli.command()
@project_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder (default: dist/ in the project).",
)
@click.option("--publication", help="Build only this publication.")
@click.option("--lang", "languages", multiple=True, help="Build only this language (repeatable).")
@click.option(
    "--edition",
    "editions",
    multiple=True,
    help="Build only this edition (repeatable), e.g. screen.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Use the facts valid on this day (default: today).",
)
@click.option(
    "--allow-partial",
    is_flag=True,
    help="Build incomplete languages as drafts (marked on every page).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Language versions made in parallel (default: the number of processor cores).",
)
@click.option("--force", is_flag=True, help="Make every file again, even if nothing changed.")
@click.option(
    "--shard",
    metavar="K/N",
    help="Make only the K-th of N shares of the files (for a CI matrix); merge the dist/ "
    "folders, then run `build --index-only`.",
)
@click.option(
    "--index-only",
    is_flag=True,
    help="Only write the download page, from the files already in dist/.",
)
@handle_errors
def build(
    project_dir: Path | None,
    out: Path | None,
    publication: str | None,
    languages: Sequence[str],
    editions: Sequence[str],
    as_of: Any,
    allow_partial: bool,
    jobs: int | None,
    force: bool,
    shard: str | None,
    index_only: bool,
) -> None:
    """Build every edition of every language into dist/<publication>/.

    Files whose inputs did not change are kept as they are (use --force to make them
    again).
    """
    from .pipeline import Shard
    from .pipeline import build as run_build
    from .progress import BuildProgress

    project = _load(project_dir)
    with BuildProgress(enabled=not _quiet()) as progress:
        results = run_build(
            project,
            publication=publication,
            languages=languages,
            editions=editions,
            out=out,
            as_of=as_of.date() if as_of else None,
            allow_partial=allow_partial,
            jobs=jobs,
            force=force,
            shard=Shard.parse(shard) if shard else None,
            index_only=index_only,
            observer=progress,
        )
    unchanged = [r for r in results if not r.written]
    for r in results:
        if not r.written and not _verbose():
            continue
        shown = _shown(r.path, project.root)
        draft = "  (DRAFT: incomplete)" if r.draft else ""
        pages = f"{r.pages:>3} pages" if r.pages is not None else " " * 9
        state = "" if r.written else "  (unchanged)"
        click.echo(f"{r.language or '':>5}  {pages}  {shown}{draft}{state}")
    if unchanged and not _verbose():
        click.echo(f"{len(unchanged)} file(s) up to date.")


def _shown(path: Path, root: Path) -> str:
    from .fsutil import relative_path

    return relative_path(path, root)


@cli.command()
@project_option
@click.option("--lang", "languages", multiple=True, help="Check only this language (repeatable).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of the screen.",
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@handle_errors
def check(
    project_dir: Path | None,
    languages: Sequence[str],
    fmt: str,
    output: Path | None,
    files: Sequence[Path],
) -> None:
    """Check easy-language rules: the project's catalogues, or the FILES given.

    FILES are plain-text or Markdown files in the language given with --lang.
    """
    from .check import check_files, check_project
    from .errors import ConfigError
    from .readability.report import format_html, format_json, format_text

    if files:
        project = None
        try:
            project = _load(project_dir)
        except ConfigError:
            if project_dir is not None:
                raise
        results = check_files(project, files, languages)
    else:
        project = _load(project_dir)
        results = check_project(project, languages)
    ui_language = project.ui_language if project else "en"
    if fmt == "json":
        report = format_json(results)
    elif fmt == "html":
        report = format_html(results, ui_language=ui_language)
    else:
        report = format_text(results, ui_language=ui_language)
    if output is not None:
        from .fsutil import atomic_write_text

        atomic_write_text(output, report)
        _err(f"Report written to {output}")
    else:
        click.echo(report, nl=False)
    if not all(r.passed for r in results):
        raise ProblemsFound("the check found errors", hint="fix the texts named above")


@cli.command()
@project_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Exit 1 when a language is not ready to publish (for CI).",
)
@handle_errors
def status(project_dir: Path | None, fmt: str, check_only: bool) -> None:
    """Show how far each language is, and whether it may be published and why not."""
    import json

    from .status import print_status, project_status

    project = _load(project_dir)
    state = project_status(project)
    if fmt == "json":
        click.echo(json.dumps(state.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_status(state)
    if check_only:
        state.require_publishable()


@cli.command()
@project_option
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Change nothing; exit 1 if catalogues are out of date (for CI).",
)
@handle_errors
def update(project_dir: Path | None, check_only: bool) -> None:
    """Extract the German texts and merge them into every language's catalogue."""
    from .update import update as run_update

    project = _load(project_dir)
    changes = run_update(project, check=check_only)
    pending = [c for c in changes if c.action != "unchanged"]
    for change in pending:
        verb = {"created": "would create", "updated": "would update"} if check_only else {}
        action = verb.get(change.action, change.action)
        click.echo(f"{action:>12}  {_shown(change.path, project.root)}")
        for detail in change.details:
            click.echo(f"{'':>14}{detail}")
    if not pending:
        click.echo("All catalogues are up to date.")
    elif check_only:
        raise ProblemsFound(
            "catalogues are out of date",
            hint="run `leichtesprache update` to bring them up to date",
        )


@cli.command("add-language")
@click.argument("code")
@project_option
@handle_errors
def add_language(code: str, project_dir: Path | None) -> None:
    """Add a language (an ISO code such as uk, tr or fa) with empty catalogues."""
    from .add_language import add_language as run_add
    from .languages import get_language

    project = _load(project_dir)
    language = get_language(code)
    changes = run_add(project, code)
    for change in changes:
        details = f"  ({', '.join(change.details)})" if change.details else ""
        click.echo(f"{change.action:>8}  {_shown(change.path, project.root)}{details}")
    direction = "right to left" if language.rtl else "left to right"
    click.echo(
        f"Added {language.english_name} ({language.autonym}), written {direction}, "
        f"{language.nplurals} plural form(s)."
    )
    from .fontcheck import language_fonts_problem

    problem = language_fonts_problem(language, project)
    if problem is not None:
        _err(f"Note: {problem}")


@cli.command()
@click.argument("lang")
@click.option("--by", "by", required=True, help="Who checked the text: readers or reading group.")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day the readers checked the text (default: today).",
)
@click.option("--note", default="", help="A note, e.g. what the readers changed.")
@click.option("--publication", help="Only this publication (default: all).")
@project_option
@handle_errors
def review(
    lang: str,
    by: str,
    day: Any,
    note: str,
    publication: str | None,
    project_dir: Path | None,
) -> None:
    """Record that readers from the target group checked the current text of LANG.

    Leichte Sprache counts as Leichte Sprache only after readers from the target group
    have checked it. The record goes to content/<publication>/reviews.toml; when the text
    of LANG changes later, its review is needed again (see `leichtesprache status`).
    """
    from .review import record_review

    project = _load(project_dir)
    paths = record_review(
        project,
        lang,
        by=by,
        day=day.date() if day else None,
        note=note,
        publication=publication,
    )
    for path in paths:
        click.echo(f"recorded  {_shown(path, project.root)}")
    click.echo(f"The brochure in '{lang}' now names the review in its imprint.")


@cli.command()
@project_option
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@handle_errors
def preflight(project_dir: Path | None, files: Sequence[Path]) -> None:
    """Check finished PDFs for the print shop and for screen readers.

    FILES are PDFs (default: every PDF in the project's dist/ folder). Screen, print and
    booklet editions are told apart by their names (-print.pdf, -booklet.pdf).
    """
    from .preflight import preflight_project

    project = None
    if not files or project_dir is not None:
        project = _load(project_dir)
    else:
        from .errors import ConfigError

        try:
            project = _load(None)
        except ConfigError:
            project = None
    results = preflight_project(project, list(files))
    failed = 0
    for path, kind, problems in results:
        shown = _shown(path, project.root) if project else str(path)
        if problems:
            failed += 1
            click.echo(f"  fails  {shown} ({kind})")
            for problem in problems:
                click.echo(f"         {problem}")
        else:
            click.echo(f"     ok  {shown} ({kind})")
    if failed:
        raise ProblemsFound(
            f"{failed} of {len(results)} file(s) fail the preflight",
            hint="rebuild them with `leichtesprache build --force`, or fix what is named above",
        )


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@handle_errors
def init(directory: Path) -> None:
    """Create a new project with an example publication in DIRECTORY."""
    from .starter import create_project

    directory = directory.resolve()
    created = create_project(directory)
    for path in created:
        click.echo(f"created  {_shown(path, directory)}")
    click.echo(f"Next: cd {directory} && leichtesprache build")


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="leichtesprache")
