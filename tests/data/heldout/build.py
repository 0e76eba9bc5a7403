#!/usr/bin/env python3
"""Writes the held-out set's JSON files from the cases below (run from anywhere).

The labels were written by hand from the tables (reference_data/ and tables/), before the
checker was run on them; see README.md for the rules they follow."""
import json
from collections import defaultdict
from pathlib import Path
import sys
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from labels import C, S, U  # noqa: E402  (tests/data/labels.py, shared by every set)

HERE = Path(__file__).resolve().parent
D = "2026-02-18"
FIX = ["tables/fixture_county.csv"]
LAND = ["tables/landmarks.csv"]
CO = ["tables/companies_treaties.csv"]


FAMILIES = defaultdict(list)


def case(family, pattern, text, expect, tables="bundled", date=D):
    FAMILIES[family].append({"pattern": pattern, "tables": tables, "date": date, "text": text, "expect": expect})


# ============================================================ wire copy
W = "wire"
case(W, "respectively",
     "TASHKENT (Reuters) - Uzbekistan and Kyrgyzstan, whose populations stand at roughly 37 million and "
     "6.2 million respectively, agreed on Tuesday to pool data from their glacier-fed rivers, officials said.",
     [S("37 million", "Uzbekistan", "population"), S("6.2 million", "Kyrgyzstan", "population")])
case(W, "control",
     "Armenia, a landlocked country of about 3 million people, reopened a border crossing with Georgia on "
     "Monday, ending a closure that had lasted 11 weeks.",
     [S("3 million people", "Armenia", "population", "2,963,837 (2025 est.)"),
      U("11 weeks", "a duration with no row")])
case(W, "two-events",
     "Eritrea, which broke away from Ethiopia in 1993 after a long guerrilla war, has not held a national "
     "election since, the rights group said in a report released in Nairobi.",
     [S("1993", "Eritrea", "independence", "independence from Ethiopia, 24 May 1993: Eritrea's row, not Ethiopia's")])
case(W, "pronoun",
     "Madagascar's government declared a state of emergency in the south on Friday. The island nation, home "
     "to some 31 million people, has a coastline of 4,828 km that cyclones strike almost every year.",
     [S("31 million people", "Madagascar", "population"), S("4,828 km", "Madagascar", "coastline")])
case(W, "control",
     "Senegal, a West African nation of 21 million people, will hold a referendum on the constitution in "
     "June, the electoral commission said.",
     [C("21 million people", "Senegal", "population", "18,847,519 (2024 est.): 11% off")])
case(W, "part",
     "About 1.2 million of Honduras's 9.5 million people depend on money sent home by relatives abroad, "
     "the central bank estimates.",
     [U("1.2 million", "a part of the population"), S("9.5 million people", "Honduras", "population")])
case(W, "projection",
     "Officials in Amman expect Jordan's population to reach 13 million by 2030, up from 11.3 million now.",
     [U("13 million", "a projection"), U("2030", "a year with no event row"),
      S("11.3 million", "Jordan", "population")])
case(W, "economy-year",
     "KUALA LUMPUR (Reuters) - Malaysia's economy grew 5.1% in 2024, the statistics department said, while "
     "inflation that year eased to 1.8%.",
     [S("5.1%", "Malaysia", "real GDP growth rate"), U("2024", "a year, no event row"),
      S("1.8%", "Malaysia", "inflation rate", "'that year' is 2024")])
case(W, "economy-year",
     "Sri Lanka's inflation peaked at 49.7% in 2022 before falling to 16.5% in 2023, a sign that the "
     "worst of the crisis had passed.",
     [S("49.7%", "Sri Lanka", "inflation rate"), U("2022"), S("16.5%", "Sri Lanka", "inflation rate"), U("2023")])
case(W, "economy-year",
     "Costa Rica's unemployment rate fell to 5.9% in 2024, the lowest in a decade, the labour ministry said.",
     [C("5.9%", "Costa Rica", "unemployment rate", "7.9% in 2024"), U("2024")])
case(W, "war-table",
     "KYIV (AP) - Russian forces hold roughly a fifth of Ukraine, about 116,000 square kilometres, according "
     "to DeepState, an open-source monitoring group that tracks the front line.",
     [S("a fifth", "Ukraine", "territory occupied by Russia", "'roughly a fifth' = 20%, row 19-20% (2026-02)"), S("116,000 square kilometres", "Ukraine", "area occupied by Russia", "116,165 km2 on 1 January 2026")])
case(W, "war-table",
     "Resolution ES-11/4, adopted by the General Assembly in October 2022 to condemn the annexations, drew "
     "143 votes in favour and 35 abstentions.",
     [U("2022", "the year of the vote: no 'adopted' row for the resolution"),
      S("143 votes", "UN General Assembly resolution ES-11/4", "votes in favour"),
      S("35 abstentions", "UN General Assembly resolution ES-11/4", "abstentions")])
