"""Term lists: one word per concept in each language (``content/<pub>/terms/<lang>.toml``).

Each ``[[term]]`` names the source-language term (``de``), the word to ``use`` for it and the
words to ``avoid``. Matching ignores case and the Mediopunkt and tolerates inflection: Russian
words are compared by their dictionary form (pymorphy3, through the checker's Russian
module), Arabic words without the proclitics و ف ب ل and the article ال, German, English and
French words with their plural and case endings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem
from .i18n import _
from .textfile import line_of, load_toml

#: Endings an inflected word may add to a listed term (plural, case, gender).
ENDINGS: dict[str, tuple[str, ...]] = {
    "de": ("e", "en", "er", "es", "n", "s", "ns", "ern", "nen"),
    "en": ("s", "es", "'s", "’s"),
    "fr": ("s", "x", "e", "es"),
    # Noun and adjective endings, for words the dictionary does not know ("мини-джоба").
    "ru": tuple("а я у ю ом ем ой ей е и ы ов ев ам ям ами ями ах ях".split()),  # noqa: SIM905
}
#: Languages without an entry: a word may add up to this many letters to the listed term.
GENERIC_ENDING_LETTERS = 2
#: Arabic proclitics: a conjunction (و ف), a preposition (ب ل ك) and the article (ال).
_AR_CONJUNCTIONS = ("و", "ف")
_AR_PREPOSITIONS = ("ب", "ل", "ك")
#: Endings: feminine, plural and dual, tanween alif, and the possessive pronouns (عملك).
_AR_SUFFIXES = frozenset(
    ("ة", "ات", "ان", "ين", "ون", "ا", "ي", "ك", "كم", "كن", "ه", "ها", "هم", "هن", "نا")
)
_MIDDOTS = "·\u2027\u22c5"
_MIDDOT_RE = re.compile(f"[{_MIDDOTS}]")
_WORD_RE = re.compile(r"[^\W_][\w·\u2027\u22c5'’\-]*")


@dataclass(frozen=True)
class Term:
    """One concept: the source-language term, the word to use and the words to avoid."""

    source: str
    use: tuple[str, ...]
    avoid: tuple[str, ...]
    note: str
    #: Where the entry stands in its term list (for messages).
    file: str
    line: int | None


def load_terms(folder: Path, label: str, source_language: str) -> dict[str, tuple[Term, ...]]:
    """Every ``terms/<lang>.toml`` of a publication, by language; all problems at once."""
    if not folder.is_dir():
        return {}
    result: dict[str, tuple[Term, ...]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.toml")):
        rel = f"{label}/{path.name}"
        try:
            data = load_toml(path, rel)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        result[path.stem] = tuple(_terms(data, path, rel, source_language, problems))
    if problems:
        raise ContentError.from_problems(
            problems, f"the term lists have {len(problems)} problem(s):"
        )
    return result


def _terms(
    data: dict[str, Any], path: Path, rel: str, source_language: str, problems: list[Problem]
) -> Iterator[Term]:
    items = data.get("term", [])
    if not isinstance(items, list):
        problems.append(
            Problem(
                _("'{key}' must be a list of {tables} tables").format(
                    key="term", tables="[[term]]"
                ),
                rel,
            )
        )
        return
    for index, item in enumerate(items, 1):
        source = item.get(source_language, item.get("source")) if isinstance(item, dict) else None
        line = line_of(path, f'"{source}"') if isinstance(source, str) else None
        use, avoid = _strings(item, "use"), _strings(item, "avoid")
        if not isinstance(source, str) or not source.strip() or use is None or avoid is None:
            problems.append(
                Problem(
                    _(
                        "term {number} needs '{key}' (the term in the source text) "
                        "and may have 'use' (a text) and 'avoid' (a list of texts)"
                    ).format(number=index, key=source_language),
                    rel,
                    line,
                    hint=_("write: {example}").format(
                        example=f'{source_language} = "Mindest·lohn"  use = "minimum wage"  '
                        'avoid = ["minimum pay"]'
                    ),
                )
            )
            continue
        yield Term(source.strip(), use, avoid, str(item.get("note", "")), rel, line)


def _strings(item: dict[str, Any], key: str) -> tuple[str, ...] | None:
    value = item.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None
    return tuple(v.strip() for v in value)


# --- matching --------------------------------------------------------------------------------


def find_term(text: str, term: str, language: str) -> tuple[int, int] | None:
    """Where ``term`` (one or more words) stands in ``text``, inflected or not; None if absent.

    >>> find_term("Die Verdienst·grenzen steigen.", "Verdienst·grenze", "de")
    (4, 21)
    >>> find_term("بالحد الأدنى للأجور", "الحد الأدنى للأجور", "ar")
    (0, 19)
    >>> find_term("Ask your employers.", "employer", "en")
    (9, 18)
    >>> find_term("Ask your employment office.", "employer", "en") is None
    True
    """
    return TermText(text, language).find(term)


class TermText:
    """A text split into words once, to look for many terms in it quickly."""

    def __init__(self, text: str, language: str) -> None:
        self.language = language
        self.base = language.split("_")[0]
        base = self.base
        matches = list(_WORD_RE.finditer(text))
        self.spans = [m.span() for m in matches]
        self.forms = [_forms(m.group(), base) for m in matches]
        starts: dict[str, list[int]] = {}
        for index, forms in enumerate(self.forms):
            for prefix in _form_prefixes(forms):
                found = starts.get(prefix)
                if found is None:
                    starts[prefix] = [index]
                else:
                    found.append(index)
        self._starts = starts
        self._match = _matcher(self.base)

    def candidates(self, phrases: tuple[str, ...]) -> frozenset[str]:
        """The ``phrases`` that may stand in the text: ``find`` answers None for every other
        (no word of the text starts like its first word). One pass over the text's starts
        instead of one ``find`` per phrase: most terms are in no text."""
        index = _phrase_index(phrases, self.language)
        found: set[str] = set()
        for prefix in self._starts:
            hit = index.get(prefix)
            if hit:
                found.update(hit)
        return frozenset(found)

    def find(self, term: str) -> tuple[int, int] | None:
        wanted, prefixes = _term_plan(term, self.language)
        if self._starts.keys().isdisjoint(prefixes):
            return None  # most terms are not in most texts: no word starts like the term
        hits = [self._starts[p] for p in prefixes if p in self._starts]
        candidates = hits[0] if len(hits) == 1 else sorted({i for hit in hits for i in hit})
        size = len(wanted)
        for i in candidates:
            if i + size <= len(self.forms) and all(
                self._match(self.forms[i + k], wanted[k]) for k in range(size)
            ):
                return self.spans[i][0], self.spans[i + size - 1][1]
        return None


#: A term word as compared: its plain form and the forms it may take (dictionary form,
#: Arabic cores).
_Wanted = tuple[str, tuple[str, ...]]


@lru_cache(maxsize=4096)
def _term_keys(term: str, language: str) -> tuple[_Wanted, ...]:
    base = language.split("_")[0]
    keys = []
    for word in _words(term):
        plain = _plain(word)
        if base == "ar":
            keys.append((plain, tuple(sorted(ar_cores(plain)))))
        else:
            lemma = _lemmatizer(base)
            keys.append((plain, (lemma(plain),) if lemma is not None else ()))
    return tuple(keys)


def _prefixes(wanted: _Wanted) -> set[str]:
    return {wanted[0][:2], *(k[:2] for k in wanted[1])}


@lru_cache(maxsize=4096)
def _term_plan(term: str, language: str) -> tuple[tuple[_Wanted, ...], tuple[str, ...]]:
    """A term's words as compared, and the first letters a text word needs to be its first."""
    wanted = _term_keys(term, language)
    return wanted, tuple(sorted(_prefixes(wanted[0]))) if wanted else ()


