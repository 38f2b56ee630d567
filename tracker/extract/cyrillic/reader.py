"""Reading one Ukrainian or Russian sentence into mentions, with the English reader's steps.

1. skip sentences about sanctions, anniversaries, forecasts; drop triggers hedged by
   a negation or an intention; weapon nouns ("дрон") stand only beside a verb of
   attack; weak words count only where no strong trigger is left; weapons that were
   shot down are not strikes;
2. group the triggers of one event type in one clause, keep ACLED's highest-ranked
   sub-type (a missile strike during shelling is the missile strike);
3. give each place its role from the words before it: event place, near ("під",
   "в районі"), admin hint (an oblast next to a town), reference point ("за 10 км
   від"), the seat of an office ("голова Харківської ОВА"); weapons' origins
   ("з Бєлгородської області") are not event places;
4. give every event place to its nearest trigger in its clause and resolve it with
   the shared :class:`~tracker.extract.locate.PlaceResolver`; a group with no place
   takes the town "the city"/"село" stands for, named in the sentences before;
5. date each mention by the nearest date expression, else the publication day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from geodata.admin import find_region
from geodata.distance import haversine_km
from geodata.model import GeoPrecision, NameMatch, Resolution
from geodata.names import name_key
from tracker.extract.actors import Claim, claimant_side
from tracker.extract.cyrillic.cues import (
    BETWEEN,
    BETWEEN_GAP,
    CITY_AFTER_WHY,
    DISTRICT_NAMED_AFTER,
    HIS_WORDS,
    PRONOUN_FIRST,
    PUSHED_OUT_OF,
    VILLAGE_NAMED,
    as_debris,
    city_after,
)
from tracker.extract.cyrillic.dates import find_dates
from tracker.extract.cyrillic.facts import SentenceFacts
from tracker.extract.cyrillic.toponyms import Toponym, ToponymFinder, ukrainian_spellings
from tracker.extract.dates import DateReading, default_date, story_day
from tracker.extract.grouping import Dated, goes_on_with_the_past
from tracker.extract.grouping import best_of as _best
from tracker.extract.grouping import clause_index as _clause
from tracker.extract.grouping import group_by_clause as _group
from tracker.extract.grouping import nearest_date as _nearest
from tracker.extract.lexicon.countries_en import THEATRE
from tracker.extract.locate import (
    CITY_POPULATION,
    NEAR_REFERENCE_KM,
    TOWN_OF_NOTE,
    PlaceResolver,
    reference_instead,
    region_instead,
    town_of_note,
)
from tracker.extract.mention import Mention, share_toll
from tracker.extract.parties import choose_parties, held_by
from tracker.extract.places import NEAR_TOWN_WHY, OFFICE, PlaceMention, Role, near_town
from tracker.extract.rule import Rule, Trigger
from tracker.extract.targets import nearest_target
from tracker.extract.text import Sentence, sentence_after, sentence_before
from tracker.model import EventType, SubEventType

_SECTOR = "names a front sector ('the X direction')"
_HINT_GAP = 45  # an oblast this close after a town, in its clause, is the town's admin hint
_LOOK_BACK = 3
_NAME_AFTER = re.compile(r"\s+[«\"“„]?[А-ЯЁЇІЄҐ]")  # "в селе Таврово": a village named
_VAGUE = frozenset({"attack", "damage"})


@dataclass
class CyrillicReader:
    """What every sentence of one article is read against."""

    text: str
    facts: SentenceFacts
    finder: ToponymFinder
    resolver: PlaceResolver
    published: date | None
    today: date
    country: str
    sentences: Sequence[Sentence] = ()
    _places: dict[int, list[PlaceMention]] = field(default_factory=dict)
    _the_town: re.Pattern[str] | None = None
    _elaboration: re.Pattern[str] | None = None
    _source: tuple[Claim | None] | None = None
    _story_day: tuple[DateReading | None] | None = None
    _past_story: int | None = None  # where the last sentence telling of the war's past ended
    _named: frozenset[str] | None = None  # the village names the article writes as such

    @property
    def _near_gap(self) -> re.Pattern[str]:
        """Only a word for "near" between two places ("Удачне під Покровськом")."""
        return _near_gap(self.facts.lexicon.near)

    region: NameMatch | None = None  # the one oblast the whole article names, if only one
    region_named: str = "the only region the article names"  # how the text names it

    def read(self, sentence: Sentence, triggers: Sequence[Trigger]) -> list[Mention]:
        """The mentions one sentence makes (possibly none)."""
        s, e = sentence.start, sentence.end
        if self.facts.skipped(self.text[s:e]):
            return []
        kept = self._standing(sentence, triggers)
        if not kept:
            return []
        lexicon = self.facts.lexicon
        dates = find_dates(self.text[s:e], lexicon, published=self.published, today=self.today)
        if not dates and (self.facts.recap(self.text[s:e]) or self._goes_on_with_recap(sentence)):
            return []  # "Нагадаємо, ..." with no date of its own: an earlier report
        if not dates and goes_on_with_the_past(
            self.text, self._past_story, sentence, self.places(sentence)
        ):
            self._past_story = e
            return []
        dated = [(t, _nearest(dates, t.start - s)) for t in kept]
        if any(d is not None and self._history(d) for _, d in dated):
            self._past_story = e
        dated = [(t, d) for t, d in dated if d is None or not (d.future or self._history(d))]
        return self._mentions(sentence, dated) if dated else []

    def _goes_on_with_recap(self, sentence: Sentence) -> bool:
        """ "Ранее эксперт отметил, что ... По его словам, ...": the words of the one an
        earlier report quoted go on with that report."""
        if not HIS_WORDS.match(self.text, sentence.start, sentence.end):
            return False
        before = sentence_before(self.sentences, sentence)
        return before is not None and self.facts.recap(self.text[before.start : before.end])

    def _history(self, reading: DateReading) -> bool:
        return reading.history and self.published is not None

    # -- triggers ----------------------------------------------------------

    def _standing(self, sentence: Sentence, triggers: Sequence[Trigger]) -> list[Trigger]:
        s, e = sentence.start, sentence.end
        live = [t for t in triggers if self.facts.hedged(self.text, s, t) is None]
        if not self.facts.attack_verb(self.text[s:e]):
            live = [t for t in live if t.rule.name not in self.facts.lexicon.weapon_nouns]
        strong = [t for t in live if not t.rule.weak]
        live = strong or live
        if not self.facts.ground_combat(self.text[s:e]):
            # "під постійними атаками", "атака на інфраструктуру": "attack" alone is fighting
            # only beside troops, positions or assaults; elsewhere another word names the event
            harmed = self.facts.harmed(self.text, s, e)
            live = [
                replace(t, rule=_ATTACK_ON_PLACE) if t.rule.name == "attack" else t
                for t in live
                if t.rule.name != "attack" or harmed
            ]
            if self._air_defence_near(sentence):
                # "В Севастополе отразили атаку ... работает ПВО": an air attack repelled
                live = [_as_shoot_down(t, self.text) for t in live]
        live = [self._hit_by_drones(sentence, t) for t in live]
        live = [as_debris(t, self.text) for t in live]
        downed = [t for t in live if t.sub_event_type is SubEventType.DISRUPTED_WEAPONS_USE]
        if downed:  # the drones and missiles shot down are not strikes
            cuts = self.facts.clause_cuts(self.text, s, e)
            clauses = {_clause(cuts, t.start) for t in downed}
            live = [
                t
                for t in live
                if t.sub_event_type.event_type is not EventType.EXPLOSIONS
                or _clause(cuts, t.start) not in clauses
            ]
        return live

    def _hit_by_drones(self, sentence: Sentence, trigger: Trigger) -> Trigger:
        """ "ППО знищила більшість шахедів. Два влучання зафіксовано у Львові": hits with no
        weapon named, right after the drones are, are the drones' hits."""
        if trigger.sub_event_type is not SubEventType.SHELLING_ARTILLERY_MISSILE:
            return trigger
        if not _BARE_HIT.match(self.text, trigger.start):
            return trigger
        before = sentence_before(self.sentences, sentence)
        start = before.start if before is not None else sentence.start
        if _WEAPON_NAMED.search(self.text, sentence.start, sentence.end) or not _DRONES.search(
            self.text, start, sentence.end
        ):
            return trigger
        return replace(trigger, rule=_DRONE_HIT)

    def _air_defence_near(self, sentence: Sentence) -> bool:
        """Air defence named in the sentence or the next ("силы ПВО сбили ...")."""
        after = sentence_after(self.sentences, sentence)
        end = after.end if after is not None else sentence.end
        return _AIR_DEFENCE.search(self.text, sentence.start, end) is not None

    # -- places ------------------------------------------------------------

    def places(self, sentence: Sentence) -> list[PlaceMention]:
        """The sentence's places, each with its role (cached)."""
        if sentence.start not in self._places:
            named = self._village_names()
            found = [
                self.finder.as_named(t, named)
                for t in self.finder.find(self.text, sentence.start, sentence.end)
            ]
            sides = self.facts.sides(self.text, sentence.start, sentence.end, trigger_start=0)
            # "Сили оборони", "Сил спротиву": a side's name is never a village of that name
            found = [t for t in found if not any(s.start <= t.start < s.end for s in sides)]
            credible = [t for t in found if self._credible(t)]
            self._places[sentence.start] = self._roles(sentence, credible)
        return self._places[sentence.start]

    def _village_names(self) -> frozenset[str]:
        """The names the article writes after "село", "поселок", "с." (in the nominative)."""
        if self._named is None:
            names = set()
            for m in VILLAGE_NAMED.finditer(self.text):
                names.add(m.group("name"))
                if m.group("second"):
                    names.add(f"{m.group('name')} {m.group('second')}")
            self._named = frozenset(names)
        return self._named

    def _credible(self, t: Toponym) -> bool:
        """A name whose likeliest place lies outside Ukraine, Russia and Belarus is a word here
        ("Як", "Два"), not a place (the English reader asks for the country to be named)."""
        if t.is_region:
            return True
        place = self.finder.likeliest_place(t.name)
        if place is not None and place.country == "RU" and place.admin1 is None:
            # deep inside Russia, outside the regions this war reaches ("засідання Ставки"
            # is no hamlet in Kalmykia): only a city is reported from there
            return place.population >= DEEP_RUSSIA_CITY
        return place is None or place.country in THEATRE

    def _roles(self, sentence: Sentence, found: list[Toponym]) -> list[PlaceMention]:
        cuts = self.facts.clause_cuts(self.text, sentence.start, sentence.end)
        out: list[PlaceMention] = []
        for i, t in enumerate(found):
            before = self.text[max(sentence.start, t.start - 40) : t.start]
            match = NameMatch(t.start, t.end, t.name, t.key, t.is_region)
            role, why = self._role(t, before)
            if (
                out
                and out[-1].role is Role.VISIT
                and _LIST_GAP.fullmatch(self.text, found[i - 1].end, t.start)
            ):
                role, why = out[-1].role, out[-1].why  # "до лікарень Куп'янська та Ізюма"
            if role is Role.ADMIN and why == _OF_SETTLEMENT and not _settlement_before(found, i):
                # "в хуторе Масычево Грайворонского округа", the hamlet unknown to the
                # gazetteer: its district is the finest place the text gives
                role, why = Role.NEAR, _UNIT
            hint = None
            if role in (Role.EVENT, Role.NEAR) and not t.is_region:
                hint = _hint_after(found, i, cuts, self.text) or self._region_before(found, i)
            elif (
                role is Role.EVENT
                and t.kind == "region"
                and _beside_town(found, i, cuts, self.text)
            ):
                role, why = Role.ADMIN, "an oblast next to a town in its clause"
            if role is Role.NEAR and _district_of_previous(found, i, cuts, self.text):
                role, why = Role.ADMIN, _DISTRICT_AFTER_WHY
            elif role is Role.NEAR and t.kind == "community" and city_after(found, i, self.text):
                role, why = Role.ADMIN, CITY_AFTER_WHY
            elif role is Role.NEAR and out and self._near_the_one_before(found, i, out[-1]):
                role, why = Role.REFERENCE, f"{NEAR_TOWN_WHY} {out[-1].match.surface!r}"
            elif role.is_event_place and out and self._second_of_between(found, i, out[-1]):
                role, why = Role.REFERENCE, _BETWEEN_WHY
            out.append(PlaceMention(match, role, why, t.is_region, hint))
        # "бій на півночі Шосткинського району ... у районі Середино-Буди": a district beside
        # a settlement of the same sentence is where that settlement lies, not a second place;
        # not one of another clause ("село Х Валуйского округа атаковано, а в селе Зозули":
        # the unknown village's okrug is its event's finest place)
        clauses = {
            _clause(cuts, t.start)
            for t, p in zip(found, out, strict=True)
            if t.kind == "settlement" and p.role.is_event_place
        }
        if clauses:
            out = [
                replace(p, role=Role.ADMIN, why=_BESIDE_TOWN_WHY)
                if self._is_district(t, p) and _clause(cuts, t.start) in clauses
                else p
                for t, p in zip(found, out, strict=True)
            ]
        return out

    def _region_before(self, found: list[Toponym], i: int) -> NameMatch | None:
        """ "В Донецкой народной республике ... освобождены Безымянное и Клиновое": the one
        region a sentence names before its towns is where they lie, when one of each name's
        namesakes does."""
        regions = [t for t in found if t.kind == "region"]
        if not regions or len({r.name for r in regions}) > 1 or regions[0].start > found[i].start:
            return None
        region = regions[0]
        if not self.finder.lies_in(found[i].name, region.name):
            # a village the gazetteer has only elsewhere is looked for there, and coded to
            # the region when missing; a town of note elsewhere keeps its place, unless the
            # sentence lists it with places of the region ("Ростовской области ... в
            # Ростове, Таганроге, Новошахтинске": not Rostov the Great) and it is no capital
            place = self.finder.likeliest_place(found[i].name)
            if place is None or place.feature_code in ("PPLA", "PPLC"):
                return None
            listed = any(
                t is not found[i]
                and t.kind == "settlement"
                and self.finder.lies_in(t.name, region.name)
                for t in found
            )
            if place.population >= TOWN_OF_NOTE and not listed:
                return None
        return NameMatch(region.start, region.end, region.name, region.key, True)

    def _near_the_one_before(self, found: list[Toponym], i: int, before: PlaceMention) -> bool:
        """ "селище Удачне під Покровськом", "Удачное под Покровском": the town says where
        the village is; it is not a second place of the event."""
        prev = found[i - 1]
        if prev.kind != "settlement" or not before.role.is_event_place:
            return False
        gap = self.text[prev.end : found[i].start]
        return self._near_gap.fullmatch(gap) is not None

    def _second_of_between(self, found: list[Toponym], i: int, before: PlaceMention) -> bool:
        """ "в поле между селом Озеряновка и посёлком Михайловка": one place between two
        villages, coded by the first; the second only bounds it."""
        prev = found[i - 1]
        if not before.role.is_event_place:
            return False
        opens = BETWEEN.search(self.text, max(0, prev.start - 30), prev.start)
        return opens is not None and BETWEEN_GAP.fullmatch(self.text, prev.end, found[i].start)

    def _is_district(self, t: Toponym, place: PlaceMention) -> bool:
        return (
            place.role is Role.NEAR
            and t.kind == "community"
            and _DISTRICT.match(self.text, t.end) is not None
        )

    def _role(self, t: Toponym, before: str) -> tuple[Role, str]:
        ends = self.facts.ends_with
        if t.kind == "office" or ends("office", before):
            return Role.SPEAKER, OFFICE
        if ends("reference", before + " "):
            return Role.REFERENCE, "a distance or direction from it"
        if ends("near", before):
            return Role.NEAR, f"near: {before.split()[-1] if before.split() else ''!r}"
        if t.kind == "sector":
            return Role.REFERENCE, _SECTOR
        if t.kind == "community" and ends("settlement", before):
            return Role.ADMIN, _OF_SETTLEMENT
        if t.kind == "community":
            return Role.NEAR, _UNIT
        if ends("origin", before) and not PUSHED_OUT_OF.search(before):
            return Role.VISIT, "where a weapon or force came from"
        if _HOSPITAL_BEFORE.search(before):
            return Role.VISIT, "where the wounded were taken ('до лікарень Краматорська')"
        return Role.EVENT, "named with the event"

    # -- mentions ----------------------------------------------------------

    def _mentions(self, sentence: Sentence, dated: list[Dated]) -> list[Mention]:
        cuts = self.facts.clause_cuts(self.text, sentence.start, sentence.end)
        groups = _group(dated, cuts)
        places = self.places(sentence)
        event_places = [p for p in places if p.role.is_event_place]
        owners = _assign(event_places, [t for t, _ in dated], cuts)
        office = next((p for p in places if p.role is Role.SPEAKER), None)
        mentions = []
        for group in groups:
            triggers = [t for t, _ in group]
            mine = [p for p, o in zip(event_places, owners, strict=True) if o in triggers]
            told = None
            if all(p.is_region or p.why == _UNIT for p in mine):
                told = self._told_next(sentence)
            if told is not None:  # "... в Изюмском районе. Событие произошло около села X."
                note = "place: the next sentence says where it happened"
                mentions.append(self._mention(sentence, group, *told, note=note))
                continue
            sectors = [p for p in places if p.why == _SECTOR]
            for place in mine:
                city = self._city_district(sentence, place)
                if city is not None:
                    note = (
                        f"place: {self.text[place.match.start : place.match.end]!r} district "
                        f"lies in {city[1].place.name}, the city the report is about"
                    )
                    mentions.append(self._mention(sentence, group, *city, note=note))
                    continue
                res = (
                    self._beside_its_town(places, place)
                    or self._in_russian_district(places, place)
                    or self._community_in_raion(places, place)
                    or self._in_sectors(sectors, place)
                    or self._resolve_in_article(place, among=mine)
                )
                mentions.append(self._mention(sentence, group, place, res))
            if mine:
                continue
            found = self._the_town_before(sentence)
            if found is not None:
                place, res = found
                note = "place: 'the town'/'село' read as the town named just before"
                mentions.append(self._mention(sentence, group, place, res, note=note))
            elif office is not None and _office_places(group, office):
                res = self.resolver.resolve(office)
                note = "place: only the seat of an office holder is named; coded there"
                mentions.append(self._mention(sentence, group, office, res, note=note))
            else:
                m = self._mention(sentence, group, None, None)
                thin = all(t.rule.weak for t in triggers)
                mentions.append(replace(m, thin=True) if thin else m)
            if {t.rule.name for t in triggers} <= _VAGUE:
                # "атака", "пошкоджено": how pages talk of an event named better elsewhere
                mentions[-len(mine) or -1 :] = [
                    replace(m, thin=True) for m in mentions[-len(mine) or -1 :]
                ]
        return self._share_fatalities(sentence, mentions)

    def _in_sectors(
        self, sectors: Sequence[PlaceMention], place: PlaceMention
    ) -> Resolution | None:
        """ "На Лиманському та Шахтарському напрямках ... в районі Білогорівки, ... Мар'їнки":
        the first sector named, else the next, that has a namesake of the village in reach."""
        for sector in sectors:
            res = self._in_sector(sector, place)
            if res is not None:
                return res
        return None

    def _in_sector(self, sector: PlaceMention | None, place: PlaceMention) -> Resolution | None:
        """ "На Бахмутському напрямку ... біля Григорівки": of a village's namesakes, the one
        in the front sector the sentence names (within reach of its town), if there is one."""
        if sector is None or place.hint is not None or place.is_region:
            return None
        town = self.resolver.resolve(sector)
        if town is None:
            return None
        point = (town.place.latitude, town.place.longitude)
        res = self.resolver.resolve(place, near=point)
        if res is None or res.place.is_region:
            return None
        km = haversine_km(res.place.latitude, res.place.longitude, *point)
        return res if km <= NEAR_REFERENCE_KM else None

    def _community_in_raion(
        self, places: list[PlaceMention], place: PlaceMention
    ) -> Resolution | None:
        """ "У Покровській громаді Синельниківського району": of the towns a community's
        adjective can stand for, the one near the seat of the district named right after
        it (a district is named after its seat): Pokrovske there, not Pokrovsk."""
        i = places.index(place)
        raion = places[i + 1] if i + 1 < len(places) else None
        if place.why != _UNIT or raion is None or raion.why != _DISTRICT_AFTER_WHY:
            return None
        seat = self.resolver.resolve(replace(raion, role=Role.EVENT, why=_UNIT))
        if seat is None or seat.place.is_region:
            return None
        point = (seat.place.latitude, seat.place.longitude)
        adjective = self.text[place.match.start : place.match.end]
        for name, key in self.finder.towns_of(adjective):
            match = NameMatch(place.match.start, place.match.end, name, key, False)
            res = self.resolver.resolve(replace(place, match=match), near=point)
            if res is None or res.place.is_region:
                continue
            nearest = min(
                [res.place, *(c.place for c in res.alternatives)],
                key=lambda p: haversine_km(p.latitude, p.longitude, *point),
            )
            if haversine_km(nearest.latitude, nearest.longitude, *point) > RAION_REACH_KM:
                continue
            why = f"{res.reason}; the one near the seat of the district named after it"
            return replace(res, place=nearest, reason=why, alternatives=(), ambiguous=False)
        return None

    def _in_russian_district(
        self, places: list[PlaceMention], place: PlaceMention
    ) -> Resolution | None:
        """ "в селе Крупец Рыльского района": a village in a district of Russia's border
        regions, which the gazetteer's raions do not cover, is the namesake near the
        district's seat, or the seat itself (precision 2) when every namesake lies far (a
        Krupets in Khmelnytskyi Oblast is not this one). The district may also come just
        before it: "в Борисовском районе в селе Зозули"."""
        i = places.index(place)
        district = places[i + 1] if i + 1 < len(places) else None
        if district is None or district.why not in (_DISTRICT_AFTER_WHY, _OF_SETTLEMENT):
            district = places[i - 1] if i > 0 else None
            if district is not None and not (
                district.why == _BESIDE_TOWN_WHY
                and 0 <= place.match.start - district.match.end <= _DISTRICT_BEFORE_GAP
            ):
                district = None
        if place.hint is not None or place.why == _UNIT or district is None:
            return None  # (a unit is no settlement: "в Ворошиловском и ... районах")
        seat = self.resolver.resolve(replace(district, role=Role.EVENT, why=_UNIT))
        if seat is None or seat.place.is_region or seat.place.country != "RU":
            return None
        res = self._by_its_town(place, seat, reach=RAION_REACH_KM)
        if res is not None and res.place.country != seat.place.country:
            # a namesake across the border is no village of a Russian district
            why = (
                f"no {place.match.surface} in Russia near {seat.place.name}, the seat of the "
                f"district the text names (the {res.place.name} in {res.place.admin1} lies in "
                f"another country): coded near {seat.place.name}; {seat.reason}"
            )
            return replace(seat, precision=GeoPrecision.NEAR, alternatives=(), reason=why)
        return res

    def _beside_its_town(
        self, places: list[PlaceMention], place: PlaceMention
    ) -> Resolution | None:
        """ "село Новопетрівка під Валуйками": the namesake nearest the town, or the town
        itself when every namesake lies far from it (the village is missing)."""
        i = places.index(place)
        town = places[i + 1] if i + 1 < len(places) else None
        if place.hint is not None or not near_town(town):
            return None
        found = self.resolver.resolve(town)  # type: ignore[arg-type]
        return None if found is None else self._by_its_town(place, found)

    def _by_its_town(
        self, place: PlaceMention, town: Resolution, *, reach: float = NEAR_REFERENCE_KM
    ) -> Resolution | None:
        """The namesake of ``place`` nearest ``town``, or the town itself (precision 2) when
        every namesake lies farther than ``reach``."""
        res = self.resolver.resolve(place, near=(town.place.latitude, town.place.longitude))
        return (
            None if res is None else reference_instead(place.match.surface, res, town, reach=reach)
        )

    def _resolve_in_article(
        self, place: PlaceMention, *, among: Sequence[PlaceMention] = ()
    ) -> Resolution | None:
        """An event place, looked for in the article's only region; a village found only in
        another oblast is most often one the gazetteer lacks, so the region stands in for it
        (a wrong village hundreds of km away is worse than the right oblast). So is a town
        listed with places of that region but lying far from it ("В Муроме, Вознесеновке и
        Борисовке" in a Belgorod report), unless it is a regional or national capital."""
        if self._listed_elsewhere(place, among):
            return self.resolver.resolve(place)
        place = self._in_ukrainian_spelling(place)
        place = self._with_article_region(place)
        res = self.resolver.resolve(place)
        if res is not None and self.region is not None and res.place.admin1 != self.region.surface:
            res = self._community_in_region(place) or res
        if (
            res is None
            or self.region is None
            or place.hint is not None
            or place.is_region
            or res.place.is_region
            or res.place.country not in ("UA", "RU")
            or res.place.admin1 == self.region.surface
        ):
            return res
        if not self._odd_one_out(place, res, among) and (
            res.place.admin1 is None or (not self._village_word_before(place) and town_of_note(res))
        ):
            return res
        region = self.resolver.resolve(PlaceMention(self.region, place.role, place.why, True, None))
        if region is None:
            return res
        return region_instead(place.match.surface, res, region, named=self.region_named)

    def _in_ukrainian_spelling(self, place: PlaceMention) -> PlaceMention:
        """ "Отрадное в Днепропетровской области": a Ukrainian village a Russian text names
        by its Russian name, which the gazetteer knows only in Ukrainian (Відрадне), is
        looked for in its oblast under the Ukrainian spelling. So is one whose Russian name
        leaves several villages of the oblast equally likely ("Антоновка" in a Kherson
        report) when the Ukrainian spelling (Антонівка) settles which."""
        region = place.hint or self.region
        if (
            self.facts.lexicon.language != "ru"
            or region is None
            or place.is_region
            or place.why == _UNIT
            or (found := find_region(region.surface)) is None
            or found.country != "UA"
        ):
            return place
        known = self.finder.lies_in(place.match.surface, region.surface)
        if known:
            res = self.resolver.peek(replace(place, hint=region))
            if res is None or not res.ambiguous:
                return place
        for name in ukrainian_spellings(place.match.surface):
            if not self.finder.lies_in(name, region.surface):
                continue
            match = replace(place.match, surface=name, key=name_key(name))
            spelled = replace(place, match=match)
            if known:
                res = self.resolver.peek(replace(spelled, hint=region))
                if res is None or res.ambiguous:
                    continue
            why = f"{place.why}; in {region.surface} under its Ukrainian spelling {name!r}"
            return replace(spelled, why=why)
        return place

    def _city_district(
        self, sentence: Sentence, place: PlaceMention
    ) -> tuple[PlaceMention, Resolution] | None:
        """ "У Харкові ... удари у Шевченківському, Київському та Салтівському районах": a
        district named like a town outside the oblast of the big city the report is about
        (a raion is always named after a town of its own oblast) is one of that city's
        districts, coded to the city."""
        if not (
            _CITY_UNIT.match(self.text, place.match.end)
            or _DISTRICT_LIST_BEFORE.search(
                self.text, max(sentence.start, place.match.start - 80), place.match.start
            )
        ):
            return None
        res = self.resolver.resolve(place)
        city = self._city_named_near(sentence)
        if city is None or res is None:
            return None
        # a region's adjective ("Київському районі") is its capital's raion: named after a
        # town of the city's own oblast, it is that oblast's raion, not a city district
        oblast = res.place.name if res.place.is_region else res.place.admin1
        # ... and a raion's seat is a town: a hamlet the adjective happens to match in the
        # same oblast ("Куйбышевском" in Donetsk, a former Kuibysheve) names a city district
        seat = (
            res.place.is_region
            or res.place.feature_code in ("PPLA2", "PPLA3")
            or res.place.population >= RAION_SEAT
        )
        return None if seat and oblast == city[1].place.admin1 else city

    def _city_named_near(self, sentence: Sentence) -> tuple[PlaceMention, Resolution] | None:
        """The one big city (a regional centre or the capital) this sentence or the two
        before it name as an event place, if only one."""
        i = next((k for k, s in enumerate(self.sentences) if s.start == sentence.start), None)
        if i is None:
            return None
        found: dict[int, tuple[PlaceMention, Resolution]] = {}
        # this sentence, the two before it, and the lead ("У Харкові лунають вибухи")
        near = {*self.sentences[max(0, i - 2) : i + 1], *self.sentences[:2]}
        for earlier in sorted(near, key=lambda s: s.start):
            for p in self.places(earlier):
                if p.is_region or p.why == _UNIT or not p.role.is_event_place:
                    continue
                res = self.resolver.resolve(p)
                if res is not None and res.place.feature_code in ("PPLA", "PPLC"):
                    found[res.place.geonameid] = (p, res)
        return next(iter(found.values())) if len(found) == 1 else None

    def _odd_one_out(
        self, place: PlaceMention, res: Resolution, among: Sequence[PlaceMention]
    ) -> bool:
        """A town (not a capital) listed beside places of the article's region while lying
        over FAR_FROM_LIST_KM from every one of them: a namesake of a local village."""
        if self.region is None or res.place.feature_code in ("PPLA", "PPLC"):
            return False
        inside = []
        for other in among:
            if other is place or other.is_region:
                continue
            found = self.resolver.resolve(self._with_article_region(other))
            if found is not None and found.place.admin1 == self.region.surface:
                inside.append(found.place)
        return bool(inside) and all(
            haversine_km(p.latitude, p.longitude, res.place.latitude, res.place.longitude)
            > FAR_FROM_LIST_KM
            for p in inside
        )

    def _community_in_region(self, place: PlaceMention) -> Resolution | None:
        """ "Марганецкой и Покровской общинам" in a Dnipropetrovsk report: the community of
        Покровське there, not the town Покровськ in another oblast. Of the towns a community
        adjective can stand for, the one in the article's only region."""
        if place.why != _UNIT or self.region is None:
            return None
        adjective = self.text[place.match.start : place.match.end]
        for name, key in self.finder.towns_of(adjective):
            if name == place.match.surface or not self.finder.lies_in(name, self.region.surface):
                continue
            match = NameMatch(place.match.start, place.match.end, name, key, False)
            found = self.resolver.resolve(replace(place, match=match, hint=self.region))
            if found is not None and found.place.admin1 == self.region.surface:
                return found
        return None

    def _listed_elsewhere(self, place: PlaceMention, among: Sequence[PlaceMention]) -> bool:
        """ "Також під вогнем опинилися Козацьке, Берислав і Новоберислав" in a Donetsk story:
        the towns the sentence names beside it can only be in another oblast (Kherson), so
        the article's region is no hint for it; the town beside it is its context."""
        if self.region is None or place.hint is not None:
            return False
        winners = [
            self.resolver.clear_winner(p)
            for p in among
            if p is not place
            and not p.is_region
            and p.hint is None
            # "село Николаевка Белгородского района": placed by its district, not its namesakes
            and not DISTRICT_NAMED_AFTER.match(self.text, p.match.end)
        ]
        regions = {w.admin1 for w in winners if w is not None}
        return bool(regions) and self.region.surface not in regions

    def _with_article_region(self, place: PlaceMention) -> PlaceMention:
        """A homonym with no region of its own is looked for in the article's only region,
        when one of its candidates lies there (a town elsewhere keeps its own place)."""
        if place.hint is not None or place.is_region or self.region is None:
            return place
        region = self.region.surface
        res = self.resolver.resolve(place)
        if res is None or res.place.admin1 == region:
            return place  # a town already in that region
        if res.place.population >= CITY_POPULATION and not self._village_word_before(place):
            return place  # a city, unless the text calls it a village ("поселку Октябрьский")
        if not self.finder.lies_in(place.match.surface, region):
            return place
        why = f"{place.why}; the article's only region as hint"
        return replace(place, hint=self.region, why=why)

    def _village_word_before(self, place: PlaceMention) -> bool:
        """ "село", "поселку", "с.", "смт" right before the name: a village, whatever city
        elsewhere shares its name."""
        start = place.match.start
        return _VILLAGE_BEFORE.search(self.text, max(0, start - 25), start) is not None

    def _stands_in(self, place: PlaceMention | None, res: Resolution | None) -> bool:
        """A settlement coded to its region for want of it in the gazetteer, which the text
        says is one ("в селе Лозовое", "Отрадное в Днепропетровской области"): not a
        surname or a city's quarter the finder took for a village."""
        return (
            place is not None
            and res is not None
            and res.place.is_region
            and not place.is_region
            and place.why != _UNIT
            and place.role.is_event_place
            and (place.hint is not None or self._village_word_before(place))
        )

    def _undated(self) -> DateReading:
        """The story's day when its lead names a recent one, else the publication day (as
        the English reader dates a sentence without a date)."""
        if self._story_day is None:
            lexicon = self.facts.lexicon

            def find(words: str) -> list[DateReading]:
                return find_dates(words, lexicon, published=self.published, today=self.today)

            found = story_day(self.text, self.sentences, published=self.published, find=find)
            self._story_day = (found,)
        return self._story_day[0] or default_date(published=self.published, today=self.today)

    def _article_claim(self) -> Claim | None:
        """The one source the whole article reports from, for sentences that do not repeat it
        ("Об этом сообщили в Минобороны России" after the news, a quoted statement after it)."""
        if self._source is None:
            found = self.facts.claims(self.text, 0, len(self.text))
            names = {c.who for c in found}
            self._source = (found[0] if len(names) == 1 else None,)
        return self._source[0]

    def _told_next(self, sentence: Sentence) -> tuple[PlaceMention, Resolution] | None:
        """The town named by the next sentence when it only says where the event happened
        ("Подія сталася поблизу села ..."): finer than the district or oblast named here."""
        if self._elaboration is None:
            self._elaboration = re.compile(rf"\s*(?:{self.facts.lexicon.elaboration})", re.I)
        after = sentence_after(self.sentences, sentence)
        if after is None or not self._elaboration.match(self.text, after.start, after.end):
            return None
        for place in self.places(after):
            if place.is_region or place.role not in (Role.EVENT, Role.NEAR):
                continue
            res = self.resolver.resolve(self._with_article_region(place))
            if res is not None and not res.place.is_region:
                return place, res
        return None

    def _the_town_before(self, sentence: Sentence) -> tuple[PlaceMention, Resolution] | None:
        """ "У місті/селі ...": the town named in the three sentences before, if any."""
        if self._the_town is None:
            self._the_town = re.compile(
                r"(?<![\w-])(?:міст[оіа]|сел[оіа]|селищ[еіа]|город[еа]?|сел[оеа]|поселк[еа]"
                r"|населен\w+\s+пункт\w*)(?![\w-])",
                re.I,
            )
        # "в селе Таврово": a village named, if unknown, is not the one named before
        bare = (
            m
            for m in self._the_town.finditer(self.text, sentence.start, sentence.end)
            if not _NAME_AFTER.match(self.text, m.end())
        )
        if next(bare, None) is None and not PRONOUN_FIRST.match(self.text, sentence.start):
            return None
        i = next((k for k, s in enumerate(self.sentences) if s.start == sentence.start), 0)
        for earlier in reversed(self.sentences[max(0, i - _LOOK_BACK) : i]):
            if self.facts.skipped(self.text[earlier.start : earlier.end]):
                continue  # "ЧИТАЙТЕ ТАКОЖ: удар в Дніпрі": another story's town
            for place in reversed(self.places(earlier)):
                if place.is_region or place.role not in (Role.EVENT, Role.NEAR):
                    continue
                res = self.resolver.resolve(place)
                if res is not None and not res.place.is_region:
                    return place, res
        return None

    def _mention(
        self,
        sentence: Sentence,
        group: list[Dated],
        place: PlaceMention | None,
        res: Resolution | None,
        *,
        note: str | None = None,
    ) -> Mention:
        trigger, reading = _best(group)
        reading = reading or self._undated()
        s, e = sentence.start, sentence.end
        claims = self.facts.claims(self.text, s, e)
        claim = min(claims, key=lambda c: abs(c.start - trigger.start)) if claims else None
        claim = claim or self._article_claim()
        targets = self.facts.targets(self.text, s, e)
        target = nearest_target(targets, place.match.start if place else trigger.start)
        country = res.place.country if res else self.country
        parties = choose_parties(
            trigger.sub_event_type,
            self.facts.sides(self.text, s, e, trigger_start=trigger.start),
            claimant=claimant_side(claim.who if claim else None),
            target=target,
            country=country or "UA",
            sentence=self.text[s:e],
            held_by=held_by(res.place.admin1 if res else None),
        )
        alleged = self.facts.alleged(self.text[s:e])
        evidence = [f"trigger: {trigger.rule.name} {self.text[trigger.start : trigger.end]!r}"]
        if len(group) > 1:
            evidence.append(f"type: {len(group)} triggers, highest ACLED rank kept")
        evidence.append(_place_evidence(place, res))
        if note:
            evidence.append(note)
        evidence.append(reading.evidence)
        evidence.extend(parties.notes)
        if claim:
            evidence.append(f"claim: {claim.who}")
        if alleged:
            evidence.append("alleged: the sentence hedges the report")
        conf = (
            trigger.rule.strength * 0.7 + 0.3 * res.score if res else trigger.rule.strength - 0.05
        )
        conf -= 0.15 if alleged else 0.0
        return Mention(
            sub_event_type=parties.sub_event_type,
            sentence=(s, e),
            trigger=(trigger.start, trigger.end),
            date=reading,
            confidence=round(min(0.99, max(0.05, conf)), 2),
            place=res.place if res else None,
            precision=res.precision if res else None,
            ambiguous=bool(res and res.ambiguous),
            location_text=None if res or place is None else place.match.surface,
            stands_in=place.match.surface if self._stands_in(place, res) else None,
            place_span=(place.match.start, place.match.end) if place else None,
            actor1=parties.actor1,
            actor2=parties.actor2,
            target=target.text if target else None,
            claimed_by=claim.who if claim else None,
            alleged=alleged,
            evidence=tuple(evidence),
        )

    def _share_fatalities(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """The sentence's death toll goes to the mention nearest its start; to a town's
        rather than a region's ("вбили жителя Донеччини — в Українську": the victim's
        oblast, the town where it happened)."""
        found = self.facts.fatalities(self.text[sentence.start : sentence.end])
        if found is None:
            return mentions
        towns = [i for i, m in enumerate(mentions) if m.place is not None and not m.place.is_region]
        if not towns or len(towns) == len(mentions):
            return share_toll(mentions, found, at=sentence.start)
        shared = share_toll([mentions[i] for i in towns], found, at=sentence.start)
        out = list(mentions)
        for i, m in zip(towns, shared, strict=True):
            out[i] = m
        return out


_OF_SETTLEMENT = "the community of the settlement named just before"
_AIR_DEFENCE = re.compile(
    r"(?<![\w-])(?:ПВО|ППО|противовоздушн\w*|протиповітрян\w*|РЭБ|РЕБ|воздушн\w+\s+цел\w*"
    r"|повітрян\w+\s+ціл\w*)(?![\w-])",
    re.I,
)
_BARE_HIT = re.compile(r"влучан|прильот|приліт|попадан|прил[её]т", re.I)
_DRONES = re.compile(r"шахед|дрон|БпЛА|БПЛА|безпілот|беспилот|геран", re.I)
_WEAPON_NAMED = re.compile(r"ракет|артилер|снаряд|КАБ|бомб|міномет|миномет|РСЗВ|РСЗО", re.I)
_DRONE_HIT = Rule("hit-after-drones", SubEventType.AIR_DRONE_STRIKE, "", 0.6)
_REPELLED = re.compile(r"отраз|отраж|отбил|відбил|відбива|відбит", re.I)
_REPELLED_BEFORE = re.compile(r"(?:отраж\w*|отразил\w*|відбива\w*|відбил\w*)\s+$", re.I)
_SHOOT_DOWN = Rule("repelled-air-attack", SubEventType.DISRUPTED_WEAPONS_USE, "", 0.6)
# "в результате атаки ВСУ сгорел частный дом": an attack that burned, damaged or killed,
# with no troops and no weapon named, is remote violence on the place, as in English
_ATTACK_ON_PLACE = Rule("attack-on-place", SubEventType.SHELLING_ARTILLERY_MISSILE, "", 0.45)


def _as_shoot_down(trigger: Trigger, text: str) -> Trigger:
    """An attack said to be repelled, beside air defence, is a shoot-down: the clash word
    "отразили атаку", or an air strike's words after it ("отражают атаку БПЛА")."""
    repelled = (trigger.rule.name == "clash" and _REPELLED.match(text, trigger.start)) or (
        trigger.sub_event_type.event_type is EventType.EXPLOSIONS
        and _REPELLED_BEFORE.search(text, max(0, trigger.start - 20), trigger.start)
    )
    return replace(trigger, rule=_SHOOT_DOWN) if repelled else trigger


_DISTRICT_AFTER_WHY = "the district of the place named just before"
_BESIDE_TOWN_WHY = "a district beside a town of the same sentence"
_DISTRICT_BEFORE_GAP = 30  # characters: "районе в селе " between a district and its village
_BETWEEN_WHY = "the second of two places the event lies between"
RAION_REACH_KM = 70  # a community lies this close to the seat of its district
RAION_SEAT = 5_000  # people: the smallest town a raion is named after
# "у Київському районі міста", "Салтівському районах": a district, not a hromada
_CITY_UNIT = re.compile(r"\s+район\w*", re.I)
# "у трьох районах - Шевченківському, Київському та Салтівському": a list of districts
_DISTRICT_LIST_BEFORE = re.compile(
    r"район\w*\s*[-–—:]\s*(?:[А-ЯІЇЄҐЁ][\w'’ʼ-]+(?:\s*,\s*|\s+(?:та|і|й|и)\s+))*$", re.I
)
_LIST_GAP = re.compile(r"\s*,\s*|\s+(?:та|і|й|и)\s+")
_HOSPITAL_BEFORE = re.compile(
    r"(?:лікарн\w*|лікарень|шпитал\w*|госпітал\w*|больниц\w*|госпитал\w*|медзаклад\w*)"
    r"\s+(?:(?:міста|города|м\.|г\.|у|в)\s+)?$",
    re.I,
)
DEEP_RUSSIA_CITY = 50_000  # people: a place deep in Russia smaller than this is a word
FAR_FROM_LIST_KM = 300  # farther than one oblast spans from the places listed with it


def _settlement_before(found: list[Toponym], i: int) -> bool:
    """Whether a known settlement comes right before ``found[i]`` (within a few words)."""
    return i > 0 and found[i - 1].kind == "settlement" and found[i].start - found[i - 1].end < 30


def _assign(places: list[PlaceMention], triggers: list[Trigger], cuts: list[int]) -> list[Trigger]:
    """Each event place goes to its nearest trigger in its own clause, else the nearest."""
    owners = []
    for p in places:
        here = _clause(cuts, p.match.start)
        mine = [t for t in triggers if _clause(cuts, t.start) == here] or triggers
        owners.append(min(mine, key=lambda t: abs(t.start - p.match.start)))
    return owners


def _hint_after(found: list[Toponym], i: int, cuts: list[int], text: str) -> NameMatch | None:
    """The oblast named right after a town (past any towns listed with it), in its clause."""
    town = found[i]
    for later in found[i + 1 :]:
        if later.start - town.end > _HINT_GAP * 3 or _clause(cuts, later.start) != _clause(
            cuts, town.start
        ):
            return None
        if later.kind == "region":
            return NameMatch(later.start, later.end, later.name, later.key, True)
    return None


@lru_cache(maxsize=4)
def _near_gap(near: str) -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:{near})\s*", re.I)