case(W, "bilateral-border",
     "Tajikistan shares a 1,206 km frontier with Afghanistan, and officials in Dushanbe like to point out "
     "that the mountainous country's highest peak, Ismoil Somoni, rises to 7,495 metres.",
     [U("1,206 km", "a bilateral border: the row is all land boundaries"),
      S("7,495 metres", "Tajikistan", "highest point")])
case(W, "age",
     "In Chad, where the median age is just 16.9 years, nearly half the population is under 15, the UN "
     "children's agency said.",
     [S("16.9 years", "Chad", "median age"), U("half", "a part"), U("15", "an age")])
case(W, "rank",
     "Angola, one of Africa's two largest oil producers, is home to almost 39 million people.",
     [U("two", "a rank"), S("39 million people", "Angola", "population", "38,984,796 (2025 est.)")])
case(W, "party-claim",
     "Russian-installed officials said 96.77% of voters backed joining Russia in the 2014 referendum in "
     "Crimea, a vote Kyiv and most of the world never recognised.",
     [S("96.77%", "Crimea", "referendum vote", "the claimant's figure, attributed to it"),
      U("2014", "the referendum's year: no year row names the referendum")])
case(W, "elapsed",
     "Sri Lanka, which marked 78 years of independence this month, is still repaying debts it defaulted on.",
     [S("78 years", "Sri Lanka", "independence", "4 February 1948 to February 2026")])
case(W, "city",
     "Mombasa, Kenya's main port and a city of 1.2 million, was hit by flooding overnight, the Red Cross said.",
     [S("1.2 million", "Mombasa", "population", "GeoNames 1,208,333")])
case(W, "city",
     "Kumasi, Ghana's second city, has more than 3 million residents, according to the mayor.",
     [U("3 million residents", "GeoNames 2,544,530 is undated: a bound that does not fit is unverified")])

# ============================================================ explainers / reference
E = "explainer"
case(E, "control",
     "How big is Mexico? At 1,964,375 square kilometres it is larger than any European country, and its "
     "9,330 km of coastline face both the Pacific and the Gulf of Mexico.",
     [S("1,964,375 square kilometres", "Mexico", "area"), S("9,330 km", "Mexico", "coastline")])
case(E, "control",
     "Oman occupies 309,500 sq km of the south-eastern Arabian Peninsula. Its highest summit, Jabal Shams, "
     "reaches 3,004 m; the sultanate's population is just under 4 million.",
     [S("309,500 sq km", "Oman", "area"), S("3,004 m", "Oman", "highest point"),
      S("4 million", "Oman", "population", "3,969,824 (2025 est.)")])
case(E, "control",
     "Suriname is the smallest sovereign state in South America, with 163,820 km2 of territory and 653,605 "
     "inhabitants (2025 estimate).",
     [S("163,820 km2", "Suriname", "area"), S("653,605 inhabitants", "Suriname", "population"),
      U("2025", "the estimate's year, no event row")])
case(E, "land-area",
     "Malawi's total area is 118,484 square kilometres, but only 94,080 square kilometres of it is land; "
     "the rest is mostly Lake Malawi.",
     [S("118,484 square kilometres", "Malawi", "area"), S("94,080 square kilometres", "Malawi", "land area")])
case(E, "two-events",
     "Panama's path to statehood took two steps: it broke from Spain in 1821, joined Gran Colombia, and "
     "separated from Colombia only in 1903.",
     [U("two steps"), S("1821", "Panama", "independence from Spain"), S("1903", "Panama", "independence from Colombia")])
case(E, "wrong-year",
     "Brunei, which gained independence from Britain in 1974, is one of the world's smallest oil states.",
     [C("1974", "Brunei", "independence", "1 January 1984")])
case(E, "control",
     "Mauritius, an Indian Ocean island state of 2,040 sq km, had 1.31 million residents in 2025.",
     [S("2,040 sq km", "Mauritius", "area"), S("1.31 million residents", "Mauritius", "population"), U("2025")])
case(E, "comparison",
     "Djibouti (23,200 sq km) is slightly larger than Belize (22,966 sq km), yet it has more than twice as "
     "many people.",
     [S("23,200 sq km", "Djibouti", "area"), S("22,966 sq km", "Belize", "area")])
case(E, "two-events",
     "Kosovo, which declared independence from Serbia in 2008, covers about 12,900 square kilometres.",
     [S("2008", "Kosovo", "independence"),
      C("12,900 square kilometres", "Kosovo", "area", "10,887 km2: 18% off")])
case(E, "economy-year",
     "Life expectancy at birth in Albania was 79.9 years in 2024, higher than in neighbouring North Macedonia.",
     [S("79.9 years", "Albania", "life expectancy at birth"), U("2024")])
case(E, "former-latter",
     "Turkmenistan and Azerbaijan face each other across the Caspian Sea. The former covers 488,100 square "
     "kilometres, the latter 86,600.",
     [S("488,100 square kilometres", "Turkmenistan", "area"), S("86,600", "Azerbaijan", "area")])
