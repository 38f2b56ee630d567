"""Drive every ``tracker`` command with bad paths and collect any traceback or odd exit code.

The command tree is walked, so a command added later is covered without
editing this file. Each path a command takes (an argument, a path option, the
global ``--db``) gets, in turn, a missing file, a folder, a path under
``/proc`` that cannot exist and, when permission bits count, a file that cannot
be read or written. Every run must end with exit code 1 or 2 and one
``Error:`` message, never a traceback.

Run as a script (``python command_walk.py FOLDER KIND...``) it prints the
failures as JSON, so the same walk can run as an unprivileged user.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
from click.testing import CliRunner

from tracker.cli import cli
from tracker.store import upgrade_database

ARTICLE = "A drone struck a fuel depot near Dnipro on Friday, the regional governor said."
OUTPUTS = frozenset({"out", "out_dir", "dest", "log_jsonl"})  # where commands write
PATH_STRINGS = frozenset({"path", "sources", "out"})  # string arguments naming local paths
FOLDERS_READ = frozenset({"sources"})  # inputs where a folder is a good value
NO_DATABASE = frozenset({("demo",)})  # keeps its own database in --out
# Offline: a download must fail fast instead of reaching geonames.org.
EXTRA = {("gazetteer", "download"): ["--base-url", "http://127.0.0.1:9/", "--retries", "1"]}


@dataclass(frozen=True)
class Run:
    """One invocation and what came of it."""

    args: tuple[str, ...]
    exit_code: int
    output: str

    @property
    def problem(self) -> str | None:
        """Why this run breaks the rule, or None."""
        if "Traceback" in self.output:
            return "traceback"
        if self.exit_code not in (1, 2):
            return f"exit code {self.exit_code}"
        if "Error:" not in self.output and "Failed:" not in self.output:
            return "no Error: (or ingest's Failed:) line"
        return None


def leaf_commands(
    group: click.Group = cli, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """Every runnable command under ``group``, with the words that name it."""
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from leaf_commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def bad_paths(folder: Path, kind: str) -> dict[str, str]:
    """The bad value of ``kind`` for an input, a file output, a folder output and --db."""
    folder.joinpath("a-folder").mkdir(exist_ok=True)
    garbage = folder / "unreadable.txt"
    if not garbage.exists():
        garbage.write_text("not a database, not articles\n", encoding="utf-8")
        garbage.chmod(0o000)
    if kind == "missing":
        missing = str(folder / "missing.txt")
        return {"input": missing, "dir_in": missing, "db": ""}
    if kind == "folder":
        value = str(folder / "a-folder")
        return {"input": value, "file_out": value, "db": f"sqlite:///{value}"}
    if kind == "proc":
        return {
            "input": "/proc/nope",
            "dir_in": "/proc/nope",
            "file_out": "/proc/nope/out.geojson",
            "dir_out": "/proc/nope",
            "db": "sqlite:////proc/nope/tracker.db",
        }
    # "unreadable": meaningful only where permission bits count (not as root)
    value = str(garbage)
    return {
        "input": value,
        "dir_in": value,
        "file_out": value,
        "dir_out": value,
        "db": f"sqlite:///{value}",
    }


def good_values(folder: Path) -> tuple[str, dict[str, list[str]]]:
    """A working database URL and a good value for each argument."""
    db = folder / "good" / "tracker.db"
    if not db.exists():
        upgrade_database(f"sqlite:///{db}")
    article = folder / "good" / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    truth = folder / "good" / "truth.csv"
    truth.write_text("town/city,lat,lon\nDnipro,48.45,34.98\n", encoding="utf-8")
    values = {
        "csv_path": [str(truth)],
        "path": [str(article)],
        "sources": [str(article)],
        "paths": [str(article)],
        "out": [str(folder / "good" / "out.geojson")],
        "countries": ["UA"],
        "name": ["Dnipro"],
    }
    return f"sqlite:///{db}", values


def _is_path(param: click.Parameter) -> bool:
    return isinstance(param.type, click.Path) or (
        isinstance(param, click.Argument) and param.name in PATH_STRINGS
    )


def _bad_value(param: click.Parameter, bad: dict[str, str]) -> str | None:
    folder_only = isinstance(param.type, click.Path) and not param.type.file_okay
    if param.name in OUTPUTS:
        return bad.get("dir_out" if folder_only else "file_out")
    if folder_only or param.name in FOLDERS_READ:
        return bad.get("dir_in")
    return bad.get("input")


def _arguments(command: click.Command, good: dict[str, list[str]]) -> list[str]:
    return [
        v for p in command.params if isinstance(p, click.Argument) for v in good.get(p.name, [])
    ]


def invocations(folder: Path, kind: str) -> Iterator[list[str]]:
    """Every (command, bad path) pair for ``kind``, as argument lists."""
    db, good = good_values(folder)
    bad = bad_paths(folder, kind)
    for names, command in leaf_commands():
        extra = EXTRA.get(names, [])
        paths = [p for p in command.params if _is_path(p)]
        args = [p for p in paths if isinstance(p, click.Argument)]
        if args and all(_bad_value(p, bad) for p in args):
            values = {p.name: [_bad_value(p, bad) or ""] for p in args}
            yield ["--db", db, *names, *_arguments(command, good | values), *extra]
        for option in (p for p in paths if isinstance(p, click.Option)):
            value = _bad_value(option, bad)
            if value:
                args = _arguments(command, good)
                yield ["--db", db, *names, *args, *extra, option.opts[0], value]
        # A preview with no database falls back to the embedded gazetteer (by design).
        preview = names == ("extract",) and kind == "proc"
        if bad["db"] and names not in NO_DATABASE and not preview:
            yield ["--db", bad["db"], *names, *_arguments(command, good), *extra]


def walk(folder: Path, kinds: list[str]) -> list[dict[str, object]]:
    """The runs that broke the rule, as records."""
    failures = []
    for kind in kinds:
        for args in invocations(folder, kind):
            result = CliRunner().invoke(cli, args, input="")
            run = Run(tuple(args), result.exit_code, result.output)
            if result.exception and not isinstance(result.exception, SystemExit):
                run = Run(tuple(args), -1, f"Traceback: {result.exception!r}")
            if run.problem:
                failures.append({"kind": kind, "args": args, "problem": run.problem,
                                 "output": run.output[-400:]})  # fmt: skip
    return failures


if __name__ == "__main__":
    print(json.dumps(walk(Path(sys.argv[1]), sys.argv[2:]), indent=1))
