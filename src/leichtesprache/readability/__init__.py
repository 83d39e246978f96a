"""Easy-language checker: rules with positions and explanations, readability metrics.

The public names the CLI and the build use: ``Finding``, ``CheckResult``, ``TextUnit``,
``check_units``, ``check_files``; reports live in ``readability.report`` (``format_text``,
``format_json``, ``format_html``). Publications and catalogues are checked through the
translated model in ``leichtesprache.check``.
"""

from __future__ import annotations

from .engine import check_units, language_rules
from .model import CheckResult, Finding, TextUnit
from .sources import check_files

__all__ = [
    "CheckResult",
    "Finding",
    "TextUnit",
    "check_files",
    "check_units",
    "language_rules",
]
