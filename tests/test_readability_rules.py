"""Every rule in every language it applies to: one sentence that triggers it, one near miss."""

from __future__ import annotations

import pytest

from leichtesprache.readability import Finding, TextUnit, check_units, language_rules

# (language, rule, triggers, near miss)
# fmt: off
CASES: list[tuple[str, str, str, str]] = [
    # --- sentence-length
    ("de", "sentence-length",
     "Sie bekommen jeden Monat ganz sicher viel mehr Geld von Ihrem neuen Chef in der Stadt.",
     "Sie bekommen jeden Monat Geld."),
    ("en", "sentence-length",
     "You get money every month from your new boss in the shop in the town where you live now.",
     "You get money every month."),
    ("fr", "sentence-length",
     "Vous recevez chaque mois de l'argent de votre nouveau patron dans le magasin de la ville.",
     "Vous recevez de l'argent chaque mois."),
    ("ru", "sentence-length",
     "Вы получаете каждый месяц деньги от вашего нового начальника в магазине в городе сейчас.",
     "Вы получаете деньги каждый месяц."),
    ("ar", "sentence-length",
     "تحصل كل شهر على المال من رئيسك الجديد في المتجر الكبير في المدينة التي تعيش فيها الآن.",
     "تحصل على المال كل شهر."),
    ("xx", "sentence-length",
     "aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq.", "aa bb cc dd."),
    # --- one-sentence-per-line
    ("de", "one-sentence-per-line", "Sie arbeiten. Sie bekommen Geld.",
     "Sie arbeiten.\nSie bekommen Geld."),
    ("en", "one-sentence-per-line", "You work. You get money.", "You work.\nYou get money."),
    ("fr", "one-sentence-per-line", "Vous travaillez. Vous recevez de l'argent.",
     "Vous travaillez.\nVous recevez de l'argent."),
    ("ru", "one-sentence-per-line", "Вы работаете. Вы получаете деньги.",
     "Вы работаете.\nВы получаете деньги."),
    ("ar", "one-sentence-per-line", "تعمل؟ تحصل على المال.", "تعمل؟\nتحصل على المال."),
    ("uk", "one-sentence-per-line", "Ви працюєте. Ви отримуєте гроші.",
     "Ви працюєте.\nВи отримуєте гроші."),
    ("de", "one-sentence-per-line", "Sie bekommen das Geld\nvon Ihrem Chef.",
     "Das ist z. B. gut."),
    # --- one-statement
    ("de", "one-statement", "Sie arbeiten, und Sie bekommen Geld.",
     "Sie und Ihr Chef unterschreiben."),
    ("de", "one-statement", "Sie arbeiten viel, aber Sie haben auch Urlaub.",
     "Die Mehr·arbeit muss aber unerwartet sein."),
    ("de", "one-statement", "Entweder Sie arbeiten oder Sie lernen.", "Aber Sie haben Urlaub."),
    ("en", "one-statement", "You work, and you get money.", "You and your boss sign."),
    ("fr", "one-statement", "Vous travaillez, et vous recevez de l'argent.",
     "Vous et votre patron signez."),
    ("ru", "one-statement", "Вы работаете, и вы получаете деньги.",
     "Вы и ваш начальник подписываете."),
    ("ru", "one-statement", "Вы работаете и получаете деньги.", "Вы и ваш начальник здесь."),
    ("ar", "one-statement", "تعمل، وتحصل على المال.", "أنت وصاحب العمل توقعان."),
    # --- subordinate-clause
    ("de", "subordinate-clause", "Sie bekommen Geld, weil Sie arbeiten.", "Sie arbeiten viel."),
    ("de", "subordinate-clause", "Das ist der Vertrag, den Sie unterschreiben.",
     "Sie bekommen Lohn, den Urlaub und die Rente."),
    ("en", "subordinate-clause", "You get money because you work.", "You work. So you get money."),
    ("en", "subordinate-clause", "The people who work here get money.", "Who works here?"),
    ("en", "subordinate-clause", "Your boss, paying you every month, is fair.",
     "You get money, clothing and food."),
    ("en", "subordinate-clause", "The shop, selling food, is open.",
     "You win the Art Prize, Flying Eagle Prize and Sport Prize."),
    ("en", "subordinate-clause", "Your boss, paying you well and on time, is fair.",
     "The contract has the rules: pay, working hours and holiday."),
    ("fr", "subordinate-clause", "Le salarié, travaillant le soir, reçoit de l'argent.",
     "L'enfant reçoit de l'argent, pendant les vacances."),
    ("fr", "subordinate-clause", "Vous recevez le salaire prévu par le contrat.",
     "L'employeur paie pour cela."),
    ("fr", "subordinate-clause", "Vous êtes libre quand vous êtes malade.",
     "Vous recevez quand même votre salaire."),
    ("fr", "subordinate-clause", "Vous recevez de l'argent parce que vous travaillez.",
     "Vous travaillez. Alors vous recevez de l'argent."),
    ("ru", "subordinate-clause", "Вы получаете деньги, потому что вы работаете.",
     "Вы работаете. Вы получаете деньги."),
    ("ar", "subordinate-clause", "تحصل على المال لأنك تعمل.", "تعمل. تحصل على المال."),
    # --- passive
    ("de", "passive", "Das Geld wird überwiesen.", "Ihr Chef überweist das Geld."),
    ("de", "passive", "Sie werden vom Chef informiert.", "Sie werden bald gesund."),
    ("en", "passive", "The money is paid by your boss.", "Your boss pays the money."),
    ("fr", "passive", "Le salaire est payé par l'employeur.", "L'employeur paie le salaire."),
    # a verb of motion in any gender and number forms its perfect with "être"
    ("fr", "passive", "La lettre est envoyée demain.", "La chanson est sortie en 2013."),
    ("fr", "passive", "Les lettres sont envoyées.", "Elles sont venues hier."),
    ("ru", "passive", "Зарплата оплачивается работодателем.", "Работодатель платит зарплату."),
    ("ru", "passive", "Отпуск оплачен.", "Вы учитесь."),
    # --- conditional
    ("de", "conditional", "Sie könnten mehr Geld bekommen.", "Sie können mehr Geld bekommen."),
    ("en", "conditional", "You could get more money.", "You can get more money."),
    ("fr", "conditional", "Vous pourriez recevoir plus d'argent.",
     "Vous pouvez recevoir plus d'argent."),
    ("ru", "conditional", "Вы бы получили больше денег.", "Вы получите больше денег."),
    ("ar", "conditional", "لو عملت أكثر تحصل على مال أكثر.", "إذا عملت أكثر تحصل على مال أكثر."),
    # --- genitive (de)
    ("de", "genitive", "Das ist das Geld des Chefs.", "Das ist das Geld von dem Chef."),
    ("de", "genitive", "Sie haben innerhalb der Probezeit Rechte.", "Sie arbeiten in der Küche."),
    ("de", "genitive", "Die Dauer Ihres Vertrags ist kurz.", "Sie zeigen Ihres dem Chef."),
    # --- officialese (ru)
    ("ru", "officialese", "В связи с болезнью вы отдыхаете.", "Вы больны. Поэтому вы отдыхаете."),
    ("ru", "officialese", "Для осуществления начисления нужен документ.",
     "Решение принимает начальник."),
    # --- participle (ru)
    ("ru", "participle", "Работающие люди получают деньги.", "Люди работают."),
    ("ru", "participle", "Сделав работу, вы получаете деньги.", "Вы сделали работу."),
    ("ru", "participle", "Люди, работающие в магазине, получают деньги.",
     "У вас есть право на оплачиваемый отпуск."),
    # --- negation
    ("de", "negation", "Sie zahlen keine Steuern.", "Sie zahlen wenig Steuern."),
    ("en", "negation", "You do not pay tax.", "You pay little tax."),
    ("en", "negation", "You don't pay tax.", "See number no. 5 here."),
    ("fr", "negation", "Vous ne payez pas d'impôts.", "Vous payez peu d'impôts."),
    ("ru", "negation", "Вы не платите налоги.", "Вы платите налоги."),
    ("ar", "negation", "لا تدفع ضرائب.", "تدفع ضرائب قليلة."),
    # --- abbreviation
    ("de", "abbreviation", "Sie brauchen z. B. einen Vertrag.",
     "Sie brauchen zum Beispiel einen Vertrag."),
    ("de", "abbreviation", "Das regelt das SGB.", "Das regelt die EU."),
    ("de", "abbreviation", "Sie bekommen ca. 600 Euro.", "Sie bekommen etwa 600 Euro."),
    ("de", "abbreviation", "Das steht in Art. 3.", "Das ist eine neue Art."),
    ("en", "abbreviation", "You need e.g. a contract.", "You need a contract."),
    ("en", "abbreviation", "Ask J. Smith for help.", "Ask John Smith for help."),
    ("en", "abbreviation", "Read no. 5 now.", "I said no."),
    ("fr", "abbreviation", "Vous avez besoin p. ex. d'un contrat.",
     "Vous avez besoin d'un contrat."),
    ("ru", "abbreviation", "Вам нужен т. е. договор.", "Вам нужен договор."),
    ("ar", "abbreviation", "هذا في قانون SGB.", "هذا في القانون."),
    ("xx", "abbreviation", "aa ABC bb.", "aa Abc bb."),
    # a unit symbol after a number ("km/h" is to be written out, reference §1)
    ("de", "abbreviation", "Der Weg ist 5 km lang.", "Der Weg ist 5 Kilometer lang."),
    ("en", "abbreviation", "The way is 5 km long.", "The way is 5 kilometres long."),
    ("en", "abbreviation", "The box is 2 lbs.", "I'm 5 and you are 6."),
    ("fr", "abbreviation", "Le chemin fait 5 km.", "Le chemin fait 5 kilomètres."),
    ("ru", "abbreviation", "Дорога длиной 5 км.", "Дорога длиной 5 километров."),
    ("ru", "abbreviation", "Стол шириной 80 см.", "Стол шириной 80 сантиметров."),
    ("ar", "abbreviation", "طول الطريق 5 كم.", "كم عمرك؟"),
    # --- long-word
    ("de", "long-word", "Sie bekommen Arbeitslosigkeits·geld.", "Sie bekommen Arbeitslosen·geld."),
    ("en", "long-word", "You get an indemnification.", "You get money."),
    ("fr", "long-word", "Vous recevez une indemnisation.", "Vous recevez de l'argent."),
    ("ru", "long-word", "Вы получаете компенсационную выплату.", "Вы получаете деньги."),
    ("ar", "long-word", "تحصل على الاستثمارات.", "تحصل على التعويضات."),  # stem length
    # --- compound (de)
    ("de", "compound", "Sie haben eine Rentenversicherung.", "Sie haben eine Renten·versicherung."),
    ("de", "compound", "Fragen Sie Ihre Krankenkasse.", "Fragen Sie Ihre Kranken·kasse."),
    # --- separator-style
    ("de", "separator-style", "Sie haben einen Mini-Job.", "Sie haben einen Mini·job."),
    ("de", "separator-style", "Sie haben einen Mini∙job.", "Fragen Sie die Minijob-Zentrale."),
    ("de", "separator-style", "Sie haben einen Mini·Job.", "Schreiben Sie eine E-Mail."),
    ("en", "separator-style", "You have a mini·job.", "You have a mini-job."),
    ("fr", "separator-style", "Vous avez un mini·job.", "Vous avez un mini-job."),
    ("ru", "separator-style", "У вас мини·джоб.", "У вас мини-джоб."),
    ("ar", "separator-style", "لديك عمل·صغير.", "لديك عمل صغير."),
    # --- number-words
    ("de", "number-words", "Sie arbeiten drei Tage.", "Sie arbeiten 3 Tage."),
    ("en", "number-words", "You work three days.", "You work 3 days."),
    ("fr", "number-words", "Vous travaillez trois jours.", "Vous travaillez 3 jours."),
    ("ru", "number-words", "Вы работаете пять дней.", "Вы работаете 5 дней."),
    ("ru", "number-words", "Вы работаете до двух часов.", "Ваша семья рада."),
    ("ar", "number-words", "تعمل ثلاثة أيام.", "تعمل 3 أيام."),
    # --- big-number
    ("de", "big-number", "Sie verdienen 7236 Euro im Jahr.", "Das gilt seit 2026."),
    ("de", "big-number", "Sie verdienen 1.000 Euro.", "Sie verdienen 603 Euro."),
    ("en", "big-number", "You earn 7,236 euros a year.", "This is the rule from 2026."),
    ("fr", "big-number", "Vous gagnez 7 236 euros par an.", "Vous gagnez 603 euros."),
    ("ru", "big-number", "Вы получаете 7236 евро.", "Вы получаете 603 евро."),
    ("ar", "big-number", "تحصل على 7236 يورو.", "تحصل على 603 يورو."),
    ("xx", "big-number", "aa 12345 bb.", "aa 123 bb."),
    # --- decimal
    ("de", "decimal", "Sie bekommen 13,90 Euro.", "Sie bekommen 14 Euro."),
    ("en", "decimal", "You get 13.90 euros.", "You get 14 euros."),
    ("fr", "decimal", "Vous recevez 13,90 euros.", "Vous recevez 14 euros."),
    ("ru", "decimal", "Вы получаете 13,90 евро.", "Вы получаете 14 евро."),
    ("ar", "decimal", "تحصل على 13,90 يورو.", "تحصل على 14 يورو."),
    ("xx", "decimal", "aa 3,5 bb.", "aa 3 bb."),
    # --- percent
    ("de", "percent", "Sie zahlen 20 % Steuern.", "Sie zahlen wenig Steuern."),
    ("de", "percent", "Sie zahlen 20 Prozent Steuern.", "Sie zahlen 20 Euro Steuern."),
    ("en", "percent", "You pay 20 percent tax.", "You pay 20 euros tax."),
    ("fr", "percent", "Vous payez 20 pour cent d'impôts.", "Vous payez 20 euros d'impôts."),
    ("ru", "percent", "Вы платите 20 процентов.", "Вы платите 20 евро."),
    ("ar", "percent", "تدفع 20 بالمئة.", "تدفع 20 يورو."),
    ("xx", "percent", "aa 20% bb.", "aa 20 bb."),
    # --- roman-numeral
    ("de", "roman-numeral", "Das steht im Buch II.", "Das steht im Buch 2."),
    ("en", "roman-numeral", "Read part IV.", "I read part 4."),
    ("fr", "roman-numeral", "Lisez le chapitre IV.", "Lisez le chapitre 4."),
    ("ru", "roman-numeral", "Читайте главу IV.", "Читайте главу 4."),
    ("ar", "roman-numeral", "هذا في الكتاب IV.", "هذا في الكتاب 4."),
    ("xx", "roman-numeral", "aa XII bb.", "aa CD bb."),
    # --- date-format
    ("de", "date-format", "Das gilt ab 01.01.2026.", "Das gilt ab 1. Januar 2026."),
    ("de", "date-format", "Das gilt ab 1.1.26.", "Sie bekommen 13,90 Euro."),
    ("en", "date-format", "This is the rule from 01/01/2026.",
     "This is the rule from 1 January 2026."),
    ("fr", "date-format", "La règle compte depuis le 01/01/2026.",
     "La règle compte depuis le 1 janvier 2026."),
    ("ru", "date-format", "Правило действует с 01.01.2026.",
     "Правило действует с 1 января 2026 года."),
    ("ar", "date-format", "القاعدة تبدأ في 01/01/2026.", "القاعدة تبدأ في 1 يناير 2026."),
    ("xx", "date-format", "aa 2026-01-31 bb.", "aa 2026 bb."),
    # --- time-format
    ("de", "time-format", "Wir öffnen um 09:00 Uhr.", "Wir öffnen um 9:00 Uhr."),
    ("de", "time-format", "Wir öffnen um 9.30 Uhr.", "Sie bekommen 9,30 Euro."),
    ("en", "time-format", "We open at 09:00.", "We open at 9:00."),
    ("fr", "time-format", "Nous ouvrons à 09h00.", "Nous ouvrons à 9h00."),
    ("ru", "time-format", "Мы открываемся в 09:00.", "Мы открываемся в 9:00."),
    ("ar", "time-format", "نفتح في الساعة 09:00.", "نفتح في الساعة 9:00."),
    ("xx", "time-format", "aa 08:30 bb.", "aa 8:30 bb."),
    # --- special-characters
    ("de", "special-characters", "Sie & Ihr Chef unterschreiben.",
     "Sie und Ihr Chef unterschreiben."),
    ("de", "special-characters", "Alle Lehrer*innen bekommen Geld.",
     "Alle Lehrer und Lehrerinnen bekommen Geld."),
    ("de", "special-characters", "Das steht in § 8.", "Das steht im Gesetz."),
    ("en", "special-characters", "The word ‘holiday’ is easy.", "The workers’ rights are clear."),
    ("de", "special-characters", "Das ist „wichtig“.", "Das ist **wichtig**."),
    ("de", "special-characters", "Wir arbeiten von 9–10 Uhr.", "Wir arbeiten von 9 bis 10 Uhr."),
    ("en", "special-characters", "You and/or your boss sign.", "You or your boss sign."),
    ("fr", "special-characters", "C'est « important ».", "C'est important."),
    ("ru", "special-characters", "Это «важно».", "Это важно."),
    ("ru", "special-characters", "Часы работы: 9–10.", "Мини-джоб — это маленькая работа."),
    ("ar", "special-characters", "تعمل؛ تحصل على المال.", "تعمل.\nتحصل على المال."),
    ("xx", "special-characters", "aa; bb.", "aa: bb."),
    # --- brackets
    ("de", "brackets", "Sie bekommen Geld (jeden Monat).", "Sie bekommen {minijob_limit} Euro."),
    ("en", "brackets", "You get money (every month).", "You get money every month."),
    ("fr", "brackets", "Vous recevez de l'argent (chaque mois).", "Vous recevez de l'argent."),
    ("ru", "brackets", "Вы получаете деньги (каждый месяц).", "Вы получаете деньги."),
    ("ar", "brackets", "تحصل على المال (كل شهر).", "تحصل على المال كل شهر."),
    ("xx", "brackets", "aa (bb) cc.", "aa {bb} cc."),
    # --- cross-reference
    ("de", "cross-reference", "Mehr dazu siehe Seite 5.", "Mehr dazu steht hier."),
    ("de", "cross-reference", "Das steht im Vertrag¹.", "Das steht im Vertrag."),
    ("en", "cross-reference", "See page 5 for more.", "Read on for more."),
    ("fr", "cross-reference", "Voir page 5.", "Vous pouvez voir le médecin."),
    ("ru", "cross-reference", "См. раздел 2.", "Смотрите сюда."),
    ("ar", "cross-reference", "انظر الصفحة 5.", "اقرأ هنا."),
    ("xx", "cross-reference", "aa bb² cc.", "aa bb cc."),
    # --- hard-word
    ("de", "hard-word", "Sie bekommen ein Entgelt.", "Sie bekommen Geld."),
    ("de", "hard-word", "Das ist gemäß dem Vertrag.", "Das steht im Vertrag."),
    ("en", "hard-word", "Pursuant to the law you get money.", "You get money."),
    ("fr", "hard-word", "Conformément à la loi vous recevez de l'argent.",
     "Vous recevez de l'argent."),
    ("ru", "hard-word", "Вышеуказанный договор важен.", "Этот договор важен."),
    ("ar", "hard-word", "تحصل على الكزبرونات.", "تحصل على المال."),
    # graded in the SAMER lexicon: level 5 (ناهز) and level 1 (اقترب)
    ("ar", "hard-word", "الفتاة ناهزت العشرين.", "الفتاة اقتربت من العشرين."),
    ("en", "hard-word", "The court has jurisdiction.", "The court can decide."),
    # --- direct-address (per section)
    ("de", "direct-address",
     "Arbeitnehmer bekommen Geld.\nArbeitnehmer haben Urlaub.\nArbeitnehmer haben viele Rechte.",
     "Sie bekommen Geld.\nSie haben Urlaub.\nSie haben viele Rechte als Arbeitnehmer."),
    ("en", "direct-address",
     "Workers get money.\nWorkers have holidays.\nWorkers have many rights at work.",
     "You get money.\nYou have holidays.\nYou have many rights at work."),
    ("fr", "direct-address",
     "Les salariés reçoivent de l'argent.\nLes salariés ont des congés.\nIls ont des droits.",
     "Vous recevez de l'argent.\nVous avez des congés.\nVous avez des droits."),
    ("ru", "direct-address",
     "Работники получают деньги.\nРаботники имеют отпуск.\nРаботники имеют много прав.",
     "Вы получаете деньги.\nВы имеете отпуск.\nВы имеете много прав на работе."),
    ("ar", "direct-address",
     "العمال يحصلون على المال.\nالعمال لديهم إجازة.\nالعمال لديهم حقوق كثيرة في العمل.",
     "أنت تحصل على المال.\nلديك إجازة.\nلديك حقوق كثيرة في العمل اليوم."),
    # --- enumeration
    ("de", "enumeration", "Sie bekommen Lohn, Urlaub, Rente und Geld an Feiertagen.",
     "Sie bekommen Lohn und Urlaub."),
    ("en", "enumeration", "You get pay, holidays, a pension and sick pay.",
     "You get pay and holidays."),
    ("fr", "enumeration", "Vous avez un salaire, des congés, une retraite et une assurance.",
     "Vous avez un salaire et des congés."),
    ("ru", "enumeration", "У вас есть зарплата, отпуск, пенсия и страховка.",
     "У вас есть зарплата и отпуск."),
    ("ar", "enumeration", "لك أجر، وإجازة، وتقاعد، وتأمين.", "لك أجر وإجازة."),
    ("xx", "enumeration", "aa, bb, cc, dd.", "aa, bb."),
    # --- paragraph-length
    ("de", "paragraph-length", "\n".join(["Sie arbeiten."] * 7), "\n".join(["Sie arbeiten."] * 6)),
    ("en", "paragraph-length", "\n".join(["You work."] * 7), "\n".join(["You work."] * 6)),
    ("fr", "paragraph-length", "\n".join(["Vous travaillez."] * 7),
     "\n".join(["Vous travaillez."] * 6)),
    ("ru", "paragraph-length", "\n".join(["Вы работаете."] * 7),
     "\n".join(["Вы работаете."] * 6)),
    ("ar", "paragraph-length", "\n".join(["أنت تعمل."] * 7), "\n".join(["أنت تعمل."] * 6)),
    ("xx", "paragraph-length", "\n".join(["aa bb."] * 7), "\n".join(["aa bb."] * 6)),
    # --- digit-system (ar)
    ("ar", "digit-system", "تحصل على ٦٠٣ يورو.", "تحصل على 603 يورو."),
]
# fmt: on