case(E, "control",
     "Uzbekistan is doubly landlocked: none of its neighbours reaches the ocean either. Its land borders run "
     "for 6,893 km.",
     [S("6,893 km", "Uzbekistan", "land boundaries")])
case(E, "highest-point",
     "Volcán Tajumulco, at 4,220 metres the highest point in Central America, rises in western Guatemala.",
     [S("4,220 metres", "Guatemala", "highest point")])
case(E, "economy-year",
     "Lebanon's GDP was about $20 billion in 2023, a fraction of what it was before the banking collapse.",
     [S("$20 billion", "Lebanon", "GDP", "$20.079 billion (2023 est.)"), U("2023")])
case(E, "event-year",
     "Saudi Arabia was proclaimed a unified kingdom in 1932 by Abdulaziz Ibn Saud.",
     [S("1932", "Saudi Arabia", "unification")])
case(E, "event-year",
     "Tanganyika merged with Zanzibar in April 1964, and the union was renamed Tanzania in October of the "
     "same year.",
     [S("1964", "Tanzania", "Tanganyika united with Zanzibar")])
case(E, "two-events",
     "Mexico declared independence from Spain in 1810, but Madrid did not recognise it until 1821.",
     [S("1810", "Mexico", "independence declared"), S("1821", "Mexico", "independence recognised")])
case(E, "wrong-year",
     "Libya, an Italian colony until the Second World War, became independent in 1949.",
     [C("1949", "Libya", "independence", "24 December 1951")])
case(E, "control",
     "Djibouti, the last French territory on the African mainland to be decolonised, became independent in 1977.",
     [S("1977", "Djibouti", "independence")])
case(E, "sq-mi",
     "Belize covers 8,867 sq mi, roughly the size of Massachusetts.",
     [S("8,867 sq mi", "Belize", "area", "22,966 km2")])
case(E, "feet",
     "Pico Duarte, the highest mountain in the Caribbean at 10,164 feet, is in the Dominican Republic's "
     "Cordillera Central.",
     [S("10,164 feet", "Dominican Republic", "highest point", "3,098 m")])
case(E, "miles",
     "Cuba's 2,321 miles of coastline are longer than those of many continental countries.",
     [S("2,321 miles", "Cuba", "coastline", "3,735 km")])
case(E, "space-separator",
     "Cameroon spans 475 440 km², from the Gulf of Guinea to Lake Chad; Mount Cameroon, its highest "
     "point, reaches 4 045 m.",
     [S("475 440 km²", "Cameroon", "area"), S("4 045 m", "Cameroon", "highest point")])

case(E, "different-year",
     "Lebanon's economy was worth $20 billion in 2024, the finance minister said.",
     [U("$20 billion", "the only GDP row is 2023: a figure dated to another year is unverified"), U("2024")])
case(E, "different-year",
     "Mauritius had 1.31 million residents in 2019, before the pandemic closed its hotels.",
     [U("1.31 million residents", "the row is a 2025 estimate, 6 years from the claim's year"), U("2019")])
case(E, "estimate-tolerance",
     "Albania has 2,590,000 inhabitants, fewer than at any census since the 1960s.",
     [S("2,590,000 inhabitants", "Albania", "population", "2,551,837 (2025 est.): 1.5% off, within 2%"),
      U("1960s")])
case(E, "reference-rounding",
     "Eritrea covers 117,580 square kilometres along the Red Sea.",
     [S("117,580 square kilometres", "Eritrea", "area", "the table's 117,600 is itself rounded")])
case(E, "source-tolerance",
     "Uzbekistan covers 448,978 km², according to the national statistics committee.",
     [S("448,978 km²", "Uzbekistan", "area", "447,400 in the Factbook: 0.35% apart")])
case(E, "pronoun",
     "Jordan's King Abdullah opened a desalination plant on the Red Sea on Sunday. The kingdom, which has "
     "just 26 km of shoreline at Aqaba, will pipe the water 300 km north to Amman.",
     [S("26 km", "Jordan", "coastline"), U("300 km", "a pipeline length, no row")])

# ============================================================ opinion columns
O = "opinion"
case(O, "pronoun",
     "Let us be honest about scale. Sri Lanka is an island of 22 million people, not a continental power, "
     "and its debts were always going to find it out. Its economy shrank 7.3% in 2022 - a collapse, whatever "
     "ministers chose to call it.",
     [S("22 million people", "Sri Lanka", "population"),
      S("7.3%", "Sri Lanka", "real GDP growth rate", "-7.3% in 2022"), U("2022")])
case(O, "economy-year",
     "Botswana's diamond economy contracted by 3% in 2024, and with unemployment at 23.2% that same year, "
     "the government's talk of diversification rings hollow.",
     [S("3%", "Botswana", "real GDP growth rate", "-3% in 2024"), U("2024"),
      S("23.2%", "Botswana", "unemployment rate")])
