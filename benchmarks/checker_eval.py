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
errors and warnings per sentence (a secondary view), the rules
that give errors on easy text (false alarms) and the language's rules that never fire on
standard text.

    python benchmarks/checker_eval.py                  # own + public texts, Markdown table
    python benchmarks/checker_eval.py --source own     # only the committed texts
    python benchmarks/checker_eval.py --details        # plus rules per language
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
import tarfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leichtesprache.readability import TextUnit, check_units, language_rules
from leichtesprache.readability.engine import analyse

DATA = Path(__file__).parent / "data" / "checker"
LANGUAGES = ("de", "en", "fr", "ru", "ar")
#: Texts per label and split drawn from a public corpus.
PUBLIC_PER_LABEL = 40
#: Sentences per public text (a text is the opening of a document).
SENTENCES_PER_TEXT = 6


@dataclass
class Text:
    language: str
    source: str
    split: str  # "eval" or "heldout"
    label: str  # "easy" or "standard"
    doc_id: str
    body: str


@dataclass
class Scores:
    easy: list[float] = field(default_factory=list)
    standard: list[float] = field(default_factory=list)
    #: Errors and warnings per sentence (a secondary view: warnings are advice).
    easy_all: list[float] = field(default_factory=list)
    standard_all: list[float] = field(default_factory=list)
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


def _split_of(doc_id: str) -> str:
    """A fixed third of the documents is held out."""
    digest = hashlib.sha256(doc_id.encode()).digest()
    return "heldout" if digest[0] % 3 == 0 else "eval"


def _rank(doc_id: str) -> str:
    return hashlib.sha256(b"sample:" + doc_id.encode()).hexdigest()


class Mirror:
    """Read files of a repository snapshot (a bare git directory) without a work tree."""

    def __init__(self, root: Path, repo: str) -> None:
        self.git_dir = root / repo.replace("/", "+") / "repo"

    def exists(self) -> bool:
        return self.git_dir.is_dir()

    def files(self, folder: str) -> list[str]:
        out = self._git("ls-tree", "-r", "-z", "--name-only", "HEAD", folder)
        return [name for name in out.decode().split("\0") if name]

    def read(self, path: str) -> bytes:
        return self._git("show", f"HEAD:{path}")

    def _git(self, *args: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args], check=True, capture_output=True
        ).stdout


def _opening(text: str, language: str) -> str:
    """The first sentences of a document, one per line."""
    lines = one_sentence_per_line(text, language).splitlines()
    return "\n".join(lines[:SENTENCES_PER_TEXT])


def _sample(texts: list[Text]) -> Iterator[Text]:
    for split in ("eval", "heldout"):
        for label in ("easy", "standard"):
            chosen = [t for t in texts if t.split == split and t.label == label and t.body]
            chosen.sort(key=lambda t: _rank(t.doc_id))
            yield from chosen[: PUBLIC_PER_LABEL if split == "eval" else PUBLIC_PER_LABEL // 2]


def klexikon(root: Path) -> Iterator[Text]:
    """German: Klexikon (children's encyclopedia) vs the German Wikipedia article."""
    mirror = Mirror(root, "dennlinger/klexikon")
    if not mirror.exists():
        return
    names = sorted(Path(p).name for p in mirror.files("data/raw/klexikon"))
    names.sort(key=lambda n: _rank(n))
    texts = []
    for name in names[: PUBLIC_PER_LABEL * 3]:
        split = _split_of(name)
        for label, folder in (("easy", "klexikon"), ("standard", "wiki")):
            raw = mirror.read(f"data/raw/{folder}/{name}").decode("utf-8", "replace")
            body = _opening(raw.split("\n\n", 1)[0] if label == "easy" else raw, "de")
            texts.append(Text("de", "klexikon", split, label, name, body))
    yield from _sample(texts)


def onestop(root: Path) -> Iterator[Text]:
    """English: OneStopEnglish, elementary vs advanced version of the same article."""
    mirror = Mirror(root, "nishkalavallabhi/OneStopEnglishCorpus")
    if not mirror.exists():
        return
    texts = []
    for label, level in (("easy", "Ele"), ("standard", "Adv")):
        for path in mirror.files(f"Texts-SeparatedByReadingLevel/{level}-Txt"):
            if not path.endswith(".txt"):
                continue
            doc = Path(path).stem.rsplit("-", 1)[0]
            raw = mirror.read(path).decode("utf-8-sig", "replace")
            texts.append(Text("en", "onestop", _split_of(doc), label, doc, _opening(raw, "en")))
    yield from _sample(texts)


def wivico(root: Path) -> Iterator[Text]:
    """French: WiViCo, Vikidia sentences judged simple vs Wikipedia sentences judged complex,
    grouped by 5 pairs into one text."""
    mirror = Mirror(root, "lormaechea/wivico")
    if not mirror.exists():
        return
    blob = io.BytesIO(mirror.read("wivico_v.2/wivico_dataset_v2.tar.gz"))
    with tarfile.open(fileobj=blob) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(".tsv"))
        handle = archive.extractfile(member)
        assert handle is not None
        rows = list(csv.reader(io.TextIOWrapper(handle, "utf-8"), delimiter="\t"))[1:]
    texts = []
    for start in range(0, min(len(rows), 4000), 5):
        group = [r for r in rows[start : start + 5] if len(r) >= 4]
        doc = f"rows{start}"
        easy = [r[1] for r in group if r[3].strip() == "1"]
        hard = [r[0] for r in group if r[2].strip() == "0"]
        for label, sentences in (("easy", easy), ("standard", hard)):
            body = _opening("\n".join(sentences), "fr")
            texts.append(Text("fr", "wivico", _split_of(doc), label, doc, body))
    yield from _sample(texts)


