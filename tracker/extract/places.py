"""Which named places are where an event happened, and which only stand near it.

A sentence names places in many roles. Only some are event locations:

- ``EVENT``      "shelling hit Kharkiv", "a strike in Mariupol";
- ``NEAR``       "a depot near Havrylivka" (an event place, ACLED precision 2);
- ``ADMIN``      "... in the Kyiv region" right after a settlement: a hint, not a place;
- ``REFERENCE``  "a village west of Kyiv", "30 km from Izium": a reference point;
- ``METONYMY``   "Moscow said", "Kyiv responded", "Moscow's withdrawal": a government;
- ``TREATY``     "the Istanbul accords", "talks in Istanbul", "the Minsk format";
- ``VISIT``      "during a visit to ...", "speaking in ...": where someone was;
- ``ORGANISATION`` "Kyiv Mayor ...", "the Kyiv Independent", "mayor of Kharkiv";
- ``DATELINE``   "KYIV, April 12 (Reuters) -";
- ``COUNTRY``    "Ukraine", "Russia": ACLED does not code events to a country;
- ``PERSON``     "Putin", "President Zelensky": people whose names are also villages.

Each role is decided from the few words around the name, and the reason is kept
as evidence on the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum

from geodata.admin import canonical_admin1
from geodata.model import NameMatch
from tracker.extract.lexicon.countries_en import CAPITALS as _CAPITALS
from tracker.extract.lexicon.countries_en import COUNTRY_NAMES as _COUNTRIES
from tracker.extract.lexicon.people import GIVEN_NAMES
from tracker.extract.lexicon.people import PUBLIC_FIGURES as _PEOPLE
from tracker.extract.prefixes import gated, word_start_union
from tracker.extract.suffixes import SuffixMatcher


class Role(Enum):
    """What a place name stands for in its sentence."""

    EVENT = "event place"
    NEAR = "near the event"
    ADMIN = "admin hint"
    REFERENCE = "reference point"
    METONYMY = "government or actor (metonymy)"
    TREATY = "names talks or a treaty"
    VISIT = "where someone visited or spoke"
    SPEAKER = "where the speaker or claimant sits"
    ORGANISATION = "part of an organisation's name"
    DATELINE = "dateline"
    COUNTRY = "a whole country"
    PERSON = "a person's name"
    GOAL = "a goal, not where it happened"
    PART = "the last word of a longer place name"

    @property
    def is_event_place(self) -> bool:
        """True for the roles that locate an event."""
        return self in (Role.EVENT, Role.NEAR)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name with its role, the words that decided it, and its admin hint."""

    match: NameMatch
    role: Role
    why: str
    is_region: bool = False
    hint: NameMatch | None = None  # a region named right after it
    facility: str | None = None  # "airfield" in "the Starokostiantyniv airfield"


OFFICE = "the seat of an office (mayor of, authorities in)"

_TITLE_BEFORE = re.compile(
    r"\b(?i:President|Mr|Mrs|Ms|Minister|Gen|General|Colonel|Col|Maj|Lt|spokes(?:man|woman|person)|"
    r"Governor|Mayor|Commander|Chief|Prime\s+Minister|Dr|Sir|head|adviser|aide|official|"
    r"ombudsman|lawmaker|MP|prosecutor|envoy|ambassador|journalist|correspondent|reporter|"
    r"Deputy|Commissioner|resident|witness|activist|soldier|blogger|analyst|expert|"
    r"propagandist|collaborator|Captain|Sergeant|Private|officer|volunteer|photographer|"
    r"editor|writer|author|professor|director|CEO|manager|survivor|farmer|priest)\.?"
    r"\s+(?:[A-Z][\w.-]+\s+)?$"
)
_D = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"

_BEFORE = (
    (
        Role.REFERENCE,
        "direction from it",
        # "northwest of the recently captured Avdiivka": a few lowercase words may describe it
        re.compile(
            rf"\b{_D}\s+of\s+(?:the\s+)?(?-i:[a-z][\w-]*\s+){{0,2}}"
            r"(?:(?:city|town|village|capital)\s+of\s+)?$",
            re.I,
        ),
    ),
    (
        Role.REFERENCE,
        "where a road or bridge leads",
        # "the Chonhar bridge to Crimea": the bridge is the target, Crimea where it leads
        re.compile(
            r"\b(?:bridges?|roads?|highways?|railways?|route|corridor|crossings?)\s+"
            r"(?:to|into|linking|connecting)\s+(?:the\s+)?(?:occupied\s+)?$",
            re.I,
        ),
    ),
    (
        Role.REFERENCE,
        "distance from it",
        re.compile(
            r"\b(?:km|kilometres?|kilometers?|miles)\s+(?:\w+\s+)?(?:from|of|outside)\s+(?:the\s+)?"
            r"(?-i:[a-z][\w-]*\s+){0,2}$",
            re.I,
        ),
    ),
    (
        Role.NEAR,
        "'near' it",
        re.compile(
            r"\b(?:near|nearby|outside|close\s+to|around|in\s+the\s+vicinity\s+of|outskirts\s+of|"
            r"not\s+far\s+from|just\s+outside(?:\s+of)?|on\s+the\s+edge\s+of|approaches\s+to)\s+"
            r"(?:the\s+(?:city|town|village|settlement)\s+of\s+|the\s+(?:regional\s+|"
            r"provincial\s+|district\s+)?(?:capital|centre|center)\s+(?:of\s+)?)?$",
            re.I,
        ),
    ),
    (
        Role.VISIT,
        "a visit or a speech there",
        re.compile(
            r"\b(?:visit(?:ed|ing|s)?(?:\s+to)?|trip\s+to|travel(?:l)?ed\s+to|arrived\s+in|landed\s+in|"
            r"flew\s+to|spoke\s+(?:in|from|at)|speaking\s+(?:in|from|at)|speech\s+(?:in|at|from)|"
            r"address\s+(?:in|from)|statement\s+(?:in|from)|interview\s+in|"
            r"remarks\s+in|met\s+[^,.;]{0,40}\s+in|meeting\s+in|(?:press|news)\s+conference\s+in|"
            r"toured|hosted\s+[^,.;]{0,30}\s+in|returned\s+(?:from|to)|summit\s+in|talks\s+in|"
            r"negotiations\s+in|held\s+in|delegations?\s+(?:in|to)|embassy\s+in|envoy\s+(?:in|to)|"
            r"based\s+in|fled\s+to|evacuated\s+to|(?:taken|moved|transferred|deported|brought|"
            r"sent|relocated|driven)\s+(?:away\s+)?to)\s+(?:the\s+)?(?:separatist\s+|occupied\s+)?$",
            re.I,
        ),
    ),
    (
        Role.VISIT,
        "where a weapon was launched from, not where it struck",
        re.compile(
            r"\b(?:launched|fired|flown|took\s+off|taking\s+off|taken\s+off)\s+from\s+(?:the\s+)?"
            r"(?:territory\s+of\s+(?:the\s+)?)?(?:(?:Russia|Ukraine|Belarus)['’]s\s+|occupied\s+)?$",
            re.I,
        ),
    ),
    (
        Role.VISIT,
        "where people come from, not where it happened",
        re.compile(
            r"\b(?:residents?|people|refugees|evacuees|natives?|families|civilians|men|women|"
            r"children|survivors|displaced)\s+(?:who\s+(?:came|fled)\s+)?from\s+(?:the\s+)?"
            r"(?:nearby\s+|neighbouring\s+|neighboring\s+|occupied\s+)?"
            r"(?:(?:towns?|villages?|cities|city|areas?)\s+)?(?:(?:like|such\s+as)\s+)?"
            r"(?:[A-Z][\w'’-]+\s+(?:and|or)\s+|[A-Z][\w'’-]+,\s+)*$",
            re.I,
        ),
    ),
    (
        Role.SPEAKER,
        "the seat of whoever reports it ('the ministry in Moscow said')",
        re.compile(
            r"\b(?:ministry|ministries|government|Kremlin|headquarters|embassy|diplomats?|"
            r"president|parliament|court|spokes(?:man|woman|person)|command|leadership|"
            r"officials?\s+(?:speaking\s+)?from|think\s+tank|newspaper|outlet|news\s+agency|"
            r"broadcaster)\s+"
            r"(?:based\s+|speaking\s+)?(?:in|from)\s+(?:the\s+)?$",
            re.I,
        ),
    ),
    (
        Role.ORGANISATION,
        OFFICE,
        re.compile(
            r"\b(?:mayor|governor|head|chief|authorities|administration|council|embassy|consulate|"
            r"ambassador|patriarch)\s+(?:of|in)\s+(?:the\s+)?$",
            re.I,
        ),
    ),
)