@lru_cache(maxsize=256)
def _phrase_index(phrases: tuple[str, ...], language: str) -> dict[str, frozenset[str]]:
    """For each first two letters, the phrases whose first word may start with them."""
    index: dict[str, set[str]] = {}
    for phrase in phrases:
        for prefix in _term_plan(phrase, language)[1]:
            index.setdefault(prefix, set()).add(phrase)
    return {prefix: frozenset(found) for prefix, found in index.items()}


@lru_cache(maxsize=65536)
def _form_prefixes(forms: frozenset[str]) -> frozenset[str]:
    return frozenset(f[:2] for f in forms)


def _words(text: str) -> list[str]:
    return [m.group(0) for m in _WORD_RE.finditer(text)]


@lru_cache(maxsize=65536)
def _forms(word: str, base: str) -> frozenset[str]:
    """The forms a text word is compared in: plain, without an elided article ("l'"),
    the parts of a Mediopunkt compound ("Mindest·lohn·gesetz" holds "mindestlohn") or of a
    hyphenated name ("Minijob-Zentrale" holds "minijob"), and the Arabic cores."""
    plain = _plain(word)
    forms = {plain}
    if "'" in plain[:3]:
        forms.add(plain.split("'", 1)[1])
    if "-" in word:
        pieces = [p for p in word.split("-") if p]
    else:  # a simple word has only one part, ``plain``
        pieces = [word] if _MIDDOT_RE.search(word) else []
    for piece in pieces:
        parts = [_plain(p) for p in _MIDDOT_RE.split(piece) if p]
        forms.update(
            "".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
        )
    if base == "ar":
        forms.update(core for form in list(forms) for core in ar_cores(form))
    return frozenset(f for f in forms if f)


