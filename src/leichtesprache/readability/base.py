"""What rules see and return: a language profile, settings, the analysed document, hits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .counting import Counts, syllables
from .i18n import translate
from .lexicon import zipf
from .model import TextUnit
from .text import MIDDOTS, Sentence, Token, fold

#: Every setting a ``[check.<lang>]`` table may hold for any language, its default and what it
#: means. Language modules override defaults in ``PROFILE.defaults`` and declare settings of
#: their own in ``PROFILE.settings``; the project overrides both.
SETTINGS: dict[str, tuple[Any, str]] = {
    "sentence_warning": (10, "words per sentence above which a sentence gets a warning"),
    "sentence_error": (15, "words per sentence above which a sentence is an error"),
    "paragraph_lines": (6, "lines (sentences) per paragraph above which it gets a warning"),
    "enumeration_items": (3, "items in one sentence above which a list is asked for"),
    "long_word_syllables": (4, "syllables per word (or compound part) above which it is long"),
    "long_word_letters": (0, "letters per word above which it is long (0 = off)"),
    "long_word_common_zipf": (
        4.5,
        "long words at least this frequent (wordfreq Zipf) are not reported",
    ),
    "compound_letters": (
        0,
        "letters of a word without separator from which it is an error (0 = off)",
    ),
    "compound_warning_letters": (
        0,
        "letters of an unsplit compound noun from which splitting is suggested",
    ),
    "hard_word_zipf": (
        3.0,
        "wordfreq Zipf frequency below which a word is hard (unless the word-book explains it)",
    ),
    "hard_word_min_letters": (4, "shorter words are never reported as hard"),
    "hard_word_error_level": (
        0,
        "graded words (the language's word levels) from this level on are an error (0 = off)",
    ),
    "hard_word_warning_level": (
        0,
        "graded words from this level on get a warning (0 = off)",
    ),
    "graded_word_common_zipf": (
        4.5,
        "graded words at least this frequent (wordfreq Zipf) are not reported",
    ),
    "separator": ("middle-dot", "compound style: 'middle-dot' (Mini·job) or 'hyphen' (Mini-Job)"),
    "abbreviation_allow": ([], "abbreviations everybody knows (added to the built-in list)"),
    "hyphen_allow": ([], "hyphenated names kept as they are, e.g. 'Minijob-Zentrale'"),
    "hard_words": ([], "extra words always reported as hard"),
    "easy_words": ([], "words never reported as hard"),
    "number_allow": ([], "numbers never reported as big, e.g. '1000'"),
    "direct_address_min_words": (10, "sections with fewer words are not checked for address"),
    "formula_min_words": (50, "texts with fewer words get no readability-formula warning"),
    "severity": ({}, "rule id -> 'error' | 'warning' | 'info' | 'off'"),
    "words_per_sentence_max": (8.0, "average words per sentence at most"),
}


#: Kinds whose text is a name or a term: only character rules apply.
NAME_KINDS = frozenset({"glossary_term", "contact_name"})


#: (language, word-book, name) -> cache: see ``Doc.lasting``.
_LASTING: dict[tuple[str, tuple[str, ...], str], dict[Any, Any]] = {}


def _no_forms(word: str) -> tuple[str, ...]:
    return ()


def _no_parts(word: str) -> tuple[str, ...] | None:
    return None


def _same(word: str) -> str:
    return word


#: The metric unit symbols written in Latin letters ("5 km", "80 cm", "2 kg").
METRIC_UNITS = frozenset(["km", "cm", "mm", "m", "kg", "g", "mg", "l", "ml", "ha", "kWh"])


@dataclass(frozen=True)
class Profile:
    """What a language module knows: word lists, defaults, severities per rule."""

    code: str
    defaults: Mapping[str, Any] = field(default_factory=dict)
    #: Default severity per rule id (overrides what a rule reports).
    severity: Mapping[str, str] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    #: Negation words reported only when no word from ``negations`` comes before.
    negation_secondary: frozenset[str] = frozenset()
    #: Number words -> their digits ("drei" -> "3").
    number_words: Mapping[str, str] = field(default_factory=dict)
    big_number_words: frozenset[str] = frozenset()
    #: Abbreviations written with a full stop, lower case, without the stop ("usw", "ca").
    abbreviations: frozenset[str] = frozenset()
    #: Abbreviations that stand before a number ("no. 5", "Art. 3", "ст. 8").
    numbered_abbreviations: frozenset[str] = frozenset()
    #: Abbreviations written without a stop ("млн", "Mrs").
    bare_abbreviations: frozenset[str] = frozenset()
    #: Unit symbols, as written, that are abbreviations right after a number ("5 km",
    #: "80 см"); elsewhere they are words or other abbreviations ("см." is "смотри").
    unit_symbols: frozenset[str] = frozenset()
    #: Abbreviations written with a full stop right after a number or a Roman numeral
    #: ("XIX в.", "5 в. до н. э."); elsewhere the same letters are a word ("в" = in).
    numeral_abbreviations: frozenset[str] = frozenset()
    caps_allow: frozenset[str] = frozenset()
    second_person: frozenset[str] = frozenset()
    second_person_case_sensitive: bool = False
    #: Endings that address the reader (Arabic -ك, -كم) and words that only look like it.
    second_person_suffixes: tuple[str, ...] = ()
    not_second_person: frozenset[str] = frozenset()
    #: Coordinating conjunctions that may join two statements.
    coordinators: frozenset[str] = frozenset()
    #: Conjunctions that join two statements when inside a sentence ("aber", "but").
    contrastive: frozenset[str] = frozenset()
    #: True when those join statements only after a comma (German adverbial "aber" does not).
    contrastive_after_comma: bool = False
    #: Paired conjunctions that always mean two statements ("entweder … oder").
    paired_conjunctions: frozenset[str] = frozenset()
    #: Clitic prefixes that join statements after a comma (Arabic و/ف).
    coordinator_prefixes: tuple[str, ...] = ()
    subordinators: frozenset[str] = frozenset()
    subordinators_after_comma: frozenset[str] = frozenset()
    subordinator_phrases: tuple[tuple[str, ...], ...] = ()
    #: Phrases that start with a subordinator but open no clause (French "quand même").
    subordinator_exceptions: tuple[tuple[str, ...], ...] = ()
    #: True when word ``i`` of a sentence opens a non-finite clause, a subordinate clause in
    #: all but name (English ", wearing a shirt", French "une ville située dans"); the third
    #: argument tells whether a comma stands before the word.
    nonfinite: Callable[[Sequence[Token], int, bool], bool] | None = None
    #: Conjunctions that join the last item of an enumeration ("und", "or").
    list_conjunctions: frozenset[str] = frozenset()
    cross_references: frozenset[str] = frozenset()
    cross_reference_pattern: str | None = None
    hard_words: frozenset[str] = frozenset()
    hard_word_pattern: str | None = None
    percent_pattern: str | None = None
    #: Month names in lower case (ordinal dots before them do not end a sentence).
    months: frozenset[str] = frozenset()
    #: Words after which "1." is an ordinal, not a sentence end ("am 1. Tag").
    ordinal_cues: frozenset[str] = frozenset()
    #: "house" = one separator style per the ``separator`` setting; "forbid" = no middle dot.
    separators: str | None = None
    hyphen_allow: frozenset[str] = frozenset()
    #: Example of a date written out, used in suggestions: {d}, {month}, {y}.
    date_pattern: str = "{d} {month} {y}"
    # --- what the language knows beyond word lists (functions; defaults are generic) ---
    #: Settings of this language only: name -> (default, meaning).
    settings: Mapping[str, tuple[Any, str]] = field(default_factory=dict)
    #: Syllables of one word (vowel groups when the language has no counter of its own).
    syllables: Callable[[str], int] = syllables
    #: Forms to look up in the frequency list besides the word: stems, dictionary form.
    word_forms: Callable[[str], Iterable[str]] = _no_forms
    #: The level of a word in a graded word list (1 = easy), or None when it is not listed:
    #: educators' grades decide before word frequencies (Arabic: the SAMER lexicon).
    word_level: Callable[[str], int | None] | None = None
    #: How the levels of ``word_level`` are named in messages (English: 5 -> "C1"); without
    #: names they are given as "level N of 5".
    level_names: Mapping[int, str] = field(default_factory=dict)
    #: Forms of a word compared with the forms of the word-book's words (each word of a term):
    #: a word is explained when they share one (Arabic: the word without clitics and endings).
    explain_forms: Callable[[str], Iterable[str]] | None = None
    #: The dictionary form of a word, to match inflected forms with the word-book (or None).
    lemma: Callable[[str], str] | None = None
    #: The parts of a compound written as one word ("Rentenversicherung"), or None.
    compound_parts: Callable[[str], tuple[str, ...] | None] = _no_parts
    #: The part of a word whose length counts (Arabic: without the article).
    word_core: Callable[[str], str] = _same
    #: Splits a word token into several ("l'employeur" -> "l'", "employeur"), or None.
    split_word: Callable[[str], list[str]] | None = None
    #: Regex of the language's own letters; words without one are foreign terms (None: all own).
    script: str | None = None
    #: False where every noun starts with a capital (German): then a capital is no name.
    capitals_mark_names: bool = True
    #: True where a spaced dash between words is ordinary grammar (Russian copula
    #: "Мини-джоб — это работа"): then it is no special character.
    copula_dash: bool = False
    #: Endings that make a word a negation ("n't").
    negation_suffixes: tuple[str, ...] = ()
    #: True when the long-word rule only looks at the parts of split words (German: the
    #: compound rule judges whole words).
    long_word_parts_only: bool = False
    #: Readability formulas: counts -> metric values (advisory).
    formulas: Callable[[Doc, Counts], dict[str, float]] | None = None
    #: Metric -> (setting, "min" | "max", display name): the advisory gates.
    gates: Mapping[str, tuple[str, str, str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's raw finding; offsets are into the unit's visible text (unit -1 = whole text)."""

    unit: int
    start: int
    end: int
    severity: str
    message: str
    suggestion: str | None = None

    @classmethod
    def at(
        cls, unit: int, token: Token, severity: str, message: str, suggestion: str | None = None
    ) -> Hit:
        """A hit on one word or number."""
        return cls(unit, token.start, token.end, severity, message, suggestion)


