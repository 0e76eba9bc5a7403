"""The SQLite review store: stable claim keys, immediate writes, reviews surviving edits."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace

import pytest

from checker.extract import extract_claims
from checker.models import Claim
from checker.review.store import (
    DB_ENV_VAR,
    REVIEW_FIELDS,
    Review,
    ReviewStore,
    article_key,
    claim_key,
    claim_keys,
    default_db_path,
    export_rows,
    title_of,
)

ARTICLE = (
    "Officials said 40,000 people were evacuated from the valley.\n"
    "The dam holds 3.2 billion cubic metres of water.\n"
    "Repairs will cost $12 million, the ministry said."
)


@pytest.fixture()
def store(tmp_path) -> ReviewStore:
    return ReviewStore(tmp_path / "reviews.sqlite3")


def _claim(sentence: str, text: str, start: int = 0) -> Claim:
    at = sentence.index(text)
    return Claim(text=text, start=start + at, end=start + at + len(text), sentence=sentence,
                 sentence_start=start, value=1.0, unit="")


def _keys(text: str) -> list[str]:
    return claim_keys(extract_claims(text))


# ---------------------------------------------------------------------- keys


def test_article_key_ignores_whitespace_differences():
    assert article_key("A  b\r\nc ") == article_key("A b\nc")
    assert article_key("A b c") != article_key("A b d")


def test_claim_key_does_not_depend_on_offsets():
    a = _claim("It cost 5 dollars.", "5 dollars", start=0)
    b = _claim("It cost 5 dollars.", "5 dollars", start=900)
    assert claim_key(a) == claim_key(b)


def test_claim_key_normalises_whitespace_in_sentence():
    a = _claim("It cost   5 dollars.", "5 dollars")
    b = _claim("It cost 5 dollars.", "5 dollars")
    assert claim_key(a) == claim_key(b)


def test_repeated_claims_in_one_sentence_get_distinct_keys():
    sentence = "It took two hours, then two hours more."
    first = _claim(sentence, "two hours")
    second = replace(first, start=sentence.rindex("two hours"), end=sentence.rindex("two hours") + 9)
    keys = claim_keys([first, second])
    assert len(set(keys)) == 2
    assert keys == [claim_key(first, 0), claim_key(second, 1)]


def test_claim_keys_survive_an_edit_elsewhere_in_the_article():
    edited = "A new first paragraph was added by the editor.\n\n" + ARTICLE.replace("Repairs", "Fixing it")
    before, after = _keys(ARTICLE), _keys(edited)
    assert before[:2] == after[:2]  # untouched sentences keep their keys
    assert before[2] != after[2]  # the edited sentence gets a new one


def test_title_is_first_non_blank_line_shortened():
    assert title_of("\n\n  Big   headline \nbody") == "Big headline"
    assert title_of("x" * 500).endswith("…")
    assert len(title_of("x" * 500)) == 120
    assert title_of("   ") == "(untitled)"


# --------------------------------------------------------------------- store


def test_default_path_follows_env_var(monkeypatch, tmp_path):
    monkeypatch.setenv(DB_ENV_VAR, str(tmp_path / "x.sqlite3"))
    assert default_db_path() == tmp_path / "x.sqlite3"
    monkeypatch.delenv(DB_ENV_VAR)
    assert default_db_path().name == "reviews.sqlite3"


def test_database_uses_wal(store):
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_review_is_written_immediately_and_seen_by_a_new_store(store):
    keys = _keys(ARTICLE)
    art = store.open_article(ARTICLE, keys, date=dt.date(2024, 5, 1), reviewer="Ana")
    saved = store.save_review(art.document_key, keys[1], status="wrong", note="Dam is 2.9bn", reviewer="Ana")
    assert saved.status == "wrong" and saved.reviewer == "Ana" and saved.reviewed_at.endswith("+00:00")

    fresh = ReviewStore(store.path)
    got = fresh.reviews(art.document_key)
    assert got[keys[1]] == saved
    assert fresh.last_article("Ben") is None and fresh.last_article("") is None  # each reviewer's own
    last = fresh.last_article(" ana ")
    assert last is not None and last.text == ARTICLE and last.date == dt.date(2024, 5, 1)
    assert last.title == "Officials said 40,000 people were evacuated from the valley."


def test_same_text_reopens_same_article(store):
    keys = _keys(ARTICLE)
    first = store.open_article(ARTICLE, keys)
    again = store.open_article(ARTICLE.replace("\n", "\r\n") + "\n\n", keys)
    assert again.article_key == first.article_key
    assert again.document_key == first.document_key


def test_edited_article_keeps_reviews_of_unchanged_claims(store):
    keys = _keys(ARTICLE)
    art = store.open_article(ARTICLE, keys)
    store.save_review(art.document_key, keys[0], status="confirmed")
    store.save_review(art.document_key, keys[2], status="wrong")

    edited = ARTICLE.replace("$12 million", "$15 million") + "\nA further 300 homes were flooded."
    new_keys = _keys(edited)
    edited_art = store.open_article(edited, new_keys)
    assert edited_art.article_key != art.article_key
    assert edited_art.document_key == art.document_key

    reviews = store.reviews_for_text(edited, new_keys)
    assert reviews[new_keys[0]].status == "confirmed"
    assert new_keys[2] not in reviews  # the changed figure starts unreviewed


def test_unrelated_article_starts_its_own_document(store):
    a = store.open_article(ARTICLE, _keys(ARTICLE))
    other = "The river rose 2 metres overnight."
    b = store.open_article(other, _keys(other))
    assert b.document_key != a.document_key
    assert b.document_key == b.article_key


def test_lineage_prefers_the_article_sharing_most_claims(store):
    a_text = ARTICLE
    b_text = "Officials said 40,000 people were evacuated from the valley.\nThe bridge is 300 metres long."
    a = store.open_article(a_text, _keys(a_text))
    store.open_article(b_text, _keys(b_text))  # newer, shares one claim with a
    c_text = ARTICLE + "\nNothing else changed."
    c = store.open_article(c_text, _keys(c_text))
    assert c.document_key == a.document_key


def test_reviews_for_unknown_text_is_empty(store):
    assert store.reviews_for_text("Nothing stored 5 times.", _keys("Nothing stored 5 times.")) == {}


def test_unchanged_save_does_not_touch_timestamp(store):
    keys = _keys(ARTICLE)
    art = store.open_article(ARTICLE, keys)
    first = store.save_review(art.document_key, keys[0], status="confirmed")
    again = store.save_review(art.document_key, keys[0], status="confirmed")
    assert again.reviewed_at == first.reviewed_at
    # Saving the default for a claim never reviewed writes nothing at all.
    store.save_review(art.document_key, keys[1], status="unreviewed", note="")
    assert keys[1] not in store.reviews(art.document_key)


def test_note_and_status_can_be_set_separately(store):
    keys = _keys(ARTICLE)
    art = store.open_article(ARTICLE, keys)
    store.save_review(art.document_key, keys[0], note="call the ministry")
    got = store.save_review(art.document_key, keys[0], status="needs follow-up")
    assert (got.status, got.note) == ("needs follow-up", "call the ministry")


def test_unknown_status_is_refused(store):
    with pytest.raises(ValueError, match="unknown review status"):
        store.save_review("doc", "key", status="maybe")


def test_settings_round_trip(store):
    assert store.get_setting("reviewer") == ""
    store.set_setting("reviewer", "Ana")
    assert ReviewStore(store.path).get_setting("reviewer") == "Ana"


def test_export_rows_fill_in_unreviewed():
    rows = export_rows(["a", "b"], {"b": Review("b", "wrong", "n", "Ana", "2024-01-01T00:00:00+00:00")})
    assert list(rows[0]) == list(REVIEW_FIELDS)
    assert rows[0]["review_status"] == "unreviewed"
    assert rows[1] == {"review_status": "wrong", "reviewer_note": "n", "reviewer": "Ana",
                       "reviewed_at": "2024-01-01T00:00:00+00:00"}


def test_many_claims_do_not_hit_sqlite_variable_limit(store):
    keys = [f"k{i}" for i in range(40_000)]
    store.open_article("big", keys)
    assert store.open_article("big 2", keys).document_key == article_key("big")
