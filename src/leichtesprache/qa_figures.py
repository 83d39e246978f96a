"""The translation checks on numbers, amounts, dates, phone numbers and addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from babel.dates import get_month_names

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

#: Whole sentences per kind of number (so each can be translated as a whole later).
CHANGED = {
    "number": "The {source} text has the number {was}, the translation has {now} instead.",
    "amount": "The {source} text has the amount {was}, the translation has {now} instead.",
    "phone": "The {source} text has the phone number {was}, the translation has {now} instead.",
}
MISSING = {
    "number": "The number {text} of the {source} text is missing in the translation.",
    "amount": "The amount {text} of the {source} text is missing in the translation.",
    "phone": "The phone number {text} of the {source} text is missing in the translation.",
}
ADDED = {
    "number": "The translation has the number {text}, which the {source} text does not have.",
    "amount": "The translation has the amount {text}, which the {source} text does not have.",
    "phone": "The translation has the phone number {text}, which the {source} text does not have.",
}


def figures(item: TranslatedEntry) -> Iterator[Finding]:
    """Numbers, amounts, phone numbers and dates of the source, in the translation."""
    code, source_code = item.language.code, item.catalog.source_language
    ours, theirs = numbers(item.source, source_code), numbers(item.text, code)
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
    language = item.language.english_name
    if len(missing) == 1 and len(extra) == 1:
        was, now = missing[0], extra[0]
        yield finding(
            "translation-number",
            item,
            CHANGED[_kind(was, item.source)].format(source=source, was=was.text, now=now.text),
            f"Write {was.text} in the translation, in the way numbers are written in {language}.",
            now.start,
            now.end,
        )
        return
    for n in missing:
        yield finding(
            "translation-number",
            item,
            MISSING[_kind(n, item.source)].format(source=source, text=n.text),
            f"Keep {n.text} in the translation, in the way numbers are written in {language}.",
        )
    lost = sorted(set(PLACEHOLDER.findall(item.source)) - set(PLACEHOLDER.findall(item.text)))
    for n in extra:
        yield finding(
            "translation-number",
            item,
            ADDED[_kind(n, item.text)].format(source=source, text=n.text),
            f"Write the placeholder {' or '.join(lost)} instead: the tool fills in the "
            "amount or date that is valid."
            if lost
            else f"Write only the numbers of the {source} text.",
            n.start,
            n.end,
        )
    allowed = allowed_zeros(code)
    for n in theirs:
        if len(n.zeros) > 1 or not n.zeros <= allowed:
            yield finding(
                "translation-number",
                item,
                f"The number {n.text} is written with digits that are not used for "
                f"{item.language.english_name} in this brochure.",
                "Write it with the digits 0-9, like the amounts the tool fills in.",
                n.start,
                n.end,
            )
    for month in sorted(
        months_in(item.source, source_code) - months_in(item.text, code, inflected=True)
    ):
        name = get_month_names("wide", locale=source_code)[month]
        yield finding(
            "translation-number",
            item,
            f"The {source} text has a date in {name}; the translation does not name this month.",
            f"Write the date with the name of the month in {item.language.english_name}.",
        )


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
    wanted = {a for a, _, _ in addresses(item.source)}
    found = addresses(item.text)
    source = item.source_name
    for address, start, end in found:
        if address not in wanted:
            yield finding(
                "translation-address",
                item,
                f"The translation has the address {address}, which the {source} text does "
                "not have.",
                f"Copy the addresses of the {source} text exactly.",
                start,
                end,
            )
    for address in sorted(wanted - {a for a, _, _ in found}):
        yield finding(
            "translation-address",
            item,
            f"The address {address} of the {source} text is missing in the translation.",
            f"Copy {address} exactly into the translation.",
        )
