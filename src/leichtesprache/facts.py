"""Dated, sourced facts and the safe ``{placeholder}`` formatter that puts them into text."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal, get_currency_name
from babel.units import format_unit

from .errors import ContentError, Problem
from .i18n import _, current_language, ngettext
from .placeholders import PLACEHOLDER_RE, placeholder_key
from .textfile import load_toml

KINDS = ("money", "number", "date", "hours", "days", "weeks", "months", "percent")
_UNITS = {
    "hours": "duration-hour",
    "days": "duration-day",
    "weeks": "duration-week",
    "months": "duration-month",
}
#: A fact whose newest value is older than this is reported as possibly out of date.
STALE_AFTER = timedelta(days=400)


@dataclass(frozen=True)
class FactValue:
    valid_from: date
    value: Decimal | date
    source: str


@dataclass(frozen=True)
class Fact:
    """A changing figure (amount, date, duration) with dated values and their sources."""

    name: str
    kind: str
    description: str
    values: tuple[FactValue, ...]
    review: bool = False
    note: str = ""
    file: str = ""
    line: int | None = None

    def value_on(self, day: date) -> FactValue | None:
        """The value valid on ``day``: the newest one whose ``valid_from`` is not after it."""
        valid = [v for v in self.values if v.valid_from <= day]
        return valid[-1] if valid else None

    def next_change(self, day: date) -> FactValue | None:
        later = [v for v in self.values if v.valid_from > day]
        return later[0] if later else None


def load_facts(path: Path, rel: str | None = None) -> dict[str, Fact]:
    """Read ``facts.toml``; every problem (missing source, bad date, unknown kind) at once."""
    if not path.is_file():
        return {}
    rel = rel or path.name
    data = load_toml(path, rel)
    text_lines = path.read_text("utf-8-sig").splitlines()
    problems: list[Problem] = []
    facts: dict[str, Fact] = {}
    for name, table in data.items():
        line = next((i for i, ln in enumerate(text_lines, 1) if ln.strip() == f"[{name}]"), None)
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or not isinstance(table, dict):
            problems.append(
                Problem(
                    _("fact '{name}': names use a-z, 0-9 and _ and are tables").format(name=name),
                    rel,
                    line,
                    hint=_("write {table} with kind and values").format(table=f"[{name.lower()}]"),
                )
            )
            continue
        kind = table.get("kind")
        if kind not in KINDS:
            problems.append(
                Problem(
                    _("fact '{name}': kind must be one of {kinds}").format(
                        name=name, kinds=", ".join(KINDS)
                    ),
                    rel,
                    line,
                    hint=_("for example: {example}").format(example='kind = "money"'),
                )
            )
            continue
        values: list[FactValue] = []
        raw_values = table.get("values")
        if not isinstance(raw_values, list) or not raw_values:
            problems.append(
                Problem(
                    _("fact '{name}' has no {table}").format(name=name, table=f"[[{name}.values]]"),
                    rel,
                    line,
                    hint=_("add at least one value with valid_from, value and source"),
                )
            )
            continue
        for number, item in enumerate(raw_values, 1):
            valid_from, value, source = (item.get(k) for k in ("valid_from", "value", "source"))
            at = (name, number, rel, line)
            if not isinstance(valid_from, date):
                message = _(
                    "fact '{name}', value {number}: valid_from must be a date like 2026-01-01"
                )
                problems.append(_value_problem(message, *at))
                continue
            if not source or not str(source).strip():
                problems.append(
                    _value_problem(
                        _("fact '{name}', value {number}: every value needs a source"),
                        *at,
                        hint=_("name the law or web page (with its date) it is from"),
                    )
                )
                continue
            parsed: Decimal | date
            if kind == "date":
                if not isinstance(value, date):
                    problems.append(
                        _value_problem(
                            _("fact '{name}', value {number}: value must be a date"), *at
                        )
                    )
                    continue
                parsed = value
            else:
                not_number = _value_problem(
                    _("fact '{name}', value {number}: value must be a number like 13.90"), *at
                )
                if isinstance(value, bool) or not isinstance(value, int | float | str):
                    problems.append(not_number)
                    continue
                try:
                    parsed = Decimal(str(value))
                except ArithmeticError:
                    problems.append(not_number)
                    continue
            values.append(FactValue(valid_from, parsed, str(source)))
        values.sort(key=lambda v: v.valid_from)
        if len({v.valid_from for v in values}) != len(values):
            problems.append(
                Problem(
                    _("fact '{name}': two values start on the same day").format(name=name),
                    rel,
                    line,
                )
            )
        facts[name] = Fact(
            name,
            str(kind),
            str(table.get("description", "")),
            tuple(values),
            bool(table.get("review", False)),
            str(table.get("note", "")),
            rel,
            line,
        )
    if problems:
        raise ContentError.from_problems(
            problems,
            ngettext(
                "{file} has {count} problem:", "{file} has {count} problems:", len(problems)
            ).format(file=rel, count=len(problems)),
        )
    return facts


def _value_problem(
    message: str, name: str, number: int, rel: str, line: int | None, hint: str | None = None
) -> Problem:
    """A problem with one value of a fact: ``message`` has {name} and {number}."""
    return Problem(message.format(name=name, number=number), rel, line, hint)


def format_value(fact: Fact, value: Decimal | date, language: str) -> str:
    """Format one value in easy-language style: '603 Euro', '13,90 Euro', '1. Juli 2026'.

    >>> f = Fact("x", "money", "", ())
    >>> format_value(f, Decimal("603"), "de"), format_value(f, Decimal("13.90"), "fr")
    ('603 Euro', '13,90 euros')
    """
    locale = language
    if isinstance(value, date):
        return format_easy_date(value, language)
    if fact.kind == "money":
        whole = value == value.to_integral_value()
        grouping = "#,##0" if _group_digits(value, locale) else "0"
        number = format_decimal(value, format=grouping + ("" if whole else ".00"), locale=locale)
        currency = get_currency_name("EUR", count=int(value) if whole else 2, locale=locale)
        return f"{number} {currency}"
    if fact.kind == "percent":
        return f"{format_decimal(value, locale=locale)} %"
    if fact.kind in _UNITS:
        return str(
            format_unit(
                value, _UNITS[fact.kind], length=_unit_length(fact.kind, locale), locale=locale
            )
        )
    return str(format_decimal(value, locale=locale))


def _group_digits(value: Decimal, locale: str) -> bool:
    """Group thousands, except in right-to-left text below 10 000.

    In Arabic lines with Latin digits, '1,206' next to '13.90' is easily read as a decimal.
    """
    from .languages import get_language  # cached: the version's language is read already

    return not get_language(locale).rtl or abs(value) >= 10000


@lru_cache(maxsize=64)
def _unit_length(kind: str, locale: str) -> Literal["short", "long"]:
    """'long' unit names, unless Babel's long data is broken for this language.

    Babel 2.18 misses some long forms (python-babel/babel#1217, 'duration-month') and has
    Arabic long week names without plural forms ('12 أسابيع' instead of '12 أسبوعًا'); then
    the short forms, which carry every plural category, are the right ones.
    """
    unit = _UNITS[kind]
    samples = (0, 1, 2, 3, 11, 100)
    long_forms = {
        format_unit(n, unit, length="long", locale=locale).replace(str(n), "").strip()
        for n in samples
    }
    short_forms = {
        format_unit(n, unit, length="short", locale=locale).replace(str(n), "").strip()
        for n in samples
    }
    if any("duration-" in f for f in long_forms) or len(long_forms) < len(short_forms):
        return "short"
    return "long"


def format_easy_date(day: date, language: str) -> str:
    """A date with the month name and a 4-digit year, no abbreviations.

    >>> format_easy_date(date(2026, 7, 1), "de"), format_easy_date(date(2026, 7, 1), "en")
    ('1. Juli 2026', '1 July 2026')
    >>> format_easy_date(date(2026, 7, 1), "ru"), format_easy_date(date(2026, 7, 1), "fr")
    ('1 июля 2026 года', '1er juillet 2026')
    """
    if language.split("_")[0] == "en":
        return str(babel_format_date(day, "d MMMM y", locale=language))
    text = str(babel_format_date(day, format="long", locale=language))
    if language.split("_")[0] == "fr" and day.day == 1:
        text = "1er" + text[1:]  # French writes the first of the month as an ordinal
    if language.split("_")[0] == "ru":
        text = re.sub(r"\s*г\.$", " года", text)
    return text


def values_for(facts: Mapping[str, Fact], language: str, as_of: date) -> dict[str, str]:
    """The formatted value of every fact valid on ``as_of``; a fact with none is an error.

    Keys are placeholder names: ``name`` (the value), ``name:from`` (since when), and,
    while a later value is known, ``name:next`` and ``name:next_from``.
    """
    problems: list[Problem] = []
    out: dict[str, str] = {}
    for name, fact in facts.items():
        current = fact.value_on(as_of)
        if current is None:
            problems.append(
                Problem(
                    _("fact '{name}' has no value valid on {day}").format(
                        name=name, day=as_of.isoformat()
                    ),
                    fact.file,
                    fact.line,
                    hint=_(
                        "add a value whose valid_from is on or before that day, "
                        "or build --as-of later"
                    ),
                )
            )
            continue
        out[name] = format_value(fact, current.value, language)
        out[f"{name}:from"] = format_easy_date(current.valid_from, language)
        upcoming = fact.next_change(as_of)
        if upcoming is not None:
            out[f"{name}:next"] = format_value(fact, upcoming.value, language)
            out[f"{name}:next_from"] = format_easy_date(upcoming.valid_from, language)
    if problems:
        raise ContentError.from_problems(problems)
    return out


#: An amount that changes within this time must be shown with its next value and date.
CHANGE_HORIZON = timedelta(days=365)


@dataclass(frozen=True)
class FactNote:
    """What ``check`` tells editors about one fact: a rule id and the problem."""

    rule: str
    problem: Problem


def fact_warnings(facts: Mapping[str, Fact], as_of: date) -> list[FactNote]:
    """What ``check`` tells editors about facts: pending changes, stale values, open reviews."""
    warnings: list[FactNote] = []
    for name, fact in facts.items():
        current, upcoming = fact.value_on(as_of), fact.next_change(as_of)
        if upcoming is not None:
            warnings.append(
                FactNote(
                    "fact-change",
                    Problem(
                        _("fact '{name}' changes on {day} (new value {value})").format(
                            name=name,
                            day=upcoming.valid_from.isoformat(),
                            value=format_value(fact, upcoming.value, current_language()),
                        ),
                        fact.file,
                        fact.line,
                        hint=_(
                            "texts that show it must also show the new value and its date; "
                            "rebuild after that day"
                        ),
                    ),
                )
            )
        if current is not None and as_of - current.valid_from > STALE_AFTER and upcoming is None:
            warnings.append(
                FactNote(
                    "fact-stale",
                    Problem(
                        _("fact '{name}' was last updated for {day}; it may be out of date").format(
                            name=name, day=current.valid_from.isoformat()
                        ),
                        fact.file,
                        fact.line,
                        hint=_("check the source and add a newer value: {source}").format(
                            source=current.source
                        ),
                    ),
                )
            )
        if fact.review:
            warnings.append(
                FactNote(
                    "fact-review",
                    Problem(
                        _("fact '{name}' is marked for legal review: {note}").format(
                            name=name, note=fact.note or fact.description
                        ),
                        fact.file,
                        fact.line,
                        hint=_("check it against the current law before printing"),
                    ),
                )
            )
    return warnings


def undated_amounts(
    text: str, facts: Mapping[str, Fact], as_of: date, *, file: str | None, line: int | None
) -> list[FactNote]:
    """Amounts in ``text`` that change within a year while the text does not say so.

    A text that shows ``{x}`` must also show ``{x:next}`` when ``x`` changes within
    ``CHANGE_HORIZON``: a printed copy stays in waiting rooms for a year or more.
    """
    found = [(placeholder_key(m), m.start()) for m in PLACEHOLDER_RE.finditer(text)]
    keys = [key for key, _start in found]
    first = {key: text.count("\n", 0, start) for key, start in reversed(found)}
    notes = []
    for name in dict.fromkeys(k for k in keys if ":" not in k):
        fact = facts.get(name)
        upcoming = fact.next_change(as_of) if fact is not None else None
        if fact is None or upcoming is None or f"{name}:next" in keys:
            continue
        if upcoming.valid_from - as_of > CHANGE_HORIZON:
            continue
        notes.append(
            FactNote(
                "fact-undated",
                Problem(
                    _(
                        "{placeholder} changes on {day}, but the text shows only today's value"
                    ).format(placeholder=f"{{{name}}}", day=upcoming.valid_from.isoformat()),
                    file,
                    line + first[name] if line is not None else None,
                    hint=_("add a line with the next value: {example}").format(
                        example=f"'Ab {{{name}:next_from}}: {{{name}:next}}.'"
                    ),
                ),
            )
        )
    return notes


def resolve_as_of(as_of: date | None) -> date:
    """The day whose facts a build uses: given, else ``SOURCE_DATE_EPOCH``, else today."""
    if as_of is not None:
        return as_of
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        from datetime import UTC, datetime

        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()
