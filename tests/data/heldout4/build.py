#!/usr/bin/env python3
"""Build the held-out set 4 JSON files (see README.md). Run from anywhere:

    python tests/data/heldout4/build.py

Labels were written from the reference rows before the checker was run on these texts.
"""

import json
import re
from pathlib import Path
import sys
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from labels import C, S, U  # noqa: E402  (tests/data/labels.py, shared by every set)

HERE = Path(__file__).resolve().parent


B = "bundled"
Q = ["tables/quillan.csv"]

FAMILIES = {}

FAMILIES["wire"] = [
    ("wire-economy-1", "economy", B, "2026-11-24",
     "LUSAKA, Nov 24 (Reuters) - Zambia's economy grew 4% in 2024, slowing from 5.4% a year earlier, "
     "after the worst drought in living memory cut power from the Kariba dam and left maize fields bare, "
     "the finance ministry said in its budget outlook on Tuesday. Inflation averaged 15% over the year, the "
     "ministry said, and it expects growth to pick up to 6.2% next year as copper output from mines around "
     "Kitwe and Chingola recovers. \"The fundamentals of this economy are sound,\" a ministry official told "
     "reporters, noting that the country of 25 million people had completed a restructuring of its external debt.",
     [S("4%", "Zambia", "real GDP growth rate", "2024 row: 4"),
      S("5.4%", "Zambia", "real GDP growth rate", "2023 row: 5.4 ('a year earlier')"),
      S("15%", "Zambia", "inflation rate", "2024 row: 15"),
      U("6.2%", "forecast for next year"),
      C("25 million", "Zambia", "population", "22,021,971 (2025); +13.5%")]),

    ("wire-economy-2", "economy", B, "2026-11-18",
     "HARARE, Nov 18 (Reuters) - Zimbabwe's economy expanded by only 2% in 2024, against 5.3% the year before, "
     "as an El Nino drought withered the maize and tobacco crops, according to figures published by the national "
     "statistics agency. Output in 2024 was worth $36 billion, the agency said. The southern African nation of "
     "17.5 million people, which won independence from Britain in 1980, has cycled through several currencies "
     "since hyperinflation wiped out its own dollar; its capital Harare has some 1.5 million residents, while "
     "Bulawayo, the second city, has about 665,000.",
     [S("2%", "Zimbabwe", "real GDP growth rate", "2024 row: 2"),
      S("5.3%", "Zimbabwe", "real GDP growth rate", "2023 row: 5.3"),
      C("$36 billion", "Zimbabwe", "GDP", "2024 GDP row: $44.188bn; -18.5%"),
      S("17.5 million", "Zimbabwe", "population", "17,472,752 (2025)"),
      S("1980", "Zimbabwe", "independence"),
      S("1.5 million", "Harare", "population", "GeoNames 1,542,813; 'some' = about"),
      S("665,000", "Bulawayo", "population", "GeoNames 665,952")]),

    ("wire-prices-3", "prices", B, "2026-11-10",
     "CAIRO, Nov 10 (AP) \u2014 Egypt's annual inflation rate averaged 28.3% in 2024, down from 33.9% in 2023, but "
     "the cost of bread, sugar and cooking oil still squeezes many of the country's 125 million people, economists "
     "say. The economy grew 3.8% in 2024, according to the planning ministry, which forecasts 4.5% for the current "
     "fiscal year. Greater Cairo alone holds more than 22 million people, and Alexandria, the Mediterranean port "
     "founded by Alexander the Great, about 5.3 million.",
     [S("28.3%", "Egypt", "inflation rate"),
      S("33.9%", "Egypt", "inflation rate", "2023 row"),
      C("125 million", "Egypt", "population", "112,870,457 (2025); +10.7%"),
      C("3.8%", "Egypt", "real GDP growth rate", "2024 row: 2.4 (3.8 is 2023's)"),
      U("4.5%", "forecast"),
      U("22 million", "Greater Cairo: a metro figure; no metro row (GeoNames Cairo 9.6m is undated)"),
      S("5.3 million", "Alexandria", "population", "GeoNames 5,263,542 (Egypt)")]),

    ("wire-jobs-4", "jobs", B, "2026-11-05",
     "RABAT (Reuters) - Morocco's unemployment rate stood at 13.3% in 2024, the planning commission said, with "
     "joblessness among young people far higher, a persistent weakness for a kingdom that spent 4% of its GDP on "
     "its armed forces that year. The government has promised to create jobs through projects tied to the 2030 "
     "World Cup, which it will co-host with Spain and Portugal. Casablanca, the commercial capital, has some "
     "3.7 million people; Rabat, the seat of government, about 1.7 million.",
     [C("13.3%", "Morocco", "unemployment rate", "2024 row: 9 (Factbook); +48%"),
      S("4%", "Morocco", "military expenditures", "2024 row: 4 (% of GDP)"),
      U("2030", "no event row for the World Cup"),
      S("3.7 million", "Casablanca", "population", "GeoNames 3,665,954 (Morocco)"),
      S("1.7 million", "Rabat", "population", "GeoNames 1,655,753; 'about'")]),

    ("wire-growth-5", "growth", B, "2026-11-07",
     "MANILA, Nov 7 (Reuters) - The Philippine economy grew 5.7% in 2024, one of the fastest rates in Southeast "
     "Asia, while inflation cooled to 3.2% from 7.2% in 2023, government data showed. The archipelago of more than "
     "7,600 islands, home to about 118 million people, won independence from the United States in 1946. Davao, on "
     "the southern island of Mindanao, has about 1.8 million residents, while Quezon City, the most populous city "
     "within Metro Manila, has 3.1 million.",
     [S("5.7%", "Philippines", "real GDP growth rate"),
      S("3.2%", "Philippines", "inflation rate", "2024 row"),
      C("7.2%", "Philippines", "inflation rate", "2023 row: 6; +20%"),
      U("7,600", "no islands row"),
      S("118 million", "Philippines", "population", "118,277,063 (2024)"),
      S("1946", "Philippines", "independence"),
      S("1.8 million", "Davao", "population", "GeoNames 1,848,947"),
      S("3.1 million", "Quezon City", "population", "GeoNames 3,084,270")]),

    ("wire-trade-6", "trade", B, "2026-11-19",
     "PHNOM PENH, Nov 19 (Reuters) - Cambodia's exports climbed 14% to $31.7 billion in 2024, driven by garments, "
     "footwear and bicycles shipped to the United States and Europe, the commerce ministry said on Thursday. Gross "
     "domestic product reached $52 billion in 2024, it said. The kingdom of about 17 million people, which gained "
     "independence from France in 1953, has relied on Chinese investment to build roads and a new airport outside "
     "Phnom Penh, a capital of some 2.3 million.",
     [U("14%", "a change"),
      S("$31.7 billion", "Cambodia", "exports", "2024 row: 31,712,000,000"),
      C("$52 billion", "Cambodia", "GDP", "2024 row: $46.353bn; +12%"),
      S("17 million", "Cambodia", "population", "17,230,333 (2025)"),
      S("1953", "Cambodia", "independence"),
      U("2.3 million", "GeoNames Phnom Penh 1,573,544, undated: does not fit")]),

    ("wire-farm-7", "farm", B, "2026-11-03",
     "ASUNCION, Nov 3 (Reuters) - Paraguay, one of the world's five biggest soybean exporters, grew 4.2% in 2024 "
     "on a record harvest, and the central bank kept its inflation target at 3.5%, officials said. The landlocked "
     "country of 7.6 million people, which broke from Spanish rule in 1821, depends on the Parana river to ship "
     "grain to the Atlantic; the river port of Ciudad del Este, on the border with Brazil, has about 300,000 "
     "inhabitants.",
     [U("five", "a rank"),
      S("4.2%", "Paraguay", "real GDP growth rate"),
      U("3.5%", "a target, not the inflation rate"),
      S("7.6 million", "Paraguay", "population", "7,604,044 (2025)"),
      C("1821", "Paraguay", "independence", "row: 1811"),
      S("300,000", "Ciudad del Este", "population", "GeoNames 301,815")]),

    ("wire-energy-8", "energy", B, "2026-11-11",
     "QUITO, Nov 11 (Reuters) - Ecuador's economy shrank 2% in 2024 as a drought emptied hydroelectric reservoirs "
     "and forced blackouts of up to 14 hours a day, the central bank said, while unemployment rose to 6.8%. The "
     "Andean nation of 16.4 million people has since signed a $5 billion loan programme with the International "
     "Monetary Fund. In Guayaquil, the country's biggest city and main port, home to 2.7 million, business groups "
     "said the outages cost factories hundreds of millions of dollars.",
     [S("2%", "Ecuador", "real GDP growth rate", "2024 row: -2 ('shrank')"),
      U("14 hours"),
      C("6.8%", "Ecuador", "unemployment rate", "2024 row: 4.8; +42%"),
      C("16.4 million", "Ecuador", "population", "18,479,841 (2025); -11%"),
      U("$5 billion", "a loan, no row"),
      S("2.7 million", "Guayaquil", "population", "GeoNames 2,723,665"),
      U("hundreds of millions of dollars", "vague; no row")]),

    ("wire-politics-9", "politics", B, "2026-11-14",
     "MONTEVIDEO, Nov 14 (AP) \u2014 Uruguay's jobless rate held at 8.5% in 2024 even as the economy grew 3.1%, "
     "official figures show, giving the centre-left government room to expand cash transfers. The country of "
     "3.9 million people, which won independence in 1825 after a war between Argentina and Brazil, has one of the "
     "oldest populations in South America, and its capital Montevideo is home to about 1.3 million.",
     [S("8.5%", "Uruguay", "unemployment rate"),
      S("3.1%", "Uruguay", "real GDP growth rate"),
      C("3.9 million", "Uruguay", "population", "3,449,444 (2025); +13%"),
      S("1825", "Uruguay", "independence", "row: independence from Brazil 1825; Argentina/Brazil are other places"),
      S("1.3 million", "Montevideo", "population", "GeoNames 1,270,737")]),

    ("wire-disaster-10", "disaster", B, "2026-11-21",
     "PORT VILA (AFP) - Vanuatu, a chain of 83 islands with a population of about 320,000, is still rebuilding "
     "after a magnitude 7.3 earthquake flattened buildings in the capital in December 2024, officials said on "
     "Friday. The capital, Port Vila, home to about 50,000 people, lost its main wharf for weeks. The country, "
     "which covers 14,800 square kilometres of land scattered across 1,300 km of ocean, won independence from "
     "France and Britain in 1980.",
     [U("83", "no islands row"),
      S("320,000", "Vanuatu", "population", "318,007 (2024)"),
      U("7.3", "magnitude"),
      U("50,000", "GeoNames Port-Vila 35,901, undated: does not fit"),
      C("14,800 square kilometres", "Vanuatu", "area", "row: 12,189 km2; +21%"),
      U("1,300 km", "extent of the chain, no row"),
      S("1980", "Vanuatu", "independence")]),

    ("wire-aid-11", "aid", B, "2026-11-26",
     "APIA (Reuters) - Samoa's economy grew 9.4% in 2024, the fastest pace in the Pacific, as tourists returned "
     "after the pandemic and the capital hosted a Commonwealth summit, while inflation eased to 2.2%. The nation of "
     "about 210,000 people, which became independent from New Zealand in 1966, relies on remittances from the many "
     "Samoans who live in Auckland and Sydney.",
     [S("9.4%", "Samoa", "real GDP growth rate"),
      S("2.2%", "Samoa", "inflation rate", "2024 row"),
      S("210,000", "Samoa", "population", "210,223 (2025)"),
      C("1966", "Samoa", "independence", "row: 1962")]),

    ("wire-sanctions-12", "sanctions", B, "2026-11-09",
     "MINSK (Reuters) - Belarus, under Western sanctions since it let Russian troops cross its territory to invade "
     "Ukraine in 2022, said its gross domestic product rose 4% in 2024 and reached $68 billion, figures that cannot "
     "be independently verified. The country of 9.5 million people, independent since the Soviet Union's collapse "
     "in 1991, has a capital, Minsk, of about 2 million.",
     [S("2022", "Russia", "invasion", "the invasion year (ukraine_war.csv); Belarus is not the invader"),
      S("4%", "Belarus", "real GDP growth rate"),
      C("$68 billion", "Belarus", "GDP", "2024 row: $75.962bn; -10.5%"),
      S("9.5 million", "Belarus", "population", "9,460,972 (2025)"),
      S("1991", "Belarus", "independence"),
      U("2 million", "GeoNames Minsk 1,742,124, undated: does not fit")]),

    ("wire-poverty-13", "poverty", B, "2026-11-02",
     "BUJUMBURA (Reuters) - Prices in Burundi rose 20.2% in 2024, the central bank said, as fuel shortages left "
     "lorries queuing for days outside petrol stations in Bujumbura, the former capital and largest city of some "
     "770,000 people. The country of 13.6 million, where the median age is just 19.8 years, is among the world's "
     "poorest, with output per person of around $800 in 2024 at purchasing power parity.",
     [S("20.2%", "Burundi", "inflation rate"),
      S("770,000", "Bujumbura", "population", "GeoNames 769,317"),
      S("13.6 million", "Burundi", "population", "13,590,102 (2024)"),
      C("19.8 years", "Burundi", "median age", "row: 17.6 (2025); +12.5%"),
      S("$800", "Burundi", "GDP per capita", "GDP per capita (PPP) 2024: 800")]),

    ("wire-islands-14", "islands", B, "2026-11-16",
     "PRAIA (Lusa) - Cabo Verde's economy grew 7.3% in 2024 on record tourist arrivals, the national statistics "
     "institute said, although unemployment stayed high at 13.4%. The Atlantic archipelago of 10 islands and some "
     "600,000 people, which won independence from Portugal in 1975, is dominated by the Fogo volcano, whose peak "
     "rises to 3,200 metres.",
     [S("7.3%", "Cabo Verde", "real GDP growth rate"),
      C("13.4%", "Cabo Verde", "unemployment rate", "2024 row: 11.9; +12.6%"),
      U("10", "no islands row"),
      S("600,000", "Cabo Verde", "population", "611,014 (2024); 'some' = about"),
      S("1975", "Cabo Verde", "independence"),
      C("3,200 metres", "Cabo Verde", "highest point", "row: 2,829 m (Pico do Fogo); +13%")]),

    ("wire-inflation-15", "inflation", B, "2026-11-04",
     "ANKARA, Nov 4 (Reuters) - Turkish consumer prices rose an average 58.5% in 2024, the statistics institute "
     "said, and the central bank's rate hikes have since pushed inflation down further, though unemployment of "
     "10.4% that year weighed on households. The country of 85 million people, whose republic was proclaimed in "
     "1923 on the ruins of the Ottoman Empire, counts 15.7 million in Istanbul alone.",
     [S("58.5%", "Turkey", "inflation rate"),
      C("10.4%", "Turkey", "unemployment rate", "2024 row: 8.5; +22%"),
      S("85 million", "Turkey", "population", "84,625,585 (2025)"),
      S("1923", "Turkey", "republic"),
      S("15.7 million", "Istanbul", "population", "GeoNames 15,701,602")]),
]

