"""Telegram Desktop chat exports ("Export chat history", machine-readable JSON).

An export is one JSON object, usually ``result.json``::

    {"name": "Channel title", "type": "public_channel", "id": 1234567890,
     "messages": [{"id": 17, "type": "message", "date": "2024-04-15T07:12:03",
                   "text": ["Plain, ", {"type": "bold", "text": "bold"}, " text"]}, ...]}

Each message with text becomes one article: the message text (formatted parts
flattened to plain text) as its text, the calendar day of ``date`` as its
publication date (Telegram Desktop writes it in the exporting computer's time
zone, the day a reader there saw the post), and the chat's name as its outlet.
Service messages (joins, pins, title changes) and messages without text (a
photo with no caption) are passed over.

A message's identity is its link, which never changes when the text is edited
and tells two posts with the same words apart:

* ``https://t.me/<username>/<id>`` when the channel's public username is known
  (``--telegram-channel``, or a ``"username"`` key in the export: Telegram
  Desktop does not write one);
* ``https://t.me/c/<chat id>/<id>`` otherwise, for channels and supergroups:
  the link Telegram itself gives a post of a private channel, opening for its
  members;
* none for other chats (a group, a personal chat), whose messages have no
  link: their identity is then their text, as for any article without a URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from tracker.errors import ConfigError, InputError
from tracker.ingest.records import Item, article_from_text, parse_published

_MESSAGE_KEYS = ("id", "type", "date")
_SNIFFED = 5  # messages looked at to recognise an export
_LINKED_TYPES = ("channel", "supergroup")  # chat types whose posts have t.me/c links
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_LINK_PREFIXES = ("https://t.me/", "http://t.me/", "t.me/", "@")


@dataclass(frozen=True, slots=True)
class TelegramChat:
    """The exported chat: its title, kind, numeric id and, when known, public username."""

    name: str | None
    kind: str
    chat_id: int | None
    username: str | None = None

    def message_url(self, message_id: int) -> str | None:
        """The link of one message, or None when this kind of chat has none.

        >>> TelegramChat("News", "public_channel", 1234, "example_news").message_url(7)
        'https://t.me/example_news/7'
        >>> TelegramChat("News", "private_channel", 1234).message_url(7)
        'https://t.me/c/1234/7'
        >>> TelegramChat("Friends", "private_group", 99).message_url(7) is None
        True
        """
        if self.username:
            return f"https://t.me/{self.username}/{message_id}"
        if self.chat_id is not None and any(t in self.kind for t in _LINKED_TYPES):
            return f"https://t.me/c/{self.chat_id}/{message_id}"
        return None


def is_telegram_export(data: object) -> bool:
    """True when ``data`` (parsed JSON) has the shape of a Telegram export.

    A whole account's export (``{"chats": {"list": [...]}}``) is one too, so
    that reading it can refuse it by name.

    >>> is_telegram_export({"name": "N", "messages": [{"id": 1, "type": "message", "date": "x"}]})
    True
    >>> is_telegram_export({"text": "An ordinary article record."})
    False
    """
    if _is_account_export(data):
        return True
    if not isinstance(data, Mapping) or not isinstance(data.get("messages"), list):
        return False
    first = data["messages"][:_SNIFFED]
    if not first:
        return "id" in data and "type" in data  # an export of a chat with no messages
    return all(isinstance(m, Mapping) and all(k in m for k in _MESSAGE_KEYS) for m in first)


def _is_account_export(data: object) -> bool:
    chats = data.get("chats") if isinstance(data, Mapping) else None
    return isinstance(chats, Mapping) and isinstance(chats.get("list"), list)


def check_username(value: str, *, where: str = "--telegram-channel") -> str:
    """A channel's public username from ``name``, ``@name`` or ``https://t.me/name``.

    >>> check_username("@example_news"), check_username("https://t.me/example_news")
    ('example_news', 'example_news')
    """
    name = value.strip()
    for prefix in _LINK_PREFIXES:
        name = name.removeprefix(prefix)
    name = name.strip("/")
    if not _USERNAME.fullmatch(name):
        raise ConfigError(
            f"{where} {value!r} is not a channel username; give the name in the "
            "channel's t.me link, e.g. example_news for https://t.me/example_news"
        )
    return name


def read_telegram_export(
    data: Mapping[str, Any], *, origin: str, username: str | None = None
) -> Iterator[Item]:
    """One item per message with text; ``username`` (checked) wins over the export's own.

    Examples
    --------
    >>> export = {"name": "Example News", "type": "public_channel", "id": 1234, "messages": [
    ...     {"id": 5, "type": "message", "date": "2024-04-15T07:12:03",
    ...      "text": ["Drones hit a depot in ", {"type": "bold", "text": "Kharkiv"}, "."]},
    ...     {"id": 6, "type": "service", "date": "2024-04-15T07:13:00", "text": ""}]}
    >>> [item] = read_telegram_export(export, origin="result.json", username="example_news")
    >>> a = item.article
    >>> a.text, a.url, a.published.isoformat(), a.outlet
    ('Drones hit a depot in Kharkiv.', 'https://t.me/example_news/5', '2024-04-15', 'Example News')
    """
    if _is_account_export(data):
        # it holds personal chats too: reading them all into a news database is never meant
        yield Item(origin, error=_account_export(origin))
        return
    try:
        chat = _chat(data, username=username, origin=origin)
    except ConfigError as err:
        yield Item(origin, error=err)
        return
    messages = data["messages"]
    if not messages:
        yield Item(origin, error=InputError(f"{origin}: the Telegram export holds no messages"))
        return
    for index, message in enumerate(messages):
        where = f"{origin}#{message.get('id', index) if isinstance(message, Mapping) else index}"
        try:
            item = _message_item(message, chat=chat, where=where)
        except InputError as err:
            item = Item(where, error=err)
        if item is not None:
            yield item


def _account_export(origin: str) -> InputError:
    return InputError(
        f"{origin!r} is a whole Telegram account export, personal chats included; in "
        "Telegram Desktop use the channel's own 'Export chat history' and ingest its result.json"
    )


def _chat(data: Mapping[str, Any], *, username: str | None, origin: str) -> TelegramChat:
    own = data.get("username")
    if username is None and isinstance(own, str) and own.strip():
        username = check_username(own, where=f"{origin}: username")
    elif username is not None:
        username = check_username(username)
    chat_id = data.get("id")
    name = data.get("name")
    return TelegramChat(
        name=(name.strip() or None) if isinstance(name, str) else None,
        kind=str(data.get("type") or ""),
        chat_id=_bare_id(chat_id) if isinstance(chat_id, int) else None,
        username=username,
    )


def _bare_id(chat_id: int) -> int:
    """The id in t.me/c links: without the ``-100`` the Bot API puts before channel ids."""
    text = str(chat_id)
    return int(text[4:]) if text.startswith("-100") and len(text) > 4 else abs(chat_id)


def _message_item(message: object, *, chat: TelegramChat, where: str) -> Item | None:
    if not isinstance(message, Mapping):
        raise InputError(f"{where}: expected a message object, got {type(message).__name__}")
    if message.get("type") != "message":
        return None  # a service message: someone joined, a post was pinned...
    text = flatten_text(message.get("text")).strip()
    if not text:
        return None  # a photo, sticker or poll without a caption: nothing to read
    message_id = message.get("id")
    if not isinstance(message_id, int):
        raise InputError(f"{where}: message id {message_id!r} is not a number")
    author = message.get("author")
    article = replace(
        article_from_text(text),
        url=chat.message_url(message_id),
        published=_published(message, where=where),
        outlet=chat.name,
        author=(author.strip() or None) if isinstance(author, str) else None,
    )
    return Item(where, article=article)


def _published(message: Mapping[str, Any], *, where: str) -> date | None:
    value = message.get("date")
    if value not in (None, ""):
        return parse_published(value, origin=where)
    stamp = message.get("date_unixtime")
    if isinstance(stamp, str) and stamp.isdigit():
        return datetime.fromtimestamp(int(stamp), tz=UTC).date()
    return None


def flatten_text(text: object) -> str:
    """A message's text as plain text: a string, or a list of strings and formatted parts.

    >>> flatten_text(["Read ", {"type": "text_link", "text": "the report", "href": "https://x"}])
    'Read the report'
    >>> flatten_text(None)
    ''
    """
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return ""
    parts = (
        p if isinstance(p, str) else p.get("text") if isinstance(p, Mapping) else "" for p in text
    )
    return "".join(p for p in parts if isinstance(p, str))