_UNIT = "a community or district named by its town"
_VILLAGE_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:с|пгт|смт|пос|сел|с-ще)\.\s*|(?:сел[оаеуі]|селом|поселк\w*|поселок"
    r"|селищ\w*|деревн\w*|хутор\w*)\s+)$",
    re.I,
)
_DISTRICT = re.compile(r"\s*(?:район|округ)", re.I)
# "Катеринівка і Костянтинівка у Мар'їнській громаді", "у Новоукраїнці Вугледарської
# громади": a hromada right after a settlement is where it lies, like a district
_UNIT_AFTER = re.compile(
    r"\s*(?:район|округ|громад|общин|(?:територіальн|территориальн)\w+\s+(?:громад|общин)|ОТГ)",
    re.I,
)


def _district_of_previous(found: list[Toponym], i: int, cuts: list[int], text: str) -> bool:
    """ "громади в Миколаївському районі", "села Х, Бахмутский район": a district right after
    a town or community in the same clause says where that place is, it is not a second place."""
    t = found[i]
    if i == 0 or t.kind != "community" or not _UNIT_AFTER.match(text, t.end):
        return False
    prev = found[i - 1]
    hromada = not _DISTRICT.match(text, t.end)
    return (
        not prev.is_region
        and (not hromada or prev.kind == "settlement")  # a hromada holds settlements only
        and 0 <= t.start - prev.end <= _HINT_GAP * 3
        and _clause(cuts, prev.start) == _clause(cuts, t.start)
    )


