"""Reviews by readers: which text of a language people from the target group have checked.

Leichte Sprache counts as Leichte Sprache only after readers from the target group have
checked it. ``leichtesprache review LANG --by …`` records that check in
``content/<pub>/reviews.toml`` with a digest of the language's texts; any later change to
those texts makes the review "needed" again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import ContentError, Problem, ProblemsFound
from .i18n import _, ngettext
from .textfile import load_toml

if TYPE_CHECKING:
    from .config import Project
    from .model import Block

#: The file of a publication that holds its reviews.
REVIEWS_FILE = "reviews.toml"

ReviewStateName = Literal["reviewed", "needed", "none"]

_HEADER = """\
# Reviews by readers from the target group (Leichte Sprache: "Prüfung durch die Zielgruppe").
# Written by `leichtesprache review LANG --by "…"`. Each [[review]] records that readers
# checked the text of one language as it was then (digest = a fingerprint of its texts).
# When that language's text changes, its review is needed again. Newest reviews last.
"""


@dataclass(frozen=True)
class ReviewRecord:
    """One check by readers, as recorded in ``reviews.toml``."""

    language: str
    by: str
    date: date
    digest: str
    note: str = ""


@dataclass(frozen=True)
class ReviewState:
    """What the imprint and ``status`` say about a language's review."""

    #: "reviewed": readers checked exactly the current text; "needed": the text changed
    #: after the last review; "none": readers never checked this language.
    state: ReviewStateName
    by: str | None = None
    date: date | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "by": self.by,
            "date": self.date.isoformat() if self.date else None,
        }


#: The state of a language no reader has checked.
NOT_REVIEWED = ReviewState("none")


def text_digest(blocks: Iterable[tuple[Block, str, bool]]) -> str:
    """A fingerprint of a language's texts: (block, text with placeholders, is fallback).

    The texts keep their placeholders, so a new day with new amounts does not invalidate
    a review; any change of wording does.
    """
    h = hashlib.sha256()
    for block, template, fallback in sorted(blocks, key=lambda item: item[0].id):
        for part in (block.id, template, "fallback" if fallback else "own"):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
    return f"sha256:{h.hexdigest()}"


def review_state(records: Sequence[ReviewRecord], language: str, digest: str) -> ReviewState:
    """The state of ``language``: its newest review compared with the current digest."""
    mine = [r for r in records if r.language == language]
    if not mine:
        return ReviewState("none")
    current = [r for r in mine if r.digest == digest]
    if current:
        newest = max(current, key=lambda r: r.date)
        return ReviewState("reviewed", newest.by, newest.date, newest.note)
    newest = max(mine, key=lambda r: r.date)
    return ReviewState("needed", newest.by, newest.date, newest.note)


def load_reviews(path: Path, label: str) -> tuple[ReviewRecord, ...]:
    """``reviews.toml`` of a publication; missing file = no reviews; all problems at once."""
    if not path.is_file():
        return ()
    data = load_toml(path, label)
    items = data.get("review", [])
    problems: list[Problem] = []
    records: list[ReviewRecord] = []
    if not isinstance(items, list):
        items = []
        problems.append(
            Problem(
                _("'{key}' must be a list of {tables} tables").format(
                    key="review", tables="[[review]]"
                ),
                label,
            )
        )
    for index, item in enumerate(items, 1):
        fields = item if isinstance(item, dict) else {}
        language, by, day = fields.get("language"), fields.get("by"), fields.get("date")
        digest, note = fields.get("digest"), fields.get("note", "")
        if not all(isinstance(v, str) and v for v in (language, by, digest)) or not isinstance(
            day, date
        ):
            problems.append(
                Problem(
                    _(
                        "review {number} needs language, by, date (like 2026-11-30) and digest"
                    ).format(number=index),
                    label,
                    hint=_(
                        "record reviews with `leichtesprache review LANG --by NAME`, not by hand"
                    ),
                )
            )
            continue
        records.append(ReviewRecord(str(language), str(by), day, str(digest), str(note)))
    if problems:
        raise ContentError.from_problems(problems)
    return tuple(records)


def record_review(
    project: Project,
    code: str,
    *,
    by: str,
    day: date | None = None,
    note: str = "",
    publication: str | None = None,
) -> list[Path]:
    """Record that readers checked the current text of ``code`` (``leichtesprache review``).

    One ``[[review]]`` is appended to each publication's ``reviews.toml`` (written
    atomically; what is already in the file, comments too, stays as it is). Only a complete
    language can be reviewed: readers must have seen the whole text in that language.
    """
    from .fsutil import atomic_write_text, project_lock
    from .translate import review_digest
    from .workspace import Workspace

    by, note, today = by.strip(), note.strip(), date.today()
    day = day or today
    if not by or "\n" in by or "\n" in note:
        raise ContentError(
            _("--by needs the readers' names (or the name of the reading group) on one line"),
            hint=_("write for example: {example}").format(
                example='--by "Prüfgruppe Leichte Sprache, Beratungsstelle Nord"'
            ),
        )
    if day > today:
        raise ContentError(
            _("the review date {day} is in the future").format(day=day.isoformat()),
            hint=_("give the day the readers checked the text: --date YYYY-MM-DD"),
        )
    workspace = Workspace(project)
    workspace.languages([code])
    written = []
    with project_lock(project.root):
        for name in workspace.publication_names(publication):
            version = workspace.version(name, code, day)
            waiting = len(version.missing) + len(version.ui_missing) + len(version.problems)
            if waiting:
                raise ProblemsFound(
                    ngettext(
                        "'{code}' is not complete ({count} text untranslated, fuzzy or "
                        "unusable): readers can only check the whole text",
                        "'{code}' is not complete ({count} texts untranslated, fuzzy or "
                        "unusable): readers can only check the whole text",
                        waiting,
                    ).format(code=code, count=waiting),
                    file=version.catalog,
                    hint=_(
                        "finish the translation (see `leichtesprache status`), then let "
                        "readers check it and record the review"
                    ),
                )
            record = ReviewRecord(code, by, day, review_digest(version.blocks), note)
            path = version.publication.root / REVIEWS_FILE
            existing = path.read_text("utf-8") if path.is_file() else None
            atomic_write_text(path, append_review(existing, record))
            written.append(path)
    return written


def review_entry(record: ReviewRecord) -> str:
    """The TOML text of one ``[[review]]`` table (appended, so comments above stay)."""
    lines = [
        "[[review]]",
        f"language = {_toml_string(record.language)}",
        f"by = {_toml_string(record.by)}",
        f"date = {record.date.isoformat()}",
        f"digest = {_toml_string(record.digest)}",
    ]
    if record.note:
        lines.append(f"note = {_toml_string(record.note)}")
    return "\n".join(lines) + "\n"


def append_review(existing: str | None, record: ReviewRecord) -> str:
    """The new text of ``reviews.toml``: the old text as it was, plus the new review."""
    text = existing if existing is not None else _HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    return f"{text}\n{review_entry(record)}"


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group(0)):04x}", escaped) + '"'
