"""Stage 2, match: which reference row (if any) a claim is about."""

from __future__ import annotations

from checker.match.matcher import (
    Decision,
    attributed_to,
    decide,
    is_change_amount,
    match_claim,
    match_claims,
    units_compatible,
)

__all__ = ["Decision", "attributed_to", "decide", "is_change_amount", "match_claim", "match_claims",
           "units_compatible"]