FAMILIES["business"] = [
    ("business-debt-16", "debt", B, "2026-11-12",
     "ATHENS (Reuters) - Greece's public debt, the heaviest in the euro zone at 190.6% of GDP in 2023, is falling "
     "faster than forecast, the finance ministry said, as tourism revenue hit records and unemployment dropped to "
     "10.2% in 2024. The country of 11.6 million people has a coastline of some 16,000 km, and island-hopping "
     "visitors outnumber residents several times over each summer.",
     [S("190.6%", "Greece", "public debt"),
      S("10.2%", "Greece", "unemployment rate"),
      C("11.6 million", "Greece", "population", "10,424,536 (2025); +11%"),
      C("16,000 km", "Greece", "coastline", "row: 13,676 km; +17%")]),

    ("business-euro-17", "euro", B, "2026-11-20",
     "SOFIA (Reuters) - Bulgaria, which adopts the euro on Jan. 1, grew 2.8% in 2024, the statistics office said, "
     "and inflation was 9.4% that year. Its population has shrunk to 6.7 million from nearly 9 million in 1989, as "
     "young people left for jobs in Germany and Britain; Plovdiv, the second city, has about 380,000 residents. "
     "Bulgaria declared full independence from the Ottoman Empire in 1908.",
     [S("2.8%", "Bulgaria", "real GDP growth rate"),
      C("9.4%", "Bulgaria", "inflation rate", "2024 row: 2.4 (9.4 is 2023's)"),
      S("6.7 million", "Bulgaria", "population", "6,737,997 (2025)"),
      U("9 million", "a 1989 figure: no row of that year"),
      U("380,000", "GeoNames Plovdiv 329,489, undated: does not fit"),
      S("1908", "Bulgaria", "independence")]),

    ("business-budget-18", "budget", B, "2026-11-25",
     "BUDAPEST, Nov 25 (Reuters) - Hungary's economy grew just 0.5% in 2024 after contracting 0.8% in 2023, and "
     "inflation of 3.7% in 2024 was well below the 17.1% of a year earlier, central bank data show. Budapest, home "
     "to 1.7 million of the country's 9.9 million people, has drawn Chinese carmakers and battery plants to the "
     "landlocked country, which covers some 103,000 square kilometres.",
     [S("0.5%", "Hungary", "real GDP growth rate"),
      S("0.8%", "Hungary", "real GDP growth rate", "2023 row: -0.8 ('contracting')"),
      S("3.7%", "Hungary", "inflation rate"),
      S("17.1%", "Hungary", "inflation rate", "2023 row"),
      S("1.7 million", "Budapest", "population", "GeoNames 1,741,041: Budapest's own population (also a part of Hungary's)"),
      S("9.9 million", "Hungary", "population", "9,855,745 (2024)"),
      C("103,000 square kilometres", "Hungary", "area", "row: 93,028 km2; +10.7%")]),

    ("business-defence-19", "defence", B, "2026-11-13",
     "COPENHAGEN, Nov 13 (Reuters) - Denmark spent 3.2% of its GDP on defence in 2025, up from 2.3% in 2024, the "
     "defence ministry said, as the government rushed to buy air defence systems and patrol ships for Greenland. "
     "The economy grew 4.3% in 2024, lifted by drugmaker Novo Nordisk, and the country of 6 million now has one of "
     "Europe's strongest public balance sheets. Flat Denmark's highest point, Mollehoj, stands only 217 metres "
     "above sea level.",
     [S("3.2%", "Denmark", "military expenditures", "2025 row: 3.2"),
      S("2.3%", "Denmark", "military expenditures", "2024 row: 2.3"),
      C("4.3%", "Denmark", "real GDP growth rate", "2024 row: 3.7; +16%"),
      S("6 million", "Denmark", "population", "6,051,491 (2025)"),
      C("217 metres", "Denmark", "highest point", "row: 171 m; +27%")]),

    ("business-jobs-20", "jobs", B, "2026-11-17",
     "JOHANNESBURG (Reuters) - South Africa's unemployment rate averaged 33.2% in 2024, one of the highest in the "
     "world, and the economy grew only 1.1%, Statistics South Africa said. Johannesburg, the country's financial "
     "hub, is a city of 5.6 million people; the greater Johannesburg metropolitan area, including Soweto and the "
     "East Rand, counts about 9.4 million. South Africa, a country of 61 million, held its first all-race "
     "elections in 1994.",
     [S("33.2%", "South Africa", "unemployment rate"),
      C("1.1%", "South Africa", "real GDP growth rate", "2024 row: 0.6"),
      U("5.6 million", "the city proper; the only row (9,418,183) is a metro figure"),
      S("9.4 million", "Johannesburg", "population", "GeoNames metro row 9,418,183; the article says metro"),
      S("61 million", "South Africa", "population", "61,089,926 (2025)"),
      S("1994", "South Africa", "majority rule")]),

    ("business-mining-21", "mining", B, "2026-11-08",
     "KITWE, Zambia (Bloomberg) - Copper output in Zambia, a country of about 850,000 square kilometres that is "
     "larger than Texas, is set to reach 1 million tonnes a year by 2031 under a government plan, the mines "
     "minister said. Kitwe and Ndola, the main Copperbelt cities, each have fewer than 700,000 residents, while "
     "Lusaka, the capital, has about 2.2 million.",
     [C("850,000 square kilometres", "Zambia", "area", "row: 752,618 km2; +13%"),
      U("1 million tonnes", "a production target"),
      U("700,000", "a bound over two cities"),
      S("2.2 million", "Lusaka", "population", "GeoNames 2,212,301")]),

    ("business-soy-22", "soy", B, "2026-11-06",
     "BUENOS AIRES (Reuters) - Argentina's economy shrank 3.5% in 2024 as President Javier Milei's spending cuts "
     "took hold, while neighbouring Bolivia, a landlocked country of 12.4 million people, grew 2.4% and is now short "
     "of dollars and fuel. Argentina, with 45 million people, won independence from Spain in 1816, nine years "
     "before Bolivia.",
     [C("3.5%", "Argentina", "real GDP growth rate", "2024 row: -1.7"),
      S("12.4 million", "Bolivia", "population", "12,436,103 (2025)"),
      C("2.4%", "Bolivia", "real GDP growth rate", "2024 row: 1.4"),
      S("45 million", "Argentina", "population", "45,418,098 (2025)"),
      S("1816", "Argentina", "independence"),
      U("nine years", "a gap between two events")]),

    ("business-chips-23", "chips", B, "2026-11-27",
     "TAIPEI (Reuters) - Taiwan's exports hit $432 billion in 2023 and have climbed further on demand for "
     "artificial intelligence servers, the finance ministry said, making the island of 21 million people one of the "
     "most important links in the global chip supply chain. Taipei has 7.9 million people, while Kaohsiung in the "
     "south, home to some of TSMC's newest plants, has about 2.7 million.",
     [S("$432 billion", "Taiwan", "exports", "2023 row: 432,432,000,000"),
      C("21 million", "Taiwan", "population", "23,600,776 (2025); -11%"),
      S("7.9 million", "Taipei", "population", "GeoNames 7,871,900"),
      S("2.7 million", "Kaohsiung", "population", "GeoNames 2,737,660")]),

    ("business-tobacco-24", "tobacco", B, "2026-11-15",
     "LILONGWE (Reuters) - Malawi's inflation hit 38% in 2024, driven by food prices after a drought and a "
     "devaluation of the kwacha, the central bank said. The landlocked country of 21.8 million people, which became "
     "independent from Britain in 1966, relies on tobacco for most of its export earnings. Lilongwe, the capital, "
     "has about 1.1 million residents and the commercial hub Blantyre around 900,000.",
     [C("38%", "Malawi", "inflation rate", "2024 row: 32.2; +18%"),
      S("21.8 million", "Malawi", "population", "21,763,309 (2024)"),
      C("1966", "Malawi", "independence", "row: 1964 (1966 is the republic)"),
      S("1.1 million", "Lilongwe", "population", "GeoNames 1,115,815"),
      S("900,000", "Blantyre", "population", "GeoNames 902,588 (Malawi)")]),
]

