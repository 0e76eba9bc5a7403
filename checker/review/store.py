"""Persist reviewers' work on checked claims (status, note, who, when) in SQLite.

Pure: no Streamlit. The app writes through this module on every edit, so a browser
refresh or a server restart loses nothing, and several reviewers can work on one
article at once without overwriting each other.

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

Reviews are an audit trail
--------------------------
Every change of one field (`status` or `note`) is an event in `review_events`
(claim, field, old value, new value, reviewer, time), an append-only table (triggers
refuse UPDATE and DELETE). A claim's current review is the last value of each field;
its *version* is the number of events it has. A save names the version the
reviewer's screen showed: if the claim has changed since, nothing is written and the
caller gets a `Conflict` with the events it missed, to show and let the person choose
(`save_fields` again at the new version keeps theirs; doing nothing takes the stored
one). A save writes only the fields whose value differs from the stored one.

Uploaded reference tables are kept content-addressed (`tables`, keyed by SHA-256)
and linked to each article checked with them, so a reopened article is checked
against the same tables.

The database file is `FACTCHECK_DB` when that environment variable is set,
otherwise `reviews.sqlite3` in the platform's user data folder. A file that cannot
be written is opened read-only; a damaged one is never written to (`StoreError`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from checker.models import Claim

DB_ENV_VAR = "FACTCHECK_DB"
APP_NAME = "fact-figure-checker"

STATUSES: tuple[str, ...] = ("unreviewed", "confirmed", "wrong", "needs follow-up")
# The fields of a review a person edits, and their values before any edit.
FIELDS: tuple[str, ...] = ("status", "note")
FIELD_DEFAULTS: dict[str, str] = {"status": "unreviewed", "note": ""}
# Column names the review adds to an exported report, in order.
REVIEW_FIELDS: tuple[str, ...] = ("review_status", "reviewer_note", "reviewer", "reviewed_at")
# Column names of the exported audit trail.
EVENT_FIELDS: tuple[str, ...] = ("claim_key", "field", "old", "new", "reviewer", "at")

_TITLE_MAX = 120
_SCHEMA_VERSION = 2
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
CREATE TABLE IF NOT EXISTS settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
# Version 2: reviews become events; uploaded tables are kept with the articles checked with them.
_SCHEMA_2 = """
CREATE TABLE IF NOT EXISTS review_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_key TEXT NOT NULL,
    claim_key    TEXT NOT NULL,
    field        TEXT NOT NULL CHECK (field IN ('status', 'note')),
    old          TEXT NOT NULL,
    new          TEXT NOT NULL,
    reviewer     TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_events_claim ON review_events(document_key, claim_key, id);