def _findings(text: str, language: str, **kwargs: object) -> list[Finding]:
    unit = TextUnit(text, "t.txt", 1)
    return check_units([unit], language, source="t.txt", **kwargs).findings  # type: ignore[arg-type]


def _ids(case: tuple[str, str, str, str]) -> str:
    return f"{case[0]}-{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_rule_triggers(case: tuple[str, str, str, str]) -> None:
    language, rule, trigger, _ = case
    found = [f for f in _findings(trigger, language) if f.rule == rule]
    assert found, f"{rule} missed in {trigger!r}"
    assert all(f.severity in ("error", "warning") for f in found)
    for f in found:
        assert 0 <= f.start <= f.end <= len(trigger)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_rule_near_miss(case: tuple[str, str, str, str]) -> None:
    language, rule, _, near_miss = case
    found = [f for f in _findings(near_miss, language) if f.rule == rule]
    assert not found, f"{rule} false alarm in {near_miss!r}: {found}"


def test_every_rule_has_cases() -> None:
    covered = {(lang, rule) for lang, rule, _, _ in CASES}
    for language in ("de", "en", "fr", "ru", "ar"):
        _profile, rules = language_rules(language)
        for rule in rules:
            if rule == "glossary-consistency":
                continue  # needs a glossary: test_readability_api
            applies = not (language != "de" and rule in ("compound",))
            if applies:
                assert (language, rule) in covered, f"no case for {language} {rule}"


