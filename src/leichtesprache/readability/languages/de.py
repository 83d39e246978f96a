"""German (Leichte Sprache): word lists and the rules only German needs.

Defaults: warning above 8 words per sentence, error above 12 (LanguageTool SimpleGerman 12;
published A1 texts p90 = 8.8); unsplit words from 14 letters are errors, compound nouns from
10 letters get a splitting hint; passive, Konjunktiv, genitive and subordinate clauses are
errors (BITV 2.0 Anlage 2 Nr. 1, Netzwerk Leichte Sprache); house style Mediopunkt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import clauses, formulas, numbers
from ..base import METRIC_UNITS, NAME_KINDS, Doc, Hit, Profile, Rule, quote, wordset, wordtable
from ..counting import Counts, vowel_groups
from ..text import Sentence, Token
from ..vocabulary import split_compound

NEGATIONS = wordset(
    "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand niemanden "
    "niemandem nirgends nirgendwo weder"
)
NUMBER_WORDS = wordtable(
    "null=0 eins=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8 neun=9 zehn=10 "
    "elf=11 zwölf=12 dreizehn=13 vierzehn=14 fünfzehn=15 sechzehn=16 siebzehn=17 "
    "achtzehn=18 neunzehn=19 zwanzig=20 dreißig=30 vierzig=40 fünfzig=50 sechzig=60 "
    "siebzig=70 achtzig=80 neunzig=90 hundert=100 einhundert=100 zweihundert=200 "
    "tausend=1000 eintausend=1000"
)
BIG_NUMBER_WORDS = wordset("million millionen milliarde milliarden billion")
ABBREVIATIONS = wordset(
    "usw bzw ggf inkl zzgl ca nr abs evtl sog max min mind std mio mrd tel str hr fr dr "
    "prof gem lt bzgl etc allg jh bspw einschl exkl geb ehem zt insb tsd vs mtl"
)
BARE_ABBREVIATIONS = wordset("mio mrd tsd bzgl ggf usw bzw")
CAPS_ALLOW = wordset("EU WC LKW PKW TV PC SMS OK USA DVD CD ID WLAN PIN TÜV DGB")
SECOND_PERSON = wordset(
    "Sie Ihnen Ihr Ihre Ihren Ihrem Ihrer Ihres du Du dich Dich dir Dir dein Dein deine "
    "Deine deinen deinem deiner deines euch Euch"
)
COORDINATORS = wordset("und oder sowie")
CONTRASTIVE = wordset("aber denn sondern jedoch")
PAIRED = wordset("entweder weder")
SUBORDINATORS = wordset(
    "weil dass daß obwohl obgleich nachdem falls sofern soweit sodass indem bevor sobald "
    "solange wenn ob wodurch weshalb wobei womit worauf seitdem"
)
SUBORDINATORS_AFTER_COMMA = wordset(
    "damit während bis als wie wo was wer welche welcher welches welchem welchen"
)
RELATIVE_PRONOUNS = wordset("der die das dem den deren dessen denen")
HARD_WORDS = wordset(
    "gemäß bezüglich hinsichtlich diesbezüglich seitens zwecks mittels infolge aufgrund "
    "insofern gegebenenfalls unverzüglich obliegen obliegt erforderlich erforderliche "
    "erforderlichen entgelt arbeitsentgelt geringfügig geringfügige geringfügigen "
    "geringfügiger leistungsbezug leistungsträger vorliegend vorliegenden nachstehend "
    "nachstehenden vorstehend vorstehenden beziehungsweise etwaige etwaigen fristgerecht "
    "warteschlange bärendienst eselsbrücke gänsehaut kuhhandel katzensprung"
)
MONTHS = wordset(
    "januar jänner februar märz april mai juni juli august september oktober november dezember"
)
HYPHEN_ALLOW = wordset(
    "E-Mail T-Shirt Minijob-Zentrale Baden-Württemberg Nordrhein-Westfalen "
    "Rheinland-Pfalz Sachsen-Anhalt Schleswig-Holstein Mecklenburg-Vorpommern "
    "Knappschaft-Bahn-See"
)

WERDEN = wordset("werde wirst wird werden werdet wurde wurdest wurden wurdet worden würde würden")
_PARTICIPLE = re.compile(
    r"(?:(?:ab|an|auf|aus|bei|ein|fest|fort|frei|her|hin|los|mit|nach|vor|weg|zu|zurück|"
    r"zusammen|weiter|dar|um|über|unter|durch|wieder|heraus|hinaus)?ge[a-zäöüß]{2,}(?:t|en)"
    r"|[a-zäöüß]{3,}iert|(?:be|ver|er|ent|zer|emp|miss|über|unter|hinter|wider)[a-zäöüß]{2,}t)"
)
NOT_PARTICIPLES = wordset(
    "gehören gewinnen genießen gelten gelingen geschehen gebrauchen gestalten gewöhnen "
    "gestatten gewähren gedenken gestehen gehorchen gerecht genügen gesamten"
)
STRONG_PARTICIPLES = wordset(
    "verboten vergessen entschieden beschrieben verschoben unterschrieben überwiesen "
    "erhoben betroffen unterbrochen verliehen bezogen übernommen angeboten entlassen "
    "verlassen"
)
#: Konjunktiv forms -> the indicative to suggest (empty: no simple replacement).
KONJUNKTIV = wordtable(
    "würde= würden= würdest= würdet= hätte=hat hätten=haben hättest=hast hättet=habt "
    "wäre=ist wären=sind wärst=bist wärest=bist wärt=seid könnte=kann könnten=können "
    "könntest=kannst müsste=muss müssten=müssen müßte=muss dürfte=darf dürften=dürfen "
    "sollte=soll sollten=sollen solltest=sollst sei=ist seien=sind seiest=bist gäbe=gibt "
    "gäben=geben käme=kommt kämen=kommen ginge=geht gingen= wüsste=weiß wüssten=wissen "
    "bräuchte=braucht bräuchten=brauchen ließe=lässt nähme=nimmt stünde=steht "
    "stünden=stehen fände=findet täte=tut müsse=muss könne=kann dürfe=darf solle=soll "
    "wolle=will möge="
)
GENITIVE_DETERMINERS = wordset(
    "des eines meines deines seines ihres unseres eures dieses jenes keines jedes welches manches"
)
GENITIVE_PREPOSITIONS = wordset(
    "wegen trotz statt anstatt innerhalb außerhalb aufgrund anhand mithilfe bezüglich "
    "hinsichtlich während zugunsten infolge oberhalb unterhalb seitens"
)
_PRONOUNS = SECOND_PERSON | {"Er", "Es", "Wir", "Man", "Ich"}


def passive(doc: Doc) -> Iterator[Hit]:
    """Passive: a form of "werden" with a past participle, or "ist … zu" + infinitive."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        words = list(sentence.words)
        aux = [t for t in words if t.lower in WERDEN]
        participles = [t for t in words[1:] if _is_participle(t.text)]
        span: tuple[int, int] | None = None
        if aux and participles:
            span = (min(aux[0].start, participles[-1].start), max(aux[0].end, participles[-1].end))
        else:
            for i, token in enumerate(words[:-2]):
                nxt, verb = words[i + 1], words[i + 2]
                if (
                    token.lower in ("ist", "sind", "war", "waren")
                    and nxt.lower == "zu"
                    and (verb.text.islower() and verb.text.endswith("en"))
                ):
                    span = (token.start, verb.end)
                    break
        if span:
            yield doc.passive(unit.index, span[0], span[1], "error")


