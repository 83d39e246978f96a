"""Stage 1: read a publication (TOML metadata + Markdown sections) into blocks with stable ids."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from markdown_it import MarkdownIt

from .errors import ContentError, Problem

BlockKind = Literal[
    "meta",
    "heading",
    "paragraph",
    "list_item",
    "box",
    "picture",
    "glossary_term",
    "glossary_definition",
    "contact_name",
    "contact_description",
]

#: ``{#some.id}`` at the end of a block's first line gives the block its stable id.
ID_RE = re.compile(r"[ \t]*\{#([a-z0-9][a-z0-9._-]*)\}[ \t]*$")
_ID_CHARS = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_IMAGE_ONLY = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)$")

#: Hints for translators, written into the POT as ``#.`` comments per block kind.
KIND_NOTES: dict[str, str] = {
    "meta": "Cover and imprint text.",
    "heading": "Heading. Keep it short: at most 6 words.",
    "paragraph": "Paragraph. Easy language: one sentence per line, short sentences.",
    "list_item": "List item. Keep it short.",
    "box": "Important note in a box. One sentence per line.",
    "picture": "Picture description (alt text) for screen readers. One short sentence.",
    "glossary_term": "Word-book entry: the hard word as it appears in the text.",
    "glossary_definition": "Word-book entry: explanation of the hard word. One sentence per line.",
    "contact_name": "Name of an office. Keep official names as they are.",
    "contact_description": "What this office helps with. One sentence per line.",
}


@dataclass(frozen=True)
class Block:
    """One translatable unit: its stable id, its German text and where it stands."""

    id: str
    kind: BlockKind
    text: str
    file: str
    line: int
    section: str
    level: int = 0
    src: str | None = None

    @property
    def note(self) -> str:
        return KIND_NOTES[self.kind]


@dataclass(frozen=True)
class Node:
    """A piece of page structure: a block, or a list/box grouping several blocks."""

    kind: Literal["heading", "paragraph", "list", "box", "picture"]
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Section:
    name: str
    file: str
    title: Block
    body: tuple[Node, ...]

    def blocks(self) -> Iterator[Block]:
        yield self.title
        for node in self.body:
            yield from node.blocks


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: Block
    definition: Block


@dataclass(frozen=True)
class Contact:
    id: str
    name: Block
    description: Block | None
    phone: str | None
    email: str | None
    url: str | None
    address: str | None
    source: str


@dataclass(frozen=True)
class Publication:
    """Everything that is written once in the source language."""

    name: str
    root: Path
    source_language: str
    version: date
    meta: dict[str, Block]
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryEntry, ...]
    contacts: tuple[Contact, ...]
    extra: dict[str, Any] = field(default_factory=dict)

    def blocks(self) -> Iterator[Block]:
        """All translatable blocks in reading order."""
        yield from self.meta.values()
        for section in self.sections:
            yield from section.blocks()
        for entry in self.glossary:
            yield entry.term
            yield entry.definition
        for contact in self.contacts:
            yield contact.name
            if contact.description is not None:
                yield contact.description


META_FIELDS = ("title", "subtitle", "publisher", "imprint")


def load_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file; a syntax error names file and line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read file: {exc.strerror}", file=path) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(
            "the file is not UTF-8 text",
            file=path,
            line=raw[: exc.start].count(b"\n") + 1,
            hint="save the file as UTF-8 in your editor",
        ) from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line: int | None = getattr(exc, "lineno", None) or _toml_line(str(exc))
        msg = getattr(exc, "msg", None) or str(exc)
        raise ContentError(
            f"TOML syntax error: {msg}",
            file=path,
            line=line,
            hint="check quotes, brackets and '=' on that line (TOML format)",
        ) from exc


def _toml_line(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m.group(1)) if m else None


def load_publication(root: Path, name: str, project_root: Path | None = None) -> Publication:
    """Load ``content/<name>/`` and report every problem at once."""
    base = project_root or root.parent.parent
    pub_file = root / "publication.toml"
    if not pub_file.is_file():
        raise ContentError(
            f"publication '{name}' has no publication.toml",
            file=_rel(root, base),
            hint="create publication.toml (see `leichtesprache init` for an example)",
        )
    data = load_toml(pub_file)
    rel_pub = _rel(pub_file, base)
    problems: list[Problem] = []
    pub = data.get("publication", data)
    source_language = str(pub.get("source_language", "de"))
    version = pub.get("version")
    if not isinstance(version, date):
        problems.append(
            Problem(
                "'version' must be a date like 2026-11-24 (the 'Stand' of the brochure)",
                rel_pub,
                hint="write: version = 2026-11-24",
            )
        )
        version = date(1970, 1, 1)
    meta: dict[str, Block] = {}
    for key in META_FIELDS:
        value = pub.get(key)
        if value is None:
            if key in ("title", "publisher"):
                problems.append(Problem(f"'{key}' is missing", rel_pub, hint=f'add {key} = "…"'))
            continue
        meta[key] = Block(
            f"meta.{key}",
            "meta",
            _norm_text(str(value)),
            rel_pub,
            _find_line(pub_file, key) or 1,
            "meta",
        )
    section_names = pub.get("sections")
    if not isinstance(section_names, list) or not section_names:
        problems.append(
            Problem(
                "the publication lists no sections",
                rel_pub,
                _find_line(pub_file, "sections"),
                hint='add sections = ["first-section", …] naming files in sections/',
            )
        )
        section_names = []
    sections: list[Section] = []
    for sec_name in section_names:
        path = root / "sections" / f"{sec_name}.md"
        if not path.is_file():
            problems.append(
                Problem(
                    f"section '{sec_name}' is listed but sections/{sec_name}.md does not exist",
                    rel_pub,
                    _find_line(pub_file, f'"{sec_name}"'),
                    hint="create the file or remove the name from 'sections'",
                )
            )
            continue
        try:
            sections.append(parse_section(path.read_bytes(), str(sec_name), _rel(path, base)))
        except ContentError as exc:
            problems.extend(exc.problems)
    glossary = _load_glossary(root / "glossary.toml", base, problems)
    contacts = _load_contacts(root / "contacts.toml", base, problems)
    publication = Publication(
        name=name,
        root=root,
        source_language=source_language,
        version=version,
        meta=meta,
        sections=tuple(sections),
        glossary=tuple(glossary),
        contacts=tuple(contacts),
        extra={k: v for k, v in pub.items() if k not in (*META_FIELDS, "sections", "version")},
    )
    _check_unique_ids(publication, problems)
    if problems:
        raise ContentError.from_problems(
            problems, f"publication '{name}' has {len(problems)} problem(s):"
        )
    return publication


def parse_section(raw: bytes, name: str, file: str) -> Section:
    """Parse one Markdown section into nodes; every block must carry ``{#id}``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            "the file is not UTF-8 text",
            file=file,
            line=line,
            hint="save the file as UTF-8 in your editor",
        ) from exc
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
                    f"this {what} has no id",
                    file,
                    start + 1,
                    hint="add a stable id at the end of its first line, e.g. "
                    f"'{{#{name}.{_slug(lines[start])}}}'",
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
                _norm_text(inline.content),
                file,
                start + 1,
                name,
                level=level,
            )
            if level == 1:
                if title is not None:
                    problems.append(
                        Problem(
                            "a section has exactly one '# Title' heading",
                            file,
                            start + 1,
                            hint="use '## ' for sub-headings",
                        )
                    )
                title = block
            else:
                nodes.append(Node("heading", (block,)))
            i += 2
        elif tok.type == "paragraph_open":
            start = tok.map[0] if tok.map else 0
            inline = tokens[i + 1]
            content = _norm_text(inline.content)
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
                        "a picture needs a description (alt text)",
                        file,
                        start + 1,
                        hint="write it between the brackets: ![A woman at work](…)",
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
                    f"this Markdown element ({tok.type.replace('_open', '')}) "
                    "is not used in easy language",
                    file,
                    where,
                    hint="write plain sentences, lists or a '> ' box instead",
                )
            )
        i += 1
    if title is None and not problems:
        problems.append(
            Problem(
                "the section has no '# Title' heading",
                file,
                1,
                hint="start the file with '# Title {#id}'",
            )
        )
    if problems:
        raise ContentError.from_problems(problems)
    assert title is not None
    return Section(name=name, file=file, title=title, body=tuple(nodes))


