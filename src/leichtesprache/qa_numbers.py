"""Numbers, amounts, dates, phone numbers, web and e-mail addresses in a text and its translation.

Numbers are read in each language's own format (Babel's decimal and group symbols: German
"1.000,50", English "1,000.50", French "1 000,50"), so a number left in the German format
in an English text counts as a different number. A number may be written as a word in the
other text ("1. Tag" -> "first day", "2 Mal" -> "twice"), and 1 (and 2 in languages with a
dual, such as Arabic) may be left out: "für 1 Monat" is "per month", "2 Tage" is "يومان".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from .placeholders import PLACEHOLDER_RE

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"()\[\]]*[^\s<>\"()\[\].,:;!?'’”»]", re.I)
_ADDRESS_START_RE = re.compile(r"://|www\.", re.I)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
#: The template labels' placeholders (``%(count)s``).
_UI_PLACEHOLDER_RE = re.compile(r"%\(\w+\)[sd]")
#: Markdown link targets are compared as links, not as numbers.
_LINK_TARGET_RE = re.compile(r"\]\([^)\s]*\)")
_PHONE_RE = re.compile(r"(?<![\d.,])\+?\d[\d \u00a0/\-–]*\d(?![\d,.]\d)")
_SPACES = "\u00a0\u202f\u2009 "
#: Zero of each numbering system Babel names as a language's default (CLDR); Latin digits
#: are always accepted, as the brochure's facts are written with them.
NATIVE_ZEROS = {"arab": 0x660, "arabext": 0x6F0, "beng": 0x9E6, "deva": 0x966, "mymr": 0x1040}
#: At least this many digits, beginning with 0 or +, make a phone number.
PHONE_DIGITS = 6


@dataclass(frozen=True)
class Number:
    """A number as written in a text: its value, where it stands, and its digits' zero."""

    value: Decimal
    start: int
    end: int
    text: str
    phone: bool = False
    #: Code points of the zeros of the digits used (0x30 for 0-9).
    zeros: frozenset[int] = frozenset({0x30})


def mask(text: str) -> str:
    """``text`` with placeholders, web and e-mail addresses and link targets blanked out.

    >>> mask("%(count)s Seiten, {limit} auf https://x.de").split()
    ['Seiten,', 'auf']
    """
    for pattern in (PLACEHOLDER_RE, _UI_PLACEHOLDER_RE, _LINK_TARGET_RE, URL_RE, EMAIL_RE):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def addresses(text: str) -> list[tuple[str, int, int]]:
    """Web and e-mail addresses, each with its place."""
    if "@" not in text and not _ADDRESS_START_RE.search(text):
        return []  # an e-mail address needs an @, a web address "://" or "www."
    found = [(m.group(0), m.start(), m.end()) for m in URL_RE.finditer(text)]
    blanked = URL_RE.sub(lambda m: " " * len(m.group(0)), text)
    found += [(m.group(0), m.start(), m.end()) for m in EMAIL_RE.finditer(blanked)]
    return sorted(found, key=lambda item: item[1])


def numbers(text: str, language: str) -> list[Number]:
    """Every number of ``text`` (placeholders and addresses excluded), read as ``language``.

    >>> text = "Am 1. Juli 2026: 1.000,50 Euro. Tel. 030 60 28 00 28"
    >>> [str(n.value) for n in numbers(text, "de")]
    ['1', '2026', '1000.50', '3060280028']
    >>> [str(n.value) for n in numbers("1,000.50 euros; 13,90 euros", "en")]
    ['1000.50', '13', '90']
    >>> [str(n.value) for n in numbers("7 236 euros, 13,90 euros", "fr")]
    ['7236', '13.90']
    """
    if not _ANY_DIGIT_RE.search(text):
        return []  # most easy-language sentences have no number at all
    masked = mask(_ascii_digits(text))
    found: list[Number] = []
    pieces, last = [], 0
    for m in _PHONE_RE.finditer(masked):
        digits = re.sub(r"\D", "", m.group(0))
        if m.group(0)[0] in "+0" and len(digits) >= PHONE_DIGITS and not _is_date(m.group(0)):
            found.append(
                Number(Decimal(digits), m.start(), m.end(), text[m.start() : m.end()], True)
            )
            pieces += [masked[last : m.start()], " " * (m.end() - m.start())]
            last = m.end()
    masked = "".join(pieces) + masked[last:]
    decimal, group = _symbols(language)
    spaced = group in _SPACES
    token = r"\d+(?:[.,'’\u00a0\u202f\u2009٫٬]\d+)*" + (r"(?: \d{3}(?!\d))*" if spaced else "")
    for m in re.finditer(token, masked):
        for value, start, end in _read(m.group(0), m.start(), decimal, group):
            found.append(Number(value, start, end, text[start:end], zeros=_zeros(text[start:end])))
    return sorted(found, key=lambda n: n.start)


