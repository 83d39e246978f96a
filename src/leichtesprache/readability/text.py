"""Own tokenisation: inline Markdown, protected spans, words, sentences, syllables, letters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

#: Word-internal compound separators: Mediopunkt and its look-alikes seen in real data.
MIDDOTS = "\u00b7\u2219\u22c5\u2027"
HYPHENS = "-\u2010\u2011"
APOSTROPHES = "'\u2019\u02bc"
#: Characters that end a sentence.
TERMINALS = ".!?\u2026\u061f\u06d4\u203c\u2047\u2048\u2049\u3002\uff01\uff1f"
_CLOSERS = "\"'\u2019\u201d\u00bb)]\u203a"
_GROUP_SPACES = " \u00a0\u202f\u2009"
_TERMINAL_RUN = re.compile(f"[{re.escape(TERMINALS)}][{re.escape(TERMINALS + _CLOSERS)}]*")
#: Stands in for protected text (placeholders, links) in the masked copy.
MASK = "\ue000"
#: Arabic tatweel: stretches a word, is not a letter.
TATWEEL = "\u0640"

_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^()\s]*)(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:|tel:)[^>\s]+|[^>\s@]+@[^>\s]+)>")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|\\(?=\n)")
#: Every pattern below needs one of these signs.
_MARKUP_SIGNS = re.compile(r"[`\[<*_~\\]")
_EMPHASIS = (
    re.compile(r"(?<!\\)(\*\*|__|~~)(?=\S)(.+?)(?<=[^\s\\])\1", re.S),
    re.compile(r"(?<![\w*\\])(\*)(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])", re.S),
    re.compile(r"(?<![\w\\])(_)(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)", re.S),
)

#: Protected spans: never checked as words; placeholders and phone numbers act as numbers.
#: The possessive runs (``++``) give a word back in one step instead of letter by letter: a
#: run of word letters cannot end inside a word, so they match exactly what ``+`` matches.
_PROTECTED = re.compile(
    r"(?P<placeholder>\{[^{}\s]{1,60}\})"
    r"|(?P<url>(?:https?://|mailto:|tel:|www\.)[^\s<>()\[\]{}\"]+[^\s<>()\[\]{}\".,;:!?]"
    r"|\b[\w-]++(?:\.[\w-]++)*\.(?:de|com|org|net|eu|info|gov|fr|ru|uk|at|ch|ae|sa|eg|ma)"
    r"\b(?:/[^\s<>()\[\]{}\"]*[^\s<>()\[\]{}\".,;:!?])?)"
    r"|(?P<email>[\w.+-]++@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<phone>(?<![\w.,/])(?:(?:\+|00)\d[\d ()/-]{6,}\d|0\d{2,5}[ /-]\d[\d -]{4,}\d)(?![\d/]))"
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or protected span; offsets are into the visible text."""

    text: str
    start: int
    end: int
    #: "word", "number", "placeholder", "url", "email" or "phone".
    kind: str
    #: Spans of the compound parts (one span for a simple word).
    parts: tuple[tuple[int, int], ...]
    #: The separators used inside the word, in order.
    seps: str = ""
    #: Lower case, NFC, without Arabic tashkeel and tatweel: the form word lists use.
    lower: str = ""

    def __post_init__(self) -> None:
        if not self.lower:
            object.__setattr__(self, "lower", fold(self.text))

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    def part_texts(self) -> tuple[str, ...]:
        """The texts of the compound parts (the word itself for a simple word)."""
        if len(self.parts) == 1:
            return (self.text,)
        return tuple(self.text[s - self.start : e - self.start] for s, e in self.parts)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: visible offsets, the line it starts on, its tokens."""

    start: int
    end: int
    line: int
    tokens: tuple[Token, ...]
    #: Word counts of the colon-separated segments (for sentence length).
    segments: tuple[int, ...]
    #: The tokens that are words (no numbers, links or placeholders).
    words: tuple[Token, ...] = ()


_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The form word lists use: lower case, NFC, without Arabic tashkeel and tatweel."""
    folded = unicodedata.normalize("NFC", word.lower())
    return _ARABIC_MARKS.sub("", folded) if folded and not folded.isascii() else folded