@pytest.mark.parametrize(
    ("rule", "severity", "text", "language"),
    [
        ("sentence-length", "warning", "Sie bekommen jeden Monat Geld von Ihrem Chef hier.", "de"),
        (
            "sentence-length",
            "error",
            "Sie bekommen jeden Monat ganz sicher viel Geld von Ihrem Chef in der Stadt.",
            "de",
        ),
        ("passive", "error", "Das Geld wird überwiesen.", "de"),
        ("passive", "error", "The money is paid by your boss.", "en"),
        ("passive", "error", "Le salaire est payé par votre patron.", "fr"),
        ("passive", "warning", "Зарплата выплачивается каждый месяц.", "ru"),
        ("subordinate-clause", "error", "Sie bekommen Geld, weil Sie arbeiten.", "de"),
        ("subordinate-clause", "warning", "You get money because you work.", "en"),
        ("negation", "warning", "Sie zahlen keine Steuern.", "de"),
        ("compound", "warning", "Fragen Sie Ihre Krankenkasse.", "de"),
        ("compound", "error", "Sie haben eine Rentenversicherung.", "de"),
        ("compound", "warning", "Unterschreiben Sie den Vertrag.", "de"),
        ("percent", "error", "Sie zahlen 20 % Steuern.", "de"),
        ("participle", "error", "Люди, работающие в магазине, получают деньги.", "ru"),
        ("participle", "error", "Работающие в магазине люди получают деньги.", "ru"),
        ("participle", "warning", "Работающие люди получают деньги.", "ru"),
        ("hard-word", "error", "الفتاة ناهزت العشرين.", "ar"),  # SAMER level 5
        ("hard-word", "warning", "تدفع ضريبة صغيرة.", "ar"),  # SAMER level 4
        ("hard-word", "error", "The court has jurisdiction.", "en"),  # Octanove C1
        ("hard-word", "error", "They abhorred it.", "en"),  # Octanove C2, inflected
    ],
)
def test_default_severity(rule: str, severity: str, text: str, language: str) -> None:
    found = [f for f in _findings(text, language) if f.rule == rule]
    assert found
    assert {f.severity for f in found} == {severity}


