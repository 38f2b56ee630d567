"""The Ukrainian and Russian rule extractors behind the :class:`~tracker.extract.Extractor` seam."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime

from geodata.admin import find_region
from geodata.model import NameMatch
from geodata.protocols import Gazetteer
from tracker.extract.core import DEFAULT_MIN_CONFIDENCE, events_from_mentions
from tracker.extract.cyrillic.facts import SentenceFacts
from tracker.extract.cyrillic.lexicon import Lexicon, lexicon_for
from tracker.extract.cyrillic.reader import CyrillicReader
from tracker.extract.cyrillic.toponyms import ToponymFinder
from tracker.extract.locate import PlaceResolver
from tracker.extract.mention import Mention
from tracker.extract.places import Role
from tracker.extract.prefixes import AlternativesScanner
from tracker.extract.rule import Trigger
from tracker.extract.rule_extractor import rules_version
from tracker.extract.text import (
    MAX_CHARS,
    Sentence,
    check_text,
    clean_text,
    headline_sentences,
    split_sentences,
)
from tracker.extract.tolls import with_tolls
from tracker.model import Article, Event


class CyrillicExtractor:
    """Ukrainian or Russian news text → events, with that language's rule tables.

    Parameters
    ----------
    gazetteer
        Finds and resolves place names (its Cyrillic alternate names are matched).
    language
        ``"uk"`` or ``"ru"``.
    today
        The processing day, used only for articles with no publication date.
    min_confidence
        Events rated below this are not returned (0 keeps all).

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> extractor = CyrillicExtractor(load_embedded_gazetteer(), language="uk")
    >>> text = "Вночі окупанти обстріляли Харків з артилерії, загинули двоє людей."
    >>> [(e.location, e.fatalities) for e in extractor.extract(
    ...     Article(text, published=date(2022, 4, 12), language="uk"))]
    [('Kharkiv', 2)]
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        *,
        language: str,
        today: date | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> None:
        self.lexicon: Lexicon = lexicon_for(language)
        self.name = f"rules-{language}"
        self.languages = frozenset({language})
        self.gazetteer = gazetteer
        self.today = today
        self.min_confidence = min_confidence
        self._facts = SentenceFacts(self.lexicon)
        self._finder = ToponymFinder(gazetteer, self.lexicon)
        self._scanner = AlternativesScanner(
            [
                rf"(?P<r{i}>(?<![\w-])(?:{rule.pattern}))"
                for i, rule in enumerate(self.lexicon.rules)
            ],
            flags=re.IGNORECASE,
            length=3,
        )
        months = "|".join(self.lexicon.months)
        # "Воронеж. 30 июля. ИНТЕРФАКС -", "МОСКВА, 5 мая. /ТАСС/.": where the wire
        # wrote from, not where anything happened
        self._dateline = re.compile(
            rf"\s*[{_UPPER}][\w'’-]+(?:[ -][\w'’-]+)?[.,]\s+\d{{1,2}}\s+(?:{months})\w*\s*[.,]?\s*"
            rf"(?:[-–—]\s*)?(?:/[^/\n]{{2,30}}/|РИА\s+Новости|(?-i:[A-Z{_UPPER}]{{3,}})(?:-\w+)?)"
            # the agency ends with a stop or a dash: "Курск, 5 мая. ВСУ атаковали" keeps "ВСУ"
            r"\s*(?:[.,]\s*[-–—]?|[-–—])\s*",
            re.I,
        )
        self._abbreviation = re.compile(
            rf"(?<![\w-])(?:{'|'.join(map(re.escape, self.lexicon.abbreviations))})\.$", re.I
        )

    @property
    def version(self) -> str:
        """Changes with any rule, word list or reading logic of ``tracker.extract``."""
        return rules_version()

    def extract(self, article: Article) -> list[Event]:
        """The events ``article`` reports; see :func:`tracker.extract.extract_events`."""
        check_text(article.text, max_chars=MAX_CHARS)
        text = _bullets_joined(self._without_dateline(clean_text(article.text)))
        triggers = self._triggers(text)
        if not triggers:
            return []
        sentences = self._sentences(text)
        triggers = with_tolls(text, sentences, triggers, casualty=_CASUALTY)
        reader = CyrillicReader(
            text=text,
            facts=self._facts,
            finder=self._finder,
            resolver=PlaceResolver(self.gazetteer, country=article.country_focus),
            published=article.published,
            today=self.today or datetime.now(UTC).date(),
            country=article.country_focus or "UA",
            sentences=sentences,
        )
        # the title first: the text's scan is kept for its sentences
        title = article.title or ""
        regions = self._regions_named(title, text)
        if len(regions) > 1:
            # "Гладков: три села в Белгородской области атакованы" and, at the end, a word on
            # Bryansk and Kursk: the region the headline and lead name is the article's
            lead = text[: sentences[0].end] if sentences else ""
            regions = self._regions_named(title, lead)
            reader.region_named = "the only region the article's lead names"
        if len(regions) == 1 and "Donbas" not in regions:
            # "на Чернігівщині" in the title: homonyms are looked for there
            (name,) = regions
            reader.region = NameMatch(0, 0, name, name, True)
        paired = _by_sentence(sentences, triggers)
        self._anchor(reader, [sentence for sentence, _ in paired], country=article.country_focus)
        heads = headline_sentences(text, sentences, title=article.title)
        mentions: list[Mention] = []
        seen: set[str] = set()
        for sentence, found in paired:
            words = " ".join(text[sentence.start : sentence.end].split())
            if words in seen:
                continue  # a headline repeated in the body reports nothing new
            seen.add(words)
            read = reader.read(sentence, found)
            if sentence.start in heads:
                read = [replace(m, headline=True) for m in read]
            mentions.extend(read)
        return events_from_mentions(
            article,
            text,
            _without_regional_summaries(mentions),
            gazetteer=self.gazetteer,
            min_confidence=self.min_confidence,
        )

    def _without_dateline(self, text: str) -> str:
        """The text with its opening dateline blanked out (offsets kept)."""
        m = self._dateline.match(text)
        return text if m is None else " " * m.end() + text[m.end() :]

    def _regions_named(self, title: str, text: str) -> set[str]:
        return self._finder.regions(title) | self._finder.regions(text) | _donbas(title, text)

    def _triggers(self, text: str) -> list[Trigger]:
        rules = self.lexicon.rules
        return [
            Trigger(rules[int(m.lastgroup[1:])], m.start(), m.end())  # type: ignore[index]
            for m in self._scanner.finditer(text)
        ]

    def _sentences(self, text: str) -> list[Sentence]:
        """Sentences, rejoined where a full stop only ended an abbreviation ("обл.", "смт.")."""
        out: list[Sentence] = []
        for s in split_sentences(text):
            if out and self._abbreviation.search(text, out[-1].start, out[-1].end):
                out[-1] = Sentence(out[-1].start, s.end)
            else:
                out.append(s)
        return out

    def _anchor(
        self, reader: CyrillicReader, sentences: list[Sentence], *, country: str | None
    ) -> None:
        """Unambiguous places of the sentences that report events become context for homonyms
        (the sentences without a trigger are read only when "the town" needs them).

        Finding them resolves names, and a resolver keeps what it resolved; the reader then
        gets a fresh resolver holding only the clear places, so a homonym ("Дачное") is
        resolved once every clear place of the article ("Часов Яр") is known.
        """
        towns = [
            place
            for sentence in sentences
            for place in reader.places(sentence)
            if place.role in (Role.EVENT, Role.NEAR) and not place.is_region
        ]
        # "Новомосковськ Дніпропетровської області": a name the text places in a region is
        # no clear winner elsewhere (the Russian city of that name), whatever its size
        hinted = {p.match.surface for p in towns if reader.resolver.contradicts_winner(p)}
        clear = [
            place
            for place in towns
            if place.match.surface not in hinted and reader.resolver.clear_winner(place) is not None
        ]
        if len(clear) < len(towns):  # a homonym: resolve it afresh, with every clear place known
            reader.resolver = PlaceResolver(self.gazetteer, country=country)
        for place in clear:
            reader.resolver.anchor(place)
        # one name, one place per article: "Зарічне Донецької області" also places a bare
        # "Зарічне" in a later sentence, as the English reader does
        for place in towns:
            if place.hint is not None:
                reader.resolver.settle(place, near=None, rank=3)
        _settle_where_said_to_lie(reader)

    def __repr__(self) -> str:
        return f"CyrillicExtractor(name={self.name!r}, version={self.version!r})"


