"""Stage 1, extract: text -> Claims. The scan loop is `scanner`; beside it the
modules it calls, in the order a number is read: `sentences` and `tokens` (where
to look), `number_phrases` and `numbers` (the number), `unit_phrases` and `units`
(its unit), `qualifiers` (hedges, bounds, rise or fall), `years` (calendar years
and dates), `non_quantities` (what only looks like a quantity), `draft` (a claim
being assembled)."""

from __future__ import annotations

from checker.extract.scanner import extract_claims, with_offset

__all__ = ["extract_claims", "with_offset"]