case(O, "demonym",
     "Anyone who thinks Cuba's crisis is purely economic should look at its demography: the median Cuban "
     "is 46.2 years old.",
     [S("46.2 years", "Cuba", "median age")])
case(O, "party-claim",
     "The exile groups insist that 850,000 Cubans have left since 2021; Havana says the number is far lower.",
     [U("850,000", "a party's figure, no row"), U("2021")])
case(O, "economy-year",
     "Uzbekistan's economy, worth roughly $150 billion in 2024, is still small next to its ambitions.",
     [C("$150 billion", "Uzbekistan", "GDP", "$114.965 billion in 2024: 30% off"), U("2024")])
case(O, "hedge",
     "Israel, a country of about 9.8 million people, cannot fight on several fronts forever.",
     [S("9.8 million people", "Israel", "population", "9,402,617 (2024 est.): 4% off, within 'about'")])
case(O, "control",
     "Saudi Arabia, with 2,149,690 square kilometres of mostly desert and not a single permanent river, "
     "will always have to buy or make its water.",
     [S("2,149,690 square kilometres", "Saudi Arabia", "area")])
case(O, "sum-vs-metric",
     "Rebuilding Sudan could cost $300 billion, far more than its 50 million people produce in a year.",
     [U("$300 billion", "a cost compared with GDP"), S("50 million people", "Sudan", "population")])
case(O, "stale-economy",
     "Panama, an economy of some $60 billion, lives and dies by its canal.",
     [U("$60 billion", "GDP $86.26 billion is a 2024 figure: out of the economy window and does not fit")])
case(O, "stale-economy",
     "Oman, whose economy is worth about $107 billion, has done more than its neighbours to wean itself off oil.",
     [S("$107 billion", "Oman", "GDP", "2024 row, stale but fits (dated by the article)")])
case(O, "comparison",
     "Thailand, with 70 million people and a median age of 41.9, is growing old before it grows rich.",
     [S("70 million people", "Thailand", "population"), S("41.9", "Thailand", "median age")])
case(O, "part",
     "Two-thirds of Malawi's 21.8 million people still farm for a living, yet the country imports maize in "
     "bad years.",
     [U("Two-thirds", "a part"), S("21.8 million people", "Malawi", "population")])
case(O, "negation-bound",
     "For all the talk of booming Gulf cities, none of Oman's provincial towns has more than 200,000 people.",
     [U("200,000 people", "a bound over several towns")])

# ============================================================ local news
L = "local"
case(L, "city",
     "Kandy's municipal council approved a new bus terminal on Thursday. The hill city, with roughly 112,000 "
     "residents, has struggled with congestion for years.",
     [S("112,000 residents", "Kandy", "population", "GeoNames 111,701")])
case(L, "city",
     "Galway, a city of 120,000 people on Ireland's west coast, will host the arts festival again next summer.",
     [U("120,000 people", "GeoNames 85,910 is undated: a wrong count is unverified")])
case(L, "each-fewer-than",
     "Outside Yerevan, Armenia's towns are small: Gyumri, Vanadzor and Vagharshapat each have fewer than "
     "150,000 residents.",
     [U("150,000 residents", "a bound over several towns")])
case(L, "respectively",
     "Sfax and Sousse, Tunisia's coastal rivals, have about 280,000 and 220,000 inhabitants respectively.",
     [S("280,000", "Sfax", "population"), S("220,000 inhabitants", "Sousse", "population")])
case(L, "city",
     "Samarkand, the Silk Road city of nearly 600,000 people, is spending heavily on its old quarter, while "
     "Bukhara (280,000) hopes tourists will stay longer.",
     [S("600,000 people", "Samarkand", "population", "GeoNames 595,200"),
      S("280,000", "Bukhara", "population", "GeoNames 280,187")])
case(L, "city",
     "Cusco, the former Inca capital of around 430,000 people, is bracing for record visitor numbers.",
     [S("430,000 people", "Cusco", "population", "GeoNames 428,450")])
case(L, "other-place",
     "The archipelago's 1.9 million people, most of them on Unguja island, will vote separately from the "
     "mainland, Zanzibar's electoral body said.",
     [U("1.9 million people", "the archipelago, not the city of Zanzibar")])
case(L, "fixture-control",
     "Quillbridge, a market town of 58,340 people, voted on Tuesday to pedestrianise its high street. "
     "Councillors noted that the town's 212 square kilometres include long stretches of moorland.",
     [S("58,340 people", "Quillbridge", "population"), S("212 square kilometres", "Quillbridge", "area")],
     tables=FIX)
case(L, "fixture-other-place",
     "Saltmere, whose 22,000 residents depend largely on fishing, sits at the mouth of the Kestrel River, "
     "which runs 214 km from the hills.",
     [S("22,000 residents", "Saltmere", "population"), S("214 km", "Kestrel River", "length")],
     tables=FIX)