FAMILIES["history"] = [
    ("history-independence-25", "independence", B, "2026-11-01",
     "LA PAZ (AFP) - Bolivia, which declared independence from Spain in 1809, will hold a presidential runoff next "
     "month. The Andean country, landlocked since it lost its coast to Chile in a war in 1884, covers 1,098,581 "
     "square kilometres. La Paz has about 2 million inhabitants and Santa Cruz de la Sierra, the booming "
     "agricultural capital of the east, 1.8 million.",
     [C("1809", "Bolivia", "independence", "row: 1825 (1809 is the La Paz uprising)"),
      U("1884", "no event row"),
      S("1,098,581 square kilometres", "Bolivia", "area"),
      S("2 million", "La Paz", "population", "GeoNames 2,004,652 (Bolivia)"),
      S("1.8 million", "Santa Cruz de la Sierra", "population", "GeoNames 1,831,434")]),

    ("history-treaties-26", "treaties", B, "2026-11-28",
     "KYIV (Reuters) - Ukraine gave up the nuclear arsenal it inherited from the Soviet Union under the Budapest "
     "Memorandum, signed in 1994, in exchange for security assurances from Russia, the United States and Britain. "
     "Eight days after Russia launched its full-scale invasion in 2022, 141 countries backed a UN General Assembly "
     "resolution demanding that Moscow withdraw its troops, with 7 voting against and 35 abstaining.",
     [S("1994", "Budapest Memorandum", "signed"),
      U("Eight days"),
      S("2022", "Russia", "invasion"),
      S("141", "UN General Assembly resolution ES-11/1", "votes in favour",
        "the 2 March 2022 resolution (eight days after 24 February); ES-11/4 had 143"),
      C("7", "UN General Assembly resolution ES-11/1", "votes against", "row: 5"),
      S("35", "UN General Assembly resolution ES-11/1", "abstentions")]),

    ("history-suez-27", "suez", B, "2026-11-22",
     "CAIRO (Reuters) - Egypt, which won independence from Britain in 1952, controls the Suez Canal, opened in "
     "1869, through which roughly 12% of world trade passed before Houthi attacks in the Red Sea diverted ships "
     "around Africa. The country covers just over 1 million square kilometres, but 95% of its people live along the "
     "narrow Nile valley and delta, and its coastline runs 2,450 km along the Mediterranean and the Red Sea.",
     [C("1952", "Egypt", "independence", "row: 1922 (1952 is the revolution)"),
      U("1869", "no Suez Canal row"),
      U("12%"),
      S("1 million square kilometres", "Egypt", "area", "1,001,450 km2; 'just over'"),
      U("95%", "a part of the population"),
      S("2,450 km", "Egypt", "coastline")]),

    ("history-union-28", "union", B, "2026-11-23",
     "CAPE TOWN (Reuters) - The Union of South Africa was formed from four British colonies in 1912 and became a "
     "republic in 1961, leaving the Commonwealth under pressure over apartheid. Cape Town, where parliament sits, "
     "now has 4.8 million people, and Durban, the busiest port, 3.3 million.",
     [U("four", "a count of colonies, no row"),
      C("1912", "South Africa", "Union of South Africa", "row: 1910"),
      S("1961", "South Africa", "republic"),
      S("4.8 million", "Cape Town", "population", "GeoNames 4,772,846"),
      S("3.3 million", "Durban", "population", "GeoNames 3,338,026")]),
]

