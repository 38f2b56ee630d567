"""Every online answer is kept in ``gaz_geocode_cache``: a name is asked once."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from geodata.errors import GazetteerError
from geodata.geocoders.online import GeocodeAnswer, OnlineGeocoder
from geodata.names import name_key
from geodata.tables import gaz_geocode_cache


class CachedGeocoder:
    """An :class:`OnlineGeocoder` that looks in the database before asking."""

    def __init__(self, geocoder: OnlineGeocoder, engine: Engine) -> None:
        self._geocoder = geocoder
        self._engine = engine

    @property
    def name(self) -> str:
        """The wrapped backend's name."""
        return self._geocoder.name

    def geocode(self, query: str, *, country: str | None = None) -> GeocodeAnswer:
        """The cached answer for ``query``, or the service's (then cached, found or not)."""
        key = cache_key(query, country)
        cached = self._get(key)
        if cached is not None:
            return cached
        answer = self._geocoder.geocode(query, country=country)  # errors are not cached
        self._put(key, answer)
        return answer

    def _get(self, key: str) -> GeocodeAnswer | None:
        table = gaz_geocode_cache
        stmt = select(table).where(table.c.provider == self.name, table.c.query == key)
        try:
            with self._engine.connect() as conn:
                row = conn.execute(stmt).mappings().first()
        except SQLAlchemyError as err:
            raise _db_error(err) from err
        if row is None:
            return None
        return GeocodeAnswer(row["found"], row["latitude"], row["longitude"], row["address"])

    def _put(self, key: str, answer: GeocodeAnswer) -> None:
        table = gaz_geocode_cache
        values = {
            "provider": self.name,
            "query": key,
            "found": answer.found,
            "latitude": answer.latitude,
            "longitude": answer.longitude,
            "address": (answer.address or "")[:1000] or None,
            "raw": json.dumps(answer.raw, ensure_ascii=False, default=str) if answer.raw else None,
            "fetched_at": datetime.now(UTC),
        }
        old = (table.c.provider == self.name) & (table.c.query == key)
        try:
            with self._engine.begin() as conn:
                conn.execute(delete(table).where(old))
                conn.execute(insert(table).values(**values))
        except SQLAlchemyError as err:
            raise _db_error(err) from err


def cache_key(query: str, country: str | None) -> str:
    """The cache key: the folded query plus the country filter."""
    return f"{name_key(query)}|{(country or '').upper()}"[:1000]


def _db_error(err: SQLAlchemyError) -> GazetteerError:
    return GazetteerError(
        f"the geocoder cache failed ({err.__class__.__name__}); run `tracker db upgrade`"
    )
