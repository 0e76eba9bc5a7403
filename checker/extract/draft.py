"""The quantity being assembled while the extractor reads a number and the words around it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Draft:
    """A quantity being assembled; turned into a Claim at the end."""

    first: int
    last: int
    value: float
    decimals: int
    unit: str = ""
    unit_text: str = ""
    currency: str = ""
    qualifier: str = "exact"
    high: float | None = None
    kind: str = "digits"
    scaled: bool = False
    date: str = ""