# One scan that rules out every 'before' rule at once (most names match none).
_BEFORE_ANY = word_start_union([p for _, _, p in _BEFORE])

_SPEECH = (
    r"said|says|say|responded|claimed|claims|denied|denies|accused|accuses|warned|warns|insisted|"
    r"announced|stated|argued|rejected|demanded|blamed|blames|called|urged|threatened|vowed|"
    r"confirmed|believes|wants|hopes|maintains|dismissed|condemned|refused|agreed|signed|"
    r"proposed|offered|sought|retaliated|recogni[sz]ed|insists|considers|regards|reported|"
    r"told|wrote|added|noted|stressed|explained|posted|tweeted|commented|clarified|informed"
)
_ACTION = (
    r"launched|ordered|sent|deployed|annexed|withdrew|invaded|struck|fired|attacked|has|had|is|was"
)
_AFTER_SPEECH = re.compile(rf"^\s*(?:,\s*)?(?:has\s+|have\s+|had\s+)?(?:{_SPEECH})\b", re.I)
_AFTER_ACTION = re.compile(rf"^\s+(?:{_ACTION})\b", re.I)
_AFTER_POSSESSIVE = re.compile(r"^(?:'s|’s|')\s+(\w+)")
_LOCATION_PARTS = frozenset(
    [
        "outskirts",
        "suburbs",
        "suburb",
        "district",
        "districts",
        "centre",
        "center",
        "port",
        "airport",
        "residential",
        "streets",
        "neighbourhood",
        "neighbourhoods",
        "neighborhood",
        "neighborhoods",
        "region",
        "oblast",
        "industrial",
        "railway",
        "train",
        "power",
        "southern",
        "northern",
        "eastern",
        "western",
        "central",
        "main",
        "historic",
        "city",
        "old",
        "left",
        "right",
        "bank",
        "outskirt",
        "villages",
        "village",
        "airfield",
    ]
)
_AFTER_TREATY = re.compile(
    r"^\s*-?\s*(?:accords?|agreements?|talks|negotiations|format|summit|communiqu[eé]|"
    r"declaration|memorandum|protocols?|process|peace\s+(?:plan|talks|process|deal)|round|"
    r"meeting|conference|platform|deal|formula|group|initiative|framework|convention)\b",
    re.I,
)
_AFTER_ORG = re.compile(
    r"^(?:['’]s)?\s+(?:City\s+Council|city\s+council|Council|People['’]s\s+Republic|"
    r"(?:Regional|Oblast|District|Raion|Village|Settlement)\s+Council|"
    r"Security\s+Service|Regional\s+(?:State\s+|Military\s+)?"
    r"Administration|(?:City\s+|Oblast\s+)?Military\s+Administration|Oblast\s+Administration|"
    r"[Mm]ayor|[Gg]overnor|Independent|Post|Times|Pravda|Police|Dynamo|University|Institute|"
    r"Patriarchate|[Aa]uthorities|[Oo]fficials|Metro|Zoo|Ballet|Opera|Philharmonic|Oblenergo)\b"
)
_AFTER_STREET = re.compile(
    r"\s+(?:Boulevard|Street|St\.|Avenue|Ave\.|Square|Park|Prospekt|Prospect|Lane|Embankment|"
    r"Highway|Metro\s+station)\b"
)
# ("central Kharkiv" is the city's centre, and the capital's parts are the city's)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:south|north|east|west|southeast|northeast|southwest|northwest|south-east|north-east"
    r"|south-west|north-west)ern\s+$",
    re.I,
)
_CITY_AFTER = re.compile(r"^\s+(?:city|town)\b", re.I)
_REGION_OF_BEFORE = re.compile(r"\b(?:regions?|provinces?|oblasts?)\s+of\s+(?:the\s+)?$", re.I)
_CITY_DISTRICT_AFTER = re.compile(
    r"^\s+(?:district|raion|rayon)\s+of\s+(?:the\s+city\b|(?:the\s+city\s+of\s+)?(?-i:[A-Z])"
    # not "the Beryslav District of Kherson Oblast": a raion of an oblast
    r"(?![\w'’-]*\s+(?:oblast|region|province|krai)\b))",
    re.I,
)
_DISTRICT_WORD_AFTER = re.compile(r"^\s+(?:district|raion|rayon)\b(?!\s+of\b)", re.I)
_AFTER_REGION_WORD = re.compile(
    # "the Sumy border communities": the oblast's villages along the border, not the city
    r"^\s+(?:region|oblast|province|raion|district|border\s+(?:communities|areas|villages"
    r"|settlements|hromadas|towns|districts))\b",
    re.I,
)
_AFTER_DATELINE = re.compile(
    r"^\s*(?:,\s*[A-Za-z][\w ]{1,30})?\s*(?:\(|—|–|--|-\s|,\s*[A-Z][a-z]+\s+\d)"
)
# "Kyiv: Ukraine's military on Sunday reported ...": a colon dateline opens a body paragraph; a
# headline ("Kharkiv: three killed in a strike") is a short line, and its place is the event's.
_COLON_DATELINE = re.compile(r"^\s*:\s+\S")
_COLON_DATELINE_LINE = 100


