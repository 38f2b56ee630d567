"""An open store on an empty database, once per engine (SQLite and PostGIS)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tracker.store import Store, open_store


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An open store on an empty database, SQLite and PostGIS in turn."""
    opened = open_store(db_url)
    yield opened
    opened.close()
