"""Builds the held-out-2 case files. Written 2026-11-28 without reading the matcher.

Labels were written from the CSV rows (reference_data/*.csv, tables/vellmark.csv)
before the checker was run. Edit the cases here and re-run: python build.py
"""
import json
from pathlib import Path
import sys
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from labels import C, S, U  # noqa: E402  (tests/data/labels.py, shared by every set)

HERE = Path(__file__).parent
DATE = "2026-02-18"


def case(cid, pattern, text, expect, tables="bundled", date=DATE):
    return {"id": cid, "pattern": pattern, "tables": tables, "date": date, "text": text, "expect": expect}


VT = ["tables/vellmark.csv"]

FILES = {}

FILES["wire"] = [
    case("wire-other-place-1", "other-place",
         "Burkina Faso, a nation of 23.5 million people, and neighbouring Mali, home to roughly 26 million, announced a joint border force on Monday, their defence ministers said in Bamako.",
         [S("23.5 million people", "Burkina Faso", "population", "23,490,300 (2025 est.)"),
          C("26 million", "Mali", "population", "22,634,423 (2025 est.): 15% off")]),
    case("wire-respectively-1", "respectively",
         "LOMÉ (AFP) - Benin and Togo, whose Atlantic coastlines run 121 km and 65 km respectively, will share a dredging fleet for their congested ports under a deal signed on Wednesday.",
         [S("121 km", "Benin", "coastline"),
          C("65 km", "Togo", "coastline", "Togo's coastline is 56 km: 16% off")]),
    case("wire-pronoun-2", "pronoun",
         "JUBA (Reuters) - South Sudan's parliament postponed the vote again on Thursday. The country, which split from Sudan in 2011, has some 12.7 million people, and the UN says roughly two-thirds of them need food aid.",
         [S("2011", "South Sudan", "independence", "independence from Sudan, 9 July 2011: South Sudan's row"),
          S("12.7 million people", "South Sudan", "population", "12,703,714 (2024 est.)"),
          U("two-thirds", "a part of the population")]),
    case("wire-pronoun-3", "pronoun",
         "DOHA, Feb 16 - Qatar will host a summit on Gaza reconstruction next month. The Gulf state, independent from Britain since 1971, has about 2.6 million residents, fewer than 400,000 of whom are citizens.",
         [S("1971", "Qatar", "independence", "3 September 1971 (from the UK)"),
          S("2.6 million residents", "Qatar", "population", "2,568,426 (2025 est.)"),
          U("400,000", "a part of the population (citizens)")]),
    case("wire-event-votes-1", "event-votes",
         "UNITED NATIONS - When the General Assembly condemned the invasion of Ukraine in March 2022, 141 countries voted in favour of resolution ES-11/1, 5 voted against and 39 abstained.",
         [U("March 2022", "the date of the vote (2 March 2022); no row gives the adoption date, and the invasion began in February"),
          S("141 countries", "UN General Assembly resolution ES-11/1", "votes in favour"),
          S("5", "UN General Assembly resolution ES-11/1", "votes against"),
          C("39", "UN General Assembly resolution ES-11/1", "abstentions", "35 abstentions: 11% off")]),
    case("wire-two-events-2", "two-events",
         "KYIV - Ukraine surrendered its Soviet-era nuclear arsenal under the Budapest Memorandum, signed in 1994, and later accepted the Minsk II ceasefire of 2014, a deal Moscow never honoured, the foreign minister told reporters.",
         [S("1994", "Budapest Memorandum", "signed"),
          C("2014", "Minsk II", "signed", "Minsk II was signed in 2015 (Minsk I was 2014)")]),
    case("wire-rank-1", "rank",
         "TEHRAN - Iran, the world's 17th most populous nation with about 89 million people, proclaimed the Islamic Republic in 1979 after a referendum, and its leaders marked the anniversary on Wednesday.",
         [U("17th", "a rank"),
          S("89 million people", "Iran", "population", "89,177,357 (2025 est.)"),
          S("1979", "Iran", "Islamic Republic", "1 April 1979 (Islamic Republic of Iran proclaimed)")]),
]

