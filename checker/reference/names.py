"""The one way names are folded into index keys: tables, aliases, the matcher and the
build script all call `normalise_name`, so a name written two ways meets itself."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s]|_")


def normalise_name(s: str) -> str:
    """Fold a place or entity name to the form used as an index key.

    "The United Kingdom" -> "united kingdom", "Côte d’Ivoire" -> "cote d ivoire".
    Punctuation (apostrophes, hyphens, dots) becomes a space rather than vanishing
    so "Guinea-Bissau" and "Guinea Bissau" meet, and a leading "the" is dropped
    because articles write "the Netherlands" and tables write "Netherlands".
    """
    s = s.casefold()
    if not s.isascii():  # most names are ASCII; skip the costly decomposition for them
        # casefold first ("İ" folds to "i" + combining dot, dropped below) and
        # again after, as NFKD can yield capitals ("ℌ" -> "H").
        decomposed = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    folded = " ".join(_NON_WORD.sub(" ", s).split())
    while folded.startswith("the "):  # repeated so normalising twice changes nothing
        folded = folded[4:]
    return folded
