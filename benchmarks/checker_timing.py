"""Time the easy-language checker on the bundled brochure (all languages of the project).

    python benchmarks/checker_timing.py [PROJECT_DIR]

Prints the wall time of the first check in a fresh process (reading the catalogues, loading
wordfreq and pymorphy3, warming the caches) and of the checker alone in the warm process
(``check_units`` on the same units again, best of 5, wall and CPU time).
Timing lives here, not in tests.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from leichtesprache import check, checkcache
from leichtesprache.config import load_project
from leichtesprache.readability import check_units, engine


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    project = load_project(Path(argv[0]) if argv else None)
    calls: list[tuple[Any, str, dict[str, Any]]] = []
    original = engine.check_units

    def spy(units: Any, language: str, **kwargs: Any) -> Any:
        calls.append((units, language, kwargs))
        return original(units, language, **kwargs)

    # check_version imports check_units from the engine when it runs; every version is
    # checked now (not taken from the check cache) and in this process (no forked workers,
    # whose calls the spy would not see).
    engine.check_units = spy  # type: ignore[assignment]
    remembered, cached, cores = check._remembered, checkcache.cached, os.cpu_count
    check._remembered = lambda *args: None  # type: ignore[assignment]
    checkcache.cached = lambda version, project: None  # type: ignore[assignment]
    os.cpu_count = lambda: 1
    try:
        results = check.check_project(project)
    finally:
        engine.check_units = original  # type: ignore[assignment]
        check._remembered, checkcache.cached, os.cpu_count = remembered, cached, cores
    first = time.perf_counter() - started
    runs, cpu = [], []
    for _ in range(5):
        started, started_cpu = time.perf_counter(), time.process_time()
        for units, language, kwargs in calls:
            check_units(units, language, **kwargs)
        runs.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    units = sum(len(u) for u, _l, _k in calls)
    errors = sum(r.counts["error"] for r in results)
    print(f"{len(calls)} catalogues, {units} messages, {errors} errors")
    print(f"first check in a fresh process (reading, loading, caches): {first:.2f} s")
    print(f"checker alone, warm process (best of 5): {min(runs):.3f} s wall, {min(cpu):.3f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
