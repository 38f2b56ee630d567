"""CSV: UTF-8, a header row, RFC 4180 quoting, one event per row.

Lists and objects (``sources``, ``evidence``) are written as JSON text in their
cell. Dates are ISO 8601, booleans ``true``/``false``, missing values empty.
Cells of free text that start with ``=``, ``+``, ``-``, ``@``, tab or carriage
return get a leading apostrophe: article text is hostile, and a spreadsheet
would otherwise run such a cell as a formula (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO, TextIO

from tracker.export import features
from tracker.export.columns import SURROGATES, Column, Kind, Layout, column_values
from tracker.model import Event

__all__ = ["FORMULA_PREFIXES", "guard_formula", "write_csv", "write_csv_rows"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(value: Any) -> Any:
    """``value`` with an apostrophe in front when it is text a spreadsheet would run.

    >>> guard_formula("=HYPERLINK(1)"), guard_formula("-3 killed"), guard_formula(-3)
    ("'=HYPERLINK(1)", "'-3 killed", -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv_rows(header: Sequence[str], rows: Iterable[Sequence[Any]], text: TextIO) -> None:
    """Write a header and rows as this module's CSV, text cells guarded against formulas.

    For tables that are not events (``tracker events --count-by``, gazetteer
    searches); events go through :func:`write_csv`.
    """
    writer = _writer(text)
    writer.writerow(header)
    writer.writerows([guard_formula(v) for v in row] for row in rows)


def _writer(text: TextIO) -> Any:
    return csv.writer(text, lineterminator="\r\n")


def _cells(column: Column, values: list[Any]) -> list[Any]:
    kind = column.kind
    if kind is Kind.STR:
        return [guard_formula(v) for v in values]
    if kind in (Kind.DATE, Kind.DATETIME):
        return [None if v is None else v.isoformat() for v in values]
    if kind is Kind.BOOL:
        return [None if v is None else ("true" if v else "false") for v in values]
    if kind is Kind.JSON:
        return [None if v is None else v.decode() for v in features.encode_each(values)]
    return values


def write_csv(events: Iterable[Event], stream: BinaryIO, *, layout: Layout) -> tuple[int, int]:
    """Write ``events`` as CSV rows in the layout's column order; return (rows, located rows)."""
    text = io.TextIOWrapper(stream, encoding="utf-8", errors=SURROGATES, newline="")
    try:
        writer = _writer(text)
        writer.writerow(layout.names)
        count = located = 0
        for chunk in features.chunked(events, features.CHUNK_SIZE):
            columns = [_cells(c, column_values(c, chunk)) for c in layout.columns]
            writer.writerows(zip(*columns, strict=True))
            count += len(chunk)
            located += sum(e.has_location for e in chunk)
        text.flush()
    finally:
        text.detach()  # leave the caller's stream open
    return count, located
