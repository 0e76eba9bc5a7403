"""Builds the held-out-3 case files. Written 2026-11-28 without reading the matcher.

Labels were written from the CSV rows (reference_data/*.csv, tables/saltmere.csv)
before the checker was run. Edit the cases here and re-run: python build.py
"""
import json
from pathlib import Path
import sys
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from labels import C, S, U  # noqa: E402  (tests/data/labels.py, shared by every set)

HERE = Path(__file__).parent
DATE = "2026-11-27"


def case(cid, pattern, text, expect, tables="bundled", date=DATE):
    return {"id": cid, "pattern": pattern, "tables": tables, "date": date, "text": text, "expect": expect}


ST = ["tables/saltmere.csv"]
FILES = {}

FILES["wire"] = [
    case("wire-respectively-1", "respectively",
         "MONROVIA (Reuters) - Liberia and Guyana, with populations of about 5.6 million and 890,000 respectively, signed a pact on Tuesday to sell carbon credits from their rainforests jointly, officials in both capitals said.",
         [S("5.6 million", "Liberia", "population", "5,563,541 (2025 est.)"),
          C("890,000", "Guyana", "population", "794,099 (2024 est.): 12% off")]),
    case("wire-pronoun-1", "pronoun",
         "MOGADISHU (AP) - Somalia's lawmakers approved a revised electoral law late on Saturday. The country of 20.3 million people, formed in 1960 when British Somaliland and the Italian-run trust territory merged, has not held a one-person, one-vote national election since 1969.",
         [S("20.3 million people", "Somalia", "population", "20,324,160 (2025 est.)"),
          S("1960", "Somalia", "Somali Republic formed", "1 July 1960"),
          U("1969", "no row for the last direct election")]),
    case("wire-other-place-1", "other-place",
         "ABIDJAN (AFP) - Côte d'Ivoire, a nation of 31.9 million, and neighbouring Ghana, home to some 39 million, agreed on Thursday to set a common floor price for cocoa beans from next season.",
         [S("31.9 million", "Côte d'Ivoire", "population", "31,855,971 (2025 est.)"),
          C("39 million", "Ghana", "population", "35,336,133 (2025 est.): 10.4% off")]),
    case("wire-pronoun-2", "pronoun",
         "DILI - Timor-Leste's president swore in a new cabinet on Monday. The half-island state, which regained its independence from Indonesia in 2002, counts about 1.6 million citizens, most of them under 25.",
         [S("2002", "Timor-Leste", "independence from Indonesia", "20 May 2002"),
          C("1.6 million citizens", "Timor-Leste", "population", "1,404,785 (2025 est.): 14% off"),
          U("25", "an age")]),
    case("wire-two-places-1", "other-place",
         "SEOUL (Yonhap) - South Korea, a country of 51.5 million with a median age of 47, now has one of the oldest populations in Asia, while North Korea, with some 30 million people, remains far younger, the statistics office said on Friday.",
         [S("51.5 million", "South Korea", "population", "51,486,343 (2025 est.)"),
          S("47", "South Korea", "median age", "47 years (2025 est.): the median-age row covers it (not an age bracket)"),
          C("30 million people", "North Korea", "population", "26,402,841 (2025 est.): 13.6% off")]),
    case("wire-pronoun-3", "pronoun",
         "NASSAU - Cruise lines resumed calls at The Bahamas on Wednesday after the storm passed. The archipelago of roughly 700 islands, which earns most of its $17.5bn economy from tourism, won independence from Britain in 1973.",
         [U("700 islands", "no row counts islands"),
          C("$17.5bn", "The Bahamas", "GDP", "$15.833 billion (2024 est.): 10.5% off"),
          S("1973", "The Bahamas", "independence from the UK", "10 July 1973")]),
    case("wire-ukraine-1", "war-table",
         "NEW YORK - The General Assembly's resolution ES-11/4, which rejected Moscow's claimed annexation of four Ukrainian regions, passed with 143 votes in favour and 5 against; 40 countries abstained.",
         [S("four Ukrainian regions", "Russia", "regions claimed as annexed", "4 regions (2022-09-30)"),
          S("143 votes", "UN General Assembly resolution ES-11/4", "votes in favour"),
          S("5", "UN General Assembly resolution ES-11/4", "votes against"),
          C("40 countries", "UN General Assembly resolution ES-11/4", "abstentions", "35 abstentions: 14% off")]),
]