def _dateline_after(text: str, end: int, after: str) -> bool:
    if _AFTER_DATELINE.match(after):
        return True
    if not _COLON_DATELINE.match(after):
        return False
    line_end = text.find("\n", end)
    return (len(text) if line_end < 0 else line_end) - end >= _COLON_DATELINE_LINE


_HINT_GAP = re.compile(
    # "three villages - A, B and C - that lie on the edge of the Donetsk region"
    r"^(?:\s*[—–-]?\s*,?\s*(?:that|which)\s+(?:lie|lies|are|is|were|was)\s+(?:located\s+|situated\s+)?"
    r"(?:on\s+the\s+(?:edge|border|outskirts)\s+of|in|near|along|close\s+to)\s+(?:the\s+)?"
    r"|(?:\s+[\w'-]+){0,4}?(?:\s*,\s*|\s+in\s+(?:the\s+)?|\s+of\s+(?:the\s+)?|\s*\(\s*))"
    # "in the partially occupied eastern Donetsk region", "in the Russian-held southern ..."
    r"(?:(?:partially\s+|Russian-|Ukrainian-)?(?:occupied|controlled|held)\s+)?"
    r"(?:(?:\w+ern|central)\s+)?$",
    re.I,
)
_FACILITY_AFTER = re.compile(
    r"^\s+(?:military\s+)?(air\s*field|air\s*base|airport|sea\s*port|port|railway\s+station|"
    r"train\s+station|power\s+plant|power\s+station|nuclear\s+power\s+plant|bridge)\b",
    re.I,
)
_FACILITY_BEFORE = re.compile(
    r"\b(?:the\s+)?(air\s*field|air\s*base|airport|port|railway\s+station)\s+(?:at|in|of|near)\s+$",
    re.I,
)


def classify_places(
    text: str, matches: list[NameMatch], *, sentence_start: int, sentence_end: int
) -> list[PlaceMention]:
    """Give every place name in one sentence its role.

    ``matches`` are the sentence's names in order with offsets into ``text``.
    """
    mentions = [_classify(text, m, sentence_start, sentence_end) for m in matches]
    mentions = _named_lists(text, mentions)
    mentions = _between(text, mentions)
    mentions = _near_references(text, mentions)
    mentions = _unknown_place_hints(text, mentions, sentence_start)
    return _pair_admin_hints(text, _descriptors(text, mentions))


_UNKNOWN_BEFORE = re.compile(r"(?:^|[\s(])([A-Z][\w'’-]{3,}(?:[\s-][A-Z][\w'’-]+)?),\s*$")
_NOT_PLACES = frozenset(
    {
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December", "Today", "Yesterday"),
        *("Meanwhile", "However", "Earlier", "Later", "Overnight", "Separately"),
        *("Ukraine", "Russia"),
    }
)


def _unknown_place_hints(
    text: str, mentions: list[PlaceMention], sentence_start: int
) -> list[PlaceMention]:
    """ "near Verkhnokamianske, Donetsk": a village the gazetteer does not know, then its
    oblast by the name it shares with its capital. The oblast is the hint, never the city:
    the event is coded to the region (precision 3), not put in Donetsk city."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.role is not Role.EVENT or m.is_region or not _is_region_stem(text, m):
            continue
        before = _UNKNOWN_BEFORE.search(
            text, max(sentence_start, m.match.start - 60), m.match.start
        )
        if before is None or before.group(1) in _NOT_PLACES:
            continue
        if i > 0 and out[i - 1].match.end > before.start(1):
            continue  # the name before is a known place: an ordinary "X, Donetsk" hint
        why = f"the oblast of {before.group(1)!r}, a place the gazetteer does not know"
        out[i] = PlaceMention(m.match, Role.EVENT, why, True, facility=m.facility)
    return out


_OF_GAP = re.compile(
    r"\s+(?:(?:city|town|village|port|settlement|suburb|district)\s+)?of\s+(?:the\s+)?", re.I
)


def _descriptors(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the Donbas city of Severodonetsk": the first name only describes the second."""
    out = list(mentions)
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        if nxt.role is Role.COUNTRY or nxt.is_region or cur.role is not Role.EVENT:
            continue  # "the Beryslav district of Kherson Oblast": the district is the place
        if _OF_GAP.fullmatch(text, cur.match.end, nxt.match.start):
            why = f"describes {nxt.match.surface!r}, named after it"
            out[i] = PlaceMention(cur.match, Role.ADMIN, why, cur.is_region)
    return out


_NEAR_GAP = re.compile(
    r"[\s,]*(?:[\w'’-]+\s+){0,3}?(?:near|outside|close\s+to|not\s+far\s+from|"
    r"on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}",
    re.I,
)


