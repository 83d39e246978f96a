"""Rules for characters: abbreviations, special characters, brackets, cross-references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .base import Doc, Hit, UnitView, quote
from .i18n import N_
from .numbers import roman_ordinal
from .text import MASK

_DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,2}\.(?:\s?|-)){2,}")
_INITIAL = re.compile(r"(?<![\w.])([^\W\d_])\.\s?(?=([^\W\d_])([^\W\d_]))")
_GENDER = re.compile(r"(?<=\w)(?:[*:_]|/-?|·(?=innen\b))(?=in(?:nen)?\b)|(?<=[a-zäöüß])I(?=nnen\b)")
_FOOTNOTE = re.compile(
    r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\[\d{1,3}\]"
    r"|(?<=\w)\*+(?=[\s.,;:!?]|$)"
)
_RANGE = re.compile(r"(?<=\d)\s?[-\u2013\u2014]\s?(?=\d)")
#: Dashes, and ellipses: a run of dots and "…" is one sign ("………", "……..": a blank to fill).
_DASH = re.compile(
    r"(?:(?<=\s)|^)[-\u2013\u2014\u2212](?=\s|$)|[\u2013\u2014]|(?:\.{3}|\u2026)[.\u2026]*"
)

#: Signs that easy language avoids, with the suggestion an editor gets.
SPECIAL: dict[str, str] = {
    ";": N_("End the sentence with a full stop and start a new one."),
    "\u061b": N_("End the sentence with a full stop and start a new one."),
    "&": N_("Write “and”."),
    "/": N_("Write “or” or “and”."),
    "\\": N_("Leave the sign out or say it in words."),
    "§": N_("Name the law in words, or leave the paragraph number out."),
    "\u2026": N_("End the sentence with a full stop."),
    "*": N_("Leave the star out. Explain things in the text itself."),
    "†": N_("Leave the sign out or say it in words."),
    "‡": N_("Leave the sign out or say it in words."),
    "#": N_("Leave the sign out or say it in words."),
    "|": N_("Leave the sign out or say it in words."),
    "~": N_("Write “about”."),
    "^": N_("Leave the sign out or say it in words."),
    "_": N_("Leave the sign out or say it in words."),
    "<": N_("Write “less than”."),
    ">": N_("Write “more than”."),
    "=": N_("Say it in words."),
    "+": N_("Write “and” or “plus” in words."),
    "•": N_("Write a list with one thing per line."),
    "¶": N_("Leave the sign out or say it in words."),
    "€": N_("Write the currency in words: 603 Euro."),
    "$": N_("Write the currency in words."),
    "£": N_("Write the currency in words."),
    "©": N_("Leave the sign out or say it in words."),
    "®": N_("Leave the sign out or say it in words."),
    "™": N_("Leave the sign out or say it in words."),
}
_QUOTES = "\"„“”‚‘’«»‹›'「」"
_QUOTE_TIP = N_("Leave out the quotation marks. Use bold text to make a word stand out.")
_SIGNS = re.compile(f"[{re.escape(''.join(SPECIAL) + _QUOTES)}]")
#: What ``_GENDER``, ``_RANGE``, ``_DASH`` and ``_SIGNS`` each need one of.
_ANY_SIGN = re.compile(
    f"[{re.escape(''.join(SPECIAL) + _QUOTES)}*:_/·\\-\u2013\u2014\u2212]|\\.\\.\\.|Innen"
)
_DASH_TIP = N_("Use a full stop or a colon instead of the dash.")
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_BRACKET_SIGNS = re.compile("[" + re.escape("".join(_BRACKETS) + "".join(_BRACKETS.values())) + "]")


def _between_words(text: str, start: int, end: int) -> bool:
    """A dash with a space on each side and a word before it ("Мини-джоб — это работа"),
    or a masked one: a placeholder or a quoted word ("Duldung — это документ")."""
    before = text[:start].rstrip(" \u00a0")
    return (
        text[start - 1 : start] in (" ", "\u00a0")
        and text[end : end + 1] in (" ", "\u00a0")
        and bool(before)
        and (before[-1].isalnum() or before[-1] == MASK)
    )


def _copula_dashes(unit: UnitView) -> set[int]:
    """Dashes that stand for "is" ("Мини-джоб — это работа"): a spaced dash between words,
    the only one in its sentence. Two such dashes set off an insertion, like brackets."""
    found: set[int] = set()
    text = unit.masked
    for sentence in unit.sentences:
        dashes = [
            m.start()
            for m in _DASH.finditer(text, sentence.start, sentence.end)
            if _between_words(text, m.start(), m.end())
        ]
        if len(dashes) == 1:
            found.add(dashes[0])
    return found


def _inside_tokens(unit: UnitView) -> set[int]:
    return {i for t in unit.tokens for i in range(t.start, t.end)}


def _after_number(unit: UnitView, index: int) -> bool:
    """True when token ``index`` follows a number, at most one space apart ("5 km")."""
    return _right_after(unit, index, roman=False)


def _after_numeral(unit: UnitView, index: int) -> bool:
    """True when token ``index`` follows a number or a Roman numeral ("XIX в.")."""
    return _right_after(unit, index, roman=True)


def _right_after(unit: UnitView, index: int, *, roman: bool) -> bool:
    """True when token ``index`` follows a number (or, with ``roman``, a Roman numeral),
    at most one space apart."""
    if index == 0:
        return False
    before, token = unit.tokens[index - 1], unit.tokens[index]
    numeral = before.kind == "number" or (
        roman and before.kind == "word" and bool(roman_ordinal(before.text)[0])
    )
    return numeral and unit.masked[before.end : token.start] in _UNIT_GAPS


#: What may stand between a number and its unit: a space, a no-break or a thin space.
_UNIT_GAPS = frozenset({" ", "\u00a0", "\u202f"})


def _same_sentence(unit: UnitView, start: int, end: int) -> bool:
    return any(s.start <= start and end - 1 < s.end for s in unit.sentences)


def _allowed_caps(doc: Doc) -> frozenset[str]:
    extra = doc.get("abbreviation_allow") or []
    return doc.profile.caps_allow | frozenset(str(x) for x in extra)


def abbreviation(doc: Doc) -> Iterator[Hit]:
    """Abbreviations ("z. B.", "usw."), initials ("J. Smith") and words in capitals ("SGB"),
    except the allow-list and terms the word-book explains."""
    p = doc.profile
    allowed = _allowed_caps(doc)
    for unit in doc.units:
        spans: list[tuple[int, int, str]] = []
        for m in _DOTTED.finditer(unit.masked):
            end = m.end() - (len(m.group()) - len(m.group().rstrip(" -")))
            if _same_sentence(unit, m.start(), end):
                spans.append((m.start(), end, "dotted"))
        for m in _INITIAL.finditer(unit.masked):
            end = m.start() + 2
            if (
                m.group(1).isupper()
                and m.group(2).isupper()
                and m.group(3).islower()
                and (_same_sentence(unit, m.start(), end))
            ):
                spans.append((m.start(), end, "dotted"))
        for i, token in enumerate(unit.tokens):
            if token.kind != "word":
                continue
            if token.text in p.unit_symbols and _after_number(unit, i):
                spans.append((token.start, token.end, "unit"))
                continue
            if token.lower in p.cross_references:
                continue  # "см.", "vgl.": the cross-reference rule reports them
            after = unit.masked[token.end : token.end + 1]
            if token.lower in p.numeral_abbreviations and after == "." and _after_numeral(unit, i):
                spans.append((token.start, token.end + 1, "dotted"))
                continue
            if token.lower in p.abbreviations and after == ".":
                spans.append((token.start, token.end + 1, "dotted"))
                continue
            if token.lower in p.numbered_abbreviations and re.match(
                r"\.\s?\d", unit.masked[token.end : token.end + 3]
            ):
                spans.append((token.start, token.end + 1, "dotted"))
                continue
            if token.lower in p.bare_abbreviations and after != "'":
                spans.append((token.start, token.end, "dotted"))
                continue
            if token.text[1:].islower() or token.text.lower() == token.text:
                continue  # no capital after the first letter (or none at all: Arabic)
            for text, (start, end) in zip(token.part_texts(), token.parts, strict=True):
                if (
                    _is_caps(text)
                    and text not in allowed
                    and not roman_ordinal(text)[0]
                    and (not doc.explained(text))
                ):
                    spans.append((start, end, "caps"))
        spans.sort(key=lambda span: (span[0], -span[1]))
        spans = _caps_runs(unit.masked, spans)
        last_end = -1
        seen: set[str] = set()
        for start, end, what in spans:
            if start < last_end:
                continue
            last_end = end
            word = unit.visible[start:end]
            if word in seen:  # one finding per abbreviation and paragraph
                continue
            seen.add(word)
            if what == "caps":
                message = doc.tr(
                    "{word} is an abbreviation or a word in capital letters.", word=quote(word)
                )
            else:
                message = doc.tr("{word} is an abbreviation.", word=quote(word.strip()))
            yield Hit(
                unit.index,
                start,
                end,
                "error",
                message,
                doc.tr("Write the words in full. Explain a hard word in the word-book."),
            )


def _caps_runs(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A run of 3 or more words in capitals ("ВЗРЫВ НЕ СОСТОЯЛСЯ ИЗ-ЗА …", a headline) is one
    finding, not one per word; two abbreviations side by side ("ВМС США") stay two."""
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for span in [*spans, (len(text) + 2, len(text) + 2, "")]:
        if (
            run
            and span[2] == "caps"
            and run[-1][2] == "caps"
            and not text[run[-1][1] : span[0]].strip(" -\u00a0")
        ):
            run.append(span)
            continue
        if len(run) >= 3 and all(what == "caps" for _, _, what in run):
            out.append((run[0][0], run[-1][1], "caps"))
        else:
            out.extend(run)
        run = [span]
    return out