def test_finding_spans_point_at_the_words() -> None:
    text = "Sie könnten Geld bekommen."
    (hit,) = [f for f in _findings(text, "de") if f.rule == "conditional"]
    assert text[hit.start : hit.end] == "könnten"
    assert hit.suggestion
    assert "können" in hit.suggestion


def test_compound_suggestion_uses_house_style() -> None:
    (hit,) = [
        f for f in _findings("Sie haben eine Rentenversicherung.", "de") if f.rule == "compound"
    ]
    assert hit.suggestion == "Renten·versicherung"
    (hit,) = [
        f
        for f in _findings(
            "Sie haben eine Rentenversicherung.", "de", settings={"separator": "hyphen"}
        )
        if f.rule == "compound"
    ]
    assert hit.suggestion == "Renten-Versicherung"


def test_hyphen_house_style() -> None:
    settings = {"separator": "hyphen"}
    assert [
        f
        for f in _findings("Sie haben einen Mini·job.", "de", settings=settings)
        if f.rule == "separator-style"
    ]
    assert not [
        f
        for f in _findings("Sie haben einen Mini-Job.", "de", settings=settings)
        if f.rule == "separator-style"
    ]


def test_date_suggestion_written_out() -> None:
    (hit,) = [f for f in _findings("Das gilt ab 01.03.2026.", "de") if f.rule == "date-format"]
    assert hit.suggestion == "1. März 2026"
    (hit,) = [
        f for f in _findings("Правило действует с 01.03.2026.", "ru") if f.rule == "date-format"
    ]
    assert hit.suggestion == "1 марта 2026 года"


