"""Inflected place names in Ukrainian and Russian text, matched to the gazetteer.

"у Харкові", "під Бахмутом", "по Херсонщині", "в Харьковской области",
"под Купянском": a Slavic toponym is rarely written in the nominative the
gazetteer knows. Each capitalised word (or pair of words, "Новій Каховці") is
turned into the nominatives it may stand for, in this order:

1. the analyses of pymorphy3 (with its Ukrainian or Russian dictionary) that
   call it a place (``Geox``), then its other inanimate nouns;
2. suffix rules for names the dictionary does not know ("Гаврилівці" →
   "Гаврилівка", "Орихові" → "Оріхів", "Купянске" → "Купянск");
3. the word as written;

and the first that the gazetteer knows (its GeoNames alternate names hold the
Cyrillic spellings, folded to the same keys as the Latin ones) is the place.
Regions come from a table of oblast adjectives and regional nicknames
(:mod:`tracker.extract.lexicon.regions_cyrillic`): "Харківської області",
"на Херсонщині", "Белгородчина". A unit named by its adjective ("Куцурубської
громади", "в Семеновской общине") is its town.

Every lookup is cached per word, so an article costs a few dictionary hits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from geodata.model import Place
from geodata.names import name_key
from geodata.protocols import Gazetteer
from tracker.extract.cyrillic.lexicon import Lexicon
from tracker.extract.lexicon.people import GIVEN_NAMES
from tracker.extract.lexicon.regions_cyrillic import COUNTRY_STEMS, REGIONS

_UPPER = "А-ЯЁІЇЄҐ"
_LOWER = "а-яёіїєґ'’ʼ"
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}{_LOWER}][{_LOWER}]+)*"
_CYRILLIC_WORD = re.compile(rf"(?<![\w-])[{_UPPER}{_LOWER}][{_LOWER}-]*")
_CAPITALISED = re.compile(rf"(?<![\w-]){_WORD}(?:\s+{_WORD})*")
_ENDING = rf"[{_LOWER}]{{0,4}}"
_SECTOR = re.compile(r"напрям|направлен", re.I)
_SECTOR_WORD = re.compile(r"напрям|направлени", re.I)
_RAION_WORD = re.compile(r"район|округ", re.I)
_DISTRICT_NICKNAME = re.compile(
    rf"(?<![\w-])(?P<stem>[{_UPPER}][{_LOWER}-]+?)щин(?:а|і|у|ою|и|е|ой|ы)(?![\w-])"
)
_ELLIPTICAL_SECTOR = re.compile(
    rf"(?<![\w-])(?:на|в|у)\s+(?P<adj>[{_UPPER}][{_LOWER}'’-]*(?:ськ|цьк|зьк|ск|цк)(?:ому|ом))"
    r"\s*(?:[–—-]|,)"
)

# Suffix rules: (ending of the inflected form, endings of the nominatives it may stand for).
_SUFFIXES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "uk": (
        ("ові", ("ів", "ове", "ов", "")),
        ("ова", ("ів", "ове", "ов")),
        ("ову", ("ів", "ове", "ов")),
        ("овом", ("ів", "ов")),
        ("ці", ("ка", "ця", "ець")),
        ("ки", ("ка",)),
        ("ку", ("ка",)),
        ("кою", ("ка",)),
        ("ця", ("ець",)),
        ("цю", ("ець",)),
        ("цем", ("ець",)),
        ("ого", ("е", "ий")),
        ("ому", ("е", "ий")),
        ("им", ("е", "ий")),
        ("ім", ("е", "а")),
        ("ій", ("а",)),
        ("ої", ("а",)),
        ("ою", ("а", "")),
        ("ях", ("і", "и")),
        ("ах", ("и", "і")),
        ("ами", ("и",)),
        ("ом", ("",)),
        ("ем", ("ь", "")),
        ("ям", ("ь",)),
        ("ю", ("я", "ь")),
        ("і", ("а", "я", "", "ь", "е")),
        ("и", ("а", "")),
        ("у", ("", "а", "е")),
        ("а", ("", "е", "о")),
        ("я", ("ь", "е", "я")),
    ),
    "ru": (
        ("ове", ("ов", "ово")),
        ("ова", ("ов", "ово")),
        ("ову", ("ов", "ово")),
        ("овом", ("ов",)),
        ("ке", ("ка",)),
        ("ки", ("ка",)),
        ("ку", ("ка",)),
        ("кой", ("ка",)),
        ("це", ("ца", "ец")),
        ("ца", ("ец",)),
        ("цу", ("ец",)),
        ("ого", ("ое", "ий", "ый")),
        ("ому", ("ое", "ий")),
        ("ым", ("ое", "ый")),
        ("ом", ("", "ое")),
        ("ой", ("ая", "ое")),
        ("ую", ("ая",)),
        ("ей", ("ая", "ь")),
        ("ах", ("ы", "и")),
        ("ами", ("ы", "и")),
        ("ем", ("ь", "")),
        ("е", ("", "а", "ь", "е")),
        ("и", ("а", "ь", "я")),
        ("у", ("", "а")),
        ("а", ("", "о")),
        ("я", ("ь", "е")),
        ("ю", ("я", "ь")),
    ),
}
# A unit's adjective → its town: stem endings tried after "-ськ-/-ск-" is cut off.
_TOWN_FROM_STEM = ("", "и", "ка", "а", "я", "ь", "е", "ово", "ець", "о", "ки")  # Шебекино, Валуйки
# Readings that are never a place: conjunctions, adverbs, verbs, pronouns ...
_GIVEN_KEYS = frozenset(name_key(n) for n in GIVEN_NAMES)  # "Володимир" is "volodimir"
_NOT_A_NAME = (
    "CONJ", "PREP", "ADVB", "VERB", "INFN", "PRCL", "NPRO", "INTJ", "PRED", "GRND", "PRTF", "NUMR",
    "COMP", "ADJS",
)  # fmt: skip
# The occupation "republics" name the oblasts they claim; used as admin hints.
_REPUBLICS = re.compile(
    r"(?<![\w-])(?:(?-i:ДНР|ЛНР)(?![\w-])|(?:донецьк|донецк|луганськ|луганск)\w*\s+народн\w*\s+"
    r"(?:республік|республик)\w*)",
    re.IGNORECASE,
)
_REPUBLIC_WORD = re.compile(r"(?:республик|республік)\w*$")
_PROPER_AFTER = re.compile(r"\s+[А-ЯЁІЇЄҐ]")
_VOWEL_SOFT_SIGN = re.compile("[аеиоуыэюяіїєё]ь$")  # "Донецкаь": no word ends so
# a regional (or district: "Запорожской РГА") office, not the region
_OFFICES = ("ова", "ода", "облрад", "ога", "облсовет", "рга", "рда", "рва")
_TOWN = 1_000  # people: a sentence-initial common word must name a town at least this big
_COUNTRY_LIKE_TOWN = 5_000  # people: the smallest town named like a country taken as a place
_QUOTES = "\"«“„'"
# words for a kind of settlement that open a sentence capitalised ("Город Шебекино ...")
_SETTLEMENT_WORDS = frozenset(
    [
        "город",
        "города",
        "городе",
        "місто",
        "міста",
        "місті",
        "село",
        "села",
        "селе",
        "селі",
        "поселок",
        "поселка",
        "поселке",
        "селище",
        "селища",
        "селищі",
        "деревня",
        "деревни",
        "хутор",
        "хутора",
        "станица",
        "станицы",
    ]
)
# "Донецка и Горловки", "в Луганске.": the endings of a city named like the oblast's
# adjective (Donetsk, Luhansk), which an oblast whose noun is left out never takes
_CITY_ENDINGS = frozenset({"", "а", "е", "у", "ом"})
_ELLIPSIS = re.compile(r"\s*(?:[.,;:)!?»\"]|$|[-–—]|\s(?:и|та|і|й|или|або)\s)")
_ADJ_SUFFIX = re.compile(r"(?P<core>ськ|цьк|зьк|ск|цк)\w{1,3}$")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place named in the text: where it is written and the name the gazetteer knows."""

    start: int
    end: int
    surface: str  # the text as written ("Харкові")
    name: str  # the name looked up ("Харків"; for a region its English name)
    key: str
    # "settlement", "region", "office" (a regional office), "community", or "sector" (a front
    # sector named after its town: "на Куп'янському напрямку")
    kind: str

    @property
    def is_region(self) -> bool:
        """True for an oblast or region."""
        return self.kind in ("region", "office")


