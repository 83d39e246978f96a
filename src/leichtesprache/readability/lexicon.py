"""Word frequencies from wordfreq's word lists, loaded lazily and cached: the shared lexicon
of every language.

The lists are read straight from wordfreq's data files, without importing the ``wordfreq``
package: that import brings its tokenizer, ``langcodes``' language tables and ``ftfy``
(0.1 s) and is never needed for looking up a word. What a lookup needs from wordfreq is its
file format (``read_cBpack``) and its word normalisation (``preprocess_text``) for the
languages below; ``tests/test_readability_lexicon.py`` compares both with wordfreq's own
functions on words of every language, so a new wordfreq release that changes them fails a
test instead of changing findings in silence.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import lru_cache
from importlib.util import find_spec
from itertools import chain, repeat
from pathlib import Path

#: Languages wordfreq has a word list for that we use (the small list: zipf >= 3 is listed).
_WORDFREQ_LANGUAGES = frozenset(
    {"de", "en", "fr", "ru", "ar", "uk", "es", "it", "nl", "pl", "pt", "tr", "fa", "sv"}
)
#: wordfreq's normalisation per language (``wordfreq.language_info``): abjad scripts are
#: NFKC-normalised and lose their marks, Turkish keeps its dotted and dotless i and
#: prefers cedillas, every other language here is NFC-normalised and case-folded.
_ABJAD = frozenset({"ar", "fa"})
_TATWEEL = "\N{ARABIC TATWEEL}"


@lru_cache(maxsize=1)
def _data_dir() -> Path | None:
    spec = find_spec("wordfreq")  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def read_cbpack(path: Path) -> list[list[str]]:
    """wordfreq's "cBpack" file: gzipped msgpack, a header, then one list of words per
    centibel of frequency (index ``i`` holds the words of frequency 10 ** (-i / 100))."""
    import msgpack

    # zlib in one call: gzip's file object reads in small pieces (7 ms against 4 for the
    # Russian list, 1 MB unpacked); wbits 31 = gzip header and trailer, checked as gzip does.
    try:
        unpacked = zlib.decompress(path.read_bytes(), 31)
    except zlib.error as exc:  # what gzip says (an OSError), for the callers
        raise OSError(f"Not a gzipped file: {path} ({exc})") from exc
    data = msgpack.unpackb(unpacked, raw=False)
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack file")
    return list(data[1:])


@lru_cache(maxsize=16)
def _frequencies(language: str) -> dict[str, float] | None:
    """Zipf frequency of each listed word (the small list: only words of zipf >= 3)."""
    folder = _data_dir()
    if language not in _WORDFREQ_LANGUAGES or folder is None:
        return None
    try:
        buckets = read_cbpack(folder / f"small_{language}.msgpack.gz")
    except (OSError, ValueError, EOFError):
        return None
    # Bucket i holds the words of Zipf 9 - i/100 (log10(10 ** (-i / 100)) + 9). Built in C
    # from the chained buckets (half the time of a loop); as wordfreq.get_frequency_dict,
    # a word listed twice keeps its last bucket.
    values = (repeat(round(9 - index / 100, 2), len(b)) for index, b in enumerate(buckets))
    return dict(zip(chain.from_iterable(buckets), chain.from_iterable(values), strict=True))


def has_frequencies(language: str) -> bool:
    return _frequencies(language.split("_")[0]) is not None


def normalise(word: str, language: str) -> str:
    """The form wordfreq lists ``word`` under (``wordfreq.preprocess.preprocess_text``)."""
    if language in _ABJAD:
        text = unicodedata.normalize("NFKC", word)
        text = "".join(c for c in text if c != _TATWEEL and unicodedata.category(c) != "Mn")
        return text.casefold()
    text = unicodedata.normalize("NFC", word)
    if language == "tr":
        text = text.replace("İ", "i").replace("I", "ı").casefold()
        return text.replace("ș", "ş").replace("ț", "ţ")
    return text.casefold()


@lru_cache(maxsize=131072)
def zipf(word: str, language: str) -> float:
    """Zipf frequency of a word (0 when rare or unknown); words below zipf 3 count as 0."""
    base = language.split("_")[0]
    table = _frequencies(base)
    if table is None:
        return 0.0
    key = normalise(word, base)
    value = table.get(key)
    if value is None and "ё" in key:  # Cyrillic lists write ё as е
        value = table.get(key.replace("ё", "е"))
    return value or 0.0


def read_levels(name: str) -> dict[str, int]:
    """A graded word list shipped in ``readability/data/``: one ``word<TAB>level`` a line,
    ``#`` comments. Each language module reads its own once, on its first word (from the
    package folder, which pip always unpacks; ``importlib.resources`` would cost 7 ms)."""
    text = (Path(__file__).resolve().parent / "data" / name).read_text("utf-8")
    # One pattern over the file instead of a Python loop over its lines (the Arabic list
    # has 20,817: 19 -> 12 ms, on the way of every Arabic check).
    return {word: int(level) for word, level in _LEVEL_LINE.findall(text)}


_LEVEL_LINE = re.compile(r"^([^#\t\n][^\t\n]*)\t([1-9])$", re.MULTILINE)
