"""Test PO reading (errors with file:line) and GNU-compatible writing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leichtesprache.errors import CatalogError
from leichtesprache.pofile import format_po, read_po

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Language: de\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def test_syntax_error_has_line() -> None:
    data = (HEADER + 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n').encode()
    with pytest.raises(CatalogError) as err:
        read_po(data, "de.po")
    assert err.value.problems[0].file == "de.po"
    assert err.value.problems[0].line == 9


def test_unterminated_string() -> None:
    with pytest.raises(CatalogError) as err:
        read_po((HEADER + 'msgid "a\nmsgstr ""\n').encode(), "x.po")
    assert err.value.problems[0].line is not None


def test_wrong_encoding_names_line() -> None:
    data = (HEADER + 'msgid "Ärger"\nmsgstr ""\n').encode("latin-1")
    with pytest.raises(CatalogError, match="not valid UTF-8") as err:
        read_po(data, "x.po")
    assert err.value.problems[0].line == 7


def test_bom_is_accepted() -> None:
    po = read_po(("\ufeff" + HEADER + 'msgid "a"\nmsgstr "b"\n').encode(), "x.po")
    assert po.find("a").msgstr == "b"


def test_duplicates_are_reported_with_both_lines() -> None:
    data = HEADER + 'msgctxt "x"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "x"\nmsgid "a"\nmsgstr ""\n'
    with pytest.raises(CatalogError, match="there twice") as err:
        read_po(data.encode(), "x.po")
    assert err.value.problems[0].line == 11


def test_missing_header_is_reported() -> None:
    with pytest.raises(CatalogError, match="no header"):
        read_po(b'msgid "a"\nmsgstr "b"\n', "x.po")


def test_missing_plural_forms_header() -> None:
    data = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n'
    with pytest.raises(CatalogError, match="Plural-Forms"):
        read_po(data.encode(), "x.po")


def test_truncated_and_binary_files() -> None:
    with pytest.raises(CatalogError):
        read_po((HEADER + 'msgctxt "x"\nmsgid').encode(), "x.po")
    with pytest.raises(CatalogError, match="NUL byte"):
        read_po(b"\x00\x01\x02" * 10, "x.po")
    with pytest.raises(CatalogError, match="empty"):
        read_po(b"", "x.po")


def _entries(po: list[polib.POEntry]) -> list[tuple]:
    return [
        (
            e.msgctxt,
            e.msgid,
            e.msgid_plural,
            e.msgstr,
            tuple(sorted(e.msgstr_plural.items())),
            e.comment,
            e.tcomment,
            tuple(e.occurrences),
            tuple(e.flags),
            e.previous_msgid,
            e.previous_msgctxt,
            bool(e.obsolete),
        )
        for e in po
    ]


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=120)
_line = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40
).map(str.strip)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(_line, _text, _text, st.booleans(), _line, st.booleans()),
        max_size=8,
        unique_by=lambda t: t[0] or "c",
    )
)
def test_round_trip_is_lossless(items) -> None:
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "de",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for ctx, msgid, msgstr, fuzzy, comment, obsolete in items:
        entry = polib.POEntry(
            msgctxt=ctx or "c",
            msgid=msgid or "m",
            msgstr=msgstr,
            comment=comment,
            flags=["fuzzy"] if fuzzy else [],
        )
        if fuzzy:
            entry.previous_msgid = (msgid or "m") + " alt"
        entry.obsolete = obsolete and bool(msgstr)
        if not entry.obsolete:
            entry.occurrences = [("content/x.md", "3")]
        po.append(entry)
    text = format_po(po)
    again = read_po(text.encode(), "x.po")
    # The writer puts obsolete entries last, as msgmerge does.
    expected = [e for e in po if not e.obsolete] + [e for e in po if e.obsolete]
    assert _entries(again) == _entries(expected)
    assert format_po(again) == text


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU gettext not installed")
def test_wrapping_matches_gnu_msgcat(tmp_path: Path) -> None:
    words = [
        "Sie",
        "bekommen",
        "den",
        "Mindest·lohn",
        "von",
        "{minimum_wage}",
        "pro",
        "Stunde.",
        "Minijob-Zentrale",
        "https://www.minijob-zentrale.de/DE/service",
        "tel:+49-355-2902",
        '"quoted"',
        "a\\b",
        "يجب",
        "أن",
        "يدفع",
        "لك",
        "صاحب",
        "العمل",
        "Ваш",
        "работодатель",
        "должен",
        "платить",
        "(siehe)",
        "80",
        "%",
        "x/y",
        "wort-wort",
        "2026-07-01",
        "ja!",
        "nein?",
    ]
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "de",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for i in range(300):
        rng = (i * 7919) % 997
        lines = [
            " ".join(words[(rng + k * j) % len(words)] for j in range(3 + (rng + k) % 25))
            for k in range(1 + rng % 3)
        ]
        msgid = "\n".join(lines)
        po.append(
            polib.POEntry(
                msgctxt=f"s.{i}",
                msgid=msgid,
                msgstr=msgid[::-1],
                occurrences=[(f"content/minijob/sections/s{i}.md", str(i))],
                comment="Paragraph.\ncheck: allow negation — legal right",
            )
        )
    path = tmp_path / "x.po"
    path.write_text(format_po(po), encoding="utf-8")
    out = subprocess.run(["msgcat", str(path)], capture_output=True, text=True, check=True)
    assert out.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('msgid "y"\nmsgstr "x"\n\n# o\nmsgstr "oof"\nmsgid ""\n', "empty msgid"),
        ('msgid "a"\nmsgid_plural "b"\n', r"has no msgstr\[0\]"),
        ('msgid "a"\nmsgstr "b\\0c"\n', "NUL character"),
        ('msgid "a"\nmsgstr[0] "b"\n', "no msgid_plural"),
    ],
)
def test_structural_errors_found_by_fuzzing(body: str, message: str) -> None:
    with pytest.raises(CatalogError, match=message) as err:
        read_po(body.encode(), "x.po", require_header=False)
    assert err.value.problems[0].line is not None


def test_a_backslash_zero_in_a_comment_is_plain_text() -> None:
    """Only strings hold escapes: msgfmt -c accepts "#. Tippen Sie \\0 ein" (found by
    test_round_trip_is_lossless with a comment of "\\0")."""
    po = read_po((HEADER + '#. Tippen Sie \\0 ein\nmsgid "a"\nmsgstr "b"\n').encode(), "x.po")
    assert po[0].comment == "Tippen Sie \\0 ein"
    with pytest.raises(CatalogError, match="NUL character") as err:
        read_po((HEADER + '#. \\0\nmsgid "a"\nmsgstr "b\\0"\n').encode(), "x.po")
    assert err.value.problems[0].line == HEADER.count("\n") + 3


def test_gnu_escapes_are_decoded_and_written_back() -> None:
    po = read_po((HEADER + 'msgid "a"\nmsgstr "\\x41\\101\\a\\v"\n').encode(), "x.po")
    assert po[0].msgstr == "AA\a\v"
    assert 'msgstr "AA\\a\\v"' in format_po(po)


_LINE_PIECES = st.lists(
    st.sampled_from(
        [
            "msgid",
            "msgstr",
            "msgstr[0]",
            "msgctxt",
            "#~",
            "#",
            "#,",
            '"',
            "\\",
            "\\n",
            "\\q",
            "\\x4",
            "\\0",
            "a",
            "ä",
            " ",
            "\t",
            "\r",
            "\ufeff",
            "\u2028",
            "\f",
        ]
    ),
    max_size=8,
).map("".join)


_GOOD_LINES = st.sampled_from(
    [
        'msgid "a"',
        'msgstr "b\\n"',
        '"c \\"d\\""',
        "# note",
        '#~ msgid "e"',
        "",
        "  \t",
        'msgstr[1] "\\x41"',
        "#: file.md:3",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_GOOD_LINES | _LINE_PIECES, min_size=1, max_size=6))
def test_the_syntax_check_at_a_glance_accepts_only_what_the_line_loop_accepts(
    lines: list[str],
) -> None:
    """``_check_syntax`` skips its line loop when one pattern accepts every line: that
    pattern may accept only lines the loop accepts, so the two give the same answer."""
    import re

    from leichtesprache import pofile

    text = "\n".join(lines)

    def outcome() -> tuple[str, int | None] | None:
        try:
            pofile._check_syntax(text, "x.po")
        except CatalogError as exc:
            return str(exc), exc.problems[0].line
        return None

    fast = outcome()
    original = pofile._PLAIN_LINE
    pofile._PLAIN_LINE = re.compile("(?!)")  # never matches: always the loop
    try:
        assert outcome() == fast
    finally:
        pofile._PLAIN_LINE = original
