"""How well the easy-language checker tells easy text from standard text, per language.

Texts come from two sources:

- ``own``: texts we wrote, in benchmarks/data/checker/<lang>/{eval,heldout}-{easy,standard}.txt
  (texts separated by a blank line; committed);
- ``public``: samples of public simplified-vs-original corpora, read from snapshots of their
  GitHub repositories (``--corpora DIR``, default /work/.mirror; not committed, see
  benchmarks/data/checker/PUBLIC.md). Every document goes to the evaluation or the held-out
  split by a hash of its id, so the split is fixed and the held-out part is never tuned on.

Every text is laid out one sentence per line first, so the layout rule does not decide.
Reported per language and split: AUC of errors per sentence (standard above easy), the share
of easy texts with no error, the share of standard texts with at least one error, the AUC of
errors and warnings per sentence (a secondary view), the AUC of mean words per sentence (a
baseline: what sentence length alone tells apart), the rules
that give errors on easy text (false alarms) and the language's rules that never fire on
standard text.

    python benchmarks/checker_eval.py                  # own + public texts, Markdown table
    python benchmarks/checker_eval.py --source own     # only the committed texts
    python benchmarks/checker_eval.py --details        # plus rules per language
    python benchmarks/checker_eval.py --matrix         # corpus against corpus, aligned pairs
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from checker_corpora import PUBLIC, Text, one_sentence_per_line

from leichtesprache.readability import TextUnit, check_units, language_rules

DATA = Path(__file__).parent / "data" / "checker"
LANGUAGES = ("de", "en", "fr", "ru", "ar")


@dataclass
class Scores:
    easy: list[float] = field(default_factory=list)
    standard: list[float] = field(default_factory=list)
    #: Errors and warnings per sentence (a secondary view: warnings are advice).
    easy_all: list[float] = field(default_factory=list)
    standard_all: list[float] = field(default_factory=list)
    #: Mean words per sentence: a baseline the checker's ranking should beat.
    easy_length: list[float] = field(default_factory=list)
    standard_length: list[float] = field(default_factory=list)
    easy_error_rules: Counter[str] = field(default_factory=Counter)
    easy_warning_rules: Counter[str] = field(default_factory=Counter)
    standard_rules: Counter[str] = field(default_factory=Counter)


# --- sources --------------------------------------------------------------------------------


def own_texts(language: str) -> Iterator[Text]:
    for split in ("eval", "heldout"):
        for label in ("easy", "standard"):
            path = DATA / language / f"{split}-{label}.txt"
            if not path.is_file():
                continue
            blocks = [b.strip() for b in path.read_text("utf-8").split("\n\n") if b.strip()]
            for i, block in enumerate(blocks):
                yield Text(language, "own", split, label, f"{path.name}#{i}", block)


# --- scoring --------------------------------------------------------------------------------


def score(text: Text, scores: Scores) -> None:
    body = one_sentence_per_line(text.body, text.language)
    result = check_units([TextUnit(body, None, 1)], text.language, source=text.doc_id)
    errors = [f for f in result.findings if f.severity == "error"]
    sentences = max(int(result.metrics["sentences"]), 1)
    per_sentence = len(errors) / sentences
    problems = sum(1 for f in result.findings if f.severity in ("error", "warning"))
    length = float(result.metrics["words"]) / sentences
    if text.label == "easy":
        scores.easy.append(per_sentence)
        scores.easy_all.append(problems / sentences)
        scores.easy_length.append(length)
        scores.easy_error_rules.update(f.rule for f in errors)
        scores.easy_warning_rules.update(f.rule for f in result.findings if f.severity == "warning")
    else:
        scores.standard.append(per_sentence)
        scores.standard_all.append(problems / sentences)
        scores.standard_length.append(length)
        scores.standard_rules.update(f.rule for f in result.findings)


def errors_and_length(text: Text) -> tuple[float, float]:
    """Errors per sentence and mean words per sentence of one text."""
    body = one_sentence_per_line(text.body, text.language)
    result = check_units([TextUnit(body, None, 1)], text.language, source=text.doc_id)
    sentences = max(int(result.metrics["sentences"]), 1)
    errors = sum(1 for f in result.findings if f.severity == "error")
    return errors / sentences, float(result.metrics["words"]) / sentences


def auc(standard: list[float], easy: list[float]) -> float:
    """Probability that a standard text has more errors per sentence than an easy one."""
    if not standard or not easy:
        return float("nan")
    pairs = sum((s > e) + 0.5 * (s == e) for s in standard for e in easy)
    return pairs / (len(standard) * len(easy))


def summary(language: str, scores: Scores) -> dict[str, object]:
    _profile, rules = language_rules(language)
    return {
        "easy": len(scores.easy),
        "standard": len(scores.standard),
        "auc": round(auc(scores.standard, scores.easy), 3),
        "auc_with_warnings": round(auc(scores.standard_all, scores.easy_all), 3),
        "auc_sentence_length": round(auc(scores.standard_length, scores.easy_length), 3),
        "easy_without_errors": round(
            sum(1 for s in scores.easy if s == 0) / max(len(scores.easy), 1), 3
        ),
        "standard_flagged": round(
            sum(1 for s in scores.standard if s > 0) / max(len(scores.standard), 1), 3
        ),
        "false_alarms": dict(scores.easy_error_rules.most_common()),
        "warnings_on_easy": dict(scores.easy_warning_rules.most_common(6)),
        "silent_on_standard": sorted(set(rules) - set(scores.standard_rules)),
    }


def evaluate(
    sources: set[str],
    corpora: Path,
    languages: tuple[str, ...],
    splits: tuple[str, ...] = ("eval", "heldout"),
) -> dict[str, object]:
    report: dict[str, object] = {}
    for language in languages:
        texts: list[Text] = []
        if "own" in sources:
            texts += list(own_texts(language))
        if "public" in sources:
            for reader in PUBLIC[language]:
                texts += list(reader(corpora))
        for source in [*sorted({t.source for t in texts}), "all"]:
            for split in splits:
                scores = Scores()
                for text in texts:
                    if text.split == split and source in (text.source, "all"):
                        score(text, scores)
                if scores.easy and scores.standard:
                    report[f"{language}/{source}/{split}"] = summary(language, scores)
    return report


def matrix(corpora: Path, languages: tuple[str, ...], splits: tuple[str, ...]) -> dict[str, object]:
    """Where a pooled AUC is lost: the AUC of the easy texts of each corpus against the
    standard texts of each corpus (errors per sentence, and mean words per sentence), and
    for aligned corpora, whose easy text is a simplification of its standard text, the
    share of pairs in which the simplification has fewer errors per sentence (ties count
    half) and how many pairs are the same text on both sides."""
    report: dict[str, object] = {}
    for language in languages:
        texts = list(own_texts(language))
        for reader in PUBLIC[language]:
            texts += list(reader(corpora))
        for split in splits:
            chosen = [t for t in texts if t.split == split]
            scored = {id(t): errors_and_length(t) for t in chosen}
            sources = sorted({t.source for t in chosen})
            cells: dict[str, dict[str, list[float]]] = {}
            for easy_source in sources:
                easy = [
                    scored[id(t)] for t in chosen if (t.source, t.label) == (easy_source, "easy")
                ]
                row = cells.setdefault(easy_source, {})
                for standard_source in sources:
                    standard = [
                        scored[id(t)]
                        for t in chosen
                        if (t.source, t.label) == (standard_source, "standard")
                    ]
                    row[standard_source] = [
                        round(auc([s[k] for s in standard], [e[k] for e in easy]), 3)
                        for k in (0, 1)
                    ]
            pairs: dict[str, dict[str, float]] = {}
            for source in sources:
                if source == "own":
                    continue  # written apart, not as pairs
                by_doc: dict[str, dict[str, Text]] = {}
                for t in chosen:
                    if t.source == source:
                        by_doc.setdefault(t.doc_id, {})[t.label] = t
                aligned = [d for d in by_doc.values() if len(d) == 2]
                if not aligned:
                    continue  # not an aligned corpus (ReadMe++, BAREC)

                pairs[source] = {
                    "pairs": len(aligned),
                    "won": _won(aligned, scored, 0),
                    "won_by_length": _won(aligned, scored, 1),
                    "same_text": sum(
                        1 for d in aligned if d["easy"].body.split() == d["standard"].body.split()
                    ),
                }
            report[f"{language}/{split}"] = {"cells": cells, "pairs": pairs}
    return report


def _won(aligned: list[dict[str, Text]], scored: dict[int, tuple[float, float]], k: int) -> float:
    """Share of pairs whose standard text scores above its easy one (ties count half)."""
    wins = 0.0
    for pair in aligned:
        easy, standard = scored[id(pair["easy"])][k], scored[id(pair["standard"])][k]
        wins += (standard > easy) + 0.5 * (standard == easy)
    return round(wins / len(aligned), 3)


def matrix_markdown(report: dict[str, object]) -> str:
    lines: list[str] = []
    for key, value in report.items():
        assert isinstance(value, dict)
        cells, pairs = value["cells"], value["pairs"]
        sources = list(cells)
        lines += [
            f"\n{key}: AUC of the easy texts of a corpus (rows) against the standard texts of"
            " a corpus (columns), errors per sentence (mean words per sentence)\n",
            "| easy \\ standard | " + " | ".join(sources) + " |",
            "|---" * (len(sources) + 1) + "|",
        ]
        for easy in sources:
            row = " | ".join(f"{a:.2f} ({b:.2f})" for a, b in cells[easy].values())
            lines.append(f"| {easy} | {row} |")
        if pairs:
            lines += [
                f"\n{key}: aligned pairs, the simplification has fewer errors per sentence\n",
                "| corpus | pairs | won by errors | won by sentence length | same text |",
                "|---|---|---|---|---|",
            ]
            for source, p in pairs.items():
                lines.append(
                    f"| {source} | {p['pairs']} | {p['won']:.2f} | {p['won_by_length']:.2f} "
                    f"| {p['same_text']} |"
                )
    return "\n".join(lines)


def markdown(report: dict[str, object], details: bool) -> str:
    lines = [
        "| language | source | split | easy | standard | AUC | easy with 0 errors "
        "| standard flagged | AUC with warnings | AUC of sentence length |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for key, value in report.items():
        assert isinstance(value, dict)
        language, source, split = key.split("/")
        lines.append(
            f"| {language} | {source} | {split} | {value['easy']} | {value['standard']} "
            f"| {value['auc']:.2f} | {value['easy_without_errors']:.0%} "
            f"| {value['standard_flagged']:.0%} | {value['auc_with_warnings']:.2f} "
            f"| {value['auc_sentence_length']:.2f} |"
        )
    if details:
        for key, value in report.items():
            assert isinstance(value, dict)
            lines.append(
                f"\n{key}: false alarms {value['false_alarms']}; warnings on easy "
                f"{value['warnings_on_easy']}; silent on standard "
                f"{value['silent_on_standard']}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", choices=("own", "public", "all"), default="all")
    parser.add_argument("--corpora", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--lang", action="append", choices=LANGUAGES)
    parser.add_argument(
        "--split",
        choices=("eval", "heldout", "both"),
        default="both",
        help="'eval' while changing rules: the held-out texts stay unseen",
    )
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--details", action="store_true", help="rules per language and split")
    parser.add_argument(
        "--matrix",
        action="store_true",
        help="AUC of each corpus's easy texts against each corpus's standard texts, and "
        "aligned pairs won (where a pooled AUC is lost)",
    )
    args = parser.parse_args(argv)
    sources = {"own", "public"} if args.source == "all" else {args.source}
    splits = ("eval", "heldout") if args.split == "both" else (args.split,)
    if args.matrix:
        cross = matrix(args.corpora, tuple(args.lang or LANGUAGES), splits)
        print(json.dumps(cross, indent=1) if args.json else matrix_markdown(cross))
        return 0
    report = evaluate(sources, args.corpora, tuple(args.lang or LANGUAGES), splits)
    print(
        json.dumps(report, ensure_ascii=False, indent=1)
        if args.json
        else markdown(report, args.details)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