def _is_participle(word: str) -> bool:
    if not word.islower() or word in NOT_PARTICIPLES:
        return False
    return word in STRONG_PARTICIPLES or _PARTICIPLE.fullmatch(word) is not None


def conditional(doc: Doc) -> Iterator[Hit]:
    """Konjunktiv forms ("könnte", "würde", "sei"): write what is true."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        for token in sentence.tokens:
            if token.kind == "word" and token.lower in KONJUNKTIV:
                instead = KONJUNKTIV[token.lower]
                yield Hit.at(
                    unit.index,
                    token,
                    "error",
                    doc.tr("{word} is a conditional form (Konjunktiv).", word=quote(token.text)),
                    doc.tr("Write what is true now: {word}.", word=quote(instead))
                    if instead
                    else doc.tr("Write what is true now, without “würde”."),
                )


def genitive(doc: Doc) -> Iterator[Hit]:
    """Genitive ("des Vertrags", "die Rechte der Frauen"): use "von" + dative instead."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        words = list(sentence.words)
        for i in range(len(words)):
            span = _genitive_at(words, i)
            if span:
                yield Hit(
                    unit.index,
                    span[0],
                    span[1],
                    "error",
                    doc.tr("{words} is a genitive.", words=quote(unit.visible[span[0] : span[1]])),
                    doc.tr("Use “von”: “das Geld von dem Chef”."),
                )
                break


