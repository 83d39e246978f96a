"""Seed corpora for the fuzz harnesses: real files from the repository plus mutations of them.

The mutations are deterministic (a fixed random seed), so a corpus built twice is the same.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "tests" / "data" / "sample_project"

#: Large seeds make every libFuzzer execution slow; longer files are cut to this many lines.
MAX_SEED_LINES = 160

PO_SNIPPETS = [
    b'#~| msgid "old"\n',
    b'#| msgctxt "ctx"\n',
    b'#| msgid ""\n',
    b'#~ msgctxt "x"\n#~ msgid "y"\n#~ msgstr "z"\n',
    b'msgid_plural "p"\nmsgstr[0] "a"\nmsgstr[1] "b"\n',
    b'msgstr[7] ""\n',
    b'"\\x41\\101\\?"\n',
    b"#, fuzzy, python-format\n",
    b'msgctxt ""\nmsgid ""\nmsgstr ""\n',
    b'"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : 5;\\n"\n',
    b'"Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
    b'"Content-Type: text/plain; charset=CHARSET\\n"\n',
    b'"Content-Type: text/plain; charset=nonexistent\\n"\n',
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\x00",
    b"\xff\xfe",
    "\u202e\u200f\u061f".encode(),
]

MD_SNIPPETS = [
    b"# Title {#t.title}\n",
    b"## Sub {#t.sub}\n",
    b"- item {#t.li}\n",
    b"1. item {#t.ol}\n",
    b"> box {#t.box}\n",
    b"> - nested {#t.nested}\n",
    b"![alt](pic.svg) {#t.pic}\n",
    b"![](pic.svg) {#t.nopic}\n",
    b"```\ncode\n```\n",
    b"| a | b |\n|---|---|\n| 1 | 2 |\n",
    b"<div>html</div>\n",
    b"---\n",
    b"    indented code\n",
    b"Setext\n===\n",
    b"{#}\n",
    b"text {#UPPER}\n",
    b"\xef\xbb\xbf",
    b"\r",
    b"\xff",
    "\u2028\u202e{#\u0430}".encode(),
]


def _trim(data: bytes) -> bytes:
    lines = data.split(b"\n")
    return b"\n".join(lines[:MAX_SEED_LINES]) + (b"\n" if len(lines) > MAX_SEED_LINES else b"")


def mutations(data: bytes, snippets: list[bytes], count: int, seed: int) -> Iterator[bytes]:
    """Line-level mutations: delete, duplicate, swap, truncate, insert a snippet, flip bytes."""
    rng = random.Random(seed)
    lines = data.split(b"\n")
    for _ in range(count):
        work = list(lines)
        for _ in range(rng.randint(1, 3)):
            if not work:
                work = [b""]
            i = rng.randrange(len(work))
            op = rng.randrange(7)
            if op == 0:
                del work[i]
            elif op == 1:
                work.insert(i, work[i])
            elif op == 2:
                j = rng.randrange(len(work))
                work[i], work[j] = work[j], work[i]
            elif op == 3:
                cut = rng.randrange(len(work[i]) + 1)
                work = [*work[:i], work[i][:cut]]
            elif op == 4:
                work.insert(i, rng.choice(snippets).rstrip(b"\n"))
            elif op == 5 and work[i]:
                pos = rng.randrange(len(work[i]))
                work[i] = work[i][:pos] + bytes([rng.randrange(256)]) + work[i][pos + 1 :]
            else:
                work[i] = (b"#~ " if rng.random() < 0.5 else b"#| ") + work[i]
        yield b"\n".join(work)


def po_seeds() -> list[bytes]:
    files = sorted(FIXTURES.rglob("*.po"))
    originals = [_trim(p.read_bytes()) for p in files]
    out = list(originals)
    for n, data in enumerate(originals):
        out.extend(mutations(data, PO_SNIPPETS, 8, seed=n))
    out.extend(PO_SNIPPETS)
    return out


def md_seeds() -> list[bytes]:
    from leichtesprache.starter import FILES

    originals = [p.read_bytes() for p in sorted(SAMPLE.rglob("*.md"))]
    originals += [text.encode() for name, text in FILES.items() if name.endswith(".md")]
    originals += sorted(p.read_bytes() for p in FIXTURES.rglob("*.md") if p.name != "README.md")
    out = list(originals)
    for n, data in enumerate(originals):
        out.extend(mutations(data, MD_SNIPPETS, 30, seed=n))
    out.extend(MD_SNIPPETS)
    return out


def write_corpus(folder: Path, seeds: Iterable[bytes]) -> Path:
    """Write seeds into ``folder`` (named by their hash, as libFuzzer does); keep what is there."""
    folder.mkdir(parents=True, exist_ok=True)
    for data in seeds:
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return folder
