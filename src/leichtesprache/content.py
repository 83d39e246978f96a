"""Stage 1: read ``content/<name>/`` into a Publication and report every problem at once."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from .errors import ContentError, Problem
from .facts import load_facts
from .fsutil import relative_path
from .i18n import N_, _, ngettext
from .markdown import ID_CHARS, norm_text, parse_section
from .model import (
    META_FIELDS,
    Block,
    BlockKind,
    Contact,
    GlossaryEntry,
    Publication,
    RuleException,
    Section,
)
from .review import REVIEWS_FILE, ReviewRecord, load_reviews
from .terms import Term, load_terms
from .textfile import line_of, load_toml

log = logging.getLogger("leichtesprache.content")
_T = TypeVar("_T")

__all__ = ["load_exceptions", "load_publication", "parse_section"]


def load_publication(root: Path, name: str, project_root: Path | None = None) -> Publication:
    """Load ``content/<name>/``: metadata, sections, word book, contacts, exceptions, facts."""
    base = project_root or root.parent.parent
    pub_file = root / "publication.toml"
    if not pub_file.is_file():
        raise ContentError(
            _("publication '{name}' has no publication.toml").format(name=name),
            file=relative_path(root, base),
            hint=_("create publication.toml (see `leichtesprache init` for an example)"),
        )
    rel_pub = relative_path(pub_file, base)
    data = load_toml(pub_file, rel_pub)
    log.debug("reading %s", relative_path(root, base))
    problems: list[Problem] = []
    pub = data.get("publication", data)
    version = pub.get("version")
    if not isinstance(version, date):
        problems.append(
            Problem(
                _("'version' must be a date like 2026-11-24 (the 'Stand' of the brochure)"),
                rel_pub,
                hint=_("write: {example}").format(example="version = 2026-11-24"),
            )
        )
        version = date(1970, 1, 1)
    meta: dict[str, Block] = {}
    for key in META_FIELDS:
        value = pub.get(key)
        if value is None:
            if key in ("title", "publisher"):
                problems.append(
                    Problem(
                        _("'{key}' is missing").format(key=key),
                        rel_pub,
                        hint=_("add {example}").format(example=f'{key} = "…"'),
                    )
                )
            continue
        line = line_of(pub_file, key) or 1
        meta[key] = Block(f"meta.{key}", "meta", norm_text(str(value)), rel_pub, line, "meta")
    sections = _load_sections(root, pub, pub_file, rel_pub, base, problems)
    glossary = _collect(problems, _glossary_entries, "term", root / "glossary.toml", base)
    contacts = _collect(problems, _contacts, "contact", root / "contacts.toml", base)
    exceptions: dict[str, tuple[RuleException, ...]] = {}
    facts: dict[str, Any] = {}
    try:
        exceptions = load_exceptions(root / "exceptions.toml", relative_path(root, base))
    except ContentError as exc:
        problems.extend(exc.problems)
    try:
        facts = load_facts(root / "facts.toml", f"{relative_path(root, base)}/facts.toml")
    except ContentError as exc:
        problems.extend(exc.problems)
    folder = relative_path(root, base)
    source_language = str(pub.get("source_language", "de"))
    terms: dict[str, tuple[Term, ...]] = {}
    reviews: tuple[ReviewRecord, ...] = ()
    try:
        terms = load_terms(root / "terms", f"{folder}/terms", source_language)
    except ContentError as exc:
        problems.extend(exc.problems)
    try:
        reviews = load_reviews(root / REVIEWS_FILE, f"{folder}/{REVIEWS_FILE}")
    except ContentError as exc:
        problems.extend(exc.problems)
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
        exceptions=exceptions,
        facts=facts,
        terms=terms,
        reviews=reviews,
    )
    _check_unique_ids(publication, problems)
    if problems:
        raise ContentError.from_problems(
            problems,
            ngettext(
                "publication '{name}' has {count} problem:",
                "publication '{name}' has {count} problems:",
                len(problems),
            ).format(name=name, count=len(problems)),
        )
    return publication


def _load_sections(
    root: Path,
    pub: dict[str, Any],
    pub_file: Path,
    rel_pub: str,
    base: Path,
    problems: list[Problem],
) -> list[Section]:
    names = pub.get("sections")
    if not isinstance(names, list) or not names:
        problems.append(
            Problem(
                _("the publication lists no sections"),
                rel_pub,
                line_of(pub_file, "sections"),
                hint=_("add {example} naming files in sections/").format(
                    example='sections = ["first-section", …]'
                ),
            )
        )
        return []
    sections: list[Section] = []
    for name in names:
        path = root / "sections" / f"{name}.md"
        if not path.is_file():
            problems.append(
                Problem(
                    _("section '{name}' is listed but {file} does not exist").format(
                        name=name, file=f"sections/{name}.md"
                    ),
                    rel_pub,
                    line_of(pub_file, f'"{name}"'),
                    hint=_("create the file or remove the name from 'sections'"),
                )
            )
            continue
        try:
            sections.append(parse_section(path.read_bytes(), str(name), relative_path(path, base)))
        except ContentError as exc:
            problems.extend(exc.problems)
    return sections


def _collect(
    problems: list[Problem],
    read: Callable[[list[dict[str, Any]], Path, str, list[Problem]], Iterator[_T]],
    key: str,
    path: Path,
    base: Path,
) -> list[_T]:
    """Read an optional TOML table file with ``read``; its problems join the others."""
    if not path.is_file():
        return []
    rel = relative_path(path, base)
    try:
        data = load_toml(path, rel)
    except ContentError as exc:
        problems.extend(exc.problems)
        return []
    items = data.get(key, [])
    if not isinstance(items, list):
        problems.append(
            Problem(
                _("'{key}' must be a list of {tables} tables").format(key=key, tables=f"[[{key}]]"),
                rel,
            )
        )
        return []
    return list(read(items, path, rel, problems))


def _text_block(id_: str, kind: BlockKind, value: Any, rel: str, line: int | None) -> Block:
    section = "glossary" if kind.startswith("glossary") else "contacts"
    return Block(id_, kind, norm_text(str(value)), rel, line or 1, section)


#: "… needs an id", one whole sentence per kind of item.
_NEEDS_ID = {
    "term": N_("word-book entry {number} needs an id of a-z, 0-9, '.', '-'"),
    "contact": N_("contact {number} needs an id of a-z, 0-9, '.', '-'"),
}


def _item_id(
    item: dict[str, Any], index: int, what: str, path: Path, rel: str, problems: list[Problem]
) -> tuple[str, int | None] | None:
    """The id of a word-book entry or contact, or None (with a problem) if it is unusable."""
    item_id = str(item.get("id", ""))
    line = line_of(path, f'"{item_id}"') if item_id else None
    if not ID_CHARS.match(item_id):
        problems.append(
            Problem(
                _(_NEEDS_ID[what]).format(number=index + 1),
                rel,
                line,
                hint=_("add {example}").format(example='id = "some-word"'),
            )
        )
        return None
    return item_id, line


def _glossary_entries(
    items: list[dict[str, Any]], path: Path, rel: str, problems: list[Problem]
) -> Iterator[GlossaryEntry]:
    for index, item in enumerate(items):
        found = _item_id(item, index, "term", path, rel, problems)
        if found is None:
            continue
        gid, line = found
        term, definition = item.get("term"), item.get("definition")
        if not term or not definition:
            problems.append(
                Problem(
                    _("word-book entry '{id}' needs both 'term' and 'definition'").format(id=gid),
                    rel,
                    line,
                )
            )
            continue
        yield GlossaryEntry(
            gid,
            _text_block(f"glossary.{gid}.term", "glossary_term", term, rel, line),
            _text_block(f"glossary.{gid}.definition", "glossary_definition", definition, rel, line),
        )


def _contacts(
    items: list[dict[str, Any]], path: Path, rel: str, problems: list[Problem]
) -> Iterator[Contact]:
    for index, item in enumerate(items):
        found = _item_id(item, index, "contact", path, rel, problems)
        if found is None:
            continue
        cid, line = found
        if not item.get("name") or not item.get("source"):
            problems.append(
                Problem(
                    _(
                        "contact '{id}' needs 'name' and 'source' (where the details were checked)"
                    ).format(id=cid),
                    rel,
                    line,
                    hint=_("never invent a phone number or address: name the web page it is from"),
                )
            )
            continue
        desc = item.get("description")
        yield Contact(
            id=cid,
            name=_text_block(f"contact.{cid}.name", "contact_name", item["name"], rel, line),
            description=_text_block(
                f"contact.{cid}.description", "contact_description", desc, rel, line
            )
            if desc
            else None,
            phone=item.get("phone"),
            email=item.get("email"),
            url=item.get("url"),
            address=item.get("address"),
            source=str(item["source"]),
        )


def load_exceptions(path: Path, folder: str) -> dict[str, tuple[RuleException, ...]]:
    """``exceptions.toml``: deliberate easy-language rule exceptions per block id."""
    if not path.is_file():
        return {}
    rel = f"{folder}/{path.name}"
    data = load_toml(path, rel)
    result: dict[str, list[RuleException]] = {}
    problems: list[Problem] = []
    for index, item in enumerate(data.get("allow", []), 1):
        block_id, rules, reason = item.get("id"), item.get("rules"), item.get("reason")
        if not block_id or not isinstance(rules, list) or not rules or not reason:
            problems.append(
                Problem(
                    _("exception {number} needs id, rules = {rules} and a reason").format(
                        number=index, rules='["…"]'
                    ),
                    rel,
                    line_of(path, f'"{block_id}"') if block_id else None,
                    hint=_("for example: {example}").format(
                        example='[[allow]] id = "tax.no-tax" rules = ["negation"] reason = "…"'
                    ),
                )
            )
            continue
        result.setdefault(str(block_id), []).extend((str(r), str(reason)) for r in rules)
    if problems:
        raise ContentError.from_problems(problems)
    return {key: tuple(value) for key, value in result.items()}


def _check_unique_ids(publication: Publication, problems: list[Problem]) -> None:
    seen: dict[str, Block] = {}
    for block in publication.blocks():
        if block.id in seen:
            first = seen[block.id]
            problems.append(
                Problem(
                    _("the id '{id}' is used twice (first at {place})").format(
                        id=block.id, place=f"{first.file}:{first.line}"
                    ),
                    block.file,
                    block.line,
                    hint=_("every block needs its own id; rename one of them"),
                )
            )
        else:
            seen[block.id] = block
