"""One online geocoder: a geopy client behind a rate limiter, with typed errors.

geopy's ``RateLimiter`` spaces requests (Nominatim: one per second); it is built
with ``swallow_exceptions=False`` so a failure is raised, never turned into a
silent "not found". Service errors worth another try (429, 5xx, timeouts) are
retried here with exponential backoff, honouring a 429's ``Retry-After``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geopy import exc as geopy_exc
from geopy.extra.rate_limiter import RateLimiter

from geodata.errors import (
    GeocoderConfigError,
    GeocoderTimeout,
    GeocoderUnavailable,
    GeocodingError,
)
from geodata.geocoders.registry import GeocoderConfig, backend, check_config


@dataclass(frozen=True, slots=True)
class GeocodeAnswer:
    """What a service said for a query (``found`` False for "no such place")."""

    found: bool
    latitude: float | None = None
    longitude: float | None = None
    address: str | None = None
    raw: Any = None


class OnlineGeocoder:
    """A configured geopy backend. Build it with :func:`make_geocoder`."""

    def __init__(
        self,
        config: GeocoderConfig,
        client: Any,
        limited: Callable[..., Any],
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self._client = client
        self._limited = limited
        self._sleep = sleep

    @property
    def name(self) -> str:
        """The backend's registry name, e.g. ``"nominatim"``."""
        return self.config.name

    def geocode(self, query: str, *, country: str | None = None) -> GeocodeAnswer:
        """Ask the service for ``query``; raise a GeocodingError subclass on failure."""
        kwargs = backend(self.name).country_kwarg(country) if country else {}
        location = self._ask(query, kwargs)
        if location is None:
            return GeocodeAnswer(found=False)
        return GeocodeAnswer(
            True,
            float(location.latitude),
            float(location.longitude),
            location.address,
            location.raw,
        )

    def _ask(self, query: str, kwargs: dict[str, Any]) -> Any:
        """One answer from the service, retrying transient failures with backoff."""
        retries = self.config.max_retries
        for attempt in range(retries + 1):
            try:
                return self._limited(query, exactly_one=True, **kwargs)
            except geopy_exc.GeopyError as err:
                if attempt == retries or not _retryable(err):
                    raise _translate(err, self.name, query) from err
                self._sleep(_backoff(err, self.config.error_wait_seconds, attempt))
        raise AssertionError("unreachable")  # pragma: no cover


def _retryable(err: geopy_exc.GeopyError) -> bool:
    """Timeouts, 429 and 5xx may pass; bad credentials or a rejected query will not."""
    if isinstance(
        err,
        geopy_exc.GeocoderTimedOut | geopy_exc.GeocoderRateLimited | geopy_exc.GeocoderUnavailable,
    ):
        return True
    return type(err) is geopy_exc.GeocoderServiceError  # geopy's class for other 5xx answers


def _backoff(err: Exception, base: float, attempt: int) -> float:
    wait = base * 2**attempt
    retry_after = getattr(err, "retry_after", None)
    return max(wait, float(retry_after)) if retry_after else wait


def make_geocoder(
    config: GeocoderConfig, *, sleep: Callable[[float], None] = time.sleep
) -> OnlineGeocoder:
    """Build the geopy client of ``config`` wrapped in a RateLimiter.

    Examples
    --------
    >>> cfg = GeocoderConfig("nominatim", user_agent="newsroom-tracker/1.0 (desk@example.org)")
    >>> make_geocoder(cfg).name
    'nominatim'
    """
    config = check_config(config)
    try:
        client = backend(config.name).factory(config)
    except geopy_exc.ConfigurationError as err:
        raise GeocoderConfigError(f"geocoder {config.name!r} is misconfigured: {err}") from err
    delay = config.min_delay_seconds or 0.0
    limited = RateLimiter(
        client.geocode,
        min_delay_seconds=delay,
        max_retries=0,  # retries with backoff are OnlineGeocoder._ask's job
        error_wait_seconds=delay,
        swallow_exceptions=False,
    )
    return OnlineGeocoder(config, client, limited, sleep=sleep)


def _translate(err: geopy_exc.GeopyError, name: str, query: str) -> GeocodingError:
    where = f"geocoder {name!r} for {query!r}"
    status = getattr(err.__cause__, "status_code", None)
    if status is not None and status >= 500:
        # geopy files 503/504 under "timed out"; say what the server actually said
        return GeocoderUnavailable(
            f"{where} failed: the service answered HTTP {status}; retry later or check the URL"
        )
    if isinstance(err, geopy_exc.GeocoderTimedOut) or "timed out" in str(err).lower():
        return GeocoderTimeout(
            f"{where} timed out ({err}); raise TRACKER_GEOCODER_TIMEOUT or retry later"
        )
    if isinstance(err, geopy_exc.GeocoderRateLimited):
        return GeocoderUnavailable(
            f"{where} refused: rate limited ({err}); slow down or retry later"
        )
    if isinstance(
        err,
        geopy_exc.GeocoderAuthenticationFailure
        | geopy_exc.GeocoderInsufficientPrivileges
        | geopy_exc.ConfigurationError,
    ):
        return GeocoderConfigError(f"{where} rejected the credentials or settings: {err}")
    if isinstance(err, geopy_exc.GeocoderQueryError):
        return GeocodingError(f"{where}: the service rejected the query ({err})")
    return GeocoderUnavailable(f"{where} failed: {err}; check the network or the service URL")
