"""Test extraction and the merge semantics of DESIGN §3: nothing a translator wrote is lost."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import polib
import pytest

from conftest import fill_catalog
from leichtesprache.config import load_project
from leichtesprache.languages import GNU_PLURAL_FORMS, get_language, same_plural_rule
from leichtesprache.merge import merge, new_catalog
from leichtesprache.status import status
from leichtesprache.templating import UiGettext
from leichtesprache.translate import UiLabels
from leichtesprache.update import update


def _po(project: Path, lang: str, domain: str = "sample") -> polib.POFile:
    return polib.pofile(str(project / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"))


def _snapshot(project: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(project)): p.read_bytes()
        for p in sorted((project / "locale").rglob("*.po*"))
    }


@pytest.fixture
def translated(sample_project: Path) -> Path:
    update(load_project(sample_project))
    for lang in ("en", "ar"):
        fill_catalog(sample_project / "locale" / lang / "LC_MESSAGES" / "sample.po")
    return sample_project


def test_pot_has_context_notes_and_locations(sample_project: Path) -> None:
    update(load_project(sample_project))
    pot = polib.pofile(str(sample_project / "locale" / "sample.pot"))
    entry = next(e for e in pot if e.msgctxt == "lohn.intro")
    assert entry.msgid == "Sie bekommen den Mindest·lohn.\nDas sind {minimum_wage} für 1 Stunde."
    assert entry.occurrences == [("content/sample/sections/lohn.md", "5")]
    assert "Paragraph." in entry.comment and "{minimum_wage}" in entry.comment
    assert entry.flags == ["python-brace-format"]
    box = next(e for e in pot if e.msgctxt == "lohn.box")
    assert "check: allow negation — Beispiel für eine begründete Ausnahme." in box.comment
    assert all("python-format" not in e.flags for e in pot)


def test_headers_plural_forms(sample_project: Path) -> None:
    update(load_project(sample_project))
    ar = _po(sample_project, "ar").metadata["Plural-Forms"]
    assert ar.startswith("nplurals=6;")
    assert same_plural_rule(ar, GNU_PLURAL_FORMS["ar"])
    # Babel's table (python-babel/babel#816) swaps forms 4 and 5 for 11..99 and 100..102.
    babel_ar = (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=0 && n%100<=2 ? 4 : 5);"
    )
    assert not same_plural_rule(ar, babel_ar)
    assert get_language("ru").nplurals == 3


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext not installed")
def test_msgfmt_accepts_every_catalogue(translated: Path) -> None:
    update(load_project(translated))
    for path in (translated / "locale").rglob("*.po"):
        subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True, capture_output=True
        )


def test_edit_one_sentence_marks_exactly_that_message_fuzzy(translated: Path) -> None:
    project = load_project(translated)
    update(project)
    before = {lang: _po(translated, lang) for lang in ("en", "ar")}
    section = translated / "content" / "sample" / "sections" / "urlaub.md"
    section.write_text(
        section.read_text(encoding="utf-8").replace(
            "Sie haben Urlaub.", "Sie haben bezahlten Urlaub."
        ),
        encoding="utf-8",
    )
    update(project)
    for lang in ("en", "ar"):
        after = _po(translated, lang)
        changed = [e for e in after if e.fuzzy]
        assert [e.msgctxt for e in changed] == ["urlaub.intro"]
        old = next(e for e in before[lang] if e.msgctxt == "urlaub.intro")
        assert changed[0].msgstr == old.msgstr
        assert changed[0].previous_msgid == old.msgid
        others_before = {
            e.msgctxt: (e.msgid, e.msgstr, e.flags)
            for e in before[lang]
            if e.msgctxt != "urlaub.intro"
        }
        others_after = {
            e.msgctxt: (e.msgid, e.msgstr, e.flags) for e in after if e.msgctxt != "urlaub.intro"
        }
        assert others_before == others_after
    snapshot = _snapshot(translated)
    changes = update(project)
    assert all(c.action == "unchanged" for c in changes)
    assert _snapshot(translated) == snapshot


def test_deleted_section_goes_obsolete_and_comes_back(translated: Path) -> None:
    project = load_project(translated)
    update(project)
    original = {e.msgctxt: e.msgstr for e in _po(translated, "ar")}
    pub = translated / "content" / "sample" / "publication.toml"
    text = pub.read_text(encoding="utf-8")
    pub.write_text(
        text.replace('sections = ["lohn", "urlaub"]', 'sections = ["lohn"]'), encoding="utf-8"
    )
    update(project)
    po = _po(translated, "ar")
    obsolete = {e.msgctxt for e in po if e.obsolete}
    assert obsolete == {"urlaub.title", "urlaub.intro", "urlaub.li-days", "urlaub.li-holiday"}
    pub.write_text(text, encoding="utf-8")
    update(project)
    po = _po(translated, "ar")
    assert not [e for e in po if e.obsolete]
    assert {e.msgctxt: e.msgstr for e in po} == original
    assert not [e for e in po if e.fuzzy]


def test_translator_comments_and_flags_survive(translated: Path) -> None:
    project = load_project(translated)
    path = translated / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    text = path.read_text(encoding="utf-8").replace(
        "#. Heading. Keep it short: at most 6 words.\n#. Section: lohn\n",
        "# Translator: checked by Anna\n#. Heading. Keep it short: at most 6 words.\n"
        "#. Section: lohn\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    update(project)
    entry = next(e for e in _po(translated, "en") if e.msgctxt == "lohn.title")
    assert entry.tcomment == "Translator: checked by Anna"


def test_status_counts_fuzzy_as_not_translated(translated: Path) -> None:
    project = load_project(translated)
    update(project)
    path = translated / "locale" / "en" / "LC_MESSAGES" / "sample.po"
    po = polib.pofile(str(path))
    po[0].flags.append("fuzzy")
    po[1].msgstr = ""
    po.save()
    row = next(r for r in status(project) if r.language == "en" and r.domain == "sample")
    assert (row.fuzzy, row.untranslated, row.translated) == (1, 1, row.total - 2)
    assert row.percent < 100


def test_merge_is_idempotent_and_keeps_unknown_entries() -> None:
    pot = polib.POFile()
    pot.append(polib.POEntry(msgctxt="a", msgid="Eins"))
    po = new_catalog(pot, get_language("fr"), "x")
    po.append(polib.POEntry(msgctxt="gone", msgid="Weg", msgstr="Parti"))
    po.append(polib.POEntry(msgctxt="a", msgid="Eins", msgstr="Un"))
    merged, stats = merge(po, pot, get_language("fr"))
    assert stats.obsoleted == ["gone"]
    again, stats2 = merge(merged, pot, get_language("fr"))
    assert [(e.msgctxt, e.msgstr, e.obsolete) for e in again] == [
        (e.msgctxt, e.msgstr, e.obsolete) for e in merged
    ]
    assert not stats2.obsoleted and not stats2.fuzzy


def test_runtime_translations_skip_fuzzy() -> None:
    po = polib.POFile()
    po.metadata = {"Plural-Forms": GNU_PLURAL_FORMS["ar"]}
    po.append(polib.POEntry(msgid="Page", msgstr="صفحة"))
    po.append(polib.POEntry(msgid="Notes", msgstr="ملاحظات", flags=["fuzzy"]))
    po.append(
        polib.POEntry(
            msgid="{n} page",
            msgid_plural="{n} pages",
            msgstr_plural={i: f"form{i}" for i in range(6)},
        )
    )
    t = UiGettext(UiLabels.from_catalog(po))
    assert t.gettext("Page") == "صفحة"
    assert t.gettext("Notes") == "Notes" and t.missing == ["Notes"]
    assert [t.ngettext("{n} page", "{n} pages", n) for n in (0, 1, 2, 5, 11, 100)] == [
        "form0",
        "form1",
        "form2",
        "form3",
        "form4",
        "form5",
    ]
    # A message with a context is found only with that context (npgettext keeps it).
    po.append(
        polib.POEntry(
            msgctxt="cover",
            msgid="{n} page",
            msgid_plural="{n} pages",
            msgstr_plural={i: f"cover{i}" for i in range(6)},
        )
    )
    t = UiGettext(UiLabels.from_catalog(po))
    assert t.npgettext("cover", "{n} page", "{n} pages", 2) == "cover2"
    assert t.ngettext("{n} page", "{n} pages", 2) == "form2"
    assert t.npgettext("other", "{n} page", "{n} pages", 1) == "{n} page"


def _pybabel(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    pybabel = Path(sys.executable).with_name("pybabel")
    return subprocess.run(
        [str(pybabel), *map(str, args)], cwd=cwd, capture_output=True, text=True, check=False
    )


def _messages(path: Path) -> dict[tuple[str | None, str], tuple[str, list[str], list[Any]]]:
    return {
        (e.msgctxt, e.msgid): (e.comment, sorted(e.flags), e.occurrences)
        for e in polib.pofile(str(path))
    }


MAPPING = "[leichtesprache: content/**.md]\n[leichtesprache: content/**.toml]\n"


def test_pybabel_extract_gives_the_template_of_update(tmp_path: Path) -> None:
    """Every content file through the registered extractor: exactly update's POT."""
    root = Path(__file__).parents[1]
    (tmp_path / "mapping.cfg").write_text(MAPPING, encoding="utf-8")
    result = _pybabel(
        "extract", "-F", tmp_path / "mapping.cfg", "-o", tmp_path / "x.pot", ".", cwd=root
    )
    assert result.returncode == 0, result.stderr
    # facts, exceptions, term lists and notes (sources.md) were read and gave nothing
    assert "content/minijob/facts.toml" in result.stderr
    assert "content/minijob/terms/en.toml" in result.stderr
    ours = _messages(root / "locale" / "minijob.pot")
    theirs = _messages(tmp_path / "x.pot")
    assert len(ours) == 376
    assert theirs == ours