case(L, "fixture-other-place",
     "Brackenholt, the county town, is home to 132,600 people, while neighbouring Fenwick Down has barely 9,000.",
     [S("132,600 people", "Brackenholt", "population"),
      U("9,000", "Fenwick Down 7,460, undated user table: a wrong count is unverified")],
     tables=FIX)
case(L, "fixture-part",
     "About 2,400 of Lower Tessing's 3,180 residents signed the petition against the quarry.",
     [U("2,400", "a part"), S("3,180 residents", "Lower Tessing", "population")],
     tables=FIX)
case(L, "fixture-depth-area",
     "Corran Water, the county's largest lake, plunges to 112 metres at its deepest point and spreads over "
     "46 square kilometres.",
     [S("112 metres", "Corran Water", "depth"), S("46 square kilometres", "Corran Water", "area")],
     tables=FIX)
case(L, "fixture-height",
     "Two hikers were rescued on Sunday from Mount Tavish, which rises to 1,520 metres above the valley floor.",
     [U("Two hikers"), C("1,520 metres", "Mount Tavish", "height", "1,342 m: a height does not drift")],
     tables=FIX)
case(L, "fixture-event-year",
     "The Redlow Viaduct, opened in 1897, will close for repairs in the spring; at 1,180 metres it is the "
     "longest railway bridge in the county.",
     [S("1897", "Redlow Viaduct", "opened"), S("1,180 metres", "Redlow Viaduct", "length")],
     tables=FIX)
case(L, "fixture-event-year",
     "The Greymarch Tunnel, which opened in 1971, carries 9.6 km of twin-track line beneath the moor.",
     [C("1971", "Greymarch Tunnel", "opened", "1961"), S("9.6 km", "Greymarch Tunnel", "length")],
     tables=FIX)
case(L, "fixture-budget",
     "Saltmere's council will set an annual budget of £38 million next month, officials said.",
     [U("£38 million", "a future budget; and the undated row (£31.5m) does not fit")],
     tables=FIX)
case(L, "fixture-budget",
     "Saltmere's annual budget of £31.5 million has barely moved in five years, the auditor found.",
     [S("£31.5 million", "Saltmere", "annual budget"), U("five years", "a duration")],
     tables=FIX)
case(L, "fixture-age",
     "In Fenwick Down, where 7,460 people live, one resident in four is over 65.",
     [S("7,460 people", "Fenwick Down", "population"), U("one resident", "a share"), U("four", "a share"),
      U("65", "an age")],
     tables=FIX)
case(L, "fixture-control",
     "Brackenholt district covers 1,045 square kilometres, more than any other in the county.",
     [S("1,045 square kilometres", "Brackenholt", "area")],
     tables=FIX)
case(L, "fixture-control",
     "Pennock Island, a 14.2 sq km outcrop reached only by ferry, has 1,215 year-round residents - and, in "
     "August, several times that.",
     [S("14.2 sq km", "Pennock Island", "area"), S("1,215", "Pennock Island", "population")],
     tables=FIX)
case(L, "fixture-event-year",
     "The Marlin Point lighthouse, first lit in 1874, stands 38 metres tall and is now a museum.",
     [S("1874", "Marlin Point Lighthouse", "first lit"), S("38 metres", "Marlin Point Lighthouse", "height")],
     tables=FIX)
case(L, "fixture-pronoun",
     "Ardlow was granted its town charter in 1302. Today it has about 47,000 inhabitants and covers 97.5 "
     "square kilometres.",
     [S("1302", "Ardlow", "town charter"), S("47,000 inhabitants", "Ardlow", "population"),
      S("97.5 square kilometres", "Ardlow", "area")],
     tables=FIX)
case(L, "fixture-wrong-area",
     "Quillbridge, spread over 260 square kilometres of farmland and moor, has asked for a second surgery.",
     [C("260 square kilometres", "Quillbridge", "area", "212 km2: an area does not drift")],
     tables=FIX)
case(L, "fixture-wrong-population",
     "Ardlow, a town of 52,000, lost its last bank branch this week.",
     [U("52,000", "46,900 in an undated user table: a wrong count is unverified")],
     tables=FIX)
case(L, "fixture-respectively",
     "Saltmere and Quillbridge, with 88 and 212 square kilometres respectively, will share one planning office.",
     [S("88", "Saltmere", "area"), S("212 square kilometres", "Quillbridge", "area"), U("one planning")],
     tables=FIX)

# ============================================================ business news
B = "business"
case(B, "economy-year",
     "Mexico exported goods and services worth $680.8 billion in 2024, a record, as manufacturers moved "
     "plants closer to the US market.",
     [S("$680.8 billion", "Mexico", "exports"), U("2024")])
case(B, "economy-year",
     "Thailand's exports climbed to $369 billion in 2024 from $337 billion the year before, the commerce "
     "ministry said.",
     [S("$369 billion", "Thailand", "exports"), U("2024"),
      S("$337 billion", "Thailand", "exports", "the 2023 row, 'the year before'")])
