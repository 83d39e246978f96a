"""English (Easy Read): word lists and the English passive and conditional rules.

Defaults: warning above 12 words per sentence, error above 15 (UK Easy Read: 10-15 words;
easyreadstandard.org < 25); the passive is an error (active voice is a rule of Easy Read),
the conditional a warning ("would", "could", "might", "should"). Words graded C1 or C2
by the Octanove Vocabulary Profile (data/en_levels.tsv, CC BY-SA 4.0) that the word-book does
not explain are errors: Inclusion Europe asks for easy, well-known words and for every
difficult word to be explained.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .. import formulas
from ..base import METRIC_UNITS, NAME_KINDS, Doc, Hit, Profile, Rule, wordset
from ..counting import Counts, vowel_groups
from ..lexicon import read_levels, zipf
from ..text import Token

NEGATIONS = wordset("not no never nothing nobody none neither nor cannot nowhere")
_UNITS = [
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
NUMBER_WORDS = {word: str(n) for n, word in enumerate(_UNITS) if n >= 2}
NUMBER_WORDS.update(
    {
        "zero": "0",
        "twenty": "20",
        "thirty": "30",
        "forty": "40",
        "fifty": "50",
        "sixty": "60",
        "seventy": "70",
        "eighty": "80",
        "ninety": "90",
        "hundred": "100",
        "thousand": "1000",
    }
)
BIG_NUMBER_WORDS = wordset("million millions billion billions")
ABBREVIATIONS = wordset(
    "etc approx incl max min para dept govt tel vs ref pp nb mr mrs ms dr st jan feb aug "
    "sept oct nov dec wk hrs yrs"
)
BARE_ABBREVIATIONS = wordset("etc approx incl vs")
CAPS_ALLOW = wordset("UK EU TV OK PC USA NHS SMS DVD CD ID PIN I")
SECOND_PERSON = wordset("you your yours yourself yourselves")
COORDINATORS = wordset("and or so yet")
CONTRASTIVE = wordset("but however whereas")
SUBORDINATORS = wordset(
    "which who whom whose although though whereas unless whereby because whether whilst "
    "wherein whereupon where when while"
)
SUBORDINATORS_AFTER_COMMA = wordset("since that if")
HARD_WORDS = wordset(
    "pursuant thereof hereby herein hereafter aforementioned notwithstanding commence "
    "commencement remuneration henceforth therein forthwith whereof heretofore shall "
    "deemed inter alia statutory"
)
MONTHS = wordset(
    "january february march april may june july august september october november december"
)

BE = wordset("am is are was were be been being isn't aren't wasn't weren't")
IRREGULAR = wordset(
    "paid given taken made done sent told written known held found kept seen shown "
    "brought bought sold left set put cut chosen spent meant built lost won forgiven "
    "forbidden hidden broken spoken stolen driven taught caught thrown withheld owed read "
    "heard understood hit let laid dealt sworn"
)
ADJECTIVE_PARTICIPLES = wordset(
    "tired interested married retired allowed worried pleased scared bored excited called "
    "supposed used self-employed employed unemployed qualified disabled based located "
    "concerned involved red bed shed sacred hundred kindred wicked naked aged skilled"
)
_ADVERB = re.compile(r"[a-z]+ly|not|also|always|often|usually|then|still|already")
CONDITIONALS = wordset(
    "would could might should wouldn't couldn't shouldn't mightn't would've could've should've"
)


#: Words ending in "-ing" that do not open a clause after a comma.
NOT_NONFINITE = wordset(
    "nothing something anything everything thing things morning evening building king ring "
    "spring string during including according regarding concerning following excluding "
    "notwithstanding pending wedding meeting feeling beginning ceiling darling sibling "
    "housing clothing"
)


def nonfinite(words: Sequence[Token], i: int, after_comma: bool) -> bool:
    """An "-ing" form of a verb ("wearing", "giving", "running") opens a participle clause
    after a comma: "Allen, wearing a thick shirt, …". A capitalised one after a comma is
    part of a name ("Academic Awards, Flying Eagle Awards"), and one before a single word
    that ends a list item is a noun's modifier ("pay, working hours and holiday")."""
    word = words[i].lower
    if not after_comma or len(word) < 6 or not word.endswith("ing") or word in NOT_NONFINITE:
        return False
    if words[i].text[:1].isupper():
        return False
    if i + 2 < len(words) and words[i + 2].lower in ("and", "or"):
        return False
    stem = word[:-3]
    doubled = len(stem) > 2 and stem[-1] == stem[-2]
    return (
        zipf(stem, "en") >= 3.5
        or zipf(stem + "e", "en") >= 3.5
        or (doubled and zipf(stem[:-1], "en") >= 3.5)
    )


def _participle(word: str) -> bool:
    if word in ADJECTIVE_PARTICIPLES:
        return False
    return word in IRREGULAR or (word.endswith("ed") and len(word) > 4)