def strip_markdown(raw: str) -> tuple[str, list[int]]:
    """Visible text of inline Markdown and, per visible character, its offset in ``raw``.

    >>> strip_markdown("Sie **müssen** [hier](https://x.de) klicken.")[0]
    'Sie müssen hier klicken.'
    """
    text, offsets = raw, list(range(len(raw) + 1))
    if not _MARKUP_SIGNS.search(raw):
        return text, offsets  # plain text: no pattern below can match
    text, offsets = _apply(text, offsets, _CODE, lambda m: [1])
    text, offsets = _apply(text, offsets, _LINK, lambda m: [2])
    text, offsets = _apply(text, offsets, _AUTOLINK, lambda m: [1])
    for _ in range(3):  # nested emphasis
        before = text
        for pattern in _EMPHASIS:
            text, offsets = _apply(text, offsets, pattern, lambda m: [2])
        if text == before:
            break
    return _apply(text, offsets, _ESCAPE, lambda m: [1] if m.group(1) else [])


def _apply(
    text: str, offsets: list[int], pattern: re.Pattern[str], keep: object
) -> tuple[str, list[int]]:
    """Replace each match by the groups ``keep(match)`` names, carrying the offsets along."""
    pieces: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        pieces.append(text[pos : m.start()])
        new_offsets.extend(offsets[pos : m.start()])
        for group in keep(m):  # type: ignore[operator]
            s, e = m.span(group)
            if s >= 0:
                pieces.append(text[s:e])
                new_offsets.extend(offsets[s:e])
        pos = m.end()
    if pos == 0:
        return text, offsets
    pieces.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(pieces), new_offsets


def protect(visible: str) -> tuple[str, list[Token]]:
    """Mask placeholders, links, e-mail addresses and phone numbers; return them as tokens."""
    found: list[Token] = []
    chars = list(visible)
    for m in _PROTECTED.finditer(visible):
        kind = m.lastgroup or "url"
        s, e = m.span()
        found.append(Token(m.group(), s, e, kind, ((s, e),)))
        chars[s:e] = MASK * (e - s)
    return "".join(chars), found


def _mark_class() -> str:
    """All combining marks of the Basic Multilingual Plane plus format characters used inside
    words (soft hyphen, zero-width joiners), as a regex class body."""
    ranges: list[list[int]] = []
    for code in range(0x300, 0x10000):
        cat = unicodedata.category(chr(code))
        if cat[0] == "M" or code in (0x00AD, 0x200C, 0x200D):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return (
        "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
        + "\\u00ad"
    )


#: A run of letters, marks and decimal digits (no underscore, no superscripts).
_RUN = re.compile(f"(?:[^\\W_\u00b2\u00b3\u00b9\u2070-\u209f\u2150-\u218f]|[{_mark_class()}])+")


def _has_letter(run: str) -> bool:
    return not run.isdecimal()


def tokenize(
    masked: str,
    protected: Iterable[Token] = (),
    split_word: Callable[[str], list[str]] | None = None,
) -> list[Token]:
    """Words (with compound parts), numbers and the protected tokens, in text order.

    ``split_word`` is the language's way to cut one word into several (French elision:
    "l'employeur" -> "l'", "employeur"); the pieces must add up to the word."""
    tokens: list[Token] = list(protected)
    runs = [m.span() for m in _RUN.finditer(masked)]
    index = 0
    while index < len(runs):
        start, end = runs[index]
        part_start = start
        parts: list[tuple[int, int]] = []
        seps: list[str] = []
        has_letter = _has_letter(masked[start:end])
        while index + 1 < len(runs):
            nstart, nend = runs[index + 1]
            joint = _joint(masked, start, end, nstart, nend, has_letter)
            if joint is None:
                break
            if joint:
                parts.append((part_start, end))
                seps.append(joint)
                part_start = nstart
            has_letter = has_letter or _has_letter(masked[nstart:nend])
            end = nend
            index += 1
        index += 1
        parts.append((part_start, end))
        text = masked[start:end]
        kind = "word" if has_letter else "number"
        if kind == "word" and split_word is not None and len(parts) == 1:
            pieces = split_word(text)
            if len(pieces) > 1 and "".join(pieces) == text:
                pos = start
                for piece in pieces:
                    tokens.append(
                        Token(piece, pos, pos + len(piece), "word", ((pos, pos + len(piece)),))
                    )
                    pos += len(piece)
                continue
        tokens.append(Token(text, start, end, kind, tuple(parts), "".join(seps)))
    tokens.sort(key=lambda t: t.start)
    return tokens


def _joint(text: str, start: int, end: int, nstart: int, nend: int, letter: bool) -> str | None:
    """How the run ``start:end`` joins the next run: a compound separator, "" (same word:
    apostrophe, decimal or thousands separator) or None (a new token starts)."""
    gap = text[end:nstart]
    if len(gap) != 1:
        return None
    prev, nxt = text[end - 1], text[nstart]
    if gap in HYPHENS or (gap in MIDDOTS and prev.isalpha() and nxt.isalpha()):
        return gap
    if gap in APOSTROPHES and prev.isalpha() and nxt.isalpha():
        return ""
    if letter:
        return None
    if gap in ".,\u066b\u066c" and prev.isdecimal() and nxt.isdecimal():
        return ""
    following = text[nstart:nend]
    if gap in _GROUP_SPACES and len(following) == 3 and following.isdecimal():
        return "" if _grouped(text[start:end]) else None
    return None