class ToponymFinder:
    """Finds the places one language's text names; one per gazetteer and language.

    Examples
    --------
    >>> from geodata import load_embedded_gazetteer
    >>> from tracker.extract.cyrillic.lexicon import lexicon_for
    >>> finder = ToponymFinder(load_embedded_gazetteer(), lexicon_for("uk"))
    >>> [(t.surface, t.name) for t in finder.find("Обстріл у Харкові та на Херсонщині.")]
    [('Харкові', 'Харків'), ('Херсонщині', 'Kherson Oblast')]
    """

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self._gazetteer = gazetteer
        self._lexicon = lexicon
        self._rules = _SUFFIXES[lexicon.language]
        self._analyse = _analyser(lexicon.language)
        self._known_cache: dict[str, str | None] = {}
        self._word_cache: dict[str, tuple[str, str] | None] = {}
        self._towns: dict[str, tuple[str, str] | None] = {}
        self._region_word = _region_word_regex(lexicon)
        self._settlement_before = re.compile(rf"(?:{lexicon.settlement_word})$", re.I)
        self._regions_of: tuple[str, list[Toponym]] | None = None
        self._in_region: dict[tuple[str, str], bool] = {}
        self._places: dict[str, Place | None] = {}
        self._said = re.compile(
            rf"(?<![\w-])(?:{lexicon.claim_verbs}|написал\w*|написав)\s+$", re.I
        )
        self._listed = re.compile(
            rf"(?<![\w-])(?P<adj>[{_UPPER}][{_LOWER}-]*(?:-[{_UPPER}][{_LOWER}-]*)*"
            rf"(?:ськ|цьк|зьк|ск|цк){_ENDING})(?:\s*,\s*|\s+(?:та|і|й|и)\s+)$"
        )
        self._community = re.compile(
            rf"(?<![\w-])(?P<adj>[{_UPPER}][{_LOWER}-]*(?:-[{_UPPER}][{_LOWER}-]*)*"
            rf"(?:ськ|цьк|зьк|ск|цк){_ENDING})\s+"
            rf"(?:(?:міськ|сільськ|селищн|городск|сельск|поселков|муниципальн|муніципальн)\w*\s+)?"
            rf"(?P<unit>{lexicon.community})"
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Toponym]:
        """Every place named in ``text[start:end]``, in order, never overlapping."""
        end = len(text) if end is None else end
        found = self._regions(text, start, end) + self._communities(text, start, end)
        taken = [(t.start, t.end) for t in found]
        found.extend(self._district_nicknames(text, start, end, taken))
        taken = [(t.start, t.end) for t in found]
        for m in _CAPITALISED.finditer(text, start, end):
            found.extend(self._settlements(text, m, taken))
        return sorted(found, key=lambda t: t.start)

    def as_named(self, toponym: Toponym, names: frozenset[str]) -> Toponym:
        """ "в поселке Майский ... В Майском": an inflected name read as the village the
        article names in the nominative (after "поселок", "село" the name keeps its
        nominative), when that is one of its readings; else ``toponym`` unchanged."""
        if toponym.kind != "settlement" or toponym.surface == toponym.name or not names:
            return toponym
        words = toponym.surface.split()
        readings = (
            set(self._nominatives(words[0]))
            if len(words) == 1
            else {
                f"{a} {b}"
                for a in self._nominatives(words[0], adjective=True)[:6]
                for b in self._nominatives(words[1])[:6]
            }
        )
        for name in sorted(names & readings - {toponym.name}):
            key = self._known(name)
            if key is not None:
                return replace(toponym, name=name, key=key)
        return toponym

    def lies_in(self, name: str, region: str) -> bool:
        """True when some place called ``name`` lies in ``region`` (an English admin-1 name)."""
        key = (name, region)
        if key not in self._in_region:
            found = self._gazetteer.search(name, admin1=region, limit=1)
            self._in_region[key] = bool(found) and found[0].place.admin1 == region
        return self._in_region[key]

    def regions(self, text: str) -> set[str]:
        """The regions ``text`` names (oblast adjectives, nicknames, regional offices)."""
        return {t.name for t in self._regions(text, 0, len(text))}

    # -- regions and units -------------------------------------------------

    def _regions(self, text: str, start: int, end: int) -> list[Toponym]:
        """The regions in ``text[start:end]``, from one scan of the whole text (kept for the
        next sentence of the same article)."""
        if self._regions_of is None or self._regions_of[0] is not text:
            self._regions_of = (text, self._scan_regions(text))
        return [t for t in self._regions_of[1] if start <= t.start and t.end <= end]

    def _scan_regions(self, text: str) -> list[Toponym]:
        """Words that begin with an oblast adjective or nickname stem (looked up by their first
        four letters, not one big regular expression tried at every character)."""
        out = []
        by_head = _stems_by_head()
        for m in _CYRILLIC_WORD.finditer(text):
            word = m.group().lower()
            stems = by_head.get(word[:4])
            if not stems:
                continue
            stem = next((s for s in stems if word.startswith(s) and len(word) - len(s) <= 4), None)
            if stem is None:
                continue
            region = _stem_index()[0][stem]
            if stem in _nicknames():
                out.append(Toponym(m.start(), m.end(), m.group(), region, region, "region"))
                continue
            after = self._region_word.match(text, m.end())
            if after is None:
                if (
                    m.group()[0].isupper()
                    and word[len(stem) :] not in _CITY_ENDINGS
                    and _ELLIPSIS.match(text, m.end())
                    and not self._settlement_before.search(text, max(0, m.start() - 25), m.start())
                ):  # "село Запорізьке, ...": a village named like the adjective
                    # "в Запорожской области и один - в Харьковской.": the oblast, its noun
                    # left out, never a village named like the adjective
                    out.append(Toponym(m.start(), m.end(), m.group(), region, region, "region"))
                continue
            word = after.group("word").lower()
            kind = "office" if word.startswith(_OFFICES) else "region"
            out.append(Toponym(m.start(), m.end(), m.group(), region, region, kind))
        for m in _REPUBLICS.finditer(text):  # "Часов Яр (ДНР)": the oblast it was carved from
            region = (
                "Donetsk Oblast"
                if m.group().lower().startswith(("д", "донец"))
                else ("Luhansk Oblast")
            )
            out.append(Toponym(m.start(), m.end(), m.group(), region, region, "region"))
        return sorted(out, key=lambda t: t.start)

    def _communities(self, text: str, start: int, end: int) -> list[Toponym]:
        out = []
        for m in self._community.finditer(text, start, end):
            adj = m.group("adj")
            if _region_of(adj.lower()) is not None and m.group("unit").lower().startswith("област"):
                continue
            # "Шосткинський та Конотопський райони": every adjective of the list is a unit
            spans = [*self._listed_before(text, m.start("adj"), start), m.span("adj")]
            kind = "sector" if _SECTOR.match(m.group("unit")) else "community"
            # "в Валуйском округе": Russia's border regions count in municipal "округа",
            # Ukraine in raions and hromadas, so an okrug is named after a Russian town
            russian = m.group("unit").lower().startswith("округ")
            for a_start, a_end in spans:
                adjective = text[a_start:a_end]
                found = (russian and self._russian_town_of(adjective)) or self._town_of(adjective)
                if found is not None:
                    name, key = found
                    surface = text[a_start:a_end]
                    out.append(Toponym(a_start, a_end, surface, name, key, kind))
        if any(t.kind == "sector" for t in out) or _SECTOR_WORD.search(text, start, end):
            out.extend(self._elliptical_sectors(text, start, end, out))
        elif _RAION_WORD.search(text, start, end):
            out.extend(self._elliptical_units(text, start, end, out))
        return out

    def _district_nicknames(
        self, text: str, start: int, end: int, taken: list[tuple[int, int]]
    ) -> list[Toponym]:
        """ "По Нікопольщині", "на Синельниківщині": a district's nickname, made from its
        town's name as an oblast's is ("Харківщина"), names the district of that town."""
        if "щин" not in text[start:end]:
            return []
        out = []
        for m in _DISTRICT_NICKNAME.finditer(text, start, end):
            if any(s <= m.start() < e for s, e in taken):
                continue
            if _region_of(m.group().lower()) is not None:
                continue  # an oblast's nickname, read as the region
            town = self._town_of(m.group("stem") + "ська")
            if town is not None:
                name, key = town
                out.append(Toponym(m.start(), m.end(), m.group(), name, key, "community"))
        return out

    def _elliptical_units(
        self, text: str, start: int, end: int, found: list[Toponym]
    ) -> list[Toponym]:
        """ "у Куп'янському районі ..., в Ізюмському - пошкоджено автомобіль": the next
        districts of a list, their noun left out, are districts too, not a village Iziumske."""
        taken = {t.start for t in found}
        out = []
        for m in _ELLIPTICAL_SECTOR.finditer(text, start, end):
            if m.start("adj") in taken or _region_of(m.group("adj").lower()) is not None:
                continue
            town = self._town_of(m.group("adj"))
            if town is not None:
                name, key = town
                adj = m.group("adj")
                out.append(Toponym(m.start("adj"), m.end("adj"), adj, name, key, "community"))
        return out

    def _elliptical_sectors(
        self, text: str, start: int, end: int, found: list[Toponym]
    ) -> list[Toponym]:
        """ "на Куп'янському напрямку ..., на Лиманському – 5 атак": the next sectors of a
        list, their noun left out, are sectors too, never villages named like them."""
        taken = {t.start for t in found}
        out = []
        for m in _ELLIPTICAL_SECTOR.finditer(text, start, end):
            if m.start("adj") in taken:
                continue
            town = self._town_of(m.group("adj"))
            if town is not None:
                name, key = town
                out.append(
                    Toponym(m.start("adj"), m.end("adj"), m.group("adj"), name, key, "sector")
                )
        return out

    def _listed_before(self, text: str, at: int, start: int) -> list[tuple[int, int]]:
        """Adjectives listed before the one at ``at`` that shares their unit word."""
        spans: list[tuple[int, int]] = []
        while (m := self._listed.search(text, max(start, at - 60), at)) is not None:
            spans.insert(0, m.span("adj"))
            at = m.start("adj")
        return spans

    def _town_of(self, adjective: str) -> tuple[str, str] | None:
        if adjective not in self._towns:
            self._towns[adjective] = self._first_in_ukraine(_town_names(adjective))
        return self._towns[adjective]

    def _russian_town_of(self, adjective: str) -> tuple[str, str] | None:
        return self._first_known_where(_town_names(adjective), self._in_russian_region)

    def towns_of(self, adjective: str) -> list[tuple[str, str]]:
        """Every town in Ukraine a community adjective can stand for ("Покровська":
        Покровськ, Покровське), most likely first."""
        out = []
        for name in dict.fromkeys(_town_names(adjective)):
            key = self._known(name)
            if key is not None and self._in_ukraine(name):
                out.append((name, key))
        return out

    def _first_in_ukraine(self, names: Iterable[str]) -> tuple[str, str] | None:
        # The first reading the gazetteer knows in Ukraine, whose units these are: a unit is
        # named after its own (often small) town, so no preference for a bigger place
        # ("Семенова" is also an old name of Murmansk, "Семенов" a Russian town).
        return self._first_known_where(names, self._in_ukraine)

    def _first_known_where(
        self, names: Iterable[str], where: Callable[[str], bool]
    ) -> tuple[str, str] | None:
        for name in dict.fromkeys(names):
            key = self._known(name)
            if key is not None and where(name):
                return name, key
        return None

    def _in_russian_region(self, name: str) -> bool:
        place = self.likeliest_place(name)
        return place is not None and _in_russian_region(place)

    def _in_ukraine(self, name: str) -> bool:
        """The place ``name`` means with no context is in Ukraine ("Мар'їнськ" is Mariinsk), or
        in a Russian region this war reaches ("Грайворонский округ"), whose units are named
        after their towns the same way."""
        place = self.likeliest_place(name)
        return place is not None and (place.country == "UA" or _in_russian_region(place))

    def _likeliest(self, known: list[tuple[str, str]]) -> tuple[str, str] | None:
        """The first reading, unless a later one is a town ten times its size.

        "Покровська" is Покровськ (60,000 people) rather than a village Покровське:
        news names the larger place far more often.
        """
        if not known:
            return None
        first = known[0]
        floor = max(10_000, 10 * self._population(first[0]))
        bigger = [nk for nk in known[1:] if self._population(nk[0]) >= floor]
        return bigger[0] if bigger else first

    def _population(self, name: str) -> int:
        """The population of the place ``name`` most likely means (0 when unknown)."""
        place = self.likeliest_place(name)
        if place is None or place.feature_code == "PPLX":
            return 0  # a city's district ("Зарічний") is no bigger town the name could mean
        return place.population

    def likeliest_place(self, name: str) -> Place | None:
        """The place ``name`` means with no context at all (cached across articles)."""
        if name not in self._places:
            res = self._gazetteer.resolve(name)
            self._places[name] = res.place if res is not None else None
        return self._places[name]

    # -- settlements -------------------------------------------------------

    def _settlements(
        self, text: str, m: re.Match[str], taken: list[tuple[int, int]]
    ) -> list[Toponym]:
        """Places in a run of capitalised words: known pairs first, then single words."""
        spans = []
        pos = m.start()
        for word in m.group().split():
            at = text.index(word, pos)
            pos = at + len(word)
            spans.append((at, pos, word, any(s < pos and at < e for s, e in taken)))
        out = []
        i = 0
        while i < len(spans):
            pair = self._known_pair(text, spans[i : i + 2])
            if pair is not None:
                out.append(pair)
                i += 2
                continue
            at, end, word, overlaps = spans[i]
            i += 1
            if overlaps or not self._plausible(text, at, word):
                continue
            if i < len(spans) and not spans[i][3] and self._is_adjective(word):
                continue  # "Новой" of a "Новая Погощь" the gazetteer does not know
            found = self._word(word)
            if found is not None:
                out.append(Toponym(at, end, word, found[0], found[1], "settlement"))
        return out

    def _known_pair(self, text: str, spans: list[tuple[int, int, str, bool]]) -> Toponym | None:
        """Two capitalised words the gazetteer knows together ("Часов Яр", "Новій Каховці"):
        a place whatever either word alone might be; a given name and a surname are not."""
        if len(spans) < 2 or spans[0][3] or spans[1][3]:
            return None
        first, second = spans[0][2], spans[1][2]
        if (
            first.lower() in _SETTLEMENT_WORDS  # "Город Шебекино": the word for a town, capitalised
            or first.lower().startswith(COUNTRY_STEMS)
            or "Name" in (self._analyse(first)[:1] or [("", "")])[0][1]
        ):
            return None
        if not re.fullmatch(r"\s+", text[spans[0][1] : spans[1][0]]):
            return None
        found = self._pair([first, second])
        if found is None:
            return None
        start, end = spans[0][0], spans[1][1]
        return Toponym(start, end, text[start:end], found[0], found[1], "settlement")

    def _after_a_name(self, text: str, at: int) -> bool:
        """Right after a given name: a surname ("Вячеслав Чаус"), whatever village shares it."""
        before = re.search(rf"([{_UPPER}][{_LOWER}]+)\s+$", text[max(0, at - 30) : at])
        if before is None:
            return False
        parses = self._analyse(before.group(1))
        return bool(parses) and "Name" in parses[0][1]

    def _speaker(self, text: str, at: int) -> bool:
        """Right after a verb of saying: "- написал Чаус", "повідомив Федоров"."""
        return self._said.search(text, max(0, at - 30), at) is not None

    def _given_name(self, word: str, parses: list[tuple[str, str]]) -> bool:
        """A given name: tagged so by the morphology (Russian), or the romanised form of
        one of the given names the English reader knows (Ukrainian has no such tag)."""
        if any("Name" in tag for _, tag in parses):
            return True
        forms = {word, *(lemma for lemma, _ in parses[:2])}
        return any(name_key(f) in _GIVEN_KEYS for f in forms)

    def _is_adjective(self, word: str) -> bool:
        parses = self._analyse(word)
        return bool(parses) and "ADJF" in parses[0][1]

    def _plausible(self, text: str, at: int, word: str) -> bool:
        """Not a country, a common word capitalised at a sentence start, nor a person's name."""
        low = word.lower()
        if _REPUBLIC_WORD.match(low) and _PROPER_AFTER.match(text, at + len(word)):
            return False  # "в Республике Крым", "Республіки Адигея": a region's title
        if low.startswith(COUNTRY_STEMS):
            return self._town_named_like_a_country(text, at, word)
        if self._after_a_name(text, at) or self._speaker(text, at):
            return False
        if _EPONYM_BEFORE.search(text, max(0, at - 8), at):
            return False  # "шахты им. Гагарина", "вулиця імені Шевченка": named after a person
        if _SETTLEMENT_ABBREVIATION.search(text, max(0, at - 6), at):
            return True  # "(с. Гресі)", "смт Слобожанське": the text says it is a settlement
        parses = self._analyse(word)
        if self._given_name(word, parses) and _followed_by_a_name(text, at, word):
            # "Володимир Зеленський": a given name before a surname, though Volodymyr is
            # also a town's name now
            return False
        if any("Geox" in tag for _, tag in parses):
            return True
        top = parses[0][1] if parses else ""
        if text[at - 1 : at] in _QUOTES.split() or (at and text[at - 1] in _QUOTES):
            return False  # a quoted name is a unit, an outlet or an operation ("Скеля")
        after = re.match(r"\s+([а-яёіїєґ]+)", text[at + len(word) : at + len(word) + 30])
        if top.startswith("ADJF") and after and _noun_phrase(parses, self._analyse(after.group(1))):
            return False  # an adjective before a common noun: "Ударною хвилею", "Пряма мова"
        person = any(mark in top for mark in ("Name", "Surn", "Patr")) and (
            not any("inan" in tag for _, tag in parses) or _beside_a_name(text, at, word)
        )
        if person or any(top.startswith(pos) for pos in _NOT_A_NAME):
            return False
        if text[at + len(word) : at + len(word) + 1] == ":" and not _PREPOSITION_BEFORE.search(
            text, max(0, at - 6), at
        ):
            return False  # a speaker: "Пряма мова Григорова:", not "у Сєвєродонецьку: ..."
        before = text[max(0, at - 3) : at].strip()
        sentence_start = at == 0 or before == "" or before[-1:] in '.!?"«“„—–:…>)*'
        # A capitalised common word opening a sentence ("Ранок", "Ракета") is a place only
        # when it is a town of some size, not one of the hamlets named after the word.
        return not sentence_start or "NOUN" not in top or self._town_of_note(word)

    def _town_named_like_a_country(self, text: str, at: int, word: str) -> bool:
        """ "в Українську": a town of some size in the war's countries whose name begins
        like a country's (Ukrainsk), after a preposition of place and before no common noun
        ("Українську армію" is the adjective); "Україні", "Росії" stay the countries."""
        if not _PREPOSITION_BEFORE.search(text, max(0, at - 6), at):
            return False
        if re.match(r"\s+[а-яёіїєґ]", text[at + len(word) : at + len(word) + 2]):
            return False
        found = self._word(word)
        place = self.likeliest_place(found[0]) if found is not None else None
        return (
            place is not None
            and place.country in ("UA", "RU", "BY")
            and place.population >= _COUNTRY_LIKE_TOWN
        )

    def _town_of_note(self, word: str) -> bool:
        found = self._word(word)
        forms = {word.lower(), *(n for n, _ in self._analyse(word))}
        if found is None or found[0].lower() not in forms:
            return False  # "Бои" read by a suffix rule as a village "Боя"
        place = self.likeliest_place(found[0])
        return place is not None and (
            place.population >= _TOWN or place.feature_code.startswith("PPLA")
        )

    def _word(self, word: str) -> tuple[str, str] | None:
        if word not in self._word_cache and self._neuter_name(word):
            # "Отрадное", "Зелене": a village's own name, not the town "Отрадный" ten times
            # its size that the adjective's lemma also names
            self._word_cache[word] = (word, self._known(word))  # type: ignore[assignment]
        if word not in self._word_cache:
            known = [
                (n, k) for n in self._nominatives(word)[:8] if (k := self._known(n)) is not None
            ]
            self._word_cache[word] = self._likeliest(known)
        return self._word_cache[word]

    def _neuter_name(self, word: str) -> bool:
        """A neuter adjective in the nominative that the gazetteer knows as written."""
        parses = self._analyse(word)
        return (
            any("ADJF" in tag and "neut" in tag and "nomn" in tag for _, tag in parses)
            and self._known(word) is not None
        )

    def _pair(self, words: list[str]) -> tuple[str, str] | None:
        joined = " ".join(words)
        if joined not in self._word_cache:
            # the pair as written first: "Часов Яр", "Нова Каховка" are written in the nominative
            firsts = [words[0], *self._nominatives(words[0], adjective=True)[:6]]
            seconds = [words[1], *self._nominatives(words[1])[:6]]
            self._word_cache[joined] = self._first_known(
                f"{a} {b}" for a, b in product(firsts, seconds)
            )
        return self._word_cache[joined]

    def _nominatives(self, word: str, *, adjective: bool = False) -> list[str]:
        """The nominatives ``word`` may stand for, most likely first."""
        if "-" in word:
            parts = word.split("-")
            heads = [parts[:-1]] + (
                [[_soften(p) for p in parts[:-1]]] if self._lexicon.language == "uk" else []
            )
            if len(parts) == 2:  # "Середини-Буди": the first word is inflected too
                heads += [[n] for n in self._nominatives(parts[0])[:4]]
            tails = self._nominatives(parts[-1])
            names = ["-".join([*h, t]) for h in heads for t in tails]
            if len(parts) > 2:  # "Ростове-на-Дону": only the first word is inflected
                names += ["-".join([n, *parts[1:]]) for n in self._nominatives(parts[0])[:4]]
            return list(dict.fromkeys(names))
        parses = self._analyse(word)
        geo = [n for n, tag in parses if "Geox" in tag]
        nouns = [
            n
            for n, tag in parses
            if ("NOUN" in tag or (adjective and "ADJF" in tag)) and "anim" not in tag
        ]
        ruled = [
            word[: len(word) - len(end)] + new
            for end, news in self._rules
            if word.endswith(end)
            for new in news
            if len(word) - len(end) + len(new) >= 3
            and not _VOWEL_SOFT_SIGN.search(word[: len(word) - len(end)] + new)
        ]
        others = [n for n, _ in parses]
        # A substantivised adjective in the nominative ("Широкое", "Пологе") is already the
        # name: cutting its ending would find a different place ("Широко").
        as_written = [word] if any("ADJF" in t and "nomn" in t for _, t in parses) else []
        names = [
            *geo,
            *(_cased(word, n) for n in nouns),
            *as_written,
            *ruled,
            word,
            *(_cased(word, n) for n in others),
        ]
        return list(dict.fromkeys(_cased(word, n) for n in names))

    def _first_known(self, names: object) -> tuple[str, str] | None:
        for name in names:  # type: ignore[attr-defined]
            key = self._known(name)
            if key is not None:
                return name, key
        return None

    def _known(self, name: str) -> str | None:
        """The gazetteer key of ``name`` when the whole of it names a place there."""
        if name not in self._known_cache:
            hits = self._gazetteer.find_names(name)
            whole = [h for h in hits if h.start == 0 and h.end == len(name) and not h.is_region]
            self._known_cache[name] = whole[0].key if whole else None
        return self._known_cache[name]