def test_digit_system_consistent_setting() -> None:
    text = "تحصل على ٦٠٣ يورو.\nتعمل ١٠ ساعات.\nتعمل 3 أيام."
    hits = [
        f
        for f in _findings(text, "ar", settings={"digits": "consistent"})
        if f.rule == "digit-system"
    ]
    assert [text[f.start : f.end] for f in hits] == ["3"]


def test_ukrainian_copula_dash_is_grammar_not_a_sign() -> None:
    """A language the tool can add (``add-language uk``) keeps its plain grammar: the
    dash of "X — це Y" is the copula, as in Russian. Two dashes set off an insertion, and
    the dash of direct speech is a sign, in Ukrainian as elsewhere."""
    text = "Мініджоб — це робота з малим заробітком.\nКиїв — столиця України."
    assert not [f for f in _findings(text, "uk") if f.rule == "special-characters"]
    insertion = "Мініджоб — це робота — і гроші.\n— Так, — каже він."
    hits = [f for f in _findings(insertion, "uk") if f.rule == "special-characters"]
    assert len(hits) == 4
    # Without the language module (the generic rules), the copula was an error too.
    assert [f for f in _findings(text, "xx") if f.rule == "special-characters"]


def test_digit_system_message_names_the_projects_digits() -> None:
    """A text all in Arabic-Indic digits has no other digits to compare with: the default
    setting (Latin digits) is what the message names."""
    text = "تحصل على ٦٠٣ يورو.\nتعمل ١٠ ساعات."
    hits = [f for f in _findings(text, "ar") if f.rule == "digit-system"]
    assert [f.suggestion for f in hits] == ["603", "10"]
    assert all("digits of the project" in f.message for f in hits)
    assert not any("rest of the text" in f.message for f in hits)


