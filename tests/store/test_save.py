"""Saving articles: identity, idempotency, updates, cross-article merging, re-derivation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from store_factories import CHUHUIV, KYIV, make_article, make_event

from tracker.model import Event, EventFilter, GeoPrecision, SubEventType
from tracker.store import ArticleStatus, Store


def _all(store: Store) -> list[Event]:
    return list(store.query_events(EventFilter()))


def test_every_field_round_trips(store: Store) -> None:
    event = make_event(
        "e1",
        actor2="Civilians (Ukraine)",
        admin2="Kharkivskyi Raion",
        fatalities=4,
        confidence=0.9,
        source_url="https://news.example/1",
        source_title="Story 1",
        target="residential block",
        claimed_by="Ukrainian officials",
        alleged=True,
        evidence=("trigger:shells hit", "place:Kharkiv (population)"),
        trigger_span=(10, 20),
        place_span=(30, 37),
        date_start=date(2024, 3, 1),
        date_end=date(2024, 3, 1),
        notes='Quotes "and" commas, \u043a\u0438\u0440\u0438\u043b\u0438\u0446\u044f; 100% _sure_',
    )
    article = make_article(1)
    store.save_article(article, [event])
    (got,) = _all(store)
    expected = replace(
        event,
        article_id=article.article_id,
        sources=got.sources,
        updated_at=got.updated_at,
    )
    assert got == expected
    assert got.updated_at is not None and got.updated_at.tzinfo is not None
    assert [s.url for s in got.sources] == ["https://news.example/1"]
    assert got.sources[0].outlet == "Example News"
    assert store.get_event("e1") == got
    assert store.get_event("missing") is None


def test_resaving_the_same_article_adds_nothing(store: Store) -> None:
    article = make_article(1)
    assert store.article_status(article) is ArticleStatus.NEW
    first = store.save_article(article, [make_event("e1")])
    assert (first.status, first.events_added) == (ArticleStatus.NEW, 1)
    again = store.save_article(article, [make_event("e1")])
    assert again.status is ArticleStatus.UNCHANGED and not again.changed
    assert store.article_status(article) is ArticleStatus.UNCHANGED
    assert store.count_events(EventFilter()) == 1
    assert store.article_count() == 1


def test_updated_article_keeps_ids_of_events_it_still_reports(store: Store) -> None:
    store.save_article(make_article(1), [make_event("keep"), make_event("drop", point=KYIV)])
    edited = make_article(1, text="Article 1, updated: only the Kharkiv shelling stands.")
    assert store.article_status(edited) is ArticleStatus.UPDATED
    result = store.save_article(edited, [make_event("keep", fatalities=2)])
    assert result.status is ArticleStatus.UPDATED
    assert (result.events_added, result.events_removed) == (0, 1)
    (event,) = _all(store)
    assert (event.event_id, event.fatalities) == ("keep", 2)
    assert store.article_count() == 1


def test_article_without_url_is_identified_by_its_text(store: Store) -> None:
    plain = make_article(1, url=None)
    store.save_article(plain, [make_event("e1")])
    assert store.article_status(make_article(1, url=None)) is ArticleStatus.UNCHANGED
    assert store.article_status(make_article(2, url=None)) is ArticleStatus.NEW


def test_reports_of_one_event_from_two_articles_merge(store: Store) -> None:
    a, b = make_article("a"), make_article("b", outlet="Other Wire")
    store.save_article(a, [make_event("a1", fatalities=5)])
    near = (49.99, 36.27)  # about 1.6 km from the first point
    result = store.save_article(
        b,
        [make_event("b1", point=near, fatalities=3, confidence=0.8)],
    )
    assert (result.events_added, result.events_merged) == (0, 1)
    (event,) = _all(store)
    assert event.event_id == "a1"
    assert event.report_count == 2
    assert {s.article_id for s in event.sources} == {a.article_id, b.article_id}
    assert event.fatalities == 3  # the most conservative figure
    assert event.confidence == 0.8
    assert store.count_events(EventFilter(outlet="other wire")) == 1


def test_merge_prefers_the_higher_sub_event_type_and_the_better_place(store: Store) -> None:
    store.save_article(
        make_article("a"),
        [make_event("a1", geo_precision=GeoPrecision.NEAR, location="near Kharkiv")],
    )
    store.save_article(
        make_article("b"), [make_event("b1", sub_event_type=SubEventType.AIR_DRONE_STRIKE)]
    )
    (event,) = _all(store)
    assert event.sub_event_type is SubEventType.AIR_DRONE_STRIKE  # higher in ACLED's order
    assert (event.location, event.geo_precision) == ("Kharkiv", GeoPrecision.SETTLEMENT)


def test_reports_that_differ_in_day_type_or_place_stay_apart(store: Store) -> None:
    store.save_article(make_article("a"), [make_event("a1")])
    store.save_article(make_article("b"), [make_event("b1", event_date=date(2024, 3, 2))])
    store.save_article(
        make_article("c"), [make_event("c1", sub_event_type=SubEventType.ARMED_CLASH)]
    )
    store.save_article(make_article("d"), [make_event("d1", point=CHUHUIV)])
    assert store.count_events(EventFilter()) == 4


def test_same_geonameid_merges_even_when_points_differ(store: Store) -> None:
    store.save_article(make_article("a"), [make_event("a1")])
    moved = (50.10, 36.40)  # about 17 km off, but the same GeoNames place
    same = make_event("b1", point=moved, geonameid=706483)
    result = store.save_article(make_article("b"), [same])
    assert result.events_merged == 1


def test_region_centroids_never_swallow_a_city_event(store: Store) -> None:
    store.save_article(make_article("a"), [make_event("a1")])
    region = make_event("b1", geo_precision=GeoPrecision.REGION, geonameid=None, location=None)
    assert store.save_article(make_article("b"), [region]).events_added == 1
    other = make_event("c1", geo_precision=GeoPrecision.REGION, geonameid=None)
    assert store.save_article(make_article("c"), [other]).events_merged == 1
    assert store.count_events(EventFilter()) == 2


def test_events_without_a_point_are_kept_and_never_merged(store: Store) -> None:
    unplaced = {"point": (None, None), "geonameid": None, "geo_precision": None}
    store.save_article(make_article("a"), [make_event("a1", **unplaced)])
    store.save_article(make_article("b"), [make_event("b1", **unplaced)])
    events = _all(store)
    assert len(events) == 2 and not any(e.has_location for e in events)
    assert store.count_events(EventFilter(located_only=True)) == 0


def test_deleting_an_article_rederives_the_events_it_fed(store: Store) -> None:
    a, b = make_article("a"), make_article("b")
    store.save_article(a, [make_event("a1", fatalities=1)])
    store.save_article(b, [make_event("b1", fatalities=7)])
    assert store.delete_article(a.article_id) == 1  # a1 is gone, b1 stands alone
    (event,) = _all(store)
    assert (event.event_id, event.report_count, event.fatalities) == ("b1", 1, 7)
    assert [s.article_id for s in event.sources] == [b.article_id]
    assert store.delete_article(b.article_id) == 1
    assert store.count_events(EventFilter()) == 0


def test_an_update_that_drops_a_merged_report_splits_the_event_back(store: Store) -> None:
    a, b = make_article("a"), make_article("b")
    store.save_article(a, [make_event("a1")])
    store.save_article(b, [make_event("b1")])
    edited = make_article("a", text="Correction: the shelling was in Kyiv.")
    result = store.save_article(edited, [make_event("a1", point=KYIV, geonameid=703448)])
    assert result.status is ArticleStatus.UPDATED
    assert sorted((e.event_id, e.report_count) for e in _all(store)) == [("a1", 1), ("b1", 1)]


def test_same_text_with_new_reports_counts_as_an_update(store: Store) -> None:
    article = make_article(1)
    store.save_article(article, [make_event("e1")])
    result = store.save_article(article, [make_event("e1"), make_event("e2", point=KYIV)])
    assert (result.status, result.events_added) == (ArticleStatus.UPDATED, 1)


def test_import_events_inserts_once_and_skips_known_ids(store: Store) -> None:
    events = [make_event(f"i{n}", event_date=date(2024, 1, 1 + n)) for n in range(5)]
    assert store.import_events(events, batch_size=2) == 5
    assert store.import_events(events) == 0
    assert store.count_events(EventFilter()) == 5
    assert all(e.sources[0].article_id == e.event_id for e in _all(store))


def test_reports_merge_into_imported_events_and_leave_them_intact(store: Store) -> None:
    store.import_events([make_event("imported", notes="From an earlier export.")])
    article = make_article("a")
    assert store.save_article(article, [make_event("a1", confidence=0.9)]).events_merged == 1
    (event,) = _all(store)
    assert (event.event_id, event.report_count) == ("imported", 2)
    assert {s.article_id for s in event.sources} == {"imported", article.article_id}
    store.delete_article(article.article_id)
    (event,) = _all(store)
    assert (event.event_id, event.report_count, event.notes) == (
        "imported",
        1,
        "From an earlier export.",
    )


def test_imported_events_round_trip_and_the_spatial_index_stays_live(store: Store) -> None:
    event = make_event(
        "imp",
        actor2="Civilians (Ukraine)",
        evidence=("rule:a", "\u0440\u0435\u0433\u0456\u043e\u043d"),
        trigger_span=(1, 5),
        alleged=True,
        date_start=date(2024, 2, 26),
        date_end=date(2024, 3, 3),
        source_url="https://news.example/x",
    )
    assert store.import_events([event]) == 1
    got = store.get_event("imp")
    assert got is not None
    assert got == replace(event, sources=got.sources, updated_at=got.updated_at)
    assert got.sources[0].url == "https://news.example/x"
    store.save_article(make_article("later"), [make_event("later", point=KYIV)])
    kyiv_box = (30.4, 50.4, 30.6, 50.5)
    assert [e.event_id for e in store.query_events(EventFilter(bbox=kyiv_box))] == ["later"]
    assert store.import_events([make_event("imp2", point=KYIV)]) == 1
    assert store.count_events(EventFilter(bbox=kyiv_box)) == 2