def ruadapt(root: Path) -> Iterator[Text]:
    """Russian: RuAdapt encyclopedic texts, native (C) paragraph vs its adaptation for
    learners at level A."""
    mirror = Mirror(root, "Digital-Pushkin-Lab/RuAdapt")
    if not mirror.exists():
        return
    raw = mirror.read("Encyclopedic/lsslovar_C_to_A_par.csv").decode("utf-8", "replace")
    texts = []
    for i, row in enumerate(csv.DictReader(io.StringIO(raw))):
        doc = f"par{i}"
        for label, key in (("easy", "target"), ("standard", "source")):
            body = _opening(row.get(key) or "", "ru")
            texts.append(Text("ru", "ruadapt", _split_of(doc), label, doc, body))
    yield from _sample(texts)


def samer(root: Path) -> Iterator[Text]:
    """Arabic: SAMER corpus, novel chapters vs their level-3 simplification (lexical only:
    the sentences keep their structure), in windows of 6 lines."""
    mirror = Mirror(root, "CAMeL-Lab/samer-arabic-readability")
    if not mirror.exists():
        return
    texts = []
    for path in mirror.files("data/splits/dev"):
        if not path.endswith("_l3.txt"):
            continue
        original = path.replace("_l3.txt", ".txt")
        easy_lines = mirror.read(path).decode("utf-8", "replace").splitlines()
        hard_lines = mirror.read(original).decode("utf-8", "replace").splitlines()
        for start in range(4, min(len(easy_lines), len(hard_lines)), 12):
            doc = f"{original}#{start}"
            for label, lines in (("easy", easy_lines), ("standard", hard_lines)):
                body = _opening("\n".join(lines[start : start + 6]), "ar")
                texts.append(Text("ar", "samer", _split_of(doc), label, doc, body))
    yield from _sample(texts)


PUBLIC = {"de": klexikon, "en": onestop, "fr": wivico, "ru": ruadapt, "ar": samer}


# --- scoring --------------------------------------------------------------------------------


def one_sentence_per_line(text: str, language: str) -> str:
    """The text laid out as easy language asks: every sentence on a line of its own."""
    profile, _rules = language_rules(language)
    out = []
    for block in text.split("\n"):
        if not block.strip():
            continue
        (view,) = analyse([TextUnit(block, None, 1)], profile, language)
        out.extend(" ".join(block[s.start : s.end].split()) for s in view.sentences)
    return "\n".join(line for line in out if line)


def score(text: Text, scores: Scores) -> None:
    body = one_sentence_per_line(text.body, text.language)
    result = check_units([TextUnit(body, None, 1)], text.language, source=text.doc_id)
    errors = [f for f in result.findings if f.severity == "error"]
    sentences = max(int(result.metrics["sentences"]), 1)
    per_sentence = len(errors) / sentences
    problems = sum(1 for f in result.findings if f.severity in ("error", "warning"))
    if text.label == "easy":
        scores.easy.append(per_sentence)
        scores.easy_all.append(problems / sentences)
        scores.easy_error_rules.update(f.rule for f in errors)
        scores.easy_warning_rules.update(f.rule for f in result.findings if f.severity == "warning")
    else:
        scores.standard.append(per_sentence)
        scores.standard_all.append(problems / sentences)
        scores.standard_rules.update(f.rule for f in result.findings)


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


def evaluate(sources: set[str], corpora: Path, languages: tuple[str, ...]) -> dict[str, object]:
    report: dict[str, object] = {}
    for language in languages:
        texts: list[Text] = []
        if "own" in sources:
            texts += list(own_texts(language))
        if "public" in sources:
            texts += list(PUBLIC[language](corpora))
        for source in [*sorted({t.source for t in texts}), "all"]:
            for split in ("eval", "heldout"):
                scores = Scores()
                for text in texts:
                    if text.split == split and source in (text.source, "all"):
                        score(text, scores)
                if scores.easy and scores.standard:
                    report[f"{language}/{source}/{split}"] = summary(language, scores)
    return report


def markdown(report: dict[str, object], details: bool) -> str:
    lines = [
        "| language | source | split | easy | standard | AUC | easy with 0 errors "
        "| standard flagged | AUC with warnings |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for key, value in report.items():
        assert isinstance(value, dict)
        language, source, split = key.split("/")
        lines.append(
            f"| {language} | {source} | {split} | {value['easy']} | {value['standard']} "
            f"| {value['auc']:.2f} | {value['easy_without_errors']:.0%} "
            f"| {value['standard_flagged']:.0%} | {value['auc_with_warnings']:.2f} |"
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
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--details", action="store_true", help="rules per language and split")
    args = parser.parse_args(argv)
    sources = {"own", "public"} if args.source == "all" else {args.source}
    report = evaluate(sources, args.corpora, tuple(args.lang or LANGUAGES))
    print(
        json.dumps(report, ensure_ascii=False, indent=1)
        if args.json
        else markdown(report, args.details)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
