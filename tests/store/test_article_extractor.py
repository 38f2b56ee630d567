"""Articles remember which extractor read them; a changed date or extractor makes them STALE."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import command
from store_factories import make_article, make_event

from tracker.model import EventFilter
from tracker.store import ArticleStatus, ExtractorStamp, Store, StoredArticle, open_store
from tracker.store.migrate import alembic_config, head_revision, upgrade

RULES_1 = ExtractorStamp("rules-en", "0.1.0+aaaaaaaaaaaa")
RULES_2 = ExtractorStamp("rules-en", "0.1.0+bbbbbbbbbbbb")


def test_the_extractor_is_stored_with_the_article(store: Store) -> None:
    article = make_article(1)
    store.save_article(article, [make_event("e1")], extractor=RULES_1)
    expected = StoredArticle(article.content_hash, date(2024, 3, 2), RULES_1)
    assert store.stored_article(article.article_id) == expected
    assert store.stored_article("never-stored") is None


def test_status_is_stale_when_only_the_date_or_the_extractor_changed(store: Store) -> None:
    article = make_article(1)
    assert store.article_status(article, extractor=RULES_1) is ArticleStatus.NEW
    store.save_article(article, [make_event("e1")], extractor=RULES_1)
    assert store.article_status(article, extractor=RULES_1) is ArticleStatus.UNCHANGED
    assert store.article_status(article, extractor=RULES_2) is ArticleStatus.STALE
    assert store.article_status(article) is ArticleStatus.STALE  # no extractor is another one
    redated = make_article(1, published=date(2024, 3, 5))
    assert store.article_status(redated, extractor=RULES_1) is ArticleStatus.STALE
    edited = make_article(1, text="Correction: the shelling was in Chuhuiv.")
    assert store.article_status(edited, extractor=RULES_2) is ArticleStatus.UPDATED


def test_re_extracting_with_the_same_reports_still_records_the_new_extractor(
    store: Store,
) -> None:
    article = make_article(1)
    store.save_article(article, [make_event("e1")], extractor=RULES_1)
    result = store.save_article(article, [make_event("e1")], extractor=RULES_2)
    assert (result.status, result.events_added, result.events_removed) == (
        ArticleStatus.UPDATED,
        0,
        0,
    )
    assert store.stored_article(article.article_id).extractor == RULES_2  # type: ignore[union-attr]
    again = store.save_article(article, [make_event("e1")], extractor=RULES_2)
    assert again.status is ArticleStatus.UNCHANGED and not again.changed


def test_a_new_date_replaces_the_articles_events(store: Store) -> None:
    article = make_article(1)
    store.save_article(article, [make_event("e-mar-1")], extractor=RULES_1)
    redated = make_article(1, published=date(2024, 3, 9))
    moved = make_event("e-mar-8", event_date=date(2024, 3, 8))
    result = store.save_article(redated, [moved], extractor=RULES_1)
    assert (result.status, result.events_added, result.events_removed) == (
        ArticleStatus.UPDATED,
        1,
        1,
    )
    assert [e.event_id for e in store.query_events(EventFilter())] == ["e-mar-8"]
    assert store.stored_article(article.article_id).published == date(2024, 3, 9)  # type: ignore[union-attr]


def test_a_batch_stores_each_articles_own_extractor(store: Store) -> None:
    one, two, three = make_article(1), make_article(2), make_article(3)
    store.save_articles(
        [(one, [], RULES_1), (two, [make_event("e2")], RULES_2), (three, [])], batch_size=2
    )
    stamps = [store.stored_article(a.article_id).extractor for a in (one, two, three)]  # type: ignore[union-attr]
    assert stamps == [RULES_1, RULES_2, None]


def test_migration_0003_leaves_existing_articles_without_an_extractor(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    upgrade(engine, revision="0002")
    now = datetime(2026, 11, 1, tzinfo=UTC).replace(tzinfo=None)
    article = make_article(1)
    row = {
        "article_id": article.article_id,
        "content_hash": article.content_hash,
        "text": article.text,
        "published": article.published,
        "first_seen": now,
        "updated_at": now,
    }
    with engine.begin() as conn:
        conn.execute(sa.table("articles", *map(sa.column, row)).insert(), row)
    assert upgrade(engine).current == head_revision()
    engine.dispose()
    store = open_store(db_url)
    stored = store.stored_article(article.article_id)
    assert stored == StoredArticle(article.content_hash, article.published, None)
    assert store.article_status(article, extractor=RULES_1) is ArticleStatus.STALE
    store.close()
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:  # and back: the columns go, the article stays
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    columns = {c["name"] for c in sa.inspect(engine).get_columns("articles")}
    assert "extractor" not in columns and "extractor_version" not in columns
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one() == 1
    engine.dispose()
