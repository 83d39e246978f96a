"""Sections in Markdown: one sentence per line, a stable ``{#id}`` on every block."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from .errors import ContentError, Problem
from .i18n import N_, _
from .model import Block, BlockKind, Node, Section
from .textfile import decode_text

#: ``{#some.id}`` at the end of a block's first line gives the block its stable id.
ID_RE = re.compile(r"[ \t]*\{#([a-z0-9][a-z0-9._-]*)\}[ \t]*$")
#: What an id may hold: lower-case letters, digits, ``.``, ``_`` and ``-``.
ID_CHARS = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: "This … has no id", one whole sentence per kind of block.
_NO_ID = {
    "heading": N_("this heading has no id"),
    "paragraph": N_("this paragraph has no id"),
    "list item": N_("this list item has no id"),
    "box": N_("this box has no id"),
    "picture": N_("this picture has no id"),
}
_IMAGE_ONLY = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)$")


def parse_section(raw: bytes, name: str, file: str) -> Section:
    """Parse one Markdown section into nodes; every block must carry ``{#id}``."""
    text = decode_text(raw, file)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ids: dict[int, str] = {}
    for number, raw_line in enumerate(lines):
        m = ID_RE.search(raw_line)
        if m:
            ids[number] = m.group(1)
            lines[number] = raw_line[: m.start()]
    clean = "\n".join(lines)
    md = MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(clean)
    problems: list[Problem] = []
    nodes: list[Node] = []
    title: Block | None = None
    stack: list[tuple[str, list[Block]]] = []  # open list/box containers

    def block_id(start: int, what: str) -> str:
        found = ids.get(start)
        if found is None:
            problems.append(
                Problem(
                    _(_NO_ID[what]),
                    file,
                    start + 1,
                    hint=_("add a stable id at the end of its first line, e.g. {example}").format(
                        example=f"'{{#{name}.{_slug(lines[start])}}}'"
                    ),
                )
            )
            return f"{name}.missing-{start + 1}"
        return found

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            stack.append(("list", []))
        elif tok.type == "blockquote_open":
            stack.append(("box", []))
        elif tok.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            container, blocks = stack.pop()
            if stack:  # nested: flatten into the parent, easy language keeps one level
                stack[-1][1].extend(blocks)
            elif blocks:
                nodes.append(Node("list" if container == "list" else "box", tuple(blocks)))
        elif tok.type == "heading_open":
            start = tok.map[0] if tok.map else 0
            inline = tokens[i + 1]
            level = int(tok.tag[1])
            block = Block(
                block_id(start, "heading"),
                "heading",
                norm_text(inline.content),
                file,
                start + 1,
                name,
                level=level,
            )
            if level == 1:
                if title is not None:
                    problems.append(
                        Problem(
                            _("a section has exactly one '# Title' heading"),
                            file,
                            start + 1,
                            hint=_("use '## ' for sub-headings"),
                        )
                    )
                title = block
            else:
                nodes.append(Node("heading", (block,)))
            i += 2
        elif tok.type == "paragraph_open":
            start = tok.map[0] if tok.map else 0
            inline = tokens[i + 1]
            content = norm_text(inline.content)
            pic = _IMAGE_ONLY.match(content)
            in_container = bool(stack)
            kind: BlockKind
            if pic:
                kind = "picture"
            elif in_container and stack[-1][0] == "list":
                kind = "list_item"
            elif in_container:
                kind = "box"
            else:
                kind = "paragraph"
            what = {"list_item": "list item", "picture": "picture"}.get(kind, kind)
            block = Block(
                block_id(start, what),
                kind,
                pic.group("alt") if pic else content,
                file,
                start + 1,
                name,
                src=pic.group("src") if pic else None,
            )
            if pic and not block.text.strip():
                problems.append(
                    Problem(
                        _("a picture needs a description (alt text)"),
                        file,
                        start + 1,
                        hint=_("write it between the brackets: {example}").format(
                            example=_("![A woman at work](…)")
                        ),
                    )
                )
            if in_container and kind != "picture":
                stack[-1][1].append(block)
            else:
                nodes.append(Node("picture" if pic else "paragraph", (block,)))
            i += 2
        elif tok.type in ("fence", "code_block", "html_block", "table_open", "hr"):
            where = tok.map[0] + 1 if tok.map else None
            problems.append(
                Problem(
                    _("this Markdown element ({element}) is not used in easy language").format(
                        element=tok.type.replace("_open", "")
                    ),
                    file,
                    where,
                    hint=_("write plain sentences, lists or a '> ' box instead"),
                )
            )
        i += 1
    if title is None and not problems:
        problems.append(
            Problem(
                _("the section has no '# Title' heading"),
                file,
                1,
                hint=_("start the file with {example}").format(example="'# Title {#id}'"),
            )
        )
    if problems:
        raise ContentError.from_problems(problems)
    assert title is not None
    return Section(name=name, file=file, title=title, body=tuple(nodes))


def norm_text(text: str) -> str:
    """Strip each line; one sentence per line is kept as ``\\n`` in the msgid."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _slug(line: str) -> str:
    words = re.findall(r"[a-z0-9äöüß]+", line.lower())
    slug = "-".join(words[:3]) or "block"
    umlauts: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
    return slug.translate(str.maketrans(umlauts))