def _plain(word: str) -> str:
    """Lower case, no Mediopunkt, one apostrophe, no Arabic vowel marks or tatweel."""
    word = unicodedata.normalize("NFC", word).casefold().replace("’", "'")
    if not word.isalpha():  # letters only (most words) hold no mark and no Mediopunkt
        word = "".join(c for c in word if c not in _MIDDOTS and unicodedata.category(c) != "Mn")
    return word.replace("\u0640", "").translate(_ALEF)


_ALEF = str.maketrans("أإآ", "ااا")


@lru_cache(maxsize=32)
def _matcher(base: str) -> Callable[[frozenset[str], _Wanted], bool]:
    lemma = _lemmatizer(base)

    @lru_cache(maxsize=65536)
    def match(forms: frozenset[str], wanted: _Wanted) -> bool:
        plain, keys = wanted
        if base == "ar":
            return any(_inflected(f, k, base) for f in forms for k in keys)
        if any(_inflected(f, plain, base) for f in forms):
            return True
        # Dictionary forms, only for words that could be one (the same first letters).
        return lemma is not None and any(
            f[:3] == k[:3] and lemma(f) == k for f in forms for k in keys
        )

    return match


def _inflected(word: str, wanted: str, base: str) -> bool:
    if word == wanted:
        return True
    if base == "ar":
        stem = wanted[:-1] + "ت" if wanted.endswith("ة") else wanted
        return any(word.startswith(w) and word[len(w) :] in _AR_SUFFIXES for w in {wanted, stem})
    if not word.startswith(wanted):
        return False
    rest = word[len(wanted) :]
    if base in ENDINGS:
        return rest in ENDINGS[base]
    return len(rest) <= GENERIC_ENDING_LETTERS and rest.isalpha()


def ar_cores(word: str) -> frozenset[str]:
    """An Arabic word and its forms without proclitics: و/ف, then ب/ل/ك, then ال (لل = ل + ال).

    >>> sorted(ar_cores("وبالعمل"))
    ['العمل', 'بالعمل', 'عمل', 'وبالعمل']
    """
    cores = {word}
    for conjunction in ("", *_AR_CONJUNCTIONS):
        if not word.startswith(conjunction):
            continue
        rest = word[len(conjunction) :]
        for preposition in ("", *_AR_PREPOSITIONS):
            if not rest.startswith(preposition):
                continue
            core = rest[len(preposition) :]
            cores.add(core)
            if core.startswith("ال"):
                cores.add(core[2:])
            if preposition == "ل" and core.startswith("ل"):
                cores.add(core[1:])
    return frozenset(c for c in cores if len(c) >= 2)


@lru_cache(maxsize=16)
def _lemmatizer(base: str) -> Callable[[str], str] | None:
    """The dictionary-form function of the checker's language module (Russian), if any."""
    from .readability.registry import find

    checker = find(base)
    return checker.profile.lemma if checker is not None else None