def _grouped(digits_so_far: str) -> bool:
    groups = re.split(r"[ \u00a0\u202f\u2009]", digits_so_far)
    return len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without the line break."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def split_sentences(
    masked: str,
    tokens: list[Token],
    *,
    abbreviations: frozenset[str] = frozenset(),
    months: frozenset[str] = frozenset(),
    join_lines: bool = True,
    numbered: frozenset[str] = frozenset(),
    ordinal_cues: frozenset[str] = frozenset(),
) -> list[Sentence]:
    """Lines are sentences; inside a line split at terminal punctuation (not after
    abbreviations, initials or ordinals before a month name). A line without terminal
    punctuation continues on the next line when that starts with a small letter."""
    spans: list[tuple[int, int, int]] = []  # start, end, line
    lines = split_lines(masked)
    ends = {t.end: t for t in tokens}
    starts = {t.start: t for t in tokens}
    for number, (ls, le) in enumerate(lines):
        pos = ls
        skip_to = ls
        for m in _TERMINAL_RUN.finditer(masked, ls, le):
            i, j = m.start(), m.end()
            if i < skip_to:
                continue
            k = j
            while k < le and masked[k] in " \t\u00a0":
                k += 1
            skip_to = j
            if k >= le:
                continue
            if k > j and _is_boundary(
                masked, ends, starts, i, k, abbreviations, months, numbered, ordinal_cues
            ):
                spans.append((pos, j, number))
                pos = k
        if masked[pos:le].strip():
            spans.append((pos, le, number))
    spans = [_trim(masked, s, e, n) for s, e, n in spans]
    if join_lines:
        spans = _join_continued(masked, spans)
    result = []
    ti = 0
    tokens_sorted = tokens
    for s, e, n in spans:
        while ti < len(tokens_sorted) and tokens_sorted[ti].start < s:
            ti += 1
        own = []
        tj = ti
        while tj < len(tokens_sorted) and tokens_sorted[tj].start < e:
            own.append(tokens_sorted[tj])
            tj += 1
        words = tuple(t for t in own if t.kind == "word")
        result.append(Sentence(s, e, n, tuple(own), _segments(masked, own, s, e), words))
    return result


def _trim(text: str, s: int, e: int, n: int) -> tuple[int, int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e, n


def _join_continued(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for s, e, n in spans:
        if out:
            ps, pe, pn = out[-1]
            tail = text[ps:pe].rstrip(_CLOSERS)
            between = text[pe:s]
            head = text[s : s + 1]
            if (
                pn < n
                and between.count("\n") == 1
                and tail
                and tail[-1] not in TERMINALS + ":"
                and head.islower()
            ):
                out[-1] = (ps, e, pn)
                continue
        out.append((s, e, n))
    return out


def _is_boundary(
    text: str,
    ends: dict[int, Token],
    starts: dict[int, Token],
    punct: int,
    nxt: int,
    abbreviations: frozenset[str],
    months: frozenset[str],
    numbered: frozenset[str] = frozenset(),
    ordinal_cues: frozenset[str] = frozenset(),
) -> bool:
    if text[punct] != "." and text[punct] not in "\u2026":
        return True
    following = text[nxt]
    if following.islower():
        return False
    if text[punct] == "\u2026" or text[punct : punct + 3] == "...":
        return True
    before = ends.get(punct)
    if before is None:
        return True
    if before.kind == "word" and (
        len(before.text) == 1
        or before.lower in abbreviations
        or (before.lower in numbered and following.isdigit())
    ):
        return False
    if before.kind == "number" and len(before.text) <= 2:
        after = starts.get(nxt)
        if after is not None and after.lower in months:
            return False
        # "am 1. Tag", "im 2. Monat": an ordinal after a preposition or article.
        k = before.start
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        previous = ends.get(k)
        if previous is not None and previous.lower in ordinal_cues:
            return False
    return True


def _segments(text: str, tokens: list[Token], s: int, e: int) -> tuple[int, ...]:
    cuts = [m.start() + s for m in re.finditer(r":\s", text[s:e])]
    counts = [0] * (len(cuts) + 1)
    for token in tokens:
        index = sum(1 for c in cuts if c < token.start)
        counts[index] += 1
    return tuple(counts)
