"""Safe inline rendering of untrusted translated text: bold, links, line breaks, nothing else."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from .readability.text import LATIN_LETTERS, quoted_pattern

#: Link schemes a translator may use; anything else is shown as the link text only.
ALLOWED_SCHEMES = frozenset({"https", "mailto", "tel"})

#: Longer texts are not parsed as Markdown (the parser is slow on hostile input such as a
#: megabyte of "!["); they are shown as plain escaped text. Real blocks are far shorter.
MAX_MARKUP_CHARS = 20_000

#: Web and e-mail addresses up to this length are never broken over two lines.
MAX_UNBROKEN_ADDRESS = 40

#: A Mediopunkt compound with at least this many letters may break after each "·".
#: Easy language never splits a word over two lines; only a compound too long for an A5
#: line (about 25 letters at 14 pt) may break at its Mediopunkt rather than overflow.
MEDIOPUNKT_BREAK_LETTERS = 26

# Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): a translator
# could use them to show text in another order than it is stored (and searched, checked).
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
# Removed from every translation: C0/C1 controls (except the line break), the soft hyphen
# (easy language never splits a word over two lines), BOM, lone surrogates, noncharacters
# and the bidi controls. Joiners (ZWJ/ZWNJ, needed for Arabic and Persian) and the
# direction marks LRM/RLM/ALM stay: they do not reorder text on their own.
_DROP_RE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\ufeff\ud800-\udfff\ufdd0-\ufdef"
    + _BIDI_CONTROLS
    + _NONCHARACTERS
    + "]"
)

# Latin letters and digits (also Arabic-Indic) for LTR isolation inside RTL text.
_L = LATIN_LETTERS
_D = "0-9\u0660-\u0669\u06f0-\u06f9"
_W = f"[{_L}{_D}]"
# Each pattern starts only at the beginning of a run (lookbehind) and never backtracks
# into it (possessive quantifiers), so a megabyte of letters is scanned in linear time.
_URL = r"(?<![\w/.])(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,:;!?)\]'’”»]"
_EMAIL = (
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@"
    r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}+"
)
_TOKEN = rf"\+?{_W}++(?:[·'’._/:,+\-–@&]{_W}++)*+(?:[ \u00a0\u202f]?%)?"
_RUN = rf"(?<!{_W}){_TOKEN}(?:[ \u00a0\u202f]++{_TOKEN})*+"
_LTR_RE = re.compile(rf"(?P<address>{_URL}|{_EMAIL})|{_RUN}")
_ADDRESS_RE = re.compile(rf"(?P<address>{_URL}|{_EMAIL})")
# Groups of digits separated by spaces (phone numbers): never broken over two lines.
_NUM = rf"[{_D}](?:[.,:/\-–]?[{_D}])*+"
_NUMBER_GROUPS_RE = re.compile(rf"(?<![{_D}.,:/\-–+])\+?{_NUM}(?:[ \u00a0]{_NUM})++")
_DIGIT_RE = re.compile(f"[{_D}]")
_COMPOUND_RE = re.compile(r"(?<![\w·])\w++(?:·\w++)+")
_BLANK_LINES_RE = re.compile(r"\n{2,}")
# Same entities as markupsafe.escape, via str.translate (fast for many short runs).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def clean_text(text: str) -> str:
    """Remove control and bidi-override characters; NFC; one ``\\n`` between lines.

    >>> clean_text("Sie bekommen \\u202egeld\\u202c viel.\\r\\n\\r\\nJa.\\x00")
    'Sie bekommen geld viel.\\nJa.'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", _DROP_RE.sub("", text))
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_LINES_RE.sub("\n", "\n".join(lines)).strip("\n")


@dataclass(frozen=True)
class QuotedTerms:
    """Words of another language that a text may quote ("In German, this is called:
    Aufenthaltserlaubnis."): shown in an element with their own ``lang`` (and ``dir``),
    so a screen reader speaks them in that language (WCAG 3.1.2, PDF/UA-1 7.2)."""

    pattern: re.Pattern[str]
    lang: str
    direction: str


def quoted_terms(phrases: Iterable[str], lang: str, direction: str) -> QuotedTerms | None:
    """The ``QuotedTerms`` for ``phrases`` (as whole words, the longest first, as the
    checker masks them); None without any."""
    unique = tuple(sorted({p for p in phrases if p.strip()}))
    if not unique:
        return None
    return QuotedTerms(quoted_pattern(unique), lang, direction)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["emphasis", "link", "image", "newline", "escape", "autolink"])
    # Accept every URL at parse time so a refused link still shows its text (not its
    # Markdown source); the scheme is decided in _safe_href.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def _inline_tokens(text: str) -> list[Any]:
    tokens = _parser().parseInline(text)
    return list(tokens[0].children or []) if tokens else []


