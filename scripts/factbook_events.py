"""The Factbook's independence entry -> one dated event per date it names.

    >>> for e in parse_events("1 December 1918 (became a sovereign state under the Danish Crown); "
    ...                       "17 June 1944 (from Denmark; birthday of Jon SIGURDSSON)"):
    ...     print(e.metric, e.as_of, e.value)
    sovereign state under the Danish Crown 1918-12-01 1918
    independence from Denmark 1944-06-17 1944

An entry is a list of events separated by ';' (or ',' inside "notable earlier
dates: ..."). Each event is a date followed by a parenthesised description
("17 June 1944 (from Denmark)"), a bare date ("17 March 1861"), or a clause
with the date at its end ("West Germany and East Germany unified on 3 October
1990"). Dates named inside a description ("... which became independent from
the UK on 26 June 1960") stay in that event's notes and give no row of their own.
The metric name is made from the description: "from X" -> "independence from
X", "declared ..." -> "independence declared ...", "recognized by X" ->
"independence recognised by X", "establishment of X" -> "X established";
otherwise the description itself with the Factbook's upper-case surnames in
title case. B.C. dates give no row: `as_of` is an ISO date and `value` a
calendar year, and neither can express them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}

# A date as the Factbook writes it: "17 June 1944", "14-15 May 1811", "June 1944",
# "1839", "ca. 965", "A.D. 1008", "321 B.C.".
_DATE = (r"(?P<ca>ca\.\s*)?(?:A\.D\.\s*)?"
         r"(?:(?P<day>\d{1,2})(?:-\d{1,2})?\s+)?(?:(?P<month>" + "|".join(m.title() for m in MONTHS) + r")\s+)?"
         r"(?P<year>\d{1,4})(?!\d|,\d)(?P<bc>\s*B\.C\.)?")
_LEADING_DATE = re.compile(r"^" + _DATE + r"\s*(?:\((?P<desc>.*)|$)", re.S)
_TRAILING_DATE = re.compile(r"^(?P<clause>.*?)\s+(?:on|in)\s+" + _DATE + r"(?P<tail>.*)$", re.S)
_PREFIX = re.compile(r"^(?P<label>notable earlier dates?|no official date of independence)\s*:\s*", re.I)

# Where the description cannot be turned into a plain name by the rules below,
# the name and the words news uses, keyed by (Factbook code, year). Each entry says why.
OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    # A prose clause: "West Germany and East Germany unified on 3 October 1990";
    # news calls it reunification, which the words themselves never say.
    ("gm", "1990"): ("reunification", "reunification|reunified|reunited|German unity|unification|unified"),
    # "divided into four zones of occupation (...) in 1945": the parenthesis lists the powers.
    ("gm", "1945"): ("division into four zones of occupation", "occupation zones|divided|occupied|occupation"),
    # "from a merger of British Somaliland, which became independent ... to form the
    # Somali Republic": the event is the union forming the Somali Republic.
    ("so", "1960"): ("Somali Republic formed", "independence|independent|Somali Republic|union|merger|unification"),
}

_ALIASES = {
    "independence": "independence|independent|became independent|gained independence|won independence",
    "declared": "declared independence|declaration of independence|proclaimed independence|independence|declared",
    "recognised": "recognised|recognized|recognition|independence recognised|independence recognized|independence",
    "republic": "republic|proclaimed a republic|became a republic|republic declared|republic proclaimed",
    "constitution": "constitution|constitution adopted|new constitution",
    "sovereign": "sovereign|sovereignty|sovereign state|self-rule",
    "unified": "unification|unified|united|unite|merger|merged",
    "founded": "founded|founding|established|establishment|formed|created|proclaimed",
}
_KEEP_UPPER = frozenset({"UK", "US", "UN", "USSR", "FRG", "GDR", "SFSR"})


@dataclass(frozen=True)
class Event:
    metric: str
    value: str  # the calendar year
    as_of: str  # YYYY-MM-DD, YYYY-MM or YYYY (zero-padded)
    notes: str  # the Factbook's words for this event
    metric_aliases: str


def split_events(text: str) -> list[str]:
    """Top-level ';' parts; ',' also separates parts in a 'notable earlier dates:' list."""
    parts: list[str] = []
    depth = 0
    start = 0
    in_list = False
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == ";" or (ch == "," and in_list and _starts_with_date(text[i + 1:]))):
            parts.append(text[start:i])
            start = i + 1
        # An unclosed parenthesis (Romania's "(independence proclaimed from the
        # Ottoman Empire; 13 July 1878 (...)") ends where the next dated event starts.
        elif depth > 0 and ch == ";" and _starts_with_date(text[i + 1:]) and "(" in text[i + 1:i + 60]:
            parts.append(text[start:i])
            start = i + 1
            depth = 0
        if depth == 0 and _PREFIX.match(text[start:].lstrip()) and re.search(r"dates?\s*:\s*$", text[start:i + 1]):
            in_list = True
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _starts_with_date(text: str) -> bool:
    m = re.match(r"\s*" + _DATE, text)
    return bool(m and (m["month"] or m["ca"] or len(m["year"]) >= 3))


def _iso(year: str, month: str | None, day: str | None) -> str:
    iso = year.zfill(4)
    if month:
        iso += f"-{MONTHS[month.casefold()]:02d}"
        if day:
            iso += f"-{int(day):02d}"
    return iso


def _title_surnames(text: str) -> str:
    return re.sub(r"\b[A-Z]{4,}\b", lambda m: m.group(0) if m.group(0) in _KEEP_UPPER else m.group(0).title(), text)


def name_event(description: str) -> tuple[str, str]:
    """A description in the Factbook's words -> (metric name, metric aliases)."""
    d = description.split(";")[0].strip().rstrip(".")
    d = re.sub(r"^the\s+", "", d)
    low = d.casefold()
    if not d:
        return "independence", _ALIASES["independence"]
    m = re.match(r"(?:(declared|proclaimed) independence|(declared|proclaimed)|independence (declared|proclaimed))"
                 r"(?: (from .+))?$", d, re.I)
    if m:
        verb = (m.group(1) or m.group(2) or m.group(3)).casefold()
        return " ".join(filter(None, ("independence", verb, m.group(4)))), _ALIASES["declared"]
    m = re.match(r"(?:independence )?recognized by (.+)$", d, re.I)
    if m:
        return f"independence recognised by {m.group(1)}", _ALIASES["recognised"]
    m = re.match(r"(?:complete |full )?independence (from .+)$", d, re.I)
    if m:
        return f"independence {m.group(1)}", _ALIASES["independence"]
    if low.startswith("from "):
        return f"independence {d}", _ALIASES["independence"]
    if re.match(r"(?:adopted|endorsed) by ", d, re.I):  # "(adopted by the Supreme Council of Azerbaijan)"
        return f"independence {d}", _ALIASES["declared"]
    m = re.match(r"(?:establishment|founding) of (?:the )?(.+)$", d, re.I)
    if m:
        return f"{_title_surnames(m.group(1))} established", _ALIASES["founded"]
    if re.match(r"following ", d, re.I):  # Israel: "(following League of Nations mandate ...)"
        return f"independence {d}", _ALIASES["independence"]
    d = re.sub(r"^as an? ", "", d)  # "(as an autonomous principality within the Ottoman Empire)"
    d = re.sub(r"\s*\[[^\]]*\]", "", d).split(":")[0].strip()  # Yemen's bracketed names; a list after ':'
    low = d.casefold()
    m = re.match(r"became an? (sovereign state .+)$", d, re.I)
    if m:
        return m.group(1), _ALIASES["sovereign"]
    name = _title_surnames(d)
    for kind, pattern in (("republic", r"\brepublic (?:proclaimed|declared)\b"),
                          ("constitution", r"\bconstitution\b"),
                          ("sovereign", r"\bsovereign"),
                          ("recognised", r"\brecogni[sz]e"),
                          ("declared", r"\bdeclared independence\b"),
                          ("unified", r"\bunif|\bunited\b|\bunion\b|\bmerger\b"),
                          ("independence", r"\bindependen")):
        if re.search(pattern, low):
            return name, _ALIASES[kind]
    return name, _ALIASES["founded"]