def _is_caps(text: str) -> bool:
    if len(text) < 2 or text[1:].islower() or text.islower():
        return False
    cased = [ch for ch in text if ch.isupper() or ch.islower()]
    upper = sum(1 for ch in cased if ch.isupper())
    return upper >= 2 and upper * 2 >= len(cased)


def special_characters(doc: Doc) -> Iterator[Hit]:
    """Signs easy language avoids: ; & / § … quotation marks, dashes, currency signs,
    gender forms ("Lehrer*innen") and ranges ("9-10")."""
    for unit in doc.units:
        text = unit.masked
        if not _ANY_SIGN.search(text):
            continue  # none of the signs the patterns below look for
        inside = _inside_tokens(unit) if any(q in text for q in _QUOTES) else set()
        done: set[int] = set()
        for m in _GENDER.finditer(text):
            done.update(range(m.start(), max(m.end(), m.start() + 1)))
            yield Hit(
                unit.index,
                m.start(),
                max(m.end(), m.start() + 1),
                "error",
                doc.tr("Gender forms with special signs are hard to read."),
                doc.tr(
                    "Write both forms in full, for example “workers and women "
                    "workers”, or a neutral word."
                ),
            )
        for m in _RANGE.finditer(text):
            done.update(range(m.start(), m.end()))
            yield Hit(
                unit.index,
                m.start(),
                m.end(),
                "error",
                doc.tr("A dash between two numbers is hard to read."),
                doc.tr("Write “from 9 to 10”."),
            )
        copulas = _copula_dashes(unit) if doc.profile.copula_dash else set()
        for m in _DASH.finditer(text):
            if m.start() in done or m.start() in copulas:
                continue
            done.update(range(m.start(), m.end()))
            tip = SPECIAL["\u2026"] if m.group()[0] in ".\u2026" else _DASH_TIP
            yield Hit(
                unit.index,
                m.start(),
                m.end(),
                "error",
                doc.tr("The sign {sign} is hard to read.", sign=quote(m.group())),
                doc.tr(tip),
            )
        quotes: list[int] = []
        bullets = _inline_bullets(unit, text)
        for m in _SIGNS.finditer(text):
            i, ch = m.start(), m.group()
            if i in done:
                continue
            if i in bullets:
                if bullets[i]:  # the first of a list's signs stands for all of them
                    yield _list_in_a_line(doc, unit, i, bullets[i])
                continue
            if ch in SPECIAL and not (ch == "*" and _FOOTNOTE.match(text, i)):
                tip = SPECIAL[ch]
            elif ch in _QUOTES and i not in inside and not _apostrophe(text, i):
                quotes.append(i)
                continue
            else:
                continue
            yield Hit(
                unit.index,
                i,
                i + 1,
                "error",
                doc.tr("The sign {sign} is hard to read.", sign=quote(ch)),
                doc.tr(tip),
            )
        yield from _quotations(doc, unit, quotes)