FILES["explainer"] = [
    case("explainer-age-1", "age",
         "Chad is one of the youngest countries on earth. Nearly half of its 19.7 million people are under 15, and fewer than one in four live in towns.",
         [U("half", "a part"),
          S("19.7 million people", "Chad", "population", "19,674,004 (2025 est.)"),
          U("15", "an age"),
          S("one in four", "Chad", "urban population share", "urban population share 24.4% (2023): 'fewer than one in four' fits")]),
    case("explainer-age-2", "age",
         "Afghanistan's population, estimated at 49.5 million, is strikingly young: the median age is 18.4 years, against more than 40 in most of Europe.",
         [S("49.5 million", "Afghanistan", "population", "49,474,805 (2025 est.)"),
          S("18.4 years", "Afghanistan", "median age", "a row of its own, not an age bound"),
          U("40", "a bound over many places")]),
    case("explainer-part-1", "part",
         "Yemen took its present shape in 1990, when the north and south merged. Of its roughly 30 million people, about 4.8 million have been driven from their homes by the war.",
         [S("1990", "Yemen", "merger", "22 May 1990, Republic of Yemen established with the merger"),
          C("30 million people", "Yemen", "population", "34,505,496 (2025 est.): 13% off"),
          S("4.8 million", "Yemen", "internally displaced people", "looks like a part, but the IDP row (4,795,983, 2024) is exactly this figure")]),
    case("explainer-part-2", "part",
         "Namibia is one of the emptiest countries on the planet: 2.9 million people spread over more than 950,000 sq km, about half of them in the northern regions that border Angola.",
         [S("2.9 million people", "Namibia", "population", "2,852,777 (2025 est.)"),
          C("950,000 sq km", "Namibia", "area", "824,292 sq km is below the bound; 15% off"),
          U("half", "a part")]),
    case("explainer-part-3", "part",
         "Greenland, the largest island in the world, covers 2.17 million sq km, yet it is home to only about 57,000 people. Nuuk, the capital, holds roughly a third of them.",
         [S("2.17 million sq km", "Greenland", "area", "2,166,086 sq km"),
          S("57,000 people", "Greenland", "population", "57,751 (2024 est.), within 'about'"),
          U("a third", "a part")]),
    case("explainer-two-events-1", "two-events",
         "Laos won partial independence from France in 1949 and full sovereignty under a treaty in 1953. The landlocked country now counts about 9 million people, some 840,000 of them in Vientiane.",
         [S("1949", "Laos", "independence from France"),
          S("1953", "Laos", "full independence", "Franco-Lao Treaty recognizes full independence, 22 October 1953"),
          C("9 million people", "Laos", "population", "7,953,556 (2024 est.): 13% off"),
          S("840,000", "Vientiane", "population", "a part of Laos, but exactly Vientiane's own row (840,940)")]),
    case("explainer-pronoun-1", "pronoun",
         "Kiribati's 33 atolls and reef islands are strewn over a stretch of ocean wider than the continental United States, but together they cover only 811 sq km. The country's population is about 130,000.",
         [U("33 atolls"),
          S("811 sq km", "Kiribati", "area"),
          C("130,000", "Kiribati", "population", "116,545 (2024 est.): 11.5% off")]),
]

