"""Ukrainian and Russian extraction: one reader shared by both languages, their words as data.

:class:`CyrillicExtractor` reads one language with that language's
:class:`~tracker.extract.cyrillic.lexicon.Lexicon` (rule tables and word lists
in ``tracker.extract.lexicon``: ``rules_uk``, ``words_uk``, ``rules_ru``,
``words_ru``, ``regions_cyrillic``). The pieces: ``toponyms`` (inflected place
names through pymorphy3 and suffix rules), ``dates``, ``facts`` (sides, claims,
targets, hedges, fatalities), ``cues`` (words read around a place or a
trigger), ``reader`` (one sentence → mentions),
``extractor``. Merging, regional coding and scoring are the English
extractor's (:func:`tracker.extract.core.events_from_mentions`).
"""

from tracker.extract.cyrillic.extractor import CyrillicExtractor
from tracker.extract.cyrillic.lexicon import LANGUAGES, Lexicon, lexicon_for

__all__ = ["LANGUAGES", "CyrillicExtractor", "Lexicon", "lexicon_for"]
