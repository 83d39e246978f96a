"""Merging a template into a catalogue (DESIGN §3): nothing a translator wrote is lost."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import polib

from .i18n import ngettext
from .languages import Language

#: Written as X-Generator into the catalogues we create.
GENERATOR = "leichtesprache"


@dataclass
class MergeStats:
    kept: int = 0
    new: int = 0
    fuzzy: list[str] = field(default_factory=list)
    obsoleted: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)

    def summary(self) -> tuple[str, ...]:
        """What ``update`` tells the editor about one catalogue, in the chosen language."""
        parts = []
        if self.new:
            parts.append(
                ngettext("{count} new message", "{count} new messages", self.new).format(
                    count=self.new
                )
            )
        if self.fuzzy:
            ids = ", ".join(self.fuzzy[:5]) + (" …" if len(self.fuzzy) > 5 else "")
            parts.append(
                ngettext(
                    "{count} changed (marked fuzzy): {ids}",
                    "{count} changed (marked fuzzy): {ids}",
                    len(self.fuzzy),
                ).format(count=len(self.fuzzy), ids=ids)
            )
        if self.obsoleted:
            count = len(self.obsoleted)
            parts.append(
                ngettext(
                    "{count} gone (kept as obsolete)", "{count} gone (kept as obsolete)", count
                ).format(count=count)
            )
        if self.restored:
            count = len(self.restored)
            parts.append(
                ngettext(
                    "{count} restored from obsolete", "{count} restored from obsolete", count
                ).format(count=count)
            )
        return tuple(parts)


def revision_date() -> str:
    """Now as a PO date (``SOURCE_DATE_EPOCH`` when set, so tests and builds reproduce)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.fromtimestamp(int(epoch), tz=UTC)
        if epoch and epoch.isdigit()
        else datetime.now(tz=UTC)
    )
    return moment.strftime("%Y-%m-%d %H:%M+0000")


def new_catalog(pot: polib.POFile, language: Language, domain: str) -> polib.POFile:
    """An empty catalogue with every header field filled in (``msgfmt -c`` gives no warning)."""
    po = polib.POFile()
    po.header = (
        f"{language.english_name} translation of {domain}.\n"
        "This file is distributed under the same license as the publication."
    )
    po.metadata = {
        "Project-Id-Version": pot.metadata.get("Project-Id-Version", domain),
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": pot.metadata.get("POT-Creation-Date", ""),
        "PO-Revision-Date": revision_date(),
        "Last-Translator": "",
        "Language-Team": f"{language.english_name}",
        "Language": language.code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": language.plural_forms,
        "X-Generator": GENERATOR,
    }
    return po


_FORMAT_FLAGS = ("python-brace-format", "python-format", "no-python-format")


def _match(pot: polib.POFile, po: polib.POFile) -> list[tuple[polib.POEntry | None, bool]]:
    """For each template entry: the old entry it continues, and whether that was obsolete.

    Exact (msgctxt, msgid) first. Then, for a block whose German text changed, the one
    remaining old entry with the same msgctxt (our stable block id). Catalogues from other
    projects use one context for many messages (Django's "abbrev. month"): those only match
    exactly, so no translation is taken for another message's.
    """
    remaining = [e for e in po if not e.obsolete] + [e for e in po if e.obsolete]
    exact: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in remaining:
        exact.setdefault((entry.msgctxt, entry.msgid), entry)
    taken: set[int] = set()
    matches: list[polib.POEntry | None] = []
    for template in pot:
        old = exact.get((template.msgctxt, template.msgid))
        if old is not None and id(old) not in taken:
            taken.add(id(old))
            matches.append(old)
        else:
            matches.append(None)
    for index, template in enumerate(pot):
        if matches[index] is not None or not template.msgctxt:
            continue
        candidates = [e for e in remaining if e.msgctxt == template.msgctxt and id(e) not in taken]
        active = [e for e in candidates if not e.obsolete]
        pick = active if active else candidates
        if len(pick) == 1 and sum(1 for t in pot if t.msgctxt == template.msgctxt) == 1:
            taken.add(id(pick[0]))
            matches[index] = pick[0]
    return [(m, bool(m is not None and m.obsolete)) for m in matches]


def _nplurals_of(po: polib.POFile, language: Language) -> int:
    header = po.metadata.get("Plural-Forms", "")
    found = re.search(r"nplurals\s*=\s*(\d+)", header)
    return int(found.group(1)) if found else language.nplurals


