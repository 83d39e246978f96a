"""Easy-language checker: rules with positions and explanations, readability metrics.

The public names the CLI and the build use: ``Finding``, ``CheckResult``, ``TextUnit``,
``check_units``, ``check_files``; reports live in ``readability.report`` (``format_text``,
``format_json``, ``format_html``). Publications and catalogues are checked through the
translated model in ``leichtesprache.check``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import CheckResult, Finding, TextUnit

if TYPE_CHECKING:
    from .engine import check_units, language_rules
    from .sources import check_files


def __getattr__(name: str) -> Any:
    """The rules are imported when first used: ``status`` and a cached ``check`` need only
    the model, and the rules with their word lists cost a tenth of a second to import."""
    if name in ("check_units", "language_rules"):
        from . import engine

        return getattr(engine, name)
    if name == "check_files":
        from .sources import check_files

        return check_files
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CheckResult",
    "Finding",
    "TextUnit",
    "check_files",
    "check_units",
    "language_rules",
]
