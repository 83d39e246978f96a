"""The checker's plain objects: a text unit going in, findings and a result coming out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: Severities, most serious first. Only "error" makes a result fail.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One problem in one text: which rule, how serious, where, and what to do about it."""

    #: Stable rule id such as ``sentence-length``.
    rule: str
    #: ``"error"`` (fails the check), ``"warning"`` or ``"info"`` (allowed or advisory).
    severity: str
    #: Explanation in the editor's language of work.
    message: str
    #: Source file (Markdown source, PO file or text file), if known.
    file: str | None
    #: Line in ``file``, if known.
    line: int | None
    #: The message context (``msgctxt``), if any.
    context: str | None
    #: The whole text of the unit; ``start``/``end`` are character offsets into it.
    text: str
    start: int
    end: int
    #: What to write instead, when the checker knows.
    suggestion: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "context": self.context,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }


@dataclass
class CheckResult:
    """Everything the checker found for one language in one source (catalogue or file)."""

    language: str
    source: str
    passed: bool
    counts: dict[str, int]
    metrics: dict[str, float | int]
    findings: list[Finding]

    def to_dict(self) -> dict[str, Any]:
        """The object of DESIGN §8 (``check --format json``)."""
        return {
            "language": self.language,
            "source": self.source,
            "passed": self.passed,
            "counts": dict(self.counts),
            "metrics": dict(self.metrics),
            "findings": [f.to_dict() for f in self.findings],
        }


_NO_ALLOW: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class TextUnit:
    """One message or paragraph to check.

    ``text`` may hold inline Markdown (``**bold**``, links); the checker reads the visible
    text and reports offsets into ``text`` as given.
    """

    text: str
    file: str | None
    #: Line of the first line of ``text`` in ``file``.
    line: int | None
    #: Message context (msgctxt) or another id shown in reports.
    context: str | None = None
    #: Block kind: heading, paragraph, list_item, box, picture, glossary_term,
    #: glossary_definition, contact_name, contact_description, meta; None = paragraph.
    kind: str | None = None
    #: Rules allowed for this unit: rule id (or ``all``) -> reason.
    allow: Mapping[str, str] = field(default_factory=lambda: _NO_ALLOW)
    #: Section the unit belongs to (for direct address); None = derived from context/file.
    section: str | None = None
    #: True when the lines of ``text`` are consecutive lines of ``file`` (source files),
    #: so a finding's line is ``line`` plus its line in the text; False for PO entries.
    lines_follow: bool = True
    #: Words of another language the text quotes ("In German, this is called:
    #: Aufenthaltserlaubnis."): no rule reads them as words of the text's language.
    quoted: tuple[str, ...] = ()
