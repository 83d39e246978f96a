"""Russian (ясный язык): word lists and rules using pymorphy3 (participles, passive, numbers).

Defaults: warning above 10 words per sentence, error above 12 (no official number; FALC
value); participles and adverbial participles (PRTF, GRND) are errors (Mintrud draft: no
причастные/деепричастные обороты); syllables are vowel letters (exact for Russian).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .. import clauses, formulas
from ..base import NAME_KINDS, Doc, Hit, Profile, Rule, quote, wordset, wordtable
from ..counting import Counts
from ..text import Token

# --- morphology: pymorphy3, loaded on first use ---------------------------------------------


@lru_cache(maxsize=1)
def _morph() -> Any:
    """The analyser, with the dictionary of the ``pymorphy3-dicts-ru`` package named directly:
    left to find it, pymorphy3 scans every installed distribution's entry points through
    ``importlib.metadata`` (40 % of its start-up; the same dictionary either way)."""
    import pymorphy3

    try:
        import pymorphy3_dicts_ru
    except ImportError:  # pragma: no cover - a dependency; pymorphy3 then says what is missing
        return pymorphy3.MorphAnalyzer(lang="ru")
    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")


@lru_cache(maxsize=65536)
def ru_tag(word: str) -> tuple[str, str, float]:
    """(tag, normal form, score) of the most likely analysis of a Russian word."""
    try:
        parsed = _morph().parse(word)
    except (KeyError, ValueError):  # a character without a Unicode name
        parsed = []
    if not parsed:
        return "", word.casefold(), 0.0
    best = parsed[0]
    return str(best.tag), str(best.normal_form), float(best.score)


@lru_cache(maxsize=4096)
def ru_guessed(word: str) -> bool:
    """Whether pymorphy3's best analysis of a word is only a guess from its ending (the word
    is not in its dictionary: a misspelt word, a name in small letters)."""
    try:
        parsed = _morph().parse(word)
    except (KeyError, ValueError):
        return True
    return not parsed or type(parsed[0].methods_stack[0][0]).__name__ == "FakeDictionary"


def lemma(word: str) -> str:
    """The dictionary form (работодателю -> работодатель)."""
    return ru_tag(word.casefold())[1]


def word_forms(word: str) -> tuple[str, ...]:
    """The dictionary form, looked up in the frequency list besides the word itself."""
    return (lemma(word),) if not word.isascii() else ()


_VOWELS = frozenset("аеёиоуыэюя")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Vowel letters: exact for Russian (textstat's hyphenation count agrees)."""
    return max(1, sum(1 for ch in word.casefold() if ch in _VOWELS))


def readability(doc: Doc, c: Counts) -> dict[str, float]:
    """Oborneva's Flesch (textstat's Russian constants) and her Flesch-Kincaid grade
    (0.5·ASL + 8.4·ASW − 15.59; textstat's grade has English constants)."""
    return {
        "oborneva": formulas.flesch(c, "ru"),
        "fkgl_oborneva": formulas.kincaid(c, 0.5, 8.4, 15.59),
    }