def _noun_after(words: list[Token], i: int, ending_s: bool) -> Token | None:
    for token in words[i + 1 : i + 4]:
        if token.text[:1].isupper():
            if ending_s and not token.text.endswith("s"):
                return None
            return token
        if not token.lower.endswith(("en", "er", "es")):
            return None
    return None


def _genitive_at(words: list[Token], i: int) -> tuple[int, int] | None:
    token = words[i]
    low = token.lower
    if low == "des" or (low in GENITIVE_DETERMINERS and i + 1 < len(words)):
        noun = _noun_after(words, i, ending_s=low != "des")
        if noun is not None:
            return token.start, noun.end
    if low == "der" and i > 0:
        before = words[i - 1]
        after_noun = before.text[:1].isupper() and i - 1 > 0 and before.text not in _PRONOUNS
        if after_noun or before.lower in GENITIVE_PREPOSITIONS:
            noun = _noun_after(words, i, ending_s=False)
            if noun is not None:
                return (
                    before.start if before.lower in GENITIVE_PREPOSITIONS else token.start,
                    noun.end,
                )
    return None


def subordinate_clause(doc: Doc) -> Iterator[Hit]:
    """Subordinators ("weil", "dass", "wenn") and relative clauses (", die Sie bekommen")."""
    flagged: set[tuple[int, int]] = set()
    for hit in clauses.subordinate_clause(doc):
        flagged.add((hit.unit, _sentence_of(doc, hit.unit, hit.start)))
        yield hit
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        if (unit.index, sentence.start) in flagged:
            continue
        span = _relative_clause(unit.masked, sentence)
        if span:
            yield Hit(
                unit.index,
                span[0],
                span[1],
                "warning",
                doc.tr(
                    "{word} starts a subordinate clause.",
                    word=quote(unit.visible[span[0] : span[1]]),
                ),
                doc.tr("Write two main sentences instead."),
            )


def _sentence_of(doc: Doc, unit: int, offset: int) -> int:
    for sentence in doc.units[unit].sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.start
    return -1


def _relative_clause(text: str, sentence: Sentence) -> tuple[int, int] | None:
    """ ", der/die/das …" ending in a small-letter word (the verb) is a relative clause;
    ", den Lohn" in an enumeration ends in a noun and is not."""
    tokens = list(sentence.tokens)
    for i, token in enumerate(tokens):
        if token.lower not in RELATIVE_PRONOUNS or i == 0:
            continue
        if "," not in text[tokens[i - 1].end : token.start]:
            continue
        clause: list[Token] = []
        for nxt in tokens[i + 1 :]:
            if "," in text[clause[-1].end if clause else token.end : nxt.start]:
                break
            clause.append(nxt)
        if len(clause) >= 2 and clause[-1].kind == "word" and clause[-1].text.islower():
            return token.start, token.end
    return None