def parse_events(text: str, code: str = "") -> list[Event]:
    """Every dated event in an independence entry, in the entry's order."""
    events: list[Event] = []
    caveats: list[str] = []
    prefix_note = ""
    for part in split_events(text):
        label = _PREFIX.match(part)
        if label:
            if label["label"].casefold().startswith("no official"):
                prefix_note = "no official date of independence"
            part = part[label.end():]
        m = _LEADING_DATE.match(part)
        if m:
            desc = m["desc"] or ""
            desc = desc[:-1] if desc.endswith(")") and desc.count("(") < desc.count(")") else desc
        else:
            m = _TRAILING_DATE.match(part)
            if not m:
                caveats.append(part)  # no date: a remark on the whole entry ("not acknowledged ...")
                continue
            desc = re.sub(r"\s*\([^()]*\)", "", m["clause"]).strip()
        if m["bc"]:
            continue
        year = str(int(m["year"]))
        name, aliases = OVERRIDES.get((code, year)) or name_event(desc)
        words = part.strip()
        if prefix_note:
            words = f"{prefix_note}: {words}"
        events.append(Event(name, year, _iso(m["year"], m["month"], m["day"]), words, aliases))
    if caveats:
        tail = "; ".join(caveats)
        events = [Event(e.metric, e.value, e.as_of, f"{e.notes}; entry also says: {tail}", e.metric_aliases)
                  for e in events]
    # Two events that the rules name alike ("independence from Soviet Russia" twice
    # never happens, but "republic proclaimed" can): keep the names apart by year.
    seen: dict[str, int] = {}
    for e in events:
        seen[e.metric] = seen.get(e.metric, 0) + 1
    return [Event(f"{e.metric} ({e.value})" if seen[e.metric] > 1 else e.metric, e.value, e.as_of, e.notes,
                  e.metric_aliases) for e in events]
