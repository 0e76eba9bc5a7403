"""Stage 2, match: which reference row (if any) a claim is about."""

from __future__ import annotations

from checker.match.matcher import attributed_to, is_change_amount, match_claim, metric_score, units_compatible

__all__ = ["attributed_to", "is_change_amount", "match_claim", "metric_score", "units_compatible"]