_BULLET = re.compile(r"(?:^|(?<=\s))[*\u2022](?=\s?\w)")


def _inline_bullets(unit: UnitView, text: str) -> dict[int, int]:
    """Stars and bullets that open the items of a list written in one line ("Sie brauchen:
    *Mehl *Eier *Milch"): two or more before words in one sentence. The first maps to the
    end of the last (one finding for the list), the others to 0."""
    if "*" not in text and "\u2022" not in text:
        return {}
    found: dict[int, int] = {}
    for sentence in unit.sentences:
        starts = [m.start() for m in _BULLET.finditer(text, sentence.start, sentence.end)]
        if len(starts) > 1:
            found.update(dict.fromkeys(starts[1:], 0))
            found[starts[0]] = starts[-1] + 1
    return found


def _list_in_a_line(doc: Doc, unit: UnitView, start: int, end: int) -> Hit:
    sign = unit.visible[start] + "…" + unit.visible[end - 1]
    return Hit(
        unit.index,
        start,
        end,
        "error",
        doc.tr("The sign {sign} is hard to read.", sign=quote(sign)),
        doc.tr(SPECIAL["\u2022"]),
    )


def _apostrophe(text: str, i: int) -> bool:
    """A ’ or ' after the "s" of a plural ("the workers’ rights") is an apostrophe, unless it
    closes a quotation opened before it."""
    if text[i] not in "'\u2019" or i == 0 or text[i - 1] not in "sS":
        return False
    before = text[:i]
    if text[i] == "'":
        return before.count("'") % 2 == 0
    return before.count("\u2018") <= before.count("\u2019")