def _near_references(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "the village of Stepanky outside Kharkiv": the town after "outside" only places the
    village named just before it, as a reference point, and makes no event of its own; so
    do the towns of a clause that says where it lies ("Zhelanne, which lies between the
    cities of Donetsk and Pokrovsk")."""
    out = list(mentions)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if (
            cur.role in (Role.EVENT, Role.NEAR)
            and not cur.is_region
            and prev.role in (Role.EVENT, Role.NEAR, Role.REFERENCE)
            and (
                _LIES_GAP.fullmatch(text, prev.match.end, cur.match.start)
                or (
                    prev.role is Role.REFERENCE
                    and prev.why.startswith(_WHERE_IT_LIES)
                    and _AND_GAP.fullmatch(text, prev.match.end, cur.match.start)
                )
            )
        ):
            why = f"{_WHERE_IT_LIES} {prev.match.surface!r}"
            if prev.role is Role.REFERENCE:
                why = prev.why
            out[i] = PlaceMention(cur.match, Role.REFERENCE, why, cur.is_region, cur.hint)
            continue
        if cur.role is not Role.NEAR or prev.role not in (Role.EVENT, Role.NEAR):
            continue
        if prev.is_region or not _NEAR_GAP.fullmatch(text, prev.match.end, cur.match.start):
            continue
        why = f"{NEAR_TOWN_WHY} {prev.match.surface!r} named just before it"
        out[i] = PlaceMention(cur.match, Role.REFERENCE, why, cur.is_region, cur.hint)
    return out


NEAR_TOWN_WHY = "a reference point for"  # "X near Y", "X outside Y", "X під Y": Y's role


def near_town(reference: PlaceMention | None) -> bool:
    """``reference`` is the town a village just before it is said to lie near."""
    return reference is not None and reference.why.startswith(NEAR_TOWN_WHY)


_WHERE_IT_LIES = "says where the place before it lies:"
# ", which lies between the cities of", ", located 10 km west of", ", situated near"
_LIES_GAP = re.compile(
    r",?\s*(?:(?:which|that)\s+(?:lies|is\s+located|is\s+situated|sits|is)|located|situated"
    r"|lying)\s+(?:[\w()-]+\s+){0,7}",
    re.I,
)
_AND_GAP = re.compile(r"\s*(?:,\s*|\s+and\s+|,\s*and\s+)", re.I)
_LISTABLE = (Role.EVENT, Role.METONYMY)  # "Moscow" opening a list of regions is a region
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*,?\s+as\s+well\s+as\s+", re.I)
_PLURAL_REGIONS = re.compile(r"\s+(?:regions|oblasts|provinces)\b", re.I)
_REGIONS_OF_END = re.compile(
    # "the regions of Sumy and Kharkiv", "areas such as Dnipropetrovsk, Mykolaiv, Chernihiv"
    r"\b(?:(?:regions|oblasts|provinces)\s+of|(?:regions|oblasts|provinces|areas)\s+"
    r"(?:such\s+as|including|like))\s+(?:the\s+)?$",
    re.I,
)
_BORDER_OF_END = re.compile(
    # "on the border of the Donetsk and ...", "of the eastern region of Donetsk and ..."
    r"\b(?:border|boundary|junction)\s+(?:of|between)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:region|oblast|province)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# "... of Donetsk and the southern region of Zaporizhzhia": the other side of that border
_BORDER_AND = re.compile(
    r"\s+and\s+(?:the\s+)?(?:(?:[\w-]+\s+)?(?:region|oblast|province)\s+of\s+(?:the\s+)?)?",
    re.I,
)


_BETWEEN_END = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:villages|towns|settlements|cities)\s+(?:of\s+)?)?$", re.I
)
_BETWEEN_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:(?:village|town|settlement|city)\s+of\s+)?")


