"""Fuzz the Markdown section parser: on any bytes, parse_section returns or raises ContentError.

Usage (see fuzz/README.md)::

    python fuzz/fuzz_content.py -max_total_time=300     # atheris, corpus in fuzz/corpus/content
    FUZZ_ENGINE=hypothesis FUZZ_EXAMPLES=50000 python fuzz/fuzz_content.py
    python fuzz/fuzz_content.py --replay crash-…

A section that parses must also be sound: one title, every block with a valid id, a line
number inside the file, and no empty text except for pictures (which need alt text).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import run
from _seeds import md_seeds

content: Any = None
ContentError: Any = None
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def instrument() -> None:
    global content, ContentError
    from leichtesprache import content as module
    from leichtesprache import errors

    content, ContentError = module, errors.ContentError


def check(data: bytes) -> None:
    try:
        section = content.parse_section(data, "fuzz", "fuzz.md")
    except ContentError:
        return
    lines = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    assert section.title.kind == "heading"
    assert section.title.level == 1
    for block in section.blocks():
        assert _ID.match(block.id), block
        assert 1 <= block.line <= lines, (block, lines)
        assert block.text.strip() or block.kind == "picture", block
        assert block.text == block.text.strip(), block


if __name__ == "__main__":
    run("content", check, md_seeds, instrument)
