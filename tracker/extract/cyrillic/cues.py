"""Word cues the Cyrillic reader looks for around a place or a trigger (see ``reader``).

Each is a small pattern or test read off real war reports: a pronoun standing for the
town named before, the debris of a weapon shot down, a place lying between two
villages, districts named before their city, the words of an earlier report's speaker.
"""

from __future__ import annotations

import re

from tracker.extract.cyrillic.toponyms import Toponym
from tracker.extract.rule import Trigger
from tracker.extract.rule import as_debris as debris_trigger

# "Третьим оказалось Тихое. Им овладели бойцы ...", "... Марганецьку громаду. Обстріляла
# її з артилерії": a sentence that opens with a pronoun for a place, or with a verb and
# that pronoun, speaks of the town or community named just before
PRONOUN_FIRST = re.compile(
    r"\s*[«\"]?(?:(?:Им|Его|Ее|Её|Ним|Його|Нього|Її)\s+[а-яёіїєґ]"
    r"|[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+\s+(?:его|ее|её|його|її)\s+(?:з|с|із|из|зі|со)\s)"
)

# "намагалися витіснити наші війська з району Дементіївки": troops pushed out of the area of
# a village fought there; it is not a launch site ("з районів Курська")
PUSHED_OUT_OF = re.compile(
    r"(?:витісн|вибит|вибив|вибил|відтісн|выбит|выбил|вытесн|оттесн)\w*\s+(?:[\w'’-]+\s+){0,3}"
    r"(?:з|із|из)\s+район\w*\s+$",
    re.I,
)

# "По его словам, ...", "За його словами", "Он добавил": the speaker of the sentence before
HIS_WORDS = re.compile(
    r"\W*(?:по\s+(?:его|ее|её|их)\s+(?:словам|данным|мнению)|за\s+(?:його|її|їхніми)\s+"
    r"(?:словами|даними)|(?:он|она|він|вона)\s+(?:добавил|отметил|додав|зазначил|зазначив)\w*)",
    re.I,
)

# "обломки БПЛА повредили автомобиль", "уламки ракети впали на подвір'я": what the debris of
# a weapon shot down damaged is the shoot-down's toll, not a strike of its own (as ACLED codes it)
_DEBRIS_BEFORE = re.compile(
    r"(?:обломк\w*|фрагмент\w*|уламк\w*|уламок|обломок)\s+(?:\w+\s+){0,2}$", re.I
)


def as_debris(trigger: Trigger, text: str) -> Trigger:
    """A weapon named as debris ("обломки сбитого беспилотника") was shot down."""
    return debris_trigger(trigger, text, _DEBRIS_BEFORE)


_SETTLEMENT_NOUN = r"(?:(?:сел|поселк|посёлк|селищ|город|міст|деревн|хутор)\w*\s+)?"
BETWEEN = re.compile(rf"(?<![\w-])(?:между|між)\s+{_SETTLEMENT_NOUN}$", re.I)
BETWEEN_GAP = re.compile(rf"\s+(?:и|та|і|й)\s+{_SETTLEMENT_NOUN}", re.I)

# a settlement's district or community named right after it ("Белгородского района",
# "Шебекинского муниципального округа", "Мирівської громади")
DISTRICT_NAMED_AFTER = re.compile(
    r",?\s+[А-ЯЁІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк|ск|цк)\w*\s+(?:(?:муниципальн|муніципальн|городск"
    r"|міськ|сільськ|сельск|селищн|поселков)\w*\s+)?(?:район|округ|громад|общин)",
    re.I,
)


CITY_AFTER_WHY = "a district of the city named right after it"
# "в Калининском и Никитовском районах Горловки": districts, then the city they belong to
_DISTRICTS_THEN_CITY = re.compile(
    r"(?:\s*(?:,|и|та|і|й)\s*[А-ЯЁІЇЄҐ][\w'’-]+)*\s+район\w*\s+(?:(?:міста|города|м\.|г\.)\s*)?"
)


def city_after(found: list[Toponym], i: int, text: str) -> bool:
    """A district named right before its city ("у Київському районі Донецька")."""
    city = next((t for t in found[i + 1 :] if t.kind != "community"), None)
    return (
        city is not None
        and city.kind == "settlement"
        and _DISTRICTS_THEN_CITY.fullmatch(text, found[i].end, city.start) is not None
    )


# "в поселке Майский", "у с. Безруки", "селах Головино и Ясные Зори": after a word for a
# village its name keeps the nominative, the form the gazetteer knows
VILLAGE_NAMED = re.compile(
    r"(?<![\w-])(?:(?:с|пгт|смт|пос|сел|п)\.\s*|(?:сел[оаеуі]|селом|селах|поселк\w*|поселок"
    r"|посёлк\w*|селищ\w*|деревн\w*|хутор\w*|пгт|смт)\s+)"
    r"(?P<name>[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+)(?:\s+(?P<second>[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+))?"
)
