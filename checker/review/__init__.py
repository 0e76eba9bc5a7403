"""Reviewers' work on a checked article: the SQLite store of their statuses and
notes (`store`), and what the app shows of a claim (`view`)."""