def _quotations(doc: Doc, unit: UnitView, marks: list[int]) -> Iterator[Hit]:
    """One finding per quotation: an opening and a closing mark in the same sentence are one
    quotation; a mark without a partner is one of its own."""
    k = 0
    while k < len(marks):
        start = end = marks[k]
        if k + 1 < len(marks) and _same_sentence(unit, start, marks[k + 1] + 1):
            end = marks[k + 1]
            k += 1
        k += 1
        sign = unit.visible[start] + ("…" + unit.visible[end] if end > start else "")
        yield Hit(
            unit.index,
            start,
            end + 1,
            "error",
            doc.tr("The sign {sign} is hard to read.", sign=quote(sign)),
            doc.tr(_QUOTE_TIP),
        )


#: A letter, a number or a small Roman numeral in brackets ("(b)") or before a closing one
#: ("b) "): a candidate label of a list item.
_LABEL = re.compile(
    r"[(\[]([^\W\d_]{1,4}\u0640?|\d{1,2})[)\]]|(?<!\S)([^\W\d_]{1,4}\u0640?|\d{1,2})\)(?=\s)"
)
#: The orders list items are labelled in: Latin, Cyrillic, the Arabic abjad order (أ ب ج د)
#: and the alphabetical one (أ ب ت ث), small Roman numerals. Numbers count up.
_LABEL_ORDERS: tuple[tuple[str, ...], ...] = (
    tuple("abcdefghijkl"),
    tuple("абвгдежзиклм"),
    ("أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط", "ي"),
    ("أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر"),
    ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"),
)


def _label_places(label: str) -> set[tuple[int, int]]:
    """(order, position) pairs a label may stand for: "(b)" is the second of the Latin order."""
    if label.isdigit():
        return {(-1, int(label))}
    key = label.lower().rstrip("\u0640")
    return {(k, order.index(key)) for k, order in enumerate(_LABEL_ORDERS) if key in order}


