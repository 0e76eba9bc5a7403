"""Which Factbook fields become metrics, in which unit, and how their text is read.

Each `Metric` names a field by its path in the Factbook JSON ("Economy",
"Inflation rate (consumer prices)") and the words its figure must be written
with ("%", "sq km", "births/1,000 population"). A field is either one figure
("84 years (2024 est.)") or a series, one child per year ("Inflation rate
(consumer prices) 2024": "5.9% (2024 est.)"); every year of a series becomes its
own row. A figure whose text does not fit the expected shape exactly is left
out rather than guessed at ("NA", "122 sq km Saint Helena Island", "0 km
(landlocked)" is kept: a parenthesis that is not a year is allowed only where
`extra` says so).

    >>> read_figure(METRICS_BY_NAME["inflation rate"], "5.9% (2024 est.)")
    ('5.9', '2024')
    >>> read_figure(METRICS_BY_NAME["exports"], "-$845.319 million (2024 est.)")
    ('-845319000', '2024')
    >>> read_figure(METRICS_BY_NAME["highest point"], "Hvannadalshnukur (at Vatnajokull Glacier) 2,110 m")
    ('2110', '')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_SCALE = {"": Decimal(1), "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6,
          "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}


@dataclass(frozen=True)
class Metric:
    name: str
    path: tuple[str, ...]
    unit: str
    words: str  # regex for the unit as the Factbook writes it, after the number
    aliases: str
    money: bool = False  # the figure starts with "$"
    name_first: bool = False  # "Hvannadalshnukur 2,110 m": the figure ends the text
    extra: str = ""  # regex for words allowed between the unit and the year
    tail: str = ""  # regex for words allowed after the year ("3,448 km electrified")


def M(name: str, path: tuple[str, ...], unit: str, words: str, aliases: str, **kw) -> Metric:
    return Metric(name, path, unit, words, aliases, **kw)


PCT = r"%"
PCT_GDP = r"%(?: of GDP| \(of GDP\))?"
USD = r""
# Rates per 1,000 people and similar ratios: unit strings that say what is counted
# per what. checker/units.py does not know these (see reference_data/README.md).
PER_1000 = "per 1000 people"

METRICS: tuple[Metric, ...] = (
    # ---------------------------------------------------------------- geography
    M("area", ("Geography", "Area", "total"), "km2", r"sq km",
      # No unit words ("square kilometres"): a km2 figure names an area by its unit alone,
      # and a land or water area is written in km2 too.
      "area|territory|size|covers|total area"),
    M("land area", ("Geography", "Area", "land"), "km2", r"sq km", "land area|land"),
    M("water area", ("Geography", "Area", "water"), "km2", r"sq km",
      "water area|water|lakes|inland water|water surface"),
    M("coastline", ("Geography", "Coastline"), "km", r"km", "coastline|coast|shoreline|coastal",
      extra=r"(?:\s*\([^()]*\))?"),
    M("land boundaries", ("Geography", "Land boundaries", "total"), "km", r"km",
      "land boundaries|land border|land borders|border|borders|frontier"),
    M("highest point", ("Geography", "Elevation", "highest point"), "m", r"m",
      "highest point|highest peak|highest mountain|tallest mountain|summit|peak|elevation", name_first=True,
      extra=r"(?:\s*\([^()]*\))?"),
    M("lowest point", ("Geography", "Elevation", "lowest point"), "m", r"m",
      "lowest point|below sea level|lowest|depression", name_first=True,
      extra=r"(?:\s*\([^()]*\))?"),
    M("mean elevation", ("Geography", "Elevation", "mean elevation"), "m", r"m",
      "mean elevation|average elevation|above sea level|elevation|altitude"),
    M("agricultural land", ("Geography", "Land use", "agricultural land"), "percent", PCT,
      "agricultural land|farmland|agriculture|agricultural"),
    M("arable land", ("Geography", "Land use", "agricultural land: arable land"), "percent",
      r"%", "arable land|arable|cropland", extra=""),
    M("forest cover", ("Geography", "Land use", "forest"), "percent", PCT,
      "forest cover|forest|forests|forested|woodland|tree cover"),
    M("irrigated land", ("Geography", "Irrigated land"), "km2", r"sq km", "irrigated land|irrigated|irrigation"),
    # ------------------------------------------------------- people and society
    M("population", ("People and Society", "Population", "total"), "people", r"",
      "population|people|inhabitants|residents|citizens"),
    M("median age", ("People and Society", "Median age", "total"), "years", r"years",
      "median age|average age|median"),
    M("population growth rate", ("People and Society", "Population growth rate"), "percent", PCT,
      "population growth rate|population growth|population grew|population grows|growth rate"),
    M("birth rate", ("People and Society", "Birth rate"), "births per 1000 people", r"births/1,000 population",
      "birth rate|births|birthrate|crude birth rate|births per 1,000"),
    M("death rate", ("People and Society", "Death rate"), "deaths per 1000 people", r"deaths/1,000 population",
      "death rate|deaths|mortality rate|crude death rate|deaths per 1,000"),
    M("net migration rate", ("People and Society", "Net migration rate"), "migrants per 1000 people",
      r"migrant\(s\)/1,000 population", "net migration rate|net migration|migration|emigration|immigration"),
    M("total fertility rate", ("People and Society", "Total fertility rate"), "children per woman",
      r"children born/woman", "fertility rate|total fertility rate|fertility|children per woman|births per woman"),
    M("infant mortality rate", ("People and Society", "Infant mortality rate", "total"),
      "deaths per 1000 live births", r"deaths/1,000 live births",
      "infant mortality|infant mortality rate|infant deaths|babies die"),
    M("maternal mortality ratio", ("People and Society", "Maternal mortality ratio"),
      "deaths per 100000 live births", r"deaths/100,000 live births",
      "maternal mortality|maternal mortality ratio|maternal deaths|mothers die"),
    M("life expectancy at birth", ("People and Society", "Life expectancy at birth", "total population"),
      "years", r"years", "life expectancy|life expectancy at birth|expected to live|live to|lifespan"),
    M("life expectancy at birth, male", ("People and Society", "Life expectancy at birth", "male"),
      "years", r"years", "male life expectancy|men live|life expectancy for men|life expectancy of men"),
    M("life expectancy at birth, female", ("People and Society", "Life expectancy at birth", "female"),
      "years", r"years", "female life expectancy|women live|life expectancy for women|life expectancy of women"),
    M("urban population share", ("People and Society", "Urbanization", "urban population"), "percent",
      r"% of total population", "urban population|urban|live in cities|urbanisation|urbanization|city dwellers"),
    M("mother's mean age at first birth", ("People and Society", "Mother's mean age at first birth"), "years",
      r"years", "mean age at first birth|age at first birth|first child|first-time mothers"),
    M("adult obesity rate", ("People and Society", "Obesity - adult prevalence rate"), "percent", PCT,
      "obesity|obese|obesity rate|adult obesity"),
    M("health expenditure", ("People and Society", "Health expenditure", "Health expenditure (as % of GDP)"),
      "percent", r"% of GDP", "health expenditure|health spending|spending on health|healthcare spending"),
    M("education expenditure", ("People and Society", "Education expenditure", "Education expenditure (% GDP)"),
      "percent", r"% of GDP", "education expenditure|education spending|spending on education"),
    M("physician density", ("People and Society", "Physician density"), "physicians per 1000 people",
      r"physicians/1,000 population", "physicians|doctors|physician density|doctors per 1,000"),
    M("hospital bed density", ("People and Society", "Hospital bed density"), "beds per 1000 people",
      r"beds/1,000 population", "hospital beds|beds|hospital bed density|beds per 1,000"),
    M("literacy rate", ("People and Society", "Literacy", "total population"), "percent", PCT,
      "literacy|literacy rate|literate|can read and write"),
    M("tobacco use", ("People and Society", "Tobacco use", "total"), "percent", PCT,
      "tobacco use|smokers|smoking|smoke|tobacco"),
    M("alcohol consumption per capita", ("People and Society", "Alcohol consumption per capita", "total"), "l",
      r"liters of pure alcohol", "alcohol consumption|alcohol|drinks|litres of pure alcohol|liters of pure alcohol"),
    M("drinking water access", ("People and Society", "Drinking water source", "improved: total"), "percent",
      r"% of population",
      "drinking water|safe water|clean water|access to water|improved water"),
    M("sanitation access", ("People and Society", "Sanitation facility access", "improved: total"), "percent",
      r"% of population", "sanitation|toilets|improved sanitation"),
    # ----------------------------------------------------------------- economy
    M("GDP", ("Economy", "GDP (official exchange rate)"), "USD", USD,
      "GDP|gross domestic product|economy|nominal GDP|GDP at official exchange rates", money=True),
    M("GDP (PPP)", ("Economy", "Real GDP (purchasing power parity)"), "USD", USD,
      "GDP (PPP)|purchasing power parity|PPP|GDP at purchasing power parity|real GDP|economy", money=True),
    M("GDP per capita (PPP)", ("Economy", "Real GDP per capita"), "USD", USD,
      "GDP per capita|per capita|per head|per person|income per head|GDP per head", money=True),
    M("real GDP growth rate", ("Economy", "Real GDP growth rate"), "percent", PCT,
      "GDP growth|economic growth|economy grew|growth|grew|expanded|contracted|shrank|real GDP growth"),
    M("inflation rate", ("Economy", "Inflation rate (consumer prices)"), "percent", PCT,
      "inflation|inflation rate|consumer prices|prices rose|price growth|CPI"),
    M("unemployment rate", ("Economy", "Unemployment rate"), "percent", PCT,
      "unemployment|unemployment rate|jobless|jobless rate|out of work"),
    M("youth unemployment rate", ("Economy", "Youth unemployment rate (ages 15-24)", "total"), "percent", PCT,
      "youth unemployment|young people unemployed|youth jobless|unemployment among young people"),
    M("public debt", ("Economy", "Public debt"), "percent", r"% of GDP",
      "public debt|government debt|national debt|debt|debt-to-GDP|state debt"),
    M("budget revenues", ("Economy", "Budget", "revenues"), "USD", USD,
      "budget revenues|government revenue|revenues|revenue|state revenue", money=True),
    M("budget expenditures", ("Economy", "Budget", "expenditures"), "USD", USD,
      "budget expenditures|government spending|public spending|expenditures|spending|budget", money=True),
    M("tax revenue", ("Economy", "Taxes and other revenues"), "percent", r"% \(of GDP\)",
      "tax revenue|taxes|tax take|tax-to-GDP|revenues"),
    M("current account balance", ("Economy", "Current account balance"), "USD", USD,
      "current account|current account balance|current account deficit|current account surplus", money=True),
    M("exports", ("Economy", "Exports"), "USD", USD,
      "exports|exported|export|sales abroad|shipments abroad", money=True),
    M("imports", ("Economy", "Imports"), "USD", USD, "imports|imported|import|purchases abroad", money=True),
    M("foreign exchange reserves", ("Economy", "Reserves of foreign exchange and gold"), "USD", USD,
      "reserves|foreign exchange reserves|foreign reserves|forex reserves|gold reserves|currency reserves",
      money=True),
    M("external debt", ("Economy", "Debt - external"), "USD", USD,
      "external debt|foreign debt|debt owed abroad|owes foreign creditors", money=True),
    M("remittances", ("Economy", "Remittances"), "percent", r"% of GDP",
      "remittances|money sent home|transfers from abroad"),
    M("labor force", ("Economy", "Labor force"), "people", r"",
      "labor force|labour force|workforce|workers|working population"),
    M("industrial production growth rate", ("Economy", "Industrial production growth rate"), "percent", PCT,
      "industrial production|industrial output|industrial growth|factory output"),
    M("agriculture share of GDP", ("Economy", "GDP - composition, by sector of origin", "agriculture"), "percent",
      PCT, "agriculture|agricultural sector|farming|share of GDP"),
    M("industry share of GDP", ("Economy", "GDP - composition, by sector of origin", "industry"), "percent",
      PCT, "industry|industrial sector|manufacturing|share of GDP"),
    M("services share of GDP", ("Economy", "GDP - composition, by sector of origin", "services"), "percent",
      PCT, "services|services sector|service sector|share of GDP"),
    M("population below poverty line", ("Economy", "Population below poverty line"), "percent", PCT,
      "poverty|below the poverty line|poverty rate|live in poverty|poor"),
    # ------------------------------------------------------------------ energy
    M("electricity access", ("Energy", "Electricity access", "electrification - total population"), "percent",
      PCT, "electricity access|access to electricity|electrification|have electricity"),
    M("electricity consumption", ("Energy", "Electricity", "consumption"), "kWh", r"kWh",
      "electricity consumption|electricity use|power consumption|consumed|electricity demand"),
    M("electricity generating capacity", ("Energy", "Electricity", "installed generating capacity"), "kW", r"kW",
      "generating capacity|installed capacity|power capacity|capacity"),
    M("carbon dioxide emissions", ("Environment", "Carbon dioxide emissions", "total emissions"), "tonnes",
      r"metric tonnes of CO2", "carbon dioxide emissions|CO2 emissions|carbon emissions|emissions|emitted|CO2"),
    # ---------------------------------------------------------- communications
    M("internet users", ("Communications", "Internet users", "percent of population"), "percent", PCT,
      "internet users|use the internet|online|internet access|internet penetration"),
    M("fixed telephone subscriptions", ("Communications", "Telephones - fixed lines", "total subscriptions"),
      "subscriptions", r"", "fixed lines|landlines|fixed telephone|telephone lines|fixed-line"),
    M("fixed telephone subscriptions per 100 people",
      ("Communications", "Telephones - fixed lines", "subscriptions per 100 inhabitants"),
      "subscriptions per 100 people", r"", "fixed lines per 100|landlines per 100|per 100 inhabitants|per 100 people"),
    M("mobile phone subscriptions", ("Communications", "Telephones - mobile cellular", "total subscriptions"),
      "subscriptions", r"", "mobile phones|mobile subscriptions|cellphones|mobile phone subscriptions|cell phones"),
    M("mobile phone subscriptions per 100 people",
      ("Communications", "Telephones - mobile cellular", "subscriptions per 100 inhabitants"),
      "subscriptions per 100 people", r"",
      "mobile phones per 100|per 100 inhabitants|per 100 people|mobile penetration"),
    M("fixed broadband subscriptions", ("Communications", "Broadband - fixed subscriptions", "total"),
      "subscriptions", r"", "broadband|broadband subscriptions|fixed broadband|broadband connections"),
    # ---------------------------------------------------------- transportation
    M("airports", ("Transportation", "Airports"), "airports", r"", "airports|airfields|airstrips"),
    M("railways", ("Transportation", "Railways", "total"), "km", r"km",
      "railways|railway network|rail network|track|railroads",
      tail=r"(?:\s+[\d,.]+ km electrified)?"),
    M("merchant marine", ("Transportation", "Merchant marine", "total"), "ships", r"",
      "merchant marine|merchant fleet|merchant ships|ships|vessels"),
    # ------------------------------------------------------------------ military
    M("military expenditures", ("Military and Security", "Military expenditures"), "percent", r"% of GDP",
      "military expenditures|military spending|defence spending|defense spending|defence budget|defense budget"),
    # ----------------------------------------------------------- transnational
    M("refugees", ("Transnational Issues", "Refugees and internally displaced persons", "refugees"), "people", r"",
      "refugees|refugee population|hosts refugees"),
    M("internally displaced people", ("Transnational Issues", "Refugees and internally displaced persons", "IDPs"),
      "people", r"", "internally displaced|IDPs|displaced people|displaced persons|displaced"),
)
METRICS_BY_NAME = {m.name: m for m in METRICS}
assert len(METRICS_BY_NAME) == len(METRICS), "metric names must be unique"

_NUMBER = r"(?P<num>\d[\d,]*(?:\.\d+)?)"
_YEAR = r"(?:\s*\((?:FY)?(?P<year>\d{4})(?:/\d{2})?(?:\s+est\.)?\))?"


def _pattern(metric: Metric) -> re.Pattern[str]:
    sign = r"(?P<neg>-)?"
    money = r"\$" if metric.money else ""
    scale = r"(?:\s*(?P<scale>thousand|million|billion|trillion))?"
    words = rf"\s*{metric.words}" if metric.words else ""
    figure = sign + money + (r"(?P<neg2>-)?" if metric.money else "") + _NUMBER + scale + words
    if metric.name_first:
        return re.compile(rf"^(?P<place>.+?)\s+{figure}{metric.extra}{_YEAR}{metric.tail}$")
    return re.compile(rf"^{figure}{metric.extra}{_YEAR}{metric.tail}$")


_PATTERNS = {m.name: _pattern(m) for m in METRICS}


def plain_number(d: Decimal) -> str:
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def read_figure(metric: Metric, text: str) -> tuple[str, str] | None:
    """(plain value, year or '') for a figure written the way `metric` expects, else None."""
    text = re.sub(r"^[a-z ]+:\s*", "", text.strip())  # "total: 100% of population", "arable land: 1.2%"
    m = _PATTERNS[metric.name].match(text)
    if not m:
        return None
    try:
        value = Decimal(m["num"].replace(",", "")) * _SCALE[(m["scale"] or "").casefold()]
    except (InvalidOperation, KeyError):
        return None
    if m["neg"] or m.groupdict().get("neg2"):
        value = -value
    return plain_number(value), m["year"] or ""
