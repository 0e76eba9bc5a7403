"""Several reviewers on one article (issue #13): versioned field-level writes and
conflicts, the append-only audit trail and its migration, read-only and damaged
databases, and the uploaded tables kept with a check."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from checker.review.store import (
    DB_ENV_VAR,
    ReviewStore,
    StoreError,
    open_store,
    table_hash,
)

KEYS = ["k1", "k2", "k3"]
TEXT = "Officials said 40,000 people left. The dam holds 3 billion cubic metres."


@pytest.fixture()
def store(tmp_path) -> ReviewStore:
    return ReviewStore(tmp_path / "reviews.sqlite3")


@pytest.fixture()
def doc(store) -> str:
    return store.open_article(TEXT, KEYS).document_key


# ------------------------------------------------------------ versioned writes


def test_a_save_writes_only_the_changed_fields_and_bumps_the_version(store, doc):
    first = store.save_fields(doc, "k1", {"status": "confirmed"}, base_version=0, reviewer="Ana")
    assert first.saved and first.written == ("status",)
    assert (first.review.status, first.review.note, first.review.version) == ("confirmed", "", 1)
    # A save repeating the stored status with a new note writes the note only.
    second = store.save_fields(doc, "k1", {"status": "confirmed", "note": "ok"}, base_version=1, reviewer="Ana")
    assert second.written == ("note",) and second.review.version == 2
    assert [e.field for e in store.events(doc, "k1")] == ["status", "note"]


def test_a_stale_save_is_refused_with_what_the_saver_missed(store, doc):
    # A and B both loaded k1 at version 0. A confirms it; then B adds a note.
    store.save_fields(doc, "k1", {"status": "confirmed"}, base_version=0, reviewer="Ana")
    result = store.save_fields(doc, "k1", {"note": "checked with ministry"}, base_version=0, reviewer="Ben")
    assert not result.saved and result.written == ()
    conflict = result.conflict
    assert conflict is not None
    assert conflict.yours == {"note": "checked with ministry"} and conflict.base_version == 0
    assert conflict.stored.status == "confirmed" and conflict.stored.version == 1
    [missed] = conflict.missed
    assert (missed.field, missed.old, missed.new, missed.reviewer) == ("status", "unreviewed", "confirmed", "Ana")
    assert missed.at
    assert store.review(doc, "k1").note == ""  # nothing written

    # Ben keeps his: saved at the version he has now seen; Ana's status stays.
    kept = store.save_fields(doc, "k1", conflict.yours, base_version=conflict.stored.version, reviewer="Ben")
    assert kept.saved
    assert (kept.review.status, kept.review.note, kept.review.reviewer) == ("confirmed", "checked with ministry", "Ben")


def test_a_stale_save_of_the_stored_value_is_no_conflict_and_writes_nothing(store, doc):
    store.save_fields(doc, "k2", {"status": "wrong"}, base_version=0, reviewer="Ana")
    result = store.save_fields(doc, "k2", {"status": "wrong"}, base_version=0, reviewer="Ben")
    assert result.saved and result.written == () and result.review.reviewer == "Ana"
    assert len(store.events(doc, "k2")) == 1


def test_other_claims_changing_is_no_conflict(store, doc):
    store.save_fields(doc, "k1", {"status": "wrong"}, base_version=0, reviewer="Ben")
    result = store.save_fields(doc, "k2", {"status": "confirmed"}, base_version=0, reviewer="Ana")
    assert result.saved
    reviews = store.reviews(doc)
    assert (reviews["k1"].status, reviews["k2"].status) == ("wrong", "confirmed")


def test_two_writers_at_one_version_one_wins(tmp_path):
    path = tmp_path / "reviews.sqlite3"
    doc = ReviewStore(path).open_article(TEXT, KEYS).document_key
    results = []
    barrier = threading.Barrier(8)

    def write(i: int) -> None:
        own = ReviewStore(path)
        barrier.wait()
        results.append(own.save_fields(doc, "k1", {"note": f"note {i}"}, base_version=0, reviewer=f"r{i}"))

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(r.saved for r in results) == 1
    assert len(ReviewStore(path).events(doc, "k1")) == 1


def test_unknown_field_or_status_is_refused(store, doc):
    with pytest.raises(ValueError, match="unknown review field"):
        store.save_fields(doc, "k1", {"verdict": "x"}, base_version=0)
    with pytest.raises(ValueError, match="unknown review status"):
        store.save_fields(doc, "k1", {"status": "maybe"}, base_version=0)


# ------------------------------------------------------------------ audit trail


def test_the_audit_trail_lists_every_change_in_order(store, doc):
    store.save_fields(doc, "k1", {"status": "wrong", "note": "no"}, base_version=0, reviewer="Ana")
    store.save_fields(doc, "k2", {"status": "confirmed"}, base_version=0, reviewer="Ben")
    store.save_fields(doc, "k1", {"status": "confirmed"}, base_version=2, reviewer="Ben")
    trail = [(e.claim_key, e.field, e.old, e.new, e.reviewer) for e in store.events(doc)]
    assert trail == [
        ("k1", "status", "unreviewed", "wrong", "Ana"),
        ("k1", "note", "", "no", "Ana"),
        ("k2", "status", "unreviewed", "confirmed", "Ben"),
        ("k1", "status", "wrong", "confirmed", "Ben"),
    ]
    assert [e.id for e in store.events(doc)] == sorted(e.id for e in store.events(doc))
    assert [e.new for e in store.events(doc, "k1")] == ["wrong", "no", "confirmed"]
    review = store.review(doc, "k1")
    assert (review.status, review.note, review.reviewer, review.version) == ("confirmed", "no", "Ben", 3)


def test_the_audit_trail_is_append_only(store, doc):
    store.save_fields(doc, "k1", {"status": "wrong"}, base_version=0, reviewer="Ana")
    with sqlite3.connect(store.path) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE review_events SET new='confirmed'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM review_events")


def test_version_1_reviews_become_events(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript("""
            CREATE TABLE articles (article_key TEXT PRIMARY KEY, document_key TEXT NOT NULL, title TEXT NOT NULL,
                text TEXT NOT NULL, pub_date TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, updated TEXT NOT NULL);
            CREATE TABLE article_claims (article_key TEXT NOT NULL, claim_key TEXT NOT NULL,
                PRIMARY KEY (article_key, claim_key)) WITHOUT ROWID;
            CREATE TABLE reviews (document_key TEXT NOT NULL, claim_key TEXT NOT NULL, status TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL DEFAULT '', reviewed_at TEXT NOT NULL,
                PRIMARY KEY (document_key, claim_key)) WITHOUT ROWID;
            CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO reviews VALUES ('d', 'k1', 'wrong', 'call them', 'Ana', '2026-01-02T10:00:00+00:00');
            INSERT INTO reviews VALUES ('d', 'k2', 'confirmed', '', 'Ben', '2026-01-01T09:00:00+00:00');
            INSERT INTO reviews VALUES ('d', 'k3', 'unreviewed', 'look again', '', '2026-01-03T08:00:00+00:00');
            PRAGMA user_version=1;
        """)
    store = ReviewStore(path)
    trail = [(e.claim_key, e.field, e.old, e.new, e.reviewer, e.at[:10]) for e in store.events("d")]
    assert trail == [
        ("k2", "status", "unreviewed", "confirmed", "Ben", "2026-01-01"),
        ("k1", "status", "unreviewed", "wrong", "Ana", "2026-01-02"),
        ("k1", "note", "", "call them", "Ana", "2026-01-02"),
        ("k3", "note", "", "look again", "", "2026-01-03"),
    ]
    reviews = store.reviews("d")
    assert (reviews["k1"].status, reviews["k1"].note, reviews["k1"].reviewed_at) == (
        "wrong", "call them", "2026-01-02T10:00:00+00:00")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name='reviews'").fetchall()
    assert ReviewStore(path).reviews("d") == reviews  # opening again migrates nothing twice


# ------------------------------------------------------- read-only and damaged


def _ro_connect(real):
    """sqlite3.connect opening every file read-only, as SQLite does for a file the user
    may not write (the tests run as root, who may write anything)."""

    def connect(database, *args, uri=False, **kwargs):
        if not uri:
            database = f"file:{quote(str(Path(database).resolve()))}?mode=ro"
        return real(database, *args, uri=True, **kwargs)

    return connect


def test_a_read_only_database_is_read_and_never_written(tmp_path, monkeypatch):
    path = tmp_path / "reviews.sqlite3"
    writable = ReviewStore(path)
    doc = writable.open_article(TEXT, KEYS, reviewer="Ana").document_key
    writable.save_fields(doc, "k1", {"status": "wrong"}, base_version=0, reviewer="Ana")
    before = path.read_bytes()

    monkeypatch.setattr(sqlite3, "connect", _ro_connect(sqlite3.connect))
    store, problem = open_store(path)
    assert store is not None and store.readonly
    assert str(path) in problem and DB_ENV_VAR in problem and "cannot be saved" in problem
    assert store.reviews(doc)["k1"].status == "wrong"
    assert store.open_article(TEXT, KEYS).document_key == doc  # found, not recorded
    assert store.last_article("Ana") is not None
    with pytest.raises(StoreError) as info:
        store.save_fields(doc, "k1", {"status": "confirmed"}, base_version=1)
    assert info.value.kind == "readonly" and str(path) in str(info.value)
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a file without write permission")
def test_a_file_without_write_permission_opens_read_only(tmp_path):
    path = tmp_path / "reviews.sqlite3"
    ReviewStore(path)
    path.chmod(0o444)
    store, problem = open_store(path)
    assert store is not None and store.readonly and "read-only" in problem


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_is_reported_and_left_untouched(tmp_path, damage):
    path = tmp_path / "reviews.sqlite3"
    if damage == "garbage":
        path.write_bytes(b"this is not a database\n" * 500)
    else:
        good = ReviewStore(tmp_path / "good.sqlite3")
        doc = good.open_article(TEXT * 200, KEYS).document_key
        for i in range(200):
            good.save_fields(doc, f"k{i}", {"note": "n" * 200}, base_version=0)
        with sqlite3.connect(good.path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = good.path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    before = path.read_bytes()
    store, problem = open_store(path)
    assert store is None
    assert "damaged" in problem and str(path) in problem and DB_ENV_VAR in problem
    assert "left untouched" in problem
    with pytest.raises(StoreError) as info:
        ReviewStore(path)
    assert info.value.kind == "corrupt"
    assert path.read_bytes() == before


def test_a_folder_that_cannot_be_made_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store, problem = open_store(blocker / "sub" / "reviews.sqlite3")
    assert store is None and "cannot be used" in problem and DB_ENV_VAR in problem


# ----------------------------------------------------------------------- tables


def test_uploaded_tables_are_kept_with_the_check_by_content(store):
    table = b"entity,metric,value,unit,source\nZarnovia,population,1234,people,Test\n"
    art = store.open_article(TEXT, KEYS, tables=[("mine.csv", table)])
    store.open_article("Other text 5 km.", ["x"], tables=[("copy.csv", table)])
    [kept] = store.article_tables(art.article_key)
    assert (kept.name, kept.sha256, kept.content) == ("mine.csv", table_hash(table), table)
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM tables").fetchone()[0] == 1  # stored once
    # A later check of the same text with no upload uses none.
    store.open_article(TEXT, KEYS)
    assert store.article_tables(art.article_key) == []