_NEXT_WORD = re.compile(r"\s*(\w+)")


def item_labels(
    text: str, start: int, end: int, conjunctions: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of the labels of an enumeration written in running text ("(a) … (b) … (c)",
    "(أ) … (ب) … (ج)"): two or more labels in a row, each the next of the one before.

    They mark list items, not an insertion in brackets; the enumeration rule asks for a list.
    A label alone ("§ 8 (1)", "(١) في قبضة الأقزام") is no list and stays in brackets, and so
    does one followed by "and" or "or": "(a) and (b) apply" names items, it lists none."""
    found: list[tuple[int, int]] = []
    if text.find(")", start, end) < 0 and text.find("]", start, end) < 0:
        return found
    run: list[tuple[int, int]] = []
    places: set[tuple[int, int]] = set()
    for m in _LABEL.finditer(text, start, end):
        after = _NEXT_WORD.match(text, m.end(), end)
        if after and after.group(1).lower() in conjunctions:
            here: set[tuple[int, int]] = set()
        else:
            here = _label_places(m.group(1) or m.group(2))
        following = {(k, i) for k, i in here if (k, i - 1) in places}
        if run and following:
            run.append(m.span())
            places = following
            continue
        if len(run) > 1:
            found.extend(run)
        run, places = ([m.span()], here) if here else ([], set())
    if len(run) > 1:
        found.extend(run)
    return found


def brackets(doc: Doc) -> Iterator[Hit]:
    """Brackets: the text inside belongs in a sentence of its own. The labels of list items
    ("(a) … (b) …") are no text in brackets: the enumeration rule reports them."""
    closers = {v: k for k, v in _BRACKETS.items()}
    for unit in doc.units:
        labels = {
            sign
            for sentence in unit.sentences
            for start, end in item_labels(
                unit.masked, sentence.start, sentence.end, doc.profile.list_conjunctions
            )
            for sign in (start, end - 1)
        }
        stack: list[tuple[str, int]] = []
        for m in _BRACKET_SIGNS.finditer(unit.masked):  # only the brackets, not every character
            i, ch = m.start(), m.group()
            if i in labels:
                continue
            if ch in _BRACKETS:
                stack.append((ch, i))
            elif ch in closers:
                if stack and stack[-1][0] == closers[ch]:
                    _, start = stack.pop()
                    if not stack:
                        yield _bracket_hit(doc, unit, start, i + 1)
                else:
                    yield _bracket_hit(doc, unit, i, i + 1)
        for _, start in stack:
            yield _bracket_hit(doc, unit, start, start + 1)


def _bracket_hit(doc: Doc, unit: UnitView, start: int, end: int) -> Hit:
    return Hit(
        unit.index,
        start,
        end,
        "error",
        doc.tr("Text in brackets is easy to skip."),
        doc.tr("Write the explanation as a sentence of its own."),
    )


@lru_cache(maxsize=16)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def cross_reference(doc: Doc) -> Iterator[Hit]:
    """Footnotes and cross-references ("siehe Seite 5", "see section 2", "¹")."""
    p = doc.profile
    for unit in doc.units:
        spans = [m.span() for m in _FOOTNOTE.finditer(unit.masked)]
        if p.cross_reference_pattern:
            spans += [m.span() for m in _compiled(p.cross_reference_pattern).finditer(unit.masked)]
        spans += [
            (t.start, t.end)
            for i, t in enumerate(unit.tokens)
            if t.kind == "word"
            and t.lower in p.cross_references
            and not (t.text in p.unit_symbols and _after_number(unit, i))  # "80 см"
        ]
        last = -1
        for start, end in sorted(spans):
            if start < last:
                continue
            last = end
            yield Hit(
                unit.index,
                start,
                end,
                "error",
                doc.tr(
                    "{text} sends the reader somewhere else.", text=quote(unit.visible[start:end])
                ),
                doc.tr("Write the information here, where the reader needs it."),
            )
