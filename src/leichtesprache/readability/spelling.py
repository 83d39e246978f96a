"""Rules for spelling: one way to split compounds, word-book terms written the same way."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from .base import NAME_KINDS, Doc, Hit, normalise, quote
from .counting import letters
from .text import HYPHENS, MIDDOTS, Token

_ODD_MIDDOTS = MIDDOTS.replace("\u00b7", "")
_SEPARATOR = re.compile(f"[{re.escape(MIDDOTS + HYPHENS)}]")


def _house_style(doc: Doc) -> str:
    return "hyphen" if str(doc.get("separator")).startswith("hyphen") else "middle-dot"


def _hyphen_allowed(doc: Doc, token: Token) -> bool:
    if not token.seps:
        return False
    memo = doc.memo("hyphen_allow")
    if "set" not in memo:
        allow = {normalise(x) for x in doc.profile.hyphen_allow}
        allow |= {normalise(str(x)) for x in doc.get("hyphen_allow") or []}
        memo["set"] = allow
    allow = memo["set"]
    key = normalise(token.text)
    return any(key == a or (key.startswith(a) and len(key) - len(a) <= 2) for a in allow)


def _caps_or_digits(part: str) -> bool:
    upper = sum(1 for ch in part if ch.isupper())
    return any(ch.isdigit() for ch in part) or upper >= 2 or letters(part) < 2


def join_parts(parts: Sequence[str], style: str) -> str:
    """Join compound parts in the house style: "Renten·versicherung" / "Renten-Versicherung"."""
    out = parts[0]
    for part in parts[1:]:
        if style == "hyphen":
            out += "-" + part[:1].upper() + part[1:]
        else:
            keep = sum(1 for ch in part if ch.isupper()) >= 2
            out += "·" + (part if keep else part[:1].lower() + part[1:])
    return out


def separator_style(doc: Doc) -> Iterator[Hit]:
    """One way to split compounds: the house style (middle dot U+00B7 or hyphen) in German,
    no middle dot in languages that do not use it."""
    mode = doc.profile.separators
    if mode is None:
        return
    style = _house_style(doc)
    for unit in doc.units:
        for token in unit.tokens:
            if token.kind != "word" or not token.seps:
                continue
            parts = token.part_texts()
            middots = [s for s in token.seps if s in MIDDOTS]
            if mode == "forbid":
                if middots:
                    yield Hit.at(
                        unit.index,
                        token,
                        "error",
                        doc.tr("The middle dot is only used in German easy language."),
                        re.sub(f"[{MIDDOTS}]", "", token.text),
                    )
                continue
            if any(s in _ODD_MIDDOTS for s in token.seps):
                yield Hit.at(
                    unit.index,
                    token,
                    "error",
                    doc.tr("Use the middle dot · (U+00B7) to split words."),
                    re.sub(f"[{_ODD_MIDDOTS}]", "·", token.text),
                )
                continue
            hyphens = [s for s in token.seps if s in HYPHENS]
            if (
                style == "middle-dot"
                and hyphens
                and not _hyphen_allowed(doc, token)
                and not any(_caps_or_digits(p) for p in parts)
            ):
                yield Hit.at(
                    unit.index,
                    token,
                    "error",
                    doc.tr("Split words with the middle dot, not with a hyphen."),
                    join_parts(parts, style),
                )
                continue
            if style == "hyphen" and middots:
                yield Hit.at(
                    unit.index,
                    token,
                    "error",
                    doc.tr("Split words with a hyphen, not with the middle dot."),
                    join_parts(parts, style),
                )
                continue
            for sep, (start, end), text in zip(token.seps, token.parts[1:], parts[1:], strict=True):
                if (
                    style == "middle-dot"
                    and sep == "·"
                    and text[:1].isupper()
                    and (sum(1 for ch in text if ch.isupper()) == 1)
                ):
                    yield Hit(
                        unit.index,
                        start,
                        end,
                        "warning",
                        doc.tr("After the middle dot, go on with a small letter."),
                        text[:1].lower() + text[1:],
                    )
                elif (
                    style == "hyphen"
                    and sep in HYPHENS
                    and text[:1].islower()
                    and (parts[0][:1].isupper())
                ):
                    yield Hit(
                        unit.index,
                        start,
                        end,
                        "warning",
                        doc.tr("After the hyphen, go on with a capital letter."),
                        text[:1].upper() + text[1:],
                    )


def compound(doc: Doc) -> Iterator[Hit]:
    """Long words without a separator (German: from 14 letters an error, compound nouns from
    10 letters a hint); the suggestion splits them in the house style ("Renten·versicherung").
    Off where ``compound_letters`` is 0: languages that do not join words into compounds."""
    error_at = int(doc.get("compound_letters") or 0)
    warn_at = int(doc.get("compound_warning_letters") or error_at)
    if not error_at:
        return
    style = _house_style(doc)
    for unit in doc.units:
        for token in unit.tokens:
            if token.kind != "word" or token.seps or sum(c.isupper() for c in token.text) > 1:
                continue
            size = letters(token.text)
            if size < warn_at:
                continue
            parts = doc.profile.compound_parts(token.text)
            suggestion = join_parts(parts, style) if parts else None
            if size >= error_at:
                # A common word that is no compound (a verb such as "unterschreiben") is
                # long but cannot be split: the guidelines split compound nouns.
                plain = not parts and doc.known(token.text.lower(), 3.0)
                yield Hit.at(
                    unit.index,
                    token,
                    "warning" if plain else "error",
                    doc.tr(
                        "{word} is a long word ({count} letters).",
                        word=quote(token.text),
                        count=size,
                    ),
                    suggestion or doc.tr("Use a shorter word, or split it with the middle dot."),
                )
            elif (
                parts
                and token.text[:1].isupper()
                and doc.zipf(token.text) < 4.5
                and min(len(p) for p in parts) >= 4
            ):
                yield Hit.at(
                    unit.index,
                    token,
                    "warning",
                    doc.tr(
                        "{word} is a compound word. Split it to make it easier to read.",
                        word=quote(token.text),
                    ),
                    suggestion,
                )


def _shape(text: str, length: int) -> tuple[int, ...]:
    """Positions of compound separators, counted in letters, within the first ``length``."""
    if not _SEPARATOR.search(text):
        return ()  # most words
    positions = []
    count = 0
    for ch in text:
        if ch in MIDDOTS or ch in HYPHENS:
            if count < length:
                positions.append(count)
        elif not ch.isspace() and ch != "\u00ad":
            count += 1
    return tuple(positions)


def glossary_consistency(doc: Doc) -> Iterator[Hit]:
    """A word-book term is written the same way everywhere (same splitting as in the
    word-book); without a word-book, one spelling per word across the text."""
    keys = doc.glossary_keys()
    style = _house_style(doc)
    shapes: defaultdict[str, Counter[tuple[int, ...]]] = defaultdict(Counter)
    places: list[tuple[int, Token, str, tuple[int, ...]]] = []
    memo = doc.lasting("term_for")
    for unit in doc.units:
        if unit.kind in NAME_KINDS:
            continue
        for token in unit.tokens:
            if token.kind != "word" or _hyphen_allowed(doc, token):
                continue
            key = normalise(token.text)
            term_key = None
            if keys:
                if key not in memo:
                    memo[key] = doc.glossary_term_for(key)
                term_key = memo[key]
            if term_key is not None:
                term = keys[term_key]
                if _shape(token.text, len(term_key)) != _shape(term, len(term_key)):
                    rest = key[len(term_key) :]
                    yield Hit.at(
                        unit.index,
                        token,
                        "error",
                        doc.tr(
                            "Write {word} as in the word-book: {term}.",
                            word=quote(token.text),
                            term=quote(term),
                        ),
                        term + rest,
                    )
                continue
            if letters(token.text) >= 6:
                shape = _shape(token.text, len(key))
                shapes[key][shape] += 1  # not setdefault(key, Counter()): 8 us a word
                places.append((unit.index, token, key, shape))
    for index, token, key, shape in places:
        counter = shapes[key]
        if len(counter) < 2:
            continue
        usual, _ = counter.most_common(1)[0]
        if shape != usual:
            parts, pos = [], 0
            for cut in (*usual, len(key)):
                parts.append(key[pos:cut])
                pos = cut
            written = join_parts(parts, style) if len(parts) > 1 else key
            if token.text[:1].isupper():
                written = written[:1].upper() + written[1:]
            yield Hit.at(
                index,
                token,
                "warning",
                doc.tr("{word} is written in different ways in this text.", word=quote(token.text)),
                written,
            )
