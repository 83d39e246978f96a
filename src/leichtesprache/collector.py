"""How often Python's cycle collector runs while the tool makes many objects at once."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: The youngest generation's threshold in a layout or a check (Python's default: 700).
THRESHOLD = 20_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run Python's cycle collector less often for a while.

    A layout makes millions of short-lived boxes, a check hundreds of thousands of tokens
    and findings; with the default threshold the collector runs every 700 allocations and
    each older-generation pass walks every object the process holds (in a worker, what
    its earlier layouts left). A larger threshold saves about a tenth of the layout's CPU
    time for some 75 MiB more memory per process, and 5-20 % of a check's
    (benchmarks/build_bench.py, docs/performance.md).
    """
    before = gc.get_threshold()
    gc.set_threshold(THRESHOLD, before[1], before[2])
    try:
        yield
    finally:
        gc.set_threshold(*before)
