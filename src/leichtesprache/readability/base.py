"""What rules see and return: a language profile, settings, the analysed document, hits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .i18n import translate
from .lexicon import ru_tag, zipf
from .model import TextUnit
from .text import MIDDOTS, Sentence, Token

#: Every setting a ``[check.<lang>]`` table may hold, its default and what it means.
#: Language modules override defaults in ``PROFILE.defaults``; the project overrides both.
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
    "compound_letters": (14, "de: letters of an unsplit word from which it is an error"),
    "compound_warning_letters": (
        10,
        "de: letters of an unsplit compound noun from which splitting is suggested",
    ),
    "hard_word_zipf": (
        3.0,
        "wordfreq Zipf frequency below which a word is hard (unless the word-book explains it)",
    ),
    "hard_word_min_letters": (4, "shorter words are never reported as hard"),
    "separator": ("middle-dot", "compound style: 'middle-dot' (Mini·job) or 'hyphen' (Mini-Job)"),
    "digits": ("latin", "ar: digit system: 'latin' (0-9), 'arabic-indic' (٠-٩) or 'consistent'"),
    "abbreviation_allow": ([], "abbreviations everybody knows (added to the built-in list)"),
    "hyphen_allow": ([], "hyphenated names kept as they are, e.g. 'Minijob-Zentrale'"),
    "hard_words": ([], "extra words always reported as hard"),
    "easy_words": ([], "words never reported as hard"),
    "number_allow": ([], "numbers never reported as big, e.g. '1000'"),
    "direct_address_min_words": (10, "sections with fewer words are not checked for address"),
    "formula_min_words": (50, "texts with fewer words get no readability-formula warning"),
    "severity": ({}, "rule id -> 'error' | 'warning' | 'info' | 'off'"),
    # readability gates (advisory; a miss is a warning):
    "amstad_min": (80.0, "de: Amstad reading ease at least (target 85)"),
    "wstf1_max": (4.0, "de: Wiener Sachtextformel 1 at most"),
    "lix_max": (30.0, "de: LIX at most"),
    "flesch_min": (80.0, "en: Flesch Reading Ease at least"),
    "fkgl_max": (6.0, "en: Flesch-Kincaid grade at most"),
    "kandel_moles_min": (80.0, "fr: Kandel-Moles at least"),
    "oborneva_min": (80.0, "ru: Oborneva reading ease at least"),
    "osman_min": (80.0, "ar: OSMAN at least (only on text with tashkeel)"),
    "words_per_sentence_max": (8.0, "average words per sentence at most"),
    "letters_per_word_max": (5.5, "ar: average letters per word at most"),
    "rare_word_share_max": (0.15, "ar: share of rare words (wordfreq) at most"),
}


#: Kinds whose text is a name or a term: only character rules apply.
NAME_KINDS = frozenset({"glossary_term", "contact_name"})


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


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's raw finding; offsets are into the unit's visible text (unit -1 = whole text)."""

    unit: int
    start: int
    end: int
    severity: str
    message: str
    suggestion: str | None = None


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
    ui_language: str
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
        return Hit(
            unit,
            token.start,
            token.end,
            "warning",
            self.tr(
                "This sentence holds two statements (joined by {word}).", word=quote(token.text)
            ),
            self.tr("Make two sentences: one statement per sentence."),
        )

    def conditional(self, unit: int, token: Token) -> Hit:
        """The finding of every language's conditional rule for one word."""
        return Hit(
            unit,
            token.start,
            token.end,
            "warning",
            self.tr("{word} is a conditional form.", word=quote(token.text)),
            self.tr("Say clearly what is true or what the reader can do: “you can”, “you must”."),
        )

    def tr(self, msgid: str, /, **params: Any) -> str:
        """Translate a message into the editor's language."""
        return translate(msgid, self.ui_language, **params)

    def get(self, key: str) -> Any:
        return self.settings.get(key, SETTINGS.get(key, (None, ""))[0])

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

    def memo(self, name: str) -> dict[Any, Any]:
        """A per-document cache (word lists from settings, lookups)."""
        store: dict[Any, Any] = self.__dict__.setdefault(f"_memo_{name}", {})
        return store

    def explained(self, word: str) -> bool:
        """True when the word-book explains the word (allowing inflection endings)."""
        if not self.glossary:
            return False
        cache = self.memo("explained")
        if word not in cache:
            cache[word] = self._explained(normalise(word))
        result: bool = cache[word]
        return result

    def _explained(self, key: str) -> bool:
        if len(key) < 2:
            return False
        for term in self.glossary_keys():
            if key == term or (
                len(term) >= 4 and key.startswith(term) and len(key) - len(term) <= 3
            ):
                return True
            if len(key) >= 4 and term.startswith(key) and len(term) - len(key) <= 2:
                return True
        if self.base == "ru" and len(key) >= 4:
            # Russian endings change the stem's last letter (работодатель → работодателю):
            # compare dictionary forms, also with each word of a multi-word term.
            return ru_tag(key)[1] in self._ru_glossary_lemmas()
        return False

    def _ru_glossary_lemmas(self) -> frozenset[str]:
        cached = self.__dict__.get("_ru_lemmas")
        if cached is None:
            words = {w for term in self.glossary_keys() for w in re.findall(r"\w{4,}", term)}
            cached = frozenset(ru_tag(w)[1] for w in words)
            self.__dict__["_ru_lemmas"] = cached
        result: frozenset[str] = cached
        return result


def wordset(text: str) -> frozenset[str]:
    """A word list written as one string, words separated by white space."""
    return frozenset(text.split())


def wordtable(text: str) -> dict[str, str]:
    """A word table written as one string of ``word=value`` pairs."""
    return dict(pair.split("=", 1) for pair in text.split())


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Case-folded word without compound separators, for comparing spellings."""
    return re.sub(f"[{MIDDOTS}\\-\u2010\u2011\u00ad\\s]", "", word).casefold()


Rule = Callable[[Doc], Iterator[Hit]]


def words_of(sentence: Sentence) -> list[Token]:
    return [t for t in sentence.tokens if t.kind == "word"]


def first_word(sentence: Sentence) -> Token | None:
    for token in sentence.tokens:
        return token
    return None


def quote(text: str) -> str:
    return f"“{text}”"
