"""Persist a journalist's review of checked claims (status, note, who, when) in SQLite.

Pure: no Streamlit. The app writes through this module on every edit, so a browser
refresh or a server restart loses nothing.

How reviews are keyed
---------------------
* `article_key` is the SHA-256 of the article text with whitespace collapsed, so
  re-pasting the same article (other line endings, extra blank lines) finds it.
* `claim_key` identifies a claim by what it says, not where it sits: the hash of
  its sentence (whitespace-normalised), its own text, and how many times that same
  (sentence, text) pair occurred earlier in the article. Editing another paragraph
  shifts every offset but changes no key.
* Articles form *documents* (lineages). A new text joins the document of the stored
  article that shares the most claim keys with it (ties: the most recently updated);
  a text sharing none starts a new document whose id is its own article_key.
  Reviews are stored per (document, claim_key), so after an edit every claim whose
  sentence did not change keeps its review, and a review of a sentence that was
  cut is kept in case the sentence comes back.

The database file is `FACTCHECK_DB` when that environment variable is set,
otherwise `reviews.sqlite3` in the platform's user data folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from checker.models import Claim

DB_ENV_VAR = "FACTCHECK_DB"
APP_NAME = "fact-figure-checker"

STATUSES: tuple[str, ...] = ("unreviewed", "confirmed", "wrong", "needs follow-up")
# Column names the review adds to an exported report, in order.
REVIEW_FIELDS: tuple[str, ...] = ("review_status", "reviewer_note", "reviewer", "reviewed_at")

_TITLE_MAX = 120
_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_key  TEXT PRIMARY KEY,
    document_key TEXT NOT NULL,
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,
    pub_date     TEXT NOT NULL DEFAULT '',
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_document ON articles(document_key);
CREATE TABLE IF NOT EXISTS article_claims (
    article_key TEXT NOT NULL,
    claim_key   TEXT NOT NULL,
    PRIMARY KEY (article_key, claim_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_claims_claim ON article_claims(claim_key);
CREATE TABLE IF NOT EXISTS reviews (
    document_key TEXT NOT NULL,
    claim_key    TEXT NOT NULL,
    status       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    reviewer     TEXT NOT NULL DEFAULT '',
    reviewed_at  TEXT NOT NULL,
    PRIMARY KEY (document_key, claim_key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


# --------------------------------------------------------------------------- keys


def _squash(text: str) -> str:
    # NFC so that an "é" typed as e + accent and a precomposed "é" give one key.
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_key(text: str) -> str:
    return hashlib.sha256(_squash(text).encode("utf-8")).hexdigest()


def claim_key(claim: Claim, occurrence: int = 0) -> str:
    """Offset-free identity of a claim; `occurrence` counts earlier identical
    (sentence, text) pairs, so "two hours ... two hours" in one sentence get two keys."""
    raw = f"{_squash(claim.sentence)}\x00{_squash(claim.text)}\x00{occurrence}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def claim_keys(claims: Iterable[Claim]) -> list[str]:
    """Keys for an article's claims, in order (occurrence indices counted here)."""
    seen: dict[tuple[str, str], int] = {}
    keys: list[str] = []
    for claim in claims:
        pair = (_squash(claim.sentence), _squash(claim.text))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        keys.append(claim_key(claim, n))
    return keys


