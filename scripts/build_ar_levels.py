"""Build src/leichtesprache/readability/data/ar_levels.tsv from the SAMER Readability Lexicon.

The SAMER Readability Lexicon (CAMeL Lab, NYU Abu Dhabi; MIT licence) grades about 26,000
Arabic lemmas (lemma#part-of-speech) from 1 (easy) to 5 (hard): educators from Egypt, Syria
and Saudi Arabia rated each one, the lexicon gives the rounded average. The checker needs a
small text file: the lemma without tashkeel, with the letter variants folded the way the
checker folds text (``readability.languages.ar.level_key``), and the LOWEST level of every
lemma with that key (two lemmas that differ only in their tashkeel or part of speech cannot
be told apart in text without tashkeel; the lower level avoids false alarms).

Reads the lexicon from a bare snapshot of the repository (no pickle is read):

    python scripts/build_ar_levels.py [--corpora /work/.mirror]

The snapshot used for the shipped file: commit 6df6a85 of
https://github.com/CAMeL-Lab/samer-arabic-readability
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
from pathlib import Path

from leichtesprache.readability.languages.ar import level_key

REPO = "CAMeL-Lab/samer-arabic-readability"
LEXICON = "data/lexicon/SAMER-Readability-Lexicon.tsv"
OUT = Path(__file__).parent.parent / "src/leichtesprache/readability/data/ar_levels.tsv"

HEADER = """\
# Arabic word levels, 1 (easy) to 5 (hard), for the hard-word rule of leichtesprache check.
# Derived from the SAMER Readability Lexicon by scripts/build_ar_levels.py:
#   https://github.com/CAMeL-Lab/samer-arabic-readability, commit {commit},
#   data/lexicon/SAMER-Readability-Lexicon.tsv (the "readability (rounded average)" column).
#   Copyright (c) 2024 New York University Abu Dhabi. MIT License: permission is granted,
#   free of charge, to deal in it without restriction, provided the copyright notice and the
#   permission notice are included: the full text is in LICENSE-SAMER.txt next to this file.
#   Al Khalil, Habash, Jiang (LREC 2020): a large-scale leveled readability lexicon for
#   Standard Arabic; the repository: Pineros Liberato et al. (ArabicNLP 2024).
# Each line: the lemma without tashkeel (alef forms, alef maqsura and ta marbuta folded),
# a tab, the LOWEST level of the lemmas with that key.
"""


def build(corpora: Path) -> tuple[str, dict[str, int]]:
    git_dir = corpora / REPO.replace("/", "+") / "repo"

    def git(*args: str) -> str:
        out = subprocess.run(
            ["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True
        )
        return out.stdout.decode("utf-8")

    commit = git("rev-parse", "--short=7", "HEAD").strip()
    rows = csv.reader(io.StringIO(git("show", f"HEAD:{LEXICON}")), delimiter="\t")
    next(rows)
    levels: dict[str, int] = {}
    for row in rows:
        lemma, level = row[3].split("#", 1)[0], int(row[8])
        key = level_key(lemma)
        if key and (key not in levels or level < levels[key]):
            levels[key] = level
    return commit, levels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    commit, levels = build(args.corpora)
    lines = [HEADER.format(commit=commit)]
    lines += [f"{key}\t{level}\n" for key, level in sorted(levels.items())]
    OUT.write_text("".join(lines), "utf-8")
    print(f"{OUT}: {len(levels)} keys from {REPO} {commit}")


if __name__ == "__main__":
    main()