FILES["explainer"] = [
    case("explainer-pronoun-1", "pronoun",
         "Eswatini, known as Swaziland until 2018, is one of the last absolute monarchies in the world. The landlocked kingdom covers 17,364 square kilometres and is home to about 1.1 million people; it became independent from Britain in 1966. Its administrative capital, Mbabane, has roughly 76,000 residents.",
         [U("2018", "renaming: no row"),
          S("17,364 square kilometres", "Eswatini", "area"),
          S("1.1 million people", "Eswatini", "population", "1,137,268 (2025 est.)"),
          C("1966", "Eswatini", "independence from the UK", "6 September 1968: wrong year (1966 is Guyana's, Lesotho's, Botswana's)"),
          S("76,000 residents", "Mbabane", "population", "GeoNames 76,218")]),
    case("explainer-pronoun-2", "pronoun",
         "A chain of volcanic islands between Mozambique and Madagascar makes up the Comoros. The archipelago, whose 1.02 million people live on just 2,235 sq km, broke from France in 1975, though Mayotte, its neighbour, voted to stay French. Its highest peak, the active Karthala volcano, reaches 2,361 m.",
         [C("1.02 million people", "Comoros", "population", "911,707 (2025 est.): 11.9% off"),
          S("2,235 sq km", "Comoros", "area"),
          S("1975", "Comoros", "independence from France", "6 July 1975"),
          S("2,361 m", "Comoros", "highest point", "Karthala 2,360 m: another source's precise figure, within 1%")]),
    case("explainer-age-1", "age",
         "Guinea-Bissau's guerrillas declared independence in 1973, and Portugal recognised it in 1974 after the Carnation Revolution. The country's 2.4 million people are among the youngest anywhere: more than 40% are younger than 15.",
         [S("1973", "Guinea-Bissau", "independence declared", "24 September 1973 (declared)"),
          S("1974", "Guinea-Bissau", "independence from Portugal", "10 September 1974"),
          C("2.4 million people", "Guinea-Bissau", "population", "2,132,325 (2024 est.): 12.6% off"),
          U("40%", "a part of the population (an age bracket)"),
          U("15", "an age")]),
    case("explainer-pronoun-3", "pronoun",
         "San Marino dates its founding to 301, which makes it, by its own reckoning, the oldest republic still standing. The enclave fits about 40,000 citizens into 61 km², and its highest point, Monte Titano, rises 739 metres.",
         [S("301", "San Marino", "traditional founding date", "3 September 301"),
          C("40,000 citizens", "San Marino", "population", "35,291 (2025 est.): 13% off"),
          S("61 km²", "San Marino", "area"),
          S("739 metres", "San Marino", "highest point", "Monte Titano 739 m")]),
    case("explainer-two-places-1", "other-place",
         "Hong Kong's 8.1 million residents share 1,108 km² of islands and hills, while Macau squeezes about 645,000 people onto 28 km², much of it reclaimed from the sea. Macau returned to Chinese rule in 1999, Hong Kong in 1997.",
         [C("8.1 million residents", "Hong Kong", "population", "7,305,556 (2025 est.): 11% off (the GeoNames city row, 7,396,076, is undated)"),
          S("1,108 km²", "Hong Kong", "area"),
          S("645,000 people", "Macau", "population", "644,426 (2024 est.)"),
          S("28 km²", "Macau", "area"),
          U("1999", "no handover row"),
          U("1997", "no handover row")]),
]