# "Приволье находится в Днепропетровской области", "Тихе розташоване на території
# Харківської області": a sentence that only says where a place lies
_LIES_IN = re.compile(
    r"(?<![\w-])(?:находится|находятся|расположен\w*|располага\w+|знаходиться|знаходяться"
    r"|розташован\w*|розташову\w+)\s+(?:(?:в|у|на)\s+)?(?:территории\s+|території\s+)?",
    re.I,
)


def _settle_where_said_to_lie(reader: CyrillicReader) -> None:
    """ "Приволье освободили ... Приволье, как отметили в МО РФ, находится в Днепропетровской
    области": the place is settled in the region the text says it lies in, for every
    sentence that names it (one name, one place per article)."""
    for sentence in reader.sentences:
        if not _LIES_IN.search(reader.text, sentence.start, sentence.end):
            continue
        places = reader.places(sentence)
        regions = [p for p in places if p.is_region and find_region(p.match.surface)]
        towns = [p for p in places if not p.is_region and p.role in (Role.EVENT, Role.NEAR)]
        if len(regions) != 1:
            continue
        for town in towns:
            hinted = replace(town, hint=regions[0].match)
            reader.resolver.settle(hinted, near=None, rank=3)


_UPPER = "А-ЯЁІЇЄҐ"
_DONBAS = re.compile(r"(?<![\w-])Донбас", re.I)