FILES["business"] = [
    case("business-gdp-compare-1", "gdp-compare",
         "Kuwait's economy, worth $160 billion in 2024, now trails Qatar's $248 billion, even though Kuwait has more people.",
         [S("$160 billion", "Kuwait", "GDP", "$160.227 billion (2024 est.)"),
          U("2024", "the year of the figures; no event row"),
          C("$248 billion", "Qatar", "GDP", "$217.983 billion (2024 est.): 14% off; the comparison is for 2024")]),
    case("business-year-before-1", "year-before",
         "Czech unemployment stood at 2.6% in 2024, among the lowest in the European Union, while inflation cooled to 2.4% from 10.7% the year before.",
         [S("2.6%", "Czechia", "unemployment rate"),
          U("2024", "the year of the figures"),
          S("2.4%", "Czechia", "inflation rate", "2024 row"),
          S("10.7%", "Czechia", "inflation rate", "2023 row: 'the year before'")]),
    case("business-control-2", "control",
         "Tunisia's inflation rate eased to 5.2% in 2024, the central bank said, as tourism revenues recovered.",
         [C("5.2%", "Tunisia", "inflation rate", "7.2% (2024 est.): 28% off"),
          U("2024", "the year of the figure")]),
    case("business-number-forms-1", "number-forms",
         "With an economy of $1.2trn in 2024, the Netherlands outranks far larger countries; Poland, with roughly twice the population, produced about $915bn.",
         [S("$1.2trn", "Netherlands", "GDP", "$1.228 trillion (2024 est.)"),
          U("2024", "the year of the figures"),
          U("twice", "a comparison of two populations"),
          S("$915bn", "Poland", "GDP", "$914.696 billion (2024 est.)")]),
    case("business-out-of-date-1", "out-of-date",
         "Togo's $9.9 billion economy depends heavily on the port of Lomé, which handles transit cargo for three landlocked neighbours.",
         [S("$9.9 billion", "Togo", "GDP", "$9.926 billion (2024 est.). Corrected after the first run: first labelled unverified, a labelling mistake; the out-of-date rule of issue #10 makes only a figure that does not fit unverified (as in ../devset), a fitting one is supported"),
          U("three", "a count with no row")]),
    case("business-sum-vs-metric-1", "sum-vs-metric",
         "Aid agencies are appealing for $2.5 billion for Yemen this year, close to a third of the country's entire GDP of $8.3 billion in 2024.",
         [U("$2.5 billion", "an appeal, not a metric"),
          U("a third", "a sum compared with GDP"),
          S("$8.3 billion", "Yemen", "GDP", "$8.278 billion (2024 est.)"),
          U("2024", "the year of the figure")]),
    case("business-party-1", "party",
         "Benin's GDP reached $24.5 billion in 2024, according to finance ministry figures, helped by cotton exports.",
         [C("$24.5 billion", "Benin", "GDP", "$21.483 billion (2024 est.): 14% off"),
          U("2024", "the year of the figure")]),
]

FILES["travel"] = [
    case("travel-space-separator-1", "space-separator",
         "Nicaragua, the largest country in Central America at 130 370 km², is also one of its least visited. Managua, the capital, has just under a million residents and few of the colonial charms of Granada.",
         [S("130 370 km²", "Nicaragua", "area"),
          S("a million residents", "Managua", "population", "973,087 (GeoNames): 'just under a million' fits")]),
    case("travel-space-separator-2", "space-separator",
         "The Faroe Islands, 1 393 km² of basalt in the North Atlantic, have 59 400 inhabitants and rather more sheep.",
         [S("1 393 km²", "Faroe Islands", "area"),
          C("59 400 inhabitants", "Faroe Islands", "population", "52,933 (2024 est.): 12% off")]),
    case("travel-pronoun-1", "pronoun",
         "Bermuda is small enough to cross by scooter in an afternoon: the British territory spans only 64 sq km, and its 72,800 residents share it with some 600,000 cruise visitors a year.",
         [C("64 sq km", "Bermuda", "area", "54 sq km: 19% off"),
          S("72,800 residents", "Bermuda", "population", "72,800 (2024 est.)"),
          U("600,000 cruise visitors")]),
    case("travel-other-place-1", "other-place",
         "Trekkers who reach the summit of Mount Wilhelm, Papua New Guinea's highest peak at 4,509 metres, can on a clear morning see both coasts.",
         [S("4,509 metres", "Papua New Guinea", "highest point", "Mount Wilhelm 4,509 m: the country's highest point row")]),
    case("travel-respectively-1", "respectively",
         "Trinidad and Tobago and Barbados, with 1.4 million and 304,000 people respectively, became independent from Britain in 1962 and 1968.",
         [S("1.4 million", "Trinidad and Tobago", "population", "1,410,170 (2025 est.)"),
          S("304,000 people", "Barbados", "population", "304,139 (2024 est.)"),
          S("1962", "Trinidad and Tobago", "independence"),
          C("1968", "Barbados", "independence", "30 November 1966: wrong year")]),
    case("travel-undated-1", "undated",
         "Cluj-Napoca, Transylvania's unofficial capital, has grown to some 410,000 residents, many of them students.",
         [U("410,000 residents", "GeoNames' undated 286,598 does not fit: undated-reference rule")]),
]