def passive(doc: Doc) -> Iterator[Hit]:
    """Passive: a form of "be" (adverbs allowed between) and a past participle."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        words = list(sentence.words)
        for i, token in enumerate(words):
            if token.lower not in BE:
                continue
            j = i + 1
            while j < len(words) and _ADVERB.fullmatch(words[j].lower) and j - i <= 2:
                j += 1
            if j < len(words) and _participle(words[j].lower):
                yield doc.passive(unit.index, token.start, words[j].end, "error")
                break


def conditional(doc: Doc) -> Iterator[Hit]:
    """Conditional forms ("would", "could", "might", "should") leave the reader unsure."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        for token in sentence.tokens:
            if token.kind == "word" and token.lower in CONDITIONALS:
                yield doc.conditional(unit.index, token)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Vowel groups without a silent final e ("table" 2, "takes" 1, "wanted" 2, "worked" 1).
    Own counter: textstat needs cmudict, which it downloads at run time."""
    w = word.casefold()
    groups = vowel_groups(w, "aeiouy", y_before_vowel_is_consonant=True)
    return max(1, len(groups) - _silent(w, groups))


def _silent(w: str, groups: list[str]) -> int:
    if len(groups) <= 1:
        return 0
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and groups[-1] == "e":
        return 1
    if w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy":
        return 1
    if w.endswith("ed") and len(w) > 3 and w[-3] not in "td" and groups[-1] == "e":
        return 1
    es = w.endswith("es") and groups[-1] == "e"
    return int(es and not re.search(r"(s|x|z|ch|sh|ce|ge)es$", w))


_ENDINGS = ("ing", "est", "ed", "es", "er", "ly", "s")


def word_forms(word: str) -> list[str]:
    """The word without an inflection ending ("workers" -> "worker")."""
    return [word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 4]


# --- word levels: the Octanove Vocabulary Profile C1/C2 (CC BY-SA 4.0) ---------------------


@lru_cache(maxsize=1)
def _levels() -> dict[str, int]:
    """Word -> CEFR level 5 (C1) or 6 (C2); read on first use (about 2,000 lines)."""
    return read_levels("en_levels.tsv")


def _base_forms(w: str) -> list[str]:
    """The word and the forms it may be inflected from: plural and third person ("-s",
    "-es", "-ies"), past ("-ed", "-ied", with a doubled consonant or a dropped "e"), "-ing"
    and the possessive "'s". Only graded (hard) words are looked up, so a wrong guess needs
    another hard word to match."""
    w = w.removesuffix("'s").removesuffix("’s")
    forms = [w]
    if w.endswith("ies") and len(w) > 5:
        forms.append(w[:-3] + "y")
    elif w.endswith("es") and len(w) > 4:
        forms += [w[:-2], w[:-1]]
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 4:
        forms.append(w[:-1])
    for ending in ("ed", "ing"):
        stem = w[: -len(ending)]
        if w.endswith(ending) and len(stem) >= 3:
            forms += [stem, stem + "e"]
            if ending == "ed" and stem.endswith("i"):
                forms.append(stem[:-1] + "y")
            if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                forms.append(stem[:-1])
    return forms


@lru_cache(maxsize=65536)
def word_level(word: str) -> int | None:
    """The CEFR level (5 = C1, 6 = C2) of a word the Octanove profile lists, or None; the
    profile lists only the hard bands, so every other word goes on to wordfreq.

    >>> word_level("Jurisdiction"), word_level("abhorred"), word_level("work")
    (5, 6, None)
    """
    levels = _levels()
    found = [levels[f] for f in _base_forms(word.casefold()) if f in levels]
    return min(found) if found else None


def readability(doc: Doc, c: Counts) -> dict[str, float]:
    """Flesch Reading Ease (textstat's constants) and Flesch-Kincaid grade."""
    return {"flesch": formulas.flesch(c, "en"), "fkgl": formulas.kincaid(c, 0.39, 11.8, 15.59)}


#: Unit symbols, abbreviations after a number ("5 km").
UNIT_SYMBOLS = METRIC_UNITS | frozenset(["mi", "ft", "yd", "lb", "lbs", "oz", "mph"])


PROFILE = Profile(
    code="en",
    defaults={
        "sentence_warning": 12,
        "sentence_error": 15,
        "hard_word_error_level": 5,
        "hard_word_warning_level": 5,
    },
    negations=NEGATIONS,
    number_words=NUMBER_WORDS,
    big_number_words=BIG_NUMBER_WORDS,
    abbreviations=ABBREVIATIONS,
    unit_symbols=UNIT_SYMBOLS,
    numbered_abbreviations=frozenset({"no", "nos", "p", "pp", "sec", "para", "vol", "ch", "art"}),
    bare_abbreviations=BARE_ABBREVIATIONS,
    caps_allow=CAPS_ALLOW,
    second_person=SECOND_PERSON,
    coordinators=COORDINATORS,
    contrastive=CONTRASTIVE,
    subordinators=SUBORDINATORS,
    subordinators_after_comma=SUBORDINATORS_AFTER_COMMA,
    nonfinite=nonfinite,
    subordinator_phrases=(
        ("so", "that"),
        ("in", "order", "that"),
        ("provided", "that"),
        ("even", "if"),
        ("as", "long", "as"),
    ),
    list_conjunctions=frozenset({"and", "or"}),
    cross_references=frozenset({"cf", "ibid", "op"}),
    cross_reference_pattern=r"\bsee\s+(?:page|section|chapter|part|annex|appendix|above|below)"
    r"\b|\b(?:on\s+)?page\s+\d+|\b(?:section|chapter|annex|appendix)\s+\d+",
    hard_words=HARD_WORDS,
    percent_pattern=r"per\s?cent|percent(?:age)?s?",
    months=MONTHS,
    separators="forbid",
    date_pattern="{d} {month} {y}",
    settings={
        "flesch_min": (80.0, "Flesch Reading Ease at least"),
        "fkgl_max": (6.0, "Flesch-Kincaid grade at most"),
    },
    syllables=syllables,
    word_forms=word_forms,
    word_level=word_level,
    level_names={5: "C1", 6: "C2"},
    negation_suffixes=("n't", "n’t"),
    formulas=readability,
    gates={
        "flesch": ("flesch_min", "min", "Flesch Reading Ease"),
        "fkgl": ("fkgl_max", "max", "Flesch-Kincaid"),
    },
)

RULES: dict[str, Rule] = {"passive": passive, "conditional": conditional}
