"""Placeholders in texts: ``{name}`` of a fact, filled by our own formatter, never evaluated."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .errors import PlaceholderError, Problem
from .i18n import _

#: What a placeholder can show of a fact besides its current value (``{name:variant}``):
#: ``from`` the day the current value started, ``next`` the next known value and
#: ``next_from`` the day it starts. A line that shows ``next`` or ``next_from`` is left out
#: while no next value is known, so "Ab …: 633 Euro." never prints an empty amount.
VARIANTS = ("from", "next", "next_from")
_NEXT_VARIANTS = frozenset({"next", "next_from"})
#: A placeholder is ``{name}`` or ``{name:variant}``: lower-case letters, digits and ``_``,
#: and a variant from ``VARIANTS``; nothing else is evaluated.
PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)(?::(" + "|".join(VARIANTS) + r"))?\}")
_BRACES_RE = re.compile(r"\{\{[^{}]*\}\}|\{\{|\}\}|\{[^{}]*\}|[{}]")
_PERCENT_FORMAT_RE = re.compile(r"%\([^)\n]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[sdrifx](?![\w])")


def find_placeholders(text: str) -> tuple[list[str], list[str]]:
    """Return (placeholder names, problems) of a text; nothing is evaluated.

    >>> find_placeholders("Sie bekommen {minimum_wage} pro Stunde.")
    (['minimum_wage'], [])
    >>> find_placeholders("Ab {minimum_wage:next_from}: {minimum_wage:next}.")[0]
    ['minimum_wage:next_from', 'minimum_wage:next']
    >>> find_placeholders("{0.__class__} {x[0]}")[1][0]
    "'{0.__class__}' is not a placeholder: use only {name} with a-z, 0-9 and _"
    >>> find_placeholders("{{minimum_wage}}")
    ([], ["'{{minimum_wage}}' (template syntax) is not allowed in a text"])
    """
    names: list[str] = []
    problems: list[str] = []
    for match in _BRACES_RE.finditer(text):
        bad = match.group(0)
        placeholder = PLACEHOLDER_RE.fullmatch(bad)
        if placeholder is not None:
            names.append(placeholder_key(placeholder))
        elif bad.startswith(("{{", "}}")):
            problems.append(
                _("'{text}' (template syntax) is not allowed in a text").format(text=bad)
            )
        elif bad in ("{", "}"):
            problems.append(
                _("a lone '{brace}' is not allowed: placeholders look like {example}").format(
                    brace=bad, example="{name}"
                )
            )
        else:
            problems.append(
                _("'{text}' is not a placeholder: use only {example} with a-z, 0-9 and _").format(
                    text=bad, example="{name}"
                )
            )
    for bad in _PERCENT_FORMAT_RE.findall(text):
        problems.append(
            _("'{text}' looks like a program format code; write the text itself").format(text=bad)
        )
    return names, problems


def placeholder_key(match: re.Match[str]) -> str:
    """``name`` or ``name:variant`` of a ``PLACEHOLDER_RE`` match."""
    name, variant = match.group(1), match.group(2)
    return f"{name}:{variant}" if variant else name


def fill_placeholders(
    text: str,
    values: Mapping[str, str],
    *,
    where: Problem | None = None,
    hint: str | None = None,
) -> str:
    r"""Replace each ``{name}`` by its formatted value; unknown or unsafe placeholders raise.

    The error is one problem per text, with ``hint`` (or a short default) as the way to
    fix it: the known facts are not listed, they are in the publication's facts.toml.
    A line that shows a next value (``{name:next}``, ``{name:next_from}``) is left out
    while ``values`` knows no next value of that fact.

    >>> fill_placeholders("Höchstens {limit} im Monat.", {"limit": "603 Euro"})
    'Höchstens 603 Euro im Monat.'
    >>> values = {"limit": "603 Euro", "limit:from": "1. Januar 2026"}
    >>> fill_placeholders("Ab {limit:from}: {limit}.\nAb {limit:next_from}: {limit:next}.", values)
    'Ab 1. Januar 2026: 603 Euro.'
    """
    names, problems = find_placeholders(text)
    unknown = sorted({n for n in names if n not in values and _base(n) not in values})
    problems += [
        _("the placeholder '{placeholder}' is not a known fact").format(placeholder=f"{{{n}}}")
        for n in unknown
    ]
    if problems:
        file, line = (where.file, where.line) if where else (None, None)
        hint = hint or _("copy the placeholders exactly as they are in the source text")
        raise PlaceholderError("; ".join(problems), file=file, line=line, hint=hint)
    if any(n not in values for n in names):
        # A next value that is not known: leave out the lines that would show it.
        text = "\n".join(
            line
            for line in text.split("\n")
            if all(placeholder_key(m) in values for m in PLACEHOLDER_RE.finditer(line))
        )
    return PLACEHOLDER_RE.sub(lambda m: values[placeholder_key(m)], text)


def _base(key: str) -> str:
    name, _, variant = key.partition(":")
    return name if variant in _NEXT_VARIANTS else key
