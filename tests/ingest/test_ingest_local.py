"""Local readers: every file kind, folders, globs, stdin, and bad input item by item."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from ingest_pages import ARTICLES, article_html

from tracker.errors import InputError
from tracker.ingest.local import ReadOptions, expand_local, read_path, read_stdin


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_text_file_with_a_headline(tmp_path: Path) -> None:
    title, body = ARTICLES["odesa"]
    [item] = read_path(_write(tmp_path / "a.txt", f"{title}\n\n{body}\n"))
    assert item.article is not None
    assert item.article.title == title
    assert body in item.article.text


def test_non_utf8_text_file_is_decoded(tmp_path: Path) -> None:
    text = "Російська ракета влучила в промисловий об'єкт у Сумах, поранено чотирьох працівників."
    [item] = read_path(_write(tmp_path / "uk.txt", text.encode("cp1251")))
    assert item.article is not None and item.article.text == text


def test_html_file(tmp_path: Path) -> None:
    [item] = read_path(
        _write(tmp_path / "p.html", article_html("sumy", canonical="https://t.example/s"))
    )
    assert item.article is not None
    assert item.article.url == "https://t.example/s"
    assert item.article.published == date(2022, 5, 2)


def test_jsonl_isolates_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": ARTICLES["kharkiv"][1], "published": "2022-05-02",
                    "url": "https://t.example/k?utm_source=x", "outlet": "T"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"text": ARTICLES["sumy"][1], "published": "yesterday"}),
        "",
        json.dumps({"body": ARTICLES["odesa"][1], "published": "2022-05-03T23:30:00+03:00"}),
    ]  # fmt: skip
    items = list(read_path(_write(tmp_path / "batch.jsonl", "\n".join(lines))))
    assert [i.origin.rsplit(":", 1)[1] for i in items] == ["1", "2", "3", "4", "6"]
    good = [i.article for i in items if i.article]
    assert [a.url for a in good] == ["https://t.example/k", None]
    assert good[1].published == date(2022, 5, 3)
    errors = [str(i.error) for i in items if i.error]
    assert "not valid JSON" in errors[0]
    assert "no 'text'" in errors[1]
    assert "'yesterday' is not a date" in errors[2]


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = [{"text": ARTICLES["kharkiv"][1]}, {"text": ARTICLES["sumy"][1], "title": "S"}]
    items = list(read_path(_write(tmp_path / "a.json", json.dumps(array))))
    assert [i.origin[-3:] for i in items] == ["[0]", "[1]"]
    [one] = read_path(_write(tmp_path / "b.json", json.dumps(array[0])))
    assert one.article is not None


def test_csv_with_a_named_text_column(tmp_path: Path) -> None:
    csv_text = 'headline,story,published\n"Sumy hit","' + ARTICLES["sumy"][1] + '",2022-05-04\n'
    path = _write(tmp_path / "a.csv", csv_text)
    [missing] = read_path(path)
    assert missing.error is not None and "--text-column" in str(missing.error)
    [item] = read_path(path, options=ReadOptions(text_column="story"))
    assert item.article is not None
    assert item.article.published == date(2022, 5, 4)
    assert item.origin.endswith("a.csv:2")


def test_binary_file_with_text_suffix_is_refused(tmp_path: Path) -> None:
    [item] = read_path(_write(tmp_path / "scan.txt", b"%PDF-1.4\n binary"))
    assert isinstance(item.error, InputError)
    assert "PDF" in str(item.error)


def test_empty_file_is_an_item_failure(tmp_path: Path) -> None:
    [item] = read_path(_write(tmp_path / "empty.txt", "  \n"))
    assert item.error is not None and "empty" in str(item.error)


def test_folders_are_read_recursively_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "a.txt", "a")
    _write(tmp_path / "in" / "sub" / "b.jsonl", "{}")
    _write(tmp_path / "in" / "sub" / "c.html", "<p>c</p>")
    _write(tmp_path / "in" / ".git" / "d.txt", "hidden")
    _write(tmp_path / "in" / "photo.jpg", b"\xff\xd8\xff")
    found = [p.relative_to(tmp_path / "in").as_posix() for p in expand_local(str(tmp_path / "in"))]
    assert found == ["a.txt", "sub/b.jsonl", "sub/c.html"]


def test_globs_expand_recursively(tmp_path: Path) -> None:
    _write(tmp_path / "x" / "1.jsonl", "{}")
    _write(tmp_path / "x" / "deep" / "2.jsonl", "{}")
    _write(tmp_path / "x" / "3.txt", "t")
    found = expand_local(str(tmp_path / "x" / "**" / "*.jsonl"))
    assert [p.name for p in found] == ["1.jsonl", "2.jsonl"]


@pytest.mark.parametrize("location", ["nowhere/at/all.txt", "nowhere/*.jsonl"])
def test_missing_paths_are_input_errors(tmp_path: Path, location: str) -> None:
    with pytest.raises(InputError, match="check the"):
        expand_local(str(tmp_path / location))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLES["kherson"][1].encode(), 1),
        (article_html("kherson").encode(), 1),
        ("\n".join(json.dumps({"text": t}) for _, t in ARTICLES.values()).encode(), 4),
    ],
)
def test_stdin_is_sniffed(data: bytes, expected: int) -> None:
    items = list(read_stdin(io.BytesIO(data)))
    assert len(items) == expected
    assert all(i.article is not None for i in items)


def test_a_saved_feed_file_is_refused_with_a_hint(tmp_path: Path) -> None:
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    [item] = read_path(_write(tmp_path / "feed.xml", feed))
    assert item.error is not None and "give the feed's URL" in str(item.error)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "/relative/path"])
def test_record_urls_must_be_web_urls(tmp_path: Path, url: str) -> None:
    line = json.dumps({"text": ARTICLES["sumy"][1], "url": url})
    [item] = read_path(_write(tmp_path / "a.jsonl", line))
    assert item.error is not None and "not an http(s) URL" in str(item.error)