def _load_glossary(path: Path, base: Path, problems: list[Problem]) -> list[GlossaryEntry]:
    if not path.is_file():
        return []
    try:
        data = load_toml(path)
    except ContentError as exc:
        problems.extend(exc.problems)
        return []
    rel = _rel(path, base)
    entries: list[GlossaryEntry] = []
    for index, item in enumerate(data.get("term", [])):
        gid = str(item.get("id", ""))
        line = _find_line(path, f'"{gid}"') if gid else None
        if not _ID_CHARS.match(gid):
            problems.append(
                Problem(
                    f"word-book entry {index + 1} needs an id of a-z, 0-9, '.', '-'",
                    rel,
                    line,
                    hint='add id = "some-word"',
                )
            )
            continue
        term, definition = item.get("term"), item.get("definition")
        if not term or not definition:
            problems.append(
                Problem(f"word-book entry '{gid}' needs both 'term' and 'definition'", rel, line)
            )
            continue
        entries.append(
            GlossaryEntry(
                gid,
                Block(
                    f"glossary.{gid}.term",
                    "glossary_term",
                    _norm_text(str(term)),
                    rel,
                    line or 1,
                    "glossary",
                ),
                Block(
                    f"glossary.{gid}.definition",
                    "glossary_definition",
                    _norm_text(str(definition)),
                    rel,
                    line or 1,
                    "glossary",
                ),
            )
        )
    return entries