FILES["business"] = [
    case("business-gdp-1", "gdp",
         "Guyana's oil boom shows no sign of fading. Output from the offshore Stabroek block, which began pumping in 2019, lifted the economy to $24.8bn in 2024, and income per head at purchasing power parity reached $70,300, higher than in many European countries.",
         [U("2019", "no row for first oil"),
          S("$24.8bn", "Guyana", "GDP", "$24.836 billion (2024 est.)"),
          U("2024", "the figure's year, not a claim"),
          S("$70,300", "Guyana", "GDP per capita", "$70,300 (2024 est.)")]),
    case("business-part-1", "part",
         "The United Arab Emirates, whose GDP reached $537bn in 2024, is betting on tourism and logistics to wean itself off oil. Fewer than 12% of its 11.5 million residents hold Emirati citizenship, and Dubai alone, a city of 3.8 million, accounts for roughly a third of output.",
         [S("$537bn", "United Arab Emirates", "GDP", "$537.079 billion (2024 est.)"),
          U("2024", "the figure's year, not a claim"),
          U("12%", "a part of the population (citizens)"),
          C("11.5 million residents", "United Arab Emirates", "population", "10,093,593 (2025 est.): 14% off"),
          S("3.8 million", "Dubai", "population", "GeoNames 3,790,000"),
          U("a third", "a share of output: no row (labelled after the first run: the checker extracts it)")]),
    case("business-pronoun-1", "pronoun",
         "Puerto Rico's economy grew to $125.8 billion in 2024, officials said, even as the island kept losing people: its population, about 3.3 million, is the smallest in decades.",
         [S("$125.8 billion", "Puerto Rico", "GDP", "$125.842 billion (2024 est.)"),
          U("2024", "the figure's year, not a claim"),
          C("3.3 million", "Puerto Rico", "population", "2,984,841 (2025 est.): 10.6% off")]),
    case("business-rank-1", "rank",
         "Côte d'Ivoire, which grows about 40% of the world's cocoa, now ranks among the top 10 economies of sub-Saharan Africa, with output of $96.5bn. Abidjan, the commercial capital, is a metropolis of 6,3 million.",
         [U("40%", "share of world cocoa: no row"),
          U("top 10", "a rank"),
          C("$96.5bn", "Côte d'Ivoire", "GDP", "$86.538 billion (2024 est.): 11.5% off"),
          S("6,3 million", "Abidjan", "population", "GeoNames 6,321,017; decimal comma")]),
    case("business-sum-1", "sum-vs-metric",
         "South Korea, the world's 12th-largest economy, produced $1.7trn of goods and services, more than 100 times the $16.4bn that North Korea's economy is estimated to generate.",
         [U("12th", "a rank"),
          S("$1.7trn", "South Korea", "GDP", "$1.713 trillion (2023 est.)"),
          U("100 times", "a ratio"),
          S("$16.4bn", "North Korea", "GDP", "$16.447 billion (2023 est.)")]),
    case("business-sum-2", "sum-vs-metric",
         "Equatorial Guinea, whose GDP shrank to $14.2bn as oil fields aged, has borrowed about $15bn over the past decades, more than a year's output. The former Spanish colony, independent since 1968, has 1.8 million people.",
         [C("$14.2bn", "Equatorial Guinea", "GDP", "$12.766 billion (2024 est.): 11% off"),
          U("$15bn", "borrowing compared with GDP: no row (public debt is a % of GDP)"),
          S("1968", "Equatorial Guinea", "independence from Spain", "12 October 1968"),
          S("1.8 million people", "Equatorial Guinea", "population", "1,795,834 (2024 est.)")]),
]

FILES["travel"] = [
    case("travel-height-1", "height",
         "Saint Lucia crams rainforest, black-sand beaches and the twin Pitons into 616 sq km. Serious hikers head for Mount Gimie, the island's summit at 1,050 m, and the island's 168,000 residents will happily point the way.",
         [S("616 sq km", "Saint Lucia", "area"),
          C("1,050 m", "Saint Lucia", "highest point", "Mount Gimie 948 m: 11% off; heights do not drift"),
          S("168,000 residents", "Saint Lucia", "population", "168,462 (2025 est.)")]),
    case("travel-part-1", "part",
         "The Cook Islands scatter 15 islands over roughly two million square kilometres of ocean, yet their land adds up to only 236 square kilometres. Just 7,600 people live there, most of them on Rarotonga.",
         [U("15 islands", "no row counts islands"),
          U("two million square kilometres", "sea area (exclusive economic zone): no row; the area row is land"),
          S("236 square kilometres", "Cook Islands", "area"),
          S("7,600 people", "Cook Islands", "population", "7,592 (2025 est.)")]),
    case("travel-height-2", "height",
         "Flying into Majuro, home to about 25,000 people, you see how thin the Marshall Islands are: the nation's 29 atolls add up to just 181 square kilometres of land, and nowhere rises higher than 14 metres.",
         [S("25,000 people", "Majuro", "population", "GeoNames 25,400"),
          U("29 atolls", "no row counts atolls"),
          S("181 square kilometres", "Marshall Islands", "area"),
          S("14 metres", "Marshall Islands", "highest point", "14 m")]),
    case("travel-geonames-1", "geonames",
         "Stanley, the Falklands' tiny capital of about 2,500 people, is the starting point for penguin tours. The islands' 3,142 residents, counted in 2021, share 12,173 sq km with half a million sheep.",
         [U("2,500 people", "no row for the Falklands' Stanley (GeoNames 'Stanley' is a town in Britain, undated)"),
          S("3,142 residents", "Falkland Islands", "population", "3,142 (2021)"),
          U("2021", "the figure's year, not a claim"),
          S("12,173 sq km", "Falkland Islands", "area"),
          U("half a million sheep", "no row")]),
    case("travel-number-forms-1", "space-separator",
         "Gibraltar's 29 700 residents live in the shadow of the Rock, whose summit stands 426 metres above the strait.",
         [S("29 700 residents", "Gibraltar", "population", "29,733 (2025 est.)"),
          S("426 metres", "Gibraltar", "highest point", "Rock of Gibraltar 426 m")]),
]