# A Ukrainian village's Russian name, back to its Ukrainian spelling: the endings of the
# adjective ("Отрадное" → "…не"), the first syllables that differ ("От-" → "Від-",
# "Алекс-" → "Олекс-", "Никол-" → "Микол-"), and the "о"/"е" of a closed last syllable
# as "і" ("Звановка" → "Званівка", "Петровское" → "Петрівське").
_RU_UK_HEADS = (("От", "Від"), ("Алекс", "Олекс"), ("Никол", "Микол"))
_RU_UK_ENDINGS = (
    ("ское", "ське"), ("цкое", "цьке"), ("ое", "е"), ("ая", "а"), ("ый", "ий"), ("ие", "і"),
)  # fmt: skip
_CLOSED_O = re.compile(r"(?<=[^аеиоуыэюяіїє])[ое]в(?=(?:к[аи]|ськ[еаий]|ськ|е|)$)")
_CLOSED_E_AFTER_VOWEL = re.compile(r"(?<=[аеиоуыэюяіїє])ев(?=(?:к[аи]|е|)$)")


def ukrainian_spellings(name: str) -> list[str]:
    """The Ukrainian spellings a Russian name of a Ukrainian village may stand for.

    >>> ukrainian_spellings("Отрадное")
    ['Отрадне', 'Відрадне']
    >>> ukrainian_spellings("Петровское")[-1], ukrainian_spellings("Николаевка")[-1]
    ('Петрівське', 'Миколаївка')
    """
    heads = [name]
    heads += [uk + name[len(ru) :] for ru, uk in _RU_UK_HEADS if name.startswith(ru)]
    out = []
    for head in heads:
        for ru, uk in _RU_UK_ENDINGS:
            if head.endswith(ru):
                head = head[: -len(ru)] + uk
                break
        for spelling in (
            head,
            _CLOSED_O.sub("ів", head),
            _CLOSED_E_AFTER_VOWEL.sub("їв", head),
        ):
            if spelling != name and spelling not in out:
                out.append(spelling)
    return out


