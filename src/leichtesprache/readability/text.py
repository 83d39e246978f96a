"""Own tokenisation: inline Markdown, protected spans, words, sentences, syllables, letters."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

#: Word-internal compound separators: Mediopunkt and its look-alikes seen in real data.
MIDDOTS = "\u00b7\u2219\u22c5\u2027"
HYPHENS = "-\u2010\u2011"
#: Latin letters, for a regular expression's character class: ASCII, Latin-1, Latin
#: Extended-A and -B, Latin Extended Additional ("ễ" of "Nguyễn").
LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
APOSTROPHES = "'\u2019\u02bc"
#: Characters that end a sentence.
TERMINALS = ".!?\u2026\u061f\u06d4\u203c\u2047\u2048\u2049\u3002\uff01\uff1f"
#: Signs that close a quotation or brackets after its last sentence's stop; with the
#: German closing quotes (“ ‘ «, which open a quotation in English or French: there a
#: stop is never followed by an opening sign without a space).
_CLOSERS = "\"'\u2019\u201d\u00bb)]\u203a\u201c\u2018\u00ab\u2039"
_GROUP_SPACES = " \u00a0\u202f\u2009"
_TERMINAL_RUN = re.compile(f"[{re.escape(TERMINALS)}][{re.escape(TERMINALS + _CLOSERS)}]*")
#: A sign that ends a sentence after a closing bracket or quote: "(… usw.). Dann".
_ENDS_AFTER_CLOSER = re.compile(f"[{re.escape(_CLOSERS)}][{re.escape(TERMINALS)}]")
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

#: What every alternative of ``_PROTECTED`` needs: a brace, a digit, "@", ":" (a scheme) or
#: a dot before a letter (a domain, "www."). A sentence's full stop is followed by a space.
_PROTECTED_SIGNS = re.compile(r"[{@:\d]|\.\w")


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A word, number or protected span; offsets are into the visible text.

    Treated as immutable (compared and hashed by value), but not a frozen dataclass: a text
    has thousands of tokens, and a frozen class sets each field through
    ``object.__setattr__`` (0.9 against 0.2 µs a token)."""

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
            self.lower = fold(self.text)

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


def protect(visible: str, quoted: tuple[str, ...] = ()) -> tuple[str, list[Token]]:
    """Mask placeholders, links, e-mail addresses, phone numbers and the ``quoted`` words
    of another language; return them as tokens (the quoted ones of kind "quoted")."""
    masked, found = _protect(visible)
    if not quoted:
        return masked, found
    pattern = quoted_pattern(quoted)
    pieces: list[str] = []
    pos = 0
    for m in pattern.finditer(masked):
        s, e = m.span()
        found.append(Token(visible[s:e], s, e, "quoted", ((s, e),)))
        pieces += (masked[pos:s], MASK * (e - s))
        pos = e
    if pos == 0:
        return masked, found
    pieces.append(masked[pos:])
    found.sort(key=lambda t: t.start)
    return "".join(pieces), found


@lru_cache(maxsize=64)
def quoted_pattern(quoted: tuple[str, ...]) -> re.Pattern[str]:
    """The ``quoted`` phrases as whole words, the longest first: "Minijob-Zentrale" before
    "Minijob", and neither inside "Minijobs" (the rendering marks the same ones).

    >>> [m.group() for m in quoted_pattern(("Mini·job", "Minijob-Zentrale")).finditer(
    ...     "Minijob-Zentrale, Mini·job, Minijobs")]
    ['Minijob-Zentrale', 'Mini·job']
    """
    unique = sorted({q for q in quoted if q.strip()}, key=lambda q: (-len(q), q))
    alternatives = "|".join(re.escape(q) for q in unique)
    return re.compile(rf"(?<![\w·\-])(?:{alternatives})(?![\w·]|-\w)")


def _protect(visible: str) -> tuple[str, list[Token]]:
    if not _PROTECTED_SIGNS.search(visible):
        return visible, []  # most sentences: no pattern of ``_PROTECTED`` can match
    found: list[Token] = []
    pieces: list[str] = []
    pos = 0
    for m in _PROTECTED.finditer(visible):
        kind = m.lastgroup or "url"
        s, e = m.span()
        found.append(Token(m.group(), s, e, kind, ((s, e),)))
        pieces += (visible[pos:s], MASK * (e - s))
        pos = e
    if not found:
        return visible, found
    pieces.append(visible[pos:])
    return "".join(pieces), found


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


