"""Property-based safety tests (Hypothesis): PO round trip, merge, Markdown section parser.

Each property runs a bounded number of examples so the file stays fast; the long runs are the
fuzz harnesses in fuzz/. ``SAFETY_EXAMPLES_SCALE=20 pytest tests/test_safety_properties.py``
runs 20 times as many examples.
"""

from __future__ import annotations

import os
import string

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leichtesprache.catalog import format_catalog
from leichtesprache.content import parse_section
from leichtesprache.errors import CatalogError, ContentError
from leichtesprache.languages import get_language
from leichtesprache.merge import merge
from leichtesprache.pofile import format_po, read_po

SCALE = int(os.environ.get("SAFETY_EXAMPLES_SCALE", "1"))
FAST = settings(
    max_examples=50 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

#: Not generated: the characters str.splitlines() breaks at besides \n and \r ("\x0b\x0c"
#: are fine in strings, where they are escaped, but break comments; "\x1c\x1d\x1e\x85\u2028
#: \u2029" break strings too, see test_line_separator_*), and "\a" (see test_bell_*).
RTL = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩،؛؟אבגדהוזחטיכלמנסעפצקרשת"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
ODD = ' \t\n\r"\\{}%#~|:,.\u00a0\u00ad\u200b\u200d\ufeff\x01\x08\x1b\x7f'
LETTERS = string.ascii_letters + "äöüßÄÖÜ·–—€ёжщЖЩ" + "中文字"

_char = st.sampled_from(LETTERS + RTL + BIDI + ODD)
text = st.text(_char, max_size=90)
nonempty = st.text(_char, min_size=1, max_size=90)
#: Comment lines: no line breaks inside, no spaces around (PO comments are line-based).
comment_line = (
    st.text(st.sampled_from(LETTERS + RTL + BIDI + ".,:;{}()!?-'\"\\ "), min_size=1, max_size=60)
    .map(str.strip)
    .filter(bool)
)
comment = st.lists(comment_line, max_size=3).map("\n".join)
path_part = st.text(
    st.sampled_from(string.ascii_lowercase + string.digits + "_-./"), min_size=1, max_size=20
).filter(lambda s: not s.startswith(("-", ".")))
occurrence = st.tuples(path_part, st.integers(1, 9999).map(str))
FLAGS = ["fuzzy", "python-brace-format", "no-python-format", "c-format", "no-wrap"]
LANGS = {"de": 2, "ru": 3, "ar": 6}


@st.composite
def entries(
    draw: st.DrawFn,
    nplurals: int,
    *,
    key: tuple[str | None, str] | None = None,
    obsolete: bool | None = None,
) -> polib.POEntry:
    ctx, msgid = key if key is not None else (draw(st.none() | text), draw(nonempty))
    entry = polib.POEntry(msgctxt=ctx, msgid=msgid)
    if draw(st.booleans()):
        entry.msgid_plural = draw(nonempty)
        entry.msgstr_plural = {i: draw(text) for i in range(nplurals)}
    else:
        entry.msgstr = draw(text)
    entry.comment = draw(comment)
    entry.tcomment = draw(comment)
    entry.flags = draw(st.lists(st.sampled_from(FLAGS), unique=True, max_size=3))
    entry.obsolete = draw(st.booleans()) if obsolete is None else obsolete
    if not entry.obsolete:
        entry.occurrences = draw(st.lists(occurrence, max_size=3))
    if draw(st.booleans()):  # previous text of a fuzzy entry ("#|", "#~|" when obsolete)
        entry.previous_msgctxt = draw(st.none() | nonempty)
        entry.previous_msgid = draw(nonempty)
        if entry.msgid_plural and draw(st.booleans()):
            entry.previous_msgid_plural = draw(nonempty)
    return entry


def merge_key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, "") if entry.msgctxt else (None, entry.msgid)


@st.composite
def catalogues(
    draw: st.DrawFn, *, unique_ctx: bool = False, max_entries: int = 10
) -> tuple[polib.POFile, str]:
    lang = draw(st.sampled_from(sorted(LANGS)))
    po = polib.POFile()
    po.header = draw(comment)
    po.metadata = {
        "Project-Id-Version": "test",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": get_language(lang).plural_forms,
    }
    po.metadata_is_fuzzy = draw(st.booleans())
    seen: set[tuple[str | None, str]] = set()
    for entry in draw(st.lists(entries(LANGS[lang]), max_size=max_entries)):
        # unique_ctx: unique as catalog.merge keys entries (msgctxt alone, "" = no context).
        key = merge_key(entry) if unique_ctx else (entry.msgctxt, entry.msgid)
        if key in seen:
            continue
        seen.add(key)
        po.append(entry)
    return po, lang


def fields(e: polib.POEntry) -> tuple[object, ...]:
    return (
        e.msgctxt,
        e.msgid,
        e.msgid_plural,
        e.msgstr,
        tuple(sorted(e.msgstr_plural.items())),
        e.comment,
        e.tcomment,
        tuple(e.occurrences),
        tuple(e.flags),
        e.previous_msgctxt,
        e.previous_msgid,
        e.previous_msgid_plural,
        bool(e.obsolete),
    )


