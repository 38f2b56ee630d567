"""The extractor's entry point: an article in, its events out."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, date, datetime

from geodata.model import GeoPrecision, Resolution
from geodata.protocols import Gazetteer
from tracker.extract.confidence import (
    HEADLINE_NOTE,
    RULES_PREFIX,
    load_model,
    weighted_features,
)
from tracker.extract.locate import PlaceResolver
from tracker.extract.mention import Mention
from tracker.extract.merge import merge_mentions
from tracker.extract.parties import COUNTRY_NAMES
from tracker.extract.reading import ArticleReader, notes_for
from tracker.extract.rules import Trigger, find_triggers
from tracker.extract.text import (
    MAX_CHARS,
    Sentence,
    check_text,
    clean_text,
    headline_sentences,
    split_sentences,
)
from tracker.model import Article, Event, EventType, Source, SubEventType, TimePrecision

# Every candidate is kept, with its calibrated confidence: on labelled real articles a
# threshold removes real-but-unplaced events as fast as invented ones (docs/benchmarks.md),
# and nothing extracted should be lost at ingest. Readers choose: the map hides events
# below 0.5 behind a visible switch; events, map and export take --min-confidence.
DEFAULT_MIN_CONFIDENCE = 0.0


def extract_events(
    article: Article,
    *,
    gazetteer: Gazetteer,
    today: date | None = None,
    max_chars: int = MAX_CHARS,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> list[Event]:
    """The events an article reports, each with its place, date, actors and evidence.

    Parameters
    ----------
    article
        The article; ``published`` anchors relative dates ("yesterday").
    gazetteer
        Finds and resolves place names (see :class:`geodata.protocols.Gazetteer`).
    today
        The processing day, used only when the article has no publication date.
    max_chars
        Longer texts are refused with :class:`~tracker.errors.ExtractionError`.
    min_confidence
        Events the confidence model rates below this are not returned (0 keeps all).

    Returns
    -------
    list[Event]
        One event per sub-event type, place and day, in order of first mention.
        Events without a usable place have no coordinates.

    Raises
    ------
    ExtractionError
        The text is empty, binary or too large.

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> text = "Russian artillery shelled Kharkiv overnight, killing two civilians."
    >>> [event] = extract_events(Article(text, published=date(2022, 4, 12)),
    ...                          gazetteer=load_embedded_gazetteer())
    >>> (event.sub_event_type.value, event.location, event.fatalities)
    ('Shelling/artillery/missile attack', 'Kharkiv', 2)
    """
    check_text(article.text, max_chars=max_chars)
    text = clean_text(article.text)
    triggers = find_triggers(text)
    if not triggers:
        return []
    reader = ArticleReader(
        text=text,
        gazetteer=gazetteer,
        published=article.published,
        today=today or datetime.now(UTC).date(),
        country=article.country_focus or "UA",
        resolver=PlaceResolver(
            gazetteer,
            country=article.country_focus,
            as_of=article.published or today or datetime.now(UTC).date(),
        ),
    )
    sentences = split_sentences(text)
    heads = headline_sentences(text, sentences, title=article.title)
    mentions: list[Mention] = []
    seen: set[str] = set()
    triggers = _within_sentences(text, sentences, triggers)
    reader.sentences = sentences
    for sentence, found in _by_sentence(sentences, triggers):
        words = " ".join(text[sentence.start : sentence.end].split())
        if words in seen:
            continue  # a headline or caption repeated on the page reports nothing new
        seen.add(words)
        read = reader.read(sentence, found)
        if sentence.start in heads:
            read = [replace(m, headline=True) for m in read]
        mentions.extend(read)
    mentions = reader.incident_places(mentions)
    return events_from_mentions(
        article,
        text,
        _note_mentions(text, sentences, mentions),
        gazetteer=gazetteer,
        min_confidence=min_confidence,
        lead=lambda: reader.lead_place(heads),
    )


def _no_lead() -> Resolution | None:
    return None


def events_from_mentions(
    article: Article,
    text: str,
    mentions: list[Mention],
    *,
    gazetteer: Gazetteer,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    lead: Callable[[], Resolution | None] = _no_lead,
) -> list[Event]:
    """An article's mentions, from any language's reader, merged and scored into events.

    Every extractor ends here, so events are merged, coded to the article's region
    (or near the one town its lead names, ``lead``) and scored the same way whatever
    language they were read from.
    """
    groups = _specific(merge_mentions(mentions))
    groups = _codable(_placed_or_dated(_in_the_article_region(groups, gazetteer, lead)))
    events = _scored(_events(article, text, groups))
    return [e for e in events if e.confidence >= min_confidence]


NOTE_CHARS = 300  # an ACLED-style note or a monitor's title, not an article
_NOTE_LINE = "a one-line note: its only report, damage at a named place, is its event"


def _note_mentions(text: str, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
    """In a one-line note ("Damage to school no. 5 in Sloviansk") the weak words are the
    report: in an article they only echo an event named better elsewhere and are dropped,
    in a note nothing else will name it."""
    if len(text) > NOTE_CHARS or len(sentences) > 2 or not all(m.thin for m in mentions):
        return mentions
    return [
        replace(m, thin=False, evidence=(*m.evidence, _NOTE_LINE)) if _damage_at(m) else m
        for m in mentions
    ]


def _damage_at(m: Mention) -> bool:
    # "came under attack" or "the attack was condemned" stay vague even alone
    rules = [line.split()[1] for line in m.evidence if line.startswith("trigger: ")]
    return m.located and bool(rules) and all(rule == "damage" for rule in rules)


def _scored(events: list[Event]) -> list[Event]:
    """Each event's confidence from the fitted model, with its reading in the evidence."""
    model = load_model("en")
    if model is None:
        return events
    out = []
    for e in events:
        f = weighted_features(e, events_in_article=len(events), model=model)
        p = round(model.probability(f), 2)
        line = f"confidence: {p} ({model.explain(f)})"
        out.append(replace(e, confidence=p, evidence=(*e.evidence, line)))
    return out