CREATE TRIGGER IF NOT EXISTS review_events_no_update BEFORE UPDATE ON review_events
BEGIN SELECT RAISE(ABORT, 'review_events is append-only'); END;
CREATE TRIGGER IF NOT EXISTS review_events_no_delete BEFORE DELETE ON review_events
BEGIN SELECT RAISE(ABORT, 'review_events is append-only'); END;
CREATE TABLE IF NOT EXISTS tables (
    sha256  TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    content BLOB NOT NULL,
    added   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_tables (
    article_key TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (article_key, sha256)
) WITHOUT ROWID;
"""
# The version-1 reviews table (one row per claim, overwritten in place).
_REVIEWS_V1 = """
CREATE TABLE IF NOT EXISTS reviews (
    document_key TEXT NOT NULL,
    claim_key    TEXT NOT NULL,
    status       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    reviewer     TEXT NOT NULL DEFAULT '',
    reviewed_at  TEXT NOT NULL,
    PRIMARY KEY (document_key, claim_key)
) WITHOUT ROWID;
"""
_EVENT_COLUMNS = "id, document_key, claim_key, field, old, new, reviewer, at"
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



def table_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# ------------------------------------------------------------------------ errors


class StoreError(Exception):
    """The review database cannot be used as asked: one line naming the file and what to do.

    `kind` is "readonly" (reviews can be read but not saved), "corrupt" (the file is
    not a readable database; it is left untouched) or "unavailable" (any other failure).
    """

    def __init__(self, kind: str, path: Path, detail: str) -> None:
        self.kind, self.path, self.detail = kind, path, detail
        super().__init__(self.message())

    def message(self) -> str:
        where = f"The review database {self.path}"
        fix = f"To save reviews, fix its permissions or set {DB_ENV_VAR} to another file and restart the app."
        if self.kind == "readonly":
            return f"{where} is read-only ({self.detail}): reviews are shown but cannot be saved. {fix}"
        if self.kind == "corrupt":
            return (f"{where} is damaged ({self.detail}) and was left untouched: reviews cannot be shown or saved. "
                    f"Move it aside (keep it for recovery) or set {DB_ENV_VAR} to another file and restart the app.")
        return f"{where} cannot be used ({self.detail}): reviews cannot be saved. {fix}"


def _classify(exc: BaseException) -> str:
    text = str(exc).lower()
    if any(w in text for w in ("not a database", "malformed", "corrupt", "integrity")):
        return "corrupt"
    if any(w in text for w in ("readonly", "read-only", "read only", "permission denied")):
        return "readonly"
    return "unavailable"


# ------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Review:
    """A claim's current review: each field's last value, who made the last change
    and when, and `version` (the number of changes so far)."""

    claim_key: str
    status: str = "unreviewed"
    note: str = ""
    reviewer: str = ""
    reviewed_at: str = ""
    version: int = 0

    @property
    def reviewed(self) -> bool:
        return self.status != "unreviewed"

    def value(self, name: str) -> str:
        if name not in FIELDS:
            raise ValueError(f"unknown review field {name!r}; use one of {', '.join(FIELDS)}")
        return self.status if name == "status" else self.note

    def export_fields(self) -> dict[str, object]:
        """This review under the REVIEW_FIELDS names, for report.to_csv(extra=...)."""
        return {
            "review_status": self.status,
            "reviewer_note": self.note,
            "reviewer": self.reviewer,
            "reviewed_at": self.reviewed_at,
        }


@dataclass(frozen=True)
class ReviewEvent:
    """One change of one field of one claim's review."""

    id: int
    document_key: str
    claim_key: str
    field: str
    old: str
    new: str
    reviewer: str
    at: str

    def export_fields(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in EVENT_FIELDS}


@dataclass(frozen=True)
class Conflict:
    """A save refused because the claim changed after the saver's screen showed it.

    `yours` are the fields the person changed, with their values; `stored` is the
    review now; `missed` the changes made since `base_version`, oldest first.
    """

    claim_key: str
    yours: dict[str, str]
    base_version: int
    stored: Review
    missed: tuple[ReviewEvent, ...]


@dataclass(frozen=True)
class SaveResult:
    review: Review  # the claim's review after the call
    conflict: Conflict | None = None
    written: tuple[str, ...] = ()  # the fields that got an event

    @property
    def saved(self) -> bool:
        return self.conflict is None


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


@dataclass(frozen=True)
class StoredTable:
    """An uploaded reference table a check used; `content` is None if the store no longer has it."""

    name: str
    sha256: str
    content: bytes | None = field(default=None, repr=False)


def fold_events(key: str, events: Iterable[ReviewEvent]) -> Review:
    """The review the events (of one claim, oldest first) leave."""
    values = dict(FIELD_DEFAULTS)
    reviewer = at = ""
    n = 0
    for e in events:
        values[e.field] = e.new
        reviewer, at = e.reviewer, e.at
        n += 1
    return Review(key, values["status"], values["note"], reviewer, at, n)


def export_rows(keys: Sequence[str], reviews: dict[str, Review]) -> list[dict[str, object]]:
    """One REVIEW_FIELDS dict per claim key, unreviewed where nothing is stored."""
    return [reviews.get(k, Review(k)).export_fields() for k in keys]


def _check_value(name: str, value: str) -> None:
    if name not in FIELDS:
        raise ValueError(f"unknown review field {name!r}; use one of {', '.join(FIELDS)}")
    if name == "status" and value not in STATUSES:
        raise ValueError(f"unknown review status {value!r}; use one of {', '.join(STATUSES)}")


# -------------------------------------------------------------------------- store


class ReviewStore:
    """Every public method opens its own short connection and commits before
    returning: Streamlit runs each session in its own thread and may stop a script
    run at any moment, so no connection or transaction outlives a call. A write
    takes SQLite's write lock first (BEGIN IMMEDIATE), so its version check and its
    events are one step for every other writer.

    `readonly` is true when the file could be read but not written; `problem` then
    says why (a StoreError's message). Every sqlite3 error is raised as StoreError.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.readonly = readonly
        self.problem = ""
        if not readonly:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("unavailable", self.path, exc.strerror or str(exc)) from exc
            existed = self.path.exists() and self.path.stat().st_size > 0
            if existed:
                self._check_integrity()  # before anything could write to a damaged file
            try:
                self._init_schema()
                return
            except StoreError as exc:
                if exc.kind != "readonly" or not existed:
                    raise
                self.readonly, self.problem = True, exc.message()
        # Read-only: the file must be a store this code can read.
        self._check_integrity()
        with self._connect() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != _SCHEMA_VERSION:
            raise StoreError("unavailable", self.path,
                             f"schema version {version}, this app needs {_SCHEMA_VERSION} and cannot migrate a "
                             "read-only file")
        if not self.problem:
            self.problem = StoreError("readonly", self.path, "opened read-only").message()

    def _check_integrity(self) -> None:
        with self._connect() as conn:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
        if result is None or result[0] != "ok":
            raise StoreError("corrupt", self.path, f"integrity check: {result[0] if result else 'no answer'}")

    def _init_schema(self) -> None:
        with self._connect(write=True) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version < _SCHEMA_VERSION:
                conn.execute("SAVEPOINT migrate")
                for statement in _split(_SCHEMA + _SCHEMA_2):
                    conn.execute(statement)
                if version == 1:
                    self._migrate_from_1(conn)
                conn.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
                conn.execute("RELEASE migrate")
            elif version > _SCHEMA_VERSION:
                raise StoreError("unavailable", self.path,
                                 f"schema version {version} is newer than this app's {_SCHEMA_VERSION}")
            # A file opened without write permission accepts BEGIN IMMEDIATE and reads:
            # only a write tells whether reviews can be saved.
            conn.execute("INSERT OR REPLACE INTO settings VALUES ('opened', ?)", (_now(),))
        # WAL lets one session read while another writes; it is a property of the
        # file, set outside a transaction.
        try:
            conn2 = sqlite3.connect(self.path, timeout=10)
            try:
                conn2.execute("PRAGMA journal_mode=WAL")
            finally:
                conn2.close()
        except sqlite3.Error as exc:
            raise StoreError(_classify(exc), self.path, str(exc)) from exc

    @staticmethod
    def _migrate_from_1(conn: sqlite3.Connection) -> None:
        """Each version-1 review becomes the events that would have made it: a status
        other than unreviewed and a non-empty note, by its reviewer at its time."""
        conn.execute(_REVIEWS_V1)
        rows = conn.execute(
            "SELECT document_key, claim_key, status, note, reviewer, reviewed_at FROM reviews "
            "ORDER BY reviewed_at, document_key, claim_key"
        ).fetchall()
        for document, key, status, note, reviewer, at in rows:
            if status != FIELD_DEFAULTS["status"]:
                conn.execute(
                    "INSERT INTO review_events (document_key, claim_key, field, old, new, reviewer, at) "
                    "VALUES (?,?,?,?,?,?,?)", (document, key, "status", FIELD_DEFAULTS["status"], status, reviewer, at))
            if note != FIELD_DEFAULTS["note"]:
                conn.execute(
                    "INSERT INTO review_events (document_key, claim_key, field, old, new, reviewer, at) "
                    "VALUES (?,?,?,?,?,?,?)", (document, key, "note", FIELD_DEFAULTS["note"], note, reviewer, at))
        conn.execute("DROP TABLE reviews")

    @contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[sqlite3.Connection]:
        if write and self.readonly:
            raise StoreError("readonly", self.path, "opened read-only")
        try:
            if self.readonly:
                uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
            else:
                conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(_classify(exc), self.path, str(exc)) from exc
        try:
            conn.execute("PRAGMA busy_timeout=10000")
            # A read sees one snapshot; a write holds the write lock from its first statement.
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(_classify(exc), self.path, str(exc)) from exc
        finally:
            conn.close()

    # ---------------------------------------------------------------- articles

    def open_article(
        self,
        text: str,
        keys: Sequence[str],
        *,
        date: dt.date | None = None,
        title: str | None = None,
        reviewer: str = "",
        tables: Sequence[tuple[str, bytes]] = (),
    ) -> StoredArticle:
        """Record that `text` (with these claim keys) was checked, with the uploaded
        `tables` (name, content) it was checked against; return it with its document.

        With a `reviewer` name, it becomes that reviewer's last article ("Reopen last
        article"). A read-only store records nothing and still finds the document.
        """
        akey = article_key(text)
        now = _now()
        pub = date.isoformat() if date else ""
        if self.readonly:
            with self._connect() as conn:
                row = conn.execute(
                    "SELECT document_key, created FROM articles WHERE article_key=?", (akey,)
                ).fetchone()
                document, created = row if row else (self._document_for(conn, keys) or akey, now)
            return StoredArticle(akey, document, title or title_of(text), text, pub, created, now)
        with self._connect(write=True) as conn:
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
            # The tables of the latest check of this text replace those of an earlier one.
            conn.execute("DELETE FROM article_tables WHERE article_key=?", (akey,))
            for position, (name, content) in enumerate(tables):
                digest = table_hash(content)
                conn.execute("INSERT OR IGNORE INTO tables VALUES (?,?,?,?)", (digest, name, content, now))
                conn.execute("INSERT OR REPLACE INTO article_tables VALUES (?,?,?,?)", (akey, digest, name, position))
            if reviewer.strip():
                conn.execute("INSERT OR REPLACE INTO settings VALUES (?,?)", (_last_article_setting(reviewer), akey))
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

    def last_article(self, reviewer: str) -> StoredArticle | None:
        """The article this reviewer (by name) checked last; None without a name."""
        if not reviewer.strip():
            return None
        key = self.get_setting(_last_article_setting(reviewer))
        return self.article(key) if key else None

    def article_tables(self, key: str) -> list[StoredTable]:
        """The uploaded tables the last check of this article used, in upload order;
        a table whose content is gone has content None."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT at.name, at.sha256, t.content FROM article_tables at "
                "LEFT JOIN tables t ON t.sha256 = at.sha256 WHERE at.article_key=? ORDER BY at.position",
                (key,),
            ).fetchall()
        return [StoredTable(name, digest, bytes(content) if content is not None else None)
                for name, digest, content in rows]

    # ----------------------------------------------------------------- reviews

    def events(self, document_key: str, key: str | None = None) -> list[ReviewEvent]:
        """The audit trail of a document (or of one claim in it), oldest first."""
        with self._connect() as conn:
            return self._events(conn, document_key, key)

    @staticmethod
    def _events(conn: sqlite3.Connection, document_key: str, key: str | None = None) -> list[ReviewEvent]:
        if key is None:
            rows = conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM review_events WHERE document_key=? ORDER BY id", (document_key,)
            ).fetchall()
        else:
            rows = conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM review_events WHERE document_key=? AND claim_key=? ORDER BY id",
                (document_key, key),
            ).fetchall()
        return [ReviewEvent(*r) for r in rows]

    def reviews(self, document_key: str) -> dict[str, Review]:
        """Current reviews of the claims that have any change on record."""
        by_claim: dict[str, list[ReviewEvent]] = {}
        for e in self.events(document_key):
            by_claim.setdefault(e.claim_key, []).append(e)
        return {k: fold_events(k, evs) for k, evs in by_claim.items()}

    def review(self, document_key: str, key: str) -> Review:
        return fold_events(key, self.events(document_key, key))

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

    def save_fields(
        self,
        document_key: str,
        key: str,
        changes: Mapping[str, str],
        *,
        base_version: int | None,
        reviewer: str = "",
    ) -> SaveResult:
        """Set some fields of a claim's review, if it is still at `base_version`.

        Only fields whose value differs from the stored one are written, one event
        each. If the claim has changed since `base_version` and any of `changes`
        would write, nothing is written and the result carries the Conflict.
        `base_version=None` skips the check (a caller that has seen nothing).
        """
        for name, value in changes.items():
            _check_value(name, value)
        with self._connect(write=True) as conn:
            events = self._events(conn, document_key, key)
            current = fold_events(key, events)
            differing = {n: v for n, v in changes.items() if v != current.value(n)}
            if not differing:
                return SaveResult(current)
            if base_version is not None and base_version != current.version:
                missed = tuple(events[base_version:]) if 0 <= base_version <= len(events) else tuple(events)
                return SaveResult(current, Conflict(key, dict(changes), base_version, current, missed))
            now = _now()
            for name in FIELDS:  # a fixed order: status before note
                if name in differing:
                    conn.execute(
                        "INSERT INTO review_events (document_key, claim_key, field, old, new, reviewer, at) "
                        "VALUES (?,?,?,?,?,?,?)",
                        (document_key, key, name, current.value(name), differing[name], reviewer, now),
                    )
            events = self._events(conn, document_key, key)
        return SaveResult(fold_events(key, events), None, tuple(n for n in FIELDS if n in differing))

    def save_review(
        self,
        document_key: str,
        key: str,
        *,
        status: str | None = None,
        note: str | None = None,
        reviewer: str = "",
        base_version: int | None = None,
    ) -> Review:
        """save_fields for status and/or note (None leaves a field as it is); returns
        the review after the call, which is unchanged when there was a conflict."""
        changes = {n: v for n, v in (("status", status), ("note", note)) if v is not None}
        return self.save_fields(document_key, key, changes, base_version=base_version, reviewer=reviewer).review

    # ---------------------------------------------------------------- settings

    def get_setting(self, name: str, default: str = "") -> str:
        with self._connect() as conn:
            row = conn.execute("SELECT value FROM settings WHERE name=?", (name,)).fetchone()
        return row[0] if row else default

    def set_setting(self, name: str, value: str) -> None:
        with self._connect(write=True) as conn:
            conn.execute("INSERT OR REPLACE INTO settings VALUES (?,?)", (name, value))


def _last_article_setting(reviewer: str) -> str:
    return "last_article:" + _squash(reviewer).casefold()


def _split(script: str) -> list[str]:
    """The statements of a schema script (executescript would commit the transaction)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return [s for s in out if s]


def open_store(path: str | os.PathLike[str] | None = None) -> tuple[ReviewStore | None, str]:
    """The store at `path` and a problem to show ('' when reviews can be saved):
    a read-only file gives a read-only store, a damaged or unusable one None."""
    try:
        store = ReviewStore(path)
    except StoreError as exc:
        return None, exc.message()
    return store, store.problem