def title_of(text: str) -> str:
    """First non-blank line, shortened: what a list of stored articles shows."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= _TITLE_MAX else line[: _TITLE_MAX - 1] + "…"
    return "(untitled)"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def default_db_path() -> Path:
    override = os.environ.get(DB_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    # Imported here so the CLI, which never stores reviews, does not pay for it.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "reviews.sqlite3"


# ------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Review:
    claim_key: str
    status: str = "unreviewed"
    note: str = ""
    reviewer: str = ""
    reviewed_at: str = ""

    @property
    def reviewed(self) -> bool:
        return self.status != "unreviewed"

    def export_fields(self) -> dict[str, object]:
        """This review under the REVIEW_FIELDS names, for report.to_csv(extra=...)."""
        return {
            "review_status": self.status,
            "reviewer_note": self.note,
            "reviewer": self.reviewer,
            "reviewed_at": self.reviewed_at,
        }


@dataclass(frozen=True)
class StoredArticle:
    article_key: str
    document_key: str
    title: str
    text: str
    pub_date: str  # ISO date or ""
    created: str
    updated: str

    @property
    def date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.pub_date) if self.pub_date else None


def export_rows(keys: Sequence[str], reviews: dict[str, Review]) -> list[dict[str, object]]:
    """One REVIEW_FIELDS dict per claim key, unreviewed where nothing is stored."""
    return [reviews.get(k, Review(k)).export_fields() for k in keys]


# -------------------------------------------------------------------------- store


class ReviewStore:
    """Every public method opens its own short connection and commits before
    returning: Streamlit runs each session in its own thread and may stop a script
    run at any moment, so no connection or transaction outlives a call."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            # WAL lets one session read while another writes; it is a property of
            # the file, so setting it once per process is enough.
            conn.execute("PRAGMA journal_mode=WAL")
            if conn.execute("PRAGMA user_version").fetchone()[0] < _SCHEMA_VERSION:
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as conn:
            conn.execute("PRAGMA busy_timeout=10000")
            with conn:  # commit on success, roll back on error
                yield conn

    # ---------------------------------------------------------------- articles

    def open_article(
        self,
        text: str,
        keys: Sequence[str],
        *,
        date: dt.date | None = None,
        title: str | None = None,
    ) -> StoredArticle:
        """Record that `text` (with these claim keys) was checked; return it with its document.

        Also remembers it as the last article, for "Reopen last article".
        """
        akey = article_key(text)
        now = _now()
        pub = date.isoformat() if date else ""
        with self._connect() as conn:
            row = conn.execute("SELECT document_key, created FROM articles WHERE article_key=?", (akey,)).fetchone()
            if row:
                document, created = row
                conn.execute(
                    "UPDATE articles SET text=?, pub_date=?, updated=? WHERE article_key=?",
                    (text, pub, now, akey),
                )
            else:
                document, created = self._document_for(conn, keys) or akey, now
                conn.execute(
                    "INSERT INTO articles VALUES (?,?,?,?,?,?,?)",
                    (akey, document, title or title_of(text), text, pub, created, now),
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO article_claims VALUES (?,?)", ((akey, k) for k in keys)
                )
            conn.execute("INSERT OR REPLACE INTO settings VALUES ('last_article', ?)", (akey,))
        return StoredArticle(akey, document, title or title_of(text), text, pub, created, now)

    @staticmethod
    def _document_for(conn: sqlite3.Connection, keys: Sequence[str]) -> str | None:
        if not keys:
            return None
        # json_each takes the keys as one parameter: a long article has more claims
        # than SQLite allows bound variables.
        row = conn.execute(
            """
            SELECT a.document_key, COUNT(*) AS shared, MAX(a.updated) AS latest
            FROM article_claims ac JOIN articles a ON a.article_key = ac.article_key
            WHERE ac.claim_key IN (SELECT value FROM json_each(?))
            GROUP BY a.document_key
            ORDER BY shared DESC, latest DESC
            LIMIT 1
            """,
            (json.dumps(list(keys)),),
        ).fetchone()
        return row[0] if row else None

    def article(self, key: str) -> StoredArticle | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT article_key, document_key, title, text, pub_date, created, updated "
                "FROM articles WHERE article_key=?",
                (key,),
            ).fetchone()
        return StoredArticle(*row) if row else None

    def last_article(self) -> StoredArticle | None:
        key = self.get_setting("last_article")
        return self.article(key) if key else None

    # ----------------------------------------------------------------- reviews

    def reviews(self, document_key: str) -> dict[str, Review]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT claim_key, status, note, reviewer, reviewed_at FROM reviews WHERE document_key=?",
                (document_key,),
            ).fetchall()
        return {r[0]: Review(*r) for r in rows}

    def reviews_for_text(self, text: str, keys: Sequence[str]) -> dict[str, Review]:
        """Stored reviews for these claims of `text`, without recording anything.

        Finds the document the text belongs to (or would join) the same way
        open_article does.
        """
        with self._connect() as conn:
            row = conn.execute(
                "SELECT document_key FROM articles WHERE article_key=?", (article_key(text),)
            ).fetchone()
            document = row[0] if row else self._document_for(conn, keys)
        if document is None:
            return {}
        stored = self.reviews(document)
        return {k: stored[k] for k in keys if k in stored}

    def save_review(
        self,
        document_key: str,
        key: str,
        *,
        status: str | None = None,
        note: str | None = None,
        reviewer: str = "",
    ) -> Review:
        """Set a claim's status and/or note (None leaves a field as it is); commits at once.

        A call that changes nothing writes nothing, so replaying an editor's whole
        list of edits on every rerun does not bump `reviewed_at`.
        """
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown review status {status!r}; use one of {', '.join(STATUSES)}")
        with self._connect() as conn:
            row = conn.execute(
                "SELECT claim_key, status, note, reviewer, reviewed_at FROM reviews "
                "WHERE document_key=? AND claim_key=?",
                (document_key, key),
            ).fetchone()
            old = Review(*row) if row else Review(key)
            new_status = old.status if status is None else status
            new_note = old.note if note is None else note
            if (new_status, new_note) == (old.status, old.note):
                return old
            review = Review(key, new_status, new_note, reviewer, _now())
            conn.execute(
                "INSERT OR REPLACE INTO reviews VALUES (?,?,?,?,?,?)",
                (document_key, key, review.status, review.note, review.reviewer, review.reviewed_at),
            )
        return review

    # ---------------------------------------------------------------- settings

    def get_setting(self, name: str, default: str = "") -> str:
        with self._connect() as conn:
            row = conn.execute("SELECT value FROM settings WHERE name=?", (name,)).fetchone()
        return row[0] if row else default

    def set_setting(self, name: str, value: str) -> None:
        with self._connect() as conn:
            conn.execute("INSERT OR REPLACE INTO settings VALUES (?,?)", (name, value))