FILES["history"] = [
    case("history-event-1", "event-year",
         "Venezuela proclaimed its independence from Spain in 1811, the first Spanish colony in South America to do so. Simón Bolívar, born in Caracas in 1783, would spend the next decade fighting for it; the city now has some 3 million inhabitants.",
         [S("1811", "Venezuela", "independence from Spain", "5 July 1811"),
          U("1783", "a birth year: no row"),
          S("3 million inhabitants", "Caracas", "population", "GeoNames 3,000,000")]),
    case("history-event-2", "event-year",
         "Grenada, a 133 sq mi island known for its nutmeg, became independent from Britain in 1979. In 1983 US troops landed after a coup. Today 114,600 people live there.",
         [S("133 sq mi", "Grenada", "area", "344 sq km = 132.8 sq mi"),
          C("1979", "Grenada", "independence from the UK", "7 February 1974: wrong year (1979 is Saint Lucia's)"),
          U("1983", "no row for the invasion"),
          S("114,600 people", "Grenada", "population", "114,621 (2024 est.)")]),
    case("history-event-3", "event-year",
         "The Acts of Union joined England and Scotland as Great Britain in 1707, and a second union brought in Ireland in 1801. The Anglo-Irish Treaty of 1922 then partitioned the island, leaving only Northern Ireland in the United Kingdom.",
         [S("1707", "United Kingdom", "Acts of Union unite England", "1 May 1707"),
          S("1801", "United Kingdom", "unite Great Britain and Ireland", "1 January 1801"),
          C("1922", "United Kingdom", "Anglo-Irish Treaty", "6 December 1921: wrong year")]),
    case("history-event-4", "event-year",
         "The Solomon Islands, where the Guadalcanal campaign raged in 1942, gained independence from Britain in 1976. The archipelago now has almost 740,000 people.",
         [U("1942", "no row for the battle"),
          C("1976", "Solomon Islands", "independence from the UK", "7 July 1978: wrong year"),
          S("740,000 people", "Solomon Islands", "population", "738,774 (2025 est.)")]),
    case("history-two-events-1", "two-events",
         "Liberia declared independence in 1847, more than a century before Ghana, in 1957, became the first colony south of the Sahara to break free of European rule. Liberia's economy today is worth just $5.3bn.",
         [S("1847", "Liberia", "independence", "26 July 1847"),
          S("1957", "Ghana", "independence from the UK", "6 March 1957"),
          C("$5.3bn", "Liberia", "GDP", "$4.75 billion (2024 est.): 11.6% off")]),
]

