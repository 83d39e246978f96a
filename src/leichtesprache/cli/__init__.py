"""The command line: parse options, call one library function, map errors to exit codes.

``app`` holds the group, the global options (the tool's language among them) and the
error handling; ``commands`` and ``project_commands`` add the commands to it.
"""

from __future__ import annotations

from . import commands, project_commands
from .app import cli, handle_errors, main, project_option

__all__ = ["cli", "commands", "handle_errors", "main", "project_commands", "project_option"]