FILES["history"] = [
    case("history-two-events-1", "two-events",
         "Born in Bobo-Dioulasso in 1931, when it was still part of French West Africa, the teacher lived to see Upper Volta win independence from France in 1960. He died on Sunday at the age of 94.",
         [U("1931", "a birth year"),
          S("1960", "Burkina Faso", "independence", "Upper Volta is Burkina Faso's former name; 5 August 1960"),
          U("94", "an age")]),
    case("history-two-events-2", "two-events",
         "Romania, which proclaimed itself a republic in 1947 after the king's forced abdication, was then a nation of about 16 million; today it is a nation of 21 million.",
         [S("1947", "Romania", "republic proclaimed"),
          U("16 million", "a 1947 population; no row"),
          C("21 million", "Romania", "population", "18,148,155 (2024 est.): 16% off")]),
    case("history-age-1", "age",
         "He was 29 when Mauritania won independence from France in 1962, and he served in its first parliament.",
         [U("29", "an age"),
          C("1962", "Mauritania", "independence", "28 November 1960: wrong year")]),
    case("history-other-place-1", "other-place",
         "When Montenegro voted to leave its union with Serbia in 2006, the Belgrade historian called it the end of an era; Serbia, now a landlocked nation of about 6.7 million, never quite forgave the coast.",
         [S("2006", "Montenegro", "independence", "Montenegro's departure: its row (3 June 2006)"),
          S("6.7 million", "Serbia", "population", "6,652,212 (2024 est.)")]),
]

FILES["opinion"] = [
    case("opinion-area-words-1", "area-words",
         "Anyone who calls Mauritania a small country should look at a map: it spans more than a million square kilometres, yet barely 4.2 million people live there.",
         [S("a million square kilometres", "Mauritania", "area", "1,030,700 sq km: above the bound"),
          C("4.2 million people", "Mauritania", "population", "5,202,109 (2025 est.): 19% off")]),
    case("opinion-control-1", "control",
         "Sierra Leone, a country of just 61,000 square kilometres, has more diamond pits than paved roads.",
         [C("61,000 square kilometres", "Sierra Leone", "area", "71,740 sq km: 15% off")]),
    case("opinion-area-words-2", "area-words",
         "It is easy to forget that Syria, a territory of some 210,000 sq km, was once the breadbasket of the Levant. More than 7 million Syrians are still displaced inside their own country.",
         [C("210,000 sq km", "Syria", "area", "187,437 sq km: 12% off"),
          S("7 million", "Syria", "internally displaced people", "7,408,809 (2024 est.): above the bound")]),
    case("opinion-each-fewer-than-1", "each-fewer-than",
         "Lithuania's regional cities are not fading away, whatever the pessimists claim: Kaunas, Klaipėda and Šiauliai each have fewer than 300,000 residents, but all three have gained jobs since 2020.",
         [U("300,000 residents", "a bound over three towns"),
          U("three"),
          U("2020")]),
    case("opinion-population-words-1", "population-words",
         "Kuwait, a country of 4.3 million people, cannot keep subsidising petrol forever.",
         [C("4.3 million people", "Kuwait", "population", "3,172,511 (2025 est.): 36% off")]),
]

FILES["factbox"] = [
    case("factbox-lines-1", "lines",
         "Fact box: Burma (Myanmar)\nArea: 676,578 km²\nPopulation: 67.9 million (2025 est.)\nIndependence from Britain: 1948\nHighest point: Gamlang Razi, 5,870 m",
         [S("676,578 km²", "Burma", "area"),
          C("67.9 million", "Burma", "population", "57,931,718 (2025 est.): 17% off"),
          U("2025", "the year of the estimate"),
          S("1948", "Burma", "independence"),
          S("5,870 m", "Burma", "highest point")]),
    case("factbox-decimal-comma-1", "decimal-comma",
         "Quick facts: Guinea\n- Population: 14,4 millions\n- Capital: Conakry, about 1,9 million inhabitants\n- Independence: 1958\n- Coastline: 380 km",
         [S("14,4 millions", "Guinea", "population", "14,374,590 (2025 est.)"),
          S("1,9 million inhabitants", "Conakry", "population", "1,928,389 (GeoNames)"),
          S("1958", "Guinea", "independence"),
          C("380 km", "Guinea", "coastline", "320 km: 19% off")]),
    case("factbox-respectively-1", "respectively",
         "Niger and Chad, at 1.27 million and 1.28 million sq km, are almost exactly the same size; Niger, however, has 27.3 million people to Chad's 15 million.",
         [S("1.27 million", "Niger", "area"),
          S("1.28 million sq km", "Chad", "area", "1.284 million sq km"),
          S("27.3 million people", "Niger", "population", "27,322,555 (2025 est.)"),
          C("15 million", "Chad", "population", "19,674,004 (2025 est.): 24% off")]),
    case("factbox-lines-3", "lines",
         "Afghanistan: landlocked; total area 752,230 sq km; highest point Noshak, 7,492 m; full independence regained in 1919.",
         [C("752,230 sq km", "Afghanistan", "area", "652,230 sq km: 15% off"),
          S("7,492 m", "Afghanistan", "highest point"),
          S("1919", "Afghanistan", "independence", "19 August 1919 (from UK control over Afghan foreign affairs)")]),
]