def test_pybabel_extract_reports_broken_content_without_a_traceback(
    sample_project: Path,
) -> None:
    (sample_project / "mapping.cfg").write_text(MAPPING, encoding="utf-8")
    glossary = sample_project / "content" / "sample" / "glossary.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\nbroken = [\n", "utf-8")
    result = _pybabel("extract", "-F", "mapping.cfg", "-o", "x.pot", ".", cwd=sample_project)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "content/sample/glossary.toml" in result.stderr
    assert "TOML syntax error" in result.stderr


def test_babel_extractor_reads_a_section_without_a_publication() -> None:
    from babel.messages.extract import extract

    found = list(extract("leichtesprache", io.BytesIO(b"# Titel {#a.title}\n\nSatz. {#a.b}\n")))
    assert [(m[3], m[1]) for m in found] == [("a.title", "Titel"), ("a.b", "Satz.")]


def test_template_labels_are_remembered_until_a_template_changes(tmp_path: Path) -> None:
    from leichtesprache.catalog import extract_ui

    templates = tmp_path / "templates"
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates", templates)
    cache = tmp_path / "cache"
    fresh = extract_ui(templates)
    first = extract_ui(templates, cache)
    assert (cache / "ui-template.json").is_file()
    remembered = extract_ui(templates, cache)
    assert str(first) == str(remembered) == str(fresh)
    assert len(fresh) > 10
    page = next(templates.rglob("*.html"))
    page.write_text(
        page.read_text(encoding="utf-8") + '{{ _("A label added for this test") }}\n',
        encoding="utf-8",
    )
    changed = extract_ui(templates, cache)
    assert "A label added for this test" in [e.msgid for e in changed]
    (cache / "ui-template.json").write_text("{broken", encoding="utf-8")
    assert str(extract_ui(templates, cache)) == str(changed)