def written_order(po: polib.POFile) -> list[tuple[object, ...]]:
    return [fields(e) for e in po if not e.obsolete] + [fields(e) for e in po if e.obsolete]


# --- PO round trip -------------------------------------------------------------------------------


@FAST
@given(catalogues())
def test_po_round_trip_is_lossless(generated: tuple[polib.POFile, str]) -> None:
    po, _ = generated
    written = format_po(po)
    again = read_po(written.encode("utf-8"), "x.po")
    assert written_order(again) == written_order(po)
    assert dict(again.metadata) == po.metadata
    assert bool(again.metadata_is_fuzzy) == bool(po.metadata_is_fuzzy)
    assert (again.header or "") == po.header
    assert format_po(again) == written


@pytest.mark.parametrize("char", list("\x1c\x1d\x1e\x85\u2028\u2029"))
def test_line_separator_in_text_round_trips(char: str) -> None:
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "de",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    po.append(polib.POEntry(msgctxt="a.b", msgid=f"Satz eins.{char}Satz zwei.", msgstr="x"))
    again = read_po(format_po(po).encode("utf-8"), "x.po")
    assert again[0].msgid == f"Satz eins.{char}Satz zwei."


def test_bell_and_numeric_escapes_round_trip() -> None:
    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: de\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    )
    po = read_po((header + 'msgid "x"\nmsgstr "\\x41\\101\\a"\n').encode(), "x.po")
    assert po[0].msgstr == "AA\x07"  # what msgfmt makes of it


@settings(max_examples=150 * SCALE, deadline=None)
@given(
    st.binary(max_size=400)
    | st.text(st.sampled_from('msgidctxstr_plural[]0123"\\ #~|,.:\n\r\t\x00é'), max_size=300).map(
        str.encode
    )
)
def test_po_reader_raises_only_catalog_error(data: bytes) -> None:
    try:
        po = read_po(data, "x.po", require_header=False)
    except CatalogError as exc:
        problems = exc.problems
    else:
        format_po(po)  # whatever was read can be written
        return
    assert problems
    assert all(p.file == "x.po" for p in problems)


# --- merge ---------------------------------------------------------------------------------------


def _template(draw: st.DrawFn, po: polib.POFile, nplurals: int) -> polib.POFile:
    """Any template: some keys of the catalogue (same or changed text), some new ones."""
    pot = polib.POFile()
    pot.metadata = {"POT-Creation-Date": "2026-11-24 00:00+0000"}
    seen: set[tuple[str | None, str]] = set()
    old = list(po)
    for _ in range(draw(st.integers(0, 8))):
        if old and draw(st.booleans()):
            base = draw(st.sampled_from(old))
            msgid = base.msgid if draw(st.booleans()) else draw(nonempty)
            ctx = base.msgctxt
        else:
            ctx, msgid = draw(st.none() | nonempty), draw(nonempty)
        key = (ctx, "") if ctx else (None, msgid)  # = merge_key
        if key in seen:
            continue
        seen.add(key)
        entry = draw(entries(nplurals, key=(ctx, msgid), obsolete=False))
        before = next((e for e in old if merge_key(e) == key), None)
        # Same plural shape as before (a change of shape is test_merge_keeps_*_plural_*).
        if before is not None and bool(before.msgid_plural) != bool(entry.msgid_plural):
            entry.msgid_plural = draw(nonempty) if before.msgid_plural else ""
            entry.msgstr_plural = {i: "" for i in range(nplurals)} if before.msgid_plural else {}
        entry.msgstr = ""
        entry.msgstr_plural = {i: "" for i in entry.msgstr_plural}
        entry.tcomment = ""
        entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None
        # The tool's templates carry at most one flag (see test_merge_flag_order_*).
        entry.flags = draw(st.sampled_from([[], ["python-brace-format"]]))
        pot.append(entry)
    return pot


def _translations(po: polib.POFile) -> set[tuple[str | None, str, str]]:
    """(context, msgid or '', text) of every translation; the key as merge sees it."""
    found = set()
    for e in po:
        ident = merge_key(e)
        for value in [e.msgstr, *e.msgstr_plural.values()]:
            if value:
                found.add((*ident, value))
    return found


def _reread(po: polib.POFile) -> polib.POFile:
    return read_po(format_catalog(po), "x.po")


@settings(max_examples=30 * SCALE, deadline=None, suppress_health_check=list(HealthCheck))
@given(catalogues(unique_ctx=True, max_entries=8), st.data())
def test_merge_keeps_every_translation_and_is_idempotent(generated, data) -> None:
    po, lang = generated
    # A catalogue as a translator sends it: read from its file.
    po = _reread(po)
    pot = _template(data.draw, po, LANGS[lang])
    language = get_language(lang)
    once, _ = merge(po, pot, language)
    once = _reread(once)  # what `update` writes
    twice, stats = merge(once, pot, language)
    assert format_catalog(twice) == format_catalog(once)  # update twice = update once
    assert not stats.fuzzy
    assert not stats.new
    missing = _translations(po) - _translations(once)
    assert not missing, f"translations lost by merge: {missing}"
    # Every template message is there, active, once.
    active = [(e.msgctxt, e.msgid) for e in once if not e.obsolete]
    assert active == [(e.msgctxt, e.msgid) for e in pot]