def _in_russian_region(place: Place) -> bool:
    """In a region of Russia the gazetteer names (one this war reaches), not deep inside it."""
    return place.country == "RU" and place.admin1 is not None


def _beside_a_name(text: str, at: int, word: str) -> bool:
    """Another capitalised word right after, or right before: "Володимир Зеленський"."""
    # "Києві ППО": an abbreviation after is no surname ("Кий" is also a given name)
    after = text[at + len(word) : at + len(word) + 3]
    before = text[max(0, at - 30) : at]
    return bool(
        re.fullmatch(rf"\s[{_UPPER}][{_LOWER}]", after)
        or re.search(rf"[{_UPPER}][{_LOWER}]+\s$", before)
    )


_EPONYM_BEFORE = re.compile(r"(?<![\w-])(?:им\.|ім\.|имени|імені)\s*$", re.I)
# "с.", "смт", "сел.", "пос.", "м.", "г." right before a name: a settlement, never a sentence end
_SETTLEMENT_ABBREVIATION = re.compile(r"(?<![\w-])(?:(?:с|м|г|сел|пос)\.|смт|пгт)\s*$")
_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:у|в|на|під|біля|поблизу|под|около|возле)\s+$", re.I)
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
_GENDERS = ("masc", "femn", "neut")


def _noun_phrase(word: list[tuple[str, str]], after: list[tuple[str, str]]) -> bool:
    """An adjective and the common word after it agree as one phrase ("Ударною хвилею"),
    not "Куп'янську постраждала" (a town, then a verb that can also read as a noun)."""
    if not after or not after[0][1].startswith(("NOUN", "ADJF")):
        return False
    if any(tag.startswith("VERB") for _, tag in after):
        return False
    # case and gender agree: "у Вовчанську обстріл" is a town (a feminine adjective cannot
    # go with a masculine noun), "Ударною хвилею" is a phrase
    forms = [
        (c, next((g for g in _GENDERS if g in tag), None))
        for _, tag in word
        if tag.startswith("ADJF")
        for c in _CASES
        if c in tag
    ]
    return any(c in tag and (g is None or g in tag) for _, tag in after for c, g in forms)


