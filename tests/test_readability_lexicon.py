"""The frequency lexicon reads wordfreq's data without importing wordfreq: it must agree
with wordfreq's own functions, word for word, in every language it serves."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import msgpack
import pytest
import wordfreq
from wordfreq.preprocess import preprocess_text

from leichtesprache.readability import lexicon

ROOT = Path(__file__).resolve().parent.parent

WORDS = {
    "de": ["Straße", "GROSS", "Mindest·lohn", "Arbeitgeber", "natu\u0308rlich", "Kündigung"],
    "en": ["Employer", "ﬁle", "café", "Holiday", "Ⅻ"],
    "fr": ["Œuvre", "l'employeur", "Congé", "ÉTÉ"],
    "ru": ["Отпуск", "ЁЖ", "зарплата", "Работодатель", "ещё"],
    "ar": ["العَمَل", "الحـــد", "ﻻ", "الأجور", "بِسْمِ", "ﷲ"],
    "fa": ["کار", "مي\u200cخواهم", "ك"],
    "tr": ["İSTANBUL", "HAKKINDA", "kișinin", "Işık"],
    "uk": ["Робота", "ЇЖАК"],
}


@pytest.mark.parametrize("language", sorted(WORDS))
def test_normalise_is_wordfreqs_preprocessing(language: str) -> None:
    for word in WORDS[language]:
        assert lexicon.normalise(word, language) == preprocess_text(word, language), word


@pytest.mark.parametrize("language", ["de", "en", "fr", "ru", "ar", "tr"])
def test_zipf_is_wordfreqs_frequency(language: str) -> None:
    table = wordfreq.get_frequency_dict(language, wordlist="small")
    words = list(table)[:: max(1, len(table) // 300)] + WORDS.get(language, [])
    for word in words:
        expected = wordfreq.zipf_frequency(word, language, wordlist="small", minimum=0.0)
        key = preprocess_text(word, language)
        if key not in table:  # wordfreq tokenises phrases; we look up single words only
            continue
        assert lexicon.zipf(word, language) == pytest.approx(expected, abs=0.01), word


def test_unknown_language_and_rare_word() -> None:
    assert lexicon.zipf("Wort", "xx") == 0.0
    assert not lexicon.has_frequencies("xx")
    assert lexicon.zipf("Qzxwvplk", "de") == 0.0


def test_a_broken_data_file_is_no_word_list(tmp_path: Path) -> None:
    bad = tmp_path / "small_de.msgpack.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(OSError, match="Not a gzipped file"):
        lexicon.read_cbpack(bad)
    wrong = tmp_path / "small_en.msgpack.gz"
    wrong.write_bytes(gzip.compress(msgpack.packb([{"format": "other"}, ["a"]])))
    with pytest.raises(ValueError, match="not a wordfreq cBpack file"):
        lexicon.read_cbpack(wrong)


def test_check_does_not_import_wordfreq() -> None:
    code = (
        "import sys\n"
        "from leichtesprache.readability import TextUnit, check_units\n"
        "r = check_units([TextUnit('Sie bekommen Geld.', 'x.md', 1)], 'de', source='x.md')\n"
        "assert r.metrics, r\n"
        "from leichtesprache.readability.lexicon import zipf\n"
        "assert zipf('Geld', 'de') > 4\n"
        "print('wordfreq' in sys.modules, 'weasyprint' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["False", "False"]


def test_russian_morphology_reads_its_dictionary_with_the_compiled_dawg() -> None:
    import platform

    import pymorphy3.dawg

    if platform.python_implementation() != "CPython":  # pragma: no cover
        pytest.skip("DAWG2 is built for CPython only")
    # pymorphy3[fast]: the same analyses as dawg_python, a Russian check 0.07 s faster.
    assert pymorphy3.dawg.DAWG.__module__ == "dawg"


@pytest.mark.parametrize("name", ["ar_levels.tsv", "en_levels.tsv"])
def test_every_line_of_a_graded_list_is_read(name: str) -> None:
    """``read_levels`` reads the lists with one pattern; a line it did not match would be
    lost without a word: every line that is not a comment must be in the table."""
    path = Path(lexicon.__file__).parent / "data" / name
    lines = [x for x in path.read_text("utf-8").splitlines() if x and not x.startswith("#")]
    levels = lexicon.read_levels(name)
    assert len(levels) == len(lines) > 1000
    word, _, level = lines[-1].partition("\t")
    assert levels[word] == int(level)
