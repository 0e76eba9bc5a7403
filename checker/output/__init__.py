"""Stage 4, output: a Report as JSON, CSV or a terminal table."""

from __future__ import annotations

from checker.output.report import REPORT_FIELDS, report_to_dict, summary_counts, to_csv, to_json, to_table

__all__ = ["REPORT_FIELDS", "report_to_dict", "summary_counts", "to_csv", "to_json", "to_table"]
