"""Fixtures for the export tests: sample events and fixed provenance."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from export_samples import sample_events

from tracker.export import ExportMetadata
from tracker.model import Event, EventFilter


@pytest.fixture
def events() -> list[Event]:
    return sample_events()


@pytest.fixture
def metadata() -> ExportMetadata:
    return ExportMetadata(
        filters=EventFilter(since=date(2022, 1, 1), region="Kyiv Oblast"),
        generated_at=datetime(2024, 3, 2, 8, 0),
    )