FILES["opinion"] = [
    case("opinion-part-1", "part",
         "Nearly 8 million Venezuelans have left since 2014, a staggering share of a nation of 31.8 million. No government in Caracas can claim success while a quarter of its people live abroad.",
         [U("8 million Venezuelans", "emigrants: a part of the population; no row (the refugees row counts refugees hosted in Venezuela)"),
          U("2014", "no row"),
          S("31.8 million", "Venezuela", "population", "31,755,435 (2025 est.)"),
          U("a quarter", "a part of the population (labelled after the first run: the checker extracts it)")]),
    case("opinion-gdp-1", "gdp",
         "The Central African Republic is bigger than France, at 622,984 square kilometres, yet its entire economy, $2.75bn, would barely register in a mid-sized European city. Its 6.5 million people deserve more than peacekeepers.",
         [S("622,984 square kilometres", "Central African Republic", "area"),
          S("$2.75bn", "Central African Republic", "GDP", "$2.752 billion (2024 est.)"),
          C("6.5 million people", "Central African Republic", "population", "5,750,570 (2025 est.): 13% off")]),
    case("opinion-gdp-2", "gdp",
         "The Gambia is a sliver of land, 11,300 sq km in all, wrapped inside Senegal. An economy of barely $2.2bn cannot employ its 2.5 million people, so the young keep leaving. Banjul, the capital, holds just 37,000 of them.",
         [S("11,300 sq km", "The Gambia", "area"),
          C("$2.2bn", "The Gambia", "GDP", "$2.508 billion (2024 est.): 12% off"),
          S("2.5 million people", "The Gambia", "population", "2,523,327 (2024 est.)"),
          S("37,000", "Banjul", "population", "GeoNames 37,274: Banjul's own row, though worded as a part of the country's people")]),
    case("opinion-geonames-1", "geonames",
         "Somaliland declared itself independent in 1991 and has held several peaceful elections since. Hargeisa, its capital, has grown to close to 480,000 residents, while Mogadishu, with more than 2.5 million, still struggles with bombings.",
         [U("1991", "Somaliland has no row"),
          S("480,000 residents", "Hargeysa", "population", "GeoNames 'Hargeysa' 477,876; Hargeisa is the usual English spelling"),
          S("2.5 million", "Mogadishu", "population", "GeoNames 2,587,183")]),
]

FILES["factbox"] = [
    case("factbox-1", "factbox",
         "FEDERATED STATES OF MICRONESIA\nPopulation: 99,600 (2024 est.)\nArea: 780 sq km\nIndependence: 1986 (from US-administered UN trusteeship)\nHighest point: Nanlaud, 782 m",
         [S("99,600", "Federated States of Micronesia", "population", "99,603 (2024 est.)"),
          U("2024", "the figure's year, not a claim"),
          C("780 sq km", "Federated States of Micronesia", "area", "702 sq km: 11% off; areas do not drift"),
          S("1986", "Federated States of Micronesia", "independence", "3 November 1986"),
          S("782 m", "Federated States of Micronesia", "highest point")]),
    case("factbox-2", "factbox",
         "São Tomé and Príncipe at a glance\nCapital: São Tomé\nPopulation: 250,000\nArea: 964 km²\nGDP: $764m\nIndependence: 1975, from Portugal",
         [C("250,000", "Sao Tome and Principe", "population", "223,561 (2024 est.): 11.8% off"),
          S("964 km²", "Sao Tome and Principe", "area"),
          S("$764m", "Sao Tome and Principe", "GDP", "$764.274 million (2024 est.)"),
          S("1975", "Sao Tome and Principe", "independence from Portugal", "12 July 1975")]),
    case("factbox-3", "factbox",
         "Antigua and Barbuda\n- Area: 443 sq km (Antigua 280 sq km, Barbuda 161 sq km)\n- Population: 114,000\n- GDP: $2.2 billion\n- Independent since: 1981",
         [S("443 sq km", "Antigua and Barbuda", "area"),
          U("280 sq km", "a part of the area (one island)"),
          U("161 sq km", "a part of the area (one island)"),
          C("114,000", "Antigua and Barbuda", "population", "102,634 (2024 est.): 11% off (114,621 is Grenada's)"),
          S("$2.2 billion", "Antigua and Barbuda", "GDP", "$2.225 billion (2024 est.)"),
          S("1981", "Antigua and Barbuda", "independence from the UK", "1 November 1981")]),
    case("factbox-4", "war-table",
         "CRIMEA\nArea: about 27,000 km²\nAnnexed by Russia: 2014\n'Yes' vote claimed by Russian-installed officials in the March referendum: 96.8%\nRussia's full-scale invasion of Ukraine: 2022",
         [S("27,000 km²", "Crimea", "area"),
          S("2014", "Crimea", "annexation by Russia"),
          S("96.8%", "Crimea", "referendum", "96.77%, attributed in the text to its claimant"),
          S("2022", "Russia", "full-scale invasion of Ukraine")]),
]