FAMILIES["analysis"] = [
    ("analysis-sum-29", "sum-vs-metric", B, "2026-11-22",
     "OPINION: Uruguay's economy, worth $81 billion in 2024, is smaller than Ecuador's at $124.7 billion, yet "
     "Uruguayans earn far more per head, about $32,000 at purchasing power parity against roughly $13,900 for "
     "Ecuadorians. The damage from Ecuador's power crisis, put by business groups at $7.5 billion, would equal "
     "almost a tenth of Uruguay's output.",
     [S("$81 billion", "Uruguay", "GDP", "2024 row: $80.962bn"),
      S("$124.7 billion", "Ecuador", "GDP", "2024 row: $124.676bn"),
      S("$32,000", "Uruguay", "GDP per capita", "GDP per capita (PPP) 2024: 32,000"),
      S("$13,900", "Ecuador", "GDP per capita", "GDP per capita (PPP) 2024: 13,900"),
      U("$7.5 billion", "damage estimate, no row"),
      U("a tenth", "a sum compared with GDP")]),

    ("analysis-parts-30", "part", B, "2026-11-26",
     "ANALYSIS - Almost 44% of Zambians are under 15, and a median age of 19 means the country must create "
     "hundreds of thousands of jobs a year. Next door, more than 60% of Zimbabwe's 17.5 million people live in "
     "rural areas, and some 3 million Zimbabweans are thought to work in South Africa.",
     [U("44%", "a part of the population"),
      U("15", "an age"),
      S("19", "Zambia", "median age", "row: 19 (2025)"),
      U("hundreds of thousands", "vague, jobs"),
      U("60%", "a part (rural share: no row)"),
      S("17.5 million", "Zimbabwe", "population"),
      U("3 million", "a part (abroad)")]),

    ("analysis-rank-31", "rank", B, "2026-11-19",
     "SOFIA/BUDAPEST (Reuters) - Bulgaria and Hungary, both among the five poorest of the EU's 27 members by output "
     "per head, each have fewer than 10 million people, and together they are home to about 16.6 million. "
     "Bulgaria's income per person at purchasing power parity was $34,100 in 2024, below Hungary's $40,700.",
     [U("five", "a rank"),
      U("27", "EU members, no row"),
      U("10 million", "a bound over two countries"),
      U("16.6 million", "a sum of two countries"),
      S("$34,100", "Bulgaria", "GDP per capita", "GDP per capita (PPP) 2024"),
      S("$40,700", "Hungary", "GDP per capita", "GDP per capita (PPP) 2024")]),
]

