"""Which online geocoders exist and how each is configured.

Online geocoding is off unless configured: nothing here touches the network
until :func:`make_geocoder` is called with a config, and the tracker only
builds a config when ``TRACKER_GEOCODER`` (or an option) names a backend.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from geodata.errors import GeocoderConfigError

ENV_PREFIX = "TRACKER_GEOCODER"


@dataclass(frozen=True, slots=True)
class GeocoderConfig:
    """Settings of one online backend (read from ``TRACKER_GEOCODER_*``)."""

    name: str
    user_agent: str | None = None
    domain: str | None = None  # host[:port] of the service, e.g. a self-hosted Nominatim
    scheme: str = "https"
    api_key: str | None = None  # Pelias
    username: str | None = None  # GeoNames web service account
    timeout: float = 10.0
    min_delay_seconds: float | None = None  # None: the backend's policy (Nominatim: 1 s)
    max_retries: int = 2
    error_wait_seconds: float = 5.0


@dataclass(frozen=True, slots=True)
class Backend:
    """How to build one geopy client and pass a country filter to it."""

    factory: Callable[[GeocoderConfig], Any]
    country_kwarg: Callable[[str], dict[str, Any]]
    min_delay_seconds: float = 0.0
    needs: tuple[str, ...] = ()


def _geopy(name: str) -> Any:
    """A geopy geocoder class, imported on use: geopy and requests take 0.2 s to import."""
    from geopy import geocoders

    return getattr(geocoders, name)


def _common(cfg: GeocoderConfig) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"timeout": cfg.timeout, "scheme": cfg.scheme}
    if cfg.user_agent:
        kwargs["user_agent"] = cfg.user_agent
    if cfg.domain:
        kwargs["domain"] = cfg.domain
    return kwargs


GEOCODERS: dict[str, Backend] = {
    # Nominatim's policy: a real user agent and at most one request per second.
    "nominatim": Backend(
        lambda c: _geopy("Nominatim")(**_common(c)),
        lambda cc: {"country_codes": cc.lower()},
        min_delay_seconds=1.0,
        needs=("user_agent",),
    ),
    "photon": Backend(
        lambda c: _geopy("Photon")(**_common(c)), lambda cc: {}, min_delay_seconds=1.0
    ),
    "geonames": Backend(
        lambda c: _geopy("GeoNames")(c.username, **_common(c)),
        lambda cc: {"country": cc.upper()},
        min_delay_seconds=1.0,
        needs=("username",),
    ),
    # Pelias takes its host as the first argument, not as ``domain=``.
    "pelias": Backend(
        lambda c: _geopy("Pelias")(c.domain, c.api_key, **_common(replace(c, domain=None))),
        lambda cc: {"countries": [cc.upper()]},
        needs=("domain",),
    ),
    "arcgis": Backend(lambda c: _geopy("ArcGIS")(**_common(c)), lambda cc: {}),
}


def backend(name: str) -> Backend:
    """The registered backend called ``name``; GeocoderConfigError lists the valid ones."""
    try:
        return GEOCODERS[name.lower()]
    except KeyError:
        raise GeocoderConfigError(
            f"unknown geocoder {name!r}; choose one of {', '.join(sorted(GEOCODERS))}"
        ) from None


def check_config(cfg: GeocoderConfig) -> GeocoderConfig:
    """Validate ``cfg`` against its backend's needs; fill in the polite delay."""
    spec = backend(cfg.name)
    for field in spec.needs:
        if not getattr(cfg, field):
            env = f"{ENV_PREFIX}_{field.upper()}"
            raise GeocoderConfigError(
                f"geocoder {cfg.name!r} needs a {field.replace('_', ' ')}; set {env}"
                + (" to an agent naming your app and a contact" if field == "user_agent" else "")
            )
    if cfg.min_delay_seconds is None:
        cfg = replace(cfg, min_delay_seconds=spec.min_delay_seconds)
    # geopy's RateLimiter requires the wait after an error to be at least the delay
    wait = max(cfg.error_wait_seconds, cfg.min_delay_seconds or 0.0)
    return replace(cfg, name=cfg.name.lower(), error_wait_seconds=wait)


def config_from_env(env: Mapping[str, str] | None = None) -> GeocoderConfig | None:
    """A config from ``TRACKER_GEOCODER`` and ``TRACKER_GEOCODER_*``; None when unset.

    Examples
    --------
    >>> env = {"TRACKER_GEOCODER": "nominatim",
    ...        "TRACKER_GEOCODER_USER_AGENT": "newsroom-tracker/1.0 (desk@example.org)"}
    >>> config_from_env(env).name
    'nominatim'
    """
    env = os.environ if env is None else env
    name = env.get(ENV_PREFIX, "").strip()
    if not name or name.lower() == "none":
        return None

    def get(key: str) -> str | None:
        return env.get(f"{ENV_PREFIX}_{key}") or None

    try:
        cfg = GeocoderConfig(
            name=name,
            user_agent=get("USER_AGENT"),
            domain=get("DOMAIN"),
            scheme=get("SCHEME") or "https",
            api_key=get("API_KEY"),
            username=get("USERNAME"),
            timeout=float(get("TIMEOUT") or 10.0),
            min_delay_seconds=float(d) if (d := get("MIN_DELAY")) else None,
            max_retries=int(get("MAX_RETRIES") or 2),
            error_wait_seconds=float(get("ERROR_WAIT") or 5.0),
        )
    except ValueError as err:
        raise GeocoderConfigError(f"a {ENV_PREFIX}_* number is malformed: {err}") from err
    return check_config(cfg)
