"""Shared helpers for the extraction tests: a small hand-made gazetteer, and one Ukrainian
and one Russian extractor."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from geodata import GazetteerBuilder, Place
from geodata.protocols import Gazetteer
from tracker.extract.cyrillic import CyrillicExtractor
from tracker.model import Article, Event


def cyrillic_runner(
    gazetteer: Gazetteer, *, published: date, today: date
) -> Callable[[str, str], list[Event]]:
    """``run(text, language)``: the events the uk or ru extractor finds in ``text``."""
    extractors = {
        lang: CyrillicExtractor(gazetteer, language=lang, today=today) for lang in ("uk", "ru")
    }

    def run(text: str, language: str) -> list[Event]:
        return extractors[language].extract(Article(text, published=published, language=language))

    return run


def built_gazetteer(places: Iterable[tuple[Place, list[str]]]) -> Gazetteer:
    """A gazetteer of ``places``, each with its other names."""
    builder = GazetteerBuilder()
    for place, names in places:
        builder.add_place(place, names)
    return builder.build()
