"""JSON-valued columns (sources, evidence, spans) encoded a column at a time, split exactly."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tracker.export import features
from tracker.model import Source

ADVERSARIAL = [
    ("plain",),
    ('},{"\\u0000":', "x"),  # the separator's text, inside a string
    ('a"},{"\u0000":"b', "\u0000", "\\u0000"),  # a real NUL and a literal backslash-u
    (),
    None,
    ("Київ 🚀", "«тиша»\n\t"),
    (
        Source(
            "a1", url="https://x.example/?q=1,2", title='He said "no"', published=date(2022, 4, 12)
        ),
    ),
    (10, 19),
]


@pytest.mark.parametrize("prefer_orjson", [True, False], ids=["orjson", "stdlib"])
def test_each_value_is_encoded_exactly(prefer_orjson: bool) -> None:
    encode = features.encoder(prefer_orjson=prefer_orjson)
    parts = features.encode_each(ADVERSARIAL, encode)
    assert len(parts) == len(ADVERSARIAL)
    for value, part in zip(ADVERSARIAL, parts, strict=True):
        if value is None:
            assert part is None
            continue
        assert json.loads(part) == json.loads(encode(value))


def test_empty_column() -> None:
    assert features.encode_each([]) == []
