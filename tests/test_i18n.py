"""The tool's own catalogue: every message extracted from src/ is translated, the language is
chosen once (option, project, locale, English), and click's help follows it."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from click.testing import Result

from leichtesprache.i18n import (
    available_languages,
    catalogue_path,
    choose_language,
    language_from_environment,
    ngettext,
    use_language,
)

ROOT = Path(__file__).parents[1]
SRC = ROOT / "src" / "leichtesprache"
TEMPLATE = SRC / "locale" / "leichtesprache.pot"
#: The functions whose first (and for plurals second) argument is a msgid.
KEYWORDS = {"_": 1, "N_": 1, "tr": 1, "translate": 1, "ngettext": 2, "Nn_": 2}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> polib.POFile:
    """``scripts/extract-messages.sh`` run now: the msgids src/ has today."""
    out = tmp_path_factory.mktemp("pot") / "leichtesprache.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    result = subprocess.run(
        ["sh", str(ROOT / "scripts" / "extract-messages.sh"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYBABEL": str(pybabel)},
    )
    assert result.returncode == 0, result.stderr
    return polib.pofile(str(out))


def _german() -> polib.POFile:
    return polib.pofile(str(catalogue_path("de")))


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)", text)) | set(re.findall(r"%\((\w+)\)", text))


def _keys(po: polib.POFile) -> set[tuple[str, str]]:
    return {(e.msgid, e.msgid_plural) for e in po if not e.obsolete}


def test_pybabel_finds_the_messages(extracted: polib.POFile) -> None:
    msgids = {e.msgid for e in extracted}
    assert len(msgids) > 500
    # One of each kind: an error, a log line, a plural, click's own word, a checker rule.
    assert "the language '{code}' is not in the project" in msgids
    assert "checking {code} ({source})" in msgids
    assert "{count} file is up to date." in msgids
    assert "Usage:" in msgids
    assert "Passive voice ({words}): it is not clear who does something." in msgids
    # gettext() is the brochures' template labels (domain "ui"), not the tool's.
    assert "Word book" not in msgids


def test_every_extracted_message_is_translated_into_german(extracted: polib.POFile) -> None:
    german = {(e.msgid, e.msgid_plural): e for e in _german() if not e.obsolete}
    missing = sorted(key[0] for key in _keys(extracted) if key not in german)
    assert not missing, f"not in the German catalogue: {missing}"
    for key in _keys(extracted):
        entry = german[key]
        assert not entry.fuzzy, entry.msgid
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            sources = [entry.msgid] + [entry.msgid_plural] * (len(forms) - 1)
        else:
            forms, sources = [entry.msgstr], [entry.msgid]
        assert forms and all(forms), f"not translated: {entry.msgid!r}"
        for form, source in zip(forms, sources, strict=True):
            assert _placeholders(form) == _placeholders(source), f"{source!r} -> {form!r}"


def test_the_committed_template_is_up_to_date(extracted: polib.POFile) -> None:
    assert _keys(polib.pofile(str(TEMPLATE))) == _keys(extracted), (
        "run scripts/extract-messages.sh and update the catalogues"
    )


def test_the_german_catalogue_has_no_leftovers(extracted: polib.POFile) -> None:
    german = _german()
    assert not [e.msgid for e in german if e.obsolete]
    assert _keys(german) == _keys(extracted)
    assert german.percent_translated() == 100


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_msgfmt_accepts_the_german_catalogue() -> None:
    result = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", "/dev/null", str(catalogue_path("de"))],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANGUAGE": "en", "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr


def test_the_compiled_catalogues_are_current_and_say_the_same() -> None:
    """The tool reads ``leichtesprache.mo`` while it was made from the ``.po`` as it is."""
    from leichtesprache import i18n

    for language in available_languages():
        if language == "en":
            continue
        po = catalogue_path(language)
        compiled = i18n._read_compiled(i18n.compiled_path(language), i18n._digest(po.read_bytes()))
        assert compiled is not None, f"run: python scripts/compile-messages.py ({language})"
        assert compiled == i18n._parse_catalogue(po, language)


@pytest.mark.skipif(shutil.which("msgunfmt") is None, reason="GNU gettext is not installed")
def test_gnu_msgunfmt_reads_the_compiled_catalogue() -> None:
    from leichtesprache import i18n

    result = subprocess.run(
        ["msgunfmt", str(i18n.compiled_path("de"))],
        capture_output=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    read_back = polib.pofile(result.stdout.decode("utf-8"))
    german = {e.msgid: e for e in _german() if not e.obsolete and not e.fuzzy}
    assert len(read_back) == len(german) == 599
    for entry in read_back:
        assert german[entry.msgid].msgstr == entry.msgstr
        assert german[entry.msgid].msgstr_plural == {
            int(k): v for k, v in entry.msgstr_plural.items()
        }


def test_a_stale_or_damaged_compiled_catalogue_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leichtesprache import i18n

    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(catalogue_path("de"), folder / "leichtesprache.po")
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    i18n.clear_cache()
    try:
        i18n.compile_catalogue("de")
        assert i18n.gettext_in("de", "Commands") == "Befehle"
        po = folder / "leichtesprache.po"
        po.write_text(
            po.read_text("utf-8").replace('msgstr "Befehle"', 'msgstr "Kommandos"'), "utf-8"
        )
        i18n.clear_cache()
        assert i18n.gettext_in("de", "Commands") == "Kommandos"  # the edit, not the copy
        i18n.compile_catalogue("de")
        mo = folder / "leichtesprache.mo"
        whole = mo.read_bytes()
        digest = i18n._digest(po.read_bytes())
        assert i18n._read_compiled(mo, digest) is not None
        mo.write_bytes(whole[:-10])  # the header intact, the last strings cut short
        assert i18n._read_compiled(mo, digest) is None
        mo.write_bytes(whole[:100])
        i18n.clear_cache()
        assert i18n.gettext_in("de", "Commands") == "Kommandos"  # a damaged copy: the .po
    finally:
        monkeypatch.undo()
        i18n.clear_cache()


def _calls() -> list[tuple[Path, ast.Call, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if (name in KEYWORDS and name != "translate") or (
                name == "translate" and isinstance(node.args[0], ast.Constant)
            ):
                found.append((path, node, name))
    return found


def test_every_message_in_the_code_reaches_the_template(extracted: polib.POFile) -> None:
    """A message pybabel cannot see (inside an f-string, say) is never translated."""
    msgids = {e.msgid for e in extracted}
    unseen = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, node, _name in _calls()
        if isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
        and node.args[0].value not in msgids
    ]
    assert not unseen, unseen


def test_messages_are_literals_never_built_from_pieces() -> None:
    """No f-string, concatenation or % inside _(): the catalogue needs whole sentences."""
    built = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, node, name in _calls()
        for arg in node.args[: KEYWORDS[name]]
        if isinstance(arg, ast.JoinedStr | ast.BinOp)
    ]
    assert not built, built


# --- choosing the language ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT.UTF-8@euro"}, "de"),
        ({"LC_MESSAGES": "de_CH", "LANG": "en_GB.UTF-8"}, "de"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:de", "LANG": "en_US"}, "de"),
        ({"LANGUAGE": "en:de"}, "en"),
        ({"LANGUAGE": "", "LANG": "de_DE"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, None),
        ({"LANGUAGE": "fr", "LANG": "de_DE.UTF-8"}, None),  # only the first variable set
        ({}, None),
    ],
)
def test_language_from_the_locale_variables(environ: dict[str, str], expected: str | None) -> None:
    assert language_from_environment(environ) == expected


def test_option_then_project_then_locale_then_english() -> None:
    assert choose_language("en", "de", {"LANG": "de_DE"}) == "en"
    assert choose_language(None, "de", {"LANGUAGE": "en"}) == "de"
    assert choose_language(None, None, {"LANG": "de_DE.UTF-8"}) == "de"
    assert choose_language(None, None, {"LANG": "fr_FR.UTF-8"}) == "en"


def test_plural_forms_follow_the_catalogue() -> None:
    with use_language("de"):
        assert ngettext("{count} page", "{count} pages", 1).format(count=1) == "1 Seite"
        assert ngettext("{count} page", "{count} pages", 5).format(count=5) == "5 Seiten"
    assert ngettext("{count} page", "{count} pages", 0).format(count=0) == "0 pages"


def test_every_language_with_a_catalogue_is_accepted() -> None:
    assert available_languages() == ("de", "en")


def _project(root: Path, ui_language: str | None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    setting = f'ui_language = "{ui_language}"\n' if ui_language else ""
    (root / "leichtesprache.toml").write_text(
        f'[project]\nlanguages = ["de"]\n{setting}', encoding="utf-8"
    )
    return root


def _no_publication(result: Result) -> str:
    assert result.exit_code == 2
    return result.output


def test_the_project_setting_beats_the_locale_and_the_option_beats_both(
    tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    german = _project(tmp_path / "de", "de")
    plain = _project(tmp_path / "plain", None)
    monkeypatch.setenv("LANGUAGE", "en")
    out = _no_publication(run_cli("status", "--project", german))
    assert "Das Projekt hat keine Veröffentlichung" in out and "So beheben Sie es" in out
    out = _no_publication(run_cli("--ui-language", "en", "status", "--project", german))
    assert "the project has no publication" in out and "How to fix" in out
    monkeypatch.setenv("LANGUAGE", "de")
    out = _no_publication(run_cli("status", "--project", plain))
    assert "Das Projekt hat keine Veröffentlichung" in out
    monkeypatch.setenv("LANGUAGE", "fr")
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    out = _no_publication(run_cli("status", "--project", plain))
    assert "the project has no publication" in out


def test_a_project_in_the_current_folder_sets_the_language_of_the_help(
    tmp_path: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path / "p", "de"))
    result = run_cli("build", "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Aufruf:")
    assert "Nur diese Sprache erstellen" in result.output
    assert "Diese Hilfe zeigen und beenden." in result.output
    english = run_cli("--ui-language", "en", "build", "--help")
    assert "Build only this language" in english.output and "Usage:" in english.output


def test_usage_errors_come_in_the_chosen_language(run_cli: Callable[..., Result]) -> None:
    result = run_cli("--ui-language", "de", "build", "--jobs", "0")
    assert result.exit_code == 2
    assert "Fehler: Ungültiger Wert für '--jobs'" in result.output
    assert "Hilfe gibt es mit" in result.output


def test_an_unknown_ui_language_names_the_known_ones(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    result = run_cli("--ui-language", "xx", "status")
    assert result.exit_code == 2 and "de, en" in result.output
    project = _project(tmp_path / "fr", "fr")
    result = run_cli("status", "--project", project)
    assert result.exit_code == 2
    assert "leichtesprache.toml:3" in result.output
    assert "'ui_language' must be one of: de, en" in result.output


def test_a_second_catalogue_just_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]
) -> None:
    """Room for more languages: a catalogue in locale/<lang>/ is all a language needs."""
    from leichtesprache import i18n

    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "leichtesprache.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "Usage:"\nmsgstr "Utilisation :"\n\n'
        'msgid "{count} page"\nmsgid_plural "{count} pages"\n'
        'msgstr[0] "{count} page"\nmsgstr[1] "{count} pages"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path / "locale")
    i18n.clear_cache()
    try:
        assert available_languages() == ("en", "fr")  # only this folder's catalogues
        assert language_from_environment({"LANG": "fr_BE.UTF-8"}) == "fr"
        with use_language("fr"):
            assert ngettext("{count} page", "{count} pages", 0) == "{count} page"  # French 0
            assert i18n._("Show each step.") == "Show each step."  # untranslated: English
        result = run_cli("--ui-language", "fr", "status", "--help")
        assert result.output.startswith("Utilisation :")
    finally:
        monkeypatch.undo()
        i18n.clear_cache()


def _fields(text: str) -> set[str]:
    import string

    return {
        name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name
    }


def test_format_arguments_match_the_placeholders() -> None:
    """``_("… {code} …").format(code=…)``: a name that does not fit is a KeyError at run time."""
    wrong, checked = [], 0
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "format":
                inner, given = func.value, {k.arg for k in node.keywords}
            elif getattr(func, "id", getattr(func, "attr", "")) in ("translate", "tr"):
                inner, given = node, {k.arg for k in node.keywords}
            else:
                continue
            if not isinstance(inner, ast.Call) or not inner.args or None in given:
                continue
            name = getattr(inner.func, "id", getattr(inner.func, "attr", ""))
            if name not in KEYWORDS:
                continue
            texts = [
                a.value
                for a in inner.args[: KEYWORDS[name]]
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            wanted = set().union(*map(_fields, texts)) if texts else None
            if wanted is not None and wanted != given:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {wanted} != {given}")
            checked += 1
    assert checked > 300
    assert not wrong, wrong