def test_arabic_long_word_counts_the_stem_and_skips_latin_terms() -> None:
    from leichtesprache.readability import TextUnit, check_units

    def long_words(text: str) -> list[str]:
        result = check_units([TextUnit(text, "x.po", 1)], "ar", source="x")
        return [f.text for f in result.findings if f.rule == "long-word"]

    assert long_words("تسأل مكتب الاستشارة.") == []  # stem استشارة: 7 letters
    assert long_words("بالألمانية: Rentenversicherung.") == []
    assert long_words("هذه استثناءاتكموها.") != []  # a long stem is still long


@pytest.mark.parametrize(
    ("lang", "text"),
    [("ar", "بالألمانية: Krankschreibung."), ("ru", "По-немецки это называется: Krankschreibung.")],
)
def test_german_terms_in_other_scripts_are_not_hard_words(lang: str, text: str) -> None:
    from leichtesprache.readability import TextUnit, check_units

    result = check_units([TextUnit(text, "x.po", 1)], lang, source="x")
    assert not [f for f in result.findings if f.rule in ("hard-word", "long-word")]


def test_arabic_graded_words_explained_and_homographs() -> None:
    def hard(text: str, glossary: tuple[str, ...] = ()) -> list[str]:
        return [
            f.severity for f in _findings(text, "ar", glossary=glossary) if f.rule == "hard-word"
        ]

    # "لدعواك" (ل + دعوى + ك) is explained by the word-book's "الدعوى".
    assert hard("اكتب لدعواك.") == ["warning"]
    assert hard("اكتب لدعواك.", ("الدعوى",)) == []
    # An explained word is no error either, also inside a term of several words.
    assert hard("الفتاة ناهزت العشرين.", ("ناهز: قارب العمر",)) == []
    # "ابق" is the imperative of بقي (stay), not the rare أبق: no finding.
    assert hard("ابق في البيت.") == []
    # "المزرعة" is the farm; the lexicon only has the rare مَزْرَع (plantation, level 5).
    assert hard("نحن في المزرعة.") == []
    assert hard("نحن في المَزْرَعَةِ.") == []
    # The feminine perfect of a verb ending in ى drops it: "تمنت" is تمنّى (wish, level 1),
    # not the rare تمن; "ناهزت" keeps its level (ناهز, 5).
    assert hard("تمنت البنت لعبة.") == []
    assert hard("الفتاة ناهزت العشرين.") == ["error"]