def _between(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "on the highway between Stanislav and Oleksandrivka": one place, coded near the first
    town; the second only bounds it (not a second event)."""
    out = list(mentions)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if (
            first.role is Role.EVENT
            and not first.is_region
            and second.role is Role.EVENT
            and _BETWEEN_END.search(text, max(0, first.match.start - 40), first.match.start)
            and _BETWEEN_AND.fullmatch(text, first.match.end, second.match.start)
        ):
            out[i] = replace(first, role=Role.NEAR, why="near: between it and the next town")
            out[i + 1] = replace(second, role=Role.REFERENCE, why="bounds the place between")
    return out


def _named_lists(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Lists that a plural word names: "over the Belgorod, Kursk and Oryol regions" (every
    name a region), "in the Kupyansk, Lymansk and Prydniprovsk directions" (every name a
    front sector, a reference, not a town where fighting was reported)."""
    if not mentions:
        return mentions
    out = list(mentions)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and _LIST_GAP.fullmatch(
            text, out[j].match.end, out[j + 1].match.start
        ):
            j += 1
        if _BORDER_OF_END.search(text, max(0, out[i].match.start - 40), out[i].match.start):
            # "on the border of the Donetsk and Zaporizhzhia regions": the line, no event place
            if (
                j == i
                and j + 1 < len(out)
                and _BORDER_AND.fullmatch(text, out[i].match.end, out[j + 1].match.start)
            ):
                j += 1
            for k in range(i, j + 1):
                m = out[k]
                if m.role in _LISTABLE:
                    why = "one side of a border ('on the border of the X and Y regions')"
                    out[k] = PlaceMention(m.match, Role.ADMIN, why, m.is_region)
        elif _PLURAL_AXES.match(text, out[j].match.end):
            for k in range(i, j + 1):
                m = out[k]
                if m.role in _LISTABLE:
                    why = "one of a list of front sectors ('the X, Y and Z directions')"
                    out[k] = PlaceMention(m.match, Role.REFERENCE, why, m.is_region)
        elif j > i and (
            _PLURAL_REGIONS.match(text, out[j].match.end)
            or _REGIONS_OF_END.search(text, max(0, out[i].match.start - 40), out[i].match.start)
        ):
            for k in range(i, j + 1):
                m = out[k]
                if canonical_admin1(m.match.surface) is not None and m.role in _LISTABLE:
                    why = "one of a list of regions"
                    out[k] = PlaceMention(m.match, Role.EVENT, why, True, facility=m.facility)
        i = j + 1
    return out


def _classify(text: str, m: NameMatch, s_start: int, s_end: int) -> PlaceMention:
    before = text[max(s_start, m.start - 60) : m.start]
    after = text[m.end : min(s_end, m.end + 60)]
    low = m.surface.lower().replace("’", "'")
    republic = _PEOPLES_REPUBLIC.match(after) is not None and canonical_admin1(m.surface)
    if republic:
        # "in the Donetsk People's Republic": the occupied oblast, never the city
        role, why = _role_from_before(before) or (
            Role.EVENT,
            "the oblast a 'people's republic' claims",
        )
        return PlaceMention(m, role, why, True)
    if not m.is_region and _CITY_DISTRICT_AFTER.match(after):
        # "the Dnipro district of the city", "the Shevchenkivskyi district of Kharkiv": a
        # district of a city named like a town or an oblast, not that town or oblast
        return PlaceMention(m, Role.PART, "names a city's district ('the X district of the city')")
    if (
        not m.is_region
        and _DISTRICT_WORD_AFTER.match(after)
        and canonical_admin1(m.surface) is not None
    ):
        # "the Zaporizhzhia district": the raion around the oblast's capital, coded near it
        return PlaceMention(m, Role.NEAR, "a district named after its seat, coded near the city")
    region = (
        m.is_region
        or bool(_AFTER_REGION_WORD.match(after))
        # "the southern Russian region of Bryansk": the region, not its capital
        or (_REGION_OF_BEFORE_END.ends(before) and canonical_admin1(m.surface) is not None)
        # "a hamlet in southern Zaporizhzhia": a part of the oblast, not of the city
        or (
            _DIRECTION_BEFORE.search(before) is not None
            and canonical_admin1(m.surface) not in (None, "Kyiv Oblast", "Kyiv City")
            and _CITY_AFTER.match(after) is None
        )
    )
    facility = _facility(before, after)
    if not m.is_region and _QUALIFIER_BEFORE.search(before):
        # "the village of Mokraya Orlovka": the gazetteer knows an Orlovka, not this village
        return PlaceMention(m, Role.PART, "part of a longer name the gazetteer does not know")
    if low in _COUNTRIES:
        return PlaceMention(m, Role.COUNTRY, "a country, not a place an event is coded to")
    if _UNIT_BEFORE_END.ends(before) or _UNIT_AFTER.match(after):
        return PlaceMention(m, Role.ORGANISATION, "names a military unit or group")
    if _GOAL_BEFORE_END.ends(before):
        return PlaceMention(m, Role.GOAL, "a goal ('pressure to reach X'), not where it happened")
    if _AFTER_AXIS.match(after):
        return PlaceMention(m, Role.REFERENCE, "names a front sector ('the X direction')")
    if _BORDER_PAIR_AFTER.match(after) or (
        _BORDER_PAIR_BEFORE.search(before) and _BORDER_AFTER.match(after)
    ):
        return PlaceMention(
            m, Role.REFERENCE, "one side of a border ('the Donetsk-Zaporizhzhia border')"
        )
    if _AFTER_WATERWORK.match(after) or _SEA_OF_END.ends(before) or _RIVER_SECOND_WORD.match(after):
        return PlaceMention(
            m, Role.ORGANISATION, "names a river, sea, dam or power plant, not the town"
        )
    office = _AFTER_OFFICE.match(after)
    if office:  # "the Sumy regional governor", "Kharkiv Oblast Military Administration"
        return PlaceMention(m, Role.ORGANISATION, OFFICE, region or bool(office.group("reg")))
    if m.is_region and _REGION_OFFICE_AFTER.match(after):  # "Sumy Oblast Governor ... said"
        return PlaceMention(m, Role.ORGANISATION, OFFICE, True)
    if _CLUB_BEFORE_END.ends(before) or (low in _CLUBS and _CLUB_AFTER.match(after)):
        return PlaceMention(m, Role.ORGANISATION, "part of a sports club's name")
    person = None if _SETTLEMENT_SLOT_END.ends(before) else _person(low, before, after)
    if person:
        return PlaceMention(m, Role.PERSON, person)
    if m.start < 80 and not text[: m.start].strip() and _dateline_after(text, m.end, after):
        return PlaceMention(m, Role.DATELINE, "the article's dateline")
    if len(m.surface) <= 5 and m.surface.isupper() and not _AFTER_DATELINE.match(after):
        return PlaceMention(m, Role.ORGANISATION, "an acronym (RIA, TASS, ISW), not a place")
    role_why = _role_from_after(before, after, capital=low in _CAPITALS, region=region)
    if role_why is None:
        role_why = _role_from_before(before)
    if (
        role_why is None
        and low in _CAPITALS
        and not _LOCATIVE_BEFORE_END.ends(before)
        # "Kyiv was attacked by drones": the city hit, not its government
        and not _STRUCK_AFTER.match(after)
    ):
        role_why = (Role.METONYMY, "a capital named without a locative word: its government")
    if role_why is None and low in _CAPITALS and _GOVERNMENT_IN_BEFORE_END.ends(before):
        # "officials in Kyiv stop short of confirming it": the government, as "Kyiv said" is;
        # a town's officials ("officials in Kherson said") report on their own town
        role_why = (Role.SPEAKER, "the seat of the officials who speak ('officials in Kyiv')")
    role, why = role_why or (Role.EVENT, "named in the event's sentence")
    if why == OFFICE and _REGIONAL_OFFICE_END.ends(before):
        # "the regional governor of Kherson": the oblast's office, reporting on the oblast
        region = region or canonical_admin1(m.surface) is not None
    return PlaceMention(m, role, why, region, facility=facility)


_STRUCK_AFTER = re.compile(
    r"^\s+(?:was|were|has\s+been|had\s+been|is|came|comes)\s+(?:\w+\s+)?(?:attacked|hit|struck"
    r"|shelled|bombed|targeted|pounded|rocked|under\s+(?:\w+\s+)?(?:attack|fire))\b",
    re.I,
)
_PEOPLES_REPUBLIC = re.compile(r"\s+People['’]s\s+Republic\b", re.I)
_UNIT_BEFORE = re.compile(
    r"\b(?:group|grouping|brigade|battalion|regiment|division|corps|detachment|unit|"
    r"task\s+force|operation|formation|legion|battle-?\s*groups?)\s+[\"“]?$",
    re.I,
)
_UNIT_AFTER = re.compile(
    r"^[\"”]?\s+(?:(?:operational|tactical|operational-tactical|separate|mechani[sz]ed|"
    r"territorial\s+defen[cs]e)\s+)*(?:group|grouping|brigade|battalion|regiment|"
    r"division|corps|detachment|legion|battle-?\s*groups?)\b",
    re.I,
)
_PLURAL_AXES = re.compile(r"[\s’'”\"]+(?:directions|axes|sectors)\b", re.I)
# The adjectives that open two-word village names ("Mokraya Orlovka", "Velyka Dymerka",
# "Nizhny Olshanets"): right before a matched name they make it a longer name. The automaton
# takes the longest name it knows, so a known "Nova Kakhovka" never reaches this test.
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w'’-])(?=(?-i:[A-Z]))(?:mokr|velyk|velik|mal|nov|star|verkhn|nyzhn|nizhn|krasn|bolsh|chorn"
    r"|chern|sukh|zelen|kamian|kamyan|kamen|sredn|seredn|dal?n|blyzhn|blizhn|pravdyv|ruska|russk)"
    r"(?:aya|aia|yaya|oye|oe|ye|yi|yy|iy|ii|ij|y|a|e|o)\s+$",
    re.I,
)
_AFTER_AXIS = re.compile(
    r"^[\s’'”\"]+(?:direction|axis|sector|salient|bridgehead|front|ledge|bulge|pocket|cauldron)\b",
    re.I,
)
_AFTER_WATERWORK = re.compile(
    r"^\s+(?:[Rr]iver|[Rr]eservoir|[Ss]ea|[Ll]agoon|[Ee]stuary|[Bb]ay|"
    r"(?:[Hh]ydro(?:electric)?\s+)?(?:[Pp]ower\s+[Pp]lant\s+)?[Dd]am|"
    r"[Hh]ydro(?:electric)?(?:\s+power)?\s+(?:[Pp]lant|[Ss]tation)|HPP|TPP|CHP|NPP|"
    r"[Tt]hermal\s+[Pp]ower|[Nn]uclear\s+[Pp]ower)\b"
)
# "mounted pressure to reach the city of Pokrovsk", "in a bid to encircle Bakhmut"
_GOAL_BEFORE = re.compile(
    r"(?:\b(?:to|bid\s+to|effort\s+to|attempts?\s+to|aim(?:ing)?\s+to)\s+(?:reach|capture|take|"
    r"seize|encircle|surround|cut\s+off|bypass|outflank)"
    # "as they push toward Pokrovsk", "closing in on Kurakhove": where troops are heading
    r"|\b(?:push|drive|advance|move|edge|inch)(?:s|d|ed|ing)?\s+(?:further\s+|closer\s+|deeper\s+)?"
    r"(?:towards?|on)|\bclos(?:e|es|ed|ing)\s+(?:in\s+)?on)"
    r"\s+(?:the\s+)?(?:(?:city|town|village|settlement|hub)\s+of\s+)?$",
    re.I,
)
# "near the Donetsk-Zaporizhzhia border", "the Luhansk-Kharkiv Oblast border area": the
# line between two regions, no place of an event
_BORDER = r"(?:\s+(?:[Oo]blasts?|[Rr]egions?|[Pp]rovinces?))?\s+(?:border|boundary|frontier)\b"
_BORDER_PAIR_AFTER = re.compile(r"^[-–][A-Z][\w'’]+" + _BORDER)
_BORDER_PAIR_BEFORE = re.compile(r"[A-Z][\w'’]+[-–]$")
_BORDER_AFTER = re.compile("^" + _BORDER)
# "the Mokri Yaly River": the first word of a two-word river's name
_RIVER_SECOND_WORD = re.compile(r"^\s+[A-Z][\w'’-]+\s+[Rr]iver\b")
_SEA_OF = re.compile(r"\b(?:[Ss]ea|[Gg]ulf|[Bb]ay)\s+of\s+(?:the\s+)?$")  # "the Sea of Azov"
_AFTER_OFFICE = re.compile(
    r"^(?:['’]s)?\s+(?:(?P<reg>regional|oblast|region['’]s|province)\s+(?:state\s+|military\s+)?|"
    r"city\s+(?:military\s+)?)"
    r"(?:governor|head|chief|administration|authorities|officials|police|prosecutor['’]?s?"
    r"|council|legislature|assembly|parliament)\b",
    re.I,
)
# "the village of Stanislav": a settlement's name, whatever given name it also is
_SETTLEMENT_SLOT = re.compile(
    # "the village of Stanislav", "the highway between Stanislav and ...": a place's slot
    r"\b(?:(?:village|town|settlement|hamlet|city)\s+of|between)\s+(?:the\s+)?$",
    re.I,
)
_REGIONAL_OFFICE = re.compile(
    r"\b(?:regional|oblast|provincial)\s+(?:military\s+|state\s+)?(?:governor|head|chief"
    r"|administration|authorities)\s+(?:of|in)\s+(?:the\s+)?$",
    re.I,
)
_REGION_OFFICE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:state\s+|military\s+)?administration|governor|head|chief|authorities"
    r"|officials|police|prosecutor['’]?s?)\b",
    re.I,
)
_CLUBS = frozenset(
    ["shakhtar", "dynamo", "zorya", "metalist", "vorskla", "karpaty", "chornomorets", "kryvbas"]
)
_CLUB_BEFORE = re.compile(r"\b(?:FC|Shakhtar|Dynamo|Zorya|Metalist|Vorskla|Chornomorets)\s+$")
_CLUB_AFTER = re.compile(r"^\s+(?:[A-Z]|players?\b|club\b|fans\b|coach\b|team\b|stadium\b)")
_GIVEN_BEFORE = re.compile(r"\b([A-Z][a-z'’]+)\s+$")
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+$", re.I)