NEGATIONS = wordset(
    "не ни нет никогда ничего ничто никто никого никому нигде никуда нельзя никакой "
    "никакая никакое никакие никаких никак"
)
NUMBER_LEMMAS = wordtable(
    "два=2 три=3 четыре=4 пять=5 шесть=6 семь=7 восемь=8 девять=9 десять=10 "
    "одиннадцать=11 двенадцать=12 тринадцать=13 четырнадцать=14 пятнадцать=15 "
    "шестнадцать=16 семнадцать=17 восемнадцать=18 девятнадцать=19 двадцать=20 тридцать=30 "
    "сорок=40 пятьдесят=50 шестьдесят=60 семьдесят=70 восемьдесят=80 девяносто=90 сто=100 "
    "двести=200 триста=300 четыреста=400 пятьсот=500 тысяча=1000"
)
BIG_NUMBER_WORDS = wordset("миллион миллиона миллионов миллиард миллиарда миллиардов млн млрд")
ABBREVIATIONS = wordset(
    "г гг вв руб тыс ст ч п пп напр др пр им ул д кв обл тел коп мин макс млн млрд т тд тп см"
)
BARE_ABBREVIATIONS = wordset("млн млрд тыс руб т.е т.д")
CAPS_ALLOW = wordset("СМС ТВ США ЕС ОК SMS TV OK EU")
SECOND_PERSON = wordset(
    "вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим вашими вашем ваших вашу "
    "ты тебя тебе тобой твой твоя твоё твое твои твоего твоей твоему твоим твоих твою"
)
COORDINATORS = wordset("и или либо")
CONTRASTIVE = wordset("но однако зато а")
SUBORDINATORS = wordset(
    "который которая которое которые которого которой которому которым которыми котором "
    "которых которую чтобы хотя поскольку если когда ибо пока"
)
SUBORDINATORS_AFTER_COMMA = wordset("что где куда откуда как чем чей чья чьё чьи")
HARD_WORDS = wordset(
    "вышеуказанный вышеуказанные вышеупомянутый нижеследующий осуществлять осуществление "
    "осуществляется надлежащий надлежащим надлежащего настоящим вследствие ввиду "
    "посредством нижеподписавшийся"
)
MONTHS = wordset(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
)
#: Reflexive verbs that are not passive ("учиться", "начинаться").
REFLEXIVE = wordset(
    "учиться начинаться заканчиваться находиться нравиться становиться получаться "
    "являться оказываться относиться касаться стараться бояться смеяться улыбаться "
    "заниматься встречаться возвращаться пользоваться оставаться продолжаться меняться "
    "появляться называться нуждаться обращаться справляться соглашаться готовиться "
    "казаться надеяться садиться одеваться мыться увольняться увольнятся регистрироваться "
    "отказываться длиться"
)
#: Short forms used as modal adjectives ("Вы обязаны" = you must), not passive participles.
NOT_PASSIVE = wordset("обязан обязана обязано обязаны должен должна должно должны")


#: Participles that are part of a fixed term (participle lemma, noun lemma): "оплачиваемый
#: отпуск" is the name of paid holiday, not a participle phrase.
FIXED_TERMS = frozenset(
    {
        ("оплачивать", "отпуск"),
        ("оплачивать", "работа"),
        ("оплачивать", "время"),
        ("действовать", "закон"),
        ("действовать", "договор"),
        ("действовать", "правило"),
        ("работать", "пенсионер"),
        ("проживать", "лицо"),
    }
)


def _fixed_term(words: list[Token], i: int) -> bool:
    lemma = ru_tag(words[i].lower)[1]
    following = words[i + 1 : i + 3]
    return any((lemma, ru_tag(w.lower)[1]) in FIXED_TERMS for w in following)


def participle(doc: Doc) -> Iterator[Hit]:
    """Participle phrases (причастный / деепричастный оборот) are errors (Mintrud draft);
    a single participle before its noun is a warning; participles of fixed terms
    ("оплачиваемый отпуск") and of word-book terms are fine."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        words = list(sentence.words)
        for i, token in enumerate(words):
            if len(token.text) < 4:
                continue
            tag = ru_tag(token.lower)[0]
            if tag.startswith(("GRND", "PRTF")) and ru_guessed(token.lower):
                continue  # "инстанциея" (misspelt), "площади юруя" (a name): only the ending
            if tag.startswith("GRND"):
                severity = "error"
                message = doc.tr(
                    "{word} is an adverbial participle (деепричастие).", word=quote(token.text)
                )
            elif tag.startswith("PRTF") and not (
                _fixed_term(words, i) or doc.explained(token.text)
            ):
                # A phrase: set off by a comma, or the participle has words of its own
                # before the noun ("работающие в магазине люди").
                comma = "," in unit.masked[words[i - 1].end : token.start] if i else False
                nxt = ru_tag(words[i + 1].lower)[0] if i + 1 < len(words) else ""
                phrase = comma or nxt.startswith(("PREP", "ADVB")) or " gent" in nxt
                severity = "error" if phrase else "warning"
                message = doc.tr("{word} is a participle (причастие).", word=quote(token.text))
            else:
                continue
            yield Hit.at(
                unit.index,
                token,
                severity,
                message,
                doc.tr("Write a sentence with a verb instead: “The people work. They …”."),
            )


def _is_passive(token: Token) -> bool:
    tag, lemma, _score = ru_tag(token.lower)
    if token.lower in NOT_PASSIVE:
        return False
    if tag.startswith("PRTS") and "pssv" in tag:
        return True
    if (
        tag.startswith("VERB")
        and lemma.endswith("ся")
        and lemma not in REFLEXIVE
        and ("3per" in tag)
    ):
        base_tag = ru_tag(lemma[:-2])[0]
        return base_tag.startswith("INFN") and "tran" in base_tag
    return False


def passive(doc: Doc) -> Iterator[Hit]:
    """Passive: short passive participles ("оплачен") and reflexive passive ("оплачивается")."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        for token in sentence.tokens:
            if token.kind == "word" and _is_passive(token):
                yield doc.passive(unit.index, token.start, token.end)
                break


