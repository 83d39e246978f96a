"""Build src/leichtesprache/readability/data/en_levels.tsv from the Octanove Vocabulary Profile.

The Octanove Vocabulary Profile C1/C2 (version 1.0, Octanove Labs) lists about 2,100 English
words (headword, part of speech) that learners meet at the CEFR levels C1 and C2, the two
hardest bands; it was made to continue the CEFR-J Wordlist (A1 to B2). It is published in
https://github.com/openlanguageprofiles/olp-en-cefrj under the Creative Commons
Attribution-ShareAlike 4.0 International licence ("The Octanove Vocabulary Profile for C1/C2
levels can be used under a Creative Commons Attribution-ShareAlike 4.0 International
License", README.md of that repository). The CEFR-J Wordlist in the same repository has
other terms ("can be used for research and commercial purposes with no charge, provided that
you cite the dataset properly"): they grant use, not redistribution. It is used here, and
cited, for one thing only, and nothing of it is shipped: a word the profile grades C1 or C2
in one part of speech or sense that the CEFR-J Wordlist grades A1 to B2 in another
("automatic" verb C1 / adjective A2, "harvest" verb C1 / noun A2, "chart", "angle") is left
out, because the checker cannot tell parts of speech or senses apart (173 words).

The checker needs a small text file: each single-word headword in lower case (spelling
variants such as "harbor/harbour" become two keys; phrases such as "dole out" are left out,
the checker looks at one word at a time), a tab, the level: 5 = C1, 6 = C2 (A1 = 1), the
LOWEST level where a headword has several parts of speech; without the words CEFR-J grades
lower (above). The file is an adaptation of the
profile and stays under CC BY-SA 4.0 (see LICENSE-OCTANOVE.txt next to it); the program code
of leichtesprache is not.

Reads the profile from a bare snapshot of the repository:

    python scripts/build_en_levels.py [--corpora /work/.mirror]

The snapshot used for the shipped file: commit d4e45b7 of
https://github.com/openlanguageprofiles/olp-en-cefrj
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
from pathlib import Path

REPO = "openlanguageprofiles/olp-en-cefrj"
PROFILE = "octanove-vocabulary-profile-c1c2-1.0.csv"
#: Read only to leave out the words it grades A1 to B2 (see above); not shipped.
CEFRJ = "cefrj-vocabulary-profile-1.5.csv"
OUT = Path(__file__).parent.parent / "src/leichtesprache/readability/data/en_levels.tsv"
LEVELS = {"C1": 5, "C2": 6}

HEADER = """\
# English word levels (CEFR: 5 = C1, 6 = C2) for the hard-word rule of leichtesprache check.
# Adapted by scripts/build_en_levels.py from the Octanove Vocabulary Profile C1/C2, version
# 1.0, by Octanove Labs: https://github.com/openlanguageprofiles/olp-en-cefrj, commit {commit},
# {profile}.
# Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
# https://creativecommons.org/licenses/by-sa/4.0/ ; this file is under the same licence.
# Changes: lower case, spelling variants split, phrases and parts of speech left out, the
# lowest level per word; words that the CEFR-J Wordlist 1.5 (Tono, Tokyo University of
# Foreign Studies) grades A1 to B2 in another part of speech left out. The notice and the
# licence text are in LICENSE-OCTANOVE.txt.
# Each line: the word, a tab, the level.
"""


def build(corpora: Path) -> tuple[str, dict[str, int]]:
    git_dir = corpora / REPO.replace("/", "+") / "repo"
    if (git_dir / ".git").is_dir():  # a snapshot with a work tree
        git_dir = git_dir / ".git"

    def git(*args: str) -> str:
        out = subprocess.run(
            ["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True
        )
        return out.stdout.decode("utf-8")

    commit = git("rev-parse", "--short=7", "HEAD").strip()
    easier = {
        word
        for row in csv.DictReader(io.StringIO(git("show", f"HEAD:{CEFRJ}")))
        for word in _words(row["headword"])
    }
    levels: dict[str, int] = {}
    for row in csv.DictReader(io.StringIO(git("show", f"HEAD:{PROFILE}"))):
        level = LEVELS.get(row["CEFR"].strip())
        if level is None:
            continue
        for word in _words(row["headword"]):
            if word not in easier and (word not in levels or level < levels[word]):
                levels[word] = level
    return commit, levels


def _words(headword: str) -> list[str]:
    """The single words of a headword ("harbor/harbour"; not "dole out")."""
    words = (w.strip() for w in headword.strip().casefold().split("/"))
    return [w for w in words if w and " " not in w]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    commit, levels = build(args.corpora)
    lines = [HEADER.format(commit=commit, profile=PROFILE)]
    lines += [f"{word}\t{level}\n" for word, level in sorted(levels.items())]
    OUT.write_text("".join(lines), "utf-8")
    print(f"{OUT}: {len(levels)} words from {REPO} {commit}")


if __name__ == "__main__":
    main()
