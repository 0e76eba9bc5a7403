"""Every size limit a user can meet, in one place (README's "Limits" table lists them).

Each is a guard against a mistake or a hostile input, set well above what real copy
needs; the message that enforces it names the limit and what to do.
"""

from __future__ import annotations

# Pasted or uploaded article text in the app (UTF-8): a long feature is about 50 KB.
MAX_TEXT_BYTES = 1_000_000
# An article file given to the command line, which may be a whole day's copy.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
# An uploaded file before its text is read: a .docx may carry images, so its file can be
# far bigger than its text; this only refuses files too big to be worth unzipping.
# (.streamlit/config.toml's maxUploadSize holds the app's uploads to the same 50 MB.)
MAX_FILE_BYTES = 50_000_000
# A reference table: the bundled ones are a few MB; 100 MB is several million rows.
MAX_TABLE_BYTES = 100_000_000
# A "sentence" longer than this (a run-on, a line of figures) is cut at a clause break,
# so the work done per claim with its sentence stays bounded.
MAX_SENTENCE_CHARS = 600
# More digits than any figure in the news (a trillion dollars in cents has 15): a longer
# digit string is an identifier, a hash or garbage, never a quantity.
MAX_DIGITS = 24
