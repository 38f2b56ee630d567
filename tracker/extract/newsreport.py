"""What a news evaluation shows: the figures as JSON, a per-article diff, per-prediction rows.

The diff names, for every article with something wrong, each gold event that
was MISSED, each prediction that was INVENTED, each pair that was MISPLACED or
has a WRONG DATE. The per-prediction rows carry the full event record with its
confidence and evidence and whether it was right, so that a calibration model
can be fitted from them.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from tracker.errors import ExportError
from tracker.export.records import json_record
from tracker.extract.newseval import CONFIDENT, ArticleOutcome, NewsEvaluation, Pair
from tracker.extract.newsgold import GoldEvent
from tracker.model import Event

NOTES_CHARS = 120
PREDICTIONS_FILE = "predictions.jsonl"
TOTALS_FILE = "totals.json"
DIFF_FILE = "diff.txt"


def summary(evaluation: NewsEvaluation, *, bad_lines: int = 0) -> dict[str, Any]:
    """Every figure as one JSON-ready object: overall, per language, calibration."""
    confident = evaluation.confident()
    return {
        "overall": evaluation.overall.figures(),
        "by_language": {k: t.figures() for k, t in evaluation.by_language.items()},
        "calibration": [
            {
                "low": b.low,
                "high": b.high,
                "events": b.events,
                "right": b.right,
                "share_right": b.share_right,
            }
            for b in evaluation.calibration()
        ],
        "confident": {
            "threshold": CONFIDENT,
            "events": confident.events,
            "right": confident.right,
            "share_right": confident.share_right,
        },
        "min_confidence": evaluation.min_confidence,
        "refused_articles": sum(o.error is not None for o in evaluation.outcomes),
        "bad_lines": bad_lines,
    }


def diff_lines(outcome: ArticleOutcome) -> list[str]:
    """What went wrong in one article, one line each; empty when nothing did.

    >>> from tracker.extract.newsgold import GoldArticle
    >>> diff_lines(ArticleOutcome(GoldArticle("a1", "Calm."), (), ()))
    []
    """
    if outcome.flawless and outcome.error is None:
        return []
    a = outcome.article
    head = f"{a.id} [{a.lang or '?'}] {a.origin}" + (f" {a.url}" if a.url else "")
    counts = (
        f"  gold {len(a.events)}, predicted {len(outcome.predicted)}, paired {len(outcome.pairs)}"
    )
    lines = [head, counts]
    if outcome.error is not None:
        lines.append(f"  REFUSED     {outcome.error}")
    lines += [f"  MISSED      {_gold_text(g)}" for g in outcome.missed]
    lines += [f"  INVENTED    {_invented_text(e)}" for e in outcome.invented]
    lines += [f"  MISPLACED   {_misplaced_text(p)}" for p in outcome.misplaced]
    lines += [f"  WRONG DATE  {_wrong_date_text(p)}" for p in outcome.wrong_date]
    return lines


def format_diff(evaluation: NewsEvaluation) -> str:
    """The diff of every article with something wrong, a blank line between articles."""
    blocks = ["\n".join(lines) for o in evaluation.outcomes if (lines := diff_lines(o))]
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _place(location: str | None, admin1: str | None, located: bool) -> str:
    if not located:
        return "(no place)"
    name = location or "(unnamed point)"
    return f"{name}, {admin1}" if admin1 and admin1 != name else name


def _day(value: date | None) -> str:
    return value.isoformat() if value else "(no date)"


def _gold_text(g: GoldEvent) -> str:
    quote = f' "{g.quote}"' if g.quote else ""
    return (
        f"{g.event_type.value} / {g.sub_event_type.value} at "
        f"{_place(g.location, g.admin1, g.located)}, {_day(g.event_date)}"
        f" ({g.time_precision.name.lower()}):{quote}"
    )


def _invented_text(e: Event) -> str:
    notes = " ".join(e.notes.split())
    if len(notes) > NOTES_CHARS:
        notes = notes[: NOTES_CHARS - 1] + "…"
    return (
        f"{e.sub_event_type.value} at {_place(e.location, e.admin1, e.has_location)}, "
        f"{_day(e.event_date)}, confidence {e.confidence:.2f}: {notes}"
    )


def _misplaced_text(p: Pair) -> str:
    km = "no distance" if p.distance_km is None else f"{p.distance_km:.1f} km"
    predicted = _place(p.predicted.location, p.predicted.admin1, p.predicted.has_location)
    gold = _place(p.gold.location, p.gold.admin1, p.gold.located)
    return f"{p.predicted.sub_event_type.value}: predicted {predicted} vs gold {gold}, {km}"


def _wrong_date_text(p: Pair) -> str:
    where = _place(p.gold.location, p.gold.admin1, p.gold.located)
    return (
        f"{p.predicted.sub_event_type.value} at {where}: predicted "
        f"{_day(p.predicted.event_date)} vs gold {_day(p.gold.event_date)}"
        f" ({p.gold.time_precision.name.lower()})"
    )


def prediction_rows(evaluation: NewsEvaluation) -> Iterator[dict[str, Any]]:
    """One JSON-ready row per predicted event: the event, its verdict and its gold event."""
    for outcome in evaluation.outcomes:
        for verdict in outcome.verdicts:
            pair = verdict.pair
            yield {
                "article_id": outcome.article.id,
                "lang": outcome.article.lang,
                "event": json_record(verdict.event),
                "right": verdict.right,
                "paired": pair is not None,
                "place_ok": pair is not None and pair.place_ok,
                "date_ok": pair is not None and pair.date_ok,
                "distance_km": None
                if pair is None or pair.distance_km is None
                else round(pair.distance_km, 3),
                "gold": None if pair is None else gold_record(pair.gold),
            }


def gold_record(gold: GoldEvent) -> dict[str, Any]:
    """A gold event as a plain JSON-ready dict."""
    record = {f.name: getattr(gold, f.name) for f in dataclasses.fields(gold)}
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()}


def write_report(evaluation: NewsEvaluation, out_dir: Path, *, bad_lines: int = 0) -> None:
    """Write ``predictions.jsonl``, ``totals.json`` and ``diff.txt`` into ``out_dir``."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with (out_dir / PREDICTIONS_FILE).open("w", encoding="utf-8") as stream:
            for row in prediction_rows(evaluation):
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        totals = json.dumps(summary(evaluation, bad_lines=bad_lines), ensure_ascii=False, indent=2)
        (out_dir / TOTALS_FILE).write_text(totals + "\n", encoding="utf-8")
        (out_dir / DIFF_FILE).write_text(format_diff(evaluation), encoding="utf-8")
    except OSError as err:
        raise ExportError(
            f"cannot write the evaluation into {str(out_dir)!r}: {err.strerror}; "
            "give a writable folder with --out"
        ) from None