def _followed_by_a_name(text: str, at: int, word: str) -> bool:
    """A capitalised word right after that is no part of a town's name ("Володимир
    Зеленський", not "Володимир-Волинський" or "Володимир Волинський")."""
    m = re.match(rf"\s([{_UPPER}][{_LOWER}]+)", text[at + len(word) : at + len(word) + 40])
    return m is not None and not m.group(1).lower().startswith(("волин", "волын"))


def _soften(part: str) -> str:
    """ "Середино" → "Середина": the first half of a hyphenated name is often inflected too."""
    return part[:-1] + "а" if part.endswith("о") else part


def _cased(model: str, name: str) -> str:
    """``name`` capitalised as ``model`` is ("харків" → "Харків")."""
    if not name:
        return name
    parts = name.split("-")
    return "-".join(p[:1].upper() + p[1:] for p in parts) if model[:1].isupper() else name


def _town_names(adjective: str) -> list[str]:
    """The towns a unit's adjective may be named after, likeliest first."""
    if "-" in adjective:  # "Середино-Будська" → "Середина-Буда"
        head, _, tail = adjective.rpartition("-")
        heads = [head, head[:-1] + "а"] if head.endswith("о") else [head]
        return [f"{h}-{t}" for t in _town_names(tail.capitalize()) for h in heads]
    m = _ADJ_SUFFIX.search(adjective)
    if m is None:
        return []
    stem, core = adjective[: m.start()], m.group("core")
    # "Покровський район" is Покровськ's before it is a village Покров; "Новослобідська"
    # is Нова Слобода's before it is a Новослобідка
    names = [stem + core, *_compound(stem), *(stem + e for e in _TOWN_FROM_STEM)]
    names.append(stem + core + "ий")
    names += [stem + core + "е", stem + core + "ое"]  # "Покровська громада" of Покровське
    if stem.endswith("н"):  # "Городнянська" → "Городня", "Рівненська" → "Рівне"
        names += [stem[:-1], stem[:-2] + "я", stem[:-2] + "е", stem[:-2] + "а"]
    if stem.endswith(("ов", "ів")):  # "Широковская" → "Широкое", "Дружбівська" → "Дружба"
        names += [stem[:-1] + "е", stem[:-2] + "е", stem[:-2] + "а"]
    if stem.endswith("ів"):  # "Синельниківський" → "Синельникове"
        names.append(stem[:-2] + "ове")
    if core == "ськ" and stem and stem[-1] in "аеоиі":  # "Одеський" → "Одеса", "Черкаси"
        names += [stem + "са", stem + "си", stem + "сса"]
    return names


