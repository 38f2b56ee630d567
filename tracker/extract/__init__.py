"""Event extraction: news text in, ACLED-coded events with places, dates and evidence out.

The public entry point is :func:`extract_events`. The pieces, one module each:
``text`` (checks, markup, sentences), ``rules`` (triggers → ACLED taxonomy),
``hedges`` (intentions, negations, history), ``dates``, ``actors`` (sides and
claims), ``parties`` (actor1/actor2), ``fatalities``, ``targets``, ``places``
(which names are event places), ``locate`` (gazetteer resolution), ``reading``
(one sentence → mentions), ``merge`` (mentions → events), ``core``.
"""

from tracker.extract.core import event_id_for, extract_events

__all__ = ["event_id_for", "extract_events"]
