"""Choosing the extractor for each article by its language.

A :class:`LanguageRouter` holds one extractor per language and is itself an
:class:`~tracker.extract.protocol.Extractor`, so the pipeline takes either. An
article whose language is unknown or unset goes to the default language's
extractor (English). The Ukrainian and Russian extractors
(:mod:`tracker.extract.cyrillic`) are added to the router :func:`default_extractor` builds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from geodata.protocols import Gazetteer
from tracker.errors import ConfigError
from tracker.extract.protocol import Extractor
from tracker.model import Article, Event

DEFAULT_LANGUAGE = "en"


def primary_language(code: str | None) -> str | None:
    """The primary subtag of a language code, lower case: ``"en-GB"`` → ``"en"``.

    >>> primary_language("uk_UA"), primary_language(" EN "), primary_language("")
    ('uk', 'en', None)
    """
    if code is None:
        return None
    primary = code.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary or None


class LanguageRouter:
    """Routes each article to the extractor for its language.

    Parameters
    ----------
    extractors
        One or more extractors; no two may claim the same language.
    default
        The language whose extractor reads articles with no or an unknown language.

    Raises
    ------
    ConfigError
        Two extractors claim one language, or none reads ``default``.

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> from tracker.extract.rule_extractor import RuleExtractor
    >>> router = LanguageRouter([RuleExtractor(load_embedded_gazetteer())])
    >>> router.choose(Article("Shelling hit Kharkiv.", language="fr")).name
    'rules-en'
    """

    name = "router"

    def __init__(self, extractors: Iterable[Extractor], *, default: str = DEFAULT_LANGUAGE) -> None:
        self._by_language: dict[str, Extractor] = {}
        for extractor in extractors:
            for language in sorted(extractor.languages):
                self._claim(language, extractor)
        if default not in self._by_language:
            raise ConfigError(
                f"no extractor reads the default language {default!r}; "
                f"add one or choose among {sorted(self._by_language)!r}"
            )
        self.default = default
        self.languages = frozenset(self._by_language)

    def _claim(self, language: str, extractor: Extractor) -> None:
        held = self._by_language.get(language)
        if held is not None and held is not extractor:
            raise ConfigError(
                f"extractors {held.name!r} and {extractor.name!r} both read {language!r}; "
                "give each language one extractor"
            )
        self._by_language[language] = extractor

    @property
    def extractors(self) -> tuple[Extractor, ...]:
        """Each distinct extractor once, in the order of the languages they read."""
        return tuple({id(e): e for e in self._by_language.values()}.values())

    @property
    def version(self) -> str:
        """Changes when any routed extractor's name or version changes."""
        parts = sorted(f"{lang}={e.name}/{e.version}" for lang, e in self._by_language.items())
        return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:12]

    def choose(self, article: Article) -> Extractor:
        """The extractor for ``article.language``, else the default language's."""
        language = primary_language(article.language)
        found = self._by_language.get(language) if language else None
        return found or self._by_language[self.default]

    def extract(self, article: Article) -> list[Event]:
        """The events ``article`` reports, read by :meth:`choose`'s extractor."""
        return self.choose(article).extract(article)


def extractor_for(extractor: Extractor, article: Article) -> Extractor:
    """The extractor that actually reads ``article``: a router's choice, else ``extractor``.

    Its name and version are what the store keeps with the article, so a new
    Ukrainian extractor never makes English articles look stale.
    """
    if isinstance(extractor, LanguageRouter):
        return extractor.choose(article)
    return extractor


def default_extractor(
    gazetteer: Gazetteer, *, today: date | None = None, min_confidence: float | None = None
) -> LanguageRouter:
    """Every extractor this tracker ships, routed by language (English, Ukrainian, Russian rules).

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> sorted(default_extractor(load_embedded_gazetteer()).languages)
    ['en', 'ru', 'uk']
    """
    from tracker.extract.core import DEFAULT_MIN_CONFIDENCE
    from tracker.extract.cyrillic import LANGUAGES, CyrillicExtractor
    from tracker.extract.rule_extractor import RuleExtractor

    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    cyrillic = [
        CyrillicExtractor(gazetteer, language=lang, today=today, min_confidence=floor)
        for lang in LANGUAGES
    ]
    return LanguageRouter([RuleExtractor(gazetteer, today=today, min_confidence=floor), *cyrillic])
