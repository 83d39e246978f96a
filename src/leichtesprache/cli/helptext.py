"""Command help in the chosen language: help texts are msgids, translated when shown.

click stores help strings when the commands are defined, at import, before anyone knows
the editor's language. So each help text is a msgid (marked with ``N_``) and these
command and option classes translate it at the moment click formats the help page. The
words click itself prints ("Usage:", "Options", "Show this message and exit.", usage
errors) go through click's own gettext calls; ``use_our_catalogue`` points those at
the tool's catalogue, which holds them too (listed below, so ``pybabel extract`` finds
them). Nothing is compiled: click gets the same run-time lookup as every other message.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ..i18n import N_, Nn_, _, ngettext

#: The help of ``--help``: click makes this option once per command and keeps it.
HELP_OPTION_HELP = N_("Show this message and exit.")


@contextmanager
def _translated_help(*items: Any) -> Iterator[None]:
    """Each item's ``help`` in the chosen language while click formats it."""
    originals = [item.help for item in items]
    for item, original in zip(items, originals, strict=True):
        if original:
            item.help = _(original)
    try:
        yield
    finally:
        for item, original in zip(items, originals, strict=True):
            item.help = original


class _TranslatedHelp(click.Command):
    """Command help and option help are msgids, translated when click formats them."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _translated_help(self):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated_help(self):
            return super().get_short_help_str(limit)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        options = [p for p in self.get_params(ctx) if isinstance(p, click.Option)]
        with _translated_help(*options):
            super().format_options(ctx, formatter)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        created = getattr(self, "_help_option", None) is None
        help_option = super().get_help_option(ctx)
        if created and help_option is not None:
            help_option.help = HELP_OPTION_HELP  # the msgid, not the text of the first run
        return help_option


class TranslatedCommand(_TranslatedHelp):
    """A command whose help texts are msgids."""


class TranslatedGroup(_TranslatedHelp, click.Group):
    """The command group; its commands are ``TranslatedCommand``."""

    command_class = TranslatedCommand


#: click's modules that call gettext for the words they print.
_CLICK_MODULES = (
    "core",
    "decorators",
    "exceptions",
    "formatting",
    "parser",
    "termui",
    "types",
    "utils",
)


def use_our_catalogue() -> None:
    """Let click's own words ("Usage:", "Options", usage errors) come from our catalogue.

    click calls ``gettext.gettext`` and ``gettext.ngettext``, which read compiled ``.mo``
    files; the tool reads its ``.po`` at run time, so click gets our lookup instead.
    """
    import importlib

    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = ngettext  # type: ignore[attr-defined]


#: click's words on help pages and in usage errors, exactly as click writes them, so the
#: catalogue translates them (the msgids of click 8).
CLICK_MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing parameter: {param_name}"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("default: {default}"),
    N_("required"),
    N_("Aborted!"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("Option {name!r} does not take a value."),
)
CLICK_PLURAL_MESSAGES = (
    Nn_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    Nn_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    Nn_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    Nn_(
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ),
    Nn_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
)
