"""The translation checks on numbers, amounts, dates, phone numbers and addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from babel.dates import get_month_names

from .i18n import N_, _
from .qa_numbers import (
    Number,
    addresses,
    allowed_zeros,
    months_in,
    numbers,
    optional_values,
    says_number,
)
from .qa_rules import PLACEHOLDER, TranslatedEntry, finding
from .readability.model import Finding

_CURRENCY = re.compile(r"\s*(?:€|euro|евро|يورو|eur\b)", re.I)

#: Whole sentences per kind of number (each is translated as a whole).
CHANGED = {
    "number": N_("The {language} text has the number {was}, the translation has {now} instead."),
    "amount": N_("The {language} text has the amount {was}, the translation has {now} instead."),
    "phone": N_(
        "The {language} text has the phone number {was}, the translation has {now} instead."
    ),
}
MISSING = {
    "number": N_("The number {text} of the {language} text is missing in the translation."),
    "amount": N_("The amount {text} of the {language} text is missing in the translation."),
    "phone": N_("The phone number {text} of the {language} text is missing in the translation."),
}
ADDED = {
    "number": N_("The translation has the number {text}, which the {language} text does not have."),
    "amount": N_("The translation has the amount {text}, which the {language} text does not have."),
    "phone": N_(
        "The translation has the phone number {text}, which the {language} text does not have."
    ),
}


def figures(item: TranslatedEntry) -> Iterator[Finding]:
    """Numbers, amounts, phone numbers and dates of the source, in the translation."""
    code, source_code = item.language.code, item.catalog.source_language
    ours, theirs = _source_numbers(item.source, source_code), numbers(item.text, code)
    source = item.source_name
    mine = {n.value for n in theirs}
    wanted = {n.value for n in ours}
    missing = _unique(
        n
        for n in ours
        if n.value not in mine
        and (n.phone or n.value not in optional_values(code))
        and (n.phone or not says_number(item.text, n.value, code))
    )
    extra = _unique(
        n
        for n in theirs
        if n.value not in wanted
        and (n.phone or n.value not in optional_values(source_code))
        and (n.phone or not says_number(item.source, n.value, source_code))
    )
    language = item.language_name
    if len(missing) == 1 and len(extra) == 1:
        was, now = missing[0], extra[0]
        yield finding(
            "translation-number",
            item,
            _(CHANGED[_kind(was, item.source)]).format(language=source, was=was.text, now=now.text),
            _(
                "Write {number} in the translation, in the way numbers are written in {language}."
            ).format(number=was.text, language=language),
            now.start,
            now.end,
        )
        return
    for n in missing:
        yield finding(
            "translation-number",
            item,
            _(MISSING[_kind(n, item.source)]).format(language=source, text=n.text),
            _(
                "Keep {number} in the translation, in the way numbers are written in {language}."
            ).format(number=n.text, language=language),
        )
    lost = sorted(set(PLACEHOLDER.findall(item.source)) - set(PLACEHOLDER.findall(item.text)))
    for n in extra:
        yield finding(
            "translation-number",
            item,
            _(ADDED[_kind(n, item.text)]).format(language=source, text=n.text),
            _(
                "Write the placeholder {placeholders} instead: the tool fills in the amount or "
                "date that is valid."
            ).format(placeholders=" / ".join(lost))
            if lost
            else _("Write only the numbers of the {language} text.").format(language=source),
            n.start,
            n.end,
        )
    allowed = allowed_zeros(code)
    for n in theirs:
        if len(n.zeros) > 1 or not n.zeros <= allowed:
            yield finding(
                "translation-number",
                item,
                _(
                    "The number {number} is written with digits that are not used for "
                    "{language} in this brochure."
                ).format(number=n.text, language=language),
                _("Write it with the digits 0-9, like the amounts the tool fills in."),
                n.start,
                n.end,
            )
    named = _source_months(item.source, source_code)
    # The language's own names first: the regional variants' names are read only for a
    # month they leave unnamed (the same months: the variants' names are more names).
    if named:
        named -= months_in(item.text, code, inflected=True, regional=False)
    if named:
        named -= months_in(item.text, code, inflected=True)
    for month in sorted(named):
        name = get_month_names("wide", locale=source_code)[month]
        yield finding(
            "translation-number",
            item,
            _(
                "The {language} text has a date in {month}; the translation does not name this "
                "month."
            ).format(language=source, month=name),
            _("Write the date with the name of the month in {language}.").format(language=language),
        )


@lru_cache(maxsize=8192)
def _source_numbers(text: str, language: str) -> tuple[Number, ...]:
    """The numbers of a source text, read once for all the languages that translate it."""
    return tuple(numbers(text, language))


@lru_cache(maxsize=8192)
def _source_months(text: str, language: str) -> frozenset[int]:
    return frozenset(months_in(text, language))


def _unique(found: Iterator[Number]) -> list[Number]:
    seen: dict[Decimal, Number] = {}
    for n in found:
        seen.setdefault(n.value, n)
    return list(seen.values())


def _kind(n: Number, text: str) -> str:
    if n.phone:
        return "phone"
    return "amount" if _CURRENCY.match(text, n.end) else "number"


def web_addresses(item: TranslatedEntry) -> Iterator[Finding]:
    """Web and e-mail addresses (also link targets) exactly as in the source."""
    wanted = {a for a, _start, _end in addresses(item.source)}
    found = addresses(item.text)
    source = item.source_name
    for address, start, end in found:
        if address not in wanted:
            yield finding(
                "translation-address",
                item,
                _(
                    "The translation has the address {address}, which the {language} text does "
                    "not have."
                ).format(address=address, language=source),
                _("Copy the addresses of the {language} text exactly.").format(language=source),
                start,
                end,
            )
    for address in sorted(wanted - {a for a, _start, _end in found}):
        yield finding(
            "translation-address",
            item,
            _("The address {address} of the {language} text is missing in the translation.").format(
                address=address, language=source
            ),
            _("Copy {address} exactly into the translation.").format(address=address),
        )