_LOCAL_CLAIMANT = re.compile(r"administration|governor|mayor|regional|council", re.I)


def _specific(groups: list[list[Mention]]) -> list[list[Mention]]:
    """ "Attacks escalated earlier this month with a renewed offensive in the area": with no
    place of its own and no day, a report is background to the story, not an event a coder
    could place and date (the story's region or lead would only guess both)."""
    return [
        g
        for g in groups
        if any(m.located or m.location_text for m in g)
        or any(m.date.precision is TimePrecision.DAY for m in g)
    ]


def _placed_or_dated(groups: list[list[Mention]]) -> list[list[Mention]]:
    """ "Russian aerial attacks caused casualties across the region": a report that names no
    place (not even through the article's region) and no day of its own is the story's
    background, not an event to code. Shoot-downs are the exception: air-defence tallies
    ("seven of ten missiles were shot down") are reported without either and coded so."""
    return [
        g
        for g in groups
        if any(m.located or m.location_text for m in g)
        or any(m.date.explicit for m in g)
        or g[0].sub_event_type is SubEventType.DISRUPTED_WEAPONS_USE
    ]


def _codable(groups: list[list[Mention]]) -> list[list[Mention]]:
    """ACLED codes every event to an admin unit: one known only by an informal region
    spanning several ("strikes across Donbas") is not recorded (strategic developments
    are). An event with no place at all, or only "the country's east", is kept without a
    point: the article reports it, and a reader can still find it in lists and exports."""
    return [
        g
        for g in groups
        if g[0].sub_event_type.event_type is EventType.STRATEGIC_DEVELOPMENTS
        or not _informal_region_only(g)
    ]


def _informal_region_only(group: list[Mention]) -> bool:
    """Placed only by an informal region; a town in the same group ("near Avdiivka ...
    Donbass") places it, and the region folded into it says nothing more."""
    places = [m.place for m in group if m.place is not None]
    return bool(places) and all(p.feature_code == "RGN" for p in places)


def _in_the_article_region(
    groups: list[list[Mention]], gazetteer: Gazetteer, lead: Callable[[], Resolution | None]
) -> list[list[Mention]]:
    """Events with no place of their own, in an article whose places all lie in one region,
    are coded to that region (precision 3), as a coder reading the whole story would, or
    near the one town the lead names in that region (precision 2).
    Shoot-downs stay unplaced: they are often a country-wide tally beside a local story."""
    if all(any(m.located or m.location_text for m in g) for g in groups):
        return groups  # nothing to place: the lead need not be read
    # the region of each event's own place: a group coded at Sevastopol that folded in a
    # vaguer "attack on Crimea" lies in Sevastopol, not in both
    regions = {r for g in groups for r in _regions_of(g)}
    if len(regions) != 1 or None in regions:
        return groups
    (region,) = regions
    res = gazetteer.resolve_region(region)  # type: ignore[arg-type]
    if res is None:
        return groups
    place, precision = res.place, GeoPrecision.REGION
    note = region_note = f"place: none in the sentence; every place in the article lies in {region}"
    town = lead()
    if town is not None and town.place.admin1 == region:
        place, precision = town.place, GeoPrecision.NEAR
        note = (
            f"place: none in the sentence; every place in the article lies in {region}, "
            f"and the story's lead places it at {town.place.name}"
        )
    out = []
    for g in groups:
        # Shoot-downs are often a country-wide tally beside a local story: left unplaced,
        # unless a local authority reports them ("according to the administration").
        local = g[0].sub_event_type is not SubEventType.DISRUPTED_WEAPONS_USE or any(
            m.claimed_by and _LOCAL_CLAIMANT.search(m.claimed_by) for m in g
        )
        if local and all(not m.located and not m.location_text for m in g):
            # a shoot-down a regional authority reports is the region's tally, not the town's
            dwu = g[0].sub_event_type is SubEventType.DISRUPTED_WEAPONS_USE
            at, how, why = (
                (res.place, GeoPrecision.REGION, region_note) if dwu else (place, precision, note)
            )
            g = [replace(m, place=at, precision=how, evidence=(*m.evidence, why)) for m in g]
        out.append(g)
    return out


