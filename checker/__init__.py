"""Fact-figure checker: find the numeric claims in an article and check them
against curated reference tables.

    >>> from checker import check_text, load_reference
    >>> report = check_text("Ukraine covers 603,550 sq km.", reference=load_reference())
    >>> [(c.claim.value, c.claim.unit, c.verdict) for c in report.claims]
    [(603550.0, 'km2', 'supported')]
"""

from checker.errors import CheckerError, InputError, ReferenceTableError
from checker.models import CheckedClaim, Claim, Match, ReferenceRow, Report
from checker.pipeline import check_text
from checker.reference import Reference, load_reference

__all__ = [
    "CheckedClaim",
    "CheckerError",
    "Claim",
    "InputError",
    "Match",
    "Reference",
    "ReferenceRow",
    "ReferenceTableError",
    "Report",
    "check_text",
    "load_reference",
]
