"""leichtesprache: one easy-language publication, brochures in many languages."""

from __future__ import annotations

from .errors import LeichteSpracheError

__version__ = "0.1.0"

__all__ = ["LeichteSpracheError", "__version__"]
