"""Arabic (القراءة المبسطة): word lists, word length without tashkeel, one digit system.

Defaults: warning above 10 words per sentence, error above 12; words with more than 8 letters
(tashkeel and tatweel not counted, clitics included) get a warning; digits are Latin (0-9)
by default (DESIGN §4), set ``digits = "arabic-indic"`` or ``"consistent"`` to change.
The passive is not visible without tashkeel and is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..base import Doc, Hit, Profile, Rule, UnitView, quote, wordset, wordtable
from ..counting import Counts, letters, strip_marks
from ..lexicon import read_levels
from ..text import Token

NEGATIONS = wordset("لا لم لن ليس ليست لست لسنا ليسوا غير بدون ولا ولم ولن فلا فلم فلن وليس دون")
NUMBER_WORDS = wordtable(
    "اثنان=2 اثنين=2 اثنتان=2 اثنتين=2 ثلاث=3 ثلاثة=3 أربع=4 أربعة=4 خمسة=5 ستة=6 سبع=7 "
    "سبعة=7 ثماني=8 ثمانية=8 تسع=9 تسعة=9 عشرة=10 عشرون=20 عشرين=20 ثلاثون=30 ثلاثين=30 "
    "أربعون=40 أربعين=40 خمسون=50 خمسين=50 مئة=100 مائة=100 مئتان=200 مئتين=200 ألف=1000 "
    "ألفان=2000 ألفين=2000"
)
BIG_NUMBER_WORDS = wordset("مليون ملايين مليار مليارات")
ABBREVIATIONS = wordset("د م ص هـ ه ج ت")
CAPS_ALLOW = wordset("OK SMS TV PIN EU")
SECOND_PERSON = wordset(
    "أنت أنتم أنتن لك لكم عليك عليكم إليك إليكم منك منكم عندك عندكم معك معكم بك بكم فيك "
    "فيكم يمكنك تستطيع تحصل تعمل"
)
NOT_SECOND_PERSON = wordset(
    "ذلك كذلك هناك تلك لذلك بذلك وذلك ملك شبك سمك بنك البنك شك هنالك أولئك مشترك المشترك فذلك وكذلك"
)
COORDINATORS = wordset("أو أم")
CONTRASTIVE = wordset("لكن ولكن بل ثم لكنه لكنها")
SUBORDINATORS = wordset(
    "الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي والذي والتي والذين لأن "
    "لأنه لأنها لأنك لأنكم عندما حينما بينما كي لكي حيث إذا وإذا فإذا كلما طالما بعدما "
    "قبلما"
)
MONTHS = wordset("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر")
_LATIN = set("0123456789")
_ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")
_EXTENDED = set("۰۱۲۳۴۵۶۷۸۹")


def _system(text: str) -> str | None:
    chars = set(text)
    if chars & _ARABIC_INDIC:
        return "arabic-indic"
    if chars & _EXTENDED:
        return "extended"
    if chars & _LATIN:
        return "latin"
    return None


def digit_system(doc: Doc) -> Iterator[Hit]:
    """One digit system: Latin digits by default (``digits`` setting); with "consistent"
    the system used most in the text wins."""
    found: list[tuple[UnitView, Token, str]] = []
    for unit in doc.units:
        for token in unit.tokens:
            system = _system(token.text) if token.kind in ("number", "word") else None
            if system is not None:
                found.append((unit, token, system))
    wanted = str(doc.get("digits"))
    by_setting = wanted != "consistent"
    if not by_setting:
        counts: dict[str, int] = {}
        for _unit, _token, system in found:
            counts[system] = counts.get(system, 0) + 1
        if len(counts) < 2:
            return
        wanted = max(counts, key=counts.__getitem__)
    for unit, token, system in found:
        if system != wanted:
            yield Hit.at(
                unit.index,
                token,
                "error",
                doc.tr(
                    "{number} is not written in the digits of the project.",
                    number=quote(token.text),
                )
                if by_setting  # a text all in Arabic-Indic digits has no "rest" to compare
                else doc.tr(
                    "{number} uses another digit system than the rest of the text.",
                    number=quote(token.text),
                ),
                _convert(token.text, wanted),
            )


def _convert(text: str, system: str) -> str:
    digits = {"latin": "0123456789", "arabic-indic": "٠١٢٣٤٥٦٧٨٩", "extended": "۰۱۲۳۴۵۶۷۸۹"}
    target = digits.get(system, digits["latin"])
    out = []
    for ch in text:
        for source in digits.values():
            if ch in source:
                ch = target[source.index(ch)]
                break
        out.append(ch)
    return "".join(out)


def conditional(doc: Doc) -> Iterator[Hit]:
    """ "لو" / "لولا" (unreal condition) leaves the reader unsure."""
    for unit, sentence in doc.sentences():
        for token in sentence.tokens:
            if token.kind == "word" and token.lower in ("لو", "ولو", "لولا", "فلو"):
                yield doc.conditional(unit.index, token)


# --- words: clitics, stems, syllables -------------------------------------------------------

_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("كما", "هما", "كم", "هم", "هن", "ها", "نا", "ك", "ه", "ي")
#: The article and the clitics written with it; a reader takes "الاستشارة" as one known
#: word, so its length is the stem's. Single-letter prefixes stay: they may be root letters.
_ARTICLES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")
_VOWEL_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0670")


def word_core(word: str) -> str:
    """The word without a leading article (and the conjunction or preposition on it).

    >>> word_core("الاستشارة"), word_core("والخصومات"), word_core("الى")
    ('استشارة', 'خصومات', 'الى')
    """
    for prefix in _ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _strip(forms: list[str], affixes: tuple[str, ...], *, front: bool, rest: int) -> list[str]:
    """Each form without each affix it starts (``front``) or ends with, ``rest`` letters left."""
    out = []
    for form in forms:
        for affix in affixes:
            if len(form) - len(affix) >= rest and (
                form.startswith(affix) if front else form.endswith(affix)
            ):
                out.append(form[len(affix) :] if front else form[: -len(affix)])
    return out


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """The word without clitic prefixes and suffixes (a light stemmer for the frequency list)."""
    bare = strip_marks(word)
    candidates = [bare, *_strip([bare], _PREFIXES, front=True, rest=2)]
    return (*candidates, *_strip(candidates, _SUFFIXES, front=False, rest=2))


# --- word levels: the SAMER Readability Lexicon ------------------------------------------------

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
#: The clitic prefixes of the frequency lookup, and two clitics together without the article.
_CLITIC_PREFIXES = (*_PREFIXES, "وب", "ول", "فب", "فل")
#: Endings of plural, dual, feminine and of the perfect tense (the lemma has none of them).
_ENDINGS = ("تين", "تان", "ات", "ون", "ين", "ان", "وا", "تم", "ت", "ه", "ي", "ا")
_IMPERFECT = ("ي", "ت", "ن", "ا")
#: Endings of the perfect tense ("ناهزت", "قالوا").
_PERFECT = ("ت", "وا")
#: Endings of the perfect before which a hollow verb drops its alif ("صار" -> "صرنا",
#: "كان" -> "كنت").
_HOLLOW = ("تما", "تم", "تن", "نا", "ت")


def level_key(word: str) -> str:
    """The form words and lemmas are compared in: no tashkeel, alef forms, alef maqsura and
    ta marbuta folded (text is often written "الى", "مدرسه").

    >>> level_key("إِلَى"), level_key("مدرسة")
    ('الي', 'مدرسه')
    """
    return strip_marks(word).translate(_FOLD)


@lru_cache(maxsize=1)
def _levels() -> dict[str, int]:
    """Lemma key -> level 1 (easy) to 5 (hard); read on first use (about 24,000 lines)."""
    return read_levels("ar_levels.tsv")


@lru_cache(maxsize=65536)
def _stems(word: str) -> frozenset[str]:
    """The word as written and without clitics: و ف ب ل ك, the article, a pronoun ending
    (with the ta marbuta or alef maqsura back: "مدينتك" -> "مدينه", "دعواك" -> "دعوي");
    and without the ending of the perfect tense ("ناهزت" -> "ناهز")."""
    bare = level_key(word)
    stems = [bare, *_strip([bare], _CLITIC_PREFIXES, front=True, rest=2)]
    suffixed = _strip(stems, _SUFFIXES, front=False, rest=1)
    stems += suffixed + [s[:-1] + "ه" for s in suffixed if s.endswith("ت")]
    stems += [s[:-1] + "ي" for s in suffixed if s.endswith("ا") and len(s) >= 4]
    stems += _strip(stems, _PERFECT, front=False, rest=3)
    return frozenset(stems)


@lru_cache(maxsize=65536)
def _candidates(word: str) -> frozenset[str]:
    """The stems and the guesses beyond them: without the endings of plural, dual, feminine,
    tense and the tanween alif ("فترات" -> "فتره", "مالا" -> "مال"), without the prefix
    of the present tense ("يستخدم" -> "استخدم"), the verb whose last letter the
    feminine perfect drops ("تمنت" -> "تمني", تمنّى; "دعت" -> "دعا"), the hollow verb
    whose alif the perfect drops ("صرنا" -> "صار") and the noun whose ي the tanween kasra
    drops ("قاضٍ" -> "قاضي")."""
    stems = list(_stems(word))
    shorter = _strip(stems, _ENDINGS, front=False, rest=2)
    shorter += [s[:-2] + "ه" for s in stems if s.endswith("ات") and len(s) >= 5]
    shorter += [s[:-1] + end for s in stems if s.endswith("ت") and len(s) >= 3 for end in "يا"]
    bare = level_key(word)
    # Only the word and the word without "و" or "ف": the other stems, with more taken off,
    # would read "درنات" (tubers) as دار and "وجدتني" as جاد. Hollow verbs seldom start with
    # و ("وهت" is وهى, not واه).
    for form in (bare if bare[:1] != "و" else "", bare[1:] if bare[:1] in "وف" else ""):
        shorter += [form[0] + "ا" + form[1] for end in _HOLLOW if form == form[:2] + end]
    if "\u064d" in word[-2:]:  # the tanween kasra of "قاضٍ", "غالٍ": قاضي, غالي lose the ي
        shorter += [s + "ي" for s in stems if bare.endswith(s)]
    verbs = _strip([*stems, *shorter], _IMPERFECT, front=True, rest=3)
    singulars = [x for stem in stems for x in _singulars(stem)]
    return frozenset({*stems, *shorter, *verbs, *("ا" + v for v in verbs), *singulars})


def _singulars(stem: str) -> list[str]:
    """The singular a broken plural may have: أفعال, فعول, فعال, فواعل and مفاعل ("أطباق" ->
    "طبق", "بيوت" -> "بيت", "كلاب" -> "كلب", "شوارع" -> "شارع", "مكاتب" -> "مكتب"). The
    plural is often also the form of a rarer lemma ("كلاب", hooks), which made it hard."""
    out = []
    n = len(stem)
    if n == 5 and stem[0] == "ا" and stem[3] == "ا":
        out.append(stem[1] + stem[2] + stem[4])
    if n == 4 and stem[2] in "وا" and stem[3] not in "اويه":
        out.append(stem[0] + stem[1] + stem[3])
    if n == 5 and stem[1] == "و" and stem[3] == "ا":
        out.append(stem[0] + "ا" + stem[2] + stem[4])
    if n == 5 and stem[0] == "م" and stem[2] == "ا":
        out.append("م" + stem[1] + stem[3] + stem[4])
    return out


def explain_forms(word: str) -> frozenset[str]:
    """Forms compared with those of the word-book's words ("لدعواك" and "الدعوى")."""
    return frozenset(f for f in _candidates(word) if len(f) >= 3)


