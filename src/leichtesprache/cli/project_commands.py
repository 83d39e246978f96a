"""The commands that change the project or check results: add-language, review, preflight,
init."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import ProblemsFound
from ..i18n import N_, _, language_name, ngettext
from .app import cli, err, handle_errors, load, project_option, shown

#: What happened to a file, in the lists of ``add-language``, ``review`` and ``init``.
FILE_ACTIONS = {
    "created": N_("created"),
    "updated": N_("updated"),
    "recorded": N_("recorded"),
    "fails": N_("fails"),
    "ok": N_("ok"),
}


def _action(name: str) -> str:
    return _(FILE_ACTIONS.get(name, name))


@cli.command(
    "add-language",
    help=N_("Add a language (an ISO code such as uk, tr or fa) with empty catalogues."),
)
@click.argument("code")
@project_option
@handle_errors
def add_language(code: str, project_dir: Path | None) -> None:
    from ..add_language import add_language as run_add
    from ..languages import get_language

    project = load(project_dir)
    language = get_language(code)
    changes = run_add(project, code)
    for change in changes:
        details = f"  ({', '.join(change.details)})" if change.details else ""
        click.echo(f"{_action(change.action):>8}  {shown(change.path, project.root)}{details}")
    if language.rtl:
        added = ngettext(
            "Added {language} ({autonym}), written right to left, with {count} plural form.",
            "Added {language} ({autonym}), written right to left, with {count} plural forms.",
            language.nplurals,
        )
    else:
        added = ngettext(
            "Added {language} ({autonym}), written left to right, with {count} plural form.",
            "Added {language} ({autonym}), written left to right, with {count} plural forms.",
            language.nplurals,
        )
    click.echo(
        added.format(
            language=language_name(code), autonym=language.autonym, count=language.nplurals
        )
    )
    from ..fontcheck import language_fonts_problem

    problem = language_fonts_problem(language, project)
    if problem is not None:
        err(_("Note: {message}").format(message=problem))


@cli.command(
    help=N_(
        "Record that readers from the target group checked the current text of LANG.\n\n"
        "Leichte Sprache counts as Leichte Sprache only after readers from the target group "
        "have checked it. The record goes to content/<publication>/reviews.toml; when the "
        "text of LANG changes later, its review is needed again (see `leichtesprache status`)."
    )
)
@click.argument("lang")
@click.option(
    "--by", "by", required=True, help=N_("Who checked the text: readers or reading group.")
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help=N_("The day the readers checked the text (default: today)."),
)
@click.option("--note", default="", help=N_("A note, e.g. what the readers changed."))
@click.option("--publication", help=N_("Only this publication (default: all)."))
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
    from ..review import record_review

    project = load(project_dir)
    paths = record_review(
        project,
        lang,
        by=by,
        day=day.date() if day else None,
        note=note,
        publication=publication,
    )
    for path in paths:
        click.echo(f"{_action('recorded'):>8}  {shown(path, project.root)}")
    click.echo(_("The brochure in '{code}' now names the review in its imprint.").format(code=lang))


@cli.command(
    help=N_(
        "Check finished PDFs for the print shop and for screen readers.\n\n"
        "FILES are PDFs (default: every PDF in the project's dist/ folder). Screen, print and "
        "booklet editions are told apart by their names (-print.pdf, -booklet.pdf)."
    )
)
@project_option
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@handle_errors
def preflight(project_dir: Path | None, files: Sequence[Path]) -> None:
    from ..preflight import preflight_project

    project = None
    if not files or project_dir is not None:
        project = load(project_dir)
    else:
        from ..errors import ConfigError

        try:
            project = load(None)
        except ConfigError:
            project = None
    results = preflight_project(project, list(files))
    failed = 0
    for path, kind, problems in results:
        name = shown(path, project.root) if project else str(path)
        if problems:
            failed += 1
            click.echo(f"{_action('fails'):>7}  {name} ({kind})")
            for problem in problems:
                click.echo(f"         {problem}")
        else:
            click.echo(f"{_action('ok'):>7}  {name} ({kind})")
    if failed:
        raise ProblemsFound(
            ngettext(
                "{failed} file of {count} fails the preflight",
                "{failed} files of {count} fail the preflight",
                failed,
            ).format(failed=failed, count=len(results)),
            hint=ngettext(
                "rebuild it with `leichtesprache build --force`, or fix what is named above",
                "rebuild them with `leichtesprache build --force`, or fix what is named above",
                failed,
            ),
        )


@cli.command(help=N_("Create a new project with an example publication in DIRECTORY."))
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@handle_errors
def init(directory: Path) -> None:
    from ..starter import create_project

    directory = directory.resolve()
    created = create_project(directory)
    for path in created:
        click.echo(f"{_action('created'):>8}  {shown(path, directory)}")
    click.echo(_("Next: {command}").format(command=f"cd {directory} && leichtesprache build"))
