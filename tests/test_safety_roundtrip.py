"""Real-world catalogues (tests/fixtures/real_world, see its README) survive read → write → read.

For each fixture: the entries and the header read back identical, ``msgfmt -c`` accepts the
rewritten file whenever it accepts the original, files written by GNU tools come back byte for
byte, and merging the catalogue with its own entries as template twice is the same as once.

Known differences caused by bugs in src/ are marked ``xfail(strict=True)`` with the bug in the
reason: the test starts failing (XPASS) as soon as the bug is fixed, so the marker is removed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from leichtesprache.catalog import format_catalog
from leichtesprache.errors import CatalogError, LanguageError
from leichtesprache.languages import Language, get_language
from leichtesprache.merge import merge
from leichtesprache.pofile import format_po, read_po

REAL = Path(__file__).parent / "fixtures" / "real_world"
GOOD = sorted(p.name for p in REAL.glob("*.po"))
BAD = sorted(p.name for p in (REAL / "bad").glob("*.po"))
HAS_GETTEXT = shutil.which("msgfmt") is not None and shutil.which("msgcat") is not None
needs_gettext = pytest.mark.skipif(not HAS_GETTEXT, reason="GNU gettext not installed")

# --- known differences ---------------------------------------------------------------------
# Bugs found here in src/ (header order, escape and combining-mark wrapping, empty previous
# msgid, charset, shared contexts in merge) are fixed; their fixtures now pass unmarked.
#: Not src bugs: polib itself does not keep these details of a file.
POLIB_LIMIT = "polib limitation: {}"

#: We always write UTF-8; a file in another charset cannot come back byte for byte.
CHARSET_XFAIL = {"polib-test_iso-8859-15.po": "by design: catalogues are always written as UTF-8"}
BYTE_XFAIL = {
    "polib-test_merge_before.po": POLIB_LIMIT.format("strips spaces in header values"),
    "polib-test_pofile_helpers.po": POLIB_LIMIT.format("strips spaces in header values"),
    "polib-test_obsolete_previousmsgid.po": POLIB_LIMIT.format("drops '#:' of the header"),
    "polib-test_utf8.po": POLIB_LIMIT.format("reads an empty '#.' as no comment"),
    "polib-test_weird_occurrences.po": POLIB_LIMIT.format("reads an empty '#.' as no comment"),
    "polib-test_unusual_metadata_location.po": POLIB_LIMIT.format("moves the header first"),
}
SEMANTIC_XFAIL: dict[str, str] = {}
MSGFMT_XFAIL: dict[str, str] = {}
MERGE_XFAIL: dict[str, str] = {}


def _params(names: list[str], xfails: dict[str, str]) -> list[object]:
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=xfails[n]))
        if n in xfails
        else n
        for n in names
    ]


# --- helpers -----------------------------------------------------------------------------------


def _read(data: bytes, name: str) -> polib.POFile:
    """Read as the tool does; catalogues without Language/Plural-Forms are read like a POT."""
    full = b"Plural-Forms:" in data and b"Language:" in data
    return read_po(data, name, require_header=full)


def fields(entry: polib.POEntry) -> tuple[object, ...]:
    return (
        entry.msgctxt,
        entry.msgid,
        entry.msgid_plural,
        entry.msgstr,
        tuple(sorted(entry.msgstr_plural.items())),
        entry.comment,
        entry.tcomment,
        tuple(entry.occurrences),
        tuple(entry.flags),
        entry.previous_msgctxt,
        entry.previous_msgid,
        entry.previous_msgid_plural,
        bool(entry.obsolete),
    )


def written_order(po: polib.POFile) -> list[tuple[object, ...]]:
    """Entries in the order format_po writes them: active first, then obsolete (as msgmerge)."""
    return [fields(e) for e in po if not e.obsolete] + [fields(e) for e in po if e.obsolete]


def _msgfmt_ok(path: Path) -> bool:
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, check=False
    )
    return result.returncode == 0


def _msgcat(path: Path) -> bytes | None:
    result = subprocess.run(
        ["msgcat", "--to-code=UTF-8", str(path)], capture_output=True, check=False
    )
    return result.stdout if result.returncode == 0 and result.stdout else None


def _language(po: polib.POFile) -> Language:
    try:
        return get_language(po.metadata.get("Language", "").split("@")[0] or "de")
    except LanguageError:
        return get_language("de")


def _template(po: polib.POFile) -> polib.POFile:
    """The catalogue's own active entries as a POT: same ids and notes, no translations."""
    pot = polib.POFile()
    pot.metadata = {"POT-Creation-Date": po.metadata.get("POT-Creation-Date", "")}
    for e in po:
        if not e.obsolete:
            pot.append(
                polib.POEntry(
                    msgctxt=e.msgctxt,
                    msgid=e.msgid,
                    msgid_plural=e.msgid_plural,
                    msgstr="",
                    msgstr_plural={k: "" for k in e.msgstr_plural},
                    comment=e.comment,
                    occurrences=list(e.occurrences),
                    flags=[f for f in e.flags if f != "fuzzy"],
                )
            )
    return pot


def _translations(po: polib.POFile) -> set[tuple[object, ...]]:
    found = set()
    for e in po:
        if e.msgstr:
            found.add((e.msgctxt, e.msgid, e.msgstr))
        for index, text in e.msgstr_plural.items():
            if text:
                found.add((e.msgctxt, e.msgid, index, text))
    return found


# --- the fixtures themselves -------------------------------------------------------------------