case(B, "economy-year",
     "Albania's economy expanded by 4% in 2024 on the back of tourism, and its exports reached $9.8 billion.",
     [S("4%", "Albania", "real GDP growth rate"), U("2024"), S("$9.8 billion", "Albania", "exports")])
case(B, "economy-year",
     "Malaysia's unemployment rate fell to 3.3% in 2024, the lowest since the pandemic.",
     [C("3.3%", "Malaysia", "unemployment rate", "3.9% in 2024"), U("2024")])
case(B, "gdp-ppp",
     "Measured at purchasing-power parity, Senegal's GDP came to $83.2 billion in 2024.",
     [S("$83.2 billion", "Senegal", "GDP (PPP)"), U("2024")])
case(B, "public-debt",
     "Jordan's central government debt stood at 102.8% of GDP in 2023, one of the highest ratios in the "
     "Arab world.",
     [S("102.8%", "Jordan", "public debt"), U("2023")])
case(B, "projection",
     "The finance ministry projects that Malaysia's public debt will fall to 60% of GDP by 2028.",
     [U("60%", "a projection"), U("2028")])
case(B, "economy-year",
     "Uzbekistan's consumer prices rose 10% in 2023 and 9.6% in 2024, the central bank said; it is aiming "
     "for 5% by 2027.",
     [S("10%", "Uzbekistan", "inflation rate"), U("2023"), S("9.6%", "Uzbekistan", "inflation rate"), U("2024"),
      U("5%", "a target"), U("2027")])
case(B, "different-year",
     "Costa Rica's exports reached $36.8 billion in 2022, officials said.",
     [C("$36.8 billion", "Costa Rica", "exports", "2022 row: $29.392 billion ($36.77bn is the 2024 figure)"),
      U("2022")])
case(B, "stale-economy",
     "Guatemala's economy, worth about $113 billion, is the largest in Central America.",
     [S("$113 billion", "Guatemala", "GDP", "2024 row, stale but fits")])
case(B, "military",
     "Oman spent 6% of GDP on its armed forces in 2024, among the highest shares in the world.",
     [S("6%", "Oman", "military expenditures"), U("2024")])
case(B, "company-year",
     "Ericsson, founded in Stockholm in 1876, said on Tuesday it would cut 1,200 jobs in Sweden.",
     [S("1876", "Ericsson", "founded"), U("1,200 jobs", "no row")],
     tables=CO)
case(B, "company-year",
     "Carlsberg, the Copenhagen brewer founded in 1847, reported a rise in first-quarter volumes.",
     [S("1847", "Carlsberg", "founded")],
     tables=CO)
case(B, "company-year",
     "Toyota, which was founded in 1947, remains the world's biggest carmaker by volume.",
     [C("1947", "Toyota", "founded", "1937")],
     tables=CO)
case(B, "company-year",
     "Volvo Cars, set up in Gothenburg in 1927 and owned by Geely since 2010, will build a new plant in Slovakia.",
     [S("1927", "Volvo Cars", "founded"), U("2010", "no row for the Geely purchase")],
     tables=CO)
case(B, "company-year",
     "Nestlé, which Henri Nestlé founded in Vevey in 1866, said sales volumes grew 1.5% last year.",
     [S("1866", "Nestlé", "founded"), U("1.5%", "no row")],
     tables=CO)
case(B, "sum-vs-metric",
     "The merger creates a group with annual revenue of $40 billion, almost three times Tajikistan's GDP.",
     [U("$40 billion", "a sum compared with GDP"), U("three", "a ratio, no row")])
case(B, "part",
     "Tourism provides about a third of jobs in the Maldives, a nation of 388,858 people in 2024.",
     [U("a third", "a share of jobs, no row"), S("388,858 people", "Maldives", "population"), U("2024")])
case(B, "economy-year",
     "Sri Lanka's economy rebounded by 5% in 2024 after two years of contraction.",
     [S("5%", "Sri Lanka", "real GDP growth rate"), U("2024"), U("two years", "a duration")])
case(B, "economy-year",
     "Senegal's unemployment rate was 7% in 2024, according to the Factbook.",
     [C("7%", "Senegal", "unemployment rate", "3% in 2024"), U("2024")])

# ============================================================ lists / fact boxes
F = "factbox"
case(F, "factbox",
     "FACTBOX - Kyrgyzstan at a glance\n- Area: 199,951 sq km\n- Population: 6.2 million (2025 est.)\n"
     "- Highest peak: Jengish Chokusu, 7,439 m\n- Independence: August 1991, from the Soviet Union",
     [S("199,951 sq km", "Kyrgyzstan", "area"), S("6.2 million", "Kyrgyzstan", "population"), U("2025"),
      S("7,439 m", "Kyrgyzstan", "highest point"), S("1991", "Kyrgyzstan", "independence")])
