"""The source publication as plain objects: blocks with stable ids, sections, word book."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .facts import Fact
    from .review import ReviewRecord
    from .terms import Term

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

#: Fields of ``publication.toml`` that are texts for the cover and imprint.
META_FIELDS = ("title", "subtitle", "publisher", "imprint")


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
    """One topic: a Markdown file with one ``# Title`` and its body."""

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
    """One word of the word book: the hard word and its explanation."""

    id: str
    term: Block
    definition: Block


@dataclass(frozen=True)
class Contact:
    """An office that helps, with details copied from the source it names."""

    id: str
    name: Block
    description: Block | None
    phone: str | None
    email: str | None
    url: str | None
    address: str | None
    source: str


#: A deliberate exception from an easy-language rule: (rule id, reason).
RuleException = tuple[str, str]


@dataclass(frozen=True)
class Publication:
    """Everything that is written once in the source language, as read from content/<name>/."""

    name: str
    root: Path
    source_language: str
    version: date
    meta: dict[str, Block]
    sections: tuple[Section, ...]
    glossary: tuple[GlossaryEntry, ...]
    contacts: tuple[Contact, ...]
    extra: dict[str, Any] = field(default_factory=dict)
    #: Deliberate rule exceptions per block id (``exceptions.toml``).
    exceptions: Mapping[str, tuple[RuleException, ...]] = field(default_factory=dict)
    #: Dated, sourced amounts and dates (``facts.toml``) by name.
    facts: Mapping[str, Fact] = field(default_factory=dict)
    #: Term lists by language (``terms/<lang>.toml``): one word per concept.
    terms: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)
    #: Reviews by readers from the target group (``reviews.toml``), oldest first.
    reviews: tuple[ReviewRecord, ...] = ()

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

    @property
    def folder(self) -> str:
        """The publication folder relative to the project: ``content/<name>``."""
        return f"content/{self.name}"
