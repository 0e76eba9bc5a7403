"""Shared test setup: keep every test away from the user's real cache and review database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_state_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point the reference cache (FACTCHECK_CACHE_DIR) and the review database
    (FACTCHECK_DB) at throwaway paths for the whole session.

    Set in os.environ, so CLI subprocesses started by tests inherit them too.
    Tests that need their own empty cache still override the variable locally.
    """
    base = tmp_path_factory.mktemp("factcheck-state")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACTCHECK_CACHE_DIR", str(base / "cache"))
        mp.setenv("FACTCHECK_DB", str(base / "reviews.sqlite3"))
        yield