def test_english_graded_words_names_and_frequent_forms() -> None:
    def hard(text: str, glossary: tuple[str, ...] = ()) -> list[str]:
        return [
            f.message for f in _findings(text, "en", glossary=glossary) if f.rule == "hard-word"
        ]

    assert hard("Integration is hard.") == ["“Integration” is a hard word (level C2)."]
    # The word-book explains it, or it is (part of) a name: no finding.
    assert hard("Integration is hard.", ("integration",)) == []
    assert hard("Ask the Integration Centre.") == []
    assert hard("Integration Centre made this booklet.") == []
    # A frequent form is not reported: the list grades a rarer sense ("trying" = difficult).
    assert hard("You are trying.") == []
    # A word CEFR-J grades lower in another part of speech is not in the list.
    assert hard("You help with the harvest.") == []


@pytest.mark.parametrize(("lang", "text"), [("ar", "تعمل."), ("en", "You work.")])
def test_graded_word_lists_are_read_only_for_their_language(lang: str, text: str) -> None:
    """In a fresh process: a German check does not read the list, a check of its own
    language reads it once."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import leichtesprache

    code = (
        "from leichtesprache.readability import TextUnit, check_units\n"
        f"from leichtesprache.readability.languages import {lang} as module\n"
        "check_units([TextUnit('Sie arbeiten.', 'x', 1)], 'de', source='x')\n"
        "assert module._levels.cache_info().currsize == 0\n"
        f"check_units([TextUnit({text!r}, 'x', 1)], {lang!r}, source='x')\n"
        "assert module._levels.cache_info().currsize == 1\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(leichtesprache.__file__).parents[1])}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


def test_russian_inflected_glossary_term_counts_as_explained() -> None:
    from leichtesprache.readability import TextUnit, check_units

    unit = TextUnit("Скажите это работодателю.", "x.po", 1)
    plain = check_units([unit], "ru", source="x")
    explained = check_units([unit], "ru", source="x", glossary=["Работодатель"])
    assert [f for f in plain.findings if f.rule == "long-word"]
    assert not [f for f in explained.findings if f.rule == "long-word"]


def test_russian_word_of_a_multi_word_glossary_term_counts_as_explained() -> None:
    from leichtesprache.readability import TextUnit, check_units

    unit = TextUnit("Узнайте срок предупреждения.", "x.po", 1)
    plain = check_units([unit], "ru", source="x")
    # The word-book explains the whole term; its inflected word in the text is explained.
    explained = check_units([unit], "ru", source="x", glossary=["Срок предупреждения"])
    other = check_units([unit], "ru", source="x", glossary=["Срок отпуска"])
    assert [f for f in plain.findings if f.rule == "long-word"]
    assert not [f for f in explained.findings if f.rule == "long-word"]
    assert [f for f in other.findings if f.rule == "long-word"]


def test_long_sentence_gets_one_error_per_missing_full_stop() -> None:
    just_over = "Vous recevez chaque mois de l'argent de votre nouveau patron dans la ville."
    errors = [f for f in _findings(just_over, "fr") if f.rule == "sentence-length"]
    assert [f.severity for f in errors] == ["error"]
    # 3 clause boundaries: 3 missing full stops, the last two shown where the text goes on.
    long = (
        "Vous recevez chaque mois de l'argent de votre patron, vous travaillez dans le "
        "magasin de la ville, vous avez des vacances en été, et vous êtes malade en hiver."
    )
    errors = [f for f in _findings(long, "fr") if f.rule == "sentence-length"]
    assert [f.severity for f in errors] == ["error"] * 3
    assert [long[f.start : f.end] for f in errors[1:]] == [",", ","]
    # An enumeration is one list, not one sentence per item.
    listing = (
        "Im Jahr bekommen Sie von Ihrem Chef Geld für Arbeit, Urlaub, Feiertage, Krankheit, "
        "Mutterschutz und Kurzarbeit."
    )
    assert len([f for f in _findings(listing, "de") if f.rule == "sentence-length"]) == 1
    # No boundary: 37 words need 4 sentences of at most 12 words: 3 missing full stops.
    words = " ".join(["mot"] * 36) + " fin."
    assert len([f for f in _findings(words, "fr") if f.rule == "sentence-length"]) == 3


def test_a_chain_of_subordinate_clauses_is_an_error() -> None:
    one = [f for f in _findings("You get money because you work.", "en")]
    assert [f.severity for f in one if f.rule == "subordinate-clause"] == ["warning"]
    chain = _findings("You get money because you work, which is good.", "en")
    assert [f.severity for f in chain if f.rule == "subordinate-clause"] == ["warning", "error"]
    so_that = _findings("You work so that you get money.", "en")
    assert [f.severity for f in so_that if f.rule == "subordinate-clause"] == ["warning"]


def test_a_quotation_is_one_finding() -> None:
    text = "Das Wort «Minijob» ist kurz."
    (hit,) = [f for f in _findings(text, "de") if f.rule == "special-characters"]
    assert text[hit.start : hit.end] == "«Minijob»"
    single = [f for f in _findings("Das Wort «Minijob ist kurz.", "de")]
    assert len([f for f in single if f.rule == "special-characters"]) == 1


def test_an_abbreviation_is_reported_once_per_paragraph() -> None:
    text = "Das SGB regelt das. Das SGB ist ein Gesetz."
    assert len([f for f in _findings(text, "de") if f.rule == "abbreviation"]) == 1


def test_russian_copula_dash_is_fine_but_two_dashes_set_off_an_insertion() -> None:
    copula = "Мини-джоб — это маленькая работа."
    assert not [f for f in _findings(copula, "ru") if f.rule == "special-characters"]
    insertion = "Театр – Большой театр – стоит в Москве."
    assert len([f for f in _findings(insertion, "ru") if f.rule == "special-characters"]) == 2


def test_a_unit_after_a_number_is_an_abbreviation_not_a_cross_reference() -> None:
    """In "80 см" the word is centimetres; "см." before a word is "смотри" (see)."""
    size = _findings("Картина размером 64,5 х 80,1 см.", "ru")
    assert [f.message for f in size if f.rule in ("abbreviation", "cross-reference")] == [
        "“см” is an abbreviation."
    ]
    see = _findings("Дальше читайте здесь (см. крест).", "ru")
    assert "cross-reference" in [f.rule for f in see]


def test_quoted_words_of_another_language_are_not_read_as_words() -> None:
    """The definition line "In German, this is called: Aufenthaltserlaubnis." quotes a
    German word: no English rule reads it (it was a long word); a quoted subject still
    makes a Russian copula."""
    text = "In German, this is called: Aufenthaltserlaubnis."

    def rules(text: str, language: str, quoted: tuple[str, ...] = ()) -> list[str]:
        unit = TextUnit(text, "t.po", 1, quoted=quoted)
        findings = check_units([unit], language, source="t.po").findings
        return [f.rule for f in findings if f.severity != "info"]

    assert "long-word" in rules(text, "en")
    assert rules(text, "en", ("Aufenthaltserlaubnis",)) == []
    dash = "Duldung — это документ."
    assert rules(dash, "ru", ("Duldung",)) == []


def test_a_cross_reference_word_is_not_also_an_abbreviation() -> None:
    rules = [f.rule for f in _findings("При храме есть колокольня (см. колокол).", "ru")]
    assert "cross-reference" in rules
    assert "abbreviation" not in rules
