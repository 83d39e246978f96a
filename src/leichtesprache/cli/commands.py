"""The everyday commands: build, check, status, update."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import ProblemsFound
from ..i18n import N_, _, ngettext
from .app import cli, err, handle_errors, load, project_option, quiet, shown, verbose


@cli.command(
    help=N_(
        "Build every edition of every language into dist/<publication>/.\n\n"
        "Files whose inputs did not change are kept as they are (use --force to make them "
        "again)."
    )
)
@project_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help=N_("Output folder (default: dist/ in the project)."),
)
@click.option("--publication", help=N_("Build only this publication."))
@click.option(
    "--lang", "languages", multiple=True, help=N_("Build only this language (repeatable).")
)
@click.option(
    "--edition",
    "editions",
    multiple=True,
    help=N_("Build only this edition (repeatable), e.g. screen."),
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help=N_("Use the facts valid on this day (default: today)."),
)
@click.option(
    "--allow-partial",
    is_flag=True,
    help=N_("Build incomplete languages as drafts (marked on every page)."),
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help=N_("Files made at the same time (default: the number of processor cores)."),
)
@click.option("--force", is_flag=True, help=N_("Make every file again, even if nothing changed."))
@click.option(
    "--shard",
    metavar="K/N",
    help=N_(
        "Make only the K-th of N shares of the files (for a CI matrix); merge the dist/ "
        "folders, then run `build --index-only`."
    ),
)
@click.option(
    "--index-only",
    is_flag=True,
    help=N_("Only write the download page, from the files already in dist/."),
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
    from ..pipeline import Shard
    from ..pipeline import build as run_build
    from ..progress import BuildProgress

    project = load(project_dir)
    with BuildProgress(enabled=not quiet()) as progress:
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
        if not r.written and not verbose():
            continue
        path = shown(r.path, project.root)
        draft = "  " + _("(DRAFT: incomplete)") if r.draft else ""
        pages = ""
        if r.pages is not None:
            pages = ngettext("{count} page", "{count} pages", r.pages).format(count=r.pages)
        state = "" if r.written else "  " + _("(unchanged)")
        click.echo(f"{r.language or '':>5}  {pages:>9}  {path}{draft}{state}")
    if unchanged and not verbose():
        click.echo(
            ngettext(
                "{count} file is up to date.", "{count} files are up to date.", len(unchanged)
            ).format(count=len(unchanged))
        )


@cli.command(
    help=N_(
        "Check easy-language rules: the project's catalogues, or the FILES given.\n\n"
        "FILES are plain-text or Markdown files in the language given with --lang."
    )
)
@project_option
@click.option(
    "--lang", "languages", multiple=True, help=N_("Check only this language (repeatable).")
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help=N_("How to show the findings: text, json (for programs) or html (one page)."),
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help=N_("Write the report to this file instead of the screen."),
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
    from ..check import check_files, check_project
    from ..errors import ConfigError
    from ..readability.report import format_html, format_json, format_text

    if files:
        project = None
        try:
            project = load(project_dir)
        except ConfigError:
            if project_dir is not None:
                raise
        results = check_files(project, files, languages)
    else:
        project = load(project_dir)
        results = check_project(project, languages)
    if fmt == "json":
        report = format_json(results)
    elif fmt == "html":
        report = format_html(results)
    else:
        report = format_text(results, only_errors=quiet())
    if output is not None:
        from ..fsutil import atomic_write_text

        atomic_write_text(output, report)
        err(_("Report written to {file}").format(file=output))
    else:
        click.echo(report, nl=False)
    if not all(r.passed for r in results):
        raise ProblemsFound(_("the check found errors"), hint=_("fix the texts named above"))


@cli.command(help=N_("Show how far each language is, and whether it may be published and why not."))
@project_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("How to show the state: a table (text) or json (for programs)."),
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help=N_("Exit 1 when a language is not ready to publish (for CI)."),
)
@handle_errors
def status(project_dir: Path | None, fmt: str, check_only: bool) -> None:
    import json

    from ..status import print_status, project_status

    project = load(project_dir)
    state = project_status(project)
    if fmt == "json":
        click.echo(json.dumps(state.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_status(state)
    if check_only:
        state.require_publishable()


#: What ``update`` did or would do to a file.
UPDATE_ACTIONS = {
    ("created", False): N_("created"),
    ("updated", False): N_("updated"),
    ("created", True): N_("would create"),
    ("updated", True): N_("would update"),
}


@cli.command(help=N_("Extract the German texts and merge them into every language's catalogue."))
@project_option
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help=N_("Change nothing; exit 1 if catalogues are out of date (for CI)."),
)
@handle_errors
def update(project_dir: Path | None, check_only: bool) -> None:
    from ..update import update as run_update

    project = load(project_dir)
    changes = run_update(project, check=check_only)
    pending = [c for c in changes if c.action != "unchanged"]
    for change in pending:
        action = _(UPDATE_ACTIONS[(change.action, check_only)])
        click.echo(f"{action:>12}  {shown(change.path, project.root)}")
        for detail in change.details:
            click.echo(f"{'':>14}{detail}")
    if not pending:
        click.echo(_("All catalogues are up to date."))
    elif check_only:
        raise ProblemsFound(
            _("catalogues are out of date"),
            hint=_("run `leichtesprache update` to bring them up to date"),
        )
