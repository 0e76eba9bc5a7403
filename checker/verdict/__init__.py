"""Stage 3, verdict: supported, contradicted or unverified, with the rule that
decided and a note that says why."""

from __future__ import annotations

from checker.verdict.judge import (
    DEFAULT_APPROX_TOLERANCE,
    DEFAULT_ESTIMATE_TOLERANCE,
    VerdictOptions,
    claim_interval,
    in_row_unit,
    judge,
)

__all__ = [
    "DEFAULT_APPROX_TOLERANCE",
    "DEFAULT_ESTIMATE_TOLERANCE",
    "VerdictOptions",
    "claim_interval",
    "in_row_unit",
    "judge",
]
