"""Fuzz the PO reader: on any bytes, read_po returns a catalogue or raises CatalogError.

Usage (see fuzz/README.md)::

    python fuzz/fuzz_po.py -max_total_time=300          # atheris, corpus in fuzz/corpus/po
    FUZZ_ENGINE=hypothesis FUZZ_EXAMPLES=50000 python fuzz/fuzz_po.py
    python fuzz/fuzz_po.py --replay crash-…              # re-run a saved finding

A catalogue that was read must also be writable by format_po. With FUZZ_PO_ROUNDTRIP=1 the
written text must read back to the same entries (stricter; see README for known findings);
FUZZ_PO_KNOWN=0 stops skipping the known round-trip bugs (to replay fuzz/reproducers/).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import run
from _seeds import po_seeds

ROUNDTRIP = os.environ.get("FUZZ_PO_ROUNDTRIP") == "1"
SKIP_KNOWN = os.environ.get("FUZZ_PO_KNOWN", "1") != "0"
pofile: Any = None
CatalogError: Any = None


def instrument() -> None:
    global pofile, CatalogError
    from leichtesprache import errors
    from leichtesprache import pofile as module

    pofile, CatalogError = module, errors.CatalogError


def _fields(e: Any) -> tuple[Any, ...]:
    return (
        e.msgctxt,
        e.msgid,
        e.msgid_plural,
        e.msgstr,
        tuple(sorted(e.msgstr_plural.items())),
        e.comment,
        e.tcomment,
        () if e.obsolete else tuple(e.occurrences),  # obsolete: no "#:", as msgmerge
        tuple(e.flags),
        e.previous_msgctxt,
        e.previous_msgid,
        e.previous_msgid_plural,
        bool(e.obsolete),
    )


#: Known round-trip bugs (reported; tests/test_safety_*.py hold xfail tests for each), skipped
#: in round-trip mode so the run looks for new ones.
_SPLITLINES = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _known(data: bytes, po: Any) -> bool:
    if len(pofile._CHARSET_RE.findall(data[:4000])) > 1:
        return True  # the first "charset=" anywhere wins, not the Content-Type header's
    found = pofile._CHARSET_RE.search(data[:4000])
    if found and found.group(1).lower().replace(b"-", b"") not in (b"utf8", b"charset"):
        return True  # written as UTF-8 under the old charset declaration
    if b"\x07" in data or re.search(rb"\\[0-7x?'a]", data):
        return True  # escapes polib does not unescape
    text = data.decode("utf-8", "replace")
    if any(ch in text for ch in _SPLITLINES):
        return True  # polib splits with str.splitlines()
    if any(e.msgid_plural and not e.msgstr_plural for e in po):
        return True  # written with two empty msgstr[n], whatever nplurals is
    if any(e.msgstr_plural and not e.msgid_plural for e in po):
        return True  # msgstr[n] without msgid_plural is accepted, then dropped
    if any(e.msgid == "" and e.msgctxt is None for e in po):
        return True  # a second header-like entry, e.g. from msgstr before msgid
    return any("" in (e.previous_msgid, e.previous_msgctxt, e.previous_msgid_plural) for e in po)


def check(data: bytes) -> None:
    try:
        po = pofile.read_po(data, "fuzz.po", require_header=False)
    except CatalogError:
        return
    text = pofile.format_po(po)  # whatever was read can be written
    with contextlib.suppress(CatalogError):
        pofile.read_po(data, "fuzz.po", require_header=True)
    if ROUNDTRIP and not (SKIP_KNOWN and _known(data, po)):
        again = pofile.read_po(text.encode("utf-8"), "fuzz.po", require_header=False)
        before = [_fields(e) for e in po if not e.obsolete]
        before += [_fields(e) for e in po if e.obsolete]
        after = [_fields(e) for e in again]
        if before != after or dict(po.metadata) != dict(again.metadata):
            raise AssertionError(f"round trip changed the catalogue:\n{before!r}\n{after!r}")


if __name__ == "__main__":
    run("po", check, po_seeds, instrument)
