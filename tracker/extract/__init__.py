"""Event extraction: news text in, ACLED-coded events with places, dates and evidence out.

The seam the rest of the tracker uses is :class:`Extractor` (``protocol``):
:class:`RuleExtractor` reads English with this package's rules, and
:class:`LanguageRouter` picks an extractor per article language;
:func:`default_extractor` builds the router the commands use. The rules'
entry point is :func:`extract_events`. The pieces, one module each:
``text`` (checks, markup, sentences), ``rules`` (triggers → ACLED taxonomy),
``hedges`` (intentions, negations, references back), ``context`` (captions,
supply, habits, history, idioms), ``dates``, ``actors`` (sides and claims),
``parties`` (actor1/actor2), ``fatalities``, ``targets``, ``places`` (which
names are event places), ``locate`` (gazetteer resolution, homonyms by the
article's context), ``reading`` (one sentence → mentions), ``merge`` (mentions
→ events), ``confidence`` (a calibrated probability), ``core``. Word lists,
rule tables and model weights are per-language data in ``lexicon``; ``newsgold``,
``newseval`` and ``newsreport`` measure it all on hand-labelled news.
"""

from tracker.extract.core import event_id_for, extract_events
from tracker.extract.protocol import Extractor
from tracker.extract.router import (
    LanguageRouter,
    default_extractor,
    extractor_for,
    primary_language,
)
from tracker.extract.rule_extractor import RuleExtractor, rules_version

__all__ = [
    "Extractor",
    "LanguageRouter",
    "RuleExtractor",
    "default_extractor",
    "event_id_for",
    "extract_events",
    "extractor_for",
    "primary_language",
    "rules_version",
]