def _load_contacts(path: Path, base: Path, problems: list[Problem]) -> list[Contact]:
    if not path.is_file():
        return []
    try:
        data = load_toml(path)
    except ContentError as exc:
        problems.extend(exc.problems)
        return []
    rel = _rel(path, base)
    contacts: list[Contact] = []
    for index, item in enumerate(data.get("contact", [])):
        cid = str(item.get("id", ""))
        line = _find_line(path, f'"{cid}"') if cid else None
        if not _ID_CHARS.match(cid):
            problems.append(
                Problem(f"contact {index + 1} needs an id of a-z, 0-9, '.', '-'", rel, line)
            )
            continue
        if not item.get("name") or not item.get("source"):
            problems.append(
                Problem(
                    f"contact '{cid}' needs 'name' and 'source' (where the details were checked)",
                    rel,
                    line,
                    hint="never invent a phone number or address: name the web page it is from",
                )
            )
            continue
        desc = item.get("description")
        contacts.append(
            Contact(
                id=cid,
                name=Block(
                    f"contact.{cid}.name",
                    "contact_name",
                    _norm_text(str(item["name"])),
                    rel,
                    line or 1,
                    "contacts",
                ),
                description=Block(
                    f"contact.{cid}.description",
                    "contact_description",
                    _norm_text(str(desc)),
                    rel,
                    line or 1,
                    "contacts",
                )
                if desc
                else None,
                phone=item.get("phone"),
                email=item.get("email"),
                url=item.get("url"),
                address=item.get("address"),
                source=str(item["source"]),
            )
        )
    return contacts


def _check_unique_ids(publication: Publication, problems: list[Problem]) -> None:
    seen: dict[str, Block] = {}
    for block in publication.blocks():
        if block.id in seen:
            first = seen[block.id]
            problems.append(
                Problem(
                    f"the id '{block.id}' is used twice (first at {first.file}:{first.line})",
                    block.file,
                    block.line,
                    hint="every block needs its own id; rename one of them",
                )
            )
        else:
            seen[block.id] = block


def _norm_text(text: str) -> str:
    """Strip each line; one sentence per line is kept as ``\\n`` in the msgid."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _slug(line: str) -> str:
    words = re.findall(r"[a-z0-9äöüß]+", line.lower())
    slug = "-".join(words[:3]) or "block"
    umlauts: dict[str, str | int | None] = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
    return slug.translate(str.maketrans(umlauts))


def _find_line(path: Path, needle: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1):
            if needle in line:
                return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _rel(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