_VOWELS = "aeiouyäöü"
#: Vowel pairs spoken as one syllable (diphthongs, long vowels).
_ONE_SYLLABLE = frozenset({"ai", "au", "ei", "eu", "äu", "ie", "ee", "aa", "oo", "ey", "ay"})


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Vowel groups; a pair that is no diphthong is two syllables ("be-ob-achten").
    Not hyphenation points: "oder", "aber", "einen" have 2 syllables."""
    count = 0
    for group in vowel_groups(word.casefold(), _VOWELS):
        count += 1
        i = 0
        while i < len(group) - 1:
            if group[i : i + 2] in _ONE_SYLLABLE:
                i += 2
                count += i < len(group)
                i += i < len(group)
                continue
            count += 1
            i += 1
    return max(1, count)


#: Left parts that are verb prefixes or prepositions, not words of a compound.
_PREFIXES = wordset(
    "ver be ent er zer ge emp miss un ur unter über vor nach aus ein an auf ab bei mit zu "
    "durch gegen um wider hinter"
)
_SUFFIXES = (
    "ung",
    "lungen",
    "heit",
    "keit",
    "lich",
    "schaft",
    "ismus",
    "tion",
    "ieren",
    "nis",
    "sal",
    "chen",
    "lein",
)


def compound_parts(word: str) -> tuple[str, ...] | None:
    """ "Rentenversicherung" -> ("Renten", "versicherung"): parts that are frequent words."""
    return split_compound(word, "de", _PREFIXES, _SUFFIXES)


_ENDINGS = ("ern", "ten", "tes", "ter", "en", "er", "es", "em", "te", "e", "n", "s")
_UMLAUTS = str.maketrans("äöü", "aou")


def word_forms(word: str) -> list[str]:
    """The word without an inflection ending, also without umlaut ("Abzügen" -> "Abzug")."""
    stems = [word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 4]
    return stems + [s.translate(_UMLAUTS) for s in stems if s.translate(_UMLAUTS) != s]


_DOT_TIME = re.compile(r"(?<![\d.,:])(?P<h>\d{1,2})\.(?P<m>[0-5]\d)(?=\s?Uhr\b)")


def time_format(doc: Doc) -> Iterator[Hit]:
    """Times without a leading zero, and with a colon: "9:30 Uhr", not "9.30 Uhr"."""
    yield from numbers.time_format(doc)
    for unit in doc.units:
        for m in _DOT_TIME.finditer(unit.masked):
            yield Hit(
                unit.index,
                m.start(),
                m.end(),
                "error",
                doc.tr("Write times with a colon."),
                f"{int(m.group('h'))}:{m.group('m')} Uhr",
            )


def readability(doc: Doc, c: Counts) -> dict[str, float]:
    """Amstad (Flesch with textstat's German constants), Wiener Sachtextformel 1, LIX."""
    return {
        "amstad": formulas.flesch(c, "de"),
        "wstf1": formulas.wiener_sachtextformel(c),
        "lix": formulas.lix(c),
    }


PROFILE = Profile(
    code="de",
    defaults={
        "sentence_warning": 8,
        "sentence_error": 12,
        "compound_letters": 14,
        "compound_warning_letters": 10,
    },
    severity={"subordinate-clause": "error"},
    negations=NEGATIONS,
    number_words=NUMBER_WORDS,
    big_number_words=BIG_NUMBER_WORDS,
    abbreviations=ABBREVIATIONS,
    unit_symbols=METRIC_UNITS,
    numbered_abbreviations=frozenset({"art", "s", "nr", "abs", "ziff", "bd"}),
    bare_abbreviations=BARE_ABBREVIATIONS,
    caps_allow=CAPS_ALLOW,
    second_person=SECOND_PERSON,
    second_person_case_sensitive=True,
    coordinators=COORDINATORS,
    contrastive=CONTRASTIVE,
    contrastive_after_comma=True,
    paired_conjunctions=PAIRED,
    subordinators=SUBORDINATORS,
    subordinators_after_comma=SUBORDINATORS_AFTER_COMMA,
    subordinator_phrases=(("so", "dass"), ("als", "ob")),
    list_conjunctions=frozenset({"und", "oder", "sowie"}),
    cross_references=frozenset({"siehe", "vgl"}),
    cross_reference_pattern=r"\b(?:auf\s+)?Seite\s+\d+|\b(?:Abschnitt|Kapitel|Anhang|Anlage)"
    r"\s+\d+|\bs\.\s?[ou]\.|\b(?:oben|unten)\s+genannt\w*",
    hard_words=HARD_WORDS,
    hard_word_pattern=r"[a-zäöüß]+ismus|[a-zäöüß]+phobie|anti[a-zäöüß]{4,}|poly[a-zäöüß]{4,}",
    percent_pattern=r"prozent\w*|v\.\s?h\.",
    months=MONTHS,
    ordinal_cues=frozenset(
        {"am", "im", "zum", "vom", "beim", "ab", "bis", "der", "die", "das", "den", "dem"}
    ),
    separators="house",
    hyphen_allow=HYPHEN_ALLOW,
    date_pattern="{d}. {month} {y}",
    settings={
        "amstad_min": (80.0, "Amstad reading ease at least (target 85)"),
        "wstf1_max": (4.0, "Wiener Sachtextformel 1 at most"),
        "lix_max": (30.0, "LIX at most"),
    },
    syllables=syllables,
    word_forms=word_forms,
    compound_parts=compound_parts,
    capitals_mark_names=False,
    long_word_parts_only=True,
    formulas=readability,
    gates={
        "amstad": ("amstad_min", "min", "Amstad"),
        "wstf1": ("wstf1_max", "max", "Wiener Sachtextformel 1"),
        "lix": ("lix_max", "max", "LIX"),
    },
)

RULES: dict[str, Rule] = {
    "subordinate-clause": subordinate_clause,
    "passive": passive,
    "conditional": conditional,
    "genitive": genitive,
    "time-format": time_format,
}