FILES["user_tables"] = [
    case("user-population-words-1", "population-words",
         "Castlereach, a market town of 41,000 people, voted on Thursday to twin with a Breton fishing port.",
         [S("41,000 people", "Castlereach", "population", "41,200")], tables=VT),
    case("user-undated-1", "undated",
         "Pellworth now has 35,000 residents, the council said in its annual report.",
         [U("35,000 residents", "undated count 27,850 does not fit: undated-reference rule")], tables=VT),
    case("user-depth-words-1", "depth-words",
         "Lake Ormsby covers 46 km² and plunges to 118 metres at its deepest point.",
         [S("46 km²", "Lake Ormsby", "area"),
          S("118 metres", "Lake Ormsby", "depth")], tables=VT),
    case("user-depth-words-2", "depth-words",
         "Divers say Lake Ormsby is 140 metres deep near the old quarry.",
         [C("140 metres", "Lake Ormsby", "depth", "118 m: 19% off")], tables=VT),
    case("user-height-words-1", "height-words",
         "Harrowgate Fell rises to 1,050 metres above the surrounding moor, the walking club's leaflet claims.",
         [C("1,050 metres", "Harrowgate Fell", "height", "912 m: 15% off")], tables=VT),
    case("user-other-place-1", "other-place",
         "The Brindle Canal, which opened in 1794, runs 87 km from Castlereach to the estuary.",
         [S("1794", "Brindle Canal", "opened"),
          S("87 km", "Brindle Canal", "length")], tables=VT),
    case("user-pronoun-1", "pronoun",
         "Engineers have long admired the Brindle Canal. It stretches 98 km and was opened in 1804.",
         [C("98 km", "Brindle Canal", "length", "87 km: 13% off"),
          C("1804", "Brindle Canal", "opened", "1794: wrong year")], tables=VT),
    case("user-each-fewer-than-1", "each-fewer-than",
         "Castlereach and Pellworth each have fewer than 50,000 residents.",
         [U("50,000 residents", "a bound over two towns")], tables=VT),
    case("user-part-1", "part",
         "A quarter of Castlereach's 41,200 residents are over 60, and the town covers 64 sq km.",
         [U("A quarter", "a part"),
          S("41,200 residents", "Castlereach", "population"),
          U("60", "an age"),
          S("64 sq km", "Castlereach", "area", "'the town' is Castlereach")], tables=VT),
    case("user-length-words-1", "length-words",
         "The Ormsby Viaduct, opened in 1871, carries the railway 450 m across the valley.",
         [S("1871", "Ormsby Viaduct", "opened"),
          C("450 m", "Ormsby Viaduct", "length", "402 m: 12% off")], tables=VT),
]

if __name__ == "__main__":
    ids = set()
    n = {"supported": 0, "contradicted": 0, "unverified": 0}
    ncase = 0
    for name, cases in FILES.items():
        for c in cases:
            assert c["id"] not in ids, c["id"]
            ids.add(c["id"])
            ncase += 1
            pos = 0
            for e in c["expect"]:
                i = c["text"].find(e["claim"], pos)
                assert i >= 0, (c["id"], e["claim"])
                pos = i + len(e["claim"])
                n[e["verdict"]] += 1
        (HERE / f"{name}.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tot = sum(n.values())
    print(ncase, "cases", tot, "labels", {k: f"{v} ({100*v/tot:.0f}%)" for k, v in n.items()})
