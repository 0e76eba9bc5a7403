"""Word lists that moved from code into the lexicon (issue #8, "Knowledge as data"):
the extractor's hedges and verbs of change (checker/lexicon/qualifiers.toml), the
verdict rules' projection and metro-area words (verdicts.toml) and the matcher's last
literal lists (matching.toml [roles]).

Each list is validated when read, and a newsroom's own file (--lexicon) extends it: a
word it adds changes what the checker reports. Sentences and places written for these
tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker import check_text
from checker.extract import extract_claims
from checker.lexicon import Lexicon, LexiconError, load_lexicon
from checker.models import CheckedClaim, ReferenceRow
from checker.reference import Reference

DAY = dt.date(2026, 2, 18)
SOURCE = "test fixture (invented place and figure)"

PLACES = Reference.from_rows([
    ReferenceRow("Zarnovia", "area", 41_528, "km2", SOURCE),
    ReferenceRow("Zarnovia", "population", 6_500_000, "people", SOURCE),
    ReferenceRow("Zarnovia", "independence", 1958, "year", SOURCE),
    ReferenceRow("Kellmark", "area", 12_000, "km2", SOURCE),
    ReferenceRow("Kellmark", "population", 950_000, "people", SOURCE),
    ReferenceRow("Lake Vessa", "depth", 312, "m", SOURCE),
    ReferenceRow("Lake Vessa", "length", 90, "km", SOURCE),
    # A metro total, as GeoNames gives for some cities.
    ReferenceRow("Port Vessa", "population", 2_000_000, "people", SOURCE, extra=(("figure_kind", "metro"),)),
], aliases=None)


def newsroom_words(tmp_path: Path, toml: str) -> Lexicon:
    path = tmp_path / "newsroom.toml"
    path.write_text(toml, encoding="utf-8")
    return load_lexicon((str(path),))


def checked(text: str, lex: Lexicon | None = None) -> list[CheckedClaim]:
    return list(check_text(text, reference=PLACES, date=DAY, lexicon=lex).claims)


def outcome(text: str, lex: Lexicon | None = None) -> list[tuple[str, str, str]]:
    """(claim, verdict, entity) of each claim of `text`."""
    return [(c.claim.text, c.verdict, c.reference.entity if c.reference else "") for c in checked(text, lex)]


# ------------------------------------------------------------------ validation

NEW_LISTS = [
    "qualifiers.before.approx", "qualifiers.before.at_least", "qualifiers.before.at_most",
    "qualifiers.after.approx", "qualifiers.after.at_least", "qualifiers.after.at_most",
    "change_verbs.up", "change_verbs.down", "change_verbs.other", "change_verbs.range_words",
    "projection.before_to", "projection.words", "projection.later_year_before",
    "metro.words", "metro.beginnings", "metro.capitalised",
    "roles.age_bracket", "roles.age_bracket_verbs", "roles.apposition", "roles.event_prepositions",
    "roles.restated", "roles.restated_hedges", "roles.bracketed_hedges", "roles.place_list_joins",
    "roles.change_level_before",
    "roles.compared_with", "roles.compared_before", "roles.origin", "roles.part_of_place", "roles.contrast",
    "roles.modified_nouns", "roles.possessive_anaphora", "years.event_words",
]


def _toml(dotted: str, value: str) -> str:
    table, key = dotted.rsplit(".", 1)
    return f"[{table}]\n{key} = {value}\n"


@pytest.mark.parametrize("key", NEW_LISTS)
@pytest.mark.parametrize("value", ['"a single string"', "[1, 2]", '["ok", ""]'])
def test_a_bad_entry_names_the_file_and_key(tmp_path: Path, key: str, value: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(_toml(key, value), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon((str(path),))
    assert str(path) in str(info.value) and f"key '{key}'" in str(info.value)


@pytest.mark.parametrize(("content", "key"), [
    # a kind the verdict does not know, and a misspelt list name: words that would be silently ignored
    ('[qualifiers.before]\nroughly = ["about"]\n', "qualifiers.before.roughly"),
    ('[qualifiers.after]\nat_lest = ["or above"]\n', "qualifiers.after.at_lest"),
    ('[change_verbs]\nupward = ["ballooned"]\n', "change_verbs.upward"),
    ('[projection]\nword = ["shall"]\n', "projection.word"),
    ('[metro]\nprefixes = ["megalopol"]\n', "metro.prefixes"),
    # one hedge cannot be two kinds of bound
    ('[qualifiers.before]\nat_most = ["about"]\n', "qualifiers.before.at_most"),
    ("qualifiers = 3\n", "qualifiers"),
])
def test_a_misplaced_entry_names_the_file_and_key(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicon((str(path),))
    assert str(path) in str(info.value) and f"key '{key}'" in str(info.value)


# ------------------------------------------ a newsroom extends the extractor's words

def test_a_newsroom_adds_a_hedge_before_the_number(tmp_path: Path) -> None:
    text = "Zarnovia has upward of 6 million people."
    assert extract_claims(text)[0].qualifier == "exact"
    lex = newsroom_words(tmp_path, '[qualifiers.before]\nat_least = ["upward of"]\n')
    assert extract_claims(text, lex)[0].qualifier == "at_least"
    assert checked(text, lex)[0].rule == "lower-bound"


def test_a_newsroom_adds_a_bound_after_the_number(tmp_path: Path) -> None:
    text = "Zarnovia has 6 million people or above."
    assert checked(text)[0].rule == "rounding"
    lex = newsroom_words(tmp_path, '[qualifiers.after]\nat_least = ["or above"]\n')
    assert (checked(text, lex)[0].claim.qualifier, checked(text, lex)[0].rule) == ("at_least", "lower-bound")


@pytest.mark.parametrize(("kind", "verb", "direction"), [("up", "ballooned", "up"), ("down", "nosedived", "down")])
def test_a_newsroom_adds_a_verb_of_rise_or_fall(tmp_path: Path, kind: str, verb: str, direction: str) -> None:
    text = f"Exports {verb} 12% last year."
    assert extract_claims(text)[0].change is None
    lex = newsroom_words(tmp_path, f'[change_verbs]\n{kind} = ["{verb}"]\n')
    assert extract_claims(text, lex)[0].change == direction


def test_a_newsroom_adds_a_verb_of_change(tmp_path: Path) -> None:
    # After a verb of change "from 5 to 7" is an old and a new value, not a range.
    text = "The rate was recalibrated from 5 to 7 per cent."
    assert [c.text for c in extract_claims(text)] == ["5 to 7 per cent"]
    lex = newsroom_words(tmp_path, '[change_verbs]\nother = ["recalibrated"]\n')
    assert [c.text for c in extract_claims(text, lex)] == ["5", "7 per cent"]


def test_a_newsroom_adds_a_word_that_makes_a_range(tmp_path: Path) -> None:
    text = "Prices, which jumped, oscillate from 5 to 7 dollars."
    assert [c.text for c in extract_claims(text)] == ["5", "7 dollars"]
    lex = newsroom_words(tmp_path, '[change_verbs]\nrange_words = ["oscillate"]\n')
    assert [(c.text, c.qualifier) for c in extract_claims(text, lex)] == [("5 to 7 dollars", "range")]


# ------------------------------------------ ... and the verdict rules' words

@pytest.mark.parametrize(("text", "toml"), [
    ("Zarnovia is tipped to reach 8 million people.", '[projection]\nbefore_to = ["tipped"]\n'),
    ("Zarnovia shall have 8 million people.", '[projection]\nwords = ["shall"]\n'),
    ("Zarnovia aims at 8 million people through 2090.", '[projection]\nlater_year_before = ["through"]\n'),
])
def test_a_newsroom_adds_a_word_of_forecast(tmp_path: Path, text: str, toml: str) -> None:
    assert checked(text)[0].rule != "projection"
    assert checked(text, newsroom_words(tmp_path, toml))[0].rule == "projection"


@pytest.mark.parametrize(("text", "toml"), [
    ("Port Vessa and its suburbs have 2 million people.", '[metro]\nwords = ["suburbs"]\n'),
    ("The Port Vessa megalopolis has 2 million people.", '[metro]\nbeginnings = ["megalopol"]\n'),
    ("Grand Port Vessa has 2 million people.", '[metro]\ncapitalised = ["grand"]\n'),
])
def test_a_newsroom_adds_a_word_for_the_metro_area(tmp_path: Path, text: str, toml: str) -> None:
    # The table's figure is a metro total: it confirms only a figure the article says is the metro area's.
    assert outcome(text) == [("2 million people", "unverified", "Port Vessa")]
    assert outcome(text, newsroom_words(tmp_path, toml)) == [("2 million people", "supported", "Port Vessa")]


def test_a_metro_word_written_in_lower_case_is_no_name(tmp_path: Path) -> None:
    lex = newsroom_words(tmp_path, '[metro]\ncapitalised = ["grand"]\n')
    assert checked("A grand Port Vessa has 2 million people.", lex)[0].rule == "metro-area"


# ------------------------------------------ ... and the matcher's words

@pytest.mark.parametrize(("text", "toml", "before", "after"), [
    # an age bracket after the count makes it a part of the population
    ("Zarnovia has 2.1 million residents above 65.", '[roles]\nage_bracket = ["above"]\n', "Zarnovia", ""),
    ("Zarnovia has 2.1 million residents now over 65.", '[roles]\nage_bracket_verbs = ["now"]\n', "Zarnovia", ""),
    # a comma-clause opening like an apposition is about the place before it
    ("Kellmark, the neighbour of Zarnovia with 950,000 people, is small.", '[roles]\napposition = ["the"]\n',
     "Zarnovia", "Kellmark"),
    # the object of the preposition may own the event year
    ("Independence was won by Zarnovia in 1958.", '[roles]\nevent_prepositions = ["by"]\n', "", "Zarnovia"),
    # a figure after a list of places is about all of them, so about none alone
    ("Zarnovia plus Kellmark have 7.5 million people.", '[roles]\nplace_list_joins = ["plus"]\n', "Kellmark", ""),
    # after "reaching", the figure of a rise is the new level, which the population row confirms
    ("Zarnovia's population rose, reaching 6.5 million people.", '[roles]\nchange_level_before = ["reaching"]\n',
     "", "Zarnovia"),
])
def test_a_newsroom_extends_the_matcher_s_words(tmp_path: Path, text: str, toml: str, before: str,
                                                after: str) -> None:
    assert outcome(text)[0][2] == before
    assert outcome(text, newsroom_words(tmp_path, toml))[0][2] == after


@pytest.mark.parametrize(("text", "toml"), [
    ("Lake Vessa is deep: 312 metres, namely 1,024 feet.", '[roles]\nrestated = ["namely"]\n'),
    ("Lake Vessa plunges to a depth of 312 metres, or approximately 1,024 feet.",
     '[roles]\nrestated_hedges = ["approximately"]\n'),
])
def test_a_newsroom_adds_a_way_to_restate_a_figure(tmp_path: Path, text: str, toml: str) -> None:
    # The feet restate the metres: the metric words before the first figure are the second's too.
    assert outcome(text)[1] == ("1,024 feet", "unverified", "")
    assert outcome(text, newsroom_words(tmp_path, toml))[1] == ("1,024 feet", "supported", "Lake Vessa")


def test_a_newsroom_adds_a_hedge_inside_brackets(tmp_path: Path) -> None:
    lex = newsroom_words(tmp_path, '[roles]\nbracketed_hedges = ["circa"]\n')
    # Kellmark, the subject, would take the area were it not for the brackets after Zarnovia.
    assert outcome("Kellmark borders Zarnovia (circa 41,500 sq km).")[0][1:] != ("supported", "Zarnovia")
    assert outcome("Kellmark borders Zarnovia (circa 41,500 sq km).", lex)[0][1:] == ("supported", "Zarnovia")
    # and the shipped hedges count too
    assert outcome("Kellmark borders Zarnovia (about 41,500 sq km).")[0][1:] == ("supported", "Zarnovia")