#: Forms the lexicon lists as a rarer lemma but that text means as an everyday word (no tashkeel
#: tells them apart, no rule finds the everyday lemma): found on the bundled brochure, the
#: test samples and the evaluation texts, each checked by hand. Broken plurals ("مكاتب",
#: "مبالغ") need no entry: ``_singulars`` finds their singular.
NOT_GRADED = frozenset(
    {
        "ابق",  # "ابقَ في البيت" (stay, from بقي), not أَبَقَ (run away)
        "فصح",  # عيد الفصح (Easter), not فَصُحَ (be eloquent)
        "جوب",  # "ميني جوب" (the English "job"), not جابَ (roam)
        # "المزرعة" (the farm): the lexicon has no مَزْرَعَة, only the rare مَزْرَع
        # (plantation, level 5), which the ending "ة" leads to (BAREC, a first-grade text)
        "مزرع",
    }
)


@lru_cache(maxsize=65536)
def word_level(word: str) -> int | None:
    """The level (SAMER, 1 easy to 5 hard) of the lemma a word form belongs to, or None.

    A word found only through a guessed ending or prefix counts as graded when the guess
    is easy ("تحصلين" -> "حصل"), not when it is hard ("نقود" would be "ن" + "قود", "أوقات"
    would be "أوق"): then wordfreq judges it. Of all lemmas found for the forms of
    ``_candidates``, the lowest level counts: "بها" is "ب" + "ها", not the rare noun "بهاء",
    and "تعمل" is the verb, not "تعمّل" (affectation). Trying the word as written first, and
    stopping there, gave those false alarms on easy text.

    >>> word_level("ناهزت"), word_level("والمدرسة"), word_level("بها"), word_level("نقود")
    (5, 1, 1, None)
    """
    levels = _levels()
    stems = _stems(word)
    found = [levels[s] for s in _candidates(word) if s in levels]
    if not found or not NOT_GRADED.isdisjoint(stems):
        return None
    level = min(found)
    if level > 3 and not any(s in levels for s in stems):
        return None  # only a guess says it is hard
    return level


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Short-vowel marks when the word has tashkeel, else half its letters."""
    marks = sum(1 for ch in word if ch in _VOWEL_MARKS)
    return max(1, marks) if marks else max(1, round(letters(word) / 2))


def is_diacritised(text: str) -> bool:
    """True when at least 30 % of the Arabic letters carry tashkeel (then OSMAN means something)."""
    arabic = sum(1 for ch in text if "\u0620" <= ch <= "\u064a")
    marks = sum(1 for ch in text if "\u064b" <= ch <= "\u0652")
    return arabic >= 10 and marks >= 0.3 * arabic


_FASEEH_LETTERS = frozenset("ءئؤذظ")


def osman(words: list[str], sentences: int) -> float:
    """OSMAN (El-Haj & Rayson 2016) on text with tashkeel: 200.791 − 1.015·ASL −
    24.181·(hard + syllables + long + faseeh)/words. Own code: textstat strips the marks
    before counting them, so its hard-word count is always 0."""
    hard = faseeh = sylls = long_words = 0
    for word in words:
        n = syllables(word)
        bare = strip_marks(word)
        sylls += n
        long_words += letters(bare) > 5
        if n > 5:
            hard += 1
            faseeh += bool(_FASEEH_LETTERS & set(bare) or bare.endswith(("وا", "ون")))
    total = max(len(words), 1)
    asl = len(words) / max(sentences, 1)
    return 200.791 - 1.015 * asl - 24.181 * (hard + sylls + long_words + faseeh) / total


def readability(doc: Doc, c: Counts) -> dict[str, float]:
    """Letters per word; OSMAN only on text with tashkeel (the share of rare words is a
    metric of every language)."""
    words = [t.text for u in doc.units for s in u.sentences for t in s.tokens if t.kind == "word"]
    n = max(len(words), 1)
    result = {"letters_per_word": sum(letters(w) for w in words) / n}
    if is_diacritised(c.text):
        result["osman"] = osman(words, c.sentences)
    return result


#: Unit symbols, abbreviations after a number ("5 km").
UNIT_SYMBOLS = frozenset(["كم", "سم", "مم", "كغ", "كلغ"])


PROFILE = Profile(
    code="ar",
    defaults={
        "sentence_warning": 10,
        "sentence_error": 12,
        "long_word_syllables": 0,
        "long_word_letters": 8,
        "hard_word_min_letters": 3,
        "hard_word_error_level": 5,
        "hard_word_warning_level": 4,
    },
    negations=NEGATIONS,
    number_words=NUMBER_WORDS,
    big_number_words=BIG_NUMBER_WORDS,
    abbreviations=ABBREVIATIONS,
    unit_symbols=UNIT_SYMBOLS,
    caps_allow=CAPS_ALLOW,
    second_person=SECOND_PERSON,
    second_person_suffixes=("ك", "كم", "كن"),
    not_second_person=NOT_SECOND_PERSON,
    coordinators=COORDINATORS,
    contrastive=CONTRASTIVE,
    coordinator_prefixes=("و", "ف"),
    subordinators=SUBORDINATORS,
    list_conjunctions=frozenset({"و", "أو"}),
    cross_references=frozenset({"انظر", "راجع", "أنظر"}),
    cross_reference_pattern=r"(?:في\s+)?ال?صفحة\s+\d+|ال?فصل\s+\d+|الملحق\s+\d+",
    percent_pattern=r"بالمئة|بالمائة|في\s?المئة|في\s?المائة|المئوية",
    months=MONTHS,
    separators="forbid",
    date_pattern="{d} {month} {y}",
    settings={
        "digits": ("latin", "digit system: 'latin' (0-9), 'arabic-indic' (٠-٩) or 'consistent'"),
        "osman_min": (80.0, "OSMAN at least (only on text with tashkeel)"),
        "letters_per_word_max": (5.5, "average letters per word at most"),
        "rare_word_share_max": (0.15, "share of rare words (wordfreq) at most"),
    },
    syllables=syllables,
    word_forms=word_forms,
    word_level=word_level,
    explain_forms=explain_forms,
    word_core=word_core,
    script="[\u0620-\u064a\u0671-\u06d3]",
    formulas=readability,
    gates={
        "words_per_sentence": ("words_per_sentence_max", "max", "words per sentence"),
        "osman": ("osman_min", "min", "OSMAN"),
        "letters_per_word": ("letters_per_word_max", "max", "letters per word"),
        "rare_word_share": ("rare_word_share_max", "max", "share of rare words"),
    },
)

RULES: dict[str, Rule] = {"digit-system": digit_system, "conditional": conditional}
