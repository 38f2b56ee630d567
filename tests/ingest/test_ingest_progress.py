from __future__ import annotations

import io

from tracker.ingest.progress import IngestProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with IngestProgress(enabled=True, stream=stream) as progress:
        progress.expect(2)
        progress.advance("a")
    assert stream.getvalue() == ""


def test_a_bar_on_a_terminal_unless_disabled() -> None:
    shown, hidden = Terminal(), Terminal()
    with IngestProgress(enabled=True, stream=shown) as progress:
        progress.expect(2)
        progress.advance("https://news.example/a")
    with IngestProgress(enabled=False, stream=hidden) as progress:
        progress.advance("b")
    assert shown.getvalue() != ""
    assert hidden.getvalue() == ""


def test_hostile_labels_are_not_markup_or_escape_codes() -> None:
    shown = Terminal()
    with IngestProgress(enabled=True, stream=shown) as progress:
        progress.advance("https://evil.example/[/bold][link=file:///etc]x\x1b[2J")
    assert "\x1b[2J" not in shown.getvalue().replace("\x1b[2K", "")


def test_failures_are_printed_without_control_characters() -> None:
    from tracker.ingest.summary import IngestSummary, ItemFailure

    failure = ItemFailure("https://evil.example/\x1b[31mred", "FetchError", "HTTP 404")
    text = IngestSummary(failures=(failure,)).describe()
    assert "\x1b" not in text
    assert "Failed: https://evil.example/\\x1b[31mred: HTTP 404" in text