FAMILIES["regional"] = [
    ("regional-tourism-32", "tourism", B, "2026-11-09",
     "MARRAKESH, Morocco (AP) \u2014 Marrakesh, a city of about 1 million people at the foot of the Atlas "
     "mountains, whose highest peak, Toubkal, rises to 4,165 metres, drew record numbers of visitors this year. "
     "Morocco, which gained independence from France in 1956, received 17.4 million tourists in 2024, the tourism "
     "ministry said.",
     [S("1 million", "Marrakesh", "population", "GeoNames 995,871"),
      S("4,165 metres", "Morocco", "highest point", "Toubkal is Morocco's highest point (row 4,165 m); dateline names Morocco"),
      S("1956", "Morocco", "independence"),
      U("17.4 million", "tourists: no row")]),

    ("regional-andes-33", "andes", B, "2026-11-10",
     "QUITO (Reuters) - Quito, the Ecuadorean capital of 2.8 million that sits at 2,850 metres in the Andes, is "
     "struggling with the same water shortages as the coast. The Galapagos Islands, about 1,000 km offshore, are "
     "home to some 30,000 people, while Ecuador's mainland coastline stretches 2,237 km.",
     [S("2.8 million", "Quito", "population", "GeoNames 2,781,641"),
      U("2,850 metres", "elevation of a city: no row"),
      U("1,000 km"),
      U("30,000", "no Galapagos row"),
      S("2,237 km", "Ecuador", "coastline")]),

    ("regional-cycling-34", "cycling", B, "2026-11-15",
     "COPENHAGEN (Reuters) - Copenhagen, a city of about 1.2 million, now has more than 390 km of cycle lanes, and "
     "officials from Ankara, the Turkish capital of 5.8 million, visited this month to study them. Denmark, whose "
     "coastline runs 7,314 km around Jutland and more than 400 islands, is also building bike routes along the sea.",
     [U("1.2 million", "GeoNames Copenhagen 1,153,615 is marked figure_kind=metro and the article says \"a city of\" (metro-area rule); relabelled after the first run: originally supported, a labelling mistake"),
      U("390 km", "cycle lanes"),
      U("5.8 million", "GeoNames Ankara 3,517,182, undated: does not fit"),
      S("7,314 km", "Denmark", "coastline"),
      U("400", "islands: no row")]),
]