# Adjective prefixes of two-word names, with the forms the first word takes by gender.
_PREFIXES = {
    "ново": ("Нова", "Новий", "Нове", "Нові", "Новая", "Новое", "Новые"),
    "старо": ("Стара", "Старий", "Старе", "Старі", "Старая", "Старое", "Старые"),
    "велико": ("Велика", "Великий", "Велике", "Великі", "Большая", "Большой", "Большое"),
    "мало": ("Мала", "Малий", "Мале", "Малі", "Малая", "Малое", "Малые"),
    "верхньо": ("Верхня", "Верхній", "Верхнє", "Верхні"),
    "нижньо": ("Нижня", "Нижній", "Нижнє", "Нижні"),
}


def _compound(stem: str) -> list[str]:
    """Two-word towns a community adjective may stand for: "Новослобід" → "Нова Слобода",
    "Великописарів" → "Велика Писарівка" (the closed-syllable "і" of Ukrainian back to "о")."""
    low = stem.lower()
    prefix = next((p for p in _PREFIXES if low.startswith(p) and len(low) > len(p) + 2), None)
    if prefix is None:
        return []
    rest = stem[len(prefix) :]
    cores = [rest]
    i = rest.rfind("і")
    if i > 0:
        cores += [rest[:i] + "о" + rest[i + 1 :], rest[:i] + "е" + rest[i + 1 :]]
    tails = [c + e for c in cores for e in ("а", "ка", "е", "и", "", "і")]
    return [f"{first} {tail.capitalize()}" for first in _PREFIXES[prefix] for tail in tails]