def _regions_of(group: list[Mention]) -> set[str | None]:
    """The oblasts a group's places lie in, its towns before any region it also names."""
    placed = [m.place for m in group if m.place is not None and not m.headline]
    towns = [p for p in placed if not p.is_region]
    return {p.admin1 for p in (towns or placed)}


def _within_sentences(
    text: str, sentences: list[Sentence], triggers: list[Trigger]
) -> list[Trigger]:
    """Triggers never run across a sentence end ("Depot destroyed\nRussian missiles ...").

    The article is scanned once; the rare trigger that crosses from a headline
    into the next line is dropped and both sentences are scanned again alone.
    """
    ends = [s.end for s in sentences]
    crossing = [
        t for t in triggers if any(t.start < end < t.end for end in ends[: _first_after(ends, t)])
    ]
    if not crossing:
        return triggers
    redo = [s for s in sentences if any(s.start < t.end and t.start < s.end for t in crossing)]
    kept = [t for t in triggers if not any(s.start <= t.start < s.end for s in redo)]
    for s in redo:
        kept.extend(
            Trigger(t.rule, t.start + s.start, t.end + s.start)
            for t in find_triggers(text[s.start : s.end])
        )
    return sorted(kept, key=lambda t: t.start)


def _first_after(ends: list[int], t: Trigger) -> int:
    return bisect.bisect_right(ends, t.end) + 1


def _by_sentence(
    sentences: list[Sentence], triggers: list[Trigger]
) -> Iterable[tuple[Sentence, list[Trigger]]]:
    """Pair each sentence that holds triggers with them (both lists are in text order)."""
    i = 0
    for sentence in sentences:
        found = []
        while i < len(triggers) and triggers[i].start < sentence.end:
            if triggers[i].start >= sentence.start:
                found.append(triggers[i])
            i += 1
        if found:
            yield sentence, found


def _events(article: Article, text: str, groups: list[list[Mention]]) -> list[Event]:
    source = Source(
        article_id=article.article_id,
        url=article.url,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
    )
    events = []
    seen: set[str] = set()
    for group in groups:
        event = _event(article, text, group, source)
        n = 1
        while event.event_id in seen:  # never two events with one id
            n += 1
            event = _with_id(event, f"{event.event_id}-{n}")
        seen.add(event.event_id)
        events.append(event)
    return events


def event_id_for(article_id: str, m: Mention) -> str:
    """Stable event id: article, sub-event type, place and day."""
    basis = f"{article_id}|{m.sub_event_type.value}|{m.place_key}|{m.date.event_date.isoformat()}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def _event(article: Article, text: str, group: list[Mention], source: Source) -> Event:
    first = group[0]
    place = first.place
    evidence = tuple(dict.fromkeys(e for m in group for e in m.evidence))
    confidence = max(m.confidence for m in group)
    if len(group) > 1:
        confidence = min(0.99, round(confidence + 0.05 * (len(group) - 1), 2))
        evidence += (f"merged: {len(group)} mentions in the article",)
    if all(m.headline for m in group):
        evidence += (HEADLINE_NOTE,)
    evidence += (f"{RULES_PREFIX}{confidence}",)
    return Event(
        event_id=event_id_for(article.article_id, first),
        event_date=first.date.event_date,
        time_precision=first.date.precision,
        event_type=first.sub_event_type.event_type,
        sub_event_type=first.sub_event_type,
        notes=notes_for(text, first.sentence),
        actor1=_first(m.actor1 for m in group),
        actor2=_first(m.actor2 for m in group),
        location=place.name if place else first.location_text,
        admin1=(place.admin1 or (place.name if place.is_region else None)) if place else None,
        admin2=place.admin2 if place else None,
        country=COUNTRY_NAMES.get(place.country, place.country) if place else _country(article),
        latitude=round(place.latitude, 4) if place else None,
        longitude=round(place.longitude, 4) if place else None,
        geo_precision=_finest_precision(group),
        ambiguous=first.ambiguous,
        geonameid=place.geonameid or None if place else None,
        fatalities=max(m.fatalities for m in group),
        confidence=confidence,
        source_url=article.url,
        source_title=article.title,
        article_id=article.article_id,
        target=_first(m.target for m in group),
        claimed_by=_first(m.claimed_by for m in group),
        alleged=all(m.alleged for m in group),
        evidence=evidence,
        trigger_span=first.trigger,
        place_span=first.place_span,
        date_start=first.date.date_start,
        date_end=first.date.date_end,
        sources=(source,),
    )


def _finest_precision(group: list[Mention]) -> GeoPrecision | None:
    """ "Shelled the Nikopol district" and "the district centre was hit": the same place
    told twice is as precise as its most precise telling."""
    first = group[0]
    if len(group) == 1:
        return first.precision
    same = [m.precision for m in group if m.precision is not None and m.place == first.place]
    return min(same) if same and first.precision is not None else first.precision


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _country(article: Article) -> str | None:
    code = article.country_focus
    return COUNTRY_NAMES.get(code, code) if code else None


def _with_id(event: Event, event_id: str) -> Event:
    return replace(event, event_id=event_id)