def _is_date(text: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", text))


def _read(token: str, offset: int, decimal: str, group: str) -> Iterator[tuple[Decimal, int, int]]:
    """The value(s) of one run of digits and separators in the language's format."""
    group = " " if group in _SPACES else group
    # The Arabic decimal and group signs stand for whatever the language writes.
    norm = "".join(" " if c in _SPACES else c for c in token).translate(
        {0x66B: decimal, 0x66C: group}
    )
    parts = re.split(r"([^\d])", norm)
    digits, seps = parts[0::2], parts[1::2]
    whole = _grouped(digits, seps, decimal, group)
    if whole is not None:
        yield whole, offset, offset + len(token)
        return
    # Not one number in this language's format (a date "01.07.2026", "13,90" in English):
    # each group of digits counts on its own.
    at = offset
    for chunk, sep in zip(digits, [*seps, ""], strict=True):
        yield Decimal(chunk), at, at + len(chunk)
        at += len(chunk) + len(sep)


def _grouped(digits: list[str], seps: list[str], decimal: str, group: str) -> Decimal | None:
    if not seps:
        return Decimal(digits[0])
    fraction = ""
    if seps[-1] == decimal:
        fraction = digits[-1]
        digits, seps = digits[:-1], seps[:-1]
    if any(s != group for s in seps) or any(len(d) != 3 for d in digits[1:]):
        return None
    if seps and len(digits[0]) > 3:
        return None
    try:
        return Decimal("".join(digits) + (f".{fraction}" if fraction else ""))
    except InvalidOperation:  # pragma: no cover - only digits reach here
        return None


def _ascii_digits(text: str) -> str:
    """Every decimal digit as 0-9 (Arabic-Indic, Persian … digits keep their places)."""
    if text.isascii():
        return text
    return _OTHER_DIGIT_RE.sub(lambda m: str(unicodedata.decimal(m.group(0))), text)


#: Any decimal digit, of any digit system.
_ANY_DIGIT_RE = re.compile(r"\d")
#: A decimal digit of another digit system (re's ``\d`` is every Unicode decimal digit).
_OTHER_DIGIT_RE = re.compile(r"(?![0-9])\d")


def _zeros(text: str) -> frozenset[int]:
    return frozenset(ord(c) - unicodedata.decimal(c) for c in text if c.isdecimal())


def allowed_zeros(language: str) -> frozenset[int]:
    """The digits a language may use: 0-9, and its own digits where CLDR says so (fa)."""
    system = _locale(language).default_numbering_system
    return frozenset({0x30} | ({NATIVE_ZEROS[system]} if system in NATIVE_ZEROS else set()))


@lru_cache(maxsize=32)
def _symbols(language: str) -> tuple[str, str]:
    locale = _locale(language)
    return get_decimal_symbol(locale), get_group_symbol(locale)


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def optional_values(language: str) -> frozenset[Decimal]:
    """Numbers a text may leave out: 1 ("a month") and 2 where the language has a dual."""
    rule = _locale(language).plural_form
    return frozenset({Decimal(1)} | ({Decimal(2)} if rule(2) == "two" else set()))


# --- numbers and months written as words -----------------------------------------------------

#: Words for small numbers: cardinal, ordinal and "times" words, value -> words. Entries
#: ending in "-" are stems (inflected languages): "перв-" matches "первый", "первого" …
NUMBER_WORDS: dict[str, dict[int, str]] = {
    "de": {
        1: "ein eine einen einem einer eins einmal erst- einzig-",
        2: "zwei zweimal doppelt doppelte zweit- beide beiden",
        3: "drei dreimal dritt-",
        4: "vier viermal viert-",
        5: "fünf fünfmal fünft-",
        6: "sechs sechst-",
        7: "sieben siebt-",
        8: "acht acht-",
        9: "neun neunt-",
        10: "zehn zehnt-",
        11: "elf elft-",
        12: "zwölf zwölft-",
    },
    "en": {
        1: "a an one once first single",
        2: "two twice second double both",
        3: "three third thrice",
        4: "four fourth",
        5: "five fifth",
        6: "six sixth",
        7: "seven seventh",
        8: "eight eighth",
        9: "nine ninth",
        10: "ten tenth",
        11: "eleven eleventh",
        12: "twelve twelfth",
    },
    "fr": {
        1: "un une premier première premiers premières seul seule",
        2: "deux deuxième second seconde double",
        3: "trois troisième",
        4: "quatre quatrième",
        5: "cinq cinquième",
        6: "six sixième",
        7: "sept septième",
        8: "huit huitième",
        9: "neuf neuvième",
        10: "dix dixième",
        11: "onze onzième",
        12: "douze douzième",
    },
    "ru": {
        1: "од- один одна одно перв- однажды",
        2: "два две двух двум двумя втор- дважды",
        3: "три трёх трех трем трём тремя трет- трижды",
        4: "четыр- четвёрт- четверт-",
        5: "пят-",
        6: "шест-",
        7: "сем- седьм-",
        8: "восем- восьм-",
        9: "девят-",
        10: "десят-",
        11: "одиннадцат-",
        12: "двенадцат-",
    },
    "uk": {
        1: "од- один одна одне перш-",
        2: "два дві двох двом друг- двічі",
        3: "три трьох трет- тричі",
        4: "чотир- четверт-",
        5: "п'ят- пʼят-",
        6: "шіст- шост-",
        7: "сім сьом-",
        8: "вісім восьм-",
        9: "дев'ят-",
        10: "десят-",
        11: "одинадцят-",
        12: "дванадцят-",
    },
    "ar": {
        1: "واحد واحدة أول أولى الأول الأولى مرة",
        2: "اثنان اثنين اثنتان اثنتين ثاني ثانية مرتين مرتان",
        3: "ثلاث ثلاثة ثالث ثالثة",
        4: "أربع أربعة رابع رابعة",
        5: "خمس خمسة خامس خامسة",
        6: "ست ستة سادس سادسة",
        7: "سبع سبعة سابع سابعة",
        8: "ثماني ثمانية ثامن ثامنة",
        9: "تسع تسعة تاسع تاسعة",
        10: "عشر عشرة عاشر عاشرة",
    },
    "fa": {
        1: "یک یکم اول نخست",
        2: "دو دوم دومین دوبار",
        3: "سه سوم",
        4: "چهار چهارم",
        5: "پنج پنجم",
        6: "شش ششم",
        7: "هفت هفتم",
        8: "هشت هشتم",
        9: "نه نهم",
        10: "ده دهم",
    },
    "tr": {
        1: "bir birinci ilk",
        2: "iki ikinci",
        3: "üç üçüncü",
        4: "dört dördüncü",
        5: "beş beşinci",
        6: "altı altıncı",
        7: "yedi yedinci",
        8: "sekiz sekizinci",
        9: "dokuz dokuzuncu",
        10: "on onuncu",
    },
}
_WORD_RE = re.compile(r"[^\W\d_][\w'ʼ’-]*")


def says_number(text: str, value: Decimal, language: str) -> bool:
    """True when ``text`` writes ``value`` as a word (cardinal, ordinal or "times")."""
    if value != value.to_integral_value():
        return False
    words = _number_words(language.split("_")[0]).get(int(value))
    if not words:
        return False
    exact, stems = words
    for word in _text_words(text, language):
        if word in exact or any(word.startswith(stem) for stem in stems):
            return True
    return False


@lru_cache(maxsize=32)
def _number_words(base: str) -> dict[int, tuple[frozenset[str], tuple[str, ...]]]:
    table: dict[int, set[str]] = {v: set(w.split()) for v, w in NUMBER_WORDS.get(base, {}).items()}
    from .readability.registry import find

    checker = find(base)
    if checker is not None:  # the checker's cardinal words add to ours
        for word, digits in checker.profile.number_words.items():
            if digits.isdigit():
                table.setdefault(int(digits), set()).add(word.casefold())
    return {
        value: (
            frozenset(w.casefold() for w in words if not w.endswith("-")),
            tuple(w[:-1].casefold() for w in words if w.endswith("-")),
        )
        for value, words in table.items()
    }


def _text_words(text: str, language: str) -> list[str]:
    words = [m.group(0).casefold() for m in _WORD_RE.finditer(text)]
    if language.split("_")[0] in ("ar", "fa"):
        from .terms import ar_cores

        words += [core for w in words for core in ar_cores(w)]
    return words


def months_in(
    text: str, language: str, *, inflected: bool = False, regional: bool = True
) -> set[int]:
    """The months a text names (1-12), in any of the language's spellings.

    With ``inflected``, a word that differs from a name only in its last letter counts
    too ("июле" for "июль"): for the translation, never for the source text. Without
    ``regional``, only the names of the language itself count, not those of its regional
    variants: a subset, found without reading each variant's CLDR file (English has 129).
    """
    index = _month_index(language, regional)
    words = _text_words(text, language)
    present = set(words)
    found = {month for w in present for month in index.exact.get(w, ())}
    if index.spaced:
        joined = f" {' '.join(words)} "
        found |= {month for name, month in index.spaced if f" {name} " in joined}
    if inflected:
        for w in present:
            for length in index.stem_lengths:
                found |= index.stems.get(w[:length], set())
    return found


@dataclass(frozen=True)
class _MonthIndex:
    #: A one-word name -> its months (one, in CLDR; every one a name stands for, so that
    #: more names only ever find more months).
    exact: dict[str, set[int]]
    #: Names of several words ("كانون الثاني") with their month.
    spaced: tuple[tuple[str, int], ...]
    #: A name without its last letter (names longer than 3 letters) -> its months.
    stems: dict[str, set[int]]
    stem_lengths: tuple[int, ...]


@lru_cache(maxsize=32)
def _month_index(language: str, regional: bool = True) -> _MonthIndex:
    exact: dict[str, set[int]] = {}
    spaced: list[tuple[str, int]] = []
    stems: dict[str, set[int]] = {}
    for month, names in _month_names(language, regional).items():
        for name in names:
            if " " in name:
                spaced.append((name, month))
                continue
            exact.setdefault(name, set()).add(month)
            if len(name) > 3:
                stems.setdefault(name[:-1], set()).add(month)
    lengths = tuple(sorted({len(stem) for stem in stems}))
    return _MonthIndex(exact, tuple(spaced), stems, lengths)


@lru_cache(maxsize=32)
def _month_names(language: str, regional: bool = True) -> dict[int, frozenset[str]]:
    """Month names of a language and all its regional variants (Arabic: يوليو and تموز).

    A variant's names differ from its parent's only where its own CLDR file says so, so
    each variant's file is read on its own (English has 129 variants; merging each with its
    parents took 0.03 s). Not with ``babel.localedata.load(merge_inherited=False)``: Babel
    would keep the unmerged data in its cache for every later use of that locale."""
    from babel.localedata import locale_identifiers

    base = language.split("_")[0]
    names: dict[int, set[str]] = {m: set() for m in range(1, 13)}

    def add(found: object) -> None:
        if isinstance(found, Mapping):
            for month, name in found.items():
                if month in names and isinstance(name, str):
                    names[month].add(name.casefold())

    for identifier in {language, base}:
        for context in ("format", "stand-alone"):
            add(get_month_names("wide", context, identifier))
    for identifier in locale_identifiers() if regional else ():
        if identifier.startswith(f"{base}_"):
            own = _own_locale_data(identifier).get("months", {})
            for context in ("format", "stand-alone"):
                add(own.get(context, {}).get("wide"))
    return {m: frozenset(n) for m, n in names.items()}


def _own_locale_data(identifier: str) -> dict[str, Any]:
    """What Babel's file for one locale holds itself, without its parents' data."""
    import pickle

    from babel.localedata import resolve_locale_filename

    with open(resolve_locale_filename(identifier), "rb") as stream:
        data = pickle.load(stream)  # Babel's own installed CLDR data, as Babel reads it
    return data if isinstance(data, dict) else {}
