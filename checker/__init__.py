"""Fact-figure checker: find the numeric claims in an article and check them
against curated reference tables.

    >>> from checker import check_text, load_reference
    >>> report = check_text("Ukraine covers 603,550 sq km.", reference=load_reference())
    >>> [(c.claim.value, c.claim.unit, c.verdict) for c in report.claims]
    [(603550.0, 'km2', 'supported')]
"""

from __future__ import annotations

import importlib
from typing import Any

# Names are resolved on first use so that `import checker` stays cheap: the CLI's
# cold start matters, and not every caller needs every stage.
_EXPORTS = {
    "CheckerError": "checker.errors",
    "InputError": "checker.errors",
    "ReferenceTableError": "checker.errors",
    "CheckedClaim": "checker.models",
    "Claim": "checker.models",
    "Match": "checker.models",
    "ReferenceRow": "checker.models",
    "Report": "checker.models",
    "check_text": "checker.pipeline",
    "extract_claims": "checker.extract",
    "Reference": "checker.reference",
    "load_reference": "checker.reference",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