@lru_cache(maxsize=2)
def _analyser(language: str) -> Callable[[str], list[tuple[str, str]]]:
    """(normal form, tag) of every analysis of a word, cached: the dictionary is loaded once."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang=language)

    @lru_cache(maxsize=100_000)
    def analyse(word: str) -> list[tuple[str, str]]:
        return [(p.normal_form, str(p.tag)) for p in morph.parse(word)]

    return analyse


@lru_cache(maxsize=1)
def _stem_index() -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    names: dict[str, str] = {}
    adjectives: list[str] = []
    nicknames: list[str] = []
    for region, adjs, nicks in REGIONS:
        for stem in adjs:
            names[stem] = region
            adjectives.append(stem)
        for stem in nicks:
            names[stem] = region
            nicknames.append(stem)
    return names, tuple(adjectives), tuple(nicknames)


@lru_cache(maxsize=1)
def _longest_first() -> tuple[str, ...]:
    return tuple(sorted(_stem_index()[0], key=len, reverse=True))


def _region_of(word: str) -> str | None:
    """The region a lower-case adjective or nickname (any case ending) names, or None."""
    names, _, _ = _stem_index()
    for stem in _longest_first():
        if word.startswith(stem) and len(word) - len(stem) <= 4:
            return names[stem]
    return None


def _region_word_regex(lexicon: Lexicon) -> re.Pattern[str]:
    """What follows an oblast adjective: "область", "ОВА", or more adjectives and then one."""
    _, adjectives, _ = _stem_index()
    adj = "|".join(sorted((re.escape(s) for s in adjectives), key=len, reverse=True))
    listed = rf"(?:\s*(?:,|та|і|й|и|а\s+також)\s*(?:{adj}){_ENDING})*"
    return re.compile(rf"{listed}\s+(?P<word>{lexicon.region_word})", re.IGNORECASE)


@lru_cache(maxsize=1)
def _stems_by_head() -> dict[str, tuple[str, ...]]:
    heads: dict[str, list[str]] = {}
    for stem in _longest_first():
        heads.setdefault(stem[:4], []).append(stem)
    return {h: tuple(v) for h, v in heads.items()}


@lru_cache(maxsize=1)
def _nicknames() -> frozenset[str]:
    return frozenset(_stem_index()[2])