FAMILIES["user_tables"] = [
    ("user-bridge-1", "length-words", Q, "2026-11-20",
     "PORT QUILLAN - The Harrowgate Sound Bridge, which opened in 1998, stretches 2.14 km across the sound and "
     "carries 40,000 vehicles a day, the highways agency said.",
     [S("1998", "Harrowgate Sound Bridge", "opened"),
      S("2.14 km", "Harrowgate Sound Bridge", "length", "row: 2,140 m"),
      U("40,000", "traffic: no row")]),

    ("user-lake-2", "area-words", Q, "2026-11-20",
     "Lake Ollerby, which covers 460 square kilometres and plunges to 87 metres at its deepest, supplies water to "
     "Port Quillan, a town of about 48,000.",
     [C("460 square kilometres", "Lake Ollerby", "area", "row: 412 km2; +11.7%"),
      S("87 metres", "Lake Ollerby", "depth", "maximum depth 87 m"),
      S("48,000", "Port Quillan", "population", "row: 48,200")]),

    ("user-tunnel-3", "event-year", Q, "2026-11-20",
     "Mount Carrow rises 1,342 metres above the valley, and the Brenning Tunnel, opened in 2009, runs 11.6 km "
     "beneath it.",
     [S("1,342 metres", "Mount Carrow", "height"),
      C("2009", "Brenning Tunnel", "opened", "row: 2011"),
      S("11.6 km", "Brenning Tunnel", "length")]),

    ("user-budget-4", "undated", Q, "2026-11-20",
     "Port Quillan, home to 61,000 people according to the council, is the base of the Port Quillan Harbour "
     "Authority, which has an annual budget of \u00a336m, the authority said.",
     [U("61,000", "undated count that does not fit (row 48,200)"),
      S("\u00a336m", "Port Quillan Harbour Authority", "budget")]),

    ("user-tunnel-5", "length-words", Q, "2026-11-20",
     "The Brenning Tunnel is 13 km long, the longest road tunnel in the county, and cost \u00a3400m to build.",
     [C("13 km", "Brenning Tunnel", "length", "row: 11.6 km; +12%"),
      U("\u00a3400m", "cost: no row")]),

    ("user-bound-6", "negation-bound", Q, "2026-11-20",
     "Lake Ollerby and nearby Tarn Mere each cover less than 500 square kilometres; the Harrowgate Sound Bridge is "
     "2,400 metres long.",
     [U("500 square kilometres", "a bound over two lakes"),
      C("2,400 metres", "Harrowgate Sound Bridge", "length", "row: 2,140 m; +12%")]),
]


def main():
    ids = set()
    totals = {"supported": 0, "contradicted": 0, "unverified": 0}
    for fam, cases in FAMILIES.items():
        out = []
        for cid, pattern, tables, date, text, expect in cases:
            assert cid not in ids, cid
            ids.add(cid)
            cursor = 0
            for e in expect:
                at = text.find(e["claim"], cursor)
                assert at >= 0, (cid, e["claim"])
                before = text[at - 1] if at else " "
                after = text[at + len(e["claim"])] if at + len(e["claim"]) < len(text) else " "
                assert not re.match(r"[\w.$]", before) or e["claim"][0] in "$\u00a3", (cid, e["claim"], before)
                assert not re.match(r"\w", after) or not e["claim"][-1].isdigit(), (cid, e["claim"], after)
                cursor = at + 1
                totals[e["verdict"]] += 1
            out.append({"id": cid, "pattern": pattern, "tables": tables, "date": date, "text": text, "expect": expect})
        (HERE / f"{fam}.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n = sum(totals.values())
    print(len(ids), "cases,", n, "labels", totals, {k: round(100 * v / n) for k, v in totals.items()})


if __name__ == "__main__":
    main()
