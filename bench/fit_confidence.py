"""Fit the confidence model on hand-labelled articles and report its calibration.

    python bench/fit_confidence.py ../shared/datasets/devnews/devnews.jsonl \
        --gazetteer ../shared/datasets/gazetteer/geonames_UA/UA.txt \
        --gazetteer ../shared/datasets/gazetteer/geonames_UA/admin1CodesASCII_UA.txt \
        --lang en --write tracker/extract/lexicon/confidence_en.json

Every event the rules find (confidence threshold 0) is labelled *right* when
``tracker eval news`` pairs it with a labelled event and its place agrees. A
logistic regression with a small L2 penalty (Newton's method, NumPy only) is
fitted on the features of :mod:`tracker.extract.confidence`. Its calibration
is reported on held-out folds (articles split five ways, each fold scored by a
model fitted on the other four), with the precision, recall and share of
articles kept at each candidate threshold, so the default threshold is chosen
from held-out figures, not from the fit itself.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from geodata import gazetteer_from_files
from tracker.extract import extract_events
from tracker.extract.confidence import FEATURES, features
from tracker.extract.newseval import evaluate_news
from tracker.extract.newsgold import read_gold

BINS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


def fit(x: np.ndarray, y: np.ndarray, *, l2: float) -> np.ndarray:
    """Intercept and weights of an L2-penalised logistic regression (intercept not penalised)."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = l2 * np.eye(len(w))
    penalty[0, 0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        hessian = xb.T @ (xb * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, xb.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--gazetteer", action="append", type=Path, required=True)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", type=Path, help="where to write the fitted model (JSON)")
    args = ap.parse_args()

    gaz = gazetteer_from_files(args.gazetteer, fill_from_embedded=True)
    gold = read_gold(args.gold, languages=[args.lang])
    result = evaluate_news(
        gold.articles,
        extract=lambda a: extract_events(a, gazetteer=gaz, min_confidence=0.0),
    )
    rows, labels, groups, paired, gold_count = [], [], [], [], 0
    for k, outcome in enumerate(result.outcomes):
        gold_count += len(outcome.article.events)
        for verdict in outcome.verdicts:
            f = features(verdict.event, events_in_article=len(outcome.predicted))
            rows.append([f[name] for name in FEATURES])
            labels.append(float(verdict.right))
            paired.append(verdict.pair is not None)
            groups.append(k)
    x, y, g, paired_a = np.array(rows), np.array(labels), np.array(groups), np.array(paired)
    held_out = np.zeros(len(y))
    for fold in range(args.folds):
        test = g % args.folds == fold
        held_out[test] = predict(fit(x[~test], y[~test], l2=args.l2), x[test])

    print(f"{len(y)} candidate events, {int(y.sum())} right, {gold_count} labelled events")
    print("\n| confidence (held-out) | events | right |\n|---|---|---|")
    for low, high in BINS:
        m = (held_out >= low) & (held_out < high)
        share = f"{y[m].mean():.0%}" if m.any() else "-"
        print(f"| {low:.2f}–{min(high, 1.0):.2f} | {int(m.sum())} | {share} |")
    top = held_out >= 0.7
    print(f"\nscored ≥ 0.7: {int(top.sum())} events, {y[top].mean():.0%} right")
    print("\n| threshold | kept | event precision | event recall | right among kept |")
    print("|---|---|---|---|---|")
    for t in (0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        m = held_out >= t
        precision = paired_a[m].mean() if m.any() else 0.0
        recall = paired_a[m].sum() / gold_count
        print(f"| {t:.2f} | {int(m.sum())} | {precision:.1%} | {recall:.1%} | {y[m].mean():.0%} |")
    w = fit(x, y, l2=args.l2)
    model = {
        "fitted_on": f"{len(result.outcomes)} {args.lang} articles, {len(y)} candidate events",
        "l2": args.l2,
        "intercept": round(float(w[0]), 4),
        "weights": {name: round(float(v), 4) for name, v in zip(FEATURES, w[1:], strict=True)},
    }
    if args.write:
        args.write.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.write}")
    else:
        print(json.dumps(model, indent=1))


if __name__ == "__main__":
    main()
