"""The curated reference tables: reading and validating them (`tables`), keeping
them parsed between runs (`cache`), other names for places (`aliases`), folding
names into index keys (`names`), the loaded, indexed whole (`index`) and finding
and loading the tables (`load`)."""

from __future__ import annotations

from checker.reference.cache import CACHE_ENV_VAR, CACHE_VERSION, cache_dir
from checker.reference.index import ENTITY_TYPE_COLUMN, AliasFunction, Reference
from checker.reference.load import DEFAULT_REFERENCE_DIR, load_reference, reference_from_bytes
from checker.reference.names import normalise_name
from checker.reference.tables import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, decode_table, parse_number, parse_table

__all__ = [
    "CACHE_ENV_VAR",
    "CACHE_VERSION",
    "DEFAULT_REFERENCE_DIR",
    "ENTITY_TYPE_COLUMN",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "AliasFunction",
    "Reference",
    "cache_dir",
    "decode_table",
    "load_reference",
    "normalise_name",
    "parse_number",
    "parse_table",
    "reference_from_bytes",
]
