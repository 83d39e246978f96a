"""Easy-language checker: rules with positions and explanations, readability metrics.

The public names the CLI and the build use: ``Finding``, ``CheckResult``, ``TextUnit``,
``check_units``, ``check_files``, ``check_catalog``, ``check_project``; reports live in
``readability.report`` (``format_text``, ``format_json``, ``format_html``).
"""

from __future__ import annotations

from .engine import check_units, language_rules
from .model import CheckResult, Finding, TextUnit
from .sources import check_catalog, check_files, check_project

__all__ = [
    "CheckResult",
    "Finding",
    "TextUnit",
    "check_catalog",
    "check_files",
    "check_project",
    "check_units",
    "language_rules",
]
