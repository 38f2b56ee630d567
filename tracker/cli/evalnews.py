"""``tracker eval news``: extraction scored on hand-labelled news articles."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.app import App
from tracker.cli.common import emit, handle_errors
from tracker.cli.extract import _gazetteer, gazetteer_option
from tracker.errors import InputError

if TYPE_CHECKING:
    from tracker.extract.newseval import NewsEvaluation
    from tracker.extract.newsgold import GoldSet

_FIGURE_COLUMNS = {  # table header → the figure's JSON name
    "lang": "lang",
    "articles": "articles",
    "gold": "gold_events",
    "predicted": "pred_events",
    "event P": "event_precision",
    "event R": "event_recall",
    "strict P": "strict_precision",
    "strict R": "strict_recall",
    "place ≤10 km": "place_within10",
    "date right": "date_ok",
    "outside": "outside_share",
    "no-event w/ events": "negatives_with_events",
    "articles/s": "articles_per_s",
}
_BIN_COLUMNS = ("confidence", "events", "right", "share right")


@click.command("news")
@click.argument(
    "gold_paths", nargs=-1, required=True, metavar="GOLD.jsonl...", type=click.Path(path_type=Path)
)
@click.option(
    "--lang", "languages", multiple=True, help="Only articles in this language; repeatable."
)
@gazetteer_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--diff", is_flag=True, help="Also show every miss, invention, misplacement and wrong date."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write predictions.jsonl (one row per predicted event), totals.json and diff.txt here.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Drop predictions below this confidence before scoring "
    "(default: the threshold `tracker extract` and `ingest` use).",
)
@click.pass_obj
@handle_errors
def eval_news(
    app: App,
    gold_paths: tuple[Path, ...],
    languages: tuple[str, ...],
    gazetteer_paths: tuple[Path, ...],
    fmt: str,
    diff: bool,
    out_dir: Path | None,
    min_confidence: float | None,
) -> None:
    """Score extraction on hand-labelled news articles (the devnews JSON-lines format).

    Predicted and gold events are paired one to one per article within the
    same event type; a pair is strict when its place (10 km, 50 km at region
    level) and date (a day, or the gold week or month) agree. Prints event and
    strict precision and recall per language and overall, place and date
    accuracy, predictions outside the theatre, no-event articles that produced
    events, speed, and how often events of each confidence were right. Bad
    lines are reported and skipped (exit code 1).

    \b
    Example:
      tracker eval news devnews.jsonl --lang en --gazetteer UA.txt --diff
    """
    from tracker.extract import default_extractor
    from tracker.extract.core import DEFAULT_MIN_CONFIDENCE
    from tracker.extract.newseval import evaluate_news

    gold = _read(gold_paths, languages)
    # Every candidate is extracted; the threshold is applied by the evaluation, so the
    # calibration table also shows the events the default threshold leaves out.
    extractor = default_extractor(_gazetteer(app, gazetteer_paths), min_confidence=0.0)
    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    evaluation = evaluate_news(gold.articles, extract=extractor.extract, min_confidence=floor)
    _show(evaluation, fmt=fmt, diff=diff, bad_lines=len(gold.errors))
    if out_dir is not None:
        from tracker.extract.newsreport import write_report

        write_report(evaluation, out_dir, bad_lines=len(gold.errors))
    _report_problems([str(e) for e in gold.errors], evaluation)


def _read(paths: Sequence[Path], languages: Sequence[str]) -> GoldSet:
    from tracker.extract.newsgold import read_gold

    gold = read_gold(paths, languages=languages)
    if gold.articles:
        return gold
    for error in gold.errors:
        click.echo(f"Error: {error}", err=True)
    which = f" in language {', '.join(map(repr, languages))}" if languages else ""
    raise InputError(
        f"no labelled articles{which} to score in {', '.join(map(str, paths))}; "
        "give JSON-lines files in the devnews format (and --lang codes they use, e.g. en, uk)"
    )


def _show(evaluation: NewsEvaluation, *, fmt: str, diff: bool, bad_lines: int) -> None:
    from tracker.extract.newsreport import format_diff, summary

    if fmt == "json":
        doc = summary(evaluation, bad_lines=bad_lines)
        if diff:
            doc["diff"] = format_diff(evaluation).splitlines()
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    emit(_figure_rows(evaluation), "table", columns=tuple(_FIGURE_COLUMNS))
    emit(_calibration_rows(evaluation), "table", columns=_BIN_COLUMNS)
    if diff:
        click.echo()
        click.echo(format_diff(evaluation), nl=False)


def _figure_rows(evaluation: NewsEvaluation) -> list[dict[str, object]]:
    totals = [*evaluation.by_language.items(), ("all", evaluation.overall)]
    return [
        {header: {"lang": lang, **t.figures()}[name] for header, name in _FIGURE_COLUMNS.items()}
        for lang, t in totals
    ]


def _calibration_rows(evaluation: NewsEvaluation) -> list[dict[str, object]]:
    bins = [*evaluation.calibration(), evaluation.confident()]
    labels = [f"[{b.low:g}, {b.high:g}{']' if b.high >= 1 else ')'}" for b in bins[:-1]]
    labels.append(f"≥ {bins[-1].low:g}")
    return [
        dict(zip(_BIN_COLUMNS, (label, b.events, b.right, b.share_right), strict=True))
        for label, b in zip(labels, bins, strict=True)
    ]


def _report_problems(bad_lines: Sequence[str], evaluation: NewsEvaluation) -> None:
    refused = [
        f"{o.article.origin} (id {o.article.id!r}): {o.error}"
        for o in evaluation.outcomes
        if o.error is not None
    ]
    for problem in [*bad_lines, *refused]:
        click.echo(f"Error: {problem}", err=True)
    if bad_lines or refused:
        counts = f"{len(bad_lines)} bad line(s) skipped, {len(refused)} article(s) refused"
        click.echo(counts, err=True)
        sys.exit(1)
