"""Inline rendering of untrusted translations: only bold, safe links and line breaks survive."""

from __future__ import annotations

import contextlib
import re
import signal
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leichtesprache.markup import clean_text, ltr_html, plain_text, render_inline, render_plain

# Every tag render_inline may produce; anything else in the output is a leak.
ALLOWED_TAG = re.compile(
    r'<strong>|</strong>|<br>|<wbr>|<a href="(?:https://|mailto:|tel:)[^"<>]*">|</a>'
    r'|<span(?: dir="ltr")?(?: class="nobreak")?>|</span>'
)
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def html(text: str, rtl: bool = False) -> str:
    return str(render_inline(text, rtl=rtl))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script> Text.", "&lt;script&gt;alert(1)&lt;/script&gt; Text."),
        (
            '<img src="file:///etc/passwd"> Bild.',
            "&lt;img src=&#34;file:///etc/passwd&#34;&gt; Bild.",
        ),
        ("[Klick](javascript:alert(1)) hier.", "Klick hier."),
        ("[Datei](file:///etc/passwd) hier.", "Datei hier."),
        ("[Datei](<file:///etc/passwd>) hier.", "Datei hier."),
        ("[Web](http://example.org) hier.", "Web hier."),
        ("[Daten](data:text/html,<b>x</b>) hier.", "Daten hier."),
        ("![x](/etc/passwd) Bild.", "x Bild."),
        ("![x](file:///etc/passwd) Bild.", "x Bild."),
        ("{{ 7*7 }} und {% raw %}", "{{ 7*7 }} und {% raw %}"),
        (
            "<style>@import url(file:///etc/passwd)</style>",
            "&lt;style&gt;@import url(file:///etc/passwd)&lt;/style&gt;",
        ),
        ("&lt;b&gt; &amp;", "&amp;lt;b&amp;gt; &amp;amp;"),
        ("Sie bekommen \u202egeld\u202c viel.", "Sie bekommen geld viel."),
        ("a\u2066b\u2069c\u202dd", "abcd"),
        ("Null\x00 und \x1b[31m Escape", "Null und [31m Escape"),
        ("Wort\u00adteil", "Wortteil"),
    ],
)
def test_hostile_text_is_inert(text: str, expected: str) -> None:
    assert html(text) == expected


def test_bold_links_and_sentence_breaks() -> None:
    out = html(
        "**Wichtig:** Rufen Sie an.\nOder schreiben Sie [uns](mailto:a@b.de).\n"
        "[Web](https://www.bmas.de) [Tel](tel:+493060280028)"
    )
    assert out == (
        "<strong>Wichtig:</strong> Rufen Sie an.<br>\n"
        'Oder schreiben Sie <a href="mailto:a@b.de">uns</a>.<br>\n'
        '<a href="https://www.bmas.de">Web</a> <a href="tel:+493060280028">Tel</a>'
    )


def test_no_italics_and_no_block_markdown() -> None:
    assert html("Das ist *schräg* und _auch_.") == "Das ist schräg und auch."
    assert html("__fett__") == "<strong>fett</strong>"
    assert html("# Titel\n- Punkt\n> Zitat") == "# Titel<br>\n- Punkt<br>\n&gt; Zitat"


def test_link_attributes_are_escaped() -> None:
    out = html('[x](https://example.org/"onmouseover=alert(1))')
    assert '"onmouseover' not in out
    assert ALLOWED_TAG.sub("", out).count("<") == 0


def test_blank_lines_and_spaces_are_normalised() -> None:
    assert clean_text("  Eins.  \r\n\r\n\r\n Zwei.\u2028Drei.\t") == "Eins.\nZwei.\nDrei."


def test_mediopunkt_compounds_may_break_only_when_long() -> None:
    assert html("Mini·job") == "Mini·job"
    assert html("Integrations·zentrum") == "Integrations·zentrum"  # fits a line: never split
    assert html("Kranken·versicherungs·karten·nummer") == (
        "Kranken·<wbr>versicherungs·<wbr>karten·<wbr>nummer"
    )


def test_phone_numbers_stay_on_one_line() -> None:
    assert html("Rufen Sie 030 60 28 00 28 an.") == (
        'Rufen Sie <span class="nobreak">030 60 28 00 28</span> an.'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "اتصل على 030 60 28 00 28.",
            'اتصل على <span dir="ltr" class="nobreak">030 60 28 00 28</span>.',
        ),
        ("الرقم +49 30 1234-567!", 'الرقم <span dir="ltr" class="nobreak">+49 30 1234-567</span>!'),
        (
            "زوروا https://www.bmas.de.",
            'زوروا <span dir="ltr" class="nobreak">https://www.bmas.de</span>.',
        ),
        (
            "اكتب إلى info@minijob-zentrale.de الآن",
            'اكتب إلى <span dir="ltr" class="nobreak">info@minijob-zentrale.de</span> الآن',
        ),
        ("الحد 603 يورو", 'الحد <span dir="ltr">603</span> يورو'),
        ("الأجر 13,90 يورو", 'الأجر <span dir="ltr">13,90</span> يورو'),
        (
            "مركز Minijob-Zentrale Berlin هنا",
            'مركز <span dir="ltr">Minijob-Zentrale Berlin</span> هنا',
        ),
        ("في 80 % من الحالات", 'في <span dir="ltr">80 %</span> من الحالات'),
    ],
)
def test_rtl_isolates_ltr_runs(text: str, expected: str) -> None:
    assert html(text, rtl=True) == expected


def test_rtl_link_text_is_isolated_inside_the_link() -> None:
    assert html("[www.bmas.de](https://www.bmas.de)", rtl=True) == (
        '<a href="https://www.bmas.de"><span dir="ltr" class="nobreak">www.bmas.de</span></a>'
    )


def test_ltr_filter_and_plain() -> None:
    assert (
        str(ltr_html("030 60 28 00 28")) == '<span dir="ltr" class="nobreak">030 60 28 00 28</span>'
    )
    assert str(ltr_html("<b>")) == '<span dir="ltr" class="nobreak">&lt;b&gt;</span>'
    assert str(render_plain('**Mini·job** "Heft"\n[Link](https://x.de) <x>')) == (
        "Mini·job &#34;Heft&#34; Link &lt;x&gt;"
    )
    assert plain_text("![Bild](x.svg) und\n**fett**") == "Bild und fett"


@pytest.mark.parametrize(
    "text",
    ["a" * 1_000_000, "![" * 500_000, "[a](" * 250_000, "1 " * 500_000, "اب " * 330_000],
    ids=["letters", "images", "links", "digits", "arabic"],
)
def test_one_megabyte_is_handled_without_backtracking(text: str) -> None:
    """A pattern that backtracks on hostile text takes hours for a megabyte: the guard
    stops it after a minute (no time is asserted; it takes about a second)."""
    with _must_finish(seconds=60):
        out = html(text, rtl=True) + html(text) + str(render_plain(text))
    assert ALLOWED_TAG.sub("", out).count("<") == 0


@contextlib.contextmanager
def _must_finish(seconds: int) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: a pattern backtracks")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
    | st.text(alphabet="*_[]()!<>\\/:.@ \nabc·0123456789اب\u202e\u2066", max_size=80),
    st.booleans(),
)
def test_never_crashes_never_leaks_markup(text: str, rtl: bool) -> None:
    out = html(text, rtl)
    assert ALLOWED_TAG.sub("", out).count("<") == 0
    assert not BIDI.search(out)
    assert "<" not in str(render_plain(text))