def _beside_town(found: list[Toponym], i: int, cuts: list[int], text: str) -> bool:
    """An oblast named just after (or before) a town in the same clause only says where it is."""
    region = found[i]
    for other in found:
        if other.is_region or _clause(cuts, other.start) != _clause(cuts, region.start):
            continue
        gap = region.start - other.end if other.end <= region.start else other.start - region.end
        if 0 <= gap <= _HINT_GAP * 3:
            return True
    return False


def _office_places(group: list[Dated], office: PlaceMention) -> bool:
    """ "Мера Мелітополя викрали": what happens to office holders or is decided by them is
    coded to the office's town; a regional office ("голова Сумської ОВА") places what it
    reports, save battles, at region precision (as the English reader does)."""
    trigger, _ = _best(group)
    kind = trigger.sub_event_type.event_type
    if kind in (EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.STRATEGIC_DEVELOPMENTS):
        return trigger.sub_event_type is not SubEventType.DISRUPTED_WEAPONS_USE or office.is_region
    return office.is_region and kind is not EventType.BATTLES


def _place_evidence(place: PlaceMention | None, res: Resolution | None) -> str:
    if place is None:
        return "place: none named; kept without a point"
    head = f"place: {place.match.surface!r} ({place.role.value}: {place.why})"
    if place.hint is not None:
        head += f", admin hint {place.hint.surface!r}"
    if res is None:
        return head + "; not found in the gazetteer, kept without a point"
    if place.role is Role.NEAR and res.precision < GeoPrecision.NEAR:
        return f"{head}; {res.reason} (near)"
    return f"{head}; {res.reason}"