def _person(low: str, before: str, after: str) -> str | None:
    """Why a name is a person's (or a source's), or None: never a place then."""
    if low in _PEOPLE or _TITLE_BEFORE_END.ends(before):
        return "a person's name"
    if low in GIVEN_NAMES:
        return "a given name"
    given = _GIVEN_BEFORE.search(before) if _GIVEN_BEFORE_END.ends(before) else None
    if given and given.group(1).lower().replace("’", "'") in GIVEN_NAMES:
        return f"a surname after the given name {given.group(1)!r}"
    if _SOURCE_BEFORE_END.ends(before) and not _AFTER_OFFICE.match(after):
        return "the source of a report ('according to ...')"
    if _SPEAKER_LABEL.match(after) and _LABEL_BEFORE.search(before):
        return "a speaker's name before a colon ('Governor of X Region Gladkov: ...')"
    return None


# "Governor of Belgorod Region Gladkov: ...", "Mayor Sadovyi: ...": a name right before a
# colon, after an office or a region word, labels a quote
_SPEAKER_LABEL = re.compile(r":\s")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:governor|mayor|head|chief|spokes\w+|minister|commander|region|oblast)\s*)$", re.I
)


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|on|at|near|over|outside|around|into|towards?|across|hit|struck|targeted|shelled|"
    r"attacked|bombed|of|from|above|hitting|striking|targeting|shelling)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.I,
)


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|from|at|near)\s+(?:the\s+)?$", re.I)


def _role_from_after(
    before: str, after: str, *, capital: bool, region: bool
) -> tuple[Role, str] | None:
    if _AFTER_TREATY.match(after):
        return Role.TREATY, "names talks, a treaty or a format"
    if _AFTER_ORG.match(after):
        return Role.ORGANISATION, "part of an organisation's name"
    if _AFTER_STREET.match(after):
        return Role.ORGANISATION, "part of a street, square or park name"
    if _AFTER_SPEECH.match(after) and not _PREPOSITION_BEFORE_END.ends(before):
        return Role.METONYMY, "the subject of a speech verb: its government"
    if capital and _AFTER_ACTION.match(after) and not _STRUCK_AFTER.match(after):
        return Role.METONYMY, "a capital acting as a government"
    possessive = _AFTER_POSSESSIVE.match(after)
    if possessive and possessive.group(1).lower() not in _LOCATION_PARTS and not region:
        return Role.METONYMY, f"possessive '{possessive.group(1)}': an actor, not a place"
    return None


