"""The query layer: every filter, stable paging and counts, on both engines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from store_factories import CHUHUIV, KHARKIV, KYIV, make_article, make_event

from tracker.errors import ConfigError
from tracker.model import Event, EventFilter, EventType, GeoPrecision, SubEventType
from tracker.store import Store

AIR = SubEventType.AIR_DRONE_STRIKE
CLASH = SubEventType.ARMED_CLASH


@pytest.fixture
def filled(store: Store) -> Store:
    """Five events from three articles around Kharkiv and Kyiv, in March 2024."""
    store.save_article(
        make_article("a", outlet="Kyiv Independent"),
        [
            make_event("kharkiv", notes="Shells hit 50% of the block_A in Kharkiv."),
            make_event("kyiv", point=KYIV, admin1="Kyiv City", event_date=date(2024, 3, 5)),
        ],
    )
    store.save_article(
        make_article("b", outlet="Ukrinform"),
        [
            make_event(
                "chuhuiv",
                point=CHUHUIV,
                sub_event_type=AIR,
                event_date=date(2024, 3, 10),
                geo_precision=GeoPrecision.NEAR,
                actor2="Civilians (Ukraine)",
            ),
            make_event(
                "clash",
                point=(48.59, 38.0),
                sub_event_type=CLASH,
                admin1="Donetsk Oblast",
                event_date=date(2024, 4, 2),
                actor1="Military Forces of Ukraine (2019-)",
            ),
        ],
    )
    store.save_article(
        make_article("c", outlet="Ukrinform"),
        [
            make_event(
                "nowhere",
                point=(None, None),
                admin1=None,
                geo_precision=None,
                event_date=date(2024, 4, 3),
            )
        ],
    )
    return store


def _ids(store: Store, **filters: object) -> list[str]:
    return [e.event_id for e in store.query_events(EventFilter(**filters))]  # type: ignore[arg-type]


CASES = [
    ({}, ["kharkiv", "kyiv", "chuhuiv", "clash", "nowhere"]),
    ({"since": date(2024, 3, 5), "until": date(2024, 4, 2)}, ["kyiv", "chuhuiv", "clash"]),
    ({"event_types": (EventType.BATTLES,)}, ["clash"]),
    ({"sub_event_types": (AIR,)}, ["chuhuiv"]),
    ({"event_types": (EventType.BATTLES,), "sub_event_types": (AIR,)}, ["chuhuiv", "clash"]),
    ({"bbox": (36.0, 49.5, 37.0, 50.5)}, ["kharkiv", "chuhuiv"]),
    ({"bbox": (36.25272, 49.98081, 36.25272, 49.98081)}, ["kharkiv"]),  # a point box
    ({"bbox": (30.0, 49.5, 37.0, 50.6), "since": date(2024, 3, 5)}, ["kyiv", "chuhuiv"]),
    ({"bbox": (30.0, 49.5, 37.0, 50.6), "until": date(2024, 3, 5)}, ["kharkiv", "kyiv"]),
    ({"near": KHARKIV, "radius_km": 30.0}, ["kharkiv"]),
    ({"near": KHARKIV, "radius_km": 40.0}, ["kharkiv", "chuhuiv"]),
    ({"region": "the Kharkiv region"}, ["kharkiv", "chuhuiv"]),
    ({"region": "kyiv city"}, ["kyiv"]),
    ({"actor": "civilians"}, ["chuhuiv"]),
    ({"actor": "forces of ukraine"}, ["clash"]),
    ({"max_geo_precision": GeoPrecision.SETTLEMENT}, ["kharkiv", "kyiv", "clash"]),
    ({"text": "50% of the block_a"}, ["kharkiv"]),
    ({"text": "5_%"}, []),  # wildcards are literal characters
    ({"outlet": "ukrinform"}, ["chuhuiv", "clash", "nowhere"]),
    ({"located_only": True}, ["kharkiv", "kyiv", "chuhuiv", "clash"]),
]


@pytest.mark.parametrize(("filters", "expected"), CASES, ids=[str(c[0]) for c in CASES])
def test_filters_select_exactly_the_matching_events(
    filled: Store, filters: dict[str, object], expected: list[str]
) -> None:
    assert _ids(filled, **filters) == expected
    assert filled.count_events(EventFilter(**filters)) == len(expected)  # type: ignore[arg-type]


def test_radius_is_geodesic_at_ukrainian_latitudes(store: Store) -> None:
    # 0.4 degrees of longitude at 50N is about 28.6 km (it would be 44.5 km at the equator).
    store.import_events(
        [make_event("east", point=(50.0, 30.4)), make_event("far", point=(50.0, 30.5))]
    )
    assert _ids(store, near=(50.0, 30.0), radius_km=30.0) == ["east"]
    assert _ids(store, near=(50.0, 30.0), radius_km=28.0) == []


def test_changed_since_selects_recent_writes(filled: Store) -> None:
    assert _ids(filled, changed_since=datetime.now(UTC) + timedelta(minutes=1)) == []
    assert len(_ids(filled, changed_since=datetime.now(UTC) - timedelta(minutes=5))) == 5


@pytest.mark.parametrize(
    "bad",
    [
        EventFilter(bbox=(31.0, 50.0, 30.0, 51.0)),
        EventFilter(near=(50.0, 30.0)),
        EventFilter(near=(95.0, 30.0), radius_km=5.0),
        EventFilter(near=(50.0, 30.0), radius_km=-1.0),
    ],
)
def test_impossible_spatial_filters_are_config_errors(store: Store, bad: EventFilter) -> None:
    with pytest.raises(ConfigError):
        store.count_events(bad)


def _many(n: int) -> list[Event]:
    start = date(2023, 1, 1)
    return [
        make_event(f"m{i:05d}", event_date=start + timedelta(days=i % 97), point=(48 + i % 5, 30.0))
        for i in range(n)
    ]


def test_paging_walks_a_stable_order_without_gaps_or_repeats(store: Store) -> None:
    store.import_events(_many(2300))
    everything = [(e.event_date, e.event_id) for e in store.query_events(EventFilter())]
    assert len(everything) == 2300 and everything == sorted(everything)
    pages = [
        [(e.event_date, e.event_id) for e in store.query_events(EventFilter(), limit=700, offset=o)]
        for o in range(0, 2300, 700)
    ]
    assert [x for page in pages for x in page] == everything
    assert len(list(store.query_events(EventFilter(), limit=0))) == 0
    with pytest.raises(ConfigError):
        list(store.query_events(EventFilter(), offset=-1))


def test_counts_by_day_week_month_region_and_type(filled: Store) -> None:
    every = EventFilter()
    assert filled.counts(every, by="day") == [
        ("2024-03-01", 1),
        ("2024-03-05", 1),
        ("2024-03-10", 1),
        ("2024-04-02", 1),
        ("2024-04-03", 1),
    ]
    assert filled.counts(every, by="week") == [
        ("2024-02-26", 1),
        ("2024-03-04", 2),
        ("2024-04-01", 2),
    ]
    assert filled.counts(every, by="month") == [("2024-03", 3), ("2024-04", 2)]
    assert filled.counts(every, by="region") == [
        ("Kharkiv Oblast", 2),
        ("(unknown)", 1),
        ("Donetsk Oblast", 1),
        ("Kyiv City", 1),
    ]
    assert filled.counts(EventFilter(since=date(2024, 4, 1)), by="type") == [
        ("Battles", 1),
        ("Explosions/Remote violence", 1),
    ]
    with pytest.raises(ConfigError, match="day, week, month, region, type"):
        filled.counts(every, by="year")


@pytest.fixture
def rated(store: Store) -> Store:
    """Four Kharkiv-area events whose confidences straddle 0.5, and a merged one."""
    store.import_events(
        [
            make_event("c10", confidence=0.1, event_date=date(2024, 3, 1)),
            make_event("c49", confidence=0.499, event_date=date(2024, 3, 2), point=CHUHUIV),
            make_event("c50", confidence=0.5, event_date=date(2024, 3, 3)),
            make_event("c100", confidence=1.0, event_date=date(2024, 3, 4), point=KYIV),
        ]
    )
    # Two reports of one strike: the merged event keeps the higher confidence (0.8).
    for n, confidence in (("x", 0.3), ("y", 0.8)):
        store.save_article(
            make_article(n),
            [make_event(f"m{n}", confidence=confidence, event_date=date(2024, 4, 1))],
        )
    return store


CONFIDENCE_CASES = [
    ({"min_confidence": 0.0}, ["c10", "c49", "c50", "c100", "mx"]),
    ({"min_confidence": 0.5}, ["c50", "c100", "mx"]),
    ({"min_confidence": 0.8}, ["c100", "mx"]),
    ({"min_confidence": 0.81}, ["c100"]),
    ({"min_confidence": 1.0}, ["c100"]),
    ({"min_confidence": 0.4, "bbox": (36.0, 49.5, 37.0, 50.5)}, ["c49", "c50", "mx"]),
    ({"min_confidence": 0.5, "near": KHARKIV, "radius_km": 50.0}, ["c50", "mx"]),
    ({"min_confidence": 0.5, "until": date(2024, 3, 31)}, ["c50", "c100"]),
]


@pytest.mark.parametrize(
    ("filters", "expected"), CONFIDENCE_CASES, ids=[str(c[0]) for c in CONFIDENCE_CASES]
)
def test_min_confidence_keeps_events_at_or_above_it(
    rated: Store, filters: dict[str, object], expected: list[str]
) -> None:
    assert _ids(rated, **filters) == expected
    flt = EventFilter(**filters)  # type: ignore[arg-type]
    assert rated.count_events(flt) == len(expected)
    assert sum(n for _, n in rated.counts(flt, by="day")) == len(expected)


def test_min_confidence_reaches_the_database_as_a_bound_parameter() -> None:
    from tracker.store import query

    for dialect in ("sqlite", "postgresql"):
        stmt = query.count_query(EventFilter(min_confidence=0.375), dialect=dialect)
        compiled = stmt.compile()
        assert "0.375" not in str(compiled)
        assert 0.375 in compiled.params.values()


@pytest.mark.parametrize("bad", [1.5, -0.01, float("nan"), float("inf"), True, "0.5"])
def test_min_confidence_outside_zero_to_one_is_a_config_error(bad: object) -> None:
    with pytest.raises(ConfigError, match="not a probability from 0 to 1"):
        EventFilter(min_confidence=bad)  # type: ignore[arg-type]