def conditional(doc: Doc) -> Iterator[Hit]:
    """The particle "бы" (conditional mood) leaves the reader unsure."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        for token in sentence.tokens:
            if token.kind == "word" and token.lower in ("бы", "б"):
                yield doc.conditional(unit.index, token)


#: Compound prepositions of officialese (канцелярит): "в целях" instead of "чтобы".
OFFICIALESE = (
    ("в", "целях"),
    ("в", "связи", "с"),
    ("в", "соответствии", "с"),
    ("в", "рамках"),
    ("в", "случае"),
    ("в", "отношении"),
    ("на", "основании"),
    ("в", "течение"),
    ("по", "причине"),
    ("при", "условии"),
    ("за", "исключением"),
    ("в", "качестве"),
)
_VERBAL_NOUN = ("ние", "ния", "нии", "нию", "нием", "ций", "ция", "ции", "цию", "тие", "тия")


def officialese(doc: Doc) -> Iterator[Hit]:
    """Officialese (канцелярит): compound prepositions ("в целях", "в связи с") and two
    verbal nouns in a row ("для осуществления начисления") hide who does what."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        words = sentence.words
        lows = [t.lower for t in words]
        span = None
        for phrase in OFFICIALESE:
            n = len(phrase)
            found = next(
                (i for i in range(len(lows) - n + 1) if tuple(lows[i : i + n]) == phrase), None
            )
            if found is not None:
                span = (words[found].start, words[found + n - 1].end)
                break
        if span is None:
            verbal = [len(t.lower) > 6 and t.lower.endswith(_VERBAL_NOUN) for t in words]
            chain = next((i for i in range(len(words) - 1) if verbal[i] and verbal[i + 1]), None)
            if chain is not None and ru_tag(words[chain].lower)[0].startswith("NOUN"):
                span = (words[chain].start, words[chain + 1].end)
        if span is not None:
            yield Hit(
                unit.index,
                span[0],
                span[1],
                "warning",
                doc.tr(
                    "{words} is officialese (канцелярит).",
                    words=quote(unit.visible[span[0] : span[1]]),
                ),
                doc.tr("Say it with a verb and say who does it: “Вы получаете деньги.”"),
            )


@lru_cache(maxsize=1024)
def _also_a_noun(word: str) -> bool:
    """Whether a numeral form is also the nominative of a noun ("сорока": forty or magpie)."""
    return any(
        p.tag.POS == "NOUN" and "nomn" in p.tag and p.normal_form not in NUMBER_LEMMAS
        for p in _morph().parse(word)
    )


def _counts(words: list[Token], i: int) -> bool:
    """Whether a numeral form that is also a noun counts something here: a preposition
    before it ("до сорока") or a numeral or a plural word after it ("сорока лет")."""
    if i and ru_tag(words[i - 1].lower)[0].startswith("PREP"):
        return True
    nxt = ru_tag(words[i + 1].lower)[0] if i + 1 < len(words) else ""
    return nxt.startswith("NUMR") or "plur" in nxt


