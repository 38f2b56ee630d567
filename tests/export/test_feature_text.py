"""Feature JSON made a column at a time is byte for byte what orjson writes value by value."""

from __future__ import annotations

import random

import numpy as np
import orjson
import pyarrow as pa

from tracker.export.feature_text import float_text, rounded_coordinates, string_text


def _floats() -> list[float | None]:
    rng = random.Random(5)
    values: list[float | None] = [None, 0.0, -0.0, 1.0, -2.0, 1e15, 1e16, 5e-324, 1e-4, 1e-5]
    for exponent in range(-12, 20):
        values += [rng.random() * 10.0**exponent for _ in range(200)]
        values += [float(rng.randrange(1, 10**6)) * 10.0**exponent for _ in range(20)]
    return values


def test_floats_are_written_as_orjson_writes_them() -> None:
    values = _floats()
    expected = ["null" if v is None else orjson.dumps(v).decode() for v in values]
    assert float_text(pa.array(values, pa.float64())).to_pylist() == expected


def test_strings_are_written_as_orjson_writes_them() -> None:
    hostile = '"q" \\ </script> \x00\x01\x08\t\n\x0c\r\x1f\x7f \u2028 Київ 🚀 e\u0301 /'
    values = [None, "", "plain", hostile, *hostile, "x" * 10_000 + "\n"]
    expected = ["null" if v is None else orjson.dumps(v).decode() for v in values]
    assert string_text(pa.array(values, pa.string())).to_pylist() == expected


def test_coordinates_round_as_python_rounds_them() -> None:
    rng = random.Random(3)
    # Values a hair from a half at the fifth decimal are where NumPy and Python part.
    halves = [k / 1e5 + 0.5e-5 for k in range(-18_000_000, 18_000_000, 9_973)]
    values = halves + [rng.uniform(-180, 180) for _ in range(20_000)] + [0.000015, 2.675e-5]
    missing = np.zeros(len(values), dtype=bool)
    ours = rounded_coordinates(np.array(values), missing).tolist()
    assert ours == [round(v, 5) for v in values]
