"""Where articles come from: command-line sources and a sources file (TOML).

A sources file lists feeds, pages and local paths with per-source options::

    [defaults]            # optional; applies to every source below
    language = "en"
    country_focus = "UA"

    [[source]]
    url = "https://news.example.org/rss"
    outlet = "Example News"

    [[source]]
    path = "inbox/*.jsonl"     # relative to the sources file
    outlet = "Wire copy"

    [[source]]
    path = "exports/example_news/result.json"   # a Telegram channel export
    telegram_channel = "example_news"           # its public username, for t.me links
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError
from tracker.ingest.language import check_language_code
from tracker.ingest.records import ArticleDefaults
from tracker.ingest.telegram import check_username
from tracker.ingest.urls import is_remote

_OPTION_KEYS = ("outlet", "language", "country_focus")
_SOURCE_KEYS = frozenset({"url", "path", "name", "telegram_channel", *_OPTION_KEYS})


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One source to read, with the options that override what its articles say."""

    location: str  # a URL, a path, a glob or "-" for stdin
    options: ArticleDefaults = field(default_factory=ArticleDefaults)
    name: str | None = None
    telegram_channel: str | None = None  # the username of the channel a Telegram export is of

    @property
    def remote(self) -> bool:
        """True for a URL (fetched), False for a local path, glob or stdin."""
        return is_remote(self.location)

    @property
    def label(self) -> str:
        """How summaries and logs name this source."""
        return self.name or self.location


def specs_from_args(locations: Sequence[str]) -> list[SourceSpec]:
    """Sources given on the command line, in order, without per-source options."""
    return [SourceSpec(location=loc) for loc in locations]


def load_sources_file(path: Path) -> list[SourceSpec]:
    """Read a sources TOML file; every mistake is a :class:`ConfigError` naming the fix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "feeds.toml"
    >>> _ = f.write_text('[[source]]\\nurl = "https://example.org/rss"\\noutlet = "Ex"\\n')
    >>> load_sources_file(f)[0].options.outlet
    'Ex'
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"sources file {str(path)!r} does not exist; check --sources") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"cannot read sources file {str(path)!r}: {err}") from err
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"sources file {str(path)!r} is not valid TOML: {err}") from err
    unknown = set(data) - {"defaults", "source"}
    if unknown:
        raise ConfigError(
            f"sources file {str(path)!r} has unknown table(s) {sorted(unknown)!r}; "
            "use [defaults] and [[source]]"
        )
    defaults = _options(
        data.get("defaults", {}), where=f"{path} [defaults]", allowed=set(_OPTION_KEYS)
    )
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list) or not raw_sources:
        raise ConfigError(
            f"sources file {str(path)!r} lists no [[source]] entries; add at least one"
        )
    return [_spec(raw, i, path, defaults) for i, raw in enumerate(raw_sources, start=1)]


def _spec(raw: Any, index: int, path: Path, defaults: Mapping[str, str]) -> SourceSpec:
    where = f"{path} source #{index}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a [[source]] table")
    options = {**defaults, **_options(raw, where=where, allowed=set(_SOURCE_KEYS))}
    url, local = raw.get("url"), raw.get("path")
    if (url is None) == (local is None):
        raise ConfigError(f'{where}: give exactly one of url = "https://..." or path = "..."')
    if url is not None and not is_remote(url):
        raise ConfigError(f"{where}: url {url!r} is not a URL; use path = for local files")
    location = url if url is not None else str((path.parent / local).expanduser())
    channel = options.get("telegram_channel")
    if channel is not None:
        channel = check_username(channel, where=f"{where}: telegram_channel")
    return SourceSpec(
        location=location,
        name=options.get("name"),
        telegram_channel=channel,
        options=ArticleDefaults(**{k: options.get(k) for k in _OPTION_KEYS}),
    )


def _options(raw: Any, *, where: str, allowed: set[str]) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a table of options")
    unknown = set(raw) - allowed
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {sorted(unknown)!r}; known: {sorted(allowed)!r}"
        )
    bad = {k: v for k, v in raw.items() if not isinstance(v, str) or not v.strip()}
    if bad:
        raise ConfigError(f"{where}: values must be non-empty text, got {bad!r}")
    options = {k: v.strip() for k, v in raw.items()}
    if "language" in options:
        options["language"] = check_language_code(options["language"], option=f"{where}: language")
    return options