def number_words(doc: Doc) -> Iterator[Hit]:
    """Numerals written as words, in any case form ("двух", "пяти"): write digits."""
    for unit in doc.units:
        words = [t for t in unit.tokens if t.kind == "word"]
        for i, token in enumerate(words):
            tag, lemma, _score = ru_tag(token.lower)
            if lemma not in NUMBER_LEMMAS:
                continue
            if _also_a_noun(token.lower) and not _counts(words, i):
                continue  # "ручная сорока" (a magpie)
            if tag.startswith("NUMR") or lemma == "тысяча":
                yield Hit.at(
                    unit.index,
                    token,
                    "error",
                    doc.tr("Write the number {word} as digits.", word=quote(token.text)),
                    NUMBER_LEMMAS[lemma],
                )


def one_statement(doc: Doc) -> Iterator[Hit]:
    """Like the general rule, plus "и"/"или" between two finite verbs (pymorphy3)."""
    flagged = set()
    for hit in clauses.one_statement(doc):
        flagged.add((hit.unit, hit.start))
        yield hit
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        if any(u == unit.index and sentence.start <= s < sentence.end for u, s in flagged):
            continue
        words = list(sentence.words)
        verbs = [i for i, t in enumerate(words) if ru_tag(t.lower)[0].startswith("VERB")]
        for i, token in enumerate(words):
            if token.lower in COORDINATORS and verbs and verbs[0] < i < verbs[-1]:
                yield doc.two_statements(unit.index, token)
                break


#: Unit symbols, abbreviations after a number ("5 km").
UNIT_SYMBOLS = frozenset(
    ["км", "см", "мм", "м", "кг", "г", "мг", "т", "л", "мл", "га", "ч", "мин", "сек", "кВт"]
)


PROFILE = Profile(
    code="ru",
    defaults={"sentence_warning": 10, "sentence_error": 12, "long_word_syllables": 5},
    negations=NEGATIONS,
    big_number_words=BIG_NUMBER_WORDS,
    abbreviations=ABBREVIATIONS,
    unit_symbols=UNIT_SYMBOLS,
    numeral_abbreviations=frozenset({"в"}),  # "XIX в." (век)
    numbered_abbreviations=frozenset({"ст", "п", "ч", "с", "гл", "абз", "пп"}),
    bare_abbreviations=BARE_ABBREVIATIONS,
    caps_allow=CAPS_ALLOW,
    second_person=SECOND_PERSON,
    coordinators=COORDINATORS,
    contrastive=CONTRASTIVE,
    contrastive_after_comma=True,
    subordinators=SUBORDINATORS,
    subordinators_after_comma=SUBORDINATORS_AFTER_COMMA,
    subordinator_phrases=(
        ("так", "как"),
        ("потому", "что"),
        ("после", "того", "как"),
        ("в", "то", "время", "как"),
        ("несмотря", "на", "то", "что"),
        ("для", "того", "чтобы"),
    ),
    list_conjunctions=frozenset({"и", "или"}),
    cross_references=frozenset({"см"}),
    cross_reference_pattern=r"\b(?:на\s+)?(?:страниц[еуы]|стр\.)\s*\d+|\b(?:раздел|глав[аеуы]|"
    r"приложени[еия]|пункт)\s+\d+|\bвыше(?:указанн|упомянут)\w*|\bсмотрите\s+(?:раздел|страниц)",
    hard_words=HARD_WORDS,
    hard_word_pattern=r"вышеу\w+|нижеслед\w+|осуществл\w+|надлежащ\w+",
    percent_pattern=r"процент\w*",
    months=MONTHS,
    separators="forbid",
    date_pattern="{d} {month} {y} года",
    settings={"oborneva_min": (80.0, "Oborneva reading ease at least")},
    syllables=syllables,
    word_forms=word_forms,
    lemma=lemma,
    script="[а-яёА-ЯЁ]",
    copula_dash=True,
    formulas=readability,
    gates={"oborneva": ("oborneva_min", "min", "Oborneva")},
)

RULES: dict[str, Rule] = {
    "one-statement": one_statement,
    "number-words": number_words,
    "participle": participle,
    "passive": passive,
    "conditional": conditional,
    "officialese": officialese,
}