def _donbas(*texts: str) -> set[str]:
    """ "у Харківській області та на Донбасі": Donbas spans two oblasts, so an article that
    names it beside one oblast has no single region to look for its villages in."""
    return {"Donbas"} if any(_DONBAS.search(t) for t in texts) else set()


def _without_regional_summaries(mentions: list[Mention]) -> list[Mention]:
    """ "Ворог 28 разів атакував Чернігівську область", beside the strikes on its villages: a
    region-level report of an event type the article also places inside that region, within
    a day, sums those events up and is no event of its own (ACLED codes the places). A
    region that only stands in for a village the gazetteer lacks is that village's event."""
    fine = [m for m in mentions if m.place is not None and not m.place.is_region]
    located = [m for m in mentions if m.place is not None]
    out = []
    for m in mentions:
        if (
            m.place is None
            and not m.location_text
            and any(
                f.sub_event_type.event_type is m.sub_event_type.event_type
                and abs((f.date.event_date - m.date.event_date).days) <= 1
                for f in located
            )
        ):
            continue  # an unplaced report of an event type the article places that day
        region = find_region(m.place.name) if m.place is not None and m.place.is_region else None
        if (
            region is not None
            and not m.stands_in
            and any(
                f.sub_event_type.event_type is m.sub_event_type.event_type
                and f.place is not None
                and f.place.country == region.country
                and f.place.admin1_code in region.codes
                and abs((f.date.event_date - m.date.event_date).days) <= 1
                for f in fine
            )
        ):
            continue
        out.append(m)
    return out


# "загинув", "постраждали", "ранены": the toll of a place, in a round-up that has just
# reported the strikes ("завдали ударів по 7 населених пунктах ... У Боровій загинув ...")
_CASUALTY = re.compile(
    r"(?<![\w-])(?:загину\w*|загибл\w*|постражда\w*|поранен\w*|травмован\w*|погиб\w*"
    r"|ранен\w*|пострада\w*|потерпі\w*|потерпа\w*|потерпел\w*|дісталося|досталось)",
    re.IGNORECASE,
)


def _by_sentence(
    sentences: list[Sentence], triggers: list[Trigger]
) -> list[tuple[Sentence, list[Trigger]]]:
    """Each sentence with the triggers that lie wholly inside it."""
    out = []
    i = 0
    for sentence in sentences:
        found = []
        while i < len(triggers) and triggers[i].start < sentence.end:
            if triggers[i].start >= sentence.start and triggers[i].end <= sentence.end:
                found.append(triggers[i])
            i += 1
        if found:
            out.append((sentence, found))
    return out


# "ППО збила 24 шахеди у межах 7 областей:\n- Київської;\n- Одеської; ...": the Air Force's
# list of oblasts, one short bullet a line, finishes the sentence before the colon
_BULLETED_LIST = re.compile(r":[ \t]*(?:\n[ \t]*[-–•*][ \t]*[^\n]{1,60})+")
_BULLET = re.compile(r"\n[ \t]*[-–•*]")


def _bullets_joined(text: str) -> str:
    """The text with each short bulleted list after a colon joined to its sentence (the
    line breaks and bullet marks blanked, so every offset stays where it was)."""

    def blank(bullet: re.Match[str]) -> str:
        return " " * len(bullet.group())

    return _BULLETED_LIST.sub(lambda m: _BULLET.sub(blank, m.group()), text)
