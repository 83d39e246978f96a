"""The checker evaluation harness (benchmarks/checker_eval.py): its corpus-against-corpus
matrix agrees with its main report, and aligned pairs are counted as the docs say."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

import checker_eval
from checker_corpora import Text

EASY = "Sie haben einen Minijob.\nSie bekommen Geld."
HARD = (
    "Sofern die geringfügig entlohnte Beschäftigung, die Sie ausüben, die Entgeltgrenze"
    " überschreitet, entfällt die Versicherungsfreiheit, wodurch Beiträge anfallen."
)


def _pairs(_root: Path) -> Iterator[Text]:
    """An aligned corpus: one simplified pair and one pair that is the same text twice."""
    for doc, easy, standard in (("p1", EASY, HARD), ("p2", HARD, HARD)):
        yield Text("de", "pairs", "eval", "easy", doc, easy)
        yield Text("de", "pairs", "eval", "standard", doc, standard)


def test_the_matrix_agrees_with_the_report_and_counts_aligned_pairs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(checker_eval.PUBLIC, "de", [_pairs])
    report = checker_eval.evaluate({"own", "public"}, tmp_path, ("de",), ("eval",))
    cross = checker_eval.matrix(tmp_path, ("de",), ("eval",))["de/eval"]
    assert isinstance(cross, dict)
    own = report["de/own/eval"]
    assert isinstance(own, dict)
    assert cross["cells"]["own"]["own"][0] == own["auc"] == 1.0
    # The simplification wins its pair; the pair that is the same text is a tie (half).
    assert cross["pairs"] == {
        "pairs": {"pairs": 2, "won": 0.75, "won_by_length": 0.75, "same_text": 1}
    }
    # Own texts are written apart, not as pairs.
    assert "own" not in cross["pairs"]