FILES["local"] = [
    case("local-respectively-1", "respectively",
         "Ferries between Brazzaville and Kinshasa, capitals of about 2 million and 16 million people respectively, will run hourly from Monday, the river transport authority said.",
         [S("2 million", "Brazzaville", "population", "GeoNames 1,982,000"),
          S("16 million people", "Kinshasa", "population", "GeoNames 16,000,000")]),
    case("local-bound-1", "each-bound",
         "Pointe-Noire, Bouaké and Bangui each have more than 800,000 residents, yet none of them has a working sewage network, the report found.",
         [U("800,000 residents", "a bound over several places")]),
    case("local-geonames-1", "geonames",
         "San Juan, Puerto Rico's capital, has about 418,000 residents, while neighbouring Bayamón has some 203,000; both city councils voted on Tuesday to merge their bus networks.",
         [S("418,000 residents", "San Juan", "population", "GeoNames 418,140 (the Puerto Rico row)"),
          S("203,000", "Bayamón", "population", "GeoNames 203,499")]),
    case("local-geonames-2", "geonames",
         "Dili, a fast-growing city of about 280,000, opened its first ring road on Sunday, the public works ministry said. Traffic on the coastal highway has doubled since 2019.",
         [U("280,000", "GeoNames Dili 150,000, undated: does not fit, so unverified"),
          U("2019", "no row")]),
]

FILES["user_tables"] = [
    case("user-height-1", "height-words",
         "The Saltmere lighthouse, which rises 62 metres above the harbour wall, was automated in 1994 and now runs on solar power.",
         [S("62 metres", "Saltmere Lighthouse", "height"),
          U("1994", "no row for automation")], tables=ST),
    case("user-area-1", "area-words",
         "Greyhaven Reservoir covers 16.4 square kilometres and plunges to 38 metres at its deepest point, the water authority said.",
         [C("16.4 square kilometres", "Greyhaven Reservoir", "area", "14.6 km2: 12% off; areas do not drift"),
          S("38 metres", "Greyhaven Reservoir", "depth")], tables=ST),
    case("user-event-1", "event-year",
         "Tallow Bridge, opened in 1931, runs 1,240 metres from bank to bank and carries 30,000 vehicles a day.",
         [S("1931", "Tallow Bridge", "opened"),
          S("1,240 metres", "Tallow Bridge", "length"),
          U("30,000 vehicles", "no traffic row")], tables=ST),
    case("user-population-1", "population-words",
         "Saltmere, a town of 53,000 people, will spend its £36m harbour budget on dredging this year.",
         [U("53,000 people", "48,200 in an undated user row: does not fit, so unverified (undated-reference rule)"),
          S("£36m", "Saltmere", "harbour budget")], tables=ST),
    case("user-event-2", "event-year",
         "The Corrie Ferry Company, founded in 1897, still runs the crossing to Saltmere twice an hour.",
         [C("1897", "Corrie Ferry Company", "founded", "1887: wrong year")], tables=ST),
    case("user-part-1", "part",
         "Kestrel Moor National Park spans 412 sq km, and some 140 sq km of it is blanket bog.",
         [S("412 sq km", "Kestrel Moor National Park", "area"),
          U("140 sq km", "a part of the area")], tables=ST),
    case("user-length-1", "length-words",
         "At 1.5 km long, Tallow Bridge is the longest crossing in the county.",
         [C("1.5 km", "Tallow Bridge", "length", "1,240 m: 21% off")], tables=ST),
    case("user-pronoun-1", "pronoun",
         "Anglers have returned to Greyhaven Reservoir. It is 45 metres deep near the dam, the authority said.",
         [C("45 metres", "Greyhaven Reservoir", "depth", "38 m: 18% off")], tables=ST),
]


def check(c):
    pos = 0
    for e in c["expect"]:
        i = c["text"].find(e["claim"], pos)
        assert i >= 0, (c["id"], e["claim"])
        pos = i


if __name__ == "__main__":
    from collections import Counter
    n = Counter()
    ids = set()
    for name, cases in FILES.items():
        for c in cases:
            assert c["id"] not in ids, c["id"]
            ids.add(c["id"])
            check(c)
            for e in c["expect"]:
                n[e["verdict"]] += 1
        (HERE / f"{name}.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(ids), "cases", sum(n.values()), "labels", dict(n))
