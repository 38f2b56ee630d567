"""The objects a command needs, opened lazily from one database URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tracker.settings import Access

if TYPE_CHECKING:
    from geodata.protocols import Gazetteer
    from tracker.extract import Extractor
    from tracker.store import Store


@dataclass
class App:
    """Opens the store, the gazetteer and the extractor on first use, once per process."""

    db_url: str
    access: Access = Access.CREATE
    _store: Store | None = field(default=None, init=False, repr=False)
    _gazetteer: Gazetteer | None = field(default=None, init=False, repr=False)
    _extractor: Extractor | None = field(default=None, init=False, repr=False)

    @property
    def store(self) -> Store:
        """The event store at ``db_url`` (created on first use when empty)."""
        if self._store is None:
            from tracker.store import open_store

            self._store = open_store(self.db_url, access=self.access)
        return self._store

    @property
    def gazetteer(self) -> Gazetteer:
        """The places loaded into this database, or the embedded default."""
        if self._gazetteer is None:
            from tracker.places import open_gazetteer

            self._gazetteer = open_gazetteer(self.store)
        return self._gazetteer

    @property
    def extractor(self) -> Extractor:
        """Every shipped extractor over :attr:`gazetteer`, chosen per article by language."""
        if self._extractor is None:
            from tracker.extract import default_extractor

            self._extractor = default_extractor(self.gazetteer)
        return self._extractor

    def close(self) -> None:
        """Release the database connections."""
        if self._store is not None:
            self._store.close()
            self._store = None