#: ``_mark_class()`` for Unicode 14.0.0 (Python 3.11), written out: computing it costs 8 ms at
#: every start of the checker. Python with another Unicode version computes its own
#: (``tests/test_readability_text.py`` compares the two).
_MARKS_UNICODE = "14.0.0"
_MARKS = (
    r"\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7\u0610-"
    r"\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed\u0711"
    r"\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823\u0825-\u0827"
    r"\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903\u093a-\u093c"
    r"\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09bc\u09be-\u09c4\u09c7-\u09c8"
    r"\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42\u0a47-\u0a48"
    r"\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5\u0ac7-\u0ac9"
    r"\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44\u0b47-\u0b48"
    r"\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8\u0bca-\u0bcd"
    r"\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d\u0c55-\u0c56\u0c62-"
    r"\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd\u0cd5-\u0cd6\u0ce2-"
    r"\u0ce3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48\u0d4a-\u0d4d\u0d57\u0d62-"
    r"\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf\u0df2-\u0df3\u0e31\u0e34-"
    r"\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u0f18-\u0f19\u0f35\u0f37\u0f39"
    r"\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97\u0f99-\u0fbc\u0fc6\u102b-\u103e"
    r"\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f"
    r"\u109a-\u109d\u135d-\u135f\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773"
    r"\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9\u1920-\u192b\u1930-\u193b"
    r"\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace\u1b00-\u1b04\u1b34-\u1b44"
    r"\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2"
    r"\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff\u200c-\u200d\u20d0-\u20f0\u2cef-"
    r"\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672\ua674-\ua67d\ua69e-"
    r"\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c\ua880-\ua881\ua8b4-\ua8c5"
    r"\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983\ua9b3-\ua9c0\ua9e5\uaa29-"
    r"\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4\uaab7-\uaab8\uaabe-\uaabf"
    r"\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed\ufb1e\ufe00-\ufe0f\ufe20-"
    r"\ufe2f\u00ad"
)


def _marks() -> str:
    return _MARKS if unicodedata.unidata_version == _MARKS_UNICODE else _mark_class()


#: A run of letters, marks and decimal digits (no underscore, no superscripts).
_RUN = re.compile(f"(?:[^\\W_\u00b2\u00b3\u00b9\u2070-\u209f\u2150-\u218f]|[{_marks()}])+")


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
    mixed = bool(tokens)  # the runs below come in text order; protected spans do not
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
            if nstart - end != 1 or (has_letter and masked[end] == " "):
                break  # the common case, decided without ``_joint``: a new token starts
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
                        Token(
                            piece,
                            pos,
                            pos + len(piece),
                            "word",
                            ((pos, pos + len(piece)),),
                            lower=fold(piece),
                        )
                    )
                    pos += len(piece)
                continue
        tokens.append(Token(text, start, end, kind, tuple(parts), "".join(seps), fold(text)))
    if mixed:
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
    ends: dict[int, Token] = {}
    starts: dict[int, Token] = {}  # both filled at the first sign inside a line
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
            if not ends:
                ends.update((t.end, t) for t in tokens)
                starts.update((t.start, t) for t in tokens)
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
        words = tuple([t for t in own if t.kind == "word"])
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
    if _ENDS_AFTER_CLOSER.search(text, punct, nxt):
        return True  # the stop of an abbreviation inside brackets, then the sentence's own
    before = ends.get(punct)
    if before is None:
        return True
    if before.kind == "word" and (
        (len(before.text) == 1 and _initial(text, before, starts.get(nxt)))
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


def _script(ch: str) -> str:
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if ch.isascii() or "\u00c0" <= ch <= "\u024f":
        return "latin"
    return "other"


def _initial(text: str, letter: Token, after: Token | None) -> bool:
    """Whether a single letter before a full stop is an initial ("А. С. Пушкин", "z. B."):
    not when a one-letter word without a stop of its own follows, and not when the next
    word is in another script ("витамина D. А солнце …": the sentence ends after "D")."""
    if after is None or after.kind != "word":
        return True
    if len(after.text) == 1 and text[after.end : after.end + 1] != ".":
        return False
    first, other = _script(letter.text), _script(after.text[0])
    return first == other or "other" in (first, other)


_COLON_CUT = re.compile(r":\s")


def _segments(text: str, tokens: list[Token], s: int, e: int) -> tuple[int, ...]:
    if ":" not in text[s:e]:
        return (len(tokens),)
    return segment_counts(text, tokens, s, e)


def segment_counts(
    text: str, tokens: Sequence[Token], s: int, e: int, items: Sequence[tuple[int, int]] = ()
) -> tuple[int, ...]:
    """Tokens per part of the sentence ``s:e``, cut after each colon and at each list item's
    label in ``items`` (the labels themselves are not counted)."""
    cuts = sorted([m.start() for m in _COLON_CUT.finditer(text, s, e)] + [a for a, _ in items])
    counts = [0] * (len(cuts) + 1)
    for token in tokens:
        if any(a <= token.start < b for a, b in items):
            continue
        counts[bisect_left(cuts, token.start)] += 1
    return tuple(counts)