def test_fixture_set_covers_the_hard_cases() -> None:
    """The collection keeps what the issue asks for; a trimmed fixture must not lose it."""
    texts = {name: (REAL / name).read_text("utf-8", errors="replace") for name in GOOD}
    everything = "\n".join(texts.values())
    assert any("nplurals=6" in t and "msgstr[5]" in t for t in texts.values())  # Arabic
    assert any("nplurals=4" in t and "msgstr[3]" in t for t in texts.values())  # Russian (CLDR)
    assert any("nplurals=3" in t for t in texts.values())  # Russian (GNU)
    for marker in (
        "\nmsgctxt ",
        "\n#~ msgid",
        "\n#| msgid",
        "\n#~| msgid",
        "\n#| msgctxt",
        "\n# ",
        "\n#. ",
        "\n#, fuzzy",
        "\nmsgid_plural",
        'msgid ""\n"',
    ):
        assert marker in everything, marker
    assert (REAL / "README.md").is_file()
    for name in GOOD + [f"bad/{n}" for n in BAD]:
        assert name in (REAL / "README.md").read_text("utf-8"), f"{name} not in README.md"


# --- read → write → read -----------------------------------------------------------------------


@pytest.mark.parametrize("name", _params(GOOD, SEMANTIC_XFAIL))
def test_round_trip_keeps_every_field(name: str) -> None:
    original = _read((REAL / name).read_bytes(), name)
    written = format_catalog(original)  # the bytes `update` would write
    again = _read(written, name)
    assert written_order(again) == written_order(original)
    assert dict(again.metadata) == dict(original.metadata)
    assert again.metadata_is_fuzzy == original.metadata_is_fuzzy
    assert (again.header or "").rstrip() == (original.header or "").rstrip()
    assert format_po(again) == written.decode("utf-8")  # writing is stable after one pass


@needs_gettext
@pytest.mark.parametrize("name", _params(GOOD, MSGFMT_XFAIL))
def test_msgfmt_accepts_rewrite_when_it_accepts_original(name: str, tmp_path: Path) -> None:
    source = REAL / name
    if not _msgfmt_ok(source):
        pytest.skip("msgfmt -c rejects the original too")
    target = tmp_path / name
    target.write_bytes(format_catalog(_read(source.read_bytes(), name)))
    assert _msgfmt_ok(target)


def _gnu_written() -> list[str]:
    if not HAS_GETTEXT:
        return []
    return [
        n
        for n in GOOD
        if subprocess.run(["msgcat", str(REAL / n)], capture_output=True, check=False).stdout
        == (REAL / n).read_bytes()
    ]


GNU_WRITTEN = _gnu_written()


@needs_gettext
@pytest.mark.parametrize(
    "name", _params(GNU_WRITTEN, {**BYTE_XFAIL, **SEMANTIC_XFAIL, **CHARSET_XFAIL})
)
def test_gnu_written_file_is_reproduced_byte_for_byte(name: str) -> None:
    """A file msgcat leaves unchanged (written by msgmerge/Poedit/msgcat) comes back as it was."""
    data = (REAL / name).read_bytes()
    assert format_catalog(_read(data, name)).decode("utf-8") == data.decode("utf-8")


@needs_gettext
@pytest.mark.parametrize("name", _params(GOOD, BYTE_XFAIL))
def test_output_is_what_msgcat_writes(name: str) -> None:
    """Every fixture in GNU's canonical form (msgcat output, UTF-8) comes back byte for byte."""
    gnu = _msgcat(REAL / name)
    if gnu is None:
        pytest.skip("msgcat cannot read this file (no charset) or writes nothing")
    assert format_catalog(_read(gnu, name)).decode("utf-8") == gnu.decode("utf-8")


def test_gnu_written_fixtures_exist() -> None:
    """The byte-for-byte test must not pass vacuously."""
    if not HAS_GETTEXT:
        pytest.skip("GNU gettext not installed")
    assert {"babel-fi_BUGGY.po", "django-conf-ru.po", "django-admin-ar.po"} <= set(GNU_WRITTEN)


# --- merge ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", _params(GOOD, MERGE_XFAIL))
def test_merge_with_own_template_twice_is_once_and_loses_nothing(name: str) -> None:
    po = _read((REAL / name).read_bytes(), name)
    language, pot = _language(po), _template(po)
    once, _ = merge(po, pot, language)
    # The second run reads what the first one wrote, as two `update` runs do.
    twice, stats = merge(read_po(format_catalog(once), name, require_header=False), pot, language)
    assert format_catalog(twice) == format_catalog(once)
    assert not stats.fuzzy
    assert not stats.new
    # Every translation of the file is still there, on the same message.
    assert _translations(po) <= _translations(once)
    # Active messages stay active and keep their translation and fuzzy state.
    before = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    for entry in once:
        old = before.get((entry.msgctxt, entry.msgid))
        if old is not None and not entry.obsolete:
            assert entry.msgstr == old.msgstr
            assert entry.fuzzy == old.fuzzy


# --- broken real files --------------------------------------------------------------------------


@pytest.mark.parametrize("name", BAD)
def test_broken_real_files_fail_with_a_line(name: str) -> None:
    with pytest.raises(CatalogError) as err:
        read_po((REAL / "bad" / name).read_bytes(), f"bad/{name}", require_header=False)
    problem = err.value.problems[0]
    assert problem.file == f"bad/{name}"
    assert problem.line is not None
    assert problem.line >= 1