def render_inline(
    text: str,
    *,
    rtl: bool,
    break_letters: int = MEDIOPUNKT_BREAK_LETTERS,
    quoted: QuotedTerms | None = None,
) -> Markup:
    """Render one translated block as safe inline HTML.

    Only ``**bold**``, links (``https:``, ``mailto:``, ``tel:``) and line breaks (each
    line is a sentence: ``<br>``) survive; everything else is escaped text. The ``quoted``
    terms of another language are set in an element with their language.

    >>> str(render_inline("**Wichtig:** <b>x</b>\\n[Hier](javascript:alert(1)).", rtl=False))
    '<strong>Wichtig:</strong> &lt;b&gt;x&lt;/b&gt;<br>\\nHier.'
    >>> str(render_inline("اتصل 030 60 28 00 28.", rtl=True))
    'اتصل <span dir="ltr" class="nobreak">030 60 28 00 28</span>.'
    """
    text = clean_text(text)
    if len(text) > MAX_MARKUP_CHARS:
        return Markup(_text_html(text, rtl, break_letters).replace("\n", "<br>\n"))
    out: list[str] = []
    links: list[bool] = []  # per open link: was it allowed (rendered as <a>)?
    for token in _inline_tokens(text):
        kind = token.type
        if kind == "text":
            out.append(_quoted_html(token.content, rtl, break_letters, quoted))
        elif kind in ("softbreak", "hardbreak"):
            out.append("<br>\n")
        elif kind == "strong_open":
            out.append("<strong>")
        elif kind == "strong_close":
            out.append("</strong>")
        elif kind in ("em_open", "em_close"):
            continue  # easy language has no italics: emphasis becomes plain text
        elif kind == "link_open":
            href = _safe_href(str(token.attrs.get("href", "")))
            allowed = href is not None and not any(links)
            links.append(allowed)
            if allowed:
                out.append(f'<a href="{escape(href)}">')
        elif kind == "link_close":
            if links and links.pop():
                out.append("</a>")
        elif kind == "image":
            out.append(_text_html(_plain_of(token.children or []), rtl, break_letters))
        else:  # pragma: no cover - rules are limited to the ones above
            out.append(_text_html(token.content, rtl, break_letters))
    return Markup("".join(out))


def render_plain(text: str) -> Markup:
    """Escaped text without markup, lines joined by spaces: for ``<title>`` and ``alt``.

    >>> str(render_plain('**Mini·job** "Heft"\\n[Link](https://x.de) <x>'))
    'Mini·job &#34;Heft&#34; Link &lt;x&gt;'
    """
    return escape(plain_text(text))


def plain_text(text: str) -> str:
    """The visible text of a block: markup removed, lines joined by spaces (not escaped)."""
    text = clean_text(text)
    if len(text) > MAX_MARKUP_CHARS:
        return text.replace("\n", " ")
    return _plain_of(_inline_tokens(text))


def _plain_of(tokens: Iterable[Any]) -> str:
    parts: list[str] = []
    for token in tokens:
        if token.type == "text":
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_plain_of(token.children or []))
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def _safe_href(href: str) -> str | None:
    """The link target if its scheme is allowed, else None."""
    href = href.strip()
    if not href or any(c.isspace() or unicodedata.category(c) == "Cc" for c in href):
        return None
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return None
    if scheme not in ALLOWED_SCHEMES:
        return None
    if scheme == "https" and not href.lower().startswith("https://"):
        return None
    return href


def ltr_html(text: str) -> Markup:
    """Escaped text in an LTR span (phone numbers, URLs, addresses inside RTL pages)."""
    return Markup(f"<span {ltr_attrs(text)}>{ltr_text(text)}</span>")


def ltr_attrs(text: str) -> Markup:
    """The attributes that keep ``text`` left to right (and short addresses on one line).

    For an element that holds the text itself, such as a link: a span inside a link would
    be tagged as a child of the link in the PDF and carry the link's annotation.
    """
    css = ' class="nobreak"' if len(clean_text(text)) <= MAX_UNBROKEN_ADDRESS else ""
    return Markup(f'dir="ltr"{css}')


def ltr_text(text: str) -> Markup:
    """The escaped text of ``ltr_html``, breakable after "/" in long web addresses."""
    return Markup(_break_compounds(clean_text(text), url=True))


