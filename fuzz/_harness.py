"""Run a one-input check under atheris (libFuzzer) if installed, else under Hypothesis.

``check(data)`` must return normally for every input; any exception it lets through is a
finding. atheris writes the input of a finding to ``crash-<sha1>`` in the current folder;
Hypothesis prints the shrunk input.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from _seeds import write_corpus

HERE = Path(__file__).resolve().parent


def run(
    name: str,
    check: Callable[[bytes], None],
    seeds: Callable[[], list[bytes]],
    instrument: Callable[[], None],
) -> None:
    """``instrument`` imports the code under test (inside atheris' import hook)."""
    args = sys.argv[1:]
    if "--replay" in args:  # python fuzz_x.py --replay FILE…: run the check on saved inputs
        instrument()
        for path in args[args.index("--replay") + 1 :]:
            print(f"replaying {path}", flush=True)
            check(Path(path).read_bytes())
        print("no finding")
        return
    try:
        import atheris
    except ImportError:
        atheris = None
    if atheris is not None and os.environ.get("FUZZ_ENGINE", "atheris") == "atheris":
        with atheris.instrument_imports():
            instrument()
        corpus_given = any(not a.startswith("-") for a in args)
        if not corpus_given:
            corpus = write_corpus(HERE / "corpus" / name, seeds())
            args = [str(corpus), *args]
        atheris.Setup([sys.argv[0], *args], check)
        atheris.Fuzz()
        return
    _run_hypothesis(check, seeds, instrument)


def _run_hypothesis(
    check: Callable[[bytes], None], seeds: Callable[[], list[bytes]], instrument: Callable[[], None]
) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    instrument()
    examples = int(os.environ.get("FUZZ_EXAMPLES", "20000"))
    pool = seeds()

    @st.composite
    def mutated(draw: st.DrawFn) -> bytes:
        data = bytearray(draw(st.sampled_from(pool)))
        for _ in range(draw(st.integers(0, 6))):
            pos = draw(st.integers(0, len(data)))
            op = draw(st.integers(0, 2))
            if op == 0:
                data[pos:pos] = draw(st.binary(max_size=8))
            elif op == 1:
                del data[pos : pos + draw(st.integers(1, 16))]
            else:
                data = data[:pos]
        return bytes(data)

    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.one_of(st.binary(max_size=2000), mutated()))
    def fuzz(data: bytes) -> None:
        check(data)

    fuzz()
    print(f"Hypothesis: {examples} examples, no finding")