case(F, "factbox",
     "Ethiopia, key figures: population 121.4 million; area 1,104,300 sq km; median age 20.6; landlocked "
     "since Eritrea's independence in 1993.",
     [S("121.4 million", "Ethiopia", "population"), S("1,104,300 sq km", "Ethiopia", "area"),
      S("20.6", "Ethiopia", "median age"), S("1993", "Eritrea", "independence", "Eritrea's event")])
case(F, "factbox",
     "Gabon - capital Libreville; area 267,667 sq km; population 3.1 million; independence from France 1960.",
     [S("267,667 sq km", "Gabon", "area"), C("3.1 million", "Gabon", "population", "2,513,738: 23% off"),
      S("1960", "Gabon", "independence")])
case(F, "factbox",
     "Seychelles in numbers: 455 sq km of land spread over 115 islands; 98,000 people; independent since 1976.",
     [S("455 sq km", "Seychelles", "area"), U("115 islands", "no row"),
      S("98,000 people", "Seychelles", "population"), S("1976", "Seychelles", "independence")])
case(F, "factbox",
     "Five facts about Iraq:\n- It covers 438,317 sq km.\n- It has just 58 km of coastline.\n"
     "- Its 42.9 million people have a median age of 22.7 years.\n- It became independent in 1932.",
     [U("Five facts"), S("438,317 sq km", "Iraq", "area"), S("58 km", "Iraq", "coastline"),
      S("42.9 million people", "Iraq", "population"), S("22.7 years", "Iraq", "median age"),
      S("1932", "Iraq", "independence")])
case(F, "factbox",
     "By the numbers: Russia's war in Ukraine\n- 2014: Crimea annexed\n- 2022: full-scale invasion begins\n"
     "- 15: nuclear power reactors in Ukraine, 6 of them at Zaporizhzhia",
     [S("2014", "Crimea", "annexation"), S("2022", "Russia", "full-scale invasion"),
      S("15", "Ukraine", "nuclear power reactors"), S("6", "Zaporizhzhia Nuclear Power Plant", "reactors")])
case(F, "factbox-treaties",
     "Treaties that redrew the map: the Peace of Westphalia (1648), the Treaty of Utrecht (1713), the "
     "Warsaw Pact (1965) and the Antarctic Treaty (1959).",
     [S("1648", "Peace of Westphalia", "signed"), S("1713", "Treaty of Utrecht", "signed"),
      C("1965", "Warsaw Pact", "signed", "1955"), S("1959", "Antarctic Treaty", "signed")],
     tables=CO)
case(F, "factbox-treaties",
     "Climate milestones: the Kyoto Protocol was adopted in 1997 and the Paris Agreement in 2015.",
     [S("1997", "Kyoto Protocol", "adopted"), S("2015", "Paris Agreement", "adopted")],
     tables=CO)
case(F, "landmarks",
     "Great canals: the Suez Canal opened in 1869 and the Panama Canal in 1914, cutting weeks off voyages.",
     [S("1869", "Suez Canal", "opened"), S("1914", "Panama Canal", "opened")],
     tables=LAND)
case(F, "landmarks",
     "Famous bridges and their opening years: Brooklyn Bridge, 1883; Tower Bridge, 1894; Sydney Harbour "
     "Bridge, 1923.",
     [S("1883", "Brooklyn Bridge", "opened"), S("1894", "Tower Bridge", "opened"),
      C("1923", "Sydney Harbour Bridge", "opened", "1932")],
     tables=LAND)
case(F, "landmarks",
     "The Statue of Liberty, dedicated in 1886, and the Channel Tunnel, opened in 1994, are both on the "
     "list of modern engineering wonders.",
     [S("1886", "Statue of Liberty", "dedicated"), S("1994", "Channel Tunnel", "opened")],
     tables=LAND)
case(F, "landmarks-height",
     "Tallest buildings compared: the Shanghai Tower rises 632 m, the Petronas Towers 452 m.",
     [S("632 m", "Shanghai Tower", "height"), S("452 m", "Petronas Towers", "height")],
     tables=LAND)
case(F, "landmarks-height",
     "Aconcagua, at 6,961 metres the roof of the Americas, towers over Mount Elbrus, Europe's highest "
     "summit at 6,242 metres.",
     [S("6,961 metres", "Aconcagua", "height"), C("6,242 metres", "Mount Elbrus", "height", "5,642 m")],
     tables=LAND)
case(F, "landmarks-length",
     "Rivers of the tropics: the Amazon River runs some 6,400 km to the Atlantic; the Mekong stretches "
     "4,350 km from Tibet to Vietnam.",
     [S("6,400 km", "Amazon River", "length"), S("4,350 km", "Mekong", "length")],
     tables=LAND)
case(F, "landmarks-depth",
     "Lake Malawi is 706 metres deep at its deepest point and home to hundreds of species of cichlid fish.",
     [S("706 metres", "Lake Malawi", "depth"), U("hundreds")],
     tables=LAND)
case(F, "landmarks-other-place",
     "The Mekong, 4,350 km long, crosses six countries; Vietnam's delta alone feeds some 17 million people.",
     [S("4,350 km", "Mekong", "length"), U("six countries", "no row"), U("17 million people", "a part, and no row in this table")],
     tables=LAND)
