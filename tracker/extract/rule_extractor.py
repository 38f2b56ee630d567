"""The English rule-based extractor behind the :class:`~tracker.extract.protocol.Extractor` seam.

It wraps :func:`tracker.extract.extract_events` (the rule tables, hedges,
dates, places and actors of this package) without changing what it returns.
"""

from __future__ import annotations

import functools
from datetime import date

from geodata.protocols import Gazetteer
from tracker.extract.core import DEFAULT_MIN_CONFIDENCE, extract_events
from tracker.extract.protocol import package_version, source_digest
from tracker.model import Article, Event

RULES_NAME = "rules-en"


@functools.cache
def rules_version() -> str:
    """``<package version>+<digest>``: the digest covers this package's rule and lexicon files.

    Why a digest of the files rather than of the ``RULES`` table alone: word
    lists and reading logic live in several modules (hedges, dates, actors,
    places ...), and an edit to any of them can change the events. Hashing every
    source and data file of ``tracker.extract`` (save the plumbing listed in
    :data:`~tracker.extract.protocol.PLUMBING`) catches all of them with no list
    to keep up to date; a comment-only edit costs one needless re-extraction.
    The package version covers what lies outside (the gazetteer code in ``geodata``).

    Examples
    --------
    >>> rules_version().startswith(package_version() + "+")
    True
    """
    return f"{package_version()}+{source_digest('tracker.extract')}"


class RuleExtractor:
    """English news text → events, with this package's rules and a gazetteer.

    Parameters
    ----------
    gazetteer
        Finds and resolves place names.
    today
        The processing day, used only for articles with no publication date
        (default: the day each article is read).
    min_confidence
        Events rated below this by the confidence model are not returned (0 keeps all).

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> extractor = RuleExtractor(load_embedded_gazetteer())
    >>> (extractor.name, sorted(extractor.languages))
    ('rules-en', ['en'])
    >>> text = "Russian artillery shelled Kharkiv overnight, killing two civilians."
    >>> [e.location for e in extractor.extract(Article(text, published=date(2022, 4, 12)))]
    ['Kharkiv']
    """

    name = RULES_NAME
    languages = frozenset({"en"})

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        today: date | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> None:
        self.gazetteer = gazetteer
        self.today = today
        self.min_confidence = min_confidence

    @property
    def version(self) -> str:
        """See :func:`rules_version`."""
        return rules_version()

    def extract(self, article: Article) -> list[Event]:
        """The events ``article`` reports; see :func:`tracker.extract.extract_events`."""
        return extract_events(
            article, gazetteer=self.gazetteer, today=self.today, min_confidence=self.min_confidence
        )

    def __repr__(self) -> str:
        return f"RuleExtractor(name={self.name!r}, version={self.version!r})"
