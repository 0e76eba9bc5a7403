"""The unit vocabulary: how units are written in news, and their canonical names.

Canonical names are what claims and reference tables share (`percent`, `year`,
ISO currency codes, `km2`, `ft`, plural counted nouns). Each physical unit also
names its pint expression so that verdicts can convert between compatible units
without a hand-written conversion table.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class UnitInfo:
    canonical: str
    dimension: str  # what it measures: 'percent', 'currency:USD', 'length', 'area', 'time', ...
    pint: str = ""  # pint expression, for units that convert


def _units(dimension: str, pint: str, canonical: str, *surfaces: str) -> dict[str, UnitInfo]:
    info = UnitInfo(canonical, dimension, pint)
    return {s: info for s in (canonical, *surfaces)}


# Surfaces are matched case-insensitively against the words after a number, longest
# first; symbols that are case-sensitive (M, G, K as prefixes) are in _CASE_SENSITIVE.
UNITS: dict[str, UnitInfo] = {
    **_units("percent", "", "percent", "per cent", "%", "pc", "percentage", "pct"),
    **_units("percentage_points", "", "percentage points", "percentage point", "points of percentage", "pp", "ppt",
             "ppts"),
    # area
    **_units("area", "kilometer**2", "km2", "sq km", "sq. km", "square kilometres", "square kilometers",
             "square kilometre", "square kilometer", "km²", "sqkm", "square km", "sq kilometres", "sq kilometers"),
    **_units("area", "mile**2", "mi2", "sq mi", "sq miles", "square miles", "square mile", "mi²", "sq. miles",
             "square mi"),
    **_units("area", "meter**2", "m2", "sq m", "square metres", "square meters", "square metre", "square meter", "m²",
             "square m"),
    **_units("area", "foot**2", "ft2", "sq ft", "square feet", "square foot", "sq. ft", "sq. ft.", "ft²"),
    **_units("area", "hectare", "ha", "hectares", "hectare"),
    **_units("area", "acre", "acres", "acre"),
    # length
    **_units("length", "kilometer", "km", "kilometres", "kilometers", "kilometre", "kilometer", "kms"),
    **_units("length", "mile", "mi", "miles", "mile"),
    **_units("length", "meter", "m", "metres", "meters", "metre", "meter"),
    **_units("length", "centimeter", "cm", "centimetres", "centimeters", "centimetre", "centimeter"),
    **_units("length", "millimeter", "mm", "millimetres", "millimeters", "millimetre", "millimeter"),
    **_units("length", "micrometer", "μm", "micrometres", "micrometers", "microns", "micron", "µm"),
    **_units("length", "foot", "ft", "feet", "foot"),
    **_units("length", "inch", "inches", "inch", "in.", "″"),
    **_units("length", "yard", "yards", "yard", "yds", "yd"),
    **_units("length", "nautical_mile", "nautical miles", "nautical mile", "nmi"),
    # mass
    **_units("mass", "kilogram", "kg", "kilograms", "kilogrammes", "kilogram", "kilos", "kgs"),
    **_units("mass", "gram", "g", "grams", "grammes", "gram"),
    **_units("mass", "milligram", "mg", "milligrams", "milligram"),
    **_units("mass", "metric_ton", "tonnes", "tonne", "metric tons", "metric ton"),
    **_units("mass", "gigatonne", "gigatonnes", "gigatonne", "gigatons", "gt"),
    **_units("mass", "megatonne", "megatonnes", "megatonne", "megatons", "mt"),
    **_units("mass", "ton", "tons", "ton"),
    **_units("mass", "pound", "lb", "lbs", "pounds", "pound"),
    **_units("mass", "ounce", "oz", "ounces", "ounce"),
    # volume
    **_units("volume", "liter", "l", "litres", "liters", "litre", "liter"),
    **_units("volume", "milliliter", "ml", "millilitres", "milliliters"),
    **_units("volume", "gallon", "gallons", "gallon", "gal"),
    **_units("volume", "oil_barrel", "barrels", "barrel", "bbl"),
    **_units("volume", "cubic_meter", "m3", "cubic metres", "cubic meters", "m³"),
    **_units("volume", "foot**3", "ft3", "cubic feet", "cubic foot", "cu ft", "ft³"),
    # speed
    **_units("speed", "mile/hour", "mph", "miles per hour", "miles an hour"),
    **_units("speed", "kilometer/hour", "km/h", "kph", "kmh", "kmph", "km/hr", "kilometres per hour",
             "kilometers per hour",
             "kilometres an hour", "kilometers an hour"),
    **_units("speed", "knot", "knots", "knot"),
    # temperature
    **_units("temperature", "degC", "°C", "degrees celsius", "degrees centigrade", "celsius", "ºc"),
    **_units("temperature", "degF", "°F", "degrees fahrenheit", "fahrenheit", "ºf"),
    **_units("angle_or_temperature", "", "degrees", "degree", "°"),
    # energy and power
    **_units("power", "watt", "W", "watts", "watt"),
    **_units("power", "kilowatt", "kW", "kilowatts", "kilowatt"),
    **_units("power", "megawatt", "MW", "megawatts", "megawatt"),
    **_units("power", "gigawatt", "GW", "gigawatts", "gigawatt"),
    **_units("power", "horsepower", "hp", "horsepower", "bhp", "ps", "PS"),
    # torque, as car reviews give it
    **_units("torque", "force_pound*foot", "lb-ft", "lb ft", "lbs-ft", "pound-feet", "pound-foot", "ft-lb", "ft-lbs"),
    **_units("energy", "kilowatt_hour", "kWh", "kilowatt hours", "kilowatt-hours"),
    **_units("energy", "megawatt_hour", "MWh", "megawatt hours", "megawatt-hours"),
    **_units("energy", "gigawatt_hour", "GWh", "gigawatt hours", "gigawatt-hours"),
    **_units("energy", "terawatt_hour", "TWh", "terawatt hours", "terawatt-hours"),
    **_units("energy", "kilocalorie", "calories", "calorie", "kcal"),
    **_units("electric", "volt", "V", "volts", "volt"),
    **_units("electric", "ampere", "A", "amps", "amperes"),
    **_units("electric", "farad", "F", "farads"),
    **_units("frequency", "hertz", "Hz", "hertz", "HZ"),
    **_units("frequency", "megahertz", "MHz", "megahertz", "mhz"),
    **_units("frequency", "gigahertz", "GHz", "gigahertz", "ghz"),
    **_units("frequency", "kilohertz", "kHz", "kilohertz", "khz"),
    **_units("data_rate", "megabit/second", "Mbps", "mbps", "megabits per second"),
    **_units("data_rate", "gigabit/second", "Gbps", "gbps", "gigabits per second"),
    **_units("electric_charge", "milliampere_hour", "mAh", "mah"),
    **_units("frequency", "revolutions_per_minute", "rpm", "revolutions per minute"),
    **_units("data", "gigabyte", "GB", "gigabytes"),
    **_units("data", "terabyte", "TB", "terabytes"),
    **_units("data", "megabyte", "MB", "megabytes"),
    **_units("concentration", "ppm", "ppm", "parts per million"),
    **_units("concentration", "ppb", "ppb", "parts per billion"),
    # fuel economy, pressure, finance
    **_units("fuel_economy", "mile/gallon", "mpg", "miles per gallon", "miles a gallon", "MPG"),
    **_units("pressure", "kip/inch**2", "ksi", "kilopounds per square inch"),
    **_units("pressure", "pound_force_per_square_inch", "psi", "pounds per square inch"),
    **_units("basis_points", "", "basis points", "basis point", "bps", "bp"),
    # sports statistics that box scores abbreviate after the number ("15.3 ppg")
    **_units("rate", "", "points/game", "ppg", "points per game"),
    **_units("rate", "", "rebounds/game", "rpg", "rebounds per game"),
    **_units("rate", "", "assists/game", "apg", "assists per game"),
    **_units("sport", "", "wins above replacement", "WAR"),
    # demographic and coverage rates, as the Factbook states them (and news spells them)
    **_units("rate", "", "births per 1000 people", "births per 1,000 people", "births per 1,000 population",
             "births per 1,000 inhabitants", "births per thousand"),
    **_units("rate", "", "deaths per 1000 people", "deaths per 1,000 people", "deaths per 1,000 population",
             "deaths per 1,000 inhabitants"),
    **_units("rate", "", "migrants per 1000 people", "migrants per 1,000 people", "migrants per 1,000 population"),
    **_units("rate", "", "deaths per 1000 live births", "deaths per 1,000 live births", "per 1,000 live births"),
    **_units("rate", "", "deaths per 100000 live births", "deaths per 100,000 live births",
             "per 100,000 live births"),
    **_units("rate", "", "physicians per 1000 people", "physicians per 1,000 people", "doctors per 1,000 people"),
    **_units("rate", "", "beds per 1000 people", "beds per 1,000 people", "hospital beds per 1,000 people"),
    **_units("rate", "", "children per woman", "children per women", "births per woman"),
    **_units("rate", "", "subscriptions per 100 people", "subscriptions per 100 inhabitants",
             "lines per 100 people"),
    # durations (a calendar year is the separate unit `year`)
    **_units("time", "year", "years", "year", "yrs", "year-old", "years-old", "year-olds"),
    **_units("time", "month", "months", "month"),
    **_units("time", "week", "weeks", "week"),
    **_units("time", "day", "days", "day"),
    **_units("time", "hour", "hours", "hour", "hrs", "hr"),
    **_units("time", "minute", "minutes", "minute", "mins", "min"),
    **_units("time", "second", "seconds", "second", "secs"),
    **_units("time", "decade", "decades", "decade"),
    **_units("time", "century", "centuries", "century"),
}

# Only these spellings match when the case agrees: "M" alone is not metres, "A" is an article.
CASE_SENSITIVE = frozenset({"W", "kW", "MW", "GW", "V", "A", "F", "Hz", "HZ", "MHz", "GHz", "GB", "TB", "MB",
                            "kWh", "MWh", "GWh", "TWh", "g", "m", "l", "mt", "gt", "ps", "PS", "pc", "in.", "WAR"})

# Singular spellings that only count as a unit after "1"/"one" or in compounds;
# after other numbers "a 5 day wait" is still days, so they are accepted everywhere.

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "$US": "USD", "$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
    "$A": "AUD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "£": "GBP", "€": "EUR",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₪": "ILS", "Rs": "INR", "Rs.": "INR", "RM": "MYR",
    "CHF": "CHF", "Y": "JPY",
}

CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "usd": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD", "taiwan dollars": "TWD",
    "pounds sterling": "GBP", "sterling": "GBP", "gbp": "GBP",
    "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY",
    "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnia's": "UAH", "shekels": "ILS", "shekel": "ILS",
    "ringgit": "MYR", "won": "KRW", "francs": "CHF", "swiss francs": "CHF", "chf": "CHF",
    "kroner": "NOK", "kronor": "SEK", "norwegian kroner": "NOK", "norwegian crowns": "NOK",
    "swedish kronor": "SEK", "swedish crowns": "SEK", "danish kroner": "DKK", "danish krone": "DKK",
    "danish crowns": "DKK", "chinese yuan": "CNY", "kuna": "HRK", "croatian kuna": "HRK",
    "pesos": "MXN", "rand": "ZAR", "lira": "TRY", "real": "BRL", "reais": "BRL", "zloty": "PLN",
    # sub-units: kept as their own units, the number is as stated ("50p" is 50 GBX)
    "pence": "GBX", "p": "GBX", "cents": "USX", "cent": "USX", "sen": "MYX",
}

CURRENCY_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "CAD", "AUD", "CHF", "INR", "RUB", "UAH", "HKD",
                            "SGD", "NZD", "KRW", "ILS", "MYR", "BRL", "ZAR", "MXN", "SEK", "NOK", "TRY", "PLN",
                            "TWD", "GBX", "USX", "MYX", "DKK", "HRK"})

_MAX_WORDS = max(len(s.split()) for s in UNITS)


def lookup_unit(words: list[str]) -> tuple[UnitInfo, int] | None:
    """The longest unit spelled by the first words of `words`, and how many words it took."""
    for n in range(min(_MAX_WORDS, len(words)), 0, -1):
        surface = " ".join(words[:n])
        for spelling in (surface, surface.replace(".", "")) if "." in surface else (surface,):
            if spelling in CASE_SENSITIVE:
                return UNITS[spelling], n
            lower = spelling.lower()
            if lower in CASE_SENSITIVE:  # "M" is not metres, "Mt" is not megatonnes
                continue
            info = UNITS.get(lower)
            if info is not None:
                return info, n
    return None


def unit_info(canonical: str) -> UnitInfo | None:
    """Information about a canonical unit name, or None for counted nouns and currencies."""
    info = UNITS.get(canonical)
    return info if info is not None and info.canonical == canonical else None


def dimension_of(unit: str) -> str:
    """What a canonical unit measures; counted nouns measure themselves ('count:troops')."""
    if unit in ("", "count"):
        return "count"
    if unit in CURRENCY_CODES:
        return f"currency:{unit}"
    if unit == "year":
        return "calendar_year"
    info = unit_info(unit)
    if info is not None:
        return info.dimension
    return f"count:{unit}"


def counted_head(unit: str) -> str:
    """The noun a counted-noun unit ends in ("shipping containers" -> "containers"); other units unchanged.
    The extractor keeps the words that name the kind of thing counted; the matcher compares heads."""
    if " " not in unit or "/" in unit or unit.startswith("per ") or not dimension_of(unit).startswith("count:"):
        return unit
    return unit.rsplit(" ", 1)[1]


# quantulum3's unit lexicon (MIT) extends ours for the rarer physical units
# ("newton metre", "psi", "lumen"). Its JSON is read directly: importing the
# quantulum3 parser costs seconds, the data alone a few milliseconds.
_QUANTULUM_SKIP_ENTITIES = frozenset({"currency", "dimensionless", "typographical element", "instance frequency"})


@lru_cache(maxsize=1)
def _quantulum_surfaces() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case surface -> unit name, case-sensitive symbol -> unit name)."""
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        return {}, {}
    path = Path(spec.submodule_search_locations[0]) / "units.json"
    try:
        units = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, {}
    surfaces: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for name, info in units.items():
        if info.get("entity") in _QUANTULUM_SKIP_ENTITIES:
            continue
        for surface in info.get("surfaces", []):
            if len(surface) > 3:
                surfaces.setdefault(surface.lower(), name)
                surfaces.setdefault(surface.lower() + "s", name)
        for symbol in info.get("symbols", []):
            if len(symbol) >= 2 and not symbol.isalpha() or len(symbol) >= 2 and not symbol.islower():
                symbols.setdefault(symbol, name)
    return surfaces, symbols


def lookup_quantulum_unit(words: list[str]) -> tuple[str, int] | None:
    """A unit named in quantulum3's lexicon by the first words, and how many words it took."""
    surfaces, symbols = _quantulum_surfaces()
    for n in range(min(3, len(words)), 0, -1):
        phrase = " ".join(words[:n])
        if phrase in symbols:
            return symbols[phrase], n
        if phrase.lower() in surfaces and phrase.lower() not in UNITS:
            return surfaces[phrase.lower()], n
    return None