def _carry_translation(entry: polib.POEntry, old: polib.POEntry, nplurals: int) -> None:
    """Copy the old translation into the new entry, converting between plural shapes."""
    if entry.msgid_plural:
        forms = dict(old.msgstr_plural) if old.msgid_plural else {0: old.msgstr}
        entry.msgstr_plural = {i: forms.get(i, "") for i in range(max(nplurals, len(forms)))}
    elif old.msgid_plural:
        entry.msgstr = old.msgstr_plural.get(0, "")
        # The other forms have no place in a singular message: keep them for the translator.
        kept = [
            f"previous plural form {i}: {t}"
            for i, t in sorted(old.msgstr_plural.items())
            if i and t
        ]
        entry.tcomment = "\n".join(filter(None, [old.tcomment, *kept]))
    else:
        entry.msgstr = old.msgstr


def merge(
    po: polib.POFile, pot: polib.POFile, language: Language
) -> tuple[polib.POFile, MergeStats]:
    """Merge the template into a catalogue (DESIGN §3): nothing a translator wrote is lost.

    unchanged → kept; changed text → old translation kept, fuzzy, ``#|`` previous text;
    gone → obsolete; back again → restored from obsolete; new → empty.
    """
    stats = MergeStats()
    result = polib.POFile(wrapwidth=po.wrapwidth)
    result.header = po.header
    result.metadata = dict(po.metadata)
    result.metadata_is_fuzzy = po.metadata_is_fuzzy
    result.metadata["POT-Creation-Date"] = pot.metadata.get("POT-Creation-Date", "")
    if not result.metadata.get("Plural-Forms"):
        result.metadata["Plural-Forms"] = language.plural_forms
    if not result.metadata.get("Language"):
        result.metadata["Language"] = language.code
    if result.metadata.get("PO-Revision-Date", "YEAR").startswith("YEAR"):
        # The xgettext placeholder (or nothing): `msgfmt -c` warns; date the catalogue now.
        result.metadata["PO-Revision-Date"] = revision_date()
    nplurals = _nplurals_of(result, language)
    used: set[int] = set()
    for template, (old, restored) in zip(pot, _match(pot, po), strict=True):
        entry = polib.POEntry(
            msgctxt=template.msgctxt,
            msgid=template.msgid,
            msgid_plural=template.msgid_plural,
            msgstr="",
            msgstr_plural={i: "" for i in range(nplurals)} if template.msgid_plural else {},
            comment=template.comment,
            occurrences=list(template.occurrences),
            flags=list(template.flags),
        )
        result.append(entry)
        if old is None:
            stats.new += 1
            continue
        used.add(id(old))
        if restored:
            stats.restored.append(template.msgctxt or template.msgid)
        entry.tcomment = old.tcomment
        _carry_translation(entry, old, nplurals)
        translated = bool(old.msgstr or any(old.msgstr_plural.values()))
        changed = old.msgid != template.msgid or old.msgid_plural != template.msgid_plural
        fuzzy = translated and (changed or old.fuzzy)
        if changed and translated:
            stats.fuzzy.append(template.msgctxt or template.msgid)
            # The translation matches the text it was made for: keep the oldest previous text.
            if old.fuzzy and old.previous_msgid is not None:
                entry.previous_msgid = old.previous_msgid
                entry.previous_msgid_plural = old.previous_msgid_plural
            else:
                entry.previous_msgid = old.msgid
                entry.previous_msgid_plural = old.msgid_plural or None
        elif fuzzy:
            entry.previous_msgid = old.previous_msgid
            entry.previous_msgid_plural = old.previous_msgid_plural
        if translated and not changed:
            stats.kept += 1
        # Stable order: fuzzy, the template's flags, then the translator's own flags.
        own = [f for f in old.flags if f not in _FORMAT_FLAGS and f != "fuzzy"]
        entry.flags = (["fuzzy"] if fuzzy else []) + list(template.flags)
        entry.flags += [f for f in own if f not in entry.flags]
    already_obsolete = [e for e in po if e.obsolete]
    for old in po:
        if id(old) in used or old.obsolete:
            continue
        if old.msgstr or any(old.msgstr_plural.values()) or old.tcomment:
            old.obsolete = True
            old.occurrences = []
            stats.obsoleted.append(old.msgctxt or old.msgid)
            result.append(old)
    for old in already_obsolete:
        if id(old) not in used:
            result.append(old)
    return result, stats