case(F, "list",
     "Central America's smallest countries by area: El Salvador, 21,041 sq km; Belize, 22,966 sq km; "
     "Costa Rica, 51,100 sq km.",
     [S("21,041 sq km", "El Salvador", "area"), S("22,966 sq km", "Belize", "area"),
      S("51,100 sq km", "Costa Rica", "area")])
case(F, "list",
     "Youngest populations in Africa (median age, 2025): Angola 16.6; Mali 16.5; Chad 16.9.",
     [U("2025"), S("16.6", "Angola", "median age"), S("16.5", "Mali", "median age"),
      S("16.9", "Chad", "median age")])
case(F, "list",
     "Caribbean islands by population: Cuba, 10.1 million; Dominican Republic, 10.9 million; Haiti, "
     "not included in this list.",
     [S("10.1 million", "Cuba", "population"), S("10.9 million", "Dominican Republic", "population")])
case(F, "list",
     "Landlocked Central Asia: Kyrgyzstan, independent since 1991; Turkmenistan, 5.7 million people; "
     "Tajikistan, 144,100 sq km.",
     [S("1991", "Kyrgyzstan", "independence"), S("5.7 million people", "Turkmenistan", "population"),
      S("144,100 sq km", "Tajikistan", "area")])
case(F, "list",
     "Gulf of Aden neighbours: Djibouti (1 million people) and Eritrea (2,234 km of coastline).",
     [S("1 million people", "Djibouti", "population"), S("2,234 km", "Eritrea", "coastline")])
case(F, "list-wrong",
     "Quick facts on Bosnia and Herzegovina: population 3.65 million; area 61,197 sq km; coastline 20 km.",
     [S("3.65 million", "Bosnia and Herzegovina", "population"),
      C("61,197 sq km", "Bosnia and Herzegovina", "area", "51,197 km2"),
      S("20 km", "Bosnia and Herzegovina", "coastline")])
case(F, "list-wrong",
     "North Macedonia: independence referendum 1991; population 2.1 million; highest point 2,764 m on Golem Korab.",
     [S("1991", "North Macedonia", "referendum"), S("2.1 million", "North Macedonia", "population"),
      S("2,764 m", "North Macedonia", "highest point")])
case(F, "list-wrong",
     "New Zealand: coastline 15,134 km; population 4.2 million; independence from the UK 1907.",
     [S("15,134 km", "New Zealand", "coastline"), C("4.2 million", "New Zealand", "population", "5,161,211"),
      S("1907", "New Zealand", "independence")])

# ------------------------------------------------------------ more user-table cases
case(L, "fixture-control",
     "The Kestrel River, 214 km from source to sea, burst its banks at Saltmere again this winter.",
     [S("214 km", "Kestrel River", "length")], tables=FIX)
case(L, "fixture-wrong-population",
     "Pennock Island's population has fallen to 1,900, the parish council says.",
     [U("1,900", "1,215 in an undated user table: a wrong count is unverified")], tables=FIX)
case(L, "fixture-depth-area",
     "Corran Water, 46 km² in area, is deeper than any other lake in the county, reaching 140 metres.",
     [S("46 km²", "Corran Water", "area"), C("140 metres", "Corran Water", "depth", "112 m: a depth does not drift")],
     tables=FIX)
case(L, "fixture-respectively",
     "Lower Tessing and Fenwick Down, home to 3,180 and 7,460 people respectively, will share a GP surgery.",
     [S("3,180", "Lower Tessing", "population"), S("7,460 people", "Fenwick Down", "population")], tables=FIX)
case(F, "landmarks",
     "The Channel Tunnel, opened in 1984, cut the rail journey from London to Paris to under three hours.",
     [C("1984", "Channel Tunnel", "opened", "1994"), U("three hours", "no row")], tables=LAND)
case(F, "landmarks-length",
     "The Amazon River, the largest on Earth by volume, runs about 7,100 km to the Atlantic.",
     [C("7,100 km", "Amazon River", "length", "6,400 km: 11% off")], tables=LAND)
case(B, "company-elapsed",
     "Ericsson, the 150-year-old Swedish telecoms group, named a new chief executive on Monday.",
     [S("150-year-old", "Ericsson", "founded", "1876 to 2026")], tables=CO)


def main():
    for family, cases in FAMILIES.items():
        counters = defaultdict(int)
        out = []
        for c in cases:
            counters[c["pattern"]] += 1
            out.append({"id": f"{family}-{c['pattern']}-{counters[c['pattern']]}", **c})
        with open(HERE / f"{family}.json", "w", encoding="utf-8") as fh:
            json.dump(out, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    n = sum(len(c["expect"]) for cs in FAMILIES.values() for c in cs)
    print(sum(len(cs) for cs in FAMILIES.values()), "cases,", n, "labels")


if __name__ == "__main__":
    main()