@pytest.mark.parametrize(
    "to_plural", [True, False], ids=["singular-to-plural", "plural-to-singular"]
)
def test_merge_keeps_translation_when_plural_changes(to_plural: bool) -> None:
    language = get_language("de")
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "de",
        "Plural-Forms": language.plural_forms,
    }
    old = polib.POEntry(msgctxt="x.a", msgid="1 Tag")
    new = polib.POEntry(msgctxt="x.a", msgid="1 Tag")
    if to_plural:
        old.msgstr = "1 day"
        new.msgid_plural, new.msgstr_plural = "{n} Tage", {0: "", 1: ""}
    else:
        old.msgid_plural, old.msgstr_plural = "{n} Tage", {0: "1 day", 1: "{n} days"}
    po.append(old)
    pot = polib.POFile()
    pot.append(new)
    merged = _reread(merge(po, pot, language)[0])
    if to_plural:
        assert _translations(po) <= _translations(merged)
    else:
        # A singular message has one msgstr: form 0 goes there, the other forms are kept as
        # translator comments, so the translator still has every text they wrote.
        entry = next(e for e in merged if not e.obsolete)
        assert entry.msgstr == "1 day"
        assert entry.fuzzy
        assert "previous plural form 1: {n} days" in entry.tcomment


def test_merge_flag_order_is_stable() -> None:
    language = get_language("de")
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "de",
        "Plural-Forms": language.plural_forms,
    }
    pot = polib.POFile()
    pot.append(polib.POEntry(msgid="%s und {n}", flags=["python-brace-format", "c-format"]))
    once, _ = merge(po, pot, language)
    twice, _ = merge(_reread(once), pot, language)
    assert format_catalog(twice) == format_catalog(once)


# --- Markdown section parser ------------------------------------------------------------------


@settings(max_examples=150 * SCALE, deadline=None)
@given(
    st.binary(max_size=300)
    | st.text(st.sampled_from("#-*>!()[]{}.:`| \n\r\tabcäß1"), max_size=300).map(str.encode)
)
def test_parse_section_raises_only_content_error(raw: bytes) -> None:
    try:
        section = parse_section(raw, "s", "s.md")
    except ContentError as exc:
        problems = exc.problems
    else:
        problems = []
    if problems:
        assert all(p.file == "s.md" for p in problems)
        return
    assert section.title.level == 1
    for block in section.blocks():
        assert block.id
        assert block.line >= 1


block_id = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,15}\Z")
word = st.text(
    st.sampled_from(string.ascii_letters + "äöüßÄÖÜ·" + RTL[:20]), min_size=1, max_size=10
)
sentence = st.lists(word, min_size=1, max_size=6).map(" ".join).map(lambda s: s + ".")
KINDS = ["heading", "paragraph", "list", "box"]


@st.composite
def sections(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, str]]]:
    """Markdown text and the expected (id, kind, text) of its blocks in order."""
    ids = draw(st.lists(block_id, min_size=1, max_size=12, unique=True))
    title = draw(sentence)
    parts = [f"# {title} {{#{ids[0]}}}"]
    expected = [(ids[0], "heading", title)]
    rest = ids[1:]
    while rest:
        kind = draw(st.sampled_from(KINDS))
        if kind == "heading":
            text_ = draw(sentence)
            parts.append(f"## {text_} {{#{rest[0]}}}")
            expected.append((rest.pop(0), "heading", text_))
        elif kind == "paragraph":
            lines = draw(st.lists(sentence, min_size=1, max_size=3))
            parts.append(f"{lines[0]} {{#{rest[0]}}}\n" + "\n".join(lines[1:]))
            expected.append((rest.pop(0), "paragraph", "\n".join(lines)))
        else:
            count = draw(st.integers(1, min(3, len(rest))))
            marker = "- " if kind == "list" else "> "
            items = []
            for _ in range(count):
                text_ = draw(sentence)
                items.append(f"{marker}{text_} {{#{rest[0]}}}")
                expected.append((rest.pop(0), "list_item" if kind == "list" else "box", text_))
            joiner = "\n" if kind == "list" else "\n>\n"
            parts.append(joiner.join(items))
    return "\n\n".join(parts) + "\n", expected


@settings(max_examples=60 * SCALE, deadline=None)
@given(sections(), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_section_ids_and_texts_round_trip(generated, newline: str, bom: bool) -> None:
    markdown, expected = generated
    raw = ("\ufeff" if bom else "") + markdown.replace("\n", newline)
    section = parse_section(raw.encode("utf-8"), "s", "content/x/sections/s.md")
    got = [(b.id, b.kind, b.text) for b in section.blocks()]
    assert got == expected
    lines = markdown.split("\n")
    for block in section.blocks():
        assert f"{{#{block.id}}}" in lines[block.line - 1]
