"""The columns of the batch output: one row per claim, one row per article.

The types are fixed here rather than inferred, so that every partition file has the
same schema (a partition where no claim matched a row would otherwise type the
reference columns as null) and the folder reads as one dataset.
"""

from __future__ import annotations

import pyarrow as pa

from checker.output.report import REPORT_FIELDS

_INTEGERS = frozenset({"start", "end", "decimals", "reference_line"})
_FLOATS = frozenset({"value", "value_high", "match_score", "reference_value", "reference_value_low",
                     "reference_value_high"})


def _type(name: str) -> pa.DataType:
    if name in _INTEGERS:
        return pa.int64()
    if name in _FLOATS:
        return pa.float64()
    return pa.string()


# The article's id and url, then every column of the CSV report (the claim, the
# matched reference row flattened as reference_*, and the article's date and its source).
CLAIM_SCHEMA = pa.schema([("article_id", pa.string()), ("article_url", pa.string()),
                          *((name, _type(name)) for name in REPORT_FIELDS)])

# One row per article, also for an article that could not be checked (`error` says why).
ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("article_date", pa.string()),
    ("article_date_source", pa.string()),
    ("bytes", pa.int64()),  # the article's text (as checked) in UTF-8 bytes
    ("claims", pa.int64()),
    ("supported", pa.int64()),
    ("contradicted", pa.int64()),
    ("unverified", pa.int64()),
    ("error", pa.string()),
])
