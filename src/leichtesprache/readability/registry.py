"""Where the checker's languages come from: one module per language in ``readability.languages``.

A language module is found by its name, the language code (``de.py`` for ``de`` and ``de_AT``).
It exports ``PROFILE`` (a ``Profile``: word lists, counters, formulas, settings) and may export
``RULES`` (rule id -> rule), which add to or replace the shared rules. Adding a language to the
checker is adding one module there; nothing else changes.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import languages as _package
from .base import Profile, Rule


@dataclass(frozen=True)
class CheckerLanguage:
    """What one language module declares."""

    code: str
    profile: Profile
    rules: Mapping[str, Rule] = field(default_factory=dict)


def base_code(language: str) -> str:
    """The language without region or script: "de" for "de_AT", "pt" for "pt-BR"."""
    return language.replace("-", "_").split("_")[0].lower()


def codes() -> tuple[str, ...]:
    """Codes of every language module, in name order."""
    return _codes(tuple(_package.__path__))


@lru_cache(maxsize=8)
def _codes(path: tuple[str, ...]) -> tuple[str, ...]:
    # Keyed on the search path, so a folder added to it (a plug-in, a test) is seen.
    return tuple(sorted({m.name for m in pkgutil.iter_modules(path) if not m.name.startswith("_")}))


def find(language: str) -> CheckerLanguage | None:
    """The module of a language, or None when the checker has none (generic rules only)."""
    code = base_code(language)
    if code not in codes():
        return None
    return _load(code)


@lru_cache(maxsize=64)
def _load(code: str) -> CheckerLanguage:
    module: Any = importlib.import_module(f"{_package.__name__}.{code}")
    profile = module.PROFILE
    if not isinstance(profile, Profile):
        raise TypeError(f"{module.__name__}.PROFILE is not a Profile")
    return CheckerLanguage(code, profile, dict(getattr(module, "RULES", {})))


def every() -> list[CheckerLanguage]:
    """Every language module (imports them all: for rule ids and settings, not per check)."""
    return [_load(code) for code in codes()]