def _role_from_before(before: str) -> tuple[Role, str] | None:
    if not _BEFORE_ANY_END.ends(before):
        return None  # most names: one check says no rule's words end the window
    for role, why, rule in _BEFORE_ENDS:
        if rule.ends(before):
            return role, why
    return None


def _facility(before: str, after: str) -> str | None:
    m = _FACILITY_AFTER.match(after) or (
        _FACILITY_BEFORE.search(before) if _FACILITY_BEFORE_END.ends(before) else None
    )
    return " ".join(m.group(1).lower().split()) if m else None


def _pair_admin_hints(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A region right after a settlement ("X in the Y region") becomes X's admin hint."""
    out = list(mentions)
    for i in range(len(out) - 1):
        place, nxt = out[i], out[i + 1]
        if place.role is Role.ADMIN and place.why.startswith("the region of"):
            if _hromada_then_raion(text, place, nxt):
                # "X in the Y community, Z district": communities' names are romanised
                # every which way, and a raion that size holds one X; the raion is the hint
                j = next(k for k in range(i - 1, -1, -1) if out[k].hint is not None)
                out[j] = _with_hint(out[j], _raion_hint(text, nxt.match))
                out[i + 1] = PlaceMention(nxt.match, Role.ADMIN, place.why, nxt.is_region)
                continue
            # "Pervomaiske, Pokrovsk raion, Donetsk": the oblast of the raion just named
            if (
                (nxt.is_region or _is_region_stem(text, nxt))
                and nxt.match.start - place.match.end <= 20
                and _HINT_GAP.match(text[place.match.end : nxt.match.start])
            ):
                out[i + 1] = PlaceMention(nxt.match, Role.ADMIN, place.why, nxt.is_region)
            continue
        # "the Klimovsky district of the Bryansk region": a district named after its seat
        # takes a hint as the town would; a region name itself does not
        named_after_seat = text[place.match.start : place.match.end] != place.match.surface or bool(
            _RAION_AFTER.match(text, place.match.end)
        )
        if (place.is_region and not named_after_seat) or not (
            nxt.is_region
            or _is_region_stem(text, nxt)
            or _RAION_NAME.search(nxt.match.surface)
            or _RAION_AFTER.match(text, nxt.match.end)  # "Havrylivka, Izium raion"
            or _HROMADA_AFTER.match(text, nxt.match.end)
        ):
            continue
        if place.role not in (Role.EVENT, Role.NEAR, Role.REFERENCE):
            continue
        if nxt.match.start - place.match.end > 60:
            continue
        if _HINT_GAP.match(text[place.match.end : nxt.match.start]):
            out[i] = _with_hint(place, _raion_hint(text, nxt.match))
            out[i + 1] = PlaceMention(
                nxt.match, Role.ADMIN, f"the region of {place.match.surface!r}", nxt.is_region
            )
            _share_with_the_list(text, out, i)
            _beside_the_hint(text, out, i + 1)
    return out


_BESIDE_GAP = re.compile(r"\s*,?\s*(?:next\s+to|near|bordering|close\s+to)\s+(?:the\s+)?")


def _beside_the_hint(text: str, out: list[PlaceMention], i: int) -> None:
    """ "on the edge of the Donetsk region next to the Zaporizhzhia region": the second region
    says where the first lies, as the first says where the villages lie; no event's place."""
    if i + 1 >= len(out):
        return
    nxt = out[i + 1]
    if (nxt.is_region or _is_region_stem(text, nxt)) and _BESIDE_GAP.fullmatch(
        text, out[i].match.end + _region_word_length(text, out[i].match.end), nxt.match.start
    ):
        out[i + 1] = PlaceMention(nxt.match, Role.ADMIN, out[i].why, nxt.is_region)


def _region_word_length(text: str, end: int) -> int:
    word = _AFTER_REGION_WORD.match(text, end)
    return word.end() - end if word else 0


def _share_with_the_list(text: str, out: list[PlaceMention], i: int) -> None:
    """The region after the last place of a list is every listed place's hint."""
    hint = out[i].hint
    k = i - 1
    while (
        k >= 0
        and hint is not None
        and out[k].role in (Role.EVENT, Role.NEAR)
        and out[k].hint is None
        and not out[k].is_region
        and _LIST_GAP.fullmatch(text, out[k].match.end, out[k + 1].match.start)
    ):
        out[k] = _with_hint(out[k], hint)
        k -= 1


_RAION_NAME = re.compile(r"\s(?:raion|rayon|district)$", re.I)  # "Kramatorsk raion", known whole
_RAION_AFTER = re.compile(r"\s+(?:raion|rayon|district)\b", re.I)
# "Katerynivka in the Marinka hromada": the hromada (KATOTTG) is the hint
_HROMADA_AFTER = re.compile(r"\s+(?:territorial\s+)?(?:hromada|community)\b", re.I)


def _hromada_then_raion(text: str, place: PlaceMention, nxt: PlaceMention) -> bool:
    """``place`` is a community named as a village's hint, and ``nxt`` the raion after it."""
    return (
        _HROMADA_AFTER.match(text, place.match.end) is not None
        and (
            _RAION_AFTER.match(text, nxt.match.end) is not None
            or _RAION_NAME.search(nxt.match.surface) is not None
        )
        and nxt.match.start - place.match.end <= 30
        and _HINT_GAP.match(text[place.match.end : nxt.match.start]) is not None
    )


def _raion_hint(text: str, hint: NameMatch) -> NameMatch:
    """ "Novoselivka in the Pokrovsk district": the hint is Pokrovsk *Raion*, which the
    gazetteer knows as the villages' admin2, not the town."""
    if canonical_admin1(hint.surface) is not None:
        return hint
    if _HROMADA_AFTER.match(text, hint.end):
        return NameMatch(hint.start, hint.end, f"{hint.surface} hromada", hint.key, hint.is_region)
    if not _RAION_AFTER.match(text, hint.end):
        return hint
    return NameMatch(hint.start, hint.end, f"{hint.surface} Raion", hint.key, hint.is_region)


def _is_region_stem(text: str, mention: PlaceMention) -> bool:
    """A city named after its oblast, closing a list as a region ("Havrylivka, Kyiv.")."""
    if mention.role is not Role.EVENT or not _STEM_END.match(text, mention.match.end):
        return False
    return canonical_admin1(mention.match.surface) is not None


_STEM_END = re.compile(r"\s*(?:$|[.;)]|,\s+[a-z])")


def _with_hint(place: PlaceMention, hint: NameMatch) -> PlaceMention:
    return PlaceMention(place.match, place.role, place.why, place.is_region, hint, place.facility)


_ADJ = r"[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+)?(?:skyi|skiy|skyy|sky|ska|ske|kyi|ka)\b"
_HROMADA_LIST = re.compile(
    rf"((?:{_ADJ}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*{_ADJ})\s+"
    r"(?:[Tt]erritorial\s+|[Uu]rban\s+|[Rr]ural\s+)?"
    # "the Belovsky District": agencies capitalise the unit as part of its name
    r"(?:[Cc]ommunit(?:y|ies)|[Hh]romadas?|[Dd]istricts?|[Rr]aions?|[Rr]ayons?)\b"
)
_ADJECTIVE = re.compile(_ADJ)
# The case-sensitive words every _HROMADA_LIST match contains: a cheap test first.
_HROMADA_WORD = re.compile(r"[Cc]ommunit|[Hh]romada|[Dd]istrict|[Rr]aion|[Rr]ayon")
_ENDINGS = ("skyi", "skiy", "skyy", "sky", "ska", "ske", "kyi", "ka")


def hromada_adjectives(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Adjectives naming communities or districts ("the Nikopolska and Marhanetska
    communities", "the Klimovsky district")."""
    found: list[tuple[int, int, str]] = []
    if _HROMADA_WORD.search(text, start, end) is None:
        return found  # most sentences: every list ends in one of these words, so none here
    for m in _HROMADA_LIST.finditer(text, start, end):
        for a in _ADJECTIVE.finditer(text, m.start(1), m.end(1)):
            found.append((a.start(), a.end(), a.group()))
    return found


def hromada_towns(adjective: str) -> list[str]:
    """The town names a community or district adjective can come from, most likely first.

    >>> hromada_towns("Nikopolska")[:2]
    ['Nikopol', 'Nikopolsk']
    >>> [t for t in ("Chervonohryhorivka", "Marhanets", "Klimovo", "Bakhmut", "Sumy")
    ...  if t in hromada_towns({"Chervonohryhorivka": "Chervonohryhorivska",
    ...      "Marhanets": "Marhanetska", "Klimovo": "Klimovsky", "Bakhmut": "Bakhmutskyi",
    ...      "Sumy": "Sumska"}[t])]
    ['Chervonohryhorivka', 'Marhanets', 'Klimovo', 'Bakhmut', 'Sumy']
    """
    ending = next(e for e in _ENDINGS if adjective.endswith(e))
    base = adjective[: -len(ending)]
    if not ending.startswith("s"):  # Marhanetska read as -ka: the "s" was the town's own
        return [n for n in (base, base + "k") if len(n) >= 4]
    out = []
    if ending in ("sky", "skiy") and base.endswith(("ov", "ev")):  # Russian Klimovsky → Klimovo
        out.append(base + "o")
    if base.endswith("iv"):  # Chervonohryhorivska → Chervonohryhorivka
        out.append(base + "ka")
    if base.endswith("pil"):  # Bilopilska → Bilopillia, Krasnopilska → Krasnopillia
        out.append(base + "lia")
    out.append(base)  # Nikopolska → Nikopol, Bakhmutskyi → Bakhmut
    if base.endswith("t"):  # Marhanetska → Marhanets
        out.append(base + "s")
    out += [base + "sk", base + "y"]  # Pokrovska → Pokrovsk, Sumska → Sumy
    if base.endswith("iv"):  # Druzhbivska → Druzhba
        out.append(base[:-2] + "a")
    out.append(base + "a")  # Seredyna Budska → Seredyna Buda
    return list(dict.fromkeys(n for n in out if len(n) >= 4))


# The windows before a name are searched for every name of an article: a word-start
# gate in front of each rule finds the same matches in a fraction of the time.
_TITLE_BEFORE = gated(_TITLE_BEFORE)
_LOCATIVE_BEFORE = gated(_LOCATIVE_BEFORE)
_GIVEN_BEFORE = gated(_GIVEN_BEFORE)
_PREPOSITION_BEFORE = gated(_PREPOSITION_BEFORE)
_REGION_OF_BEFORE = gated(_REGION_OF_BEFORE)
_REGIONAL_OFFICE_END = SuffixMatcher(_REGIONAL_OFFICE)
_SETTLEMENT_SLOT_END = SuffixMatcher(_SETTLEMENT_SLOT)
_SOURCE_BEFORE = gated(_SOURCE_BEFORE)
_FACILITY_BEFORE = gated(_FACILITY_BEFORE)

# Every rule above that reads the window before a name ends in "$": it asks only whether
# the window ends in its words. Read backwards (tracker/extract/suffixes.py), nearly every
# name is ruled out at the window's last characters instead of at each of its word starts.
_TITLE_BEFORE_END = SuffixMatcher(_TITLE_BEFORE)
_LOCATIVE_BEFORE_END = SuffixMatcher(_LOCATIVE_BEFORE)
_GOVERNMENT_IN_BEFORE_END = SuffixMatcher(
    re.compile(
        r"\b(?:officials|leaders|politicians|diplomats|lawmakers|policymakers)\s+in\s+$", re.I
    )
)
_GIVEN_BEFORE_END = SuffixMatcher(_GIVEN_BEFORE)
_PREPOSITION_BEFORE_END = SuffixMatcher(_PREPOSITION_BEFORE)
_REGION_OF_BEFORE_END = SuffixMatcher(_REGION_OF_BEFORE)
_SOURCE_BEFORE_END = SuffixMatcher(_SOURCE_BEFORE)
_FACILITY_BEFORE_END = SuffixMatcher(_FACILITY_BEFORE)
_UNIT_BEFORE_END = SuffixMatcher(_UNIT_BEFORE)
_GOAL_BEFORE_END = SuffixMatcher(_GOAL_BEFORE)
_SEA_OF_END = SuffixMatcher(_SEA_OF)
_CLUB_BEFORE_END = SuffixMatcher(_CLUB_BEFORE)
_BEFORE_ANY_END = SuffixMatcher(_BEFORE_ANY)
_BEFORE_ENDS = tuple((role, why, SuffixMatcher(pattern)) for role, why, pattern in _BEFORE)