@dataclass
class UnitView:
    """One text unit after analysis."""

    index: int
    unit: TextUnit
    visible: str
    masked: str
    offsets: list[int]
    tokens: list[Token]
    sentences: list[Sentence]
    lines: list[tuple[int, int]]
    section: str | None
    kind: str


@dataclass
class Doc:
    """The analysed text a rule inspects."""

    language: str
    profile: Profile
    settings: Mapping[str, Any]
    units: list[UnitView]
    glossary: tuple[str, ...]
    #: The catalogue or file the units come from.
    source: str = ""
    base: str = field(init=False)

    def __post_init__(self) -> None:
        #: The language without region ("de" for "de_AT").
        self.base = self.language.split("_")[0]

    def passive(self, unit: int, start: int, end: int, severity: str = "warning") -> Hit:
        """The finding of every language's passive rule for the words in ``start:end``."""
        return Hit(
            unit,
            start,
            end,
            severity,
            self.tr(
                "Passive voice ({words}): it is not clear who does something.",
                words=quote(self.units[unit].visible[start:end]),
            ),
            self.tr("Say who does it: “Your boss pays the money.”"),
        )

    def two_statements(self, unit: int, token: Token) -> Hit:
        """The one-statement rule's finding at the word that joins two statements."""
        return Hit.at(
            unit,
            token,
            "warning",
            self.tr(
                "This sentence holds two statements (joined by {word}).", word=quote(token.text)
            ),
            self.tr("Make two sentences: one statement per sentence."),
        )

    def conditional(self, unit: int, token: Token) -> Hit:
        """The finding of every language's conditional rule for one word."""
        return Hit.at(
            unit,
            token,
            "warning",
            self.tr("{word} is a conditional form.", word=quote(token.text)),
            self.tr("Say clearly what is true or what the reader can do: “you can”, “you must”."),
        )

    def tr(self, msgid: str, /, **params: Any) -> str:
        """Translate a message into the editor's language."""
        return translate(msgid, **params)

    def get(self, key: str) -> Any:
        if key in self.settings:
            return self.settings[key]
        default = SETTINGS.get(key) or self.profile.settings.get(key) or (None, "")
        return default[0]

    def sentences(
        self, *, skip: frozenset[str] = frozenset()
    ) -> Iterator[tuple[UnitView, Sentence]]:
        for unit in self.units:
            if unit.kind in skip:
                continue
            for sentence in unit.sentences:
                yield unit, sentence

    def zipf(self, word: str) -> float:
        return zipf(word, self.base)

    def glossary_keys(self) -> dict[str, str]:
        """Normalised glossary term -> the term as written in the word-book."""
        cached = self.__dict__.get("_glossary_keys")
        if cached is None:
            cached = {}
            for term in self.glossary:
                for variant in re.split(r"\s*[,;/]\s*|\n", term):
                    variant = variant.strip()
                    if variant:
                        cached.setdefault(normalise(variant), variant)
            self.__dict__["_glossary_keys"] = cached
        return cached

    def lasting(self, name: str) -> dict[Any, Any]:
        """A cache shared by every check with the same language and word-book, for answers
        that depend on nothing else (a build checks the same catalogue again)."""
        local: dict[str, dict[Any, Any]] = self.__dict__.setdefault("_lasting", {})
        store = local.get(name)
        if store is None:
            key = (self.profile.code, self.glossary, name)
            if len(_LASTING) > 64:
                _LASTING.clear()
            store = local[name] = _LASTING.setdefault(key, {})
        return store

    def memo(self, name: str) -> dict[Any, Any]:
        """A per-document cache (word lists from settings, lookups)."""
        store: dict[Any, Any] = self.__dict__.setdefault(f"_memo_{name}", {})
        return store

    def explained(self, word: str) -> bool:
        """True when the word-book explains the word (allowing inflection endings)."""
        if not self.glossary:
            return False
        cache = self.lasting("explained")
        if word not in cache:
            cache[word] = self._explained(normalise(word))
        result: bool = cache[word]
        return result

    def _explained(self, key: str) -> bool:
        if len(key) < 2:
            return False
        if self.glossary_term_for(key) is not None:
            return True
        # The term without its last one or two letters ("Minijob" for the term "Minijobs").
        if len(key) >= 4 and key in self._glossary_shortened():
            return True
        forms = self.profile.explain_forms
        if forms is not None and len(key) >= 3:
            return not self._glossary_forms(forms).isdisjoint(forms(key))
        lemma = self.profile.lemma
        if lemma is not None and len(key) >= 4:
            # Endings may change the stem (работодатель -> работодателю): compare
            # dictionary forms, also with each word of a multi-word term.
            return lemma(key) in self._glossary_lemmas(lemma)
        return False

    def glossary_term_for(self, key: str) -> str | None:
        """The word-book key that ``key`` (normalised) is, or is with an ending of up to 3
        letters after a key of 4 letters or more; of several, the first in the word-book."""
        keys = self.glossary_keys()
        if key in keys:
            return key
        found = [key[:-cut] for cut in (1, 2, 3) if len(key) - cut >= 4 and key[:-cut] in keys]
        if len(found) > 1:
            order = {term: i for i, term in enumerate(keys)}
            found.sort(key=order.__getitem__)
        return found[0] if found else None

    def _glossary_shortened(self) -> frozenset[str]:
        """Each word-book key, and each without its last one or two letters."""
        cached = self.__dict__.get("_glossary_shortened_keys")
        if cached is None:
            keys = self.glossary_keys()
            cached = frozenset(k[: len(k) - cut] for k in keys for cut in (0, 1, 2) if len(k) > cut)
            self.__dict__["_glossary_shortened_keys"] = cached
        result: frozenset[str] = cached
        return result

    def _glossary_forms(self, forms: Callable[[str], Iterable[str]]) -> frozenset[str]:
        cached = self.__dict__.get("_forms")
        if cached is None:
            terms = self.glossary_keys().values()
            words = {w.casefold() for t in terms for w in re.split(r"[\s,;:.!?()،؛؟]+", t) if w}
            cached = frozenset(f for w in words for f in forms(w))
            self.__dict__["_forms"] = cached
        result: frozenset[str] = cached
        return result

    def _glossary_lemmas(self, lemma: Callable[[str], str]) -> frozenset[str]:
        cached = self.__dict__.get("_lemmas")
        if cached is None:
            # Each word of a multi-word term on its own (the keys are written together).
            terms = self.glossary_keys().values()
            words = {w.casefold() for term in terms for w in re.findall(r"\w{4,}", term)}
            cached = frozenset(lemma(w) for w in words)
            self.__dict__["_lemmas"] = cached
        result: frozenset[str] = cached
        return result

    def known(self, word: str, limit: float) -> bool:
        """True when the word, or one of the forms the language derives from it, is at least
        as frequent as ``limit`` (wordfreq Zipf). Several rules ask for the same words:
        the answers are kept for the document."""
        answers = self.memo("known")
        key = (word, limit)
        answer = answers.get(key)
        if answer is None:
            folded = fold(word)
            answer = self.zipf(normalise(folded)) >= limit or any(
                self.zipf(form) >= limit for form in self.profile.word_forms(folded)
            )
            answers[key] = answer
        return answer


def wordset(text: str) -> frozenset[str]:
    """A word list written as one string, words separated by white space."""
    return frozenset(text.split())


def wordtable(text: str) -> dict[str, str]:
    """A word table written as one string of ``word=value`` pairs."""
    return dict(pair.split("=", 1) for pair in text.split())


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Case-folded word without compound separators, for comparing spellings."""
    return _SEPARATORS.sub("", word).casefold()


_SEPARATORS = re.compile(f"[{MIDDOTS}\\-\u2010\u2011\u00ad\\s]")


Rule = Callable[[Doc], Iterator[Hit]]


def words_of(sentence: Sentence) -> list[Token]:
    return list(sentence.words)


def first_word(sentence: Sentence) -> Token | None:
    for token in sentence.tokens:
        return token
    return None


def quote(text: str) -> str:
    return f"“{text}”"
