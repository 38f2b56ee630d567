"""Place names the gazetteer knows under another spelling, found where only a place can stand.

Real pages misspell and re-romanise villages: "the villages of Konstaninopil
and Andriivka", "near Dneproenergiya and Aleksiivka", "the Storozhov village".
The name scanner finds known spellings only, so these events lost their place
(or took a vaguer one). Here a capitalised word is looked up with near-miss
spelling only where the sentence says it is a settlement:

- after "the village(s)/town(s)/settlement(s) of" or "near/outside/around",
  with the rest of its list ("near A, B and C");
- before "village"/"settlement" ("the Storozhov village");
- in a list that goes on from a place the gazetteer knows ("Blahodatne,
  Neskuchne and Makarivk").

A word is kept only when the gazetteer places it in Ukraine or Russia (the
near-miss cutoff is the gazetteer's own), so a surname or a brand in such a
slot stays unplaced.
"""

from __future__ import annotations

import re

from geodata.model import NameMatch
from geodata.names import name_key
from geodata.protocols import Gazetteer, ResolveContext
from tracker.extract.prefixes import HeadScanner

_NAME = r"[A-Z][a-z'’]{3,}(?:-[A-Za-z][a-z'’]+)?(?:\s+[A-Z][a-z'’]{3,})?"
_LIST = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?"
_AFTER_HEAD = HeadScanner(
    re.compile(
        r"(?:(?:village|town|settlement|hamlet)s?\s+of|near(?:by)?|outside|around)\s+(?:the\s+)?"
    ),
    length=4,
)
_LIST_AT = re.compile(_LIST)
_SETTLEMENT_AFTER = HeadScanner(re.compile(r"(?:village|settlement|hamlet)\b"), length=6)
_NAME_AT_END = re.compile(rf"(?<![\w'’-]){_NAME}$")
_WINDOW = 40
_NEXT_IN_LIST = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<name>{_NAME})")
_ONE_NAME = re.compile(_NAME)
_SLOT_WORD = re.compile(r"village|town|settlement|hamlet|near|outside|around")
_THEATRE = frozenset({"UA", "RU"})
_NOT_STEMS = ("Ukrain", "Russia", "Kremlin", "Moscow", "Kyiv")
# Capitalised words such slots hold that are never a settlement.
_NOT_NAMES = frozenset(
    {
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "June", "July", "August"),
        *("September", "October", "November", "December", "Ukraine", "Russia"),
        *("Ukrainian", "Russian", "Russians", "Ukrainians", "Defence", "Defense", "Ministry"),
        *("President", "Army", "Forces", "General", "Staff", "Telegram", "Reuters"),
    }
)


class VariantFinder:
    """One article's settlement slots, found in one scan, then the names in them per sentence."""

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self._text = text
        self._gazetteer = gazetteer
        self._slots: list[tuple[int, int]] | None = None
        self._keys: dict[tuple[str, str | None], str | None] = {}

    def names(self, start: int, end: int, known: list[NameMatch]) -> list[NameMatch]:
        """Names in ``text[start:end]`` that only a near-miss spelling finds, in settlement
        slots; ``known`` are the sentence's names the scanner found."""
        text = self._text
        slots = [(s, e) for s, e in self._article_slots() if start <= s and e <= end]
        for m in known:  # a list that goes on from a known village: "Blahodatne and Makarivk"
            if not m.is_region:
                slots += _list_after(text, m.end, end)
        if not slots:
            return []
        taken = [(m.start, m.end) for m in known]
        # a region named in the sentence lets a looser spelling count, inside that region only
        region = next((m.surface for m in known if m.is_region), None)
        out: dict[int, NameMatch] = {}
        for s, e in slots:
            for word in _ONE_NAME.finditer(text, s, e):
                ws, we = word.span()
                if ws in out or any(ts < we and ws < te for ts, te in taken):
                    continue
                key = (word.group(), region)
                if key not in self._keys:
                    self._keys[key] = _near_miss(word.group(), self._gazetteer, region)
                if self._keys[key] is not None:
                    out[ws] = NameMatch(ws, we, word.group(), self._keys[key], False)
        return [out[k] for k in sorted(out)]

    def _article_slots(self) -> list[tuple[int, int]]:
        if self._slots is None:
            self._slots = []
            if _SLOT_WORD.search(self._text):
                self._slots += self._after_word()
                self._slots += self._before_word()
        return self._slots

    def _after_word(self) -> list[tuple[int, int]]:
        """ "the villages of A and B", "near A": the list after each such word."""
        out = []
        for m in _AFTER_HEAD.finditer(self._text):
            if m.start() and self._text[m.start() - 1].isalpha():
                continue  # "planned", "Villagers": part of another word
            found = _LIST_AT.match(self._text, m.end())
            if found is not None:
                out.append(found.span())
        return out

    def _before_word(self) -> list[tuple[int, int]]:
        """ "the Storozhov village": the word before each "village" (looked for backwards from
        the few such words, not tried at every capital letter of the article)."""
        out = []
        for m in _SETTLEMENT_AFTER.finditer(self._text):
            if not self._text[m.start() - 1 : m.start()].isspace():
                continue
            stop = len(self._text[: m.start()].rstrip())
            name = _NAME_AT_END.search(self._text, max(0, stop - _WINDOW), stop)
            if name is not None:
                out.append(name.span())
        return out


def _list_after(text: str, at: int, end: int) -> list[tuple[int, int]]:
    """The names that continue a list right after a known place (", B and C")."""
    out = []
    while (m := _NEXT_IN_LIST.match(text, at, end)) is not None:
        out.append(m.span("name"))
        at = m.end()
    return out


def _near_miss(word: str, gazetteer: Gazetteer, region: str | None) -> str | None:
    """The key of ``word`` when the gazetteer places it in the theatre (in ``region`` when
    the sentence names one), else None."""
    first = word.split()[0]
    if first in _NOT_NAMES or first.startswith(_NOT_STEMS) or word.endswith(("'s", "’s")):
        return None  # "outside Ukraine's capital": a possessive is the country or a person
    res = gazetteer.resolve(word, context=ResolveContext(admin_hint=region))
    if res is None or res.place.is_region or res.place.country not in _THEATRE:
        return None
    if region is not None and "as the text says" not in res.reason:
        return None  # a looser spelling found outside the region the sentence names
    if not all(any(r.startswith("near-miss") for r in c.reasons) for c in res.alternatives):
        return None  # a spelling the gazetteer knows: the scanner left it out on purpose
    return name_key(word)
