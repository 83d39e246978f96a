"""``add-language``: empty catalogues with a complete header, and the language in the config."""

from __future__ import annotations

import re
from pathlib import Path

from .catalog import UI_DOMAIN, catalog_path, format_catalog, is_translated, read_pot
from .config import Project, defaults_dir
from .errors import LanguageError
from .fsutil import atomic_write_bytes, project_lock, relative_path
from .i18n import _
from .languages import get_language
from .merge import merge, new_catalog
from .pofile import load_po
from .update import Change, plan_update


def add_language(project: Project, code: str) -> list[Change]:
    """Create empty catalogues with the right header and register the language."""
    language = get_language(code)
    if code in project.languages:
        raise LanguageError(
            _("the language '{code}' is already in the project").format(code=code),
            file=project.config_file.name,
            hint=_("run `leichtesprache update` to refresh its catalogues"),
        )
    with project_lock(project.root):
        writes: list[tuple[Path, bytes]] = []
        for plan in plan_update(project):
            if plan.path.suffix != ".pot":
                continue
            domain = plan.path.name[:-4]
            pot = read_pot(plan.data, f"locale/{domain}.pot")
            path = catalog_path(project.locale_dir, code, domain)
            if path.is_file():
                continue  # keep what a translator may already have sent
            merged, _stats = merge(new_catalog(pot, language, domain), pot, language)
            writes.append((path, format_catalog(merged)))
        config_text = _add_to_language_list(project, code)
        changes = []
        for path, data in writes:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)
            changes.append(Change(path, "created"))
        atomic_write_bytes(project.config_file, config_text.encode("utf-8"))
        changes.append(
            Change(project.config_file, "updated", (_("added '{code}'").format(code=code),))
        )
        seeded = seed_ui_translations(project, code)
        if seeded is not None:
            changes.append(Change(seeded, "updated", (_("template labels filled in"),)))
    return changes


def seed_ui_translations(project: Project, code: str) -> Path | None:
    """Fill empty template labels from the translations shipped with the default templates.

    A new project or language then builds at once; labels the project changed or added
    stay for its translators. Returns the catalogue if anything was filled.
    """
    path = catalog_path(project.locale_dir, code, UI_DOMAIN)
    shipped = catalog_path(defaults_dir() / "locale", code, UI_DOMAIN)
    if not path.is_file() or not shipped.is_file() or path.resolve() == shipped.resolve():
        return None
    known = {
        (e.msgctxt, e.msgid): e for e in load_po(shipped, label=str(shipped)) if is_translated(e)
    }
    po = load_po(path, label=relative_path(path, project.root))
    filled = 0
    for entry in po:
        source = known.get((entry.msgctxt, entry.msgid))
        if entry.obsolete or source is None or is_translated(entry):
            continue
        if entry.msgid_plural and source.msgid_plural:
            entry.msgstr_plural = dict(source.msgstr_plural)
        elif not entry.msgid_plural:
            entry.msgstr = source.msgstr
        else:
            continue
        filled += 1
    if not filled:
        return None
    atomic_write_bytes(path, format_catalog(po))
    return path


_LANGS_RE = re.compile(r"(?m)^(\s*languages\s*=\s*\[)([^\]]*)(\])")


def _add_to_language_list(project: Project, code: str) -> str:
    """The configuration text with ``code`` appended to ``languages = [...]``.

    The file is edited as text, not re-written from TOML, so the editor's comments and
    layout stay as they are.
    """
    text = project.config_file.read_text("utf-8")
    match = _LANGS_RE.search(text)
    if match is None:
        raise LanguageError(
            _("cannot find {setting} in the configuration").format(setting="'languages = [...]'"),
            file=project.config_file.name,
            hint=_("add {code} to the languages list by hand").format(code=f'"{code}"'),
        )
    inner = match.group(2).rstrip()
    sep = ", " if inner.strip() else ""
    return text[: match.start(2)] + f'{inner}{sep}"{code}"' + text[match.end(2) :]
