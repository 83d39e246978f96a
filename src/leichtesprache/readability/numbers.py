"""Rules for numbers, amounts, dates and times (digits, small, whole, written-out dates)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .base import Doc, Hit, quote

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
#: Capital-letter words that happen to be valid Roman numerals but are not meant as numbers.
ROMAN_ALLOW = frozenset(
    {"CD", "CV", "DC", "MC", "MM", "CC", "DI", "MI", "LI", "MIX", "CIV", "MDL", "DIV", "VIC", "CIX"}
)
_NUMERAL_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

_DATE_PATTERNS = (
    # 1.1.2026, 01.01.26, 1. 1.
    re.compile(
        r"(?<![\d.,])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:\s?(?P<y>\d{4}|\d{2})(?!\d|[.,]\d))?"
    ),
    re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
    re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
    re.compile(r"(?<![\d.,/])(?P<m>\d{1,2})[./](?P<y>(?:19|20)\d{2})(?!\d|[.,]\d)"),
    re.compile(r"(?<![\w'’])['’](?P<y>\d{2})(?![\d'’])"),
)
_DIGIT = re.compile(r"\d")
_ROMAN_ONES = re.compile("[IVX\u0425\u0406]")
#: Cyrillic letters that look like Latin numerals: Russian text often writes centuries with
#: the Cyrillic "Х" ("ХIХ в.", "ХХ век"), Ukrainian with "І".
_LOOKALIKES = str.maketrans("\u0425\u0406", "XI")
_LEADING_ZERO_TIME = re.compile(r"(?<![\d.,:])0(?P<h>\d)(?P<sep>[:h])(?P<m>[0-5]\d)(?!\d|[.,:]\d)")


def _integer_and_fraction(text: str) -> tuple[str, str]:
    """Split "1.000,50" into ("1000", "50"); a group of 3 digits is a thousands group.
    Dates and versions ("1.1.26") are no numbers: ("", "")."""
    cleaned = re.sub(r"[ \u00a0\u202f\u2009]", "", text)
    groups = re.split(r"[.,\u066b\u066c]", cleaned)
    if len(groups) > 2 and not all(len(g) == 3 for g in groups[1:-1]):
        return "", ""
    match = re.search(r"[.,\u066b\u066c](\d+)$", cleaned)
    if match and len(match.group(1)) != 3:
        integer = cleaned[: match.start()]
        fraction = match.group(1)
    else:
        integer, fraction = cleaned, ""
    return re.sub(r"\D", "", integer), fraction


def number_words(doc: Doc) -> Iterator[Hit]:
    """Numbers written as words ("drei") are written as digits ("3")."""
    table = doc.profile.number_words
    for unit in doc.units:
        for token in unit.tokens:
            if token.kind == "word" and token.lower in table:
                yield Hit.at(
                    unit.index,
                    token,
                    "error",
                    doc.tr("Write the number {word} as digits.", word=quote(token.text)),
                    table[token.lower],
                )


def big_number(doc: Doc) -> Iterator[Hit]:
    """Numbers from 1000 (except years) and "million" words are hard to imagine."""
    allow = {re.sub(r"\D", "", str(x)) for x in doc.get("number_allow")}
    for unit in doc.units:
        for token in unit.tokens:
            if token.kind == "word" and token.lower in doc.profile.big_number_words:
                big = True
            elif token.kind == "number" and not token.seps:
                integer, _ = _integer_and_fraction(token.text)
                plain_year = (
                    token.text.isdigit()
                    and len(token.text) == 4
                    and (1900 <= int(token.text) <= 2100)
                )
                big = len(integer) >= 4 and not plain_year and integer not in allow
            else:
                big = False
            if big:
                yield Hit.at(
                    unit.index,
                    token,
                    "warning",
                    doc.tr(
                        "{number} is a big number. Big numbers are hard to imagine.",
                        number=quote(token.text),
                    ),
                    doc.tr(
                        "Say “many” or “more than …”, or compare it with something "
                        "the reader knows."
                    ),
                )


def decimal(doc: Doc) -> Iterator[Hit]:
    """Decimal numbers ("13,90") are hard; round them where the exact value does not matter."""
    for unit in doc.units:
        for token in unit.tokens:
            if token.kind != "number" or token.seps:
                continue
            integer, fraction = _integer_and_fraction(token.text)
            if fraction and integer:
                value = float(f"{integer}.{fraction}")
                yield Hit.at(
                    unit.index,
                    token,
                    "warning",
                    doc.tr("{number} is a decimal number.", number=quote(token.text)),
                    doc.tr("Round it if you can: about {rounded}.", rounded=round(value)),
                )


def percent(doc: Doc) -> Iterator[Hit]:
    """Percentages ("20 %", "Prozent") are not used; say the share or the amount."""
    extra = doc.profile.percent_pattern
    pattern = _percent_regex(extra)
    for unit in doc.units:
        for m in pattern.finditer(unit.masked):
            yield Hit(
                unit.index,
                m.start(),
                m.end(),
                "error",
                doc.tr("Percentages are hard to understand."),
                doc.tr("Say “half”, “a small part” or give the amount in Euro."),
            )


@lru_cache(maxsize=16)
def _percent_regex(extra: str | None) -> re.Pattern[str]:
    words = f"|(?<!\\w)(?:{extra})(?!\\w)" if extra else ""
    return re.compile(f"[%\u066a\u2030]{words}", re.I)


def roman_value(word: str) -> int:
    total = 0
    values = [_NUMERAL_VALUES[ch] for ch in word.translate(_LOOKALIKES)]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total


#: Endings of an ordinal written with a Roman numeral ("le XIXe siècle", "IIIes Jeux").
_ORDINAL_ENDINGS = ("e", "es", "er", "re", "ème", "èmes")


def roman_ordinal(word: str) -> tuple[str, str]:
    """The numeral and the ordinal ending of a word ("XIXe" -> ("XIX", "e")); ("", "")
    when the word is no Roman numeral of 2 or more signs."""
    if is_roman(word):
        return word, ""
    stem = word.rstrip("eèmrs")
    ending = word[len(stem) :]
    if ending in _ORDINAL_ENDINGS and is_roman(stem):
        return stem, ending
    return "", ""


def is_roman(word: str) -> bool:
    """A Roman numeral of 2 or more signs ("XIX"; also "ХIХ" with the Cyrillic "Х")."""
    word = word.translate(_LOOKALIKES)
    return (
        len(word) >= 2
        and word.isupper()
        and set(word) <= set("IVXLCDM")
        and bool(set(word) & set("IVX"))
        and _ROMAN.fullmatch(word) is not None
        and word not in ROMAN_ALLOW
    )


def roman_numeral(doc: Doc) -> Iterator[Hit]:
    """Roman numerals ("SGB II") are written as digits ("SGB 2")."""
    for unit in doc.units:
        for token in unit.tokens:
            if token.kind != "word" or not _ROMAN_ONES.search(token.text):
                continue  # a Roman numeral has an I, V or X (``is_roman``)
            for text, (start, end) in zip(token.part_texts(), token.parts, strict=True):
                numeral, ending = roman_ordinal(text)
                if numeral and text not in doc.profile.caps_allow:
                    yield Hit(
                        unit.index,
                        start,
                        end,
                        "error",
                        doc.tr("{word} is a Roman numeral.", word=quote(text)),
                        f"{roman_value(numeral)}{ending}",
                    )


@lru_cache(maxsize=16)
def _month_names(language: str) -> dict[int, str]:
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_month_names

    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        language = "en"
    return dict(get_month_names("wide", "format", language))


def _write_date(doc: Doc, d: str | None, m: str | None, y: str | None) -> str | None:
    try:
        month = _month_names(doc.base).get(int(m)) if m else None
    except ValueError:
        month = None
    if y and len(y) == 2:
        y = ("20" if int(y) < 70 else "19") + y
    if not month or not y:
        return None
    if not d:
        return f"{month} {y}"
    return doc.profile.date_pattern.format(d=int(d), month=month, y=y)


def date_format(doc: Doc) -> Iterator[Hit]:
    """Dates with the month's name and a 4-digit year ("1. Januar 2026"), not "1.1.26"."""
    for unit in doc.units:
        if not _DIGIT.search(unit.masked):
            continue  # every pattern needs a digit
        seen: list[tuple[int, int]] = []
        for pattern in _DATE_PATTERNS:
            for m in pattern.finditer(unit.masked):
                parts = m.groupdict()
                month = parts.get("m")
                day = parts.get("d")
                if month is not None and not 1 <= int(month) <= 12:
                    continue
                if day is not None and not 1 <= int(day) <= 31:
                    continue
                if any(s < m.end() and m.start() < e for s, e in seen):
                    continue
                seen.append(m.span())
                yield Hit(
                    unit.index,
                    m.start(),
                    m.end(),
                    "error",
                    doc.tr("Write dates with the name of the month and a year with 4 digits."),
                    _write_date(doc, day, month, parts.get("y")),
                )


def time_format(doc: Doc) -> Iterator[Hit]:
    """Times without a leading zero ("9:00", not "09:00")."""
    for unit in doc.units:
        for m in _LEADING_ZERO_TIME.finditer(unit.masked):
            yield Hit(
                unit.index,
                m.start(),
                m.end(),
                "error",
                doc.tr("Write times without a 0 in front."),
                f"{m.group('h')}{m.group('sep')}{m.group('m')}",
            )