def _quoted_html(text: str, rtl: bool, letters: int, quoted: QuotedTerms | None) -> str:
    """``_text_html``, with each quoted term of another language in an element with its
    ``lang``. In right-to-left text a left-to-right term marks the run it stands in, so
    the run keeps its order ("Bürgertelefon zum Mindestlohn" stays one run).

    >>> terms = quoted_terms(["Kündigung", "Mindestlohn"], "de", "ltr")
    >>> _quoted_html("In German: Kündigung.", False, 26, terms)
    'In German: <span lang="de">Kündigung</span>.'
    >>> _quoted_html("بالألمانية: Kündigung.", True, 26, terms)
    'بالألمانية: <span dir="ltr" lang="de">Kündigung</span>.'
    >>> _quoted_html("اسمه: Bürgertelefon zum Mindestlohn.", True, 26, terms)
    'اسمه: <span dir="ltr" lang="de">Bürgertelefon zum Mindestlohn</span>.'
    """
    if quoted is None or (rtl and quoted.direction == "ltr"):
        return _text_html(text, rtl, letters, quoted)
    out: list[str] = []
    last = 0
    for match in quoted.pattern.finditer(text):
        start, end = match.span()
        out.append(_text_html(text[last:start], rtl, letters))
        direction = f' dir="{quoted.direction}"' if rtl != (quoted.direction == "rtl") else ""
        out.append(
            f'<span lang="{escape(quoted.lang)}"{direction}>'
            f"{_break_compounds(match.group(), letters=letters)}</span>"
        )
        last = end
    out.append(_text_html(text[last:], rtl, letters))
    return "".join(out)


def _text_html(
    text: str,
    rtl: bool,
    letters: int = MEDIOPUNKT_BREAK_LETTERS,
    quoted: QuotedTerms | None = None,
) -> str:
    """Escape a text run; in RTL text wrap LTR runs (marking ``quoted`` terms inside
    them); keep addresses and numbers whole."""
    pattern = _LTR_RE if rtl else _ADDRESS_RE
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start > last:
            out.append(_numbers_html(text[last:start], letters))
        run = match.group(0)
        if match.group("address"):
            whole = len(run) <= MAX_UNBROKEN_ADDRESS
        else:
            whole = " " in run and _NUMBER_GROUPS_RE.fullmatch(run) is not None
        attrs = (' dir="ltr"' if rtl else "") + (' class="nobreak"' if whole else "")
        inner = _break_compounds(run, url=not whole, letters=letters)
        if quoted is not None and not match.group("address") and not whole:
            attrs += _run_lang(run, quoted)
        out.append(f"<span{attrs}>{inner}</span>" if attrs else inner)
        last = end
    if last < len(text):
        out.append(_numbers_html(text[last:], letters))
    return "".join(out)


def _run_lang(run: str, quoted: QuotedTerms) -> str:
    """The ``lang`` attribute of a left-to-right run in right-to-left text: a run with a
    quoted term in it is a phrase of that language ("Bürgertelefon zum Mindestlohn") and
    takes its ``lang`` as a whole (WeasyPrint misplaces an element nested in such a run:
    the text next to it ran out of its column); "" for any other run."""
    if quoted.pattern.search(run) is None:
        return ""
    return f' lang="{escape(quoted.lang)}"'


def _numbers_html(text: str, letters: int = MEDIOPUNKT_BREAK_LETTERS) -> str:
    """Escape; keep groups of digits (phone numbers) on one line."""
    if not _DIGIT_RE.search(text):
        return _break_compounds(text, letters=letters)
    out: list[str] = []
    last = 0
    for match in _NUMBER_GROUPS_RE.finditer(text):
        out.append(_break_compounds(text[last : match.start()], letters=letters))
        out.append(f'<span class="nobreak">{match.group(0).translate(_ESCAPES)}</span>')
        last = match.end()
    out.append(_break_compounds(text[last:], letters=letters))
    return "".join(out)


def _break_compounds(
    text: str, *, url: bool = False, letters: int = MEDIOPUNKT_BREAK_LETTERS
) -> str:
    """Escape ``text`` and allow a line break after each "·" of a long compound word.

    >>> _break_compounds("Arbeits·unfähigkeits·bescheinigungs·pflicht & Mini·job")
    'Arbeits·<wbr>unfähigkeits·<wbr>bescheinigungs·<wbr>pflicht &amp; Mini·job'
    """
    if "·" not in text and (not url or "/" not in text):
        return text.translate(_ESCAPES)
    out: list[str] = []
    last = 0
    for match in _COMPOUND_RE.finditer(text):
        word = match.group(0)
        out.append(text[last : match.start()].translate(_ESCAPES))
        if sum(c.isalpha() for c in word) >= letters:
            out.append("·<wbr>".join(part.translate(_ESCAPES) for part in word.split("·")))
        else:
            out.append(word.translate(_ESCAPES))
        last = match.end()
    out.append(text[last:].translate(_ESCAPES))
    html = "".join(out)
    if url and len(text) > MAX_UNBROKEN_ADDRESS and "/" in text:
        # Long web addresses may break after a "/" (never inside a word).
        html = re.sub(r"(?<=[^/:])/(?=[^/])", "/<wbr>", html)
    return html
