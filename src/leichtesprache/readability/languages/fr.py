"""French (FALC, facile à lire et à comprendre): word lists, passive and conditional rules.

Defaults: warning above 10 words per sentence, error above 12 (info.gouv.fr: "pas plus de
12 mots"); elisions (l', d', qu', n') count as words of their own, "aujourd'hui" as one word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from .. import formulas
from ..base import METRIC_UNITS, NAME_KINDS, Doc, Hit, Profile, Rule, wordset, wordtable
from ..counting import Counts, vowel_groups
from ..lexicon import zipf
from ..text import Token

NEGATIONS = wordset("ne n' n’ non aucun aucune ni nul nulle")
NEGATION_SECONDARY = wordset("pas jamais rien guère")
NUMBER_WORDS = wordtable(
    "zéro=0 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
    "douze=12 treize=13 quatorze=14 quinze=15 seize=16 vingt=20 trente=30 quarante=40 "
    "cinquante=50 soixante=60 cent=100 cents=100 mille=1000"
)
BIG_NUMBER_WORDS = wordset("million millions milliard milliards")
ABBREVIATIONS = wordset(
    "etc env al cf ex min max hab av bd tél tel mme mlle dr pr nb ste sté coll chap éd resp cie"
)
BARE_ABBREVIATIONS = wordset("etc mme mlle")
CAPS_ALLOW = wordset("UE TV OK SMS WC CD DVD PIN USA")
SECOND_PERSON = wordset("vous votre vos tu ton ta tes te toi t' t’ vôtre vôtres")
COORDINATORS = wordset("et ou donc puis")
CONTRASTIVE = wordset("mais car cependant pourtant toutefois or")
SUBORDINATORS = wordset(
    "dont lorsque lorsqu' lorsqu’ puisque puisqu' puisqu’ quoique quoiqu' quoiqu’ "
    "laquelle lequel lesquels lesquelles auquel duquel qui où quand"
)
SUBORDINATORS_AFTER_COMMA = wordset("que qu' qu’ si s' s’ comme")
#: Words ending in "-ant" that are no present participle.
NOT_NONFINITE = wordset(
    "enfant enfants avant pendant maintenant cependant durant restaurant étudiant habitant "
    "important importante importants importantes quant autant devant néanmoins suivant "
    "parent parents argent client agent président moment instant diamant aimant éléphant "
    "croissant courant dirigeant participant représentant commandant lieutenant enseignant "
    "volant amant gant géant vivant méchant savant chant plant tant"
)


IRREGULAR_PARTICIPLES = wordset(
    "étant ayant faisant prenant disant voyant pouvant sachant venant tenant mettant voulant "
    "allant lisant écrivant"
)


#: Words after which a past participle belongs to a verb form, not to a participle phrase.
_AUXILIARY = wordset(
    "suis es est sommes êtes sont étais était étions étiez étaient été être sera seras "
    "serez serons seront serait seraient soit soient fut furent ai as a avons avez ont "
    "avais avait avions aviez avaient avoir aura auront aurait auraient eu ayant étant"
)
_PREPOSITIONS = wordset("à au aux dans par en de du des sur sous pour avec entre chez vers")
#: Words before which a form like "paie", "inscrit", "durée" is a verb or a noun.
_FUNCTION_WORDS = _PREPOSITIONS | wordset(
    "le la les l' l’ un une ce cet cette ces mon ma mes ton ta tes son sa ses notre nos "
    "votre vos leur leurs il elle on ils elles je j' j’ tu nous vous me m' m’ te t' t’ se "
    "s' s’ lui y qui que qu' qu’ ne n' n’ et ou mais quel quelle chaque tout toute"
)


def nonfinite(words: Sequence[Token], i: int, after_comma: bool) -> bool:
    """A participle that opens a clause: a present participle after a comma ("Le salarié,
    travaillant le soir, …") or a past participle with its own complement after a noun
    ("une commune située dans le département", "le salaire payé par le patron")."""
    word = words[i].lower
    if (
        0 < i < len(words) - 1
        and words[i + 1].lower in _PREPOSITIONS
        and not _ADVERB.fullmatch(words[i - 1].lower)
        and words[i - 1].lower not in _AUXILIARY
        and words[i - 1].lower not in _FUNCTION_WORDS
        and word not in ("partie", "parties")  # "faire partie de"
        and _past_participle(word)
    ):
        return True
    if not after_comma:
        return False
    if word in IRREGULAR_PARTICIPLES:
        return True
    if len(word) < 6 or not word.endswith("ant") or word in NOT_NONFINITE:
        return False
    stem = word[:-3]
    if stem.endswith("iss"):  # finissant -> finir
        return zipf(stem[:-2] + "r", "fr") >= 3.0
    return any(zipf(stem + ending, "fr") >= 3.0 for ending in ("er", "ir", "re"))


HARD_WORDS = frozenset(
    {
        "conformément",
        "nonobstant",
        "afférent",
        "afférente",
        "afférents",
        "susmentionné",
        "susmentionnée",
        "susvisé",
        "susvisée",
        "ledit",
        "ladite",
        "lesdits",
        "lesdites",
        "dudit",
        "audit",
        "ci-après",
        "subséquemment",
        "incomber",
        "incombe",
        "y afférent",
        "attendu",
        "sus-indiqué",
    }
)
MONTHS = wordset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)

ETRE = wordset(
    "suis es est sommes êtes sont étais était étions étiez étaient été être sera seras "
    "serez serons seront serait seraient soit soient fut furent"
)
#: Verbs that form their perfect with "être" (not passive) and adjectives ending like participles.
NOT_PASSIVE = wordset(
    "allé venu arrivé parti partie parties partis né mort entré sorti resté tombé devenu "
    "revenu monté descendu "
    "passé retourné rentré salarié marié fatigué occupé désolé âgé handicapé obligé "
    "malade libre prêt sûr content absent présent enceinte situé intéressé"
)
_PARTICIPLE = re.compile(
    r"[a-zàâçéèêëîïôûùüÿœ]{2,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|"
    r"it|ite|its|ites|ert|erte|erts|ertes|int|inte|ints|intes)"
)
_ADVERB = re.compile(r"[a-zàâçéèêëîïôûù]+ment|pas|bien|déjà|toujours|souvent|aussi|très")
_CONDITIONAL = re.compile(r"[a-zàâçéèêëîïôûù]{2,}(?:rais|rait|rions|riez|raient)")
NOT_CONDITIONAL = wordset(
    "vrais frais portrait portraits extrait extraits retrait retraits attrait trait "
    "traits abstrait distrait soustrait contrait marais jamais mais désormais anglais "
    "français irlandais ouvrais"
)
SUBJUNCTIVE = wordset(
    "soit soient sois soyez soyons ait aient ayez ayons puisse puissent puissiez fasse "
    "fassent fassiez aille aillent veuille veuillent sache sachent"
)


#: Past participles that do not end like their infinitive.
IRREGULAR_PAST = wordset(
    "fait faite faits dit dite dits pris prise prises mis mise mises "
    "écrit écrite écrits écrites ouvert ouverte ouverts ouvertes offert offerte offerts "
    "offertes couvert couverte inscrit inscrite inscrits inscrites atteint atteinte peint "
    "permis permise interdit interdite produit produite construit construite conduit "
    "conduite traduit traduite admis admise compris comprise reconnu reconnue reçu reçue "
    "reçus reçues vu vue vus vues su connu connue connus connues tenu tenue obtenu obtenue "
    "retenu retenue prévu prévue prévus prévues perçu perçue dû due dus dues"
)
_PAST_ENDINGS = (
    ("ées", ("er",)),
    ("ée", ("er",)),
    ("és", ("er",)),
    ("é", ("er",)),
    ("ies", ("ir",)),
    ("ie", ("ir",)),
    ("is", ("ir",)),
    ("i", ("ir",)),
    ("ues", ("re", "oir")),
    ("ue", ("re", "oir")),
    ("us", ("re", "oir")),
    ("u", ("re", "oir")),
)


def _past_participle(word: str) -> bool:
    """A past participle: a known irregular one, or a regular ending whose infinitive is a
    frequent verb ("payé" -> "payer", "choisie" -> "choisir", "rendu" -> "rendre"); "plus",
    "vous", "petites" are not."""
    if word in IRREGULAR_PAST:
        return True
    if not _PARTICIPLE.fullmatch(word):
        return False
    for ending, infinitives in _PAST_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            return any(zipf(stem + inf, "fr") >= 3.0 for inf in infinitives)
    return False


def _not_passive(word: str) -> bool:
    """In ``NOT_PASSIVE`` in any gender and number ("sortie", "situées", "nés")."""
    return word in NOT_PASSIVE or any(
        word.endswith(ending) and word[: -len(ending)] in NOT_PASSIVE for ending in ("es", "e", "s")
    )


def passive(doc: Doc) -> Iterator[Hit]:
    """Passive: a form of "être" (adverbs allowed between) and a past participle."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        words = list(sentence.words)
        for i, token in enumerate(words):
            if token.lower not in ETRE:
                continue
            j = i + 1
            while j < len(words) and _ADVERB.fullmatch(words[j].lower) and j - i <= 2:
                j += 1
            if j >= len(words):
                continue
            word = words[j].lower
            if not _not_passive(word) and _past_participle(word):
                yield doc.passive(unit.index, token.start, words[j].end, "error")
                break


def conditional(doc: Doc) -> Iterator[Hit]:
    """Conditionnel ("-rait") and subjonctif forms after "que" leave the reader unsure."""
    for unit, sentence in doc.sentences(skip=NAME_KINDS):
        words = list(sentence.words)
        for i, token in enumerate(words):
            low = token.lower
            conditional_form = _CONDITIONAL.fullmatch(low) and low not in NOT_CONDITIONAL
            subjunctive = low in SUBJUNCTIVE and any(
                w.lower in ("que", "qu'", "qu’") for w in words[max(0, i - 3) : i]
            )
            if conditional_form or subjunctive:
                yield doc.conditional(unit.index, token)


_VOWELS = "aeiouyàâéèêëîïôûùüœæ"


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Vowel groups; a final mute e after a consonant is no syllable ("travaille" 2,
    "employeur" 3). Own counter: textstat's hyphenation points give "employeur" 2."""
    w = word.casefold()
    groups = vowel_groups(w, _VOWELS, y_before_vowel_is_consonant=True)
    mute = len(groups) > 1 and groups[-1] == "e" and re.search(r"[^aeiouyéèêàâîôû]es?$", w)
    return max(1, len(groups) - bool(mute))


_ELISION = re.compile(
    r"^(l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu|quoiqu|quelqu)['\u2019\u02bc]", re.I
)


def split_elision(word: str) -> list[str]:
    """ "l'employeur" is two words ("l'", "employeur"); "aujourd'hui" is one."""
    m = _ELISION.match(word)
    if not m or word.casefold().startswith("aujourd"):
        return [word]
    rest = word[m.end() :]
    return [word[: m.end()], *(split_elision(rest) if rest else [])]


_ENDINGS = ("es", "ent", "e", "s", "x")


def word_forms(word: str) -> list[str]:
    """The word without an inflection ending ("salariées" -> "salarié")."""
    return [word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 4]


def readability(doc: Doc, c: Counts) -> dict[str, float]:
    """Kandel–Moles: Flesch with textstat's French constants (207 − 1.015·ASL − 73.6·ASW)."""
    return {"kandel_moles": formulas.flesch(c, "fr")}


PROFILE = Profile(
    code="fr",
    defaults={"sentence_warning": 10, "sentence_error": 12},
    negations=NEGATIONS,
    negation_secondary=NEGATION_SECONDARY,
    number_words=NUMBER_WORDS,
    big_number_words=BIG_NUMBER_WORDS,
    abbreviations=ABBREVIATIONS,
    unit_symbols=METRIC_UNITS,
    numbered_abbreviations=frozenset({"art", "n", "no", "p", "vol", "chap", "al"}),
    bare_abbreviations=BARE_ABBREVIATIONS,
    caps_allow=CAPS_ALLOW,
    second_person=SECOND_PERSON,
    coordinators=COORDINATORS,
    contrastive=CONTRASTIVE,
    subordinators=SUBORDINATORS,
    subordinators_after_comma=SUBORDINATORS_AFTER_COMMA,
    nonfinite=nonfinite,
    subordinator_exceptions=(("quand", "même"),),
    subordinator_phrases=(
        ("bien", "que"),
        ("afin", "que"),
        ("parce", "que"),
        ("parce", "qu'"),
        ("pour", "que"),
        ("tandis", "que"),
        ("avant", "que"),
        ("sans", "que"),
        ("alors", "que"),
        ("à", "condition", "que"),
    ),
    list_conjunctions=frozenset({"et", "ou"}),
    cross_references=frozenset({"cf"}),
    cross_reference_pattern=r"\bvoir\s+(?:la\s+)?(?:page|chapitre|section|annexe|partie|ci-)"
    r"|\b(?:à\s+la\s+)?page\s+\d+|\b(?:chapitre|section|annexe|partie)"
    r"\s+\d+|\bci-(?:dessus|dessous)\b",
    hard_words=HARD_WORDS,
    percent_pattern=r"pour\s?cent|pourcentages?",
    months=MONTHS,
    separators="forbid",
    date_pattern="{d} {month} {y}",
    settings={"kandel_moles_min": (80.0, "Kandel-Moles reading ease at least")},
    syllables=syllables,
    word_forms=word_forms,
    split_word=split_elision,
    formulas=readability,
    gates={"kandel_moles": ("kandel_moles_min", "min", "Kandel-Moles")},
)

RULES: dict[str, Rule] = {"passive": passive, "conditional": conditional}
