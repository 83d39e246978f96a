"""Arabic (القراءة المبسطة): word lists, word length without tashkeel, one digit system.

Defaults: warning above 10 words per sentence, error above 12; words with more than 8 letters
(tashkeel and tatweel not counted, clitics included) get a warning; digits are Latin (0-9)
by default (DESIGN §4), set ``digits = "arabic-indic"`` or ``"consistent"`` to change.
The passive is not visible without tashkeel and is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from .base import Doc, Hit, Profile, Rule, UnitView, quote, wordset, wordtable
from .text import Token

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
    if wanted == "consistent":
        counts: dict[str, int] = {}
        for _unit, _token, system in found:
            counts[system] = counts.get(system, 0) + 1
        if len(counts) < 2:
            return
        wanted = max(counts, key=counts.__getitem__)
    for unit, token, system in found:
        if system != wanted:
            yield Hit(
                unit.index,
                token.start,
                token.end,
                "error",
                doc.tr(
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


PROFILE = Profile(
    code="ar",
    defaults={
        "sentence_warning": 10,
        "sentence_error": 12,
        "long_word_syllables": 0,
        "long_word_letters": 8,
        "hard_word_min_letters": 3,
    },
    negations=NEGATIONS,
    number_words=NUMBER_WORDS,
    big_number_words=BIG_NUMBER_WORDS,
    abbreviations=ABBREVIATIONS,
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
)

RULES: dict[str, Rule] = {"digit-system": digit_system, "conditional": conditional}
