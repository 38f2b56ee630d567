"""Reading one sentence: which triggers stand, which places they took, and when.

The steps, in order, each leaving evidence on the mentions it makes:

1. drop sentences about sanctions, anniversaries or drills, and triggers hedged
   by intention, negation or a condition; weak triggers count only when no
   strong one is left;
2. group the triggers by event type (strategic developments by sub-type) and
   take ACLED's highest-ranked sub-type in each group ("shelling during an air
   strike" is an air strike);
3. give every event place in the sentence to its nearest trigger, resolve it
   (with the admin hint after it and the reference point beside it);
4. a group with no place stays unlocated, or takes the region the sentence
   names ("in the country's east"), or the reference point at "near" precision;
5. date each mention by the nearest date expression, else the publication day.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from geodata.admin import find_region
from geodata.model import GeoPrecision, NameMatch, Place, Resolution
from geodata.protocols import Gazetteer
from tracker.extract.actors import (
    Claim,
    SideMention,
    claimant_side,
    find_claims,
    find_sides,
    is_alleged,
)
from tracker.extract.context import (
    aside_spans,
    clause_reasons,
    ground_combat,
    has_attack_verb,
    is_weapon_noun,
    relative_clause_start,
    sentence_reason,
)
from tracker.extract.dates import DateReading, default_date, find_dates, story_day
from tracker.extract.fatalities import find_fatalities
from tracker.extract.grouping import best_of as _best
from tracker.extract.grouping import clause_index as _clause
from tracker.extract.grouping import goes_on_with_the_past
from tracker.extract.grouping import group_by_clause as _group
from tracker.extract.grouping import nearest_date as _nearest_date
from tracker.extract.hedges import hedge
from tracker.extract.lexicon.people import GIVEN_NAMES
from tracker.extract.lexicon.rules_en import ATTACK_ON_PLACE
from tracker.extract.locate import (
    CITY_POPULATION,
    NEAR_REFERENCE_KM,
    PlaceResolver,
    reference_instead,
    region_instead,
    stated_reach,
    town_of_note,
)
from tracker.extract.mention import Mention, share_toll, with_toll
from tracker.extract.parties import choose_parties, held_by
from tracker.extract.places import (
    OFFICE,
    PlaceMention,
    Role,
    classify_places,
    hromada_adjectives,
    hromada_towns,
    near_town,
)
from tracker.extract.rule import as_debris
from tracker.extract.rules import RULES, Rule, Trigger
from tracker.extract.targets import (
    Target,
    crewed_aircraft_only,
    downed_objects,
    find_targets,
    nearest_target,
)
from tracker.extract.text import Sentence, sentence_after, sentence_before
from tracker.extract.variants import VariantFinder
from tracker.model import EventType, SubEventType, TimePrecision

_PLAIN_ATTACK = next(r for r in RULES if r.name == "attack")
_THE_WEAPON = re.compile(
    r"\b(?:the|that|this|its)\s+(?:missiles?|rockets?|drones?|UAVs?|Shaheds?)\b", re.I
)
_ON_PLACE = next(r for r in RULES if r.name == ATTACK_ON_PLACE)
# "four people were killed as a result of an enemy attack in the Kyiv region": harm done
_HARM = re.compile(
    r"\b(?:killed|killing|dead|died|injured|injuring|wounded|wounding|damaged|destroyed"
    r"|casualties|affected|hit)\b",  # "the attacks affected the X and Y hromadas"
    re.I,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)  # "the assaults on Kharkiv": ones named before
# "the village of X", "X village": whatever X is elsewhere, here it is a village
_VILLAGE_BEFORE = re.compile(r"\b(?:village|hamlet|settlement)\s+of\s+(?:the\s+)?$", re.I)
_VILLAGE_AFTER = re.compile(r"\s+village\b", re.I)

_MAX_NOTES = 1000
_THE_CITY = re.compile(r"\bthe\s+(?:capital|city)\b(?!\s+of\b)", re.I)
_THE_CAPITAL = re.compile(r"\bthe\s+capital\b(?!\s+of\b)", re.I)
_THEATRE_CAPITAL = re.compile(r"\b(?:Kyiv|Kiev|Moscow|Minsk)\b")
# "the town was occupied", "the village's liberation": the town named just before
_THE_PLACE = re.compile(
    r"\bthe\s+(?:town|village|city|settlement|hamlet)(?:['’]s)?\b(?!\s+(?:of|council|hall)\b)",
    re.I,
)
# "attempted to break through the defences in the area at 2:30 p.m. on Nov. 13": the town
# just named, when the sentence tells one day's event (not "attacks grew this month in the area")
_IN_THE_AREA = re.compile(r"\bin\s+the\s+area\b(?!\s+of\b)", re.I)
LOOK_BACK = 3  # sentences searched for the town "the town" stands for
_RECAP_OPENING = re.compile(
    r"\W*(?:As\s+(?:a\s+reminder|(?:was\s+)?(?:previously|earlier)\s+reported|reported\s+"
    r"(?:earlier|previously|before))|Recall(?:\s+that)?|To\s+recap)\b",
    re.I,
)
_RECAP_HEADER = re.compile(r"^[ \t]*(?:Recall|Reminder|As\s+a\s+reminder)[ \t]*:?[ \t]*$", re.M)
# "16:51 JST, September 22, 2024" on a line of its own under a headline: when the page
# was posted, not when anything happened
_TIMESTAMP_LINE = re.compile(
    r"^[ \t]*(?:Updated:?\s+|Published:?\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s+[A-Z]{2,5})?,?\s+(?:\w+,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}[ \t]*$",
    re.M,
)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


_HIT_PASSIVE = re.compile(r"\b(?:was|were|been)\s+(?:also\s+)?(?:hit|targeted)\b", re.I)
_GIVEN_AT_END = re.compile(r"\b([A-Z][a-z'’]+)\s+$")  # "Ihor " before "Terekhov"
_DISTRICT_CENTRE = re.compile(r"(?<=\bthe\s)district\s+cent(?:er|re)\b(?!\s+of\b)", re.I)
_DISTRICT_AFTER = re.compile(r"\s+(?:district|raion)\b", re.I)
LEAD_SENTENCES = 3  # body sentences searched for the lead's place
_VAGUE_REGION = re.compile(
    r"\b(?:the\s+)?(?:country['’]s|Ukraine['’]s)\s+(?P<a>east|south|north|west|north-?east|south-?east|"
    r"north-?west|south-?west)\b|\b(?P<b>eastern|southern|northern|western|north-?eastern|"
    r"south-?eastern|central)\s+Ukraine\b",
    re.I,
)
# "The incident occurred in the town of X", "the attack took place near X"
_INCIDENT = re.compile(
    r"\b(?:the|this|that)\s+(?:incident|attack|strike|explosion|blast|shelling|hit)\s+"
    r"(?:\w+\s+){0,2}?(?:occurred|took\s+place|happened|was\s+recorded)\b",
    re.I,
)
_PASSIVE_GAP = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:were|was|had\s+been|have\s+been|has\s+been|being)\s+(?:\w+ly\s+)?",
    re.I,
)
_LAUNCHED = re.compile(r"\b(?:launched|fired)\s+from\b", re.I)
_DWU_OBJECT_GAP = re.compile(
    r"[;]|\b(?:but|while|hit|struck|landed|exploded|killed|damaged)\b", re.I
)


@dataclass(frozen=True, slots=True)
class _Facts:
    claims: list[Claim]
    sides: list[SideMention]
    targets: list[Target]
    alleged: bool


@dataclass
class ArticleReader:
    """What every sentence of one article is read against."""

    text: str
    gazetteer: Gazetteer
    published: date | None
    today: date
    country: str
    resolver: PlaceResolver
    _cache: dict[tuple[int, int], _Facts] = field(default_factory=dict)
    _place_cache: dict[int, list[PlaceMention]] = field(default_factory=dict)
    sentences: Sequence[Sentence] = ()
    _primed: bool = False
    _reasons: dict[int, str | None] = field(default_factory=dict)
    _triggers: dict[int, Sequence[Trigger]] = field(default_factory=dict)  # by sentence read
    _dateline_read: bool = False
    _dateline_place: PlaceMention | None = None
    _variants: VariantFinder | None = None
    _surnames: dict[str, bool] | None = None  # names the article gives people in full
    _recap_from: int | None = None  # where a "Recall" section at the foot begins
    _past_dates: dict[int, list[int]] = field(default_factory=dict)  # history, by sentence
    _story_day: tuple[DateReading | None] | None = None
    _past_story: int | None = None  # where the last sentence telling of the war's past ended

    def _undated(self) -> DateReading:
        """The date of a sentence that names none: the story's day when its lead names a
        recent one ("killed three civilians on Saturday", published on Sunday), as a coder
        reading the whole story dates it; else the publication day."""
        if self._story_day is None:
            found = story_day(
                self.text, self.sentences, published=self.published, find=self._dates_in
            )
            self._story_day = (found,)
        found = self._story_day[0]
        return found or default_date(published=self.published, today=self.today)

    def _dates_in(self, words: str) -> list[DateReading]:
        """The dates ``words`` names, a page's own time stamp left out."""
        words = _TIMESTAMP_LINE.sub(_blank, words)
        return find_dates(words, published=self.published, today=self.today)

    def read(self, sentence: Sentence, triggers: Sequence[Trigger]) -> list[Mention]:
        """The mentions one sentence makes (possibly none)."""
        s_text = self.text[sentence.start : sentence.end]
        self._triggers[sentence.start] = triggers
        if self._reason(sentence):
            return []  # captions, habits, the war's history, anniversaries, drills
        kept = self._standing(sentence, triggers)
        if not kept or self._the_one_shot_down(sentence, kept):
            return []
        dates = self._dates_in(s_text)
        if not dates and (self._recap(sentence) or self._goes_on_with_the_past(sentence)):
            return []
        dated = [
            (t, _nearest_date(_own_dates(s_text, dates, t, sentence), t.start - sentence.start))
            for t in kept
        ]
        if any(d is not None and self._history(d) for _, d in dated):
            self._past_story = sentence.end
        dated = [(t, d) for t, d in dated if d is None or not (d.future or self._history(d))]
        if not dated:
            return []
        self._past_dates[sentence.start] = [
            sentence.start + d.start for d in dates if self._history(d)
        ]
        places = self._places(sentence)
        return self._mentions(sentence, dated, places)

    def _the_one_shot_down(self, sentence: Sentence, kept: list[Trigger]) -> bool:
        """ "Russia shot down a missile over Sevastopol. He said the missile had detonated in a
        field": the weapon the sentence before shot down, named again with "the", is the
        shoot-down told on, not a strike of its own."""
        if not all(t.sub_event_type.event_type is EventType.EXPLOSIONS for t in kept):
            return False
        if not all(_THE_WEAPON.search(self.text, max(0, t.start - 6), t.end) for t in kept):
            return False
        before = sentence_before(self.sentences, sentence)
        return before is not None and any(
            t.sub_event_type is SubEventType.DISRUPTED_WEAPONS_USE
            for t in self._triggers.get(before.start, ())
        )

    def _reason(self, sentence: Sentence) -> str | None:
        if sentence.start not in self._reasons:
            text = self.text[sentence.start : sentence.end]
            self._reasons[sentence.start] = sentence_reason(text)
        return self._reasons[sentence.start]

    def _recap(self, sentence: Sentence) -> bool:
        """ "As previously reported, ...", or anything under a "Recall" line at the foot of a
        wire story: an earlier report, an event only with a date of its own."""
        if _RECAP_OPENING.match(self.text, sentence.start, sentence.end):
            return True
        if self._recap_from is None:
            found = _RECAP_HEADER.search(self.text)
            self._recap_from = found.end() if found else len(self.text) + 1
        return sentence.start >= self._recap_from

    def _history(self, reading: DateReading) -> bool:
        """Long before publication: history. Without a publication date nobody can tell."""
        return reading.history and self.published is not None

    def _goes_on_with_the_past(self, sentence: Sentence) -> bool:
        """See :func:`tracker.extract.grouping.goes_on_with_the_past`."""
        if goes_on_with_the_past(self.text, self._past_story, sentence, self._places(sentence)):
            self._past_story = sentence.end
            return True
        return False

    # -- triggers ----------------------------------------------------------

    def _standing(self, sentence: Sentence, triggers: Sequence[Trigger]) -> list[Trigger]:
        live = [
            t
            for t in triggers
            if hedge(
                self.text, sentence_start=sentence.start, trigger_start=t.start, trigger_end=t.end
            )
            is None
        ]
        s, e = sentence.start, sentence.end
        reasons = clause_reasons(self.text, s, e, live)
        live = [t for t, why in zip(live, reasons, strict=True) if why is None]
        if not has_attack_verb(self.text, s, e):
            live = [t for t in live if not is_weapon_noun(self.text, t)]
        live = _drop_support_fire(self.text, live)
        strong = [t for t in live if not t.rule.weak]
        live = strong or live
        live = _on_the_ground(self.text, s, e, live)
        live = _harmful_attack(self.text, s, e, live)
        live = _drop_downed_objects(self.text, live)
        live = _drop_launch_platforms(self.text, live)
        live = _debris_and_interceptions(self.text, s, e, live)
        live = _killed_by_a_weapon(self.text, s, e, live)
        return _drop_subsumed(live)

    # -- places ------------------------------------------------------------

    def _prime(self) -> None:
        """A pass over the whole article, made the first time a homonym needs it.

        Its unambiguous places become context for every homonym, and each
        ambiguous name is resolved once with the best context the article ever
        gives it (a stated region, a reference point, a town beside it).
        """
        if self._primed:
            return
        self._primed = True
        self._find_all_places()
        for sentence in self.sentences:
            for place in self._places(sentence):
                self.resolver.anchor(place)
        for sentence in self.sentences:
            places = self._places(sentence)
            # a name the text places in a region is settled there even when, bare, it would
            # be a big city elsewhere ("Novomoskovsk, Dnipropetrovsk region" is not Tula's)
            event_places = [
                p
                for p in places
                if p.role.is_event_place
                and (p.hint is not None or self.resolver.clear_winner(p) is None)
            ]
            if not event_places:
                continue
            reference = next((p for p in places if p.role is Role.REFERENCE), None)
            near = self._reference_point(reference)
            within = self._within(reference)
            for place in event_places:
                if place.hint is not None:
                    self.resolver.settle(place, near=near, rank=3)
                elif near is not None:
                    self.resolver.settle(place, near=near, rank=2, within=within)
                else:
                    neighbour = self._neighbour(event_places, place)
                    if neighbour is not None:
                        self.resolver.settle(place, near=neighbour, rank=1)

    def _open(self, place: PlaceMention) -> bool:
        """A bare name the rest of the article may settle: a homonym, or one whose clear
        winner lies abroad ("Novomoskovsk" is Tula's city unless the text says
        "Novomoskovsk, Dnipropetrovsk region" somewhere)."""
        winner = self.resolver.clear_winner(place)
        return winner is None or winner.country != self.country

    def _places(self, sentence: Sentence) -> list[PlaceMention]:
        cached = self._place_cache.get(sentence.start)
        if cached is not None:
            return cached
        found = self._find_places(sentence)
        self._place_cache[sentence.start] = found
        return found

    def _hromadas(self, sentence: Sentence, found: list[NameMatch]) -> list[NameMatch]:
        """ "shelled the Nikopolska, Marhanetska and Chervonohryhorivska communities": each
        adjective names the community of its town (Nikopol, Marhanets, Chervonohryhorivka)."""
        taken = [(m.start, m.end) for m in found]
        out = []
        for start, end, word in hromada_adjectives(self.text, sentence.start, sentence.end):
            if any(s < end and start < e and (s, e) != (start, end) for s, e in taken):
                continue  # part of a longer name; the same span is the adjective's own
            for name in hromada_towns(word):
                hits = self.gazetteer.find_names(name)
                if hits and hits[0].start == 0 and hits[0].end == len(name):
                    # the span is the adjective; the name looked up is its town's
                    out.append(NameMatch(start, end, name, hits[0].key, False))
                    break
        return out

    def _district_centre(self, sentence: Sentence) -> list[NameMatch]:
        """ "The district centre and the Marhanets community were also hit": a raion bears its
        centre's name, so "the district centre" is the town of the district named last."""
        if self.text.find("istrict cent", sentence.start, sentence.end) < 0:
            return []
        found = _DISTRICT_CENTRE.search(self.text, sentence.start, sentence.end)
        if found is None:
            return []
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_left(starts, sentence.start)
        for earlier in reversed(self.sentences[max(0, i - LOOK_BACK) : i]):
            for place in reversed(self._places(earlier)):
                m = place.match
                if not m.is_region and _DISTRICT_AFTER.match(self.text, m.end):
                    return [NameMatch(found.start(), found.end(), m.surface, m.key, False)]
        return []

    def _find_all_places(self) -> None:
        """Every sentence's places from one scan of the whole text (the first pass reads all)."""
        matches = self.gazetteer.find_names(self.text)
        starts = [s.start for s in self.sentences]
        by_sentence: dict[int, list[NameMatch]] = {}
        for m in matches:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.end <= self.sentences[i].end:
                by_sentence.setdefault(i, []).append(m)
        for i, sentence in enumerate(self.sentences):
            if sentence.start not in self._place_cache:
                self._place_cache[sentence.start] = self._classify(sentence, by_sentence.get(i, []))

    def _find_places(self, sentence: Sentence) -> list[PlaceMention]:
        s_text = self.text[sentence.start : sentence.end]
        matches = [
            NameMatch(
                m.start + sentence.start, m.end + sentence.start, m.surface, m.key, m.is_region
            )
            for m in self.gazetteer.find_names(s_text)
        ]
        return self._classify(sentence, matches)

    def _classify(self, sentence: Sentence, matches: list[NameMatch]) -> list[PlaceMention]:
        towns = self._hromadas(sentence, matches) + self._district_centre(sentence)
        # "the Klimovsky district" is Klimovo's district, not Klimovsk, whose alternate
        # spelling the adjective happens to be: the district word decides.
        spans = {(t.start, t.end) for t in towns}
        matches = [m for m in matches if (m.start, m.end) not in spans]
        matches += towns
        # "the villages of Konstaninopil and Andriivka": spellings only a near miss finds
        if self._variants is None:
            self._variants = VariantFinder(self.text, self.gazetteer)
        matches += self._variants.names(sentence.start, sentence.end, matches)
        matches = sorted(matches, key=lambda m: m.start)
        found = classify_places(
            self.text, matches, sentence_start=sentence.start, sentence_end=sentence.end
        )
        return [self._not_a_surname(p) for p in found]

    def _not_a_surname(self, place: PlaceMention) -> PlaceMention:
        """ "Kharkiv's mayor, Ihor Terekhov, ... 'The enemy hit it again,' Terekhov said": a
        name the article gives someone in full is that person's wherever it comes alone."""
        if place.role is Role.PERSON or place.is_region:
            return place
        surface = place.match.surface
        if self._surnames is None:
            self._surnames = {}
        known = self._surnames.get(surface)
        if known is None:
            known = self._surnames[surface] = self._given_before_somewhere(surface)
        if not known:
            return place
        return replace(place, role=Role.PERSON, why="the surname of a person the article names")

    def _given_before_somewhere(self, surface: str) -> bool:
        """Whether ``surface`` follows a given name anywhere in the article."""
        at = self.text.find(surface)
        while at > 0:
            given = _GIVEN_AT_END.search(self.text, max(0, at - 20), at)
            if given is not None and given.group(1).lower() in GIVEN_NAMES:
                return True
            at = self.text.find(surface, at + len(surface))
        return False

    # -- mentions ----------------------------------------------------------

    def _mentions(
        self,
        sentence: Sentence,
        dated: list[tuple[Trigger, DateReading | None]],
        places: list[PlaceMention],
    ) -> list[Mention]:
        cuts = _clause_cuts(self.text, sentence)
        groups = _group(dated, cuts)
        s_text = self.text[sentence.start : sentence.end]
        past = self._past_dates.get(sentence.start, ())
        asides = aside_spans(self.text, sentence.start, sentence.end, past=past)
        event_places = [
            p
            for p in places
            if p.role.is_event_place
            and self.resolver.credible(p, s_text)
            and not any(a <= p.match.start < b for a, b in asides)
        ]
        if any(p.hint is None and not p.is_region and self._open(p) for p in event_places):
            self._prime()  # a homonym with no region stated: read the whole article first
        event_places = self._the_town_in_region(sentence, event_places)
        owners = _assign(event_places, [t for t, _ in dated], cuts)
        reference = next((p for p in places if p.role is Role.REFERENCE), None)
        office = next((p for p in places if p.why == OFFICE), None)
        near = self._reference_point(reference)
        within = self._within(reference)
        mentions = []
        here: tuple[float, float] | None = None  # the last town placed in this sentence
        for group in groups:
            triggers = [t for t, _ in group]
            start = len(mentions)
            mine = [p for p, owner in zip(event_places, owners, strict=True) if owner in triggers]
            for place in mine:
                beside = near or self._neighbour(event_places, place) or here
                res = self.resolver.resolve(place, near=beside)
                if res is not None and within is not None:
                    res = reference_instead(place.match.surface, res, within[0], reach=within[1])
                if near is None:  # a town beside it in a list does not outweigh the region
                    place, res = self._in_named_region(sentence, place, res)
                if res is not None and not res.place.is_region:
                    here = (res.place.latitude, res.place.longitude)
                mentions.append(self._mention(sentence, group, place=place, resolution=res))
            if not mine and office is not None and _office_locates(group, office):
                res = self.resolver.resolve(office)
                note = "place: only the seat of an office holder is named; coded there"
                mentions.append(
                    self._mention(sentence, group, place=office, resolution=res, note=note)
                )
            elif not mine:
                m = self._unlocated(sentence, group, reference, near)
                # A weak word alone ("damaged housing", "explosions") with no place is too
                # thin to report on its own; it can still add to an event named before it.
                thin = not m.located and all(t.rule.weak for t in triggers)
                mentions.append(replace(m, thin=True) if thin else m)
            if self._too_vague(sentence, triggers):
                mentions[start:] = [replace(m, thin=True) for m in mentions[start:]]
        return self._toll_after(sentence, _share_fatalities(self.text, sentence, mentions))

    def _toll_after(self, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
        """ "... shelled X with artillery. One civilian was killed.": a death toll in the next
        sentence, which names no place of its own, belongs to this sentence's event."""
        if not mentions or any(m.fatalities for m in mentions) or not mentions[0].located:
            return mentions
        after = sentence_after(self.sentences, sentence)
        if after is None:
            return mentions
        found = find_fatalities(self.text[after.start : after.end])
        if found is None or any(p.role.is_event_place for p in self._places(after)):
            return mentions
        return [with_toll(mentions[0], found, note=" (the next sentence)"), *mentions[1:]]

    def _in_named_region(
        self, sentence: Sentence, place: PlaceMention, res: Resolution | None
    ) -> tuple[PlaceMention, Resolution | None]:
        """A village resolved outside the one region its sentence (else its article) names.

        "Belgorod region Governor Gladkov said a drone hit a truck in X village": X is in
        Belgorod Oblast. A namesake there is taken; with none, the gazetteer lacks the
        village, and the region stands in for it (a village 500 km away is a wrong story).
        Towns of 10,000 people or more and admin centres keep their place.
        """
        if (
            res is None
            or place.hint is not None
            or place.is_region
            or res.place.is_region
            or res.place.country not in ("UA", "RU")
            # a spit, an island, a dam: a landmark known by one name, not a village that
            # the gazetteer may lack in the region; "the Chonhar bridge to Crimea" likewise
            or res.place.feature_class != "P"
            or place.facility is not None
        ):
            return place, res
        village = _VILLAGE_BEFORE.search(
            self.text, max(sentence.start, place.match.start - 30), place.match.start
        ) or _VILLAGE_AFTER.match(self.text, place.match.end)
        if not village and (
            res.place.population >= CITY_POPULATION
            or res.place.feature_code in ("PPLA", "PPLC")  # an oblast's capital, the capital
        ):
            return place, res
        region = self._one_region(sentence)
        if region is None:
            return place, res
        area = self.resolver.resolve(region)
        if area is None or res.place.admin1 in (None, area.place.admin1):
            return place, res
        if self._namesake_in(place.match.surface, area.place.admin1):
            hinted = replace(place, hint=region.match, why=f"{place.why}; in {area.place.name}")
            there = self.resolver.resolve(hinted)
            if there is not None and there.place.admin1 == area.place.admin1:
                return hinted, there  # a namesake in the region the text names
        if town_of_note(res) and not village:
            return place, res
        return place, region_instead(
            place.match.surface, res, area, named="the region the text names"
        )

    def _namesake_in(self, name: str, admin1: str) -> bool:
        """A settlement of exactly this name in ``admin1`` (asked of the exact spellings only:
        a looser search inside the region would be slow and find airports of a like name)."""
        found = self.gazetteer.search(name, admin1=admin1, limit=1)
        return bool(found) and (
            found[0].place.admin1 == admin1
            and found[0].place.feature_class == "P"
            and not any(r.startswith("near-miss") for r in found[0].reasons)
        )

    def _one_region(self, sentence: Sentence) -> PlaceMention | None:
        """The one oblast the sentence names, else the one the sentence before it names
        ("... in Russia's Kursk Region. A drone hit a house in the village of X"), else the
        one the article names."""
        here = self._by_oblast(p for p in self._places(sentence) if p.is_region)
        if len(here) == 1:
            return next(iter(here.values()))
        if here:
            return None
        before = sentence_before(self.sentences, sentence)
        if before is not None and "\n\n" not in self.text[before.end : sentence.start]:
            there = self._by_oblast(p for p in self._places(before) if p.is_region)
            if len(there) == 1:
                return next(iter(there.values()))
        # the sentences read so far (every sentence, once the article has been primed): a
        # scan of the whole text for this alone would cost more than the rule saves
        named = self._by_oblast(
            p for places in self._place_cache.values() for p in places if p.is_region
        )
        return next(iter(named.values())) if len(named) == 1 else None

    def _by_oblast(self, regions: Iterable[PlaceMention]) -> dict[str, PlaceMention]:
        """Region mentions by the oblast they name ("the Kherson region", "Kherson Oblast")."""
        out: dict[str, PlaceMention] = {}
        for p in regions:
            res = self.resolver.resolve(p)
            if res is not None and res.place.admin1:
                out.setdefault(res.place.admin1, p)
        return out

    def _too_vague(self, sentence: Sentence, triggers: list[Trigger]) -> bool:
        """Only vague words ("attack", "damage", "killed people"): no event of their own.

        "The attack", "damaged buildings" and "killed three people" are how real pages
        talk about an event they name better elsewhere; alone they make no event,
        unless "attack" is about fighting on the ground (troops, positions, assaults).
        """
        names = {t.rule.name for t in triggers}
        if names <= {"attack"}:
            return not ground_combat(self.text, sentence.start, sentence.end)
        return names <= {"attack", "damage"}

    def _neighbour(
        self, places: list[PlaceMention], place: PlaceMention
    ) -> tuple[float, float] | None:
        """An unambiguous town named in the same sentence: homonyms are chosen near it
        ("Krasnohorivka was hit, while Katerynivka was shelled": the Katerynivka
        next to Krasnohorivka, not one of the 42 others)."""
        for other in places:
            if other is not place and other.match.surface != place.match.surface:
                found = self.resolver.clear_winner(other) or self.resolver.clear_in_its_region(
                    other
                )
                if found is not None:
                    return (found.latitude, found.longitude)
        return None

    def _facts(self, sentence: Sentence, trigger: Trigger) -> _Facts:
        """Claims, sides, targets of a sentence, read once per trigger group."""
        key = (sentence.start, trigger.start)
        if key not in self._cache:
            s, e = sentence.start, sentence.end
            shared = self._cache.get((s, -1))
            if shared is None:  # claims, targets, hedges: the same for every trigger
                shared = _Facts(
                    claims=find_claims(self.text, s, e),
                    sides=[],
                    targets=find_targets(self.text, s, e),
                    alleged=is_alleged(self.text[s:e]),
                )
                self._cache[(s, -1)] = shared
            sides = find_sides(self.text, s, e, trigger_start=trigger.start)
            # built directly: dataclasses.replace costs several times more per call
            self._cache[key] = _Facts(shared.claims, sides, shared.targets, shared.alleged)
        return self._cache[key]

    def _reach(self, reference: PlaceMention | None) -> float | None:
        """How far from ``reference`` the event place may lie: the town a village is said
        to be near, or a distance and direction the text states; None for other references
        (the towns a village "lies between")."""
        if reference is None:
            return None
        if near_town(reference):
            return NEAR_REFERENCE_KM
        if reference.why in ("distance from it", "direction from it"):
            start = reference.match.start
            return stated_reach(self.text[max(0, start - 60) : start])
        return None

    def _within(self, reference: PlaceMention | None) -> tuple[Resolution, float] | None:
        """The reference town and how far from it the event place may lie, if the text says."""
        reach = self._reach(reference)
        town = self.resolver.resolve(reference) if reach is not None else None  # type: ignore[arg-type]
        return (town, reach) if town is not None and reach is not None else None

    def _reference_point(self, reference: PlaceMention | None) -> tuple[float, float] | None:
        if reference is None:
            return None
        res = self.resolver.resolve(reference)
        return (res.place.latitude, res.place.longitude) if res else None

    def _unlocated(
        self,
        sentence: Sentence,
        group: list[tuple[Trigger, DateReading | None]],
        reference: PlaceMention | None,
        near: tuple[float, float] | None,
    ) -> Mention:
        if reference is not None and near is not None:
            res = self.resolver.resolve(reference)
            if res is not None:
                res = replace(res, precision=GeoPrecision.NEAR, alternatives=())
                return self._mention(
                    sentence,
                    group,
                    place=reference,
                    resolution=res,
                    note="place: only a reference point is named; coded near it",
                )
        # "During a protest in the city": a town named just before is the city meant; only
        # without one is it the dateline's ("KYIV (AP) - Drones hit the city overnight")
        the_place = _THE_PLACE.search(self.text, sentence.start, sentence.end)
        if the_place is None and any(
            r is not None and r.explicit and r.precision is TimePrecision.DAY for _, r in group
        ):
            the_place = _IN_THE_AREA.search(self.text, sentence.start, sentence.end)
        if the_place:
            # "the administration of Enerhodar reported shelling of the city": its own town
            office = next(
                (
                    p
                    for p in self._places(sentence)
                    if p.why == OFFICE and not p.is_region and p.match.end <= the_place.start()
                ),
                None,
            )
            res = self.resolver.resolve(office) if office is not None else None
            if office is not None and res is not None and not res.place.is_region:
                note = f"place: 'the city' read as {office.match.surface!r}, whose office reports"
                return self._mention(sentence, group, place=office, resolution=res, note=note)
            found = self._named_before(sentence)
            if found is not None:
                place, res = found
                note = (
                    f"place: 'the town'/'the village' read as {place.match.surface!r}, "
                    "named just before"
                )
                return self._mention(sentence, group, place=place, resolution=res, note=note)
        dateline = self._dateline()
        if dateline is not None and _THE_CITY.search(self.text, sentence.start, sentence.end):
            res = self.resolver.resolve(dateline)
            if res is not None:
                note = "place: 'the city'/'the capital' read as the article's dateline city"
                return self._mention(sentence, group, place=dateline, resolution=res, note=note)
        capital = (
            self._capital_of_the_story()
            if _THE_CAPITAL.search(self.text, sentence.start, sentence.end)
            else None
        )
        if capital is not None:
            res = self.resolver.resolve(capital)
            if res is not None:
                note = (
                    f"place: 'the capital' read as {capital.match.surface}, the one the story names"
                )
                return self._mention(sentence, group, place=capital, resolution=res, note=note)
        vague = _VAGUE_REGION.search(self.text, sentence.start, sentence.end)
        text = None
        if vague and self.country == "UA":
            direction = (vague.group("a") or vague.group("b")).lower()
            text = f"{direction if direction.endswith('ern') else direction + 'ern'} Ukraine"
        return self._mention(sentence, group, place=None, resolution=None, vague=text)

    def _the_town_in_region(
        self, sentence: Sentence, event_places: list[PlaceMention]
    ) -> list[PlaceMention]:
        """ "The village's liberation marks a breakthrough in the Zaporizhzhia region": the
        village named just before, when it lies in that region, is the finer place."""
        if not event_places or not all(p.is_region for p in event_places):
            return event_places
        if not _THE_PLACE.search(self.text, sentence.start, sentence.end):
            return event_places
        found = self._named_before(sentence)
        if found is None:
            return event_places
        town, res = found
        for region in event_places:
            inside = find_region(region.match.surface)
            if inside is not None and res.place.admin1_code in inside.codes:
                why = f"'the town'/'the village', named just before, in {region.match.surface!r}"
                return [PlaceMention(town.match, Role.EVENT, why, False, town.hint, town.facility)]
        return event_places

    def _named_before(self, sentence: Sentence) -> tuple[PlaceMention, Resolution] | None:
        """The last town named in the three sentences before this one, for "the town"."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_left(starts, sentence.start)
        for earlier in reversed(self.sentences[max(0, i - LOOK_BACK) : i]):
            for place in reversed(self._places(earlier)):
                if place.is_region or place.role not in (Role.EVENT, Role.NEAR, Role.REFERENCE):
                    continue
                res = self.resolver.resolve(place)
                if res is not None and not res.place.is_region:
                    return place, replace(res, alternatives=())
        return None

    def incident_places(self, mentions: list[Mention]) -> list[Mention]:
        """ "A drone hit an administrative building. The incident occurred in the town of
        Trubchevsk": the second sentence places (and dates) the event of the first.

        Only mentions of the sentence just before, with no place or only the region the
        town lies in, take the town; a date they lack comes with it.
        """
        out = list(mentions)
        for sentence in self.sentences:
            back = _INCIDENT.search(self.text, sentence.start, sentence.end)
            if back is None:
                continue
            found = self._incident_town(sentence, back.start())
            earlier = [i for i, m in enumerate(out) if m.sentence[1] <= sentence.start]
            if found is None or not earlier:
                continue
            place, res = found
            last = out[earlier[-1]].sentence
            note = f"place: {place.match.surface!r}, where the next sentence says it occurred"
            dates = find_dates(
                self.text[sentence.start : sentence.end], published=self.published, today=self.today
            )
            day = next((d for d in dates if d.explicit and not d.future), None)
            for i in earlier:
                m = out[i]
                if m.sentence != last or not _vaguer_than(m, res.place):
                    continue
                when = day if day is not None and not m.date.explicit else m.date
                out[i] = replace(
                    m,
                    place=res.place,
                    precision=res.precision,
                    location_text=None,
                    date=when,
                    evidence=(*m.evidence, note),
                )
        return out

    def _incident_town(
        self, sentence: Sentence, after: int
    ) -> tuple[PlaceMention, Resolution] | None:
        towns: dict[int, tuple[PlaceMention, Resolution]] = {}
        for place in self._places(sentence):
            if place.match.start < after or place.match.is_region or not place.role.is_event_place:
                continue
            res = self.resolver.resolve(place)
            if res is not None and not res.place.is_region:
                towns[res.place.geonameid] = (place, res)
        return next(iter(towns.values())) if len(towns) == 1 else None

    def lead_place(self, heads: set[int]) -> Resolution | None:
        """The one town the story's lead places it in, or None.

        Reporters set the scene in the first sentence of the body ("The Klimovsky
        district of the Bryansk region was breached by ..."); later sentences say only
        "saboteurs fired at a car". The lead is the first of the first three body
        sentences that names a place; it counts only when it names exactly one town.
        """
        body = [s for s in self.sentences if s.start not in heads][:LEAD_SENTENCES]
        for sentence in body:
            if self._reason(sentence):
                continue  # a caption or credit line before the story
            places = self._places(sentence)
            if not places:
                continue
            s_text = self.text[sentence.start : sentence.end]
            towns = {}
            for place in places:
                if place.match.is_region or not place.role.is_event_place:
                    continue  # a district's seat stands for it ("the Klimovsky district")
                if not self.resolver.credible(place, s_text):
                    continue
                res = self.resolver.resolve(place)
                if res is not None and not res.place.is_region:
                    towns[res.place.geonameid] = res
            return next(iter(towns.values())) if len(towns) == 1 else None
        return None

    def _capital_of_the_story(self) -> PlaceMention | None:
        """ "Kyiv's forces repelled a drone attack on the capital": the one capital of the war
        the story names (none when it names two, Kyiv and Moscow)."""
        found = {m.group().replace("Kiev", "Kyiv"): m for m in _THEATRE_CAPITAL.finditer(self.text)}
        if len(found) != 1:
            return None
        [m] = found.values()
        names = self.gazetteer.find_names(m.group())
        if not names:
            return None
        match = NameMatch(m.start(), m.end(), m.group(), names[0].key, names[0].is_region)
        return PlaceMention(match, Role.EVENT, "the capital the story names")

    def _dateline(self) -> PlaceMention | None:
        """The city a dateline names ("KYIV, April 12 (Reuters) -"), found once."""
        if not self._dateline_read:
            self._dateline_read = True
            head = self.text[:80]
            mentions = classify_places(
                self.text, self.gazetteer.find_names(head), sentence_start=0, sentence_end=80
            )
            found = [m for m in mentions if m.role is Role.DATELINE]
            self._dateline_place = found[0] if found else None
        return self._dateline_place

    def _mention(
        self,
        sentence: Sentence,
        group: list[tuple[Trigger, DateReading | None]],
        *,
        place: PlaceMention | None,
        resolution: Resolution | None,
        vague: str | None = None,
        note: str | None = None,
    ) -> Mention:
        trigger, reading = _best(group)
        anchor = place.match.start if place else trigger.start
        reading = reading or self._undated()
        s, e = sentence.start, sentence.end
        facts = self._facts(sentence, trigger)
        claims = facts.claims
        claim = min(claims, key=lambda c: abs(c.start - trigger.start)) if claims else None
        sides = facts.sides
        target = nearest_target(facts.targets, anchor)
        country = resolution.place.country if resolution else self.country
        parties = choose_parties(
            trigger.sub_event_type,
            sides,
            claimant=claimant_side(claim.who if claim else None),
            target=target,
            country=country or "UA",
            sentence=self.text[s:e],
            held_by=held_by(resolution.place.admin1 if resolution else None),
        )
        sub = parties.sub_event_type
        target_text = target.text if target else None
        notes = parties.notes
        if sub is SubEventType.DISRUPTED_WEAPONS_USE:
            target_text = downed_objects(self.text, s, e) or target_text
            if crewed_aircraft_only(self.text, s, e):
                sub = SubEventType.SHELLING_ARTILLERY_MISSILE
                notes = (*notes, "type: a crewed aircraft shot down is coded as shelling (ACLED)")
        alleged = facts.alleged
        evidence = _evidence(
            self.text, trigger, len(group), place, resolution, vague, note, reading,
            notes, claim.who if claim else None, alleged,
        )  # fmt: skip
        return Mention(
            sub_event_type=sub,
            sentence=(s, e),
            trigger=(trigger.start, trigger.end),
            date=reading,
            confidence=_confidence(
                trigger,
                resolution,
                alleged=alleged,
                dated=reading.explicit,
                published=self.published is not None,
            ),
            place=resolution.place if resolution else None,
            precision=resolution.precision if resolution else None,
            ambiguous=bool(resolution and resolution.ambiguous),
            location_text=vague or (place.match.surface if place and not resolution else None),
            place_span=(place.match.start, place.match.end) if place else None,
            actor1=parties.actor1,
            actor2=parties.actor2,
            target=target_text,
            claimed_by=claim.who if claim else None,
            alleged=alleged,
            evidence=evidence,
            weapon_unnamed=trigger.rule.name == ATTACK_ON_PLACE,
            bare_attack=(trigger.rule.name == "attack" and sub is SubEventType.ARMED_CLASH)
            or (trigger.rule.name == "killing" and sub is SubEventType.ATTACK),
            refers_back=trigger.rule.sub_event_type is SubEventType.ARMED_CLASH
            and _THE_BEFORE.search(self.text, max(s, trigger.start - 5), trigger.start) is not None,
        )


def _evidence(
    text: str,
    trigger: Trigger,
    n_triggers: int,
    place: PlaceMention | None,
    resolution: Resolution | None,
    vague: str | None,
    note: str | None,
    reading: DateReading,
    party_notes: tuple[str, ...],
    claimant: str | None,
    alleged: bool,
) -> tuple[str, ...]:
    """The evidence lines of a mention, in the order a reader checks them."""
    lines = [f"trigger: {trigger.rule.name} {text[trigger.start : trigger.end]!r}"]
    if n_triggers > 1:
        lines.append(f"type: {n_triggers} triggers, highest ACLED rank kept")
    lines.append(_place_evidence(place, resolution, vague))
    if note:
        lines.append(note)
    lines.append(reading.evidence)
    lines.extend(party_notes)
    if claimant:
        lines.append(f"claim: {claimant}")
    if alleged:
        lines.append("alleged: the sentence hedges the report")
    return tuple(lines)


def notes_for(text: str, span: tuple[int, int]) -> str:
    """The sentence as notes: whitespace collapsed, long sentences cut."""
    notes = " ".join(text[span[0] : span[1]].split())
    return notes if len(notes) <= _MAX_NOTES else notes[: _MAX_NOTES - 1] + "…"


def _on_the_ground(text: str, start: int, end: int, triggers: list[Trigger]) -> list[Trigger]:
    """ "Russian troops attacked the village": among troops and assaults an attack on a
    place is fighting on the ground, the plain "attack", not remote violence."""
    if not any(t.rule.name == ATTACK_ON_PLACE for t in triggers) or not ground_combat(
        text, start, end
    ):
        return triggers
    if any(_HIT_PASSIVE.search(text, t.start, t.end) for t in triggers):
        # "troops attacked Kharkiv, a high-rise building was hit": a strike, told twice
        return [t for t in triggers if t.rule is not _PLAIN_ATTACK and t.rule.name != "attack"]
    return [
        replace(t, rule=_PLAIN_ATTACK) if t.rule.name == ATTACK_ON_PLACE else t for t in triggers
    ]


def _harmful_attack(text: str, start: int, end: int, triggers: list[Trigger]) -> list[Trigger]:
    """ "Four people were killed as a result of an enemy attack in the Kyiv region": with no
    troops or assaults in the sentence and people killed or buildings damaged, the plain
    "attack" is remote violence on the place, as an attack on a named place is."""
    if not any(t.rule is _PLAIN_ATTACK for t in triggers):
        return triggers
    if ground_combat(text, start, end) or not _HARM.search(text, start, end):
        return triggers
    return [replace(t, rule=_ON_PLACE) if t.rule is _PLAIN_ATTACK else t for t in triggers]


def _drop_downed_objects(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """Drop weapons that were shot down: "shot down four drones", "missiles were intercepted"."""
    shooters = [t for t in triggers if t.sub_event_type is SubEventType.DISRUPTED_WEAPONS_USE]
    if not shooters:
        return triggers
    return [
        t
        for t in triggers
        if t.sub_event_type.event_type is not EventType.EXPLOSIONS
        or not any(_downed_by(text, t, d) for d in shooters)
    ]


_SUPPORT_BEFORE = re.compile(
    r"(?:support(?:ed)?\s+(?:of|by|from)|backed\s+(?:up\s+)?by|covered\s+by|cover\s+of)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _drop_support_fire(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """ "Troops, supported by aviation and artillery, attacked positions near X": the fire
    that backs an assault is part of the battle, not a shelling of its own."""
    ground = [t for t in triggers if t.sub_event_type.event_type is not EventType.EXPLOSIONS]
    if not ground:
        return triggers
    return [
        t
        for t in triggers
        if t.sub_event_type.event_type is not EventType.EXPLOSIONS
        or not _SUPPORT_BEFORE.search(text, max(0, t.start - 50), t.start)
    ]


# "drone fragments damaged a house", "falling debris caused a fire": what a weapon shot down
# damaged is the shoot-down's toll, not a strike of its own (as ACLED codes it)
_DEBRIS_BEFORE = re.compile(
    # not "debris from the strike hit a tram": the strike's own
    r"\b(?:debris|fragments?|wreckage)(?!\s+from\s+the\s+(?:(?:strike|attack|explosion|blast|bombing"
    r"|shelling|impact)\b|$))\s+(?:of\s+(?:an?\s+|the\s+)?[\w-]+\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
# "air defence shot down all targets", "all 20 drones were destroyed": nothing struck but debris
_ALL_DOWNED = re.compile(
    r"\b(?:shot\s+down|downed|destroyed|intercepted|neutrali[sz]ed)\s+all\b"
    r"|\ball\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,3}(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:shot\s+down|downed|destroyed|intercepted|neutrali[sz]ed)\b",
    re.I,
)


def _debris_and_interceptions(
    text: str, start: int, end: int, triggers: list[Trigger]
) -> list[Trigger]:
    """Debris damage is the shoot-down's; a raid whose every drone or missile was downed
    struck nothing of its own ("Drones attacked the region; air defence shot down all")."""
    out = [as_debris(t, text, _DEBRIS_BEFORE, start=start) for t in triggers]
    downed = any(t.sub_event_type is SubEventType.DISRUPTED_WEAPONS_USE for t in out)
    if downed and _ALL_DOWNED.search(text, start, end):
        out = [t for t in out if t.sub_event_type.event_type is not EventType.EXPLOSIONS]
    return out


# "Russia launched a record 273 drones, killing two people in Kyiv": the deaths are the
# weapon's, remote violence, not an attack on civilians by a party on the ground
_DRONES = re.compile(r"\b(?:drones?|UAVs?|Shaheds?|unmanned\s+aerial)\b", re.I)
_MISSILES = re.compile(
    r"\b(?:missiles?|rockets?|shells?|shelling|artillery|mortars?|Iskanders?|Kalibrs?)\b", re.I
)
_KILLED_BY_DRONE = Rule("killed-by-drone", SubEventType.AIR_DRONE_STRIKE, "", 0.6)
_KILLED_BY_MISSILE = Rule("killed-by-missile", SubEventType.SHELLING_ARTILLERY_MISSILE, "", 0.6)


def _killed_by_a_weapon(text: str, start: int, end: int, triggers: list[Trigger]) -> list[Trigger]:
    if not triggers or any(t.rule.name != "killing" for t in triggers):
        return triggers
    if _DRONES.search(text, start, end):
        rule = _KILLED_BY_DRONE
    elif _MISSILES.search(text, start, end):
        rule = _KILLED_BY_MISSILE
    else:
        return triggers
    return [replace(t, rule=rule) for t in triggers]


def _drop_launch_platforms(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """ "missiles launched from ships and aircraft hit ...": a missile attack, not an air strike."""
    missiles = [t for t in triggers if t.rule.name == "shelling"]
    return [
        t
        for t in triggers
        if t.rule.name != "aircraft-strike"
        or not any(
            0 <= t.start - m.end <= 60 and _LAUNCHED.search(text, m.end, t.start) for m in missiles
        )
    ]


def _downed_by(text: str, weapon: Trigger, shooter: Trigger) -> bool:
    if 0 <= weapon.start - shooter.end <= 80:
        return not _DWU_OBJECT_GAP.search(text, shooter.end, weapon.start)
    if 0 <= shooter.start - weapon.end <= 40:
        return _PASSIVE_GAP.fullmatch(text, weapon.end, shooter.start) is not None
    return False


def _own_dates(
    s_text: str, dates: list[DateReading], trigger: Trigger, sentence: Sentence
) -> list[DateReading]:
    """The sentence's dates a trigger can take: not one inside a relative clause that
    comes after it ("struck Kramatorsk, which has hosted the government since 2014")."""
    at = trigger.start - sentence.start
    out = []
    for d in dates:
        start = relative_clause_start(s_text, d.start)
        if start is None or at >= start:
            out.append(d)
    return out


def _drop_subsumed(triggers: list[Trigger]) -> list[Trigger]:
    """Protests or riots absorb arrests; riots absorb protests and burning; an explosion
    absorbs the destruction it caused."""
    kinds = {t.sub_event_type.event_type for t in triggers}
    drop: set[SubEventType] = set()
    if kinds & {EventType.PROTESTS, EventType.RIOTS}:
        drop.add(SubEventType.ARRESTS)
    if EventType.RIOTS in kinds:
        drop |= {SubEventType.PEACEFUL_PROTEST, SubEventType.LOOTING_PROPERTY_DESTRUCTION}
    if EventType.EXPLOSIONS in kinds:  # "burned down after being hit by a drone": its damage
        drop.add(SubEventType.LOOTING_PROPERTY_DESTRUCTION)
        # "an attack on an apartment block, killing three people": the deaths it caused
        return [
            t
            for t in triggers
            if t.sub_event_type not in drop
            and not (t.rule.name == "killing" and t.sub_event_type is SubEventType.ATTACK)
        ]
    return [t for t in triggers if t.sub_event_type not in drop]


_CLAUSE_CUT = re.compile(
    r";|:\s|,\s+(?:while|whereas|but|and\s+(?=\w+\s+\w+\s+(?:was|were|is|are)\b))\s*|"
    r"\s(?:while|whereas|but)\s"
    # "liberated X and inflicted losses on brigades near Y": a second predicate
    r"|\sand\s+(?=(?:inflicted|struck|hit|destroyed|shelled|shot)\s)",
    re.I,
)


def _clause_cuts(text: str, sentence: Sentence) -> list[int]:
    """Where the sentence's clauses end ("X was hit by an airstrike, while Y was shelled")."""
    return [m.start() for m in _CLAUSE_CUT.finditer(text, sentence.start, sentence.end)]


def _assign(places: list[PlaceMention], triggers: list[Trigger], cuts: list[int]) -> list[Trigger]:
    """Each event place goes to its nearest trigger in its own clause, else the nearest."""
    owners = []
    for p in places:
        here = _clause(cuts, p.match.start)
        mine = [t for t in triggers if _clause(cuts, t.start) == here] or triggers
        owners.append(min(mine, key=lambda t: _distance(t, p.match)))
    return owners


def _distance(t: Trigger, m: NameMatch) -> tuple[int, int]:
    if m.start >= t.end:
        return (m.start - t.end, 0)
    return (max(0, t.start - m.end), 1)


def _office_locates(group: list[tuple[Trigger, DateReading | None]], office: PlaceMention) -> bool:
    """ "The mayor of Melitopol was abducted": events that happen to office holders or
    are decided by them are coded to the office's town. A regional office ("the Sumy
    regional governor said shelling killed two") also places what it reports, at region
    precision; a town's officials often speak of other towns ("the advisor to the mayor of
    Mariupol said a missile hit Zaporizhzhia"), and fighting is reported far from any
    office."""
    trigger, _ = _best(group)
    kind = trigger.sub_event_type.event_type
    if kind in (EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.STRATEGIC_DEVELOPMENTS):
        return trigger.sub_event_type is not SubEventType.DISRUPTED_WEAPONS_USE or office.is_region
    return office.is_region and kind is not EventType.BATTLES


def _place_evidence(place: PlaceMention | None, res: Resolution | None, vague: str | None) -> str:
    if place is None:
        if vague:
            return f"place: only a part of the country is named ({vague}); no point"
        return "place: none named; kept without a point"
    head = f"place: {place.match.surface!r} ({place.role.value}: {place.why})"
    if place.hint is not None:
        head += f", admin hint {place.hint.surface!r}"
    if res is None:
        return head + "; not found in the gazetteer, kept without a point"
    return f"{head}; {res.reason}"


def _confidence(
    trigger: Trigger, res: Resolution | None, *, alleged: bool, dated: bool, published: bool
) -> float:
    conf = trigger.rule.strength
    conf = conf * 0.7 + 0.3 * res.score if res is not None else conf - 0.05
    if alleged:
        conf -= 0.15
    if not dated and not published:
        conf -= 0.1
    return round(min(0.99, max(0.05, conf)), 2)


def _share_fatalities(text: str, sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """The sentence's fatality figure goes to the mention nearest the words that give it."""
    found = find_fatalities(text[sentence.start : sentence.end])
    if found is None:
        return mentions
    return share_toll(mentions, found, at=text.find(found.phrase, sentence.start, sentence.end))


def _vaguer_than(m: Mention, town: Place) -> bool:
    """No place yet, or only the region ``town`` lies in."""
    if m.place is None:
        return True
    return (
        m.place.is_region
        and m.place.admin1 in (town.admin1, None)
        and (m.place.country == town.country)
    )
